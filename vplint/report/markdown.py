"""Markdown report for pull-request comments: the summary table first, then one collapsible
<details> section per proposition with findings (or a score change).

All user text goes through `md_escape` (the templates' `md` filter) or `html.escape`
(inside <summary>), so a proposition cannot break the table or inject HTML into the
comment. The comment is kept under GitHub's 65,536-character limit: when the whole report
would not fit, table rows and then details are left out from the end, and a note says how
many.
"""

from __future__ import annotations

import html
from typing import Any

from vplint import __version__
from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.report.labels import dimension, label, report_language, severity, summary_text
from vplint.safe import visible

GITHUB_COMMENT_LIMIT = 65_536
"""GitHub refuses issue and pull-request comments longer than this many characters."""
NOTE_RESERVE = 600
"""Room kept for the truncation note."""


def html_escape(text: object) -> str:
    """Escape text for an HTML element of the comment (Markdown is not parsed there)."""
    value = str(text if text is not None else "").replace("\r", " ").replace("\n", " ")
    return html.escape(visible(value), quote=True).replace("@", "@\u200b")


def comment_length(text: str) -> int:
    """Length as GitHub counts it (UTF-16 code units: an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


class MarkdownReporter(Reporter):
    """Collects results (the summary table comes first) and renders them at the end."""

    template = "markdown.md.j2"
    limit = GITHUB_COMMENT_LIMIT

    def start(self) -> None:
        self.items: list[dict[str, Any]] = []

    def handle(self, result: PropositionResult) -> None:
        if self.options.quiet and not result.findings:
            return
        counts = {s.value: 0 for s in Severity}
        for finding in result.findings:
            counts[finding.severity.value] += 1
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        self.items.append({"result": result, "counts": counts, "compare": found})

    def finish(self, summary: Summary) -> None:
        self.stream.write(self.render(summary))

    def render(self, summary: Summary) -> str:
        """The whole comment, truncated to the limit when it has to be."""
        from vplint.report.templating import environment

        template = environment().get_template(self.template)
        lang = report_language(self.options.language,
                               [item["result"].language for item in self.items])
        macros = template.make_module({
            "h": html_escape, "lang": lang, "t": lambda key: label(key, lang),
            "sev": lambda name: severity(name, lang),
            "dimname": lambda name: dimension(name, lang),
            "summary_sentence": summary_text(summary, self.options.fail_under, lang)})
        ref = self.options.extra.get("compare_ref")
        head = str(macros.head(ref))
        totals = str(macros.totals(summary, self.options.fail_under,
                                   self.options.extra.get("baseline"), ref))
        footer = str(macros.footer(__version__))
        zh = lang == "zh"
        budget = self.limit - NOTE_RESERVE - sum(map(comment_length, (head, totals, footer)))
        rows: list[str] = []
        for item in self.items:
            row = str(macros.row(item, ref))
            if comment_length(row) > budget:
                break
            rows.append(row)
            budget -= comment_length(row)
        sections: list[str] = []
        wanted = [i for i in self.items if i["result"].findings or i["compare"] is not None]
        for item in wanted:
            section = str(macros.details(item, zh))
            if comment_length(section) > budget:
                break
            sections.append(section)
            budget -= comment_length(section)
        note = ""
        rows_left = len(self.items) - len(rows)
        details_left = len(wanted) - len(sections)
        if rows_left or details_left:
            note = str(macros.truncated(rows_left, details_left, self.limit))
        if not self.items:
            head = f"## {label('report', lang)}\n\n{label('no_files', lang)}\n"
        return head + "".join(rows) + totals + "".join(sections) + note + footer
