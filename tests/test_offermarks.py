"""Landing pages are recognised by what marks them (path, front matter, body); any other
page nothing else places is a general page (`page`), judged only by the rules that fit
every page of an organisation's site."""

from __future__ import annotations

import pytest

from tests.conftest import codes, lint
from vplint.pagekind import detect_kind

LANDING, PAGE = "landing", "page"


@pytest.mark.parametrize(("path", "kind"), [
    # the site's home, at the repository, content or language root
    ("index.md", LANDING),
    ("content/_index.md", LANDING),
    ("content/en/_index.md", LANDING),
    ("content/zh-cn/_index.md", LANDING),
    ("content/_index.en.md", LANDING),
    ("content/english/_index.md", LANDING),
    ("sites/acme/content/_index.md", LANDING),
    ("content/home.md", LANDING),
    # an index page below a section is not the home
    ("content/zh/hr/_index.md", PAGE),
    ("content/en/courses/101/_index.md", PAGE),
    # folders and files named for an offer, in English and Chinese
    ("content/products/rota.md", LANDING),
    ("content/pricing.md", LANDING),
    ("content/en/solutions/retail.md", LANDING),
    ("content/services/web-design/index.md", LANDING),
    ("content/dev/features/dashboards.md", LANDING),
    ("content/platform/_index.md", LANDING),
    ("content/english/product-category/fertigation-system.md", LANDING),
    ("content/for-insights-teams/self-service.md", LANDING),
    ("content/why-acme.md", LANDING),
    ("content/zh/产品/防弹衣.md", LANDING),
    ("content/zh/解决方案/制造业.md", LANDING),
    # copy written to be judged: a copy file, a tagline, in Markdown or plain text
    ("copy.md", LANDING),
    ("marketing/ad-copy/spring-sale.md", LANDING),
    ("drafts-of-ours/tagline.zh.md", LANDING),
    ("notes/tagline.txt", LANDING),
    # a plain-text file nothing marks is not taken for copy: a site keeps podcast
    # timestamps, transcripts and notes in text files
    ("notes/launch.txt", PAGE),
    ("timestamps/s05e09-business-acumen.txt", PAGE),
    # what no mark names: programmes, courses, events, missions, protocol pages
    ("content/mission-statement.md", PAGE),
    ("content/programs/summer-school.md", PAGE),
    ("content/en/learn/learning-path/_index.md", PAGE),
    ("content/zh/课程/圣经导论.md", PAGE),
    ("content/impact/consumer-protection.md", PAGE),
])
def test_landing_pages_by_path(path: str, kind: str) -> None:
    assert detect_kind(path, "markdown", {}, "") == kind


@pytest.mark.parametrize(("front", "kind"), [
    ({"layout": "landing"}, LANDING),
    ({"type": "product-detail"}, LANDING),
    ({"template": "pricing"}, LANDING),
    ({"cta": {"text": "Start now", "link": "/signup"}}, LANDING),
    ({"hero": {"title": "Rotas without the spreadsheet"}}, LANDING),
    ({"heroTitle": "Rotas without the spreadsheet"}, LANDING),
    ({"banner": {"title": "x", "button": {"label": "Try it", "link": "/try"}}}, LANDING),
    ({"pricing": [{"plan": "Team", "price": "49"}]}, LANDING),
    ({"title": "免费试用", "call_to_action": {"text": "立即购买"}}, LANDING),
    # a picture at the top, a title and a date are no offer
    ({"title": "Our mission", "hero_image": "/img/sea.jpg"}, PAGE),
    ({"title": "Summer school", "date": "2024-05-01", "layout": "page"}, PAGE),
    ({"cta": ""}, PAGE),
])
def test_landing_pages_by_front_matter(front: dict, kind: str) -> None:
    assert detect_kind("content/spring.md", "markdown", front, "") == kind


@pytest.mark.parametrize(("body", "kind"), [
    ("# Rotas\n\nShifts on every phone.\n\n[Start your free trial](/signup)\n", LANDING),
    ("# Rotas\n\n<a class=\"btn\" href=\"/go\">Book a demo</a>\n", LANDING),
    ("# Rotas\n\nSee it for yourself: [talk to sales](https://acme.com/contact-sales).\n",
     LANDING),
    ("# Rotas\n\nCompare the plans on [this page](/pricing/).\n", LANDING),
    ("# Rotas\n\nPlans start at $29/month for ten staff.\n", LANDING),
    ("# Rotas\n\nNo credit card required.\n", LANDING),
    ("# Rotas\n\nGet a free quote within a day.\n", LANDING),
    ("# 排班系统\n\n员工在手机上看排班。\n\n[免费试用](/trial)\n", LANDING),
    ("# 排班系统\n\n基础版每月 99 元，十人以内。\n", LANDING),
    ("# 排班系统\n\n标准版 ¥199 起。\n", LANDING),
    ("# 排班系统\n\n限时优惠，欢迎来电。\n", LANDING),
    # a mission, an event, a programme: no call to action, price or offer
    ("# Our mission\n\nWe believe science should be open. [Read our story](/story)\n", PAGE),
    ("# Summit 2025\n\nJoin us in Berlin in May. "
     "[Sign up for our newsletter](/newsletter)\n", PAGE),
    ("# Our funding\n\nIn 2023 we received a $2,000,000 grant from the foundation.\n", PAGE),
    ("# Install\n\n```sh\n$ 5 apples cost $3 each\n```\n", PAGE),
    ("# 我们的使命\n\n让每个人都能读到圣经。[了解更多](/about)\n", PAGE),
    ("# 年会\n\n五月在杭州举行，欢迎参加。\n", PAGE),
])
def test_landing_pages_by_body(body: str, kind: str) -> None:
    assert detect_kind("content/spring.md", "markdown", {}, body) == kind


MISSION = ("# Our mission\n\nWe are the best community for open science, and the most "
           "innovative one. We will soon have the answers our members need, and our team, "
           "our values and our history guide us.\n")
MISSION_ZH = ("# 我们的使命\n\n另一家机构是国内最大的基金会。\n\n"
              "我们是国内最大的开源社区，我们的团队很快就会给出答案。\n")


def test_structure_voice_praise_hype_and_time_rules_do_not_judge_a_general_page() -> None:
    assert codes(lint(MISSION, kind="markdown", path="content/mission-statement.md")) == []
    landing = set(codes(lint(MISSION, kind="markdown", path="content/services.md")))
    assert {"CLR004", "LAW018"} <= landing
    declared = set(codes(lint("---\npage_kind: landing\n---\n" + MISSION, kind="markdown",
                              path="content/mission-statement.md")))
    assert {"CLR004", "LAW018", "NED001", "TIM001"} <= declared


def test_the_advertising_law_judges_a_general_page_where_the_advertiser_speaks() -> None:
    found = [(f.code, f.line) for r in lint(MISSION_ZH, kind="markdown",
                                            path="content/zh/mission-statement.md")
             for f in r.findings]
    assert found == [("ADL001", 5)]  # "we are the biggest", not the other foundation


@pytest.mark.parametrize(("page", "path"), [
    ("# Our flights\n\nWe offer carbon neutral flights this summer.\n",
     "content/flights-2025.md"),
    ("# 我们的物流\n\n我们零碳配送，送到你家。\n", "content/zh/logistics-story.md"),
])
def test_red_flag_compliance_rules_judge_a_general_page(page: str, path: str) -> None:
    assert detect_kind(path, "markdown", {}, page) == PAGE
    assert codes(lint(page, kind="markdown", path=path)) == ["CMP013"]


def test_every_rule_that_judges_general_pages_is_one_that_fits_any_page(registry) -> None:
    judged = {r.code for r in registry.rules.values() if r.applies_to(PAGE, "en")}
    judged |= {r.code for r in registry.rules.values() if r.applies_to(PAGE, "zh-Hans")}
    assert judged == {"ADL001", "VP001", "VP004", "VP005", "VP100", "VP900"} | {
        f"CMP{n:03d}" for n in range(1, 14)}
    assert registry.rules["VP006"].applies_to(PAGE, "ja")


def test_the_general_page_kind_can_be_configured_and_declared() -> None:
    as_landing = codes(lint(MISSION, kind="markdown", path="content/mission-statement.md",
                            page_kinds={"content/mission*": "landing"}))
    assert "CLR004" in as_landing
    home = "---\npage_kind: page\n---\n" + MISSION
    assert codes(lint(home, kind="markdown", path="index.md")) == []
    assert codes(lint(MISSION, kind="markdown", path="index.md",
                      page_kinds={"index.md": "page"})) == []


def test_the_configuration_accepts_the_general_page_kind(tmp_path) -> None:
    from vplint.config import load_config

    config = tmp_path / ".vplint.yaml"
    config.write_text("page-kinds:\n  \"content/events/*\": page\n", encoding="utf-8")
    assert load_config(str(config)).page_kinds == {"content/events/*": "page"}


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Judged on: propositions, landing pages, articles, general pages"),
    ("zh", "评判的页面: 提案、落地页、文章、一般页面"),
])
def test_explain_says_which_kinds_of_page_a_rule_judges(registry, lang: str, line: str
                                                        ) -> None:
    from vplint.explain import rule_text

    assert line in rule_text(registry.rules["ADL001"], lang).splitlines()
    assert "general pages" not in rule_text(registry.rules["CLR004"], "en")


@pytest.mark.parametrize("body", [
    "{{<" * 400_000, "<a " * 400_000, "](" * 500_000, "$1 " * 400_000,
    "# " + " " * 1_000_000 + "x", "[Get started](/x " * 70_000,
])
def test_reading_the_body_stays_fast_on_adversarial_pages(body: str) -> None:
    import time

    from vplint.offermarks import offer_body

    started = time.process_time()
    offer_body(body)
    assert time.process_time() - started < 2.0  # about 0.2 s; quadratic would be minutes


@pytest.mark.parametrize(("front", "body"), [
    ("links:\n  - text: Book's page\n    link: https://example.com/book\n"
     "archive:\n  - name: Ann\n    text: '[Get started](https://example.com/signup) today'\n",
     "# Book of the week\n\nThis week the author answers our questions.\n"),
    ("resources:\n  - note: '[免费试用](https://example.com/trial)'\n",
     "# 本周好书\n\n作者本周回答读者的问题。\n"),
])
def test_links_kept_in_front_matter_do_not_make_a_landing_page(front: str, body: str) -> None:
    page = f"---\ntitle: Book\n{front}---\n\n{body}"
    plain = lint(page, kind="markdown", path="reading/2021-book.md")
    assert codes(plain) == [] and plain[0].page_kind == "page"
    with_cta = page + "\n[Get started](https://example.com/signup) · [免费试用](/trial)\n"
    marked = lint(with_cta, kind="markdown", path="reading/2021-book.md")[0]
    assert (marked.page_kind, marked.page_kind_from) == ("landing", "call to action")
