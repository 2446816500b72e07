"""Language detection by the share of CJK characters, and CJK-aware word counting."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_LATIN_LETTER = re.compile(r"[A-Za-z]")

ZH_SHARE = 0.2
"""A text is Chinese when at least this share of its letters are CJK characters."""


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return bool(_CJK.match(ch))


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in `text`."""
    return len(_CJK.findall(text))


def detect_language(text: str) -> str:
    """"zh" when CJK characters make up at least ZH_SHARE of the letters, else "en"."""
    cjk = cjk_count(text)
    if not cjk:
        return "en"
    latin = len(_LATIN_LETTER.findall(text))
    return "zh" if cjk / (cjk + latin) >= ZH_SHARE else "en"


def length_units(text: str) -> tuple[int, int]:
    """(English words, CJK characters) in `text`; mixed text counts both."""
    return len(_LATIN_WORD.findall(_CJK.sub(" ", text))), cjk_count(text)


def measure(text: str, language: str) -> int:
    """Length in the unit readers of `language` count: words for en, characters for zh.

    A Chinese text's Latin words (brand names, "AI") count as one character each.
    """
    words, chars = length_units(text)
    return chars + words if language == "zh" else words + chars
