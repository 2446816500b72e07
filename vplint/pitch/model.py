"""What `vplint pitch` produces: drafts per template and proposition, and the report
that holds them (shared by the drafting in vplint.pitch and the formatting in
vplint.pitch.report)."""

from __future__ import annotations

from dataclasses import dataclass, field

from vplint.model import PropositionResult
from vplint.pitch.fit import Budget
from vplint.pitch.review import DraftProblem, capped_score

FORMATS = ("text", "markdown")
"""The formats `vplint pitch --format` prints."""


@dataclass
class Draft:
    """One template rendered for one proposition, with how it was fitted and linted."""

    template: str
    language: str
    budget: Budget
    text: str | None = None
    missing: list[str] = field(default_factory=list)
    misfits: list[tuple[str, str]] = field(default_factory=list)
    """(field, what to write instead) for fields that cannot take their slot's shape."""
    gaps: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """(field, what): "kind of item" for a dropped list item, "end" for a shortened text,
    "all" for a whole list, in the order they were taken out."""
    length: int = 0
    lint: PropositionResult | None = None
    flagged: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """For a missing field: the rule that checks it, and whether it fires on the file."""
    problems: list[DraftProblem] = field(default_factory=list)
    """What makes the draft unusable as written (see `review`)."""

    @property
    def fits(self) -> bool:
        """True when the draft is within its budget."""
        return self.text is not None and self.length <= self.budget.limit

    @property
    def blocked(self) -> bool:
        """True when no draft was printed: a field is missing or does not fit."""
        return self.text is None and bool(self.missing or self.misfits)

    @property
    def score(self) -> int | None:
        """The clarity score, capped when the draft has problems; None when not linted."""
        if self.lint is None:
            return None
        return capped_score(self.lint.score, self.problems)


@dataclass
class PropositionDrafts:
    """The drafts of one proposition of the file."""

    name: str | None
    index: int
    language: str
    drafts: list[Draft]


@dataclass
class PitchReport:
    """Everything `vplint pitch` prints, and its exit code."""

    path: str
    propositions: list[PropositionDrafts]

    @property
    def exit_code(self) -> int:
        """1 when a template lacked fields or a field did not fit (and gaps were not
        allowed), else 0."""
        return 1 if any(d.blocked for p in self.propositions for d in p.drafts) else 0
