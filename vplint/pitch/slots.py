"""Slots: the grammatical shape a template needs from a field, checked before it fills.

A template does not splice a field in as written; it asks for a *slot*:
`{{ slot("category", "category") }}` -- the field path, and the shape the sentence needs
there. Each shape knows how to adapt the usual ways people write a field ("expense
management" after "is" becomes "an expense management service"; "You want X" after "who"
becomes "want X") and when it cannot: then it raises `Misfit`, naming the field and what
to write instead, and the draft reports that field rather than printing a broken
sentence. `fits(path, shape)` lets a template choose another sentence for a field that
does not fit one shape.

Shapes (English; Chinese templates use `sentence`, `clause` and `difference`):

- `name`: the brand part of the proposition's name;
- `audience`: a group of people after "For" (no "for" twice, not "you"/"we");
- `who`: a relative clause after a group of people ("who want dinner tonight");
- `category`: a count noun phrase with its article after "is" ("an expense management
  service" -- an activity noun gets "service", a plural "a provider of");
- `that`: what the product gets the customer, after the category (" that gets you ...",
  " that helps you ..."), or, for a whole clause, a second sentence "With <name>, ...";
- `object`: a thing offered, after "offers" or "by offering";
- `help`: what the customer achieves, after "We help <audience>";
- `time`: a sentence saying when ("You get it within 30 minutes.");
- `difference`: the difference from the named alternative, whose subject is never the
  alternative ("Unlike Expensify, Expensify is ..." cannot happen);
- `sentence`, `first_sentence`, `clause`, `phrase`, `headword`, `source`: the field as a
  sentence (whole, or its main clause), without its closing stop (as written, with an
  ordinary first word lower-cased, or capitalised), or a source's first clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2

from vplint.lazyre import lazy
from vplint.pitch.context import MissingField, get_path, is_placeholder
from vplint.pitch.text import (
    clause,
    first_clause,
    is_noun_phrase,
    is_time_phrase,
    is_verb_phrase,
    is_you_form,
    lower_first,
    main_clause,
    sentence,
    short_name,
    with_article,
)


class Misfit(jinja2.TemplateRuntimeError):
    """A field's text cannot fill the slot a template put it in."""

    def __init__(self, path: str, shape: str, hint: str) -> None:
        super().__init__(f"`{path}` does not fit the {shape} slot: {hint}")
        self.path = path
        self.shape = shape
        self.hint = hint


@dataclass(frozen=True)
class Fill:
    """What a shape needs to know: the field's text, its path, the whole context."""

    text: str
    path: str
    ctx: Any
    lang: str

    def misfit(self, shape: str, hint: str) -> Misfit:
        """The error for this field in this shape."""
        return Misfit(self.path, shape, hint)


# ---- word lists ---------------------------------------------------------------------------
_SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it"}
_OURS = {"we", "our", "us", "you", "your"}
_THEIRS = {"they", "their", "them", "its", "it", "those", "these"}
_ZH_OURS = ("我们", "我司", "您", "你")
_ZH_THEIRS = ("他们", "它们", "它", "对方")
_PREPOSITIONS = {
    "for", "in", "with", "to", "on", "that", "which", "at", "from", "by", "of", "who",
    "across", "inside", "within", "without", "near", "around", "serving",
}
_MASS_HEADS = {
    "software", "insurance", "accounting", "analytics", "automation", "payroll", "banking",
    "hosting", "storage", "security", "advice", "research", "finance", "logistics",
    "transport", "healthcare", "care", "food", "coffee", "furniture", "equipment",
    "training", "education", "support", "shipping", "marketing", "recruitment", "travel",
    "accommodation", "delivery", "lodging", "childcare", "catering", "tax", "legal",
    "commerce", "e-commerce", "fintech", "mobility", "energy", "electricity", "broadband",
    "telecoms", "media", "news", "music", "video", "streaming", "gaming", "fitness",
    "wellness", "cleaning", "laundry", "maintenance", "management", "hiring", "lending",
    "credit", "leasing", "rental", "printing", "translation", "tutoring", "consulting",
    "procurement", "compliance", "monitoring", "messaging", "email", "search", "mail",
    "clothing", "eyewear", "skincare", "grooming", "pet", "dental", "telehealth",
    "transfer", "transfers", "payments",
}
_MASS_SUFFIXES = ("ment", "ing", "tion", "sion", "ance", "ence", "ware", "ery", "ics")
_VERBISH_S = lazy(r"^[a-z][a-z'-]*[^s'u]s$")
_FINITE = {
    "is", "are", "was", "were", "will", "can", "could", "would", "should", "does", "do",
    "did", "has", "have", "had", "may", "might", "must", "gets", "takes", "falls",
    "drops", "costs", "arrives", "cuts", "saves", "earns", "closes", "shrinks", "grows",
    "rises", "pays", "sells", "keeps", "stays", "lands", "reaches", "becomes", "goes",
    "runs", "turns", "spends", "loses", "finds", "needs", "wants",
}
"""Finite verbs that are not also common nouns ("close", "cut" and "pay" are both)."""


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][\w'’&.-]*", text)


def _bare(word: str) -> str:
    return re.sub(r"(?:'s|’s)$", "", word.strip(".,;:!?\"'“”()")).lower()


def name_words(ctx: Any) -> set[str]:
    """Lower-cased words of the proposition's own name (its brand part and all of it)."""
    name = get_path(ctx, "name")
    if not isinstance(name, str):
        return set()
    return {_bare(w) for w in _words(short_name(name)) if w[:1].isupper()} | {
        _bare(w) for w in _words(name.split(",")[0]) if w[:1].isupper()}


def rival_words(ctx: Any) -> set[str]:
    """Capitalised words naming the alternatives: `differentiation.unlike`, competitors'
    names and the category leader (minus the proposition's own name)."""
    names: list[str] = []
    for path in ("differentiation.unlike", "positioning.leader"):
        value = get_path(ctx, path)
        if isinstance(value, str):
            names.append(value)
    for item in get_path(ctx, "competitors") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    words = {_bare(w) for n in names for w in _words(n) if w[:1].isupper()}
    unlike = get_path(ctx, "differentiation.unlike")
    if isinstance(unlike, str):  # "traditional bank wires": "banks ..." is theirs too
        words |= {_stem(_bare(w)) for w in _words(unlike) if len(_bare(w)) >= 4}
    return words - name_words(ctx) - _GENERIC


_GENERIC = {"the", "a", "an", "other", "others", "status", "quo", "that", "also", "with",
            "from", "like", "traditional", "most", "many", "some", "your", "their"}


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def names_as_written(ctx: Any) -> set[str]:
    """The first word of every name in the proposition (ours, the alternatives', the
    leader's), as written: it keeps its capital letter mid-sentence ("Paydex is ..."),
    while "Pizza" from "Domino's Pizza" starting a field is an ordinary word."""
    names: list[str] = []
    for path in ("name", "differentiation.unlike", "positioning.leader"):
        value = get_path(ctx, path)
        if isinstance(value, str):
            names.append(value)
    for item in get_path(ctx, "competitors") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    firsts = [re.findall(r"[A-Za-z][\w'’&-]*", n)[:1] for n in names]
    return {w[0] for w in firsts if w and w[0][0].isupper()}


def rival_terms_zh(ctx: Any) -> list[str]:
    """Chinese alternatives: `differentiation.unlike` and competitor names, split at
    和/与/及/、/等 so "传统车商和二手车贩子" yields both terms."""
    names: list[str] = []
    value = get_path(ctx, "differentiation.unlike")
    if isinstance(value, str):
        names.append(value)
    for item in get_path(ctx, "competitors") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    terms = []
    for n in names:
        terms += [t for t in re.split(r"[和与及、等,，\s]+|其他|之类", n) if len(t) >= 2]
    return terms


# ---- shape tests ---------------------------------------------------------------------------
_AFTER_VERB = {
    "a", "an", "the", "your", "our", "their", "its", "every", "each", "all", "more", "less",
    "only", "no", "it", "them", "you", "us", "twice", "half", "nearly", "almost", "about",
}
"""Words that follow a verb but rarely a plural noun ("codes every", not "rooms in")."""


def _verb_at(words: list[str], i: int) -> bool:
    """True when words[i] reads as the finite verb after a subject."""
    word, prev = words[i], words[i - 1] if i else ""
    if not i or prev in _PREPOSITIONS | {"a", "an", "the", "to"}:
        return False
    if word in _FINITE:
        return True
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if (prev.endswith("s") and not prev.endswith("ss") and word.isalpha()
            and not word.endswith("s") and word not in _PREPOSITIONS
            and (nxt in _AFTER_VERB or re.match(r"^[0-9$€£¥]", nxt))):
        return True  # a plural subject and its verb: "blades arrive every month"
    return bool(_VERBISH_S.match(word) and not prev.isdigit()
                and (nxt in _AFTER_VERB or re.match(r"^[0-9$€£¥]", nxt)))


def is_clause(text: str) -> bool:
    """True when the main clause has a subject and a finite verb ("Close takes an hour")."""
    words = [_bare(w) for w in _words(main_clause(text))]
    if not words or is_verb_phrase(text):
        return False
    if words[0] in _SUBJECT_PRONOUNS:
        return True
    for i in range(1, min(len(words), 14)):
        if words[i] in ("that", "which", "who", "whose", "where"):
            return False  # a relative clause: what came before is a noun phrase
        if _verb_at(words, i):
            return True
    return False


def subject_owner(text: str, ctx: Any, lang: str) -> str | None:
    """Whose subject opens `text`: "ours", "theirs" (the alternative's) or None."""
    if lang == "zh":
        head = re.split(r"[，,；;。：:]", text.strip(), maxsplit=1)[0][:12]
        own = get_path(ctx, "name")
        own_short = short_name(own) if isinstance(own, str) else ""
        if head.startswith(_ZH_OURS) or (own_short and head.startswith(own_short[:2])):
            return "ours"
        if head.startswith(_ZH_THEIRS):
            return "theirs"
        for term in rival_terms_zh(ctx):
            for size in range(min(len(term), 6), 1, -1):
                if any(head.startswith(term[i:i + size]) for i in range(len(term) - size + 1)):
                    return "theirs"
        return None
    ours, theirs = name_words(ctx), rival_words(ctx)
    words = [_bare(w) for w in _words(clause(text))]
    for i, word in enumerate(words[:4]):
        if word in theirs or _stem(word) in theirs or word in _THEIRS:
            return "theirs"
        if word in ours or word in _OURS:
            return "ours"
        if _verb_at(words, i):
            break  # the subject ended without naming anyone
    return None


# ---- shapes -------------------------------------------------------------------------------
def _name(f: Fill) -> str:
    return short_name(f.text)


def _audience(f: Fill) -> str:
    text = re.sub(r"^\s*for\s+", "", main_clause(f.text), flags=re.I)
    first = _bare((_words(text) or [""])[0])
    if first in _SUBJECT_PRONOUNS | {"our"}:
        raise f.misfit("audience", "name the customer group as a noun phrase, e.g. "
                                   "'Finance teams at companies with 200 to 2,000 employees'")
    return lower_first(text, names_as_written(f.ctx))


def _who(f: Fill) -> str:
    audience = get_path(f.ctx, "segment.who")
    # "For people who X who want Y" reads as a stutter: the second becomes "and"
    who = "and" if isinstance(audience, str) and " who " in main_clause(audience) else "who"
    need = re.split(r",\s+(?:and|but|so)\s+(?=(?:a|an|the|your|my|our|their|it|they|we)\b)",
                    main_clause(f.text), maxsplit=1)[0]
    if is_you_form(f.text):
        return f"{who} " + clause(re.sub(r"^\s*you\s+", "", need, flags=re.I))
    if is_verb_phrase(f.text) or _bare((_words(f.text) or [""])[0]) in (
            "want", "need", "struggle", "spend", "lose", "waste", "worry", "have"):
        return f"{who} " + lower_first(need, names_as_written(f.ctx))
    raise f.misfit("who", "write the need in the customer's words, e.g. 'You want "
                          "dinner on the table tonight without cooking'")


def _category(f: Fill) -> str:
    text = lower_first(main_clause(f.text), names_as_written(f.ctx))
    if is_clause(text):
        raise f.misfit("category", "name the category as a noun phrase, e.g. 'expense "
                                   "management software for agencies'")
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the"):
        return text
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS),
               len(words))
    head_words, tail = words[:cut], words[cut:]
    head = _bare(head_words[-1]) if head_words else ""
    if head.endswith("s") and not head.endswith(("ss", "us", "ics", "is")) and \
            head not in _MASS_HEADS:
        return " ".join(["a provider of", *words])
    if head in _MASS_HEADS or head.endswith(_MASS_SUFFIXES):
        return with_article(" ".join([*head_words, "service", *tail]))
    return with_article(text)


def _thing(text: str) -> bool:
    """A noun phrase: one that starts like one, or any two or more words that are
    neither a clause nor an instruction ("Shoes that fit", "Glasses you chose")."""
    return is_noun_phrase(text) or (len(_words(text)) >= 2 and not is_clause(text)
                                    and not is_verb_phrase(text))


def _that(f: Fill) -> str:
    text = main_clause(f.text)
    protected = names_as_written(f.ctx)
    if _thing(text):
        return " that gets you " + lower_first(text, protected)
    if is_verb_phrase(text):
        return " that helps you " + lower_first(text, protected)
    if is_clause(text):
        name = short_name(str(get_path(f.ctx, "name") or ""))
        return f". With {name}, " + lower_first(text, protected) if name else \
            ". " + sentence(text).rstrip(".")
    raise f.misfit("that", "write the outcome as a result ('Month-end close takes under "
                           "an hour') or a thing the customer gets ('A hot pizza at your "
                           "door in 30 minutes')")


def _help(f: Fill) -> str:
    text = main_clause(f.text)
    protected = names_as_written(f.ctx)
    if _thing(text):
        return "get " + lower_first(text, protected)
    if is_verb_phrase(text):
        return lower_first(text, protected)
    if is_clause(text):
        return "so that " + lower_first(text, protected) + ","
    raise f.misfit("help", "write the outcome as a result ('Month-end close takes under "
                           "an hour') or as what the customer does ('Close the books in "
                           "5 days')")


def _object(f: Fill) -> str:
    text = clause(f.text)
    first = _bare((_words(text) or [""])[0])
    brand = _bare((_words(short_name(str(get_path(f.ctx, "name") or ""))) or [""])[0])
    if is_clause(text) or first in _OURS or (first == brand and text[:1].isupper()):
        raise f.misfit("object", "describe the offering as a thing, e.g. 'A card and app "
                                 "that capture receipts at the till'")
    return lower_first(text, names_as_written(f.ctx))


_TIME_WORDS = lazy(
    r"(?i)\b(?:\d+\s*(?:-\s*)?(?:min|minutes?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"h|s|seconds?)|minutes?|hours?|days?|weeks?|months?|years?|tonight|today|tomorrow|"
    r"overnight|same-day|next-day|instant(?:ly)?|immediately|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b")


def _time(f: Fill) -> str:
    text = clause(f.text)
    if is_time_phrase(text) or re.match(r"(?i)(?:every|each|once|twice|daily|weekly|"
                                        r"monthly|yearly|nightly)\b", text):
        outcome = get_path(f.ctx, "outcome")
        lead = "You get it" if not isinstance(outcome, str) or is_noun_phrase(outcome) \
            else "Expect it"
        return f"{lead} {lower_first(text, names_as_written(f.ctx))}."
    if is_clause(text):
        return sentence(text)
    head = re.split(r"[,;]\s", text, maxsplit=1)[0]
    if _TIME_WORDS.search(head.replace("month-end", "").replace("year-end", "")) and \
            not is_verb_phrase(text):
        # a thing with its time ("instant confirmation on 80% of homes")
        return f"You get {lower_first(text, names_as_written(f.ctx))}."
    raise f.misfit("time", "say when the outcome arrives, as a time ('within 30 days', "
                           "'by your second month-end') or a sentence ('Your car sells "
                           "within 3 days')")


def _our_turn(text: str, ctx: Any, lang: str) -> int | None:
    """Where, after the alternative's part, the text turns to ours: the index of the
    `;`/`；`/`.`/`。` before the first clause whose subject is ours, or None."""
    for match in re.finditer(r"[;；。]|\.\s", text):
        rest = text[match.end():].strip()
        owner = subject_owner(rest, ctx, lang) if rest else "theirs"
        # Chinese often leaves the subject out: any clause not about the alternative
        if owner == "ours" or (lang == "zh" and owner is None):
            return match.start()
    return None


def _difference(f: Fill) -> str:
    unlike = get_path(f.ctx, "differentiation.unlike")
    if not isinstance(unlike, str):
        raise MissingField("differentiation.unlike")
    owner = subject_owner(f.text, f.ctx, f.lang)
    if owner == "theirs" and _our_turn(f.text, f.ctx, f.lang) is None:
        # "Unlike X, X is slow." says nothing about us: a cut that left only the
        # alternative's half is refused too
        raise f.misfit("difference", "说清楚你做得有什么不同，而不只是替代方案怎么做"
                       if f.lang == "zh" else "say what you do differently, not only what "
                       "the alternative does")
    if f.lang == "zh":
        alt = clause(unlike)
        if owner == "theirs":
            if f.text.strip().startswith(_ZH_THEIRS):
                return f"与{alt}相比：{sentence(f.text)}"
            return sentence(f.text)
        return f"与{alt}不同，{sentence(f.text)}"
    alt = lower_first(clause(re.sub(r"^\s*unlike\s+", "", unlike, flags=re.I)),
                      names_as_written(f.ctx))
    text = clause(f.text)
    first = _bare((_words(text) or [""])[0])
    if owner == "theirs":
        turn = _our_turn(text, f.ctx, "en")
        assert turn is not None
        theirs, ours = text[:turn], text[turn + 1:].strip()
        # two sentences, theirs then ours, each short enough to say in one go
        ours_text = sentence(ours)
        if first in _THEIRS:
            return f"Compared with {alt}: {lower_first(theirs, names_as_written(f.ctx))}. " \
                f"{ours_text}"
        return f"{sentence(theirs)} {ours_text}"
    if owner == "ours":
        return f"Unlike {alt}, {lower_first(text, names_as_written(f.ctx))}."
    name = short_name(str(get_path(f.ctx, "name") or ""))
    if (_VERBISH_S.match(first) or first in _FINITE) and first not in _THEIRS and name \
            and not is_clause(text):
        return f"Unlike {alt}, {name} {lower_first(text, names_as_written(f.ctx))}."
    return f"Compared with {alt}: {lower_first(text, names_as_written(f.ctx))}."


def _sentence(f: Fill) -> str:
    return sentence(f.text)


def _first_sentence(f: Fill) -> str:
    return sentence(main_clause(f.text))


def _headword(f: Fill) -> str:
    text = clause(f.text)
    return text[:1].upper() + text[1:] if f.lang == "en" else text


def _phrase(f: Fill) -> str:
    return lower_first(clause(f.text), names_as_written(f.ctx)) if f.lang == "en" \
        else clause(f.text)


def _source(f: Fill) -> str:
    return first_clause(f.text)


def _clause(f: Fill) -> str:
    return clause(f.text)


SHAPES: dict[str, Callable[[Fill], str]] = {
    "name": _name, "audience": _audience, "who": _who, "category": _category,
    "that": _that, "help": _help, "object": _object, "time": _time,
    "difference": _difference, "sentence": _sentence, "first_sentence": _first_sentence,
    "clause": _clause, "headword": _headword, "phrase": _phrase, "source": _source,
}
"""Every shape a slot may declare."""
_SENTENCE_SHAPES = {"sentence", "first_sentence", "time", "difference"}


def _value(context: Any, path: str) -> str:
    head = re.match(r"[^.\[]*", path).group(0)  # type: ignore[union-attr]
    value = context.get(head)
    if path != head:
        value = get_path({head: value}, path) if value is not None else None
    if value is None or isinstance(value, jinja2.Undefined) or not isinstance(value, str):
        if value is not None and not isinstance(value, (str, jinja2.Undefined)):
            raise Misfit(path, "text", "this slot needs a piece of text")
        raise MissingField(path)
    return value


def fill(context: Any, path: str, shape: str) -> str:
    """The field at `path` shaped for a slot; MissingField or Misfit when it cannot."""
    if shape not in SHAPES:
        raise jinja2.TemplateRuntimeError(
            f"unknown slot shape '{shape}'; choose from {', '.join(SHAPES)}")
    text = _value(context, path)
    if is_placeholder(text):
        return text + "." if shape in _SENTENCE_SHAPES else text
    lang = context.get("lang") or "en"
    return SHAPES[shape](Fill(text, path, context, lang if isinstance(lang, str) else "en"))


@jinja2.pass_context
def slot(context: Any, path: str, shape: str) -> str:
    """`{{ slot("outcome", "that") }}`: the field shaped for this slot."""
    return fill(context, path, shape)


@jinja2.pass_context
def fits(context: Any, path: str, shape: str) -> bool:
    """`{% if fits("need", "who") %}`: True when the field is filled and fits the shape."""
    try:
        fill(context, path, shape)
    except (Misfit, MissingField):
        return False
    return True
