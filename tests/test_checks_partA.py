"""Behaviour of the rule-catalogue checks beyond their documented examples: configuration,
positions inside strings, the decisions the rules make, and how the bundled examples are
judged."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES, codes, lint
from vplint.checks.differentiation import overlaps
from vplint.config import Config
from vplint.document import load_file
from vplint.engine import Linter
from vplint.model import Finding, PropositionResult
from vplint.rules import Registry


def findings(results: list[PropositionResult], code: str) -> list[Finding]:
    return [f for r in results for f in r.findings if f.code == code]


def only(code: str, source: str, kind: str = "yaml", **config: object) -> list[Finding]:
    return findings(lint(source, kind=kind, path="copy.md" if kind != "yaml" else "t.yaml",
                         **config), code)


# ---- CLR001 / CLR002: limits and budgets from the configuration --------------------------
SEVEN_WORDS = "name: AP\ncopy:\n  headline: AP automation that goes live fast enough\n"
FIFTEEN_CHARS = "name: 二手车\ncopy:\n  headline: 车主直卖，差价不给车贩子赚钱呀\n"


def test_clr001_default_limits() -> None:
    assert not only("CLR001", SEVEN_WORDS)
    assert not only("CLR001", FIFTEEN_CHARS)


def test_clr001_english_limit_from_rule_options_keeps_the_chinese_default() -> None:
    options = {"CLR001": {"max": {"en": 5}}}
    (finding,) = only("CLR001", SEVEN_WORDS, rule_options=options)
    assert finding.message.startswith("The headline is 7 words long; keep it to 5")
    assert not only("CLR001", FIFTEEN_CHARS, rule_options=options)


def test_clr001_chinese_limit_from_rule_options() -> None:
    (finding,) = only("CLR001", FIFTEEN_CHARS, rule_options={"CLR001": {"max": {"zh": 12}}})
    assert "14字" in finding.message and "12字" in finding.message


PITCH_EN = "name: P\ncopy:\n  pitch: " + " ".join(["word"] * 160) + "\n"
PITCH_ZH = "name: 演讲\ncopy:\n  pitch: " + "我" * 230 + "\n"


def test_clr002_default_budget_is_sixty_seconds_at_150_wpm_and_220_cpm() -> None:
    (en,) = only("CLR002", PITCH_EN)
    assert "about 64 s" in en.message and "160 words at 150 a minute" in en.message
    (zh,) = only("CLR002", PITCH_ZH)
    assert "63秒" in zh.message and "每分钟220字" in zh.message
    assert not only("CLR002", "name: P\ncopy:\n  pitch: " + " ".join(["w"] * 150) + "\n")


def test_clr002_rate_and_budget_from_rule_options() -> None:
    assert not only("CLR002", PITCH_EN, rule_options={"CLR002": {"budget_seconds": 90}})
    assert not only("CLR002", PITCH_EN, rule_options={"CLR002": {"rate": {"en": 170}}})
    # a per-language rate for English leaves the Chinese rate at 220
    assert only("CLR002", PITCH_ZH, rule_options={"CLR002": {"rate": {"en": 170}}})
    (slow,) = only("CLR002", PITCH_ZH, rule_options={"CLR002": {"budget_seconds": {"zh": 30}}})
    assert "30秒" in slow.message


# ---- positions inside strings --------------------------------------------------------------
def test_position_inside_a_folded_block_scalar() -> None:
    source = ("name: Laundry\n"
              "copy:\n"
              "  body: >-\n"
              "    Drop your shirts at the locker\n"
              "    and we return them fast, pressed.\n")
    (finding,) = only("TIM002", source)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (5, 24, 5, 28)
    assert finding.match == "fast"


def test_position_inside_a_literal_block_scalar_in_chinese() -> None:
    source = ("name: 平台\n"
              "copy:\n"
              "  pitch: |\n"
              "    我们帮企业算清成本。\n"
              "    全面赋能业务增长。\n")
    (finding,) = [f for f in only("CLR003", source) if f.match == "全面赋能"]
    assert (finding.line, finding.column, finding.end_column) == (5, 5, 9)


def test_position_inside_a_quoted_scalar_with_escapes() -> None:
    source = 'name: P\ncopy:\n  headline: "Fresh \\"hot\\" pizza, delivered quickly"\n'
    (finding,) = only("TIM002", source)
    assert finding.line == 3
    assert source.splitlines()[2][finding.column - 1:finding.end_column - 1] == "quickly"


def test_position_in_markdown_body_and_bullets() -> None:
    # a Markdown proposition (a web page's bullets are not judged for feature-speak)
    source = ("---\npage_kind: proposition\n---\n"
              "# Rotas in 15 minutes\n"
              "\n"
              "- Supports 30+ POS integrations\n"
              "\n"
              "Staff get their shifts fast, straight to their phone.\n")
    (vague,) = only("TIM002", source, kind="markdown")
    assert (vague.line, vague.column, vague.end_column) == (8, 24, 28)
    (feature,) = only("OUT003", source, kind="markdown")
    assert (feature.line, feature.column) == (6, 3)
    assert feature.field == "copy.bullets[0]"


def test_proof_without_source_points_at_the_item() -> None:
    source = ("name: AP\n"
              "proof:\n"
              "  - kind: case\n"
              "    text: Acme cut close to 5 days\n"
              "    source: Acme CFO\n"
              "  - kind: data\n"
              "    text: Median cost fell to $2.70\n")
    (finding,) = only("PRF003", source)
    assert (finding.line, finding.field) == (6, "proof[1]")
    assert "Proof item 2" in finding.message and "Median cost fell to $2.70" in finding.message


# ---- TIM001 / TIM002 decisions -------------------------------------------------------------
def test_tim001_twenty_four_seven_is_not_a_time_bound() -> None:
    assert only("TIM001", "name: P\ncopy:\n  bullets: [24/7 support, 限时优惠]\n")
    assert not only("TIM001", "name: P\ncopy:\n  bullets: [Delivered overnight]\n")


def test_tim001_declared_vague_time_bound_is_named_in_the_message() -> None:
    (finding,) = only("TIM001", "name: P\ntime_bound: soon\n")
    assert '`time_bound` says "soon"' in finding.message
    assert not only("TIM002", "name: P\ntime_bound: soon\n")  # one finding, not two
    assert finding.line == 2
    (zh,) = only("TIM001", "name: 洗衣\ntime_bound: 尽快\n")
    assert "“尽快”" in zh.message


def test_tim001_trusts_a_declared_time_it_cannot_read() -> None:
    assert not only("TIM001", "name: P\ntime_bound: before the school run\n")


def test_tim001_period_of_experience_is_not_a_bound() -> None:
    assert only("TIM001", "name: P\ncopy:\n  body: 20 years of experience in plumbing.\n")
    assert only("TIM001", "name: 洗衣\ncopy:\n  body: 师傅都经过三个月培训。\n")


def test_tim001_a_saving_per_day_is_a_rate_not_a_bound() -> None:
    assert only("TIM001", "name: 收银\ncopy:\n  headline: 每天少算账1小时\n")
    assert only("TIM001", "name: Rota\ncopy:\n  headline: Save 6 hours a week\n")


def test_aud001_audience_addressed_in_the_headline() -> None:
    assert not only("AUD001", "# 餐厅老板，用美味收银\n\n每天少算账1小时。\n", kind="markdown")
    assert not only("AUD001", "# Restaurant owners: rotas in 15 minutes\n", kind="markdown")
    assert only("AUD001", "# Rotas in 15 minutes\n", kind="markdown")


def test_tim001_time_lexicon_from_configuration() -> None:
    source = "name: P\ncopy:\n  headline: Fixed before the school run\n"
    assert only("TIM001", source)
    extra = {"time-bound": {"en": ["before the school run"]}}
    assert not only("TIM001", source, lexicons=extra)


@pytest.mark.parametrize("source", [
    "name: P\ncopy:\n  body: Fast - your shirts are back within 48 hours.\n",
    "name: P\ncopy:\n  headline: Checkout 40% faster\n",
    "name: P\noutcome: Close shrinks from 10 working days to 5.\nbenefit: A faster close.\n",
    "name: 洗衣\ncopy:\n  body: 极速取送，48小时内送回。\n",
])
def test_tim002_not_flagged_when_the_same_claim_is_bounded(source: str) -> None:
    assert not only("TIM002", source)


def test_tim002_a_bound_on_another_claim_does_not_excuse_it() -> None:
    source = ("name: P\ncopy:\n  headline: Build the rota in 15 minutes\n"
              "  body: Staff get their shifts fast.\n")
    assert [f.match for f in only("TIM002", source)] == ["fast"]


def test_tim002_vague_words_from_configuration() -> None:
    source = "name: P\ncopy:\n  body: Your order arrives in a heartbeat.\n"
    assert not only("TIM002", source)
    assert only("TIM002", source, lexicons={"vague-time": {"en": ["in a heartbeat"]}})


# ---- other decisions -----------------------------------------------------------------------
def test_obj001_objections_need_answers() -> None:
    source = "name: AP\nobjections:\n  - doubt: Will the auditors accept it?\n"
    (finding,) = only("OBJ001", source)
    assert "1 objection(s) listed without an answer" in finding.message
    assert finding.line == 3
    answered = source + "    answer: Every action is logged.\n"
    assert not only("OBJ001", answered)


def test_out002_judges_outcome_before_benefit() -> None:
    source = "name: P\noutcome: Hot pizza at your door\nbenefit: Dinner in 30 minutes\n"
    (finding,) = only("OUT002", source)
    assert finding.field == "outcome"
    assert not only("OUT002", "name: P\noutcome: 热披萨三十分钟送到家\n")


def test_out003_feature_with_a_result_passes_but_alone_fails() -> None:
    assert only("OUT003", "name: P\ncopy:\n  headline: AI-powered insights\n")
    assert not only("OUT003",
                    "name: P\ncopy:\n  headline: AI-powered forecasts that save you 3 hours\n")
    assert not only("OUT003", "name: P\noffering: An AI-powered platform\n")


def test_dif001_vague_alternative_is_named_in_the_message() -> None:
    (finding,) = only("DIF001", "name: P\ndifferentiation:\n  unlike: existing vendors\n")
    assert '"existing vendors" names no one' in finding.message
    assert not only("DIF001", "name: P\ndifferentiation:\n  unlike: traditional letting agents\n")


def test_dif002_lists_every_generic_term_once() -> None:
    source = "name: P\ndifferentiation:\n  because: 专业的团队，优质的服务，专业的方案\n"
    (finding,) = only("DIF002", source)
    assert "“专业”、“优质”" in finding.message and finding.message.count("专业") == 1


@pytest.mark.parametrize("mine,theirs,whole,expected", [
    ("innovation", "innovation", True, True),
    ("innovative", "innovation", True, True),
    ("the freshest ingredients", "fresh ingredients", True, True),
    ("delivery", "Free delivery on every order", False, True),
    ("delivery", "fresh ingredients", True, False),
    ("30 days", "OCR invoices for 50 cents each", False, False),
    ("一站式", "一站式企业数字化服务平台", False, True),
    ("直卖", "上千车商竞价收你的车", False, False),
    ("全国购", "全国", True, True),
])
def test_dif003_overlap(mine: str, theirs: str, whole: bool, expected: bool) -> None:
    assert overlaps(mine, theirs, whole=whole) is expected


def test_prf002_counts_claims_and_reports_the_first() -> None:
    source = ("name: P\ncopy:\n  headline: Save 40% on every order\n"
              "  body: We are the best. Shipping is 2x faster.\n")
    (finding,) = only("PRF002", source)
    assert finding.match == "40%" and "and 2 more in the copy" in finding.message
    (zh,) = only("PRF002", "name: 二手车\ncopy:\n  body: 卖家多卖15%，买家少花8%。我们最好。\n")
    assert "等2处" in zh.message


def test_prf002_sourced_sentence_and_proof_entries_silence_it() -> None:
    assert not only("PRF002",
                    "name: P\ncopy:\n  body: 97% arrive on time, according to an audit.\n")
    assert not only("PRF002", "name: P\ncopy:\n  body: Save 40%.\nproof:\n  - text: x\n")


def test_prf003_exempt_kinds_are_configurable() -> None:
    source = "name: P\nproof:\n  - kind: principle\n    text: Dough proofed 48 hours ahead\n"
    assert not only("PRF003", source)
    assert only("PRF003", source, rule_options={"PRF003": {"exempt_kinds": []}})


def test_aud002_subject_of_a_sentence_is_not_an_audience() -> None:
    assert not only("AUD002",
                    "name: P\ncopy:\n  body: Everyone gets their shifts on their phone.\n")
    assert only("AUD002", "name: P\ncopy:\n  body: A rota app for everyone.\n")
    assert not only("AUD002", "name: P\ncopy:\n  body: Onboard hires and keep everyone aligned.\n")
    assert only("AUD002", "name: 平台\ncopy:\n  body: 这款记账软件适合所有人。\n")
    assert only("AUD002", "name: P\ncopy:\n  body: The platform for all businesses.\n")
    assert only("AUD002", "name: P\nsegment:\n  who: Everyone who eats pizza\n")


@pytest.mark.parametrize("segment,expected", [
    ("who: Finance teams at mid-size companies", True),
    ("who: Mid-size manufacturers\n  level: department", True),
    ("who: Shoppers\n  level: c-level", True),
    ("who: Finance teams\n  role: CFO", False),
    ("who: Families ordering dinner", False),
    ("who: 中型制造企业", True),
    ("who: 中型制造企业\n  level: individual", False),
])
def test_aud003_trigger(segment: str, expected: bool) -> None:
    source = f"name: P\nsegment:\n  {segment}\n"
    assert bool(only("AUD003", source)) is expected


def test_aud004_sides_from_rule_options() -> None:
    source = "name: P\nsegment:\n  who: Tutors and the students they teach\n"
    assert not only("AUD004", source)
    options = {"AUD004": {"sides": {"en": [["tutors?", "students?"]]}}}
    (finding,) = only("AUD004", source, rule_options=options)
    assert "'Tutors' and 'students'" in finding.message


def test_clr003_jargon_from_configuration() -> None:
    source = "name: P\ncopy:\n  body: We circle the wagons for you.\n"
    assert not only("CLR003", source)
    (finding,) = only("CLR003", source, lexicons={"jargon": {"en": ["circle the wagons"]}})
    assert finding.match == "circle the wagons"


def test_clr004_counts_and_ratio() -> None:
    source = "name: P\ncopy:\n  body: We bake, we box, we drive. You eat. Your kids smile.\n"
    (finding,) = only("CLR004", source)
    assert '3 "we/our" vs 2 "you/your"' in finding.message
    assert not only("CLR004", source, rule_options={"CLR004": {"ratio": 1.5}})
    assert not only("CLR004", "name: P\ncopy:\n  body: Contact US sales. We reply.\n")


def test_val001_limits_are_configurable() -> None:
    source = "name: P\ngains: [a, b, c, d]\ncopy:\n  bullets: [a, b, c]\n"
    assert not only("VAL001", source)
    found = only("VAL001", source, rule_options={"VAL001": {"limits": {"gains": 3,
                                                                      "copy.bullets": 2}}})
    assert [f.field for f in found] == ["gains", "copy.bullets"]


def test_val002_points_at_the_second_claim() -> None:
    source = "name: P\ncopy:\n  headline: The cheapest phone\n  body: Premium steel body.\n"
    (finding,) = only("VAL002", source)
    assert finding.field == "copy.body" and finding.match == "Premium"


def test_val003_experience_in_copy_satisfies_it() -> None:
    assert only("VAL003", "name: P\nbenefit: Lower AP cost\n")
    assert not only("VAL003",
                    "name: P\nbenefit: Lower AP cost\ncopy:\n  body: Approve with one click.\n")


# ---- facts are computed once per proposition -------------------------------------------------
def test_numbers_and_times_are_computed_once_per_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import vplint.text.numbers as numbers
    import vplint.text.timeexpr as timeexpr

    calls = {"numbers": 0, "times": 0}
    real_q, real_t = numbers.find_quantities, timeexpr.find_times

    def count_q(text: str):  # type: ignore[no-untyped-def]
        calls["numbers"] += 1
        return real_q(text)

    def count_t(text: str, lexicons=None, found=None):  # type: ignore[no-untyped-def]
        calls["times"] += 1
        return real_t(text, lexicons, found)

    monkeypatch.setattr(numbers, "find_quantities", count_q)
    monkeypatch.setattr(timeexpr, "find_times", count_t)
    registry = Registry.default(plugins=False)
    path = EXAMPLES / "en-b2b-invoicing.yaml"
    Linter(Config(), registry).lint_file(path)
    (doc,) = load_file(path)
    texts = len(doc.texts())
    # every text node is analysed at most once, however many rules ask
    assert 0 < calls["numbers"] <= texts and 0 < calls["times"] <= texts


# ---- the bundled examples ------------------------------------------------------------------
PART_A = ("OUT", "TIM", "OBJ", "DIF", "PRF", "AUD", "NED", "OFR", "CLR", "VAL")


def _example(name: str) -> list[PropositionResult]:
    registry = Registry.default(plugins=False)
    return Linter(Config(), registry).lint_file(EXAMPLES / name)


@pytest.mark.parametrize("name", ["en-strong-pizza-delivery.yaml", "zh-strong-used-cars.yaml",
                                  "multi-segment-airbnb-style.yaml"])
def test_strong_examples_score_high_with_no_part_a_warnings(name: str) -> None:
    for result in _example(name):
        assert result.score >= 95
        assert [f.code for f in result.findings
                if f.code.startswith(PART_A) and f.severity.value != "info"] == []


@pytest.mark.parametrize("name,expected", [
    ("en-b2b-invoicing.yaml", {"PRF003", "OUT003"}),
    ("zh-b2b-cloud-erp.yaml", {"PRF003", "CLR003", "CLR004"}),
    ("copy/landing-page-en.md", {"TIM002", "PRF002", "OUT003"}),
])
def test_medium_examples_get_their_documented_weaknesses(name: str, expected: set) -> None:
    (result,) = _example(name)
    found = {f.code for f in result.findings if f.code.startswith(PART_A)}
    assert expected <= found
    assert 80 <= result.score < 100


WEAK_CODES = {"OUT002", "OUT003", "TIM001", "TIM002", "OBJ001", "DIF001", "DIF002", "DIF003",
              "PRF001", "PRF002", "AUD002", "AUD003", "CLR001", "CLR003", "CLR004", "VAL001",
              "VAL002", "VAL003"}


@pytest.mark.parametrize("name", ["en-weak-platform.yaml", "zh-weak-solution.yaml"])
def test_weak_examples_get_the_relevant_findings(name: str) -> None:
    (result,) = _example(name)
    assert WEAK_CODES <= set(codes([result]))
    assert result.score < 60


# ---- the docs' own examples demonstrate the rule -------------------------------------------
_REGISTRY = Registry.default(plugins=False)
_DOC_CASES = [(code, lang) for code in sorted(_REGISTRY.rules) if code.startswith(PART_A)
              for lang in ("en", "zh")]


@pytest.mark.parametrize("code,lang", _DOC_CASES)
def test_docs_example_fires_and_use_instead_does_not(code: str, lang: str) -> None:
    """What `vplint explain` shows must be true: placeholders (<...>) are not linted."""
    docs = _REGISTRY.rules[code].docs[lang]
    for section, fires in (("example", True), ("use_instead", False)):
        text = docs[section]
        if "<" in text:
            continue
        found = codes(lint(text))
        assert not [c for c in found if c.startswith("VP")], (section, text)
        assert (code in found) is fires, (section, text, found)
