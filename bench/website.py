"""A company website for the benchmark: thousands of Markdown pages of real length.

`generate_site(directory, n)` writes n pages the way a static-site checkout holds them
(content/<language>/<section>/<slug>.md): landing and product pages, pricing, blog posts,
documentation, case studies, careers, legal pages and a changelog, in English (about
half), Chinese (about a third), Japanese and German. Page sizes follow a log-normal
spread from 1 KB to 90 KB (median about 7 KB), like the pages of real sites; a page has
YAML front matter, headings, paragraphs, lists, tables, fenced code, links, images,
quotes and now and then raw HTML. Sentences are put together from parts, so pages do not
repeat each other word for word. Page i is the same at every n (its own seeded generator).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

MIN_BYTES, MAX_BYTES, MEDIAN_BYTES = 1_000, 90_000, 7_000
LANGUAGES = (("en", 50), ("zh", 32), ("ja", 10), ("de", 8))
"""Language and share of pages, in percent."""
SECTIONS = (("product", 14), ("blog", 30), ("docs", 24), ("customers", 8), ("pricing", 3),
            ("careers", 6), ("legal", 5), ("changelog", 5), ("", 5))
"""Folder and share of pages, in percent ("" is a landing page at the language's root)."""

BRANDS = ("Northwind Cloud", "Lumen Ledger", "Cargoflow", "Brightdesk", "Quillstack")
ZH_BRANDS = ("云帆", "数联", "快账通", "栈桥", "青鸟协同")

# ---- English ------------------------------------------------------------------------------
EN = {
    "subject": ["Our platform", "{brand}", "The new dashboard", "Every plan", "The API",
                "Our support team", "The mobile app", "The import wizard", "This release",
                "Your workspace", "The reporting module", "Single sign-on"],
    "verb": ["helps", "lets", "allows", "makes it easy for", "gives", "shows", "saves"],
    "who": ["finance teams", "operations managers", "small retailers", "IT administrators",
            "field technicians", "agencies with 10 to 50 staff", "developers", "accountants",
            "clinic owners", "logistics planners", "hiring managers", "store managers"],
    "what": ["close the books {n} days sooner", "reconcile {n},000 transactions an hour",
             "see every open order in one place", "cut manual data entry by {p}%",
             "ship changes without waiting for IT", "answer customers in under {n} minutes",
             "keep an audit trail for every change", "plan the week's routes in one click",
             "onboard a new hire in {n} days", "export reports to Excel or PDF",
             "connect {n} tools without writing code", "spot late payments before they hurt"],
    "tail": ["", " without extra headcount", " from any device", ", even offline",
             " with role-based permissions", " in the plan you already have",
             ", according to our {year} customer survey", " at no extra cost",
             ", fast and securely", " with the best uptime in the industry"],
    "heading": ["Why teams switch", "How it works", "What you get", "Getting started",
                "Frequently asked questions", "Pricing that grows with you", "Security",
                "Integrations", "What customers say", "Next steps", "Before you begin",
                "Configuration", "Troubleshooting", "Release notes", "Our story"],
    "bullet": ["Unlimited users on every plan", "SOC 2 Type II and ISO 27001 certified",
               "Set up in {n} minutes", "{p}% fewer manual steps", "24/7 support by chat",
               "Data stored in the EU or US", "Works with Slack, Teams and email",
               "Cancel any time", "Free migration from spreadsheets", "Open REST API"],
    "quote": ["\"We closed the quarter {n} days early for the first time.\" - Dana Ortiz, CFO "
              "at Harbor Supply", "\"Setup took an afternoon, not a project.\" - Sam Lee, "
              "IT lead", "\"Our support queue is down by {p}%.\" - Priya N., head of support"],
}
# ---- Chinese ------------------------------------------------------------------------------
ZH = {
    "subject": ["我们的平台", "{brand}", "新版工作台", "每个套餐", "开放接口", "客服团队",
                "移动端", "数据导入向导", "本次更新", "报表模块"],
    "verb": ["帮助", "让", "支持", "方便"],
    "who": ["财务团队", "门店店长", "中小电商", "运维工程师", "一线销售", "连锁餐饮",
            "人事专员", "物流调度", "诊所老板", "外贸公司"],
    "what": ["提前{n}天完成月结", "每小时核对{n}千笔流水", "在一个页面看到全部订单",
             "减少{p}%的手工录入", "{n}分钟内回复客户", "保留每一次修改记录",
             "一键排好本周路线", "{n}天内完成新人入职", "导出Excel或PDF报表",
             "无需写代码连接{n}个系统"],
    "tail": ["", "，无需增加人手", "，手机电脑都能用", "，断网也能用", "，按角色分配权限",
             "，据{year}年客户调研", "，不额外收费", "，又快又安全", "，行业领先"],
    "heading": ["为什么选择我们", "如何使用", "您将获得", "快速开始", "常见问题", "价格方案",
                "安全与合规", "集成", "客户评价", "下一步", "准备工作", "配置说明",
                "故障排查", "更新日志"],
    "bullet": ["所有套餐不限用户数", "通过等保三级认证", "{n}分钟完成配置", "手工步骤减少{p}%",
               "7×24小时在线客服", "数据存储在国内机房", "支持企业微信、钉钉和飞书",
               "随时取消", "免费从Excel迁移", "开放API"],
    "quote": ["“第一次提前{n}天完成季度结账。”——华港供应链财务总监 王女士",
              "“一个下午就上线了。”——某连锁品牌IT负责人", "“客服排队减少了{p}%。”——李经理"],
}
# ---- Japanese and German: fewer parts (vplint has no rules for them; they are read,
# detected and skipped, as on a real multilingual site) --------------------------------------
JA = {
    "subject": ["当社のプラットフォーム", "{brand}", "新しいダッシュボード", "すべてのプラン"],
    "verb": ["は"],
    "who": ["経理チームが", "店舗の責任者が", "開発者が", "人事担当者が"],
    "what": ["決算を{n}日早く終えられるようにします", "手入力を{p}%減らします",
             "すべての注文を一か所で確認できます", "{n}分以内に顧客へ返信できます"],
    "tail": ["。", "。追加費用はかかりません。", "。どの端末からでも使えます。"],
    "heading": ["選ばれる理由", "使い方", "はじめに", "よくある質問", "料金", "セキュリティ"],
    "bullet": ["全プランでユーザー数無制限", "{n}分で設定完了", "24時間365日サポート",
               "いつでも解約可能"],
    "quote": ["「初めて{n}日早く四半期を締められました。」- 経理部長 山田様"],
}
DE = {
    "subject": ["Unsere Plattform", "{brand}", "Das neue Dashboard", "Jeder Tarif"],
    "verb": ["hilft", "ermöglicht"],
    "who": ["Finanzteams", "Filialleitern", "Entwicklern", "Personalabteilungen"],
    "what": ["den Monatsabschluss {n} Tage früher zu erledigen",
             "manuelle Eingaben um {p}% zu senken", "alle Bestellungen an einem Ort zu sehen",
             "Kunden in unter {n} Minuten zu antworten"],
    "tail": [".", " ohne zusätzliches Personal.", " auf jedem Gerät."],
    "heading": ["Warum Teams wechseln", "So funktioniert es", "Erste Schritte",
                "Häufige Fragen", "Preise", "Sicherheit"],
    "bullet": ["Unbegrenzte Nutzer in jedem Tarif", "In {n} Minuten eingerichtet",
               "Support rund um die Uhr", "Jederzeit kündbar"],
    "quote": ["„Zum ersten Mal haben wir das Quartal {n} Tage früher abgeschlossen.“ - "
              "Anna Becker, CFO"],
}
PARTS = {"en": EN, "zh": ZH, "ja": JA, "de": DE}

CODE = [
    ("bash", "curl -sSL https://get.example.com/install.sh | sh\nexample login --token $TOKEN\n"
             "example sync --since 2024-01-01 --workers {n}"),
    ("yaml", "workspace: acme\nregion: eu-west-1\nsync:\n  interval: {n}m\n  retries: 3\n"
             "notifications:\n  - channel: '#finance'\n    on: [failed, late]"),
    ("json", '{{\n  "id": "inv_{n}{p}",\n  "amount": {p}00,\n  "currency": "EUR",\n'
             '  "status": "paid",\n  "tags": ["q{n}", "export"]\n}}'),
    ("python", "from example import Client\n\nclient = Client(token=TOKEN)\n"
               "for invoice in client.invoices(status='open', limit={n}0):\n"
               "    print(invoice.id, invoice.amount)"),
]


def _size(rng: random.Random) -> int:
    """A page size in bytes: log-normal around the median, within the bounds."""
    size = int(MEDIAN_BYTES * math.exp(rng.gauss(0.0, 0.85)))
    return max(MIN_BYTES, min(MAX_BYTES, size))


def _pick(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


class _Writer:
    """Builds one page in one language from the parts above."""

    def __init__(self, rng: random.Random, lang: str, brand: str) -> None:
        self.rng, self.lang, self.brand = rng, lang, brand
        self.parts = PARTS[lang]

    def fill(self, text: str) -> str:
        rng = self.rng
        return text.format(brand=self.brand, n=rng.randint(2, 48), p=rng.randint(5, 80),
                           year=rng.randint(2019, 2025))

    def choice(self, key: str) -> str:
        return self.fill(self.rng.choice(self.parts[key]))

    def sentence(self) -> str:
        subject, verb, who = self.choice("subject"), self.choice("verb"), self.choice("who")
        what, tail = self.choice("what"), self.choice("tail")
        if self.lang == "en":
            return f"{subject} {verb} {who} {what}{tail}."
        if self.lang == "zh":
            return f"{subject}{verb}{who}{what}{tail}。"
        if self.lang == "ja":
            return f"{subject}{verb}{who}{what}{tail}"
        return f"{subject} {verb} {who}, {what}{tail}"

    def paragraph(self) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(2, 6))]
        if self.lang == "en" and self.rng.random() < 0.3:
            sentences.insert(1, f"See the [guide](/docs/{self.rng.randint(1, 400)}/) or "
                                f"[contact sales](https://www.example.com/contact).")
        joiner = " " if self.lang in ("en", "de") else ""
        return joiner.join(sentences)

    def heading(self, level: int) -> str:
        return "#" * level + " " + self.choice("heading")

    def bullets(self) -> str:
        items = self.rng.sample(self.parts["bullet"], min(len(self.parts["bullet"]),
                                                          self.rng.randint(3, 6)))
        mark = "1." if self.rng.random() < 0.2 else "-"
        return "\n".join(f"{mark} {self.fill(item)}" for item in items)

    def table(self) -> str:
        rng = self.rng
        cols = ["Plan", "Users", "Price / month", "Support"] if self.lang != "zh" else \
            ["套餐", "用户数", "月费", "支持"]
        rows = [f"| {name} | {rng.choice(['5', '25', '100', 'unlimited'])} | "
                f"{rng.choice(['$0', '$19', '$49', '$199', '¥99', '¥399'])} | "
                f"{rng.choice(['email', 'chat', '24/7 phone', '工单'])} |"
                for name in rng.sample(["Free", "Starter", "Team", "Business", "Enterprise"],
                                       rng.randint(2, 5))]
        head = "| " + " | ".join(cols) + " |"
        return "\n".join([head, "|" + "---|" * len(cols), *rows])

    def code(self) -> str:
        lang, body = self.rng.choice(CODE)
        return f"```{lang}\n{self.fill(body)}\n```"

    def quote(self) -> str:
        return "> " + self.choice("quote")

    def image(self) -> str:
        n = self.rng.randint(1, 999)
        return f"![Screenshot {n}](/images/screens/{n}.png)"

    def html(self) -> str:
        return ('<div class="cta">\n  <a class="button" href="/signup">'
                f'{self.choice("bullet")}</a>\n</div>')


def _blocks(section: str) -> list[tuple[Callable[[_Writer], str], int]]:
    """What a page of this section is made of, with weights."""
    prose = [(lambda w: w.paragraph(), 10), (lambda w: w.heading(2), 2),
             (lambda w: w.heading(3), 1), (lambda w: w.bullets(), 2),
             (lambda w: w.image(), 1)]
    extra = {"docs": [(lambda w: w.code(), 4), (lambda w: w.table(), 1)],
             "pricing": [(lambda w: w.table(), 4), (lambda w: w.bullets(), 2)],
             "product": [(lambda w: w.quote(), 1), (lambda w: w.html(), 1),
                         (lambda w: w.table(), 1)],
             "customers": [(lambda w: w.quote(), 2)],
             "changelog": [(lambda w: w.bullets(), 4), (lambda w: w.code(), 1)],
             "": [(lambda w: w.html(), 1), (lambda w: w.quote(), 1)]}
    return prose + extra.get(section, [])


def site_page(i: int, seed: int = 11) -> tuple[str, str]:
    """(relative path, Markdown) of page i of the site."""
    rng = random.Random(f"site-{seed}-{i}")
    lang = _pick(rng, LANGUAGES)
    section = _pick(rng, SECTIONS)
    brand = rng.choice(ZH_BRANDS if lang == "zh" else BRANDS)
    writer = _Writer(rng, lang, brand)
    target = _size(rng)
    title = writer.choice("heading")
    front = ["---", f"title: \"{brand}: {title}\"", f"lang: {lang}",
             f"date: {rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             f"description: \"{writer.sentence()}\"",
             f"tags: [{', '.join(rng.sample(['finance', 'ops', 'api', 'security', 'retail'], 2))}]",
             "draft: false", "---", ""]
    body = [f"# {title}", "", writer.paragraph(), ""]
    size = len("\n".join(front + body).encode("utf-8"))
    blocks = _blocks(section)
    makers, weights = [b for b, _ in blocks], [w for _, w in blocks]
    while size < target:
        block = rng.choices(makers, weights=weights)[0](writer)
        body += [block, ""]
        size += len(block.encode("utf-8")) + 2
    slug = f"page-{i:05d}"
    folder = f"content/{lang}/{section}".rstrip("/")
    return f"{folder}/{slug}.md", "\n".join(front + body)


def generate_site(directory: Path, n: int, seed: int = 11) -> Path:
    """Write n site pages under directory/site; return that folder."""
    root = directory / "site"
    for i in range(n):
        relative, text = site_page(i, seed)
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
