"""The values that flow through vplint: findings, per-proposition results and run summaries.

Everything here is a frozen dataclass so that results can be compared, hashed, cached
and sent between processes without surprises.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; `error` fails the run."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort key: errors first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


DIMENSIONS: tuple[str, ...] = (
    "need",
    "offering",
    "outcome",
    "time",
    "doubts",
    "differentiation",
    "proof",
    "audience",
    "clarity",
    "positioning",
)
"""The ten score dimensions; every scored rule belongs to exactly one."""


@dataclass(frozen=True)
class Finding:
    """One problem a rule found, with everything the reporters (SARIF included) need."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    field: str | None = None
    match: str | None = None
    suggestion: str | None = None

    @property
    def sort_key(self) -> tuple:
        """Findings are reported in file order, then by code."""
        return (self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The JSON contract's finding object."""
        # Every field is a str, an int or None: a shallow copy is what asdict would give.
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["severity"] = self.severity.value
        return data


@dataclass(frozen=True)
class PropositionResult:
    """The findings and scores of one proposition (a file may hold several)."""

    path: str
    name: str | None
    language: str
    score: int
    grade: str
    dimensions: dict[str, int]
    findings: tuple[Finding, ...]
    index: int = 0
    page_kind: str = ""
    """The kind of page it was judged as (vplint.pagekind: proposition, landing, ...)."""
    page_kind_from: str = ""
    """What decided that kind, in a few words (configuration, folder, call to action...)."""

    @property
    def errors(self) -> int:
        """How many findings are at error severity."""
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)


@dataclass
class Summary:
    """Totals over a whole run, accumulated as results stream past."""

    files: int = 0
    propositions: int = 0
    findings: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    score_total: int = 0
    lowest_score: int | None = None
    paths: set[str] = field(default_factory=set)

    def add(self, result: PropositionResult) -> None:
        """Count one proposition's result."""
        if result.path not in self.paths:
            self.paths.add(result.path)
            self.files += 1
        self.propositions += 1
        self.findings += len(result.findings)
        for finding in result.findings:
            if finding.severity is Severity.ERROR:
                self.errors += 1
            elif finding.severity is Severity.WARNING:
                self.warnings += 1
            else:
                self.infos += 1
        self.score_total += result.score
        if self.lowest_score is None or result.score < self.lowest_score:
            self.lowest_score = result.score

    @property
    def score(self) -> int | None:
        """Mean score over all propositions, or None when nothing was linted."""
        if not self.propositions:
            return None
        return round(self.score_total / self.propositions)

    def to_dict(self) -> dict:
        """The JSON contract's summary object."""
        return {
            "files": self.files,
            "propositions": self.propositions,
            "findings": self.findings,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "score": self.score,
        }
