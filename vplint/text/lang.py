"""Which language a text is written in, and CJK-aware word counting.

`detect_locale` tells English, Simplified and Traditional Chinese, Japanese, Korean and
"other" apart by script and function words, with no model to ship: kana make a text
Japanese, hangul Korean, Han characters Chinese (Traditional when its characters with a
simplified form are mostly in the traditional form), and a Latin text is English when
English function words outnumber those of the other common Latin-script languages.
Chinese copy that names English products ("用 NocoBase 搭建 CRM") stays Chinese: Han
characters are weighed against Latin *words*, not letters.

`rule_language` maps a locale to the language the rules are written for ("en", "zh"),
or None when vplint has no rules for it.
"""

from __future__ import annotations

import re
from collections import Counter

from vplint.lazyre import lazy

_CJK = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA = lazy(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\uff66-\uff9d]")
_HANGUL = lazy(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN_WORD = lazy(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_LATIN_LETTER = lazy(r"[A-Za-z]")
_WORD = lazy(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ACCENTED = lazy(r"[À-ÖØ-öø-ÿĀ-ſƠơƯưẠ-ỹ]")
# An address starts where a run of non-spaces starts: tried at every character of a long
# run, `\S+@` would read to the run's end and back each time (quadratic).
_URL = lazy(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")
_NOT_PROSE = lazy(
    r"^[ \t]*(```|~~~)[^\n]*\n.*?^[ \t]*\1[^\n]*$"  # fenced code
    r"|`[^`\n]*`"  # inline code
    r"|<[^>\n]*>"  # HTML tags and their attributes
    r"|\]\([^)\s]*\)"  # link targets
    r"|\{\{[^}\n]*\}\}|\{%[^%\n]*%\}",  # template shortcodes
    re.M | re.S)

EN = "en"
ZH_HANS = "zh-Hans"
ZH_HANT = "zh-Hant"
JA = "ja"
KO = "ko"
OTHER = "other"
LOCALES = (EN, ZH_HANS, ZH_HANT, JA, KO, OTHER)
RULE_LANGUAGES = ("en", "zh")
"""The languages rules are written for; "zh" covers both Chinese scripts."""

ZH_SHARE = 0.2
"""Kept for callers that weigh CJK characters against Latin letters (length rules)."""

KANA_SHARE = 0.08
"""Japanese when kana make up at least this share of the CJK characters and kana."""

# Characters whose simplified and traditional forms differ, among the most frequent in
# running text (simplified, traditional). Enough to tell the scripts apart; not a converter.
_SIMP_TRAD = (
    "这這 个個 们們 为為 说說 时時 会會 来來 对對 发發 后後 过過 "
    "还還 进進 动動 国國 经經 现現 实實 "
    "应應 开開 关關 问問 题題 没沒 从從 样樣 种種 点點 长長 话話 该該 让讓 东東 与與 当當 "
    "学學 业業 数數 据據 务務 级級 统統 体體 术術 开開 专專 单單 无無 与與 产產 万萬 "
    "户戶 页頁 设設 计計 们們 网網 络絡 营營 销銷 质質 费費 运運 选選 择擇 认認 证證 项項 "
    "报報 传傳 线線 连連 组組 织織 简簡 结結 构構 规規 则則 处處 理理 门門 间間 "
    "变變 换換 权權 限限 资資 库庫 员員 务務 录錄 请請 输輸 显顯 示示 图圖 标標 档檔 "
)
_SIMPLIFIED = frozenset(pair[0] for pair in _SIMP_TRAD.split() if pair[0] != pair[1])
_TRADITIONAL = frozenset(pair[1] for pair in _SIMP_TRAD.split() if pair[0] != pair[1])

# The most frequent function words of the Latin-script languages a website is commonly
# translated into. English wins only when its words clearly outnumber every other list's.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to a in is it that for you with on are this be as your "
                    "we our can at by from or not have will an more all they their no so "
                    "do if but while what how when get has was one".split()),
    "de": frozenset("der die und das ist nicht mit den sie zu ein eine auf für von sich "
                    "auch es dem des im wir ihr werden kann oder wie bei".split()),
    "fr": frozenset("le la les et des est un une pour que dans du en qui pas sur au avec "
                    "vous ce nous sont plus par aux être cette".split()),
    "es": frozenset("el la los las y de que en un una es por para con del se su al como "
                    "más pero sus le lo puede este esta".split()),
    "pt": frozenset("o os as e de que em um uma é para com não do da dos das no na por "
                    "se mais como ao você seu sua pode".split()),
    "it": frozenset("il lo la gli le e di che è un una per con non del della nel sono "
                    "anche come più questo si".split()),
    "nl": frozenset("de het een en van is dat op te in met voor zijn niet je u ook aan "
                    "wordt naar kunt deze".split()),
    "id": frozenset("yang dan di untuk dengan ini itu dari dalam tidak akan pada adalah "
                    "atau juga ke bisa kami anda dapat lebih".split()),
    "vi": frozenset("và của là có các được cho với một những trong không này để người "
                    "bạn khi từ đã sẽ".split()),
    "tr": frozenset("ve bir bu için ile da de olarak daha çok gibi olan en ne ya".split()),
}

# Words shared with English ("in", "is", "a") say nothing about the other languages.
_RIVALS = {lang: table - _FUNCTION_WORDS["en"] for lang, table in _FUNCTION_WORDS.items()
           if lang != "en"}


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return bool(_CJK.match(ch))


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in `text`."""
    return len(_CJK.findall(text))


def detect_locale(text: str) -> str:
    """The locale of `text`: en, zh-Hans, zh-Hant, ja, ko or other.

    Code, HTML tags, link targets, URLs and e-mail addresses are ignored. A text with no
    letters at all is English (the rules then find nothing to say about it anyway).
    """
    text = _URL.sub(" ", _NOT_PROSE.sub(" ", text))
    if text.isascii():  # no Han, kana or hangul to count (most English copy)
        return _latin_language(text)
    han = cjk_count(text)
    kana = len(_KANA.findall(text))
    hangul = len(_HANGUL.findall(text))
    words = _LATIN_WORD.findall(_CJK.sub(" ", text))
    latin_words = len(words)
    if hangul and hangul >= max(han, kana) and hangul * 2 >= latin_words:
        return KO
    if kana and kana >= KANA_SHARE * (han + kana) and (han + kana) * 2 >= latin_words:
        return JA
    if han and han * 2 >= latin_words:
        return _chinese_script(text)
    return _latin_language(text)


def _chinese_script(text: str) -> str:
    simplified = sum(1 for ch in text if ch in _SIMPLIFIED)
    traditional = sum(1 for ch in text if ch in _TRADITIONAL)
    return ZH_HANT if traditional > simplified else ZH_HANS


def _latin_language(text: str) -> str:
    found = _WORD.findall(text)
    if not found:
        return EN
    # Each distinct word looked up once in each table (a page repeats most of its words).
    counts = Counter(map(str.lower, found))
    english = _occurrences(counts, _FUNCTION_WORDS["en"])
    rival = max(_occurrences(counts, table) for table in _RIVALS.values())
    if rival >= 2 and rival > 1.5 * english and (len(found) >= 12 or english == 0):
        return OTHER  # a short English line may hold two words of another list
    if english == 0 and len(found) >= 3:
        # No English function word at all (a title, a list of names): accents decide.
        accented = len(_ACCENTED.findall(text))
        letters = len(_LATIN_LETTER.findall(text)) + accented
        return OTHER if letters and accented / letters > 0.03 else EN
    return EN


def _occurrences(counts: Counter[str], table: frozenset[str] | set[str]) -> int:
    """How many of the counted words are in `table`."""
    return sum(counts[w] for w in counts.keys() & table)


def rule_language(locale: str) -> str | None:
    """The rule language for a locale ("en" or "zh"), or None when vplint has no rules."""
    if locale == EN:
        return "en"
    if locale in (ZH_HANS, ZH_HANT):
        return "zh"
    return None


def normalize_locale(value: str) -> str | None:
    """A declared language ("zh-CN", "zh_TW", "cn", "ja-JP", "EN") as a locale, or None."""
    tag = value.strip().lower().replace("_", "-")
    if not tag:
        return None
    head = tag.split("-")[0]
    if head in ("zh", "cn", "chs", "cht", "tw", "hk"):
        traditional = any(part in ("tw", "hk", "mo", "hant", "cht") for part in tag.split("-"))
        return ZH_HANT if traditional or head in ("tw", "hk", "cht") else ZH_HANS
    if head == "en":
        return EN
    if head in ("ja", "jp"):
        return JA
    if head in ("ko", "kr"):
        return KO
    if re.fullmatch(r"[a-z]{2,3}", head):
        return OTHER
    return None


def detect_language(text: str) -> str:
    """"zh" for Chinese text, else "en" (the two rule languages; see `detect_locale`)."""
    return rule_language(detect_locale(text)) or "en"


def length_units(text: str) -> tuple[int, int]:
    """(English words, CJK characters) in `text`; mixed text counts both."""
    return len(_LATIN_WORD.findall(_CJK.sub(" ", text))), cjk_count(text)


def measure(text: str, language: str) -> int:
    """Length in the unit readers of `language` count: words for en, characters for zh.

    A Chinese text's Latin words (brand names, "AI") count as one character each.
    """
    words, chars = length_units(text)
    return chars + words if language == "zh" else words + chars
