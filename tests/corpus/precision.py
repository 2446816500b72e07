"""Precision of vplint's findings on real website pages, per rule and overall.

Joins a sample (`sample_findings.py` output: one finding per line with an `id`) with its
blind labels (`{"id", "label": "correct" | "false_alarm", "why"}`) and prints a Markdown
table: for each rule, how many sampled findings were labelled correct and false alarms,
and the precision (correct / labelled); then the overall figure and whether the issue's
targets hold (precision >= 0.9 overall and >= 0.8 for every rule with at least 10
sampled findings).

Usage::

    python tests/corpus/precision.py tests/corpus/real-pages/before.jsonl \\
        tests/corpus/real-pages/before-labels.jsonl
    # or one file holding both (the committed form: sample fields + label + why)
    python tests/corpus/precision.py tests/corpus/real-pages/after.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

TARGET_OVERALL = 0.9
TARGET_RULE = 0.8
MIN_FOR_RULE_TARGET = 10


def read_jsonl(path: Path) -> list[dict]:
    """The JSON objects of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n")
            if line.strip()]


def join(samples: list[dict], labels: list[dict] | None = None) -> list[dict]:
    """Samples with their labels; a sample without a label is left out."""
    if labels is None:
        return [s for s in samples if s.get("label") in ("correct", "false_alarm")]
    by_id = {lab["id"]: lab for lab in labels}
    out = []
    for sample in samples:
        label = by_id.get(sample["id"])
        if label and label.get("label") in ("correct", "false_alarm"):
            out.append({**sample, "label": label["label"], "why": label.get("why", "")})
    return out


def table(items: list[dict]) -> tuple[str, float, bool]:
    """(Markdown table, overall precision, whether the targets hold)."""
    correct: Counter = Counter()
    total: Counter = Counter()
    for item in items:
        total[item["code"]] += 1
        correct[item["code"]] += item["label"] == "correct"
    lines = ["| Rule | Sampled | Correct | False alarms | Precision |",
             "|---|---:|---:|---:|---:|"]
    ok = True
    for code in sorted(total, key=lambda c: (-total[c], c)):
        precision = correct[code] / total[code]
        if total[code] >= MIN_FOR_RULE_TARGET and precision < TARGET_RULE:
            ok = False
        lines.append(f"| {code} | {total[code]} | {correct[code]} | "
                     f"{total[code] - correct[code]} | {precision:.2f} |")
    n, good = sum(total.values()), sum(correct.values())
    overall = good / n if n else 0.0
    ok = ok and overall >= TARGET_OVERALL
    lines.append(f"| **all** | {n} | {good} | {n - good} | **{overall:.2f}** |")
    return "\n".join(lines), overall, ok


def main(argv: list[str]) -> int:
    """Print the table; exit 0 when the targets hold, 1 when they do not."""
    if not argv or len(argv) > 2:
        print(__doc__)
        return 2
    samples = read_jsonl(Path(argv[0]))
    labels = read_jsonl(Path(argv[1])) if len(argv) == 2 else None
    items = join(samples, labels)
    text, overall, ok = table(items)
    print(text)
    print()
    print(f"overall precision {overall:.2f} on {len(items)} labelled findings; targets "
          f"(>= {TARGET_OVERALL} overall, >= {TARGET_RULE} per rule with "
          f">= {MIN_FOR_RULE_TARGET} findings): {'met' if ok else 'not met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
