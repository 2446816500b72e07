"""Traditional Chinese is folded to simplified before matching, whichever common
traditional characters a line holds, and only where it changes nothing else."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, codes, lint, load_script
from vplint.text.fold import fold

gen_traditional = load_script("gen_traditional", ROOT / "scripts" / "gen_traditional.py")


def test_generated_character_set_is_fresh() -> None:
    assert gen_traditional.TARGET.read_text("utf-8") == gen_traditional.source(), (
        "regenerate with `python scripts/gen_traditional.py`")


@pytest.mark.parametrize(("traditional", "simplified"), [
    # characters a hand-kept trigger list missed: 採 製 術 產 進 頂 級 於 後
    ("採用最先進製程", "采用最先进制程"),
    ("頂級技術", "顶级技术"),
    ("產品於三天後送達", "产品于三天后送达"),
])
def test_common_traditional_characters_are_folded(traditional: str, simplified: str) -> None:
    assert fold(traditional) == simplified


@pytest.mark.parametrize("text", [
    "采用最先进制程", "三天后送达，超时免单", "Hot pizza in 30 minutes", "",
])
def test_simplified_and_english_text_is_left_as_it_is(text: str) -> None:
    assert fold(text) == text


def test_a_traditional_superlative_is_found_like_a_simplified_one() -> None:
    # 產 採 頂 級 藝 were missing from a hand-kept trigger list: the line got no finding
    simplified = lint("name: 测试\ncopy:\n  headline: 本产品采用顶级工艺\nlanguage: zh\n")
    traditional = lint("name: 測試\ncopy:\n  headline: 本產品採用頂級工藝\nlanguage: zh\n")
    for code in ("LAW018", "PRF002"):
        assert code in codes(simplified)
        assert code in codes(traditional)


def test_a_finding_on_traditional_copy_quotes_the_characters_as_written() -> None:
    traditional = lint("name: 測試\ncopy:\n  headline: 本產品採用頂級工藝\nlanguage: zh\n")
    quoted = {f.match for r in traditional for f in r.findings if f.code == "LAW018"}
    assert quoted == {"頂級"}
