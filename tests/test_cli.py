"""The command line: exit codes, formats and exact output."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from vplint import __version__
from vplint.cli import main

ROOT = Path(__file__).resolve().parent.parent
STRONG = ROOT / "examples" / "en-strong-pizza-delivery.yaml"


@pytest.fixture
def run(tmp_path):
    """Run `vplint ARGS` in a temporary working directory; return (code, stdout, stderr)."""
    return functools.partial(run_cli, cwd=tmp_path)


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_version(run):
    assert run("--version") == (0, f"vplint {__version__}\n", "")


def test_clean_proposition_exits_0_and_prints_score(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: Pizza\noutcome: Hot pizza at your door in 30 "
                 "minutes or it's free\n")
    code, out, _ = run("check", path, "--select", "TIM001,OBJ001", "--no-color")
    assert code == 0
    assert out.splitlines()[0] == f"{path} · Pizza  100/100 A"
    assert "  time            ████████████████████ 100" in out.splitlines()
    assert out.rstrip().endswith("1 file, 1 proposition: 0 errors, 0 warnings, 0 info; "
                                 "mean score 100")


def test_error_finding_exits_1_and_shows_location(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: Ledger\noffering: A platform\n")
    code, out, _ = run("check", path, "--select", "OUT001", "--no-color")
    assert code == 1
    assert (f"  {path}:1:1 OUT001 error   No customer outcome stated: say what result the "
            "customer gets (fill `outcome`).") in out.splitlines()


def test_warnings_alone_pass_unless_fail_under(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: Pizza\noutcome: Hot pizza at your door\n")
    assert run("check", path, "--select", "TIM001")[0] == 0
    assert run("check", path, "--select", "TIM001", "--fail-under", "90")[0] == 1


def test_fail_under_from_config(run, tmp_path):
    write(tmp_path / ".vplint.yaml", "fail-under: 95\nselect: [TIM001]\n")
    path = write(tmp_path / "p.yaml", "name: Pizza\noutcome: Hot pizza at your door\n")
    assert run("check", path)[0] == 1


def test_default_path_is_current_directory_and_skips_hidden_and_venvs(run, tmp_path):
    write(tmp_path / "copy" / "a.yaml", "name: A\noutcome: x\n")
    write(tmp_path / ".git" / "b.yaml", "name: B\n")
    write(tmp_path / "node_modules" / "c.yaml", "name: C\n")
    write(tmp_path / "venv" / "pyvenv.cfg", "")
    write(tmp_path / "venv" / "d.yaml", "name: D\n")
    code, out, _ = run("check", "-f", "json")
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == ["copy/a.yaml"]


def test_exclude_from_config_uses_gitignore_syntax(run, tmp_path):
    write(tmp_path / ".vplint.yaml", "exclude: ['drafts/', '*.txt']\n")
    write(tmp_path / "drafts" / "a.yaml", "name: A\n")
    write(tmp_path / "notes.txt", "hello\n")
    write(tmp_path / "final" / "b.yaml", "name: B\n")
    data = json.loads(run("check", "-f", "json")[1])
    assert [f["path"] for f in data["files"]] == ["final/b.yaml"]


def test_json_contract(run, tmp_path):
    path = write(tmp_path / "two.yaml", "name: A\noutcome: Hot pizza\n---\nname: B\n")
    code, out, _ = run("check", path, "--format", "json")
    data = json.loads(out)
    assert data["version"] == 1
    assert data["tool"] == {"name": "vplint", "version": __version__}
    assert [(f["path"], f["name"]) for f in data["files"]] == [(path, "A"), (path, "B")]
    entry = data["files"][0]
    assert set(entry) == {"path", "name", "language", "page_kind", "page_kind_from", "score",
                          "grade", "dimensions", "findings"}
    assert (entry["page_kind"], entry["page_kind_from"]) == ("proposition", "proposition fields")
    assert set(entry["findings"][0]) == {"code", "name", "severity", "message", "line",
                                         "column", "end_line", "end_column", "field",
                                         "match", "suggestion"}
    summary = data["summary"]
    assert summary["files"] == 1 and summary["propositions"] == 2
    assert summary["findings"] == sum(len(f["findings"]) for f in data["files"])
    assert summary["errors"] + summary["warnings"] + summary["infos"] == summary["findings"]
    assert code == 1  # B has no outcome: OUT001 is an error


def test_markdown_format_escapes_user_text(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: 'A | B <script>alert(1)</script>'\n")
    out = run("check", path, "-f", "markdown")[1]
    assert "<script>" not in out
    assert "A \\| B &lt;script&gt;" in out
    assert out.startswith("## vplint report\n\n| File | Proposition |")


def test_output_file_written_and_stdout_quiet(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: P\noutcome: x\n")
    code, out, _ = run("check", path, "-f", "json", "-o", str(tmp_path / "r.json"))
    assert out == ""
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["propositions"] == 1
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_chinese_proposition_gets_chinese_messages_and_lang_forces(run, tmp_path):
    path = write(tmp_path / "p.yaml", "name: 披萨\noutcome: 热披萨送到家\n")
    out = run("check", path, "--select", "TIM001")[1]
    assert "没有具体的时间承诺" in out and "时间" in out
    out = run("check", path, "--select", "TIM001", "--lang", "en")[1]
    assert "No specific time bound" in out


def test_quiet_hides_clean_files(run, tmp_path):
    clean = write(tmp_path / "a.yaml", "name: A\ntime_bound: in 30 minutes\n")
    dirty = write(tmp_path / "b.yaml", "name: B\n")
    out = run("check", clean, dirty, "--select", "TIM001", "-q")[1]
    assert clean not in out and dirty in out


def test_missing_path_is_a_usage_error(run, tmp_path):
    code, out, err = run("check", "nope.yaml")
    assert code == 2 and err == "vplint: error: path does not exist: nope.yaml\n"


def test_bad_config_is_exit_2_with_one_line(run, tmp_path):
    write(tmp_path / ".vplint.yaml", "selectt: [TIM]\n")
    code, _, err = run("check", ".")
    assert code == 2
    assert err.strip().endswith(".vplint.yaml:1: unknown key 'selectt' (did you mean 'select'?)")
    assert len(err.strip().splitlines()) == 1


def test_unknown_code_on_command_line(run, tmp_path):
    code, _, err = run("check", ".", "--select", "TIM01")
    assert code == 2 and "did you mean 'TIM001'" in err


def test_unknown_format(run, tmp_path):
    code, _, err = run("check", ".", "-f", "yaml")
    assert code == 2 and "'yaml'" in err
    assert all(name in err for name in ("terminal", "concise", "full", "sarif", "junit"))


def test_rules_lists_every_rule(run):
    code, out, _ = run("rules")
    assert code == 0
    lines = out.splitlines()
    assert any(line.split()[:4] == ["TIM001", "no-time-bound", "warning", "time"]
               for line in lines)
    data = json.loads(run("rules", "-f", "json")[1])
    assert {"VP001", "OUT001", "TIM001", "OBJ001", "DIF001", "PRF001"} <= {r["code"] for r in data}


def test_explain_in_both_languages(run):
    code, out, _ = run("explain", "TIM001")
    assert code == 0 and out.startswith("TIM001 no-time-bound\n")
    assert "## What it does" in out and "## Why it matters" in out and "## Source" in out
    out = run("explain", "tim001", "--lang", "zh")[1]
    assert "## 规则说明" in out and "## 为什么重要" in out and "麦克斯韦尔" in out


def test_explain_unknown_code(run):
    code, _, err = run("explain", "TIM01")
    assert code == 2 and "unknown rule code or prefix 'TIM01' (did you mean 'TIM001'?)" in err


def test_schema_is_valid_json_schema_and_validates_the_examples(run):
    import jsonschema
    import yaml

    schema = json.loads(run("schema")[1])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        for doc in yaml.safe_load_all(example.read_text("utf-8")):
            errors = list(validator.iter_errors(doc))
            assert not errors, f"{example.name}: {errors[0].message}"
    assert not validator.is_valid({"outcom": "x"})


def test_examples_lint_in_all_three_formats(run):
    for fmt in ("terminal", "markdown", "json"):
        code, out, err = run("check", str(ROOT / "examples"), "-f", fmt)
        assert code == 1 and out
        assert err.startswith("vplint: the gate failed: ") and err.count("\n") == 1


def test_debug_shows_traceback_for_internal_errors(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    import vplint.api

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(vplint.api, "prepare", boom)
    with pytest.raises(SystemExit) as info:
        main(["check", "."])
    assert info.value.code == 2
    assert "internal error: RuntimeError: kaboom" in capsys.readouterr().err
    with pytest.raises(RuntimeError):
        main(["check", ".", "--debug"])


def test_configured_rule_and_template_folders_are_not_linted_as_propositions(run, tmp_path):
    write(tmp_path / ".vplint.yaml", "rules_dirs: [house/rules]\ntemplates_dirs: [house/pitch]\n")
    write(tmp_path / "house" / "rules" / "HSE001.yaml", "code: HSE001\nname: x\n")
    write(tmp_path / "house" / "pitch" / "short.en.j2", "{{ name }}\n")
    write(tmp_path / "house" / "pitch" / "notes.md", "# Template notes\n")
    write(tmp_path / "copy" / "a.yaml", "name: A\n")
    code, out, err = run("check", "-f", "json", "--select", "VP")
    assert code == 2 and "HSE001.yaml" in err  # the bad rule file is still loaded and named
    (tmp_path / "house" / "rules" / "HSE001.yaml").unlink()
    data = json.loads(run("check", "-f", "json", "--select", "VP")[1])
    assert [f["path"] for f in data["files"]] == ["copy/a.yaml"]
