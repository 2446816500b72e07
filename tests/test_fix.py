"""Safe fixes (vplint.fixes) and `vplint check --fix` / `--diff`."""

from __future__ import annotations

import functools
import os
import stat
from collections import Counter
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import codes
from vplint.config import Config
from vplint.engine import Linter
from vplint.errors import RuleError
from vplint.fixes import apply, fix_text, fixes_for, suppression, verify_suppression
from vplint.rules import Registry, parse_rule

ROOT = Path(__file__).resolve().parent.parent

EN = "name: Platform\nbenefit: Utilize our platform; we utilized it for years.\n"
ZH = "name: 平台\nbenefit: 全面赋能，降本增效。\n"
ADL = "name: 鞋\ncopy:\n  headline: 全网最低价，行业第一品牌\n"


@pytest.fixture
def linter(registry: Registry) -> Linter:
    return Linter(Config(), registry)


@pytest.fixture
def run(tmp_path):
    return functools.partial(run_cli, cwd=tmp_path)


def counts(linter: Linter, text: str, kind: str = "yaml") -> Counter:
    return Counter(codes(linter.lint_text(text, "t.yaml", kind)))


def no_new_findings(before: Counter, after: Counter) -> bool:
    return all(n <= before.get(code, 0) for code, n in after.items())


@pytest.mark.parametrize(("text", "fixed"), [
    (EN, "name: Platform\nbenefit: Use our platform; we used it for years.\n"),
    (ZH, "name: 平台\nbenefit: 全面赋能，降低成本、提高效率。\n"),
], ids=["en", "zh"])
def test_safe_fixes_replace_and_leave_fewer_findings(linter, text, fixed):
    result = fix_text(linter, text, "t.yaml", "yaml")
    assert result.text == fixed
    before, after = counts(linter, text), counts(linter, result.text)
    assert sum(after.values()) < sum(before.values())
    assert no_new_findings(before, after)
    assert after["CLR003"] < before["CLR003"]


def test_capitalisation_is_kept(linter):
    text = "name: P\nbenefit: UTILIZE it. Utilize it. utilize it.\n"
    assert fix_text(linter, text, "t.yaml", "yaml").text == \
        "name: P\nbenefit: USE it. Use it. use it.\n"


def test_advertising_law_rewrites_are_choices_never_safe(linter, registry):
    result = fix_text(linter, ADL, "t.yaml", "yaml")
    assert result.text == ADL and not result.applied
    findings = [f for r in linter.lint_text(ADL, "t.yaml", "yaml") for f in r.findings
                if f.code == "ADL001" and f.match == "最低"]
    offered = fixes_for(findings[0], registry.rules["ADL001"], ADL, "yaml", "zh")
    assert [(f.title, f.safe, f.kind) for f in offered] == [
        ("把“最低”改为“低”", False, "choice"), ("把“最低”改为“实惠”", False, "choice")]
    assert "全网实惠价" in apply(ADL, offered[1].edits)


def substitution_registry(registry: Registry) -> Registry:
    """The built-in catalogue plus a substitution rule with English and Chinese terms."""
    own = Registry(rules=dict(registry.rules), lexicons=dict(registry.lexicons))
    own.add(parse_rule({
        "code": "SUB001", "name": "plain-words", "severity": "warning",
        "extends": "substitution",
        "params": {"fields": ["copy", "benefit"],
                   "swap": {"en": {"in order to": "to"}, "zh": {"进行优化": "优化"}}},
        "message": {"en": "Say \"{replacement}\", not \"{match}\".",
                    "zh": "用“{replacement}”，不用“{match}”。"},
    }, "SUB001.yaml"))
    return own


@pytest.mark.parametrize(("text", "fixed"), [
    ("name: P\nbenefit: We batch invoices in order to pay on time.\n",
     "name: P\nbenefit: We batch invoices to pay on time.\n"),
    ("name: 平台\nbenefit: 每天对发票流程进行优化，按时付款。\n",
     "name: 平台\nbenefit: 每天对发票流程优化，按时付款。\n"),
], ids=["en", "zh"])
def test_substitution_rules_are_fixed_safely(registry, text, fixed):
    linter = Linter(Config(), substitution_registry(registry))
    assert "SUB001" in counts(linter, text)
    result = fix_text(linter, text, "t.yaml", "yaml")
    assert result.text == fixed
    assert "SUB001" not in counts(linter, result.text)
    assert no_new_findings(counts(linter, text), counts(linter, result.text))


def test_a_fix_that_would_bring_a_new_finding_is_left_out(registry):
    own = substitution_registry(registry)
    # Swapping in jargon would trade one finding for another: refused.
    own.rules["SUB001"].params["swap"]["en"]["in order to"] = "to leverage"
    linter = Linter(Config(), own)
    text = "name: P\nbenefit: We batch invoices in order to pay on time.\n"
    result = fix_text(linter, text, "t.yaml", "yaml")
    assert result.text == text and not result.applied


def test_every_example_gets_no_new_finding_from_its_fixes(linter):
    files = sorted((ROOT / "examples").rglob("*.y*ml")) + sorted(
        (ROOT / "examples").rglob("*.md"))
    assert files
    for path in files:
        kind = "yaml" if path.suffix in (".yaml", ".yml") else "markdown"
        text = path.read_text("utf-8")
        result = fix_text(linter, text, str(path), kind)
        assert no_new_findings(counts(linter, text, kind), counts(linter, result.text, kind))


@pytest.mark.parametrize("text", [EN, ZH, ADL], ids=["en", "zh", "adl"])
def test_suppression_silences_only_that_finding(linter, text):
    results = linter.lint_text(text, "t.yaml", "yaml")
    finding = next(f for r in results for f in r.findings if f.match)
    candidate = suppression(finding, text, "yaml", results[0].language)[0]
    changed = apply(text, candidate.edits)
    assert f"# vplint: disable={finding.code}" in changed
    assert verify_suppression(linter, text, "t.yaml", "yaml", finding, candidate)
    before, after = counts(linter, text), counts(linter, changed)
    # The directive silences its code on that line (every finding of it there), no more.
    on_line = [f for r in results for f in r.findings
               if f.code == finding.code and f.line == finding.line]
    assert after[finding.code] == before[finding.code] - len(on_line)
    assert no_new_findings(before, after)


def test_suppression_inside_a_block_scalar_is_refused(linter):
    text = "name: P\nbenefit: |\n  Utilize the platform.\n  Nothing else.\n"
    results = linter.lint_text(text, "t.yaml", "yaml")
    finding = next(f for r in results for f in r.findings if f.code == "CLR003")
    for candidate in suppression(finding, text, "yaml", "en"):
        assert not verify_suppression(linter, text, "t.yaml", "yaml", finding, candidate)


def test_an_existing_directive_gets_the_code_added(linter):
    text = "name: P\nbenefit: Utilize it.  # vplint: disable=OUT002\n"
    results = linter.lint_text(text, "t.yaml", "yaml")
    finding = next(f for r in results for f in r.findings if f.code == "CLR003")
    candidate = suppression(finding, text, "yaml", "en")[0]
    assert apply(text, candidate.edits).endswith("# vplint: disable=OUT002,CLR003\n")


def test_markdown_suppression_uses_an_html_comment(linter):
    # a Markdown proposition: jargon (CLR003) judges propositions, not web pages
    text = "---\npage_kind: proposition\n---\n# Platform\n\nUtilize our platform.\n"
    results = linter.lint_text(text, "t.md", "markdown")
    finding = next(f for r in results for f in r.findings if f.code == "CLR003")
    candidate = suppression(finding, text, "markdown", "en")[0]
    assert "<!-- vplint: disable=CLR003 -->" in apply(text, candidate.edits)
    assert verify_suppression(linter, text, "t.md", "markdown", finding, candidate)


def test_missing_field_gets_a_commented_skeleton_in_the_documents_language(linter, registry):
    for text, lang, line in ((ADL, "zh", "# outcome: <客户得到的结果"),
                             (EN.replace("benefit", "offering"), "en", "# outcome: <the result")):
        results = linter.lint_text(text, "t.yaml", "yaml")
        finding = next(f for r in results for f in r.findings if f.code == "OUT001")
        fix = fixes_for(finding, registry.rules["OUT001"], text, "yaml", lang)[0]
        assert (fix.kind, fix.safe) == ("skeleton", False)
        changed = apply(text, fix.edits)
        assert changed.startswith(text) and line in changed
        # Only comments were added: the proposition reads the same.
        assert counts(linter, changed) == counts(linter, text)


def test_skeleton_goes_into_its_own_proposition(linter, registry):
    text = "name: A\noffering: x\n---\nname: B\noutcome: Paid in two days\n"
    results = linter.lint_text(text, "t.yaml", "yaml")
    finding = next(f for f in results[0].findings if f.code == "OUT001")
    fix = fixes_for(finding, registry.rules["OUT001"], text, "yaml", "en")[0]
    changed = apply(text, fix.edits)
    assert changed.index("# outcome:") < changed.index("---")


@pytest.mark.parametrize("bad", [
    "not a mapping", {"replace": ["x"]}, {"replace": {"fr": {}}}, {"repalce": {}}])
def test_a_malformed_fix_declaration_is_a_rule_error(bad):
    with pytest.raises(RuleError):
        parse_rule({"code": "BAD001", "name": "b", "severity": "info",
                    "extends": "existence", "message": {"en": "m"}, "fix": bad}, "b.yaml")


# ---- the command line ---------------------------------------------------------------------
def test_diff_shows_the_fixes_and_writes_nothing(run, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(EN, encoding="utf-8")
    code, out, _ = run("check", "--diff", "p.yaml")
    assert code == 1
    assert out == ("--- a/p.yaml\n+++ b/p.yaml\n@@ -1,2 +1,2 @@\n name: Platform\n"
                   "-benefit: Utilize our platform; we utilized it for years.\n"
                   "+benefit: Use our platform; we used it for years.\n")
    assert path.read_text("utf-8") == EN


def test_diff_without_fixes_exits_0_and_prints_nothing(run, tmp_path):
    (tmp_path / "p.yaml").write_text(ADL, encoding="utf-8")
    assert run("check", "--diff", "p.yaml") == (0, "", "")


def test_fix_writes_safe_fixes_then_reports_what_remains(run, tmp_path):
    path, other = tmp_path / "p.yaml", tmp_path / "zh.yaml"
    path.write_text(EN, encoding="utf-8")
    other.write_text(ZH, encoding="utf-8")
    os.chmod(path, 0o640)
    code, out, err = run("check", "--fix", "--format", "json", ".")
    assert "fixed 3 finding(s) in 2 file(s)" in err
    assert path.read_text("utf-8") == EN.replace("Utilize", "Use").replace("utilized", "used")
    assert other.read_text("utf-8") == ZH.replace("降本增效", "降低成本、提高效率")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert '"CLR003"' in out  # 全面赋能 has no safe fix and is still reported
    assert not list(tmp_path.glob(".*.tmp"))
    code_again, _, err_again = run("check", "--fix", ".")
    assert "fixed 0 finding(s) in 0 file(s)" in err_again


def test_fix_leaves_advertising_law_terms_to_the_writer(run, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(ADL, encoding="utf-8")
    code, out, err = run("check", "--fix", "p.yaml")
    assert code == 1 and path.read_text("utf-8") == ADL
    assert "ADL001" in out


def test_fix_keeps_line_breaks_and_byte_order_mark(run, tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + EN.replace("\n", "\r\n").encode("utf-8"))
    run("check", "--fix", "p.yaml")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 2
    assert b"Use our platform" in data


def test_fix_markdown_copy(run, tmp_path):
    # a Markdown proposition: jargon (CLR003) judges propositions, not web pages
    head = "---\npage_kind: proposition\n---\n"
    path = tmp_path / "landing.md"
    path.write_text(head + "# Platform\n\nUtilize our platform.\n", encoding="utf-8")
    run("check", "--fix", "landing.md")
    assert path.read_text("utf-8") == head + "# Platform\n\nUse our platform.\n"


def _outside_and_project(tmp_path: Path) -> tuple[Path, Path]:
    """A proposition outside the project (outside/p.yaml) and an empty project folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "p.yaml"
    target.write_text(EN, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    return target, project


def test_fix_never_writes_through_a_symbolic_link(run, tmp_path):
    target, project = _outside_and_project(tmp_path)
    (project / "p.yaml").symlink_to(target)
    run_cli("check", "--fix", "p.yaml", cwd=project)
    assert target.read_text("utf-8") == EN
    assert (project / "p.yaml").is_symlink()


def test_fix_never_writes_through_a_linked_folder(tmp_path):
    target, project = _outside_and_project(tmp_path)
    (project / "sub").symlink_to(target.parent, target_is_directory=True)
    run_cli("check", "--fix", "sub/p.yaml", cwd=project)
    run_cli("check", "--diff", "sub/p.yaml", cwd=project)
    assert target.read_text("utf-8") == EN
