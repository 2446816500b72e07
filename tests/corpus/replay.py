"""Replay labelled findings on a fresh lint: which correct ones stay, which false alarms go.

A development aid for precision work. The labelled samples in ``tests/corpus/real-pages/``
(sample fields + ``label`` + ``why``) were drawn from earlier runs; this script reads the
JSON reports of a new run (``sample_findings.py --lint --reports DIR`` writes them, one per
repository) and, for every labelled finding, says whether the new run still reports it
(same repository, path, line, rule and quoted text). It prints per rule: correct kept,
false alarms kept, and the precision the kept findings would have, then lists the false
alarms still reported with the labeller's reason.

Tuning to these labels is what they are for; the precision claimed in the docs comes from a
fresh sample labelled blind after the change (``sample_findings.py --exclude ...``).

Usage::

    python tests/corpus/sample_findings.py --corpus /tmp/corpus --reports /tmp/now \\
        --lint --seed 1 --n 1 --out /tmp/ignore.jsonl
    python tests/corpus/replay.py /tmp/now tests/corpus/real-pages/*.jsonl [--show-false]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path


def reported(reports: Path) -> set[tuple[str, str, int, str, str]]:
    """(repo, path, line, code, match) of every text finding in a folder of JSON reports."""
    found = set()
    for report in reports.glob("*.json"):
        repo = report.stem.replace("__", "/")
        data = json.loads(report.read_text(encoding="utf-8"))
        for entry in data["files"]:
            for f in entry["findings"]:
                if f.get("match"):
                    found.add((repo, entry["path"], f["line"], f["code"], f["match"]))
    return found


def labelled(paths: list[Path]) -> list[dict]:
    """Every labelled item of the given files (items without a label are skipped)."""
    items = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                item = json.loads(line)
                if item.get("label") in ("correct", "false_alarm"):
                    item["sample"] = path.stem
                    items.append(item)
    return items


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reports", type=Path)
    ap.add_argument("samples", type=Path, nargs="+")
    ap.add_argument("--show-false", action="store_true", help="list false alarms still reported")
    ap.add_argument("--show-lost", action="store_true", help="list correct findings now missed")
    args = ap.parse_args(argv)

    now = reported(args.reports)
    tally: dict[str, Counter] = {}
    still_false, lost = [], []
    for item in labelled(args.samples):
        key = (item["repo"], item["path"], item["line"], item["code"], item["match"])
        kept = key in now
        counts = tally.setdefault(item["code"], Counter())
        counts[(item["label"], kept)] += 1
        if kept and item["label"] == "false_alarm":
            still_false.append(item)
        if not kept and item["label"] == "correct":
            lost.append(item)

    print("| rule | correct kept | false alarms kept | precision of kept |")
    print("|---|---:|---:|---:|")
    total = Counter()
    for code in sorted(tally):
        c = tally[code]
        total.update(c)
        ck, ct = c[("correct", True)], c[("correct", True)] + c[("correct", False)]
        fk, ft = c[("false_alarm", True)], c[("false_alarm", True)] + c[("false_alarm", False)]
        prec = f"{ck / (ck + fk):.2f}" if ck + fk else "-"
        print(f"| {code} | {ck}/{ct} | {fk}/{ft} | {prec} |")
    ck, fk = total[("correct", True)], total[("false_alarm", True)]
    ct = ck + total[("correct", False)]
    ft = fk + total[("false_alarm", False)]
    prec = f"{ck / (ck + fk):.2f}" if ck + fk else "-"
    print(f"| all | {ck}/{ct} | {fk}/{ft} | {prec} |")
    for title, items, wanted in (("False alarms still reported", still_false, args.show_false),
                                 ("Correct findings no longer reported", lost, args.show_lost)):
        if not wanted:
            continue
        print(f"\n## {title}\n")
        for item in items:
            print(f"- {item['sample']}:{item['id']} {item['code']} {item['repo']}:{item['path']}:"
                  f"{item['line']} «{item['match']}» — {item.get('why', '')}")
            print(f"    {item['context'][:300]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
