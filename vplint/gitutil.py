"""The little Git vplint needs: files changed since a ref, and a file's text at a ref.

Git is run as a subprocess (no library: every CI image has git, and its plumbing output
with -z is stable). Problems outside vplint's control - git missing, not a repository,
an unknown ref - are UsageErrors, which the CLI reports in one line with exit code 2.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from vplint.errors import UsageError

DEFAULT_BRANCHES = ("main", "master", "origin/main", "origin/master")
"""Tried in order when origin/HEAD does not say which branch is the default."""


class GitError(UsageError):
    """A Git command failed (not a repository, unknown ref, git missing)."""


def git(args: list[str], cwd: str | Path | None = None) -> bytes:
    """Run git and return its standard output; raise GitError with git's own message."""
    env = {**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env,
                              check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (it is needed for --changed and --compare)"
                       ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def toplevel(cwd: str | Path | None = None) -> Path:
    """The root of the work tree `cwd` is in; a clear error outside a repository."""
    try:
        out = git(["rev-parse", "--show-toplevel"], cwd)
    except GitError as exc:
        if "not a git repository" in str(exc).lower():
            where = Path(cwd or ".").resolve()
            raise GitError(f"{where} is not inside a Git repository "
                           "(--changed and --compare need one)") from None
        raise
    return Path(out.decode("utf-8").strip()).resolve()


def resolve(ref: str, cwd: str | Path | None = None) -> str:
    """The commit a ref names (branch, tag, sha, HEAD~1...), or a clear error."""
    if ref.startswith("-"):
        raise GitError(f"'{ref}' is not a Git ref")
    try:
        return git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"],
                   cwd).decode().strip()
    except GitError:
        raise GitError(f"unknown Git ref '{ref}' (a branch, tag or commit is needed)"
                       ) from None


def default_branch(cwd: str | Path | None = None) -> str:
    """The default branch: what origin/HEAD points to, else main or master."""
    try:
        head = git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], cwd).decode().strip()
        return head.removeprefix("refs/remotes/")
    except GitError:
        pass
    for name in DEFAULT_BRANCHES:
        try:
            resolve(name, cwd)
            return name
        except GitError:
            continue
    raise GitError("cannot tell the default branch (no origin/HEAD, main or master); "
                   "name the ref: --changed=REF")


def merge_base(ref: str, cwd: str | Path | None = None) -> str:
    """Where HEAD left `ref`: the commit to diff against (`ref` itself if unrelated)."""
    commit = resolve(ref, cwd)
    try:
        return git(["merge-base", "HEAD", commit], cwd).decode().strip()
    except GitError:
        return commit  # no common history (or no HEAD yet): compare with the ref itself


@dataclass
class ChangedFiles:
    """The files that differ from a base commit, as resolved absolute paths."""

    base: str
    description: str
    paths: set[Path] = field(default_factory=set)


def changed_files(ref: str | None = None, cwd: str | Path | None = None) -> ChangedFiles:
    """Files added, modified, renamed or untracked since the merge base of HEAD and `ref`
    (default: the default branch). Staged and unstaged edits both count; deleted files
    do not (there is nothing left to lint)."""
    root = toplevel(cwd)
    target = ref or default_branch(cwd)
    base = merge_base(target, cwd)
    diff = git(["diff", "--name-only", "-z", "--no-ext-diff", "--diff-filter=ACMRTU", base,
                "--"], root)
    untracked = git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], root)
    paths: set[Path] = set()
    for raw in (diff + untracked).split(b"\0"):
        if raw:
            path = (root / os.fsdecode(raw)).resolve()
            if path.is_file():
                paths.add(path)
    if base == resolve(target, cwd):
        description = f"{target} ({base[:12]})"
    else:
        description = f"{base[:12]} (the merge base with {target})"
    return ChangedFiles(base, description, paths)


def show(ref: str, path: str | Path, cwd: str | Path | None = None) -> bytes | None:
    """The bytes of `path` (a path in the work tree) as committed at `ref`, or None when
    the file did not exist there."""
    root = toplevel(cwd)
    try:
        relative = Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None  # outside the repository: no history to compare with
    try:
        return git(["cat-file", "blob", f"{ref}:{relative}"], root)
    except GitError:
        return None
