"""A `re:` term cut down to the branches that can begin with a given prefix.

Many lexicon terms are one long alternation behind a look-behind,
`(?<![A-Za-z])(?:on\\s+the\\s+train|in\\s+the\\s+car|...)`, and the one-pass scanner
(vplint.text.multiscan) tries them only where one of their prefixes occurs. Where the
text begins with "in", a branch all of whose beginnings differ from "in" in some
character (neither is a prefix of the other) cannot match, so the term with only the
other branches, in their order, matches there exactly as the whole term does: `re` tries
branches in order and a branch that cannot begin there fails at once. The cut term is
smaller to compile, which is most of what the first file of a run costs (a one-file run
compiled the whole alternation of every term under every prefix it met).

Only a simple shape is cut: zero-width assertions, then one non-capturing group holding
the alternation, then anything. Whatever else, or a branch whose beginnings cannot be
read, is kept whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from vplint.text.terms import DIGIT, START, regex_prefixes

_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")


def split_alternation(source: str) -> tuple[str, list[str], str] | None:
    """(head, branches, tail) with `source == head + "(?:" + "|".join(branches) + ")" +
    tail`, where head is only look-arounds and the group holds two or more branches; None
    for any other shape."""
    i = 0
    while source.startswith(_LOOKAROUNDS, i):
        end = _group_end(source, i)
        if end is None:
            return None
        i = end
    if not source.startswith("(?:", i):
        return None
    end = _group_end(source, i)
    if end is None:
        return None
    branches = _top_branches(source[i + 3:end - 1])
    if branches is None or len(branches) < 2:
        return None
    return source[:i], branches, source[end:]


def cut_to(source: str, prefix: str) -> str:
    """`source` with only the branches of its alternation (see `split_alternation`) that
    can begin where a text begins with `prefix` (lower case); `source` itself when
    nothing can be cut."""
    parts = split_alternation(source)
    if parts is None:
        return source
    head, branches, tail = parts
    kept = [b for b in branches if _may_begin(b, prefix)]
    if len(kept) == len(branches) or not kept:
        return source  # nothing to cut (none kept: the prefix came from the head or tail)
    return f"{head}(?:{'|'.join(kept)}){tail}"


def _may_begin(branch: str, prefix: str) -> bool:
    starts = regex_prefixes(branch)
    if starts is None:
        return True
    return any(s in (START, DIGIT) or s.startswith(prefix) or prefix.startswith(s)
               for s in starts)


def _group_end(source: str, i: int) -> int | None:
    """The index after the ")" closing the group opened at `i`, or None."""
    depth = 0
    for j, char in _syntax(source, i):
        if j < 0:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j + 1
    return None


def _syntax(source: str, i: int = 0) -> Iterator[tuple[int, str]]:
    """(index, character) of every character of `source` from `i` on that is neither
    escaped nor inside a character class; (-1, "") then stop when a class never closes."""
    n = len(source)
    while i < n:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            if i < 0:
                yield -1, ""
                return
            continue
        yield i, char
        i += 1


def _class_end(source: str, i: int) -> int:
    """The index after the "]" closing the class opened at `i`, or -1."""
    j = i + 1
    n = len(source)
    if j < n and source[j] == "^":
        j += 1
    if j < n and source[j] == "]":
        j += 1
    while j < n and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1 if j < n else -1


def _top_branches(body: str) -> list[str] | None:
    """`body` split at its top-level "|", or None when its brackets do not balance."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, char in _syntax(body):
        if i < 0:
            return None
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    if depth != 0:
        return None
    out.append(body[start:])
    return out
