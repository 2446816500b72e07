"""Precision of labelled findings by the kind of page they were found on, and by what
decided that kind: which page kinds and which landing-page marks can be trusted.

Reads labelled samples (`sample_findings.py` output with `label`), finds each sampled
page in a checked-out corpus (one folder per repository, `owner__name`), asks vplint how
it would classify the page today (vplint.pagekind.page_kind) and prints, per kind and
mark and per rule on each kind, how many labelled findings were correct.

Usage::

    python tests/corpus/kind_precision.py --corpus /work/corpus-dev \\
        tests/corpus/real-pages/*.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from vplint.document import load_file
from vplint.pagekind import page_kind


def labelled(paths: list[Path]) -> list[dict]:
    """Every labelled finding once (the same locator in two samples counts once)."""
    seen: dict[tuple, dict] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            item = json.loads(line)
            if item.get("label") in ("correct", "false_alarm"):
                key = (item["repo"], item["path"], item["line"], item["column"], item["code"])
                seen[key] = item
    return list(seen.values())


def kind_of(corpus: Path, item: dict, cache: dict) -> tuple[str, str] | None:
    """How vplint classifies the sampled page now, or None when the page is not there."""
    key = (item["repo"], item["path"])
    if key not in cache:
        file = corpus / item["repo"].replace("/", "__") / item["path"]
        if not file.is_file():
            cache[key] = None
        else:
            docs = load_file(file, display=item["path"])
            cache[key] = page_kind(docs[0], item["path"], None) if docs else None
    return cache[key]


def report(counts: Counter, title: str) -> None:
    """Print one table of correct/labelled per key."""
    keys = sorted({k[:-1] for k in counts}, key=lambda k: -sum(
        counts[(*k, lab)] for lab in ("correct", "false_alarm")))
    print(f"\n| {title} | Labelled | Correct | Precision |\n|---|---:|---:|---:|")
    for key in keys:
        good, bad = counts[(*key, "correct")], counts[(*key, "false_alarm")]
        print(f"| {' / '.join(key)} | {good + bad} | {good} | {good / (good + bad):.2f} |")


def main() -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("samples", type=Path, nargs="+")
    args = parser.parse_args()
    cache: dict = {}
    by_kind: Counter = Counter()
    by_rule: Counter = Counter()
    missing = 0
    for item in labelled(args.samples):
        kind = kind_of(args.corpus, item, cache)
        if kind is None:
            missing += 1
            continue
        by_kind[(*kind, item["label"])] += 1
        by_rule[(kind[0], item["code"], item["label"])] += 1
    report(by_kind, "Kind / decided by")
    report(by_rule, "Kind / rule")
    print(f"\n{missing} labelled findings on pages not in the corpus")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
