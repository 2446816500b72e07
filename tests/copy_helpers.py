"""One line of copy as a proposition file, its score and what the words model reads in it:
shared by the tests of the words model (test_benefit_words.py, test_benefit_signals.py)."""

from __future__ import annotations

from functools import cache

from tests.conftest import lint
from vplint.document import load_text
from vplint.rules import Registry
from vplint.text.benefit import CopyEvidence, evidence
from vplint.text.facts import Facts


@cache
def _registry() -> Registry:
    return Registry.default(plugins=False)


def copy_yaml(lang: str, line: str) -> str:
    """A proposition file holding only `line` as its headline, in `lang`."""
    return f"language: {lang}\ncopy:\n  headline: \"{line}\"\n"


def copy_score(lang: str, line: str) -> int:
    """The score vplint gives that file."""
    return lint(copy_yaml(lang, line), path="copy.yaml")[0].score


def copy_words(lang: str, line: str) -> CopyEvidence:
    """What the words model reads in that file."""
    doc = load_text(copy_yaml(lang, line), "copy.yaml", "yaml")[0]
    return evidence(doc, Facts(doc, _registry()))
