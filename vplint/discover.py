"""Find the files to lint: walk directories, keep proposition and copy files, honour
excludes (gitignore syntax, via pathspec) and skip what is never copy.

The result is sorted, so the same files are linted in the same order whatever order the
paths were given in; and nothing here can hang or crash on an odd file system (symbolic
link loops, unreadable folders, file names that are not UTF-8).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from vplint.document import SUFFIXES, printable_path
from vplint.errors import UsageError

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env",
             ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".vplint_cache",
             "site-packages", "dist", "build"}
CONFIG_FILES = {".vplint.yaml", ".vplint.yml", ".pre-commit-config.yaml",
                ".pre-commit-hooks.yaml", "action.yml", "action.yaml"}


def _spec(patterns: list[str]):  # type: ignore[no-untyped-def]
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def discover(paths: list[str], exclude: list[str] = (), root: str = ".") -> Iterator[Path]:
    """Yield lintable files under `paths`, sorted and each once.

    Directories are walked (hidden folders, virtual environments, node_modules and
    configured excludes skipped, symlinked folders not followed); files named on the
    command line are linted whatever their suffix unless excluded. A folder that cannot
    be listed is yielded itself, so linting it reports why instead of losing its files.
    A path that does not exist is a UsageError, raised before anything is yielded.
    """
    spec = _spec(list(exclude))
    root_path = Path(root).resolve()
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"path does not exist: {printable_path(raw)}")
        if path.is_dir():
            found.extend(_walk(path, spec, root_path))
        elif not _excluded(path, spec, root_path):
            found.append(path)
    seen: set[Path] = set()
    for item in sorted(found):
        key = _identity(item)
        if key not in seen:
            seen.add(key)
            yield item


def _identity(path: Path) -> Path:
    """What makes two paths the same file (a symlink stays itself; it may not resolve)."""
    if path.is_symlink():
        return path.absolute()
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _excluded(path: Path, spec, root: Path) -> bool:  # type: ignore[no-untyped-def]
    if spec is None:
        return False
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symbolic-link loop
        rel = path.as_posix()
    if path.is_dir():
        rel += "/"
    return spec.match_file(rel)


def _walk(top: Path, spec, root: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False, onerror=errors.append):
        base = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in SKIP_DIRS and not d.startswith(".")
            and not (base / d / "pyvenv.cfg").exists()
            and not _excluded(base / d, spec, root))
        for name in sorted(filenames):
            if name.startswith(".") or name in CONFIG_FILES:
                continue
            if not name.lower().endswith(SUFFIXES):
                continue
            path = base / name
            if not _excluded(path, spec, root):
                yield path
    for error in errors:
        if error.filename is not None:
            yield Path(os.fsdecode(error.filename))
