"""GitLab Code Quality report (the CodeClimate JSON subset GitLab reads), for the merge
request widget: `artifacts: reports: codequality: gl-code-quality-report.json`.

Fingerprints hash the path, code, field and normalised offending text (plus an ordinal
for repeats), never the line, so GitLab sees a finding as the same finding when other
lines move and shows only what a merge request really introduced or fixed.
"""

from __future__ import annotations

import hashlib
import json

from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.report.labels import lang_of
from vplint.safe import visible

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
"""ESLint's convention; "critical" is kept for a score below fail-under (it fails the
gate on its own) and "blocker" for a rule that crashed (VP900)."""
CRASH_CODE = "VP900"
CATEGORIES = {"VP": "Bug Risk", "ADL": "Bug Risk", "CLR": "Clarity"}
"""Code Climate categories (a fixed English vocabulary GitLab reads) by code prefix: a
broken file or an advertising-law term is a risk, clarity rules are Clarity, and every
other rule judges the copy's substance, which Code Climate calls Style."""


def category(code: str) -> str:
    """The Code Climate category of a rule code."""
    for prefix, name in CATEGORIES.items():
        if code.startswith(prefix):
            return name
    return "Style"


def _path(path: str) -> str:
    """The path as GitLab shows it: no leading ./, control characters as escapes."""
    while path.startswith("./"):
        path = path[2:]
    return visible(path)


class GitlabReporter(Reporter):
    """Streams a JSON array of issues."""

    def start(self) -> None:
        self.stream.write("[")
        self.first = True

    def _write(self, issue: dict) -> None:
        self.stream.write(("\n  " if self.first else ",\n  ")
                          + json.dumps(issue, ensure_ascii=False))
        self.first = False

    def handle(self, result: PropositionResult) -> None:
        from vplint.baseline import occurrence_fingerprints

        path = _path(result.path)
        lang = lang_of(self.options.language or result.language)
        prints = occurrence_fingerprints(path, result.findings)
        for f, fingerprint in zip(result.findings, prints, strict=True):
            description = f"{f.code} {f.message}"
            if f.suggestion:
                description += (f"(建议:{f.suggestion})" if lang == "zh"
                                else f" (suggestion: {f.suggestion})")
            self._write({
                "type": "issue",
                "description": description,
                "check_name": f"{f.code} {f.name}",
                "fingerprint": fingerprint,
                "severity": "blocker" if f.code == CRASH_CODE else SEVERITY[f.severity],
                "categories": [category(f.code)],
                "location": {"path": path,
                             "lines": {"begin": max(1, f.line),
                                       "end": max(1, f.line, f.end_line)}},
            })
        fail_under = self.options.fail_under
        if fail_under and result.score < fail_under:
            key = f"{path}\0score\0{result.index}\0{result.name or ''}"
            self._write({
                "type": "issue",
                "description": (f"{result.name or path} 得分 {result.score},低于及格线 "
                                f"{fail_under:g}" if lang == "zh" else
                                f"{result.name or path} scores {result.score}, below "
                                f"fail-under {fail_under:g}"),
                "check_name": "vplint-score",
                "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest()[:32],
                "severity": "critical",
                "categories": ["Bug Risk"],
                "location": {"path": path, "lines": {"begin": 1}},
            })

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if not self.first else "]\n")
