"""Regular expressions compiled when first used, not when their module is imported.

Compiling vplint's several hundred patterns is most of what a one-file run costs beyond
its imports (docs/performance.md, "Start-up without any cache"), and a run needs only
the patterns of the grammars and rules its documents reach. `lazy(...)` stands in for
`re.compile(...)` in a module constant: `.pattern` and `.flags` are there at once, and
the first call of a matching method compiles the pattern and binds the compiled
pattern's methods to the object, so later calls cost what calls on a compiled pattern
cost. Nothing is read from or written to disk.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
            "scanner")


class LazyPattern:
    """`re.compile(pattern, flags)`, deferred until a method needs it.

    Offers the methods of `re.Pattern` that vplint uses (`search`, `match`, `fullmatch`,
    `finditer`, `findall`, `sub`, `subn`, `split`) plus `pattern`, `flags`, `groups` and
    `groupindex`; `compiled` is the `re.Pattern` itself.
    """

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self.flags = int(flags)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        return self._compile()

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been compiled (by a method call or `compiled`)."""
        return "_compiled" in self.__dict__

    @property
    def groups(self) -> int:
        """The number of capturing groups."""
        return self._compile().groups

    @property
    def groupindex(self) -> Any:
        """Group names to group numbers."""
        return self._compile().groupindex

    def _compile(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = compiled
            for name in _METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached before the first compile: afterwards the methods are attributes.
        if name in _METHODS:
            self._compile()
            return self.__dict__[name]
        raise AttributeError(name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, LazyPattern) and other.pattern == self.pattern
                and other.flags == self.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """A pattern compiled on its first use (see the module's docstring)."""
    return LazyPattern(pattern, flags)
