"""Round 4 of the words model (vplint/text/benefit.py, docs/scoring.md), each signal with
should-fail and should-pass examples in English and Chinese: a feature-side line scores
below its benefit-side rewrite."""

from __future__ import annotations

import pytest

from tests.copy_helpers import copy_score as _score
from tests.copy_helpers import copy_words as _words


# ---- "you" alone is the buyer spoken to, not a result ----------------------------------
@pytest.mark.parametrize("lang,line,says_nothing", [
    ("en", "Thank you for choosing your local bakery", True),
    ("en", "Your bread, at your door by 7 am", False),
    ("zh", "你的品牌，你的选择", True),
    ("zh", "你的快递，今晚8点前送到", False),
    ("en", "A hot pizza at your door", False),
    ("zh", "你的周末早餐", False),
])
def test_you_alone_does_not_make_copy_say_something(lang: str, line: str,
                                                    says_nothing: bool) -> None:
    words = _words(lang, line)
    assert words.customer >= 1
    assert words.says_nothing is says_nothing


@pytest.mark.parametrize("lang,spoken,nobody,said", [
    ("en", "Thank you for choosing your local bakery", "Thanks for choosing the local bakery",
     "Your bread, at your door by 7 am"),
    ("en", "It's your space", "It's a space", "Your desk, ready when you walk in at 8"),
    ("zh", "等着你来包", "等着来包", "你的快递，今晚8点前送到"),
])
def test_an_address_with_nothing_behind_it_is_hollow(lang: str, spoken: str, nobody: str,
                                                     said: str) -> None:
    """In text that says nothing, "you" is an address with nothing behind it: it ranks
    below a line that addresses no one, and far below the customer given a result."""
    hollow, plain = _words(lang, spoken), _words(lang, nobody)
    assert hollow.says_nothing and plain.says_nothing
    assert hollow.strength < plain.strength < _words(lang, said).strength


def test_an_instruction_beside_a_result_is_the_way_to_it() -> None:
    with_way = _words("en", "Order by noon, have it tonight")
    assert not with_way.says_nothing and with_way.addressed >= 1
    assert _score("en", "Order by noon, have it tonight") > _score("en", "Have it")


# ---- a dish ranked by a label vs a dish you can taste ----------------------------------
@pytest.mark.parametrize("lang,label,shown", [
    ("en", "Our signature burger", "A sizzling burger, fresh from the grill"),
    ("zh", "招牌红烧肉", "滋滋冒油、外酥里嫩的红烧肉"),
    ("zh", "经典牛肉面", "妈妈味道的牛肉面，热腾腾端上桌"),
])
def test_a_generic_label_scores_below_a_taste_you_can_picture(lang: str, label: str,
                                                              shown: str) -> None:
    assert _words(lang, label).abstraction >= 1
    assert _words(lang, shown).moments >= 1
    assert _score(lang, label) < _score(lang, shown)


@pytest.mark.parametrize("lang,line", [
    ("en", "A classic case study for your team"),
    ("zh", "古典音乐会，周六晚上"),
])
def test_words_near_a_label_are_not_labels(lang: str, line: str) -> None:
    assert _words(lang, line).abstraction == 0


# ---- the reader put in a situation ------------------------------------------------------
@pytest.mark.parametrize("lang,plain,situated", [
    ("en", "A phone charger", "When you're stuck at the airport, a phone charger"),
    ("zh", "一杯热咖啡", "你加班到深夜的时候，一杯热咖啡"),
    ("zh", "无家可归的小狗", "你要是下雨天没有家，会怎么样？"),
])
def test_a_situation_the_reader_is_put_in_is_a_moment(lang: str, plain: str,
                                                      situated: str) -> None:
    assert _words(lang, situated).moments > _words(lang, plain).moments
    assert _score(lang, plain) < _score(lang, situated)


# ---- the end of a pain as a state -------------------------------------------------------
@pytest.mark.parametrize("lang,feature,benefit", [
    ("zh", "含电解质的运动饮料", "跑完十公里也不累的运动饮料"),
    ("zh", "全自动保险柜", "出门在外，家里的现金也无忧"),
    ("en", "A weed spray with glyphosate", "Spray the weeds away in one afternoon"),
])
def test_the_end_of_a_pain_outscores_the_feature(lang: str, feature: str,
                                                 benefit: str) -> None:
    assert _words(lang, benefit).outcomes >= 1
    assert not _words(lang, benefit).says_nothing
    assert _score(lang, feature) < _score(lang, benefit)


@pytest.mark.parametrize("lang,line", [
    ("zh", "你怕不怕？"),
    ("zh", "不累吗"),
])
def test_a_question_about_a_pain_is_not_its_end(lang: str, line: str) -> None:
    assert _words(lang, line).outcomes == 0


# ---- idioms that only look like results --------------------------------------------------
@pytest.mark.parametrize("lang,line,outcome", [
    ("en", "Stop and smell the roses", False),
    ("en", "Stop overpaying for parking", True),
    ("en", "Let's get it", False),
    ("en", "Get it delivered tonight", True),
    ("zh", "告别演唱会门票开售", False),
    ("zh", "告别排队", True),
])
def test_idioms_that_only_look_like_results(lang: str, line: str, outcome: bool) -> None:
    assert bool(_words(lang, line).outcomes) is outcome


# ---- what the product is made of is not an instruction to the buyer ----------------------
@pytest.mark.parametrize("lang,feature,benefit", [
    ("zh", "选用新疆长绒棉", "贴身穿一整天也不闷热"),
    ("zh", "用料考究，上新款", "周末买一次菜，够全家吃一周"),
    ("en", "Waterproof jacket with taped seams", "Walk the dog in a downpour and come home dry"),
])
def test_a_feature_verb_is_not_an_imperative(lang: str, feature: str, benefit: str) -> None:
    words = _words(lang, feature)
    assert words.outcomes == 0 and words.customer == 0
    assert _score(lang, feature) < _score(lang, benefit)


# ---- a hard use withstood -----------------------------------------------------------------
@pytest.mark.parametrize("lang,feature,benefit", [
    ("zh", "高性能处理器，运行流畅", "打开二十个网页也不卡"),
    ("en", "A long-life lithium battery", "All day long and still 40% left at bedtime"),
])
def test_a_hard_use_withstood_is_an_outcome(lang: str, feature: str, benefit: str) -> None:
    assert _words(lang, benefit).outcomes >= 1
    assert _score(lang, feature) < _score(lang, benefit)


@pytest.mark.parametrize("lang,line", [
    ("zh", "今夜，一滴都不许剩"),
    ("zh", "三个人也不够"),
])
def test_a_prohibition_or_a_shortfall_is_not_withstanding(lang: str, line: str) -> None:
    assert _words(lang, line).outcomes == 0


# ---- a pain that keeps happening ----------------------------------------------------------
@pytest.mark.parametrize("lang,line,need", [
    ("zh", "你的简历为什么总被拒？", True),
    ("zh", "这家店常被评为全市第一", False),
    ("en", "Why you keep getting ghosted by recruiters", True),
    ("en", "Why recruiters keep getting better tools", False),
])
def test_a_pain_that_keeps_happening_is_a_need(lang: str, line: str, need: bool) -> None:
    assert bool(_words(lang, line).need) is need


@pytest.mark.parametrize("lang,feature,pain", [
    ("zh", "简历模板大全", "你的简历为什么总被拒？"),
    ("en", "A library of 200 resume templates", "Why you keep getting ghosted by recruiters"),
])
def test_naming_the_pain_outscores_the_feature(lang: str, feature: str, pain: str) -> None:
    assert _score(lang, feature) < _score(lang, pain)


# ---- a person named is who the result is for, not a moment -------------------------------
@pytest.mark.parametrize("lang,line,says_nothing", [
    ("en", "It's what your kids deserve", True),
    ("en", "Your kids, fed before the school run", False),
    ("zh", "你的家人值得拥有", True),
    ("zh", "你的家人，周末的早餐", False),
])
def test_your_family_alone_is_not_a_moment_of_use(lang: str, line: str,
                                                  says_nothing: bool) -> None:
    assert _words(lang, line).says_nothing is says_nothing


# ---- a sales record is the company's result, not the customer's ------------------------
@pytest.mark.parametrize("lang,sold,customer", [
    ("en", "The best-selling blender in Britain", "Smoothies in 30 seconds before your train"),
    ("en", "Record sales for the third year running", "Your house, sold in 30 days"),
    ("zh", "日产80万瓶，销量第一", "帮你卖出好价钱"),
    ("zh", "首销全天销量破纪录的果汁", "早上一杯果汁，上午不犯困"),
])
def test_a_sales_record_is_the_company_speaking(lang: str, sold: str, customer: str) -> None:
    assert _words(lang, sold).centred >= 1
    assert _words(lang, customer).centred == 0
    assert _score(lang, sold) < _score(lang, customer)


@pytest.mark.parametrize("lang,line", [
    ("en", "Over 2 million sold - lined up, they would circle the Earth"),
    ("zh", "一年卖出七亿多杯，连起来可绕地球两圈"),
])
def test_a_count_sold_is_not_a_sales_record(lang: str, line: str) -> None:
    assert _words(lang, line).centred == 0


# ---- a list of one-word fragments owns no word ------------------------------------------
@pytest.mark.parametrize("lang,fragments,said", [
    ("en", "Learn. Grow. Lead.", "Learn to code. Get hired in 12 weeks."),
    ("en", "Smarter. Bolder. Faster.", "Your laptop boots in 8 seconds."),
    ("zh", "品质。服务。创新。", "学编程，12周找到工作。"),
    ("zh", "学习 成长 领导", "下班路上学半小时，三个月拿到证书"),
])
def test_a_list_of_fragments_is_an_abstraction(lang: str, fragments: str, said: str) -> None:
    assert _words(lang, fragments).abstraction >= 1
    assert _words(lang, said).abstraction == 0
    assert _score(lang, fragments) < _score(lang, said)


@pytest.mark.parametrize("lang,line", [("en", "M'm! M'm! Good!"), ("zh", "好吃！好吃！真好吃！")])
def test_a_repeated_word_is_a_jingle_not_a_list(lang: str, line: str) -> None:
    assert _words(lang, line).abstraction == 0


# ---- a fear answered in the same breath -------------------------------------------------
@pytest.mark.parametrize("lang,need,answered", [
    ("zh", "怕上火", "怕上火喝加多宝"),
    ("zh", "担心孩子挑食", "担心孩子挑食就吃这款米饼"),
    ("en", "Afraid of the dentist", "Afraid of the dentist? Book a painless check-up"),
])
def test_a_fear_answered_is_a_result(lang: str, need: str, answered: str) -> None:
    assert _words(lang, need).outcomes == 0
    assert _words(lang, answered).outcomes == 1
    assert _score(lang, need) < _score(lang, answered)


@pytest.mark.parametrize("lang,line", [("zh", "怕上火的季节又来了"), ("zh", "不想用料太省")])
def test_a_fear_without_a_product_verb_is_not_answered(lang: str, line: str) -> None:
    assert _words(lang, line).outcomes == 0


# ---- a sense denied is not one shown ----------------------------------------------------
@pytest.mark.parametrize("lang,denied,shown", [
    ("zh", "有人觉得这月饼不好吃", "咬一口就掉渣的酥皮月饼，香甜好吃"),
    ("en", "Leftovers that are not crispy anymore", "Crispy fries, hot from the fryer"),
])
def test_a_sense_denied_is_not_a_moment(lang: str, denied: str, shown: str) -> None:
    assert _words(lang, denied).moments == 0
    assert _words(lang, shown).moments >= 1
