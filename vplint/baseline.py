"""Baselines: put the gate on a repository that already has findings.

`vplint check --write-baseline FILE` records today's findings; `--baseline FILE` then hides
the recorded ones and fails only on new ones. A finding is recognised by its path, code,
field and a fingerprint of the text it is about - never its line - so editing or moving
other lines keeps the match. Identical findings in one file are counted, so a second copy
of a known problem is new. Recorded findings that no longer occur are reported as gone, and
`--baseline FILE --write-baseline FILE` rewrites the file without them (it never adds).

The file is JSON, sorted and indented so that its diffs review well:

    {"version": 1, "tool": "vplint",
     "findings": [{"path": "copy/home.md", "code": "PRF001", "field": "proof",
                   "fingerprint": "3f2a...", "count": 1, "text": "..."}]}

Paths are relative to the baseline file's folder, so the file works from any directory.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from vplint.errors import ConfigError, UsageError
from vplint.lazyre import lazy
from vplint.model import Finding, PropositionResult

BASELINE_VERSION = 1
MAX_BASELINE = 256 * 1024 * 1024
"""Bytes a baseline file may have (a million findings take about 200 MB)."""
_SPACE = lazy(r"\s+")
_DIGITS = lazy(r"\d+")

Key = tuple[str, str, str, str]
"""(path, code, field, fingerprint): what makes two findings the same finding."""


def normalize(text: str) -> str:
    """Text as a fingerprint sees it: NFKC (full-width = half-width), case-folded, with
    runs of white space collapsed, so re-wrapping a paragraph changes nothing."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def offending_text(finding: Finding) -> str:
    """What a finding is about: the matched text; for a finding about a missing or whole
    field, nothing more than the field; else its message without numbers (which may be
    line numbers)."""
    if finding.match:
        return normalize(finding.match)
    if finding.field:
        return ""
    return _DIGITS.sub("#", normalize(finding.message))


def fingerprint(finding: Finding) -> str:
    """A stable hash of code, field and offending text (not the path, not the line)."""
    data = "\0".join((finding.code, finding.field or "", offending_text(finding)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def occurrence_fingerprints(path: str, findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding of a file, unique within the file and independent of
    lines: the n-th finding with the same code, field and text gets ordinal n. For reports
    (GitLab Code Quality, SARIF) that compare runs by fingerprint."""
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        base = fingerprint(finding)
        seen[base] += 1
        data = f"{path}\0{base}\0{seen[base]}"
        out.append(hashlib.sha256(data.encode("utf-8")).hexdigest()[:32])
    return out


@dataclass(frozen=True)
class Entry:
    """A recorded finding (or `count` identical ones) of the baseline file."""

    path: str
    code: str
    field: str
    fingerprint: str
    count: int = 1
    text: str = ""

    @property
    def key(self) -> Key:
        """The matching key."""
        return (self.path, self.code, self.field, self.fingerprint)

    def describe(self) -> str:
        """One human line: where, which rule, about what."""
        about = f" {self.field}" if self.field else ""
        text = f" \"{self.text}\"" if self.text else ""
        times = f" (x{self.count})" if self.count > 1 else ""
        return f"{self.path}: {self.code}{about}{text}{times}"

    def to_dict(self) -> dict:
        """The entry as stored in the file."""
        return {"path": self.path, "code": self.code, "field": self.field or None,
                "fingerprint": self.fingerprint, "count": self.count, "text": self.text}


@dataclass
class BaselineStats:
    """How a run compared with the baseline."""

    new: int = 0
    known: int = 0
    gone: list[Entry] = field(default_factory=list)


def _relative(display: str, directory: Path) -> str:
    absolute = os.path.abspath(display)
    try:
        return Path(os.path.relpath(absolute, directory)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()


def _entry_for(finding: Finding, directory: Path) -> Entry:
    return Entry(path=_relative(finding.path, directory), code=finding.code,
                 field=finding.field or "", fingerprint=fingerprint(finding),
                 text=(finding.match or finding.message)[:200])


class Baseline:
    """The recorded findings, consumed as a run's results stream past."""

    def __init__(self, entries: Iterable[Entry], directory: Path, source: str = "") -> None:
        self.directory = directory
        self.source = source
        self.entries = {e.key: e for e in entries}
        self.remaining: Counter[Key] = Counter({k: e.count for k, e in self.entries.items()})
        self.linted: set[str] = set()
        self._stats = BaselineStats()

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file, with errors that say what is wrong and how to fix it."""
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"baseline file not found: {path} "
                             f"(create it with --write-baseline {path})")
        try:
            # The baseline is usually committed: a link to /dev/zero or a FIFO must not
            # hang the run (is_file() follows links, so check the opened file itself).
            with open(file, "rb") as handle:
                if os.fstat(handle.fileno()).st_size > MAX_BASELINE:
                    raise ConfigError(f"the baseline is over {MAX_BASELINE:,} bytes",
                                      str(path))
                data = json.loads(handle.read(MAX_BASELINE + 1).decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise ConfigError(f"cannot read the baseline: {exc}", str(path)) from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise ConfigError("not a vplint baseline (expected {\"version\": 1, "
                              "\"findings\": [...]})", str(path))
        if data.get("version") != BASELINE_VERSION:
            raise ConfigError(f"baseline version {data.get('version')!r} is not supported "
                              f"(this vplint writes version {BASELINE_VERSION})", str(path))
        entries = []
        for number, item in enumerate(data["findings"], 1):
            try:
                entries.append(Entry(path=str(item["path"]), code=str(item["code"]),
                                     field=str(item.get("field") or ""),
                                     fingerprint=str(item["fingerprint"]),
                                     count=int(item.get("count", 1)),
                                     text=str(item.get("text") or "")))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ConfigError(f"finding #{number} needs path, code and fingerprint",
                                  str(path)) from None
        merged: dict[Key, Entry] = {}
        for entry in entries:
            if entry.key in merged:
                entry = replace(entry, count=entry.count + merged[entry.key].count)
            merged[entry.key] = entry
        return cls(merged.values(), file.resolve().parent, str(path))

    def key(self, finding: Finding) -> Key:
        """The matching key of a finding of this run."""
        return _entry_for(finding, self.directory).key

    def split(self, result: PropositionResult
              ) -> tuple[PropositionResult, PropositionResult]:
        """(result with only the new findings, result with only the known ones)."""
        self.linted.add(_relative(result.path, self.directory))
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in result.findings:
            key = self.key(finding)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                known.append(finding)
            else:
                new.append(finding)
        self._stats.new += len(new)
        self._stats.known += len(known)
        return replace(result, findings=tuple(new)), replace(result, findings=tuple(known))

    def stats(self) -> BaselineStats:
        """New and known counts so far, and the recorded findings of linted files that no
        longer occur (files not linted this run, e.g. with --changed, are not judged)."""
        gone = [replace(self.entries[key], count=left)
                for key, left in sorted(self.remaining.items())
                if left > 0 and key[0] in self.linted]
        return BaselineStats(self._stats.new, self._stats.known, gone)


def entries_for(results: Iterable[PropositionResult], directory: Path) -> list[Entry]:
    """Baseline entries for every finding of `results`, identical ones counted."""
    counts: Counter[Key] = Counter()
    first: dict[Key, Entry] = {}
    for result in results:
        for finding in result.findings:
            entry = _entry_for(finding, directory)
            counts[entry.key] += 1
            first.setdefault(entry.key, entry)
    return [replace(first[key], count=counts[key]) for key in sorted(counts)]


def write_baseline(path: str | Path, results: Iterable[PropositionResult]) -> int:
    """Write the baseline file atomically; return how many findings it records."""
    from vplint.fsutil import atomic_write

    directory = Path(os.path.abspath(path)).parent
    entries = entries_for(results, directory)
    data = {"version": BASELINE_VERSION, "tool": "vplint",
            "findings": [e.to_dict() for e in entries]}
    try:
        atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    return sum(e.count for e in entries)
