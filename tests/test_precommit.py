"""The pre-commit hook, end to end: `pre-commit try-repo` installs vplint from this
repository's HEAD into its own virtual environment (pip, from PyPI) and runs the `vplint`
hook on a temporary Git repository holding a failing and a passing proposition.

The try-repo tests need the package index (pre-commit builds the hook's environment with
pip): they carry the `network` marker, so an offline run can leave them out with
`python -m pytest -m "not network"`. CI reaches the index and runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from ci_helpers import GOOD, HYPE, commit, git, init_repo, make_project, write

ROOT = Path(__file__).resolve().parent.parent


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "vplint")
    assert hook["entry"] == "vplint check" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"yaml", "markdown"}


@pytest.fixture(scope="module")
def head() -> str:
    """The commit try-repo installs; the hook file must be committed in it."""
    done = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e",
                           "HEAD:.pre-commit-hooks.yaml"], capture_output=True, check=False)
    assert done.returncode == 0, ".pre-commit-hooks.yaml must be committed for try-repo"
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("precommit") / "copy-repo")
    init_repo(root)
    write(root / "copy" / "bad.yaml", HYPE)
    write(root / "copy" / "good.yaml", GOOD)
    write(root / "copy" / "good.md", "# Invoices paid in 2 days\n\nFor finance teams.\n")
    commit(root, "copy")
    assert git(root, "status", "--porcelain") == ""
    return root


def try_repo(project: Path, head: str, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(project.parent / "pre-commit-home"),
           "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "vplint", "--ref", head,
         "--files", *files],
        cwd=project, capture_output=True, text=True, env=env, check=False, timeout=900)


@pytest.mark.network
def test_try_repo_fails_on_a_failing_proposition(project: Path, head: str):
    done = try_repo(project, head, "copy/bad.yaml")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "vplint" in output and "Failed" in output
    assert 'copy/bad.yaml:2:12 TST901 error   Hype word "revolutionary"' in output


@pytest.mark.network
def test_try_repo_passes_on_passing_propositions(project: Path, head: str):
    done = try_repo(project, head, "copy/good.yaml", "copy/good.md")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output and "TST901" not in output
