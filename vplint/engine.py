"""Run the selected rules over documents: load -> facts -> rules -> suppressions -> score.

A Linter is built once per run (rules selected, parameters merged, patterns compiled on
first use) and then lints files one at a time, so results stream to the reporter.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vplint.budget import Budget, RuleTimeout
from vplint.checks import CheckContext, Hit, needs_of
from vplint.checks.attribution import not_own_claim, outside_copy, outside_lead
from vplint.config import Config, Selector
from vplint.document import Document, failed_document, load_file, load_text, printable_path
from vplint.errors import did_you_mean
from vplint.frontcopy import expose_front_matter_copy
from vplint.fsutil import FolderResolver
from vplint.model import Finding, PropositionResult, Severity
from vplint.offermarks import WHOLE_MARKS
from vplint.pagekind import ARTICLE, LANDING, PAGE, page_kind
from vplint.rules import Registry, Rule
from vplint.scoring import WORDS_RULE, grade, score
from vplint.text.benefit import CopyEvidence, evidence, is_copy
from vplint.text.facts import Facts
from vplint.text.userre import check_term, rule_problem

if TYPE_CHECKING:
    from vplint.cache import Cache

POST_RULES = ("VP100",)
"""Rules that run after suppressions are applied (they judge the suppressions)."""
CRASH_CODE = "VP900"
MAX_HITS = 10_000
"""Findings one rule may report for one proposition before it counts as broken (VP900)."""


_UNPLANNED: Any = object()


class _Args(dict):
    """Message arguments; an unknown placeholder stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_formatter = string.Formatter()


def render_message(template: str, args: dict[str, Any]) -> str:
    """Fill a rule message template with a hit's arguments."""
    try:
        return _formatter.vformat(template, (), _Args(args))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


@dataclass
class Linter:
    """Everything fixed for one run: configuration, registry, selection."""

    config: Config
    registry: Registry
    forced_language: str | None = None
    crashed: bool = field(default=False, init=False)
    skip_idle: bool = field(default=True, init=False)
    """Skip a rule whose check needs lexicon hits the document does not have
    (`may_fire`); tests turn it off to show that skipping changes nothing."""

    def __post_init__(self) -> None:
        codes = sorted(self.registry.rules)
        self.selector = Selector(self.config, codes)
        unknown = self.selector.unknown()
        if unknown:
            # At the file and line that wrote the code; without them for a CLI option.
            raise self.config.error(
                f"unknown rule code or prefix '{unknown[0]}'{did_you_mean(unknown[0], codes)}",
                *(f"{key}/{unknown[0]}" for key in
                  ("select", "extend_select", "ignore", "per_file_ignores")))
        for key in ("severity", "weights", "rule_options"):
            for code in getattr(self.config, key):
                if code.upper() not in self.registry.rules:
                    raise self.config.error(
                        f"unknown rule code '{code}'{did_you_mean(code.upper(), codes)}",
                        f"{key}/{code}", key)
        for code, options in self.config.rule_options.items():
            self._check_options(code, options)
        for name, terms in self.config.lexicons.items():
            if name not in self.registry.lexicons:
                raise self.config.error(
                    f"unknown lexicon '{name}'{did_you_mean(name, list(self.registry.lexicons))}",
                    f"lexicons/{name}", "lexicons")
            if not isinstance(terms, dict):
                raise self.config.error(f"lexicon '{name}' must map en/zh to term lists",
                                        f"lexicons/{name}", "lexicons")
            added = {k: [str(t) for t in v] for k, v in terms.items()}
            for term in (t for items in added.values() for t in items):
                reason = check_term(term)  # user patterns must run in linear time
                if reason:
                    raise self.config.error(f"lexicon '{name}': the term {term!r} {reason}",
                                            f"lexicons/{name}", "lexicons")
            self.registry.lexicons[name].extend(added)
        self.severity = {c.upper(): Severity(s) for c, s in self.config.severity.items()}
        self.weights = {c.upper(): float(w) for c, w in self.config.weights.items()}
        self.params = {code: {**rule.params, **self.config.rule_options.get(code, {})}
                       for code, rule in self.registry.rules.items()}
        for code, options in self.config.rule_options.items():
            rule = self.registry.rules.get(code.upper())
            problem = rule and rule_problem(rule.extends, dict(options), user=True)
            if problem:
                raise self.config.error(f"rule_options for {rule.code}: {problem[0]}",
                                        f"rule_options/{code}", "rule_options")
        self._rules_for: dict[frozenset[str], list[Rule]] = {}
        self._plans: dict[str, list[list[str]] | None] = {}
        self.budget = Budget(self.config.rule_timeout)
        self._resolve: FolderResolver | None = None
        self.confined_to: tuple[Path, ...] | None = None
        """Resolved folders (and files) a linted file may really live in; None: anywhere.
        Set by `confine` for a run over the repository under review."""

    def _check_options(self, code: str, options: dict[str, Any]) -> None:
        """A rule option of the wrong kind (a number where the rule's default is a list,
        NaN, text for a number) is a configuration error at its line, not a VP900 for
        every file. A per-language mapping ({en: ..., zh: ...}) may stand for any value."""
        defaults = self.registry.rules[code.upper()].params
        for name, value in options.items():
            default = defaults.get(name)
            if default is None:
                continue  # options only the check's code knows are checked there
            if not _fits(default, value):
                one = next(iter(default.values())) if _per_language(default) else default
                expected = _kind(one)
                if isinstance(one, list) and one and all(isinstance(i, str) for i in one):
                    expected = "a list of text"
                expected += " (or one per language: {en: ..., zh: ...})"
                raise self.config.error(
                    f"rule-options of {code}: '{name}' must be {expected}, like its "
                    f"default {default!r}, not {value!r}",
                    f"rule_options/{code}", "rule_options")

    # ---- public API -------------------------------------------------------------------
    def lint_paths(self, files: Iterable[Path], jobs: int | None = 1,
                   cache: Cache | None = None) -> Iterator[PropositionResult]:
        """Lint files in order, yielding each proposition's result as soon as it is ready.

        `jobs` processes lint at once (None: every core for a few hundred files or more, see
        vplint.parallel) and `cache` reuses the results of unchanged files (vplint.cache);
        neither changes the results or their order. Only results are kept, never documents.
        """
        if jobs == 1 and cache is None:
            self._resolve = FolderResolver()  # for `allowed`, during this run only
            try:
                for path in files:
                    yield from self.lint_file(path)
            finally:
                self._resolve = None
            return
        from vplint.parallel import lint_many

        yield from lint_many(self, files, jobs, cache)

    def confine(self, paths: Iterable[str | Path]) -> None:
        """Lint only files that really live in the project root or in `paths` (the folders
        asked for, and the folders of the files asked for): a symbolic link leading
        elsewhere (`/proc/self/environ`, another checkout) is VP001, never read."""
        roots = [Path(self.config.root)]
        for given in map(Path, paths):
            # A file named on the command line may be a link too: its folder counts.
            roots.append(given if given.is_dir() else given.absolute().parent)
        confined = []
        for root in roots:
            try:
                confined.append(root.resolve())
            except (OSError, RuntimeError):
                continue
        self.confined_to = tuple(confined)

    def lint_file(self, path: Path, display: str | None = None) -> list[PropositionResult]:
        """Lint one file (every proposition in it)."""
        display = display or path.as_posix()
        if not self.allowed(path):
            return self._lint_docs([failed_document(
                display, "a symbolic link to a file outside the project; not read")], display)
        size = _size(path)
        if size is not None and size > self.config.max_file_size:
            reason = (f"the file is {size:,} bytes, over the {self.config.max_file_size:,}"
                      "-byte limit (max-file-size); skipped")
            return self._lint_docs([failed_document(display, reason)], display)
        return self._lint_docs(load_file(path, display, self.config.max_file_size), display)

    def lint_text(self, text: str, display: str, kind: str = "yaml") -> list[PropositionResult]:
        """Lint text held in memory (used by tests, `pitch` and stdin)."""
        return self._lint_docs(load_text(text, display, kind), display)

    def allowed(self, path: Path) -> bool:
        """Whether `path` may be read: it really lives where `confine` allows (always
        true when the linter is not confined)."""
        if self.confined_to is None:
            return True
        try:
            real = self._resolve(path) if self._resolve is not None else path.resolve()
        except (OSError, RuntimeError):  # a loop: the loader reports it
            return True
        return any(real == root or root in real.parents for root in self.confined_to)

    # ---- internals ---------------------------------------------------------------------
    def _rules(self, enabled: set[str]) -> list[Rule]:
        key = frozenset(enabled)
        if key not in self._rules_for:
            self._rules_for[key] = [r for r in self.registry.sorted() if r.code in enabled]
        return self._rules_for[key]

    def _lint_docs(self, docs: list[Document], display: str) -> list[PropositionResult]:
        display = printable_path(display)  # a non-UTF-8 file name must not break a report
        enabled = self.selector.enabled_codes(display)
        rules = self._rules(enabled)
        with self.budget.for_file():
            staged = self._stage(docs, rules, display)
            self._post_rules(staged, rules)
        results = []
        for doc, facts, ran, kept in staged:
            overall, dims = score(kept, ran, self.weights, words=self._words(doc, facts, ran),
                                  copy=is_copy(doc))
            kept.sort(key=lambda f: f.sort_key)
            results.append(PropositionResult(
                path=display, name=doc.name, language=facts.language, score=overall,
                grade=grade(overall), dimensions=dims, findings=tuple(kept), index=doc.index,
                page_kind=facts.page_kind, page_kind_from=facts.page_kind_from))
        return results

    def _stage(self, docs: list[Document], rules: list[Rule], display: str) -> list:
        """Each document with its facts, the rules that ran and the findings kept."""
        staged = []
        for doc in docs:
            self.budget.unmark()  # this document's facts are no rule's time
            kind, kind_from = page_kind(doc, display, self.config)
            if kind in (LANDING, ARTICLE, PAGE):
                expose_front_matter_copy(doc)
            facts = Facts(doc, self.registry, self.forced_language)
            doc.language = facts.language
            facts.page_kind = kind
            facts.page_kind_from = kind_from
            facts.brands = tuple(self.config.brands)
            # A file that could not be loaded gets its VP finding only, not a finding for
            # every field it seems to lack.
            seen_in_part = kind == LANDING and kind_from not in WHOLE_MARKS
            ran = [r for r in rules if r.code not in POST_RULES
                   and r.applies_to(facts.page_kind, facts.locale)
                   and not (r.absence and seen_in_part)
                   and (doc.tree is not None or r.family == "VP")]
            findings = [f for rule in ran if self.may_fire(rule, facts)
                        for f in self._run(rule, doc, facts)]
            kept = [f for f in findings
                    if not (doc.suppressions and doc.suppressions.silences(f.code, f.line))]
            staged.append((doc, facts, ran, kept))
        return staged

    def _words(self, doc: Document, facts: Facts, ran: list[Rule]) -> CopyEvidence | None:
        """What the words show (vplint.text.benefit), shared with the rule that reads it;
        None when that rule did not run (then the words do not count in the score)."""
        if doc.tree is None or all(r.code != WORDS_RULE for r in ran):
            return None
        return facts.memo(("benefit-evidence",), lambda: evidence(doc, facts))

    def _post_rules(self, staged: list, rules: list[Rule]) -> None:
        post = [r for r in rules if r.code in POST_RULES]
        if not post or not staged:
            return
        suppressions = staged[0][0].suppressions
        if suppressions is None:
            return
        unused = [d for d in suppressions.directives if not d.used]
        if not unused:
            return
        known = set(self.registry.rules)
        self.budget.unmark()
        for rule in post:
            for doc, facts, ran, kept in staged:
                # A directive for a rule that does not judge this page (its kind, its
                # language) silences nothing here, and is not stale either: a site-wide
                # habit of disabling a rule is no finding on every page it skips.
                judged = {r.code for r in ran}
                mine = [d for d in unused if _owner(staged, d.line) is doc
                        and (d.code in judged or d.code not in known)]
                if mine:
                    kept.extend(self._run(rule, doc, facts, {"unused": mine, "known": known}))

    def may_fire(self, rule: Rule, facts: Facts) -> bool:
        """False when calling the rule on this document cannot yield anything: its check
        declares lexicons it needs hits of (vplint.checks.needs_hits) and for one of
        those parameters none of the lexicons it names matches in the document. The one
        place rules are skipped; a skipped rule still counts as run for the score."""
        if not self.skip_idle:
            return True
        plan = self._plans.get(rule.code, _UNPLANNED)
        if plan is _UNPLANNED:
            plan = self._plans[rule.code] = self._plan(rule)
        if plan is None or self.budget.exhausted(rule.code):
            return True  # an exhausted rule is reported by _run
        known = facts.registry.lexicons
        scanned = facts.scanned
        try:
            for names in plan:
                # an unknown lexicon is the rule's error to report, so it runs
                if not any(n not in known or facts.has(n) for n in names):
                    return False
            return True
        finally:
            if not scanned and facts.scanned:
                self.budget.unmark()  # the document's scan is no rule's time

    def _plan(self, rule: Rule) -> list[list[str]] | None:
        """`may_fire`'s question for a rule, fixed for the run: per parameter its check
        needs hits of, the lexicons it names; None when the rule always runs."""
        try:
            needs = needs_of(rule.function())
        except (Exception, SystemExit):
            return None  # _run reports a check that cannot be loaded
        if needs is None:
            return None
        params = self.params[rule.code]
        if any(params.get(name) for name in needs.unless):
            return None
        plan = []
        for name in needs.params:
            value = params.get(name) or []
            plan.append([value] if isinstance(value, str) else list(value))
        return plan

    def _run(self, rule: Rule, doc: Document, facts: Facts,
             extra: dict[str, Any] | None = None) -> list[Finding]:
        ctx = CheckContext(doc, facts, rule, self.params[rule.code], extra or {})
        try:
            if self.budget.exhausted(rule.code):
                raise RuleTimeout  # it used up its time on an earlier proposition
            found: list[Finding] = []
            with self.budget.run(rule.code):
                for hit in rule.function()(ctx) or ():
                    if len(found) == MAX_HITS:  # an endless generator must not eat memory
                        raise RuntimeError(f"more than {MAX_HITS:,} findings in one "
                                           "proposition")
                    if rule.family != "VP" and (outside_copy(ctx, hit)
                                                or outside_lead(ctx, hit)) \
                            or rule.own_claims and not_own_claim(ctx, hit):
                        continue
                    found.append(self._finding(rule, hit, doc, facts))
            return found
        except RuleTimeout:
            # A rule may not hold the gate: it is reported, and the other rules go on.
            self.crashed = True
            return [self._crash(rule, doc, facts, RuleTimeout(self.budget.describe(rule.code)))]
        # A broken rule must not stop the run, nor end it: a plugin calling sys.exit(0)
        # would otherwise turn a failing gate green.
        except (Exception, SystemExit) as exc:
            self.crashed = True
            return [self._crash(rule, doc, facts, exc)]

    def _finding(self, rule: Rule, hit: Hit, doc: Document, facts: Facts) -> Finding:
        if not isinstance(hit, Hit):
            raise TypeError(f"check returned {type(hit).__name__}, not a Hit")
        node = hit.node if hit.node is not None else (doc.node(hit.field) if hit.field else None)
        if node is None and hit.field and "." in hit.field:
            parent = hit.field.rsplit(".", 1)[0]
            node = doc.node(parent)
        line, column, end_line, end_column = doc.span(node, hit.start, hit.end)
        lang = facts.message_language
        suggestion = hit.suggestion
        if suggestion is None and rule.suggestion:
            suggestion = render_message(rule.text(rule.suggestion, lang), hit.args)
        return Finding(
            code=rule.code, name=rule.name,
            severity=self.severity.get(rule.code, rule.severity),
            message=render_message(rule.text(rule.message, lang), hit.args),
            path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column,
            field=hit.field, match=hit.match, suggestion=suggestion or None)

    def _crash(self, rule: Rule, doc: Document, facts: Facts, exc: BaseException
               ) -> Finding:
        error = f"{type(exc).__name__}: {exc}"
        crash = self.registry.rules.get(CRASH_CODE)
        if crash is not None and rule is not crash:
            ctx = CheckContext(doc, facts, crash, {}, {"rule": rule.code, "error": error})
            for hit in crash.function()(ctx):
                return self._finding(crash, hit, doc, facts)
        line, column, end_line, end_column = doc.span(None)
        return Finding(code=CRASH_CODE, name="rule-crashed", severity=Severity.ERROR,
                       message=f"rule {rule.code} failed: {error}", path=doc.path, line=line,
                       column=column, end_line=end_line, end_column=end_column)


def _owner(staged: list, line: int) -> Document:
    owner = staged[0][0]
    for doc, *_ in staged:
        if doc.lines.position(doc.start)[0] <= line:
            owner = doc
    return owner


def _fits(default: Any, value: Any) -> bool:
    """Whether a configured option value has the kind of the rule's default; a value and
    a per-language mapping of such values ({en: ..., zh: ...}) stand for each other."""
    if _per_language(default):
        default = next(iter(default.values()))
    if _per_language(value):
        return all(_fits(default, v) for v in value.values())
    if _kind(value) != _kind(default):
        return False
    if _kind(value) == "a number":
        return math.isfinite(float(value))
    if isinstance(default, list) and default and all(isinstance(i, str) for i in default):
        return all(isinstance(item, str) for item in value)
    return True


def _per_language(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= {"en", "zh"}


def _kind(value: Any) -> str:
    """The kind of a rule option, as its error message names it."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
