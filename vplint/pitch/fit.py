"""Fitting a draft to its budget: take out the least valuable material first, stop as
soon as the draft fits, then give back what a later step made unnecessary.

The fitter never edits the draft's text: it changes the template context (drops list
items, cuts a field to its first sentences, clauses or words) and renders again, so a
custom template is fitted the same way as a built-in one, and only steps that changed the
draft are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from vplint.pitch.context import FieldList, FieldMap, MissingField, get_path, join_path, set_path
from vplint.pitch.slots import Misfit
from vplint.pitch.templates import TemplateError
from vplint.pitch.text import count_units, cut_text, lang_of
from vplint.text.lang import measure

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
            value = get_path(ctx, path)
            if isinstance(value, str):
                ctx = set_path(ctx, path, cut_text(value, how, keep))
        return ctx

    def apply(self, base: FieldMap) -> FieldMap:
        """The context with this plan's cuts and drops."""
        ctx = self.cut_context(base)
        for path in sorted({p for p, _ in self.dropped} | set(self.emptied)):
            items = get_path(ctx, path)
            if not isinstance(items, list):
                continue
            kept = [item for i, item in enumerate(items) if not self.removed(path, i)]
            kept = [FieldMap(dict(item), join_path(path, j)) if isinstance(item, FieldMap) else item
                    for j, item in enumerate(kept)]
            ctx = set_path(ctx, path, FieldList(kept, path))
        return ctx


def _drop_order(base: FieldMap) -> list[tuple[str, int]]:
    """Extra list items, least valuable first: every proof item but the strongest
    (weakest first), then the last bullets, objections, pains, gains and competitors."""
    order: list[tuple[str, int]] = []
    for path in LIST_DROP_ORDER:
        items = get_path(base, path)
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
        items = get_path(base, head)
        for i in range(len(items) if isinstance(items, list) else 0):
            if not plan.removed(head, i):
                paths.append(f"{head}[{i}]{tail}")
    return [p for p in paths if isinstance(get_path(base, p), str)]


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
        except (MissingField, Misfit, TemplateError):
            return None  # the template cannot do without it, or a cut broke its shape

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
            if isinstance(get_path(self.base, path), list):
                self._take(replace(self.plan, emptied=self.plan.emptied | {path}),
                           ("whole", path), path, "all")
                yield None

    def _cut_once(self, path: str, how: str) -> bool:
        """Cut one more unit off `path`; False when it cannot shrink or is needed whole."""
        current = get_path(self.plan.cut_context(self.base), path)
        units = count_units(current, how) if isinstance(current, str) else 0
        plan = self.plan.with_cut(path, how, units - 1)
        if units <= 1 or get_path(plan.cut_context(self.base), path) == current:
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
                value = get_path(ctx, path)
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
                    if count_units(str(get_path(fuller.cut_context(self.base), path)),
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
    items = get_path(base, path)
    item = items[index] if isinstance(items, list) and index < len(items) else None
    if isinstance(item, dict) and item.get("kind"):
        return str(item["kind"])
    return "item"
