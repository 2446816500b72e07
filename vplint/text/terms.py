"""The syntax of lexicon terms: the pattern a term stands for, and what its matches begin
with.

A term is a literal phrase (matched ignoring case, spaces flexible, a hyphen optional,
with ASCII word boundaries at ASCII word ends) or, after a `re:` prefix, a regex.
`regex_prefixes` reads a regex's leading literals with a small reader of regex syntax (no
private internals of `re`): every match begins with one of them, which is what lets
vplint.text.multiscan look for all terms at once and the lexicon skip texts that cannot
match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from vplint.lazyre import lazy

START = "\x00^"
"""The prefix of an alternative anchored with "^": it can only match where a text begins."""
DIGIT = "\x00d"
"""The prefix of a regex that begins with `\\d`: any decimal digit (Unicode's, as `re` has it)."""
MAX_PREFIXES = 64
"""A term with more possible beginnings than this is looked for with its pattern."""
_WORD = lazy(r"[A-Za-z0-9_]")


def term_pattern(term: str) -> str:
    """Regex source for one term: `re:` prefix means a regex, else a literal phrase."""
    if term.startswith("re:"):
        return f"{_number_start(term[3:])}(?:{_caseless_cjk(term[3:])})"
    parts = [re.escape(p) for p in re.split(r"\s+", term.strip())]
    body = r"\s+".join(parts).replace(r"\-", r"[-\s]?")
    head = r"(?<![A-Za-z0-9_])" if _WORD.match(term[0]) else ""
    tail = r"(?![A-Za-z0-9_])" if _WORD.match(term[-1]) else ""
    return f"{head}{body}{tail}"


CJK_CLASS = r"[\u4e00-\u9fff]"
"""The class of CJK ideographs that Chinese terms use for "a few characters"."""


def _caseless_cjk(source: str) -> str:
    """`source` with each CJK_CLASS matched without IGNORECASE, which it does not need
    (no character's case maps into or out of it) but which makes `re` fold each of its
    20,992 characters when it compiles the pattern: 2.3 ms per occurrence instead of 0.7,
    paid in every run by every pattern that holds one of those terms."""
    return without_ignorecase(source, (CJK_CLASS,)) if CJK_CLASS in source else source


def without_ignorecase(source: str, classes: tuple[str, ...]) -> str:
    """`source` with each occurrence of one of `classes` (character classes written as
    they appear, "[A-Za-z]") wrapped in `(?-i:...)`, so that compiling under IGNORECASE
    does not fold it. Only a class of its own is rewritten: not an escaped bracket, nor a
    bracket inside another class."""
    out: list[str] = []
    i, n, in_class, class_start = 0, len(source), False, 0
    while i < n:
        c = source[i]
        if c == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and i > class_start:
                in_class = False
        elif c == "[":
            whole = next((cls for cls in classes if source.startswith(cls, i)), None)
            if whole is not None:
                out.append(f"(?-i:{whole})")
                i += len(whole)
                continue
            in_class = True
            # a "]" right after "[" or "[^" is a member, not the end
            class_start = i + (2 if source.startswith("^", i + 1) else 1)
        out.append(c)
        i += 1
    return "".join(out)


def _number_start(source: str) -> str:
    """A look-behind so that a regex beginning with a run of digits (`\\d+`,
    `\\d[\\d,.]*`, `[\\d,.]+`) starts only where such a run starts.

    Tried at every character of a long number, the run reads to the number's end and back
    each time: quadratic in the number's length. Starting only where the run starts makes
    it linear. For `\\d+` nothing changes (a match inside a number implies one at its
    first digit, which a scan meets first); for the separator classes a number glued to a
    preceding comma or full stop ("about.50%") is no longer read from its middle.
    """
    match = _RUN_START.match(source)
    if match is None:
        return ""
    run = match.group(1) or match.group(2)
    return rf"(?<![{run}])" if run else r"(?<!\d)"


_RUN_START = lazy(r"\\d(?:\+|\[([^\]]*\\d[^\]]*)\]\*)|\[([^\]]*\\d[^\]]*)\]\+")
"""`\\d+`, `\\d[<class with \\d>]*` or `[<class with \\d>]+` at the start of a regex."""


def lower_pattern(term: str) -> str:
    """`term_pattern` for lower-cased text, case-sensitive, starting with a literal
    character so that the regex engine can skip to candidate positions."""
    if term.startswith("re:"):
        return f"{_number_start(term[3:])}(?i:{_caseless_cjk(term[3:])})"
    lowered = term.strip().lower()
    parts = [re.escape(p) for p in re.split(r"\s+", lowered)]
    body = r"\s+".join(parts).replace(r"\-", r"[-\s]?")
    tail = r"(?![a-z0-9_])" if _WORD.match(term[-1]) else ""
    if _WORD.match(term[0]) and len(lowered[0]) == 1:
        # The boundary before the term, checked after its first character is consumed.
        first = re.escape(lowered[0])
        return f"{first}(?<![a-z0-9_]{first}){body[len(first):]}{tail}"
    return f"{body}{tail}"


_ASSERTION_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("dDsSwW")
_SPECIAL = frozenset("\\.^$*+?{}[]()|")


def literal_prefix(term: str) -> str | None:
    """What every match of a literal term in lower-cased text begins with: its first word,
    up to a hyphen, since `term_pattern` lets a hyphen be a space or nothing."""
    lowered = term.strip().lower()
    first = re.split(r"[\s\-]", lowered, maxsplit=1)[0]
    return first or None


_PREFIXES: dict[str, frozenset[str] | None] = {}
"""regex_prefixes' answers by source: computed once, or given by `remember_prefixes`."""


def remember_prefixes(known: Mapping[str, frozenset[str] | None]) -> None:
    """Take `regex_prefixes` answers computed ahead of time (vplint.builtin_catalogue holds
    those of the built-in lexicons' terms, made by this same function at build time)."""
    _PREFIXES.update(known)


def regex_prefixes(source: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `source` (matched ignoring case)
    begins with, or None when they cannot be told (or would be too many to help).

    Reads only the syntax it knows: literals, escapes, small classes, groups with
    alternatives, optional items and zero-width assertions; anything else gives None.
    """
    try:
        return _PREFIXES[source]
    except KeyError:
        found = _PREFIXES[source] = read_regex_prefixes(source)
        return found


def read_regex_prefixes(source: str) -> frozenset[str] | None:
    """`regex_prefixes` computed afresh (not remembered)."""
    try:
        reader = _Reader(source)
        found = reader.sequence(top=True)
    except _Unknown:
        return None
    if found is None or not found or len(found) > MAX_PREFIXES or "" in found:
        return None
    if not all(_case_safe(p) for p in found if p not in (START, DIGIT)):
        return None
    return frozenset(found)


def _case_safe(text: str) -> bool:
    """True when matching `text` ignoring case is matching its lower case: ASCII, or
    characters without case (CJK, digits, punctuation)."""
    return all(c.isascii() or c.lower() == c.upper() for c in text)


class _Unknown(Exception):
    """Syntax this reader does not follow: the caller falls back to the full pattern."""


class _Reader:
    """A recursive-descent reader of Python regex syntax computing first strings."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def sequence(self, top: bool = False) -> set[str] | None:
        """First strings of a sequence of alternatives up to ')' or the end.

        None means "can be empty" never happens here: an empty-capable sequence raises."""
        options: list[set[str]] = []
        while True:
            options.append(self.items())
            if self.i < len(self.s) and self.s[self.i] == "|":
                self.i += 1
                continue
            break
        if top and self.i != len(self.s):
            raise _Unknown
        out: set[str] = set()
        for option in options:
            out |= option
        return out

    def items(self) -> set[str]:
        """First strings of one alternative: the first item that must consume a character,
        with any optional items before it added as further beginnings. The rest of the
        alternative is skipped."""
        found: set[str] = set()
        if self.s.startswith("^", self.i) and not found:
            # without MULTILINE, "^" holds only where the text begins
            self.i += 1
            self.skip_rest()
            return {START}
        while self.i < len(self.s) and self.s[self.i] not in "|)":
            plain = self._plain_at(self.i)
            first, optional = self.item()
            if first is None:  # zero-width: look further
                continue
            if len(found) + len(first) > MAX_PREFIXES:
                raise _Unknown
            if optional:
                found |= first
                continue
            if plain:  # a run of plain literals: the longer the prefix, the fewer hits
                run = next(iter(first))
                while self._plain_at(self.i):
                    run += self.s[self.i].lower()
                    self.i += 1
                first = {run}
            self.skip_rest()
            return found | first
        raise _Unknown  # the alternative can match the empty string

    def _plain_at(self, i: int) -> bool:
        """True when s[i] is a literal character not followed by a quantifier."""
        s = self.s
        return (i < len(s) and s[i] not in _SPECIAL
                and not (i + 1 < len(s) and s[i + 1] in "*+?{"))

    def skip_rest(self) -> None:
        """Skip to the '|' or ')' ending the current alternative (not consumed)."""
        s = self.s
        depth = 0
        while self.i < len(s):
            ch = s[self.i]
            if ch == "\\":
                self.i += 2
                continue
            if ch == "[":
                self.skip_class()
                continue
            if ch in "|)" and depth == 0:
                return
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            self.i += 1

    def skip_class(self) -> None:
        """Skip a character class, whatever it holds."""
        end = class_end(self.s, self.i)
        if end is None:
            raise _Unknown
        self.i = end

    def item(self) -> tuple[set[str] | None, bool]:
        """(first strings, optional?) of one atom and its quantifier; None for an assertion."""
        s, i = self.s, self.i
        ch = s[i]
        if ch in "^$":
            self.i += 1
            return None, False
        if ch == "(":
            first = self.group()
            if first is None:
                self.quantifier_forbidden()
                return None, False
        elif ch == "[":
            first = self.char_class()
        elif ch == "\\":
            first = self.escape()
            if first is None:
                return None, False
        elif ch == ".":
            raise _Unknown
        elif ch in "*+?{":
            raise _Unknown
        else:
            self.i += 1
            first = {ch.lower()}
        return first, self.quantifier()

    def quantifier(self) -> bool:
        """Consume a quantifier; True when it allows zero repetitions."""
        s = self.s
        if self.i >= len(s):
            return False
        ch = s[self.i]
        optional = False
        if ch in "*?":
            optional = True
            self.i += 1
        elif ch == "+":
            self.i += 1
        elif ch == "{":
            close = s.find("}", self.i)
            body = s[self.i + 1:close] if close > 0 else ""
            if not re.fullmatch(r"\d*(?:,\d*)?", body) or not body:
                return False  # a literal "{", as Python reads it
            low = body.split(",")[0]
            optional = not low or int(low) == 0
            self.i = close + 1
        else:
            return False
        if self.i < len(s) and s[self.i] in "?+":  # lazy or possessive
            self.i += 1
        return optional

    def quantifier_forbidden(self) -> None:
        if self.i < len(self.s) and self.s[self.i] in "*+?{":
            raise _Unknown

    def group(self) -> set[str] | None:
        s = self.s
        self.i += 1
        if s.startswith("?", self.i):
            if s.startswith(("?=", "?!", "?<=", "?<!"), self.i):
                self.i += 3 if s[self.i + 1] == "<" else 2
                self.skip_group()
                return None
            if s.startswith("?:", self.i):
                self.i += 2
            elif s.startswith("?P<", self.i):
                close = s.find(">", self.i)
                if close < 0:
                    raise _Unknown
                self.i = close + 1
            else:  # flags, comments, back-references, conditionals, atomic groups
                raise _Unknown
        first = self.sequence()
        if self.i >= len(s) or s[self.i] != ")":
            raise _Unknown
        self.i += 1
        return first

    def skip_group(self) -> None:
        """Skip to the ')' closing a group whose '(' was already read."""
        while True:
            self.skip_rest()  # to this alternative's '|' or the group's ')'
            if self.i >= len(self.s):
                raise _Unknown
            self.i += 1
            if self.s[self.i - 1] == ")":
                return

    def escape(self) -> set[str] | None:
        s = self.s
        if self.i + 1 >= len(s):
            raise _Unknown
        ch = s[self.i + 1]
        self.i += 2
        if ch in _ASSERTION_ESCAPES:
            return None
        if ch == "d":
            return {DIGIT}
        if ch in _CLASS_ESCAPES or ch.isdigit() or ch in "xuUNg":
            raise _Unknown  # classes, back-references, code points: not followed here
        if ch.isalpha():
            mapped = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
            if ch not in mapped:
                raise _Unknown
            return {mapped[ch]}
        return {ch.lower()}

    def char_class(self) -> set[str]:
        """A small class's characters (ranges up to 64 characters); else unknown."""
        s = self.s
        i = self.i + 1
        negated = i < len(s) and s[i] == "^"
        if negated:
            i += 1
        chars: list[str] = []
        first = True
        while i < len(s) and (s[i] != "]" or first):
            first = False
            ch = s[i]
            if ch == "\\":
                if i + 1 < len(s) and s[i + 1] == "d":
                    chars.append(DIGIT)
                    i += 2
                    continue
                if i + 1 >= len(s) or s[i + 1].isalnum():
                    raise _Unknown
                ch = s[i + 1]
                i += 2
            else:
                i += 1
            if i + 1 < len(s) and s[i] == "-" and s[i + 1] != "]":
                end = s[i + 1]
                if end == "\\" or ord(end) - ord(ch) > MAX_PREFIXES or ord(end) < ord(ch):
                    raise _Unknown
                chars.extend(chr(c) for c in range(ord(ch), ord(end) + 1))
                i += 2
            else:
                chars.append(ch)
        if i >= len(s):
            raise _Unknown
        self.i = i + 1
        if negated:
            raise _Unknown
        return {c if c == DIGIT else c.lower() for c in chars}


def class_end(pattern: str, at: int, nested: bool = True) -> int | None:
    """The index just past the character class opening at `pattern[at]` ("["), or None
    when it is not closed (or holds a nested set and `nested` is False)."""
    i = at + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        if pattern[i] == "[" and not nested:
            return None  # a nested set (a FutureWarning in Python): not followed
        i += 2 if pattern[i] == "\\" else 1
    return i + 1 if i < len(pattern) else None
