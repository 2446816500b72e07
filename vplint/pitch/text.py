"""Text shaping for pitch drafts: pure functions on strings, in English and Chinese.

Proposition fields are written as the author likes (a sentence, a phrase, "You want
..."); templates splice them into one pitch. These helpers make the splice read well
(`clause`, `sentence`, `lower_first`, `main_clause`, `short_name`, ...) and cut a text
to its first N sentences, clauses or words when a draft must get shorter. Units are
counted as `vplint.text.lang.measure` counts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vplint.lazyre import lazy
from vplint.text.lang import detect_language, is_cjk, measure

MIN_CLAUSE = {"en": 4, "zh": 6}
"""A clause cut never leaves less than this (words / characters): no two-word stubs."""

# ---- shaping phrases ---------------------------------------------------------------------
_EN_END = ".!?"
_ZH_END = "。！？"
_CLOSERS = "\"'”’」』)）"
_OPENERS = {"(": ")", "[": "]", "（": "）", "“": "”", "「": "」", "《": "》"}
_STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "with", "without", "to", "of", "for", "in", "on",
    "at", "by", "as", "from", "that", "which", "who", "your", "our", "their", "its", "is",
    "are", "so", "than", "into", "after", "before", "while", "typically", "also", "just",
    "only", "then", "not", "very", "more", "most", "less", "such", "like", "each", "every",
}
_NOUN_START = {
    "a", "an", "the", "your", "our", "their", "every", "each", "more", "less", "fewer",
    "faster", "lower", "higher", "better", "one", "two", "three", "no", "all", "up", "over",
    "under", "half", "twice", "double",
}
_DETERMINERS = {"a", "an", "the", "your", "our", "their", "every", "each", "this", "that"}
_FINITE_VERBS = {
    "is", "are", "was", "were", "will", "can", "has", "have", "earns", "falls", "drops",
    "rises", "grows", "shrinks", "arrives", "arrive", "gets", "saves", "costs", "takes",
    "pays", "goes", "runs", "becomes", "doubles", "halves", "improves", "increases",
    "decreases", "reduces", "lands", "reaches", "stays", "means", "lets", "makes", "turns",
    "comes", "closes", "ships", "moves", "lasts", "fits", "works", "starts",
    "ends", "needs", "wants", "feels", "looks", "sells", "buys", "finds", "keeps",
}
_TIME_START = {
    "in", "within", "by", "on", "at", "after", "before", "from", "under", "inside", "over",
    "live", "ready", "same-day", "overnight", "next-day", "today", "tonight", "tomorrow",
    "instantly", "immediately",
}
_VERB_START = {
    "get", "cut", "save", "reduce", "increase", "grow", "earn", "close", "stop", "find",
    "book", "sell", "buy", "pay", "keep", "make", "win", "know", "spend", "turn", "move",
    "ship", "hire", "live", "enjoy", "avoid", "build", "launch", "see", "take", "boost",
    "drive", "unlock", "achieve", "deliver", "go", "empower", "help", "lose", "learn",
    "sleep", "eat", "feel", "finish", "start", "run", "hit", "land", "double", "halve",
}


def lang_of(text: str) -> str:
    """"zh" or "en" for a piece of text."""
    return detect_language(text)


def clause(text: Any) -> str:
    """The text without its closing full stop, to be embedded in a longer sentence."""
    value = str(text).strip()
    while value and value[-1] in _EN_END + _ZH_END + ";；,，":
        value = value[:-1].rstrip()
    if len(value) >= 2 and value[-1] in _CLOSERS and value[-2] in _EN_END + _ZH_END:
        value = value[:-2] + value[-1]
    return value


def sentence(text: Any) -> str:
    """The text as a stand-alone sentence: capital first letter, closing punctuation."""
    value = str(text).strip()
    if not value:
        return value
    zh = lang_of(value) == "zh"
    if not zh and value[0].islower():
        value = value[0].upper() + value[1:]
    last = value.rstrip(_CLOSERS)[-1:] if value.rstrip(_CLOSERS) else ""
    if last in _EN_END + _ZH_END:
        return value
    value = value.rstrip(";；,，:：")
    return value + ("。" if zh else ".")


def lower_first(text: Any, protected: set[str] | frozenset[str] = frozenset()) -> str:
    """Lower-case the first letter when the first word is an ordinary word, not a name
    or an acronym ("Households and flats" -> "households and flats"; "Paydex is" stays)."""
    value = str(text)
    words = value.split()
    if not words:
        return value
    first = words[0].strip("\"'“‘(")
    core = re.sub(r"[^\w'’-]", "", first)
    if core.lower() in _DETERMINERS and core[:1].isupper():
        at = value.index(core[0])
        return value[:at] + value[at].lower() + value[at + 1:]
    if (not core or not core[0].isupper() or core in protected or core == "I"
            or any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core)):
        return value
    if len(words) > 1 and words[1][:1].isupper() and words[1] not in ("I",):
        return value  # "Mamma Lucia's": a multi-word name
    at = value.index(core[0])
    return value[:at] + value[at].lower() + value[at + 1:]


def short_name(text: Any) -> str:
    """The brand part of a name: "Ledgerline AP, invoice-to-pay..." -> "Ledgerline AP"."""
    value = str(text).strip()
    if lang_of(value) == "zh":
        return re.split(r"[\s,，:：(（—-]", value, maxsplit=1)[0] or value
    head = re.split(r",\s|\s[-—–]\s|:\s|\s\(", value, maxsplit=1)[0]
    return head.strip() or value


def with_article(text: Any) -> str:
    """Prefix "a"/"an" unless the phrase already starts with a determiner."""
    value = str(text).strip()
    first = value.split(" ", 1)[0].lower()
    if first in ("a", "an", "the", "your", "our") or not value:
        return value
    vowel = value[0].lower() in "aeiou" and not re.match(r"(?i)u[nst]i|one|eu", value)
    return ("an " if vowel or re.match(r"(?i)hour|honest", value) else "a ") + value


def first_clause(text: Any) -> str:
    """Text up to its first clause boundary (for sources: "Marlow & Finch LLP")."""
    value = clause(text)
    cuts = clause_cuts(value, 1)
    return clause(value[: cuts[0]]) if cuts else value


def drop_you(text: Any) -> str:
    """"You want X" -> "want X" (the need in the customer's words, after "who")."""
    return re.sub(r"^\s*you\s+", "", str(text), flags=re.I)


def is_you_form(text: Any) -> bool:
    """True when the text starts "You want/need/have ..." (the customer speaking)."""
    return bool(re.match(r"^\s*you\s+(?!are\b|re\b)\w", str(text), flags=re.I))


def _first_word(text: Any) -> str:
    match = re.match(r"\W*([A-Za-z$€£¥0-9][\w.,%$-]*)", str(text))
    return match.group(1).lower() if match else ""


def main_clause(text: Any) -> str:
    """The first sentence up to its first semicolon: the claim without its asides."""
    value = str(text).strip()
    cuts = sentence_cuts(value)
    if cuts:
        value = value[: cuts[0]]
    for i, ch in _top_level(value):
        if ch in ";；" and value[i + 1:].strip():
            value = value[:i]
            break
    return clause(value)


def is_noun_phrase(text: Any) -> bool:
    """True when the main clause is a thing you get ("A hot pizza at your door in 30
    minutes"), not a sentence ("A spare room earns $640 a month")."""
    word = _first_word(text)
    if not (word in _NOUN_START or re.match(r"[$€£¥0-9]", word)):
        return False
    words = {w.lower() for w in re.findall(r"[A-Za-z']+", main_clause(text))}
    return not words & _FINITE_VERBS


def is_time_phrase(text: Any) -> bool:
    """True when the text reads after "You get it" ("in 30 minutes", "live in 30 days")."""
    word = _first_word(text)
    return word in _TIME_START or (word.endswith("ed") and len(word) > 3)


def is_verb_phrase(text: Any) -> bool:
    """True when the text starts with a verb ("Cut your close to 5 days")."""
    return _first_word(text) in _VERB_START


# ---- cutting text ------------------------------------------------------------------------
def _top_level(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of characters outside brackets and quotes."""
    depth: list[str] = []
    quote = False
    for i, ch in enumerate(text):
        if ch == '"':
            quote = not quote
            continue
        if ch in _OPENERS:
            depth.append(_OPENERS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
        elif not depth and not quote:
            yield i, ch


def sentence_cuts(text: str) -> list[int]:
    """End indexes of every sentence but the last."""
    cuts = []
    for i, ch in _top_level(text):
        if ch in _ZH_END:
            end = i + 1
        elif ch in _EN_END:
            rest = text[i + 1:]
            if not re.match(r"[\"'”’]?\s+[\"“‘(]?[A-Z]", rest):
                if not (rest[:1] == "" or (is_cjk(rest[:1]) if rest else False)):
                    continue
            end = i + 1
        else:
            continue
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        if text[end:].strip():
            cuts.append(end)
    return cuts


def split_sentences(text: str) -> list[str]:
    """The sentences of a draft (paragraphs are separated by blank lines)."""
    out = []
    for paragraph in text.split("\n\n"):
        start = 0
        for cut in sentence_cuts(paragraph):
            out.append(paragraph[start:cut].strip())
            start = cut
        out.append(paragraph[start:].strip())
    return [s for s in out if s]


def clause_cuts(text: str, minimum: int) -> list[int]:
    """Indexes where a clause ends (before ", ", "; ", ": ", " - ", "，", "；"), keeping
    at least `minimum` words/characters before the first cut."""
    lang = lang_of(text)
    cuts = []
    for i, ch in _top_level(text):
        nxt, prev = text[i + 1:i + 2], text[i - 1:i]
        if ch in "，；：":
            ok = True
        elif ch in ",;:":
            ok = nxt == " " or (lang == "zh" and not (prev.isdigit() and nxt.isdigit()))
        elif ch in "—–-":
            ok = prev == " " and nxt == " "
        else:
            continue
        if ok and text[i + 1:].strip() and measure(text[:i], lang) >= minimum:
            cuts.append(i)
    return cuts


def cut_text(text: str, how: str, keep: int) -> str:
    """`text` cut to its first `keep` sentences, clauses or words."""
    lang = lang_of(text)
    if how == "sentences":
        cuts = sentence_cuts(text)
        return text[: cuts[keep - 1]].strip() if keep <= len(cuts) else text
    if how == "clauses":
        cuts = clause_cuts(text, MIN_CLAUSE[lang])
        return clause(text[: cuts[keep - 1]]) if keep <= len(cuts) else text
    return _cut_words(text, keep, lang)


_UNIT = lazy(r"[A-Za-z0-9][A-Za-z0-9'’\-]*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _cut_words(text: str, keep: int, lang: str) -> str:
    """The first `keep` units (English words, Chinese characters, counted as `measure`
    counts them), without a dangling "and"/"的" at the end."""
    units = list(_UNIT.finditer(text))
    if keep >= len(units):
        return text
    value = text[: units[keep - 1].end()] if keep > 0 else ""
    if lang == "zh":
        # An enumeration boundary (、) close to the limit beats cutting a word in half.
        stop = value.rfind("、")
        if stop > 0 and measure(value[:stop], "zh") >= keep * 3 // 4:
            value = value[:stop]
        return clause(value.rstrip("的和与及、，, "))
    words = value.split()
    while len(words) > 1 and words[-1].strip(",;:").lower() in _STOPWORDS:
        words.pop()
    return clause(" ".join(words))


def count_units(text: str, how: str) -> int:
    """How many sentences, clauses or words `text` has (the most `cut_text` can keep)."""
    lang = lang_of(text)
    if how == "sentences":
        return len(sentence_cuts(text)) + 1
    if how == "clauses":
        return len(clause_cuts(text, MIN_CLAUSE[lang])) + 1
    return measure(text, lang)


# ---- post-processing of rendered text ------------------------------------------------------
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_OR_PUNCT = lazy(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”《》]")


def tidy(text: str, language: str) -> str:
    """Normalise whitespace (templates may span lines; a blank line starts a paragraph);
    in Chinese, drop spaces between ideographs and use full-width punctuation."""
    paragraphs = [re.sub(r"\s+(?=[,.;:!?)])|(?<=\()\s+", "", " ".join(p.split()))
                  for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    if language == "zh":
        paragraphs = [_zh_tidy(p) for p in paragraphs]
    return "\n\n".join(paragraphs)


def _zh_tidy(text: str) -> str:
    text = re.sub(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”》]) "
                  r"(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“《])", "", text)
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch not in _FULL_WIDTH:
            continue
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if prev.isdigit() and nxt.isdigit():
            continue
        if _CJK_OR_PUNCT.match(prev or " ") or _CJK_OR_PUNCT.match(nxt or " "):
            chars[i] = _FULL_WIDTH[ch]
    text = "".join(chars)
    text = re.sub(r"\s*([，；：！？（）。])\s*", r"\1", text)
    return re.sub(r"(?<=[\u3400-\u9fff])\.(?=\s|$)", "。", text)
