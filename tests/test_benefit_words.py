"""What the words show (vplint/text/benefit.py, docs/scoring.md): the product's features
count against the copy, an imperative that promises nothing does not make copy say
something, an English "I" without "we" is the customer's voice, and a figure is specific
even where the copy says nothing. Every signal has should-fail and should-pass examples in
English and Chinese."""

from __future__ import annotations

import pytest

from tests.copy_helpers import copy_score as _score
from tests.copy_helpers import copy_words as _words
from vplint.scoring import NOTHING_CAP
from vplint.text.benefit import CopyEvidence


# ---- the product's features: the drill, not the hole ----------------------------------
@pytest.mark.parametrize("lang,line", [
    ("en", "Our agency has a team of 40 certified engineers"),
    ("en", "24/7 customer support and 512GB SSD storage"),
    ("en", "Crafted with premium technology"),
    ("en", "Convenient, user-friendly dashboard"),
    ("zh", "采用德国进口材料，经过12道工序"),
    ("zh", "智能温控技术领先"),
    ("zh", "添加独家专利配方"),
    ("zh", "电机功率大，续航强"),
])
def test_features_are_counted(lang: str, line: str) -> None:
    assert _words(lang, line).features >= 1


@pytest.mark.parametrize("lang,line", [
    ("en", "Your tickets answered in 5 minutes, day or night"),
    ("en", "Made for the school run: packs flat in 3 seconds"),
    ("en", "Wake up to a warm kitchen"),
    ("zh", "孩子加入游戏就不想停下来"),
    ("zh", "下班路上手机点一点，到家就有热饭"),
    ("zh", "用了三年，依然像新的一样"),
])
def test_results_and_moments_are_not_features(lang: str, line: str) -> None:
    assert _words(lang, line).features == 0


@pytest.mark.parametrize("lang,feature,plain", [
    ("en", "Expert copywriters and 24/7 customer support", "Copy for small shops"),
    ("zh", "采用进口材料，经过12道工序", "给家里的一双鞋"),
])
def test_a_list_of_features_scores_below_plain_words(lang: str, feature: str,
                                                     plain: str) -> None:
    assert _score(lang, feature) < _score(lang, plain) <= NOTHING_CAP


# ---- imperatives that address the reader without promising a result --------------------
def test_an_imperative_that_promises_nothing_still_says_nothing() -> None:
    told = _words("en", "Take a chance. Fly with us today.")
    assert told.addressed >= 2 and told.customer == 0
    assert _words("en", "Take a chance on the weekend").says_nothing
    result = _words("en", "Save two hours every Friday")
    assert result.customer >= 1 and not result.says_nothing


def test_a_chinese_imperative_keeps_counting_as_the_customer() -> None:
    assert not _words("zh", "怕上火，就喝凉茶").says_nothing
    assert _words("zh", "品牌的力量，时代的选择").says_nothing


# ---- the customer's own voice ----------------------------------------------------------
@pytest.mark.parametrize("line", ["Because I'm worth it", "I finally sleep through the night"])
def test_the_first_person_singular_is_the_customers_voice(line: str) -> None:
    words = _words("en", line)
    assert words.customer >= 1 and not words.says_nothing


@pytest.mark.parametrize("lang,line", [
    ("en", "I founded our company to build the best platform"),
    ("zh", "静心由我，品质之选"),
])
def test_beside_we_or_in_chinese_the_first_person_is_not_the_customer(lang: str,
                                                                       line: str) -> None:
    assert _words(lang, line).customer == 0


# ---- specificity: a figure beats an abstraction even when the copy says nothing --------
@pytest.mark.parametrize("lang,specific,vague", [
    ("en", "Under 2 dollars a week", "Really cheap prices"),
    ("zh", "每天仅需2元", "价格很便宜"),
])
def test_a_figure_is_more_specific_than_an_abstraction(lang: str, specific: str,
                                                       vague: str) -> None:
    assert _words(lang, specific).strength > _words(lang, vague).strength


# ---- moments of use, how it is sensed, a capability despite a doubt -----------------------
@pytest.mark.parametrize("lang,line", [
    ("en", "Hot porridge for breakfast"),
    ("en", "Creamy to every spoonful"),
    ("en", "Finger-licking chicken"),
    ("zh", "一日三餐都有热饭"),
    ("zh", "过年回家路上的零食"),
])
def test_moments_and_senses_are_read(lang: str, line: str) -> None:
    assert _words(lang, line).moments >= 1


@pytest.mark.parametrize("lang,line", [
    ("en", "Breakfasting is a brand value"),
    ("en", "Sipping innovation to the core"),
    ("zh", "品牌的力量，时代的选择"),
])
def test_words_that_only_look_like_moments_are_not(lang: str, line: str) -> None:
    assert _words(lang, line).moments == 0


@pytest.mark.parametrize("lang,line,expected", [
    ("en", "Even if you have never cooked, they will ask for seconds", True),
    ("en", "Even if it rains, the show goes on", False),
    ("zh", "即使你是摄影新手，也能拍出好照片", True),
    ("zh", "即使下雨，比赛也照常进行", False),
])
def test_a_capability_despite_a_doubt_is_an_outcome(lang: str, line: str,
                                                    expected: bool) -> None:
    assert bool(_words(lang, line).outcomes) is expected


@pytest.mark.parametrize("lang,line,expected", [
    ("en", "Enjoy the ride with every trip", False),
    ("en", "Save an hour on every trip", True),
    ("zh", "尽享每一段旅程", False),
    ("zh", "每趟省下一小时", True),
])
def test_enjoying_is_not_a_result(lang: str, line: str, expected: bool) -> None:
    assert bool(_words(lang, line).outcomes) is expected


@pytest.mark.parametrize("lang,grounded,vague", [
    ("en", "Invoicing time cut by 20 percent", "Boosts productivity and reduces costs"),
    ("zh", "对账时间缩短一半，每天提前2小时下班", "显著提升效率，全面降低成本"),
])
def test_a_result_nobody_gets_and_nothing_measures_earns_half(lang: str, grounded: str,
                                                              vague: str) -> None:
    sure, loose = _words(lang, grounded), _words(lang, vague)
    assert sure.outcomes and loose.outcomes
    assert sure.strength >= loose.strength + 25


@pytest.mark.parametrize("lang,line,named", [
    ("en", "Trusted by teams at Shopify and Stripe", True),
    ("en", "Our hub is faster than Sky and BT", False),
    ("zh", "比顺丰和京东更快", False),
])
def test_a_named_customer_is_a_moment_and_a_named_rival_is_not(lang: str, line: str,
                                                              named: bool) -> None:
    assert bool(_words(lang, line).moments) is named


def test_being_spoken_to_is_half_of_being_the_subject() -> None:
    # The customer is the subject of a result only where there is a result; "you" in
    # copy that says nothing is spoken to (tests/test_benefit_signals.py).
    spoken_to = CopyEvidence(units=10, addressed=2, moments=1, outcomes=1)
    subject = CopyEvidence(units=10, customer=2, moments=1, outcomes=1)
    nobody = CopyEvidence(units=10, company=2, moments=1, outcomes=1)
    assert subject.strength > spoken_to.strength > nobody.strength
    assert (CopyEvidence(units=10, customer=2, figures=1).strength
            == CopyEvidence(units=10, addressed=2, figures=1).strength)


@pytest.mark.parametrize("lang,line,expected", [
    ("en", "Fast, secure and reliable.", True),
    ("en", "We cook, clean and drive you home tonight", False),
    ("zh", "轻薄、耐用、防水", True),
    ("zh", "发票拍照上传、自动对平", False),
])
def test_a_bare_list_of_attributes_is_a_feature_list(lang: str, line: str,
                                                     expected: bool) -> None:
    assert bool(_words(lang, line).features) is expected


@pytest.mark.parametrize("lang,line,expected", [
    ("en", "It feels like sitting in the front row", True),
    ("en", "It is like nothing else", False),
    ("zh", "犹如置身音乐会现场", True),
    ("zh", "犹如一家大公司", False),
])
def test_how_it_feels_is_a_moment_of_use(lang: str, line: str, expected: bool) -> None:
    assert bool(_words(lang, line).moments) is expected
