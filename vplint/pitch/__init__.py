"""Pitch drafts from a proposition: `vplint pitch`.

A proposition file holds the parts of a pitch; a Jinja2 template (built in, or from the
configured `templates_dirs`) arranges them into a positioning statement, an XYZ line,
Maxwell's three musts, a four-part elevator pitch or a tagline, in English or Chinese.

The flow for one proposition and one template:

1. fields: the proposition's non-empty fields become the template context (empty
   fields are left out, so the template sees them as undefined);
2. render in a sandbox with strict undefined variables; every field fills a *slot* that
   declares the grammatical shape it needs (`slots`), adapted when it can be; a template
   that touches a field the proposition lacks raises `MissingField`, which becomes
   "moore needs `segment.who` (AUD001 would flag it)", and a field that cannot take the
   slot's shape raises `Misfit`, which says which field to rewrite -- or, with
   `allow_gaps`, a visible [TODO: segment.who];
3. fit: while the draft is longer than its budget (spoken seconds, or a fixed word limit
   for taglines), drop the lowest-priority material -- the weakest extra proof items,
   secondary bullets, then trailing sentences and clauses -- and record what was dropped;
4. lint the draft with the clarity rules (CLR) as a proposition of its own, and review it
   for what makes it unusable (`review`: mixed languages, the alternative as our subject,
   labels and placeholders left in, sentences too long to say): a draft with such a
   problem never scores above D.

Modules: `context` (fields, undefined ones), `slots` (shapes), `templates` (sandboxed
Jinja2 and its loader), `bounds` (rendering limits), `text` (shaping and cutting
phrases), `fit` (the budget), `review` (usability), `report` (text and Markdown).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from vplint.config import Config
from vplint.document import Document, load_file
from vplint.engine import Linter
from vplint.errors import ConfigError, UsageError, did_you_mean
from vplint.model import PropositionResult
from vplint.pitch.context import FieldMap, MissingField, extract, known_field, placeholder, set_path
from vplint.pitch.fit import Budget, Fitter
from vplint.pitch.model import FORMATS, Draft, PitchReport, PropositionDrafts
from vplint.pitch.review import review
from vplint.pitch.slots import Misfit
from vplint.pitch.templates import (
    BUILTIN_ORDER,
    LANGUAGES,
    TemplateError,
    TemplateInfo,
    Templates,
)
from vplint.pitch.text import tidy
from vplint.rules import Registry
from vplint.text.lang import detect_language

__all__ = [
    "BUILTIN_ORDER", "FIELD_RULES", "Budget", "Draft", "Drafter", "FieldMap", "MissingField",
    "PitchReport", "PropositionDrafts", "TemplateError", "Templates", "extract", "known_field",
    "run_pitch",
]

DEFAULT_TEMPLATE = "elevator"
DEFAULT_SECONDS = 60
SECONDS = (30, 60, 120)
"""The spoken budgets `vplint pitch --seconds` accepts: 30 s at the lift, one minute, two
minutes (rulebook section 6). The library's Drafter takes any positive number."""
LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
RATES = {"en": 150, "zh": 220}
"""Spoken rate: English words / Chinese characters a minute (rulebook section 6)."""
BUDGET_RULE = "CLR002"
RATE_PARAM, SECONDS_PARAM = "rate", "budget_seconds"
"""CLR002's parameters: spoken rate ({en, zh} or one number) and the budget in seconds."""

FIELD_RULES = {
    "segment.who": "AUD001",
    "need": "NED001",
    "outcome": "OUT001",
    "time_bound": "TIM001",
    "guarantee": "OBJ001",
    "differentiation.unlike": "DIF001",
    "proof": "PRF001",
    "offering": "OFR001",
    "positioning.focus_word": "LAW005",
    "category": "LAW002",
}
"""The rule that reports a proposition lacking the field (named when a draft needs it)."""


def rates(config: Config, registry: Registry) -> dict[str, float]:
    """Words (en) and characters (zh) spoken a minute: CLR002's `rate` parameter (its
    rule file, then `rule_options`; a number or an {en, zh} table), else 150 and 220."""
    rate: Any = None
    if BUDGET_RULE in registry.rules:
        rate = {**registry.rules[BUDGET_RULE].params,
                **config.rule_options.get(BUDGET_RULE, {})}.get(RATE_PARAM)
    out = {}
    for lang in LANGUAGES:
        value = rate.get(lang, RATES[lang]) if isinstance(rate, dict) else rate
        value = RATES[lang] if value is None else value
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"rule_options {BUDGET_RULE} {RATE_PARAM} must be a positive "
                              f"number (or an en/zh table of them), not {value!r}",
                              config.path)
        out[lang] = float(value)
    return out


def language_of(doc: Document) -> str:
    """The proposition's language: its `language` field, else detected from its text."""
    declared = doc.text("language")
    if declared in LANGUAGES:
        return declared
    return detect_language(doc.all_text())


class Drafter:
    """Drafts pitches for one run: templates, budgets and the linters are fixed here."""

    def __init__(self, config: Config, registry: Registry, seconds: int = DEFAULT_SECONDS,
                 allow_gaps: bool = False) -> None:
        if seconds <= 0:
            raise UsageError(f"--seconds must be a positive number, not {seconds}")
        self.config = config
        self.registry = registry
        self.seconds = seconds
        self.allow_gaps = allow_gaps
        self.templates = Templates(config.templates_dirs)
        self.rates = rates(config, registry)
        clarity = sorted(c for c in registry.rules if c.startswith("CLR"))
        options = dict(config.rule_options)
        if BUDGET_RULE in registry.rules:
            options[BUDGET_RULE] = {**options.get(BUDGET_RULE, {}), **self._budget_params()}
        self.clarity = Linter(replace(config, select=clarity, extend_select=[],
                                      per_file_ignores={}, rule_options=options), registry)
        field_codes = sorted({c for c in FIELD_RULES.values() if c in registry.rules})
        self.field_linter = Linter(replace(config, select=field_codes, extend_select=[],
                                           ignore=[], per_file_ignores={}), registry)

    def _budget_params(self) -> dict[str, Any]:
        """CLR002 judges the draft at the rate and budget it was fitted to."""
        return {RATE_PARAM: dict(self.rates), SECONDS_PARAM: self.seconds}

    def budget(self, info: TemplateInfo) -> Budget:
        """The draft's budget: the template's fixed limit, else seconds at the spoken rate."""
        if info.limit is not None:
            return Budget(info.language, info.limit)
        rate = self.rates[info.language]
        return Budget(info.language, math.floor(self.seconds * rate / 60), self.seconds, rate)

    def draft_file(self, path: str, names: list[str] | None, language: str | None = None
                   ) -> PitchReport:
        """Draft every proposition of a file with the named templates (None = every one)."""
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"no such file: {path}")
        docs = load_file(file, path)
        for doc in docs:
            for problem in doc.problems:
                if problem.code == "VP001":
                    line = doc.lines.position(problem.start)[0] if doc.source else None
                    reason = problem.args.get("reason", "cannot read the proposition")
                    raise UsageError(f"cannot draft a pitch: {reason}", path, line)
        fired = self._fired(file, path)
        out = []
        for doc in docs:
            lang = language_of(doc)
            if language is not None and language != lang:
                who = f"'{doc.name}'" if doc.name else "the proposition"
                raise UsageError(
                    f"--lang {language}: {who} is written in {LANGUAGE_NAMES[lang]}, and "
                    "vplint drafts from the proposition's own words without translating "
                    f"them; leave out --lang, or write a {LANGUAGE_NAMES[language]} "
                    "proposition", path,
                    doc.lines.position(doc.start)[0] if doc.source else None)
            wanted = names if names is not None else [
                n for n in self.templates.names() if self.templates.has(n, lang)]
            drafts = [self.draft(doc, name, lang, fired.get(doc.index, set()))
                      for name in wanted]
            out.append(PropositionDrafts(doc.name, doc.index, lang, drafts))
        return PitchReport(path, out)

    def _fired(self, file: Path, path: str) -> dict[int, set[str]]:
        return {r.index: {f.code for f in r.findings}
                for r in self.field_linter.lint_file(file, path)}

    def draft(self, doc: Document, name: str, language: str,
              fired: set[str] | frozenset[str] = frozenset()) -> Draft:
        """One template for one proposition: render, fill or report gaps, fit, lint."""
        info = self.templates.info(name, language)
        budget = self.budget(info)
        base = extract(doc)
        base = set_path(base, "lang", language)
        missing: list[str] = []
        misfits: list[tuple[str, str]] = []
        for _ in range(100):  # each pass finds one more missing or misfit field
            try:
                self.templates.render(info, base)
                break
            except MissingField as exc:
                missing.append(re.sub(r"\[\d+\]", "", exc.path))
                base = set_path(base, exc.path, placeholder(exc.path))
            except Misfit as exc:
                misfits.append((exc.path, exc.hint))
                base = set_path(base, exc.path, f"[TODO: rewrite {exc.path}]")
        else:  # pragma: no cover - a template would need 100 distinct fields
            raise TemplateError("template needs too many missing fields", info.filename)
        draft = Draft(name, language, budget)
        draft.flagged = {f: (FIELD_RULES[f], FIELD_RULES[f] in fired) for f in missing
                         if FIELD_RULES.get(f) in self.registry.rules}
        if (missing or misfits) and not self.allow_gaps:
            draft.missing = missing
            draft.misfits = misfits
            return draft
        draft.gaps = missing + [f for f, _ in misfits]
        fitter = Fitter(lambda ctx: tidy(self.templates.render(info, ctx), language),
                        base, budget)
        draft.text = fitter.run()
        draft.length = fitter.length
        draft.dropped = list(fitter.dropped.items())
        draft.lint = self._lint(draft.text, language, info.lint_field)
        draft.problems = review(draft.text, language, budget.rate if budget.spoken else None,
                                budget.limit, base)
        return draft

    def _lint(self, text: str, language: str, lint_field: str) -> PropositionResult:
        source = yaml.safe_dump({"language": language, "copy": {lint_field: text}},
                                allow_unicode=True, sort_keys=False, width=1_000_000)
        return self.clarity.lint_text(source, f"<{lint_field}>")[0]


def run_pitch(file: str, template: str | None = None, all_templates: bool = False,
              seconds: int = DEFAULT_SECONDS, lang: str | None = None,
              output_format: str = "text", allow_gaps: bool = False,
              config_path: str | None = None) -> tuple[str, int]:
    """`vplint pitch`: validate the options, draft, and return (output, exit code)."""
    from vplint import api

    if lang is not None and lang not in LANGUAGES:
        raise UsageError(f"--lang must be en or zh, not '{lang}'")
    if output_format not in FORMATS:
        raise UsageError(f"unknown format '{output_format}' for pitch; choose text or "
                         f"markdown{did_you_mean(output_format, FORMATS)}")
    if template is not None and all_templates:
        raise UsageError("give either --template or --all, not both")
    if seconds not in SECONDS:
        raise UsageError(f"--seconds must be 30, 60 or 120 (the spoken budgets drafts are "
                         f"fitted to), not {seconds}")
    run = api.prepare(config_path)
    drafter = Drafter(run.config, run.registry, seconds, allow_gaps)
    names = None if all_templates else [template or DEFAULT_TEMPLATE]
    report = drafter.draft_file(file, names, lang)
    from vplint.pitch.report import format_report

    return format_report(report, output_format), report.exit_code
