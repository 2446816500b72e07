"""Traditional Chinese folded into simplified characters, so that the lexicons and the
patterns (written in simplified Chinese) read copy from Taiwan and Hong Kong too.

Folding keeps every offset: a text whose conversion would change its length is left as
it is, so a match found in the folded text maps back to the original characters. The
converter (OpenCC's tables, pure Python) is loaded only when a text holds one of the
common traditional-only characters below; simplified and English text never pays for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from vplint.lazyre import lazy

_TRADITIONAL = lazy(
    "[這們說來時會為國個對還麼樣讓點給買賣電話錢愛見過開關門後從學體發現與應該實長經動種當"
    "無頭問題網費價質環戶車達場業歡聽變專號務隊選識運讀認寫則極聯夠鐘層歲驗壓擊慣賽師響醫"
    "藥療癒減輕瘦別顆遠濃猶盡覺腦機員層區廣險證書雙頁飯麵餵飲腸胃隨興樂邊魚躍陽]")


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
