"""HTML report: one self-contained page (no network, no JavaScript) with a score chart per
proposition drawn as inline SVG, the findings, and the docs of every rule that fired.

Rendered by Jinja2 with autoescaping always on, so every piece of user text (paths,
names, messages, matched copy) is escaped; the page is also well-formed XML, which the
tests use to check its structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import jinja2
import markupsafe

from vplint import __version__
from vplint.model import PropositionResult, Summary
from vplint.report.base import Reporter
from vplint.report.labels import dimension, label, report_language, severity, summary_text
from vplint.safe import visible_keep_lines

BAR_WIDTH = 220
ROW_HEIGHT = 22
LABEL_WIDTH = 130


def colour(score: int | None) -> str:
    """Bar colour by score band (the terminal report's green/yellow/red)."""
    if score is None:
        return "#9aa0a6"
    return "#1a7f37" if score >= 80 else "#b08800" if score >= 60 else "#cf222e"


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a label, the score now, and the score at the compared ref."""

    label: str
    value: int
    before: int | None = None

    @property
    def width(self) -> float:
        """Bar length in SVG units."""
        return round(BAR_WIDTH * max(0, min(100, self.value)) / 100, 1)

    @property
    def before_x(self) -> float | None:
        """Where the marker of the old score goes, if there is one."""
        if self.before is None:
            return None
        return LABEL_WIDTH + round(BAR_WIDTH * max(0, min(100, self.before)) / 100, 1)

    @property
    def change(self) -> str:
        """"+16" / "-4" / "±0", or "" without a comparison."""
        if self.before is None:
            return ""
        delta = self.value - self.before
        return f"+{delta}" if delta > 0 else "±0" if delta == 0 else str(delta)


def _visible_text(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return visible_keep_lines(value)
    return value


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Autoescaping environment for the HTML template (the Markdown one must not escape)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vplint.report", "templates"),
        autoescape=True,
        # Control characters from the copy are not allowed in XML and must not reach a
        # browser raw; autoescaping does not touch them.
        finalize=_visible_text,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(colour=colour, BAR_WIDTH=BAR_WIDTH, ROW_HEIGHT=ROW_HEIGHT,
                       LABEL_WIDTH=LABEL_WIDTH)
    return env


class HtmlReporter(Reporter):
    """Collects results and renders the page at the end."""

    template = "report.html.j2"

    def start(self) -> None:
        self.items: list[dict] = []
        self.codes: set[str] = set()

    def handle(self, result: PropositionResult) -> None:
        if self.options.quiet and not result.findings:
            return
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        bars = [Bar("score", result.score, found.score.before if found else None)]
        for dim, value in result.dimensions.items():
            before = None
            if found is not None and dim in found.dimensions:
                before = found.dimensions[dim].before
            bars.append(Bar(dim, value, before))
        self.codes.update(f.code for f in result.findings)
        self.items.append({"result": result, "bars": bars, "compare": found,
                           "anchor": f"p{len(self.items) + 1}"})

    def _rule_docs(self, lang: str) -> list[dict]:
        docs = []
        for code in sorted(self.codes):
            rule = self.registry.rules.get(code)
            if rule is None:
                continue
            text = rule.docs.get(lang) or rule.docs.get("en") or {}
            docs.append({"rule": rule, "docs": {k: str(v).strip() for k, v in text.items()}})
        return docs

    def finish(self, summary: Summary) -> None:
        lang = report_language(self.options.language,
                               [item["result"].language for item in self.items])
        for item in self.items:  # the bars' labels in the page's language
            item["bars"] = [Bar(label("total", lang) if i == 0 else dimension(bar.label, lang),
                                bar.value, bar.before) for i, bar in enumerate(item["bars"])]
        page = environment().get_template(self.template).render(
            items=self.items, summary=summary, rules=self._rule_docs(lang), version=__version__,
            fail_under=self.options.fail_under, language=lang,
            t=lambda key: label(key, lang), dim=lambda name: dimension(name, lang),
            sev=lambda name: severity(name, lang),
            summary_sentence=summary_text(summary, self.options.fail_under, lang),
            baseline=self.options.extra.get("baseline"),
            compare_ref=self.options.extra.get("compare_ref"))
        self.stream.write(page)
