"""Sentence and clause spans (vplint.text.sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vplint.text.sentences import clause_spans, sentence_spans, span_of


def pieces(text: str, spans) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[a:b].strip() for a, b in spans]


def test_sentences_keep_decimals_and_prices_whole() -> None:
    text = "97.4% arrive on time. Pay $12.40, not more! 您满意吗？满意。"
    assert pieces(text, sentence_spans(text)) == [
        "97.4% arrive on time.", "Pay $12.40, not more!", "您满意吗？", "满意。"]


def test_clauses_cut_at_commas_but_not_inside_numbers() -> None:
    text = "From 1,200 invoices, we cut it - fast; 极速退款，2小时到账"
    assert pieces(text, clause_spans(text)) == [
        "From 1,200 invoices,", "we cut it -", "fast;", "极速退款，", "2小时到账"]


def test_span_of_finds_the_holding_span() -> None:
    text = "One. Two. Three."
    spans = sentence_spans(text)
    assert text[slice(*span_of(spans, text.index("Two")))].strip() == "Two."


@given(st.text(max_size=300))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    for spans in (sentence_spans(text), clause_spans(text)):
        end = 0
        for a, b in spans:
            assert end <= a <= b <= len(text)
            end = b
