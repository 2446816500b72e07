"""CMP, the red flags of advertising law: precise on ordinary copy, located on the claim.

Each rule's own should-fail and should-pass examples run in tests/test_rule_examples.py;
this file checks what no single rule's examples can: that copy which merely mentions
health, price or time gets no red flag from any of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, lint

ORDINARY = [
    ("en", "Check your blood pressure at home in 30 seconds and share it with your doctor"),
    ("en", "Healthy lunches delivered to your office by noon, or your next one is free"),
    ("en", "Free shipping on orders over $50; returns within 30 days"),
    ("en", "Start a free 14-day trial, then $9 a month; cancel any time"),
    ("en", "Our sale ends on 31 March 2025 at midnight"),
    ("en", "Rated 4.8 by 12,000 verified buyers on Trustpilot"),
    ("en", "Safe for dishwashers and tested to EN 12875"),
    ("en", "Treat yourself to a weekend away - three nights for the price of two"),
    ("en", "Cut your heating bill by 20% this winter, guaranteed or your money back"),
    ("en", "Sleep better on a mattress you can try for 100 nights"),
    ("en", "Lose the spreadsheets: close your books in five days"),
    ("en", "Only the freshest fish, caught this morning"),
    ("en", "Sustainable growth for your agency, without the burnout"),
    ("en", "Reduce the risk of a missed deadline with reminders your team reads"),
    ("en", "A fat-burning HIIT class every Tuesday at 7, first session free"),
    ("en", "Steady returns on your ad spend: see every click's cost by Monday"),
    ("zh", "在家30秒测一次血压，结果同步给家庭医生"),
    ("zh", "满99元免运费，7天无理由退货"),
    ("zh", "免费试用14天，之后每月299元，随时取消"),
    ("zh", "活动截止到2025年3月31日24时"),
    ("zh", "健康午餐，12点前送到办公室"),
    ("zh", "运动30分钟，晚上睡得更香"),
    ("zh", "确保过程可追溯，每道工序留档"),
    ("zh", "比你现在的箱子轻2公斤，登机不用再托运"),
    ("zh", "今晚9点前下单，明早送到家"),
    ("zh", "让团队更有效率地完成月报，每月省下3天"),
    ("zh", "调理作息，早睡早起，白天精神好"),
    ("zh", "冬天用的润肤乳，手背不再干裂"),
    ("zh", "买满100元送环保袋"),
    ("zh", "降低库存风险，稳定现金流"),
]


@pytest.mark.parametrize("lang,line", ORDINARY, ids=[line[:24] for _, line in ORDINARY])
def test_ordinary_copy_about_health_price_or_time_has_no_red_flag(lang: str, line: str) -> None:
    result = lint(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n")[0]
    flags = [f"{f.code}: {f.match}" for f in result.findings if f.code.startswith("CMP")]
    assert not flags, flags


def test_no_red_flag_in_the_bundled_examples_and_corpora() -> None:
    for path in sorted((ROOT / "examples").rglob("*.*")):
        if path.suffix not in (".yaml", ".md"):
            continue
        kind = "yaml" if path.suffix == ".yaml" else "markdown"
        results = lint(path.read_text("utf-8"), kind=kind, path=path.name)
        flags = [f"{f.code}: {f.match}" for r in results for f in r.findings
                 if f.code.startswith("CMP")]
        assert not flags, (path, flags)


def test_the_finding_points_at_the_claim() -> None:
    source = "name: Tea\ncopy:\n  subheadline: Doctors hate this trick. Cures bloating fast.\n"
    found = {f.code: f for f in lint(source)[0].findings}
    cure = found["CMP001"]
    assert cure.match == "Cures bloating"
    assert (cure.line, cure.column, cure.end_column) == (3, 41, 55)
    assert cure.field == "copy.subheadline"


def test_competitors_and_objections_are_quoted_not_claimed() -> None:
    source = ("name: Tea\ncompetitors:\n  - name: SlimFast Tea\n    claim: Lose 10 kg in 7 days\n"
              "objections:\n  - doubt: Does it have zero side effects?\n"
              "    answer: It is peppermint; ask your pharmacist if you take medicine.\n")
    assert not [f for f in lint(source)[0].findings if f.code.startswith("CMP")]


def test_a_named_study_answers_clinically_proven_in_english_only() -> None:
    en = ("name: Gel\ncopy:\n  headline: Clinically proven to reduce plaque\nproof:\n"
          "  - kind: data\n    text: A randomised trial of 240 adults\n"
          "    source: Lee et al., Journal of Dental Research, 2023\n")
    zh = ("name: 牙膏\ncopy:\n  headline: 经临床验证，减少牙菌斑\nproof:\n"
          "  - kind: data\n    text: 240名成人的随机对照试验\n"
          "    source: Lee et al., Journal of Dental Research, 2023\n")
    assert "CMP004" not in {f.code for f in lint(en)[0].findings}
    # the PRC law forbids the endorsement itself, whatever the study
    assert "CMP004" in {f.code for f in lint(zh)[0].findings}


def test_a_dated_deadline_is_not_fake_urgency() -> None:
    undated = lint("copy:\n  body: Offer ends at midnight!\n")[0]
    dated = lint("copy:\n  body: Offer ends at midnight on 31 March 2025.\n")[0]
    assert "CMP007" in {f.code for f in undated.findings}
    assert "CMP007" not in {f.code for f in dated.findings}


def test_rule_files_name_their_legal_source() -> None:
    for path in sorted(Path(ROOT / "rules" / "cmp").glob("CMP*.yaml")):
        text = path.read_text("utf-8")
        assert "source:" in text and any(law in text for law in (
            "广告法", "FTC", "CAP Code")), path.name


def test_traditional_chinese_is_read_through_its_simplified_form() -> None:
    source = "language: zh\ncopy:\n  headline: 喝一個月，降血壓降血糖，7天見效\n"
    found = {f.code: f for f in reversed(lint(source)[0].findings)}  # the first of each
    assert found["CMP001"].match == "降血壓"  # reported in the copy's own characters
    assert (found["CMP001"].column, found["CMP001"].end_column) == (18, 21)
    assert "CMP002" in found
