#!/usr/bin/env python
"""Judge vplint on real propositions: precision and recall per rule, strong vs weak scores.

With --verdicts, judge the score on copy with outside verdicts instead
(tests/corpus/verdicts/verdicts.yaml: critics' judgements, published before/after
rewrites, regulators' rulings, collected blind): the strong-over-weak AUC overall, per
language and per kind of verdict, and the share of rewrites that outscore their originals.
The second collection (tests/corpus/verdicts/holdout.yaml, held out until round 3 and
development data since round 4) is reported separately after them; the held-out
measurement is a third blind collection, judged with --verdicts PATH.

Runs every entry of tests/corpus/propositions.yaml through vplint as the proposition
{language: <lang>, copy: {headline: <line>}} and compares the codes it reports with the
hand labels (see the corpus file's header for the labelling scheme). Prints a Markdown
table of precision and recall per judged rule, the mean score of the strong and weak
groups, and (with --errors) every disagreement.

Exit status: 0 when strong propositions outscore weak ones on average, 1 otherwise,
2 when the corpus file is malformed.

    python scripts/corpus_eval.py [--corpus PATH] [--errors]
    python scripts/corpus_eval.py --verdicts [PATH] [--check-targets]
    (without PATH: the first collection, then the second)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "propositions.yaml"
VERDICTS = ROOT / "tests" / "corpus" / "verdicts" / "verdicts.yaml"
HELDOUT_VERDICTS = ROOT / "tests" / "corpus" / "verdicts" / "holdout.yaml"
"""The second blind collection: held out until round 3, development data since round 4
(tests/corpus/verdicts/README.md)."""
GROUPS = ("strong", "weak")
TARGETS = {"auc": 0.9, "rewrites": 0.9}
"""Issue 14's targets for the outside verdicts."""


@dataclass
class Entry:
    """One labelled line of the corpus."""

    id: str
    lang: str
    group: str
    line: str
    must: set[str]
    must_not: set[str]
    known: dict[str, str] = field(default_factory=dict)
    source: str = ""

    def gold(self, code: str) -> bool | None:
        """True / False when the entry is labelled for `code`, None when it is not."""
        if code in self.must:
            return True
        if code in self.must_not:
            return False
        return None

    def proposition(self) -> str:
        """The YAML text vplint lints for this entry."""
        data = {"name": self.id, "language": self.lang, "copy": {"headline": self.line}}
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@dataclass
class Judged:
    """An entry with what vplint reported for it."""

    entry: Entry
    codes: set[str]
    score: int

    def wrong(self, code: str) -> bool:
        """True when vplint disagrees with the label for `code`."""
        gold = self.entry.gold(code)
        return gold is not None and gold != (code in self.codes)


@dataclass
class Tally:
    """Confusion counts of one rule over the corpus."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP), None when the rule never fired on a labelled entry."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN), None when no entry is labelled positive."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


class CorpusError(Exception):
    """The corpus file does not follow the labelling scheme."""


def load(path: Path = CORPUS) -> tuple[list[str], list[Entry]]:
    """(judged codes, entries) from the corpus file, validated."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise CorpusError(f"{path}: needs `judged` and `entries`")
    judged = [str(c) for c in data.get("judged") or []]
    entries, seen = [], set()
    for raw in data["entries"]:
        entry = _entry(raw, judged)
        if entry.id in seen:
            raise CorpusError(f"entry id '{entry.id}' is used twice")
        seen.add(entry.id)
        entries.append(entry)
    return judged, entries


def _entry(raw: Any, judged: list[str]) -> Entry:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("line"):
        raise CorpusError(f"an entry needs an id and a line: {raw!r}")
    ident = str(raw["id"])
    if raw.get("lang") not in ("en", "zh") or raw.get("group") not in GROUPS:
        raise CorpusError(f"{ident}: lang must be en or zh and group strong or weak")
    must = set(map(str, raw.get("must") or []))
    unsure = set(map(str, raw.get("unsure") or []))
    explicit_not = set(map(str, raw.get("must_not") or []))
    if must & (unsure | explicit_not) or unsure & explicit_not:
        raise CorpusError(f"{ident}: a code is in more than one of must/must_not/unsure")
    known = {str(k): str(v) for k, v in (raw.get("known") or {}).items()}
    must_not = (set(judged) - must - unsure) | explicit_not
    for code in known:
        if code not in must and code not in must_not:
            raise CorpusError(f"{ident}: known error for {code}, which is not labelled")
    return Entry(ident, raw["lang"], raw["group"], str(raw["line"]), must, must_not,
                 known, str(raw.get("source") or ""))


def run(entries: Iterable[Entry]) -> list[Judged]:
    """Lint every entry with the built-in rules and default configuration."""
    from vplint.config import Config
    from vplint.engine import Linter
    from vplint.rules import Registry

    linter = Linter(Config(), Registry.default(plugins=False))
    out = []
    for entry in entries:
        results = linter.lint_text(entry.proposition(), f"corpus/{entry.id}.yaml")
        result = results[0]
        out.append(Judged(entry, {f.code for f in result.findings}, result.score))
    return out


def tallies(judged_codes: Iterable[str], results: list[Judged]) -> dict[str, Tally]:
    """Confusion counts for every judged code and every code named in a label."""
    codes = set(judged_codes)
    for r in results:
        codes |= r.entry.must | r.entry.must_not
    table = {code: Tally() for code in sorted(codes)}
    for r in results:
        for code, tally in table.items():
            gold = r.entry.gold(code)
            if gold is None:
                continue
            fired = code in r.codes
            if gold and fired:
                tally.tp += 1
            elif gold:
                tally.fn += 1
            elif fired:
                tally.fp += 1
            else:
                tally.tn += 1
    return table


def group_means(results: list[Judged]) -> dict[str, float]:
    """Mean overall score of each group."""
    means = {}
    for group in GROUPS:
        scores = [r.score for r in results if r.entry.group == group]
        means[group] = sum(scores) / len(scores) if scores else 0.0
    return means


def auc(strong: list[float], weak: list[float]) -> float | None:
    """Probability that a random strong entry outscores a random weak one (ties count
    half): the area under the ROC curve of the score as a strong-vs-weak classifier."""
    if not strong or not weak:
        return None
    wins = sum(1.0 if s > w else 0.5 if s == w else 0.0 for s in strong for w in weak)
    return wins / (len(strong) * len(weak))


def group_auc(results: list[Judged]) -> float | None:
    """Strong-over-weak AUC of the overall scores."""
    return auc([r.score for r in results if r.entry.group == "strong"],
               [r.score for r in results if r.entry.group == "weak"])


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def markdown(table: dict[str, Tally], means: dict[str, float], results: list[Judged]) -> str:
    """The report: a Markdown table per rule, then the group means."""
    lines = ["| Rule | TP | FP | FN | TN | Precision | Recall |",
             "|------|---:|---:|---:|---:|----------:|-------:|"]
    for code, t in table.items():
        lines.append(f"| {code} | {t.tp} | {t.fp} | {t.fn} | {t.tn} | "
                     f"{_ratio(t.precision)} | {_ratio(t.recall)} |")
    counts = {g: sum(1 for r in results if r.entry.group == g) for g in GROUPS}
    lines += ["", "| Group | Propositions | Mean score |", "|-------|---:|---:|"]
    lines += [f"| {g} | {counts[g]} | {means[g]:.1f} |" for g in GROUPS]
    lines += ["", f"Strong-over-weak AUC: {_ratio(group_auc(results))}"]
    return "\n".join(lines)


def disagreements(table: dict[str, Tally], results: list[Judged]) -> list[str]:
    """One line per entry and code where vplint and the label disagree."""
    out = []
    for r in results:
        for code in table:
            if r.wrong(code):
                kind = "missed" if r.entry.gold(code) else "false alarm"
                note = f" (known: {r.entry.known[code]})" if code in r.entry.known else ""
                out.append(f"{r.entry.id}: {code} {kind} on \"{r.entry.line}\"{note}")
    return out


# ---- outside verdicts ------------------------------------------------------------------
@dataclass
class Verdict:
    """One piece of copy with an outside verdict."""

    id: str
    lang: str
    kind: str
    text: str
    verdict: str
    rewrite_of: str | None = None
    source: str = ""


def load_verdicts(path: Path = VERDICTS) -> list[Verdict]:
    """The verdict entries, validated: ids unique, verdicts strong or weak, every
    `rewrite_of` naming an entry of the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("entries")
    if not isinstance(data, list):
        raise CorpusError(f"{path}: needs a list of entries")
    out: list[Verdict] = []
    for raw in data:
        if not isinstance(raw, dict) or not raw.get("id") or not raw.get("text"):
            raise CorpusError(f"an entry needs an id and a text: {raw!r}")
        ident = str(raw["id"])
        lang = raw.get("language", raw.get("lang"))
        if lang not in ("en", "zh") or raw.get("verdict") not in GROUPS:
            raise CorpusError(f"{ident}: language must be en or zh and verdict strong or weak")
        out.append(Verdict(ident, lang, str(raw.get("kind") or ""), str(raw["text"]),
                           raw["verdict"], raw.get("rewrite_of"), str(raw.get("source") or "")))
    ids = [v.id for v in out]
    if len(set(ids)) != len(ids):
        raise CorpusError("an entry id is used twice")
    missing = [v.id for v in out if v.rewrite_of and v.rewrite_of not in set(ids)]
    if missing:
        raise CorpusError(f"{missing[0]}: rewrite_of names no entry")
    return out


def score_verdicts(entries: Iterable[Verdict]) -> dict[str, int]:
    """Each entry's overall score, linted as copy: {language, copy: {headline: text}}."""
    from vplint.config import Config
    from vplint.engine import Linter
    from vplint.rules import Registry

    linter = Linter(Config(), Registry.default(plugins=False))
    scores = {}
    for v in entries:
        text = yaml.safe_dump({"name": v.id, "language": v.lang, "copy": {"headline": v.text}},
                              allow_unicode=True, sort_keys=False)
        scores[v.id] = linter.lint_text(text, f"verdicts/{v.id}.yaml")[0].score
    return scores


def rewrite_share(entries: list[Verdict], scores: dict[str, int]) -> tuple[int, int]:
    """(rewrites that outscore their original, rewrites): a tie is not a win."""
    pairs = [(v.id, v.rewrite_of) for v in entries if v.rewrite_of]
    wins = sum(1 for new, old in pairs if scores[new] > scores[old])
    return wins, len(pairs)


def verdict_report(entries: list[Verdict], scores: dict[str, int]) -> tuple[str, dict]:
    """The Markdown report and the headline numbers {auc, rewrites}."""
    def auc_of(subset: list[Verdict]) -> float | None:
        return auc([scores[v.id] for v in subset if v.verdict == "strong"],
                   [scores[v.id] for v in subset if v.verdict == "weak"])

    lines = ["| Slice | Strong | Weak | Mean strong | Mean weak | AUC |",
             "|-------|---:|---:|---:|---:|---:|"]
    slices = [("all", entries)]
    slices += [(f"language {lang}", [v for v in entries if v.lang == lang])
               for lang in ("en", "zh")]
    kinds = sorted({v.kind for v in entries})
    slices += [(f"kind {kind}", [v for v in entries if v.kind == kind]) for kind in kinds]
    for name, subset in slices:
        strong = [scores[v.id] for v in subset if v.verdict == "strong"]
        weak = [scores[v.id] for v in subset if v.verdict == "weak"]
        mean_s = f"{sum(strong) / len(strong):.1f}" if strong else "-"
        mean_w = f"{sum(weak) / len(weak):.1f}" if weak else "-"
        lines.append(f"| {name} | {len(strong)} | {len(weak)} | {mean_s} | {mean_w} | "
                     f"{_ratio(auc_of(subset))} |")
    wins, pairs = rewrite_share(entries, scores)
    share = wins / pairs if pairs else None
    numbers = {"auc": auc_of(entries), "rewrites": share}
    lines += ["", f"Rewrites that outscore their original: {wins} of {pairs} "
              f"({_ratio(share)}; a tie counts as a miss)"]
    for key, target in TARGETS.items():
        value = numbers[key]
        met = value is not None and value >= target
        lines.append(f"Target {key} >= {target}: {_ratio(value)} - {'met' if met else 'MISSED'}")
    return "\n".join(lines), numbers


def verdicts_main(paths: list[tuple[str, Path]], check_targets: bool) -> int:
    """Print the verdict evaluation of each (title, file), one after the other; with
    `check_targets`, exit 1 when a target is missed on any of them."""
    missed = False
    for title, path in paths:
        try:
            entries = load_verdicts(path)
        except (CorpusError, OSError, yaml.YAMLError) as exc:
            print(f"corpus_eval: {exc}", file=sys.stderr)
            return 2
        report, numbers = verdict_report(entries, score_verdicts(entries))
        if len(paths) > 1:
            print(f"## {title}: {path.name} ({len(entries)} entries)\n")
        print(report)
        if len(paths) > 1 and (title, path) != paths[-1]:
            print()
        missed |= any(numbers[k] is None or numbers[k] < t for k, t in TARGETS.items())
    return 1 if check_targets and missed else 0


def verdict_files(path: Path | None) -> list[tuple[str, Path]]:
    """The files `--verdicts` judges: the one named, or the first collection and, when
    present, the second."""
    if path is not None:
        return [("Verdicts", path)]
    files = [("First collection (development)", VERDICTS)]
    if HELDOUT_VERDICTS.exists():
        files.append(("Second collection (held out until round 3, development since round 4)",
                      HELDOUT_VERDICTS))
    return files


_ALL = Path("<first and second collections>")
"""`--verdicts` given without a path."""


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation; exit 1 when strong propositions do not outscore weak ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--verdicts", type=Path, nargs="?", const=_ALL, default=None,
                        help="judge the score on copy with outside verdicts (without a "
                             "path: the first and the second collection)")
    parser.add_argument("--check-targets", action="store_true",
                        help="with --verdicts: exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.verdicts is not None:
        chosen = None if args.verdicts is _ALL else args.verdicts
        return verdicts_main(verdict_files(chosen), args.check_targets)
    try:
        judged, entries = load(args.corpus)
    except (CorpusError, OSError, yaml.YAMLError) as exc:
        print(f"corpus_eval: {exc}", file=sys.stderr)
        return 2
    results = run(entries)
    table = tallies(judged, results)
    means = group_means(results)
    print(markdown(table, means, results))
    if args.errors:
        print()
        print("\n".join(disagreements(table, results)) or "no disagreements")
    if means["strong"] <= means["weak"]:
        print(f"\nstrong propositions ({means['strong']:.1f}) do not outscore weak ones "
              f"({means['weak']:.1f})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
