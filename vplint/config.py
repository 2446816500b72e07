"""Configuration: `.vplint.yaml` or `[tool.vplint]` in pyproject.toml, found by walking up
from the working directory, merged with CLI flags (flags win).

Keys may be written with hyphens or underscores (`fail-under` == `fail_under`).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from vplint.errors import ConfigError, did_you_mean
from vplint.model import Severity

CONFIG_NAMES = (".vplint.yaml", ".vplint.yml", "pyproject.toml")


@dataclass
class Config:
    """The effective settings of one run."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    fail_under: float = 0
    language: str | None = None
    rules_dirs: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    lexicons: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    templates_dirs: list[str] = field(default_factory=list)
    max_file_size: int = 4 * 1024 * 1024
    path: str | None = None
    root: str = "."

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with CLI values applied (None means "not given")."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def fingerprint(self) -> str:
        """Stable text of every setting that changes results, for cache keys."""
        data = {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("path", "root")}
        return repr(sorted(data.items()))


_TYPES: dict[str, Any] = {
    "select": list, "extend_select": list, "ignore": list, "per_file_ignores": dict,
    "severity": dict, "weights": dict, "fail_under": (int, float), "language": str,
    "rules_dirs": list, "exclude": list, "lexicons": dict, "rule_options": dict,
    "templates_dirs": list, "max_file_size": int,
}
KEYS = tuple(_TYPES)


def find_config(start: Path) -> Path | None:
    """The nearest .vplint.yaml, or pyproject.toml with a [tool.vplint] table."""
    for directory in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                if re.search(r"^\[tool\.vplint\]", candidate.read_text("utf-8"), re.M):
                    return candidate
            except (OSError, UnicodeDecodeError):
                continue
    return None


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    """Load the configuration file (explicit, else discovered), or the defaults."""
    cwd = cwd or Path.cwd()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("configuration file not found", explicit)
    else:
        path = find_config(cwd.resolve())
        if path is None:
            return Config(root=str(cwd))
    raw, lines = _read(path)
    return _build(raw, lines, path)


def _read(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("vplint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
        lines = _toml_key_lines(text)
        return data, lines
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(f"invalid YAML: {exc.problem}", str(path), line) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ConfigError("the configuration must be a mapping of settings", str(path), 1)
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return data, lines


def _toml_key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.startswith("[tool.vplint")
            sub = re.match(r"\[tool\.vplint\.([\w-]+)", stripped)
            if sub:
                lines.setdefault(sub.group(1), number)
            continue
        match = re.match(r"([\w\-\"']+)\s*=", stripped)
        if in_table and match:
            lines.setdefault(match.group(1).strip("\"'"), number)
    return lines


def _build(raw: dict[str, Any], lines: dict[str, int], path: Path) -> Config:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        norm = str(key).replace("-", "_")
        line = lines.get(str(key))
        if norm not in _TYPES:
            raise ConfigError(f"unknown key '{key}'{did_you_mean(norm, KEYS)}", str(path), line)
        expected = _TYPES[norm]
        if isinstance(value, bool) or not isinstance(value, expected):
            kind = expected.__name__ if isinstance(expected, type) else "number"
            raise ConfigError(f"'{key}' must be a {_plain_type(kind)}, not "
                              f"{_plain_type(type(value).__name__)}", str(path), line)
        values[norm] = value
    if "severity" in values:
        for code, sev in values["severity"].items():
            if sev not in {s.value for s in Severity}:
                raise ConfigError(f"severity of {code} must be error, warning or info, "
                                  f"not '{sev}'", str(path), lines.get("severity"))
    if "language" in values and values["language"] not in ("en", "zh", "auto"):
        raise ConfigError("'language' must be en, zh or auto", str(path), lines.get("language"))
    for key in ("select", "extend_select", "ignore"):
        if key in values:
            values[key] = [str(c).upper() for c in values[key]]
    base = path.parent
    for key in ("rules_dirs", "templates_dirs"):
        if key in values:
            values[key] = [str((base / d).resolve()) for d in values[key]]
    return Config(**values, path=str(path), root=str(base))


def _plain_type(name: str) -> str:
    return {"list": "list", "dict": "mapping", "str": "text", "int": "whole number",
            "float": "number", "NoneType": "nothing"}.get(name, name)


class Selector:
    """Which rule codes run for which file: ruff-style prefixes, most specific wins."""

    def __init__(self, config: Config, codes: list[str]) -> None:
        self.codes = codes
        self.select = list(config.select) + list(config.extend_select)
        self.ignore = list(config.ignore)
        self.per_file = config.per_file_ignores
        self.root = Path(config.root)
        self._base = {code for code in codes if self._enabled(code, self.ignore)}

    def unknown(self) -> list[str]:
        """Selectors that match no rule code, for a did-you-mean error."""
        used = self.select + self.ignore + [c for v in self.per_file.values() for c in v]
        return [s for s in used if s != "ALL" and not any(c.startswith(s) for c in self.codes)]

    def _enabled(self, code: str, ignore: list[str]) -> bool:
        best_select = max((len(p) for p in self.select if p == "ALL" or code.startswith(p)),
                          default=-1)
        best_ignore = max((len(p) for p in ignore if p == "ALL" or code.startswith(p)),
                          default=-1)
        return best_select > best_ignore

    def enabled_codes(self, path: str) -> set[str]:
        """The codes that run for one file."""
        extra = [code for pattern, ignored in self.per_file.items()
                 if _path_matches(path, pattern, self.root) for code in ignored]
        if not extra:
            return self._base
        return {c for c in self._base if self._enabled(c, self.ignore + extra)}


def _path_matches(path: str, pattern: str, root: Path) -> bool:
    candidates = {path, Path(path).name}
    try:
        candidates.add(str(Path(path).resolve().relative_to(root.resolve())))
    except ValueError:
        pass
    return any(fnmatch.fnmatch(c, pattern) for c in candidates)
