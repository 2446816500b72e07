"""Terminal report (rich): per proposition, the score with a bar per dimension, then the
findings in file order with location, code, severity, message and suggestion.

User text (paths, names, messages quoting the copy) goes through `terminal_safe`: rich
passes escape sequences through, so a proposition could otherwise recolour, retitle or
clear the reader's terminal, or break a CI log's one-finding-per-line shape.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.report.safe import visible

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
DIMENSION_ZH = {
    "need": "需求", "offering": "产品", "outcome": "结果", "time": "时间", "doubts": "疑虑",
    "differentiation": "差异", "proof": "证明", "audience": "受众", "clarity": "清晰",
    "positioning": "定位",
}
BAR = 20


def score_style(score: int) -> str:
    """Colour of a score: green when good, yellow when middling, red when poor."""
    return "green" if score >= 80 else "yellow" if score >= 60 else "red"


def terminal_safe(text: object) -> str:
    """User text as the terminal may show it (see vplint.report.safe.visible)."""
    return visible(text)


class TerminalReporter(Reporter):
    """Human-readable output for a terminal or a CI log."""

    def start(self) -> None:
        self.console = Console(file=self.stream, no_color=not self.options.color,
                               color_system="auto" if self.options.color else None,
                               width=self.options.width, highlight=False, soft_wrap=False,
                               emoji=False, markup=False)

    def _print(self, *renderables: object) -> None:
        # soft_wrap: one finding stays on one line in CI logs, where grep and editors read it.
        self.console.print(*renderables, soft_wrap=True)

    def handle(self, result: PropositionResult) -> None:
        if self.options.quiet and not result.findings:
            return
        zh = (self.options.language or result.language) == "zh"
        head = Text()
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
                line = Text(f"  {label}" + " " * (16 - (2 if zh else 1) * len(label)))
                line.append("█" * filled, style=score_style(value))
                line.append("░" * (BAR - filled), style="dim")
                line.append(f" {value:>3}")
                if found is not None and dim in found.dimensions:
                    line.append(f"  {found.dimensions[dim]}", style="dim")
                lines.append(line)
        for f in result.findings:
            line = Text("  ")
            line.append(f"{terminal_safe(f.path)}:{f.line}:{f.column}", style="bold")
            line.append(" ")
            line.append(f.code, style=STYLE[f.severity])
            line.append(f" {f.severity.value:<7} ", style=STYLE[f.severity])
            line.append(terminal_safe(f.message))
            lines.append(line)
            if f.suggestion and not self.options.quiet:
                lines.append(Text(f"      {'建议' if zh else 'suggestion'}: "
                                  f"{terminal_safe(f.suggestion)}", style="dim"))
        lines.append(Text())
        if not self.options.color and not any("\t" in line.plain for line in lines):
            # Without colour rich would print exactly these characters (it only expands
            # tabs, hence the test); writing them directly is ten times faster.
            self.stream.write("\n".join(line.plain for line in lines) + "\n")
            return
        self._print(Text("\n").join(lines))

    def finish(self, summary: Summary) -> None:
        if summary.propositions == 0:
            self._print("No proposition files found.")
            return
        text = Text()
        parts = [f"{summary.files} file{'s' if summary.files != 1 else ''}",
                 f"{summary.propositions} proposition{'s' if summary.propositions != 1 else ''}"]
        text.append(", ".join(parts) + ": ")
        text.append(f"{summary.errors} error{'s' if summary.errors != 1 else ''}",
                    style="bold red" if summary.errors else "")
        text.append(f", {summary.warnings} warning{'s' if summary.warnings != 1 else ''}, "
                    f"{summary.infos} info; ")
        text.append(f"mean score {summary.score}", style=f"bold {score_style(summary.score or 0)}")
        if self.options.fail_under:
            text.append(f" (fail-under {self.options.fail_under:g})")
        self._print(text)

