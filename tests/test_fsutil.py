"""File-system helpers (vplint.fsutil)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vplint.fsutil import FolderResolver


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_folder_resolver_resolves_as_path_resolve(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain files, files in a linked folder, linked files, links out of the tree, a
    dangling link, `..`, missing files and relative paths resolve as `Path.resolve` does,
    asked in any order and more than once."""
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    for name in ("a.md", "sub/b.md"):
        (real / name).write_text("x", encoding="utf-8")
    (outside / "secret.md").write_text("x", encoding="utf-8")
    (real / "linked").symlink_to(real / "sub")
    (real / "out.md").symlink_to(outside / "secret.md")
    (real / "outdir").symlink_to(outside)
    (real / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    monkeypatch.chdir(real)
    paths = [real / "a.md", real / "sub" / "b.md", real / "linked" / "b.md",
             real / "out.md", real / "outdir" / "secret.md", real / "dangling.md",
             real / "sub" / "..", real / "sub" / ".." / "a.md", real / "missing.md",
             Path("a.md"), Path("linked/b.md"), Path("outdir/secret.md"), Path("."),
             Path("sub/../a.md")]
    resolve = FolderResolver()
    for path in paths + paths[::-1]:
        assert resolve(path) == path.resolve(), path
    # a folder replaced by a link is what the next resolver sees (one run, one resolver)
    (real / "sub" / "b.md").unlink()
    (real / "sub").rmdir()
    (real / "sub").symlink_to(outside)
    (outside / "b.md").write_text("x", encoding="utf-8")
    assert FolderResolver()(real / "sub" / "b.md") == outside.resolve() / "b.md"
