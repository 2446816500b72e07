"""`--changed [REF]` and `--compare REF` on temporary Git repositories."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from ci_helpers import (  # noqa: F401
    GOOD,
    HYPE,
    NO_OUTCOME,
    commit,
    git,
    init_repo,
    isolated_git_fixture,
    make_project,
    vplint_fixture,
    write,
)

from vplint.checkrun import optional_changed_value

pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """main: copy/a.yaml (hype) and copy/b.yaml (good); then branch `feature` checked out."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = init_repo(make_project(tmp_path / "repo"))
    write(root / "copy" / "a.yaml", HYPE)
    write(root / "copy" / "b.yaml", GOOD)
    write(root / "notes" / "c.yaml", GOOD)
    commit(root, "initial copy")
    git(root, "checkout", "-q", "-b", "feature")
    return root


def paths(out: str) -> list[str]:
    return [entry["path"] for entry in json.loads(out)["files"]]


# ---- --changed ------------------------------------------------------------------------------

def test_changed_lints_modified_staged_and_untracked_files_only(repo: Path, vplint):
    (repo / "copy" / "b.yaml").write_text(NO_OUTCOME, "utf-8")  # modified, not staged
    write(repo / "copy" / "staged.yaml", GOOD)
    git(repo, "add", "copy/staged.yaml")  # new, staged
    write(repo / "copy" / "untracked.md", "# Invoices paid in 2 days\n")  # untracked
    write(repo / "ignored.yaml", HYPE)
    write(repo / ".gitignore", "ignored.yaml\n")
    code, out, err = vplint(repo, "check", "--changed", "-f", "json")
    assert paths(out) == ["copy/b.yaml", "copy/staged.yaml", "copy/untracked.md"]
    assert code == 1  # b.yaml lost its outcome: OUT001
    assert re.search(r"3 changed file\(s\) to lint since main \([0-9a-f]{12}\)", err)


def test_changed_uses_the_merge_base_so_later_commits_on_main_do_not_count(repo: Path, vplint):
    write(repo / "copy" / "mine.yaml", GOOD)
    commit(repo, "feature work")
    git(repo, "checkout", "-q", "main")
    (repo / "copy" / "a.yaml").write_text(GOOD, "utf-8")
    commit(repo, "fix on main after the branch point")
    git(repo, "checkout", "-q", "feature")
    code, out, err = vplint(repo, "check", "--changed", "-f", "json")
    assert code == 0 and paths(out) == ["copy/mine.yaml"]
    assert "(the merge base with main)" in err
    # an explicit REF works the same way; `--changed=REF` and `--changed REF` both parse
    assert paths(vplint(repo, "check", "--changed=main", "-f", "json")[1]) == ["copy/mine.yaml"]
    assert paths(vplint(repo, "check", "--changed", "HEAD~1", "-f", "json")[1]) == \
        ["copy/mine.yaml"]
    assert paths(vplint(repo, "check", "--changed", "HEAD", "-f", "json")[1]) == []


def test_changed_respects_the_paths_given_and_a_path_after_the_flag(repo: Path, vplint):
    (repo / "copy" / "b.yaml").write_text(GOOD + "# edited\n", "utf-8")
    (repo / "notes" / "c.yaml").write_text(GOOD + "# edited\n", "utf-8")
    assert paths(vplint(repo, "check", "--changed", "-f", "json")[1]) == \
        ["copy/b.yaml", "notes/c.yaml"]
    assert paths(vplint(repo, "check", "notes", "--changed", "-f", "json")[1]) == \
        ["notes/c.yaml"]
    # `--changed notes`: notes is a folder here, not a ref, so it is the path to lint
    assert paths(vplint(repo, "check", "--changed", "notes", "-f", "json")[1]) == \
        ["notes/c.yaml"]
    # from a sub-folder, paths stay relative to where vplint runs
    assert paths(vplint(repo / "notes", "check", "--changed", "-f", "json")[1]) == ["c.yaml"]


def test_changed_prefers_origin_head_then_main_then_master(tmp_path: Path, repo: Path, vplint):
    clone = tmp_path / "clone"
    git(repo, "checkout", "-q", "main")  # a clone's origin/HEAD is the source's HEAD
    subprocess.run(["git", "clone", "-q", "--branch", "main", str(repo), str(clone)], check=True)
    init = git(clone, "symbolic-ref", "refs/remotes/origin/HEAD").strip()
    assert init == "refs/remotes/origin/main"
    git(clone, "config", "user.name", "t")
    git(clone, "config", "user.email", "t@vplint.invalid")
    git(clone, "checkout", "-q", "-b", "topic")
    write(clone / "copy" / "new.yaml", GOOD)
    _, out, err = vplint(clone, "check", "--changed", "-f", "json")
    assert paths(out) == ["copy/new.yaml"] and "since origin/main" in err

    master = init_repo(make_project(tmp_path / "legacy"))
    git(master, "checkout", "-q", "-b", "master")
    write(master / "a.yaml", GOOD)
    commit(master)
    git(master, "checkout", "-q", "-b", "topic")
    write(master / "b.yaml", GOOD)
    _, out, err = vplint(master, "check", "--changed", "-f", "json")
    assert paths(out) == ["b.yaml"] and "since master" in err


def test_changed_errors_are_one_line_and_exit_2(tmp_path: Path, repo: Path, vplint):
    outside = make_project(tmp_path / "plain")
    write(outside / "a.yaml", GOOD)
    code, out, err = vplint(outside, "check", "--changed")
    assert code == 2 and out == ""
    assert err.strip() == (f"vplint: error: {outside.resolve()} is not inside a Git repository "
                           "(--changed and --compare need one)")
    code, _, err = vplint(repo, "check", "--changed=nope")
    assert code == 2 and "unknown Git ref 'nope'" in err
    git(repo, "branch", "-q", "-m", "main", "trunk")
    code, _, err = vplint(repo, "check", "--changed")
    assert code == 2 and "cannot tell the default branch" in err and "--changed=REF" in err


def test_optional_value_of_changed():
    assert optional_changed_value(["check", "--changed"]) == ["check", "--changed="]
    assert optional_changed_value(["check", "--changed", "-f", "json"]) == \
        ["check", "--changed=", "-f", "json"]
    assert optional_changed_value(["check", "--changed", "no-such-path-but-a-ref"]) == \
        ["check", "--changed=no-such-path-but-a-ref"]
    assert optional_changed_value(["check", "--", "--changed"]) == ["check", "--", "--changed"]


# ---- --compare ------------------------------------------------------------------------------

@pytest.fixture
def improved(repo: Path) -> Path:
    """copy/weak.yaml committed on main without an outcome, then improved on `feature`."""
    git(repo, "checkout", "-q", "main")
    write(repo / "copy" / "weak.yaml", NO_OUTCOME)
    commit(repo, "weak copy")
    git(repo, "checkout", "-q", "feature")
    git(repo, "merge", "-q", "main")
    (repo / "copy" / "weak.yaml").write_text(GOOD.replace("Good", "Empty"), "utf-8")
    write(repo / "copy" / "brand-new.yaml", GOOD)
    return repo


def test_compare_adds_before_and_after_to_the_json_report(improved: Path, vplint):
    code, out, _ = vplint(improved, "check", "copy", "--compare", "main", "-f", "json")
    assert code == 1  # a.yaml's hype is still an error
    files = {entry["path"]: entry for entry in json.loads(out)["files"]}
    weak = files["copy/weak.yaml"]
    assert set(weak) == {"path", "name", "language", "page_kind", "page_kind_from", "score",
                         "grade", "dimensions", "findings", "compare"}
    compare = weak["compare"]
    assert compare["ref"] == "main"
    score = compare["score"]
    assert score["after"] == weak["score"] == 100
    assert score["before"] < score["after"] and score["delta"] == score["after"] - score["before"]
    assert compare["dimensions"]["outcome"]["before"] < compare["dimensions"]["outcome"]["after"]
    assert compare["dimensions"]["outcome"]["after"] == weak["dimensions"]["outcome"]
    unchanged = files["copy/a.yaml"]["compare"]["score"]
    assert unchanged["before"] == unchanged["after"] and unchanged["delta"] == 0
    assert "compare" not in files["copy/brand-new.yaml"]  # not present at main


def test_compare_shows_the_change_in_terminal_markdown_and_html(improved: Path, vplint):
    data = json.loads(vplint(improved, "check", "copy", "--compare", "main", "-f", "json")[1])
    weak = next(e for e in data["files"] if e["path"] == "copy/weak.yaml")
    before, after = weak["compare"]["score"]["before"], weak["score"]
    change = f"{before} -> {after} (+{after - before})"
    out = vplint(improved, "check", "copy", "--compare", "main", "--no-color")[1]
    assert f"copy/weak.yaml · Empty  100/100 A  (main: {change})" in out
    outcome = weak["compare"]["dimensions"]["outcome"]
    assert re.search(rf"outcome .* 100  {outcome['before']} -> 100 \(\+\d+\)", out)
    out = vplint(improved, "check", "copy", "--compare", "main", "-f", "markdown")[1]
    assert "| Change |" in out and f"| 100 | {change} | A |" in out
    assert "| brand-new.yaml" not in out and "| new |" in out
    assert f"was {before} at main ({change.replace('>', '&gt;')})" in out
    out = vplint(improved, "check", "copy", "--compare", "main", "-f", "html")[1]
    assert change.replace(">", "&gt;") in out and "Change</th>" in out
    out = vplint(improved, "check", "copy", "--compare", "main", "-f", "github")[1]
    assert f"::notice file=copy/weak.yaml,title=vplint score change::copy/weak.yaml (Empty): " \
           f"score {change} against main" in out


def test_compare_pairs_propositions_of_a_file_by_name(repo: Path, vplint):
    two = "name: One\noutcome: Invoices paid\n---\nname: Two\nsegment: {who: x}\n"
    write(repo / "copy" / "two.yaml", two)
    commit(repo, "two propositions")
    swapped = "name: Two\noutcome: Invoices paid\n---\nname: One\noutcome: Invoices paid\n"
    (repo / "copy" / "two.yaml").write_text(swapped, "utf-8")
    out = vplint(repo, "check", "copy/two.yaml", "--compare", "HEAD", "-f", "json")[1]
    files = {e["name"]: e["compare"]["score"] for e in json.loads(out)["files"]}
    assert files["One"]["delta"] == 0  # One moved to second place but did not change
    assert files["Two"]["delta"] > 0  # Two gained an outcome


def test_compare_works_from_a_sub_folder_and_with_a_commit_id(improved: Path, vplint):
    main_id = git(improved, "rev-parse", "main").strip()
    out = vplint(improved / "copy", "check", "weak.yaml", "--compare", main_id, "-f", "json")[1]
    entry = json.loads(out)["files"][0]
    assert entry["path"] == "weak.yaml" and entry["compare"]["ref"] == main_id
    assert entry["compare"]["score"]["delta"] > 0


def test_compare_errors_exit_2(tmp_path: Path, repo: Path, vplint):
    code, _, err = vplint(repo, "check", "--compare", "no-such-branch")
    assert code == 2 and "unknown Git ref 'no-such-branch'" in err
    outside = make_project(tmp_path / "plain")
    write(outside / "a.yaml", GOOD)
    code, _, err = vplint(outside, "check", "--compare", "main")
    assert code == 2 and "is not inside a Git repository" in err
