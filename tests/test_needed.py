"""Needed fragments (vplint.text.needed): every match of a term holds one of them, so a text
without any is not searched for it."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_multiscan import DOCUMENTS
from vplint.rules import Registry
from vplint.text.lexicon import lowers_safely
from vplint.text.multiscan import Scanner
from vplint.text.needed import needed_fragments
from vplint.text.terms import term_pattern

REGISTRY = Registry.default(plugins=False)
RE_TERMS = sorted({t for lex in REGISTRY.lexicons.values() for items in lex.terms.values()
                   for t in items if t.startswith("re:")})


@pytest.mark.parametrize("source,expected", [
    ("[^\\s，。、]之王", {"之王"}),
    ("[一二1-9](?:\\.\\d)?折(?:起|优惠)?", {"折"}),
    ("(?-i:(?<![A-Za-z])(?:us|Us)(?![A-Za-z$]))", {"us"}),
    ("(?:^|(?<=[.!?:;]\\s))better\\s+[a-z-]+", {"better"}),
    ("(?<![A-Za-z])[A-Za-z]{3,},\\s+[A-Za-z]{3,}", {","}),
    ("(?:[\\u4e00-\\u9fff]{2,4}、){2,}[\\u4e00-\\u9fff]{2,4}", {"、"}),
    ("ab?c", {"a"}),
    ("abc(?=d)e", {"abc"}),
    ("(?:foo|bar)baz", {"baz"}),
    ("(?:foo|barx)+q", {"foo", "barx"}),
    ("x\\.y", {"x.y"}),
    ("No\\.?1", {"no"}),
    ("\\bword\\b", {"word"}),
    ("(?<=ab)c", {"c"}),
    ("Kelvin\u212a", {"kelvin"}),
    ("abcd+e", {"abc"}),
    ("\u00c4bc", {"bc"}),
    ("a\u00c4bcd", {"bcd"}),
    ("ab{2}cd", {"cd"}),
])
def test_needed_fragments_of_known_syntax(source: str, expected: set[str]) -> None:
    assert needed_fragments(source) == expected


@pytest.mark.parametrize("source", [
    "[a-z]+", "\\d+x?", "(?:a|[bc])d?", "(?:foo)?", "a*", "(?i)abc", "(\\w)\\1", "(?P=x)",
    "\\N{BULLET}", "\u0130", "(?:a|)", "x{0,3}", "", "a{}", "(?:a|b",
])
def test_needed_fragments_gives_up_where_nothing_is_needed_or_known(source: str) -> None:
    assert needed_fragments(source) is None


def test_every_catalogue_term_is_read() -> None:
    assert all(needed_fragments(t[3:]) is not None for t in RE_TERMS)


def _holds(term: str, text: str) -> bool:
    needs = needed_fragments(term[3:])
    return needs is None or any(f in text.lower() for f in needs)


def test_every_match_in_the_corpora_holds_a_needed_fragment() -> None:
    compiled = [(t, re.compile(term_pattern(t), re.IGNORECASE)) for t in RE_TERMS]
    seen = 0
    for doc in DOCUMENTS:
        for _, node in doc.texts():
            text = str(node.value)
            if not lowers_safely(text):
                continue
            for term, pattern in compiled:
                if pattern.search(text):
                    seen += 1
                    assert _holds(term, text), (term, text)
    assert seen > 1_000


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), index=st.integers(min_value=0, max_value=len(RE_TERMS) - 1))
def test_generated_matches_hold_a_needed_fragment(data: st.DataObject, index: int) -> None:
    term = RE_TERMS[index]
    pattern = re.compile(term_pattern(term), re.IGNORECASE)
    text = data.draw(st.from_regex(pattern))
    if lowers_safely(text) and pattern.search(text):
        assert _holds(term, text), (term, text)


def test_searched_terms_are_searched_only_where_a_fragment_is() -> None:
    scanner = Scanner(REGISTRY.lexicons)
    assert scanner.searched
    low = "nothing here needs a search. 没有。"
    assert scanner.locate([low])[0].get(scanner.search_key) is None
    # a comma and three words: the list term is searched, and found
    found = scanner.locate(["fast, simple and secure."])[0]
    assert found.get(scanner.search_key) == [0]


def test_only_texts_holding_what_a_start_term_needs_are_start_candidates() -> None:
    scanner = Scanner(REGISTRY.lexicons)
    assert scanner.key_terms[scanner.start_key]
    lows = ["small shop owners: stop counting stock.", "nothing to see here", "店主，你好"]
    located = scanner.locate(lows)
    assert [found.get(scanner.start_key) for found in located] == [[0], None, [0]]
    texts = ["Small shop owners: stop counting stock."]
    hits = scanner.hits(texts, scanner.locate([t.lower() for t in texts]))[0]
    assert any(m.start == 0 for matches in hits.values() for m in matches)
