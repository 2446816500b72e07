"""Quantities in English and Chinese text (vplint.text.numbers)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vplint.text.numbers import (
    CURRENCY,
    MULTIPLIER,
    NUMBER,
    PERCENT,
    cn2an_value,
    find_quantities,
    parse_number,
    simple_chinese_value,
)


def found(text: str) -> list[tuple[str, float | None, str]]:
    return [(q.text, q.value, q.kind) for q in find_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("97.4% of orders", [("97.4%", 97.4, PERCENT)]),
    ("15 per cent more", [("15 per cent", 15, PERCENT)]),
    ("thirty percent", [("thirty percent", 30, PERCENT)]),
    ("百分之三十的客户", [("百分之三十", 30, PERCENT)]),
    ("百分百满意", [("百分百", 100, PERCENT)]),
    ("多卖三成", [("三成", 30, PERCENT)]),
    ("多卖一成半", [("一成半", 15, PERCENT)]),
    ("全场8折", [("8折", 80, PERCENT)]),
    ("少花8％", [("8％", 8, PERCENT)]),
])
def test_percentages(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("3x more demos", [("3x", 3, MULTIPLIER)]),
    ("10× faster", [("10×", 10, MULTIPLIER)]),
    ("twice the output", [("twice", 2, MULTIPLIER)]),
    ("three times faster", [("three times", 3, MULTIPLIER)]),
    ("Double your bookings", [("Double", 2, MULTIPLIER)]),
    ("halve the cost", [("halve", 0.5, MULTIPLIER)]),
    ("效率提升两倍", [("两倍", 2, MULTIPLIER)]),
    ("快3倍", [("3倍", 3, MULTIPLIER)]),
    ("销量翻倍", [("翻倍", 2, MULTIPLIER)]),
    ("收入翻两番", [("翻两番", 4, MULTIPLIER)]),
    ("成本减半", [("减半", 0.5, MULTIPLIER)]),
])
def test_multipliers(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text,value,unit", [
    ("$12.40 per invoice", 12.40, "$"),
    ("£4 per staff member", 4, "£"),
    ("€1,200 a year", 1200, "€"),
    ("US$3m raised", 3_000_000, "$"),
    ("50 cents each", 50, "¢"),
    ("twelve dollars", 12, "$"),
    ("每件9元", 9, "¥"),
    ("￥29起", 29, "¥"),
    ("年营收6.5亿元", 650_000_000, "¥"),
    ("五千元以内", 5000, "¥"),
    ("300美元", 300, "$"),
])
def test_money(text: str, value: float, unit: str) -> None:
    quantities = find_quantities(text)
    assert len(quantities) == 1
    assert quantities[0].kind == CURRENCY
    assert quantities[0].value == pytest.approx(value)
    assert quantities[0].unit == unit


@pytest.mark.parametrize("text,values", [
    ("200 to 2,000 employees", [200, 2000]),
    ("1.21 million orders", [1_210_000]),
    ("50k users", [50_000]),
    ("twenty-five thousand people", [25_000]),
    ("a hundred stores", [100]),
    ("七亿用户", [700_000_000]),
    ("十五天", [15]),
    ("三天", [3]),
    ("两个工厂", [2]),
    ("4.2万辆车", [42_000]),
    ("5000万元以下", [50_000_000]),
    ("十分钟", [10]),
])
def test_plain_numbers(text: str, values: list[float]) -> None:
    quantities = find_quantities(text)
    assert [q.value for q in quantities] == pytest.approx(values)
    assert all(q.kind in (NUMBER, CURRENCY) for q in quantities)


@pytest.mark.parametrize("text", [
    "一站式解决方案", "统一管理", "千行百业", "行业第一", "唯一的选择", "一键下单", "千家万户",
    "十分方便", "一成不变", "万一出错", "one platform for all", "one click", "24/7 support",
    "7×24小时", "the 1st choice", "S/4HANA", "MP3 players", "第3天",
])
def test_words_that_are_not_quantities(text: str) -> None:
    assert found(text) == []


def test_estimates_have_no_exact_value() -> None:
    """三五天 is "three or five days", not 35."""
    (q,) = find_quantities("三五天")
    assert q.kind == NUMBER and q.value is None


def test_positions_point_at_the_figure() -> None:
    text = "Cut your cost per invoice from $12.40 to under $3"
    spans = [text[q.start:q.end] for q in find_quantities(text)]
    assert spans == ["$12.40", "$3"]


@pytest.mark.parametrize("text,value", [
    ("1,200", 1200), ("6.5亿", 650_000_000), ("七亿", 700_000_000), ("十五", 15),
    ("twenty-five", 25), ("1.2m", 1_200_000), ("3 thousand", 3000), ("两百", 200),
    ("nonsense", None), ("", None),
])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(("numeral", "value"), [
    ("四千四百一十万零一千", 44_101_000), ("四千四百一十万一千", 44_101_000),
    ("一万零一千", 11_000), ("一万零五", 10_005), ("一千零五", 1_005), ("十万零五", 100_005),
])
def test_chinese_numerals_with_zero(numeral: str, value: int) -> None:
    (q,) = find_quantities(f"共{numeral}个")
    assert q.value == value


@given(st.integers(min_value=0, max_value=10**9))
def test_any_integer_is_found_with_its_value(n: int) -> None:
    (q,) = find_quantities(f"about {n:,} orders")
    assert q.value == n


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    import cn2an

    numeral = cn2an.an2cn(n)
    (q,) = find_quantities(f"共{numeral}个")
    assert q.value == n


@given(st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda f: round(f, 1)))
def test_percent_value_is_the_number_before_the_sign(p: float) -> None:
    (q,) = find_quantities(f"save {p}% a year")
    assert q.kind == PERCENT and q.value == pytest.approx(p)


@given(st.text(max_size=200))
def test_any_text_gives_ordered_non_overlapping_spans(text: str) -> None:
    quantities = find_quantities(text)
    ends = 0
    for q in quantities:
        assert ends <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        ends = q.end


TOKENS = ["1", "12", "3.5", "1,200", "%", "x", "×", "$", "US$", "USD", "£", "¥", "元", "万", "亿",
          "三", "十五", "两", "一", "百分之", "成", "倍", "折", "第", "翻", "减半", "twenty",
          "five", "a", "hundred", "thousand", "twice", "half", "percent", "times", "faster",
          "cents", "dollars", "k", "m", "st", " ", " ", ",", ".", "-", "天", "个", "用户", "one",
          "24/7", "7x24"]


@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join))
def test_anchored_scan_finds_what_a_full_scan_finds(text: str) -> None:
    """The speed-up (trying the pattern only at anchors) must not change any result."""
    from vplint.text.numbers import _PATTERN, _matches

    def kept(matches) -> list[tuple[int, int]]:
        return [m.span() for m in matches if m.end() > m.start() and m.lastgroup != "skip"]

    assert kept(_matches(text)) == kept(_PATTERN.finditer(text))


def test_common_chinese_numerals_read_without_cn2an_as_cn2an_reads_them() -> None:
    """Every string the numeral reader accepts (a body of up to three numeral characters
    and at most one scale word after it: its whole domain) has cn2an's value, and the
    forms pages use most are among them (a page with only those never imports cn2an)."""
    alphabet = "零一二两三四五六七八九十百千万亿"
    bodies = ["".join(t) for n in (1, 2, 3) for t in itertools.product(alphabet, repeat=n)]
    read = 0
    for body in bodies:
        for scale in ("", "百", "千", "万", "亿", "百万", "千万"):
            value = simple_chinese_value(body + scale)
            if value is not None:
                read += 1
                assert value == cn2an_value(body + scale), body + scale
    assert read > 500
    for common, value in (("三", 3), ("两", 2), ("零", 0), ("十五", 15), ("二十", 20),
                          ("三十八", 38), ("五百", 500), ("两千", 2000), ("十五万", 150000),
                          ("五百万", 5e6), ("七亿", 7e8)):
        assert simple_chinese_value(common) == value
    for other in ("6.5亿", "一百五", "一万二", "一二三", "十百", "百", "零百"):
        assert simple_chinese_value(other) is None


@given(st.lists(st.sampled_from([*TOKENS, "US", "us", "Us$", "GBP", "gbp", "RMB", "rmb", "C$",
                                 "CNY", "cny", "HK$", "A$", "40", "7", "365/24", "2nd", "成",
                                 "percent", "pct", "per cent", "dollars", "万元", "bn", "a", "A",
                                 "at", "A$", "a hundred", "a\tthousand", "h", "HK$", "half",
                                 "why"]),
                max_size=30).map("".join))
@example("2x faster, 3 times faster, 20%, 5 percent, 5成, 7折, 3倍, 9元, 5万元, 5 dollars, "
         "US$5, usd 4, GBP 20, RMB 9, C$3, CNY 8, 2nd, 24/7, 7x24, 365/24, 10k, 1.5 billion, "
         "A$5, a hundred, a dozen, at 2 am, a$3, A thousand dollars, a\u3000hundred, HK$4, "
         "hk$5, h\u212a$6, half, Halved, hundred, why us, the 3")
def test_the_grammar_chosen_by_first_character_matches_as_the_whole_does(text: str) -> None:
    """Where an ASCII digit or a currency code's letter begins, the smaller grammar tried
    there gives exactly the whole grammar's match: the same span and the same kind."""
    from vplint.text.numbers import _PATTERN, _pattern_at

    assert any(_pattern_at(char) is not _PATTERN for char in "1uGrcah")
    for i, char in enumerate(text):
        part = _pattern_at(char, text[i + 1:i + 2])
        if part is _PATTERN:
            continue
        whole = _PATTERN.match(text, i)
        mine = part.match(text, i) if part is not None else None
        assert (whole and (whole.span(), whole.lastgroup)) == \
            (mine and (mine.span(), mine.lastgroup))


@pytest.mark.parametrize("text", ["24/724/7折", "24/7247", "7x247x24小时"])
def test_a_match_ending_inside_a_figure_is_followed_as_a_full_scan_follows_it(text: str) -> None:
    """Found by the property test above: a match that ends inside a run of digits."""
    from vplint.text.numbers import _PATTERN, _matches

    def kept(matches) -> list[tuple[int, int]]:
        return [m.span() for m in matches if m.end() > m.start() and m.lastgroup != "skip"]

    assert kept(_matches(text)) == kept(_PATTERN.finditer(text))
