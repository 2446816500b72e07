"""The declarative rule types (Vale's extension points), driven entirely by rule params.

existence    terms or lexicons that should not appear (one hit per occurrence)
substitution term -> preferred term (hit carries the suggestion)
required     at least one of some fields is filled, or the copy says it (lexicon)
pattern      a field must / must not match a regex
limit        a field holds at most N English words / N Chinese characters
occurrence   a lexicon occurs between min and max times
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vplint.checks import CheckContext, Hit, needs_hits
from vplint.text.facts import FieldMatch
from vplint.text.lang import measure
from vplint.text.lexicon import Lexicon
from vplint.text.userre import linear

_regexes: dict[str, Any] = {}


def _fields(ctx: CheckContext, default: tuple[str, ...] = ("",)) -> tuple[str, ...]:
    value = ctx.params.get("fields", default)
    return (value,) if isinstance(value, str) else tuple(value)


def _inline(ctx: CheckContext, key: str, terms: Any) -> Lexicon:
    """A lexicon made from a rule's inline `terms`, compiled once per run."""
    cache = ctx.rule.compiled
    if key not in cache:
        table = terms if isinstance(terms, dict) else {"en": list(terms), "zh": list(terms)}
        cache[key] = Lexicon(f"{ctx.rule.code}:{key}", {k: list(v) for k, v in table.items()})
    return cache[key]


def _regex(source: str) -> Any:
    """A `pattern` rule's regex, run with RE2 (linear time; see vplint.text.userre)."""
    if source not in _regexes:
        _regexes[source] = linear(source)
    return _regexes[source]


def matches(ctx: CheckContext, fields: tuple[str, ...] | None = None) -> list[FieldMatch]:
    """Hits of the rule's `lexicons` and inline `terms` in its fields, in file order."""
    fields = fields if fields is not None else _fields(ctx)
    found: list[FieldMatch] = []
    for name in ctx.lexicons():
        found.extend(ctx.facts.find(name, fields))
    terms = ctx.params.get("terms")
    if terms:
        lexicon = _inline(ctx, "terms", terms)
        for path, node in ctx.facts.texts(fields):
            for m in lexicon.find(str(node.value)):
                found.append(FieldMatch(path, node, m.start, m.end, m.text, m.term))
    found.sort(key=lambda m: (m.node.start, m.start))
    return _without_overlaps(found)


def _without_overlaps(found: list[FieldMatch]) -> list[FieldMatch]:
    out: list[FieldMatch] = []
    for m in found:
        if out and out[-1].node is m.node and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


def hit_for(m: FieldMatch, **args: Any) -> Hit:
    """A Hit located on a lexicon match."""
    return Hit(field=m.field, node=m.node, start=m.start, end=m.end, match=m.text,
               args={"match": m.text, **args})


@needs_hits("lexicons", unless=("terms",))
def existence(ctx: CheckContext) -> Iterator[Hit]:
    """Flag every occurrence of the rule's terms or lexicons in its fields."""
    for m in matches(ctx):
        yield hit_for(m)


def substitution(ctx: CheckContext) -> Iterator[Hit]:
    """Flag terms that have a preferred replacement and suggest it."""
    swap = ctx.params.get("swap") or {}
    table: dict[str, str] = {}
    for lang in ("en", "zh"):
        table.update({str(k): str(v) for k, v in (swap.get(lang) or {}).items()})
    lexicon = _inline(ctx, "swap", {"en": list(table), "zh": []})
    lowered = {k.lower(): v for k, v in table.items()}
    for path, node in ctx.facts.texts(_fields(ctx)):
        for m in lexicon.find(str(node.value)):
            replacement = lowered.get(m.term.lower(), "")
            yield Hit(field=path, node=node, start=m.start, end=m.end, match=m.text,
                      suggestion=replacement, args={"match": m.text, "replacement": replacement})


def required(ctx: CheckContext) -> Iterator[Hit]:
    """Flag a proposition where none of `fields` is filled and the copy does not say it
    either (any of `or_lexicons` matching in `or_fields`)."""
    wanted = _fields(ctx, ())
    if any(ctx.doc.has(f) for f in wanted):
        return
    or_fields = ctx.params.get("or_fields", ["copy"])
    or_fields = (or_fields,) if isinstance(or_fields, str) else tuple(or_fields)
    for name in ctx.lexicons("or_lexicons"):
        if ctx.facts.any(name, or_fields):
            return
    yield Hit(field=wanted[0] if wanted else None, args={"fields": ", ".join(wanted)})


def pattern(ctx: CheckContext) -> Iterator[Hit]:
    """Flag a field that fails `must_match` or matches `must_not_match`."""
    must = ctx.param("must_match")
    must_not = ctx.param("must_not_match")
    for path, node in ctx.facts.texts(_fields(ctx)):
        text = str(node.value)
        if must and not _regex(must).search(text):
            yield Hit(field=path, node=node, args={"pattern": must})
        if must_not:
            for m in _regex(must_not).finditer(text):
                yield Hit(field=path, node=node, start=m.start(), end=m.end(), match=m.group(0),
                          args={"match": m.group(0), "pattern": must_not})


def limit(ctx: CheckContext) -> Iterator[Hit]:
    """Flag a field longer than `max` (English words / Chinese characters)."""
    maximum = ctx.param("max")
    if maximum is None:
        return
    for path, node in ctx.facts.texts(_fields(ctx)):
        count = measure(str(node.value), ctx.language)
        if count > int(maximum):
            unit = "字" if ctx.language == "zh" else "words"
            yield Hit(field=path, node=node,
                      args={"count": count, "max": maximum, "unit": unit})


def occurrence(ctx: CheckContext) -> Iterator[Hit]:
    """Flag when the rule's terms occur fewer than `min` or more than `max` times."""
    found = matches(ctx)
    low, high = ctx.param("min"), ctx.param("max")
    count = len(found)
    if (low is not None and count < int(low)) or (high is not None and count > int(high)):
        first = found[0] if found else None
        if first is not None:
            yield hit_for(first, count=count, min=low, max=high)
        else:
            fields = _fields(ctx)
            yield Hit(field=fields[0] or None, args={"count": count, "min": low, "max": high})
