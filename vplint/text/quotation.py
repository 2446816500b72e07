"""Is a position inside quoted words: a block quote, or quotation marks in its paragraph?

Used where someone else's words must not count as the advertiser's voice (a customer's
"our data center" in a testimonial is not the company talking about itself).
"""

from __future__ import annotations

_PAIRS = (("“", "”"), ("「", "」"), ("『", "』"), ("«", "»"))


def inside_quotation(text: str, at: int) -> bool:
    """True when text[at] lies in a block-quote line ("> ...") or between quotation marks
    opened earlier in the same paragraph and not closed before `at`."""
    # Only the 400 characters before `at` are read: a quotation that opened further back
    # is not told from a page without blank lines, and each call stays constant-time.
    floor = max(0, at - 400)
    line_start = text.rfind("\n", floor, at) + 1 or floor
    if text[line_start:at].lstrip().startswith(">"):
        return True
    para_start = text.rfind("\n\n", floor, at)
    para = text[para_start + 2 if para_start >= 0 else floor:at]
    if para.count('"') % 2:
        return True
    return any(para.rfind(left) > para.rfind(right) for left, right in _PAIRS)
