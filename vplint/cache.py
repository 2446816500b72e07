"""A results cache like ruff's: an unchanged file under an unchanged configuration is not
linted again, and nothing the repository under review controls can change what it says.

Where it lives: in the user's cache directory, never in the repository. `--cache-dir`
(or the `VPLINT_CACHE_DIR` environment variable) moves it; otherwise it is
`$XDG_CACHE_HOME/vplint` (`~/.cache/vplint`) on Linux and other Unixes,
`~/Library/Caches/vplint` on macOS. A `.vplint_cache/` folder inside the repository (the
place older versions used, or one a pull request committed) is never read; `vplint check`
mentions it once and `vplint clean` removes it.

Each file's results are stored under a key that hashes, together:

- the run's fingerprint: the vplint version (and the size and modification time of its own
  source files, so a development checkout never serves stale results), the effective
  configuration (CLI flags included), the forced message language, the content of every
  rule and lexicon file of the catalogue and of configured `rules_dirs` (Python files in
  them too), the lexicon terms after the configuration extended them, rules that plugins
  built in code, and the Python files of the package of each check module outside vplint;
- the file's absolute path and the path shown in reports (per-file-ignores depend on them);
- the file's bytes.

How it is kept honest (docs/security.md): the cache root must be a folder the user owns
that no one else may write; every entry carries an HMAC-SHA256 tag made with a random
per-user key (`key`, mode 0600, in the cache root) over the entry's name and content, so a
planted, copied or corrupt entry is a miss, never a crash or a changed verdict. Every
path below the root is opened relative to its parent's descriptor without following
symbolic links; temporary files are created exclusively (O_EXCL) under random names and
renamed over; reads are bounded and never block (a FIFO or device is a miss). Results of a
file on which a rule crashed are not stored, so the crash (and its exit code) shows again
on the next run. In-memory text (`Linter.lint_text`, `--compare`'s old versions) never
touches it. Platforms without descriptor-relative file calls (Windows) run without it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
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

ENV_VAR = "VPLINT_CACHE_DIR"
LEGACY_DIR = ".vplint_cache"
"""The in-repository folder of older versions: never read, only reported and cleaned."""
CACHE_DIR = LEGACY_DIR  # kept for callers of the old name
FORMAT = 2
"""Version of the entry format; bump it when `encode` or the envelope changes."""
MAGIC = b"vplint-cache-2\n"
KEY_NAME = "key"
KEY_SIZE = 32
MAX_ENTRY = 16 * 1024 * 1024
"""Bytes read from one entry at most (a file's results are a few kilobytes)."""

_RESULT_FIELDS = tuple(f.name for f in fields(PropositionResult))
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW | _CLOEXEC
_READ_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC
_CREATE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC


class CacheUnavailable(Exception):
    """The cache directory cannot be used safely; the run goes on without a cache."""


def supported() -> bool:
    """Whether this platform has the descriptor-relative calls the cache relies on."""
    return bool(_NOFOLLOW) and all(
        call in os.supports_dir_fd for call in (os.open, os.mkdir, os.rename, os.link))


def default_root() -> Path:
    """The user's cache directory for vplint (before `--cache-dir` and the variable)."""
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "vplint"
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "vplint" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec: a relative value is invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "vplint"


def cache_root(explicit: str | Path | None = None) -> Path:
    """The cache root: `explicit` (--cache-dir), else $VPLINT_CACHE_DIR, else the default."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().absolute()
    return default_root()


def project_id(project_root: str | Path) -> str:
    """The name of a project's folder in the cache: a hash of its resolved root."""
    resolved = os.fsencode(os.path.realpath(project_root))
    return hashlib.blake2b(resolved, digest_size=12).hexdigest()


def cache_dir(project_root: str | Path, root: str | Path | None = None) -> Path:
    """Where a project's entries live in the cache root."""
    return cache_root(root) / "projects" / project_id(project_root)


def legacy_dir(project_root: str | Path) -> Path | None:
    """The project's in-repository `.vplint_cache/`, when there is one (link or not)."""
    candidate = Path(project_root) / LEGACY_DIR
    return candidate if os.path.lexists(candidate) else None


def clean(project_root: str | Path, root: str | Path | None = None) -> list[Path]:
    """Remove a project's entries from the cache and its legacy in-repository folder;
    the folders removed (none when there was nothing to remove)."""
    removed = []
    mine = cache_dir(project_root, root)
    if _real_dir(mine):
        shutil.rmtree(mine, ignore_errors=True)
        removed.append(mine)
    legacy = Path(project_root) / LEGACY_DIR
    if _real_dir(legacy):
        shutil.rmtree(legacy, ignore_errors=True)  # never follows links inside
        removed.append(legacy)
    elif legacy.is_symlink():
        legacy.unlink()  # the link only, never what it points to
        removed.append(legacy)
    return removed


def _real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


# ---- descriptor-relative file operations ------------------------------------------------
def _open_dir(name: str, parent: int | None, create: bool) -> int:
    """Open (and create, mode 0700) a folder without following a symbolic link."""
    if create:
        try:
            os.mkdir(name, 0o700, dir_fd=parent)
        except FileExistsError:
            pass
    return os.open(name, _DIR_FLAGS, dir_fd=parent)


def _read_bounded(name: str, directory: int, limit: int) -> bytes | None:
    """A regular file's bytes (at most `limit`), or None: a link, FIFO, device, folder,
    missing or oversized file is never read."""
    try:
        fd = os.open(name, _READ_FLAGS, dir_fd=directory)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _write_new(directory: int, data: bytes) -> str:
    """Write `data` to a new file of random name (created exclusively, mode 0600)."""
    while True:
        name = f".tmp-{secrets.token_hex(8)}"
        try:
            fd = os.open(name, _CREATE_FLAGS, 0o600, dir_fd=directory)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        _unlink(name, directory)
        raise
    return name


def _unlink(name: str, directory: int) -> None:
    try:
        os.unlink(name, dir_fd=directory)
    except OSError:
        pass


def _check_private(fd: int, what: str) -> None:
    info = os.fstat(fd)
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise CacheUnavailable(f"{what} belongs to another user")
    if info.st_mode & 0o022:
        raise CacheUnavailable(f"{what} may be written by other users")


def _user_key(root: int, where: Path) -> bytes:
    """The per-user secret, created (0600, exclusively) on first use."""
    for _ in range(3):
        data = _read_key(root, where)
        if data is not None:
            return data
        tmp = _write_new(root, secrets.token_bytes(KEY_SIZE))
        try:
            # link() never replaces: of two runs creating the key at once, one key wins.
            os.link(tmp, KEY_NAME, src_dir_fd=root, dst_dir_fd=root, follow_symlinks=False)
        except FileExistsError:
            pass
        finally:
            _unlink(tmp, root)
    raise CacheUnavailable(f"cannot create the cache key in {where}")


def _read_key(root: int, where: Path) -> bytes | None:
    try:
        fd = os.open(KEY_NAME, _READ_FLAGS, dir_fd=root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CacheUnavailable(f"the cache key in {where} cannot be read "
                               f"({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size != KEY_SIZE:
            raise CacheUnavailable(f"the cache key in {where} is not vplint's")
        if (hasattr(os, "getuid") and info.st_uid != os.getuid()) or info.st_mode & 0o077:
            raise CacheUnavailable(f"the cache key in {where} is readable by other users "
                                   "or not yours")
        data = os.read(fd, KEY_SIZE + 1)
    finally:
        os.close(fd)
    if len(data) != KEY_SIZE:
        raise CacheUnavailable(f"the cache key in {where} is not vplint's")
    return data


class Cache:
    """Per-file results of one run's configuration, stored below `root` for one project.

    Folders are opened lazily (in each worker process of its own), so building a Cache
    touches nothing; `open` checks the root and reads the key up front.
    """

    def __init__(self, root: Path, project: str, fingerprint: str,
                 max_size: int | None = None) -> None:
        self.root = root
        self.project = project
        self.fingerprint = fingerprint
        self.max_size = max_size
        self.directory = root / "projects" / project / __version__
        self.hits = 0
        self.misses = 0
        self._key: bytes | None = None
        self._fd: int | None = None
        self._pid: int | None = None
        self._usable = True

    @classmethod
    def for_linter(cls, linter: Linter, root: str | Path | None = None) -> Cache | None:
        """The cache for a linter's configuration in the cache root (`root`, else
        $VPLINT_CACHE_DIR, else the user's cache directory); None when it cannot be used
        safely here (see `open` for why)."""
        try:
            return cls.open(linter, root)
        except CacheUnavailable:
            return None

    @classmethod
    def open(cls, linter: Linter, root: str | Path | None = None) -> Cache:
        """Like `for_linter`, but raises CacheUnavailable saying why it cannot be used."""
        if not supported():
            raise CacheUnavailable("this platform lacks the safe file calls the cache needs")
        cache = cls(cache_root(root), project_id(linter.config.root), fingerprint(linter),
                    linter.config.max_file_size)
        cache._ensure()
        return cache

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_fd"] = state["_pid"] = None  # descriptors belong to one process
        return state

    def _ensure(self) -> int:
        """The descriptor of this project's version folder, opened in this process."""
        if self._fd is not None and self._pid == os.getpid():
            return self._fd
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.root, _DIR_FLAGS)
        except OSError as exc:
            raise CacheUnavailable(f"cannot use {self.root} ({exc.strerror or exc})") from None
        try:
            _check_private(fd, str(self.root))
            self._key = _user_key(fd, self.root)
            _tag(fd)
            chain = fd
            try:
                for name in ("projects", self.project, __version__):
                    inner = _open_dir(name, chain, create=True)
                    if chain != fd:
                        os.close(chain)
                    chain = inner
            except BaseException:
                if chain != fd:
                    os.close(chain)
                raise
        except OSError as exc:
            raise CacheUnavailable(f"cannot use {self.root} ({exc.strerror or exc})") from None
        finally:
            os.close(fd)
        self._fd, self._pid = chain, os.getpid()
        return chain

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

    def _sign(self, key: str, payload: bytes) -> bytes:
        assert self._key is not None
        return hmac.new(self._key, key.encode() + b"\0" + payload, hashlib.sha256).digest()

    # ---- reading and writing ----------------------------------------------------------
    def get(self, key: str) -> list[PropositionResult] | None:
        """The stored results for a key, or None (missing, unreadable, forged, corrupt)."""
        results = self._read(key)
        if results is None:
            self.misses += 1
        else:
            self.hits += 1
        return results

    def _read(self, key: str) -> list[PropositionResult] | None:
        if not self._usable:
            return None
        try:
            base = self._ensure()
            shard = os.open(key[:2], _DIR_FLAGS, dir_fd=base)
        except (OSError, CacheUnavailable):
            return None
        try:
            raw = _read_bounded(key[2:], shard, MAX_ENTRY)
        finally:
            os.close(shard)
        if raw is None or not raw.startswith(MAGIC):
            return None
        tag, payload = raw[len(MAGIC):len(MAGIC) + 32], raw[len(MAGIC) + 32:]
        if not hmac.compare_digest(tag, self._sign(key, payload)):
            return None
        try:
            data = json.loads(payload.decode("utf-8", "surrogateescape"))
            return decode(data["results"]) if data.get("format") == FORMAT else None
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return None

    def put(self, key: str, results: list[PropositionResult]) -> None:
        """Store results under a key; a cache that cannot be written is silently skipped."""
        if not self._usable:
            return
        try:
            text = json.dumps({"format": FORMAT, "results": encode(results)},
                              ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # a result holding something JSON cannot say is simply not cached
        payload = text.encode("utf-8", "surrogateescape")
        try:
            base = self._ensure()
            shard = _open_dir(key[:2], base, create=True)
        except (OSError, CacheUnavailable):
            self._usable = False
            return
        try:
            # No fsync: a torn entry after a power cut fails its tag, which is a miss.
            tmp = _write_new(shard, MAGIC + self._sign(key, payload) + payload)
            try:
                os.rename(tmp, key[2:], src_dir_fd=shard, dst_dir_fd=shard)
            except OSError:
                _unlink(tmp, shard)
                raise
        except OSError:
            self._usable = False
        finally:
            os.close(shard)


def _tag(root: int) -> None:
    """Mark the cache root (like ruff's) as never to be backed up."""
    try:
        tmp = _write_new(root, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                         b"# This file is a cache directory tag created by vplint.\n")
    except OSError:
        return
    try:
        os.link(tmp, "CACHEDIR.TAG", src_dir_fd=root, dst_dir_fd=root, follow_symlinks=False)
    except OSError:
        pass
    finally:
        _unlink(tmp, root)


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
            files.update(p for p in directory.rglob("*")
                         if p.suffix in (".yaml", ".yml", ".py") and p.is_file())
    for rule in registry.sorted():
        if rule.path and Path(rule.path).is_file():
            files.add(Path(rule.path))
        else:
            parts.append(f"rule {rule!r}")
        if rule.check and ":" in rule.check:
            parts.append(f"check {rule.check} {_package_stamp(rule.check.partition(':')[0])}")
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
    return _tree_stamp(Path(__file__).resolve().parent)


def _tree_stamp(package: Path) -> str:
    stamps = []
    for path in sorted(package.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:
            continue
        stamps.append(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(stamps)


def _package_stamp(module: str) -> str:
    """Every Python file of the top-level package holding a check module (so a change to
    a plugin's helper module misses too), found without importing it."""
    import importlib.util

    top = module.split(".")[0]
    try:
        spec = importlib.util.find_spec(top)
        if spec is None:
            return "unknown"
        if spec.submodule_search_locations:
            return ";".join(_tree_stamp(Path(p)) for p in spec.submodule_search_locations)
        if spec.origin and os.path.isfile(spec.origin):
            info = os.stat(spec.origin)
            return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"
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
    if not isinstance(rows, list):
        raise TypeError("results must be a list")
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
