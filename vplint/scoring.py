"""Scores: a pure function of findings and rule weights.

For each dimension d, over the rules that ran on the proposition:

    score_d = 100 * (1 - lost_d / total_d)
    total_d = sum of the weights of the rules of d that ran
    lost_d  = sum over the rules of d that fired of weight * factor(severity)

A rule counts once however often it fires; factor is 1.0 for error, 0.75 for warning and
0.25 for info. The overall score is the same ratio over all dimensions together (so a
dimension counts as much as its rules weigh). A file that could not be parsed scores 0.
"""

from __future__ import annotations

from collections.abc import Iterable

from vplint.model import DIMENSIONS, Finding, Severity
from vplint.rules import Rule

FACTOR = {Severity.ERROR: 1.0, Severity.WARNING: 0.75, Severity.INFO: 0.25}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"))


def grade(score: int) -> str:
    """Letter grade: A >= 90, B >= 80, C >= 70, D >= 60, else F."""
    return next((letter for bound, letter in GRADES if score >= bound), "F")


def score(findings: Iterable[Finding], ran: Iterable[Rule], weights: dict[str, float]
          ) -> tuple[int, dict[str, int]]:
    """(overall score, score per dimension) for one proposition."""
    findings = list(findings)
    if any(f.code == "VP001" for f in findings):
        return 0, {}
    worst: dict[str, float] = {}
    for f in findings:
        worst[f.code] = max(worst.get(f.code, 0.0), FACTOR[f.severity])
    total = dict.fromkeys(DIMENSIONS, 0.0)
    lost = dict.fromkeys(DIMENSIONS, 0.0)
    for rule in ran:
        weight = weights.get(rule.code, rule.weight)
        if rule.dimension is None or weight <= 0:
            continue
        total[rule.dimension] += weight
        lost[rule.dimension] += weight * worst.get(rule.code, 0.0)
    dims = {d: round(100 * (1 - lost[d] / total[d])) for d in DIMENSIONS if total[d] > 0}
    all_total = sum(total.values())
    overall = round(100 * (1 - sum(lost.values()) / all_total)) if all_total else 100
    return overall, dims
