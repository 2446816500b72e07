"""A results cache like ruff's: an unchanged file under an unchanged configuration is not
linted again.

Each file's results are stored under a key that hashes, together:

- the run's fingerprint: the vplint version (and the size and modification time of its own
  source files, so a development checkout never serves stale results), the effective
  configuration (CLI flags included), the forced message language, the content of every
  rule and lexicon file of the catalogue and of configured `rules_dirs`, the lexicon terms
  after the configuration extended them, rules that plugins built in code, and the files
  of Python check modules that live outside vplint;
- the file's absolute path and the path shown in reports (per-file-ignores depend on them);
- the file's bytes.

So changing the configuration, a rule file or a lexicon, or editing the file, misses; a
re-run over an unchanged repository only reads and hashes the files. Entries live in
`.vplint_cache/` beside the configuration (or in the working directory), one small JSON
file each, written atomically (a temporary sibling renamed over); an entry that cannot be
read or does not decode is a miss, never an error. Results of a file on which a rule
crashed are not stored, so the crash (and its exit code) shows again on the next run.
`vplint check --no-cache` bypasses the cache and `vplint clean` removes it. In-memory text
(`Linter.lint_text`, `--compare`'s old versions) never touches it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vplint import __version__
from vplint.model import Finding, PropositionResult, Severity

if TYPE_CHECKING:
    from vplint.engine import Linter

CACHE_DIR = ".vplint_cache"
FORMAT = 1
"""Version of the entry format; bump it when `encode` changes."""

_RESULT_FIELDS = tuple(f.name for f in fields(PropositionResult))
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


def cache_dir(root: str | Path) -> Path:
    """Where the cache of a project lives: `.vplint_cache/` in its root."""
    return Path(root) / CACHE_DIR


def clean(root: str | Path) -> bool:
    """Remove the cache below `root`; True when there was one."""
    directory = cache_dir(root)
    if not directory.is_dir() or directory.is_symlink():
        return False
    shutil.rmtree(directory, ignore_errors=True)
    return True


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


class Cache:
    """Per-file results of one run's configuration, stored below `directory`."""

    def __init__(self, directory: Path, fingerprint: str, max_size: int | None = None) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.max_size = max_size
        self.hits = 0
        self.misses = 0
        self._writable = True
        self._made: set[str] = set()

    @classmethod
    def for_linter(cls, linter: Linter, root: str | Path | None = None) -> Cache | None:
        """The cache for a linter's configuration, in the configuration's root directory.

        None when `.vplint_cache` is a symbolic link: a repository must not be able to
        point vplint's writes somewhere else.
        """
        directory = cache_dir(root if root is not None else linter.config.root)
        if directory.is_symlink():
            return None
        return cls(directory / __version__, fingerprint(linter), linter.config.max_file_size)

    # ---- keys ---------------------------------------------------------------------------
    def key(self, path: Path, display: str) -> str | None:
        """The entry key of a file now, or None when it cannot be cached (not a regular
        file, unreadable, over the size limit: the linter reports those every time)."""
        try:
            # stat first: opening a FIFO that happens to be called *.yaml would block
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode):
                return None
            if self.max_size is not None and info.st_size > self.max_size:
                return None
            with open(path, "rb") as handle:
                data = handle.read() if self.max_size is None else handle.read(self.max_size + 1)
        except OSError:
            return None
        if self.max_size is not None and len(data) > self.max_size:
            return None  # it grew: the linter reports it as too big
        return _digest(self.fingerprint.encode(), os.path.abspath(path).encode("utf-8",
                       "surrogateescape"), display.encode("utf-8", "surrogateescape"), data)

    def _entry(self, key: str) -> Path:
        return self.directory / key[:2] / key[2:]

    # ---- reading and writing ----------------------------------------------------------
    def get(self, key: str) -> list[PropositionResult] | None:
        """The stored results for a key, or None (missing, unreadable or corrupt)."""
        try:
            raw = self._entry(key).read_bytes()
            data = json.loads(raw)
            results = decode(data["results"]) if data.get("format") == FORMAT else None
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            results = None
        if results is None:
            self.misses += 1
        else:
            self.hits += 1
        return results

    def put(self, key: str, results: list[PropositionResult]) -> None:
        """Store results under a key; a cache that cannot be written is silently skipped."""
        if not self._writable:
            return
        entry = self._entry(key)
        try:
            text = json.dumps({"format": FORMAT, "results": encode(results)},
                              ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # a result holding something JSON cannot say is simply not cached
        try:
            self._prepare(key[:2])
            tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
            # No fsync: a torn entry after a power cut reads as corrupt, which is a miss.
            tmp.write_bytes(text.encode("utf-8", "surrogateescape"))
            os.replace(tmp, entry)
        except OSError:
            self._writable = False

    def _prepare(self, shard: str) -> None:
        if shard in self._made:
            return
        prepare_root(self.directory.parent)
        (self.directory / shard).mkdir(parents=True, exist_ok=True)
        self._made.add(shard)


def prepare_root(root: Path) -> None:
    """Create the cache directory, marked (like ruff's) as never to be committed or backed
    up; raises OSError when it cannot be created."""
    if (root / ".gitignore").is_file():
        return
    from vplint.fsutil import atomic_write

    root.mkdir(parents=True, exist_ok=True)
    atomic_write(root / ".gitignore", "# Created by vplint.\n*\n")
    atomic_write(root / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"
                 "# This file is a cache directory tag created by vplint.\n")


# ---- the run's fingerprint ---------------------------------------------------------------
def fingerprint(linter: Linter) -> str:
    """Hash of everything besides the file itself that decides a file's results."""
    parts = [
        f"vplint {__version__} format {FORMAT} python {sys.version_info[:2]}",
        repr((_RESULT_FIELDS, _FINDING_FIELDS)),
        _code_fingerprint(),
        linter.config.fingerprint(),
        f"language={linter.forced_language}",
    ]
    registry = linter.registry
    files: set[Path] = set()
    for source in registry.sources:
        directory = Path(source)
        if directory.is_dir():
            files.update(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml"))
    for rule in registry.sorted():
        if rule.path and Path(rule.path).is_file():
            files.add(Path(rule.path))
        else:
            parts.append(f"rule {rule!r}")
        if rule.check and ":" in rule.check:
            parts.append(f"check {rule.check} {_module_stamp(rule.check.partition(':')[0])}")
    for path in sorted(files):
        try:
            parts.append(f"file {path} {_digest(path.read_bytes())}")
        except OSError:
            parts.append(f"file {path} unreadable")
    for name in sorted(registry.lexicons):
        parts.append(f"lexicon {name} {registry.lexicons[name].fingerprint()}")
    return _digest(*(p.encode("utf-8", "surrogateescape") for p in parts))


def _code_fingerprint() -> str:
    """Size and modification time of vplint's own modules (cheap: no reading)."""
    package = Path(__file__).resolve().parent
    stamps = []
    for path in sorted(package.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(stamps)


def _module_stamp(module: str) -> str:
    """Where a plugin's check module lives and when it changed, without importing it."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
        origin = spec.origin if spec is not None else None
        if origin and os.path.isfile(origin):
            info = os.stat(origin)
            return f"{origin}:{info.st_size}:{info.st_mtime_ns}"
    except (ImportError, ValueError, OSError):
        pass
    return "unknown"


# ---- results as JSON ----------------------------------------------------------------------
def encode(results: list[PropositionResult]) -> list[list[Any]]:
    """Results as plain JSON-able lists (field order of the dataclasses)."""
    out = []
    for result in results:
        row: list[Any] = []
        for name in _RESULT_FIELDS:
            if name == "findings":
                row.append([[f.severity.value if n == "severity" else getattr(f, n)
                             for n in _FINDING_FIELDS] for f in result.findings])
            else:
                row.append(getattr(result, name))
        out.append(row)
    return out


def decode(rows: list[list[Any]]) -> list[PropositionResult]:
    """The inverse of `encode`; raises (TypeError, ValueError, ...) on data of another shape."""
    results = []
    for row in rows:
        values = dict(zip(_RESULT_FIELDS, row, strict=True))
        findings = []
        for item in values["findings"]:
            finding = dict(zip(_FINDING_FIELDS, item, strict=True))
            finding["severity"] = Severity(finding["severity"])
            findings.append(Finding(**finding))
        values["findings"] = tuple(findings)
        if not isinstance(values["dimensions"], dict):
            raise TypeError("dimensions must be a mapping")
        results.append(PropositionResult(**values))
    return results
