"""Writing files atomically: a report, baseline or starter file is either the old one or
the new one, never half of one (write a temporary sibling, then rename over)."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def atomic_write(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` in one rename.

    The file gets the mode any new file would get (0666 less the umask), or keeps the mode
    of the file it replaces: mkstemp's private 0600 would hide a report from the CI's
    other steps and users.
    """
    import tempfile  # with shutil, random, bz2 and lzma: only when a file is written

    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _mode_for(target))
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _mode_for(target: Path) -> int:
    try:
        info = os.stat(target)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    mask = os.umask(0o022)  # the only way to read the umask is to set it...
    os.umask(mask)  # ...and put it straight back
    return 0o666 & ~mask


class FolderResolver:
    """`Path.resolve()` for many files in few folders, for the span of one walk or run.

    Each folder is resolved once; a file that is not a symbolic link resolves to its
    resolved folder joined with its name. That is what `resolve` gives (it resolves the
    components left to right), with one `lstat` instead of one per component of the path
    (three resolves per linted file cost ~50 µs of CPU and more of wall time on a virtual
    machine, where each system call is dear). A link, a name such as `..`, or a file that
    cannot be examined goes through `resolve` itself. Keep an instance no longer than one
    run: a folder replaced by a link afterwards would be taken for what it was.
    """

    def __init__(self) -> None:
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> Path:
        """`path.resolve()` (the same exceptions: OSError, RuntimeError for a loop)."""
        name = path.name
        if name in ("", ".", ".."):
            return path.resolve()
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return path.resolve()
        except (OSError, ValueError):
            return path.resolve()
        parent = path.parent
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = parent.resolve()
        return folder / name


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds `.git`, or None."""
    for directory in [start, *start.parents]:
        if os.path.lexists(directory / ".git"):
            return directory
    return None
