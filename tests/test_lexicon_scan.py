"""The fast lexicon scanners find exactly what the named pattern finds (same spans, same
terms), on the catalogue's lexicons and on text built to catch them out."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vplint.rules import Registry
from vplint.text.lexicon import FAST_AFTER, Lexicon, TextBatch, compile_terms

REGISTRY = Registry.default(plugins=False)
LEXICONS = sorted(REGISTRY.lexicons.values(), key=lambda lex: lex.name)
EXTRA_TERMS = ["best-in-class", "best in class", "best", "e-mail", "email", "AI", "AI赋能",
               "24/7", "#1", "re:\\d+\\s*(?:days|weeks)", "re:(?<![A-Za-z])synerg(?:y|ies)",
               "赋能", "一站式", "re:(?:全面|深度)赋能", "re:^start", "re:x?"]


def slow(compiled, text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in compiled.pattern.finditer(text)
            if m.end() > m.start()]


def fast(compiled, text: str) -> list[tuple[tuple[int, int], str | None]]:
    compiled.prepare()
    return [(m.span(), m.lastgroup) for m in compiled.scan(text)]


def _pieces() -> list[str]:
    words: list[str] = []
    for lexicon in LEXICONS:
        for terms in lexicon.terms.values():
            words.extend(t for t in terms if not t.startswith("re:"))
    words.extend(t for t in EXTRA_TERMS if not t.startswith("re:"))
    return sorted(set(words))


PIECES = _pieces()
text_strategy = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.sampled_from(PIECES).map(str.upper),
        st.sampled_from(PIECES).map(str.title),
        st.sampled_from([" ", "  ", "\n", "-", ", ", ". ", "x", "_", "ſ", "İ", "\u212a",
                         "é", "σ", "“", "—", "30 days", "in 2 weeks", "AI", "的"]),
        st.text(alphabet="abcXYZ 0123-_\n的赋能", max_size=6),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy, index=st.integers(min_value=0, max_value=len(LEXICONS)))
def test_fast_scan_finds_what_the_named_pattern_finds(text, index):
    if index == len(LEXICONS):
        compiled = compile_terms(EXTRA_TERMS)
    else:
        compiled = LEXICONS[index].pattern()
    assert compiled is not None
    assert fast(compiled, text) == slow(compiled, text)


@pytest.mark.parametrize("lexicon", LEXICONS, ids=lambda lex: lex.name)
def test_every_catalogue_term_is_found_the_same_way(lexicon):
    compiled = lexicon.pattern()
    for terms in lexicon.terms.values():
        for term in terms:
            if term.startswith("re:"):
                continue
            for text in (term, f"Our {term} offer", f"{term.upper()}!", f"x{term}x",
                         f"{term}-{term}", f"赋能{term}的"):
                assert fast(compiled, text) == slow(compiled, text), text


@pytest.mark.parametrize("term,text", [
    ("re:\\d+\\s*%\\s*off(?![A-Za-z])", "Limited time: 50% off your first year."),
    ("re:^start", "start here"),
])
def test_regex_terms_beginning_with_a_digit_or_the_start_are_found(term, text):
    # Their only "fragment" is the digit or start marker, never in the text itself: the
    # fast scan must not read that as "this term cannot match here".
    compiled = compile_terms([term, "widget"])
    assert compiled is not None
    assert fast(compiled, text) == slow(compiled, text) != []


def test_the_fast_scanners_are_built_only_after_a_few_scans():
    lexicon = Lexicon("t", {"en": ["widget"], "zh": []})
    compiled = lexicon.pattern()
    for _ in range(FAST_AFTER):
        assert [m.group(0) for m in compiled.scan("A Widget!")] == ["Widget"]
    assert compiled._fast is None
    assert [m.group(0) for m in compiled.scan("A Widget!")] == ["Widget"]
    assert compiled._fast


def test_find_reports_the_term_in_catalogue_order():
    lexicon = Lexicon("t", {"en": ["best in class", "best-in-class", "best"], "zh": []})
    compiled = lexicon.pattern()
    compiled.prepare()
    found = lexicon.find("The BEST in class, best-in-class and bestinclass.")
    assert [(m.text, m.term) for m in found] == [
        ("BEST in class", "best in class"), ("best-in-class", "best-in-class"),
        ("bestinclass", "best-in-class")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(text_strategy, min_size=0, max_size=6),
       index=st.integers(min_value=0, max_value=len(LEXICONS)))
def test_a_batch_of_texts_finds_what_each_text_finds(texts, index):
    lexicon = (Lexicon("extra", {"en": EXTRA_TERMS, "zh": []}) if index == len(LEXICONS)
               else LEXICONS[index])
    compiled = lexicon.pattern()
    assert compiled is not None
    compiled.prepare()
    batch = TextBatch(texts)
    assert lexicon.find_batch(batch) == [lexicon.find(text) for text in texts]
    assert [[(m.span(), m.lastgroup) for m in found] for found in compiled.scan_batch(batch)] \
        == [slow(compiled, text) for text in texts]
