"""Pitch drafts from a proposition: `vplint pitch`.

A proposition file holds the parts of a pitch; a Jinja2 template (built in, or from the
configured `templates_dirs`) arranges them into a positioning statement, an XYZ line,
Maxwell's three musts, a four-part elevator pitch or a tagline, in English or Chinese.

The flow for one proposition and one template:

1. fields: the proposition's non-empty fields become the template context (empty
   fields are left out, so the template sees them as undefined);
2. render in a sandbox with strict undefined variables; a template that touches a field
   the proposition lacks raises `MissingField`, which becomes "moore needs `segment.who`
   (AUD001 would flag it)" -- or, with `allow_gaps`, a visible [TODO: segment.who];
3. fit: while the draft is longer than its budget (spoken seconds, or a fixed word limit
   for taglines), drop the lowest-priority material -- the weakest extra proof items,
   secondary bullets, then trailing sentences and clauses -- and record what was dropped;
4. lint the draft with the clarity rules (CLR) as a proposition of its own.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2.runtime import missing
from jinja2.sandbox import ImmutableSandboxedEnvironment

from vplint.config import Config
from vplint.document import Document, load_file
from vplint.engine import Linter
from vplint.errors import ConfigError, UsageError, VplintError, did_you_mean
from vplint.model import PropositionResult
from vplint.pitch_text import (
    clause,
    count_units,
    cut_text,
    drop_you,
    first_clause,
    is_noun_phrase,
    is_time_phrase,
    is_verb_phrase,
    is_you_form,
    lang_of,
    lower_first,
    main_clause,
    sentence,
    short_name,
    tidy,
    with_article,
)
from vplint.rules import Registry
from vplint.schema import spec_at
from vplint.text.lang import detect_language, measure

BUILTIN_DIR = Path(__file__).parent / "templates" / "pitch"
BUILTIN_ORDER = ("moore", "xyz", "maxwell", "elevator", "tagline")
DEFAULT_TEMPLATE = "elevator"
LANGUAGES = ("en", "zh")
FORMATS = ("text", "markdown")
DEFAULT_SECONDS = 60
MAX_SECONDS = 600
RATES = {"en": 150, "zh": 220}
"""Spoken rate: English words / Chinese characters a minute (rulebook section 6)."""
BUDGET_RULE = "CLR002"
RATE_PARAM, SECONDS_PARAM = "rate", "budget_seconds"
"""CLR002's parameters: spoken rate ({en, zh} or one number) and the budget in seconds."""

FIELD_RULES = {
    "segment.who": "AUD001",
    "need": "NED001",
    "outcome": "OUT001",
    "time_bound": "TIM001",
    "guarantee": "OBJ001",
    "differentiation.unlike": "DIF001",
    "proof": "PRF001",
    "offering": "OFR001",
    "positioning.focus_word": "LAW005",
    "category": "LAW002",
}
"""The rule that reports a proposition lacking the field (named when a draft needs it)."""

LIST_DROP_ORDER = ("proof", "copy.bullets", "objections", "pains", "gains", "competitors")
"""Lists whose extra items go first when a draft is too long (all but one item)."""
WHOLE_DROP_ORDER = ("competitors", "gains", "pains", "objections", "copy.bullets", "proof")
"""Lists dropped entirely as a last resort; templates test them with `{% if proof %}`."""
CUT_ORDER = (
    "proof[].text", "objections[].answer", "copy.bullets[]", "offering", "segment.who",
    "experience", "benefit", "differentiation.because", "need", "outcome", "guarantee",
    "time_bound",
)
"""Texts shortened (sentences, then clauses) when dropping items is not enough; first
listed, first shortened."""
CUT_RANK = {p: i for i, p in enumerate(CUT_ORDER)}
WHOLE_ONLY = ("proof[",)
"""Texts never cut inside a sentence: half a piece of evidence proves nothing."""
MIN_WORDS = {"en": 4, "zh": 6}
"""The last-resort word trim stops at this length."""
PROOF_STRENGTH = {"data": 4, "case": 4, "testimonial": 3, "principle": 2, "certification": 2}
"""Evidence ranks (rulebook section 11): third-party data and named cases first; an item
with a source outranks one without."""
LINT_FIELDS = ("pitch", "headline", "subheadline", "body")
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_DIRECTIVE = re.compile(r"\A\s*\{#-?\s*vplint:(?P<body>.*?)-?#\}", re.S)


# ---- errors and results ----------------------------------------------------------------
class TemplateError(VplintError):
    """A pitch template cannot be loaded or rendered; names the template file and line."""


class MissingField(jinja2.UndefinedError):
    """A template used a proposition field the proposition does not fill."""

    def __init__(self, path: str, message: str = "") -> None:
        super().__init__(message or f"'{path}' is undefined")
        self.path = path


@dataclass(frozen=True)
class Budget:
    """How long a draft may be: `limit` units (English words or Chinese characters)."""

    language: str
    limit: int
    seconds: int | None = None
    rate: float | None = None

    @property
    def spoken(self) -> bool:
        """True for a spoken budget (seconds at a rate), False for a fixed limit."""
        return self.seconds is not None


@dataclass
class Draft:
    """One template rendered for one proposition, with how it was fitted and linted."""

    template: str
    language: str
    budget: Budget
    text: str | None = None
    missing: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """(field, what): "kind of item" for a dropped list item, "end" for a shortened text,
    "all" for a whole list, in the order they were taken out."""
    length: int = 0
    lint: PropositionResult | None = None
    flagged: dict[str, tuple[str, bool]] = field(default_factory=dict)
    """For a missing field: the rule that checks it, and whether it fires on the file."""

    @property
    def fits(self) -> bool:
        """True when the draft is within its budget."""
        return self.text is not None and self.length <= self.budget.limit


@dataclass
class PropositionDrafts:
    """The drafts of one proposition of the file."""

    name: str | None
    index: int
    language: str
    drafts: list[Draft]


@dataclass
class PitchReport:
    """Everything `vplint pitch` prints, and its exit code."""

    path: str
    propositions: list[PropositionDrafts]

    @property
    def exit_code(self) -> int:
        """1 when a template lacked fields (and gaps were not allowed), else 0."""
        return 1 if any(d.missing for p in self.propositions for d in p.drafts) else 0


# ---- the template context --------------------------------------------------------------
class FieldMap(dict):
    """A mapping of proposition fields that knows its field path (for missing fields)."""

    __slots__ = ("_vp_path",)

    def __init__(self, items: dict[str, Any], path: str = "") -> None:
        super().__init__(items)
        self._vp_path = path


class FieldList(list):
    """A list of proposition values that knows its field path."""

    __slots__ = ("_vp_path",)

    def __init__(self, items: list[Any], path: str) -> None:
        super().__init__(items)
        self._vp_path = path


def _join(path: str, name: Any) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else str(name)


class FieldUndefined(jinja2.StrictUndefined):
    """Strict undefined that remembers which field path was asked for.

    `segment.who` on a proposition without `segment` chains to the path "segment.who"
    instead of failing on "segment", so the message can name the field and its rule.
    Using the value in any way raises MissingField(path). Sandbox refusals (a hint is
    set) keep their own exception.
    """

    __slots__ = ("_vp_path",)

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError,
                 path: str | None = None) -> None:
        if path is None and hint is None and exc is jinja2.UndefinedError:
            if obj is missing and isinstance(name, str):
                path = name
            elif isinstance(obj, (FieldMap, FieldList)) and name is not None:
                path = _join(obj._vp_path, name)
        if path is not None:
            exc = functools.partial(MissingField, path)  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)
        self._vp_path = path

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" and name[-2:] == "__":
            raise AttributeError(name)
        if self._vp_path is None:
            self._fail_with_undefined_error()
        return FieldUndefined(name=name, path=_join(self._vp_path, name))

    def __getitem__(self, name: Any) -> Any:  # type: ignore[override]
        if self._vp_path is None or not isinstance(name, (str, int)):
            self._fail_with_undefined_error()
        return FieldUndefined(name=str(name), path=_join(self._vp_path, name))


def _clean(text: str) -> str:
    return " ".join(text.split())


def extract(doc: Document) -> FieldMap:
    """The proposition's filled fields as a template context (empty ones left out)."""
    if doc.tree is None:
        return FieldMap({})
    value = _plain(doc.tree.plain(), "")
    return value if isinstance(value, FieldMap) else FieldMap({})


def _plain(value: Any, path: str) -> Any:
    if isinstance(value, dict):
        items = {str(k): _plain(v, _join(path, str(k))) for k, v in value.items()}
        items = {k: v for k, v in items.items() if v is not None}
        return FieldMap(items, path) if items else None
    if isinstance(value, list):
        items = [_plain(v, _join(path, i)) for i, v in enumerate(value)]
        kept = [v for v in items if v is not None]
        for i, item in enumerate(kept):  # paths follow the kept positions
            if isinstance(item, FieldMap):
                item._vp_path = _join(path, i)
        return FieldList(kept, path) if kept else None
    if isinstance(value, str):
        return _clean(value) or None
    return value


def known_field(path: str) -> bool:
    """True when `path` (indexes allowed) names a field of the proposition format."""
    parts = [p for p in re.sub(r"\[\d+\]", "", path).split(".") if p]
    return bool(parts) and spec_at(parts) is not None


def _tokens(path: str) -> list[str | int]:
    out: list[str | int] = []
    for part in path.split("."):
        name, *indexes = re.split(r"\[", part)
        if name:
            out.append(name)
        out.extend(int(i.rstrip("]")) for i in indexes)
    return out


def _get(ctx: Any, path: str) -> Any:
    current = ctx
    for token in _tokens(path):
        try:
            current = current[token]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def _set(ctx: FieldMap, path: str, value: Any) -> FieldMap:
    """A copy of `ctx` with `path` set (containers on the way copied, others shared)."""
    tokens = _tokens(path)

    def rebuild(node: Any, depth: int, at: str) -> Any:
        token = tokens[depth]
        here = _join(at, token)
        if isinstance(token, int):
            items = list(node) if isinstance(node, list) else []
            while len(items) <= token:
                items.append(FieldMap({}, _join(at, len(items))))
            items[token] = value if depth == len(tokens) - 1 else rebuild(items[token],
                                                                          depth + 1, here)
            return FieldList(items, at)
        items = dict(node) if isinstance(node, dict) else {}
        if depth == len(tokens) - 1:
            items[token] = value
        else:
            items[token] = rebuild(items.get(token), depth + 1, here)
        return FieldMap(items, at)

    return rebuild(ctx, 0, "")


GAP_KEYS = {"proof": "text", "objections": "answer", "competitors": "name"}


def placeholder(path: str) -> Any:
    """The visible [TODO: field] stand-in for a missing field, shaped like the field."""
    bare = re.sub(r"\[\d+\]", "", path)
    spec = spec_at(bare.split("."))
    todo = f"[TODO: {bare}]"
    kind = spec[0] if spec else None
    if isinstance(kind, list):
        key = GAP_KEYS.get(bare.rsplit(".", 1)[-1], "text")
        return FieldList([FieldMap({key: todo}, f"{path}[0]")], path)
    if kind == "texts":
        return FieldList([todo], path)
    if isinstance(kind, dict):
        return FieldMap({}, path)
    return todo


# ---- Jinja filters and tests ---------------------------------------------------------------
def _protected(ctx: Any) -> set[str]:
    """Capitalised words that are names (the proposition's, competitors', the leader's)."""
    names: list[str] = []
    for path in ("name", "positioning.leader", "differentiation.unlike"):
        value = _get(ctx, path)
        if isinstance(value, str):
            names.append(value)
    for item in _get(ctx, "competitors") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return {w for n in names for w in re.findall(r"[A-Za-z][\w'’&-]*", n) if w[0].isupper()}


@jinja2.pass_context
def _phrase(context: Any, text: Any) -> str:
    """Text for the middle of a sentence: no closing stop, ordinary first word lower-cased."""
    return lower_first(clause(text), _protected(context))


FILTERS: dict[str, Callable[..., Any]] = {
    "clause": clause, "sentence": sentence, "phrase": _phrase, "short": short_name,
    "with_article": with_article, "first_clause": first_clause, "drop_you": drop_you,
    "lower_first": lower_first, "main": main_clause,
}
TESTS: dict[str, Callable[..., bool]] = {
    "you_form": is_you_form, "noun_phrase": is_noun_phrase, "verb_phrase": is_verb_phrase,
    "time_phrase": is_time_phrase,
}


# ---- templates -----------------------------------------------------------------------------
@dataclass(frozen=True)
class TemplateInfo:
    """A template file and its optional `{# vplint: max=10 field=headline #}` directive."""

    name: str
    language: str
    filename: str
    limit: int | None = None
    lint_field: str = "pitch"


class Templates:
    """Pitch templates: configured directories first (they may override a built-in name),
    then the built-ins; each is a file `<name>.<en|zh>.j2`."""

    def __init__(self, dirs: list[str] | tuple[str, ...] = ()) -> None:
        for d in dirs:
            if not Path(d).is_dir():
                raise ConfigError("templates directory does not exist", d)
        self.dirs = [str(d) for d in dirs]
        loader = jinja2.FileSystemLoader([*self.dirs, str(BUILTIN_DIR)])
        self.env = ImmutableSandboxedEnvironment(
            loader=loader, undefined=FieldUndefined, autoescape=False,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
        self.env.filters.update(FILTERS)
        self.env.tests.update(TESTS)

    def names(self) -> list[str]:
        """Every template name: built-ins in their usual order, then custom ones by name."""
        found = set()
        for name in self.env.list_templates(extensions=["j2"]):
            parts = name.split(".")
            if len(parts) == 3 and parts[1] in LANGUAGES and "/" not in name:
                found.add(parts[0])
        return [n for n in BUILTIN_ORDER if n in found] + sorted(found - set(BUILTIN_ORDER))

    def info(self, name: str, language: str) -> TemplateInfo:
        """Find a template and read its directive; unknown names are usage errors."""
        if not _NAME_RE.match(name):
            raise UsageError(f"'{name}' is not a template name (letters, digits, - and _)")
        names = self.names()
        if name not in names:
            raise UsageError(f"unknown template '{name}'{did_you_mean(name, names)}; "
                             f"choose from {', '.join(names)}")
        file = f"{name}.{language}.j2"
        try:
            source, filename, _ = self.env.loader.get_source(self.env, file)  # type: ignore
        except jinja2.TemplateNotFound:
            raise UsageError(f"template '{name}' has no {language} version ({file})") from None
        except (OSError, UnicodeDecodeError) as exc:
            where = next((str(Path(d, file)) for d in [*self.dirs, str(BUILTIN_DIR)]
                          if Path(d, file).is_file()), file)
            reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            raise TemplateError(f"cannot read template: {reason}", where) from None
        return TemplateInfo(name, language, filename or file, *_directive(source, filename))

    def has(self, name: str, language: str) -> bool:
        """True when the template exists in that language."""
        try:
            self.env.loader.get_source(self.env, f"{name}.{language}.j2")  # type: ignore
        except jinja2.TemplateNotFound:
            return False
        return True

    def render(self, info: TemplateInfo, ctx: FieldMap) -> str:
        """Render; MissingField for a missing proposition field, TemplateError otherwise."""
        try:
            template = self.env.get_template(f"{info.name}.{info.language}.j2")
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message}",
                                exc.filename or info.filename, exc.lineno) from None
        try:
            return template.render(ctx)
        except MissingField as exc:
            if known_field(exc.path):
                raise
            raise TemplateError(f"template error: '{exc.path}' is undefined (not a "
                                "proposition field)", info.filename,
                                _template_line(exc, info.filename)) from None
        except Exception as exc:  # a template can fail in any way; say where
            raise TemplateError(f"template error: {type(exc).__name__}: {exc}", info.filename,
                                _template_line(exc, info.filename)) from None


def _directive(source: str, filename: str | None) -> tuple[int | None, str]:
    match = _DIRECTIVE.match(source)
    if not match:
        return None, "pitch"
    limit, lint_field = None, "pitch"
    for item in match.group("body").split():
        key, _, value = item.partition("=")
        if key == "max" and value.isdigit() and int(value) > 0:
            limit = int(value)
        elif key == "field" and value in LINT_FIELDS:
            lint_field = value
        else:
            raise TemplateError(f"bad directive '{item}': use max=<words or characters> "
                                f"and field=<{'|'.join(LINT_FIELDS)}>", filename, 1)
    return limit, lint_field


def _template_line(exc: BaseException, filename: str) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


# ---- fitting ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Plan:
    """What has been taken out of the context: list items (by their index in the file),
    whole lists, and texts cut to their first N sentences, clauses or words."""

    dropped: frozenset[tuple[str, int]] = frozenset()
    emptied: frozenset[str] = frozenset()
    cuts: tuple[tuple[str, str, int], ...] = ()

    def removed(self, path: str, index: int) -> bool:
        """True when item `index` of list `path` is out."""
        return path in self.emptied or (path, index) in self.dropped

    def with_cut(self, path: str, how: str, keep: int) -> _Plan:
        """This plan with `path` cut to `keep` units (replacing a cut of the same kind)."""
        cuts = tuple(c for c in self.cuts if c[:2] != (path, how))
        return replace(self, cuts=(*cuts, (path, how, keep)))

    def cut_context(self, base: FieldMap) -> FieldMap:
        """The context with the cuts applied (list items keep their file indexes)."""
        ctx = base
        for path, how, keep in self.cuts:
            value = _get(ctx, path)
            if isinstance(value, str):
                ctx = _set(ctx, path, cut_text(value, how, keep))
        return ctx

    def apply(self, base: FieldMap) -> FieldMap:
        """The context with this plan's cuts and drops."""
        ctx = self.cut_context(base)
        for path in sorted({p for p, _ in self.dropped} | set(self.emptied)):
            items = _get(ctx, path)
            if not isinstance(items, list):
                continue
            kept = [item for i, item in enumerate(items) if not self.removed(path, i)]
            kept = [FieldMap(dict(item), _join(path, j)) if isinstance(item, FieldMap) else item
                    for j, item in enumerate(kept)]
            ctx = _set(ctx, path, FieldList(kept, path))
        return ctx


def _drop_order(base: FieldMap) -> list[tuple[str, int]]:
    """Extra list items, least valuable first: every proof item but the strongest
    (weakest first), then the last bullets, objections, pains, gains and competitors."""
    order: list[tuple[str, int]] = []
    for path in LIST_DROP_ORDER:
        items = _get(base, path)
        if not isinstance(items, list) or len(items) < 2:
            continue
        indexes = list(range(len(items)))
        if path == "proof":
            indexes.sort(key=lambda i: (-_strength(items[i]), i))
        order.extend((path, i) for i in reversed(indexes[1:]))
    return order


def _strength(item: Any) -> int:
    if not isinstance(item, dict):
        return 0
    return PROOF_STRENGTH.get(str(item.get("kind")), 1) + (2 if item.get("source") else 0)


def _cut_paths(base: FieldMap, plan: _Plan, how: str) -> list[str]:
    """Texts that may be shortened, in CUT_ORDER, skipping items already dropped."""
    paths = []
    for pattern in CUT_ORDER:
        if how != "sentences" and pattern.startswith(WHOLE_ONLY):
            continue
        if "[]" not in pattern:
            paths.append(pattern)
            continue
        head, _, tail = pattern.partition("[]")
        items = _get(base, head)
        for i in range(len(items) if isinstance(items, list) else 0):
            if not plan.removed(head, i):
                paths.append(f"{head}[{i}]{tail}")
    return [p for p in paths if isinstance(_get(base, p), str)]


class Fitter:
    """Shrinks a context step by step, lowest priority first, until its rendering fits
    the budget; then gives back what it no longer needs (latest first), and remembers
    what stayed out -- only steps that changed the draft count."""

    def __init__(self, render: Callable[[FieldMap], str], base: FieldMap, budget: Budget):
        self.render = render
        self.base = base
        self.budget = budget
        self.plan = _Plan()
        self.text = render(base)
        self.history: list[tuple[str, Any]] = []
        self.notes: dict[tuple[str, Any], tuple[str, str]] = {}

    @property
    def length(self) -> int:
        """The current draft's length in budget units."""
        return measure(self.text, self.budget.language)

    @property
    def dropped(self) -> dict[str, str]:
        """What stayed out, in the order it was taken out: {field: label}."""
        out: dict[str, str] = {}
        for step in self.history:
            if step in self.notes:
                key, label = self.notes[step]
                out.setdefault(key, label)
        return out

    def fits(self) -> bool:
        """True when the current draft is within the budget."""
        return self.length <= self.budget.limit

    def run(self) -> str:
        """Fit the draft and return it: extra list items, then trailing sentences, then
        trailing clauses, then whole optional lists, then (last resort) trailing words of
        whichever used field is longest."""
        for step in (self._items(), self._cuts("sentences"), self._cuts("clauses"),
                     self._whole_lists(), self._words()):
            for _ in step:
                if self.fits():
                    self._relax()
                    return self.text
        return self.text

    def _render(self, plan: _Plan) -> str | None:
        try:
            return self.render(plan.apply(self.base))
        except (MissingField, TemplateError):
            return None  # the template cannot do without it: keep it

    def _take(self, plan: _Plan, step: tuple[str, Any], key: str, label: str) -> bool:
        text = self._render(plan)
        if text is None:
            return False
        if step not in self.history:
            self.history.append(step)
        if text != self.text:
            self.notes.setdefault(step, (key, label))
        self.plan, self.text = plan, text
        return True

    def _items(self) -> Iterator[None]:
        for path, index in _drop_order(self.base):
            self._take(replace(self.plan, dropped=self.plan.dropped | {(path, index)}),
                       ("item", (path, index)), f"{path}[{index}]",
                       _item_label(self.base, path, index))
            yield None

    def _whole_lists(self) -> Iterator[None]:
        for path in WHOLE_DROP_ORDER:
            if isinstance(_get(self.base, path), list):
                self._take(replace(self.plan, emptied=self.plan.emptied | {path}),
                           ("whole", path), path, "all")
                yield None

    def _cut_once(self, path: str, how: str) -> bool:
        """Cut one more unit off `path`; False when it cannot shrink or is needed whole."""
        current = _get(self.plan.cut_context(self.base), path)
        units = count_units(current, how) if isinstance(current, str) else 0
        plan = self.plan.with_cut(path, how, units - 1)
        if units <= 1 or _get(plan.cut_context(self.base), path) == current:
            return False
        return self._take(plan, ("cut", (path, how)), path, "end")

    def _cuts(self, how: str) -> Iterator[None]:
        for path in _cut_paths(self.base, self.plan, how):
            while not self.fits() and self._cut_once(path, how):
                pass
            yield None

    def _words(self) -> Iterator[None]:
        unused: set[str] = set()
        while not self.fits():
            ctx = self.plan.cut_context(self.base)
            sizes = []
            for path in _cut_paths(self.base, self.plan, "words"):
                value = _get(ctx, path)
                if path not in unused and isinstance(value, str):
                    size = measure(value, lang_of(value))
                    if size > MIN_WORDS[lang_of(value)]:
                        sizes.append((size, -CUT_RANK.get(path, 0), path))
            if not sizes:
                return
            path = max(sizes)[2]
            before = self.text
            if not self._cut_once(path, "words") or self.text == before:
                unused.add(path)  # the template needs it whole, or does not use it
            yield None

    def _relax(self) -> None:
        """Give back, latest first, what the draft no longer needs to leave out."""
        for step in reversed(list(self.history)):
            kind, what = step
            if kind == "cut":
                path, how = what
                entry = next((c for c in self.plan.cuts if c[:2] == what), None)
                while entry is not None:
                    fuller = _Plan(self.plan.dropped, self.plan.emptied,
                                   tuple(c for c in self.plan.cuts if c is not entry))
                    if count_units(str(_get(fuller.cut_context(self.base), path)),
                                   how) > entry[2] + 1:
                        fuller = self.plan.with_cut(path, how, entry[2] + 1)
                    if not self._give_back(fuller):
                        break
                    entry = next((c for c in self.plan.cuts if c[:2] == what), None)
                if entry is None:
                    self._forget(step)
            elif kind == "item":
                if self._give_back(replace(self.plan, dropped=self.plan.dropped - {what})):
                    self._forget(step)
            elif self._give_back(replace(self.plan, emptied=self.plan.emptied - {what})):
                self._forget(step)

    def _give_back(self, plan: _Plan) -> bool:
        text = self._render(plan)
        if text is None or measure(text, self.budget.language) > self.budget.limit:
            return False
        self.plan, self.text = plan, text
        return True

    def _forget(self, step: tuple[str, Any]) -> None:
        self.notes.pop(step, None)
        self.history.remove(step)


def _item_label(base: FieldMap, path: str, index: int) -> str:
    items = _get(base, path)
    item = items[index] if isinstance(items, list) and index < len(items) else None
    if isinstance(item, dict) and item.get("kind"):
        return str(item["kind"])
    return "item"


# ---- drafting ----------------------------------------------------------------------------------
def rates(config: Config, registry: Registry) -> dict[str, float]:
    """Words (en) and characters (zh) spoken a minute: CLR002's `rate` parameter (its
    rule file, then `rule_options`; a number or an {en, zh} table), else 150 and 220."""
    rate: Any = None
    if BUDGET_RULE in registry.rules:
        rate = {**registry.rules[BUDGET_RULE].params,
                **config.rule_options.get(BUDGET_RULE, {})}.get(RATE_PARAM)
    out = {}
    for lang in LANGUAGES:
        value = rate.get(lang, RATES[lang]) if isinstance(rate, dict) else rate
        value = RATES[lang] if value is None else value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"rule_options {BUDGET_RULE} {RATE_PARAM} must be a positive "
                              f"number (or an en/zh table of them), not {value!r}",
                              config.path)
        out[lang] = float(value)
    return out


def language_of(doc: Document) -> str:
    """The proposition's language: its `language` field, else detected from its text."""
    declared = doc.text("language")
    if declared in LANGUAGES:
        return declared
    return detect_language(doc.all_text())


class Drafter:
    """Drafts pitches for one run: templates, budgets and the linters are fixed here."""

    def __init__(self, config: Config, registry: Registry, seconds: int = DEFAULT_SECONDS,
                 allow_gaps: bool = False) -> None:
        if seconds <= 0:
            raise UsageError(f"--seconds must be a positive number, not {seconds}")
        self.config = config
        self.registry = registry
        self.seconds = seconds
        self.allow_gaps = allow_gaps
        self.templates = Templates(config.templates_dirs)
        self.rates = rates(config, registry)
        clarity = sorted(c for c in registry.rules if c.startswith("CLR"))
        options = dict(config.rule_options)
        if BUDGET_RULE in registry.rules:
            options[BUDGET_RULE] = {**options.get(BUDGET_RULE, {}), **self._budget_params()}
        self.clarity = Linter(replace(config, select=clarity, extend_select=[],
                                      per_file_ignores={}, rule_options=options), registry)
        field_codes = sorted({c for c in FIELD_RULES.values() if c in registry.rules})
        self.field_linter = Linter(replace(config, select=field_codes, extend_select=[],
                                           ignore=[], per_file_ignores={}), registry)

    def _budget_params(self) -> dict[str, Any]:
        """CLR002 judges the draft at the rate and budget it was fitted to."""
        return {RATE_PARAM: dict(self.rates), SECONDS_PARAM: self.seconds}

    def budget(self, info: TemplateInfo) -> Budget:
        """The draft's budget: the template's fixed limit, else seconds at the spoken rate."""
        if info.limit is not None:
            return Budget(info.language, info.limit)
        rate = self.rates[info.language]
        return Budget(info.language, math.floor(self.seconds * rate / 60), self.seconds, rate)

    def draft_file(self, path: str, names: list[str] | None, language: str | None = None
                   ) -> PitchReport:
        """Draft every proposition of a file with the named templates (None = every one)."""
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"no such file: {path}")
        docs = load_file(file, path)
        for doc in docs:
            for problem in doc.problems:
                if problem.code == "VP001":
                    line = doc.lines.position(problem.start)[0] if doc.source else None
                    reason = problem.args.get("reason", "cannot read the proposition")
                    raise UsageError(f"cannot draft a pitch: {reason}", path, line)
        fired = self._fired(file, path)
        out = []
        for doc in docs:
            lang = language or language_of(doc)
            wanted = names if names is not None else [
                n for n in self.templates.names() if self.templates.has(n, lang)]
            drafts = [self.draft(doc, name, lang, fired.get(doc.index, set()))
                      for name in wanted]
            out.append(PropositionDrafts(doc.name, doc.index, lang, drafts))
        return PitchReport(path, out)

    def _fired(self, file: Path, path: str) -> dict[int, set[str]]:
        return {r.index: {f.code for f in r.findings}
                for r in self.field_linter.lint_file(file, path)}

    def draft(self, doc: Document, name: str, language: str,
              fired: set[str] | frozenset[str] = frozenset()) -> Draft:
        """One template for one proposition: render, fill or report gaps, fit, lint."""
        info = self.templates.info(name, language)
        budget = self.budget(info)
        base = extract(doc)
        base = _set(base, "lang", language)
        missing: list[str] = []
        for _ in range(100):  # each pass finds one more missing field
            try:
                self.templates.render(info, base)
                break
            except MissingField as exc:
                missing.append(re.sub(r"\[\d+\]", "", exc.path))
                base = _set(base, exc.path, placeholder(exc.path))
        else:  # pragma: no cover - a template would need 100 distinct fields
            raise TemplateError("template needs too many missing fields", info.filename)
        draft = Draft(name, language, budget)
        draft.flagged = {f: (FIELD_RULES[f], FIELD_RULES[f] in fired) for f in missing
                         if FIELD_RULES.get(f) in self.registry.rules}
        if missing and not self.allow_gaps:
            draft.missing = missing
            return draft
        draft.gaps = missing
        fitter = Fitter(lambda ctx: tidy(self.templates.render(info, ctx), language),
                        base, budget)
        draft.text = fitter.run()
        draft.length = fitter.length
        draft.dropped = list(fitter.dropped.items())
        draft.lint = self._lint(draft.text, language, info.lint_field)
        return draft

    def _lint(self, text: str, language: str, lint_field: str) -> PropositionResult:
        source = yaml.safe_dump({"language": language, "copy": {lint_field: text}},
                                allow_unicode=True, sort_keys=False, width=1_000_000)
        return self.clarity.lint_text(source, f"<{lint_field}>")[0]


def run_pitch(file: str, template: str | None = None, all_templates: bool = False,
              seconds: int = DEFAULT_SECONDS, lang: str | None = None,
              output_format: str = "text", allow_gaps: bool = False,
              config_path: str | None = None) -> tuple[str, int]:
    """`vplint pitch`: validate the options, draft, and return (output, exit code)."""
    from vplint import api

    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"--lang must be en or zh, not '{lang}'")
    if output_format not in FORMATS:
        raise UsageError(f"unknown format '{output_format}' for pitch; choose text or "
                         f"markdown{did_you_mean(output_format, FORMATS)}")
    if template is not None and all_templates:
        raise UsageError("give either --template or --all, not both")
    if not 1 <= seconds <= MAX_SECONDS:
        raise UsageError(f"--seconds must be between 1 and {MAX_SECONDS} (30, 60 and 120 "
                         f"are the usual budgets), not {seconds}")
    run = api.prepare(config_path)
    drafter = Drafter(run.config, run.registry, seconds, allow_gaps)
    names = None if all_templates else [template or DEFAULT_TEMPLATE]
    report = drafter.draft_file(file, names, lang)
    from vplint.pitch_report import format_report

    return format_report(report, output_format), report.exit_code
