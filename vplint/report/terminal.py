"""Terminal report (rich): per proposition, the score with a bar per dimension, then the
findings in file order with location, code, severity, message and suggestion.

User text (paths, names, messages quoting the copy) goes through `terminal_safe`: rich
passes escape sequences through, so a proposition could otherwise recolour, retitle or
clear the reader's terminal, or break a CI log's one-finding-per-line shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vplint.model import Finding, PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.report.labels import DIMENSIONS, SEVERITIES, report_language
from vplint.safe import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
DIMENSION_ZH = DIMENSIONS["zh"]
BAR = 20


def score_style(score: int) -> str:
    """Colour of a score: green when good, yellow when middling, red when poor."""
    return "green" if score >= 80 else "yellow" if score >= 60 else "red"


_UNPRINTED = dict.fromkeys([0x07, 0x08, 0x0B, 0x0C, 0x0D])
"""Characters rich's Text drops (bell, backspace, vertical tab, form feed, carriage
return); plain lines drop them too, so they read as rich would print them."""


class Line:
    """A report line built the way rich's Text is built - a first piece whose style covers
    the whole line, then appended pieces with their own - without loading rich: plain
    output reads `plain`, and coloured output replays the same steps into a Text."""

    __slots__ = ("_steps",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self._steps: list[tuple[str | Line, str]] = [(text, style)]

    def append(self, text: str, style: str = "") -> None:
        """Add a piece of text with its own style."""
        self._steps.append((text, style))

    def __add__(self, other: Line) -> Line:
        joined = Line()
        joined._steps = [*self._steps, (other, "")]
        return joined

    @property
    def plain(self) -> str:
        """The line's characters, as rich would print them without colour."""
        return "".join(piece if isinstance(piece, str) else piece.plain
                       for piece, _ in self._steps).translate(_UNPRINTED)

    def rich(self) -> Text:
        """The line as rich's Text."""
        from rich.text import Text

        (first, style), *rest = self._steps
        text = Text(str(first), style=style)
        for piece, piece_style in rest:
            if isinstance(piece, Line):
                text.append(piece.rich())
            else:
                text.append(piece, style=piece_style or None)
        return text


def _joined(lines: list[Line]) -> Text:
    from rich.text import Text

    return Text("\n").join(line.rich() for line in lines)


def _console(stream, color: bool, width: int | None) -> Console:  # type: ignore[no-untyped-def]
    """A rich console for the report: colour only when asked, no markup, emoji or
    highlighting of user text."""
    from rich.console import Console

    return Console(file=stream, no_color=not color, color_system="auto" if color else None,
                   force_terminal=True if color else None, width=width, highlight=False,
                   soft_wrap=False, emoji=False, markup=False)


def terminal_safe(text: object) -> str:
    """User text as the terminal may show it (see vplint.safe.visible)."""
    return visible(text)


class TerminalReporter(Reporter):
    """Human-readable output for a terminal or a CI log."""

    def start(self) -> None:
        self._console: Console | None = None
        self.languages: list[str] = []

    @property
    def console(self) -> Console:
        """rich's console, built the first time something is printed through it (plain
        output without colour is written directly, and never loads it)."""
        if self._console is None:
            self._console = _console(self.stream, self.options.color, self.options.width)
        return self._console

    def _print(self, *renderables: object) -> None:
        # soft_wrap: one finding stays on one line in CI logs, where grep and editors read it.
        self.console.print(*renderables, soft_wrap=True)

    def handle(self, result: PropositionResult) -> None:
        if self.options.quiet and not result.findings:
            return
        zh = (self.options.language or result.language) == "zh"
        self.languages.append(result.language)
        head = Line()
        head.append(terminal_safe(result.path), style="bold")
        if result.name:
            head.append(f" · {terminal_safe(result.name)}")
        head.append("  ")
        head.append(f"{result.score}/100 {result.grade}", style=f"bold {score_style(result.score)}")
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        if found is not None:  # --compare REF
            head.append(f"  ({terminal_safe(found.ref)}: {found.score})", style="dim")
        # One print per proposition: rich's per-call cost, not the text, is what a large run
        # spends its output time on.
        lines = [head]
        if not self.options.quiet:
            for dim, value in result.dimensions.items():
                label = DIMENSION_ZH.get(dim, dim) if zh else dim
                filled = round(BAR * value / 100)
                line = Line(f"  {label}" + " " * (16 - (2 if zh else 1) * len(label)))
                line.append("█" * filled, style=score_style(value))
                line.append("░" * (BAR - filled), style="dim")
                line.append(f" {value:>3}")
                if found is not None and dim in found.dimensions:
                    line.append(f"  {found.dimensions[dim]}", style="dim")
                lines.append(line)
        for f in result.findings:
            line = Line("  ")
            line.append(f"{terminal_safe(f.path)}:{f.line}:{f.column}", style="bold")
            line.append(" ")
            line.append(f.code, style=STYLE[f.severity])
            line.append(f" {SEVERITIES['zh'][f.severity.value]:<5} " if zh else
                        f" {f.severity.value:<7} ", style=STYLE[f.severity])
            line.append(terminal_safe(f.message))
            lines.append(line)
            lines.extend(self._context(f))
            if f.suggestion and not self.options.quiet:
                lines.append(Line(f"      {'建议' if zh else 'suggestion'}: "
                                  f"{terminal_safe(f.suggestion)}", style="dim"))
        lines.append(Line())
        if not self.options.color and not any("\t" in line.plain for line in lines):
            # Without colour rich would print exactly these characters (it only expands
            # tabs, hence the test); writing them directly is ten times faster.
            self.stream.write("\n".join(line.plain for line in lines) + "\n")
            return
        self._print(_joined(lines))

    def _context(self, finding: Finding) -> list[Line]:
        """Source lines under a finding: none here; the full format shows them."""
        return []

    def finish(self, summary: Summary) -> None:
        lang = report_language(self.options.language, self.languages)
        line = summary_line(summary, self.options.fail_under, lang == "zh")
        if not self.options.color and "\t" not in line.plain:
            self.stream.write(line.plain + "\n")
            return
        self._print(line.rich())


def summary_line(summary: Summary, fail_under: float, zh: bool = False) -> Line:
    """The last line of a terminal report: totals and the mean score."""
    if summary.propositions == 0:
        return Line("未找到提案文件。" if zh else "No proposition files found.")
    text = Line()
    if zh:
        text.append(f"{summary.files} 个文件,{summary.propositions} 个提案:")
        text.append(f"{summary.errors} 个错误", style="bold red" if summary.errors else "")
        text.append(f",{summary.warnings} 个警告,{summary.infos} 个提示;")
        text.append(f"平均分 {summary.score}", style=f"bold {score_style(summary.score or 0)}")
        if fail_under:
            text.append(f"(及格线 {fail_under:g})")
        return text
    parts = [f"{summary.files} file{'s' if summary.files != 1 else ''}",
             f"{summary.propositions} proposition{'s' if summary.propositions != 1 else ''}"]
    text.append(", ".join(parts) + ": ")
    text.append(f"{summary.errors} error{'s' if summary.errors != 1 else ''}",
                style="bold red" if summary.errors else "")
    text.append(f", {summary.warnings} warning{'s' if summary.warnings != 1 else ''}, "
                f"{summary.infos} info; ")
    text.append(f"mean score {summary.score}", style=f"bold {score_style(summary.score or 0)}")
    if fail_under:
        text.append(f" (fail-under {fail_under:g})")
    return text


class FullReporter(TerminalReporter):
    """The terminal report with each finding's source line and a caret under its span
    (ruff's full format). The lines come from the run (`extra["source"]`)."""

    def _context(self, finding: Finding) -> list[Line]:
        source = self.options.extra.get("source")
        line = source(finding.path, finding.line) if source is not None else None
        if line is None:
            return []
        shown = terminal_safe(line.expandtabs(4))
        start = max(1, finding.column)
        end = finding.end_column if finding.end_line == finding.line else len(line) + 1
        width = max(1, end - start)
        number = str(finding.line)
        prefix = terminal_safe(line[: start - 1].expandtabs(4))
        pad = sum(2 if _wide(ch) else 1 for ch in prefix)
        marks = sum(2 if _wide(ch) else 1 for ch in
                    terminal_safe(line[start - 1: start - 1 + width])) or 1
        gutter = " " * (len(number) + 1)
        return [Line(f"    {number} | ", style="dim") + Line(shown),
                Line(f"    {gutter}| ", style="dim")
                + Line(" " * pad + "^" * marks, style=STYLE[finding.severity])]


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in ("W", "F")


class ConciseReporter(Reporter):
    """One line per finding, `path:line:column: CODE message` (ruff's concise format),
    then the summary line; nothing for a proposition without findings."""

    def start(self) -> None:
        self.console = _console(self.stream, True, None) if self.options.color else None

    def handle(self, result: PropositionResult) -> None:
        for f in result.findings:
            line = Line(f"{terminal_safe(f.path)}:{f.line}:{f.column}: ", style="bold")
            line.append(f.code, style=STYLE[f.severity])
            line.append(f" [{f.severity.value}] {terminal_safe(f.message)}")
            if self.console is not None:
                self.console.print(line.rich(), soft_wrap=True)
            else:
                self.stream.write(line.plain + "\n")

    def finish(self, summary: Summary) -> None:
        line = summary_line(summary, self.options.fail_under, self.options.language == "zh")
        if self.console is not None:
            self.console.print(line.rich(), soft_wrap=True)
        else:
            self.stream.write(line.plain + "\n")


class StatisticsReporter(Reporter):
    """Counts per rule code, most frequent first (ruff's --statistics)."""

    def start(self) -> None:
        self.counts: dict[str, list] = {}

    def handle(self, result: PropositionResult) -> None:
        for f in result.findings:
            entry = self.counts.setdefault(f.code, [0, f.name, f.severity])
            entry[0] += 1

    def finish(self, summary: Summary) -> None:
        rows = sorted(self.counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
        width = max((len(str(n)) for n, *_ in self.counts.values()), default=1)
        for code, (count, name, severity) in rows:
            self.stream.write(f"{count:>{width}}  {code:<7} {severity.value:<7} {name}\n")
        self.stream.write(summary_line(summary, self.options.fail_under,
                                       self.options.language == "zh").plain + "\n")

