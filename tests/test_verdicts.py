"""The outside-verdicts corpus (tests/corpus/verdicts/) is well formed, and its evaluation
reports what docs/scoring.md promises. No per-entry assertion: the corpus measures the
score, a test per entry would invite tuning rules to it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
corpus_eval = load_script("corpus_eval", ROOT / "scripts" / "corpus_eval.py")


def test_the_corpus_is_large_bilingual_and_sourced() -> None:
    entries = corpus_eval.load_verdicts()
    assert len(entries) >= 200
    langs = [v.lang for v in entries]
    assert abs(langs.count("en") - langs.count("zh")) <= len(entries) // 10
    assert all(v.source for v in entries)
    assert {v.kind for v in entries} >= {"judged", "rewrite", "ruling"}
    assert sum(1 for v in entries if v.rewrite_of) >= 20


def test_the_second_collection_is_bilingual_sourced_and_apart_from_the_first() -> None:
    held_out = corpus_eval.load_verdicts(corpus_eval.HELDOUT_VERDICTS)
    assert len(held_out) >= 100
    langs = [v.lang for v in held_out]
    assert abs(langs.count("en") - langs.count("zh")) <= len(held_out) // 10
    assert all(v.source for v in held_out)
    assert {v.kind for v in held_out} >= {"judged", "rewrite", "ruling"}
    first = {v.text for v in corpus_eval.load_verdicts()}
    assert len([v for v in held_out if v.text in first]) <= len(held_out) // 20


def test_the_report_gives_the_second_collection_its_own_table(capsys) -> None:
    assert corpus_eval.main(["--verdicts"]) == 0
    out = capsys.readouterr().out
    development, _, held_out = out.partition("## Second collection")
    assert "## First collection" in development and "| all |" in development
    assert "| all |" in held_out and "Rewrites that outscore their original:" in held_out


def test_auc_counts_ties_as_half_and_needs_both_groups() -> None:
    assert corpus_eval.auc([3, 2], [1, 1]) == 1.0
    assert corpus_eval.auc([1], [1]) == 0.5
    assert corpus_eval.auc([1, 3], [2]) == 0.5
    assert corpus_eval.auc([], [1]) is None


def test_a_tied_rewrite_is_a_miss() -> None:
    entries = [corpus_eval.Verdict("a", "en", "rewrite", "old", "weak"),
               corpus_eval.Verdict("b", "en", "rewrite", "new", "strong", rewrite_of="a"),
               corpus_eval.Verdict("c", "en", "rewrite", "old", "weak"),
               corpus_eval.Verdict("d", "en", "rewrite", "new", "strong", rewrite_of="c")]
    assert corpus_eval.rewrite_share(entries, {"a": 50, "b": 70, "c": 60, "d": 60}) == (1, 2)


def test_the_report_names_the_targets_and_says_whether_they_are_met(capsys) -> None:
    assert corpus_eval.main(["--verdicts"]) == 0
    out = capsys.readouterr().out
    assert "| all |" in out and "| language zh |" in out and "| kind ruling |" in out
    assert "Rewrites that outscore their original:" in out
    assert "Target auc >= 0.9:" in out and "Target rewrites >= 0.9:" in out


def test_the_score_ranks_strong_over_weak_and_most_rewrites_higher() -> None:
    entries = corpus_eval.load_verdicts()
    scores = corpus_eval.score_verdicts(entries)
    _report, numbers = corpus_eval.verdict_report(entries, scores)
    assert numbers["auc"] > 0.6
    assert numbers["rewrites"] > 0.7


def test_a_malformed_verdicts_file_exits_2(tmp_path, capsys) -> None:
    bad = tmp_path / "v.yaml"
    bad.write_text("- id: a\n  language: en\n  text: hi\n  verdict: great\n", "utf-8")
    assert corpus_eval.main(["--verdicts", str(bad)]) == 2
    assert "verdict strong or weak" in capsys.readouterr().err
    bad.write_text("- id: a\n  language: en\n  text: hi\n  verdict: strong\n  rewrite_of: z\n",
                   "utf-8")
    assert corpus_eval.main(["--verdicts", str(bad)]) == 2
