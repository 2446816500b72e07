"""Who says what about whom: is a phrase the advertiser's own claim about its offer?

Self-praise, hype, time and proof rules judge what the advertiser claims. A superlative
is not such a claim when it is negated ("we're not the cheapest", 并不会取代), asked
("which CRM is the best?"), said about someone else (a named competitor or product, a
case study's customer, 这家公司, "they"), a general fact ("the leading cause of injury",
最常见的问题), a sequence or time word (最后一步, the newest release), a technical term
(唯一索引, unique key, best practice), a reader's choice ("the tool that fits you best",
最好先备份), the title of a link to another page, a row of a comparison table, or words
quoted from a named source (a testimonial is proof, not self-praise).

`reason_not_own` returns which of these applies, or None for an own claim. Everything here
is a pure function of the text and the advertiser's names; the heuristics read English
and Chinese sentence structure, and each is tested with examples in both languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from vplint.lazyre import lazy
from vplint.text.claims import en_not_claim, zh_not_claim
from vplint.text.sentences import clause_spans, sentence_spans, span_of

NEGATED = "negated"
QUESTION = "question"
THIRD_PARTY = "third-party"
GENERAL = "general-fact"
SEQUENCE = "sequence"
TECHNICAL = "technical-term"
READER = "reader-choice"
QUOTED = "quoted"
LINK = "link-text"
TABLE = "table"
HEADING = "heading-number"
ABOUT_OTHERS = "not-about-advertiser"

# ---- negation ----------------------------------------------------------------------------
_NEG_EN = lazy(
    r"(?<![A-Za-z])(?:not|no|never|nor|neither|without|hardly|rarely|isn['’]t|aren['’]t|"
    r"wasn['’]t|weren['’]t|don['’]t|doesn['’]t|didn['’]t|won['’]t|can['’]t|cannot|"
    r"shouldn['’]t|wouldn['’]t|ain['’]t|n['’]t|less|not\s+as|not\s+so)(?:\s+(?:be|been|"
    r"always|really|necessarily|"
    r"quite|exactly|just|only|even|the|a|an|so|that|very|necessarily\s+the))*\s*$", re.I)
_NEG_ZH = lazy(r"(?:不|没|没有|并非|并不|不是|未|非|无需|无须|别|勿|不会|不必|不一定|"
                     r"不再|谈不上|算不上|称不上|绝非|未必)[\u4e00-\u9fff]{0,3}$")

# A negated noun phrase: 没有来自世界顶尖大学的辍学生, 并非业内最好的方案 (not 不仅是最好的).
_NEG_ZH_PHRASE = lazy(r"(?:没有|沒有|并非|並非|不是|绝非|絕非|从未|從未|从不|從不)"
                            r"(?!仅|僅|只|但|断|斷)[^，,。！？；;、\n]{0,8}$")

# ---- questions ---------------------------------------------------------------------------
_QUESTION_END = lazy(r"[?？]\s*[\"'”’)）*_]*\s*$")
# An embedded question or a condition: "I can't predict whether AI will reshape...".
_EMBEDDED_QUESTION_EN = lazy(r"(?<![A-Za-z])(?:whether|if)(?![A-Za-z])[^,.;:!?\n]{0,60}$",
                                   re.I)
_ZH_QUESTION = lazy(r"(?:哪个|哪款|哪家|哪些|哪种|哪一|什么|如何|怎么|怎样|"
                          r"为什么|为何|是否|吗|呢)")

# ---- someone else ------------------------------------------------------------------------
# Case matters for "US" (the country: "a leading US telecom provider") and "I"/"me".
_FIRST_PERSON_EN = lazy(
    r"(?<![A-Za-z])(?:[Ww][Ee]|[Ww]e['’](?:re|ve|ll|d)|[Oo][Uu][Rr][Ss]?|[Uu]s|I|"
    r"I['’](?:m|ve|ll|d)|[Mm]y|[Mm]e)(?![A-Za-z])")
_FIRST_PERSON_ZH = lazy(r"我们|我司|本公司|本平台|本产品|本团队|我们的")
_OTHERS_EN = lazy(
    r"(?<![A-Za-z])(?:this company|the company|the customer|"
    r"the client|our client|our customer|competitors?|rivals?|other (?:tools|platforms|"
    r"products|vendors|solutions|companies)|alternatives?|many (?:teams|companies|people)|"
    r"most (?:teams|companies|people|tools))(?![A-Za-z])", re.I)
_OTHERS_ZH = lazy(r"这家|这些|那些|另一家|某家|该公司|该企业|该集团|该品牌|该工具|"
                        r"该平台|该产品|"
                        r"该体系|对方|另一款|"
                        r"另一个|其他|其它|别的|竞品|竞争对手|同类产品|许多|很多|不少|有些|一些")
_SUBJECT_VERBS_EN = lazy(
    r"^\s*(?:(?:is|are|was|were|has|have|had|remains?|became|becomes|offers?|provides?|"
    r"claims?|calls? itself|bills? itself|markets? itself|positions? itself|"
    r"stands? out as|ranks?|ranked|leads?|gives?|brings?|delivers?|supports?|uses?|"
    r"comes? with|also|still|now|currently|arguably|probably|perhaps|one of|been)\b|['’]s\b)",
    re.I)
_LATIN_NAME = lazy(r"[A-Za-z][A-Za-z0-9]*(?:[ .\-][A-Z0-9][A-Za-z0-9]*)*")
_CAP_NAME = lazy(r"(?<![\w.])(?:[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]{1,}"
                       r"(?:\s+[A-Z][a-z0-9]+)*|[A-Z]{2,}[a-z0-9]*)(?![\w])")
_COMMON_CAPS = frozenset("""
A An The This That These Those It Its We Our Us You Your They Their I If In On At For With
From By To Of And Or But So As When While What Which Who Why How Where Is Are Was Were Be
Do Does Did Can Could Will Would Should May Might Must Not No Yes All Any Each Every Some
Most More Many Much Here There Then Than Also Just Only Even Still Now New Best Top First
Last Next Step Note Tip Read See Learn Try Get Use Make Build Create Find Start Why Key Pro
Pros Cons Free Open Source Cloud Data App Apps API AI UI UX CRM ERP SaaS SQL HTML CSS JSON
Q A FAQ TL DR OK PS Mr Ms Dr Inc Ltd LLC Co Summary Conclusion Introduction Overview
Features Feature Pricing Price Benefits Example Examples Option Options Case Study Team
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
July August September October November December GitHub Google Chrome
""".split())

# ---- general facts, sequence, technical terms, reader's choice ----------------------------
_GENERAL_EN = lazy(
    r"^[\w\s-]{0,30}?(?<![A-Za-z])(?:cause|causes|reason|reasons|mistake|mistakes|problem|"
    r"problems|challenge|challenges|question|questions|risk|risks|factor|factors|pitfall|"
    r"pitfalls|misconception|misconceptions|barrier|barriers|complaint|complaints|issue|"
    r"issues|source|sources|concern|concerns|threat|threats|error|errors|obstacle|"
    r"obstacles|bottleneck|bottlenecks|pain points?|frustrations?|thing|things|part|parts|"
    r"aspect|aspects|consideration|considerations|lesson|lessons|step|steps|rule|rules|"
    r"use cases?|scenarios?|types?|kinds?|forms?|ways?|examples?|approach|approaches|"
    r"methods?|patterns?|techniques?|practices?|setups?|workflows?|ideas?|requests?|"
    r"topics?|tiers?|versions?|advantages?|benefits?|strengths?|highlights?|"
    r"differences?)(?![A-Za-z])", re.I)
_GENERAL_ZH_AFTER = lazy(
    r"^[\u4e00-\u9fff]{0,6}?的?(?:原因|问题|挑战|错误|风险|误区|因素|痛点|障碍|难点|瓶颈|环节|部分|"
    r"方式|方法|做法|关键|区别|不同|差异|根本|场景|需求|用途|情况|类型|形式|例子|地方|一点|一步|"
    r"一环|事情|事|东西|阶段|功能之一|之一|难题|困难|麻烦|打算|情况|后果|优势|優勢|亮点|亮點|"
    r"特点|特點|好处|好處|收获|收穫|"
    r"問題|錯誤|風險|誤區|痛點|障礙|難點|瓶頸|環節|關鍵|區別|差異|場景|情況|類型|東西|階段)")
_GENERAL_ZH_WORDS = lazy(r"^(?:最常见|最常用|最主要|最根本|最基本|最重要|最关键|"
                               r"最核心|最典型|"
                               r"最普遍|最直接|最明显|最大的问题|最大的挑战|最大的区别|最大的不同|"
                               r"最大的痛点|最大的难点|最大的风险|最头疼|最頭疼|最痛|最困扰|最困擾|"
                               r"最麻烦|最麻煩|最耗时|最耗時|最费时|最费力|最难|最難|最容易出错|"
                               r"最让人|最令人|最熟悉|最关心|最關心|最想|最需要|最常|最緊急|最紧急)")
# A superlative that ranks the customer's own data in a feature description: "analyse
# the most popular articles", 整理最有价值的文章.
_RANKING_EN_BEFORE = lazy(
    r"(?<![A-Za-z])(?:analy[sz]es?|identif(?:y|ies)|shows?|displays?|lists?|ranks?|sorts?|"
    r"highlights?|surfaces?|finds?|tracks?|spots?|flags?|see|view|reports?\s+on|"
    r"organi[sz]es?|reviews?|compares?|comparing|recommends?|curates?|round(?:s|ed)?\s+up|"
    r"picks?|lists?|covers?)"
    r"(?![A-Za-z])[^.!?;:]{0,30}$", re.I)
_RANKING_ZH_BEFORE = lazy(r"(?:分析|识别|識別|展示|显示|顯示|列出|排序|整理|找出|统计|統計|"
                                r"查看|按|根据|根據|标出|標出|筛选|篩選|梳理|推荐|推薦|盘点|盤點|"
                                r"精选|精選|挑选|挑選|汇总|彙總|收集|介绍|介紹)[^。！？；]{0,12}$")
_OTHERS_COUNTED_ZH = lazy(r"(?:[几幾多两兩数數\d一二三四五六七八九十]+|这|這|那)\s*"
                                r"(?:款|个|個|家|种|種)(?!月|星期|小时|小時|工作日|疗程|療程)"
                                r"[\u4e00-\u9fff]{0,2}$")
# (a count of time is not a group of others: 一个月瘦10斤 is the advertiser's promise)
_SAID_ZH = lazy(r"(?:强调|強調|表示|指出|认为|認為|说|說|谈到|談到|提到|评价|評價)"
                      r"(?:的那样|的)?[，,]?$|正如.{0,30}(?:强调|強調|表示|指出|说|說|提到)")
_OTHERS_PLURAL_EN = lazy(
    r"^\s+(?:(?!of\b|for\b|in\b)[\w-]+\s+){0,2}(?:companies|brands|vendors|providers|platforms|tools|players|"
    r"firms|models|solutions|frameworks|products|apps|services|teams|organi[sz]ations|"
    r"businesses|manufacturers|banks|retailers|universities|projects|repositories|repos|"
    r"libraries|examples|options|alternatives|competitors|rivals)(?![A-Za-z])", re.I)
_COUNT_NOUNS = lazy(r"(?:stars?|downloads?|forks?|contributors?|votes?|reviews?|"
                          r"installs?|users?|星标|[Ss]tar\s*数?|下载量?|贡献者|用户数|数量|人数|次数|"
                          r"投票|票数|点赞|評論|评论|浏览|瀏覽|阅读|閱讀)")
_SEQUENCE_EN_AFTER = lazy(
    r"^\s*(?:version|versions|release|releases|update|updates|build|builds|edition|"
    r"editions|step|steps|stage|stages|chapter|chapters|section|sections|time|item|items|"
    r"entry|entries|row|rows|column|columns|line|lines|page|pages|post|posts|article|"
    r"articles|commit|commits|news|changes?|version of|iteration)\b", re.I)
_SEQUENCE_EN_MATCH = lazy(r"(?:latest|newest|most recent|earliest|oldest|last|first)",
                                re.I)
_SEQUENCE_ZH = lazy(r"^(?:最后|最後|最早|最晚|最新|最近|最终|最終|最初|最先|最末|最前|"
                          r"最上|最下|最左|最右|最大化|最小化|最优化|最優化|"
                          r"最外|最里|最底|最顶)")
_SEQUENCE_ZH_AFTER = lazy(r"^(?:一步|一个步骤|一章|一节|一行|一列|一个|一项|一条|一次|一天|"
                                r"版本|版|发布|更新|步|章|节|行|列|页|阶段|位|週|周|個|階段|件|堂|届|屆|季|"
                                r"章節|節|期|輪|頁|步驟)")
_TECH_ZH_AFTER = lazy(
    r"^(?:索引|键|主键|约束|标识|标识符|值|性|ID|id|Id|编码|编号|名称|路径|链接|地址|实践|"
    r"域名|菜单|目录|节点|元素|字段|分类|级别|级菜单|层级|权限|订单号|匹配|校验|标签|"
    r"延迟|容量|并发|吞吐|尺寸|大小|限制|上限|下限|数量|深度|宽度|高度|重试|次数|长度|"
    r"数据[\u4e00-\u9fff]{0,4}(?:延迟|量|数)|"
    r"標籤|編號|編碼|代碼|代码|识别码|識別碼|鍵|約束|標識|路徑|連結|欄位|節點|層級|權限|訂單號|"
    r"長度|數量|範圍|范围|限度|程度|"
    r"安全库存|库存|庫存|阈值|閾值|水位|分数|分數|评分|評分|额度|額度)")
_TECH_ZH_BEFORE = lazy(r"(?:号|號|ID|id|编号|編號|键|鍵|字段|欄位|值|名称|名稱|邮箱|"
                             r"郵箱|手机号|"
                             r"账号|帳號|用户名|標識|标识)\s*$")
_TECH_ZH = lazy(r"^(?:最大值|最小值|最大长度|最小长度|最大数量|最大连接数|最大并发|最佳实践|"
                      r"绝对路径|绝对定位|绝对值|唯一性|顶级域名|一流水线)")
_TECH_EN = lazy(
    r"^(?:unique|primary|absolute|top|first|best|maximum|minimum|max|min)[\s-]+"
    r"(?:keys?|index(?:es)?|indices|constraints?|identifiers?|ids?|values?|names?|paths?|"
    r"practices?|level|levels|class(?:es)?|positioning|urls?|fields?|columns?|rows?|"
    r"sizes?|length|width|height|number|count|limit|timeout)\b", re.I)
_TECH_EN_CONTEXT = lazy(
    r"(?<![A-Za-z])(?:unique|primary)\s+(?:key|index|constraint|identifier|id)s?(?![A-Za-z])|"
    r"(?<![A-Za-z])best[\s-]practices?(?![A-Za-z])", re.I)
_READER_EN_BEFORE = lazy(
    r"(?<![A-Za-z])(?:help(?:s|ing)?\s+(?:you|your\s+\w+|them|clients?|customers?)(?![A-Za-z])"
    r"[^.!?;:]{0,40}(?:\s(?:in|with|to|for))?\s+\w+ing|selection\s+of|choice\s+of|"
    r"devis(?:e|es|ed|ing)|"
    r"find|choose|choosing|pick|picking|select|selecting|decide|deciding|"
    r"determine|compare|comparing|identify|evaluate|which|what|want|wants|wanted|need|"
    r"needs|expect|expects|hope|hopes|demand|demands)(?![A-Za-z])[^.!?;:]{0,50}$",
    re.I)
_READER_EN = lazy(
    r"(?:(?:fits?|suits?|works?|meets?|serves?|matches)\s+(?:you|your\s+\w+(?:\s+\w+)?|"
    r"them|their\s+\w+)\s+best|best\s+(?:fits?|suits?|for\s+(?:you|your|them|their))|"
    r"it['’]?s\s+best\s+to|(?:is|are)\s+best\s+to|best\s+to\s+\w+|(?:would|might)\s+be\s+best)",
    re.I)
_READER_ZH = lazy(r"(?:选择|找到|挑选|选出|判断|寻找|选|找|希望|想要|期望|要求|渴望|需要)"
                        r"[\u4e00-\u9fffA-Za-z ]{0,10}$")
_READER_ZH_AFTER = lazy(r"^(?:适合|合适)(?:你|您|自己|团队|你们|您们|企业|他们|的)")
_ADVICE_ZH_AFTER = lazy(
    r"^(?:先|不要|别|还是|能|可以|在|把|将|使用|用|选择|采用|提前|定期|确保|避免|尽量|根据|参考|"
    r"通过|让|对|给|与|和|做|设置|配置|保持|检查|备份|联系|咨询|是)")
_SMALL_ZH_AFTER = lazy(r"^(?:少|小|低)?的?(?:资源|代码|成本|时间|精力|步骤|操作|"
                             r"人力|投入|配置|改动|"
                             r"开发|工作量|干预|点击)")

_DESIRE = lazy(r"(?:(?<![A-Za-z])(?:need|needs|needing|want|wants|wanting|wish|wishes|"
                     r"expect|expects|hope|hopes|looking\s+for)(?:\s+(?:a|an|the|to|to\s+be|"
                     r"something|more))?\s*$)|(?:希望|想要|期望|渴望|期待|需要|要求)[\u4e00-\u9fff]{0,2}$",
                     re.I)

# ---- markup around the phrase -------------------------------------------------------------
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", '"': '"', "«": "»", "‘": "’"}
_ATTRIBUTION_EN = lazy(
    r"(?:^|\s)(?:[—–―]|--|-\s)\s*[A-Z][\w.'’-]+|(?<![A-Za-z])(?:said|says|according to|"
    r"explains|explained|notes|noted|told|writes|wrote|recalls|adds|added)(?![A-Za-z])")
_ATTRIBUTION_ZH = lazy(r"(?:——|—|－－)\s*\S|表示|说道|称|指出|评价|介绍说|坦言|提到|认为")
_READ_MORE = lazy(r"^\s*(?:[-*+>]\s*)*(?:\W{0,3})\s*(?:\*\*)?(?:read more|related|see also|"
                        r"further reading|learn more|recommended|"
                        r"阅读更多|相关阅读|推荐阅读|延伸阅读|"
                        r"相关文章|了解更多|更多阅读)", re.I)


def reason_not_own(text: str, start: int, end: int, language: str,
                   own_names: Iterable[str] = (), regions: Iterable[str] = (),
                   row: str = "") -> str | None:
    """Why text[start:end] is not the advertiser's own claim, or None when it is.

    `language` is "en" or "zh" (the page's); `own_names` are the advertiser's names, so
    that "NocoBase is the best" stays a claim while "Airtable is the best" does not.
    `regions` are the kinds of Markdown regions around the phrase (link, quote, table,
    heading...; vplint.source.markdown) and `row` the source of its table row, if any:
    Markdown's own markup is not in `text`, the copy.
    """
    around = frozenset(regions)
    if "link" in around:
        return LINK
    if "quote" in around:
        return QUOTED
    if "table" in around and not _mentions_self(row, list(own_names)) and not (
            _FIRST_PERSON_EN.search(row) or _FIRST_PERSON_ZH.search(row)):
        return TABLE
    floor = max(0, start - WINDOW)
    line_start = max(text.rfind("\n", floor, start) + 1, floor)
    if "heading" in around and not text[line_start:start].strip() \
            and (re.match(r"\s*(?:\*\*)?\s*[:：.、)）]", text[end:end + 6]) or re.match(
                r"(?:No\.?\s?\d|#\s?\d|第[一二三四五六七八九十\d]+|Top\s?\d)", text[start:end],
                re.I)):
        return HEADING  # a list numbered in headings: "## No.1: Ghost", "## 第一：Odoo"
    match = text[start:end]
    line_end = text.find("\n", end, end + WINDOW)
    line = text[line_start: min(len(text), end + WINDOW) if line_end < 0 else line_end]
    before_line = text[line_start:start]
    # Spans are cut to WINDOW characters around the phrase: what decides who speaks is
    # close to it, and a page with no punctuation must not make each hit cost its length.
    sentence = _near(span_of(sentence_spans(text), start), start, end)
    clause = _near(span_of(clause_spans(text), start), start, end)
    before = text[max(sentence[0], clause[0]):start]
    after = text[end:min(len(text), end + 90)]
    names = [n for n in own_names if n]

    if re.fullmatch(r"\s*#+\s*", before_line) or re.match(r"#+\s*$", match.strip()):
        return HEADING
    if re.fullmatch(r"\s*#+\s*(?:\*\*)?\W{0,2}", before_line) and \
            re.match(r"\s*(?:\*\*)?\s*[:：.、)）]", text[end:end + 6]):
        return HEADING  # a list numbered in headings: "## No.1: Ghost", "## 第一：Odoo"
    if _in_link_text(text, start, end) or _READ_MORE.match(line):
        return LINK
    if line.lstrip().startswith("|") and not _mentions_self(line, names):
        return TABLE
    if _quoted(text, start, end, line, language):
        return QUOTED
    if _QUESTION_END.search(text[sentence[0]:sentence[1]]) or (
            _has_cjk(match) and _ZH_QUESTION.search(text[clause[0]:start])):
        return QUESTION
    if _EMBEDDED_QUESTION_EN.search(before) and not _has_cjk(match):
        return QUESTION
    if _negated(before, language):
        return NEGATED
    if _DESIRE.search(before[-12:]):
        return READER  # a wish, not a promise: "teams who need a fast CRM", 希望快速搭建
    if _SAID_ZH.search(text[sentence[0]:start]):
        return QUOTED  # 正如客户的团队强调的那样，首选… (someone else's words)
    if _own_range(before, after, names):
        return GENERAL  # within one's own range: "the most powerful editor in Acme"
    reason = _term_reason(match, before, after, language)
    if reason:
        return reason
    if (_has_cjk(match) or language == "zh" and match.startswith(("100%", "100％"))) and \
            zh_not_claim(match, before, after):
        # not a claim construction (vplint.text.claims): 最大线程数, 唯一的包名
        return TECHNICAL
    if not _has_cjk(match) and en_not_claim(match, before, after):
        return GENERAL  # "plan for the future of", "in the best interest of"
    if _about_someone_else(text, clause, start, before, names, language) or \
            _praises_a_component(match, before, after, names):
        return THIRD_PARTY
    return None


def _praises_a_component(match: str, before: str, after: str, names: list[str]) -> bool:
    """The praise is of a named thing the offer is built on or chose, not of the offer:
    "based on the market-leading cloud platform OpenStack", 基于业界领先的开源云平台
    OpenStack, "NATS for its superior messaging"."""
    if _has_cjk(match):
        name = _BUILT_ON_ZH.search(before[-6:]) and _PRAISE_ZH.search(match) and \
            _NAMED_AFTER_ZH.match(after)
    else:
        name = _BUILT_ON_EN.search(before[-40:]) and _MARKET_RANK_EN.search(match) and \
            _NAMED_AFTER_EN.match(after) or _ITS_OWNER_EN.search(before[-40:])
    return bool(name) and name.group(1) not in _COMMON_CAPS and \
        not _mentions_self(name.group(1), names)


# What the offer is built on is someone else's: "based on the market-leading cloud platform
# OpenStack", "powered by the world-class Ceph storage".
_BUILT_ON_EN = lazy(r"(?<![A-Za-z])(?:based|built|running|runs|run|hosted|powered|relies|"
                    r"rely|relying)\s+(?:on|by|upon)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# A component's standing in its market ("market-leading", "the most popular"); hype about the
# technology ("built on cutting-edge Serverless MQTT") is the offer's own.
_MARKET_RANK_EN = lazy(r"lead|best|popular|largest|biggest|most|top|superior|world-class",
                       re.I)
_NAMED_AFTER_EN = lazy(r"^(?:[\s,]+[a-z][\w-]*){0,4}[\s,]+([A-Z][\w.+-]*[A-Za-z0-9])")
_BUILT_ON_ZH = lazy(r"(?:基于|基於|采用|採用|依托|依託|构建于|構建於)(?:了)?"
                    r"(?:业界|業界|全球|行业|行業)?$")
# A proper name in Latin letters (OpenStack, Ceph), not a technology's acronym (AI, GPU):
# 采用领先的AI技术 is the offer's own claim.
_NAMED_AFTER_ZH = lazy(r"^[^，。,;；!！?？\n]{0,12}?(?<![A-Za-z])"
                       r"([A-Z][A-Za-z0-9.+-]*[a-z][A-Za-z0-9.+-]*)")
_ITS_OWNER_EN = lazy(r"(?<![\w.])([A-Z][\w.+-]*)\s+(?:for|because\s+of|thanks\s+to|with)\s+"
                     r"its\s+$")


WINDOW = 240


def _own_range(before: str, after: str, names: list[str]) -> bool:
    """A superlative scoped to the advertiser's own range ("the most powerful text editor
    in Acme", "of our plans", Acme 里功能最强大的): the SAMR guidelines allow it, and it
    compares the offer with itself, not with others."""
    if re.match(r"^[^.!?;\n]{0,40}?\s(?:in|within|among|of)\s+our\s+(?:own\s+)?(?:range|"
                r"line-?up|plans?|editions?|tiers?|products?|catalogu?e|portfolio|family)\b",
                after, re.I):
        return True
    if not names:
        return False
    alt = "|".join(re.escape(n) for n in names)
    if re.match(rf"^[^.!?;\n]{{0,40}}?\s(?:in|within|among)\s+(?:the\s+)?(?:{alt})"
                rf"(?![\w-])(?!\s+(?:is|are|has|have)\b)", after, re.I):
        return True
    # A name, then what follows it matched by one pattern compiled once: the CJK class
    # alone costs milliseconds to compile, and the names change with every document.
    for name in names:
        found = re.compile(re.escape(name), re.I).search
        at = 0
        while at <= len(before) and (m := found(before, at)) is not None:
            if _IN_OWN_RANGE_ZH.match(before, m.end()):
                return True
            at = m.start() + 1
    return False


_IN_OWN_RANGE_ZH = lazy(r"\s*(?:的[\u4e00-\u9fff]{1,4})?(?:里面|裡面|之中|当中|當中|里|裡|中|内|內)"
                        r"[^。！？，,\n]{0,8}$")
"""What follows the advertiser's name in 我们产品里 / Acme 的产品中 (`_own_range`); no letter
in it has a case, so it is the same with or without IGNORECASE."""


def _near(span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    return max(span[0], start - WINDOW), min(span[1], end + WINDOW)


def _negated(before: str, language: str) -> bool:
    tail = before[-40:]
    if _NEG_EN.search(tail):
        return True
    return bool(_NEG_ZH.search(tail.rstrip()) or _NEG_ZH_PHRASE.search(tail))


_IDIOM_EN = lazy(
    r"(?:makes?|making|made)\s+the\s+most\s+sense|(?:make|makes|making)\s+the\s+most\s+of|"
    r"the\s+most\s+out\s+of|(?:make|makes|making|made)\s+the\s+best\s+of|"
    r"(?:do|did|does|doing|try|tried)\s+(?:my|our|your|their|his|her)"
    r"\s+best|all\s+the\s+best|best\s+(?:regards|wishes|of\s+luck)|at\s+(?:its|the|their)"
    r"\s+best|the\s+best\s+of\s+(?:both|all|many|two)\s+worlds|"
    r"(?:get|gets|getting|got|bring|brings|bringing|combine|combines|combining)\s+the\s+best\s+of|"
    r"(?:the\s+)?best\s+(?:way|time)\s+to|had\s+better|"
    r"the\s+best\s+(?:I|we|you|they)\s+(?:could|can|can['’]t)|reinvent(?:s|ed|ing)?\s+the\s+"
    r"wheel|(?:most|least)\s+(?:commonly|frequently|widely|often|rarely)|most\s+(?:underused|"
    r"overlooked|requested|asked|used)|"
    # a ranking of topics and aims, not of the offer: "the leading theme", "our number one goal"
    r"the\s+leading\s+(?:theme|topic|question|cause|causes|factor|reason|idea|thread)s?\b|"
    r"number\s+one\s+(?:goal|priority|aim|rule|concern|question|reason|cause)s?\b", re.I)
_IDIOM_ZH = lazy(r"第一位|放在第一|首要|第一要务|最起码|最少也|至少|最坏|最壞|最糟|"
                       r"同一流|统一流|統一流|"
                       r"最好的办法是|最好的方式是")


# A superlative bounded by the speaker's own experience ranks what they have met, not the
# market: "the best gateway we've used so far", "the most ambitious site I have built".
_EXPERIENCE_EN = lazy(
    r"^[\w\s-]{0,40}?(?<![A-Za-z])(?:that\s+|which\s+)?(?:I|we|you)(?:['’](?:ve|d)|\s+have|"
    r"\s+had)?\s+(?:ever\s+|yet\s+|so\s+far\s+|personally\s+|then\s+)?(?:used|done|built|made|"
    r"seen|tried|tested|worked|had|met|written|read|created|shipped|delivered|run|designed|"
    r"found|reviewed|come\s+across|encountered|taken\s+on|felt|been|looked|organi[sz]ed|"
    r"attended|taught|hosted|led|given)(?![A-Za-z])",
    re.I)
_RANKS_EN = lazy(r"most|best|[a-z]{3,}est\b")
"""A phrase that ranks (the most, the best, the fastest, the greatest), lower-cased."""
# Best effort is a limit the speaker sets itself, not a ranking: "the best experience we
# could offer", "the most effective system we can", 我们所能提供的最佳体验.
_BEST_EFFORT_EN = lazy(r"^[\w\s-]{0,40}?(?<![A-Za-z])(?:that\s+)?(?:I|we)\s+(?:can|could)"
                       r"(?:\s+(?:possibly|reasonably))?(?![A-Za-z'’])", re.I)
_BEST_EFFORT_ZH = lazy(r"(?:(?:我们|我們|我|本团队|本團隊)(?:所|尽力|盡力)?能(?:够|夠)?"
                       r"(?:提供|做到|给出|給出|带来|帶來|实现|實現)?的"
                       r"|(?:尽力|盡力|尽量|盡量|努力)(?:将其|將其|把它|把它们|去)?(?:做到|做得?))$")
# Work under way is an aim, not a result: "we're growing Awesome U into a premier programme",
# "we're building a world-class learning environment".
_UNDER_WAY_EN = lazy(r"(?<![A-Za-z])(?:we['’]re|we\s+are|I['’]m|I\s+am)\s+(?:\w+\s+)?"
                     r"(?:building|growing|creating|developing|turning|shaping|working\s+towards?)"
                     r"\s+(?:[\w'’-]+\s+){0,5}?(?:into\s+)?an?\s+$", re.I)
# The reader as the subject of a future: "you will become the administrator", 你的意见或将成为.
_READER_FUTURE = lazy(r"(?:(?<![A-Za-z])(?:you|your(?:\s+[\w-]+){1,2})\s+"
                      r"|(?:你|您)(?:们|們)?(?:的[\u4e00-\u9fff]{1,4})?(?:或|也|可能|也许|也許)?)$",
                      re.I)
# What the customer builds or runs with the offer is "next-generation", not the offer:
# "power your next-generation robotics initiatives", 构建支撑下一代智能应用的平台.
_CUSTOMERS_NEXT_EN = lazy(r"^[\s-]*(?:[\w-]+\s+){0,2}?(?:applications?|apps|initiatives?|"
                          r"projects?|workloads?|products|services|solutions|systems|"
                          r"use\s+cases|innovations?|businesses)\b", re.I)
_CUSTOMERS_NEXT_ZH = lazy(r"^(?:的)?(?:[\u4e00-\u9fff]{0,4})(?:应用|應用|业务|業務|项目|項目)")
_YOUR_BEFORE = lazy(r"(?<![A-Za-z])(?:your|their|customers['’]?)\s+$|(?:支撑|支撐|赋能|賦能|"
                    r"助力|驱动|驅動|fuels?|powers?|enables?|support(?:s|ing)?)\s*$", re.I)
# Building a team is a hiring aim: "build out a world-class team", "attract the best talent".
_TEAM_AIM_EN = lazy(r"(?<![A-Za-z])(?:build|builds|building|hire|hires|hiring|recruit\w*|"
                    r"attract\w*|assemble\w*|bring(?:ing|s)?)(?:\s+out|\s+together)?"
                    r"(?:\s+(?:a|an|the|our))?(?:\s+[\w-]+){0,2}\s*$", re.I)
_TEAM_EN = lazy(r"^(?:\s+(?!(?:for|to|of|with|by)\b)[\w-]+){0,2}?\s+"
                r"(?:team|teams|talent|talents|people|engineers|"
                r"minds|staff|hires|workforce)(?![A-Za-z])", re.I)
# A category described in general, opening its sentence: "The best directories improve
# efficiency", "The most effective service catalogs also enable users to...".
_CATEGORY_EN = lazy(
    r"^the\s+(?:best|most\s+[\w-]+)\s+(?:[\w/-]+\s+){0,3}?[\w-]+s\s+(?:also\s+|typically\s+|"
    r"usually\s+|often\s+|generally\s+|will\s+|can\s+|should\s+)?(?:are|do|have|offer|let|give|"
    r"tend|allow|make|provide|help|include|contain|enable|improve|integrate|support|use|share|"
    r"combine|feature|come|focus|keep|put|start|take)(?![A-Za-z])", re.I)
# Relative to a price, or the best use of something: "the best results for your budget",
# "get the best effect out of our tables", "the best customers in the world".
_FOR_THE_MONEY_EN = lazy(
    r"^(?:the\s+)?(?:best|most\s+[\w-]+)\s+(?:[\w-]+\s+){0,2}?(?:for\s+(?:the|your|their|our)\s+"
    r"(?:price|budget|money|cost|spend)|out\s+of)(?![A-Za-z])", re.I)
# Searching out the best deal for the customer is the service, not praise of the offer:
# "we book the best deal for your trip", "compare to find the best rates".
_BEST_DEAL_EN = lazy(r"(?<![A-Za-z])(?:find|finds|finding|get|gets|getting|book|books|"
                     r"booking|secure|secures|securing|negotiate|negotiates|negotiating|"
                     r"source|sources|sourcing|compare|comparing|shop\s+for|hunt\s+down)"
                     r"\s+(?:you\s+)?$", re.I)
_DEAL_AFTER_EN = lazy(r"^\s+(?:possible\s+|available\s+)?(?:deals?|prices?|rates?|fares?|"
                      r"offers?|quotes?|terms)(?![A-Za-z])", re.I)
_OTHERS_PRAISED_EN = lazy(
    r"^(?:the\s+)?(?:best|greatest|finest|most\s+[\w-]+)\s+(?:[\w-]+\s+)?(?:customers|clients|"
    r"users|community|communities|partners|members|contributors|volunteers|fans|readers)"
    r"(?![A-Za-z])", re.I)
_AIM_CLAUSE_EN = lazy(r"(?<![A-Za-z])(?:aim|goal|mission|ambition|vision|purpose)\s+(?:is|was)"
                      r"\s+to\s+(?:[\w-]+\s+){0,6}$", re.I)
# Someone else's range: "the cheapest spot instance AWS has".
_OTHERS_RANGE_EN = lazy(r"^[\w\s-]{0,40}?\s(?:that\s+)?(?!I\b|We\b|You\b)[A-Z][\w.-]+"
                              r"\s+(?:has|have|offers?|sells?|provides?|lists?|supports?)"
                              r"(?![A-Za-z])")
# An award is a third party's verdict: "wins the best Irish e-commerce website", 荣获…最佳….
_AWARD_EN_BEFORE = lazy(r"(?<![A-Za-z])(?:wins?|won|winning|awarded|named|voted|"
                              r"shortlisted\s+for|nominated\s+for|finalists?\s+(?:for|in))"
                              r"\s+(?:as\s+)?(?:the\s+)?$", re.I)
_AWARD_ZH_BEFORE = lazy(r"(?:荣获|榮獲|拿下|获评|獲評|评为|評為|入选|入選|获颁|獲頒)"
                              r"[^。！？；\n]{0,30}$")
# "10x" as a measured result: "achieved 10x throughput improvement".
_MEASURED_BEFORE = lazy(r"(?<![A-Za-z])(?:achiev\w*|measur\w*|saw|seen|recorded|resulted|"
                              r"reached|gain(?:ed|ing)?|benchmark\w*|observed)(?![A-Za-z])"
                              r"[^.!?;\n]{0,20}$", re.I)
_DISRUPT_MARKET = lazy(r"^\s+(?:the\s+|an?\s+|their\s+|your\s+)?(?:[\w-]+\s+)?(?:industry|"
                             r"industries|market|markets|sector|status\s+quo|space|category|"
                             r"world|game|incumbents?|way|business(?:es)?\s+models?)(?![A-Za-z])",
                             re.I)
# Fit for purpose, not better than others: "the most suitable antenna", "the best possible
# results", "the most appropriate equipment available".
_FIT_EN = lazy(r"^(?:the\s+)?(?:most\s+(?:suitable|appropriate|relevant|fitting|applicable|"
                     r"sensible|practical)|best[\s-]+(?:possible|suited|fit|fitting|match))"
                     r"(?![A-Za-z])", re.I)
# "Possible" closing the phrase makes it a limit, not a ranking against others: "the most
# efficient way possible", "the fastest turnaround possible".
_POSSIBLE_AFTER = lazy(r"^(?:[\s-]+[A-Za-z][\w'-]*){0,3}?\s+possible(?![A-Za-z])", re.I)
# Priority and frequency rank the reader's work, not the offer: "the most important fixes".
_PRIORITY_EN = lazy(r"^(?:the\s+)?most\s+(?:important|crucial|critical|essential|urgent|"
                          r"pressing|common|commonly|frequent|frequently|typical|basic|"
                          r"fundamental|obvious|likely)(?![A-Za-z])", re.I)
# An aim is not a claim (the SAMR guidelines exempt a firm's stated goals): "we strive for
# excellence", "my aim is to make the best platform", 致力于成为最好的.
_ASPIRATION_EN = lazy(
    r"(?<![A-Za-z])(?:strive[sd]?|striving|aim|aims|aiming|aimed|goal|mission|ambition|"
    r"aspire[sd]?|aspiring|aspiration|pursuit|dream|vision|endeavou?r|commitment)(?![A-Za-z])(?:\s+(?:is|was|has\s+been))?(?:\s+(?:simply|always|"
    r"just))?\s+(?:to|for|of)(?:\s+(?:be|become|make|build|create|offer|provide|deliver|"
    r"achieve|reach|being|becoming|making|building|creating|offering|providing|delivering|"
    r"achieving))?\s+$", re.I)
# The aim must govern the superlative (致力于成为最好的), not a means (致力于通过领先的技术…).
_ASPIRATION_ZH = lazy(r"(?:致力于|致力|力求|追求|立志|目标是|目標是|使命是|愿景是|願景是|"
                            r"梦想|夢想|努力|争取|爭取)(?:成为|成為|做到|做|打造|实现|實現|达到|"
                            r"達到)?(?:行业|行業|业内|業內|国内|國內|全球|世界)?的?$")
# An aim to provide the best (致力于为用户提供最佳服务) is an aim for praise words only; a
# scope (致力于为所有企业提供全方位的服务) is still the offer's claim.
_AIM_TO_PROVIDE_ZH = lazy(r"(?:致力于|致力|力求|追求|努力)(?:为[^，。；,;]{1,6})?"
                          r"(?:提供|带来|帶來)的?$")
_PRAISE_ZH = lazy(r"最|卓越|一流|顶级|頂級|顶尖|頂尖|领先|領先|优质|優質|完美|极致|極致")
_EXCELLENCE_COMPOUND = lazy(r"(?:operational|engineering|technical|service|customer|"
                                  r"cent(?:er|re)s?\s+of|standards?\s+of)\s*$", re.I)
# "first-class" for a built-in concept is a programming idiom: "a first-class capability".
_FIRST_CLASS_TECH = lazy(r"^\s*(?:citizens?|capabilit(?:y|ies)|concepts?|objects?|functions?|"
                               r"types?|values?|support|primitives?|entit(?:y|ies)|integrations?|"
                               r"APIs?|modules?|models?)(?![A-Za-z])", re.I)
_EDGE_IDIOM = lazy(r"(?:stay|stays|staying|stayed|remain|remains|remaining)\s+(?:on|at)"
                         r"\s+(?:the\s+)?$", re.I)
_EDGE_RISK = lazy(r"^\s*(?:investments?|risks?|releases?|versions?|builds?|channels?|"
                        r"branch(?:es)?|territory)(?![A-Za-z])", re.I)
# Others counted from a group: "a number of the most popular gateways".
_GROUP_OF_EN = lazy(r"(?<![A-Za-z])(?:a\s+number|several|some|many|a\s+few|few|two|three|"
                          r"four|five|six|seven|eight|nine|ten|\d+)\s+of\s*$", re.I)
_TECH_DEFAULT = lazy(r"^\s*(?:setting|settings|value|option|behaviou?r|mode|config\w*|"
                           r"scheme|for\s+[`\w]|in\s+(?:v?\d|version))", re.I)
_FACTUAL_100_ZH = lazy(r"^\s*(?:开源|開源|自托管|自託管|私有化|私有部署|本地部署|本地|"
                             r"免费|免費|国产|國產|原创|原創|源码|源碼|开放源码|兼容|云原生|"
                             r"雲原生)")
# A speaker's feeling, not a quality of the offer: 印象最深刻, 最开心的事, 最有成就感.
_FEELING_ZH = lazy(r"^最(?:开心|開心|高兴|高興|快乐|快樂|满意|滿意|喜欢|喜歡|欣慰|自豪|骄傲|"
                         r"驕傲|激动|激動|感动|感動|兴奋|興奮|难忘|難忘|深刻|深|惊喜|驚喜|有成就感|"
                         r"期待|感激|幸运|幸運|意外|看重|看中|关注|關注|关心|關心|在意|在乎|担心|擔心)")
# 最好 before a verb is an adverb, "preferably": 最好有技术团队支持, 最好由专人负责.
_ADVERB_ZH_AFTER = lazy(r"^(?:有|由|要|配备|配備|具备|具備|具有|拥有|擁有|结合|結合|搭配|"
                              r"安排|"
                              r"请|請|准备|準備|了解|熟悉|带|帶|再|也|就|都|同时|同時|按|每|让|讓|"
                              r"留|预留|預留|提供|开启|開啟|关闭|關閉|打开|打開|限制|控制|选|選)")


def _term_reason(match: str, before: str, after: str, language: str) -> str | None:
    """Idioms, general facts, sequence words, technical terms and a reader's choice."""
    low = match.lower()
    phrase = match + after
    window = before[-24:] + phrase[:30]
    idiom = _IDIOM_EN.search(window) or _IDIOM_ZH.search(before[-4:] + phrase[:8])
    if idiom and idiom.start() <= len(before[-24:]) + len(match):
        return GENERAL  # "makes the most sense", "do our best", 安全是第一位的
    ranks = bool(_RANKS_EN.search(low))
    if _EXPERIENCE_EN.match(after) and ranks:
        return GENERAL  # a personal ranking: "the best gateway we've used so far"
    if re.match(r"(?:will|shall|is\s+set|are\s+set|将|將|或将|或將|会|會)", low) and \
            _READER_FUTURE.search(before[-24:]):
        return READER  # the reader's future: "you will become the administrator"
    if re.search(r"next[\s-]gen|下一代|新一代", low) and _YOUR_BEFORE.search(before[-20:]) and (
            _CUSTOMERS_NEXT_EN.match(after) or _CUSTOMERS_NEXT_ZH.match(after)):
        return ABOUT_OTHERS  # the customer's next-generation applications
    if _UNDER_WAY_EN.search(before[-80:]) and (ranks or bool(re.search(
            r"premier|world[\s-]class|leading|first[\s-]class", low))):
        return READER  # an aim under way: "we're building a world-class environment"
    if (_BEST_EFFORT_EN.match(after) and ranks) or \
            (_has_cjk(match) and _BEST_EFFORT_ZH.search(before[-12:])):
        return READER  # best effort: "the best experience we could offer", 我们所能提供的最佳
    if _TEAM_AIM_EN.search(before[-60:]) and _TEAM_EN.match(after):
        return READER  # a hiring aim: "build out a world-class team"
    if not _has_cjk(match):
        if _CATEGORY_EN.match(phrase) and re.search(r"(?:^|[.!?:\n]\s*)$", before):
            return GENERAL  # a category in general: "The best directories improve..."
        if _FOR_THE_MONEY_EN.match(phrase):
            return READER  # "the best results for your budget", "the best effect out of"
        if re.fullmatch(r"the\s+best", low) and _BEST_DEAL_EN.search(before[-30:]) and \
                _DEAL_AFTER_EN.match(after):
            return READER  # "we book the best deal for your corporate travel"
        if _OTHERS_PRAISED_EN.match(phrase):
            return ABOUT_OTHERS  # "the best customers in the world"
        if _AIM_CLAUSE_EN.search(before[-80:]):
            return READER  # "our aim is to streamline the creation of world-class apps"
    if re.match(r"^[\w\s-]{0,30}?(?<![A-Za-z])you(?:['’]ll|\s+(?:can|could|will|would|might))"
                r"(?:\s+ever)?\s+(?:make|take|do)(?![A-Za-z])", after,
                re.I) and ranks:
        return READER  # the reader's option: "often the smartest move you can make"
    if _FIT_EN.match(phrase) or (_POSSIBLE_AFTER.match(after) and ranks):
        return READER  # fit for purpose: "the most suitable antenna", "best possible"
    if _PRIORITY_EN.match(phrase):
        return GENERAL  # priority or frequency: "the most important fixes"
    if _ASPIRATION_EN.search(before) and not _has_cjk(match) or \
            _ASPIRATION_ZH.search(before) and _has_cjk(match) or \
            _AIM_TO_PROVIDE_ZH.search(before) and _PRAISE_ZH.search(match):
        return READER  # an aim: "we strive for excellence", 致力于成为最好的
    if low == "excellence" and _EXCELLENCE_COMPOUND.search(before[-30:]):
        return TECHNICAL  # "operational excellence", "centre of excellence"
    if re.search(r"first[\s-]class", low) and _FIRST_CLASS_TECH.match(after):
        return TECHNICAL  # "a first-class capability of the system"
    if re.search(r"(?:cutting|leading|bleeding)[\s-]edge", low) and _EDGE_IDIOM.search(
            before[-30:]) or re.search(r"bleeding[\s-]edge", low) and _EDGE_RISK.match(after):
        return GENERAL  # "stay on the cutting edge of cloud", "bleeding-edge investment"
    if re.search(r"(?:cutting|leading|bleeding)\s+edge$", low) and (
            re.match(r"\s*(?:of\s+(?:the\s+)?(?:wing|blade|a\s+wing|an?\s+airfoil)|to\b|and\s+"
                     r"trailing|[,.;:)]|$)", after) or re.search(r"(?:from|at|the)\s*$",
                                                             before[-6:]) and
            not re.match(r"\s*of\b", after)):
        return TECHNICAL  # a noun: "the leading edge of the wing", "from leading edge to..."
    if re.match(r"next[\s-]generation$", low) and (
            re.match(r"\s*(?:$|[,.;:!?)]|and\b|who\b|to\b|of\s+(?:engineers|developers|"
                     r"leaders|talent|people|students|women|girls))", after)):
        return GENERAL  # people: "mentoring the next generation and building communities"
    if re.match(r"first\s+class$", low) and re.search(r"(?:the|your|our|each|every|this)\s+$",
                                                     before[-8:].lower()):
        return SEQUENCE  # "the first class is upper body, the second a HIIT workout"
    if re.match(r"disrupt(?:s|ing)?$", low) and not _DISRUPT_MARKET.match(after):
        return GENERAL  # the verb "interrupt": "conflicts can disrupt your app"
    if re.match(r"(?:10|ten)\s*x$", low) and _MEASURED_BEFORE.search(before):
        return GENERAL  # a measured result: "achieved 10x throughput improvement"
    if re.search(r"best|most|[a-z]{3,}est\b|first|top|#|no\.", low) and \
            _AWARD_EN_BEFORE.search(before[-30:]) or \
            _has_cjk(match) and match.startswith("最") and _AWARD_ZH_BEFORE.search(before):
        return GENERAL  # an award: "wins the best e-commerce website of 2023", 荣获最佳…奖
    if re.search(r"most|[a-z]{3,}est\b", low) and _OTHERS_RANGE_EN.match(after):
        return THIRD_PARTY  # "the cheapest spot instance AWS has"
    if re.match(r"the\s", low) and _GROUP_OF_EN.search(before[-20:]):
        return THIRD_PARTY  # "a number of the most popular gateways"
    if "default" in low and _TECH_DEFAULT.match(after):
        return TECHNICAL  # "`https` will be the default setting for androidScheme"
    if re.match(r"(?:100\s*[%％]|百分(?:之)?百)", match) and _FACTUAL_100_ZH.match(after):
        return TECHNICAL  # a checkable attribute: 100% 自托管, 100% 开源
    if _has_cjk(match) and (_FEELING_ZH.match(match + after) or
                            re.search(r"印象\s*$", before[-4:]) and match.startswith("最")):
        return GENERAL  # a feeling: 印象最深刻, 最开心的事
    if match == "最好" and _ADVERB_ZH_AFTER.match(after):
        return READER  # 最好有技术团队支持: "preferably"
    if re.match(r"the\s+future\s+of", low) and re.search(
            r"(?:uncertain|unclear|unknown|in\s+doubt|at\s+risk)", after):
        return GENERAL  # "the future of the project is uncertain" is literal
    if re.match(r"\s+who\s+(?:has|have|is|are|was|does|do|did)\s*(?:n['’]t|not)\b|"
                r"\s+who\s+never\b", after, re.I):
        return GENERAL  # an aside: "for anyone who hasn't come across it"
    if _TECH_ZH.match(phrase) or (_has_cjk(match) and _TECH_ZH_AFTER.match(after)):
        return TECHNICAL
    if match.startswith("唯一") and _TECH_ZH_BEFORE.search(before):
        return TECHNICAL  # 订单号唯一: a uniqueness constraint
    if re.match(r"(?:最大|最小|最高|最低|最多|最少|最快|最长|最短|max|min)", low) and \
            re.match(r"^[^\d。！？.!?\n]{0,8}[:：]?\s*[±~约]?\d", after):
        return TECHNICAL  # a numeric limit of the offer: 最大切割厚度：20mm, 最快30分钟
    if re.search(r"leading|top|biggest|largest|most|best|greatest|fastest|first", low) and \
            _OTHERS_PLURAL_EN.match(after) and not re.search(
                r"(?<![A-Za-z])(?:we|I)\s+(?:\w+\s+)?(?:make|build|offer|provide|create|"
                r"design|sell|ship|deliver|develop)s?\s+$", before, re.I):
        return THIRD_PARTY  # "the leading model companies": a group of others, unless
        # the advertiser makes them ("we build the best tools")
    if _TECH_EN.match(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)) or \
            _TECH_EN_CONTEXT.search(before[-20:] + phrase[:40]):
        if not re.search(r"(?<![A-Za-z])(?:top|first|best)[\s-]+(?:class|level|rated|notch)\b",
                         phrase[:20], re.I) or re.match(r"(?:top|first)[\s-]+level", low):
            return TECHNICAL
    if _SEQUENCE_ZH.match(match) or _SEQUENCE_ZH.match(before[-1:] + match):
        return SEQUENCE
    if _has_cjk(match) and re.match(r"^(?:第一|首个|首個|首次|首先)", match) and (
            _SEQUENCE_ZH_AFTER.match(after) or re.match(
                r"^(?:落地|上线|上線|完成|发布|發布|交付|试点|試點|试用|試用)", after)):
        return SEQUENCE
    if _SEQUENCE_EN_MATCH.search(low) and _SEQUENCE_EN_AFTER.match(after):
        return SEQUENCE
    if _GENERAL_ZH_WORDS.match(phrase) or (match.startswith("最") and
                                            _GENERAL_ZH_AFTER.match(after)):
        return GENERAL
    if match.startswith("最") and (_SMALL_ZH_AFTER.match(match[1:] + after)
                                  and re.match(r"最(?:少|小|低)", match)):
        return GENERAL
    if re.match(r"(?:最多|最高|最大|第一|最受)", match) and (
            _COUNT_NOUNS.search(before[-12:]) or re.search(
                r"(?:按|根据|根據|以)\s*(?:GitHub\s*)?(?:Stars?|星标|星數|下载量|下載量|票数|票數)",
                after[:30], re.I)):
        return GENERAL  # an objective ranking: "Star 数量最多"
    if language != "zh" or not _has_cjk(match):
        if re.search(r"(?:most|best|leading|top|biggest|largest|greatest|#\s?1|first|"
                     r"[a-z]{3,}est\b)", low) \
                and _GENERAL_EN.match(after) and not re.match(r"\s*(?:for|to)\s", after):
            return GENERAL
        if re.search(r"most|top|#\s?1|number one", low) and \
                re.match(r"^[\s\w]{0,20}?(?<![A-Za-z])(?:github\s+)?(?:stars|downloads|forks|"
                         r"contributors|votes|reviews|installs)(?![A-Za-z])", after, re.I):
            return GENERAL
    if _READER_EN.search(before[-30:] + phrase[:30]) or (
            re.search(r"best|most\s+\w+|ideal|perfect", low)
            and _READER_EN_BEFORE.search(before)):
        return READER
    if (match + after).startswith(("最适合", "最合适", "最適合", "最适用", "最適用")) or (
            _has_cjk(match) and match.startswith("最") and
            (_READER_ZH.search(before[-14:]) or _READER_ZH_AFTER.match(match[1:] + after))):
        return READER
    if re.match(r"#\s?1|no\.?\s?1|number\s+one", low) and (
            re.match(r"\s+(?:on|in)\s+(?:Google|Bing|Amazon|the\s+App\s+Store|Google\s+Play|"
                     r"Product\s+Hunt|G2|Capterra|GitHub|Hacker\s+News|Trustpilot)\b|"
                     r"\s+(?:for|on)\s+[\"“'‘]", after, re.I)
            or re.search(r"(?<![A-Za-z])rank(?:s|ed|ing)?\s*$", before, re.I)):
        return GENERAL  # a checkable ranking: "ranks #1 on Google for 'vegan bakery Bury'"
    if match == "最好" and _ADVICE_ZH_AFTER.match(after):
        return READER  # 最好先备份: "you had better", advice to the reader
    if _RANKING_ZH_BEFORE.search(before) and _has_cjk(match) or \
            _RANKING_EN_BEFORE.search(before) and re.search(r"most|best|top|[a-z]{3,}est\b",
                                                            low):
        return GENERAL  # a feature ranking the customer's data, an editor's picks
    return None


_APPOSITIVE_EN = lazy(r"(?<![\w.])([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}),\s+"
                            r"(?:(?:a|an|one\s+of\s+the)\s+)?$")
_COMPANIES_AFTER_ZH = lazy(r"^[^。！？；：:，,\n]{0,16}?的[^。！？；：:，,\n]{0,8}?"
                                 r"(?:品牌|企业|企業|公司|厂商|廠商|机构|機構|集团|集團|银行|銀行|大学|大學|车企|車企|客户们|客戶們)"
                                 r"(?:[、和与與及])")
# (_COMPANIES_AFTER_ZH: the companies a superlative describes, 全球领先的汽车品牌、手机品牌…)
# A named subject right before the phrase: "<Name> [by <Name>] is/was [also] ...".
_SUBJECT_BEFORE_EN = lazy(
    r"(?<![\w.])([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})(?:\s+(?:by|from)\s+[A-Z][\w.-]*)?"
    r"(?:['’]s\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:is|was|are|were|has\s+been|have\s+been|remains|"
    r"became|becomes|proved\s+to\s+be|emerged\s+as|stands\s+out\s+as)"
    r"(?:\s+(?:also|still|now|arguably|probably|perhaps|clearly|simply|really|truly|easily))?"
    r"\s+$")
_NOT_APPOSITIVE_BEFORE = lazy(r"(?<![A-Za-z])(?:unlike|than|vs\.?|versus|like|with|over|"
                                    r"against|beyond|and|or)\s+$",
                                    re.I)


def _about_someone_else(text: str, clause: tuple[int, int], start: int, before: str,
                        names: list[str], language: str) -> bool:
    """The clause's subject, or what the phrase qualifies, is not the advertiser."""
    clause_text = text[clause[0]:clause[1]]
    if _OTHERS_ZH.search(before[-6:]) or _OTHERS_EN.search(before[-25:]) or \
            _OTHERS_COUNTED_ZH.search(before[-8:]) or re.search(r"某[\u4e00-\u9fff]?$",
                                                                before[-3:]):
        return True  # 这家行业领先的公司, 五款顶级的开发工具, 某顶级运营商
    tail = text[max(0, start - 60):start]
    appositive = _APPOSITIVE_EN.search(tail)
    if appositive and not _mentions_self(appositive.group(1), names) and \
            appositive.group(1).split()[0] not in _COMMON_CAPS and \
            not _NOT_APPOSITIVE_BEFORE.search(tail[:appositive.start()]) and \
            tail[:appositive.start()].strip():
        return True  # "SFCC, a leading enterprise in the petrochemical industry"
    subject = _SUBJECT_BEFORE_EN.search(before[-80:])
    if subject and subject.group(1).split()[0] not in _COMMON_CAPS and \
            not _mentions_self(subject.group(1), names):
        return True  # "Crossplane by Upbound was the most popular option", "Capacitor is a…"
    clause_before = text[clause[0]:start]
    if _has_cjk(text[start:start + 4]) and _COMPANIES_AFTER_ZH.match(text[start:start + 40]) \
            and not _mentions_self(clause_before, names) and not (
                _FIRST_PERSON_ZH.search(clause_before) or re.search(r"[是为為]\s*$",
                                                                    clause_before)):
        return True  # 全球领先、耳熟能详的汽车品牌: the customers, not the advertiser
    if _mentions_self(clause_text, names):
        return False
    if _FIRST_PERSON_EN.search(clause_text) or _FIRST_PERSON_ZH.search(clause_text):
        return False
    if _OTHERS_ZH.search(before) or _OTHERS_EN.search(before):
        return True
    # A product or company named before the phrase, as its subject or owner:
    # "Airtable is the most flexible", "Airtable 的最大优势", "Airtable 提供最好的…".
    for m in _CAP_NAME.finditer(before):
        name = m.group(0)
        if name in _COMMON_CAPS or name.split()[0] in _COMMON_CAPS:
            continue
        if m.start() == 0 and not _has_cjk(before) and " " not in name and \
                name.lower() == name.capitalize().lower() and not re.search(r"[A-Z].*[A-Z]",
                                                                               name):
            # A capital at the clause start is just the first word, unless what follows
            # reads like a verb of the subject ("Airtable is ...").
            if not _SUBJECT_VERBS_EN.match(before[m.end():]):
                continue
        rest = before[m.end():]
        if _has_cjk(before) or _SUBJECT_VERBS_EN.match(rest) or len(rest.split()) <= 3:
            return True
    return False


def about_advertiser(text: str, start: int, own_names: Iterable[str] = (),
                     we_is_advertiser: bool = True) -> bool:
    """True when the sentence holding `start` names the advertiser, or its clause speaks
    as "we" about the offer (when "we" is the advertiser: not on a page told in a
    customer's voice)."""
    a, b = _near(span_of(sentence_spans(text), start), start, start)
    c, _ = _near(span_of(clause_spans(text), start), start, start)
    # A name anywhere in the sentence ("NocoBase, the most extensible platform"); "we"
    # only as the subject that offers, in the same clause (we_claim_offer).
    if _mentions_self(text[a:b], [n for n in own_names if n]):
        return True
    if we_is_advertiser and _THIS_OFFER_RE.search(text, a, b):
        return True  # 本模块…，是最全面的…: "this module" names the offer like its name
    return we_is_advertiser and (we_claim_offer(text[c:start]) or (
        bool(_WE_SUBJECT_END.search(text, c, start)) and not _DEGREE_AT.match(text, start)
        and not _HYPOTHETICAL.match(text, a)))


# A sentence that supposes ("假设我们…, 那我们势必…", "If we did X, we would...") says what
# would follow, not what the advertiser will do.
_HYPOTHETICAL = lazy(r"\s*(?:假设|假設|假如|如果|要是|若是|倘若|(?:if|suppose|imagine)\b)",
                           re.I)


# The claim word as the predicate of "we" ("we will become", 我们将成为, "we reimagined"):
# the advertiser's claim. A degree word right after "we" (我们最关注, "we most often use")
# grades the speaker's own doing instead.
_THIS_OFFER = (r"本(?:公司|平台|产品|產品|团队|團隊|模块|模組|系统|系統|方案|软件|軟體|服务|服務|"
               r"应用|應用|品牌|网站|網站|店)")
""""This company/platform/module..." (本模块): the advertiser naming its own offer."""
_THIS_OFFER_RE = lazy(_THIS_OFFER)
_WE_SUBJECT_END = lazy(
    r"(?:(?<![A-Za-z])(?:[Ww]e|[Ww]e['’](?:ll|ve))(?:\s+(?:\w+ly|also|now|just|still))*\s*|"
    rf"(?:我们|我們|我司|{_THIS_OFFER})(?:也|还|還|已|已经|已經|一直|都|更|就)*)$")
_DEGREE_AT = lazy(r"最|(?:the\s+)?most\b|best\b", re.I)


# "We" is the advertiser's voice about its offer only as the subject of a predicate of
# being, offering or making ("we are the leading...", "we offer the fastest...", 我们提供
# 最好的…), or as the owner of the thing praised ("our most powerful release", 我们的
# 顶级团队). "We" caring, using, meeting or believing something (我们最关注的, 我们用的最多
# 的工具, "the frameworks we are most experienced with") narrates; it does not sell.
_WE_OFFER_EN = lazy(
    r"(?<![A-Za-z])(?:[Ww]e|[Ww]e['’](?:re|ve|ll)|[Oo]ur(?:\s+[\w-]+){1,2})"
    r"(?:\s+(?:\w+ly|can|could|will|now|also|just|still|are\s+able\s+to|continue\s+to|"
    r"have|had|did))*\s+"
    r"(?:launch|launched|launches|release|released|releases|introduce|introduced|"
    r"introduces|announce|announced|present|presents|unveil|unveiled|"
    r"are|is|were|was|remain|remains|became|become|offer|offers|provide|provides|"
    r"deliver|delivers|build|builds|built|make|makes|made|create|creates|created|give|"
    r"gives|bring|brings|have|has|ship|ships|shipped|guarantee|guarantees|promise|"
    r"promises|rank|ranks|ranked|lead|leads|sell|sells|design|designs|develop|develops|"
    r"engineer|engineers|produce|produces|manufacture|manufactures|supply|supplies|"
    r"help|helps|enable|enables|empower|empowers|let|lets|use\s+only|stand|stands)"
    r"(?![A-Za-z])|(?<![A-Za-z])(?:[Ww]e['’]re|[Ww]e['’]ve)(?![A-Za-z])|"
    r"(?<![A-Za-z])(?:[Oo]ur|[Uu]s)\s+(?:(?:very|truly|all-new|new)\s+)?$|"
    r"(?<![A-Za-z])(?:[Oo]ur)\s+(?:[\w-]+\s+){0,2}(?:is|are)\s+(?:\w+\s+)?$")
_WE_OFFER_ZH = lazy(
    rf"(?:我们|我們|我司|{_THIS_OFFER})[^，,。；;！!？?\s]{{0,10}}?"
    r"(?:也|还|還|已|已经|已經|一直|始终|始終|正在|将|將|都|更|就|随时|隨時|能够|能夠|可以|"
    r"为您|為您|为你|為你|为客户|為客戶|为用户|為用戶)*"
    r"(?:是|为|為|提供|打造|拥有|擁有|具备|具備|推出|带来|帶來|做到|成为|成為|致力|专注|專注|"
    r"保证|保證|承诺|承諾|帮助|幫助|助力|研发|研發|生产|生產|制造|製造|出品|交付|坚持|堅持|"
    r"凭借|憑藉|发布|發布|上线|上線)|"
    rf"(?:我们|我們|我司|本公司)的\s*$|^\s*(?:{_THIS_OFFER}|我司)")


def we_claim_offer(before: str) -> bool:
    """True when the clause up to a claim (`before`) speaks as the advertiser about its
    offer: "we"/我们 as the subject of being, offering or making, or "our" owning the
    thing praised (see _WE_OFFER_EN)."""
    return bool(_WE_OFFER_EN.search(before) or _WE_OFFER_ZH.search(before))


def paragraph_of(text: str, at: int) -> str:
    """The paragraph (lines up to a blank line, or one list item) holding index `at`."""
    a = max(text.rfind("\n\n", 0, at), text.rfind("\n* ", 0, at), text.rfind("\n- ", 0, at))
    b = min((i for i in (text.find("\n\n", at), text.find("\n* ", at), text.find("\n- ", at))
             if i >= 0), default=len(text))
    return text[max(0, a + 1, at - 2 * WINDOW):min(b, at + 2 * WINDOW)]


def speaks_in_first_person(text: str) -> bool:
    """True when the text says we/our/I/我们."""
    return bool(_FIRST_PERSON_EN.search(text) or _FIRST_PERSON_ZH.search(text)
                or re.search(r"(?<![\u4e00-\u9fff])我(?![们們])|我們", text))


def customer_voiced(text: str, own_names: Iterable[str]) -> bool:
    """True for a page told in a customer's voice (a case study, a user's story): it says
    the advertiser helped "us", or that "we" chose it, so its "we" is not the advertiser."""
    for name in (re.escape(n) for n in own_names if n):
        if re.search(rf"{name}[^.。!！?？\n]{{0,40}}?(?:helped|helps|enabled|enables|empowered|"
                     rf"empowers|allowed|allows|lets|let|gave|gives|brought)\s+(?:us|our|me)\b|"
                     rf"(?:\bwe|\bour\s+team|我们|我們)[^.。!！?？\n]{{0,30}}?(?:chose|selected|"
                     rf"adopted|switched\s+to|migrated\s+to|started\s+using|found|discovered|"
                     rf"选择|選擇|采用|採用|引入|使用|发现|發現)了?\s*{name}|"
                     rf"{name}[^。！？\n]{{0,30}}?(?:帮助|幫助|让|讓|使|帮|幫)"
                     rf"(?:我们|我們|我)|"
                     rf"(?:collaborat\w*|work(?:ing)?|partner(?:ed|ing)?)\s+with\s+(?:the\s+)?"
                     rf"{name}|(?:与|與|和)\s*{name}\s*(?:团队|團隊)?(?:合作|携手|攜手)",
                     text, re.I):
            return True
    return False


def _mentions_self(text: str, names: list[str]) -> bool:
    low = text.lower()
    return any(n.lower() in low for n in names)


def _in_link_text(text: str, start: int, end: int) -> bool:
    """The phrase sits in a Markdown link's text: [the best tools of 2025](/blog/...)."""
    open_at = text.rfind("[", max(0, start - 300), start)
    if open_at < 0 or "]" in text[open_at:start] or "\n\n" in text[open_at:start]:
        return False
    close_at = text.find("]", end, end + 300)
    return close_at >= 0 and text.startswith("(", close_at + 1)


def _quoted(text: str, start: int, end: int, line: str, language: str) -> bool:
    """Inside double quotation marks in one paragraph, or a block quote, or in single
    quotation marks that are attributed to a named source or hold a short term (所谓
    ‘颠覆式创新’): someone else's words, a title or an example, not the page's claim."""
    if line.lstrip().startswith(">"):
        return True
    for opening, closing in _QUOTE_PAIRS.items():
        left = text.rfind(opening, max(0, start - 400), start)
        if left < 0:
            continue
        if opening == closing and text.count(opening, left + 1, start) % 2:
            continue
        right = text.find(closing, end, end + 400)
        if right < 0 or (opening != closing and text.rfind(closing, left + 1, start) >= 0):
            continue
        inner = text[left + 1:right]
        if "\n\n" in inner:
            continue
        if re.search(r"(?:^|\n)[ \t-]*[\w.-]+[ \t]*[=:][ \t]*$", text[max(0, left - 80):left]):
            continue  # a value in unparsed TOML/YAML (description = "..."), not a quotation
        if opening != "‘":
            # Words in double quotation marks are someone's words, a title or an example
            # sentence ("Compare "we are the best" to..."), not the page's own claim.
            return True
        short = len(inner) <= (12 if _has_cjk(inner) else 30)
        if re.search(r"[：:]\s*$", text[max(0, left - 3):left]):
            return True  # introduced with a colon: someone's words, 用户分享：“…”
        tail = text[right + 1:right + 80]
        head = text[max(0, left - 60):left]
        if short or _ATTRIBUTION_EN.search(tail) or _ATTRIBUTION_ZH.search(tail) or \
                _ATTRIBUTION_EN.search(head) or _ATTRIBUTION_ZH.search(head):
            return True
    return False


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


_DOMAIN = lazy(r"https?://(?:[\w-]+\.)*?([\w-]+)\.(?:com|cn|io|app|co|net|org|dev|ai|"
                     r"so|tech|cloud|uk|de|jp|info|biz|site|xyz)(?:\.[a-z]{2})?(?![\w-])", re.I)
_NAME = lazy(r"(?<![\w./@-])([A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]{2,}|[A-Z]{3,})"
                   r"(?![\w@/-])")
_SHARED_HOSTS = frozenset(("github", "githubusercontent", "google", "youtube", "youtu",
                           "twitter", "x", "linkedin", "medium", "reddit", "wikipedia",
                           "npmjs", "producthunt", "unsplash", "imgur", "gravatar",
                           "cloudfront", "amazonaws", "googleapis", "jsdelivr", "discord",
                           "facebook", "instagram", "apple", "microsoft", "mozilla"))


_FOR_SOMEONE = lazy(r"(?<![A-Za-z])(?:for|with|on|to|into|from|via|vs\.?|versus|like|"
                   r"than|against|alternatives?|与|和|对比)\s*$",
                   re.I)


def product_names(text: str) -> list[str]:
    """The product-like names in a short text (a headline): CamelCase or capitalised
    words that are not common words, and not what the offer is for or set against
    ("SMS Verification for Revolut", "Acme vs Airtable", "Integrate with Slack")."""
    return [m.group(1) for m in _NAME.finditer(text) if m.group(1) not in _COMMON_CAPS
            and not _FOR_SOMEONE.search(text[max(0, m.start() - 14):m.start()])]


_OWN_SITE_PATH = lazy(r"/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?(?:blog/|try\b|contact\b|demo\b|"
                     r"sign-?up\b|register\b|get-started\b|free-trial\b|trial\b)")
_LINK_TEXT = lazy(r"\[([^\[\]\n]{2,60})\]\(https?://(?:[\w-]+\.)*?([\w-]+)\.[a-z]{2,6}(?:\.[a-z]{2})?"
                 r"/(?:[a-z]{2}(?:-[a-z]{2,4})?/)?(?:products?|solutions?|pricing|platform)/",
                 re.I)


_PRODUCT_TITLE = lazy(r"[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}")


def _own_product_links(text: str, label: str) -> list[str]:
    """The names linked to the advertiser's own product pages: the link text when it is a
    title-cased name ("EMQX Enterprise"), never a lone common word of it ("Enterprise")."""
    found = []
    for m in _LINK_TEXT.finditer(text):
        title = m.group(1).strip("*_ ")
        if m.group(2).lower() == label and _PRODUCT_TITLE.fullmatch(title) and \
                title.split()[0] not in _COMMON_CAPS:
            found.append(title)
    return found


def infer_own_names(text: str, by_count: bool = True) -> list[str]:
    """The advertiser's likely name on a page, with no configuration.

    A site hosts its images on its own domain, so a product-like name (CamelCase or
    capitalised, not a common word) that spells the domain of the page's images
    ("NocoBase" for static-docs.nocobase.com) is the advertiser. With
    no such link and `by_count`, the name the page repeats most (three times or more) is
    taken: right on a landing page, which talks about its own offer, and wrong on an
    article reviewing other tools.
    """
    names: Counter[str] = Counter(m.group(1) for m in _NAME.finditer(text)
                                  if m.group(1) not in _COMMON_CAPS)
    domains: Counter[str] = Counter(m.group(1).lower() for m in _DOMAIN.finditer(text))
    # A site hosts its own images; a link alone may point at a tool the page reviews.
    hosts = {m.group(1).lower() for m in _DOMAIN.finditer(text)
             if re.match(r"[^\s)\"']*\.(?:png|jpe?g|gif|webp|svg|avif|mp4)\b",
                         text[m.end():m.end() + 200], re.I)}
    # A package scope or code host account in the page's own code and links
    # ("@capgo/capacitor-updater", github.com/nocobase) names the advertiser too.
    # A link to a pull request, issue or release is work on someone's project, not a sign
    # of owning it (a consultancy links its patches to KubeVirt).
    scopes = set(m.group(1).lower() for m in re.finditer(
        r"(?:(?<![\w.])@|github\.com/)([a-z][\w-]{2,})/(?![\w.-]+/(?:pull|issues|releases|"
        r"commit|compare|discussions|security)\b)", text))
    hosts |= scopes
    # A site links its own articles and asks the reader to try it or talk to sales: a page
    # linking three posts of one blog, or its blog and its sign-up or contact pages, is
    # that site's. (A review links the tools it reviews, rarely their blogs and forms.)
    hosts |= {label for label, links in Counter(
        m.group(1).lower() for m in _DOMAIN.finditer(text)
        if _OWN_SITE_PATH.match(text, m.end(), m.end() + 40)
    ).items() if links >= 3}
    # A scope counts once: a tutorial installs others' packages (@capacitor/core) more often
    # than it names its own, while it links its own site throughout.
    domains.update(scopes)
    # Most used first, ties by name: the result must not depend on set order.
    for label, _links in sorted(domains.items(), key=lambda kv: (-kv[1], kv[0])):
        if label in _SHARED_HOSTS:
            continue
        if label not in hosts:
            continue
        spelled = [n for n in names if n.lower() == label or label in
                   {n.lower() + suffix for suffix in ("app", "hq", "io", "labs", "inc", "dev",
                                                      "ai", "cloud", "tech", "software")}]
        company = [n for n in names if n.isupper() and len(n) >= 3 and n not in spelled
                   and label.startswith(n.lower()) and len(label) - len(n) <= 2]
        linked = [n for n in _own_product_links(text, label) if n not in spelled]
        if spelled or company or linked:
            # The company behind a product domain goes by a shorter name (EMQ for emqx.com)
            # and sells products the page links to on its own site ([NeuronEX](https://
            # www.emqx.com/en/products/neuronex)): those name the advertiser too.
            return (sorted(spelled, key=lambda n: -names[n])[:2] + company[:1]
                    + sorted(set(linked))[:4])
    ranked = names.most_common(1)
    return [ranked[0][0]] if by_count and ranked and ranked[0][1] >= 3 else []
