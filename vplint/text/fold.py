"""Traditional Chinese folded into simplified characters, so that the lexicons and the
patterns (written in simplified Chinese) read copy from Taiwan and Hong Kong too.

Folding keeps every offset: a text whose conversion would change its length is left as
it is, so a match found in the folded text maps back to the original characters. The
converter (OpenCC's tables, pure Python) is loaded only when a text holds one of the
traditional-only characters of vplint.text.traditional_chars (generated from OpenCC's
table); simplified and English text never pays for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from vplint.lazyre import lazy
from vplint.text.traditional_chars import CHARACTERS

_TRADITIONAL = lazy(f"[{CHARACTERS}]")


@lru_cache(maxsize=1)
def _converter() -> Any:
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """`text` with traditional characters replaced by simplified ones, same length."""
    if not _TRADITIONAL.search(text):
        return text
    folded = _converter().convert(text)
    return folded if len(folded) == len(text) else text
