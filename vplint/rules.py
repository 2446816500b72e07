"""Rules as data: one YAML file per rule, loaded into an explicit Registry.

Built-in rules (the wheel's `vplint/_rules`, the repository's `rules/`), configured
`rules_dirs` and entry-point plugins (group `vplint.rules`) all use the same format, so
`vplint rules`, `vplint explain`, the engine and the tests read one catalogue.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from vplint.errors import RuleError, did_you_mean
from vplint.lazyre import lazy
from vplint.model import DIMENSIONS, Severity
from vplint.pagekind import KINDS
from vplint.text.lexicon import Lexicon
from vplint.text.terms import remember_prefixes
from vplint.text.userre import lexicon_problem, line_of, rule_problem

CODE_RE = lazy(r"^[A-Z]{2,4}[0-9]{3}$")
DECLARATIVE = ("existence", "substitution", "required", "pattern", "limit", "occurrence")
ENTRY_POINT_GROUP = "vplint.rules"
RULE_KEYS = {
    "code", "name", "family", "severity", "weight", "dimension", "message", "suggestion",
    "docs", "source", "extends", "check", "params", "examples", "languages", "advisory",
    "fix", "kinds", "own_claims", "own_subject", "landing_scope", "absence",
}
LANDING_SCOPES = ("lead", "page")
ANY_LANGUAGE = "any"
RULE_LANGUAGES = ("en", "zh", "zh-Hans", "zh-Hant", "ja", "ko", "other", ANY_LANGUAGE)
"""What a rule's `languages` may list: "zh" covers both Chinese scripts; "any" every page."""


@dataclass
class Rule:
    """One rule of the catalogue, as its YAML file describes it."""

    code: str
    name: str
    family: str
    severity: Severity
    weight: float
    dimension: str | None
    message: dict[str, str]
    docs: dict[str, dict[str, str]]
    source: str = ""
    extends: str | None = None
    check: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, dict[str, list[Any]]] = field(default_factory=dict)
    suggestion: dict[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ("en", "zh")
    advisory: bool = False
    fix: dict[str, Any] = field(default_factory=dict)
    """What the rule offers to fix (vplint.fixes reads it): replace, choices, skeleton."""
    kinds: tuple[str, ...] = KINDS
    """The page kinds the rule judges (vplint.pagekind); every kind when not declared."""
    own_claims: bool = False
    """Judge only the advertiser's own claims: hits that are negated, asked, about someone
    else, quoted from a named source or technical terms are dropped (text.attribution)."""
    own_subject: bool = False
    """On a website page (not a proposition), judge only sentences where the advertiser
    speaks or is named: the name, or "we"/我们 in the clause (text.attribution)."""
    absence: bool = False
    """The rule reports a part the proposition lacks (no outcome, no proof, no segment).
    A landing page vplint only inferred from its path or body is seen in part - its
    theme may add sections this file does not hold - so it is judged for what it lacks
    only when declared one (`page_kind: landing`, `page_kinds`) or written as copy to be
    judged (copy.md, tagline.txt)."""
    landing_scope: str = "lead"
    """What of a landing page the rule's located hits may come from: its `lead` (the
    headline and first section, the page's proposition) or the whole `page`."""
    path: str = ""
    scope: str = ""
    """Where the rule came from, which decides what its `check:` may import: "builtin"
    (vplint's catalogue), "local" (a configured rules_dirs folder: only modules in that
    folder), "plugin:<package>" (only that package), "" (built in code: trusted)."""
    compiled: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per-run cache of patterns compiled from this rule's params."""
    _function: Callable[..., Any] | None = field(default=None, repr=False)

    def text(self, table: dict[str, str], lang: str) -> str:
        """Pick the language's text from an {en, zh} table, falling back to English."""
        return table.get(lang) or table.get("en") or next(iter(table.values()), "")

    def applies_to(self, kind: str, locale: str) -> bool:
        """True when the rule judges a page of this kind in this locale."""
        if kind not in self.kinds:
            return False
        languages = self.languages
        return (ANY_LANGUAGE in languages or locale in languages
                or (locale.startswith("zh-") and "zh" in languages))

    def function(self) -> Callable[..., Any]:
        """The Python check behind this rule (declarative types included), imported once."""
        if self._function is None:
            self._function = _resolve_check(self)
        return self._function


_BUILTIN_CHECK = lazy(r"[a-z_][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\Z")
_MODULE_CHECK = lazy(r"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)"
                           r":([A-Za-z_][A-Za-z0-9_]*)\Z")
_local_modules: dict[str, Any] = {}
"""Modules loaded from rules_dirs folders, by file path and stamp (each executed once)."""


def check_allowed(rule: Rule) -> None:
    """Raise a RuleError unless the rule's `check:` names code its origin may use.

    A built-in check (`family.function`, in vplint.checks) is open to every rule. A
    `module:function` is, for a rules_dirs rule, a `module.py` in the rule file's own
    folder (never an installed module: a pull request must not make vplint import one);
    for a plugin's rule, a module of that plugin's package; built-in and code-built rules
    may name any module.
    """
    if not rule.check:
        return
    if _BUILTIN_CHECK.match(rule.check):
        return
    match = _MODULE_CHECK.match(rule.check)
    if match is None:
        raise RuleError(f"check '{rule.check}' must be family.function (a built-in check) "
                        "or module:function", rule.path, _line_of(rule.path, "check"))
    module = match.group(1)
    if rule.scope.startswith("plugin:"):
        package = rule.scope.partition(":")[2]
        if module != package and not module.startswith(package + "."):
            raise RuleError(f"check '{rule.check}' is outside the plugin's package "
                            f"'{package}'", rule.path, _line_of(rule.path, "check"))
    elif rule.scope == "local":
        _local_file(rule, module)
        if not python_rules_allowed():
            raise RuleError(f"check '{rule.check}' would run Python from the repository under "
                            "review; vplint runs it only when asked to with "
                            f"--allow-python-rules or {ALLOW_PYTHON_RULES}=1 "
                            "(docs/security.md)", rule.path, _line_of(rule.path, "check"))


ALLOW_PYTHON_RULES = "VPLINT_ALLOW_PYTHON_RULES"
"""Environment variable that lets rules_dirs rules run Python modules from their folder.
An environment variable (set by --allow-python-rules), not a configuration key: the
configuration may come from the pull request under review; the environment comes from
whoever runs the gate, and --jobs workers inherit it."""


def python_rules_allowed() -> bool:
    """True when whoever runs vplint allowed rules_dirs rules to run their own Python."""
    return os.environ.get(ALLOW_PYTHON_RULES) == "1"


def _local_file(rule: Rule, module: str) -> Path:
    """The file of a rules_dirs rule's check module: `module.py` beside the rule file
    (dots are folders), never leaving that folder."""
    folder = Path(rule.path).parent.resolve()
    candidate = (folder / (module.replace(".", "/") + ".py")).resolve()
    if folder not in candidate.parents or not candidate.is_file():
        raise RuleError(f"check '{rule.check}' must name a module in the rule's own folder "
                        f"({module.replace('.', '/')}.py beside the rule file); installed "
                        "modules are not imported for rules_dirs rules",
                        rule.path, _line_of(rule.path, "check"))
    return candidate


def _line_of(path: str, key: str) -> int | None:
    """The line of a top-level key in a rule file, for error messages."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if line.startswith(f"{key}:"):
                    return number
    except OSError:
        pass
    return None


def _resolve_check(rule: Rule) -> Callable[..., Any]:
    if rule.extends:
        from vplint.checks import declarative

        return getattr(declarative, rule.extends)
    assert rule.check
    check_allowed(rule)
    if ":" in rule.check:
        module_name, _, attr = rule.check.partition(":")
    else:
        module_name, _, attr = rule.check.rpartition(".")
        module_name = f"vplint.checks.{module_name}"
    try:
        if rule.scope == "local" and ":" in rule.check:
            module = _load_local(_local_file(rule, module_name))
        else:
            module = importlib.import_module(module_name)
        return getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise RuleError(f"rule {rule.code}: cannot load check '{rule.check}': {exc}",
                        rule.path) from exc


def _load_local(path: Path) -> Any:
    """Execute a rules_dirs check module from its file, once, without touching sys.path."""
    import hashlib
    import importlib.util

    info = path.stat()
    key = f"{path}:{info.st_size}:{info.st_mtime_ns}"  # an edited module is loaded afresh
    if key not in _local_modules:
        name = "vplint_local_checks.m" + hashlib.blake2b(key.encode(), digest_size=8).hexdigest()
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _local_modules[key] = module
    return _local_modules[key]


def parse_rule(data: Any, path: str) -> Rule:
    """Build a Rule from a parsed rule file, with errors that name the file."""
    if not isinstance(data, dict):
        raise RuleError("a rule file must be a mapping", path)
    unknown = set(data) - RULE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise RuleError(f"unknown key '{key}'{did_you_mean(key, RULE_KEYS)}", path)
    for key in ("code", "name", "severity", "message"):
        if key not in data:
            raise RuleError(f"missing required key '{key}'", path)
    code = str(data["code"])
    if not CODE_RE.match(code):
        raise RuleError(f"rule code '{code}' must be 2-4 capital letters and 3 digits", path)
    try:
        severity = Severity(data["severity"])
    except ValueError:
        raise RuleError(f"severity '{data['severity']}' must be error, warning or info",
                        path) from None
    dimension = data.get("dimension")
    if dimension is not None and dimension not in DIMENSIONS:
        raise RuleError(f"dimension '{dimension}' is not one of {', '.join(DIMENSIONS)}"
                        f"{did_you_mean(str(dimension), DIMENSIONS)}", path)
    extends, check = data.get("extends"), data.get("check")
    if bool(extends) == bool(check):
        raise RuleError("a rule needs exactly one of 'extends' (a declarative type) "
                        "or 'check' (a Python function)", path)
    if extends and extends not in DECLARATIVE:
        raise RuleError(f"unknown type '{extends}'{did_you_mean(extends, DECLARATIVE)}", path)
    family = str(data.get("family") or re.sub(r"\d", "", code))
    languages = _listed(data, "languages", RULE_LANGUAGES, path,
                        (ANY_LANGUAGE,) if family == "VP" else ("en", "zh"))
    kinds = _listed(data, "kinds", KINDS, path, KINDS)
    message = data["message"]
    if isinstance(message, str):
        message = {"en": message}
    return Rule(
        code=code,
        name=str(data["name"]),
        family=family,
        severity=severity,
        weight=float(data.get("weight", 1)),
        dimension=dimension,
        message=dict(message),
        docs=dict(data.get("docs") or {}),
        source=str(data.get("source") or ""),
        extends=extends,
        check=check,
        params=dict(data.get("params") or {}),
        examples=dict(data.get("examples") or {}),
        suggestion=dict(data.get("suggestion") or {}),
        languages=languages,
        advisory=bool(data.get("advisory", False)),
        fix=_fix(data.get("fix"), path),
        kinds=kinds,
        own_claims=bool(data.get("own_claims", False)),
        own_subject=bool(data.get("own_subject", False)),
        absence=bool(data.get("absence", False)),
        landing_scope=_listed(data, "landing_scope", LANDING_SCOPES, path, ("lead",))[0],
        path=path,
    )


FIX_KEYS = {"safe", "replace", "choices", "skeleton"}


def _fix(value: Any, path: str) -> dict[str, Any]:
    """A rule's `fix:` declaration, checked for shape when the rule loads."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RuleError("'fix' must be a mapping (safe, replace, choices, skeleton)", path)
    unknown = set(value) - FIX_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise RuleError(f"unknown fix key '{key}'{did_you_mean(key, FIX_KEYS)}", path)
    for key in ("replace", "choices", "skeleton"):
        table = value.get(key)
        if table is not None and not (isinstance(table, dict) and set(table) <= {"en", "zh"}):
            raise RuleError(f"fix '{key}' must map en/zh to its entries", path)
    return dict(value)


def _listed(data: dict[str, Any], key: str, allowed: tuple[str, ...], path: str,
            default: tuple[str, ...]) -> tuple[str, ...]:
    """A rule's list-of-names key (`kinds`, `languages`), each name checked."""
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise RuleError(f"'{key}' must be a non-empty list of: {', '.join(allowed)}", path)
    for item in value:
        if str(item) not in allowed:
            singular = {"kinds": "kind", "languages": "language"}.get(key, "value")
            raise RuleError(f"unknown {singular} '{item}' in '{key}'"
                            f"{did_you_mean(str(item), allowed)}; one of: "
                            f"{', '.join(allowed)}", path)
    return tuple(str(v) for v in value)


def builtin_rules_dir() -> Path:
    """Where the built-in catalogue lives: inside the wheel, or rules/ in a checkout."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@dataclass
class Registry:
    """The rules and lexicons of one run. Not a singleton: tests build their own."""

    rules: dict[str, Rule] = field(default_factory=dict)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    @classmethod
    def default(cls, rules_dirs: Iterable[Path] = (), plugins: bool = True) -> Registry:
        """Built-in rules, then configured directories, then installed plugins."""
        registry = cls()
        registry.load_dir(builtin_rules_dir(), scope="builtin")
        for directory in rules_dirs:
            registry.load_dir(Path(directory), scope="local")
        if plugins:
            registry.load_plugins()
        return registry

    def add(self, rule: Rule) -> None:
        """Register one rule; a code may be defined once."""
        if rule.code in self.rules:
            raise RuleError(f"rule code {rule.code} is defined twice "
                            f"(also in {self.rules[rule.code].path})", rule.path)
        self.rules[rule.code] = rule

    def load_dir(self, directory: Path, scope: str = "local") -> None:
        """Load every rule file below `directory`; lexicons live in its `lexicons/` folder.

        `scope` says whose folder it is (see Rule.scope). A file that is a symbolic link
        leading out of the folder is an error, never read.
        """
        if not directory.is_dir():
            raise RuleError("rules directory does not exist", str(directory))
        self.sources.append(str(directory))
        files = catalogue_files(directory)
        stored = _stored_catalogue(files) if scope == "builtin" else None
        inside = directory.resolve() if stored is None else directory
        for name, path in files:
            if stored is not None:  # the very files it was made from: nothing to check
                data = stored[name]
            else:
                _inside_or_error(inside, path)
                data = _read_yaml(path)
            relative = PurePosixPath(name)
            if "lexicons" in relative.parts[:-1]:
                if scope != "builtin":
                    _linear_or_error(path, lexicon_problem(data))
                self.add_lexicon(data, str(path))
            else:
                rule = parse_rule(data, str(path))
                _linear_or_error(path, rule_problem(rule.extends, rule.params,
                                                    user=scope != "builtin"))
                rule.scope = scope
                check_allowed(rule)
                self.add(rule)

    def add_lexicon(self, data: Any, path: str) -> None:
        """Register (or extend) a lexicon from a parsed lexicon file."""
        if not isinstance(data, dict) or "lexicon" not in data:
            raise RuleError("a lexicon file needs a 'lexicon' name and term lists per "
                            "language (en, zh)", path)
        name = str(data["lexicon"])
        terms = {lang: [str(t) for t in (data.get(lang) or [])] for lang in ("en", "zh")}
        if name in self.lexicons:
            self.lexicons[name].extend(terms)
        else:
            self.lexicons[name] = Lexicon(name, terms, str(data.get("description") or ""))

    def lexicon(self, name: str) -> Lexicon:
        """A lexicon by name; a rule naming a missing one is a rule error."""
        try:
            return self.lexicons[name]
        except KeyError:
            raise RuleError(f"unknown lexicon '{name}'"
                            f"{did_you_mean(name, list(self.lexicons))}") from None

    def load_plugins(self) -> None:
        """Load rules from installed packages' `vplint.rules` entry points.

        An entry point names a directory path, a module (its folder's `rules/` is used), or
        a callable returning a path, a list of paths, or Rule objects.
        """
        if not _may_have_plugins():
            return  # importing importlib.metadata alone costs a tenth of start-up
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = getattr(ep.dist, "name", None) or ep.value
            try:
                target = ep.load()
                produced = target() if callable(target) else target
            except Exception as exc:
                raise RuleError(f"rule plugin '{ep.name}' from package '{dist}' failed to "
                                f"load: {type(exc).__name__}: {exc}") from exc
            package = ep.value.partition(":")[0].strip().split(".")[0]
            self._add_produced(produced, ep.name, dist, package)

    def _add_produced(self, produced: Any, name: str, dist: str, package: str = "") -> None:
        if hasattr(produced, "__file__") and produced.__file__:
            produced = Path(produced.__file__).parent / "rules"
        items = produced if isinstance(produced, (list, tuple)) else [produced]
        for item in items:
            if isinstance(item, Rule):
                self.add(item)
            elif isinstance(item, (str, Path)):
                self.load_dir(Path(item), scope=f"plugin:{package}" if package else "")
            else:
                raise RuleError(f"rule plugin '{name}' from package '{dist}' returned "
                                f"{type(item).__name__}, not a rules directory or Rule")

    def sorted(self) -> list[Rule]:
        """Rules in code order."""
        return [self.rules[c] for c in sorted(self.rules)]

    def get(self, code: str) -> Rule:
        """A rule by code, with a did-you-mean when it does not exist."""
        try:
            return self.rules[code.upper()]
        except KeyError:
            raise RuleError(f"unknown rule code '{code}'"
                            f"{did_you_mean(code.upper(), list(self.rules))}") from None


def _linear_or_error(path: Path, problem: tuple[str, str] | None) -> None:
    """Raise a RuleError at the file and line of a pattern that cannot run in linear time
    (vplint.text.userre)."""
    if problem is not None:
        message, needle = problem
        try:
            line = line_of(path.read_text(encoding="utf-8"), needle)
        except (OSError, UnicodeDecodeError):
            line = None
        raise RuleError(message, str(path), line)


def _may_have_plugins() -> bool:
    """False only when no installed distribution declares a `vplint.rules` entry point.

    Reads what importlib.metadata would read (entry_points.txt of the *.dist-info and
    *.egg-info folders on sys.path) without importing it; anything it cannot look into
    (a zip on the path, an import hook that finds distributions) counts as a maybe.
    """
    import os
    import sys

    standard = ("PathFinder", "BuiltinImporter", "FrozenImporter")
    for finder in sys.meta_path:
        if hasattr(finder, "find_distributions") and getattr(
                finder, "__name__", type(finder).__name__) not in standard:
            return True
    needle = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        try:
            items = list(os.scandir(entry or "."))
        except NotADirectoryError:
            return True  # a zip or an egg
        except OSError:
            continue
        for item in items:
            if not item.name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(item.path, "entry_points.txt"), "rb") as handle:
                    if needle in handle.read():
                        return True
            except OSError:
                continue
    return False


def _inside_or_error(inside: Path, path: Path) -> None:
    """Raise a RuleError when `path` is a link leading out of the folder `inside`."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        real = None
    if real is None or (inside != real and inside not in real.parents):
        raise RuleError("a symbolic link leading out of the rules folder; not read", str(path))


def catalogue_files(directory: Path) -> list[tuple[str, Path]]:
    """(path under the folder with / separators, path) of the rule and lexicon files below
    a rules folder, in the order they load (links to folders are not followed)."""
    top = os.fspath(directory)
    found = []
    for root, _folders, names in os.walk(top):
        below = root[len(top):].strip(os.sep)  # os.walk's roots extend `top`
        parts = tuple(below.split(os.sep)) if below else ()
        found.extend((parts + (name,), root, name) for name in names
                     if name.endswith((".yaml", ".yml")))
    found.sort()
    return [("/".join(parts), Path(root, name)) for parts, root, name in found]


def catalogue_digest(files: list[tuple[str, Path]]) -> str:
    """A digest of the names and bytes of a rules folder's files, and of the regex reader
    whose answers the generated catalogue stores (vplint.text.terms): tells whether the
    generated catalogue was made from these files. CRC-32 and sizes are enough for that
    (no adversary: both are vplint's own files) and spare loading OpenSSL's hashes."""
    import zlib

    from vplint.text import terms

    parts = []
    for name, path in [*files, ("<terms.py>", terms.__file__)]:
        with open(path, "rb") as handle:
            data = handle.read()
        parts.append(f"{name}:{len(data)}:{zlib.crc32(data):08x}")
    return f"{zlib.crc32(chr(10).join(parts).encode('utf-8')):08x}-{len(parts)}"


def _stored_catalogue(files: list[tuple[str, Path]]) -> dict[str, Any] | None:
    """The built-in files as vplint.builtin_catalogue holds them (generated by
    scripts/gen_catalogue.py, imported from byte code: no YAML parsing), or None when that
    module was made from other files than these: then they are read as YAML."""
    try:
        from vplint import builtin_catalogue
    except ImportError:  # pragma: no cover - a build without the generated module
        return None
    try:
        if catalogue_digest(files) != builtin_catalogue.DIGEST:
            return None
    except OSError:
        return None
    remember_prefixes(builtin_catalogue.prefixes())
    return builtin_catalogue.files()


def read_rule_file(path: Path) -> Any:
    """A rule or lexicon file's data, read with the bounded YAML loader."""
    return _read_yaml(path)


def _read_yaml(path: Path) -> Any:
    # Rule folders may come from the repository under review: the bounded loader reads
    # them (depth, size and aliases limited, no tags constructed), like the configuration.
    from vplint.document import parse_yaml

    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read: {exc}", str(path)) from exc
    docs = parse_yaml(text, str(path))
    for doc in docs:
        for problem in doc.problems:
            line = doc.lines.position(problem.start)[0]
            if problem.code == "VP004":
                raise RuleError(f"duplicate key '{problem.args['key']}'", str(path), line)
            if "root" in problem.args:
                raise RuleError("a rule file must be a mapping", str(path), line)
            reason = str(problem.args.get("reason", "invalid YAML"))
            raise RuleError(reason.replace("cannot parse YAML: ", "cannot parse: "),
                            str(path), line)
    if len(docs) > 1:
        raise RuleError("a rule file must be one YAML document, not several", str(path),
                        docs[1].lines.position(docs[1].start)[0])
    tree = docs[0].tree
    return None if tree is None else tree.plain()
