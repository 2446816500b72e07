"""Every report speaks the report's language (Chinese copy gets Chinese labels, not a mix),
and the CI formats carry what their viewers need: SARIF helpUri, a short
shortDescription, only the rules that fired; JUnit failures only for what fails the gate."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.cli_runner import run_cli
from tests.conftest import ROOT

ZH = ROOT / "examples" / "zh-weak-solution.yaml"
EN = ROOT / "examples" / "en-strong-pizza-delivery.yaml"
ENGLISH_LABELS = ("File", "Proposition", "Score", "Severity", "Message", "Suggestion",
                  "Dimension", "mean score", "Rules that fired", "suggestion")


def report(fmt: str, *paths: Path, args: tuple[str, ...] = ()) -> str:
    code, out, err = run_cli("check", *map(str, paths), "-f", fmt, "--no-cache", *args)
    assert code in (0, 1), err
    return out


def test_chinese_copy_gets_a_chinese_html_page():
    page = report("html", ZH)
    assert '<html lang="zh-CN">' in page and "<th>文件</th>" in page and "触发的规则" in page
    assert not [w for w in ENGLISH_LABELS if f">{w}<" in page or f"<th>{w}" in page]


def test_chinese_markdown_names_dimensions_and_severities_in_chinese():
    text = report("markdown", ZH)
    assert text.startswith("## vplint 报告\n") and "| 需求 |" in text and "| 错误 |" in text
    assert "| need |" not in text and "| error |" not in text


def test_terminal_summary_and_labels_follow_the_copy():
    out = report("terminal", ZH, args=("--color", "never"))
    assert "  时间  " in out and "建议:" in out.replace(": ", ":")
    assert out.splitlines()[-1].startswith("1 个文件,1 个提案:")


def test_gitlab_descriptions_are_chinese_and_categories_vary():
    issues = json.loads(report("gitlab", ZH))
    assert all("(suggestion:" not in i["description"] for i in issues)
    assert any("(建议:" in i["description"] for i in issues)
    assert {c for i in issues for c in i["categories"]} >= {"Clarity", "Style"}


def test_sarif_language_help_uri_short_descriptions_and_fired_rules_only():
    log = json.loads(report("sarif", ZH))
    run = log["runs"][0]
    assert run["language"] == "zh-CN"
    rules = run["tool"]["driver"]["rules"]
    fired = {r["ruleId"] for r in run["results"]}
    assert {r["id"] for r in rules} == fired
    for index, rule in enumerate(rules):
        assert rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md")
        assert len(rule["shortDescription"]["text"]) <= 120
        assert rule["shortDescription"]["text"] != rule["fullDescription"]["text"]
        assert all(r["ruleIndex"] == index for r in run["results"] if r["ruleId"] == rule["id"])


def test_sarif_size_grows_with_findings_not_with_the_catalogue():
    clean = report("sarif", EN, args=("--select", "TIM001"))
    assert json.loads(clean)["runs"][0]["tool"]["driver"]["rules"] == []
    assert len(clean.encode()) < 3_000


def test_junit_fails_only_what_fails_the_gate(tmp_path: Path):
    (tmp_path / "warn.yaml").write_text("name: Pizza\noutcome: Hot pizza at your door\n",
                                        encoding="utf-8")
    root = ET.fromstring(report("junit", tmp_path / "warn.yaml", args=("--select", "TIM001")))
    case = root.find("testsuite/testcase")
    assert root.get("failures") == "0" and case.find("failure") is None
    assert "TIM001" in case.find("system-out").text
    root = ET.fromstring(report("junit", tmp_path / "warn.yaml",
                                args=("--select", "TIM001", "--fail-under", "99")))
    assert root.get("failures") == "1"
