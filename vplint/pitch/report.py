"""The output of `vplint pitch`: plain text or Markdown, in the draft's language."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from vplint.errors import UsageError, did_you_mean
from vplint.lazyre import lazy
from vplint.pitch.model import FORMATS, Draft, PitchReport, PropositionDrafts
from vplint.scoring import grade

_WORDS = {
    "en": {
        "length": "{n} of {limit} words", "spoken": " ({s} s at {rate} words a minute)",
        "over": "; over budget even with the optional parts dropped: shorten the fields",
        "dropped": "dropped to fit", "gaps": "gaps to fill", "clarity": "clarity",
        "clean": "no findings", "and": " and ",
        "needs": "{template} needs {fields}. Fill {them} in, or draft with --allow-gaps.",
        "it": "it", "them": "them", "fires": " ({code} would flag it)",
        "quiet": " ({code} does not flag the file, which covers it elsewhere; the template "
                 "takes its words from this field)",
        "misfit": "{template} cannot use `{field}` as written: {hint}.",
        "rewrite": "Rewrite {them}, or draft with --allow-gaps.",
        "fill_rewrite": "Fill in or rewrite them, or draft with --allow-gaps.",
        "capped": "{score}/100 {grade}, capped: {n} {problems} the draft unusable as "
                  "written (the wording alone scores {clarity})",
        "problem": "problem makes", "problems": "problems make",
        "head": "{template} · {language} · {budget}", "secs": "{s} s",
        "max": "at most {limit} words",
        "untitled": "proposition {n}", "length_label": "length",
    },
    "zh": {
        "length": "{n}/{limit} 字", "spoken": "（{s} 秒，每分钟 {rate} 字）",
        "over": "；删去可选部分后仍超出：请精简字段", "dropped": "为控制长度删去",
        "gaps": "待补字段", "clarity": "清晰度", "clean": "没有问题", "and": "、",
        "needs": "{template} 模板需要 {fields}。请补全，或用 --allow-gaps 起草。",
        "it": "", "them": "", "fires": "（{code} 会报告它缺失）",
        "quiet": "（文件在别处已满足 {code}，所以它不报告；但模板要用这个字段本身的文字）",
        "misfit": "{template} 模板无法直接使用 `{field}`：{hint}。",
        "rewrite": "请改写，或用 --allow-gaps 起草。",
        "fill_rewrite": "请补全或改写，或用 --allow-gaps 起草。",
        "capped": "{score}/100 {grade}，已封顶：{n} 个问题使草稿不能直接使用"
                  "（只看措辞为 {clarity} 分）",
        "problem": "问题", "problems": "问题",
        "head": "{template} · {language} · {budget}", "secs": "{s} 秒", "max": "最多 {limit} 字",
        "untitled": "第 {n} 个价值主张", "length_label": "长度",
    },
}


def _t(lang: str, key: str, **args: Any) -> str:
    return _WORDS[lang][key].format(**args)


def dropped_note(key: str, what: str, lang: str) -> str:
    """"the end of `offering`", "`proof[4]` (certification)", "all of `proof`"."""
    zh = lang == "zh"
    if what == "end":
        return f"`{key}` 的后半部分" if zh else f"the end of `{key}`"
    if what == "all":
        return f"全部 `{key}`" if zh else f"all of `{key}`"
    if not what or what == "item":
        return f"`{key}`"
    return f"`{key}`（{what}）" if zh else f"`{key}` ({what})"


def _field_list(draft: Draft, fields: list[str]) -> str:
    lang = draft.language
    parts = []
    for f in fields:
        suffix = ""
        if f in draft.flagged:
            code, fires = draft.flagged[f]
            suffix = _t(lang, "fires" if fires else "quiet", code=code)
        parts.append(f"`{f}`{suffix}")
    if lang == "en" and len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return _t(lang, "and").join(parts)


def missing_message(draft: Draft) -> str:
    """"moore needs `segment.who` (AUD001 would flag it). Fill it in, or ...", and for a
    field that does not fit its slot, which field to rewrite and how."""
    lang = draft.language
    sep = " " if lang == "en" else ""
    if not draft.misfits:
        them = _t(lang, "them" if len(draft.missing) > 1 else "it")
        return _t(lang, "needs", template=draft.template,
                  fields=_field_list(draft, draft.missing), them=them
                  ).replace("Fill  in", "Fill in")
    parts = []
    if draft.missing:
        needs = _t(lang, "needs", template=draft.template,
                   fields=_field_list(draft, draft.missing), them="")
        parts.append(re.split(r"(?<=[.。])", needs, maxsplit=1)[0])
    parts += [_t(lang, "misfit", template=draft.template, field=f, hint=hint)
              for f, hint in draft.misfits]
    if draft.missing:
        parts.append(_t(lang, "fill_rewrite"))
    else:
        parts.append(_t(lang, "rewrite", them=_t(lang, "them" if len(draft.misfits) > 1
                                                   else "it")))
    return sep.join(parts)


def _heading(draft: Draft) -> str:
    b = draft.budget
    budget = (_t(draft.language, "secs", s=b.seconds) if b.spoken
              else _t(draft.language, "max", limit=b.limit))
    return _t(draft.language, "head", template=draft.template, language=draft.language,
              budget=budget)


def _length_line(draft: Draft) -> str:
    b = draft.budget
    line = _t(draft.language, "length", n=draft.length, limit=b.limit)
    if b.spoken:
        line += _t(draft.language, "spoken", s=b.seconds, rate=f"{b.rate:g}")
    if not draft.fits:
        line += _t(draft.language, "over")
    return line


def _facts(draft: Draft) -> list[tuple[str, str]]:
    """(label, value) lines under a draft."""
    lang = draft.language
    rows = [(_t(lang, "length_label"), _length_line(draft))]
    if draft.dropped:
        notes = [dropped_note(key, what, lang) for key, what in draft.dropped]
        rows.append((_t(lang, "dropped"), ("、" if lang == "zh" else ", ").join(notes)))
    if draft.gaps:
        rows.append((_t(lang, "gaps"), _field_list(draft, draft.gaps)))
    if draft.lint is not None:
        r = draft.lint
        if draft.problems:
            n = len(draft.problems)
            score = draft.score or 0
            value = _t(lang, "capped", score=score, grade=grade(score), n=n,
                       problems=_t(lang, "problem" if n == 1 else "problems"),
                       clarity=r.score)
        else:
            value = f"{r.score}/100 {r.grade}"
            if not r.findings:
                value += (", " if lang == "en" else "，") + _t(lang, "clean")
        rows.append((_t(lang, "clarity"), value))
    return rows


def _problem_lines(draft: Draft) -> list[tuple[str, str]]:
    return [(p.kind, p.message) for p in draft.problems]


def _title(props: PropositionDrafts) -> str:
    return props.name or _t(props.language, "untitled", n=props.index + 1)


def format_text(report: PitchReport) -> str:
    """Plain text: each proposition's name underlined, then each draft and its facts."""
    out: list[str] = []
    for props in report.propositions:
        title = _title(props)
        out += [title, "=" * _display_width(title), ""]
        for draft in props.drafts:
            out.append(f"[{_heading(draft)}]")
            if draft.text is None:
                out += [missing_message(draft), ""]
                continue
            out += [draft.text, ""]
            colon = ": " if draft.language == "en" else "："
            out += [f"  {label}{colon}{value}" for label, value in _facts(draft)]
            out += [f"    {kind} {message}" for kind, message in _problem_lines(draft)]
            if draft.lint is not None:
                out += [f"    {f.code} {f.severity.value:<7} {f.message}"
                        for f in draft.lint.findings]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def format_markdown(report: PitchReport) -> str:
    """Markdown: `##` per proposition, `###` per draft, the facts as a list."""
    out: list[str] = []
    for props in report.propositions:
        out += [f"## {_md(_title(props))}", ""]
        for draft in props.drafts:
            out += [f"### {_md(_heading(draft))}", ""]
            if draft.text is None:
                out += [_md(missing_message(draft), code=True), ""]
                continue
            out += [_md(p) for p in draft.text.split("\n\n")]
            out.append("")
            colon = ": " if draft.language == "en" else "："
            for label, value in _facts(draft):
                out.append(f"- {label.capitalize()}{colon}{_md(value, code=True)}")
            out += [f"  - `{kind}`: {_md(message)}" for kind, message in _problem_lines(draft)]
            if draft.lint is not None:
                out += [f"  - `{f.code}` {f.severity.value}: {_md(f.message, code=True)}"
                        for f in draft.lint.findings]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def format_report(report: PitchReport, output_format: str = "text") -> str:
    """The report in `text` or `markdown`."""
    if output_format == "text":
        return format_text(report)
    if output_format == "markdown":
        return format_markdown(report)
    raise UsageError(f"unknown format '{output_format}' for pitch; choose text or markdown"
                     f"{did_you_mean(output_format, FORMATS)}")


_MD_ESCAPE = lazy(r"([\\*_\[\]|~#])")


def _md(text: str, code: bool = False) -> str:
    """Escape text for a Markdown paragraph: no HTML, no links, no emphasis. With `code`,
    `field` spans stay code spans (vplint's own messages use them)."""
    value = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if not code:
        return _MD_ESCAPE.sub(r"\\\1", value.replace("`", "\\`"))
    parts = re.split(r"(`[^`\n]*`)", value)
    return "".join(p if p.startswith("`") and p.endswith("`") and len(p) > 1
                   else _MD_ESCAPE.sub(r"\\\1", p.replace("`", "\\`")) for p in parts)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
