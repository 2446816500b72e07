"""What marks a website page as a landing page: a page that sells something.

vplint.pagekind places pages it knows by their folders and names (docs, release notes,
articles); this module decides, for the pages left over, whether something positively
marks one as an offer page. A page nothing marks (a programme description, a course
outline, a foundation's mission, a protocol page) is a general page of the
organisation's site, judged only by the rules that fit any page.

A page is a landing page when one of these marks it:

- its path: the site's home (`index.md`/`_index.md` at the content root or a language
  root, `home.md`), a folder or file named for an offer (`products/`, `pricing.md`,
  `solutions/`, `services/`, `features/`, `platform/`, `enterprise/`, `download/`,
  `for-startups/`, `why-acme/`, 产品, 解决方案, 价格, 服务...) or for copy written to be
  judged (`copy.md`, `tagline.txt`, `ad-copy/`);
- its front matter: a landing layout or type (landing, home, product, pricing...), or a
  call-to-action, hero, price or plans block (`cta:`, `hero: {title: ...}`,
  `banner: {button: ...}`, `pricing:`);
- its body: a call to action that is a link or button ("Start your free trial",
  "Book a demo", 免费试用, 立即购买), a link to a pricing, sign-up, demo or checkout
  page, a price with its currency and period or price word ($49/month, 每月 99 元), or
  an offer construction in plain words ("no credit card required", "get a free quote",
  限时优惠, 申请试用).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from vplint.lazyre import lazy

COPY_WORDS = frozenset((
    "copy", "copies", "tagline", "taglines", "headline", "headlines", "slogan", "slogans",
    "pitch", "ad", "ads", "advert", "adverts", "messaging", "proposition", "propositions"))
"""Words of a folder or file name that name copy written to be judged, whole (copy.md,
tagline.txt, ad-copy/, pitch.md)."""
OFFER_WORDS = frozenset((
    "product", "products", "pricing", "price", "prices", "plans", "solution", "solutions",
    "service", "services", "feature", "features", "platform", "enterprise", "download",
    "downloads", "trial", "demo", "buy", "shop", "store", "offer", "offers", "offering",
    "offerings", "signup", "quote", "booking", "promo", "promotion", "promotions", "deals",
    "editions", "compare", "comparison", "vs", "industries", "industry", "capabilities",
    "landing", "lp", "campaign", "campaigns", "consulting", "homepage", "try")) | COPY_WORDS
"""Words of a folder or file name (split at - _ .) that name an offer page or its copy."""
_OFFER_HAN = lazy(r"产品|產品|解决方案|解決方案|方案|价格|價格|定价|定價|服务|服務|功能|下载|下載|"
                  r"试用|試用|购买|購買|企业版|企業版|套餐|报价|報價|商城|优惠|優惠")
_OFFER_PREFIX = lazy(r"^(?:for|why)-[a-z]")
"""An audience page (for-startups, for-insights-teams) or a why-us page (why-acme)."""

HOME_STEMS = frozenset(("index", "_index", "home", "default"))
CONTENT_ROOTS = frozenset(("content", "src", "source", "site", "www", "website", "pages",
                           "web", "hugo", "app"))
LANGUAGE_TAGS = frozenset((
    "en cn zh tw hk ja jp ko kr de fr es pt it ru id vi th tr nl pl ar zh-cn zh-tw zh-hans "
    "zh-hant zh-hk pt-br en-us en-gb").split())
"""Language codes a site names its language folders and files with (content/en/, index.cn.md)."""
_LANGUAGE_DIRS = LANGUAGE_TAGS | frozenset((
    "english chinese french german italian spanish japanese korean portuguese russian "
    "dutch").split())

_LANDING_LAYOUTS = frozenset(("landing", "landing-page", "landingpage", "home", "homepage",
                              "product", "products", "pricing", "service", "services",
                              "solution", "solutions", "features", "platform", "offer",
                              "sales", "campaign", "lp", "shop", "store", "booking",
                              "order", "checkout"))
_BLOCK_KEYS = frozenset(("cta", "ctas", "price", "prices", "pricing", "plans", "tiers",
                         "buy", "purchase", "signup", "trial", "offer", "offers", "button",
                         "buttons", "calltoaction", "consult", "consultation", "booking",
                         "enquiry", "quote"))
_OFFER_BLOCKS = frozenset(("service", "services", "product", "products", "solution",
                           "solutions", "features", "benefits"))
"""Keys that mark an offer only as a block (`service: {name: ..., materials: [...]}`); a
list (`service: [TikTok, X]`) may name the services a page writes about."""
_HERO_PARTS = frozenset(("title", "text", "heading", "headline", "subtitle", "description",
                         "tagline", "cta", "button", "buttons", "actions", "action"))

_CTA = (
    r"get\s+started|start\s+(?:your\s+|a\s+)?(?:free\s+)?trial|"
    r"start\s+(?:now|today|for\s+free|free|building|selling)|"
    r"try\s+(?:it\s+|us\s+|[A-Z]\w+\s+)?(?:for\s+)?free|try\s+(?:it\s+)?now|sign\s*up|"
    r"(?:book|schedule|request|get)\s+(?:a\s+|your\s+)?(?:free\s+|personal(?:i[sz]ed)?\s+)?"
    r"(?:demo|quote|estimate|consultation|discovery\s+call|call|meeting|appointment|trial)|"
    r"buy\s+(?:now|it|online|today)|order\s+(?:now|today|online)|shop\s+now|add\s+to\s+cart|"
    r"contact\s+sales|talk\s+to\s+(?:sales|an?\s+expert|us)|get\s+(?:a\s+)?pricing|"
    r"see\s+(?:our\s+|the\s+)?(?:pricing|plans)|view\s+(?:our\s+|the\s+)?(?:pricing|plans)|"
    r"download\s+(?:now|for\s+free|free|the\s+app)|get\s+(?:the\s+)?app|"
    r"立即(?:购买|購買|试用|試用|体验|體驗|咨询|諮詢|注册|註冊|下载|下載|预约|預約|订购|訂購|申请|申請|开始|開始|使用)|"
    r"免费(?:试用|註冊|注册|体验|體驗|获取|獲取|下载|下載|咨询|諮詢)|免費(?:試用|註冊|體驗|獲取|下載|諮詢)|"
    r"申请试用|申請試用|预约(?:演示|咨询|体验)|預約(?:演示|諮詢|體驗)|联系销售|聯繫銷售|"
    r"获取报价|獲取報價|在线咨询|線上諮詢|马上(?:体验|购买|试用)|開始使用|开始使用|加入购物车")
_BUTTON = lazy(
    r"<a\b[^>\n]{0,200}?\bclass=[\"'][^\"'\n]{0,200}?\b(?:btn|button|cta)"  # a button link
    r"|\{\{[<%]\s*(?:button|btn|cta|call-to-action)\b"  # a button shortcode
    r"|\]\([^)\n]{0,300}\)\{[: ]{0,3}\.(?:btn|button|cta)\b", re.I)  # [Go](/x){.button}
_FEATURES_HEADING = lazy(
    r"^[ ]{0,3}#{1,4}[ \t]+(?:[^\w\s]+[ \t]*)?(?:(?:core|key|main|product|top|our)\s+)?"
    r"(?:features|benefits)(?:\s+(?:and|&)\s+\w+)?\s*$"
    r"|^[ ]{0,3}#{1,4}[ \t]+(?:[^\w\s]+[ \t]*)?(?:why\s+choose|plans\s+(?:and|&)\s+pricing|"
    r"pricing)\b"
    r"|^[ ]{0,3}#{1,4}[ \t]+(?:[^\w\s]+[ \t]*)?(?:核心功能|功能特点|功能特性|产品特点|產品特點|"
    r"产品优势|產品優勢|核心优势|核心優勢|为什么选择|為什麼選擇|方案优势|方案優勢|产品功能|產品功能|主要功能|价格|價格)",
    re.I | re.M)
"""A features, benefits, why-choose or pricing section: what a product page is made of."""
_LINK_TEXT = lazy(
    r"\[([^\]\n]{1,80})\]\([^)\n]+\)"  # a Markdown link's text
    r"|<a\b[^>\n]{0,300}>([^<]{1,80})</a>"  # an HTML link's text
    r"|<button\b[^>\n]{0,300}>([^<]{1,80})</button>"
    r"|\{\{[<%][^\n]{0,200}?(?:button|cta|btn)[^\n]{0,200}?[>%]\}\}", re.I)
_NEWSLETTER = lazy(r"newsletter|mailing\s+list|updates|digest|订阅|訂閱|邮件列表", re.I)
"""A sign-up for news is not an offer: a non-profit's page has one too."""
_CTA_TEXT = lazy(rf"(?:^|[^A-Za-z])(?:{_CTA})", re.I)
_OFFER_TARGET = lazy(
    r"\]\(\s*[^)\s]{0,200}?/(?:pricing|prices|plans|signup|sign-up|trial|free-trial|demo|"
    r"request-demo|book-a-demo|book|booking|buy|checkout|cart|order|quote|get-a-quote|"
    r"contact-sales|get-started|shop|store)(?:[/#?.][^)\s]{0,200})?\s*\)"
    r"|href=[\"'][^\"'\s]{0,200}?/(?:pricing|signup|sign-up|trial|free-trial|demo|request-demo|"
    r"book-a-demo|buy|checkout|cart|contact-sales|get-started)(?:[/#?.][^\"'\s]{0,200})?[\"']",
    re.I)
_PRICE = lazy(
    r"(?:(?<![\w$])(?:US\$|\$|€|£|¥|￥|HK\$|NT\$|A\$|C\$|S\$)\s?\d[\d,]*(?:\.\d+)?"
    r"|(?<![\w.])\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|CNY|RMB|元|美元|欧元|歐元|英镑|英鎊)(?![A-Za-z]))")
_PRICE_CONTEXT = lazy(
    r"/\s?(?:mo|month|yr|year|user|seat|person|hour|hr|night|day|session|class|unit)\b|"
    r"\bper\s+(?:month|year|user|seat|person|hour|night|day|session|class|unit|annum)\b|"
    r"\b(?:a|each)\s+(?:month|year)\b|\bmonthly\b|\byearly\b|\bannually\b|"
    r"\b(?:price[sd]?|pricing|costs?|fees?|plans?|packages?|starting\s+(?:at|from)|only|"
    r"just|save|discount|off|buy|order|book|tickets?)\b|"
    r"每月|/月|每年|/年|每人|/人|每次|/次|价格|價格|售价|售價|报价|報價|费用|費用|优惠|優惠|"
    r"折扣|套餐|原价|原價|特价|特價|仅需|僅需|只需", re.I)
_OFFER_PHRASE = lazy(
    r"(?:^|[^A-Za-z])(?:no\s+credit\s+card(?:\s+required|\s+needed)?|"
    r"(?:\d+|thirty|fourteen|seven)[-\s]day\s+(?:free\s+)?trial|free\s+trial|"
    r"money[-\s]back\s+guarantee|get\s+a\s+free\s+(?:quote|estimate|consultation)|"
    r"(?:book|request|schedule)\s+(?:a\s+|your\s+)?(?:free\s+)?(?:demo|consultation)|"
    r"limited[-\s]time\s+offer|\d+\s?%\s+off(?![A-Za-z])|buy\s+now|order\s+now|"
    r"add\s+to\s+cart)"
    r"|免费试用|免費試用|申请试用|申請試用|预约演示|預約演示|立即购买|立即購買|限时优惠|限時優惠|"
    r"优惠价|優惠價|咨询热线|諮詢熱線|免费咨询|免費諮詢|获取报价|獲取報價|联系销售|聯繫銷售|"
    r"立即订购|立即訂購|欢迎选购|歡迎選購|欢迎订购|歡迎訂購|欢迎来电|歡迎來電", re.I)
_FROM_PRICE = lazy(r"\s?起")
"""¥199 起: "from ¥199"."""
_TITLE_LINE = lazy(r"^(?:title|subtitle|heading|headline)\s*[:=][ \t]*([^\n]{1,200})", re.M)
_CODE = lazy(r"^[ \t]{0,3}(```|~~~).*?^[ \t]{0,3}\1|`[^`\n]+`", re.M | re.S)
_CAMEL = lazy(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = lazy(r"[-_.\s/]+")


def is_home(dirs: Sequence[str], stem: str) -> bool:
    """True for the site's home: an index page at the repository root, at a content root
    (content/, src/, sites/acme/content/) or at a language root beneath one (content/en/)."""
    if stem not in HOME_STEMS:
        return False
    roots = [i for i, d in enumerate(dirs) if d in CONTENT_ROOTS]
    below = dirs[roots[-1] + 1:] if roots else dirs
    return all(d in _LANGUAGE_DIRS for d in below)


def copy_named(dirs: Sequence[str], stem: str) -> bool:
    """True when a folder or the file is named for copy written to be judged (copy.md,
    tagline.txt, ad-copy/)."""
    return any(word in COPY_WORDS for part in (*dirs, stem) for word in _SPLIT.split(part))


def offer_named(dirs: Sequence[str], stem: str) -> bool:
    """True when a folder or the file is named for an offer (products/, pricing.md,
    for-startups/, 解决方案/)."""
    for part in (*dirs, stem):
        if part in ("home", "homepage"):  # home.md, or the sections of home/
            return True
        if _OFFER_PREFIX.match(part) or _OFFER_HAN.search(part):
            return True
        if any(word in OFFER_WORDS for word in _SPLIT.split(part)):
            return True
    return False


def offer_front_matter(front: Mapping[str, Any]) -> bool:
    """True when the front matter gives a landing layout, a title that is a call to action,
    or holds a call-to-action, hero, price or plans block."""
    for key in ("layout", "type", "kind", "template", "templateKey"):
        value = front.get(key)
        if isinstance(value, str) and any(
                w in _LANDING_LAYOUTS for w in _SPLIT.split(value.strip().lower())):
            return True
    for key in ("title", "subtitle", "heading", "headline"):
        value = front.get(key)
        if isinstance(value, str) and _CTA_TEXT.search(value[:200]):
            return True  # title: Contact us to get started
    return _has_offer_block(front, 0)


def _key_words(key: str) -> list[str]:
    return [w for w in _SPLIT.split(_CAMEL.sub("_", key).lower()) if w]


def _has_offer_block(value: Any, depth: int) -> bool:
    if depth > 3:
        return False
    if isinstance(value, Mapping):
        for key, inner in value.items():
            words = _key_words(str(key))
            if not words or inner in (None, "", [], {}):
                continue
            if words[0] in _BLOCK_KEYS or "cta" in words or "".join(words) in _BLOCK_KEYS:
                return True
            if words[0] in _OFFER_BLOCKS and (
                    (len(words) == 1 and isinstance(inner, Mapping))
                    or (len(words) == 2 and words[1] in ("type", "name", "category"))):
                return True  # service: {name: ...}, serviceType: Sandblasting
            if words[0] == "hero" and (
                    (len(words) == 1 and isinstance(inner, (Mapping, list)))
                    or (len(words) > 1 and words[1] in _HERO_PARTS)):
                return True
            if _has_offer_block(inner, depth + 1):
                return True
    elif isinstance(value, list):
        return any(_has_offer_block(item, depth + 1) for item in value[:50])
    return False


def offer_body(body: str) -> str | None:
    """What in the body marks an offer page, or None: a call to action that is a link or
    a button, a link to a pricing, sign-up, demo or checkout page, an offer in plain
    words, a features/pricing section, or a price with a period or a price word (in
    English or Chinese)."""
    if not body:
        return None
    text = _CODE.sub(" ", body[:60_000])
    for m in _TITLE_LINE.finditer(text, 0, 3000):
        if _CTA_TEXT.search(m.group(1)):
            return "call to action"  # a TOML front matter's title = "Contact us to get started"
    for m in _LINK_TEXT.finditer(text):
        label = next((g for g in m.groups() if g), m.group(0))
        if _CTA_TEXT.search(label) and not _NEWSLETTER.search(label):
            return "call to action"
    if _BUTTON.search(text) or _OFFER_TARGET.search(text):
        return "call to action"
    if _OFFER_PHRASE.search(text):
        return "offer"
    if _FEATURES_HEADING.search(text):
        return "features"
    for m in itertools.islice(_PRICE.finditer(text), 200):
        window = text[max(0, m.start() - 60):m.end() + 40]
        if _FROM_PRICE.match(text, m.end()) or _PRICE_CONTEXT.search(window):
            return "price"
    return None


WEAK_MARKS = frozenset(("call to action", "offer", "features", "price"))
"""Marks found in a page's body: evidence of an offer that instructions can also carry."""
WHOLE_MARKS = frozenset(("configuration", "page_kind", "copy"))
"""What makes a landing page one vplint sees whole: declared (the configuration's
`page_kinds`, a `page_kind` front-matter key) or copy written to be judged (copy.md)."""


def landing_mark(dirs: Sequence[str], stem: str, front: Mapping[str, Any],
                 body: str = "") -> str | None:
    """What marks the page as a landing page (see the module docstring), or None;
    `dirs` and `stem` are lower-case, as vplint.pagekind gives them."""
    if is_home(dirs, stem):
        return "home"
    if copy_named(dirs, stem):
        return "copy"
    if offer_named(dirs, stem):
        return "path"
    if offer_front_matter(front):
        return "front matter"
    return offer_body(body)
