"""Regular expressions that users supply run in linear time.

A `re:` term in a configured lexicon, a lexicon file of a rules folder, or the `must` /
`must_not` of a `pattern` rule comes from the repository under review, so a pattern that
backtracks (`(a+)+$` on a long line of "a") must not be able to stall a run. vplint's
answer, checked when the configuration or the rule is loaded:

* every such pattern must compile with RE2 (google-re2), the linear-time engine: look-
  arounds and back-references, which RE2 cannot run, are an error at the file and line
  that wrote the pattern (exit code 2);
* `pattern` rules then *run* with RE2;
* lexicon terms run inside the lexicon's combined Python pattern (one scan for all its
  terms, vplint.text.multiscan), so a term whose repetition nests another unbounded
  repetition (`(a+)+`, `(\\w*\\s?)*`) is refused as well: that is what makes Python's
  engine backtrack exponentially.
"""

from __future__ import annotations

from typing import Any

from vplint.text.terms import class_end


class UnsafePattern(ValueError):
    """A user pattern vplint will not run; the message says why."""


def _options(ignore_case: bool) -> Any:
    import re2  # only when a user pattern is compiled: most runs have none

    options = re2.Options()
    options.log_errors = False  # RE2 would print its parse errors on stderr
    options.case_sensitive = not ignore_case
    return options


def linear(source: str, ignore_case: bool = True) -> Any:
    """Compile a user pattern with RE2 (its `search`/`finditer` give character offsets).

    Raises UnsafePattern when RE2 cannot run it."""
    import re2

    try:
        return re2.compile(source, _options(ignore_case))
    except re2.error as exc:  # type: ignore[attr-defined]
        raise UnsafePattern(_reason(exc)) from None
    except Exception as exc:  # RE2 reports some errors as other types
        raise UnsafePattern(_reason(exc)) from None


def _reason(exc: BaseException) -> str:
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    return (f"cannot run in linear time ({detail}); look-arounds and back-references "
            "are not allowed in user patterns")


def check_term(term: str) -> str | None:
    """Why a user lexicon term cannot be accepted, or None when it can."""
    if not term.startswith("re:"):
        return None
    source = term[3:]
    try:
        linear(source)
    except UnsafePattern as exc:
        return str(exc)
    if nested_repetition(source):
        return ("nests a repetition inside another unbounded one (like '(a+)+'), which "
                "can take exponential time")
    return None


def nested_repetition(source: str) -> bool:
    """True when a group repeated without bound (`*`, `+`, `{n,}`) holds an unbounded
    repetition itself: the shape that makes a backtracking engine exponential."""
    stack: list[bool] = []  # per open group: does it hold an unbounded repetition?
    inner = False  # the last atom closed was a group holding one
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            inner = False
            continue
        if ch == "[":
            i = _class_end(source, i)
            inner = False
            continue
        if ch == "(":
            stack.append(False)
            i += 1
            inner = False
            continue
        if ch == ")":
            holds = stack.pop() if stack else False
            i += 1
            inner = holds
            if holds and stack:
                stack[-1] = True
            continue
        unbounded, width = _quantifier(source, i)
        if width:
            if unbounded:
                if inner:
                    return True
                if stack:
                    stack[-1] = True
            i += width
            inner = False
            continue
        i += 1
        inner = False
    return False


def _quantifier(source: str, i: int) -> tuple[bool, int]:
    """(unbounded?, length) of a quantifier at i; length 0 when there is none."""
    ch = source[i]
    if ch in "*+":
        return True, 1 + (i + 1 < len(source) and source[i + 1] in "?+")
    if ch == "?":
        return False, 1
    if ch == "{":
        close = source.find("}", i)
        body = source[i + 1:close] if close > 0 else ""
        parts = body.split(",")
        if close > 0 and len(parts) <= 2 and all(p.isdigit() or p == "" for p in parts) \
                and parts[0] + (parts[1] if len(parts) > 1 else "") != "":
            return len(parts) == 2 and parts[1] == "", close - i + 1
    return False, 0


def _class_end(source: str, i: int) -> int:
    """Index just after the character class opening at i (past the end if unclosed)."""
    end = class_end(source, i)
    return len(source) + 1 if end is None else end


def lexicon_problem(data: Any) -> tuple[str, str] | None:
    """(message, the term) for the first unacceptable term of a lexicon file's data."""
    if not isinstance(data, dict):
        return None
    for lang in ("en", "zh"):
        for term in data.get(lang) or ():
            reason = check_term(str(term))
            if reason:
                return f"lexicon term {str(term)!r} {reason}", str(term)[3:]
    return None


def rule_problem(extends: str | None, params: dict[str, Any], user: bool
                 ) -> tuple[str, str] | None:
    """(message, what to look for in the file) for the first pattern of a rule that
    cannot run in linear time: a `pattern` rule's `must_match` / `must_not_match` (they
    run with RE2), and, in a user's rule, its inline `terms` and `swap` terms."""
    if extends == "pattern":
        for key in ("must_match", "must_not_match"):
            source = params.get(key)
            if source:
                try:
                    linear(str(source))
                except UnsafePattern as exc:
                    return f"{key} {str(source)!r} {exc}", key
    if user:
        for key in ("terms", "swap"):
            table = params.get(key)
            if isinstance(table, dict):
                items = [t for value in table.values()
                         for t in (value if isinstance(value, (list, dict)) else ())]
            else:
                items = list(table or ())
            for term in items:
                reason = check_term(str(term))
                if reason:
                    return f"{key} term {str(term)!r} {reason}", str(term)[3:]
    return None


def line_of(text: str, needle: str) -> int | None:
    """The 1-based line of the first occurrence of `needle` in `text`, or None."""
    for candidate in (needle, needle.replace("\\", "\\\\")):
        at = text.find(candidate) if candidate else -1
        if at >= 0:
            return text.count("\n", 0, at) + 1
    return None
