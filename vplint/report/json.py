"""JSON report: a stable, documented contract (version 1), streamed one entry at a time."""

from __future__ import annotations

import json

from vplint import __version__
from vplint.model import PropositionResult, Summary
from vplint.report.base import Reporter

CONTRACT_VERSION = 1


def result_dict(result: PropositionResult) -> dict:
    """One entry of the JSON contract's `files` list."""
    return {
        "path": result.path,
        "name": result.name,
        "language": result.language,
        "page_kind": result.page_kind,
        "page_kind_from": result.page_kind_from,
        "score": result.score,
        "grade": result.grade,
        "dimensions": result.dimensions,
        "findings": [_finding_dict(f.to_dict()) for f in result.findings],
    }


_FINDING_KEYS = ("code", "name", "severity", "message", "line", "column", "end_line",
                 "end_column", "field", "match", "suggestion")
"""The contract's finding keys, in order (a finding's path is its entry's)."""


def _finding_dict(data: dict) -> dict:
    return {key: data[key] for key in _FINDING_KEYS}


class JsonReporter(Reporter):
    """Writes {"version", "tool", "files": [...], "summary"} without holding every result."""

    def start(self) -> None:
        head = {"version": CONTRACT_VERSION, "tool": {"name": "vplint", "version": __version__}}
        self.stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [')
        self._first = True

    def handle(self, result: PropositionResult) -> None:
        entry = result_dict(result)
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        if found is not None:  # optional, only with --compare (see docs/ci.md)
            entry["compare"] = found.to_dict()
        self.stream.write(("\n  " if self._first else ",\n  ")
                          + json.dumps(entry, ensure_ascii=False))
        self._first = False

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n], \"summary\": " + json.dumps(summary.to_dict()) + "}\n")
