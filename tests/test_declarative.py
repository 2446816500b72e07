"""The six declarative rule types the README documents for user rules, each exercised
through a rule file in a `rules_dirs` folder, in English and Chinese."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from vplint.config import Config
from vplint.engine import Linter
from vplint.rules import Registry

DOCS = ("docs:\n  en: {what: w., why: w., example: e, use_instead: u}\n"
        "  zh: {what: w., why: w., example: e, use_instead: u}\nsource: house style\n")


@pytest.fixture
def house(tmp_path: Path):
    """Write one user rule and return a function linting text with only that rule."""

    def build(code: str, body: str):
        (tmp_path / f"{code}.yaml").write_text(
            f"code: {code}\nname: house-{code.lower()}\nseverity: warning\nweight: 2\n"
            f"dimension: clarity\n{textwrap.dedent(body)}{DOCS}", encoding="utf-8")
        registry = Registry.default([tmp_path], plugins=False)
        linter = Linter(Config(select=[code]), registry)

        def findings(source: str):
            return [f for r in linter.lint_text(source, "x.yaml") for f in r.findings]

        return findings

    return build


def test_substitution_suggests_the_preferred_term(house):
    findings = house("HSE101", """\
        extends: substitution
        params:
          fields: [copy]
          swap: {en: {utilize: use}, zh: {赋能: 帮助}}
        message:
          en: "Say '{replacement}', not '{match}'."
          zh: "用“{replacement}”，别用“{match}”。"
        """)
    [en] = findings("copy: {body: We utilize AI}\n")
    assert (en.message, en.suggestion, en.column) == ("Say 'use', not 'utilize'.", "use", 17)
    [zh] = findings("copy: {body: 为企业赋能}\n")
    assert (zh.message, zh.suggestion, zh.match) == ("用“帮助”，别用“赋能”。", "帮助", "赋能")
    assert findings("copy: {body: We use AI to help you}\n") == []


def test_pattern_must_match_and_must_not_match(house):
    findings = house("HSE102", """\
        extends: pattern
        params:
          fields: [copy.headline]
          must_not_match: '!{2,}|！{2,}'
        message: {en: "No '{match}' in a headline.", zh: "标题里不要用“{match}”。"}
        """)
    assert [f.match for f in findings("copy: {headline: Hot pizza now!!!}\n")] == ["!!!"]
    assert [f.message for f in findings("copy: {headline: 热披萨！！}\n")] == \
        ["标题里不要用“！！”。"]
    assert findings("copy: {headline: Hot pizza in 30 minutes}\n") == []

    findings = house("HSE103", """\
        extends: pattern
        params:
          fields: [time_bound]
          must_match: '\\d|[一二两三四五六七八九十]'
        message: {en: "A time bound needs a number.", zh: "时间承诺要有数字。"}
        """)
    assert len(findings("time_bound: soon\n")) == 1
    assert len(findings("time_bound: 尽快\n")) == 1
    assert findings("time_bound: within 3 days\n") == []
    assert findings("time_bound: 三天内\n") == []


def test_occurrence_bounds_count_terms(house):
    findings = house("HSE104", """\
        extends: occurrence
        params:
          fields: [copy]
          terms: {en: [you, your], zh: [您, 你]}
          min: 1
        message:
          en: "Found {count} customer words; at least {min}."
          zh: "只有{count}处对客户说话，至少{min}处。"
        """)
    [en] = findings("copy: {body: We built a platform.}\n")
    assert en.message == "Found 0 customer words; at least 1."
    [zh] = findings("copy: {body: 我们打造了平台。}\n")
    assert zh.message == "只有0处对客户说话，至少1处。"
    assert findings("copy: {body: Your invoices, paid in 2 days.}\n") == []
    assert findings("copy: {body: 您的发票两天内付清。}\n") == []


def test_existence_limit_and_required_from_a_user_rules_dir(house):
    existence = house("HSE105", """\
        extends: existence
        params: {terms: {en: [synergy], zh: [协同效应]}, fields: [copy]}
        message: {en: "'{match}'", zh: "“{match}”"}
        """)
    assert [f.match for f in existence("copy: {body: 产生协同效应与synergy}\n")] == \
        ["协同效应", "synergy"]
    limit = house("HSE106", """\
        extends: limit
        params: {fields: [copy.subheadline], max: {en: 3, zh: 5}}
        message: {en: "{count} > {max} {unit}", zh: "{count} > {max} {unit}"}
        """)
    assert [f.message for f in limit("copy: {subheadline: one two three four}\n")] == \
        ["4 > 3 words"]
    assert [f.message for f in limit("copy: {subheadline: 六个汉字太长}\n")] == ["6 > 5 字"]
    required = house("HSE107", """\
        extends: required
        params: {fields: [category]}
        message: {en: "Name the {fields}.", zh: "写明{fields}。"}
        """)
    assert [f.message for f in required("name: Pizza\n")] == ["Name the category."]
    assert required("name: Pizza\ncategory: delivery\n") == []
