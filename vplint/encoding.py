"""Turn a file's bytes into text: UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, and
the GBK/GB18030 (and Big5) files Chinese Windows editors still save, without ever garbling
silently. Files that are not text at all are recognised before anything parses them."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vplint.problem import Problem

SNIFF = 8192
"""Bytes looked at to decide whether a file is text."""

# Longest BOM first: the UTF-32LE BOM starts with the UTF-16LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

# Bytes that never appear in text: C0 controls except tab, line feed, vertical tab, form
# feed, carriage return and escape (ANSI-coloured text is still text), and DEL.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"

LEGACY_CHINESE = ("gb18030", "big5")


def decode(data: bytes) -> tuple[str | None, str | None, Problem | None]:
    """Return (text, name of the encoding when it is not UTF-8, problem).

    The problem is a VP001 for files that are not text or cannot be decoded; for the
    latter it carries the file shown with the bad bytes replaced, so the offset it names
    maps to a line and column.
    """
    from vplint.problem import Problem

    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name, None
            except UnicodeDecodeError as exc:
                return None, None, _undecodable(data, exc, len(bom), codec)
    what = _looks_binary(data)
    if what:
        return None, None, Problem("VP001", 0, 0, {
            "reason": f"not a text file ({what}); skipped, not parsed"})
    try:
        return data.decode("utf-8"), None, None
    except UnicodeDecodeError as exc:
        first_error = exc
    guessed = _guess_chinese(data)
    if guessed is not None:
        return guessed
    return None, None, _undecodable(data, first_error, 0, "utf-8")


def _looks_binary(data: bytes) -> str | None:
    """Why `data` is not text (e.g. "it looks like a PNG image"), or None when it is."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"it looks like {what}"
    head = data[:SNIFF]
    if b"\x00" in data:
        if len(head) >= 4 and (head[1::2].count(0) * 10 >= len(head) * 4
                               or head[0::2].count(0) * 10 >= len(head) * 4):
            return "it holds NUL bytes; UTF-16 without a byte-order mark? Save it as UTF-8"
        return "it holds NUL bytes"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL))
        if controls * 10 > len(head):
            return "it is mostly control bytes"
    return None


def _guess_chinese(data: bytes) -> tuple[str, str, None] | None:
    """Decode legacy Chinese encodings (GBK is a subset of GB18030) when that is what it is."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        candidates = list(LEGACY_CHINESE)
    else:
        best = from_bytes(data, cp_isolation=list(LEGACY_CHINESE)).best()
        candidates = [best.encoding] if best is not None else []
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _mostly_cjk(text):
            continue
        return text, _encoding_name(data, codec), None
    return None


def _encoding_name(data: bytes, codec: str) -> str:
    if codec == "big5":
        return "Big5"
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return "GB18030"
    return "GBK"


def _mostly_cjk(text: str) -> bool:
    """True when most non-ASCII characters are CJK ideographs or CJK punctuation."""
    high = [ch for ch in text if ord(ch) > 127]
    cjk = sum(1 for ch in high if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef")
    return bool(high) and cjk * 10 >= len(high) * 8


def _undecodable(data: bytes, exc: UnicodeDecodeError, skipped: int, codec: str) -> Problem:
    from vplint.problem import Problem

    offset = exc.start + skipped
    shown = data[skipped:].decode(codec, errors="replace")
    at = len(data[skipped:offset].decode(codec, errors="replace"))
    bad = exc.object[exc.start]
    name = codec.upper().replace("-LE", "LE").replace("-BE", "BE")
    return Problem("VP001", at, at + 1, {
        "reason": f"cannot decode the file: byte 0x{bad:02x} at byte offset {offset} is not "
                  f"valid {name} (save the file as UTF-8)"}, source=shown)
