"""Score deltas: `vplint check --compare REF` shows each proposition's score before (at a
Git ref) and after (the work tree), overall and per dimension: "62 -> 78 (+16)".

The old text is read with git and linted in memory with the same linter, so both sides
are judged by the same rules and configuration; nothing is checked out or written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from vplint.model import DIMENSIONS, PropositionResult

if TYPE_CHECKING:
    from vplint.engine import Linter


def format_change(before: int | None, after: int | None) -> str:
    """"62 -> 78 (+16)"; a side that does not exist shows as "-"."""
    if before is None or after is None:
        return f"{'-' if before is None else before} -> {'-' if after is None else after}"
    delta = after - before
    sign = "+" if delta > 0 else "±" if delta == 0 else ""
    return f"{before} -> {after} ({sign}{delta})"


@dataclass(frozen=True)
class Change:
    """One score, before and after."""

    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        """after - before, or None when one side is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def __str__(self) -> str:
        return format_change(self.before, self.after)

    def to_dict(self) -> dict:
        """{"before", "after", "delta"} for the JSON report."""
        return {"before": self.before, "after": self.after, "delta": self.delta}


@dataclass(frozen=True)
class Comparison:
    """A proposition's scores at `ref` and now."""

    ref: str
    score: Change
    grade_before: str
    dimensions: dict[str, Change] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The optional "compare" object of a JSON report's file entry."""
        return {"ref": self.ref, "score": self.score.to_dict(),
                "grade_before": self.grade_before,
                "dimensions": {d: c.to_dict() for d, c in self.dimensions.items()}}


def compare_results(ref: str, before: PropositionResult, after: PropositionResult
                    ) -> Comparison:
    """Pair the overall and per-dimension scores of the same proposition at two times."""
    names = [d for d in DIMENSIONS if d in after.dimensions or d in before.dimensions]
    names += [d for d in (*after.dimensions, *before.dimensions) if d not in names]
    return Comparison(
        ref=ref, score=Change(before.score, after.score), grade_before=before.grade,
        dimensions={d: Change(before.dimensions.get(d), after.dimensions.get(d))
                    for d in names})


def pair(result: PropositionResult, old: list[PropositionResult]) -> PropositionResult | None:
    """The old version of a proposition: the one with the same name when the name is
    unique, else the one at the same position in the file."""
    if result.name:
        named = [o for o in old if o.name == result.name]
        if len(named) == 1:
            return named[0]
    same_place = [o for o in old if o.index == result.index]
    return same_place[0] if same_place else None


class Comparer:
    """Lints each file's text at a Git ref (once per file) and pairs it with the new result."""

    def __init__(self, linter: Linter, ref: str, cwd: str | Path | None = None) -> None:
        from vplint import gitutil

        self.linter = linter
        self.ref = ref
        self.cwd = cwd
        gitutil.toplevel(cwd)  # outside a repository, say so rather than "unknown ref"
        self.commit = gitutil.resolve(ref, cwd)
        self._path: str | None = None
        self._old: list[PropositionResult] | None = None

    def old_results(self, path: str) -> list[PropositionResult] | None:
        """The file's propositions as they were at the ref (None when it did not exist)."""
        if path == self._path:
            return self._old
        from vplint import gitutil
        from vplint.document import YAML_SUFFIXES
        from vplint.encoding import decode

        self._path, self._old = path, None
        data = gitutil.show(self.commit, Path(self.cwd or ".") / path, self.cwd)
        if data is not None:
            text, _note, _problem = decode(data)
            if text is not None:
                kind = "yaml" if Path(path).suffix.lower() in YAML_SUFFIXES else "markdown"
                self._old = self.linter.lint_text(text, path, kind)
        return self._old

    def compare(self, result: PropositionResult) -> Comparison | None:
        """The comparison for one new result, or None when it is new since the ref."""
        old = self.old_results(result.path)
        if not old:
            return None
        before = pair(result, old)
        return compare_results(self.ref, before, result) if before is not None else None
