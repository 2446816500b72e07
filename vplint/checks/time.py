"""TIM: a specific time by which the customer gets the outcome (Maxwell's second must)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.checks.support import fields, neighbour_stems, note
from vplint.lazyre import lazy
from vplint.nodes import Node
from vplint.text.intervals import Intervals
from vplint.text.numbers import MULTIPLIER, PERCENT, quantities_of
from vplint.text.sentences import sentence_spans, span_of
from vplint.text.speedwords import not_a_speed_promise, quantifies_speed
from vplint.text.timeexpr import VAGUE, TimeExpr, field_times, times_of

_NOT_A_BOUND = ("vague", "availability", "window")


def no_time_bound(ctx: CheckContext) -> Iterator[Hit]:
    """TIM001: no duration or deadline anywhere the outcome is promised.

    A filled `time_bound` counts even when vplint cannot read it ("before the school run"),
    unless all it says is vague ("soon"), availability (24/7) or an offer window (限时).
    """
    declared = ctx.doc.node("time_bound")
    if declared is not None and ctx.doc.text("time_bound"):
        found = times_of(ctx.facts, declared)
        if any(t.is_bound for t in found):
            return
        weak = [t for t in found if t.kind in _NOT_A_BOUND]
        if not weak:
            return
        first = weak[0]
        yield Hit(field="time_bound", node=declared, start=first.start, end=first.end,
                  match=first.text, args={"match": first.text,
                                          "detail": note(ctx, "weak", match=first.text)})
        return
    if any(t.is_bound for _, _, t in field_times(ctx.facts, fields(ctx, "or_fields"))):
        return
    yield Hit(field="time_bound", args={"detail": ""})


def vague_time(ctx: CheckContext) -> Iterator[Hit]:
    """TIM002: a vague time word ("fast", 尽快) where a time bound should be.

    Not flagged when the same claim is bounded: a bound or a percentage/multiplier close
    by in the same sentence ("fast: in 30 minutes", "2x faster"), or the word the vague
    term qualifies is next to a bound elsewhere ("a faster close" when the outcome says
    "close shrinks from 10 days to 5"). Nor when the word is not a promise of time to a
    result (vplint.text.speedwords): the speed of reading a screen ("quickly see"),
    brevity ("a quick call"), the reader's need or a condition ("startups that need to
    scale fast"); nor on a website page that puts a number on its speed somewhere
    ("load in under a second", "build times cut by 50-80%").
    """
    window = int(ctx.param("window", 40))
    found = [(path, node, t) for path, node, t in field_times(
        ctx.facts, fields(ctx, default=("copy",))) if t.kind == VAGUE]
    if not found or ctx.doc.kind != "yaml" and ctx.facts.memo(
            ("tim002-page-quantified",), lambda: quantifies_speed(ctx.doc.source)):
        return
    bounded = _bounded_stems(ctx)  # asked only on a page with a vague word
    for path, node, t in found:
        text = str(node.value)
        if not_a_time_promise(text, t.start, t.end) or \
                not_a_speed_promise(text, t.start, t.end):
            continue
        if _quantified_nearby(ctx, node, text, t, window):
            continue
        if neighbour_stems(text, t.start, t.end) & bounded:
            continue
        yield Hit(field=path, node=node, start=t.start, end=t.end, match=t.text,
                  args={"match": t.text})


# UI labels ("Quick filters", 快捷操作), "about to" (快到期), status labels ("due soon")
# and a word cut from another (以及时间) are not time words at all. ("Quickly spot overdue
# items" is: a blind reading of real pages counted it as a vague promise, rightly.)
_QUICK_LABEL_EN = lazy(
    r"^\s*(?:[\w-]+\s+)?(?:navigation|search|filter|filtering|filters|view|views|access|"
    r"actions?|links?|start|edit|add|reply|replies|entry|entries|lookup|preview|overview|"
    r"switch|toggle|menu|commands?|tips?|guide|reference|tour|summary|look|note|gate|"
    r"checks?|checklist|tests?|recap|run-through|rundown|call|chat|demo|snippet|question|"
    r"questions|example|examples|glance|peek|reminder|refresher|intro|introduction|"
    r"understanding)\b", re.I)
_STATUS_EN = lazy(r"(?:due|expiring|expires?|coming|ending|ends|overdue|closing)\s+$",
                        re.I)
_NOT_TIME_ZH = lazy(r"^快(?:到期|要|了|过期|结束|满|用完)"
                          r"|^快速(?:系带|接头|插头|连接器|拆卸|拆装|释放|扣具|锁扣|卡扣|入门|开始|指南|参考|"
                          r"导航|上手指南|開始|參考|導航)"
                          r"|^快捷(?:操作|键|方式|方法|入口|菜单|回复|指令|按钮|链接|筛选|导航|面板|视图|功能|命令|选项|工具)")


_NAME_CAPS = lazy(r"^[A-Z]{4,}$")
_NAME_NEXT = lazy(r"(?:[ \t]*[,、/][ \t]*|[ \t]+|-)?(?:[A-Z0-9][A-Za-z0-9]|[\u4e00-\u9fff])")
_META_LINE = lazy(r"[ \t]*(?:keywords|tags|categories|aliases|slug|url)[ \t]*[=:]", re.I)


def _in_html_link(text: str, at: int) -> bool:
    opened = text.rfind("<a ", max(0, at - 300), at)
    return opened >= 0 and text.find("</a>", opened, at) < 0 and ">" in text[opened:at]


def not_a_time_promise(text: str, start: int, end: int) -> bool:
    """The word is not a time word here: it names a UI feature ("Quick filters",
    快捷操作), means "about to" (快到期), labels a status ("due soon"), or is cut from
    another word (以及时间)."""
    word = text[start:end]
    after = text[end:end + 24]
    if word.lower().startswith("quick") and _QUICK_LABEL_EN.match(after):
        return True
    if _NAME_CAPS.match(word) and _NAME_NEXT.match(text, end):
        return True  # a model name or acronym: "FAST Ballistic Helmet", PASGT, FAST, MICH
    line_start = text.rfind("\n", 0, start) + 1
    if _META_LINE.match(text, line_start):
        return True  # keywords = "..." in front matter read as text (TOML)
    if _in_html_link(text, start):
        return True  # an HTML link's text names what it points at: <a ...>Jazz fast</a>
    if word.lower() == "as soon as possible" and re.search(
            r"(?<![A-Za-z])please(?![A-Za-z])", text[max(0, start - 60):start], re.I):
        return True  # a request to the reader: "please do book as soon as possible"
    if word.lower().startswith("rapid") and re.match(
            r"\s*(?:-\s*)?(?:growth|growing|grows?|change|changes|changing|evolving|evolution|"
            r"expansion|expanding|adoption|succession|pace)\b", after, re.I):
        return True  # a trend or a sequence: "rapid growth", "in rapid succession"
    if word.lower() == "soon" and re.match(r"\s+as\s+(?!possible|we\s+can|you\s+can)", after) \
            and re.search(r"(?<![A-Za-z])as\s+$", text[max(0, start - 4):start], re.I):
        return True  # "as soon as they land": when, not how fast
    if _NOT_TIME_ZH.match(text[start:end + 4]):
        return True
    if word.lower() == "soon" and _STATUS_EN.search(text[max(0, start - 12):start]):
        return True  # a status label: "due soon", "coming soon"
    if word.lower() in ("soon", "shortly", "sooner") and re.search(
            r"(?:will|['’]ll|going to|plan to|hope to)\s+(?:\w+\s+){0,6}$",
            text[max(0, start - 60):start], re.I):
        return True  # a plan announced: "we'll publish the next part soon"
    if word in ("很快", "不久") and re.match(r"[，,]", text[end:end + 1]):
        return True  # narrative "soon after": 很快，他们发现…
    return word.startswith("及时") and text[start - 1:start] == "以"


def _quantified_nearby(ctx: CheckContext, node: Node, text: str, t: TimeExpr,
                       window: int) -> bool:
    sentence = span_of(sentence_spans(text), t.start)
    cjk_window = max(4, window // 3)
    reach = cjk_window if any("\u4e00" <= c <= "\u9fff" for c in t.text) else window
    lo, hi = max(sentence[0], t.start - reach), min(sentence[1], t.end + reach)
    bounds, ratios = _anchors(ctx, node)
    return bounds.overlaps(lo, hi) or ratios.overlaps(t.start - 12, t.end + 8)


def _anchors(ctx: CheckContext, node: Node) -> tuple[Intervals, Intervals]:
    """A node's time bounds and ratios, indexed once so each vague word asks in O(log n)."""
    def compute() -> tuple[Intervals, Intervals]:
        return (Intervals(x for x in times_of(ctx.facts, node) if x.is_bound),
                Intervals(q for q in quantities_of(ctx.facts, node)
                          if q.kind in (PERCENT, MULTIPLIER)))

    return ctx.facts.memo(("tim002-anchors", id(node)), compute)


def _bounded_stems(ctx: CheckContext) -> set[str]:
    """The words next to every time bound (what is bounded), once per proposition."""
    scope = fields(ctx, "bound_fields", ("time_bound", "outcome", "guarantee", "benefit",
                                         "copy"))

    def compute() -> set[str]:
        stems: set[str] = set()
        for _, node, t in field_times(ctx.facts, scope):
            if t.is_bound:
                stems |= neighbour_stems(str(node.value), t.start, t.end, words=2, reach=4)
        return stems

    return ctx.facts.memo(("bounded-stems", scope), compute)
