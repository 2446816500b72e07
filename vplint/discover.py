"""Find the files to lint: walk directories, keep proposition and copy files, honour
`include`/`exclude` patterns and `.gitignore` (gitignore syntax, via pathspec), and skip
what is never copy.

What a folder walk takes (ruff's `include`, with a sniff where the suffix says too little):
- Markdown and text files (`*.md`, `*.markdown`, `*.txt`): copy, except the text files
  NOT_COPY names (requirements.txt, robots.txt, LICENSE.txt ...);
- YAML files (`*.yaml`, `*.yml`) only when they look like a proposition: one of their
  top-level keys is a proposition field other than the generic `name`, `language` and
  `category`, or every top-level key is a proposition field (a stub with only `name:`);
  so `docker-compose.yml`, `mkdocs.yml` or an Ansible playbook are left alone;
- anything matching the configured `include` (which replaces the defaults above and is
  taken without a sniff) or `extend-include` (added to them, without a sniff).
Files named on the command line are linted whatever their name unless excluded.

Never taken: hidden files and folders, virtual environments, node_modules, build and
cache folders, configuration files, and vplint's own reports from earlier runs (a Markdown
report begins with a REPORT_HEADINGS line, a text report ends with its summary line). A
file this run is asked to write that would be linted is refused by the caller instead
(vplint never overwrites a file it lints).

The result is sorted, so the same files are linted in the same order whatever order the
paths were given in; and nothing here can hang or crash on an odd file system (symbolic
link loops, unreadable folders, file names that are not UTF-8).
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vplint.document import COPY_SUFFIXES, YAML_SUFFIXES, printable_path
from vplint.errors import UsageError
from vplint.fsutil import FolderResolver, repository_root
from vplint.lazyre import lazy

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env",
             ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".vplint_cache",
             "site-packages", "dist", "build"}
CONFIG_FILES = {".vplint.yaml", ".vplint.yml", ".pre-commit-config.yaml",
                ".pre-commit-hooks.yaml", "action.yml", "action.yaml"}
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt", "*.yaml", "*.yml"]
NOT_COPY = ("requirements*.txt", "constraints*.txt", "robots.txt", "license*", "licence*",
            "notice*", "copying*", "authors*", "cmakelists.txt", "*.lock.txt")
"""Text files by name that a walk never takes as copy: dependency pins, crawler rules,
licences, build files (matched case-insensitively; name them to lint them anyway)."""
"""What a walk considers by default (YAML then sniffed, see the module docstring)."""
REPORT_HEADINGS = (b"## vplint report\n", "## vplint 报告\n".encode())
"""The first line of vplint's Markdown report (each language), so a walk never lints it."""
TEXT_REPORT_END = lazy(
    r"(\d+ files?, \d+ propositions?: \d+ errors?, .*mean score [-\d]+.*"
    r"|\d+ 个文件,\d+ 个提案:.*平均分.*|No proposition files found\.|未找到提案文件。)\s*\Z")
"""The last line of a terminal, concise or statistics report written to a file."""
SNIFF_BYTES = 64 * 1024
_GENERIC_KEYS = {"name", "language", "category"}
_TOP_KEY = lazy(r"^(- )?([A-Za-z_][\w-]*)[ \t]*:", re.M)


def _spec(patterns: Iterable[str]) -> Any:
    patterns = list(patterns)
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _plain_file(path: Path) -> bool:
    """A regular file that is not a symbolic link: the only kind a walk peeks into. A link
    may lead out of the project (the linter reports it, unread) and opening a FIFO blocks."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _open_plain(path: Path):  # type: ignore[no-untyped-def]
    """The file opened for reading without following a link or blocking on a FIFO, or
    None when it cannot be opened so."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    return os.fdopen(fd, "rb")


def _head(path: Path, size: int) -> bytes | None:
    handle = _open_plain(path)
    if handle is None:
        return None
    with handle:
        try:
            return handle.read(size)
        except OSError:
            return None


def looks_like_proposition(path: Path) -> bool:
    """Whether a YAML file's top-level keys include a proposition field (see the module
    docstring). A file that is not a plain readable file is taken, so linting it reports
    why (a link out of the project, a FIFO, an unreadable file)."""
    from vplint.schema import FIELDS

    raw = _head(path, SNIFF_BYTES) if _plain_file(path) else None
    if raw is None:
        return True
    head = raw.decode("utf-8", "replace")
    keys = _TOP_KEY.findall(head)
    if any(key in FIELDS and key not in _GENERIC_KEYS for _, key in keys):
        return True
    mapping = [key for item, key in keys if not item]
    return bool(mapping) and len(mapping) == len(keys) and all(k in FIELDS for k in mapping)


def is_report(path: Path) -> bool:
    """Whether a Markdown or text file is a report vplint wrote (see the module docstring)."""
    if not _plain_file(path):
        return False
    handle = _open_plain(path)
    if handle is None:
        return False
    with handle:
        try:
            head = handle.read(64).removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
            if head.startswith(REPORT_HEADINGS):
                return True
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 512))
            tail = handle.read().decode("utf-8", "replace")
        except OSError:
            return False
    return bool(TEXT_REPORT_END.search(tail.splitlines()[-1] if tail.strip() else ""))


@dataclass
class FileChooser:
    """The settings that decide which files a walk takes (see the module docstring)."""

    root: Path = field(default_factory=Path.cwd)
    exclude: list[str] = field(default_factory=list)
    include: list[str] | None = None
    extend_include: list[str] = field(default_factory=list)
    respect_gitignore: bool = True

    def __post_init__(self) -> None:
        self.root = Path(self.root).resolve()
        self.resolve = FolderResolver()
        """`Path.resolve` for the files of this walk (each folder resolved once)."""
        self._exclude = _spec(self.exclude)
        self._include = _spec(self.include) if self.include is not None else None
        self._extend = _spec(self.extend_include)

    def excluded(self, path: Path) -> bool:
        """Whether `exclude` matches the path (relative to the configuration's root)."""
        if self._exclude is None:
            return False
        return self._exclude.match_file(self._relative(path))

    def _relative(self, path: Path) -> str:
        try:
            rel = self.resolve(path).relative_to(self.root).as_posix()
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a symbolic-link loop
            rel = path.as_posix()
        return rel + "/" if path.is_dir() else rel

    def included(self, path: Path) -> bool:
        """Whether a walk takes this file (include / extend-include / defaults + sniff)."""
        rel = self._relative(path)
        if self._extend is not None and self._extend.match_file(rel):
            return True
        if self._include is not None:
            return self._include.match_file(rel)
        name = path.name.lower()
        if name.endswith(COPY_SUFFIXES):
            return not any(fnmatch.fnmatchcase(name, p) for p in NOT_COPY) \
                and not is_report(path)
        return name.endswith(YAML_SUFFIXES) and looks_like_proposition(path)


def discover(paths: list[str], exclude: list[str] = (), root: str = ".",
             chooser: FileChooser | None = None, missing: list[str] | None = None
             ) -> Iterator[Path]:
    """Yield lintable files under `paths`, sorted and each once.

    Directories are walked (see the module docstring; symlinked folders not followed);
    files named on the command line are linted whatever their suffix unless excluded. A
    folder that cannot be listed is yielded itself, so linting it reports why instead of
    losing its files. A path that does not exist is appended to `missing` when a list is
    given (the caller reports it and lints the rest), else a UsageError raised before
    anything is yielded.
    """
    chooser = chooser or FileChooser(root=Path(root), exclude=list(exclude))
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            if missing is None:
                raise UsageError(f"path does not exist: {printable_path(raw)}")
            missing.append(raw)
            continue
        if path.is_dir():
            found.extend(_walk(path, chooser))
        elif not chooser.excluded(path):
            found.append(path)
    seen: set[Path] = set()
    for item in sorted(found):
        key = _identity(item, chooser.resolve)
        if key not in seen:
            seen.add(key)
            yield item


def _identity(path: Path, resolve: FolderResolver | None = None) -> Path:
    """What makes two paths the same file (a symlink stays itself; it may not resolve)."""
    if path.is_symlink():
        return path.absolute()
    try:
        return resolve(path) if resolve is not None else path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _walk(top: Path, chooser: FileChooser) -> Iterator[Path]:
    errors: list[OSError] = []
    ignores = GitIgnores(top) if chooser.respect_gitignore else None
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False, onerror=errors.append):
        base = Path(dirpath)
        ignored = ignores.for_directory(base) if ignores is not None else None
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in SKIP_DIRS and not d.startswith(".")
            and not (base / d / "pyvenv.cfg").exists()
            and not (base / d / "CACHEDIR.TAG").exists()
            and not chooser.excluded(base / d)
            and not (ignored is not None and ignored(base / d, True)))
        for name in sorted(filenames):
            if name.startswith(".") or name in CONFIG_FILES:
                continue
            path = base / name
            if ignored is not None and ignored(path, False):
                continue
            if chooser.excluded(path) or not chooser.included(path):
                continue
            yield path
    for error in errors:
        if error.filename is not None:
            yield Path(os.fsdecode(error.filename))


class GitIgnores:
    """`.gitignore` files as git reads them: each folder's file applies below it, deeper
    files and later lines win (negations included), and the files of the folders above
    the walked one count too, up to the repository's root (plus `.git/info/exclude`).

    Each folder's patterns are rewritten relative to the top folder's repository root and
    appended to its parent's, so one GitIgnoreSpec per folder decides with git's
    last-match-wins rule.
    """

    def __init__(self, top: Path) -> None:
        start = top.resolve()
        repo = repository_root(start)
        self.base = repo or start
        self._lines: dict[Path, list[str]] = {}
        self._specs: dict[Path, Any] = {}
        lines: list[str] = []
        if repo is not None:
            lines += _read_lines(repo / ".git" / "info" / "exclude")
        chain = [] if repo is None else list(reversed(start.relative_to(repo).parents))
        for rel in chain:  # the folders between the repository root and `top`
            lines += _anchor(_read_lines(self.base / rel / ".gitignore"), rel)
        self._lines[start] = lines + _anchor(_read_lines(start / ".gitignore"),
                                             start.relative_to(self.base))

    def for_directory(self, directory: Path) -> Any:
        """A predicate (path, is_dir) -> ignored, for the entries of `directory`."""
        resolved = directory.resolve()
        lines = self._lines.get(resolved)
        if lines is None:
            parent = self._lines.get(resolved.parent, [])
            lines = parent + _anchor(_read_lines(resolved / ".gitignore"),
                                     resolved.relative_to(self.base))
            self._lines[resolved] = lines
        spec = self._specs.get(resolved)
        if spec is None:
            spec = self._specs[resolved] = _spec(lines) if lines else False
        if spec is False:
            return lambda path, is_dir: False
        base = self.base

        def ignored(path: Path, is_dir: bool) -> bool:
            rel = (resolved / path.name).relative_to(base).as_posix()
            return spec.match_file(rel + "/" if is_dir else rel)

        return ignored


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8", "replace").splitlines()
    except OSError:
        return []


def _anchor(lines: list[str], folder: Path) -> list[str]:
    """Gitignore lines of `folder`'s .gitignore, rewritten to apply from the base folder."""
    prefix = folder.as_posix()
    if prefix in ("", "."):
        return [line for line in lines if line.strip() and not line.startswith("#")]
    out = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        negate = "!" if line.startswith("!") else ""
        pattern = line[1:] if negate else line
        body = pattern.rstrip("/")
        anchored = "/" in body  # a slash other than a trailing one anchors the pattern
        pattern = pattern.lstrip("/")
        out.append(f"{negate}/{prefix}/{pattern}" if anchored
                   else f"{negate}/{prefix}/**/{pattern}")
    return out
