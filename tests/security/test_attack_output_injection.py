"""Attack: workflow-command and escape-sequence injection through what vplint echoes from
the repository: configuration keys, codes, baseline entries, rule-file errors, file
names. No raw control character reaches stdout or stderr, and no line starts with `::`
except the GitHub reporter's own commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.security.conftest import FAILING, assert_safe_lines, gate

EVIL = "x\n::add-mask::\x1b]0;owned\x07\x1b[2J::error::pwned\r\u202e"


def _no_injection(out: str, err: str) -> None:
    assert_safe_lines(out)
    assert_safe_lines(err)
    assert not [line for line in err.splitlines() if line.startswith("::")]
    for line in out.splitlines():
        if line.startswith("::"):
            assert line.startswith(("::error file=", "::warning file=", "::notice file=")), line


@pytest.mark.parametrize("config", [
    f"{json.dumps(EVIL)}: 1\n",                              # an unknown key
    f"select: [{json.dumps(EVIL)}]\n",                       # an unknown code
    f"severity: {{{json.dumps(EVIL)}: error}}\n",            # a code in a mapping
    f"per-file-ignores: {{'*.md': [{json.dumps(EVIL)}]}}\n",   # a code in a pattern
    f"rules_dirs: [{json.dumps(EVIL)}]\n",                   # a folder
])
def test_configuration_errors_are_escaped(repo: Path, config: str):
    (repo / ".vplint.yaml").write_text(config, encoding="utf-8")
    code, out, err = gate(repo)
    assert code == 2 and err.startswith("vplint: error: ")
    assert len(err.splitlines()) == 1
    _no_injection(out, err)


def test_rule_file_errors_are_escaped(repo: Path):
    (repo / "rules").mkdir()
    (repo / "rules" / "BAD001.yaml").write_text(
        f"code: BAD001\nname: bad\nseverity: warning\nextends: existence\n"
        f"message: m\n{json.dumps(EVIL)}: 1\n", encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    code, out, err = gate(repo)
    assert code == 2 and len(err.splitlines()) == 1
    _no_injection(out, err)


def test_baseline_entries_are_escaped(repo: Path):
    baseline = repo / "baseline.json"
    baseline.write_text(json.dumps({"version": 1, "tool": "vplint", "findings": [
        {"path": EVIL, "code": EVIL, "field": EVIL, "fingerprint": "f", "text": EVIL}]}),
        encoding="utf-8")
    code, out, err = gate(repo, "--baseline", "baseline.json")
    assert code == 1 and "gone" in err
    _no_injection(out, err)


def test_file_names_are_escaped_in_every_ci_format(repo: Path):
    name = "evil\x1b[31m\n::error::owned\u202e.yaml"
    (repo / "copy" / name).write_text(FAILING, encoding="utf-8")
    for fmt in ("github", "gitlab", "terminal", "json", "sarif", "junit", "markdown"):
        code, out, err = run_cli("check", "copy", "-f", fmt, "--no-color",
                                 "--fail-under", "70", cwd=repo)
        assert code == 1, (fmt, err)
        _no_injection(out, err)


def test_the_explain_and_rules_commands_escape_rule_text(repo: Path):
    (repo / "rules").mkdir()
    (repo / "rules" / "BAD001.yaml").write_text(
        f"code: BAD001\nname: {json.dumps(EVIL)}\nseverity: warning\nextends: existence\n"
        f"message: m\ndocs: {{en: {{what: {json.dumps(EVIL)}}}}}\n", encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    for args in (("rules",), ("explain", "BAD001")):
        code, out, err = run_cli(*args, cwd=repo)
        assert code == 0, err
        _no_injection(out, err)
