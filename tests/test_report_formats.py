"""Every CI output format, produced from the bundled examples and checked by structure:
SARIF against the official 2.1.0 schema, GitHub workflow commands by pattern, GitLab Code
Quality and JUnit by structure, HTML by parsing it, Markdown against the comment limit."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from vplint.cli import main
from vplint.config import Config
from vplint.engine import Linter
from vplint.model import Finding, PropositionResult, Severity, Summary
from vplint.report import FORMATS, get_reporter
from vplint.report.base import ReportOptions
from vplint.report.github import command, escape_data, escape_property
from vplint.report.markdown import GITHUB_COMMENT_LIMIT, comment_length

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif-2.1.0-schema.json"
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'A <script>alert(1)</script> & "quotes" | ::error::x, y: z\n::warning::injected %0A'


@pytest.fixture(scope="module")
def example_results(registry) -> list[PropositionResult]:
    """Every example proposition, linted with the built-in rules."""
    linter = Linter(Config(), registry)
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".md"))
    rel = [p.relative_to(ROOT) for p in files]
    return [r for path, display in zip(files, rel, strict=True)
            for r in linter.lint_file(path, display.as_posix())]


def render(fmt: str, results: list[PropositionResult], registry, **options) -> str:
    """Run a reporter over results and return what it wrote."""
    stream = io.StringIO()
    reporter = get_reporter(fmt, stream, registry, ReportOptions(color=False, **options))
    summary = Summary()
    reporter.start()
    for result in results:
        summary.add(result)
        reporter.handle(result)
    reporter.finish(summary)
    return stream.getvalue()


def finding(code: str = "TIM001", severity: Severity = Severity.WARNING, message: str = "m",
            path: str = "p.yaml", line: int = 3, match: str | None = None,
            field: str | None = "outcome", suggestion: str | None = None) -> Finding:
    return Finding(code=code, name="no-time-bound", severity=severity, message=message,
                   path=path, line=line, column=5, end_line=line, end_column=9, field=field,
                   match=match, suggestion=suggestion)


def result(findings: tuple[Finding, ...] = (), path: str = "p.yaml", name: str | None = "P",
           score: int = 70, index: int = 0) -> PropositionResult:
    return PropositionResult(path=path, name=name, language="en", score=score, grade="C",
                             dimensions={"time": 25, "proof": 100}, findings=findings,
                             index=index)


def test_every_format_is_registered_and_runs_from_the_cli(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert {"sarif", "github", "gitlab", "junit", "html"} <= set(FORMATS)
    for fmt in FORMATS:
        with pytest.raises(SystemExit) as info:
            main(["check", "examples", "-f", fmt, "--no-progress"])
        out, err = capsys.readouterr()
        assert info.value.code in (0, 1), err
        assert out and "Traceback" not in err


# ---- SARIF ---------------------------------------------------------------------------------

def test_sarif_from_examples_validates_against_the_official_schema(example_results, registry):
    log = json.loads(render("sarif", example_results, registry))
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    all_findings = [f for r in example_results for f in r.findings]
    assert len(run["results"]) == len(all_findings) > 0
    for entry, f in zip(run["results"], all_findings, strict=True):
        rule = rules[entry["ruleIndex"]]
        assert rule["id"] == entry["ruleId"] == f.code
        assert entry["level"] == {"error": "error", "warning": "warning",
                                  "info": "note"}[f.severity.value]
        location = entry["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == f.path
        assert not location["artifactLocation"]["uri"].startswith(("/", "./"))
        assert location["region"]["startLine"] == f.line
        assert location["region"]["startColumn"] == f.column
        assert entry["partialFingerprints"]
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_sarif_maps_levels_and_keeps_the_region_end(registry):
    findings = (finding(severity=Severity.INFO, line=2), finding(severity=Severity.ERROR),
                finding(code="PRF001", line=7))
    run = json.loads(render("sarif", [result(findings)], registry))["runs"][0]
    assert [r["level"] for r in run["results"]] == ["note", "error", "warning"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 9}
    help_md = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]["help"]
    assert "**What it does**" in help_md["markdown"] and "What it does:" in help_md["text"]
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(
        json.loads(render("sarif", [result(findings)], registry)))


def test_sarif_fingerprints_do_not_depend_on_lines(registry):
    a = render("sarif", [result((finding(line=3, match="fast"),))], registry)
    b = render("sarif", [result((finding(line=30, match="fast"),))], registry)
    c = render("sarif", [result((finding(line=3, match="quick"),))], registry)

    def prints(text: str) -> dict:
        return json.loads(text)["runs"][0]["results"][0]["partialFingerprints"]

    assert prints(a) == prints(b) != prints(c)


# ---- GitHub workflow commands ----------------------------------------------------------------

FINDING_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:\n]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
    r"title=[A-Z]{2,4}\d{3} [a-z0-9-]+::[^\n\r]+$")


def test_github_commands_from_examples_match_the_workflow_syntax(example_results, registry):
    out = render("github", example_results, registry)
    lines = out.splitlines()
    all_findings = [f for r in example_results for f in r.findings]
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(all_findings) > 0
    for line, f in zip(commands, all_findings, strict=True):
        match = FINDING_LINE.match(line)
        assert match, line
        assert match.group(1) == {"error": "error", "warning": "warning",
                                  "info": "notice"}[f.severity.value]
        assert f"file={f.path},line={f.line},col={f.column}," in line
    assert re.match(r"^vplint: \d+ file\(s\), \d+ proposition\(s\)", lines[-1])


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    line = command("warning", "x", file="we,ird:name.yaml", line=1, title="T1 a,b")
    assert line == "::warning file=we%2Cird%3Aname.yaml,line=1,title=T1 a%2Cb::x"


def test_user_text_cannot_inject_a_workflow_command(registry):
    hostile = finding(message=HOSTILE, path="odd,path:x.yaml", suggestion="s\n::error::boom")
    out = render("github", [result((hostile,), path="odd,path:x.yaml")], registry)
    lines = out.splitlines()
    assert len(lines) == 2  # one command, one summary: no line break got through
    assert lines[0].startswith("::warning file=odd%2Cpath%3Ax.yaml,line=3,")
    assert "\n::error::" not in out and "\n::warning::" not in out
    assert "%0A::warning::injected %250A" in lines[0]
    assert FINDING_LINE.match(lines[0])


def test_github_reports_a_score_below_fail_under(registry):
    out = render("github", [result(score=40)], registry, fail_under=60)
    assert out.splitlines()[0] == ("::error file=p.yaml,title=vplint score::p.yaml (P) scores "
                                   "40, below fail-under 60")


# ---- GitLab Code Quality ------------------------------------------------------------------

def test_gitlab_report_from_examples_has_the_code_quality_structure(example_results, registry):
    issues = json.loads(render("gitlab", example_results, registry))
    all_findings = [f for r in example_results for f in r.findings]
    assert isinstance(issues, list) and len(issues) == len(all_findings) > 0
    for issue, f in zip(issues, all_findings, strict=True):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["check_name"].startswith(f.code)
        assert issue["location"]["path"] == f.path
        assert issue["location"]["lines"]["begin"] == f.line >= 1
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_severity_mapping_and_empty_report(registry):
    findings = (finding(severity=Severity.ERROR), finding(severity=Severity.WARNING, line=4),
                finding(severity=Severity.INFO, line=5), finding(code="VP900", line=6))
    issues = json.loads(render("gitlab", [result(findings)], registry))
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "blocker"]
    assert json.loads(render("gitlab", [], registry)) == []
    below = json.loads(render("gitlab", [result(score=10)], registry, fail_under=50))
    assert below[0]["severity"] == "critical" and below[0]["check_name"] == "vplint-score"


def test_gitlab_fingerprints_survive_moved_lines_and_repeat_uniquely(registry):
    source = "name: P\noutcome: Hot pizza delivered to your door\n"
    moved = "# a comment\n\n" + source
    linter = Linter(Config(), registry)
    first = json.loads(render("gitlab", linter.lint_text(source, "p.yaml", "yaml"), registry))
    second = json.loads(render("gitlab", linter.lint_text(moved, "p.yaml", "yaml"), registry))
    assert first and [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]
    assert [i["location"]["lines"]["begin"] for i in first] != \
        [i["location"]["lines"]["begin"] for i in second]
    twice = json.loads(render("gitlab", [result((finding(match="fast"),
                                                 finding(match="fast", line=9)))], registry))
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


# ---- JUnit ---------------------------------------------------------------------------------

def test_junit_has_one_case_per_proposition_and_a_failure_listing_findings(example_results,
                                                                           registry):
    root = ET.fromstring(render("junit", example_results, registry))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(example_results)
    assert int(suite.get("tests")) == len(example_results)
    failing = [r for r in example_results if r.errors]  # what fails the gate
    assert int(suite.get("failures")) == int(root.get("failures")) == len(failing) > 0
    assert len(failing) < len([r for r in example_results if r.findings])
    for case, res in zip(cases, example_results, strict=True):
        assert case.get("classname") == res.path
        props = {p.get("name"): p.get("value") for p in case.iter("property")}
        assert props["score"] == str(res.score) and props["grade"] == res.grade
        failures = case.findall("failure")
        assert len(failures) == (1 if res.errors else 0)
        if res.findings and not res.errors:  # warnings are shown, not failed
            out = case.find("system-out").text
            assert all(f"{f.code} {f.severity.value}: {f.message}" in out for f in res.findings)
        if res.errors:
            text = failures[0].text
            assert all(f"{f.code} {f.severity.value}: {f.message}" in text
                       for f in res.findings)
            assert failures[0].get("type") in ("error", "warning", "info")


def test_junit_escapes_user_text_and_control_characters(registry):
    hostile = finding(message=HOSTILE + "\x00\x1b]", severity=Severity.ERROR)
    text = render("junit", [result((hostile,), name=HOSTILE)], registry)
    root = ET.fromstring(text)  # well-formed despite <, &, quotes and control characters
    case = root.find("testsuite/testcase")
    assert case.get("name") == HOSTILE
    assert HOSTILE in case.find("failure").text
    assert "<script>" not in text


def test_junit_fails_a_clean_proposition_below_fail_under(registry):
    root = ET.fromstring(render("junit", [result(score=30)], registry, fail_under=50))
    failure = root.find("testsuite/testcase/failure")
    assert "below fail-under 50" in failure.text


# ---- HTML ----------------------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_from_examples_is_self_contained_with_a_chart_per_proposition(example_results,
                                                                           registry):
    page = render("html", example_results, registry)
    parser = _Tags()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    for _, attrs in parser.tags:  # nothing fetched from the network
        assert not any(str(v).startswith(("http:", "https:", "//"))
                       for k, v in attrs.items() if k in ("src", "href"))
    root = ET.fromstring(page.split("\n", 1)[1])  # well-formed XML after the doctype
    charts = root.findall(f".//{SVG}svg")
    assert len(charts) == len(example_results)
    for chart, res in zip(charts, example_results, strict=True):
        bars = [r for r in chart.findall(f"{SVG}rect") if r.get("fill") != "#eaeef2"]
        assert len(bars) == 1 + len(res.dimensions)  # the score, then each dimension
        assert float(bars[0].get("width")) == pytest.approx(220 * res.score / 100, abs=0.1)
    fired = {f.code for r in example_results for f in r.findings}
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert {f"rule-{code}" for code in fired} <= ids
    for code in fired:
        section = next(e for e in root.iter() if e.get("id") == f"rule-{code}")
        assert registry.rules[code].docs["en"]["what"].strip()[:30] in "".join(section.itertext())


def test_html_page_language_follows_the_forced_language(example_results, registry):
    assert '<html lang="en">' in render("html", example_results, registry)
    assert '<html lang="zh-CN">' in render("html", example_results, registry, language="zh")


def test_html_escapes_every_piece_of_user_text(registry):
    hostile = finding(message=HOSTILE, suggestion="<img src=x onerror=alert(1)>")
    page = render("html", [result((hostile,), path="<b>p</b>.yaml", name=HOSTILE)], registry)
    parser = _Tags()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t in ("script", "img", "b")]
    root = ET.fromstring(page.split("\n", 1)[1])
    text = "".join(root.itertext())
    assert HOSTILE.replace("\n", "") in text.replace("\n", "")
    assert "<img src=x onerror=alert(1)>" in text


# ---- Markdown ------------------------------------------------------------------------------

def test_markdown_summary_first_then_collapsible_sections(example_results, registry):
    out = render("markdown", example_results, registry)
    assert out.startswith("## vplint report\n\n| File | Proposition |")
    assert out.index("**") < out.index("<details>")
    with_findings = [r for r in example_results if r.findings]
    assert out.count("<details>") == out.count("</details>") == len(with_findings) > 0
    assert out.count("\n| examples/") == len(example_results)
    assert "Report truncated" not in out


def test_markdown_summary_tag_is_html_escaped(registry):
    out = render("markdown", [result((finding(),), name="<img src=x> & co")], registry)
    assert "<summary><b>p.yaml</b> · &lt;img src=x&gt; &amp; co" in out
    assert "<img" not in out


def test_markdown_stays_under_the_github_comment_limit(registry):
    long = "Claim " * 60
    results = [result(tuple(finding(message=f"{long} {i}-{n}", line=n) for n in range(1, 6)),
                      path=f"copy/page-{i:04}.yaml", name=f"Page {i}")
               for i in range(800)]
    out = render("markdown", results, registry)
    assert comment_length(out) <= GITHUB_COMMENT_LIMIT
    assert "Report truncated" in out and "65,536-character" in out
    assert out.startswith("## vplint report\n")
    assert "800 proposition(s)" in out  # the totals always count everything
    assert out.count("<details>") == out.count("</details>")
    assert out.rstrip().endswith("</sub>")


def test_markdown_counts_emoji_as_github_does():
    assert comment_length("ab") == 2 and comment_length("中文") == 2
    assert comment_length("\U0001F600") == 2
