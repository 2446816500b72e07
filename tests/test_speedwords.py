"""Speed words that are not a promise of time to a result (vplint.text.speedwords),
and quoted words (vplint.text.quotation): cases paraphrased from real website pages."""

from __future__ import annotations

import pytest

from vplint.text.quotation import inside_quotation
from vplint.text.speedwords import (
    AT_A_GLANCE,
    BREVITY,
    NAME,
    NEED,
    REQUEST,
    TREND,
    not_a_speed_promise,
    quantifies_speed,
)


def _why(sentence: str, word: str) -> str | None:
    at = sentence.index(word)
    return not_a_speed_promise(sentence, at, at + len(word))


@pytest.mark.parametrize(("sentence", "word", "reason"), [
    # reading a screen: the verb before or after the speed word is one of looking
    ("The board helps recruiters quickly decide the next action.", "quickly", AT_A_GLANCE),
    ("Helping teams understand the talent pool and follow-up order more quickly.",
     "quickly", AT_A_GLANCE),
    ("Any scenario where assets need to be looked up quickly via barcodes.", "quickly",
     AT_A_GLANCE),
    ("管理者可以快速看到员工编号、姓名和职位。", "快速", AT_A_GLANCE),
    ("帮助团队快速判断当前缺陷风险。", "快速", AT_A_GLANCE),
    ("團隊可以快速篩選資產。", "快速", AT_A_GLANCE),
    # brevity
    ("It is a quick email or call, and everyone moves on.", "quick", BREVITY),
    ("A built-in web UI, great for quick demos.", "quick", BREVITY),
    ("If the question's quick, I'll just tell you.", "quick", BREVITY),
    ("Almost there - one quick step left.", "quick", BREVITY),
    # the reader's need or a condition
    ("A blueprint for startups that need to scale fast.", "fast", NEED),
    ("If you want it fast, call us.", "fast", NEED),
    ("适合需要快速响应市场的团队。", "快速", NEED),
    ("如果你想快速上线，可以先用模板。", "快速", NEED),
    # how fast the world around changes
    ("在数字化快速发展的今天，保护账户安全很重要。", "快速", TREND),
    ("经济迅速增长，企业需要新的工具。", "迅速", TREND),
    ("Compete in a rapidly evolving market.", "rapidly", TREND),
    # a name its acronym follows
    ("Records move over Fast Healthcare Interoperability Resources (FHIR).", "Fast", NAME),
    ("We teach Rapid Application Development (RAD) in two days.", "Rapid", NAME),
    # a request of the reader
    ("Seats are limited, so please register soon.", "soon", REQUEST),
    ("We recommend that you update quickly once a patch is out.", "quickly", REQUEST),
    ("名额有限，请尽早报名。", "尽早", REQUEST),
    ("建议尽快升级到最新版本。", "尽快", REQUEST),
])
def test_words_that_are_not_a_promise(sentence: str, word: str, reason: str) -> None:
    assert _why(sentence, word) == reason


@pytest.mark.parametrize(("sentence", "word"), [
    ("Use Acme to quickly build an asset tracker.", "quickly"),
    ("Websites that load quickly and cost little to host.", "quickly"),
    ("We deliver fast.", "fast"),
    ("Capgo helps you recover quickly from failures.", "quickly"),
    ("Ship features quickly, stay up under load.", "quickly"),
    ("Quick turnaround on every order.", "Quick"),
    ("用 Acme 快速搭建一个资产管理系统。", "快速"),
    ("7x24小时客户支持，快速响应需求。", "快速"),
    ("理想的快速交付方式。", "快速"),
    ("Please enjoy fast delivery on every order.", "fast"),
    ("请享受快速配送。", "快速"),
    ("我们承诺尽快送达。", "尽快"),
    ("我们快速发展新功能，帮您快速上线。", "快速"),
    ("Acme grows your list rapidly.", "rapidly"),
])
def test_promises_stay_promises(sentence: str, word: str) -> None:
    assert _why(sentence, word) is None


@pytest.mark.parametrize("page", [
    "meta_description: Fast websites that load in under a second, hosted from £10/month",
    "benefits:\n  - Dramatically reduced build times, often by 50-80%\n",
    "Teams achieve 70%+ speed improvements.",
    "Deploy in 5 minutes.",
    "上线时间缩短了60%。",
    "2小时内上线。",
    "Built with millisecond page generation.",
    "UPS-level 10ms switchover for critical loads.",
    "切换时间小于10ms。",
    "Response time under 200 ms.",
])
def test_a_page_that_puts_a_number_on_its_speed(page: str) -> None:
    assert quantifies_speed("# Title\n\nFast service.\n\n" + page)


@pytest.mark.parametrize("page", [
    "Cancel within 30 days for a full refund.",
    "Free 60-minute lunch & learn.",
    "We reduced their deployment issues by 85%.",
    "Works with the 2.10 ms-teams plugin and 2020 MS Office.",
    "An unfinished ticket with less than two hours to its deadline turns red.",
    "Get 50% off for a limited time.",
    "7天内无理由退款。",
    "2 hours: base setup",
    "The end result was 10 times better than I could have imagined.",
])
def test_numbers_that_do_not_bound_speed(page: str) -> None:
    assert not quantifies_speed("# Title\n\nFast service.\n\n" + page)


def test_quotation_marks_and_block_quotes() -> None:
    text = 'We build sites.\n\n"I worked with Fernando on our data centre," says Jane.\n'
    assert inside_quotation(text, text.index("our data"))
    assert not inside_quotation(text, text.index("We build"))
    assert inside_quotation("> our team loved it", 2)
    zh = "我们做网站。\n\n“我们的机房迁移很顺利。”——张伟"
    assert inside_quotation(zh, zh.index("我们的机房"))
    assert not inside_quotation(zh, 0)
