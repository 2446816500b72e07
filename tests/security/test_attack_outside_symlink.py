"""Attack: copy files that are symbolic links to files outside the repository
(/proc/self/status, a CI secret). They are reported (VP001), never read or quoted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.security.conftest import SECRET, gate


@pytest.mark.parametrize("target", ["secret", "/proc/self/status", "folder"])
def test_a_link_out_of_the_repository_is_reported_not_read(repo: Path, outside: Path,
                                                         clean_verdict, target: str):
    if target == "secret":
        (repo / "copy" / "leak.md").symlink_to(outside / "secret.txt")
        name = "leak.md"
    elif target == "folder":
        (outside / "more.yaml").write_text(f"name: {SECRET}\n", encoding="utf-8")
        (repo / "copy" / "linked").symlink_to(outside)  # a folder link is not walked
        name = None
    else:
        (repo / "copy" / "status.yaml").symlink_to(target)
        name = "status.yaml"
    for extra in ([], ["--jobs", "2", "--no-cache"]):
        code, out, err = gate(repo, "-f", "json", *extra)
        assert SECRET not in out + err and "VmRSS" not in out + err
        files = {Path(e["path"]).name: e for e in json.loads(out)["files"]}
        if name is None:
            assert set(files) == {"pizza.yaml"} and code == 1
            continue
        assert code == 1, err
        assert [f["code"] for f in files[name]["findings"]] == ["VP001"]
        assert "outside the project" in files[name]["findings"][0]["message"]
    _, clean_json, _ = gate(repo, "-f", "json", "--no-cache")
    pizza = [e for e in json.loads(clean_json)["files"] if e["path"].endswith("pizza.yaml")]
    assert pizza and pizza[0]["score"] < 70  # the real copy is judged as before


def test_a_link_inside_the_repository_is_linted(repo: Path):
    (repo / "copy" / "again.yaml").symlink_to(repo / "copy" / "pizza.yaml")
    code, out, _ = gate(repo, "-f", "json", "--no-cache")
    files = {Path(e["path"]).name: e for e in json.loads(out)["files"]}
    assert "VP001" not in [f["code"] for f in files["again.yaml"]["findings"]]


def test_a_link_out_is_not_even_read_to_be_hashed_for_the_cache(repo: Path, outside: Path,
                                                                monkeypatch):
    from vplint.cache import Cache

    (repo / "copy" / "leak.md").symlink_to(outside / "secret.txt")
    keyed: list[str] = []
    real_key = Cache.key

    def key(self, path, display):  # type: ignore[no-untyped-def]
        keyed.append(Path(path).name)
        return real_key(self, path, display)

    monkeypatch.setattr(Cache, "key", key)
    code, _, err = gate(repo)
    assert code == 1, err
    assert keyed == ["pizza.yaml"]
