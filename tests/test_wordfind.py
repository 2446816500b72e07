"""vplint.text.wordfind finds exactly the runs of letters a regex and a set look-up find,
and the time and number grammars' anchors are the same either way."""

from __future__ import annotations

import random
import re

import pytest

from vplint.text import numbers, timeexpr
from vplint.text.wordfind import _SHIFTING, WordFinder

_WORDS = ("day", "days", "h", "am", "pm", "month", "k", "m", "bn", "hours", "us")
_PIECES = (*_WORDS, "Day", "DAYS", "today", "Monday", "ham", "pm2", "2pm", "x", "İ", "\u212a",
           "ı", "ſ", "é", "3", "3.5", ".5", "$", "€", "万", "三", "天", "年", "翻", "-", " ", "\n",
           "'", "_", "dayx", "xday")


def _texts(seed: int, count: int = 600) -> list[str]:
    rng = random.Random(seed)
    sep = ("", " ", "", ",", "-")
    return ["".join(rng.choice(_PIECES) + rng.choice(sep) for _ in range(rng.randint(0, 30)))
            for _ in range(count)]


def _by_regex(words: set[str], marks: str, text: str) -> list[tuple[int, int]]:
    pattern = f"[A-Za-z]+|[{re.escape(marks)}]" if marks else "[A-Za-z]+"
    return [m.span() for m in re.finditer(pattern, text)
            if not m.group().isascii() or not m.group().isalpha() or m.group().lower() in words]


def test_whole_runs_of_letters_ignoring_ascii_case_and_every_mark() -> None:
    finder = WordFinder(_WORDS, "天年")
    for text in _texts(3):
        found = finder.find(text)
        if found is None:
            assert not _SHIFTING.isdisjoint(text)
            continue
        assert found == _by_regex(set(_WORDS), "天年", text), text
    assert WordFinder(["day"]).find("Today, DAY-days; day") == [(7, 10), (17, 20)]


def test_shifting_characters_are_exactly_those_whose_lower_case_shifts_or_invents_letters(
) -> None:
    expected = set()
    for code in range(0x80, 0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        lower = chr(code).lower()
        if len(lower) != 1 or lower.isascii():
            expected.add(chr(code))
    assert expected == set(_SHIFTING)


def test_words_must_be_lower_case_letters_and_marks_hold_no_letter() -> None:
    with pytest.raises(ValueError):
        WordFinder(["Day"])
    with pytest.raises(ValueError):
        WordFinder(["day"], ["d1"])


def test_time_and_number_anchors_are_the_regex_ones() -> None:
    for text in _texts(5, 1500):
        tokens = re.finditer(r"[A-Za-z]+|[秒分时钟天日周期月季年号点]", text)
        assert timeexpr._anchors(text) == [
            m.span() for m in tokens
            if not m.group().isascii() or m.group().lower() in timeexpr._EN_ANCHOR_WORDS]
        assert numbers._anchors(text) == [
            m.span() for m in re.finditer(numbers._ANCHORS, text)
            if not (m.group()[0].isascii() and m.group()[0].isalpha())
            or m.group().lower() in numbers._ANCHOR_WORDS], text
