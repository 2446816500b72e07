"""Front matter closed by a longer line of dashes, as Docusaurus and other gray-matter
readers accept it, is front matter: the page is linted, not reported unreadable because
its fields ran on to the next thematic break."""

from __future__ import annotations

from vplint.config import Config
from vplint.engine import Linter
from vplint.rules import Registry

PAGE = ("---\n\nslug: local-first\ntitle: Why we deploy locally\nauthors: team\n"
        + "-" * 71 + "\n\n"
        "> Wondering why the tool runs on your own machines?\n\n"
        "Your data never leaves your network, so audits take a day, not a month.\n\n"
        "---\n\n## Control\n\nYou decide when to update.\n")


def _lint(text: str) -> list:
    linter = Linter(Config(), Registry.default(plugins=False))
    return linter.lint_text(text, "blog/local-first.md", "markdown")


def test_front_matter_closed_by_a_long_dash_line_is_read() -> None:
    results = _lint(PAGE)
    assert not [f for r in results for f in r.findings if f.code == "VP001"]
    assert results


def test_a_plain_closing_line_still_closes_front_matter() -> None:
    results = _lint(PAGE.replace("-" * 71, "---"))
    assert not [f for r in results for f in r.findings if f.code == "VP001"]
