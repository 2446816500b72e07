"""Time expressions in English and Chinese, classified by what they promise.

Maxwell's second must is a *specific* time. This module tells a bound apart from the
other ways copy talks about time:

    duration      in 30 minutes, within 14 days, 30-day, 48h, 30分钟, 三天内, 24小时送达
    deadline      by the end of the first sprint, same-day, overnight, 次日, 当日达, 5号前
    period        for 20 years, 3 years of experience, 深耕十年 (how long, not when)
    availability  24/7, around the clock, 24-hour support, 7×24小时, 全天候
    window        limited time, 限时, 限时优惠 (when an offer ends, not when you deliver)
    vague         fast, soon, quickly, in minutes, 快, 迅速, 尽快

Only duration and deadline are bounds (TIM001); vague ones are TIM002. Numeric forms are a
grammar here (numbers come from vplint.text.numbers, so 三天内 is 3 days); fixed phrases
are lexicons in rules/lexicons, so a configuration can add its own: `time-bound`
(deadline), `always-on` (availability), `offer-window` (window) and `vague-time` (vague).
Where two readings overlap, the longer wins, and on equal spans the lexicon wins, so a
user's phrase always beats the built-in grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from vplint.lazyre import lazy
from vplint.text.numbers import parse_number
from vplint.text.prefilter import Prefilter
from vplint.text.wordfind import WordFinder

if TYPE_CHECKING:
    from vplint.nodes import Node
    from vplint.text.facts import Facts
    from vplint.text.lexicon import Lexicon, Match

DURATION = "duration"
DEADLINE = "deadline"
PERIOD = "period"
AVAILABILITY = "availability"
WINDOW = "window"
VAGUE = "vague"
BOUNDS = frozenset({DURATION, DEADLINE})

LEXICON_KINDS: dict[str, str] = {
    "time-bound": DEADLINE,
    "always-on": AVAILABILITY,
    "offer-window": WINDOW,
    "vague-time": VAGUE,
}
"""Lexicon name -> the kind its terms stand for."""


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression: [start, end), its text, its kind and, for durations, seconds."""

    start: int
    end: int
    text: str
    kind: str
    seconds: float | None = None

    @property
    def is_bound(self) -> bool:
        """True for a specific time bound (a duration or a deadline)."""
        return self.kind in BOUNDS


# ---- English grammar ------------------------------------------------------------------
_MIN, _HOUR, _DAY = 60.0, 3600.0, 86400.0
_EN_UNIT_SECONDS = {
    "second": 1.0, "sec": 1.0, "minute": _MIN, "min": _MIN, "hour": _HOUR, "hr": _HOUR,
    "h": _HOUR, "day": _DAY, "night": _DAY, "week": 7 * _DAY, "month": 30 * _DAY,
    "quarter": 91 * _DAY, "year": 365 * _DAY, "decade": 3650 * _DAY, "sprint": 14 * _DAY,
}
_EN_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "twenty-four": 24, "thirty": 30,
    "forty": 40, "forty-five": 45, "forty-eight": 48, "fifty": 50, "sixty": 60,
    "seventy-two": 72, "ninety": 90, "hundred": 100,
}
_EN_NUM_WORD = "|".join(sorted(_EN_WORD_NUMBERS, key=len, reverse=True))
_DIG = r"\d+(?:[.,]\d+)?"
_EN_ONE = rf"(?:{_DIG}|(?:{_EN_NUM_WORD})(?![A-Za-z]))"
_EN_NUM = (rf"(?:half\s+an|an?\s+hour\s+and\s+a\s+half|one\s+and\s+a\s+half|a\s+couple\s+of|"
           rf"{_EN_ONE}(?:\s*(?:-|–|to|or)\s*{_EN_ONE})?)")
_EN_UNIT = (r"(?:(?:business|working|calendar)\s+(?:days?|hours?)|seconds?|secs?|minutes?|"
            r"mins?|hours?|hrs?|days?|nights?|weeks?|months?|quarters?|years?|decades?|sprints?|"
            r"(?<=\d)h)")
_EN_BOUND_PREP = (r"(?:in|within|under|inside|after|takes?|in\s+(?:just|only|under|less\s+than|"
                  r"about|around|roughly|as\s+little\s+as)|within\s+(?:just|only|the\s+first|"
                  r"the\s+next|about)|(?:in\s+)?less\s+than|no\s+(?:more|later)\s+than|"
                  r"up\s+to|at\s+most|(?:cut|down|reduced?|shrinks?|falls?)\s+to|from)")
_EN_PERIOD_PREP = r"(?:for|over|during|since)"
_EN_DURATION = lazy(
    rf"(?<![A-Za-z0-9])(?:(?P<prep>{_EN_BOUND_PREP})\s+|(?P<for>{_EN_PERIOD_PREP})\s+)?"
    rf"(?P<num>{_EN_NUM})[\s-]*(?P<unit>{_EN_UNIT})(?![A-Za-z])"
    r"(?P<rate>\s+(?:a|per|each|every)\s+(?:day|week|month|year)(?![A-Za-z]))?"
    r"(?P<always>[\s-]+(?:support|service|helpline|hotline|line|access|monitoring|"
    r"customer\s+service|concierge|availability|opening|cover|coverage)(?![A-Za-z]))?",
    re.IGNORECASE)
_EN_ORD = r"(?:first|second|third|fourth|fifth|sixth|next|1st|2nd|3rd|[4-9]th)"
_EN_PERIOD_WORD = (r"(?:sprint|week|month[\s-]end|month|quarter|year|day|business\s+day|"
                   r"working\s+day|meeting|call|visit|demo|billing\s+cycle|pay\s*(?:day|run)|"
                   r"close|shift|term|season|weekend|payroll|invoice|order)")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_EN_DEADLINE = lazy(
    r"(?<![A-Za-z])(?:"
    rf"(?:by|before|until)\s+the\s+end\s+of\s+(?:the\s+|your\s+|our\s+|this\s+|next\s+)?"
    rf"(?:{_EN_ORD}\s+)?{_EN_PERIOD_WORD}"
    rf"|(?:by|before)\s+(?:the\s+|your\s+|our\s+)?{_EN_ORD}\s+{_EN_PERIOD_WORD}"
    rf"|(?:in|within|during)\s+(?:the\s+|your\s+)?(?:first|1st)\s+{_EN_PERIOD_WORD}"
    rf"|(?:by|before)\s+(?:tomorrow|tonight|noon|midnight|the\s+weekend|(?:next\s+)?{_WEEKDAY}"
    r"|end\s+of\s+(?:day|week|month|business)|close\s+of\s+business|EOD|COB|month[\s-]end)"
    r"|(?:by|before|at)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)"
    r")(?![A-Za-z])",
    re.IGNORECASE)

# ---- Chinese grammar ------------------------------------------------------------------
_ZH_UNIT_SECONDS = {"秒": 1.0, "秒钟": 1.0, "分钟": _MIN, "小时": _HOUR, "个小时": _HOUR,
                    "钟头": _HOUR, "个钟头": _HOUR, "天": _DAY, "日": _DAY, "工作日": _DAY,
                    "个工作日": _DAY, "周": 7 * _DAY, "星期": 7 * _DAY, "个星期": 7 * _DAY,
                    "个月": 30 * _DAY, "季度": 91 * _DAY, "个季度": 91 * _DAY, "年": 365 * _DAY}
_ZH_ONE = (r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+|半|一个半|"
           r"[一二两三四五六七八九十]个半)")
_ZH_NUM = rf"(?:{_ZH_ONE}(?:\s*(?:到|至|-|–|~|～|—)\s*{_ZH_ONE})?)"
_ZH_UNIT = r"(?:秒钟?|分钟|个?小时|个?钟头|个?工作日|天|日|个?星期|周|个月|个?季度|年)"
_ZH_SUFFIX = (r"(?:内|之内|以内|后|之后|左右|起|达|送达|送到|到达|到账|上门|完成|交付|上线|上架|"
              r"发货|办结|办完|回复|响应|出结果|放款|成交|回本|见效|搞定|处理|退款)")
_ZH_DURATION = lazy(
    rf"(?<![0-9A-Za-z第])(?P<num>{_ZH_NUM})\s?(?P<unit>{_ZH_UNIT})(?P<suffix>{_ZH_SUFFIX})?"
    r"(?P<always>\s?(?:在线|营业|客服|服务|热线|值守|不间断|开放|不打烊|无休|人工))?")
_ZH_DEADLINE = lazy(
    r"(?:(?:每月|每周|每天|每日|当天|当日|次日|明天|上午|中午|下午|晚上|凌晨)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:号|日|点|时)(?:前|之前|以前))")

# How long something lasted, not when the customer gets something: "3 years of
# experience", "经过三个月培训", "深耕十年".
_EN_PERIOD_AFTER = lazy(
    r"\s+(?:of|in)\s+(?:experience|training|history|expertise|know-how|business|service|"
    r"practice|research|development)(?![A-Za-z])", re.IGNORECASE)
_ZH_PERIOD_BEFORE = lazy(
    r"(?:经过|历时|深耕|成立|从业|积累了?|长达|专注|坚持|有着?|超过|近)$")
_ZH_RATE_BEFORE = lazy(r"每(?:天|日|周|星期|个?月|年)[^，,。；;！？\d]{0,6}$")
_ZH_PERIOD_AFTER = lazy(r"的?(?:经验|培训|历史|积累|老店|传承|质保|保修|会员|行业经验|研发)")

_EN_RANGE_SPLIT = lazy(r"\s*(?:-|to|or)\s*(?=[\da-z])")
_ZH_RANGE_SPLIT = lazy(r"\s*(?:到|至|-|–|~|～|—)\s*")


def _en_value(text: str) -> float | None:
    words = text.lower().replace("–", "-")
    if "half" in words:
        return 0.5 if words.startswith("half") else 1.5
    if "couple" in words:
        return 2.0
    parts = _EN_RANGE_SPLIT.split(words)
    for part in reversed(parts):  # a range promises its upper end
        part = part.strip()
        if part in _EN_WORD_NUMBERS:
            return float(_EN_WORD_NUMBERS[part])
        value = parse_number(part.replace(",", ""))
        if value is not None:
            return value
    return None


def _zh_value(text: str) -> float | None:
    part = _ZH_RANGE_SPLIT.split(text)[-1]
    if part == "半":
        return 0.5
    if part.endswith("个半"):
        base = parse_number(part[:-2])
        return None if base is None else base + 0.5
    return parse_number(part)


def _en_unit_seconds(unit: str) -> float:
    word = unit.lower().split()[-1].rstrip("s") or "s"
    return _EN_UNIT_SECONDS.get(word, _EN_UNIT_SECONDS.get(word[:3], _DAY))


# Every English time expression holds one of these words and every Chinese one one of
# these characters, so the grammar only scans windows around them (see _windows).
_EN_ANCHOR_WORDS = frozenset("""
second seconds sec secs minute minutes min mins hour hours hr hrs h day days night nights
week weeks
month months quarter quarters year years decade decades sprint sprints end tomorrow tonight
noon midnight weekend monday tuesday wednesday thursday friday saturday sunday eod cob am
pm m clock close shift term season payroll invoice order meeting call visit demo cycle
payday pay run
""".split())
_ZH_ANCHORS = "秒分时钟天日周期月季年号点"
_ANCHOR_TOKENS = lazy(rf"[A-Za-z]+|[{_ZH_ANCHORS}]")
_BEFORE, _AFTER = 48, 48


@cache
def _anchor_finder() -> WordFinder:
    return WordFinder(_EN_ANCHOR_WORDS, _ZH_ANCHORS)


def _anchors(text: str) -> list[tuple[int, int]]:
    """[start, end) of every anchor: what `_ANCHOR_TOKENS` finds that is one."""
    found = _anchor_finder().find(text)
    if found is None:
        found = [m.span() for m in _ANCHOR_TOKENS.finditer(text)
                 if not m.group().isascii() or m.group().lower() in _EN_ANCHOR_WORDS]
    return found


def _windows(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Merged [start, end) windows around English and Chinese anchors."""
    en: list[tuple[int, int]] = []
    zh: list[tuple[int, int]] = []
    size = len(text)
    for start, end in _anchors(text):
        windows = en if text[start].isascii() else zh
        a, b = max(0, start - _BEFORE), min(size, end + _AFTER)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return en, zh


@cache
def _en_grammar() -> Prefilter:
    """The English duration and deadline patterns, tried only where a match can begin
    (they start with a look-behind, which keeps `re` from skipping ahead by itself); one
    pass over a window finds both: the durations first, then the deadlines."""
    return Prefilter([_EN_DURATION, _EN_DEADLINE])


def _grammar(text: str) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    en, zh = _windows(text)
    grammar = _en_grammar()
    for a, b in en:
        for m in grammar.finditer(text, a, b):
            if m.re is _EN_DURATION.compiled:
                out.extend(_en_duration(m))
            else:
                out.append(TimeExpr(m.start(), m.end(), m.group(0), DEADLINE))
    for a, b in zh:
        for m in _ZH_DURATION.finditer(text, a, b):
            found = _zh_duration(m)
            if found is not None:
                out.append(found)
        for m in _ZH_DEADLINE.finditer(text, a, b):
            out.append(TimeExpr(m.start(), m.end(), m.group(0), DEADLINE))
    return out


def _full_grammar(text: str) -> list[TimeExpr]:
    """The grammar over the whole text, without windows (the reference for tests)."""
    out: list[TimeExpr] = []
    for m in _EN_DURATION.finditer(text):
        out.extend(_en_duration(m))
    for m in _EN_DEADLINE.finditer(text):
        out.append(TimeExpr(m.start(), m.end(), m.group(0), DEADLINE))
    for m in _ZH_DURATION.finditer(text):
        found = _zh_duration(m)
        if found is not None:
            out.append(found)
    for m in _ZH_DEADLINE.finditer(text):
        out.append(TimeExpr(m.start(), m.end(), m.group(0), DEADLINE))
    return out


def _en_duration(m: re.Match[str]) -> list[TimeExpr]:
    num, unit = m.group("num"), m.group("unit")
    has_digit = any(c.isdigit() for c in num)
    word_only = num.lower() in ("a", "an", "one")
    if not m.group("prep") and not m.group("for") and word_only:
        return []  # "a day", "one week": not a promise of time
    value = _en_value(num)
    seconds = None if value is None else value * _en_unit_seconds(unit)
    start, end = m.start(), m.end()
    if m.group("always") or (m.group("rate") and _round_the_clock(num, unit, m.group("rate"))):
        return [TimeExpr(start, end, m.group(0), AVAILABILITY)]
    end = m.end("unit")
    text = m.string[start:end]
    if m.group("for") or m.group("rate") or _EN_PERIOD_AFTER.match(m.string, end):
        return [TimeExpr(start, end, text, PERIOD, seconds)]
    if unit.lower().startswith(("year", "decade")) and not m.group("prep"):
        return [TimeExpr(start, end, text, PERIOD, seconds)]
    if not has_digit and not m.group("prep") and num.lower() in ("a", "an"):
        return []
    return [TimeExpr(start, end, text, DURATION, seconds)]


def _round_the_clock(num: str, unit: str, rate: str) -> bool:
    pair = (num.strip().lower(), unit.lower().rstrip("s"), rate.split()[-1].lower())
    return pair in {("24", "hour", "day"), ("twenty-four", "hour", "day"),
                    ("7", "day", "week"), ("seven", "day", "week"), ("365", "day", "year")}


def _zh_duration(m: re.Match[str]) -> TimeExpr | None:
    num, unit, suffix = m.group("num"), m.group("unit"), m.group("suffix") or ""
    start = m.start()
    if unit in ("日",) and not suffix:
        return None  # 5日 is a date
    if unit == "年" and len(num) == 4 and num.isdigit():
        return None  # 2023年 is a year
    if m.group("always"):
        return TimeExpr(start, m.end(), m.group(0), AVAILABILITY)
    end = m.end("suffix") if suffix else m.end("unit")
    text = m.string[start:end]
    value = _zh_value(num)
    seconds = None if value is None else value * _ZH_UNIT_SECONDS.get(unit, _DAY)
    before = m.string[max(0, start - 4):start]
    if not suffix and (_ZH_PERIOD_BEFORE.search(before) or _ZH_PERIOD_AFTER.match(m.string, end)):
        return TimeExpr(start, end, text, PERIOD, seconds)
    if suffix not in ("内", "之内", "以内") and _ZH_RATE_BEFORE.search(
            m.string, max(0, start - 10), start):
        return TimeExpr(start, end, text, PERIOD, seconds)  # 每天少算账1小时: a rate
    if unit == "年" and suffix not in ("内", "之内", "以内", "后", "之后", "回本", "见效"):
        return TimeExpr(start, end, text, PERIOD, seconds)
    return TimeExpr(start, end, text, DURATION, seconds)


# ---- lexicons and overlap -------------------------------------------------------------
def find_times(text: str, lexicons: Mapping[str, Lexicon] | None = None,
               found: Callable[[str], list[Match]] | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, in order, without overlaps.

    `lexicons` maps a lexicon name of LEXICON_KINDS to its Lexicon; without it only the
    numeric grammar runs. `found(name)`, when given, answers a lexicon's hits in `text`
    (from a document's single scan) instead of scanning the text again.
    """
    if not text:
        return []
    candidates = [(t, 0) for t in _grammar(text)]
    for name, lexicon in (lexicons or {}).items():
        kind = LEXICON_KINDS.get(name)
        if kind is None:
            continue
        for m in (found(name) if found is not None else lexicon.find(text)):
            candidates.append((TimeExpr(m.start, m.end, m.text, kind), 1))
    candidates.sort(key=lambda c: (c[0].start, -(c[0].end - c[0].start), -c[1]))
    out: list[TimeExpr] = []
    for expr, _ in candidates:
        if out and expr.start < out[-1].end:
            continue
        out.append(expr)
    return out


def time_lexicons(facts: Facts) -> dict[str, Lexicon]:
    """The registry's time lexicons (those it has), looked up once per proposition."""
    def build() -> dict[str, Lexicon]:
        found = facts.registry.lexicons
        return {name: found[name] for name in LEXICON_KINDS if name in found}

    return facts.memo(("time-lexicons",), build)


def times_of(facts: Facts, node: Node) -> list[TimeExpr]:
    """The time expressions in one text node, computed once per proposition."""
    return facts.memo(("times", id(node)), lambda: find_times(
        str(node.value), time_lexicons(facts), lambda name: facts.node_matches(name, node)))


def field_times(facts: Facts, prefixes: tuple[str, ...] | str = ""
                ) -> list[tuple[str, Node, TimeExpr]]:
    """(field, node, expression) for every time expression under the field prefixes."""
    key = ("field-times", prefixes if isinstance(prefixes, tuple) else (prefixes,))
    return facts.memo(key, lambda: [(path, node, t) for path, node in facts.texts(prefixes)
                                    for t in times_of(facts, node)])
