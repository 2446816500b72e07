"""vplint judged on real propositions: every corpus entry gets the codes it must get and
none it must not, and strong propositions outscore weak ones (scripts/corpus_eval.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_script
from vplint.rules import Registry

ROOT = Path(__file__).resolve().parent.parent
corpus_eval = load_script("corpus_eval", ROOT / "scripts" / "corpus_eval.py")

JUDGED, ENTRIES = corpus_eval.load()


@pytest.fixture(scope="module")
def judged() -> dict[str, object]:
    """Every entry linted once, by id."""
    return {r.entry.id: r for r in corpus_eval.run(ENTRIES)}


def test_corpus_is_large_and_bilingual() -> None:
    assert len(ENTRIES) >= 60
    by_lang = {lang: sum(1 for e in ENTRIES if e.lang == lang) for lang in ("en", "zh")}
    assert abs(by_lang["en"] - by_lang["zh"]) <= len(ENTRIES) // 10, by_lang
    for lang in ("en", "zh"):
        for group in ("strong", "weak"):
            assert any(e.lang == lang and e.group == group for e in ENTRIES), (lang, group)


def test_labels_name_real_rules() -> None:
    known = set(Registry.default(plugins=False).rules)
    named = set(JUDGED).union(*(e.must | e.must_not | set(e.known) for e in ENTRIES))
    assert named <= known, f"labels name unknown codes: {sorted(named - known)}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_entry_gets_what_it_must_and_nothing_it_must_not(entry, judged) -> None:
    result = judged[entry.id]
    found = result.codes
    missing = sorted(c for c in entry.must - found if c not in entry.known)
    unwanted = sorted(c for c in entry.must_not & found if c not in entry.known)
    assert not missing and not unwanted, (
        f"{entry.id} ({entry.lang}, {entry.group}): \"{entry.line}\"\n"
        f"  missing (must get):  {missing}\n"
        f"  unwanted (must not): {unwanted}\n"
        f"  vplint reported:     {sorted(found)}")


def test_known_errors_are_still_errors(judged) -> None:
    fixed = [(entry.id, code) for entry in ENTRIES for code in entry.known
             if not judged[entry.id].wrong(code)]
    assert not fixed, (f"vplint now gets {fixed} right; remove those `known` notes from "
                       "tests/corpus/propositions.yaml")


def test_a_known_note_excuses_only_its_own_code() -> None:
    entry = corpus_eval.Entry("x", "en", "weak", "line", must={"A", "B"}, must_not=set(),
                              known={"A": "lexicon gap"})
    result = corpus_eval.Judged(entry, set(), 50)
    assert result.wrong("A") and result.wrong("B")
    assert [line.endswith("(known: lexicon gap)") for line in
            corpus_eval.disagreements(corpus_eval.tallies([], [result]), [result])] == [
        True, False]


def test_strong_propositions_outscore_weak_ones(judged) -> None:
    means = corpus_eval.group_means(list(judged.values()))
    assert means["strong"] > means["weak"], means


def test_eval_script_prints_the_table_and_exits_0(capsys) -> None:
    assert corpus_eval.main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Rule | TP | FP | FN | TN | Precision | Recall |")
    for code in JUDGED:
        assert f"| {code} |" in out
    assert "| strong |" in out and "| weak |" in out


def test_eval_script_rejects_a_malformed_corpus(tmp_path, capsys) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text("judged: [LAW020]\nentries:\n  - id: x\n    lang: fr\n    group: strong\n"
                   "    line: hi\n", encoding="utf-8")
    assert corpus_eval.main(["--corpus", str(bad)]) == 2
    assert "lang must be en or zh" in capsys.readouterr().err


def test_tallies_count_only_labelled_entries() -> None:
    entry = corpus_eval.Entry("x", "en", "weak", "line", must={"A"}, must_not={"B"})
    results = [corpus_eval.Judged(entry, {"A", "B", "C"}, 50)]
    table = corpus_eval.tallies([], results)
    assert (table["A"].tp, table["B"].fp) == (1, 1)
    assert "C" not in table
    assert table["A"].precision == 1.0 and table["B"].precision == 0.0
    assert table["B"].recall is None
