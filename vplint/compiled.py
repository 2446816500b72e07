"""Compiled regular expressions and parsed rule files, kept on disk between runs.

The catalogue's lexicons are a few dozen alternations of up to a hundred terms each, and
Python compiles a regex in Python code: compiling them all takes longer than everything
else a one-file run does. So, when the results cache is on, the compiled program of each
pattern (the list of integers CPython's regex engine runs) is stored in `.vplint_cache/`
and the next run hands it straight to the engine, which checks that it is a well-formed
program before accepting it. Likewise the catalogue's YAML files (about a hundred, whose
parsing is mostly Python code) are kept as JSON, keyed by their bytes. Anything unexpected
(another Python, another engine version, a damaged file, no cache) falls back to
`re.compile` and the YAML parser, so results never depend on it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

_store: RegexStore | None = None


def compile_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, served from the installed store when there is one."""
    store = _store
    if store is None:
        return re.compile(source, flags)
    return store.compile(source, flags)


def parse_yaml(text: str, raw: bytes) -> Any:
    """`yaml.load` of a rule or lexicon file (`raw` its bytes), served from the installed
    store when there is one."""
    store = _store
    if store is None:
        return _load_yaml(text)
    return store.parse_yaml(text, raw)


def _load_yaml(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def use_store(store: RegexStore | None) -> None:
    """Install (or with None remove) the store `compile_regex` uses."""
    global _store
    _store = store


def _engine_tag() -> str | None:
    """Which regex engine the stored programs are for; None when this one is unsupported."""
    try:
        import _sre
    except ImportError:  # pragma: no cover - not CPython
        return None
    if (sys.implementation.name != "cpython" or getattr(_sre, "CODESIZE", 0) != 4
            or array("I").itemsize != 4):
        return None  # pragma: no cover
    return f"cpython-{sys.version_info[0]}.{sys.version_info[1]}-sre{_sre.MAGIC}"


class RegexStore:
    """Compiled regex programs, one file each, in the cache directory `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tag = _engine_tag()
        self.directory = root / "regex" / (self.tag or "none")
        self._writable = self.tag is not None
        self._prepared: set[Path] = set()

    def compile(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """The pattern for `source`, from disk when stored, else compiled (and stored)."""
        flags = int(flags)
        if self.tag is None:
            return re.compile(source, flags)  # pragma: no cover - not CPython
        key = hashlib.blake2b(f"{self.tag}\0{flags}\0{source}".encode("utf-8", "surrogatepass"),
                              digest_size=20).hexdigest()
        path = self.directory / key
        try:
            return _load(source, path.read_bytes())
        except (OSError, ValueError, TypeError, KeyError, RuntimeError, OverflowError):
            pass  # missing or unusable: compile it
        try:
            pattern, header, code = _compile(source, flags)
        except re.error:
            raise
        except Exception:  # private API changed: the public way still works
            return re.compile(source, flags)
        self._save(path, header, code)
        return pattern

    def parse_yaml(self, text: str, raw: bytes) -> Any:
        """The parsed YAML of a file, from disk when stored, else parsed (and stored when
        JSON can say it exactly)."""
        key = "yaml-" + hashlib.blake2b(raw, digest_size=20).hexdigest()
        path = self.root / "yaml" / key
        try:
            return json.loads(path.read_bytes())
        except (OSError, ValueError):
            pass
        data = _load_yaml(text)
        if _json_exact(data):
            self._write(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return data

    def _save(self, path: Path, header: dict[str, Any], code: list[int]) -> None:
        self._write(path, json.dumps(header).encode() + b"\n" + array("I", code).tobytes())

    def _write(self, path: Path, data: bytes) -> None:
        if not self._writable:
            return
        try:
            if path.parent not in self._prepared:
                from vplint.cache import prepare_root

                prepare_root(self.root)
                path.parent.mkdir(parents=True, exist_ok=True)
                self._prepared.add(path.parent)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except (OSError, OverflowError):
            self._writable = False


def _json_exact(data: Any) -> bool:
    """True when JSON gives back exactly `data` (no dates, tuples or non-text keys)."""
    if data is None or isinstance(data, (str, bool, int)):
        return True
    if isinstance(data, float):
        return data == data and data not in (float("inf"), float("-inf"))
    if isinstance(data, list):
        return all(_json_exact(item) for item in data)
    if isinstance(data, dict):
        return all(isinstance(k, str) and _json_exact(v) for k, v in data.items())
    return False


def _compile(source: str, flags: int) -> tuple[re.Pattern[str], dict[str, Any], list[int]]:
    """What `re._compiler.compile` does, keeping the program it builds."""
    import _sre
    from re import _compiler, _parser

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    header = {"flags": flags | parsed.state.flags, "groups": parsed.state.groups - 1,
              "groupindex": groupindex, "indexgroup": indexgroup, "size": len(code)}
    pattern = _sre.compile(source, header["flags"], code, header["groups"], groupindex,
                           tuple(indexgroup))
    return pattern, header, code


def _load(source: str, data: bytes) -> re.Pattern[str]:
    import _sre

    head, _, body = data.partition(b"\n")
    header = json.loads(head)
    code = array("I")
    code.frombytes(body)
    if len(code) != header["size"] or not isinstance(header["groupindex"], dict):
        raise ValueError("truncated")
    # The engine validates the program and raises RuntimeError on a malformed one.
    return _sre.compile(source, int(header["flags"]), code.tolist(), int(header["groups"]),
                        {str(k): int(v) for k, v in header["groupindex"].items()},
                        tuple(header["indexgroup"]))
