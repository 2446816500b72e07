"""`vplint explain`: a rule's documentation in English or Chinese, or the list of rules a
code prefix selects (`vplint explain TIM`)."""

from __future__ import annotations

from vplint.errors import RuleError, did_you_mean
from vplint.report.labels import dimension, label, page_kind, severity
from vplint.rules import Registry, Rule


def explain_text(registry: Registry, code: str, lang: str = "en") -> str:
    """The text `vplint explain CODE` prints: the rule's docs, or one line per rule whose
    code starts with CODE when CODE is not a whole code."""
    wanted = code.strip().upper()
    if wanted in registry.rules:
        return rule_text(registry.rules[wanted], lang)
    matching = [r for r in registry.sorted() if r.code.startswith(wanted)]
    if not matching:
        raise RuleError(f"unknown rule code or prefix '{code}'"
                        f"{did_you_mean(wanted, list(registry.rules))}")
    width = max(len(r.name) for r in matching)
    lines = [f"{len(matching)} {label('rules', lang)}" + (f" {wanted}*:" if wanted else ":")]
    for rule in matching:
        lines.append(f"  {rule.code:<7} {rule.name:<{width}}  "
                     f"{severity(rule.severity.value, lang):<7} "
                     f"{dimension(rule.dimension, lang)}")
    lines.append("")
    lines.append(f"vplint explain {matching[0].code}" + (" --lang zh" if lang == "zh" else ""))
    return "\n".join(lines)


def rule_text(rule: Rule, lang: str = "en") -> str:
    """One rule's documentation, every label in `lang`."""
    docs = rule.docs.get(lang) or rule.docs.get("en") or {}
    advisory = f"  [{label('advisory', lang)}]" if rule.advisory else ""
    lines = [f"{rule.code} {rule.name}{advisory}", "",
             f"{label('severity', lang)}: {severity(rule.severity.value, lang)}    "
             f"{label('dimension', lang)}: {dimension(rule.dimension, lang)}    "
             f"{label('weight', lang)}: {rule.weight:g}",
             f"{label('kinds', lang)}: "
             f"{('、' if lang == 'zh' else ', ').join(page_kind(k, lang) for k in rule.kinds)}",
             ""]
    for key in ("what", "why", "example", "use_instead"):
        if docs.get(key):
            lines += [f"## {label(key, lang)}", str(docs[key]).rstrip(), ""]
    if rule.source:
        lines += [f"## {label('source', lang)}", rule.source, ""]
    return "\n".join(lines).rstrip()
