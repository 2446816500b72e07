"""vplint.text.prefilter finds exactly what running every regex over the text finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vplint.text.prefilter import (
    _CASE_SHIFTING,
    Prefilter,
    PrefilterSet,
    after_non_letter,
    holds_spot,
)

RULES = Path(__file__).resolve().parents[1] / "rules"


def _catalogue_pattern_lists() -> list[list[str]]:
    """Every per-language regex list in the params of the compliance rules."""
    lists = []
    for path in sorted((RULES / "cmp").glob("*.yaml")):
        params = yaml.safe_load(path.read_text(encoding="utf-8")).get("params") or {}
        for value in params.values():
            if isinstance(value, dict):
                lists.extend(list(v) for v in value.values() if v)
    return lists


def _plain(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for p in patterns for m in p.finditer(text)]


def _texts() -> list[str]:
    words = ("cures", "CURES", "cancer", "no", "risk-free", "zero risk", "100%",
             "guaranteed", "Guaranteed results", "lose 10 pounds in 2 weeks", "weight",
             "doctors recommend", "clinically proven", "offer ends", "today", "only 3 left",
             "降血压", "根治便秘", "无毒无害", "100%保证", "零风险", "保本保息", "免费",
             "只需299元",
             "İstanbul", "ſide effects free", "Kelvin", "ı", "treats", "a", ",", ".", "\n")
    rng = random.Random(12)
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
            for _ in range(400)]
    made += ["", "x" * 300 + "cures acne", "nocures cancer", "Cures bloating. Cures IBS.",
             "1" * 200 + "% cure rate", "曾" * 500 + "疗效显著"]
    return made


def test_same_matches_as_finditer_for_every_compliance_pattern_list() -> None:
    lists = _catalogue_pattern_lists()
    assert len(lists) > 20
    texts = _texts()
    for sources in lists:
        patterns = [re.compile(s, re.IGNORECASE) for s in sources]
        prefilter = Prefilter(patterns)
        for text in texts:
            found = [(m.start(), m.end(), m.group()) for m in prefilter.finditer(text)]
            assert found == _plain(patterns, text), (sources, text)


def test_a_look_behind_sees_the_text_before_a_candidate() -> None:
    prefilter = Prefilter([re.compile(r"(?<![A-Za-z])cures?", re.IGNORECASE)])
    assert [m.group() for m in prefilter.finditer("it cures; ocures; Cure")] == ["cures",
                                                                                "Cure"]


def test_patterns_without_known_beginnings_run_over_the_whole_text() -> None:
    patterns = [re.compile(r"\w+ly", re.IGNORECASE), re.compile(r"^free", re.IGNORECASE)]
    prefilter = Prefilter(patterns)
    text = "Free and quickly"
    assert [m.group() for m in prefilter.finditer(text)] == ["quickly", "Free"]


def test_an_empty_match_falls_back_to_finditer() -> None:
    patterns = [re.compile(r"a?b?", re.IGNORECASE)]
    assert [m.span() for m in Prefilter(patterns).finditer("xab")] == [
        m.span() for m in patterns[0].finditer("xab")]


def test_case_shifting_characters_are_exactly_those_re_folds_onto_ascii_letters() -> None:
    """The characters `re` matches to an ASCII letter ignoring case whose `lower()` is not
    that one letter: the prefilter, which reads `lower()`, must not be used on them."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    expected = set()
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        ch = chr(code)
        lower = ch.lower()
        if letter.fullmatch(ch) and not (len(lower) == 1 and lower.isascii()) \
                or len(lower) != 1:
            expected.add(ch)
    found = {chr(c) for c in range(0x80, 0x110000)
             if not 0xD800 <= c < 0xE000 and _CASE_SHIFTING.fullmatch(chr(c))}
    assert found == expected


def test_a_window_gives_what_finditer_gives_with_pos_and_endpos() -> None:
    patterns = [re.compile(r"(?<![A-Za-z0-9])(?:in|within)\s+\d+\s*days?(?![A-Za-z])",
                           re.IGNORECASE), re.compile(r"\d+%", re.IGNORECASE)]
    prefilter = Prefilter(patterns)
    text = "Live within 3 days, in 10 days or 30% off; twin 4 days. In 2 days"
    for pos in range(0, len(text), 3):
        for end in (pos, pos + 7, pos + 20, len(text), len(text) + 5):
            found = [m.span() for m in prefilter.finditer(text, pos, end)]
            assert found == [m.span() for p in patterns for m in p.finditer(text, pos, end)]


def test_a_set_clears_a_bit_only_where_its_prefilter_finds_nothing() -> None:
    """`PrefilterSet.able` lets rules skip texts: every member whose `finditer` finds a
    match in a text has its bit set, for every compliance pattern list, in English,
    Chinese, mixed case and inside words; and the mask does skip texts."""
    every = PrefilterSet()
    members = []
    for sources in _catalogue_pattern_lists():
        prefilter = Prefilter([re.compile(s, re.IGNORECASE) for s in sources])
        members.append((prefilter, every.add(prefilter)))
    again = Prefilter([re.compile(s, re.IGNORECASE) for s in _catalogue_pattern_lists()[0]])
    assert every.add(again) == members[0][1]  # the same patterns are one member
    texts = _texts() + ["Knowledge without cure", "NOCURE", "x1", "kno risk", "K risk"]
    skipped = 0
    for text in texts:
        mask = every.able(text)
        for prefilter, bit in members:
            if not mask >> bit & 1:
                skipped += 1
                assert list(prefilter.finditer(text)) == [], (prefilter.patterns, text)
    assert skipped > len(texts)


def test_only_a_leading_look_behind_over_every_alternative_rules_out_a_letter() -> None:
    assert after_non_letter(r"(?<![A-Za-z])(?:cure|heal)s?")
    assert after_non_letter(r"(?<![A-Za-z0-9])[|(]?x")
    assert not after_non_letter(r"(?<![A-Za-z])cure|heal")  # heal may follow a letter
    assert not after_non_letter(r"(?<![a-z])cure")
    assert not after_non_letter(r"(?<![^A-Za-z])cure")
    assert not after_non_letter(r"\bcure")
    assert not after_non_letter(r"x(?<![A-Za-z])cure")


def test_may_match_is_false_only_where_no_slice_of_the_text_matches() -> None:
    """`_offer_is_about` skips a text when `may_match` says no: then no pattern matches
    the text nor any slice of it (a sentence), whatever a look-behind or `^` sees there."""
    skipped = 0
    texts = _texts() + ["Knowledge. Cures it", "x.Cure", "\u212a. cure"]
    for sources in _catalogue_pattern_lists():
        patterns = [re.compile(s, re.IGNORECASE) for s in sources]
        prefilter = Prefilter(patterns)
        for text in texts:
            if prefilter.may_match(text):
                continue
            skipped += 1
            for a in range(0, len(text), 7):
                for b in (a + 5, a + 30, len(text)):
                    assert not any(p.search(text[a:b]) for p in patterns), (sources, text)
    assert skipped > len(texts)


def test_a_slice_without_a_whole_spot_has_no_match() -> None:
    """`_offer_is_about` searches only the sentences that hold one of `spots` whole."""
    skipped = 0
    texts = _texts()[:150] + ["No risk. Cures it", "x.Cure", "100% sure. 1"]
    for sources in _catalogue_pattern_lists():
        patterns = [re.compile(s, re.IGNORECASE) for s in sources]
        spots = Prefilter(patterns).spots
        for text in texts:
            found = spots(text)
            if found is None:
                continue
            for a in range(0, len(text), 5):
                for b in (a + 4, a + 17, len(text)):
                    if not holds_spot(found, a, b):
                        skipped += 1
                        assert not any(p.search(text[a:b]) for p in patterns), (sources, text)
    assert skipped > len(texts)


def _every_compliance_pattern() -> list[str]:
    return sorted({s for sources in _catalogue_pattern_lists() for s in sources})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), index=st.integers(min_value=0,
                                         max_value=len(_every_compliance_pattern()) - 1))
def test_a_set_keeps_the_bit_of_a_pattern_that_matches(data: st.DataObject, index: int) -> None:
    """Text made to match one compliance pattern (its beginning and the fragments it
    needs, vplint.text.needed) keeps its member's bit."""
    source = _every_compliance_pattern()[index]
    pattern = re.compile(source, re.IGNORECASE)
    text = data.draw(st.from_regex(pattern))
    every = PrefilterSet()
    bit = every.add(Prefilter([pattern]))
    other = every.add(Prefilter([re.compile("unrelated", re.IGNORECASE)]))
    assert bit != other
    if pattern.search(text):
        assert every.able(text) >> bit & 1, (source, text)
