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
