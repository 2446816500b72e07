"""Reviewing a finished draft for what makes it unusable, beyond clarity.

The clarity rules judge copy a person wrote; a generated draft can also break in ways no
person would write: another language spliced in, the alternative standing where our
subject should be, a field label or placeholder left in the text, a sentence too long to
say in one go, a draft still over its budget. Each is a `DraftProblem`; a draft with any
of them scores at most `PROBLEM_CAP` (grade D), and `PROBLEM_PENALTY` less for each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vplint.lazyre import lazy
from vplint.pitch.context import LABEL_WORDS, ZH_LABEL_WORDS, get_path
from vplint.pitch.slots import rival_terms_zh
from vplint.pitch.text import split_sentences
from vplint.text.lang import measure

PROBLEM_CAP = 69
"""The best score of a draft with a problem: never A or B, however clear its words."""
PROBLEM_PENALTY = 15
SENTENCE_SECONDS = 20
"""One sentence should be sayable in one go: at most this many seconds at the spoken
rate (50 English words or 73 Chinese characters at the default rates)."""
LATIN_RUN = 4
"""A Chinese draft may carry names and acronyms ("ERP", "App"); this many Latin words in
a row is an English phrase."""

_CJK = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_RUN = lazy(r"[A-Za-z][\w'’-]*(?:[\s,;:]+[A-Za-z][\w'’-]*){" + str(LATIN_RUN - 1)
                        + ",}")
_LABEL_AT_START = lazy(
    r"(?:^|(?<=[.!?。！？]\s)|(?<=[.!?。！？]))\s*(?P<label>(?i:"
    + "|".join(re.escape(w) for w in sorted(LABEL_WORDS, key=len, reverse=True))
    + r")|" + "|".join(re.escape(w) for w in ZH_LABEL_WORDS) + r")\s*[:：]")
_LEFTOVER = lazy(r"\[TODO:[^\]]*\]|\{\{|\}\}|\{%|%\}")
_DOUBLED = lazy(r"\b([A-Za-z][\w'’-]+)\s+\1\b", re.I)
_UNLIKE = lazy(r"\b[Uu]nlike\s+(?P<alt>[^,]+(?:,[^,]+)??),\s+(?P<subject>[\w'’-]+)")
_ZH_UNLIKE = lazy(r"与(?P<alt>[^，。]{1,40}?)不同，(?P<subject>[^，。；]{2,8})")


@dataclass(frozen=True)
class DraftProblem:
    """Something that makes a draft unusable as written."""

    kind: str
    """mixed-language, repeated-subject, leftover-label, placeholder, long-sentence or
    over-budget."""
    message: str


MESSAGES = {
    "en": {
        "mixed-language": "{quote} is not English: a one-language draft mixes scripts",
        "mixed-language-zh": "{quote} is English in a Chinese draft",
        "repeated-subject": "{quote}: the alternative stands where our subject should be",
        "doubled": "{quote}: a word repeated",
        "leftover-label": "{quote}: a field label left in the text",
        "placeholder": "{quote}: a placeholder left in the text",
        "long-sentence": "a sentence of {n} words, more than {limit} ({s} s) to say in one "
                         "go: {quote}",
        "over-budget": "{n} {unit} is over the budget of {limit}",
    },
    "zh": {
        "mixed-language": "{quote} 不是中文：单一语言的草稿混入了其他文字",
        "mixed-language-zh": "中文草稿里有英文句子：{quote}",
        "repeated-subject": "{quote}：主语成了对比的替代方案",
        "doubled": "{quote}：词语重复",
        "leftover-label": "{quote}：残留了字段标签",
        "placeholder": "{quote}：残留了占位符",
        "long-sentence": "一句话 {n} 字，超过一口气能说完的 {limit} 字（{s} 秒）：{quote}",
        "over-budget": "{n} {unit}，超出 {limit} 的限制",
    },
}


def _quote(text: str, lang: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”" if lang == "zh" else f'"{text}"'


def sentence_limit(rate: float) -> int:
    """The longest sentence (in units) that can be said in one go at `rate` a minute."""
    return int(SENTENCE_SECONDS * rate / 60)


def review(text: str, language: str, rate: float | None, limit: int,
           ctx: object = None) -> list[DraftProblem]:
    """The problems that make `text` (a draft in `language`) unusable as written.

    `rate` is the spoken rate (units a minute) for the sentence length check, None for a
    fixed-limit draft such as a tagline; `limit` is the draft's budget; `ctx` the
    proposition's fields (to tell the alternative's name from ours)."""
    words = MESSAGES[language]
    problems: list[DraftProblem] = []

    def add(kind: str, key: str | None = None, **args: object) -> None:
        problems.append(DraftProblem(kind, words[key or kind].format(**args)))

    if language == "en":
        for match in _CJK.finditer(text):
            add("mixed-language", quote=_quote(match.group(0), language))
            break
    else:
        for match in _LATIN_RUN.finditer(text):
            add("mixed-language", "mixed-language-zh", quote=_quote(match.group(0), language))
            break
    for match in _UNLIKE.finditer(text):
        alt = {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", match.group("alt"))
               if w[:1].isupper()}
        if match.group("subject").lower().rstrip("'’s") in alt:
            add("repeated-subject", quote=_quote(match.group(0), language))
    for match in _ZH_UNLIKE.finditer(text):
        subject = match.group("subject")
        terms = [match.group("alt"), *rival_terms_zh(ctx or {})]
        if any(subject[:2] in t for t in terms if len(subject) >= 2):
            add("repeated-subject", quote=_quote(match.group(0), language))
    for match in _DOUBLED.finditer(text):
        if match.group(1).lower() not in ("that", "had", "is"):
            add("repeated-subject", "doubled", quote=_quote(match.group(0), language))
    focus = get_path(ctx, "positioning.focus_word") if ctx is not None else None
    for match in _LABEL_AT_START.finditer(text):
        if isinstance(focus, str) and match.group("label").lower() == focus.strip().lower():
            continue  # "Results: ..." is a tagline around the focus word, not a label
        add("leftover-label", quote=_quote(text[match.start("label"):][:40], language))
    for match in _LEFTOVER.finditer(text):
        add("placeholder", quote=_quote(match.group(0), language))
    if rate is not None:
        most = sentence_limit(rate)
        for sent in split_sentences(text):
            n = measure(sent, language)
            if n > most:
                add("long-sentence", n=n, limit=most, s=SENTENCE_SECONDS,
                    quote=_quote(sent, language, 30))
    length = measure(text, language)
    if length > limit:
        unit = ("words" if language == "en" else "字")
        add("over-budget", n=length, unit=unit, limit=limit)
    return problems


def capped_score(score: int, problems: list[DraftProblem]) -> int:
    """The draft's score: clarity, less PROBLEM_PENALTY a problem, at most PROBLEM_CAP
    when there is any."""
    if not problems:
        return score
    return max(0, min(PROBLEM_CAP, score - PROBLEM_PENALTY * len(problems)))
