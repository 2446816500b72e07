"""The conventions ruff and Vale users expect of `vplint`: stdin, --exit-zero,
--statistics, concise and full formats, --color, case-insensitive choices, help with
examples and choices, a helpful first run, `explain PREFIX`, and a last line that says
why the gate failed."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

BAD = "name: Ledger\noffering: A platform\n"
GOOD = "name: Pizza\noutcome: Hot pizza at your door in 30 minutes\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def with_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    stream = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)


def test_stdin_is_linted_under_the_stdin_filename(tmp_path: Path, monkeypatch):
    with_stdin(monkeypatch, BAD)
    code, out, err = run_cli("check", "-", "--stdin-filename", "props/p.yaml", "--select",
                             "OUT001", "-f", "concise", cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0].startswith("props/p.yaml:1:1: OUT001 [error] ")
    assert err.startswith("vplint: the gate failed: 1 error finding(s) in props/p.yaml")


def test_stdin_markdown_kind_follows_the_filename(tmp_path: Path, monkeypatch):
    with_stdin(monkeypatch, "# Hotbox Pizza\n\nHot pizza at your door in 30 minutes.\n")
    code, out, _ = run_cli("check", "-", "--stdin-filename", "home.md", "-f", "json",
                           cwd=tmp_path)
    assert json.loads(out)["files"][0]["path"] == "home.md"


def test_stdin_filename_needs_the_dash_and_the_dash_stands_alone(tmp_path: Path):
    write(tmp_path / "p.yaml", GOOD)
    assert run_cli("check", "p.yaml", "--stdin-filename", "x.yaml", cwd=tmp_path)[0] == 2
    assert run_cli("check", "-", "p.yaml", cwd=tmp_path)[0] == 2


def test_exit_zero_keeps_0_but_still_says_the_gate_would_fail(tmp_path: Path):
    write(tmp_path / "p.yaml", BAD)
    code, _, err = run_cli("check", "p.yaml", "--select", "OUT001", "--exit-zero",
                           cwd=tmp_path)
    assert code == 0 and "the gate would fail" in err


def test_last_line_names_the_threshold_and_the_files(tmp_path: Path):
    write(tmp_path / "a.yaml", GOOD)
    write(tmp_path / "b.yaml", "name: Pizza\noutcome: Hot pizza at your door\n")
    code, out, err = run_cli("check", ".", "--select", "TIM001", "--fail-under", "90",
                             "--no-cache", cwd=tmp_path)
    assert code == 1
    assert re.fullmatch(r"vplint: the gate failed: 1 proposition\(s\) scored below "
                        r"fail-under 90 \(b\.yaml \d+\)", err.splitlines()[-1])


def test_statistics_counts_findings_per_code(tmp_path: Path):
    write(tmp_path / "a.yaml", BAD)
    write(tmp_path / "b.yaml", BAD)
    code, out, _ = run_cli("check", ".", "--select", "OUT001,TIM001", "--statistics",
                           "--no-cache", cwd=tmp_path)
    lines = out.splitlines()
    assert lines[0].split() == ["2", "OUT001", "error", "no-outcome"]
    assert lines[1].split() == ["2", "TIM001", "warning", "no-time-bound"]
    assert lines[-1].startswith("2 files, 2 propositions: 2 errors, 2 warnings")


def test_full_format_shows_the_source_line_with_a_caret_under_the_span(tmp_path: Path):
    write(tmp_path / "p.yaml", "name: Pizza\noutcome: Hot pizza delivered fast\n"
          "time_bound: soon\n")
    code, out, _ = run_cli("check", "p.yaml", "--select", "TIM002", "-f", "full",
                           "--no-cache", cwd=tmp_path)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "TIM002" in line)
    location = lines[at].split()[0]
    line_no, column = (int(x) for x in location.split(":")[1:3])
    assert lines[at + 1].endswith(f"{line_no} | " + (tmp_path / "p.yaml").read_text(
        "utf-8").splitlines()[line_no - 1])
    caret = lines[at + 2]
    bar = caret.index("| ") + 2
    assert caret[bar:].index("^") == column - 1 and set(caret[bar:].strip()) == {"^"}


def test_format_names_are_case_insensitive_and_format_is_an_alias(tmp_path: Path):
    write(tmp_path / "p.yaml", GOOD)
    for args in (["-f", "JSON"], ["--format", "Json"], ["--output-format", "json"]):
        code, out, _ = run_cli("check", "p.yaml", *args, cwd=tmp_path)
        assert code == 0 and json.loads(out)["files"]
    assert run_cli("explain", "TIM001", "--lang", "ZH", cwd=tmp_path)[0] == 0


def test_color_always_and_never_and_no_color_environment(tmp_path: Path):
    write(tmp_path / "p.yaml", BAD)
    assert "\x1b[" in run_cli("check", "p.yaml", "--color", "always", cwd=tmp_path)[1]
    assert "\x1b[" not in run_cli("check", "p.yaml", "--color", "never", cwd=tmp_path)[1]
    out = run_cli("check", "p.yaml", cwd=tmp_path, env={"NO_COLOR": "1",
                                                        "FORCE_COLOR": "1"})[1]
    assert "\x1b[" not in out


def test_help_shows_plain_types_choices_and_examples(tmp_path: Path):
    for command in ("check", "explain", "init", "rules", "pitch"):
        code, out, _ = run_cli(command, "--help", cwd=tmp_path)
        assert code == 0
        assert "<str>" not in out and "<list" not in out and "{" not in out, command
        assert "Examples:" in out, command
    # Typer and click lay help out in their own way (wrapping, <…> or […] around choices):
    # assert what it says, not how it is drawn.
    flat = " ".join(run_cli("check", "--help", cwd=tmp_path)[1].split())
    assert "terminal (scores and findings), full" in flat
    assert re.search(r"--color [<\[]auto\|always\|never[>\]]", flat)
    assert "--install-completion" in run_cli("--help", cwd=tmp_path)[1]


def test_bare_vplint_names_the_first_three_commands(tmp_path: Path):
    code, out, _ = run_cli(cwd=tmp_path)
    assert code == 0 and len(out.splitlines()) < 12
    assert [line.split()[1] for line in out.splitlines() if line.startswith("  vplint ")] \
        == ["init", "check", "explain"]


def test_an_empty_folder_points_at_init(tmp_path: Path):
    code, out, err = run_cli("check", cwd=tmp_path)
    assert code == 0 and "vplint init" in err


def test_explain_a_prefix_lists_its_rules(tmp_path: Path):
    code, out, _ = run_cli("explain", "tim", cwd=tmp_path)
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert listed == ["TIM001", "TIM002"]
    code, out, _ = run_cli("explain", "TIM", "--lang", "zh", cwd=tmp_path)
    assert [line.split()[2:] for line in out.splitlines() if line.startswith("  ")] == [
        ["警告", "时间"], ["警告", "时间"]]


def test_explain_in_chinese_has_no_english_labels(tmp_path: Path):
    out = run_cli("explain", "TIM001", "--lang", "zh", cwd=tmp_path)[1]
    header = out.splitlines()[2]
    assert header == "严重级别: 警告    评分维度: 时间    权重: 4"


def test_quiet_hides_clean_propositions_bars_and_suggestions(tmp_path: Path):
    write(tmp_path / "a.yaml", GOOD)
    write(tmp_path / "b.yaml", BAD)
    out = run_cli("check", ".", "--select", "OUT001", "-q", "--no-cache", cwd=tmp_path)[1]
    assert "a.yaml" not in out and "b.yaml" in out
    assert "█" not in out and "suggestion" not in out
    assert out.splitlines()[-1].startswith("2 files, 2 propositions")
