"""Baselines: record today's findings, then fail only on new ones; moved lines keep the
match, fixed findings are reported as gone, and the file can shrink but not grow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_helpers import GOOD, HYPE, NO_OUTCOME, make_project, vplint_fixture, write  # noqa: F401

from vplint.baseline import Baseline, fingerprint, normalize, write_baseline
from vplint.errors import ConfigError, UsageError
from vplint.model import Finding, PropositionResult, Severity


def finding(code: str = "TST901", match: str | None = "revolutionary", line: int = 2,
            field: str | None = "outcome", path: str = "a.yaml", message: str = "m"
            ) -> Finding:
    return Finding(code=code, name="n", severity=Severity.ERROR, message=message, path=path,
                   line=line, column=1, end_line=line, end_column=5, field=field, match=match)


def result(*findings: Finding, path: str = "a.yaml") -> PropositionResult:
    return PropositionResult(path=path, name="P", language="en", score=50, grade="F",
                             dimensions={}, findings=tuple(findings))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    write(root / "copy" / "hype.yaml", HYPE)
    write(root / "copy" / "good.yaml", GOOD)
    return root


def codes(out: str) -> list[tuple[str, str]]:
    return [(entry["path"], f["code"]) for entry in json.loads(out)["files"]
            for f in entry["findings"]]


# ---- fingerprints ---------------------------------------------------------------------------

def test_fingerprint_ignores_lines_and_layout_but_not_the_text():
    base = fingerprint(finding())
    assert fingerprint(finding(line=40)) == base
    assert fingerprint(finding(match="Revolutionary")) == base  # case
    assert fingerprint(finding(match="ｒｅｖｏｌｕｔｉｏｎａｒｙ")) == base  # full-width
    spaced = fingerprint(finding(match="game  changing"))
    assert spaced == fingerprint(finding(match="game\nchanging"))
    assert fingerprint(finding(match="game-changing")) != base
    assert fingerprint(finding(field="copy.headline")) != base
    assert fingerprint(finding(code="TST902")) != base
    assert normalize("  A\tb\u3000C ") == "a b c"


def test_fieldless_findings_are_matched_by_message_without_numbers():
    a = finding(match=None, field=None, message="cannot parse: bad indent at line 3")
    b = finding(match=None, field=None, message="cannot parse: bad indent at line 9")
    c = finding(match=None, field=None, message="duplicate key")
    assert fingerprint(a) == fingerprint(b) != fingerprint(c)


def test_identical_findings_are_counted(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("b.json", [result(finding(), finding(line=9))])
    data = json.loads((tmp_path / "b.json").read_text())
    assert [e["count"] for e in data["findings"]] == [1 + 1]
    baseline = Baseline.load("b.json")
    new, known = baseline.split(result(finding(), finding(line=5), finding(line=7)))
    assert len(known.findings) == 2 and [f.line for f in new.findings] == [7]
    assert baseline.stats().gone == []


def test_gone_findings_only_for_files_that_were_linted(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    other = result(finding(path="other.yaml"), path="other.yaml")
    write_baseline("b.json", [result(finding()), other])
    baseline = Baseline.load("b.json")
    baseline.split(result())  # a.yaml no longer has the finding; other.yaml was not linted
    gone = baseline.stats().gone
    assert [(e.path, e.code) for e in gone] == [("a.yaml", "TST901")]
    assert gone[0].describe() == 'a.yaml: TST901 outcome "revolutionary"'


def test_paths_are_relative_to_the_baseline_file(tmp_path: Path, monkeypatch):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    write_baseline("sub/b.json", [result(finding(path="copy/a.yaml"))])
    entry = json.loads((tmp_path / "sub" / "b.json").read_text())["findings"][0]
    assert entry["path"] == "../copy/a.yaml"
    monkeypatch.chdir(tmp_path / "sub")  # the same file seen from elsewhere still matches
    baseline = Baseline.load("b.json")
    new, known = baseline.split(result(finding(path="../copy/a.yaml"), path="../copy/a.yaml"))
    assert not new.findings and len(known.findings) == 1


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "cannot read the baseline"),
    ('{"version": 1}', "not a vplint baseline"),
    ('{"version": 7, "findings": []}', "version 7 is not supported"),
    ('{"version": 1, "findings": [{"code": "X"}]}', "finding #1 needs path, code"),
    ('{"version": 1, "findings": [3]}', "finding #1 needs path, code"),
])
def test_bad_baseline_files_are_config_errors(tmp_path: Path, content: str, message: str):
    path = write(tmp_path / "b.json", content)
    with pytest.raises(ConfigError, match=message):
        Baseline.load(path)


def test_missing_baseline_file_says_how_to_create_it(tmp_path: Path):
    with pytest.raises(UsageError, match="create it with --write-baseline"):
        Baseline.load(tmp_path / "nope.json")


# ---- the CLI flow ---------------------------------------------------------------------------

def test_write_then_gate_only_on_new_findings(project: Path, vplint):
    assert vplint(project, "check")[0] == 1  # TST901 is an error: the gate fails today
    code, _, err = vplint(project, "check", "--write-baseline", "vplint-baseline.json")
    assert code == 0 and "wrote 1 finding(s) to the baseline" in err
    data = json.loads((project / "vplint-baseline.json").read_text("utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["code"], e["field"], e["count"], e["text"]) for e in data["findings"]] \
        == [("copy/hype.yaml", "TST901", "outcome", 1, "revolutionary")]
    assert not list(project.glob("*.tmp")) and not list(project.glob(".*.tmp"))

    code, out, err = vplint(project, "check", "--baseline", "vplint-baseline.json", "-f", "json")
    assert code == 0 and codes(out) == []
    assert "0 new finding(s), 1 known (not reported), 0 gone" in err

    # moving the finding to another line keeps the match
    hype = project / "copy" / "hype.yaml"
    hype.write_text("# Owner: marketing\n\n" + HYPE + "segment: {who: finance teams}\n", "utf-8")
    assert vplint(project, "check", "--baseline", "vplint-baseline.json")[0] == 0

    # a new error elsewhere fails the gate, and only it is reported
    write(project / "copy" / "empty.yaml", NO_OUTCOME)
    code, out, _ = vplint(project, "check", "--baseline", "vplint-baseline.json", "-f", "json")
    assert code == 1
    assert codes(out) == [("copy/empty.yaml", "OUT001"), ("copy/empty.yaml", "TIM001")]

    # a second copy of the known problem in the same file is new too
    hype.write_text(HYPE.replace("within 14 days", "within 14 days, revolutionary"), "utf-8")
    code, out, _ = vplint(project, "check", "copy/hype.yaml", "--baseline",
                          "vplint-baseline.json", "-f", "json")
    assert code == 1 and codes(out) == [("copy/hype.yaml", "TST901")]


def test_fixed_findings_are_reported_gone_and_the_baseline_shrinks(project: Path, vplint):
    write(project / "copy" / "empty.yaml", NO_OUTCOME)
    vplint(project, "check", "--write-baseline", "b.json")
    recorded = json.loads((project / "b.json").read_text())["findings"]
    assert len(recorded) == 3

    (project / "copy" / "hype.yaml").write_text(GOOD, "utf-8")  # fixed
    write(project / "copy" / "new.yaml", HYPE)  # and a new problem appears
    code, _, err = vplint(project, "check", "--baseline", "b.json")
    assert code == 1
    assert "1 new finding(s), 2 known (not reported), 1 gone" in err
    assert 'gone: copy/hype.yaml: TST901 outcome "revolutionary"' in err
    assert "--baseline b.json --write-baseline b.json" in err

    code, _, _ = vplint(project, "check", "--baseline", "b.json", "--write-baseline", "b.json")
    assert code == 0
    shrunk = json.loads((project / "b.json").read_text())["findings"]
    assert [(e["path"], e["code"]) for e in shrunk] == [("copy/empty.yaml", "OUT001"),
                                                        ("copy/empty.yaml", "TIM001")]
    assert vplint(project, "check", "--baseline", "b.json")[0] == 1  # new.yaml still fails


def test_markdown_and_html_mention_the_baseline(project: Path, vplint):
    vplint(project, "check", "--write-baseline", "b.json")
    out = vplint(project, "check", "--baseline", "b.json", "-f", "markdown")[1]
    assert "Baseline: 0 new finding(s) reported, 1 known finding(s) not reported" in out
    out = vplint(project, "check", "--baseline", "b.json", "-f", "html")[1]
    assert "Baseline: 0 new finding(s) reported, 1 known finding(s) not reported" in out


def test_baseline_errors_exit_2_with_one_line(project: Path, vplint):
    code, _, err = vplint(project, "check", "--baseline", "missing.json")
    assert code == 2 and err.strip() == ("vplint: error: baseline file not found: missing.json "
                                         "(create it with --write-baseline missing.json)")
    write(project / "bad.json", "[]")
    code, _, err = vplint(project, "check", "--baseline", "bad.json")
    assert code == 2 and "not a vplint baseline" in err and len(err.strip().splitlines()) == 1
    code, _, err = vplint(project, "check", "--write-baseline", "b.json", "--changed=main")
    assert code == 2 and "do not combine it with --changed" in err
    code, _, err = vplint(project, "check", "--write-baseline", str(project / "no" / "b.json"))
    assert code == 2 and "cannot write the baseline" in err
