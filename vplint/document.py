"""Load proposition files (YAML, or Markdown/text with optional YAML front matter).

Loading never raises for bad content: a file that cannot be read or parsed becomes a
Document with no tree and a VP001 problem, so the run goes on with the other files.
Only the safe loader is used, and aliases are bounded, so untrusted files construct
nothing and cannot expand into memory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from vplint.lazyre import lazy
from vplint.nodes import LineIndex, Node
from vplint.problem import Problem
from vplint.source.markdown import MarkdownModel
from vplint.source.markdown import parse as parse_markdown
from vplint.suppress import Suppressions

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

YAML_SUFFIXES = (".yaml", ".yml")
COPY_SUFFIXES = (".md", ".markdown", ".txt")
SUFFIXES = YAML_SUFFIXES + COPY_SUFFIXES

MAX_NODES = 100_000
"""Nodes one document may expand to, counting every alias use (stops "billion laughs")."""
MAX_DEPTH = 200
"""Nesting depth beyond which a document is not a proposition but an attack or an accident."""

_SURROGATE = lazy("[\ud800-\udfff]")


@dataclass
class Document:
    """One proposition: its field tree with source positions, plus the file text."""

    path: str
    source: str
    lines: LineIndex
    kind: str
    index: int = 0
    tree: Node | None = None
    problems: list[Problem] = field(default_factory=list)
    suppressions: Suppressions | None = None
    start: int = 0
    language: str = "en"
    encoding_note: str | None = None
    markdown: MarkdownModel | None = None
    """The page's regions (headings, paragraphs, code, links...) for Markdown files."""
    _texts: dict[str, list[tuple[str, Node]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    # ---- field access -------------------------------------------------------------
    def node(self, path: str) -> Node | None:
        """The node at a dotted field path such as "copy.headline", or None."""
        current = self.tree
        for part in path.split("."):
            if current is None or not isinstance(current.value, dict):
                return None
            current = current.value.get(part)
        return current

    def value(self, path: str) -> Any:
        """Plain value at a dotted path, or None."""
        node = self.node(path)
        return node.plain() if node is not None else None

    def text(self, path: str) -> str | None:
        """The field as text when it is a non-empty scalar (numbers count), else None."""
        node = self.node(path)
        if node is None or node.kind not in ("text", "number"):
            return None
        value = str(node.value).strip()
        return value or None

    def has(self, path: str) -> bool:
        """True when the field holds something: non-empty text, list or mapping."""
        node = self.node(path)
        if node is None:
            return False
        if node.kind in ("text", "number"):
            return bool(str(node.value).strip())
        if node.kind in ("sequence", "mapping"):
            return any(_non_empty(child) for child in _children(node))
        return node.kind == "bool"

    @property
    def name(self) -> str | None:
        """The proposition's `name` field, if any."""
        return self.text("name")

    def texts(self, prefix: str = "") -> list[tuple[str, Node]]:
        """Every text leaf (field path, node) at or below `prefix`, in file order."""
        found = self._texts.get(prefix)
        if found is None:  # rules ask for the same prefixes again and again: walk once
            root = self.node(prefix) if prefix else self.tree
            found = []
            if root is not None:
                _collect_texts(root, prefix, found)
            found.sort(key=lambda item: item[1].start)
            self._texts[prefix] = found
        return list(found)  # a copy: a caller may sort or extend it

    def all_text(self) -> str:
        """All text of the proposition joined, for language detection and whole-copy scans."""
        return "\n".join(str(n.value) for _, n in self.texts())

    # ---- positions ---------------------------------------------------------------
    def span(self, node: Node | None, start: int | None = None, end: int | None = None
             ) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of a node, or of [start, end) in its text."""
        if node is None:
            a = b = self.start
        elif start is None:
            a, b = node.start, node.end
        else:
            a = node.source_index(self.source, start)
            b = node.source_index(self.source, max(start, (end or start) - 1)) + 1
        line, col = self.lines.position(a)
        end_line, end_col = self.lines.position(max(a, b))
        return line, col, end_line, end_col


def _children(node: Node) -> list[Node]:
    if isinstance(node.value, dict):
        return list(node.value.values())
    if isinstance(node.value, list):
        return list(node.value)
    return []


def _non_empty(node: Node) -> bool:
    if node.kind in ("text", "number"):
        return bool(str(node.value).strip())
    if node.kind in ("sequence", "mapping"):
        return any(_non_empty(c) for c in _children(node))
    return node.kind == "bool"


def _collect_texts(node: Node, path: str, out: list[tuple[str, Node]]) -> None:
    if isinstance(node.value, dict):
        for key, child in node.value.items():
            _collect_texts(child, f"{path}.{key}" if path else key, out)
    elif isinstance(node.value, list):
        for i, child in enumerate(node.value):
            _collect_texts(child, f"{path}[{i}]", out)
    elif isinstance(node.value, str) and node.value.strip():
        out.append((path, node))


# ---- reading --------------------------------------------------------------------------
def printable_path(path: str) -> str:
    """A path as text any output can carry: bytes of a non-UTF-8 file name as \\xNN,
    control characters as escapes (vplint.safe.visible).

    os.walk and sys.argv turn such bytes into lone surrogates, which no UTF-8 stream
    accepts; a report must show the name, not crash on it.
    """
    if path.isprintable():
        return path
    from vplint.safe import visible  # a leaf module: escaping, no report machinery

    if not _SURROGATE.search(path):
        # Control characters in a file name ("\n::error::", ESC sequences) must not
        # reach any report or CI log raw: every format shows the escaped name.
        return visible(path)
    out = []
    for ch in path:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    return visible("".join(out))


def read_text(path: Path, limit: int | None = None
              ) -> tuple[str | None, str | None, Problem | None]:
    """Read a file as text: (text, note about its encoding, problem).

    Only regular files are opened (a FIFO or a device named *.md would block or never
    end), and at most `limit` bytes are read when a limit is given.
    """
    from vplint.encoding import decode

    try:
        info = path.stat()
    except OSError as exc:
        return None, None, _os_problem(exc)
    if stat.S_ISDIR(info.st_mode):
        return None, None, _directory_problem(path)
    if not stat.S_ISREG(info.st_mode):
        return None, None, Problem("VP001", 0, 0, {
            "reason": "not a regular file (a pipe, socket or device); skipped, not read"})
    if limit is not None and info.st_size > limit:
        return None, None, Problem("VP001", 0, 0, {"reason": too_big_reason(info.st_size, limit)})
    try:
        with path.open("rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        return None, None, _os_problem(exc)
    if limit is not None and len(data) > limit:
        return None, None, Problem("VP001", 0, 0, {"reason": too_big_reason(len(data), limit)})
    return decode(data)


def too_big_reason(size: int, limit: int) -> str:
    """The VP001 reason for a file over the size limit."""
    return (f"the file is {size:,} bytes, over the {limit:,}-byte limit (max-file-size); "
            "skipped")


def _directory_problem(path: Path) -> Problem:
    """Why a folder reached the loader: discovery yields one it could not list."""
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        return Problem("VP001", 0, 0, {"reason": f"cannot list the folder: {exc.strerror}; "
                                                 "its files are not linted"})
    return Problem("VP001", 0, 0, {"reason": "a folder, not a file; skipped"})


def _os_problem(exc: OSError) -> Problem:
    reason = exc.strerror or type(exc).__name__
    if exc.errno == errno.ELOOP:
        reason = "a loop of symbolic links"
    elif exc.errno == errno.ENOENT:
        reason = "the file does not exist (a broken symbolic link?)"
    return Problem("VP001", 0, 0, {"reason": f"cannot read the file: {reason}; skipped"})


def failed_document(path: str, reason: str, kind: str = "yaml") -> Document:
    """A Document standing for a file that could not be loaded (it carries one VP001)."""
    doc = Document(path, "", LineIndex(""), kind)
    doc.problems.append(Problem("VP001", 0, 0, {"reason": reason}))
    return doc


def load_file(path: Path, display: str | None = None, max_size: int | None = None
              ) -> list[Document]:
    """Load every proposition in a file. Never raises for bad content.

    A file that cannot be read, is not text, cannot be decoded or is over `max_size`
    bytes becomes one Document without a tree that carries a VP001 problem.
    """
    display = printable_path(display or str(path))
    kind = "yaml" if path.suffix.lower() in YAML_SUFFIXES else "markdown"
    text, note, problem = read_text(path, max_size)
    if text is None:
        # Keep what can be shown of the file (undecodable bytes replaced), so a problem's
        # offset still maps to a line and column.
        shown = (problem.source or "") if problem is not None else ""
        empty = Document(display, shown, LineIndex(shown), kind)
        if problem:
            empty.problems.append(problem)
        return [empty]
    return load_text(text, display, kind, encoding_note=note)


def load_text(text: str, path: str, kind: str, encoding_note: str | None = None
              ) -> list[Document]:
    """Load propositions from text already read; `kind` is "yaml" or "markdown"."""
    path = printable_path(path)
    if not text.isascii():
        # Lone surrogates (from surrogateescape'd bytes) cannot be encoded for the parser
        # or any output; one replacement character each keeps every offset in place.
        text = _SURROGATE.sub("\ufffd", text)
    lines = LineIndex(text)
    suppressions = Suppressions.scan(text, kind)
    if kind == "yaml":
        docs = _load_yaml(text, path, lines)
    else:
        page = _load_markdown(text, path, lines)
        docs = [page] if page is not None else []
    for doc in docs:
        doc.suppressions = suppressions
        doc.encoding_note = encoding_note
    if encoding_note and docs:
        # The encoding belongs to the file: reported once, at its start.
        docs[0].problems.append(Problem("VP005", 0, 0, {"encoding": encoding_note}))
    return docs


# ---- YAML -------------------------------------------------------------------------------
def parse_yaml(text: str, path: str) -> list[Document]:
    """Parse YAML that is not a proposition (configuration) with the same safety: bounded
    depth and size, no tags constructed, positions kept. An empty text gives one Document
    without a tree and without problems."""
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    return _load_yaml(text, path, LineIndex(text), allow_empty=True)


def _load_yaml(text: str, path: str, lines: LineIndex, allow_empty: bool = False,
               loader_class: type | None = None) -> list[Document]:
    docs: list[Document] = []
    loader_class = loader_class or _Loader

    def failed(at: int, reason: str) -> None:
        doc = Document(path, text, lines, "yaml", index=len(docs), start=at)
        doc.problems.append(Problem("VP001", at, at + 1, {"reason": reason}))
        docs.append(doc)

    loader = None
    try:
        loader = loader_class(text)
        loader.get_event()  # StreamStartEvent
        while not loader.check_event(yaml.StreamEndEvent):
            doc = Document(path, text, lines, "yaml", index=len(docs))
            builder = _Builder(doc, loader)
            try:
                root = builder.build()
            except _TooBig as exc:
                # Stop reading here: libyaml's scanner slows quadratically with flow depth,
                # so even skipping the rest of a hostile document could take minutes.
                failed(exc.at, f"{exc.reason}; the file is not read further")
                break
            if root.value is None and not builder.root_text:
                continue  # an empty document ("---" with nothing after it)
            doc.start = builder.first_key if builder.first_key is not None else root.start
            if not isinstance(root.value, dict):
                doc.problems.append(Problem(
                    "VP001", root.start, root.end,
                    {"reason": f"a proposition must be a mapping of fields, not a {root.kind}",
                     "root": root.kind}))
            else:
                doc.tree = root
            docs.append(doc)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.index if mark is not None else 0
        too_deep = _flow_too_deep(text, at)
        if too_deep is not None and loader_class is not yaml.SafeLoader:
            # libyaml has a depth limit of its own and scans a flow collection ahead, so
            # it can give up before our builder sees an event. PyYAML's pure-Python parser
            # has no such limit: read the file again with it, so the builder stops at
            # MAX_DEPTH and reports the same position whichever parser is installed.
            loader.dispose()
            loader = None
            return _load_yaml(text, path, lines, allow_empty, yaml.SafeLoader)
        if too_deep is not None:
            failed(too_deep, f"{_too_deep_reason()}; the file is not read further")
        else:
            failed(at, _plain_yaml_error(exc))
    except yaml.YAMLError as exc:
        failed(0, "cannot parse YAML: " + (str(exc).splitlines() or ["invalid YAML"])[0])
    except (RecursionError, MemoryError):
        failed(0, f"{_too_deep_reason()} or too large to read")
    except Exception as exc:  # the loader must never crash a run, whatever the input
        failed(0, f"cannot parse YAML: {type(exc).__name__}: {exc}")
    finally:
        if loader is not None:
            loader.dispose()
    if not docs:
        doc = Document(path, text, lines, "yaml")
        if not allow_empty:
            doc.problems.append(Problem("VP001", 0, 0, {
                "reason": "the file holds no proposition (it is empty or only comments)"}))
        docs.append(doc)
    return docs


def _too_deep_reason() -> str:
    return f"the document is nested more than {MAX_DEPTH} levels deep"


def _flow_too_deep(text: str, end: int) -> int | None:
    """Where flow nesting (`[`, `{`) first passes MAX_DEPTH before index `end`, or None.

    A linear scan that skips quoted scalars and comments. It only explains an error the
    parser already raised, so an odd plain scalar can never turn a good file into a bad one.
    """
    depth = 0
    index = 0
    limit = min(end + 1, len(text))
    while index < limit:
        char = text[index]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == '"':
            index = _quoted_end(text, index, '"')
        elif char == "'":
            index = _quoted_end(text, index, "'")
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            newline = text.find("\n", index)
            index = limit if newline < 0 else newline
        index += 1
    return None


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index of the quote closing the scalar opened at `start` (the text's end if none)."""
    index = start + 1
    while True:
        found = text.find(quote, index)
        if found < 0:
            return len(text)
        if quote == '"':
            backslashes = 0
            while text[found - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2:
                index = found + 1
                continue
        elif text.startswith("''", found):
            index = found + 2
            continue
        return found


class _TooBig(Exception):
    def __init__(self, reason: str, at: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.at = at


_SAFE = SafeConstructor()
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


class _Frame:
    """A mapping or sequence being built, with its expanded size and height so far."""

    __slots__ = ("node", "anchor", "segment", "size", "height", "key", "key_start",
                 "key_end")

    def __init__(self, node: Node, anchor: str | None, segment: str) -> None:
        self.node = node
        self.anchor = anchor
        self.segment = segment
        self.size = 1
        self.height = 0
        self.key: str | None = None
        self.key_start = 0
        self.key_end = 0


class _Builder:
    """Builds one document's Node tree straight from parser events, without recursion.

    PyYAML's composers recurse once per nesting level (libyaml's C composer overflows
    the C stack at about 100,000 levels, a 200 KB file), and aliases would expand in
    memory. Building from events keeps a heap stack instead, stops at MAX_DEPTH,
    shares aliased nodes rather than copying them, and counts the size the document
    would have if every alias were expanded, stopping at MAX_NODES ("billion laughs").
    Tags construct nothing: scalars are typed by the safe resolver only.
    """

    def __init__(self, doc: Document, loader: Any) -> None:
        self.doc = doc
        self.loader = loader
        self.count = 0
        self.anchors: dict[str, tuple[Node, int, int]] = {}
        self.open_anchors: set[str] = set()
        self.first_key: int | None = None
        self.root_text = ""

    def build(self) -> Node:
        """Consume DocumentStart .. DocumentEnd and return the root node."""
        loader = self.loader
        loader.get_event()  # DocumentStartEvent
        stack: list[_Frame] = []
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self._grow(1, event.start_mark.index)
                node = Node(self._scalar(event), event.start_mark.index, event.end_mark.index,
                            style=event.style or None)
                size, height, raw = 1, 0, event.value
                if event.anchor:
                    self.anchors[event.anchor] = (node, 1, 0)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                at = event.start_mark.index
                self._grow(1, at)
                if len(stack) >= MAX_DEPTH:
                    raise _TooBig(_too_deep_reason(),
                                  at)
                value: Any = {} if kind is yaml.MappingStartEvent else []
                if event.anchor:
                    self.open_anchors.add(event.anchor)
                stack.append(_Frame(Node(value, at, at), event.anchor, _segment(stack)))
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                node = frame.node
                node.end = event.end_mark.index
                size, height, raw = frame.size, frame.height, None
                if frame.anchor:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (node, size, height)
            elif kind is yaml.AliasEvent:
                at = event.start_mark.index
                if event.anchor in self.open_anchors:
                    raise _TooBig(f"the alias *{event.anchor} refers to a collection that "
                                  "contains it (a recursive structure)", at)
                if event.anchor not in self.anchors:
                    raise _TooBig(f"the alias *{event.anchor} refers to no anchor", at)
                shared, size, height = self.anchors[event.anchor]
                self._grow(size, at)
                if len(stack) + height > MAX_DEPTH:
                    raise _TooBig(_too_deep_reason(),
                                  at)
                # A shallow copy: this use gets its own key position, the children are shared.
                node = replace(shared)
                raw = str(shared.value) if shared.kind not in ("mapping", "sequence") else None
            else:  # DocumentEndEvent (an empty document) or anything unexpected
                return Node(None, event.start_mark.index, event.end_mark.index)
            if not stack:
                self.root_text = raw or ""
                loader.get_event()  # DocumentEndEvent
                return node
            self._attach(stack, node, size, height, raw)

    def _grow(self, size: int, at: int) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise _TooBig(f"the document has more than {MAX_NODES:,} values once its "
                          "aliases are expanded", at)

    def _attach(self, stack: list[_Frame], node: Node, size: int, height: int,
                raw: str | None) -> None:
        parent = stack[-1]
        parent.size += size
        if height + 1 > parent.height:
            parent.height = height + 1
        container = parent.node.value
        if isinstance(container, list):
            container.append(node)
            return
        if parent.key is None:
            parent.key = raw if raw is not None else "<complex key>"
            parent.key_start, parent.key_end = node.start, node.end
            if len(stack) == 1 and self.first_key is None:
                self.first_key = node.start
            return
        key = parent.key
        parent.key = None
        node.key_start = parent.key_start
        if key in container:
            field = ".".join(f.segment for f in stack[1:] if f.segment)
            field = f"{field}.{key}".replace(".[", "[").lstrip(".") if field else key
            self.doc.problems.append(Problem("VP004", parent.key_start, parent.key_end,
                                             {"key": key}, field=field))
        container[key] = node

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        if event.style:
            return value  # quoted and block scalars are text whatever their tag
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
        # Only the four plain types are constructed; any other tag (timestamps, binary,
        # !!python/object...) leaves the text as it was written.
        try:
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return _SAFE.construct_yaml_bool(yaml.ScalarNode(tag, value))
            if tag == _INT:
                return _SAFE.construct_yaml_int(yaml.ScalarNode(tag, value))
            if tag == _FLOAT:
                return _SAFE.construct_yaml_float(yaml.ScalarNode(tag, value))
        except Exception:  # "!!int abc", "!!bool maybe", 5,000 digits: typing a scalar
            pass  # must never fail a file, so the text is kept as written
        return value


def _segment(stack: list[_Frame]) -> str:
    """How a collection starting now is addressed from its parent (for field paths)."""
    if not stack:
        return ""
    parent = stack[-1]
    if isinstance(parent.node.value, list):
        return f"[{len(parent.node.value)}]"
    return parent.key if parent.key is not None else "<complex key>"


def _plain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context else ""
    return f"cannot parse YAML: {problem}{context}".strip()


# ---- Markdown --------------------------------------------------------------------------
_FRONT_MATTER = lazy(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:-{3,}|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
"""Front matter: from a first line `---` to the next line of three or more dashes, or `...`.
gray-matter (Docusaurus) closes at the first line that begins with `---`, so pages closed with
a longer rule exist; a YAML mapping cannot hold a line of dashes at its margin, so reading on
to a later `---` (a thematic break) would only turn the page's body into a YAML error."""


def _load_markdown(text: str, path: str, lines: LineIndex) -> Document | None:
    """The page as one proposition; None when it has something in it but no copy vplint
    reads (a page of HTML, code or images, or front matter alone): there is nothing to
    lint, as for ruff or Vale, and nothing is wrong with the file."""
    doc = Document(path, text, lines, "markdown")
    body_start = 0
    tree_fields: dict[str, Node] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        if match.group(1) and match.group(1).strip():
            # Parse "---\n<fields>\n" as a YAML document so marks are file positions.
            front = _load_yaml(text[: match.end(1)], path, lines, allow_empty=True)[0]
            doc.problems.extend(front.problems)
            if front.tree is not None:
                tree_fields = dict(front.tree.value)
    copy_node = tree_fields.get("copy")
    copy_fields: dict[str, Node] = {}
    if copy_node is not None and isinstance(copy_node.value, dict):
        copy_fields = dict(copy_node.value)
    doc.markdown = parse_markdown(text[body_start:], body_start)
    body_fields = _body_fields(doc.markdown, len(text))
    for key, node in body_fields.items():
        copy_fields.setdefault(key, node)
    if copy_fields:
        anchor = copy_node.start if copy_node is not None else body_start
        tree_fields["copy"] = Node(copy_fields, anchor, len(text))
    if not tree_fields and not doc.problems:
        if match or not _only_comments(text[body_start:]):
            return None
        doc.problems.append(Problem("VP001", 0, 0, {
            "reason": "the file holds no copy (it is empty or only comments)"}))
        return doc
    doc.tree = Node(tree_fields, 0, len(text))
    # Proposition-wide findings point at the headline (or the body), so a suppression
    # comment on the line above the headline applies to them.
    headline = copy_fields.get("headline")
    doc.start = headline.start if headline is not None and headline.verbatim else body_start
    return doc


def _only_comments(body: str) -> bool:
    """Whether a Markdown body is blank apart from HTML comments (a truly empty page)."""
    rest, at = [], 0
    while (start := body.find("<!--", at)) != -1:
        rest.append(body[at:start])
        end = body.find("-->", start + 4)
        at = len(body) if end == -1 else end + 3
    rest.append(body[at:])
    return not "".join(rest).strip()


_NESTED = ("list", "quote", "code_block", "html_block", "table")
"""Blocks inside a list item that are not the item's own words."""


def _body_fields(model: MarkdownModel, size: int) -> dict[str, Node]:
    """Derive copy.headline (first heading, else the first line of the first paragraph),
    copy.bullets (list items, bulleted or numbered) and copy.body (the rest of the prose).

    Values are the source text with everything that is not prose (code, HTML, link
    targets, markup) blanked to spaces, so offsets in them are file offsets."""
    fields: dict[str, Node] = {}

    def words(a: int, b: int) -> tuple[int, int] | None:
        """From the first to the last character of prose in [a, b)."""
        inside = model.copy_between(a, b)
        if not inside:
            return None
        first, last = inside[0][0], inside[-1][1]
        text = model.source[first - model.offset:last - model.offset]
        first += len(text) - len(text.lstrip())
        last -= len(text) - len(text.rstrip())
        return (first, last) if last > first else None

    chosen: tuple[int, int] | None = None
    for heading in model.headings:
        chosen = words(heading.start, heading.end)
        if chosen:
            break
    if chosen is None:
        for paragraph in model.paragraphs:
            if "item" in paragraph.parents:
                continue
            span = words(paragraph.start, paragraph.end)
            if span:
                line_end = model.source.find("\n", span[0] - model.offset)
                end = span[1] if line_end < 0 else min(span[1], line_end + model.offset)
                chosen = words(span[0], end) or span
                break
    bullets: list[Node] = []
    # where a nested list or block begins ends an item's own words; found by bisection,
    # not by a walk over every region for every item (quadratic on a long list)
    nested = sorted(r.start for r in model.regions if r.kind in _NESTED)
    for item in model.items:
        k = bisect_right(nested, item.start)
        bound = nested[k] if k < len(nested) and nested[k] < item.end else item.end
        span = words(item.start, bound)
        if span:
            value = model.copy_text(*span)
            if value.strip():
                bullets.append(Node(value, span[0], span[1], verbatim=True))
    if chosen:
        fields["headline"] = Node(model.copy_text(*chosen), chosen[0], chosen[1],
                                  verbatim=True)
    if bullets:
        fields["bullets"] = Node(bullets, bullets[0].start, bullets[-1].end)
    body_from = chosen[1] if chosen else model.offset
    body = _blank_ranges(model.copy_text(body_from, size), body_from,
                         [(b.start, b.end) for b in bullets])
    if body.strip():
        fields["body"] = Node(body, body_from, size, verbatim=True)
    return fields


def _blank_ranges(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    """`text` (which begins at file index `start`) with the given file ranges blanked
    out, keeping every offset in place."""
    if not ranges:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in sorted(ranges):
        a, b = max(a - start, pos), max(b - start, pos)
        parts.append(text[pos:a])
        parts.append(re.sub(r"[^\r\n]", " ", text[a:b]))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)
