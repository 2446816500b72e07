"""Inline suppression comments and the report of suppressions that silence nothing.

YAML:     `# vplint: disable=TIM001,OBJ001` at the end of a line silences those codes on
          that line; alone on a line it silences them on the next line with content.
          `# vplint: disable-file=CODE` silences a code in the whole file.
Markdown: `<!-- vplint: disable=CODE -->` and `<!-- vplint: disable-file=CODE -->`, same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vplint.lazyre import lazy
from vplint.nodes import iter_lines

_YAML_COMMENT = lazy(r"(?:^|[ \t])#[ \t]*vplint:[ \t]*(disable(?:-file)?)[ \t]*=[ \t]*"
                           r"([A-Za-z0-9_, \t]+)")
# Greedy code list, then "-->": a lazy list followed by optional blanks would backtrack
# quadratically on a long line of blanks without the closing "-->".
_MD_COMMENT = lazy(r"<!--[ \t]*vplint:[ \t]*(disable(?:-file)?)[ \t]*=[ \t]*"
                         r"([A-Za-z0-9_, \t]+)-->")


@dataclass
class Directive:
    """One code named in one suppression comment."""

    code: str
    line: int
    column: int
    target_line: int | None
    used: bool = False


@dataclass
class Suppressions:
    """Every suppression directive of one file."""

    directives: list[Directive] = field(default_factory=list)

    @classmethod
    def scan(cls, text: str, kind: str) -> Suppressions:
        """Find the directives in a file's text."""
        pattern = _YAML_COMMENT if kind == "yaml" else _MD_COMMENT
        out = cls()
        if "vplint:" not in text:
            return out
        # The same line breaks as LineIndex, so directive lines match finding lines.
        lines = [line for _, line in iter_lines(text)]
        for number, line in enumerate(lines, start=1):
            if "vplint:" not in line:
                continue
            for match in pattern.finditer(line):
                whole_file = match.group(1) == "disable-file"
                before = line[: match.start()].strip()
                alone = not before
                target: int | None = number
                if whole_file:
                    target = None
                elif alone:
                    target = _next_content_line(lines, number, kind)
                column = match.start(1) + 1
                for code in re.split(r"[,\s]+", match.group(2).strip()):
                    if code:
                        out.directives.append(Directive(code.upper(), number, column, target))
        return out

    def silences(self, code: str, line: int) -> bool:
        """True (and the directive marked used) when `code` at `line` is suppressed."""
        hit = False
        for directive in self.directives:
            if directive.target_line is not None and directive.target_line != line:
                continue
            if code == directive.code or (code.startswith(directive.code)
                                          and directive.code.isalpha()):
                directive.used = True
                hit = True
        return hit


def _next_content_line(lines: list[str], number: int, kind: str) -> int:
    comment = "#" if kind == "yaml" else "<!--"
    for offset, line in enumerate(lines[number:], start=number + 1):
        stripped = line.strip()
        if stripped and not stripped.startswith(comment):
            return offset
    return number
