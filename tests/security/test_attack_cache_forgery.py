"""Attack: forge the cache. A committed `.vplint_cache/` (results, compiled regex programs,
parsed rule files: every kind of entry older versions read) and forged, foreign or
corrupt entries in the user's cache must never change the verdict or crash the run."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
from pathlib import Path

import pytest

from tests.security.conftest import gate, snapshot
from vplint import __version__
from vplint.cache import FORMAT, KEY_NAME, LEGACY_DIR, MAGIC, encode
from vplint.model import PropositionResult


def _passing(results: list[PropositionResult]) -> bytes:
    """A payload saying every proposition is perfect (what an attacker wants served)."""
    forged = [dataclasses.replace(r, findings=(), score=100, grade="A") for r in results]
    return json.dumps({"format": FORMAT, "results": encode(forged)}).encode()


def _entries(cache_root: Path) -> list[Path]:
    return sorted(p for p in cache_root.glob(f"projects/*/{__version__}/*/*")
                  if not p.name.startswith("."))


def _results_of(entry: Path) -> list[PropositionResult]:
    from vplint.cache import decode

    payload = entry.read_bytes()[len(MAGIC) + 32:]
    return decode(json.loads(payload)["results"])


def test_a_committed_cache_of_every_kind_is_never_read(repo, clean_verdict):
    legacy = repo / LEGACY_DIR
    for kind in (__version__, f"{__version__}/regex", f"{__version__}/yaml", "regex", "yaml"):
        folder = legacy / kind / "ab"
        folder.mkdir(parents=True)
        (folder / ("c" * 38)).write_text('{"format": 1, "results": []}', encoding="utf-8")
        (folder / "program").write_bytes(b"\x00" * 64)  # a "compiled regex program"
    (legacy / "yaml" / "rule.json").write_text(
        json.dumps({"severity": "info", "weight": 0}), encoding="utf-8")
    before = snapshot(legacy)
    code, out, err = gate(repo)
    assert (code, out) == clean_verdict
    assert err.count(LEGACY_DIR) == 1 and "never read" in err  # reported once
    assert snapshot(legacy) == before
    code, out, err = gate(repo)  # warm: served from the user's cache, still the same
    assert (code, out) == clean_verdict


@pytest.mark.parametrize("forgery", ["wrong key", "no tag", "swapped", "truncated",
                                     "garbage", "empty", "huge"])
def test_forged_foreign_or_corrupt_entries_are_misses(repo, clean_verdict, _private_cache,
                                                      forgery):
    assert gate(repo)[:2] == clean_verdict  # fills the cache
    (entry,) = _entries(_private_cache)
    payload = _passing(_results_of(entry))
    if forgery == "wrong key":
        name = entry.parent.name + entry.name
        tag = hmac.new(os.urandom(32), name.encode() + b"\0" + payload, hashlib.sha256)
        entry.write_bytes(MAGIC + tag.digest() + payload)
    elif forgery == "no tag":
        entry.write_bytes(payload)
    elif forgery == "swapped":  # a genuine entry, but of another file
        (repo / "copy" / "other.yaml").write_text("name: Other\noutcome: fine\n",
                                                  encoding="utf-8")
        gate(repo)
        other = next(e for e in _entries(_private_cache) if e != entry)
        entry.write_bytes(other.read_bytes())
        (repo / "copy" / "other.yaml").unlink()
    elif forgery == "truncated":
        entry.write_bytes(entry.read_bytes()[:-10])
    elif forgery == "garbage":
        entry.write_bytes(os.urandom(4096))
    elif forgery == "empty":
        entry.write_bytes(b"")
    else:
        entry.write_bytes(MAGIC + b"\0" * (17 * 1024 * 1024))  # over the read bound
    code, out, _ = gate(repo)
    assert (code, out) == clean_verdict


def test_the_forgery_would_work_with_the_users_key(repo, clean_verdict, _private_cache):
    """The control for the test above: signed with the real key, the same forged payload
    is served, so the tag is what keeps the verdict (and the forgery is a real one)."""
    gate(repo)
    (entry,) = _entries(_private_cache)
    name = entry.parent.name + entry.name
    payload = _passing(_results_of(entry))
    key = (_private_cache / KEY_NAME).read_bytes()
    tag = hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()
    entry.write_bytes(MAGIC + tag + payload)
    assert gate(repo)[0] == 0


@pytest.mark.parametrize("problem", ["readable key", "short key", "shared root"])
def test_a_cache_that_is_not_private_is_not_used(repo, clean_verdict, _private_cache,
                                                 problem):
    gate(repo)
    key = _private_cache / KEY_NAME
    if problem == "readable key":
        key.chmod(0o644)
    elif problem == "short key":
        key.write_bytes(b"0123")
    else:
        _private_cache.chmod(0o777)
    code, out, err = gate(repo)
    assert (code, out) == clean_verdict
    assert "results cache off" in err


def test_the_cache_and_its_key_are_created_private(repo, tmp_path):
    fresh = tmp_path / "fresh" / "cache"
    gate(repo, "--cache-dir", str(fresh))
    info = (fresh / KEY_NAME).stat()
    assert info.st_mode & 0o777 == 0o600 and info.st_size == 32
    assert fresh.stat().st_mode & 0o077 == 0
