"""Markdown through a CommonMark parser: the regions of a page, with source positions.

`parse(text, offset)` reads Markdown with pulldown-cmark (the `pyromark` binding: CommonMark
plus GFM tables, strikethrough, task lists and footnotes) and returns a `MarkdownModel`,
so rules can tell copy from code, links and markup. Every position is a character index
into the text given to `parse` plus `offset` (pass the length of any front matter cut
off before, and indexes are file positions again).

Region API (what later rules build on):

* `model.regions` - every `Region`, in source order (by start, outer before inner).
  A Region has `kind`, `start`, `end` (the whole construct, markup included) and:

  - block kinds: `heading` (`level` 1-6; ATX and setext alike), `paragraph`, `list`
    (`ordered`), `item` (`level` = list nesting depth from 1, `ordered`), `quote`,
    `table`, `table_row` (the header row too), `table_cell`, `code_block` (`fenced`,
    `info` = the fence's info string), `html_block`, `footnote`, `rule` (thematic break),
    `definition` (a link reference definition, `target` = its URL);
  - inline kinds: `text` (prose characters as written), `code` (inline code), `link` and
    `image` (`target` = destination URL; `text_start`/`text_end` = the link text or image
    alt between the brackets, `target_start`/`target_end` = the rest: `(url "title")`,
    `[ref]`, or all of an autolink), `html` (inline HTML), `break` (soft or hard line
    break), `footnote_ref`, `task` (a task list's `[x]`).

  `parents` names the enclosing kinds, outermost first (a `text` in a link in a list item:
  `("list", "item", "paragraph", "link")`), so a question such as "is this in a quote?"
  needs no tree walk.

* `model.headings`, `model.paragraphs`, `model.items`, `model.links`, `model.code`,
  `model.html`, `model.tables`: the regions of those kinds (`code` holds blocks and inline
  code; `html` blocks and inline HTML).
* `model.copy`: the (start, end) spans of prose - `text` regions outside code, HTML,
  link targets and image alt text, i.e. what a reader reads. `model.is_copy(index)`
  answers for one index in O(log n), `model.copy_between(start, end)` lists the prose
  spans in a range, and `model.block_at(index)` gives the innermost block at an index.
* `model.copy_text(start, end)`: source[start:end] with everything that is not prose
  blanked to spaces (line breaks kept), so offsets into it are source offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vplint.lazyre import lazy


@cache
def _parser():  # type: ignore[no-untyped-def]
    """The pulldown-cmark parser, made when the first Markdown text is read (a run over
    YAML propositions never loads it)."""
    import pyromark

    options = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
               | pyromark.Options.ENABLE_TASKLISTS | pyromark.Options.ENABLE_FOOTNOTES)
    return pyromark.Markdown(options=options)


BLOCK_KINDS = frozenset({"heading", "paragraph", "list", "item", "quote", "table",
                         "table_row", "table_cell", "code_block", "html_block", "footnote",
                         "rule", "definition"})
INLINE_KINDS = frozenset({"text", "code", "link", "image", "html", "break", "footnote_ref",
                          "task"})
_NOT_COPY = frozenset({"code_block", "html_block", "definition", "image"})
"""Regions whose text is never prose (an image's alt text is not read on the page)."""

_BARE_LINKS = ("Autolink", "Email")
"""Links written as their target (<https://...>): their text is the URL, not prose."""

# pulldown-cmark tag -> region kind (tags that only style text, such as Emphasis, are
# not regions: their text is copy like the text around them)
_TAGS = {"Paragraph": "paragraph", "Heading": "heading", "BlockQuote": "quote",
         "CodeBlock": "code_block", "HtmlBlock": "html_block", "List": "list",
         "Item": "item", "FootnoteDefinition": "footnote", "Table": "table",
         "TableHead": "table_row", "TableRow": "table_row", "TableCell": "table_cell",
         "Link": "link", "Image": "image"}
_LEAVES = {"Text": "text", "Code": "code", "Html": None, "InlineHtml": "html",
           "FootnoteReference": "footnote_ref", "TaskListMarker": "task",
           "InlineMath": "code", "DisplayMath": "code"}


@dataclass(frozen=True, slots=True)
class Region:
    """One construct of the page: [start, end) in the source, and what it is."""

    kind: str
    start: int
    end: int
    parents: tuple[str, ...] = ()
    level: int = 0
    ordered: bool = False
    fenced: bool = False
    info: str = ""
    target: str = ""
    text_start: int = 0
    text_end: int = 0
    target_start: int = 0
    target_end: int = 0

    @property
    def is_block(self) -> bool:
        """True for block kinds (headings, paragraphs, items, code blocks...)."""
        return self.kind in BLOCK_KINDS


@dataclass
class MarkdownModel:
    """The parsed page: regions in source order and the prose spans (see the module doc)."""

    source: str
    offset: int
    regions: list[Region]
    copy: list[tuple[int, int]]
    _copy_starts: list[int] = field(default_factory=list, repr=False)
    _blocks: list[Region] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._copy_starts = [a for a, _ in self.copy]
        self._blocks = [r for r in self.regions if r.is_block]

    def of_kind(self, *kinds: str) -> list[Region]:
        """The regions of the given kinds, in source order."""
        return [r for r in self.regions if r.kind in kinds]

    @property
    def headings(self) -> list[Region]:
        """Headings (ATX `#` and setext `===`), each with its `level`."""
        return self.of_kind("heading")

    @property
    def paragraphs(self) -> list[Region]:
        """Paragraphs (including those inside list items, quotes and footnotes)."""
        return self.of_kind("paragraph")

    @property
    def items(self) -> list[Region]:
        """List items, bulleted and numbered, at every nesting level."""
        return self.of_kind("item")

    @property
    def links(self) -> list[Region]:
        """Links and images, with their text and target kept apart."""
        return self.of_kind("link", "image")

    @property
    def code(self) -> list[Region]:
        """Code: fenced and indented blocks, and inline code spans."""
        return self.of_kind("code_block", "code")

    @property
    def html(self) -> list[Region]:
        """Raw HTML: blocks (comments included) and inline tags."""
        return self.of_kind("html_block", "html")

    @property
    def tables(self) -> list[Region]:
        """Tables (their rows and cells are regions of their own)."""
        return self.of_kind("table")

    def is_copy(self, index: int) -> bool:
        """True when the character at source `index` is prose (see `copy`)."""
        k = bisect_right(self._copy_starts, index) - 1
        return k >= 0 and index < self.copy[k][1]

    def copy_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The prose spans inside [start, end), clipped to it."""
        copy = self.copy
        out = []
        # by index: a slice copy[k:] would copy the rest of the page's spans at each call
        # (quadratic over a page of many list items)
        for k in range(max(0, bisect_right(self._copy_starts, start) - 1), len(copy)):
            a, b = copy[k]
            if a >= end:
                break
            a, b = max(a, start), min(b, end)
            if b > a:
                out.append((a, b))
        return out

    def block_at(self, index: int) -> Region | None:
        """The innermost block region holding source `index`, or None."""
        found = None
        for region in self._blocks:
            if region.start > index:
                break
            if region.start <= index < region.end:
                found = region
        return found

    def copy_text(self, start: int, end: int) -> str:
        """source[start:end] with all but prose blanked to spaces, line breaks kept."""
        parts: list[str] = []
        pos = start
        k = max(0, bisect_right(self._copy_starts, start) - 1)
        while pos < end:
            if k < len(self.copy) and self.copy[k][1] <= pos:
                k += 1
                continue
            a = self.copy[k][0] if k < len(self.copy) else end
            a = min(max(a, pos), end)
            if a > pos:
                parts.append(_blank(self._slice(pos, a)))
            if a >= end:
                break
            b = min(self.copy[k][1], end)
            parts.append(self._slice(a, b))
            pos = b
            k += 1
        return "".join(parts)

    def _slice(self, a: int, b: int) -> str:
        return self.source[a - self.offset:b - self.offset]


def _blank(text: str) -> str:
    if not text.strip(" "):
        return text
    if "\n" not in text and "\r" not in text:
        return " " * len(text)  # most markup (a "# ", a link target) has no line break
    return "".join(c if c in "\r\n" else " " for c in text)


_WIDE_RUN = lazy("[\u0080-\u07ff]+|[\u0800-\uffff]+|[\U00010000-\U0010ffff]+")
"""A run of characters that take 2, 3 or 4 bytes in UTF-8."""


class _Offsets:
    """UTF-8 byte offsets (what the parser reports) to character offsets.

    The text is read once into its runs of multi-byte characters (a page of Chinese is a
    few hundred runs, not thousands of characters), so an offset is a binary search and
    a division: linear in the page however the parser's events jump back and forth."""

    def __init__(self, text: str) -> None:
        self.ascii = text.isascii()
        self.byte_starts: list[int] = []
        self.byte_ends: list[int] = []
        self.char_starts: list[int] = []
        self.widths: list[int] = []
        extra = 0  # bytes beyond one per character so far
        for m in () if self.ascii else _WIDE_RUN.finditer(text):
            a, b = m.span()
            first = text[a]
            width = 2 if first <= "\u07ff" else 3 if first <= "\uffff" else 4
            self.byte_starts.append(a + extra)
            self.char_starts.append(a)
            self.widths.append(width)
            extra += (b - a) * (width - 1)
            self.byte_ends.append(b + extra)

    def __call__(self, at: int) -> int:
        if self.ascii:
            return at
        k = bisect_right(self.byte_starts, at) - 1
        if k < 0:
            return at  # ASCII before the first run
        start, end, width = self.byte_starts[k], self.byte_ends[k], self.widths[k]
        if at < end:
            return self.char_starts[k] + (at - start) // width
        return self.char_starts[k] + (end - start) // width + (at - end)


def parse(text: str, offset: int = 0) -> MarkdownModel:
    """Parse Markdown `text` into its regions; indexes are `offset` + index into `text`."""
    chars = _Offsets(text)
    regions: list[Region] = []
    copy: list[tuple[int, int]] = []
    # open containers: (kind, start, attributes, index of the region to fill in at End)
    stack: list[tuple[str, int, dict[str, Any], int]] = []
    parents: tuple[str, ...] = ()  # the kinds on the stack, outermost first
    hidden = 0  # open containers whose text is not prose (_NOT_COPY, bare links)
    depth = 0  # list nesting
    for event, span in _parser().events_with_range(text):
        start, end = chars(span["start"]) + offset, chars(span["end"]) + offset
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            kind = "rule" if event == "Rule" else "break"
            regions.append(Region(kind, start, end, parents))
            continue
        (verb, value), = event.items()
        if verb == "Start":
            name, attrs = _tag(value)
            kind = _TAGS.get(name)
            if kind is None:  # Emphasis, Strong, Strikethrough...: styling only
                continue
            if kind == "list":
                depth += 1
            if kind == "item":
                attrs["level"] = depth
                attrs["ordered"] = bool(stack and stack[-1][2].get("ordered"))
            stack.append((kind, start, attrs, len(regions)))
            regions.append(Region(kind, start, end, parents))  # completed at End
            parents += (kind,)
            hidden += _hides(kind, attrs)
            continue
        if verb == "End":
            name, _ = _tag(value)
            if _TAGS.get(name) is None:
                continue
            kind, opened, attrs, index = stack.pop()
            parents = parents[:-1]
            hidden -= _hides(kind, attrs)
            if kind == "list":
                depth -= 1
            if kind in ("link", "image"):
                attrs = _link_spans(regions, index, text, offset, attrs)
            regions[index] = Region(kind, opened, regions[index].end, regions[index].parents,
                                    **attrs)
            continue
        kind = _LEAVES.get(verb, "text")
        if kind is None:  # the lines of an HTML block: the block is the region
            continue
        regions.append(Region(kind, start, end, parents))
        if kind == "text" and not hidden:
            copy.append((start, end))
    for label, definition in _parser().reference_definitions(text).items():
        span = definition["span"]
        regions.append(Region("definition", chars(span["start"]) + offset,
                              chars(span["end"]) + offset, target=definition["dest"],
                              info=str(label)))
    regions.sort(key=lambda r: (r.start, -r.end))
    return MarkdownModel(text, offset, regions, _merged(copy))


def _hides(kind: str, attrs: dict[str, Any]) -> int:
    """1 when a container's text is not prose: code, HTML, an image's alt text, the URL
    that a bare link (<https://...>) shows as its text."""
    return int(kind in _NOT_COPY or attrs.get("info") in _BARE_LINKS)


def _tag(value: Any) -> tuple[str, dict[str, Any]]:
    """A pulldown-cmark tag as (name, region attributes)."""
    if isinstance(value, str):
        return value, {}
    (name, detail), = value.items()
    attrs: dict[str, Any] = {}
    if name == "Heading":
        level = detail["level"] if isinstance(detail, dict) else detail
        attrs["level"] = int(str(level).lstrip("H") or 0)
    elif name == "List":
        attrs["ordered"] = detail is not None and detail is not False and detail is not True
    elif name == "CodeBlock":
        fenced = isinstance(detail, dict)
        attrs["fenced"] = fenced
        attrs["info"] = str(detail.get("Fenced", "")) if fenced else ""
    elif name in ("Link", "Image") and isinstance(detail, dict):
        attrs["target"] = str(detail.get("dest_url", ""))
        attrs["info"] = str(detail.get("link_type", ""))
    return name, attrs


def _link_spans(regions: list[Region], index: int, text: str, offset: int,
                attrs: dict[str, Any]) -> dict[str, Any]:
    """A link's text span (inside the brackets) and target span (the rest)."""
    link = regions[index]
    inner = regions[index + 1:]
    out = {key: attrs[key] for key in ("target", "info") if key in attrs}
    if attrs.get("info") in _BARE_LINKS:
        out.update(text_start=link.start, text_end=link.start, target_start=link.start,
                   target_end=link.end)
        return out
    text_start = link.start + (2 if text[link.start - offset] == "!" else 1)
    text_end = max((r.end for r in inner), default=text_start)
    close = text.find("]", text_end - offset, link.end - offset)
    target_start = close + 1 + offset if close >= 0 else text_end
    out.update(text_start=text_start, text_end=text_end, target_start=target_start,
               target_end=link.end)
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
