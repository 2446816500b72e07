"""The Markdown document model (vplint.source.markdown) and the copy fields built on it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import lint
from vplint.document import load_text
from vplint.source.markdown import parse

PAGE = """\
Fast delivery
=============

Intro line one
line two.

1. First *point* with [the docs](https://fast.example/best "Best")
2. Second point
   - nested `best code`

A plain paragraph.

    indented code: fastest ever

```python
best = "fastest"
```

> A quote about 30% savings.

| Plan | Price |
|------|-------|
| Pro  | $5    |

<div>the best html</div>

See <https://auto.example> and [ref][r] 中文内容.

[r]: https://ref.example
"""


def _copy(source: str) -> dict[str, object]:
    doc = load_text(source, "page.md", "markdown")[0]
    assert doc.tree is not None
    return doc.node("copy").plain()  # type: ignore[union-attr]


def test_setext_heading_is_the_headline_with_its_level() -> None:
    model = parse(PAGE)
    heading = model.headings[0]
    assert heading.level == 1
    assert _copy(PAGE)["headline"] == "Fast delivery"
    assert parse("Sub\n---\n\ntext\n").headings[0].level == 2


def test_ordered_and_nested_items_are_bullets() -> None:
    items = parse(PAGE).items
    assert [(i.ordered, i.level) for i in items] == [(True, 1), (True, 1), (False, 2)]
    bullets = _copy(PAGE)["bullets"]
    assert bullets[0].split() == ["First", "point", "with", "the", "docs"]
    assert bullets[1] == "Second point"
    assert bullets[2] == "nested"  # its inline code is not copy


def test_code_html_and_link_targets_are_not_copy() -> None:
    body = _copy(PAGE)["body"]
    for hidden in ("indented code", 'best = "fastest"', "the best html", "fast.example",
                   "auto.example", "ref.example", "```"):
        assert hidden not in body
    for shown in ("Intro line one", "A quote about 30% savings.", "Pro", "$5", "中文内容"):
        assert shown in body


def test_links_keep_text_and_target_apart() -> None:
    model = parse(PAGE)
    link = next(r for r in model.links if r.target.startswith("https://fast"))
    assert PAGE[link.text_start:link.text_end] == "the docs"
    assert PAGE[link.target_start:link.target_end] == '(https://fast.example/best "Best")'
    auto = next(r for r in model.links if r.info == "Autolink")
    assert auto.text_start == auto.text_end
    assert not model.is_copy(auto.start + 3)
    assert [r.target for r in model.of_kind("definition")] == ["https://ref.example"]


def test_regions_cover_code_html_tables_and_quotes() -> None:
    model = parse(PAGE)
    blocks = {(r.kind, r.fenced) for r in model.of_kind("code_block")}
    assert blocks == {("code_block", False), ("code_block", True)}
    assert [r.info for r in model.of_kind("code_block") if r.fenced] == ["python"]
    assert PAGE[model.of_kind("code")[0].start:model.of_kind("code")[0].end] == "`best code`"
    assert len(model.html) == 1 and "the best html" in PAGE[model.html[0].start:model.html[0].end]
    assert len(model.of_kind("table_cell")) == 4
    quote_text = [r for r in model.of_kind("text") if "quote" in r.parents]
    assert PAGE[quote_text[0].start:quote_text[0].end] == "A quote about 30% savings."
    at = PAGE.index("30%")
    assert model.is_copy(at) and model.block_at(at).kind == "paragraph"
    assert not model.is_copy(PAGE.index("fastest ever"))


def test_positions_are_file_characters_after_front_matter_and_non_ascii() -> None:
    source = "---\nname: 测试 ✓\n---\n# 标题 ✓ 中文\n\n正文 [链接](http://x) 最好的平台\n"
    doc = load_text(source, "page.md", "markdown")[0]
    model = doc.markdown
    assert model is not None
    for region in model.of_kind("text"):
        assert region.start >= source.index("# 标题")
    headline = doc.node("copy.headline")
    assert source[headline.start:headline.end] == "标题 ✓ 中文"
    body = doc.node("copy.body")
    at = body.value.index("最好")
    assert source[body.start + at:body.start + at + 2] == "最好"
    link = model.links[0]
    assert source[link.text_start:link.text_end] == "链接"


def test_a_finding_in_markdown_points_at_line_and_column() -> None:
    source = "---\nname: x\n---\n# Title\n\nSome text.\n\n```\nthe best\n```\n\nWe are the best.\n"
    findings = [f for r in lint(source, kind="markdown", path="index.md") for f in r.findings
                if f.match and "best" in f.match.lower()]
    assert findings
    assert all((f.line, f.column) == (12, 8) for f in findings)


def test_deep_nesting_and_unclosed_markup_parse_quickly() -> None:
    for source in ("> " * 5_000 + "x", "- " * 5_000 + "x", "[a](" * 20_000, "*a **b " * 20_000):
        model = parse(source)
        assert all(0 <= r.start <= r.end <= len(source) for r in model.regions)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中#*-_`>[]()<!\n1.|=~\\")), max_size=200))
def test_regions_and_copy_stay_inside_the_text(text: str) -> None:
    model = parse(text, 8)
    for region in model.regions:
        assert 8 <= region.start <= region.end <= len(text) + 8
    last = 0
    for a, b in model.copy:
        assert last <= a < b <= len(text) + 8
        last = b
    assert len(model.copy_text(8, len(text) + 8)) == len(text)
