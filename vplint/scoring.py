"""Scores with a meaning: what a marketer can do with the copy (docs/scoring.md).

Two parts, then caps.

1. Rules: for each dimension d, over the rules that ran on the proposition,

       score_d = 100 * (1 - lost_d / total_d)
       total_d = sum of the weights of the rules of d that ran
       lost_d  = sum over the rules of d that fired of weight * factor(severity)

   A rule counts once however often it fires; factor is 1.0 for error, 0.75 for warning
   and 0.25 for info. The rules part is the same ratio over all dimensions together.
   Copy (Markdown, or a YAML file holding only `copy`) is not charged for the fields only
   a proposition file has (COPY_CANNOT_SHOW): the words judge what copy can show; nor for
   WORDS_RULE in the overall rules part, since its words already carry most of its score
   (the outcome dimension still shows it).

2. Words: the strength of the benefit the words show, 0-100 (vplint.text.benefit):
   the customer as subject, an outcome, a moment or time, figures, a doubt answered,
   minus company-centred and abstract language.

   overall = (1 - w) * rules + w * words, with w = WORDS_WEIGHT[copy or proposition],
   when the rule that reports weak words (WORDS_RULE) runs.

3. Caps: red flags dominate. An error-level finding caps the score at ERROR_CAP (D), a
   warning of a RED_FLAG_FAMILIES rule (a claim the law forbids only when false or
   unqualified) at LEGAL_WARNING_CAP (F); a
   file that says nothing (no customer, no result, no need) at NOTHING_CAP (F); a legal
   red flag (an error of a RED_FLAG_FAMILIES rule: advertising law) at RED_FLAG_CAP, and
   two different ones at RED_FLAGS_CAP - below anything that merely says nothing, since
   an ad that says nothing wastes its money and one that breaks the law gets pulled and
   fined. A cap is a ceiling, not a flattening: the CAP_BAND points under it hold every
   score above it in the same order, so a better line with the same red flag still
   scores higher. A file that could not be parsed scores 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from vplint.model import DIMENSIONS, Finding, Severity
from vplint.rules import Rule
from vplint.text.benefit import CopyEvidence

FACTOR = {Severity.ERROR: 1.0, Severity.WARNING: 0.75, Severity.INFO: 0.25}
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"))

RED_FLAG_FAMILIES = frozenset({"CMP", "ADL"})
"""Rule families whose errors are breaches of advertising law."""
ERROR_CAP = 69
LEGAL_WARNING_CAP = 59
NOTHING_CAP = 49
RED_FLAG_CAP = 39
RED_FLAGS_CAP = 29
CAP_BAND = 20
"""Width of the band under a cap into which the scores above it are compressed."""
CAP_CURVE = 30.0
"""How sharply the band bends: the smaller, the more room for the scores just above the
knee and the less for those far above it."""

COPY_CANNOT_SHOW = frozenset({
    "AUD001", "AUD003", "DIF001", "NED001", "OBJ001", "OFR001", "OUT001", "PRF001",
    "TIM001", "LAW005", "LAW013", "LAW022", "VAL003",
})
"""Rules that ask for a proposition field (segment, offering, proof list, ...): copy is
not charged for them; what the copy shows of the same things is judged by its words."""

WORDS_WEIGHT = {"copy": 0.6, "proposition": 0.3}
"""Share of the overall score that the words' benefit strength carries."""
WORDS_RULE = "OUT004"
"""The rule that reports weak words; the words count in the score only when it runs, so
`--select TIM001` scores TIM001 alone and `ignore = ["OUT004"]` scores the rules alone."""


def grade(score: int) -> str:
    """Letter grade: A >= 90, B >= 80, C >= 70, D >= 60, else F."""
    return next((letter for bound, letter in GRADES if score >= bound), "F")


def rules_score(findings: Iterable[Finding], ran: Iterable[Rule], weights: dict[str, float]
                ) -> tuple[int, dict[str, int]]:
    """(rules part, score per dimension): the weighted share of rules that did not fire."""
    worst: dict[str, float] = {}
    for f in findings:
        worst[f.code] = max(worst.get(f.code, 0.0), FACTOR[f.severity])
    total = dict.fromkeys(DIMENSIONS, 0.0)
    lost = dict.fromkeys(DIMENSIONS, 0.0)
    for rule in ran:
        weight = weights.get(rule.code, rule.weight)
        if rule.dimension is None or weight <= 0:
            continue
        total[rule.dimension] += weight
        lost[rule.dimension] += weight * worst.get(rule.code, 0.0)
    dims = {d: round(100 * (1 - lost[d] / total[d])) for d in DIMENSIONS if total[d] > 0}
    all_total = sum(total.values())
    overall = round(100 * (1 - sum(lost.values()) / all_total)) if all_total else 100
    return overall, dims


def cap(findings: Iterable[Finding], families: dict[str, str],
        words: CopyEvidence | None = None) -> int:
    """The highest score the findings and the words allow (100 when nothing caps)."""
    findings = list(findings)
    errors = {f.code for f in findings if f.severity is Severity.ERROR}
    red = {code for code in errors if families.get(code) in RED_FLAG_FAMILIES}
    limit = 100
    if errors:
        limit = ERROR_CAP
    if any(f.severity is Severity.WARNING and families.get(f.code) in RED_FLAG_FAMILIES
           for f in findings):
        limit = min(limit, LEGAL_WARNING_CAP)
    if words is not None and words.says_nothing:
        limit = min(limit, NOTHING_CAP)
    if red:
        limit = RED_FLAG_CAP if len(red) == 1 else RED_FLAGS_CAP
    return limit


def ceiling(value: int, limit: int) -> int:
    """`value` under the cap `limit`: unchanged up to CAP_BAND points below the cap, and
    above that bent into the band along a saturating curve (100 reaches the cap), so that
    order survives the cap and close scores just above the knee, where most capped text
    lies, stay apart (CAP_CURVE)."""
    knee = limit - CAP_BAND
    if limit >= 100 or value <= knee:
        return value
    def bend(x: float) -> float:
        return 1 - math.exp(-x / CAP_CURVE)
    return round(knee + CAP_BAND * bend(value - knee) / bend(100 - knee))


def score(findings: Iterable[Finding], ran: Iterable[Rule], weights: dict[str, float],
          words: CopyEvidence | None = None, copy: bool = False
          ) -> tuple[int, dict[str, int]]:
    """(overall score, score per dimension) for one proposition.

    Without `words` the overall score is the rules part alone (capped by errors); `copy`
    says the file is copy, judged without the proposition-only rules.
    """
    findings = list(findings)
    if any(f.code == "VP001" for f in findings):
        return 0, {}
    ran = list(ran)
    if all(r.code != WORDS_RULE for r in ran):
        words = None
    if copy:
        ran = [r for r in ran if r.code not in COPY_CANNOT_SHOW]
        findings = [f for f in findings if f.code not in COPY_CANNOT_SHOW]
    families = {r.code: r.family for r in ran}
    part, dims = rules_score(findings, ran, weights)
    if copy and words is not None:
        # The per-dimension scores still show OUT004 in the outcome dimension; the
        # overall rules part does not charge it again on top of the words' share.
        part, _ = rules_score([f for f in findings if f.code != WORDS_RULE],
                              [r for r in ran if r.code != WORDS_RULE], weights)
    overall = part
    if words is not None:
        share = WORDS_WEIGHT["copy" if copy else "proposition"]
        overall = round((1 - share) * part + share * words.strength)
    return ceiling(overall, cap(findings, families, words)), dims


MEANING = {
    "en": """\
What the score means (0-100, grade A-F)

90-100 A  Ready to publish. A buyer sees at a glance who it is for, the result they get,
          when, and why to believe it, and nothing in it breaks advertising law.
80-89  B  Publishable after a small fix: one of the musts is weak - a time, a proof, a
          doubt answered.
70-79  C  The idea is there, but a buyer would not act on it yet: the result is vague or
          the copy talks about you more than about the customer. Fix what it lists.
60-69  D  Rewrite before use: mostly features and the company, or an error to fix first
          (no outcome stated, a contradiction). No score with an error is above 69.
 0-59  F  Do not publish. Either a legal red flag - a disease or weight-loss claim, a
          guaranteed cure, return or exam pass, "free" with a price (one caps the
          score at 39, two at 29: worse than saying nothing); or a legal warning to
          check first - fake urgency, an unsourced comparison (capped at 59); or the
          text says nothing a buyer can act on: no customer, no result, no need
          (capped at 49). Under a cap, a better line still scores higher than a worse one.

So 90 means "a customer would get it and act"; 70 means "a draft with the right idea,
fix the gaps listed"; 50 means "not publishable: it says nothing, or it breaks the law".

How it is made: the rules that did not fire (each weighted, in ten dimensions) and the
benefit strength of the words (the customer and their result as the subject, an outcome,
a moment or time, figures, a doubt answered, against company-centred and abstract
language). Copy (Markdown, or YAML with only `copy`) takes 60% from its words and is not
charged for fields only a proposition file has; a proposition takes 30%. Then the caps.
Details: docs/scoring.md.""",
    "zh": """\
分数的含义（0–100，等级 A–F）

90–100 A  可以发布。顾客一眼看懂为谁、得到什么结果、多久、凭什么相信，且没有违反广告法的内容。
80–89  B  小改后可发布：某一项必备要素偏弱——时间、证明或对疑虑的回应。
70–79  C  思路对了，但顾客还不会行动：结果含糊，或谈自己多于谈顾客。按列出的问题修改。
60–69  D  使用前需要重写：大多在讲功能和公司，或有必须先修正的错误（没写结果、自相矛盾）。
          有错误级问题时分数不超过69。
 0–59  F  不要发布。要么触碰广告法红线——疾病或减肥功效、保证治愈/收益/通过考试、
          “免费”却要付费（一条封顶39分，两条及以上封顶29分，比什么都没说更糟）；
          要么有须先核实的广告法风险——虚假紧迫感、无出处的比较（封顶59分）；
          要么什么都没说：没有顾客、没有结果、没有需求（封顶49分）。封顶之下，写得更好的文案仍然得分更高。

也就是说，90分意味着“顾客能看懂并会行动”；70分意味着“方向对的草稿，补上列出的缺口”；
50分意味着“不能发布：什么都没说，或者违法”。

计算方法：未触发的规则（按权重，分十个维度）加上文案的利益强度（以顾客和顾客得到的结果为主语、
结果、场景或时间、数字、对疑虑的回应，对照以公司为中心和空洞的说法）。文案（Markdown，
或只有 `copy` 的 YAML）60% 看文字本身，不因缺少只有主张文件才有的字段扣分；主张文件文字占30%。
最后应用封顶规则。详见 docs/scoring.md。""",
}
"""What a score means to a marketer (`vplint explain --scoring`)."""


def meaning(lang: str = "en") -> str:
    """The meaning of the score and the grades, in English or Chinese."""
    return MEANING.get(lang, MEANING["en"])
