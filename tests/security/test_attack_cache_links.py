"""Attack: symbolic links in and to the cache, and planted temporary files. Links must
never be followed (no write outside, no endless read of /dev/zero, no hang on a FIFO),
and a link planted where a temporary file would go must not redirect a write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security.conftest import gate, snapshot
from vplint import __version__
from vplint.cache import LEGACY_DIR


def _project_folder(cache_root: Path) -> Path:
    (folder,) = (cache_root / "projects").iterdir()
    return folder / __version__


def _entry(cache_root: Path) -> Path:
    (entry,) = [p for p in _project_folder(cache_root).glob("*/*") if not p.name.startswith(".")]
    return entry


@pytest.mark.parametrize("target", ["/dev/zero", "fifo", "outside file", "dangling"])
def test_an_entry_that_is_a_link_is_a_miss(repo, outside, clean_verdict, _private_cache,
                                           target):
    gate(repo)
    entry = _entry(_private_cache)
    entry.unlink()
    if target == "fifo":
        fifo = outside / "pipe"
        os.mkfifo(fifo)
        entry.symlink_to(fifo)
    elif target == "outside file":
        entry.symlink_to(outside / "deploy.sh")
    elif target == "dangling":
        entry.symlink_to(outside / "nothing-here")
    else:
        entry.symlink_to(target)
    before = snapshot(outside)
    code, out, _ = gate(repo)  # returns: neither reads /dev/zero nor blocks on the FIFO
    assert (code, out) == clean_verdict
    assert snapshot(outside) == before
    assert not (outside / "nothing-here").exists()


def test_an_entry_that_is_a_fifo_is_a_miss(repo, clean_verdict, _private_cache):
    gate(repo)
    entry = _entry(_private_cache)
    entry.unlink()
    os.mkfifo(entry)
    assert gate(repo)[:2] == clean_verdict


def test_a_linked_shard_or_project_folder_is_not_written_through(repo, outside,
                                                                  clean_verdict,
                                                                  _private_cache):
    gate(repo)
    version = _project_folder(_private_cache)
    for shard in list(version.iterdir()):
        for item in shard.iterdir():
            item.unlink()
        shard.rmdir()
        shard.symlink_to(outside)  # every shard now leads outside
    before = snapshot(outside)
    assert gate(repo)[:2] == clean_verdict
    assert snapshot(outside) == before


def test_a_linked_cache_root_is_not_used(repo, outside, clean_verdict, tmp_path):
    link = tmp_path / "cache-link"
    link.symlink_to(outside)
    before = snapshot(outside)
    code, out, err = gate(repo, "--cache-dir", str(link))
    assert (code, out) == clean_verdict and "results cache off" in err
    assert snapshot(outside) == before


def test_planted_temporary_file_links_do_not_redirect_writes(repo, outside, clean_verdict,
                                                             _private_cache):
    """Links at every name an older vplint would have used for its temporary files
    (`.<entry>.<pid>.tmp`), for this and nearby process ids."""
    gate(repo, "--no-cache")
    gate(repo)
    entry = _entry(_private_cache)
    shard = entry.parent
    entry.unlink()
    pid = os.getpid()
    for guess in range(pid - 50, pid + 50):
        (shard / f".{entry.name}.{guess}.tmp").symlink_to(outside / "deploy.sh")
    before = snapshot(outside)
    assert gate(repo)[:2] == clean_verdict
    assert snapshot(outside) == before
    assert entry.is_file() and not entry.is_symlink()  # written fresh, in place


def test_a_legacy_cache_linked_outside_is_neither_read_nor_written(repo, outside,
                                                                   clean_verdict):
    (repo / LEGACY_DIR).symlink_to(outside)
    before = snapshot(outside)
    code, out, err = gate(repo)
    assert (code, out) == clean_verdict and LEGACY_DIR in err
    assert snapshot(outside) == before


def test_clean_removes_a_linked_legacy_cache_but_not_its_target(repo, outside):
    from tests.cli_runner import run_cli

    (repo / LEGACY_DIR).symlink_to(outside)
    before = snapshot(outside)
    code, out, _ = run_cli("clean", cwd=repo)
    assert code == 0 and "removed" in out
    assert not os.path.lexists(repo / LEGACY_DIR)
    assert snapshot(outside) == before
