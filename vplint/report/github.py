"""GitHub Actions workflow commands: each finding becomes an `::error`, `::warning` or
`::notice` line, which GitHub shows inline on the pull request's diff, no extra action.

User text is escaped by GitHub's rules (as in @actions/core): `%`, CR and LF in the
message, and also `:` and `,` in the properties. A proposition whose copy says
`::error::` therefore cannot inject a command or a property. Control characters (escape
sequences, bidirectional overrides) from file names and copy are shown as visible escapes
first (vplint.safe), as every other format does.
"""

from __future__ import annotations

from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.safe import visible, visible_keep_lines

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: object) -> str:
    """Escape a command's message."""
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: object) -> str:
    """Escape a command property's value."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """One workflow command line, e.g. `::error file=a.yaml,line=3::Message`."""
    props = ",".join(f"{key}={escape_property(visible(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(visible_keep_lines(message))}"


class GithubReporter(Reporter):
    """Streams one command per finding, a notice per score change, and a summary line."""

    def handle(self, result: PropositionResult) -> None:
        zh = (self.options.language or result.language) == "zh"
        for f in result.findings:
            message = f.message
            if f.suggestion:
                message += f"\n{'建议' if zh else 'Suggestion'}: {f.suggestion}"
            self.stream.write(command(
                COMMAND[f.severity], message, file=f.path, line=f.line, col=f.column,
                endLine=f.end_line, endColumn=f.end_column, title=f"{f.code} {f.name}") + "\n")
        fail_under = self.options.fail_under
        label = f"{result.path}" + (f" ({result.name})" if result.name else "")
        if fail_under and result.score < fail_under:
            self.stream.write(command(
                "error", f"{label} scores {result.score}, below fail-under {fail_under:g}",
                file=result.path, title="vplint score") + "\n")
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        if found is not None:
            self.stream.write(command(
                "notice", f"{label}: score {found.score} against {found.ref}",
                file=result.path, title="vplint score change") + "\n")

    def finish(self, summary: Summary) -> None:
        score = summary.score if summary.score is not None else "-"
        self.stream.write(
            f"vplint: {summary.files} file(s), {summary.propositions} proposition(s): "
            f"{summary.errors} error(s), {summary.warnings} warning(s), {summary.infos} info; "
            f"mean score {score}\n")
