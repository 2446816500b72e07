"""The engine: locations from the source map, selection, suppressions, plugins, crashes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import codes, lint
from vplint.config import Config
from vplint.engine import Linter
from vplint.errors import ConfigError, RuleError
from vplint.rules import Registry, parse_rule


def finding(results, code):
    return next(f for r in results for f in r.findings if f.code == code)


# ---- locations -------------------------------------------------------------------------
def test_unknown_key_points_at_the_key_with_did_you_mean():
    results = lint("name: Pizza\noutcom: Hot pizza\n")
    f = finding(results, "VP002")
    assert (f.line, f.column, f.end_column) == (2, 1, 7)
    assert "did you mean 'outcome'" in f.message
    assert f.field == "outcom"


def test_wrong_type_points_at_the_value():
    f = finding(lint("name: P\noutcome:\n  - faster\n  - cheaper\n"), "VP003")
    assert (f.line, f.column) == (3, 3)
    assert "expected text" in f.message and "sequence" in f.message


def test_duplicate_key_is_reported_at_the_second_key():
    f = finding(lint("outcome: a\nname: x\noutcome: b\n"), "VP004")
    assert (f.line, f.column) == (3, 1)
    assert "'outcome'" in f.message


def test_parse_error_has_parser_line_and_column_and_run_goes_on(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ncopy: {headline: \"a\"\nother: 1\n")
    good = tmp_path / "good.yaml"
    good.write_text("name: y\noutcome: Hot pizza in 30 minutes\n")
    linter = Linter(Config(), Registry.default(plugins=False))
    results = list(linter.lint_paths([bad, good]))
    assert [r.path for r in results] == [bad.as_posix(), good.as_posix()]
    f = finding(results[:1], "VP001")
    assert f.line == 3 and f.column >= 1
    assert "cannot parse YAML" in f.message
    assert results[0].score == 0 and results[0].grade == "F"
    assert "VP001" not in codes(results[1:])


def test_offsets_inside_block_scalars_map_to_file_positions(registry):
    source = textwrap.dedent("""\
        name: Ledger
        copy:
          body: |
            First line of body.
            Approved within 3 days, or your money back.
        """)
    from vplint.document import load_text

    doc = load_text(source, "x.yaml", "yaml")[0]
    node = doc.node("copy.body")
    text = str(node.value)
    start = text.index("money")
    line, col, end_line, end_col = doc.span(node, start, start + len("money"))
    assert (line, end_line) == (5, 5)
    assert source.splitlines()[4][col - 1:end_col - 1] == "money"


def test_offsets_inside_quoted_chinese_strings(registry):
    source = 'name: 披萨\ncopy:\n  headline: "热披萨，三十分钟送到"\n'
    from vplint.document import load_text

    doc = load_text(source, "x.yaml", "yaml")[0]
    node = doc.node("copy.headline")
    text = str(node.value)
    start = text.index("三十")
    assert doc.span(node, start, start + 4)[:2] == (3, 18)


def test_markdown_headline_is_first_heading_and_positions_are_in_the_file():
    source = "---\nname: Demo\nlanguage: en\n---\nIntro paragraph.\n\n# Hot pizza fast\n\n- one\n"
    from vplint.document import load_text

    doc = load_text(source, "p.md", "markdown")[0]
    assert doc.text("copy.headline") == "Hot pizza fast"
    assert doc.span(doc.node("copy.headline"))[:2] == (7, 3)
    assert doc.text("name") == "Demo"
    assert doc.value("copy.bullets") == ["one"]


def test_markdown_without_heading_uses_first_paragraph():
    from vplint.document import load_text

    doc = load_text("卖车没有中间商赚差价。\n\n更多内容。\n", "p.md", "markdown")[0]
    assert doc.text("copy.headline") == "卖车没有中间商赚差价。"


def test_several_propositions_in_one_file_give_several_results():
    results = lint("name: A\noutcome: x\n---\nname: B\noutcome: y\n")
    assert [r.name for r in results] == ["A", "B"]
    assert [r.index for r in results] == [0, 1]


# ---- languages -------------------------------------------------------------------------
def test_language_detected_and_messages_localised():
    zh = lint("name: 披萨\noutcome: 热披萨送到家\n")[0]
    en = lint("name: Pizza\noutcome: Hot pizza at your door\n")[0]
    assert zh.language == "zh" and en.language == "en"
    assert "时间" in finding([zh], "TIM001").message
    assert "time bound" in finding([en], "TIM001").message


def test_forced_language_changes_messages_only(registry):
    linter = Linter(Config(), registry, forced_language="en")
    result = linter.lint_text("name: 披萨\noutcome: 热披萨送到家\n", "x.yaml")[0]
    assert result.language == "zh"
    assert "time bound" in finding([result], "TIM001").message


# ---- selection -------------------------------------------------------------------------
def test_select_and_ignore_by_prefix_most_specific_wins():
    source = "name: Pizza\n"
    assert "TIM001" not in codes(lint(source, ignore=["TIM"]))
    assert codes(lint(source, select=["TIM"])) == ["TIM001"]
    assert "TIM001" in codes(lint(source, ignore=["T"], extend_select=["TIM001"]))


def test_per_file_ignores(tmp_path: Path, registry):
    config = Config(per_file_ignores={"drafts/*.yaml": ["TIM001"]}, root=str(tmp_path))
    linter = Linter(config, registry)
    assert "TIM001" not in codes(linter.lint_text("name: P\n", "drafts/a.yaml"))
    assert "TIM001" in codes(linter.lint_text("name: P\n", "final/a.yaml"))


def test_unknown_code_in_select_is_a_config_error_with_did_you_mean(registry):
    with pytest.raises(ConfigError, match="TIM001"):
        Linter(Config(select=["TIM01"]), registry)


def test_severity_and_weight_overrides(registry):
    # every rule of the time dimension weighs 0, so the dimension is not scored
    results = lint("name: Pizza\n", severity={"TIM001": "error"},
                   weights={"TIM001": 0, "TIM002": 0})
    assert finding(results, "TIM001").severity.value == "error"
    assert "time" not in results[0].dimensions


# ---- suppressions -----------------------------------------------------------------------
def test_line_suppression_silences_that_line_only():
    source = "name: P  # vplint: disable=TIM001\noutcom: x\n"
    found = codes(lint(source))
    assert "TIM001" not in found and "VP002" in found and "VP100" not in found


def test_suppression_alone_on_a_line_applies_to_the_next_line():
    source = "# vplint: disable=VP002\noutcom: x\n"
    assert "VP002" not in codes(lint(source))


def test_file_suppression_and_unused_suppression_reported():
    source = "# vplint: disable-file=TIM001\nname: P\noutcome: Pizza  # vplint: disable=OBJ001\n"
    results = lint(source)
    found = codes(results)
    assert "TIM001" not in found
    unused = finding(results, "VP100")
    assert (unused.line, "OBJ001" in unused.message) == (3, True)


def test_markdown_suppression():
    source = "<!-- vplint: disable=PRF001 -->\n# Hot pizza in 30 minutes\n\nOr it's free.\n"
    found = codes(lint(source, kind="markdown", path="copy.md"))
    assert "PRF001" not in found and "VP100" not in found
    assert "PRF001" in codes(lint(source.split("\n", 1)[1], kind="markdown", path="copy.md"))


def test_a_suppression_for_a_rule_that_does_not_judge_the_page_is_not_stale():
    source = "<!-- vplint: disable=PRF001 -->\n# Hot pizza in 30 minutes\n\nOr it's free.\n"
    for path in ("index.md", "blog/pizza.md"):  # PRF001 judges neither
        assert "VP100" not in codes(lint(source, kind="markdown", path=path)), path
    stale = "<!-- vplint: disable=TIM002 -->\n# Hot pizza in 30 minutes\n"
    assert "VP100" in codes(lint(stale, kind="markdown", path="index.md"))


# ---- scoring ---------------------------------------------------------------------------
def test_scores_fall_with_findings_and_stay_in_range():
    strong = lint(Path("examples/en-strong-pizza-delivery.yaml").read_text("utf-8"))[0]
    empty = lint("name: Nothing at all\n")[0]
    assert 0 <= empty.score < strong.score <= 100
    assert all(0 <= v <= 100 for v in empty.dimensions.values())


def test_scoring_formula_is_weighted_by_severity():
    from vplint.model import Finding, Severity
    from vplint.scoring import score

    def rule(code, weight, dim):
        return parse_rule({"code": code, "name": code.lower(), "severity": "warning",
                           "message": "m", "weight": weight, "dimension": dim,
                           "extends": "existence"}, "t")

    rules = [rule("AAA001", 3, "time"), rule("AAA002", 1, "time"), rule("AAA003", 4, "proof")]
    hit = Finding("AAA001", "a", Severity.WARNING, "m", "p", 1, 1, 1, 1)
    overall, dims = score([hit, hit], rules, {})
    assert dims == {"time": round(100 * (1 - 3 * 0.75 / 4)), "proof": 100}
    assert overall == round(100 * (1 - 3 * 0.75 / 8))


# ---- rules from directories and plugins ----------------------------------------------------
RULE = textwrap.dedent("""\
    code: {code}
    name: no-synergy
    severity: warning
    weight: 2
    dimension: clarity
    extends: existence
    params:
      terms: {{en: [synergy], zh: [协同效应]}}
    message: {{en: "Avoid '{{match}}'.", zh: "避免使用“{{match}}”。"}}
    docs:
      en: {{what: w, why: w, example: e, use_instead: u}}
      zh: {{what: w, why: w, example: e, use_instead: u}}
    source: house style
    """)


def test_rules_dirs_add_user_rules(tmp_path: Path):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "HSE001.yaml").write_text(RULE.format(code="HSE001"))
    registry = Registry.default([tmp_path / "house"], plugins=False)
    f = finding(Linter(Config(), registry).lint_text("copy: {body: Real synergy}\n", "x"),
                "HSE001")
    assert f.message == "Avoid 'synergy'." and (f.line, f.column, f.end_column) == (1, 19, 26)


@pytest.fixture(autouse=True)
def _fresh_plugin_module(monkeypatch):
    """Each test installs its own version of the demo plugin under the same name."""
    import importlib
    import sys

    monkeypatch.delitem(sys.modules, "vplint_demo_plugin", raising=False)
    importlib.invalidate_caches()


def _install_plugin(root: Path, module_body: str, rule_code: str | None = "DEMO001") -> None:
    pkg = root / "vplint_demo_plugin"
    (pkg / "rules").mkdir(parents=True)
    (pkg / "__init__.py").write_text(module_body)
    if rule_code:
        (pkg / "rules" / f"{rule_code}.yaml").write_text(RULE.format(code=rule_code).replace(
            "extends: existence", "check: vplint_demo_plugin:check"))
    dist = root / "vplint_demo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: vplint-demo-plugin\n"
                                   "Version: 0.1\n")
    (dist / "entry_points.txt").write_text("[vplint.rules]\ndemo = vplint_demo_plugin\n")


PLUGIN_CHECK = textwrap.dedent("""\
    from vplint.checks import Hit
    from vplint.checks.declarative import matches, hit_for

    def check(ctx):
        for m in matches(ctx):
            yield hit_for(m)
    """)


def test_entry_point_plugin_runs_and_is_selected_and_ignored_like_builtin(tmp_path, monkeypatch):
    _install_plugin(tmp_path, PLUGIN_CHECK)
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = Registry.default()
    assert "DEMO001" in registry.rules
    source = "copy: {body: Real synergy}\n"
    assert "DEMO001" in codes(Linter(Config(), registry).lint_text(source, "x"))
    assert codes(Linter(Config(select=["DEMO"]), registry).lint_text(source, "x")) == ["DEMO001"]
    assert "DEMO001" not in codes(Linter(Config(ignore=["DEMO001"]), registry)
                                  .lint_text(source, "x"))


def test_plugin_that_fails_to_load_is_named(tmp_path, monkeypatch):
    _install_plugin(tmp_path, "raise ImportError('missing dependency foo')\n", rule_code=None)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RuleError) as info:
        Registry.default()
    assert "demo" in str(info.value) and "vplint-demo-plugin" in str(info.value)
    assert "missing dependency foo" in str(info.value)


def test_crashing_rule_is_vp900(tmp_path, monkeypatch):
    _install_plugin(tmp_path, "def check(ctx):\n    raise KeyError('segment')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linter = Linter(Config(), Registry.default())
    results = linter.lint_text("name: 披萨\noutcome: 热披萨30分钟送到\n", "x.yaml")
    crash = finding(results, "VP900")
    assert "DEMO001" in crash.message and "KeyError" in crash.message
    assert "TIM001" not in codes(results) and "OUT001" not in codes(results)
    assert linter.crashed


def test_malformed_hit_is_vp900(tmp_path, monkeypatch):
    _install_plugin(tmp_path, "def check(ctx):\n    return [('not', 'a hit')]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linter = Linter(Config(), Registry.default())
    crash = finding(linter.lint_text("name: x\n", "x.yaml"), "VP900")
    assert "not a Hit" in crash.message


def test_rule_file_errors_name_the_file(tmp_path: Path):
    (tmp_path / "BAD001.yaml").write_text("code: BAD001\nname: x\nseverity: loud\nmessage: m\n"
                                          "extends: existence\n")
    with pytest.raises(RuleError, match="BAD001.yaml.*severity 'loud'"):
        Registry().load_dir(tmp_path)


def test_registry_is_not_a_singleton():
    a, b = Registry.default(plugins=False), Registry.default(plugins=False)
    a.rules.pop("TIM001")
    assert "TIM001" in b.rules
