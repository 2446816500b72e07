"""SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

Rules carry their name, a one-line shortDescription (the message's headline), the
fullDescription and help (text and Markdown) from the catalogue's docs, and a helpUri to
docs/rules/<CODE>.md; only the rules that fired are described, so the log grows with the
findings, not with the catalogue. Results carry the physical location with the end of
the region, the level mapped from severity (info -> note), and a line-independent
fingerprint so that a finding keeps its identity when lines move. Columns count Unicode
code points, as Python strings do.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from vplint import __version__
from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter
from vplint.report.labels import report_language
from vplint.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/vplint/vplint"
DOCS_URL = HOME + "/blob/main/docs/rules/{code}.md"
"""Where each rule's page lives; VPLINT_DOCS_URL (with {code}) points a fork elsewhere."""
SHORT_LIMIT = 120
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
TITLES = {
    "en": {"what": "What it does", "why": "Why it matters", "example": "Example",
           "use_instead": "Use instead", "source": "Source", "suggestion": "Suggestion"},
    "zh": {"what": "规则说明", "why": "为什么重要", "example": "反例", "use_instead": "改为",
           "source": "出处", "suggestion": "建议"},
}


def artifact_uri(path: str) -> tuple[str, bool]:
    """(URI of a reported path, whether it is relative to the source root)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri(), False
    posix = candidate.as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/"), True


def _docs(rule: Rule, lang: str) -> dict[str, str]:
    docs = rule.docs.get(lang) or rule.docs.get("en") or {}
    return {k: str(v).strip() for k, v in docs.items() if v}


def short_description(rule: Rule, lang: str = "en") -> str:
    """A rule's one-line summary: its message up to the first colon or full stop
    ("No specific time bound"), else its name ("Vague time")."""
    text = rule.text(rule.message, lang) if rule.message else ""
    head = re.split(r"[:：。]|\.(?:\s|$)", text, maxsplit=1)[0].strip()
    # A placeholder inside the headline ("{match}" is not ...) leaves nothing readable,
    # but one at its end ("No time bound{detail}") is an optional detail.
    head = re.sub(r"\{[^{}]*\}$", "", head).strip()
    if (not head or "{" in head) and lang == "zh":
        head = _zh_summary(rule)
    if not head or "{" in head:
        head = rule.name.replace("-", " ").capitalize()
    return head if len(head) <= SHORT_LIMIT else head[: SHORT_LIMIT - 1].rstrip() + "…"


def _zh_summary(rule: Rule) -> str:
    """The first clause of a rule's Chinese "what it does" when it stands alone as a short
    summary (no code, balanced brackets and quotes), else ""."""
    what = str((rule.docs.get("zh") or {}).get("what") or "")
    head = re.split(r"[：，。:；]", what, maxsplit=1)[0].strip()
    balanced = all(head.count(a) == head.count(b) for a, b in ("“”", "（）", "()"))
    return head if head and len(head) <= 32 and "`" not in head and balanced else ""


def help_uri(code: str) -> str:
    """The address of a rule's documentation page."""
    return os.environ.get("VPLINT_DOCS_URL", DOCS_URL).replace("{code}", code)


def rule_descriptor(rule: Rule, lang: str = "en") -> dict:
    """The reportingDescriptor of a rule: names, descriptions, help and default level."""
    docs = _docs(rule, lang)
    titles = TITLES.get(lang, TITLES["en"])
    short = short_description(rule, lang)
    full = " ".join(x for x in (docs.get("what"), docs.get("why")) if x) or short
    text_parts, md_parts = [], []
    for key in ("what", "why", "example", "use_instead"):
        if docs.get(key):
            text_parts.append(f"{titles[key]}: {docs[key]}")
            body = f"```yaml\n{docs[key]}\n```" if key in ("example", "use_instead") \
                else docs[key]
            md_parts.append(f"**{titles[key]}**\n\n{body}")
    if rule.source:
        text_parts.append(f"{titles['source']}: {rule.source}")
        md_parts.append(f"**{titles['source']}**\n\n{rule.source}")
    descriptor: dict = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "helpUri": help_uri(rule.code),
        "help": {"text": "\n\n".join(text_parts) or short,
                 "markdown": "\n\n".join(md_parts) or short},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [t for t in ("vplint", rule.family, rule.dimension) if t]},
    }
    return descriptor


class SarifReporter(Reporter):
    """Collects results (a SARIF log is one JSON document) and writes it at the end."""

    def start(self) -> None:
        self.results: list[dict] = []
        self.fired: dict[str, Rule] = {}
        self.languages: list[str] = []

    def _rule_index(self, code: str, name: str, severity: Severity) -> str:
        """Note that a rule fired; its index is set in finish, once every rule is known."""
        if code not in self.fired:
            rule = self.registry.rules.get(code)
            if rule is None:  # e.g. a crash code when the catalogue lacks VP900
                rule = Rule(code=code, name=name, family=code[:2], severity=severity,
                            weight=0, dimension=None, message={"en": name}, docs={})
            self.fired[code] = rule
        return code

    def handle(self, result: PropositionResult) -> None:
        from vplint.baseline import occurrence_fingerprints

        prints = occurrence_fingerprints(result.path, result.findings)
        uri, relative = artifact_uri(result.path)
        self.languages.append(result.language)
        lang = self.options.language or result.language
        suggestion_title = TITLES.get(lang, TITLES["en"])["suggestion"]
        for finding, fingerprint in zip(result.findings, prints, strict=True):
            region: dict = {"startLine": max(1, finding.line),
                            "startColumn": max(1, finding.column)}
            end_line = max(region["startLine"], finding.end_line)
            end_column = max(1, finding.end_column)
            if end_line > region["startLine"] or end_column > region["startColumn"]:
                region["endLine"] = end_line
                region["endColumn"] = end_column
            location: dict = {"uri": uri}
            if relative:
                location["uriBaseId"] = "%SRCROOT%"
            text = finding.message
            if finding.suggestion:
                text += f"\n{suggestion_title}: {finding.suggestion}"
            properties = {k: v for k, v in (("field", finding.field), ("match", finding.match),
                                            ("suggestion", finding.suggestion),
                                            ("proposition", result.name)) if v}
            entry: dict = {
                "ruleId": finding.code,
                "ruleIndex": self._rule_index(finding.code, finding.name, finding.severity),
                "level": LEVEL[finding.severity],
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": location,
                                                    "region": region}}],
                "partialFingerprints": {"vplintFindingHash/v1": fingerprint},
            }
            if properties:
                entry["properties"] = properties
            self.results.append(entry)

    def finish(self, summary: Summary) -> None:
        self.lang = report_language(self.options.language, self.languages)
        rules = [self.fired[code] for code in sorted(self.fired)]
        index = {rule.code: i for i, rule in enumerate(rules)}
        for entry in self.results:
            entry["ruleIndex"] = index[entry["ruleIndex"]]
        run: dict = {
            "tool": {"driver": {
                "name": "vplint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": HOME,
                "rules": [rule_descriptor(rule, self.lang) for rule in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "language": "zh-CN" if self.lang == "zh" else "en-US",
            "results": self.results,
            "properties": {"summary": summary.to_dict()},
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.stream.write(json.dumps(log, ensure_ascii=False, indent=2) + "\n")
