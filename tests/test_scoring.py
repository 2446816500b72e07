"""The score means something: red flags dominate, a file that says nothing cannot pass,
copy is judged on what copy can show, and a rewrite from feature to benefit scores higher
(docs/scoring.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, codes, lint
from vplint.initfile import starter_text
from vplint.model import Finding, Severity
from vplint.rules import parse_rule
from vplint.scoring import (
    ERROR_CAP,
    LEGAL_WARNING_CAP,
    NOTHING_CAP,
    RED_FLAG_CAP,
    RED_FLAGS_CAP,
    cap,
    grade,
    score,
)
from vplint.text.benefit import CopyEvidence

FIXTURES = ROOT / "tests" / "fixtures"


def _copy(text: str, kind: str = "markdown") -> int:
    path = "copy.md" if kind == "markdown" else "copy.yaml"
    return lint(text, kind=kind, path=path)[0].score


# ---- the detox tea of issue 14 ---------------------------------------------------------
@pytest.mark.parametrize("name", ["detox-tea.yaml", "detox-tea-zh.yaml"])
def test_detox_tea_is_graded_f_with_its_red_flags(name: str) -> None:
    result = lint((FIXTURES / name).read_text("utf-8"), path=name)[0]
    assert result.grade == "F" and result.score <= RED_FLAGS_CAP
    found = {f.code for f in result.findings}
    # every promise the issue lists is named by its own red flag
    assert {"CMP001", "CMP003", "CMP004", "CMP007", "CMP008", "CMP009", "CMP010",
            "CMP011", "CMP012"} <= found
    assert all(f.severity is Severity.ERROR for f in result.findings
               if f.code in {"CMP001", "CMP003", "CMP004", "CMP008", "CMP012"})


def test_chinese_twin_names_the_chinese_law() -> None:
    result = lint((FIXTURES / "detox-tea-zh.yaml").read_text("utf-8"))[0]
    disease = next(f for f in result.findings if f.code == "CMP001")
    assert "广告法" in disease.message and "第十七条" in disease.message
    assert {"CMP002", "CMP001"} <= {f.code for f in result.findings}


def test_removing_the_red_flags_lifts_the_cap() -> None:
    clean = ("name: SlimLeaf peppermint tea\nlanguage: en\ncopy:\n"
             "  headline: A caffeine-free peppermint tea for after dinner\n"
             "  body: 30 tea bags, one after every meal. Try it for 30 days; if it is not "
             "for you, send it back and get a full refund.\n")
    result = lint(clean, kind="yaml", path="tea.yaml")[0]
    assert not [c for c in codes([result]) if c.startswith("CMP")]
    assert result.score > RED_FLAG_CAP


# ---- files that say nothing ------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["consumer", "b2b"])
def test_the_empty_starter_cannot_pass(lang: str, kind: str) -> None:
    result = lint(starter_text(lang, kind), path="proposition.yaml")[0]
    assert result.score <= NOTHING_CAP and result.grade == "F"
    assert "OUT004" in codes([result])


@pytest.mark.parametrize("text", [
    "x\n",
    "Acme is a company that does things for businesses. We are passionate about "
    "innovation and we deliver excellence to our clients.\n",
    "# Changelog\n\n## 1.2.0\n- Fixed a bug in the parser\n- Added a --json option\n",
    "# 关于我们\n\n鼎盛云创是一家致力于数字化转型的公司，"
    "我们秉承客户至上的理念，提供一站式解决方案。\n",
])
def test_copy_that_says_nothing_cannot_pass(text: str) -> None:
    result = lint(text, kind="markdown", path="copy.md")[0]
    assert result.grade == "F", (result.score, codes([result]))


# ---- copy is judged on what copy can show ----------------------------------------------
def test_a_strong_tagline_is_not_charged_for_proposition_fields() -> None:
    result = lint("# Hot pizza at your door in 30 minutes, or it's free\n", kind="markdown",
                  path="copy.md")[0]
    assert result.grade == "A", (result.score, codes([result]))


def test_copy_in_yaml_and_in_markdown_score_alike() -> None:
    line = "Snap a receipt and your agency gets reimbursed by Friday"
    assert _copy(f"# {line}\n") == _copy(f"copy:\n  headline: {line}\n", kind="yaml")


def test_taglines_spread_instead_of_bunching() -> None:
    scores = [_copy(f"# {line}\n") for line in (
        "The leading provider of innovative end-to-end solutions",
        "A better way to manage your money",
        "Book meetings without the back-and-forth emails",
        "Hot pizza at your door in 30 minutes, or it's free",
    )]
    assert scores == sorted(scores) and scores[-1] - scores[0] >= 40, scores


# ---- a rewrite from feature to benefit raises the score ---------------------------------
REWRITES = [
    ("en", "We provide an expense management platform for agencies.",
     "We help agencies stop chasing receipts: expenses filed in 5 minutes, paid by Friday."),
    ("en", "The leading innovative expense platform that empowers every agency to grow "
           "faster.",
     "Snap a receipt and your agency gets reimbursed by Friday."),
    ("en", "Our AI-powered scheduling platform supports 50 integrations.",
     "Build next week's rota in 15 minutes, and never again find Friday two servers short."),
    ("zh", "我们提供领先的一站式智能财务解决方案。",
     "月底不再通宵对账：发票拍照上传，3天内自动对平。"),
    ("zh", "采用先进AI技术的云端外卖管理平台。",
     "午市高峰不用再手抄订单，顾客扫码下单，厨房10秒就收到。"),
    ("zh", "本公司致力于为客户提供优质的二手车服务。",
     "卖车不再被车贩子压价，检测后24小时内上架，平均3天成交。"),
]


@pytest.mark.parametrize("lang,feature,benefit", REWRITES)
@pytest.mark.parametrize("kind", ["markdown", "yaml"])
def test_feature_to_benefit_rewrite_scores_higher(lang: str, feature: str, benefit: str,
                                                   kind: str) -> None:
    def one(line: str) -> int:
        if kind == "markdown":
            return _copy(f"{line}\n")
        return _copy(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n", kind="yaml")

    before, after = one(feature), one(benefit)
    assert after >= before + 20, (before, after)


def test_a_rewrite_inside_a_full_proposition_raises_its_score() -> None:
    source = Path(ROOT / "examples" / "en-strong-pizza-delivery.yaml").read_text("utf-8")
    before = lint(source.replace(
        "headline: Hot pizza delivery in 30 minutes, or it's free",
        "headline: The leading innovative pizza platform that empowers every household"))[0]
    after = lint(source)[0]
    assert after.score > before.score


# ---- the formula ------------------------------------------------------------------------
def _rule(code: str, family: str = "AAA", weight: float = 1, dimension: str = "proof"):
    return parse_rule({"code": code, "name": code.lower(), "family": family,
                       "severity": "error", "message": "m", "weight": weight,
                       "dimension": dimension, "extends": "existence"}, "t")


def _finding(code: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code, "n", severity, "m", "p", 1, 1, 1, 1)


def test_errors_cap_the_score_and_legal_red_flags_cap_it_lower() -> None:
    families = {"AAA001": "AAA", "CMP001": "CMP", "CMP002": "CMP", "ADL001": "ADL"}
    assert cap([], families) == 100
    assert cap([_finding("AAA001", Severity.WARNING)], families) == 100
    assert cap([_finding("AAA001")], families) == ERROR_CAP
    assert cap([_finding("CMP001"), _finding("CMP001")], families) == RED_FLAG_CAP
    assert cap([_finding("CMP001"), _finding("ADL001")], families) == RED_FLAGS_CAP
    assert grade(ERROR_CAP) == "D" and grade(RED_FLAG_CAP) == "F"


def test_a_legal_warning_caps_at_f_and_other_warnings_do_not() -> None:
    rules = [_rule("CMP007", "CMP"), _rule("AAA001")]
    warned = [_finding("CMP007", Severity.WARNING)]
    assert score(warned, rules, {})[0] <= LEGAL_WARNING_CAP < 60
    other = [_finding("AAA001", Severity.WARNING)]
    assert score(other, rules, {})[0] > LEGAL_WARNING_CAP


@pytest.mark.parametrize("lang,warned,clean", [
    ("en", "Only 3 left, offer ends at midnight: crisp apples at your door tonight",
     "Crisp apples at your door tonight, order by 6 pm"),
    ("zh", "仅剩3盒，今晚12点恢复原价：当天现摘的苹果送到家",
     "当天现摘的苹果，下午6点前下单今晚送到家"),
])
def test_fake_urgency_grades_f_in_both_languages(lang: str, warned: str, clean: str) -> None:
    def one(line: str) -> tuple[int, set[str]]:
        result = lint(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n")[0]
        return result.score, {f.code for f in result.findings}

    (low, found), (high, clean_found) = one(warned), one(clean)
    assert "CMP007" in found and "CMP007" not in clean_found
    assert low <= LEGAL_WARNING_CAP < high


def test_close_scores_just_above_a_knee_stay_apart() -> None:
    from vplint.scoring import CAP_BAND, ceiling

    knee = NOTHING_CAP - CAP_BAND
    # most text that says nothing lies a few points above the knee: a linear squeeze of
    # 80 points into 20 would round these to the same score
    assert len({ceiling(value, NOTHING_CAP) for value in range(knee + 1, knee + 8)}) >= 5


def test_a_red_flag_caps_even_when_its_weight_is_tiny() -> None:
    rules = [_rule("CMP001", "CMP", weight=0.1)] + [_rule(f"AAA00{i}", weight=10)
                                                    for i in range(1, 6)]
    overall, _ = score([_finding("CMP001")], rules, {})
    assert overall == RED_FLAG_CAP


def test_a_cap_keeps_the_order_of_what_it_caps() -> None:
    from vplint.scoring import CAP_BAND, ceiling

    capped = [ceiling(value, RED_FLAG_CAP) for value in range(0, 101)]
    assert capped == sorted(capped) and max(capped) == RED_FLAG_CAP
    assert capped[RED_FLAG_CAP - CAP_BAND] == RED_FLAG_CAP - CAP_BAND  # below the band: as is
    assert ceiling(100, 100) == 100 and ceiling(80, 100) == 80
    assert ceiling(95, RED_FLAG_CAP) > ceiling(60, RED_FLAG_CAP)


@pytest.mark.parametrize("lang,better,worse", [
    ("en", "Lose 10 kg in 7 days: your jeans fit again by Friday, or your money back",
     "Lose 10 kg in 7 days"),
    ("zh", "7天瘦20斤，下周一你就能穿上去年的裙子，不满意30天内退款", "7天瘦20斤"),
])
def test_under_the_same_red_flag_better_words_still_score_higher(lang: str, better: str,
                                                                 worse: str) -> None:
    def one(line: str) -> tuple[int, set[str]]:
        result = lint(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n")[0]
        return result.score, {f.code for f in result.findings if f.code.startswith("CMP")}

    (high, flags_high), (low, flags_low) = one(better), one(worse)
    assert "CMP012" in flags_high & flags_low
    assert RED_FLAG_CAP >= high > low, (high, low)


@pytest.mark.parametrize("lang,flagged,empty", [
    ("en", "Melts belly fat", "Think different."),
    ("zh", "燃烧腰腹脂肪，一个月减10公斤", "自律给我自由"),
])
def test_a_legal_red_flag_scores_below_a_line_that_says_nothing(lang: str, flagged: str,
                                                                empty: str) -> None:
    def one(line: str) -> int:
        return lint(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n")[0].score

    assert one(flagged) < one(empty) <= NOTHING_CAP


@pytest.mark.parametrize("lang,sensed,lofty", [
    ("en", "Crunchy on the outside, creamy in the middle",
     "Endless possibilities, inspired by excellence"),
    ("zh", "入口即化，满口香浓", "乐享生活，畅意人生"),
])
def test_among_lines_that_say_nothing_a_sensed_one_outranks_abstractions(
        lang: str, sensed: str, lofty: str) -> None:
    def one(line: str) -> int:
        return lint(f"language: {lang}\ncopy:\n  headline: \"{line}\"\n")[0].score

    assert NOTHING_CAP >= one(sensed) > one(lofty)


def test_saying_nothing_caps_at_f() -> None:
    empty = CopyEvidence(units=1)
    assert empty.says_nothing and empty.strength == 0
    assert cap([], {}, empty) == NOTHING_CAP


def test_words_count_only_when_their_rule_runs() -> None:
    weak = CopyEvidence(units=20, company=3, centred=3)
    rules = [_rule("AAA001")]
    assert score([], rules, {}, words=weak)[0] == 100  # OUT004 not selected
    rules.append(_rule("OUT004", "OUT", dimension="outcome"))
    assert score([], rules, {}, words=weak)[0] <= NOTHING_CAP


def test_copy_is_not_charged_twice_for_weak_words() -> None:
    words = CopyEvidence(units=12, customer=1, moments=1)
    rules = [_rule("AAA001"), _rule("OUT004", "OUT", dimension="outcome")]
    weak = [_finding("OUT004", Severity.WARNING)]
    # the words carry 60% of a copy's score; the rule that reports them costs nothing more
    assert score(weak, rules, {}, words=words, copy=True)[0] == \
        score([], rules, {}, words=words, copy=True)[0]
    assert score(weak, rules, {}, words=words)[0] < score([], rules, {}, words=words)[0]


def test_strength_rewards_the_customer_side_and_punishes_the_company_side() -> None:
    benefit = CopyEvidence(units=12, customer=2, outcomes=2, times=1, figures=1, doubts=1)
    feature = CopyEvidence(units=12, company=1, centred=2, outcomes=0, customer=0,
                           need=1, abstraction=2)
    assert benefit.strength >= 80 > 20 >= feature.strength


# ---- vplint explain --scoring -------------------------------------------------------------
def test_explain_scoring_says_what_90_70_and_50_mean_in_both_languages() -> None:
    from tests.cli_runner import run_cli

    code, out, _ = run_cli("explain", "--scoring")
    assert code == 0
    for mark in ("90 means", "70 means", "50 means", "90-100 A", " 0-59  F"):
        assert mark in out
    code, out, _ = run_cli("explain", "--scoring", "--lang", "zh")
    assert code == 0 and "90分意味着" in out and "50分意味着" in out


def test_explain_without_a_code_or_scoring_is_a_usage_error() -> None:
    from tests.cli_runner import run_cli

    code, out, err = run_cli("explain")
    assert code == 2 and out == "" and "--scoring" in err and "Traceback" not in err


def test_traditional_chinese_copy_shows_its_benefit() -> None:
    simplified = _copy("# 彻底告别下午三点的犯困，一路精神饱满到下班\n")
    traditional = _copy("# 徹底告別下午三點的犯睏，一路精神飽滿到下班\n")
    assert traditional == simplified > NOTHING_CAP


def test_weak_copy_still_shows_in_its_outcome_dimension() -> None:
    words = CopyEvidence(units=12, customer=1, moments=1)
    rules = [_rule("AAA001"), _rule("OUT004", "OUT", dimension="outcome")]
    weak = [_finding("OUT004", Severity.WARNING)]
    overall, dims = score(weak, rules, {}, words=words, copy=True)
    assert dims["outcome"] < 100
