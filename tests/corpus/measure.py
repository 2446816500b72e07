"""Count vplint's findings on the real website repositories, before and after a change.

Reads the JSON reports `sample_findings.py --lint` wrote (one per repository) from one
or two report folders and prints, per repository and per rule, how many findings there
are in all and how many quote text (`match` is set).

Usage::

    python tests/corpus/measure.py /tmp/before /tmp/after
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def tally(folder: Path) -> tuple[dict[str, Counter], Counter, Counter]:
    """(per-repository counts of all/text findings, all per rule, text per rule)."""
    per_repo: dict[str, Counter] = {}
    by_rule: Counter = Counter()
    text_by_rule: Counter = Counter()
    for report in sorted(folder.glob("*.json")):
        data = json.loads(report.read_text(encoding="utf-8"))
        counts: Counter = Counter()
        for entry in data["files"]:
            counts["pages"] += 1
            for finding in entry["findings"]:
                counts["findings"] += 1
                by_rule[finding["code"]] += 1
                if finding.get("match"):
                    counts["text"] += 1
                    text_by_rule[finding["code"]] += 1
        per_repo[report.stem.replace("__", "/")] = counts
    return per_repo, by_rule, text_by_rule


def main(argv: list[str]) -> int:
    """Print the tables for the report folders given (before [after])."""
    folders = [Path(a) for a in argv]
    tallies = [tally(f) for f in folders]
    head = " | ".join(f"{f.name} all | {f.name} text" for f in folders)
    print(f"| Repository | Pages | {head} |")
    print("|---|---:|" + "---:|---:|" * len(folders))
    repos = sorted(tallies[0][0])
    for repo in repos:
        cells = " | ".join(f"{t[0].get(repo, Counter())['findings']:,} | "
                           f"{t[0].get(repo, Counter())['text']:,}" for t in tallies)
        print(f"| {repo} | {tallies[0][0][repo]['pages']:,} | {cells} |")
    totals = " | ".join(f"{sum(c['findings'] for c in t[0].values()):,} | "
                        f"{sum(c['text'] for c in t[0].values()):,}" for t in tallies)
    print(f"| **all** | {sum(c['pages'] for c in tallies[0][0].values()):,} | {totals} |")
    print()
    print("| Rule | " + " | ".join(f"{f.name} all | {f.name} text" for f in folders) + " |")
    print("|---|" + "---:|---:|" * len(folders))
    codes = sorted(set().union(*(t[1] for t in tallies)))
    for code in codes:
        cells = " | ".join(f"{t[1][code]:,} | {t[2][code]:,}" for t in tallies)
        print(f"| {code} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
