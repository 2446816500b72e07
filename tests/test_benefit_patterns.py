"""The words' evidence (vplint.text.benefit) tries its costliest patterns only where a match
can begin: the same matches as the plain patterns over the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_multiscan import DOCUMENTS
from vplint.text import benefit

PIECES = ["Get", "get", "GET", " ", "  ", "\n", "\n ", ". ", "- ", "— ", "– ", ": ", "; ",
          "stop and", "Stop", "stop by", "save", "help you", "helps your", "lets users",
          "LET YOUR", "x", "ago", "I", "İ", "ı", "\t", "!", "?\n", "order", "go", "\u00a0",
          "Book", "rebook", "never", "hire", "\r\n", "3", "我们"]


def _plain(text: str) -> tuple[list[str], int]:
    return benefit._IMPERATIVE.findall(text), len(benefit._HELPED.findall(text))


def _fast(text: str) -> tuple[list[str], int]:
    return benefit.imperatives(text), sum(1 for _ in benefit._helped().finditer(text))


def test_the_corpora_and_examples_give_the_plain_matches() -> None:
    for doc in DOCUMENTS:
        text = "\n".join(str(node.value) for _, node in doc.texts())
        assert _fast(text) == _plain(text), doc.path


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=20))
def test_generated_text_gives_the_plain_matches(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _fast(text) == _plain(text)


@given(text=st.text(max_size=60))
def test_any_text_gives_the_plain_matches(text: str) -> None:
    assert _fast(text) == _plain(text)
