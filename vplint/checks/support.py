"""Small helpers the rule-catalogue checks share: field parameters, localised notes,
per-node lexicon lookups and the content words a claim is about."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vplint.checks import CheckContext
from vplint.lazyre import lazy
from vplint.nodes import Node
from vplint.text.facts import FieldMatch
from vplint.text.lang import is_cjk


def fields(ctx: CheckContext, name: str = "fields", default: Iterable[str] = ()
           ) -> tuple[str, ...]:
    """A rule parameter naming field prefixes, as a tuple (a single name is accepted)."""
    value = ctx.params.get(name, None)
    if value is None:
        return tuple(default)
    return (value,) if isinstance(value, str) else tuple(value)


def note(ctx: CheckContext, key: str, **args: Any) -> str:
    """A message fragment from the rule's `notes` parameter, in the message language."""
    table = (ctx.params.get("notes") or {}).get(key) or {}
    if isinstance(table, str):
        text = table
    else:
        lang = ctx.facts.message_language
        text = table.get(lang) or table.get("en") or ""
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):
        return text


def by_node(matches: Iterable[FieldMatch]) -> dict[int, list[FieldMatch]]:
    """Lexicon matches grouped by the id of the node they were found in."""
    grouped: dict[int, list[FieldMatch]] = {}
    for m in matches:
        grouped.setdefault(id(m.node), []).append(m)
    return grouped


def first_filled(ctx: CheckContext, paths: Iterable[str]) -> tuple[str, Node] | None:
    """The first of `paths` that holds non-empty text, with its node."""
    for path in paths:
        if ctx.doc.text(path):
            node = ctx.doc.node(path)
            if node is not None:
                return path, node
    return None


# ---- content words ----------------------------------------------------------------------
STOPWORDS = frozenset("""
a an the and or but of to for in on at by with from into onto over under than then that
this these those it its is are was were be been being do does did done have has had not no
nor so as if when while who whom whose which what where why how all any each every some
more most less few very just only also too our we us you your yours their they them he she
his her i me my mine get gets got go goes going make makes can could will would shall
should may might must one own out up down about after before again against between both
during off once same such there here per via
""".split())
_WORD = lazy(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_CJK_RUN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
ZH_FUNCTION_CHARS = frozenset(
    "的了着过我们您你他她它会把给将在和与及就都也很更最是有这那个"
    "为被让使得地要能可以对从到吗呢吧啊并且而其该此所")


def stem(word: str) -> str:
    """A crude stem: lower case, at most five letters, so deliver/delivery/delivered meet."""
    word = word.lower().strip("'’-")
    return word[:5] if len(word) > 5 else word.rstrip("s") or word


def content_stems(text: str) -> set[str]:
    """Stems of the content words of English text, and CJK bigrams of Chinese text."""
    out = {stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1}
    for run in _CJK_RUN.findall(text):
        chars = [c for c in run if c not in ZH_FUNCTION_CHARS]
        out.update(a + b for a, b in zip(chars, chars[1:], strict=False))
    return out


def neighbour_stems(text: str, start: int, end: int, words: int = 1, reach: int = 3
                    ) -> set[str]:
    """What the phrase at [start, end) is about: up to `words` content words on each side
    within `reach` words (English), or the content characters next to it (Chinese, as
    bigrams), never crossing a comma or full stop."""
    left_text = _CLAUSE_STOP.split(text[max(0, start - 60):start])[-1]
    right_text = _CLAUSE_STOP.split(text[end:end + 60])[0]
    out: set[str] = set()
    left = _WORD.findall(left_text)[-reach:]
    right = _WORD.findall(right_text)[:reach]
    left = [w for w in left if w.lower() not in STOPWORDS and not w[0].isdigit()]
    right = [w for w in right if w.lower() not in STOPWORDS and not w[0].isdigit()]
    out.update(stem(w) for w in left[-words:])
    out.update(stem(w) for w in right[:words])
    for side, chars in (("left", left_text[-8:]), ("right", right_text[:8])):
        content = [c for c in chars if is_cjk(c) and c not in ZH_FUNCTION_CHARS]
        content = content[-2 * words - 1:] if side == "left" else content[:2 * words + 1]
        out.update(a + b for a, b in zip(content, content[1:], strict=False))
    return out


_CONTENT_CHAR = lazy(r"[A-Za-z0-9\u3400-\u9fff]")
_CLAUSE_STOP = lazy(r"[,.;:!?，。；：！？、()（）\n]")


def at_clause_start(text: str, start: int, clause_start: int) -> bool:
    """True when only spaces, punctuation or quotes stand between the clause start and
    `start` - the match is the clause's subject ("Everyone gets...")."""
    return not _CONTENT_CHAR.search(text, clause_start, start)
