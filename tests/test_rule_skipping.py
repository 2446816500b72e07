"""Skipping a rule that cannot fire (vplint.engine.Linter.may_fire) changes nothing: every
rule example, the examples and the labelled corpus lint to the same results with and
without it, and the skip really happens."""

from __future__ import annotations

from pathlib import Path

from vplint.checks import CheckContext, needs_hits, needs_of
from vplint.config import Config
from vplint.document import load_text
from vplint.engine import Linter
from vplint.rules import Registry
from vplint.text.facts import Facts

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = Registry.default(plugins=False)


def _inputs() -> list[tuple[str, str, str]]:
    """(text, path, kind) of every rule example, example file and corpus file."""
    found: list[tuple[str, str, str]] = []
    for rule in REGISTRY.sorted():
        for outcome in rule.examples.values():
            for examples in outcome.values():
                for example in examples:
                    if isinstance(example, dict):
                        found.append((example["markdown"], example.get("path", "example.md"),
                                      "markdown"))
                    else:
                        found.append((str(example), "example.yaml", "yaml"))
    for path in sorted((ROOT / "examples").rglob("*")) + sorted(
            (ROOT / "tests" / "corpus").glob("*.yaml")):
        if path.suffix in (".yaml", ".yml", ".md"):
            kind = "markdown" if path.suffix == ".md" else "yaml"
            found.append((path.read_text(encoding="utf-8"), path.name, kind))
    return found


def test_skipping_rules_without_the_hits_they_need_changes_no_result() -> None:
    skipping = Linter(Config(), REGISTRY)
    running = Linter(Config(), REGISTRY)
    running.skip_idle = False
    inputs = _inputs()
    assert len(inputs) > 300
    skipped = 0
    for text, path, kind in inputs:
        assert skipping.lint_text(text, path, kind) == running.lint_text(text, path, kind), \
            (path, text)
        for doc in load_text(text, path, kind):
            facts = Facts(doc, REGISTRY)
            skipped += sum(not skipping.may_fire(rule, facts) for rule in REGISTRY.sorted())
    assert skipped > len(inputs)  # several rules per document on average


def test_a_rule_runs_when_a_lexicon_it_needs_matches() -> None:
    linter = Linter(Config(), REGISTRY)
    rule = REGISTRY.rules["LAW020"]  # existence over the hype lexicon
    assert needs_of(rule.function()) is not None
    hype = load_text("name: X\ncopy:\n  headline: A revolutionary ledger\n", "a.yaml", "yaml")[0]
    plain = load_text("name: X\ncopy:\n  headline: A ledger for bakers\n", "b.yaml", "yaml")[0]
    assert linter.may_fire(rule, Facts(hype, REGISTRY))
    assert not linter.may_fire(rule, Facts(plain, REGISTRY))


def test_inline_terms_and_unknown_lexicons_keep_a_rule_running() -> None:
    doc = load_text("name: X\ncopy:\n  headline: A ledger\n", "b.yaml", "yaml")[0]
    plain = Facts(doc, REGISTRY)
    rule = REGISTRY.rules["LAW020"]
    with_terms = Linter(Config(), REGISTRY)
    with_terms.params["LAW020"] = {**with_terms.params["LAW020"], "terms": ["ledger"]}
    assert with_terms.may_fire(rule, plain)
    unknown = Linter(Config(), REGISTRY)
    unknown.params["LAW020"] = {**unknown.params["LAW020"], "lexicons": ["no-such-lexicon"]}
    assert unknown.may_fire(rule, plain)


def test_needs_hits_marks_a_check() -> None:
    @needs_hits("lexicons", unless=("terms",))
    def check(ctx: CheckContext):  # type: ignore[no-untyped-def]
        return []

    needs = needs_of(check)
    assert needs is not None and needs.params == ("lexicons",) and needs.unless == ("terms",)
    assert needs_of(lambda ctx: []) is None
