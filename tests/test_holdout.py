"""The held-out corpus (tests/corpus/holdout.yaml): well formed, bilingual, strong beats weak.

Per-entry labels are deliberately not asserted: the corpus measures the rules (run
`python scripts/corpus_eval.py --corpus tests/corpus/holdout.yaml --errors`), and a test
per entry would invite tuning the rules to it.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "corpus" / "holdout.yaml"

corpus_eval = load_script("corpus_eval", ROOT / "scripts" / "corpus_eval.py")


def test_holdout_parses_is_bilingual_and_strong_outscores_weak() -> None:
    _judged, entries = corpus_eval.load(HOLDOUT)
    assert len(entries) >= 60
    langs = [e.lang for e in entries]
    assert langs.count("en") == langs.count("zh")
    means = corpus_eval.group_means(corpus_eval.run(entries))
    assert means["strong"] > means["weak"], means
