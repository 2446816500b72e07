"""docs/rules/ is generated from the rule files and must match them: a rule changed without
regenerating its page fails here (the SARIF helpUri points at these pages)."""

from __future__ import annotations

from tests.conftest import ROOT, load_script
from vplint.report.sarif import help_uri, short_description
from vplint.rules import Registry

gen_rule_docs = load_script("gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py")


def test_rule_pages_are_up_to_date():
    stale = [str(path.relative_to(ROOT)) for path, text in gen_rule_docs.pages().items()
             if not path.is_file() or path.read_text("utf-8") != text]
    assert not stale, f"regenerate with: python scripts/gen_rule_docs.py ({stale[:5]})"


def test_every_rule_has_a_page_and_the_catalogue_lists_it():
    rules = Registry.default([]).sorted()
    catalogue = (ROOT / "docs" / "rules" / "README.md").read_text("utf-8")
    for rule in rules:
        page = ROOT / "docs" / "rules" / f"{rule.code}.md"
        assert page.is_file() and f"# {rule.code} {rule.name}" in page.read_text("utf-8")
        assert f"[{rule.code}]({rule.code}.md)" in catalogue
        assert help_uri(rule.code).endswith(f"/docs/rules/{rule.code}.md")


def test_short_descriptions_are_one_short_line():
    for rule in Registry.default([]).sorted():
        for lang in ("en", "zh"):
            text = short_description(rule, lang)
            assert text and "\n" not in text and "{" not in text and len(text) <= 120
