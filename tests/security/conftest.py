"""Fixtures for the attack tests: a repository under review (a Git checkout holding a
proposition that fails the gate), a folder outside it that must stay untouched and unread,
and the verdict of a clean run to compare every attacked run with."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

FAILING = """\
name: Rocket Pizza
outcome: The best, world-class, revolutionary pizza experience ever.
copy:
  headline: Synergy-driven best-in-class pizza solutions
"""
"""A proposition with errors (exit 1 under `--fail-under 70`)."""

SECRET = "TOP-SECRET-CI-TOKEN-7f3a"


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry below `folder`: content hash (files), mode and modification time."""
    out: dict[str, tuple[str, int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            info = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(folder))] = (digest, info.st_mode, info.st_mtime_ns)
    return out


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout under review: `.git`, one failing proposition."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "copy").mkdir()
    (root / "copy" / "pizza.yaml").write_text(FAILING, encoding="utf-8")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the checkout (the CI's other files) holding a secret."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (folder / "deploy.sh").write_text("echo deploying\n", encoding="utf-8")
    return folder


GATE = ("check", "copy", "-f", "github", "--fail-under", "70")
"""The documented CI gate."""


def gate(repo: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run the CI gate in the repository: (exit code, stdout, stderr)."""
    return run_cli(*GATE, *extra, cwd=repo, env=env)


@pytest.fixture
def clean_verdict(repo: Path) -> tuple[int, str]:
    """The gate's exit code and report before any attack (cache off)."""
    code, out, err = gate(repo, "--no-cache")
    assert code == 1, err
    return code, out


def assert_safe_lines(text: str) -> None:
    """No raw control character and no line a CI would take for a workflow command,
    beyond the reporter's own `::error`/`::warning`/`::notice` lines on stdout."""
    for line in text.splitlines():
        assert not any(ord(ch) < 32 and ch != "\t" or ord(ch) == 0x7F or
                       0x80 <= ord(ch) < 0xA0 for ch in line), repr(line)
