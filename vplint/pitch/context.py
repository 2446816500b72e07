"""The template context: a proposition's filled fields, and what a template may not find.

Fields that are empty in the file are left out of the context, so a template sees them as
undefined. `FieldUndefined` remembers the field path a template asked for, and using it
raises `MissingField(path)`: the drafter turns that into "moore needs `segment.who`", or
into a visible [TODO: segment.who] placeholder.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
from jinja2.runtime import missing

from vplint.document import Document
from vplint.lazyre import lazy
from vplint.schema import spec_at


class MissingField(jinja2.UndefinedError):
    """A template used a proposition field the proposition does not fill."""

    def __init__(self, path: str, message: str = "") -> None:
        super().__init__(message or f"'{path}' is undefined")
        self.path = path


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


def join_path(path: str, name: Any) -> str:
    """"segment" + "who" -> "segment.who"; "proof" + 0 -> "proof[0]"."""
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
                path = join_path(obj._vp_path, name)
        if path is not None:
            exc = functools.partial(MissingField, path)  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)
        self._vp_path = path

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" and name[-2:] == "__":
            raise AttributeError(name)
        if self._vp_path is None:
            self._fail_with_undefined_error()
        return FieldUndefined(name=name, path=join_path(self._vp_path, name))

    def __getitem__(self, name: Any) -> Any:  # type: ignore[override]
        if self._vp_path is None or not isinstance(name, (str, int)):
            self._fail_with_undefined_error()
        return FieldUndefined(name=str(name), path=join_path(self._vp_path, name))


LABEL_WORDS = (
    "when", "time", "time bound", "timing", "deadline", "by when", "outcome", "result",
    "results", "need", "needs", "pain", "problem", "guarantee", "promise", "offer",
    "offering", "product", "solution", "proof", "evidence", "source", "benefit",
    "experience", "difference", "differentiation", "unlike", "because", "why",
    "category", "segment", "who", "audience", "customer", "customers", "target", "name",
    "focus", "focus word", "tagline", "headline", "pitch", "what", "how", "doubt",
    "answer", "objection", "value", "value proposition",
)
ZH_LABEL_WORDS = (
    "时间", "时限", "期限", "结果", "成果", "需求", "痛点", "保证", "承诺", "产品", "方案",
    "产品/方案", "证明", "证据", "来源", "利益", "体验", "差异", "区别", "品类", "客户",
    "目标客户", "名称", "焦点词", "疑虑", "回答", "价值主张",
)
_LABEL = lazy(
    r"^\s*(?:(?i:" + "|".join(re.escape(w) for w in sorted(LABEL_WORDS, key=len,
                                                             reverse=True)) + r")"
    r"|" + "|".join(re.escape(w) for w in ZH_LABEL_WORDS) + r")\s*[:：]\s*(?=\S)")


def strip_label(text: str) -> str:
    """The text without a leading field label such as "When:" or "结果：" (repeated labels
    too): a draft says the field's content, never the form it was copied from."""
    previous = None
    while previous != text:
        previous, text = text, _LABEL.sub("", text, count=1)
    return text


def _clean(text: str) -> str:
    return strip_label(" ".join(text.split()))


def extract(doc: Document) -> FieldMap:
    """The proposition's filled fields as a template context (empty ones left out)."""
    if doc.tree is None:
        return FieldMap({})
    value = _plain(doc.tree.plain(), "")
    return value if isinstance(value, FieldMap) else FieldMap({})


def _plain(value: Any, path: str) -> Any:
    if isinstance(value, dict):
        items = {str(k): _plain(v, join_path(path, str(k))) for k, v in value.items()}
        items = {k: v for k, v in items.items() if v is not None}
        return FieldMap(items, path) if items else None
    if isinstance(value, list):
        items = [_plain(v, join_path(path, i)) for i, v in enumerate(value)]
        kept = [v for v in items if v is not None]
        for i, item in enumerate(kept):  # paths follow the kept positions
            if isinstance(item, FieldMap):
                item._vp_path = join_path(path, i)
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


def get_path(ctx: Any, path: str) -> Any:
    """The value at a field path such as "proof[0].text", or None."""
    current = ctx
    for token in _tokens(path):
        try:
            current = current[token]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def set_path(ctx: FieldMap, path: str, value: Any) -> FieldMap:
    """A copy of `ctx` with `path` set (containers on the way copied, others shared)."""
    tokens = _tokens(path)

    def rebuild(node: Any, depth: int, at: str) -> Any:
        token = tokens[depth]
        here = join_path(at, token)
        if isinstance(token, int):
            items = list(node) if isinstance(node, list) else []
            while len(items) <= token:
                items.append(FieldMap({}, join_path(at, len(items))))
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


TODO = "[TODO: "


def is_placeholder(text: object) -> bool:
    """True for a visible [TODO: field] stand-in."""
    return isinstance(text, str) and text.startswith(TODO)


GAP_KEYS = {"proof": "text", "objections": "answer", "competitors": "name"}


def placeholder(path: str) -> Any:
    """The visible [TODO: field] stand-in for a missing field, shaped like the field."""
    bare = re.sub(r"\[\d+\]", "", path)
    spec = spec_at(bare.split("."))
    todo = f"{TODO}{bare}]"
    kind = spec[0] if spec else None
    if isinstance(kind, list):
        key = GAP_KEYS.get(bare.rsplit(".", 1)[-1], "text")
        return FieldList([FieldMap({key: todo}, f"{path}[0]")], path)
    if kind == "texts":
        return FieldList([todo], path)
    if isinstance(kind, dict):
        return FieldMap({}, path)
    return todo
