"""Helpers for the CI-gate tests: a throw-away project with a deterministic rule set, a
Git repository around it, and a way to run `vplint` and collect (exit code, out, err)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from vplint.cli import main

HOUSE_RULE = """\
code: TST901
name: no-hype
severity: error
weight: 3
dimension: clarity
extends: existence
params:
  fields: [outcome, copy]
  terms: [revolutionary, game-changing, 颠覆性]
message:
  en: "Hype word \\"{match}\\": say what it does instead."
  zh: "夸大词“{match}”：直接说它做什么。"
docs:
  en: {what: Flags hype words., why: They say nothing., example: "outcome: revolutionary",
       use_instead: "outcome: invoices paid in 2 days"}
"""
CONFIG = "rules_dirs: [house]\nexclude: [house/]\nselect: [OUT001, TIM001, TST901]\n"

GOOD = "name: Good\noutcome: Invoices paid in 2 days\n"
"""No finding of the selected rules."""
HYPE = "name: Hype\noutcome: A revolutionary way to get invoices paid within 14 days\n"
"""One TST901 error (the match "revolutionary")."""
NO_OUTCOME = "name: Empty\nsegment: {who: finance teams}\n"
"""OUT001 (error) and TIM001 (warning)."""

Run = Callable[..., tuple[int, str, str]]


def make_project(root: Path) -> Path:
    """A project folder whose .vplint.yaml selects a few deterministic rules."""
    (root / "house").mkdir(parents=True, exist_ok=True)
    (root / "house" / "TST901.yaml").write_text(HOUSE_RULE, encoding="utf-8")
    (root / ".vplint.yaml").write_text(CONFIG, encoding="utf-8")
    return root


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def git(root: Path, *args: str) -> str:
    """Run git in `root` and return its output (failing the test on an error)."""
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def init_repo(root: Path) -> Path:
    """A Git repository on branch main with a committer identity of its own."""
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "vplint tests")
    git(root, "config", "user.email", "tests@vplint.invalid")
    git(root, "config", "commit.gpgsign", "false")
    return root


def commit(root: Path, message: str = "change") -> str:
    """Commit everything in the work tree; return the new commit's id."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD").strip()


@pytest.fixture(name="isolated_git")
def isolated_git_fixture(monkeypatch, tmp_path_factory) -> None:
    """Keep the machine's Git configuration out of the tests."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(name="vplint")
def vplint_fixture(capsys, monkeypatch) -> Run:
    """Run `vplint ARGS` in a folder: vplint(cwd, *args) -> (code, stdout, stderr)."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def invoke(cwd: Path, *args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        with pytest.raises(SystemExit) as exit_info:
            quiet_bar = args[:1] == ("check",) and not {"--progress", "--no-progress"} & set(args)
            main([*args, "--no-progress"] if quiet_bar else list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return exit_info.value.code, out, err

    return invoke
