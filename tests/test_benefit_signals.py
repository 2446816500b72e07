"""Round 4 of the words model (vplint/text/benefit.py, docs/scoring.md), each signal with
should-fail and should-pass examples in English and Chinese: a feature-side line scores
below its benefit-side rewrite."""

from __future__ import annotations

import pytest

from tests.conftest import lint
from vplint.document import load_text
from vplint.rules import Registry
from vplint.text.benefit import CopyEvidence, evidence
from vplint.text.facts import Facts

REGISTRY = Registry.default(plugins=False)


def _yaml(lang: str, line: str) -> str:
    return f"language: {lang}\ncopy:\n  headline: \"{line}\"\n"


def _score(lang: str, line: str) -> int:
    return lint(_yaml(lang, line), path="copy.yaml")[0].score


def _words(lang: str, line: str) -> CopyEvidence:
    doc = load_text(_yaml(lang, line), "copy.yaml", "yaml")[0]
    return evidence(doc, Facts(doc, REGISTRY))


# ---- "you" alone is the buyer spoken to, not a result ----------------------------------
@pytest.mark.parametrize("lang,line,says_nothing", [
    ("en", "Thank you for choosing your local bakery", True),
    ("en", "Your bread, at your door by 7 am", False),
    ("zh", "你的品牌，你的选择", True),
    ("zh", "你的快递，今晚8点前送到", False),
])
def test_you_alone_does_not_make_copy_say_something(lang: str, line: str,
                                                    says_nothing: bool) -> None:
    words = _words(lang, line)
    assert words.customer >= 1
    assert words.says_nothing is says_nothing
