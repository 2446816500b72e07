"""Fragments that every match of a regex must contain, read from its syntax.

`vplint.text.terms` reads what a match *begins* with; a term that may begin almost
anywhere (`[A-Za-z]{3,},\\s+...`, `[^\\s，。、]之王`) has no usable beginning, so the one-pass
scanner searches for it with its own pattern, text by text. Such a term usually still
needs a literal somewhere ("之王", "折", "better", a comma): a text (or a whole document)
holding none of them cannot match, and is not searched. Like `terms`, this reads only
the syntax it knows and gives up (None) on anything else; no private internals of `re`.
"""

from __future__ import annotations

from vplint.lazyre import lazy
from vplint.text.terms import MAX_PREFIXES, class_end

_QUANTIFIER = lazy(r"(?:[*+?]|\{(\d*)(?:,(\d*))?\})[?+]?")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("dDsSwW")
_CODE_ESCAPES = {"x": 2, "u": 4, "U": 8}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_SPECIAL = frozenset("\\.^$*+?{}[]()|")
_PLAIN = lazy(r"[^\\.^$*+?{}\[\]()|]+")
"""Characters that stand for themselves."""
_FLAG_GROUP = lazy(r"\(\?[aiLmsux]*(?:-[imsx]+)?:")


class _Unknown(Exception):
    """Syntax this reader does not follow."""


def needed_fragments(source: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `source` (matched ignoring case, in
    text that `vplint.text.lexicon.lowers_safely`) contains, or None when they cannot be
    told. Only for deciding which texts may match: a text whose lower case holds none of
    them cannot match. Remembered per source."""
    try:
        return _NEEDED[source]
    except KeyError:
        found = _NEEDED[source] = _read(source)
        return found


_NEEDED: dict[str, frozenset[str] | None] = {}


def _read(source: str) -> frozenset[str] | None:
    try:
        reader = _Reader(source)
        found = reader.alternatives()
        if reader.i != len(source):
            raise _Unknown
    except (_Unknown, IndexError):
        return None
    if not found or "" in found or len(found) > MAX_PREFIXES:
        return None
    return frozenset(found)


class _Reader:
    """A recursive-descent reader of Python regex syntax computing needed fragments."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def alternatives(self) -> set[str] | None:
        """Needed fragments of alternatives up to ')' or the end: one of each
        alternative's (None when one alternative needs nothing this reader can tell)."""
        out: set[str] | None = set()
        while True:
            found = self.sequence()
            out = None if out is None or found is None else out | found
            if self.i < len(self.s) and self.s[self.i] == "|":
                self.i += 1
                continue
            return out

    def sequence(self) -> set[str] | None:
        """The best needed set of one alternative: a run of literal characters that every
        match holds side by side, or a group every match goes through."""
        options: list[set[str]] = []
        run = ""
        while self.i < len(self.s) and self.s[self.i] not in "|)":
            plain = _PLAIN.match(self.s, self.i)
            if plain is not None:
                # A run of plain characters at once; the last one is read as an item
                # when a quantifier follows it.
                chars = plain.group(0)
                if plain.end() < len(self.s) and self.s[plain.end()] in "*+?{":
                    chars = chars[:-1]
                for ch in chars:
                    if ch.isascii() or ch.lower() == ch.upper():
                        run += ch.lower()
                    elif run:  # a cased letter beyond ASCII needs nothing known
                        options.append({run})
                        run = ""
                self.i += len(chars)
                self._exact = True
                if not chars:
                    literal, needed, least = self.item()
                else:
                    continue
            else:
                literal, needed, least = self.item()
            if literal is not None and least == 1 and self._exact:
                run += literal
                continue
            if run:
                options.append({run})
                run = ""
            if literal is not None and least >= 1:
                options.append({literal})
            elif needed is not None and least >= 1:
                options.append(needed)
        if run:
            options.append({run})
        if not options:
            return None
        return max(options, key=lambda o: (min(len(f) for f in o), -len(o)))

    def item(self) -> tuple[str | None, set[str] | None, int]:
        """(literal character, needed fragments, least repetitions) of one atom and its
        quantifier; a zero-width atom gives (None, None, 0)."""
        s = self.s
        ch = s[self.i]
        literal: str | None = None
        needed: set[str] | None = None
        if ch in "^$":
            self.i += 1
            return None, None, 0
        if ch == "(":
            zero_width, needed = self.group()
            if zero_width:
                self._exact = True
                return None, None, 0
        elif ch == "[":
            self.skip_class()
        elif ch == "\\":
            kind, literal = self.escape()
            if kind == "zero":
                self._exact = True
                return None, None, 0
            ch = literal or ch
        elif ch == ".":
            self.i += 1
        elif ch in "*+?{":
            raise _Unknown
        else:
            self.i += 1
            literal = ch.lower()
        if literal is not None and not (ch.isascii() or ch.lower() == ch.upper()):
            literal = None  # a cased letter beyond ASCII: its lower case is not what it matches
        least, exact = self.quantifier()
        self._exact = exact
        return literal, needed, least

    _exact = True
    """Whether the last atom read had no quantifier (it can extend a literal run)."""

    def quantifier(self) -> tuple[int, bool]:
        """(least repetitions, no quantifier at all) of the quantifier at the cursor."""
        m = _QUANTIFIER.match(self.s, self.i)
        if m is None:
            return 1, True
        text = m.group(0)
        if text[0] == "{":
            if m.group(1) == "" and m.group(2) is None:
                return 1, True  # "{}" is a literal brace: not followed here
            self.i = m.end()
            return int(m.group(1) or 0), False
        self.i = m.end()
        return (0 if text[0] in "*?" else 1), False

    def group(self) -> tuple[bool, set[str] | None]:
        """(zero-width?, needed fragments) of the group at the cursor."""
        s = self.s
        if s.startswith(("(?=", "(?!", "(?<=", "(?<!"), self.i):
            self.i += 4 if s[self.i + 2] == "<" else 3
            self.alternatives()  # read only to find its end
            self.close()
            return True, None
        if s.startswith("(?:", self.i):
            self.i += 3
        elif s.startswith("(?P<", self.i):
            close = s.find(">", self.i)
            if close < 0:
                raise _Unknown
            self.i = close + 1
        elif (flags := _FLAG_GROUP.match(s, self.i)) is not None:
            self.i = flags.end()  # case flags: the fragments are compared in lower case
        elif s.startswith("(?", self.i):
            raise _Unknown  # global flags, comments, back-references, conditionals
        else:
            self.i += 1
        found = self.alternatives()
        self.close()
        return False, found

    def close(self) -> None:
        if self.i >= len(self.s) or self.s[self.i] != ")":
            raise _Unknown
        self.i += 1

    def skip_class(self) -> None:
        """Skip a character class (it needs no particular character)."""
        end = class_end(self.s, self.i, nested=False)
        if end is None:
            raise _Unknown
        self.i = end

    def escape(self) -> tuple[str, str | None]:
        """("zero", None) for an assertion, ("char", c) for a literal character,
        ("class", None) for a class or a code point."""
        s = self.s
        ch = s[self.i + 1]
        self.i += 2
        if ch in _ZERO_WIDTH_ESCAPES:
            return "zero", None
        if ch in _CLASS_ESCAPES:
            return "class", None
        if ch in _CODE_ESCAPES:
            self.i += _CODE_ESCAPES[ch]
            return "class", None  # a code point: counted as some character
        if ch in _CONTROL_ESCAPES:
            return "char", _CONTROL_ESCAPES[ch]
        if ch.isalnum():
            raise _Unknown  # back-references, \N{...}, octal escapes: not followed
        return "char", ch
