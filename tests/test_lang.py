"""Language per document: English, Simplified/Traditional Chinese, Japanese, Korean, other."""

from __future__ import annotations

import pytest

from vplint.text.lang import (
    detect_language,
    detect_locale,
    normalize_locale,
    rule_language,
)


@pytest.mark.parametrize(("text", "locale"), [
    ("Hot pizza at your door in 30 minutes, or it's free.", "en"),
    ("30分钟热披萨送到家，超时免单。", "zh-Hans"),
    ("三十分鐘熱披薩送到府，逾時免費。這是我們對顧客的承諾。", "zh-Hant"),
    ("用 NocoBase 和 Claude Code 搭建 CRM，接入 OpenAI API 和 PostgreSQL 数据库。", "zh-Hans"),
    ("在庫管理をもっと簡単に。スプレッドシートはもう要りません。", "ja"),
    ("재고 관리를 더 쉽게. 이제 스프레드시트가 필요 없습니다.", "ko"),
    ("Ihr Team sieht den Bestand auf einen Blick, und die Bestellung ist mit einem Klick "
     "erledigt.", "other"),
    ("Votre équipe voit le stock en un coup d'œil et la commande est passée en un clic.",
     "other"),
    ("Su equipo ve el inventario de un vistazo y el pedido se hace con un clic.", "other"),
    ("Pizza\nHot pizza in 30 minutes", "en"),
    ("", "en"),
])
def test_detect_locale(text: str, locale: str) -> None:
    assert detect_locale(text) == locale


def test_code_markup_and_urls_do_not_make_chinese_english() -> None:
    code = "```js\nconst app = createApp({ plugins: [auth, workflow, charts] });\n```\n" * 5
    page = (f"# 十分钟搭建审批流\n\n只需配置表单和流程即可上线。\n\n{code}\n"
            "<div class=\"col-lg-5\">x</div>")
    assert detect_locale(page) == "zh-Hans"
    assert detect_locale("See https://example.com/a/b/c/d/e 快速") == "zh-Hans"


def test_rule_language_and_declared_tags() -> None:
    assert [rule_language(x) for x in ("en", "zh-Hans", "zh-Hant", "ja", "ko", "other")] == \
        ["en", "zh", "zh", None, None, None]
    assert normalize_locale("zh-TW") == "zh-Hant"
    assert normalize_locale("zh_CN") == "zh-Hans"
    assert normalize_locale("ja-JP") == "ja"
    assert normalize_locale("de") == "other"
    assert normalize_locale("EN") == "en"
    assert detect_language("在庫管理をもっと簡単に。もう要りません。") == "en"  # no rules: not zh
