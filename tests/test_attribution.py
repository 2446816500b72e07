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
    # Classes of false alarm read on real pages (issue 13), paraphrased:
    ("This is the best gateway we've tested so far.", "the best", "en", "general-fact"),
    ("It is probably the most ambitious site I have built.", "the most ambitious", "en",
     "general-fact"),
    ("Our surveyors pick the most suitable antenna for the site.", "the most suitable", "en",
     "reader-choice"),
    ("We scan twice to get the best possible data.", "the best", "en", "reader-choice"),
    ("Each month we help one startup with the most important fixes.", "the most important",
     "en", "general-fact"),
    ("We prefer honest talk and strive for excellence.", "excellence", "en", "reader-choice"),
    ("My aim is simply to make the best platform for its users.", "the best", "en",
     "reader-choice"),
    ("我们致力于成为最好的财务软件。", "最好", "zh", "reader-choice"),
    ("Topics: security, operational excellence, cost.", "excellence", "en", "technical-term"),
    ("Acme makes relations a first-class capability.", "first-class", "en", "technical-term"),
    ("We keep learning to stay on the cutting edge of cloud.", "cutting edge", "en",
     "general-fact"),
    ("We compared a number of the most popular gateways.", "the most popular", "en",
     "third-party"),
    ("In version 6, https will be the default setting.", "will be the default", "en",
     "technical-term"),
    ("I can't predict whether AI will reshape the world.", "will reshape", "en", "question"),
    ("我们团队中没有来自世界顶尖大学的明星。", "顶尖", "zh", "negated"),
    ("让团队印象最深刻的是数据建模能力。", "最深", "zh", "general-fact"),
    ("这是让我们最开心的事情。", "最开", "zh", "general-fact"),
    ("需要高度定制，最好有技术团队支持。", "最好", "zh", "reader-choice"),
    ("数据不能出境：Acme（100% 自托管）", "100%", "zh", "technical-term"),
    ("為每個儲位設定唯一編碼。", "唯一", "zh", "technical-term"),
    ("The Vditor editor is the most powerful text editor in Acme.", "the most powerful", "en",
     "general-fact"),
    ("Vditor 是 Acme 里功能最强大的文本编辑器。", "最强", "zh", "general-fact"),
    ("We delivered for SFCC, a leading firm in petrochemicals, in 2024.", "a leading", "en",
     "third-party"),
    ("付费用户中有全球领先、耳熟能详的汽车品牌、手机品牌。", "全球领先", "zh", "third-party"),
    ("Crossplane by Upbound was the most popular option, so we chose it.", "the most popular", "en",
     "third-party"),
    ("Compare \"we are sure we are the best\" with the contracted form.", "the best", "en",
     "quoted"),
    ("If you rarely update it, this is often the smartest move you can make.", "the smartest",
     "en", "reader-choice"),
    ("We will help you in creating the best roadmap for the migration.", "the best", "en",
     "reader-choice"),
    ("Acme boots your app on the cheapest spot instance AWS has.", "the cheapest", "en",
     "third-party"),
    ("The broker picks the cheapest match across your regions.", "the cheapest", "en",
     "general-fact"),
    ("Feel stronger, fitter, the best you've ever felt.", "the best", "en", "general-fact"),
    ("How we helped Dec's Pets win the best Irish e-commerce website award.", "the best", "en",
     "general-fact"),
    ("Acme 荣获年度最佳开发工具奖。", "最佳", "zh", "general-fact"),
    ("The first class is upper body, the second a HIIT workout.", "first class", "en",
     "sequence"),
    ("Measure from the leading edge to the trailing edge.", "leading edge", "en",
     "technical-term"),
    ("A med-tech company achieved 10x throughput by adding instances.", "10x", "en",
     "general-fact"),
    ("Version conflicts can disrupt your app's performance.", "disrupt", "en", "general-fact"),
    ("Writing Go, mentoring the next generation and building communities.",
     "next generation", "en", "general-fact"),
    ("After you register, you will become the administrator of the account.",
     "will become the", "en", "reader-choice"),
    ("欢迎反馈，你的意见或将成为影响产品未来的关键。", "将成为", "zh", "reader-choice"),
    ("See how Acme powers your next-generation robotics initiatives.", "next-generation",
     "en", "not-about-advertiser"),
    ("我们构建支撑下一代智能应用的平台。", "下一代", "zh", "not-about-advertiser"),
    ("We are growing Acme U into a premier training program.", "premier", "en",
     "reader-choice"),
    ("对于新的站点，我们会尽力将其做到最好。", "最好", "zh", "reader-choice"),
    ("从2017年起，我们与某顶级运营商合作研发平台。", "顶级", "zh", "third-party"),
    ("So we can book the best deal for your corporate travel.", "the best", "en",
     "reader-choice"),
    ("The leading theme of this series is sovereignty.", "The leading", "en", "general-fact"),
    ("Reliability is our number one goal.", "number one", "en", "general-fact"),
    ("Our compute is based on the market-leading cloud platform OpenStack.",
     "market-leading", "en", "third-party"),
    ("We chose NATS for its superior messaging capabilities.", "superior", "en",
     "third-party"),
    ("我们的云主机基于业界领先的开源云平台 OpenStack 构建。", "领先", "zh", "third-party"),
    ("企业采购时最看重的是数据安全。", "最看", "zh", "general-fact"),
    ("Bytebase makes environments first-class models.", "first-class", "en", "technical-term"),
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
    ("Acme is the best gateway on the market.", "the best", "en"),
    ("We provide the best service in town.", "the best", "en"),
    ("我们致力于通过领先的技术服务客户。", "领先的", "zh"),
    ("Acme 是全球领先的开源公司。", "全球领先", "zh"),
    ("In 2024, Acme, the most extensible platform, grew.", "the most extensible", "en"),
    ("Acme is the most powerful editor in the market.", "the most powerful", "en"),
    ("我们是业内最好的。", "最好", "zh"),
    ("Acme is a game-changer for background tasks.", "game-changer", "en"),
    ("We're committed to providing the most reliable job scheduler for Java.",
     "the most reliable", "en"),
    ("Contact us today for cutting-edge software development services.", "cutting-edge", "en"),
    ("确保每位使用者都能获得最佳贴合度。", "最佳", "zh"),
    ("Acme will disrupt the scheduling market.", "disrupt", "en"),
    ("Our team is a leading US provider of VoIP.", "a leading", "en"),
    ('+++\ntitle = "Acme turbine"\ndescription = "Acme is the best turbine."\n+++', "the best",
     "en"),
    ("Acme is the next generation of job scheduling.", "next generation", "en"),
    ("We build the best tools for teams.", "the best", "en"),
    ("Acme will become the #1 data platform.", "will become the", "en"),
    ("Acme is the next-generation CRM for your sales team.", "next-generation", "en"),
    ("我们将成为中国最大的数据平台。", "将成为", "zh"),
    ("我们是顶级运营商的首选供应商。", "顶级", "zh"),
    ("喝一个月瘦10斤。", "瘦10斤", "zh"),  # a count of months, not a group of others
    ("Our service is based on the market-leading Acme platform.", "market-leading", "en"),
    ("Acme wins for its superior messaging.", "superior", "en"),
    ("Built on cutting-edge Serverless MQTT technology, Acme scales.", "cutting-edge", "en"),
])
def test_the_advertisers_own_claims_stay(text: str, phrase: str, lang: str) -> None:
    assert why(text, phrase, lang) is None


def test_a_page_in_a_customers_voice() -> None:
    from vplint.text.attribution import about_advertiser, customer_voiced

    story = "Acme has empowered us to streamline our work. We are changing the world."
    assert customer_voiced(story, ["Acme"])
    assert customer_voiced("我们最终选择了 Acme。", ["Acme"])
    assert not customer_voiced("We built Acme for cafes.", ["Acme"])
    at = story.index("changing")
    assert about_advertiser(story, at, ["Acme"])
    assert not about_advertiser(story, at, ["Acme"], we_is_advertiser=False)


@pytest.mark.parametrize("text, phrase", [
    # "we" as the subject that is, offers, makes or launches: the advertiser's claim
    ("We are the leading parcel service in Leeds.", "the leading"),
    ("We launched a game-changing feature: cloud builds.", "game-changing"),
    ("Using Acme as the engine, we can provide the best database.", "the best"),
    ("Our most powerful release yet.", "most powerful"),
    ("我们提供最好的面料。", "最好"),
    ("我们也已经成为社区最大的贡献者之一。", "最大"),
    ("我们经验丰富的专家将随时为您提供最好的服务。", "最好"),
    ("我们的顶级团队随时待命。", "顶级"),
    ("我们将成为中国最大的排班平台。", "将成为"),
    ("We will become the #1 rota app.", "will become"),
    # "this module/system" (本模块, 本系统) names the advertiser's own offer, also when the
    # clause that praises it drops the subject
    ("本模块涵盖平台上的全部会计应用，是目前最全面的会计解决方案。", "最全面"),
    ("本系統支援所有門市，是業界最完整的方案。", "最完整"),
    ("This module covers every ledger app, and our team is the most experienced.",
     "the most"),
])
def test_we_speaking_about_the_offer_is_the_advertisers_claim(text: str, phrase: str) -> None:
    from vplint.text.attribution import about_advertiser

    assert about_advertiser(text, text.index(phrase))


@pytest.mark.parametrize("text, phrase", [
    # "we" caring, using, believing or meeting something narrates; it does not sell
    ("The frameworks we use the most are Flask and Rails.", "the most"),
    ("We believe the best weapon against the unknown is a community.", "the best"),
    ("Go 是我们团队最擅长的一门语言。", "最擅长"),
    ("性能方面，我们最关注四点。", "最关注"),
    ("这是我们在 TiKV 上用的最多的工具。", "最多"),
    ("我们相信战胜未知最好的武器就是社区。", "最好"),
    ("我们遇到最大的拦路虎是权限系统。", "最大"),
    ("假设我们选择维护 Spark 代码，那我们势必要跟主干分叉。", "势必"),
    ("If we forked the code, we will become the maintainers.", "will become"),
    ("本文介绍了最常见的三种部署方式。", "最常见"),  # "this article" is not an offer
])
def test_we_narrating_is_not_a_claim_about_the_offer(text: str, phrase: str) -> None:
    from vplint.text.attribution import about_advertiser

    assert not about_advertiser(text, text.index(phrase))


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


def test_the_advertiser_is_the_site_its_blog_and_forms_link_to() -> None:
    # No image, but three links to its own blog and sign-up forms: the page is that site's.
    page = ("EMQ is a leading provider. EMQX scales. Mosquitto is small.\n"
            "[a](https://www.emqx.com/en/blog/a) [b](https://www.emqx.com/en/blog/b) "
            "[Try it](https://www.emqx.com/en/try?product=cloud)\n")
    assert infer_own_names(page, by_count=False) == ["EMQX", "EMQ"]
    # A review links the tools it reviews, not their blogs and forms.
    review = ("EMQX and Mosquitto compared. [EMQX](https://www.emqx.com/) is fast.\n"
              "![chart](https://reviewsite.com/chart.png)\n")
    assert infer_own_names(review, by_count=False) == []


def test_the_advertisers_products_are_the_ones_it_links_on_its_own_site() -> None:
    page = ("[NeuronEX](https://www.emqx.com/en/products/neuronex) stands out.\n"
            "[EMQX Enterprise](https://www.emqx.com/en/products/emqx) and "
            "[Kepware](https://www.ptc.com/en/products/kepware).\n"
            "![x](https://assets.emqx.com/images/a.png)\n")
    assert infer_own_names(page, by_count=False) == ["EMQX", "EMQX Enterprise", "NeuronEX"]


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


def _claims(page: str, path: str = "index.md") -> set[tuple[str, int]]:
    return {(f.code, f.line) for r in lint(page, kind="markdown", path=path)
            for f in r.findings if f.match}


def test_testimonials_are_customers_words_not_self_praise() -> None:
    page = ("---\ntitle: Acme courses\ntestimonials:\n  - name: Jo Bloggs\n"
            "    quote: Probably the best resource I found on testing.\n---\n"
            "# Acme courses\n\nAcme is the best course on testing.\n\n"
            "## What our customers say\n\nIt was unparalleled, and the best money we spent.\n\n"
            "## 客户评价\n\n这是最好的课程。\n")
    found = _claims(page)
    assert ("LAW018", 9) in found  # the page's own claim stays
    assert not {f for f in found if f[1] != 9 and f[0] in ("LAW018", "ADL001")}


def test_a_customer_voiced_case_study_paragraph_with_we_is_testimony() -> None:
    page = ("---\ntitle: How Globex built its CRM\nlayout: post\nauthor: Globex\n---\n"
            "# How Globex built its CRM\n\nAcme has helped us streamline our operations.\n\n"
            "For us, Acme has been a game-changer, helping us dream bigger.\n\n"
            "Acme is a game-changer for every operations team.\n\n"
            "![Acme board](https://static.acme.com/board.png)\n")
    found = _claims(page, "blog/globex.md")
    assert ("LAW020", 10) not in found  # "for us": the customer speaks
    assert ("LAW020", 12) in found  # no "we": the advertiser's own sentence


@pytest.mark.parametrize(("line", "kept"), [
    ("The internet will become a calmer place.", False),
    ("互联网将成为更平静的地方。", False),
    ("Acme will become the #1 rota app.", True),
    ("我们将成为中国最大的排班平台。", True),
])
def test_forecasts_on_a_page_are_judged_only_where_the_advertiser_speaks(
        line: str, kept: bool) -> None:
    page = f"# Acme rotas\n\nRotas for cafes.\n\n{line}\n"
    assert (("LAW017", 5) in _claims(page)) is kept
