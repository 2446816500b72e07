"""Markdown report for pull-request comments: a summary table, then a section per file.

All user text goes through `md_escape`, so a proposition cannot break the table or
inject HTML into the comment.
"""

from __future__ import annotations

import re

from vplint import __version__
from vplint.model import PropositionResult, Summary
from vplint.report.base import Reporter
from vplint.report.templating import render

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_escape(text: object) -> str:
    """Escape text for a Markdown table cell or paragraph: no HTML, no broken rows."""
    value = str(text if text is not None else "")
    value = value.replace("&", "&amp;").replace("\r", " ").replace("\n", " ")
    value = _MD_SPECIAL.sub(r"\\\1", value)
    return value.replace("\\<", "&lt;").replace("\\>", "&gt;")


class MarkdownReporter(Reporter):
    """Collects results (the summary table comes first) and renders them at the end."""

    template = "markdown.md.j2"

    def start(self) -> None:
        self.results: list[PropositionResult] = []

    def handle(self, result: PropositionResult) -> None:
        self.results.append(result)

    def finish(self, summary: Summary) -> None:
        self.stream.write(render(self.template, results=self.results, summary=summary,
                                 options=self.options, version=__version__))
