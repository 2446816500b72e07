"""Patterns users supply run in linear time (vplint.text.userre): RE2 must be able to run
them, a lexicon term may not nest unbounded repetitions, and a `pattern` rule runs with
RE2. A pattern that fails is an error at the file and line that wrote it (exit code 2)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from cli_runner import run_cli
from test_declarative import DOCS

from vplint.text.userre import UnsafePattern, check_term, linear, nested_repetition

GOOD = "name: Pizza\noutcome: Hot pizza at your door in 30 minutes\n"


def _run(tmp_path: Path, config: str, files: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    (tmp_path / ".vplint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    for name, text in (files or {}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return run_cli("check", "a.yaml", "--no-cache", cwd=tmp_path)


@pytest.mark.parametrize("term", ["re:(?<![a-z])fast", "re:(a)\\1", "re:x(?=y)"])
def test_what_re2_cannot_run_is_refused(term: str) -> None:
    reason = check_term(term)
    assert reason is not None and "linear time" in reason


@pytest.mark.parametrize("term", ["re:(a+)+$", "re:(\\w*\\s?)*!", "re:(?:x{2,})+y"])
def test_nested_unbounded_repetition_is_refused(term: str) -> None:
    assert nested_repetition(term[3:])
    assert "exponential" in (check_term(term) or "")


@pytest.mark.parametrize("term", ["fast", "re:fast(?:er|est)?", "re:(?:a|b)+c", "re:(ab)+",
                                  "re:\\d+\\s*days", "re:(a+)?b", "re:[(+*]+x"])
def test_plain_terms_and_safe_patterns_are_accepted(term: str) -> None:
    assert check_term(term) is None


def test_config_lexicon_term_error_names_file_and_line(tmp_path: Path) -> None:
    config = "select: [OUT]\nlexicons:\n  hype:\n    en: ['re:(?<!x)boom']\n"
    code, out, err = _run(tmp_path, config)
    assert code == 2 and out == ""
    assert ".vplint.yaml:3: lexicon 'hype'" in err and "linear time" in err
    assert len(err.strip().splitlines()) == 1


def test_rules_dir_lexicon_and_pattern_rule_errors_name_file_and_line(tmp_path: Path) -> None:
    lexicon = "lexicon: extra\nen:\n  - fine\n  - 're:(a+)+b'\nzh: []\n"
    code, _, err = _run(tmp_path, "rules_dirs: [myrules]\n",
                        {"myrules/lexicons/extra.yaml": lexicon})
    assert code == 2
    assert "extra.yaml:4:" in err and "exponential" in err
    rule = _pattern_rule("'(?<=a)b'")
    code, _, err = _run(tmp_path, "rules_dirs: [other]\n", {"other/PAT001.yaml": rule})
    assert code == 2
    assert "PAT001.yaml:" in err and "must_not_match" in err and "linear time" in err


def _pattern_rule(must_not: str) -> str:
    return (f"code: PAT001\nname: no-shouting\nseverity: warning\nweight: 2\n"
            f"dimension: clarity\nextends: pattern\nparams:\n  fields: [outcome]\n"
            f"  must_not_match: {must_not}\n"
            "message: {en: 'Shouting: {match}', zh: '大写：{match}'}\n" + DOCS)


def test_pattern_rules_run_with_re2_in_linear_time() -> None:
    pattern = linear("(x+x+)+y")  # exponential for a backtracking engine
    text = "x" * 5_000
    start = time.process_time()
    assert pattern.search(text) is None
    assert time.process_time() - start < 1.0  # a backtracking engine would not finish
    with pytest.raises(UnsafePattern):
        linear("(?<=a)b")
    hits = [(m.start(), m.end()) for m in linear("b.st").finditer("最 BEST 最bist")]
    assert hits == [(2, 6), (8, 12)]  # case-insensitive, character offsets
