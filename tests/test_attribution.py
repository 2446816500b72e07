"""Who says what about whom: only the advertiser's own claims are judged by self-praise,
hype, time and proof rules, in English and Chinese."""

from __future__ import annotations

import pytest

from tests.conftest import lint
from vplint.text.attribution import infer_own_names, reason_not_own


def why(text: str, phrase: str, lang: str = "en", names: tuple[str, ...] = ("Acme",),
        **kw: object) -> str | None:
    start = text.index(phrase)
    return reason_not_own(text, start, start + len(phrase), lang, names, **kw)


@pytest.mark.parametrize(("text", "phrase", "lang", "reason"), [
    ("We're not the cheapest option.", "the cheapest", "en", "negated"),
    ("AI 并不会取代开发者。", "取代", "zh", "negated"),
    ("Which is the best CRM for a small team?", "the best", "en", "question"),
    ("哪个低代码平台最好？", "最好", "zh", "question"),
    ("Airtable is the most flexible tool here.", "the most flexible", "en", "third-party"),
    ("Dify 提供了最强的编排能力。", "最强", "zh", "third-party"),
    ("这家行业领先的公司选择了我们。", "行业领先", "zh", "third-party"),
    ("另一款工具可快速构建应用。", "快速", "zh", "third-party"),
    ("Falls are the leading cause of injury.", "the leading", "en", "general-fact"),
    ("The most common mistake is skipping backups.", "The most common", "en",
     "general-fact"),
    ("最根本的原因是数据孤岛。", "最根本", "zh", "general-fact"),
    ("GitHub 上 Star 数量最多的开源项目", "最多", "zh", "general-fact"),
    ("最后一步是发布。", "最后", "zh", "sequence"),
    ("Try the newest release today.", "the newest", "en", "sequence"),
    ("为字段添加唯一索引。", "唯一", "zh", "technical-term"),
    ("Add a unique key to the table.", "unique", "en", "technical-term"),
    ("Find the tool that fits you best.", "best", "en", "reader-choice"),
    ("最好先备份数据。", "最好", "zh", "reader-choice"),
    ("“这是我们用过最好的工具。”——张伟，CTO", "最好", "zh", "quoted"),
    ("\"The best tool we have used,\" says Jane Doe, CTO at Globex.", "The best", "en",
     "quoted"),
    ("It makes the most sense to start small.", "the most sense", "en", "general-fact"),
    ("The Markdown block is one of the most commonly used blocks.", "the most commonly",
     "en", "general-fact"),
    ("The Terraform check block is less revolutionary than we hoped.", "revolutionary",
     "en", "negated"),
    ("最大切割厚度：不锈钢20mm", "最大", "zh", "technical-term"),
])
def test_not_the_advertisers_claim(text: str, phrase: str, lang: str, reason: str) -> None:
    assert why(text, phrase, lang) == reason


@pytest.mark.parametrize(("text", "phrase", "lang"), [
    ("Acme is the best invoicing software in the world.", "the best", "en"),
    ("We are the best invoicing software in the world.", "the best", "en"),
    ("国内最好的财务软件", "最好", "zh"),
    ("我们是行业领先的平台。", "行业领先", "zh"),
    ("Acme 提供了最强的编排能力。", "最强", "zh"),
    ("Unlike Salesforce, the most flexible CRM for cafes.", "the most flexible", "en"),
])
def test_the_advertisers_own_claims_stay(text: str, phrase: str, lang: str) -> None:
    assert why(text, phrase, lang) is None


def test_a_page_in_a_customers_voice() -> None:
    from vplint.text.attribution import about_advertiser, customer_voiced

    story = "Acme has empowered us to streamline our work. We believe in changing the world."
    assert customer_voiced(story, ["Acme"])
    assert customer_voiced("我们最终选择了 Acme。", ["Acme"])
    assert not customer_voiced("We built Acme for cafes.", ["Acme"])
    at = story.index("changing")
    assert about_advertiser(story, at, ["Acme"])
    assert not about_advertiser(story, at, ["Acme"], we_is_advertiser=False)


def test_markdown_regions_say_link_quote_and_table() -> None:
    text = "Acme is the best."
    assert why(text, "the best", regions={"link"}) == "link-text"
    assert why(text, "the best", regions={"quote"}) == "quoted"
    assert why(text, "the best", regions={"table"}, row="| Airtable | the best |") == "table"
    assert why(text, "the best", regions={"table"}, row="| Acme | the best |") is None


def test_the_advertiser_is_the_domain_hosting_the_pages_images() -> None:
    page = ("Airtable, Airtable, Airtable and NocoBase compared.\n"
            "![x](https://static-docs.nocobase.com/a.png)\n")
    assert infer_own_names(page, by_count=False) == ["NocoBase"]
    assert infer_own_names("Airtable Airtable Airtable", by_count=False) == []
    assert infer_own_names("Airtable Airtable Airtable") == ["Airtable"]


PAGE = """# Acme rotas

Acme is the best rota app for cafes, and revolutionary.

| Tool | Verdict |
|---|---|
| Shiftly | the best for hotels, revolutionary |

> "The best rota app we have tried." — Jane Doe, owner of Blue Cafe

Read more: [The best rota apps of 2025](https://example.com/blog/best)
"""


def test_only_the_pages_own_claim_is_reported() -> None:
    found = [(f.code, f.line) for r in lint(PAGE, kind="markdown", path="index.md")
             for f in r.findings if f.match]
    assert found == [("LAW018", 3), ("LAW020", 3)]


def test_chinese_page_with_a_case_study_customer() -> None:
    page = ("# 云ERP\n\n我们是行业领先的云ERP。\n\n这家行业领先的公司选择了我们，"
            "另一款工具可快速构建应用。\n")
    found = {(f.code, f.line) for r in lint(page, kind="markdown", path="index.md")
             for f in r.findings if f.match}
    assert {("LAW018", 3), ("ADL001", 3)} <= found
    assert not {f for f in found if f[1] == 5}  # the customer's 行业领先, the other tool's 快速


@pytest.mark.parametrize(("text", "phrase", "lang"), [
    ("They now rank #1 on Google for \"solar installer Prestwich\".", "#1", "en"),
    ("So the cheapest version is: you sort your own backups.", "the cheapest", "en"),
    ("We admit that the future of the Terraform Controller project is uncertain.",
     "the future of", "en"),
    ("作为首个落地的项目，客户先迁移了人事流程。", "首个", "zh"),
    ("我们从最受关注的开源项目出发，按 GitHub Stars 排序。", "最受", "zh"),
])
def test_checkable_rankings_own_lineups_and_chronology_are_not_boasts(
        text: str, phrase: str, lang: str) -> None:
    assert why(text, phrase, lang) is not None
