"""Fixes a finding can offer, and applying the safe ones (`vplint check --fix`, editors).

A fix is a list of text edits plus a flag: *safe* fixes cannot change the meaning the
writer intended (ruff's definition) and are the only ones `--fix` applies; the others are
offered in an editor as choices the writer picks. What a rule offers:

- `extends: substitution`: replace the matched term with the rule's preferred one (safe).
- `fix: {replace: {en: {term: replacement}, zh: {...}}}`: the same for other rules; safe
  unless the declaration says `safe: false`.
- `fix: {choices: {zh: {term: [rewrite, ...]}}}`: neutral rewrites offered as choices,
  never applied automatically (the Advertising Law terms of ADL001).
- `extends: required` (a missing field): insert a commented skeleton of the field, from
  `fix: {skeleton: ...}` or the rule's `suggestion`; the writer fills it in.
- every finding: an inline `vplint: disable=CODE` comment (vplint.suppress's syntax),
  offered only where it silences that finding and changes no value of the proposition.

Applying safe fixes is checked by linting again: a fix that would bring a finding of a
code the file did not have before, or more of one, is left out.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vplint.lazyre import lazy
from vplint.nodes import LineIndex, iter_lines

if TYPE_CHECKING:
    from vplint.engine import Linter
    from vplint.model import Finding, PropositionResult
    from vplint.rules import Rule

_YAML_DIRECTIVE = lazy(r"#[ \t]*vplint:[ \t]*disable[ \t]*=[ \t]*[A-Za-z0-9_]+"
                             r"(?:[ \t]*,[ \t]*[A-Za-z0-9_]+)*")
_MD_DIRECTIVE = lazy(r"<!--[ \t]*vplint:[ \t]*disable[ \t]*=[ \t]*[A-Za-z0-9_]+"
                           r"(?:[ \t]*,[ \t]*[A-Za-z0-9_]+)*")
_DOC_END = lazy(r"^(?:---|\.\.\.)(?:[ \t]|$)")

TITLES = {
    "en": {"replace": "Replace “{old}” with “{new}”",
           "skeleton": "Insert a commented `{field}` to fill in",
           "skeleton_note": "vplint {code}: fill in and uncomment",
           "suppress": "Suppress {code} on this line"},
    "zh": {"replace": "把“{old}”改为“{new}”",
           "skeleton": "插入待填写的 `{field}`（注释）",
           "skeleton_note": "vplint {code}：填写后去掉注释",
           "suppress": "在此行忽略 {code}"},
}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (character offsets) with `text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fix:
    """One way to fix one finding."""

    code: str
    title: str
    edits: tuple[Edit, ...]
    safe: bool
    kind: str
    """replace, choice, skeleton or suppress."""


def span(finding: Finding, lines: LineIndex) -> tuple[int, int]:
    """The character offsets a finding covers in the text `lines` indexes."""
    start = lines.index(finding.line, finding.column)
    end = lines.index(finding.end_line, finding.end_column)
    return start, max(start, end)


def _language_table(table: dict[str, Any], language: str) -> dict[str, Any]:
    """A {en: {...}, zh: {...}} table merged, the document's language winning."""
    merged: dict[str, Any] = {}
    for lang in sorted(table, key=lambda k: k == language):
        merged.update({str(k).lower(): v for k, v in (table.get(lang) or {}).items()})
    return merged


def _match_case(original: str, replacement: str) -> str:
    """Keep the writer's capitalisation: "Utilize" -> "Use", "UTILIZE" -> "USE"."""
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def fixes_for(finding: Finding, rule: Rule, text: str, kind: str, language: str,
              lines: LineIndex | None = None) -> list[Fix]:
    """The replace, choice and skeleton fixes a finding offers (suppression aside)."""
    lines = lines or LineIndex(text)
    lang = language if language in TITLES else "en"
    titles = TITLES[lang]
    out: list[Fix] = []
    start, end = span(finding, lines)
    found = text[start:end]
    if finding.match and found == finding.match:
        new: Any = None
        safe = bool(rule.fix.get("safe", True))
        if rule.extends == "substitution" and finding.suggestion:
            new = finding.suggestion
        elif rule.fix.get("replace"):
            new = _language_table(rule.fix["replace"], lang).get(found.lower())
        if isinstance(new, str) and new and new != found:
            new = _match_case(found, new)
            out.append(Fix(rule.code, titles["replace"].format(old=found, new=new),
                           (Edit(start, end, new),), safe, "replace"))
        for choice in _language_table(rule.fix.get("choices") or {}, lang).get(
                found.lower()) or ():
            choice = str(choice)
            title = titles["replace"].format(old=found, new=choice)
            out.append(Fix(rule.code, title, (Edit(start, end, choice),), False, "choice"))
    if rule.extends == "required" and kind == "yaml":
        skeleton = _skeleton(finding, rule, lang)
        if skeleton:
            where = _proposition_end(text, finding.line)
            lead = "" if where == 0 or text[where - 1] in "\r\n" else "\n"
            note = titles["skeleton_note"].format(code=rule.code)
            body = "".join(f"# {line}\n" for line in [note, *skeleton.splitlines()])
            field = finding.field or skeleton.split(":", 1)[0]
            out.append(Fix(rule.code, titles["skeleton"].format(field=field),
                           (Edit(where, where, lead + body),), False, "skeleton"))
    return out


def _skeleton(finding: Finding, rule: Rule, lang: str) -> str:
    declared = rule.fix.get("skeleton")
    if declared:
        return str(rule.text(declared, lang)).strip()
    if rule.suggestion:
        return rule.text(rule.suggestion, lang).strip()
    return f"{finding.field}: " if finding.field else ""


def _proposition_end(text: str, line: int) -> int:
    """Where a proposition starting at or before `line` ends: before the next `---` or
    `...` line, else at the end of the text."""
    for number, (index, content) in enumerate(iter_lines(text), start=1):
        if number > line and _DOC_END.match(content):
            return index
    return len(text)


def suppression(finding: Finding, text: str, kind: str, language: str,
                lines: LineIndex | None = None) -> list[Fix]:
    """Candidate inline suppressions for a finding: on its line, else on a line above.

    Callers check a candidate (see `verify_suppression`) before offering it: inside a
    block scalar or front matter a comment could become part of the text.
    """
    lines = lines or LineIndex(text)
    title = TITLES.get(language, TITLES["en"])["suppress"].format(code=finding.code)
    start = lines.starts[finding.line - 1] if finding.line - 1 < len(lines.starts) else 0
    content = next(iter_lines(text, start), (start, ""))[1]
    end = start + len(content)
    pattern = _YAML_DIRECTIVE if kind == "yaml" else _MD_DIRECTIVE
    existing = pattern.search(content)
    if existing:
        at = start + existing.end()
        return [Fix(finding.code, title, (Edit(at, at, f",{finding.code}"),), False,
                    "suppress")]
    if kind == "yaml":
        comment = f"# vplint: disable={finding.code}"
    else:
        comment = f"<!-- vplint: disable={finding.code} -->"
    trimmed = content.rstrip()
    candidates = [Fix(finding.code, title,
                      (Edit(start + len(trimmed), end, f"{'  ' if trimmed else ''}{comment}"),),
                      False, "suppress")]
    indent = content[: len(content) - len(content.lstrip())]
    newline = "\r\n" if "\r\n" in text else "\n"
    candidates.append(Fix(finding.code, title, (Edit(start, start,
                                                     f"{indent}{comment}{newline}"),),
                          False, "suppress"))
    return candidates


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits that do not overlap (a later overlapping edit is dropped)."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    for edit in reversed(kept):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text


def _codes(results: list[PropositionResult]) -> Counter[str]:
    return Counter(f.code for r in results for f in r.findings)


def _no_new(before: Counter[str], after: Counter[str]) -> bool:
    return all(count <= before.get(code, 0) for code, count in after.items())


def _values(text: str, display: str, kind: str) -> list[Any]:
    from vplint.document import load_text

    return [(d.tree.plain() if d.tree is not None else None, d.problems)
            for d in load_text(text, display, kind)]


def verify_suppression(linter: Linter, text: str, display: str, kind: str,
                       finding: Finding, fix: Fix,
                       before: list[PropositionResult] | None = None) -> bool:
    """True when the suppression silences `finding`, adds no finding, changes no value."""
    changed = apply(text, fix.edits)
    if kind == "yaml" and _values(changed, display, kind) != _values(text, display, kind):
        return False
    before = before if before is not None else linter.lint_text(text, display, kind)
    after = linter.lint_text(changed, display, kind)
    old, new = _codes(before), _codes(after)
    return _no_new(old, new) and new.get(finding.code, 0) < old.get(finding.code, 0)


@dataclass
class FixResult:
    """What `fix_text` did to one text."""

    text: str
    applied: list[Fix]
    before: list[PropositionResult]
    after: list[PropositionResult]


def safe_fixes(linter: Linter, text: str, results: list[PropositionResult], kind: str
               ) -> list[Fix]:
    """Every safe fix the findings of `results` offer, in file order."""
    lines = LineIndex(text)
    out: list[Fix] = []
    for result in results:
        for finding in result.findings:
            rule = linter.registry.rules.get(finding.code)
            if rule is None:
                continue
            out.extend(f for f in fixes_for(finding, rule, text, kind, result.language, lines)
                       if f.safe)
    return out


def fix_text(linter: Linter, text: str, display: str, kind: str) -> FixResult:
    """Apply the safe fixes to a text; the result never has a finding the text had not.

    All fixes are tried at once; when linting the result shows a new finding, each fix
    is tried on its own and kept only if it passes the same check.
    """
    before = linter.lint_text(text, display, kind)
    fixes = safe_fixes(linter, text, before, kind)
    if not fixes:
        return FixResult(text, [], before, before)
    old = _codes(before)
    changed = apply(text, [e for f in fixes for e in f.edits])
    after = linter.lint_text(changed, display, kind)
    if _no_new(old, _codes(after)):
        return FixResult(changed, fixes, before, after)
    current, current_results, kept = text, before, []
    for fix in fixes:
        # Offsets are of the original text: re-derive them on the current one.
        fresh = [f for f in safe_fixes(linter, current, current_results, kind)
                 if f.title == fix.title]
        if not fresh:
            continue
        trial = apply(current, fresh[0].edits)
        trial_results = linter.lint_text(trial, display, kind)
        if _no_new(old, _codes(trial_results)):
            current, current_results = trial, trial_results
            kept.append(fresh[0])
    return FixResult(current, kept, before, current_results)


# ---- files (`vplint check --fix` / `--diff`) ----------------------------------------------
@dataclass
class FileFix:
    """The safe fixes for one file: its display name, old and new text, what was applied."""

    display: str
    old: str
    new: str
    applied: list[Fix]

    def diff(self) -> str:
        """A unified diff from the old text to the new one."""
        import difflib

        return "".join(difflib.unified_diff(
            self.old.splitlines(keepends=True), self.new.splitlines(keepends=True),
            fromfile=f"a/{self.display}", tofile=f"b/{self.display}"))


def fix_file(linter: Linter, path: Any) -> FileFix | None:
    """The safe fixes for a file on disk, or None when there are none or it is not a
    plain UTF-8 text file vplint may rewrite (symbolic links, other encodings, too big)."""
    import stat
    from pathlib import Path

    from vplint.document import YAML_SUFFIXES

    path = Path(path)
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > linter.config.max_file_size:
        return None  # a link may lead out of the project; vplint writes only inside it
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "\x00" in text:
        return None
    bom = text.startswith("\ufeff")
    body = text[1:] if bom else text
    kind = "yaml" if path.suffix.lower() in YAML_SUFFIXES else "markdown"
    result = fix_text(linter, body, path.as_posix(), kind)
    if not result.applied or result.text == body:
        return None
    prefix = "\ufeff" if bom else ""
    return FileFix(path.as_posix(), prefix + body, prefix + result.text, result.applied)


def write(path: Any, text: str) -> None:
    """Replace a fixed file in one rename, keeping its permissions."""
    from vplint.fsutil import atomic_write

    atomic_write(path, text)


def fix_files(linter: Linter, files: Iterable[Any], apply_fixes: bool) -> list[FileFix]:
    """Compute (and with `apply_fixes`, write) the safe fixes of every file.

    A file reached through a symbolic link (itself or a folder on its path) is never fixed:
    the link may lead out of the repository, which is untrusted input."""
    done: list[FileFix] = []
    for path in files:
        if os.path.realpath(path) != os.path.abspath(path):
            continue
        fixed = fix_file(linter, path)
        if fixed is None:
            continue
        if apply_fixes:
            write(path, fixed.new)
        done.append(fixed)
    return done
