"""Turn a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with BOM, and the
GBK/GB18030 files Chinese Windows editors still save, without ever garbling silently."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vplint.document import Problem


def decode(data: bytes) -> tuple[str | None, str | None, Problem | None]:
    """Return (text, note naming a non-UTF-8 encoding, problem when it is not text)."""
    from vplint.document import Problem

    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16", None
        except UnicodeDecodeError as exc:
            return None, None, _undecodable(exc)
    if b"\x00" in data[:8192]:
        return None, None, Problem("VP001", 0, 0, {
            "reason": "not a text file (it holds NUL bytes); skipped"})
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError as exc:
        first_error = exc
    guessed = _guess_chinese(data)
    if guessed:
        return guessed, "GB18030", None
    return None, None, _undecodable(first_error)


def _guess_chinese(data: bytes) -> str | None:
    """Decode legacy Chinese encodings (GBK is a subset of GB18030) when that is what it is."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best_name = "gb18030"
    else:
        best = from_bytes(data).best()
        best_name = best.encoding if best is not None else ""
        if best_name not in ("gb18030", "gbk", "gb2312", "hz", "big5"):
            best_name = "gb18030" if _decodes_as_cjk(data) else ""
    if not best_name:
        return None
    try:
        return data.decode("gb18030" if best_name in ("gbk", "gb2312") else best_name)
    except (UnicodeDecodeError, LookupError):
        return None


def _decodes_as_cjk(data: bytes) -> bool:
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    high = sum(1 for ch in text if ord(ch) > 127)
    return high > 0 and cjk / high > 0.8


def _undecodable(exc: UnicodeDecodeError) -> Problem:
    from vplint.document import Problem

    return Problem("VP001", 0, 0, {
        "reason": f"cannot decode the file: byte 0x{exc.object[exc.start]:02x} at offset "
                  f"{exc.start} is not valid {exc.encoding.upper()} (save it as UTF-8)"})
