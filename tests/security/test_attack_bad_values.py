"""Attack: values built to crash vplint instead of being judged. Each is one line naming
the file and line, exit 2 (or, inside a proposition, a finding), never an internal error
or a crashed rule; and a rule file cannot make vplint import an installed module."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.security.conftest import FAILING, gate
from vplint.rules import ALLOW_PYTHON_RULES


@pytest.mark.parametrize(("setting", "line"), [
    ("weights: {PRF001: .nan}", 2),
    ("weights: {PRF001: .inf}", 2),
    ("max-file-size: 1e23", 2),
    ("max-file-size: " + "9" * 30, 2),
    ("exclude: ['[z-a]']", 2),
    ("exclude:\n  - drafts/\n  - '[z-a]'", 4),
    ("fail-under: .nan", 2),
    ("rules_dirs: ['/']", 2),
])
def test_bad_configuration_values_are_one_line_at_their_place(repo: Path, setting: str,
                                                              line: int):
    (repo / ".vplint.yaml").write_text(f"# gate\n{setting}\n", encoding="utf-8")
    code, out, err = gate(repo)
    assert code == 2 and out == ""
    assert err.startswith(f"vplint: error: {repo / '.vplint.yaml'}:{line}: "), err
    assert len(err.splitlines()) == 1 and "internal error" not in err


def test_a_huge_ladder_rank_is_a_finding_not_a_crash(repo: Path):
    (repo / "copy" / "pizza.yaml").write_text(
        FAILING + "positioning:\n  category: pizza\n  ladder_rank: " + "9" * 5000 + "\n",
        encoding="utf-8")
    code, out, err = gate(repo, "-f", "json")
    assert code == 1, err
    codes = [f["code"] for e in json.loads(out)["files"] for f in e["findings"]]
    assert "VP900" not in codes and "VP003" in codes


@pytest.mark.parametrize("check", ["os:system", "subprocess:run", "json:loads",
                                   "vplint.cli:main", "../outside:check", "evil:check"])
def test_a_rules_dirs_rule_cannot_import_an_installed_module(repo: Path, outside: Path,
                                                             check: str):
    (outside / "evil.py").write_text("raise SystemExit('imported!')\n", encoding="utf-8")
    sys_path_before = list(sys.path)
    (repo / "rules").mkdir()
    (repo / "rules" / "IMP001.yaml").write_text(
        f"code: IMP001\nname: imp\nseverity: warning\nmessage: m\ncheck: {check}\n",
        encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    modules_before = set(sys.modules)
    code, out, err = gate(repo)
    assert code == 2 and out == ""
    assert err.startswith(f"vplint: error: {repo / 'rules' / 'IMP001.yaml'}:5: "), err
    assert "evil" not in set(sys.modules) - modules_before
    assert sys.path == sys_path_before


def test_a_module_beside_the_rule_file_is_its_check(repo: Path):
    (repo / "rules").mkdir()
    (repo / "rules" / "LOC001.yaml").write_text(
        "code: LOC001\nname: local\nseverity: error\nmessage: local says no\n"
        "check: mine:check\n", encoding="utf-8")
    (repo / "rules" / "mine.py").write_text(
        "from vplint.checks import Hit\n\ndef check(ctx):\n    yield Hit(field='name')\n",
        encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    code, out, err = gate(repo, "-f", "json")
    assert code == 1, err
    messages = [f["message"] for e in json.loads(out)["files"] for f in e["findings"]
                if f["code"] == "LOC001"]
    assert messages == ["local says no"]


def test_a_module_beside_the_rule_file_runs_only_when_allowed(repo: Path, outside: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    # By default nothing from the repository is executed: a pull request could edit the
    # module. Whoever runs the gate opts in with --allow-python-rules (never a config key).
    monkeypatch.delenv(ALLOW_PYTHON_RULES, raising=False)
    marker = outside / "executed"
    (repo / "rules").mkdir()
    (repo / "rules" / "LOC001.yaml").write_text(
        "code: LOC001\nname: local\nseverity: error\nmessage: local says no\n"
        "check: mine:check\n", encoding="utf-8")
    (repo / "rules" / "mine.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n"
        "from vplint.checks import Hit\n\ndef check(ctx):\n    yield Hit(field='name')\n",
        encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    code, out, err = gate(repo)
    assert code == 2 and out == "" and not marker.exists()
    assert err.startswith(f"vplint: error: {repo / 'rules' / 'LOC001.yaml'}:5: "), err
    assert "--allow-python-rules" in err and len(err.splitlines()) == 1
    code, out, err = gate(repo, "--allow-python-rules", "-f", "json")
    assert code == 1 and marker.exists(), err
    assert "LOC001" in {f["code"] for e in json.loads(out)["files"] for f in e["findings"]}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_check_module_exiting_on_import_cannot_pass_the_gate(repo: Path, jobs: str):
    (repo / "rules").mkdir()
    (repo / "rules" / "EXT001.yaml").write_text(
        "code: EXT001\nname: exit\nseverity: warning\nmessage: m\ncheck: bye:check\n",
        encoding="utf-8")
    (repo / "rules" / "bye.py").write_text("raise SystemExit(0)\n", encoding="utf-8")
    (repo / "copy" / "second.yaml").write_text(FAILING, encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\n", encoding="utf-8")
    code, out, err = gate(repo, "-f", "json", "--jobs", jobs, "--no-cache")
    assert code == 2, err
    crashes = [f for e in json.loads(out)["files"] for f in e["findings"] if f["code"] == "VP900"]
    assert len(crashes) == 2 and all("EXT001" in c["message"] for c in crashes)


@pytest.mark.parametrize("value", [".nan", "-.inf", "[1]", "'x'", "{fr: 3}"])
def test_a_rule_option_of_the_wrong_kind_is_an_error_at_its_line(repo: Path, value: str):
    (repo / ".vplint.yaml").write_text(
        f"# gate\nrule-options:\n  AUD001:\n    fields: {value}\n  LAW013:\n"
        f"    max_benefits: {value}\n", encoding="utf-8")
    code, out, err = gate(repo)
    assert code == 2 and out == ""
    assert err.startswith(f"vplint: error: {repo / '.vplint.yaml'}:3: rule-options of AUD001")
