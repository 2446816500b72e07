"""Configuration: `.vplint.yaml` or `[tool.vplint]` in pyproject.toml, merged with CLI
flags (flags win).

Like ruff, each file is governed by the nearest configuration above it (vplint.api looks
from each file's folder); `--config` replaces them all.

The walk stops at the repository root (the nearest folder holding `.git`): a file above
the checkout (a shared CI workspace, another user's folder) is never read. Outside any
Git repository it stops at the user's home directory when the walk starts below it, and
at the filesystem root otherwise. `--config FILE` reads that file alone: nothing is
discovered, so a pull request's own `.vplint.yaml` cannot change a trusted gate.

Folders a configuration names (`rules_dirs`, `templates_dirs`) must resolve, symbolic
links followed, inside its project: the Git repository holding the configuration file,
else the file's own folder. A path leading elsewhere (`/`, `../..`, a link out) is an
error at its line.

Keys may be written with hyphens or underscores (`fail-under` == `fail_under`).
"""

from __future__ import annotations

import fnmatch
import math
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from vplint.errors import ConfigError, did_you_mean
from vplint.fsutil import repository_root
from vplint.model import Severity
from vplint.pagekind import KINDS

CONFIG_NAMES = (".vplint.yaml", ".vplint.yml", "pyproject.toml")
MAX_FILE_SIZE_LIMIT = 1 << 30
"""The largest `max-file-size` accepted (1 GiB): copy is never that big."""
DEFAULT_RULE_TIMEOUT = 5.0
MAX_RULE_TIMEOUT = 600.0


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
    include: list[str] | None = None
    """File patterns a folder walk lints; None: vplint.discover.DEFAULT_INCLUDE."""
    extend_include: list[str] = field(default_factory=list)
    respect_gitignore: bool = True
    lexicons: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    templates_dirs: list[str] = field(default_factory=list)
    max_file_size: int = 4 * 1024 * 1024
    rule_timeout: float = DEFAULT_RULE_TIMEOUT
    """Seconds one rule may spend on one file before it is stopped and reported (VP900)."""
    page_kinds: dict[str, str] = field(default_factory=dict)
    """Glob -> page kind (vplint.pagekind), overriding detection; the first match wins."""
    brands: list[str] = field(default_factory=list)
    """The advertiser's own names: a claim about them is the advertiser's own claim."""
    path: str | None = None
    root: str = "."
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Where the file wrote each setting ("select") and each code in one ("select/TIM01")."""

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with CLI values applied (None means "not given")."""
        given = {k: v for k, v in overrides.items() if v is not None}
        lines = {k: n for k, n in self.lines.items() if k.split("/")[0] not in given}
        return replace(self, **given, lines=lines)

    def walk_excludes(self) -> list[str]:
        """`exclude`, plus the configured rule and template folders: they hold vplint's own
        YAML, not propositions, so walking the project must not lint them."""
        patterns = list(self.exclude)
        root = Path(self.root).resolve()
        for folder in [*self.rules_dirs, *self.templates_dirs]:
            try:
                patterns.append("/" + Path(folder).resolve().relative_to(root).as_posix() + "/")
            except ValueError:
                continue  # outside the project: never walked from its root anyway
        return patterns

    def fingerprint(self) -> str:
        """Stable text of every setting that changes results, for cache keys."""
        data = {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("path", "root", "lines")}
        return repr(sorted(data.items()))

    def error(self, message: str, *places: str) -> ConfigError:
        """A ConfigError at the file and line that wrote the first of `places` ("select",
        "select/TIM01"); without file and line when none did (a command-line option)."""
        for place in places:
            if place in self.lines:
                return ConfigError(message, self.path, self.lines[place])
        return ConfigError(message)

    def check_rules_dirs(self) -> None:
        """Raise a ConfigError naming the file and line of a rules_dirs entry that is not a
        folder (before the registry tries to load it)."""
        for directory in self.rules_dirs:
            if not Path(directory).is_dir():
                raise self.error(f"rules_dirs entry '{directory}' is not a folder",
                                 f"rules_dirs/{directory}", "rules_dirs")


_TYPES: dict[str, Any] = {
    "select": list, "extend_select": list, "ignore": list, "per_file_ignores": dict,
    "severity": dict, "weights": dict, "fail_under": (int, float), "language": str,
    "rules_dirs": list, "exclude": list, "include": list, "extend_include": list,
    "respect_gitignore": bool, "lexicons": dict, "rule_options": dict,
    "templates_dirs": list, "max_file_size": int, "rule_timeout": (int, float),
    "page_kinds": dict, "brands": list,
}
KEYS = tuple(_TYPES)


def search_folders(start: Path) -> list[Path]:
    """The folders configuration discovery looks in, nearest first: up to the repository
    root (the nearest folder holding `.git`), else up to the home directory when `start`
    is below it, else up to the filesystem root."""
    chain = [start, *start.parents]
    for index, directory in enumerate(chain):
        if os.path.lexists(directory / ".git"):
            return chain[: index + 1]
    try:
        home = Path.home().resolve()
    except (RuntimeError, OSError):
        return chain
    if home in chain:
        return chain[: chain.index(home) + 1]
    return chain


def project_root(folder: Path) -> Path:
    """The folder a configuration in `folder` may name paths in: its Git repository's
    root, else `folder` itself (both resolved)."""
    folder = folder.resolve()
    return repository_root(folder) or folder


def find_config(start: Path) -> Path | None:
    """The nearest .vplint.yaml, or pyproject.toml with a [tool.vplint] table, looked for
    in `search_folders(start)`."""
    for directory in search_folders(start):
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
            at = re.search(r"\(at (?:line (\d+), column \d+|end of document)\)$", str(exc))
            message = str(exc)[: at.start()].strip() if at else str(exc)
            line = (int(at.group(1)) if at.group(1) else max(1, len(text.splitlines()))
                    ) if at else None
            raise ConfigError(f"invalid TOML: {message}", str(path), line) from None
        if not isinstance(data, dict):
            raise ConfigError("[tool.vplint] must be a table of settings", str(path))
        lines = _toml_key_lines(text)
        return data, lines
    return _read_yaml(text, path)


def _read_yaml(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """The settings and the line of each key and of each item or key inside one.

    The configuration may come from a contributor's pull request, so it is read with the
    proposition loader: bounded depth and size, no tags constructed, positions kept.
    """
    from vplint.document import parse_yaml

    docs = parse_yaml(text, str(path))
    doc = docs[0]
    for problem in doc.problems:
        line = doc.lines.position(problem.start)[0]
        if problem.code == "VP004":
            raise ConfigError(f"duplicate key '{problem.args['key']}'", str(path), line)
        if "root" in problem.args:
            raise ConfigError("the configuration must be a mapping of settings, not a "
                              f"{_plain_type(problem.args['root'])}", str(path), line)
        reason = str(problem.args.get("reason", "invalid YAML"))
        raise ConfigError(reason.replace("cannot parse YAML", "invalid YAML"), str(path), line)
    if len(docs) > 1:
        raise ConfigError("the configuration must be one YAML document, not several",
                          str(path), doc.lines.position(docs[1].start)[0])
    if doc.tree is None:
        return {}, {}
    line_of = doc.lines.position
    lines: dict[str, int] = {}
    for key, node in doc.tree.value.items():
        lines[key] = line_of(node.key_start if node.key_start is not None else node.start)[0]
        inner = node.value.items() if isinstance(node.value, dict) else (
            ((None, item) for item in node.value) if isinstance(node.value, list) else ())
        for sub_key, sub in inner:
            start = sub.key_start if sub_key is not None and sub.key_start is not None \
                else sub.start
            name = sub_key if sub_key is not None else str(sub.plain())
            lines.setdefault(f"{key}/{name}", line_of(start)[0])
            if isinstance(sub.value, list):  # per-file-ignores: pattern -> [codes]
                for item in sub.value:
                    lines.setdefault(f"{key}/{item.plain()}", line_of(item.start)[0])
    return doc.tree.plain(), lines


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
    where: dict[str, int] = {}
    for key, value in raw.items():
        norm = str(key).replace("-", "_")
        line = lines.get(str(key))
        if norm not in _TYPES:
            raise ConfigError(f"unknown key '{key}'{did_you_mean(norm, KEYS)}", str(path), line)
        expected = _TYPES[norm]
        if (isinstance(value, bool) and expected is not bool) or not isinstance(value, expected):
            kind = expected.__name__ if isinstance(expected, type) else "number"
            raise ConfigError(f"'{key}' must be a {_plain_type(kind)}, not "
                              f"{_plain_type(type(value).__name__)}", str(path), line)
        values[norm] = value
        where.update(_item_lines(str(key), norm, value, lines))
    _check_values(values, where, str(path))
    for key in ("select", "extend_select", "ignore"):
        if key in values:
            values[key] = [str(c).upper() for c in values[key]]
    base = path.parent
    for key in ("rules_dirs", "templates_dirs"):
        if key in values:
            resolved = [str(_inside_project(base, str(d), key, path, where))
                        for d in values[key]]
            for original, absolute in zip(values[key], resolved, strict=True):
                where.setdefault(f"{key}/{absolute}", where.get(f"{key}/{original}", 0))
            values[key] = resolved
    return Config(**values, path=str(path), root=str(base),
                  lines={k: v for k, v in where.items() if v})


def _inside_project(base: Path, folder: str, key: str, path: Path,
                    where: dict[str, int]) -> Path:
    """A configured folder, resolved; a ConfigError at its line when it leads (as an
    absolute path, through `..` or through a symbolic link) outside the project: a pull
    request must not make vplint read rules or templates from elsewhere on the machine."""
    line = where.get(f"{key}/{folder}") or where.get(key) or None
    name = key.replace("_", "-")
    root = project_root(base)
    try:
        resolved = (base / folder).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        raise ConfigError(f"{name} entry '{folder}' cannot be resolved: {exc}",
                          str(path), line) from None
    if resolved != root and root not in resolved.parents:
        raise ConfigError(f"{name} entry '{folder}' leads outside the project ({root}); "
                          "configured folders must be inside it", str(path), line)
    return resolved


def _item_lines(key: str, norm: str, value: Any, lines: dict[str, int]) -> dict[str, int]:
    """Lines of a setting ("select") and of each item or key in it ("select/TIM01", also
    upper-cased, as codes are); an item without its own line gets the setting's line (TOML)."""
    line = lines.get(key, 0)
    out = {norm: line}
    items: list[Any] = []
    if isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        items = list(value)
        for inner in value.values():  # per-file-ignores: pattern -> [codes]
            items.extend(inner if isinstance(inner, list) else ())
    for item in items:
        item_line = lines.get(f"{key}/{item}", line)
        for name in (str(item), str(item).upper()):
            out.setdefault(f"{norm}/{name}", item_line)
    return out


_CODE_LISTS = ("select", "extend_select", "ignore", "exclude", "include", "extend_include",
               "rules_dirs", "templates_dirs")


def _check_values(values: dict[str, Any], where: dict[str, int], path: str) -> None:
    """Wrong values inside settings of the right type: each one is an error at its line."""
    def fail(message: str, *places: str) -> ConfigError:
        line = next((where[p] for p in places if where.get(p)), None)
        return ConfigError(message, path, line)

    for key in _CODE_LISTS:
        for item in values.get(key, ()):
            if not isinstance(item, str) or not item:
                raise fail(f"'{key}' must list text, not {_plain_type(type(item).__name__)}",
                           f"{key}/{item}", key)
    for pattern, codes in values.get("per_file_ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise fail(f"per-file-ignores of '{pattern}' must be a list of rule codes",
                       f"per_file_ignores/{pattern}", "per_file_ignores")
    for code, sev in values.get("severity", {}).items():
        if sev not in {s.value for s in Severity}:
            raise fail(f"severity of {code} must be error, warning or info, not '{sev}'",
                       f"severity/{code}", "severity")
    for code, weight in values.get("weights", {}).items():
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or \
                not math.isfinite(weight) or weight < 0:
            raise fail(f"weight of {code} must be a number of 0 or more, not '{weight}'",
                       f"weights/{code}", "weights")
    for code, options in values.get("rule_options", {}).items():
        if not isinstance(options, dict):
            raise fail(f"rule-options of {code} must be a mapping of parameters",
                       f"rule_options/{code}", "rule_options")
    for name, terms in values.get("lexicons", {}).items():
        if not isinstance(terms, dict) or not set(terms) <= {"en", "zh"} or not all(
                isinstance(v, list) for v in terms.values()):
            raise fail(f"lexicon '{name}' must map en and zh to lists of terms",
                       f"lexicons/{name}", "lexicons")
    for pattern, kind in values.get("page_kinds", {}).items():
        if kind not in KINDS:
            raise fail(f"page-kinds of '{pattern}' must be one of {', '.join(KINDS)}, not "
                       f"'{kind}'{did_you_mean(str(kind), KINDS)}",
                       f"page_kinds/{pattern}", "page_kinds")
    for brand in values.get("brands", ()):
        if not isinstance(brand, str) or not brand.strip():
            raise fail("'brands' must list names (text)", f"brands/{brand}", "brands")
    if "language" in values and values["language"] not in ("en", "zh", "auto"):
        raise fail("'language' must be en, zh or auto", "language")
    if "fail_under" in values and not 0 <= values["fail_under"] <= 100:
        raise fail("'fail-under' must be between 0 and 100", "fail_under")
    if "max_file_size" in values and not 0 < values["max_file_size"] <= MAX_FILE_SIZE_LIMIT:
        raise fail(f"'max-file-size' must be a number of bytes from 1 to "
                   f"{MAX_FILE_SIZE_LIMIT}", "max_file_size")
    if "rule_timeout" in values and not 0 < values["rule_timeout"] <= MAX_RULE_TIMEOUT:
        raise fail(f"'rule-timeout' must be a number of seconds above 0 and at most "
                   f"{MAX_RULE_TIMEOUT:g}", "rule_timeout")
    for pattern in values.get("exclude", ()):
        if not _valid_gitignore(pattern):
            raise fail(f"exclude pattern '{pattern}' is not a valid gitignore pattern",
                       f"exclude/{pattern}", "exclude")


def _valid_gitignore(pattern: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except Exception:  # pathspec raises re.error, ValueError... depending on the pattern
        return False
    return True


def _plain_type(name: str) -> str:
    return {"list": "list", "dict": "mapping", "bool": "true or false", "str": "text",
            "int": "whole number",
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
