"""Time expressions in English and Chinese (vplint.text.timeexpr)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vplint.rules import Registry
from vplint.text.lexicon import Lexicon
from vplint.text.timeexpr import (
    AVAILABILITY,
    DEADLINE,
    DURATION,
    LEXICON_KINDS,
    PERIOD,
    VAGUE,
    WINDOW,
    find_times,
)

_REGISTRY = Registry.default(plugins=False)
LEXICONS = {name: _REGISTRY.lexicons[name] for name in LEXICON_KINDS}


def times(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in find_times(text, LEXICONS)]


@pytest.mark.parametrize("text,expected", [
    ("Hot pizza in 30 minutes, or it's free", [("in 30 minutes", DURATION)]),
    ("Refunds within 14 days", [("within 14 days", DURATION)]),
    ("a 30-day implementation", [("30-day", DURATION)]),
    ("shipped in 48h", [("in 48h", DURATION)]),
    ("approved in two days instead of ten", [("in two days", DURATION)]),
    ("in about 15 minutes, not 3 hours", [("in about 15 minutes", DURATION),
                                         ("3 hours", DURATION)]),
    ("a lodger in a week", [("in a week", DURATION)]),
    ("answers within 4 business hours", [("within 4 business hours", DURATION)]),
    ("30分钟送达", [("30分钟送达", DURATION)]),
    ("三天内到账", [("三天内", DURATION)]),
    ("一周内上线", [("一周内", DURATION)]),
    ("24小时内上架", [("24小时内", DURATION)]),
    ("半小时送到", [("半小时送到", DURATION)]),
    ("月结从9天缩短到3天", [("9天", DURATION), ("3天", DURATION)]),
    ("3到5天", [("3到5天", DURATION)]),
])
def test_durations(text: str, expected: list) -> None:
    assert times(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("by the end of the first sprint", [("by the end of the first sprint", DEADLINE)]),
    ("close in 5 days by your second month-end", [("in 5 days", DURATION),
                                                   ("by your second month-end", DEADLINE)]),
    ("delivered overnight", [("overnight", DEADLINE)]),
    ("same-day repairs", [("same-day", DEADLINE)]),
    ("by tomorrow", [("by tomorrow", DEADLINE)]),
    ("before 11 am", [("before 11 am", DEADLINE)]),
    ("当日达", [("当日达", DEADLINE)]),
    ("次日送达", [("次日送达", DEADLINE)]),
    ("次日", [("次日", DEADLINE)]),
    ("限时达", [("限时达", DEADLINE)]),
    ("每月5号前", [("每月5号前", DEADLINE)]),
    ("下午3点前下单", [("下午3点前", DEADLINE)]),
])
def test_deadlines(text: str, expected: list) -> None:
    assert times(text) == expected


@pytest.mark.parametrize("text,kind", [
    ("24/7 support", AVAILABILITY),
    ("around the clock", AVAILABILITY),
    ("24 hours a day", AVAILABILITY),
    ("a 24-hour support line", AVAILABILITY),
    ("7×24小时", AVAILABILITY),
    ("24小时在线客服", AVAILABILITY),
    ("全天候", AVAILABILITY),
    ("限时", WINDOW),
    ("限时优惠", WINDOW),
    ("for a limited time", WINDOW),
    ("for 20 years", PERIOD),
    ("3 years of experience", PERIOD),
    ("6 hours a week", PERIOD),
    ("深耕十年", PERIOD),
    ("经过三个月培训", PERIOD),
])
def test_times_that_are_not_bounds(text: str, kind: str) -> None:
    found = find_times(text, LEXICONS)
    assert [t.kind for t in found] == [kind]
    assert not found[0].is_bound


@pytest.mark.parametrize("text,word", [
    ("we go fast", "fast"), ("Set up quickly", "quickly"), ("coming soon", "soon"),
    ("ready in minutes", "in minutes"), ("within the next few years", "within the next few years"),
    ("ASAP", "ASAP"), ("送得快", "得快"), ("迅速响应", "迅速"), ("尽快送回", "尽快"),
    ("极速退款", "极速"), ("第一时间处理", "第一时间"), ("多快好省", "快"), ("几天内", "几天内"),
])
def test_vague_words(text: str, word: str) -> None:
    assert times(text) == [(word, VAGUE)]


@pytest.mark.parametrize("text", [
    "breakfast", "a fast-changing world", "快递", "快乐", "凉快", "instantly", "立即下单",
    "2023年", "5日", "3月", "a day", "one week", "today's world", "第3天",
])
def test_not_time_expressions(text: str) -> None:
    assert times(text) == []


def test_grammar_works_without_lexicons() -> None:
    assert [t.kind for t in find_times("in 30 minutes, overnight")] == [DURATION]


def test_a_configured_phrase_beats_the_grammar() -> None:
    custom = Lexicon("always-on", {"en": ["24 hours"], "zh": []})
    (found,) = find_times("24 hours", {"always-on": custom})
    assert found.kind == AVAILABILITY


@pytest.mark.parametrize("text,seconds", [
    ("in 30 minutes", 1800), ("within 14 days", 14 * 86400), ("in half an hour", 1800),
    ("三天内", 3 * 86400), ("半小时", 1800), ("一个半小时", 5400), ("3到5天", 5 * 86400),
])
def test_duration_seconds(text: str, seconds: float) -> None:
    (found,) = find_times(text, LEXICONS)
    assert found.seconds == pytest.approx(seconds)


UNITS = {"minutes": 60, "hours": 3600, "days": 86400, "weeks": 7 * 86400}


@given(st.integers(min_value=2, max_value=10_000), st.sampled_from(sorted(UNITS)),
       st.sampled_from(["in", "within", "under", "in less than"]))
def test_any_english_duration_is_a_bound(n: int, unit: str, prep: str) -> None:
    (found,) = find_times(f"Delivered {prep} {n} {unit}, guaranteed.", LEXICONS)
    assert found.kind == DURATION and found.is_bound
    assert found.seconds == n * UNITS[unit]


ZH_UNITS = {"分钟": 60, "小时": 3600, "天": 86400, "周": 7 * 86400}


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(ZH_UNITS)),
       st.sampled_from(["内", "之内", "以内", "送达"]), st.booleans())
def test_any_chinese_duration_is_a_bound(n: int, unit: str, suffix: str, chinese: bool
                                         ) -> None:
    import cn2an

    number = cn2an.an2cn(n) if chinese else str(n)
    (found,) = find_times(f"保证{number}{unit}{suffix}", LEXICONS)
    assert found.is_bound
    assert found.seconds == n * ZH_UNITS[unit]


@given(st.text(max_size=200))
def test_any_text_gives_ordered_non_overlapping_spans(text: str) -> None:
    end = 0
    for t in find_times(text, LEXICONS):
        assert end <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        end = t.end


TIME_TOKENS = ["in", "within", "by", "the", "end", "of", "first", "for", "a", "an", "30", "2",
               "two", "ten", "half", "minutes", "hours", "h", "days", "day", "week", "a week",
               "years", "sprint", "tomorrow", "am", "support", "-", " ", " ", ",", "分钟", "小时",
               "天", "内", "三", "十", "半", "个月", "号", "前", "每月", "年", "送达", "在线",
               "24", "7", "of experience"]


@given(st.lists(st.sampled_from(TIME_TOKENS), max_size=25).map(lambda t: " ".join(t)))
def test_windowed_grammar_finds_what_a_full_scan_finds(text: str) -> None:
    """The speed-up (scanning only around unit words) must not change any result."""
    from vplint.text.timeexpr import _full_grammar, _grammar

    assert sorted(_grammar(text), key=lambda t: (t.start, t.end)) == \
        sorted(_full_grammar(text), key=lambda t: (t.start, t.end))
