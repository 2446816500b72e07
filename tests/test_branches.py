"""A `re:` term cut to the branches that can begin with a prefix (vplint.text.branches)
matches, wherever a text begins with that prefix, exactly as the whole term does."""

from __future__ import annotations

import re

import pytest

from tests.test_multiscan import REGISTRY, _strings
from vplint.text.branches import cut_to, split_alternation
from vplint.text.terms import DIGIT, START, regex_prefixes, term_pattern


@pytest.mark.parametrize(("source", "expected"), [
    (r"(?<![A-Za-z])(?:in\s+the\s+car|on\s+the\s+bus)(?![A-Za-z])",
     (r"(?<![A-Za-z])", [r"in\s+the\s+car", r"on\s+the\s+bus"], r"(?![A-Za-z])")),
    (r"(?:a|b(?:c|d)|[|(])x", ("", ["a", "b(?:c|d)", "[|(]"], "x")),
    (r"\(?:a|b)", None),  # an escaped bracket: no group
    (r"(?:a)", None),  # one branch
    (r"x(?:a|b)", None),  # something that consumes before the group
    (r"(a|b)", None),  # a capturing group
])
def test_split_alternation_reads_only_the_simple_shape(source: str, expected: object) -> None:
    assert split_alternation(source) == expected


def test_cut_keeps_the_branches_that_may_begin_with_the_prefix_in_order() -> None:
    source = r"(?<![A-Za-z])(?:at\s+night|on\s+the\s+go|a\s+way|at\s+home|\w+ly)(?![A-Za-z])"
    assert cut_to(source, "at") == \
        r"(?<![A-Za-z])(?:at\s+night|a\s+way|at\s+home|\w+ly)(?![A-Za-z])"
    assert cut_to(source, "on") == r"(?<![A-Za-z])(?:on\s+the\s+go|\w+ly)(?![A-Za-z])"
    assert cut_to(source, "zz") == r"(?<![A-Za-z])(?:\w+ly)(?![A-Za-z])"


def test_cut_terms_match_as_the_whole_where_their_prefix_begins() -> None:
    """Every built-in term, cut to each of its prefixes, at every position of the rule
    examples (and the prefix itself, with what follows it in the whole term's matches)
    where the lower-cased text begins with that prefix."""
    texts = [t for rule in REGISTRY.rules.values() for t in _strings(rule.examples)]
    terms = sorted({t for lex in REGISTRY.lexicons.values() for items in lex.terms.values()
                    for t in items if t.startswith("re:")})
    cut = 0
    for term in terms:
        prefixes = regex_prefixes(term[3:]) or frozenset()
        whole = re.compile(term_pattern(term), re.IGNORECASE)
        for prefix in prefixes - {START, DIGIT}:
            part_source = cut_to(term[3:], prefix)
            if part_source == term[3:]:
                continue
            cut += 1
            part = re.compile(term_pattern("re:" + part_source), re.IGNORECASE)
            for text in texts:
                low = text.lower()
                at = low.find(prefix)
                while at >= 0:
                    a, b = whole.match(text, at), part.match(text, at)
                    assert (a and a.span()) == (b and b.span()), (term, prefix, text, at)
                    at = low.find(prefix, at + 1)
    assert cut > 50  # the catalogue has many such terms: the test must reach them
