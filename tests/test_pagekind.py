"""Page kinds: which pages of a website each rule judges."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli_runner import run_cli
from tests.conftest import codes, lint
from vplint.pagekind import detect_kind, is_case_study, site_path

CHANGELOG = "### 🎉 New features\n\n- Add tooltips (#6346) by @dev\n\n### 🐛 Bug fixes\n\n" \
            "- Fix the default value (#9087) by @dev\n"


@pytest.mark.parametrize(("path", "file_kind", "front", "body", "kind"), [
    ("pizza.yaml", "yaml", {"name": "Pizza"}, "", "proposition"),
    ("landing.md", "markdown", {"outcome": "Hot pizza in 30 minutes"}, "", "proposition"),
    ("CHANGELOG.md", "markdown", {}, "", "release-notes"),
    ("content/articles/v1.6.0-alpha.30/index.cn.md", "markdown", {}, "", "release-notes"),
    ("content/articles/weekly-updates/index.md", "markdown", {}, CHANGELOG, "release-notes"),
    ("docs/install.md", "markdown", {}, "", "docs"),
    ("content/en/glossary/Network-Effect.md", "markdown", {}, "", "docs"),
    ("content/community/meeting_notes/2022-06-16/_index.md", "markdown", {}, "", "docs"),
    ("README.md", "markdown", {}, "", "docs"),
    ("src/privacy.md", "markdown", {}, "", "docs"),
    ("OPTIMIZATION-SUMMARY.md", "markdown", {}, "", "docs"),
    ("html/wp-content/themes/shop/SEO-CHECKLIST.md", "markdown", {}, "", "docs"),
    ("content/pages/agreement/index.cn.md", "markdown", {}, "", "docs"),
    ("content/contact.md", "markdown", {}, "", "docs"),
    ("content/blog/our-story.md", "markdown", {}, "", "article"),
    ("content/case-studies/acme.zh.md", "markdown", {}, "", "article"),
    ("content/news.md", "markdown", {"date": "2024-01-01", "tags": ["x"]}, "", "article"),
    ("content/about.md", "markdown", {}, "", "article"),
    # a testimonial page holds a customer's words, not the site's copy
    ("content/testimonial/jane-doe.md", "markdown", {}, "", "docs"),
    ("content/home/testimonials-7-tom.md", "markdown", {}, "", "docs"),
    ("content/industries/media/testimonial.md", "markdown", {}, "", "docs"),
    # the logos of a site's clients and its shared fragments are not pages of its own
    ("content/client-work/rapid-circle.md", "markdown", {}, "", "docs"),
    ("content/_shared/distributed-team/index.md", "markdown", {}, "", "docs"),
    ("content/pricing.md", "markdown", {"layout": "docs"}, "", "docs"),
    # transactional pages, READMEs by another name, static files, people's profiles
    ("content/thank-you/download.md", "markdown", {}, "", "docs"),
    ("content/report-success.md", "markdown", {}, "", "docs"),
    ("content/thank-you/meeting-confirmed.md", "markdown", {}, "", "docs"),
    ("apps/web/public/plugins-readme.md", "markdown", {}, "", "docs"),
    ("content/specialist/Jane Doe/index.md", "markdown", {}, "", "docs"),
    ("content/customer-success.md", "markdown", {}, "", "page"),
    ("content/en/glossary/Data-Warehouse.md", "markdown", {}, "", "docs"),
    ("content/zh/community/meeting_notes/2022-04-21/_index.md", "markdown", {}, "", "docs"),
    ("content/en/roadmap-2025/_index.md", "markdown", {}, "", "docs"),
    ("content/zh/proposals/159-ssu2.md", "markdown", {}, "", "docs"),
    ("content/en/docs/specs/ssu2.md", "markdown", {}, "", "docs"),
    ("rfcs/0001-streaming.md", "markdown", {}, "", "docs"),
    ("content/en/projects/sofa-bolt/sofa-bolt-roadmap/index.md", "markdown", {}, "", "docs"),
    ("content/zh/projects/sofa-boot/sofa-ark-readme/index.md", "markdown", {}, "", "docs"),
    ("content/en/a11y/our-commitment.md", "markdown", {}, "", "docs"),
    # the company talking about itself: its /now page, causes it supports, partners
    ("content/now/_index.md", "markdown", {}, "", "article"),
    ("content/supports/for-the-planet.md", "markdown", {}, "", "article"),
    ("content/our-partners.md", "markdown", {}, "", "article"),
    ("content/pricing.md", "markdown", {}, "", "landing"),
    # a blog filed by month, and pages whose published address says blog
    ("en/202304/emqx-vs-nanomq-comparison.md", "markdown", {}, "", "article"),
    ("content/2023/04/launch.md", "markdown", {}, "", "article"),
    ("blog-news/2023-1-6-mqtt101-quality-of-service.md", "markdown", {}, "", "article"),
    ("content/darknavy_insight/new-apps/index.md", "markdown", {}, "", "article"),
    ("content/for-insights-teams/self-service.md", "markdown", {}, "", "landing"),
    ("src/2024-05-01-launch-offer.md", "markdown", {}, "", "article"),
    ("content/en/services/case/scilifelab.md", "markdown", {}, "", "article"),
    ("en/sms-verification-paypal.md", "markdown", {"permalink": "/en/blog/paypal"},
     "[Get a number](https://sms.example/signup)", "article"),
    ("content/setup.md", "markdown", {"url": "/docs/setup/"}, "", "docs"),
    ("content/_index.md", "markdown", {"page_kind": "article"}, "", "article"),
    # a review of tools has "Features" headings but no list of changes
    ("content/articles/airtable-alternatives/index.md", "markdown", {},
     "## Features\n\nText.\n\n## Improvements\n\nText.\n", "article"),
])
def test_detect_kind(path: str, file_kind: str, front: dict, body: str, kind: str) -> None:
    assert detect_kind(path, file_kind, front, body) == kind


@pytest.mark.parametrize(("path", "case"), [
    ("user-case-beijing-bank.md", True),
    ("content/case-studies/acme.zh.md", True),
    ("blog/customer-stories/acme.md", True),
    ("blog/flame-graph.md", False),
    ("content/showcase-of-us.md", False),
])
def test_case_study_paths(path: str, case: bool) -> None:
    assert is_case_study(path) is case


def test_a_case_studys_we_is_the_customer() -> None:
    story = ("---\ntitle: 北京银行\ndate: 2019-01-01\nauthor: x\n---\n\n"
             "2018 年，我们投产了行业内首个分布式数据库。\n")
    assert "ADL001" not in codes(lint(story, kind="markdown", path="user-case-bank.md"))
    assert "ADL001" in codes(lint(story.replace("我们投产了", "我们提供"), kind="markdown",
                                   path="news.md"))


def test_configured_globs_win_over_everything() -> None:
    assert detect_kind("docs/launch.md", "markdown", {"page_kind": "docs"}, "",
                       {"docs/launch*": "landing"}) == "landing"


LANDING = ("# Rotas without the spreadsheet\n\n"
           "Staff get their shifts fast, straight to their phone.\n")


def test_structure_and_copy_rules_judge_landing_pages_not_docs_or_release_notes() -> None:
    declared = "---\npage_kind: landing\n---\n" + LANDING
    assert {"TIM001", "NED001", "TIM002"} <= set(codes(lint(declared, kind="markdown",
                                                            path="rotas.md")))
    assert {"TIM001", "NED001", "TIM002"} <= set(codes(lint(LANDING, kind="markdown",
                                                            path="copy.md")))
    for path in ("docs/rotas.md", "CHANGELOG.md", "releases/v2.1.0.md"):
        assert codes(lint(LANDING, kind="markdown", path=path)) == [], path


@pytest.mark.parametrize("path", ["index.md", "content/products/rotas.md", "pricing.md"])
def test_a_landing_page_found_by_its_marks_is_not_judged_for_what_it_lacks(path: str) -> None:
    """A page vplint only infers is a landing page may be seen in part (its theme adds
    sections this file does not hold): its words are judged, not its missing parts."""
    found = set(codes(lint(LANDING, kind="markdown", path=path)))
    assert "TIM002" in found
    assert not found & {"TIM001", "NED001", "OUT001", "PRF001", "AUD001", "OFR001", "DIF001",
                        "OBJ001"}
    stub = "---\ntitle: Home\nlayout: home\n---\n"
    assert codes(lint(stub, kind="markdown", path=path)) == []


def test_articles_get_claims_rules_only_when_the_advertiser_speaks() -> None:
    page = ("# Five rota tools compared\n\nShiftly is the best rota app for cafes.\n\n"
            "We are the best rota app for cafes.\n")
    found = lint(page, kind="markdown", path="blog/rota-tools.md")
    assert [(f.code, f.line) for r in found for f in r.findings] == [("LAW018", 5)]


def test_front_matter_metadata_is_not_judged_as_a_proposition() -> None:
    page = "---\nslug: rotas\nauthor_url: https://x.com/a\n---\n" + LANDING
    assert "VP002" not in codes(lint(page, kind="markdown", path="index.md"))


def test_page_kinds_configuration_applies() -> None:
    found = codes(lint(LANDING, kind="markdown", path="docs/rotas.md",
                       page_kinds={"docs/rotas.md": "landing"}))
    assert "TIM001" in found


@pytest.mark.parametrize("page", [
    "# 在庫管理をもっと簡単に\n\n最高の在庫管理。スプレッドシートはもう要りません。\n",
    "# Die beste Lagerverwaltung\n\nIhr Team sieht den Bestand auf einen Blick, und die "
    "Bestellung ist mit einem Klick erledigt.\n",
])
def test_a_page_in_an_unsupported_language_gets_one_note_and_nothing_else(page: str) -> None:
    results = lint(page, kind="markdown", path="index.md")
    assert codes(results) == ["VP006"]
    assert results[0].findings[0].severity.value == "info"


def _rule(**extra: object) -> dict:
    return {"code": "ZZZ001", "name": "x", "severity": "info", "message": "m",
            "extends": "existence", **extra}


@pytest.mark.parametrize(("extra", "message"), [
    ({"kinds": ["landing", "blogpost"]}, "unknown kind 'blogpost' in 'kinds'"),
    ({"kinds": []}, "'kinds' must be a non-empty list"),
    ({"languages": ["en", "fr"]}, "unknown language 'fr' in 'languages'"),
    ({"landing_scope": "hero"}, "unknown value 'hero' in 'landing_scope'"),
])
def test_rule_files_declare_known_kinds_and_languages(extra: dict, message: str) -> None:
    from vplint.errors import RuleError
    from vplint.rules import parse_rule

    with pytest.raises(RuleError, match=re.escape(message)):
        parse_rule(_rule(**extra), "rules/zzz/ZZZ001.yaml")


def test_every_builtin_rule_declares_its_kinds(registry) -> None:
    import yaml

    from vplint.rules import builtin_rules_dir

    for path in builtin_rules_dir().rglob("*.yaml"):
        if "lexicons" in path.parts:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("kinds"), f"{path.name} declares no kinds"
    assert registry.rules["TIM001"].kinds == ("proposition", "landing")
    assert registry.rules["VP002"].kinds == ("proposition",)
    assert registry.rules["ADL001"].applies_to("article", "zh-Hans")
    assert not registry.rules["ADL001"].applies_to("article", "zh-Hant")  # not PRC law there
    assert not registry.rules["ADL001"].applies_to("article", "en")
    assert registry.rules["OUT003"].kinds == ("proposition",)


def test_front_matter_copy_is_judged_and_its_metadata_is_not() -> None:
    page = ("---\ntitle: 首页\nhero:\n  text: 专业的数字化解决方案提供商\n"
            "  image:\n    src: /a.svg\n"
            "features:\n  - title: 客户至上\n    details: 7x24小时客户支持，快速响应需求\n"
            "    link: /fast-support/\n---\n\n## 公司简介\n\n我们专注于数字化。\n")
    found = [(f.code, f.field) for r in lint(page, kind="markdown", path="index.md")
             for f in r.findings if f.match]
    assert found == [("TIM002", "copy.front.features[0].details")]


@pytest.mark.parametrize("page", [
    ("---\ntitle: Book of the week\narchive:\n- name: Ann\n  text: Will this get me a job"
     " fast? The best book I have read.\n  replies:\n  - name: Author\n    text: Quickly, yes."
     " It is the leading guide.\n---\n\nQuestions and answers with the author.\n"),
    ("---\ntitle: 本周好书\ncomments:\n- author: 小王\n  text: 这是最好的入门书，很快就能上手\n"
     "  replies:\n  - author: 作者\n    text: 谢谢，我们是业内领先的出版社\n"
     "---\n\n与作者的问答。\n"),
])
def test_conversations_in_front_matter_are_not_the_pages_copy(page: str) -> None:
    found = [(f.code, f.field) for r in lint(page, kind="markdown", path="index.md")
             for f in r.findings if f.match]
    assert not [field for _, field in found if "archive" in field or "comments" in field]
    assert not found


@pytest.mark.parametrize(("path", "kind", "why"), [
    ("pricing.md", "landing", "path"),
    ("blog/2024-launch.md", "article", "folder"),
    ("CHANGELOG.md", "release-notes", "name"),
    ("notes/meeting-recap.md", "page", "no offer marks"),
])
def test_the_json_report_says_how_each_page_was_judged(tmp_path, path, kind, why) -> None:
    page = tmp_path / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# Hello\n\nWe help bakers sell bread.\n", encoding="utf-8")
    _, out, _ = run_cli("check", path, "--format", "json", "--no-cache", cwd=tmp_path)
    entry = json.loads(out)["files"][0]
    assert (entry["page_kind"], entry["page_kind_from"]) == (kind, why)


@pytest.mark.parametrize(("path", "kind"), [
    # Jekyll collections are folders with a leading underscore
    ("_podcast/scaling-data-teams.md", "article"),
    ("_books/20210628-data-science-on-aws.md", "article"),
    ("_services/design-ux.md", "landing"),
    # a conference's talk abstracts are the speakers' words
    ("src/_content/schedule/talks/what-could-the-dsf-do.md", "article"),
    # a Docusaurus site keeps its translated docs and blog in plugin folders
    ("i18n/en/docusaurus-plugin-content-docs/current/storage/emmc.md", "docs"),
    ("i18n/zh/docusaurus-plugin-content-blog/2024-launch.md", "article"),
    # policies and roadmaps are not offers, whatever words their names hold
    ("content/pages/policies/open-source-policy.md", "docs"),
    ("content/data-retention-policy.md", "docs"),
    ("content/en/upcoming-features.md", "docs"),
    # a help centre and a resource hub teach; a guide is an article
    ("content/help/features-b2b-trade-store.md", "docs"),
    ("content/b2b-trade-store/questions/how-do-i-log-in.md", "docs"),
    ("content/resources/itil-processes/service-request-management/_index.md", "article"),
    ("content/zh-cn/aoscc/2024-guide.md", "article"),
    # governance documents, and appeals for donations
    ("content/bylaws.md", "docs"),
    ("content/wg/tcwg/charter.md", "docs"),
    ("content/code-of-conduct/participants.md", "docs"),
    ("content/services/hosting/policy.md", "docs"),
    ("content/donate/_index.md", "article"),
    # sample job descriptions a hospitality SaaS publishes for its readers
    ("content/blog/food-beverage-manager-job-description.md", "docs"),
    ("content/blog/bar-supervisor-duties.md", "docs"),
    ("content/services/customs-duties.md", "landing"),
])


def test_site_generator_folders_and_names(path: str, kind: str) -> None:
    assert detect_kind(path, "markdown", {}, "") == kind


@pytest.mark.parametrize("where", ["repository", "outside"])
def test_folders_above_the_site_say_nothing_about_a_page(tmp_path, monkeypatch, where) -> None:
    site = tmp_path / "tmp" / "docs" / "acme-site"
    page = site / "content" / "pricing.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Plans\n\nInvoices paid fast.\n", encoding="utf-8")
    if where == "repository":
        (site / ".git").mkdir()
        expected = "content/pricing.md"
    else:
        expected = "pricing.md"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert site_path(str(page)) == expected
    assert detect_kind(site_path(str(page)), "markdown", {}, "") == "landing"
    assert detect_kind(str(page), "markdown", {}, "") == "docs"  # what the old reading gave


_CTA = "\n[Apply](https://jobs.example.com/apply){.button} · [Book a demo](/demo)\n"


@pytest.mark.parametrize(("body", "kind"), [
    ("## The position\n\nWe are looking to hire a **front-end developer** to join our core "
     "team.\n\n## About you\n\nYou care about accessible design." + _CTA, "docs"),
    ("## 职位描述\n\n我们正在招聘一名前端工程师。\n\n## 任职要求\n\n三年以上经验。\n\n"
     "[立即申请](/apply)\n", "docs"),
    # an HR product's page speaks of duties and candidates, and hires no one
    ("## Features\n\nTrack each employee's responsibilities and qualifications in one place."
     + _CTA, "landing"),
])
def test_a_job_advertisement_is_not_an_offer(body: str, kind: str) -> None:
    assert detect_kind("content/frontend-developer.md", "markdown", {}, body) == kind


_CODE = "```sh\ncurl -fsSL https://example.com/install.sh | sh\n```\n"


@pytest.mark.parametrize(("path", "body", "kind"), [
    # instructions with a download button are still instructions
    ("content/self-host/install/_index.md",
     "Use the script to deploy quickly.\n\n" + _CODE + "\n" + _CODE + "\n" + _CODE
     + "\n[Download now](/download)\n", "docs"),
    ("content/self-host/install/_index.md",
     "## 前提条件\n\n一台 Linux 主机。\n\n## 安装\n\n运行脚本即可快速部署。\n\n"
     "[立即下载](/download)\n",
     "docs"),
    # a landing page may show one snippet next to its call to action
    ("content/cli.md",
     "# Ship from your terminal\n\n" + _CODE + "\n[Start your free trial](/signup)\n",
     "landing"),
    # a folder named for an offer is an offer page, snippets or not
    ("content/products/cli.md", _CODE + _CODE + _CODE, "landing"),
])
def test_instructions_are_not_landing_pages(path: str, body: str, kind: str) -> None:
    assert detect_kind(path, "markdown", {}, body) == kind
