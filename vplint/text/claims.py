"""Is a Chinese absolute term used as a claim, or as an ordinary word?

最, 唯一, 第一, 首选, 终极 and 100% are claims only in some constructions. A site's
documentation and support pages use them all the time as plain words: a parameter
(最大线程数, 最低访问级别), an ordinal or list marker (第一，第一波, 第一张照片), a
uniqueness requirement (唯一的包名, 角色代码必须是唯一的), a preference (安装首选的应用)
or a measure (100% 加密覆盖). A rule listing terms cannot tell these apart; this module
recognises the constructions in which the term is the advertiser's evaluative claim and
says "not a claim" for the rest, so that the claims rules (ADL001, LAW018...) fire on
the recognised constructions only: a miss costs less than a false alarm.

`zh_not_claim` is a pure function of the term and the text around it.
"""

from __future__ import annotations

import re

from vplint.lazyre import lazy

# A scope that makes a superlative or a rank a market claim: 全网最低价, 行业第一.
_SCOPE = (r"(?:全网|全網|全国|全國|全球|世界|国内|國內|业内|業內|行业|行業|全行业|全行業|市场|市場|"
          r"同类|同類|同行|史上|中国|中國|亚洲|亞洲|全场|全場|品类|品類|业界|業界)")
_SCOPE_BEFORE = lazy(_SCOPE + r"(?:上|中|内|內|里|裡)?的?\s*$")
# A term said of the subject: "X 是/为/成为 … 唯一/首选/终极".
_IS_BEFORE = lazy(r"(?:是|为|為|成为|成為|作为|作為|乃)(?:[\u4e00-\u9fff]{0,3}(?:中|里|裡)|"
                        r"其中|表中|目前|当前|當前|" + _SCOPE + r")?的?\s*$")

# 最 + a dimension or measure word names a limit or a position, not a quality.
_DIMENSION = lazy(r"^最(?:大|小|高|低|多|少|长|長|短|宽|寬|窄|深|浅|淺)")
_NOT_PRAISE = lazy(r"^最(?:差|坏|壞|糟|烂|爛|怕|开始|開始|原始|原本|初|终|終|早|晚|后|後|"
                         r"先|末|底|左|右|外|里|裡|前|"
                         # a superlative of a fault grades a difficulty, it does not praise
                         r"复杂|複雜|晦涩|晦澀|困难|困難|难(?!得|忘|能)|難(?!得|忘|能)|麻烦|麻煩|"
                         r"头疼|頭疼|头痛|頭痛|痛苦|危险|危險|脆弱|耗时|耗時|昂贵|昂貴|繁琐|繁瑣)")
# What a superlative of dimension or of quality may qualify directly and still be a
# claim about the offer: 最低价, 最高品质, 最佳选择, 最佳贴合度.
_QUALITY_NOUN = lazy(r"^(?:品质|品質|质量|質量|价|價|折扣|优惠|優惠|性价比|性價比|"
                           r"水平|水准|水準|"
                           r"级(?!别|別)|級(?!别|別)|标准|標準|效率|性能|回报|回報|收益|满意|滿意|"
                           r"选择|選擇|之选|之選|方案|解决方案|解決方案|组合|組合|体验|體驗|效果|服务|"
                           r"服務|产品|產品|平台|工具|伙伴|夥伴|合作伙伴|拍档|拍檔|搭档|搭檔|品牌|答案|"
                           r"表现|表現|状态|狀態|[\u4e00-\u9fff]{0,2}(?:度|感))")
_EVALUATIVE = lazy(r"^最(?:佳|好|优|優)")

# 唯一 as a uniqueness property: an identifier, a key, a requirement.
_UNIQUE_TECH_AFTER = lazy(
    r"^\s*(?:性|的?\s*(?:ID|id|Id|key|Key|[A-Za-z_]+|标识|標識|索引|键|鍵|主键|主鍵|约束|約束|"
    r"编码|編碼|编号|編號|代码|代碼|名称|名稱|包名|名|值|地址|路由|评论|評論|消息|文案|必填|必选|"
    r"必選|字段|欄位|选项|選項|条件|條件|要求|凭证|憑證))")
_UNIQUE_CLAIM_AFTER = lazy(r"^\s*(?:一(?:家|个|個|款|种|種|位|所|支|套|项|項)|家|款|能|可以|"
                                 r"可|支持|提供|拥有|擁有|具备|具備|不|获得|獲得|实现|實現|做到)")
# 第一 as a rank, not an ordinal: 行业第一, 排名第一, 第一品牌.
_FIRST_RANK_BEFORE = lazy(r"(?:" + _SCOPE[3:-1] + r"|销量|銷量|销售额|銷售額|"
                                r"份额|份額|占有率|佔有率|排名|排行|榜|榜单|榜單)(?:上|中|内|內|排名)?\s*$")
_FIRST_RANK_AFTER = lazy(r"^\s*(?:品牌|名|家|大|股|梯队|梯隊)")
# 首选 / 终极 said of the offer: "X 是首选", 首选推荐, 首选替代方案.
_CHOICE_AFTER = lazy(r"^\s*(?:推荐|推薦|的?(?:替代|解决|解決)?方案|替代|品牌|平台|工具|产品|"
                           r"產品|服务|服務|伙伴|夥伴|之选|之選|选择|選擇|体验|體驗)")
# 100% + a promise: 100%有效, 100% 合规保证 (not 100% 加密覆盖, max-width: 100%).
_PROMISE_100 = lazy(r"^\s*(?:[A-Za-z]{1,12}\s*)?(?:有效|安全|满意|滿意|保证|保證|保障|正品|"
                          r"天然|纯天然|純天然|合规|合規|成功|准确|準確|精准|精準|可靠|放心|好评|好評|"
                          r"真实|真實|无害|無害|无副作用|無副作用|治愈|治癒|见效|見效|达标|達標|退款|"
                          r"还原|還原|原装|原裝)")


_FOUNDATION = lazy(r"(?:基金会|基金會|Apache|ASF|CNCF|Eclipse|Linux Foundation)[^。！？\n]*$")


def zh_not_claim(match: str, before: str, after: str) -> bool:
    """True when the Chinese term `match`, between `before` (its clause up to it) and
    `after` (the text after it), is not used as an evaluative claim.

    Terms outside the constructions handled here (顶级, 国家级, 颠覆…) are left to the
    other checks: this function only says "not a claim", never "a claim".
    """
    term = match.strip()
    rest = term + after
    if term.startswith("最"):
        return _superlative_not_claim(rest, before)
    if term.startswith("唯一"):
        return _unique_not_claim(term[2:] + after, before)
    if term.startswith("第一"):
        tail = term[2:] + after
        return not (_FIRST_RANK_BEFORE.search(before) or _FIRST_RANK_AFTER.match(tail))
    if term.startswith(("首选", "首選", "终极", "終極")):
        tail = term[2:] + after
        return not (_IS_BEFORE.search(before) or re.search(r"的\s*$", before)
                    or _CHOICE_AFTER.match(tail) or re.match(r"\s*$", before) and
                    re.match(r"\s*(?:\*\*|[:：])", tail))
    if term.startswith(("首个", "首個", "首家", "首款", "首次")):
        # "the first" is a market claim only against a market (行业内首个, 国内首家) or said
        # of the offer (是首个…); the first of one's own series is an ordinal (TiKV 项目的
        # 首个 SIG, 4.0 首个 RC 版本). Opening its clause (a headline: 首个智能发票机器人) it
        # names the offer.
        return not (_SCOPE_BEFORE.search(before) or _IS_BEFORE.search(before)
                    or not before.strip())
    if term.startswith(("顶级", "頂級")) and re.match(r"\s*(?:项目|項目)", term[2:] + after) and \
            _FOUNDATION.search(before):
        return True  # a foundation's title for a project it graduated (Apache 顶级项目)
    if term.startswith("100%") or term.startswith("100％"):
        return not _PROMISE_100.match(term[4:] + after)
    return False


def _superlative_not_claim(rest: str, before: str) -> bool:
    """最… : a negative, a position in a sequence, or a dimension naming a limit or a
    parameter (最大线程数, 最多只能, 最小/最大间隔) is not a claim; with 的, a scope (全网最低价)
    or a quality noun (最高品质, 最佳选择) it may be."""
    if _NOT_PRAISE.match(rest):
        return True
    if _SCOPE_BEFORE.search(before):
        return False
    dimension = _DIMENSION.match(rest)
    evaluative = _EVALUATIVE.match(rest)
    root = dimension or evaluative
    if root is None:
        return False
    tail = rest[root.end():]
    if re.match(r"\s*(?:的|地|得)", tail) or _QUALITY_NOUN.match(tail):
        return False
    if re.match(r"\s*(?:$|[，,。.！!？?；;：:、)）\]】」”\"'*|\n])", tail):
        return False  # at the end of a clause: "扩展能力最强", 价格最低
    # Directly followed by a word: a parameter (最大线程数, 最低访问级别, 最大 ip数量),
    # an adverb (最多只能), a verb (最好清空相册) or a metric (最佳收款时机).
    return True


def _unique_not_claim(tail: str, before: str) -> bool:
    """唯一 is a claim as "the only one" of the offer (是其中唯一不按人头计费的, 唯一一家),
    not as uniqueness of an identifier (唯一的包名, 唯一评论, 必须是唯一的)."""
    if _UNIQUE_TECH_AFTER.match(tail):
        return True
    if re.search(r"(?:必须|必須|须|須|需要|需|要|应|應|应该|應該|应当|應當|保持|确保|確保|"
                 r"保证|保證|设为|設為|设置为|設置為|且)(?:是|為|为)?\s*$", before) and \
            re.match(r"\s*的?\s*(?:$|[。，,；;.）)\n])", tail):
        return True  # a requirement: 角色代码必须是唯一的
    return not (_IS_BEFORE.search(before) or _SCOPE_BEFORE.search(before)
                or _UNIQUE_CLAIM_AFTER.match(tail))


# English: phrases that read as praise or hype only in some constructions.
_FUTURE_CLAIM_BEFORE = lazy(r"^\W*$|(?<![A-Za-z])(?:build\w*|creat\w*|disrupt\w*|"
                                  r"revolutioni[sz]\w*|is|are|['’]re|['’]s|"
                                  r"defin\w*|redefin\w*|power\w*|welcome\s+to|meet|introduc\w*|"
                                  r"this\s+is|here\s+is)\s+$", re.I)
_NEXT_GEN_OF_PEOPLE = lazy(
    r"^\s+of\s+(?:[\w-]+\s+){0,2}(?:researchers|scientists|students|learners|leaders|educators|"
    r"instructors|trainers|teachers|members|talent|people|engineers|developers|women|girls|"
    r"founders|professionals|practitioners|scholars|experts|citizens)\b", re.I)
_IDIOM_BEST = lazy(
    r"^the\s+best\s+(?:interests?\b|of\s+(?:our|my|your|his|her|their|its)\s|"
    r"(?:place|way|person|people|contact|time)\s+to\s+(?:get\s+in\s+touch|contact|reach|find|"
    r"ask|start|learn|send))|^the\s+ultimate\s+(?:goal|aim|objective|purpose|test|question|"
    r"prize|end[\s-]state|endgame|destination)\b"
    r"|^the\s+(?:best|most\s+\w+)\s+[\w-]+\s+of\s+(?:my|his|her)\s+(?:career|life)\b",
    re.I)
_BEST_PEOPLE = lazy(r"^the\s+(?:best|brightest|top)\s+(?:and\s+\w+\s+)?(?:people|talent|"
                          r"candidates|staff|minds|researchers|developers|designers|engineers)\b",
                          re.I)
_SEEK_BEFORE = lazy(r"(?<![A-Za-z])(?:research\w*|seek\w*|"
                          r"explor\w*|discuss\w*|determin\w*|figur\w*\s+out|debat\w*|"
                          r"sav(?:e|ed|ing)|hir(?:e|ed|ing)|attract\w*|recruit\w*|"
                          r"(?:can|could|want\s+to|hope\s+to|strive\s+to|try\s+to|to)\s+be)\s+$",
                          re.I)
_NUMBER_ONE_GENERAL = lazy(r"^\s+(?:cause|reason|killer|risk|mistake|complaint|question|"
                                 r"concern|problem|priority|fear|source)s?\b", re.I)


def en_not_claim(match: str, before: str, after: str) -> bool:
    """True when the English phrase `match` is not used as the advertiser's praise or
    hype: "plan for the future of" (only "building the future of" is hype), "the next
    generation of researchers", "in the best interest of", "to the best of our
    abilities", "hire the best people", "researching the best solution", "the ultimate
    goal", "the number one cause"."""
    low = " ".join(match.lower().split())
    phrase = low + after.lower()
    if low.endswith("the future of") or low == "future of":
        return not _FUTURE_CLAIM_BEFORE.search(before)
    if re.fullmatch(r"next[\s-]generation", low) and (
            _NEXT_GEN_OF_PEOPLE.match(after) or re.search(r"s\s+of\s+the\s+$", before)):
        return True  # people: "the next generation of researchers", "researchers of the"
    if _IDIOM_BEST.match(phrase) or _BEST_PEOPLE.match(phrase):
        return True
    if re.match(r"the\s+(?:best|most\s+\w+)", low) and _SEEK_BEFORE.search(before):
        return True
    return bool(re.fullmatch(r"(?:the\s+)?(?:number\s+one|#\s?1|no\.?\s?1)", low)
                and _NUMBER_ONE_GENERAL.match(after))
