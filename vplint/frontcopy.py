"""The copy a website keeps in its pages' front matter.

Site generators put a landing page's words in front matter as often as in its body: a
`title` and `description`, a `hero` with `text` and `tagline`, `features` with `title` and
`details`. Those are copy, and the page is judged on them; the rest of the front matter
(slugs, dates, tags, authors, images, links, layout switches) is metadata and is not, and
neither are conversations kept there (a Q&A archive's questions and replies, comments, a
transcript): other people's words.

`expose_front_matter_copy` adds the copy leaves to the page's `copy` field as
`copy.front.<their path>` (the nodes keep their file positions), so every rule that reads
the copy reads them too.
"""

from __future__ import annotations

import re
from typing import Any

from vplint.lazyre import lazy
from vplint.nodes import Node

COPY_KEYS = frozenset((
    "title", "subtitle", "sub_title", "description", "summary", "tagline", "headline",
    "subheadline", "sub_headline", "lead", "intro", "excerpt", "snippet", "text", "content",
    "details", "body", "quote", "heading", "subheading", "cta", "caption", "bulletpoints",
    "bullets", "points", "benefits", "highlights", "items"))
"""Keys whose text is read on the page (at any depth: hero.text, features[2].details)."""

_SKIP = frozenset(("copy", "page_kind", "language", "lang", "locale"))
CONVERSATION_KEYS = frozenset((
    "archive", "comments", "comment", "replies", "reply", "discussion", "discussions",
    "transcript", "transcripts", "chat", "chats", "messages", "thread", "threads"))
"""Containers of other people's words (a Q&A archive, comments and their replies, a
transcript): neither the advertiser's copy nor its proof, at any depth. Testimonials and
reviews stay: they are the proof a page offers."""
_NOT_PROSE = lazy(r"^(?:[a-z]+:)?//|^[/#.~]|\.(?:png|jpe?g|gif|svg|webp|html?|md)$|"
                        r"^[\w.-]+$", re.I)


def expose_front_matter_copy(doc: Any) -> None:
    """Add the front matter's copy leaves to a Markdown page's `copy` (see module doc)."""
    tree = getattr(doc, "tree", None)
    if doc.kind != "markdown" or tree is None or not isinstance(tree.value, dict):
        return
    found: dict[str, Node] = {}
    for key, node in tree.value.items():
        if key not in _SKIP and str(key).lower() not in CONVERSATION_KEYS:
            _collect(node, key, key in COPY_KEYS, found)
    if not found:
        return
    copy = tree.value.get("copy")
    start = min(n.start for n in found.values())
    end = max(n.end for n in found.values())
    front = Node(found, start, end)
    if copy is None:
        tree.value["copy"] = Node({"front": front}, start, tree.end)
    elif isinstance(copy.value, dict) and "front" not in copy.value:
        copy.value["front"] = front
    else:
        return
    texts = getattr(doc, "_texts", None)
    if isinstance(texts, dict):
        texts.clear()  # field lists computed before this must be computed again


def _collect(node: Node, path: str, is_copy: bool, out: dict[str, Node]) -> None:
    value = node.value
    if isinstance(value, dict):
        for key, child in value.items():
            if str(key).lower() not in CONVERSATION_KEYS:
                _collect(child, f"{path}.{key}", str(key) in COPY_KEYS, out)
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _collect(child, f"{path}[{i}]", is_copy, out)
    elif is_copy and isinstance(value, str) and _is_prose(value):
        out[path] = node


def _is_prose(text: str) -> bool:
    text = text.strip()
    if not text or _NOT_PROSE.search(text):
        return False
    return len(text.split()) >= 2 or sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= 2
