"""The labelled samples of real website pages (tests/corpus/real-pages) and the script
that turns them into precision per rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import load_script

REAL = Path(__file__).parent / "corpus" / "real-pages"
precision = load_script("precision", REAL.parent / "precision.py")

LOCATOR = ("id", "repo", "commit", "path", "line", "column", "code", "match", "context")


@pytest.mark.parametrize("name", ["before.jsonl", "after.jsonl", "final.jsonl"])
def test_samples_are_locators_with_short_excerpts(name: str) -> None:
    repos = {r["repo"]: r["commit"] for r in json.loads((REAL / "repos.json").read_text())}
    items = precision.read_jsonl(REAL / name)
    assert len(items) >= 200
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert all(item.get(k) not in (None, "") for k in LOCATOR), item["id"]
        assert repos[item["repo"]] == item["commit"]
        assert len(item["context"]) <= 402 and item["match"] in item["context"]
        assert item.get("label", "correct") in ("correct", "false_alarm")


@pytest.mark.parametrize("name", ["before.jsonl", "after.jsonl"])
def test_the_before_and_after_samples_are_fully_labelled(name: str) -> None:
    items = precision.read_jsonl(REAL / name)
    assert len(precision.join(items)) == len(items)


def test_precision_per_rule_and_overall() -> None:
    samples = [{"id": f"s{i}", "code": code} for i, code in
               enumerate(["A001"] * 10 + ["B001"] * 3)]
    labels = [{"id": f"s{i}", "label": "correct" if i < 8 or i == 12 else "false_alarm"}
              for i in range(13)]
    items = precision.join(samples, labels)
    text, overall, ok = precision.table(items)
    assert "| A001 | 10 | 8 | 2 | 0.80 |" in text
    assert "| B001 | 3 | 1 | 2 | 0.33 |" in text
    assert round(overall, 3) == round(9 / 13, 3)
    assert not ok  # 0.69 overall is under the 0.9 target
    high = [{"id": f"s{i}", "code": "A001", "label": "correct"} for i in range(20)]
    assert precision.table(high)[2]


def test_pinned_pages_are_the_sampled_pages_of_licensed_repositories() -> None:
    """Every sampled page of a repository LICENSES.md lists as pinned is there, byte for
    byte at the sampled commit, and nothing else is: other repositories stay locators."""
    pages = REAL / "pages"
    notes = (pages / "LICENSES.md").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"^\| \[([\w.-]+/[\w.-]+)\]\([^)]*\) \| ([0-9a-f]{40}) \|",
                             notes, re.M))
    assert pinned, "LICENSES.md lists no pinned repository"
    items = [i for name in ("before.jsonl", "after.jsonl", "final.jsonl")
             for i in precision.read_jsonl(REAL / name) if i["repo"] in pinned]
    assert all(pinned[i["repo"]] == i["commit"] for i in items)
    wanted = {f"{i['repo'].replace('/', '__')}/{i['path']}" for i in items}
    found = {p.relative_to(pages).as_posix() for p in pages.rglob("*") if p.is_file()
             and p.parent != pages and p.relative_to(pages).parts[0] != "licences"}
    assert found == wanted
