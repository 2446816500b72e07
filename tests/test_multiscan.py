"""One scan per document (vplint.text.multiscan): the stored candidates, confirmed by each
lexicon's pattern, give exactly what a plain `re` scan of every text gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as hypothesis_example
from hypothesis import strategies as st

from tests.test_lexicon_scan import EXTRA_TERMS, text_strategy
from vplint.document import load_file, load_text
from vplint.rules import Registry
from vplint.text.facts import Facts
from vplint.text.lexicon import Lexicon, lowers_safely
from vplint.text.multiscan import (
    ASCII_CASED_CLASSES,
    CASE_SHIFTED,
    Scanner,
    caseless_ascii_classes,
    scanner_for,
)
from vplint.text.terms import CJK_CLASS, DIGIT, START, regex_prefixes, term_pattern

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = Registry.default(plugins=False)
NAMES = sorted(REGISTRY.lexicons)
LANGS = ("all", "en", "zh")


def reference(lexicon: Lexicon, text: str, lang: str) -> list[tuple[int, int, str]]:
    """The plain scan: the lexicon's named pattern over the whole text with `finditer`."""
    compiled = lexicon.pattern(lang)
    if compiled is None:
        return []
    return [(m.start(), m.end(), compiled.terms[int(m.lastgroup[1:])])
            for m in compiled.pattern.finditer(text) if m.end() > m.start()]


def scanned(facts: Facts, name: str, node, lang: str) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(m.start, m.end, m.term) for m in facts.node_matches(name, node, lang)]


def _documents():
    paths = sorted((ROOT / "tests" / "corpus").glob("*.yaml")) + sorted(
        (ROOT / "examples").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.md"))
    for path in paths:
        yield from load_file(path, str(path))
    for rule in REGISTRY.sorted():
        for outcome in rule.examples.values():
            for examples in outcome.values():
                for example in examples:
                    if isinstance(example, dict):
                        yield from load_text(example["markdown"], "example.md", "markdown")
                    else:
                        yield from load_text(str(example), "example.yaml", "yaml")


DOCUMENTS = [doc for doc in _documents() if doc.tree is not None]


def test_corpora_examples_and_rule_examples_scan_as_plain_re() -> None:
    assert len(DOCUMENTS) > 300  # both corpora, the examples and every rule example
    compared = 0
    for doc in DOCUMENTS:
        facts = Facts(doc, REGISTRY)
        for _, node in doc.texts():
            text = str(node.value)
            for name in NAMES:
                lexicon = REGISTRY.lexicons[name]
                for lang in LANGS:
                    expected = reference(lexicon, text, lang)
                    assert scanned(facts, name, node, lang) == expected, (doc.path, name, text)
                    compared += len(expected)
    assert compared > 5_000


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(text_strategy, min_size=1, max_size=3))
@hypothesis_example(texts=[
    "12345 GB storage, 20% off, x20% off, 3,000 客户选择, 1.5.30 days free, 007x more",
    "a or in at the e-mail: sea-salt, data-driven; you're 4th. an ios app in-store"])
def test_generated_texts_scan_as_plain_re(texts: list[str]) -> None:
    source = "copy:\n" + "".join(f"  f{i}: {_quoted(t)}\n" for i, t in enumerate(texts))
    doc = load_text(source, "gen.yaml", "yaml")[0]
    if doc.tree is None:
        return
    facts = Facts(doc, REGISTRY)
    for _, node in doc.texts():
        for name in NAMES:
            for lang in ("all",):
                assert scanned(facts, name, node, lang) == reference(
                    REGISTRY.lexicons[name], str(node.value), lang)


def _quoted(text: str) -> str:
    return '"' + "".join(f"\\u{ord(c):04x}" if not c.isalnum() or ord(c) > 0xFFFF
                         else c for c in text) + '"'


@given(text=text_strategy)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_terms_outside_the_catalogue_scan_as_plain_re(text: str) -> None:
    lexicon = Lexicon("extra", {"en": list(EXTRA_TERMS)})
    compiled = lexicon.pattern()
    assert compiled is not None
    if not lowers_safely(text):
        return  # Facts scans such a text plainly
    scanner = Scanner({"extra": lexicon})
    low = text.lower()
    keys = scanner.keys_of(compiled.terms)
    assert keys is not None
    got = compiled.scan_located(text, low, scanner.locate([low])[0], keys)
    assert [(m.span(), m.lastgroup) for m in got] == [
        (m.span(), m.lastgroup) for m in compiled.pattern.finditer(text) if m.end() > m.start()]


@pytest.mark.parametrize("source,expected", [
    ("最优(?!化)", {"最优"}),
    ("(?<![A-Za-z])(?:you|your)(?![A-Za-z])", {"you", "your"}),
    ("(?:the\\s+)?leader\\s+in", {"the", "leader"}),
    ("(?:NO|No|no)\\.?\\s?1", {"no"}),
    ("[一二1-3]折", {"一", "二", "1", "2", "3"}),
    ("^[A-Z]x", {START}),
    ("\\d+x", {DIGIT}),
    ("[\\d,.]+%", {DIGIT, ",", "."}),
    ("abc?d", {"ab"}),
])
def test_regex_prefixes_reads_leading_literals(source: str, expected: set[str]) -> None:
    assert regex_prefixes(source) == expected


@pytest.mark.parametrize("source", ["\\s+x", "x*", "(?:a|)b", "(?-i:us)", ".foo", "[^a]b",
                                    "\\1a", "(?=a)?b", "\\u4e00", "(?i)x"])
def test_regex_prefixes_gives_up_on_what_it_cannot_bound(source: str) -> None:
    assert regex_prefixes(source) is None


def test_a_term_that_may_start_at_any_letter_is_searched_not_keyed() -> None:
    """A term beginning with any of many single ASCII characters would make nearly every
    word a candidate: it is searched with its own pattern, and finds the same."""
    lexicon = Lexicon("features", {"en": [
        "re:(?<![A-Za-z])[A-Za-z]{3,},\\s+[A-Za-z]{3,}(?:,\\s+|,?\\s+and\\s+)[A-Za-z]{3,}",
        "re:[abc]x", "re:[ab]y", "fast"]})
    scanner = Scanner({"features": lexicon})
    assert [scanner.terms[k] for k in scanner.searched] == [
        lexicon.terms["en"][0], "re:[abc]x"]
    assert "a" in scanner.prefixes and "f" not in scanner.prefixes  # [ab]y and fast: keyed
    for text in ("Fast, secure and reliable.", "It is fast, cheap, and Good", "ax by cx",
                 "nope, no and no", "Fast"):
        found = scanner.hits([text], scanner.locate([text.lower()]))[0]
        got = [(m.start, m.end, m.term) for m in found.get("features", [])]
        assert got == reference(lexicon, text, "all"), text


def test_the_cjk_class_matches_the_same_characters_without_ignoring_case() -> None:
    ignoring = re.compile(CJK_CLASS, re.IGNORECASE)
    exact = re.compile(f"(?-i:{CJK_CLASS})", re.IGNORECASE)
    for point in range(0x110000):
        char = chr(point)
        assert (ignoring.match(char) is None) == (exact.match(char) is None), hex(point)


@pytest.mark.parametrize(("source", "expected"), [
    ("让[\\u4e00-\\u9fff]{0,3}不再", "让(?-i:[\\u4e00-\\u9fff]){0,3}不再"),
    ("[\\u4e00-\\u9fff]|b", "(?-i:[\\u4e00-\\u9fff])|b"),
    ("\\[\\u4e00-\\u9fff]", "\\[\\u4e00-\\u9fff]"),  # an escaped bracket
    ("[x[\\u4e00-\\u9fff]y", "[x[\\u4e00-\\u9fff]y"),  # inside another class
    ("[]][\\u4e00-\\u9fff]", "[]](?-i:[\\u4e00-\\u9fff])"),
])
def test_term_patterns_match_the_cjk_class_without_ignoring_case(source: str,
                                                                 expected: str) -> None:
    assert term_pattern("re:" + source) == f"(?:{expected})"


@pytest.mark.parametrize("cls", ASCII_CASED_CLASSES)
def test_an_ascii_letter_class_ignoring_case_adds_only_what_unsafe_text_holds(cls: str) -> None:
    # The scanner compiles these classes without IGNORECASE (caseless_ascii_classes) and
    # reads only texts that lower safely: those must hold none of what IGNORECASE adds.
    ignoring = re.compile(cls, re.IGNORECASE)
    exact = re.compile(f"(?-i:{cls})", re.IGNORECASE)
    added = "".join(chr(point) for point in range(0x110000)
                    if (ignoring.match(chr(point)) is None) != (exact.match(chr(point)) is None))
    assert added == CASE_SHIFTED
    assert all(exact.match(char) is None for char in added)  # only ever added
    assert not any(lowers_safely(f"ab{char}cd") for char in CASE_SHIFTED)


@pytest.mark.parametrize(("source", "expected"), [
    ("(?<![A-Za-z])ab[A-Za-z0-9_]+", "(?<!(?-i:[A-Za-z]))ab(?-i:[A-Za-z0-9_])+"),
    ("\\[A-Za-z]", "\\[A-Za-z]"),  # an escaped bracket
    ("[x[A-Za-z]y", "[x[A-Za-z]y"),  # inside another class
    ("[^A-Za-z]", "[^A-Za-z]"),  # not a class of its own list
    ("[a-z]", "[a-z]"),  # one case: IGNORECASE adds the other
])
def test_ascii_letter_classes_are_compiled_without_ignoring_case(source: str,
                                                                 expected: str) -> None:
    assert caseless_ascii_classes(source) == expected


def test_the_catalogue_needs_few_full_pattern_searches() -> None:
    scanner = Scanner(REGISTRY.lexicons)
    assert len(scanner.searched) <= len(scanner.terms) // 20


# Lexicons sharing terms and prefixes in different combinations: a key's terms then belong
# to different lexicons, and each lexicon must still get its own first term at a position.
SHARED = {
    "one": {"en": ["best", "best in class", "re:(?<![A-Za-z])the\\s+best", "the best"]},
    "two": {"en": ["best in class", "re:(?<![A-Za-z])the\\s+(?:very\\s+)?best(?![A-Za-z])",
                   "bestseller", "e-mail"]},
    "three": {"en": ["the", "re:(?<![A-Za-z])the\\s+best\\s+\\w+", "email", "re:\\d+\\s*%"],
              "zh": ["最好", "re:最好的?", "赋能"]},
    "four": {"en": ["re:^the", "re:\\d+\\s*%\\s*off", "class"], "zh": ["re:[一二三]折", "最"]},
    "five": {"en": ["re:(?<![A-Za-z])(?P<x>us)(?![A-Za-z])", "best"]},
}
SHARED_PIECES = ["best", "Best", "the", "The", "very", "in", "class", "seller", "e-mail",
                 "email", "off", "50%", "3 %", "us", "US", "最好", "最好的", "最", "一折", "赋能",
                 " ", "  ", "\n", "-", ", ", ". ", "x"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(SHARED_PIECES), max_size=16))
def test_lexicons_sharing_terms_get_each_their_own_first_term(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not text or not lowers_safely(text):
        return
    plain = {name: Lexicon(name, {k: list(v) for k, v in table.items()})
             for name, table in SHARED.items() if name != "five"}
    scanner = Scanner(plain)
    assert scanner.exact
    found = scanner.hits([text], scanner.locate([text.lower()]))[0]
    for name, lexicon in plain.items():
        got = [(m.start, m.end, m.term) for m in found.get(name, [])]
        assert got == reference(lexicon, text, "all"), (name, text)


def test_a_term_with_its_own_groups_is_scanned_lexicon_by_lexicon() -> None:
    lexicons = {name: Lexicon(name, {k: list(v) for k, v in table.items()})
                for name, table in SHARED.items()}
    assert not Scanner(lexicons).exact  # "five" names a group: Facts scans plainly


def _strings(value: object) -> list[str]:
    """Every string in a rule's examples (nested mappings and lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_digit_candidates_are_the_first_digits_of_runs() -> None:
    """A term beginning with a digit and a look-behind ruling out a digit before it is a
    candidate only at the first digit of a run; any other digit term at every digit (the
    test above shows the same hits)."""
    runs = Lexicon("runs", {"en": [r"re:\d+\s*%", r"re:(?<![A-Za-z\d])\d+x"]})
    any_digit = Lexicon("any", {"en": [r"re:\d{2}\s*h"]})
    scanner = Scanner({"runs": runs})
    located = scanner.locate(["x 2026 and 3,5 or ４２"])[0]
    assert located[scanner.run_key] == [2, 11, 13, 18]
    assert scanner.digit_key not in located
    scanner = Scanner({"runs": runs, "any": any_digit})
    located = scanner.locate(["x 2026 and 3,5 or ４２"])[0]
    assert located[scanner.run_key] == [2, 11, 13, 18]
    assert located[scanner.digit_key] == [2, 3, 4, 5, 11, 13, 18, 19]
    catalogue = scanner_for(REGISTRY.lexicons)
    assert any(catalogue.run_key in keys for keys in catalogue.term_keys)
