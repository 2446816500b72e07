"""Quantities in English and Chinese text: numbers, percentages, multipliers and money.

A proposition is measurable when it carries a figure, so rules ask "which quantities are
in this field?". One combined pattern, compiled at import, finds them all in one pass:

    97.4%, 15 per cent, 百分之三十, 三成        percent
    2x, twice, three times faster, 两倍, 翻倍    multiplier
    $12.40, £4, 50 cents, 9元, ¥29, 6.5亿元      currency
    1,200, twelve, 十五, 七亿, 三天 (the 三)     number

The commonest Chinese numerals (三, 十五, 五百万) are read here; the rest are converted with
cn2an, imported on first use only (it takes 0.15-0.3 s to import, which a run whose pages
hold only the common forms, or no Chinese, should not pay). A lone Chinese numeral counts only
when a measure word follows it (三天, 两个), so 一站式, 统一 or 千行百业 are not numbers;
ordinals (第一, 1st) are not quantities at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from vplint.lazyre import LazyPattern, lazy
from vplint.text.wordfind import WordFinder

if TYPE_CHECKING:
    from vplint.nodes import Node
    from vplint.text.facts import Facts

PERCENT = "percent"
MULTIPLIER = "multiplier"
CURRENCY = "currency"
NUMBER = "number"
KINDS = (PERCENT, MULTIPLIER, CURRENCY, NUMBER)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure found in a text: [start, end), the matched text, its value and kind.

    `value` is None when the figure is clear but its value is not (三五天: "three or five").
    `unit` is the currency sign or word for money.
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: str
    unit: str = ""


# ---- vocabulary -----------------------------------------------------------------------
_EN_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "one": 1, "dozen": 12,
}
_EN_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
              "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_SCALE_SUFFIX = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_MULTIPLIER_WORDS = {"twice": 2, "double": 2, "doubles": 2, "doubled": 2, "doubling": 2,
                     "triple": 3, "triples": 3, "tripled": 3, "tripling": 3,
                     "quadruple": 4, "quadrupled": 4, "half": 0.5, "halve": 0.5,
                     "halves": 0.5, "halved": 0.5, "halving": 0.5}
_ZH_MULTIPLIER_WORDS = {"翻倍": 2, "翻番": 2, "翻一番": 2, "翻两番": 4, "减半": 0.5, "一半": 0.5}
_CURRENCY_WORDS = {"dollar": "$", "dollars": "$", "usd": "$", "us$": "$", "euro": "€",
                   "euros": "€", "eur": "€", "pound": "£", "pounds": "£", "gbp": "£",
                   "cent": "¢", "cents": "¢", "yuan": "¥", "rmb": "¥", "cny": "¥",
                   "元": "¥", "块": "¥", "块钱": "¥", "人民币": "¥", "美元": "$", "欧元": "€",
                   "英镑": "£", "港元": "HK$", "港币": "HK$", "日元": "JP¥"}

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CN = r"[零〇一二两三四五六七八九十百千万亿]"
_CN_NUM = rf"(?:{_CN}+(?:点[零〇一二三四五六七八九]+)?)"
_ZH_SCALE = r"(?:[万亿]|千万|百万|万亿)"
_MIXED = rf"(?:{_DIGITS}\s?{_ZH_SCALE}?|{_CN_NUM})"
_SPELLED_WORD = "|".join(sorted([*_EN_UNITS, *_EN_SCALES], key=len, reverse=True))
_SPELLED = (rf"(?:(?:a\s+)?(?:{_SPELLED_WORD})(?:(?:\s+and\s+|[\s-])(?:{_SPELLED_WORD}))*)")
_WORD_NUMBER = rf"(?<![A-Za-z]){_SPELLED}(?![A-Za-z])"
_NO_LETTER_BEFORE = r"(?<![A-Za-z0-9_.,/])"
_NO_LETTER_AFTER = r"(?![A-Za-z0-9_])"
_MEASURE_WORDS = (
    "个|位|名|人|家|辆|台|件|套|项|次|条|张|单|笔|户|款|种|类|座|间|所|本|份|只|支|场|期|批|"
    "轮|层|级|步|把|瓶|杯|盒|包|箱|斤|克|千克|公斤|吨|升|毫升|米|公里|千米|厘米|平方米|平米|"
    "亩|度|元|块|角|毛|分钟|分|秒|天|日|周|星期|礼拜|个月|月|年|季度|小时|钟头|倍|岁|代|届|页|"
    "大|遍|趟|颗|粒|部|栋|餐|顿|晚|夜|桌|碗|倍|号|点|成|折|美元|欧元|英镑|港元"
)
# Set phrases whose characters are numerals but whose meaning is not a number.
_IDIOMS = (
    "千家万户|千行百业|千方百计|千篇一律|一条龙|一成不变|一一|万一|十分(?!钟)|千万(?=[别不要])|"
    "九牛一毛|三心二意|五花八门|七上八下|乱七八糟|一举两得|一站式|一体化|一步到位|一劳永逸|"
    "一应俱全|一目了然|一次性|独一无二|一点点|万无一失|十全十美"
)

# (round-the-clock figures only on their own: "724/7" is not 24/7)
_SKIP_DIGITS = (rf"{_NO_LETTER_BEFORE}\d+(?:st|nd|rd|th){_NO_LETTER_AFTER}"
                r"|(?<![0-9.,/])(?:24\s?/\s?7|7\s?[×xX*]\s?24|365\s?/\s?24)")
_PCT_TAIL = (r"\s?(?:%|％|(?<![A-Za-z])percent(?:age\s+points?)?(?![A-Za-z])|per\s+cent(?![A-Za-z])"
             r"|(?<![A-Za-z])pct(?![A-Za-z]))")
_TENTH_DIGITS = rf"{_NO_LETTER_BEFORE}{_DIGITS}"
_TENTH_TAIL = r"\s?成(?![不本功为长熟员果交绩品就型立分全])(?:半)?"
_TENTH_DISCOUNT_TAIL = r"(?:\.\d)?\s?折(?!扣|叠|腾|服|算)"
_TIMES_TAIL = (rf"\s?(?:[x×]{_NO_LETTER_AFTER}|\s+times(?=\s+(?:more|faster|less|fewer|cheaper|"
               r"better|bigger|higher|lower|greater|larger|smaller|as|the|over)(?![A-Za-z])))")
_CUR_PRE = (r"(?:US\$|HK\$|A\$|C\$|[$€£¥￥₹]|(?<![A-Za-z])(?:USD|EUR|GBP|RMB|CNY)"
            rf"\s?)\s?{_DIGITS}(?:\s?(?:k|m|mn|bn){_NO_LETTER_AFTER}|\s(?:thousand|million|billion)"
            rf"(?![A-Za-z])|\s?{_ZH_SCALE})?")
_ZH_CURRENCY_TAIL = (rf"\s?(?:{_ZH_SCALE})?\s?"
                     r"(?:元|块钱|块|美元|欧元|英镑|港元|港币|日元|人民币)")
_EN_CURRENCY_TAIL = (r"\s?(?:thousand\s+|million\s+|billion\s+)?"
                     r"(?:dollars?|euros?|pounds|cents?|yuan|USD|EUR|GBP|RMB|CNY)(?![A-Za-z])")
_NUM = (rf"{_NO_LETTER_BEFORE}{_DIGITS}(?:(?:k|m|mn|bn){_NO_LETTER_AFTER}"
        rf"|\s(?:thousand|million|billion)(?![A-Za-z])|\s?{_ZH_SCALE})?(?![A-Za-z0-9_])")

_PATTERN = lazy(
    "|".join([
        # things that look numeric but are not quantities: consumed, then skipped
        rf"(?P<skip>{_IDIOMS}|第\s?{_MIXED}|{_SKIP_DIGITS})",
        # percentages
        rf"(?P<zh_pct>百分之\s?(?:{_DIGITS}|{_CN_NUM})|百分百)",
        rf"(?P<pct>(?:{_NO_LETTER_BEFORE}{_DIGITS}|{_WORD_NUMBER}){_PCT_TAIL})",
        rf"(?P<tenth>(?:{_TENTH_DIGITS}|[一二两三四五六七八九]){_TENTH_TAIL}"
        rf"|(?:(?<![0-9.,])\d|[一二三四五六七八九]){_TENTH_DISCOUNT_TAIL})",
        # multipliers
        rf"(?P<times>(?:{_NO_LETTER_BEFORE}{_DIGITS}|{_WORD_NUMBER}){_TIMES_TAIL})",
        rf"(?P<zh_times>(?:{_NO_LETTER_BEFORE}{_DIGITS}\s?{_ZH_SCALE}?|{_CN_NUM})\s?倍"
        r"|翻[一两]番|翻倍|翻番|减半|一半)",
        rf"(?P<mult_word>(?<![A-Za-z])(?:{'|'.join(_MULTIPLIER_WORDS)})(?![A-Za-z-]))",
        # money
        rf"(?P<cur_pre>{_CUR_PRE})",
        rf"(?P<cur_post>(?:{_NO_LETTER_BEFORE}{_DIGITS}|{_CN_NUM}){_ZH_CURRENCY_TAIL}"
        rf"|(?:{_NO_LETTER_BEFORE}{_DIGITS}|{_WORD_NUMBER}){_EN_CURRENCY_TAIL})",
        # plain numbers: digits (with a k/m/bn or 万/亿 scale), then Chinese and English words
        rf"(?P<num>{_NUM})",
        rf"(?P<cn>{_CN_NUM})",
        rf"(?P<spelled>{_WORD_NUMBER})",
    ]),
    re.IGNORECASE,
)
# `_PATTERN` with only the branches that can match where an ASCII digit begins (no
# spelled, Chinese or currency-sign branch), in the same order and with the same group
# names, so its match at a digit is `_PATTERN`'s: an English figure costs ~1/6 of the
# compile (the whole grammar is most of a one-file run's regex compiling).
_DIGIT_PATTERN = lazy(
    "|".join([
        rf"(?P<skip>{_SKIP_DIGITS})",
        rf"(?P<pct>{_NO_LETTER_BEFORE}{_DIGITS}{_PCT_TAIL})",
        rf"(?P<tenth>{_TENTH_DIGITS}{_TENTH_TAIL}|(?<![0-9.,])\d{_TENTH_DISCOUNT_TAIL})",
        rf"(?P<times>{_NO_LETTER_BEFORE}{_DIGITS}{_TIMES_TAIL})",
        rf"(?P<zh_times>{_NO_LETTER_BEFORE}{_DIGITS}\s?{_ZH_SCALE}?\s?倍)",
        rf"(?P<cur_post>{_NO_LETTER_BEFORE}{_DIGITS}{_ZH_CURRENCY_TAIL}"
        rf"|{_NO_LETTER_BEFORE}{_DIGITS}{_EN_CURRENCY_TAIL})",
        rf"(?P<num>{_NUM})",
    ]),
    re.IGNORECASE,
)
# Where one of these ASCII letters begins, only a currency before its figure can match
# (US$, USD, GBP, RMB, C$, CNY: "us" is an anchor word for US$); no spelled number,
# multiplier word or Chinese branch begins with one.
_CUR_PRE_PATTERN = lazy(rf"(?P<cur_pre>{_CUR_PRE})", re.IGNORECASE)
_CUR_PRE_ONLY = frozenset("uUgGrRcC")
_ASCII_DIGITS = frozenset("0123456789")


def _pattern_at(char: str, after: str = "") -> LazyPattern | None:
    """The number grammar to try where `char` begins (followed by `after`): `_PATTERN`, a
    part of it that matches there exactly as the whole does, or None where nothing can
    match (an "a" that neither "A$" nor "a hundred" begins, an "h" in "why")."""
    if char in _ASCII_DIGITS:
        return _DIGIT_PATTERN
    if char in _CUR_PRE_ONLY:
        return _CUR_PRE_PATTERN
    if char in "aA" and after != "$" and not after.isspace():
        return None
    if char in "hH" and after.lower() not in ("k", "u", "a"):
        return None  # only HK$, hundred, half, halve... begin with an "h"
    return _PATTERN


# Every quantity holds one of these anchors, so the big pattern is only tried where one
# starts (or just before, for "US$", "A$", "a hundred"): a pitch with three figures costs
# three matches, not a scan of every character.
_OTHER_ANCHORS = lazy(r"\.?\d+|[$€£¥￥₹]|[零〇一二两三四五六七八九十百千万亿]+|[翻减第]")
_ANCHORS = rf"[A-Za-z]+|{_OTHER_ANCHORS.pattern}"
"""Every anchor and every other run of letters (read only where `WordFinder` cannot)."""
_ANCHOR_WORDS = frozenset([*_EN_UNITS, *_EN_SCALES, *_MULTIPLIER_WORDS, "usd", "eur", "gbp",
                           "rmb", "cny", "us", "hk"])
_PREFIX_START = frozenset("UuHhAaCc")
_MEASURE_AFTER = lazy(rf"\s?(?:{_MEASURE_WORDS})")
_NUMERIC_PART = lazy(rf"{_DIGITS}|{_CN_NUM}")
_CN_ONLY = lazy(rf"{_CN}+")
_SCALED_DIGITS = lazy(r"(\d+(?:\.\d+)?|\.\d+)(k|m|mn|bn)", re.IGNORECASE)
_DIGITS_AND_SCALE_WORD = lazy(r"(\d+(?:\.\d+)?)\s*(thousand|million|billion)",
                                    re.IGNORECASE)
_ANY_LETTER = lazy(r"[A-Za-z]")
_WORD_SPLIT = lazy(r"[\s-]+|\s+and\s+")
_ZH_SCALE_AFTER = lazy(r"\s?(千万|百万|万亿|万|亿)")
_ZH_SCALE_END = lazy(r"\s?(千万|百万|万亿|万|亿)\s*$")
_DIGITS_ONLY = lazy(_DIGITS)
_CURRENCY_SIGN = lazy(r"US\$|HK\$|A\$|C\$|[$€£¥￥₹]|[A-Za-z]{3}")
_CURRENCY_WORD = lazy(r"(元|块钱|块|美元|欧元|英镑|港元|港币|日元|人民币|[A-Za-z]+)$")
_LEAD_NUMBER = lazy(rf"{_DIGITS}|{_SPELLED}", re.IGNORECASE)
_APPROX = lazy(r"[一二两三四五六七八九]{2,}")


# ---- value conversion -----------------------------------------------------------------
def parse_number(text: str) -> float | None:
    """The value of a written number: "1,200", "6.5亿", "七亿", "twenty-five", "1.2m".

    Returns None when `text` is not a number vplint can read.
    """
    raw = text.strip()
    if not raw:
        return None
    compact = raw.replace(",", "").replace(" ", "")
    try:
        return float(compact)
    except ValueError:
        pass
    m = _SCALED_DIGITS.fullmatch(compact)
    if m:
        return float(m.group(1)) * _SCALE_SUFFIX[m.group(2).lower()]
    m = _DIGITS_AND_SCALE_WORD.fullmatch(raw.replace(",", ""))
    if m:
        return float(m.group(1)) * _EN_SCALES[m.group(2).lower()]
    if _ANY_LETTER.search(raw):
        return _spelled_value(raw)
    return _chinese_value(compact)


def _spelled_value(text: str) -> float | None:
    total, current, seen = 0, 0, False
    for word in _WORD_SPLIT.split(text.lower()):
        if word in ("", "a", "and"):
            current = current or (1 if word == "a" else 0)
            continue
        if word in _EN_UNITS:
            current += _EN_UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _EN_SCALES:
            total += (current or 1) * _EN_SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


@lru_cache(maxsize=4096)
def _chinese_value(text: str) -> float | None:
    """Chinese and mixed numerals ("七亿", "十五", "6.5亿"), cached: the commonest forms
    read here, the rest by cn2an."""
    simple = simple_chinese_value(text)
    return simple if simple is not None else cn2an_value(text)


_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_ZH_SCALES = (("百万", 1e6), ("千万", 1e7), ("百", 100), ("千", 1000), ("万", 1e4),
              ("亿", 1e8))


def simple_chinese_value(text: str) -> float | None:
    """The value of the commonest Chinese numerals - a digit (三, 两), a number up to 99
    (十五, 二十, 三十八), or a digit or such a number times one scale word (五百, 两千,
    十五万, 五百万) - read without cn2an, which costs 0.15-0.3 s to import; None for
    anything else. tests/test_text_numbers.py compares every string of this shape with
    cn2an's value."""
    body, scale = text, 1.0
    for word, factor in _ZH_SCALES:
        if text.endswith(word) and len(text) > len(word):
            body, scale = text[:-len(word)], factor
            break
    digits = _ZH_DIGITS
    if len(body) == 1 and body != "十":
        if body not in digits or (scale != 1.0 and body == "零"):
            return None
        value = digits[body]
    elif scale not in (1.0, 1e4, 1e8):
        return None  # 十五百, 二十千万: cn2an reads these its own way
    elif body == "十":
        value = 10
    elif len(body) == 2 and body[0] == "十" and digits.get(body[1]):
        value = 10 + digits[body[1]]
    elif len(body) == 2 and body[1] == "十" and digits.get(body[0]):
        value = 10 * digits[body[0]]
    elif len(body) == 3 and body[1] == "十" and digits.get(body[0]) and digits.get(body[2]):
        value = 10 * digits[body[0]] + digits[body[2]]
    else:
        return None
    return float(value * scale)


@lru_cache(maxsize=4096)
def cn2an_value(text: str) -> float | None:
    """A Chinese or mixed numeral's value by cn2an (None when cn2an cannot read it)."""
    import cn2an  # lazy: see the module docstring

    for candidate in dict.fromkeys((text, _REDUNDANT_ZERO.sub("", text))):
        try:
            return float(cn2an.cn2an(candidate, "smart"))
        except (ValueError, KeyError, IndexError, TypeError):
            continue
    return None


# "四千四百一十万零一千": a 零 before a full thousands group is redundant but common; some
# cn2an releases refuse it, so it is read without the 零 (never before 百/十/units, where
# 零 carries meaning: 一万零五 is 10005, not 15000).
_REDUNDANT_ZERO = lazy(r"零(?=[一二两三四五六七八九]千)")


def _first_number(text: str) -> float | None:
    m = _NUMERIC_PART.search(text)
    if not m:
        return None
    value = parse_number(m.group(0))
    scale = _ZH_SCALE_AFTER.match(text, m.end())
    if value is not None and scale and _DIGITS_ONLY.fullmatch(m.group(0)):
        value *= {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万亿": 1e12}[scale.group(1)]
    return value


# ---- finding --------------------------------------------------------------------------
def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, without overlaps."""
    out: list[Quantity] = []
    for m in _matches(text):
        group = m.lastgroup
        if group == "skip":
            continue
        found = m.group(0)
        q = _quantity(group or "", found, text, m.start(), m.end())
        if q is not None:
            out.append(q)
    return out


def _matches(text: str) -> list[re.Match[str]]:
    """What `_PATTERN.finditer(text)` finds, trying the pattern only at anchors."""
    found: list[re.Match[str]] = []
    pos = 0
    for at, stop in _anchors(text):
        starts = [i for i in range(at - 3, at) if i >= 0 and text[i] in _PREFIX_START]
        if at < pos < stop:
            starts.append(pos)  # the last match ended inside this anchor: a full scan
            # resumes there (24/7 then 24/7 in "24/724/7")
        # any character of a run of Chinese numerals may start a match (万一 then 万)
        starts += range(at, stop) if _CN_ONLY.match(text, at, stop) else [at]
        for start in starts:
            if start < pos:
                continue
            grammar = _pattern_at(text[start], text[start + 1:start + 2])
            hit = grammar.match(text, start) if grammar is not None else None
            if hit is not None and hit.end() > max(start, at):
                found.append(hit)
                pos = hit.end()
    return found


@cache
def _word_finder() -> WordFinder:
    return WordFinder(_ANCHOR_WORDS)


def _anchors(text: str) -> list[tuple[int, int]]:
    """[start, end) of every anchor `_ANCHORS` finds that is one (a run of letters only
    when it is an anchor word), in text order. The words come from one Aho-Corasick pass;
    the other anchors (figures, signs, Chinese numerals) hold no ASCII letter, so the two
    never overlap."""
    words = _word_finder().find(text)
    if words is None:
        return [m.span() for m in re.finditer(_ANCHORS, text)
                if not (m.group()[0].isascii() and m.group()[0].isalpha())
                or m.group().lower() in _ANCHOR_WORDS]
    others = [m.span() for m in _OTHER_ANCHORS.finditer(text)]
    if not words:
        return others
    return sorted(words + others) if others else words


def _quantity(group: str, found: str, text: str, start: int, end: int) -> Quantity | None:
    if group == "zh_pct":
        value = 100.0 if found == "百分百" else _first_number(found[3:])
        return Quantity(start, end, found, value, PERCENT)
    if group == "pct":
        return Quantity(start, end, found, _lead_value(found), PERCENT)
    if group == "tenth":
        base = _first_number(found)
        if base is not None:
            base = base * 10 + (5 if found.endswith("半") else 0)
        return Quantity(start, end, found, base, PERCENT)
    if group == "times":
        return Quantity(start, end, found, _lead_value(found), MULTIPLIER)
    if group == "zh_times":
        value = _ZH_MULTIPLIER_WORDS.get(found)
        return Quantity(start, end, found, value if value else _first_number(found), MULTIPLIER)
    if group == "mult_word":
        return Quantity(start, end, found, float(_MULTIPLIER_WORDS[found.lower()]), MULTIPLIER)
    if group == "cur_pre":
        sign = _CURRENCY_SIGN.match(found)
        unit = sign.group(0) if sign else ""
        unit = _CURRENCY_WORDS.get(unit.lower(), "¥" if unit == "￥" else unit)
        return Quantity(start, end, found, _money_value(found[len(sign.group(0)) if sign else 0:]),
                        CURRENCY, unit)
    if group == "cur_post":
        word = _CURRENCY_WORD.search(found)
        unit = _CURRENCY_WORDS.get(word.group(1).lower(), "") if word else ""
        return Quantity(start, end, found, _money_value(found[: word.start()] if word else found),
                        CURRENCY, unit)
    if group == "num":
        return Quantity(start, end, found, _money_value(found), NUMBER)
    if group == "cn":
        return _chinese_numeral(found, text, start, end)
    if group == "spelled":
        if found.lower() in ("one", "a"):
            return None  # "one platform", "one click": not a measurement
        return Quantity(start, end, found, _spelled_value(found), NUMBER)
    return None


def _lead_value(found: str) -> float | None:
    m = _LEAD_NUMBER.match(found.strip())
    return parse_number(m.group(0)) if m else None


def _money_value(text: str) -> float | None:
    text = text.strip()
    scale = _ZH_SCALE_END.search(text)
    factor = 1.0
    if scale:
        factor = {"万": 1e4, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万亿": 1e12}[scale.group(1)]
        text = text[: scale.start()]
    if _CN_ONLY.fullmatch(text.replace("点", "")):
        value = _chinese_value(text)
    else:
        value = parse_number(text)
    return None if value is None else value * factor


def _chinese_numeral(found: str, text: str, start: int, end: int) -> Quantity | None:
    measured = bool(_MEASURE_AFTER.match(text, end))
    if len(found) == 1 and not measured:
        return None  # 统一, 一键, 唯一: a lone numeral without a measure word
    # 三五天, 两三个: adjacent digits are an estimate ("three or five"), not 35 or 23
    value = None if _APPROX.fullmatch(found) else _chinese_value(found)
    if value is None and not measured:
        return None
    return Quantity(start, end, found, value, NUMBER)


# ---- per-proposition facts ------------------------------------------------------------
def quantities_of(facts: Facts, node: Node) -> list[Quantity]:
    """The quantities in one text node, computed once per proposition."""
    return facts.memo(("quantities", id(node)), lambda: find_quantities(str(node.value)))
