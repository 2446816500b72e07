"""Making user text harmless to show: control characters, escape sequences and
bidirectional overrides become visible escapes instead of acting on the reader's screen."""

from __future__ import annotations

_VISIBLE = {cp: f"\\x{cp:02x}" for cp in [*range(0x20), 0x7F, *range(0x80, 0xA0)]
            if cp != 0x09}
_VISIBLE.update({0x0A: "\\n", 0x0D: "\\r"})
# Bidirectional overrides and isolates reorder what is shown ("Trojan Source"); line and
# paragraph separators break lines where no line break was written.
_VISIBLE.update({cp: f"\\u{cp:04x}" for cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                             0x2028, 0x2029]})


def visible(text: object) -> str:
    """Text with every control character shown as an escape (ESC as the four characters
    \\x1b, a line feed as \\n), tabs kept: it cannot move the cursor, recolour, retitle
    or clear a terminal, nor split one line of a report into two."""
    return str(text).translate(_VISIBLE)


_VISIBLE_KEEP_LINES = {cp: v for cp, v in _VISIBLE.items() if cp not in (0x0A, 0x0D)}


def visible_keep_lines(text: object) -> str:
    """Like `visible`, but line breaks stay line breaks (for multi-line blocks such as rule
    docs in an HTML page, where the markup already keeps them inert)."""
    return str(text).translate(_VISIBLE_KEEP_LINES)


def inert_lines(text: object) -> str:
    """Like `visible_keep_lines`, and no line can start with `::` (which a GitHub Actions
    log would run as a workflow command): such a line gets a leading space. For
    multi-line text from the repository printed to stdout or stderr (rule docs)."""
    lines = visible_keep_lines(text).split("\n")
    return "\n".join(" " + line if line.startswith("::") else line for line in lines)
