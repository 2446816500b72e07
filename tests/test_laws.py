"""The 22 laws and ADL001 beyond their rule examples: false positives the look-arounds must
avoid, each branch of the field-comparing checks, and the helpers they share."""

from __future__ import annotations

import pytest

from tests.conftest import codes
from vplint.checks.laws import list_items, mentions, names_in, similar
from vplint.config import Config
from vplint.engine import Linter
from vplint.errors import ConfigError
from vplint.rules import Registry

_REGISTRY = Registry.default(plugins=False)
_LINTER = Linter(Config(), _REGISTRY)


def findings(source: str, code: str) -> list:
    """The findings of one code for a YAML proposition."""
    return [f for r in _LINTER.lint_text(source, "t.yaml") for f in r.findings if f.code == code]


def headline(text: str, lang: str = "zh", **fields: str) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"name: T\nlanguage: {lang}\n{extra}copy:\n  headline: \"{text}\"\n"


# ---- ADL001: PRC Advertising Law article 9(3) ------------------------------------------
@pytest.mark.parametrize("text", [
    "最后一公里送到家",
    "最近三天下单享包邮",
    "最终用户直接受益",
    "不忘最初的承诺",
    "帮您最大化门店收益",
    "最大限度降低库存",
    "第一次下单立减10元",
    "第一步上传发票，第二步自动对账",
    "第一天就能上手",
    "第一时间响应您的报修",
    "获取第一手行情数据",
    "最快30分钟送达",
    "最高可省500元",
    "最少3天完成部署",
    "100%纯棉衬衫",
    "百分百纯棉",
    "首次购买免运费",
    "唯美的包装",
    "今年最新款的羽绒服",
    "最佳赏味期为开封后7天",
])
def test_adl001_leaves_ordinary_words_alone(text: str) -> None:
    assert findings(headline(text), "ADL001") == [], text


@pytest.mark.parametrize("text,term", [
    ("全网最低价", "最低"),
    ("最好的财务软件", "最好"),
    ("最佳选择", "最佳"),
    ("最高级的面料", "最高级"),
    ("国家级品质", "国家级"),
    ("销量第一的空调", "销量第一"),
    ("行业第一品牌", "第一"),
    ("唯一一家上市公司", "唯一"),
    ("首个智能发票机器人", "首个"),
    ("国内首家", "首家"),
    ("顶级食材", "顶级"),
    ("世界领先的电池技术", "世界领先"),
    ("极品好茶", "极品"),
    ("绝对安全", "绝对"),
    ("100%有效", "100%"),
    ("NO.1的选择", "NO.1"),
    ("性价比之王", "比之王"),
    ("万能的淘宝", "万能"),
    ("最快的是我们", "最快"),
])
def test_adl001_flags_absolute_terms(text: str, term: str) -> None:
    found = findings(headline(text), "ADL001")
    assert [f.match for f in found] == [term]
    assert found[0].severity.value == "error"


def test_adl001_points_at_the_term_and_cites_the_law() -> None:
    source = "name: 茶\ncopy:\n  headline: 好茶，国家级品质\n"
    [finding] = findings(source, "ADL001")
    assert (finding.line, finding.column, finding.end_column) == (3, 16, 19)
    assert "第九条第三项" in finding.message and "100万" in finding.message


def test_adl001_is_for_chinese_copy_only() -> None:
    assert findings(headline("The best and only choice", "en"), "ADL001") == []
    assert _REGISTRY.rules["ADL001"].languages == ("zh-Hans",)  # PRC law: mainland copy


def test_adl001_ignores_proof_and_competitor_fields() -> None:
    source = ("name: 茶\nproof:\n  - kind: data\n    text: 2023年销量第一\n    source: 协会报告\n"
              "competitors:\n  - name: 某茶\n    claim: 国家级好茶\n"
              "copy:\n  headline: 明前采摘的龙井\n")
    assert findings(source, "ADL001") == []


# ---- LAW017 / LAW018 / LAW020: words in the copy -----------------------------------------
@pytest.mark.parametrize("text,fires", [
    ("Nexora will become the #1 data platform", True),
    ("We are poised to dominate the market", True),
    ("The metaverse platform that will redefine retail", True),
    ("Your team will become more productive in a week", False),
    ("Your parcel will be there by noon tomorrow", False),
    ("It will transform your month-end close", False),
])
def test_law017_tells_forecasts_from_promises(text: str, fires: bool) -> None:
    assert bool(findings(headline(text, "en"), "LAW017")) is fires


@pytest.mark.parametrize("text,fires", [
    ("必将成为行业第一", True),
    ("三年内成为行业龙头", True),
    ("我们将成为中国最大的云平台", True),
    ("包裹将在明天中午前送到", False),
])
def test_law017_chinese(text: str, fires: bool) -> None:
    assert bool(findings(headline(text), "LAW017")) is fires


def test_law018_is_silenced_by_proof() -> None:
    weak = "name: T\ncopy:\n  headline: The best invoicing tool\n"
    assert findings(weak, "LAW018")
    with_field = weak + "proof:\n  - kind: data\n    text: ranked first of 40\n    source: G2\n"
    assert findings(with_field, "LAW018") == []
    with_cue = "name: T\ncopy:\n  headline: The best invoicing tool, according to G2\n"
    assert findings(with_cue, "LAW018") == []


@pytest.mark.parametrize("text,fires", [
    ("Get the most out of your data", False),
    ("Make the most of every shift", False),
    ("The best part: no setup", False),
    ("Leading to fewer late payments", False),
    ("The most powerful platform ever built", True),
    ("World-class support", True),
    ("Unrivalled coverage", True),
])
def test_law018_english_edges(text: str, fires: bool) -> None:
    assert bool(findings(headline(text, "en"), "LAW018")) is fires


@pytest.mark.parametrize("text,fires", [
    ("第一次下单就送", False),
    ("最佳赏味期为7天", False),
    ("帮您最大化收益", False),
    ("行业领先的解决方案", True),
    ("一流的服务", True),
])
def test_law018_chinese_edges(text: str, fires: bool) -> None:
    assert bool(findings(headline(text), "LAW018")) is fires


def test_law020_reports_every_hype_word_at_its_place() -> None:
    found = findings("name: T\ncopy:\n  headline: Revolutionary and disruptive\n", "LAW020")
    assert [(f.match, f.column) for f in found] == [("Revolutionary", 13), ("disruptive", 31)]


# ---- LAW001 ----------------------------------------------------------------------------
def test_law001_accepts_better_inside_a_category_you_lead() -> None:
    better = "name: T\ncopy:\n  headline: A better way to bank\n"
    assert findings(better, "LAW001")
    assert findings(better + "category: banking for freelancers\n", "LAW001") == []
    ranked = better + "category: banking for freelancers\npositioning:\n  ladder_rank: 3\n"
    assert findings(ranked, "LAW001")


def test_law001_ignores_better_for_the_customer() -> None:
    assert findings(headline("更好地服务您的客户"), "LAW001") == []
    assert findings(headline("Make better decisions by Monday", "en"), "LAW001") == []


# ---- LAW002 / LAW007 / LAW008 / LAW009 / LAW015: the ladder -----------------------------
def test_ladder_rules_follow_the_rung() -> None:
    def fired(rank: int) -> set[str]:
        source = (f"name: T\npositioning:\n  ladder_rank: {rank}\n"
                  "copy:\n  headline: The leading tool for teams\n")
        return set(codes(_LINTER.lint_text(source, "t.yaml"))) & {
            "LAW002", "LAW007", "LAW008", "LAW009", "LAW015"}

    assert fired(1) == set()
    assert fired(2) == {"LAW002", "LAW007", "LAW009", "LAW015"}
    assert fired(3) == {"LAW002", "LAW007", "LAW008", "LAW015"}


def test_law007_skips_a_leader_claim_that_describes_the_leader() -> None:
    base = "name: T\npositioning:\n  ladder_rank: 2\n  leader: Paydex\ncopy:\n  headline: "
    assert findings(base + "Unlike the market leader, we go live in 30 days\n", "LAW007") == []
    assert findings(base + "Paydex is the leading suite; we do AP only\n", "LAW007") == []
    assert findings(base + "The leading AP tool\n", "LAW007")


def test_law009_branches() -> None:
    no_leader = "name: T\npositioning:\n  ladder_rank: 2\n"
    [finding] = findings(no_leader, "LAW009")
    assert "positioning.leader" in finding.message
    silent = "name: T\npositioning:\n  ladder_rank: 2\n  leader: Hertz\n"
    [finding] = findings(silent + "copy:\n  headline: Great cars\n", "LAW009")
    assert "Hertz" in finding.message and finding.field == "positioning.leader"
    named = silent + "differentiation:\n  unlike: Hertz rental desks\n"
    assert findings(named, "LAW009") == []
    admitted = silent + "copy:\n  headline: \"We're No. 2, so we try harder\"\n"
    assert findings(admitted, "LAW009") == []
    candor = silent.replace("leader: Hertz\n", "leader: Hertz\n  candor: Hertz has more desks\n")
    assert findings(candor, "LAW009") == []


def test_string_rank_is_read_and_bad_rank_is_ignored() -> None:
    assert findings("name: T\npositioning:\n  ladder_rank: '3'\n", "LAW002")
    assert findings("name: T\npositioning:\n  ladder_rank: third\n", "LAW002") == []
    assert findings("name: T\npositioning:\n  ladder_rank: true\n", "LAW002") == []


# ---- LAW005 / LAW006 / LAW014: focus and owned words -------------------------------------
def test_law005_branches_speak_the_proposition_language() -> None:
    absent = "name: T\npositioning:\n  focus_word: 上火\ncopy:\n  headline: 好喝的凉茶\n"
    [finding] = findings(absent, "LAW005")
    assert "上火" in finding.message and "聚焦定律" in finding.message
    none = "name: T\npositioning:\n  ladder_rank: 1\n"
    [finding] = findings(none, "LAW005")
    assert finding.field == "positioning" and "focus word" in finding.message
    stem = ("name: T\npositioning:\n  focus_word: delivery\n"
            "copy:\n  headline: Hot pizza delivered in 30 minutes\n")
    assert findings(stem, "LAW005") == []
    pitch = ("name: T\npositioning:\n  focus_word: overnight\n"
             "copy:\n  headline: Ship it\n  pitch: It arrives overnight.\n")
    assert findings(pitch, "LAW005") == []


def test_law005_counts_benefits_in_the_headline() -> None:
    assert findings(headline("Faster, cheaper, safer, greener", "en"), "LAW005")
    assert findings(headline("Faster, cheaper and safer", "en"), "LAW005") == []
    assert findings(headline("多快好省"), "LAW005") == []


def test_law006_and_law014_compare_with_competitors() -> None:
    source = ("name: T\npositioning:\n  focus_word: innovation\n  ladder_rank: 2\n"
              "  leader: CloudCore Inc\n  attribute: innovative cloud\n"
              "competitors:\n  - name: CloudCore\n    owns: innovation\n"
              "  - name: Other\n    owns: price\n")
    [law6] = findings(source, "LAW006")
    assert "CloudCore" in law6.message
    [law14] = findings(source, "LAW014")
    assert law14.field == "positioning.attribute"
    leader = source.replace("ladder_rank: 2", "ladder_rank: 1")
    assert findings(leader, "LAW014") == []
    unknown = source.replace("leader: CloudCore Inc", "leader: Someone Else")
    assert findings(unknown, "LAW014") == []


# ---- LAW012 / LAW013 ---------------------------------------------------------------------
def test_law013_branches() -> None:
    everyone = "name: T\nsegment:\n  who: 所有企业\n"
    [finding] = findings(everyone, "LAW013")
    assert "所有企业" in finding.message
    no_sacrifice = "name: T\nsegment:\n  who: 连锁餐厅店长\n"
    [finding] = findings(no_sacrifice, "LAW013")
    assert "not_for" in finding.message
    sacrificed = no_sacrifice + "  not_for: 单店\n"
    assert findings(sacrificed, "LAW013") == []


@pytest.mark.parametrize(("headline", "flagged"), [
    ("Solutions for every industry", True),
    ("Everyone welcome", True),
    ("为所有企业打造的排班工具", True),
    ("Every industry has its own constraints", False),
    ("所有人都需要一个好教练", False),
])
def test_law013_on_a_page_flags_everyone_only_as_the_audience(headline: str,
                                                             flagged: bool) -> None:
    """On a landing page "everyone" is the audience only where the offer is for it; as
    the subject of its own verb it states a fact about people."""
    page = f"# {headline}\n\nRotas for cafes, delivered weekly.\n"
    result = _LINTER.lint_text(page, "index.md", "markdown")
    everyone = [f for r in result for f in r.findings if f.code == "LAW013" and f.match]
    assert bool(everyone) is flagged


def test_law012_counts_categories() -> None:
    assert findings("name: T\ncategory: payments, lending and insurance\n", "LAW012")
    assert findings("name: T\ncategory: payments and lending\n", "LAW012") == []


# ---- advisory laws -----------------------------------------------------------------------
def test_advisory_laws_are_info_and_unweighted() -> None:
    advisory = {r.code for r in _REGISTRY.rules.values() if r.advisory}
    assert {"LAW003", "LAW008", "LAW010", "LAW011", "LAW015", "LAW016", "LAW019",
            "LAW021", "LAW022"} == advisory & {f"LAW{i:03}" for i in range(1, 23)}
    for code in advisory:
        rule = _REGISTRY.rules[code]
        assert rule.severity.value == "info" and rule.weight == 0


def test_every_law_has_a_rule() -> None:
    for i in range(1, 23):
        rule = _REGISTRY.rules[f"LAW{i:03}"]
        assert rule.dimension == "positioning"
        assert "Ries & Trout" in rule.source


def test_a_one_liner_gets_no_field_based_law() -> None:
    field_laws = {"LAW002", "LAW006", "LAW007", "LAW008", "LAW009", "LAW010", "LAW014",
                  "LAW015", "LAW016", "LAW022"}
    found = set(codes(_LINTER.lint_text(headline("怕上火，喝王老吉"), "t.yaml")))
    assert found & field_laws == set()


# ---- helpers -----------------------------------------------------------------------------
@pytest.mark.parametrize("a,b,same", [
    ("innovation", "Innovation", True),
    ("safety", "safe cars", True),
    ("delivery", "fast delivery", True),
    ("一站式", "一站式服务", True),
    ("大而全", "大而全", True),
    ("overnight", "innovation", False),
    ("成本", "大而全", False),
    ("AI", "email", False),
])
def test_similar(a: str, b: str, same: bool) -> None:
    assert similar(a, b) is same


def test_mentions_and_names_in() -> None:
    assert mentions("Hot pizza delivered fast", "delivery")
    assert not mentions("Hot pizza at your door", "delivery")
    assert mentions("卖车直卖不砍价", "直卖")
    assert names_in("Unlike Paydex, we go live in 30 days", "Paydex Spend Suite")
    assert names_in("不同于恒友的大而全", "恒友ERP")
    assert not names_in("a spending tool", "Paydex Spend Suite")


def test_list_items() -> None:
    assert list_items("fast, cheap and friendly", "en") == ["fast", "cheap", "friendly"]
    assert list_items("快、好、省。", "zh") == ["快", "好", "省"]
    assert list_items("多快好省", "zh") == ["多快好省"]


def test_lexicons_compile_once_per_run() -> None:
    lexicon = _REGISTRY.lexicons["ad-law-absolute"]
    _LINTER.lint_text(headline("最好的茶"), "a.yaml")
    first = lexicon.pattern("all")
    _LINTER.lint_text(headline("顶级的茶"), "b.yaml")
    assert lexicon.pattern("all") is first


def test_adl001_can_be_silenced_on_a_reviewed_line() -> None:
    source = "name: 冰箱\ncopy:\n  headline: 一级能效，最省电的一档  # vplint: disable=ADL001\n"
    assert findings(source, "ADL001") == []


def test_rules_and_explain_mark_advisory_laws() -> None:
    from click.testing import CliRunner

    from vplint.cli import app

    runner = CliRunner()
    table = runner.invoke(app, ["rules"]).output.splitlines()
    line = next(row for row in table if row.startswith("LAW015"))
    assert line.endswith("advisory")
    assert not next(row for row in table if row.startswith("LAW017")).endswith("advisory")
    assert runner.invoke(app, ["explain", "LAW015", "--lang", "zh"]).output.startswith(
        "LAW015 no-candor  [提示性]")
    assert runner.invoke(app, ["explain", "LAW015"]).output.startswith(
        "LAW015 no-candor  [advisory]")


def test_options_change_thresholds_and_a_bad_option_is_named() -> None:
    source = "name: T\ngains: [a, b, c, d]\n"
    assert findings(source, "LAW013") == []
    strict = Linter(Config(rule_options={"LAW013": {"max_benefits": 3}}), _REGISTRY)
    assert "LAW013" in codes(strict.lint_text(source, "t.yaml"))
    # A value of the wrong kind is a configuration error naming rule and option (exit 2
    # with file:line from the CLI), not a VP900 on every file.
    with pytest.raises(ConfigError, match="LAW013.*'max_benefits' must be a number"):
        Linter(Config(rule_options={"LAW013": {"max_benefits": "lots"}}), _REGISTRY)


def test_each_branch_suggests_its_own_fix() -> None:
    [gains] = findings("name: T\ngains: [a, b, c, d, e, f]\n", "LAW013")
    assert gains.suggestion.startswith("Keep at most 5 gains")
    [everyone] = findings("name: T\nsegment:\n  who: 所有企业\n  not_for: 无\n", "LAW013")
    assert everyone.suggestion == "segment: {who: <最先会买的那一小群人>}"
    [spread] = findings(headline("快、好、省、多、全"), "LAW005")
    assert spread.suggestion.startswith("标题只留")
    [none] = findings("name: T\nsegment:\n  who: 连锁餐厅店长\n", "LAW013")
    assert none.suggestion.startswith("segment: {not_for:")
