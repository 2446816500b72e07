"""Load proposition files (YAML, or Markdown/text with optional YAML front matter).

Loading never raises for bad content: a file that cannot be read or parsed becomes a
Document with no tree and a VP001 problem, so the run goes on with the other files.
Only the safe loader is used, and aliases are bounded, so untrusted files construct
nothing and cannot expand into memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vplint.nodes import LineIndex, Node
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


@dataclass
class Problem:
    """A load-time finding (VP001 parse error, VP004 duplicate key) before rules run."""

    code: str
    start: int
    end: int
    args: dict[str, Any] = field(default_factory=dict)
    field: str | None = None


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
def read_text(path: Path) -> tuple[str | None, str | None, Problem | None]:
    """Read a file as text: (text, note about its encoding, problem)."""
    from vplint.encoding import decode

    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, None, Problem("VP001", 0, 0, {"reason": f"cannot read file: {exc.strerror}"})
    return decode(data)


def failed_document(path: str, reason: str, kind: str = "yaml") -> Document:
    """A Document standing for a file that could not be loaded (it carries one VP001)."""
    doc = Document(path, "", LineIndex(""), kind)
    doc.problems.append(Problem("VP001", 0, 0, {"reason": reason}))
    return doc


def load_file(path: Path, display: str | None = None) -> list[Document]:
    """Load every proposition in a file. Never raises for bad content."""
    display = display or str(path)
    kind = "yaml" if path.suffix.lower() in YAML_SUFFIXES else "markdown"
    text, note, problem = read_text(path)
    if text is None:
        empty = Document(display, "", LineIndex(""), kind)
        if problem:
            empty.problems.append(problem)
        return [empty]
    return load_text(text, display, kind, encoding_note=note)


def load_text(text: str, path: str, kind: str, encoding_note: str | None = None
              ) -> list[Document]:
    """Load propositions from text already read; `kind` is "yaml" or "markdown"."""
    lines = LineIndex(text)
    suppressions = Suppressions.scan(text, kind)
    if kind == "yaml":
        docs = _load_yaml(text, path, lines)
    else:
        docs = [_load_markdown(text, path, lines)]
    for doc in docs:
        doc.suppressions = suppressions
        doc.encoding_note = encoding_note
    return docs


def _load_yaml(text: str, path: str, lines: LineIndex, allow_empty: bool = False
               ) -> list[Document]:
    docs: list[Document] = []
    loader = _Loader(text)
    try:
        while loader.check_node():
            root = loader.get_node()
            doc = Document(path, text, lines, "yaml", index=len(docs))
            if root is None:
                continue
            doc.start = _first_content(root)
            _attach_tree(doc, root)
            docs.append(doc)
    except yaml.MarkedYAMLError as exc:
        doc = Document(path, text, lines, "yaml", index=len(docs))
        mark = exc.problem_mark or exc.context_mark
        at = mark.index if mark is not None else 0
        doc.start = at
        doc.problems.append(Problem("VP001", at, at + 1, {"reason": _plain_yaml_error(exc)}))
        docs.append(doc)
    except RecursionError:
        doc = Document(path, text, lines, "yaml", index=len(docs))
        doc.problems.append(Problem("VP001", 0, 0, {"reason": "nesting is too deep to read"}))
        docs.append(doc)
    except yaml.YAMLError as exc:
        doc = Document(path, text, lines, "yaml", index=len(docs))
        doc.problems.append(Problem("VP001", 0, 0, {"reason": str(exc).splitlines()[0]}))
        docs.append(doc)
    finally:
        loader.dispose()
    if not docs:
        doc = Document(path, text, lines, "yaml")
        if not allow_empty:
            doc.problems.append(Problem("VP001", 0, 0, {"reason": "the file holds no proposition"}))
        docs.append(doc)
    return docs


def _first_content(root: yaml.Node) -> int:
    if isinstance(root, yaml.MappingNode) and root.value:
        return root.value[0][0].start_mark.index
    return root.start_mark.index


def _attach_tree(doc: Document, root: yaml.Node) -> None:
    converter = _Converter(doc)
    try:
        tree = converter.convert(root, 0, "")
    except _TooBig as exc:
        doc.problems.append(Problem("VP001", root.start_mark.index, root.start_mark.index + 1,
                                    {"reason": str(exc)}))
        return
    if not isinstance(tree.value, dict):
        doc.problems.append(Problem(
            "VP001", tree.start, tree.end,
            {"reason": f"a proposition must be a mapping of fields, not a {tree.kind}"}))
        return
    doc.tree = tree


class _TooBig(Exception):
    pass


class _Converter:
    """Turns composed yaml nodes into Nodes, typing scalars and noting duplicate keys."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.count = 0
        self.constructor = yaml.SafeLoader.__new__(yaml.SafeLoader)
        yaml.constructor.SafeConstructor.__init__(self.constructor)

    def convert(self, node: yaml.Node, depth: int, path: str) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(f"the document expands to more than {MAX_NODES:,} values "
                          "(aliases used too often?)")
        if depth > MAX_DEPTH:
            raise _TooBig(f"the document is nested more than {MAX_DEPTH} levels deep")
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Node] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node)
                child_path = f"{path}.{key}" if path else key
                child = self.convert(value_node, depth + 1, child_path)
                child.key_start = key_node.start_mark.index
                if key in out:
                    self.doc.problems.append(Problem(
                        "VP004", key_node.start_mark.index, key_node.end_mark.index,
                        {"key": key}, field=child_path))
                out[key] = child
            return Node(out, start, end)
        if isinstance(node, yaml.SequenceNode):
            items = [self.convert(item, depth + 1, f"{path}[{i}]")
                     for i, item in enumerate(node.value)]
            return Node(items, start, end)
        return Node(self._scalar(node), start, end, style=node.style or None)

    def _key(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.ScalarNode):
            return str(node.value)
        return "<complex key>"

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:str" or node.style:
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            # Unknown tags (e.g. !!python/object) construct nothing: keep the raw text.
            return node.value
        if isinstance(value, (str, int, float, bool)) or value is None:
            return value
        return node.value


def _plain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context else ""
    return f"cannot parse YAML: {problem}{context}".strip()


# ---- Markdown --------------------------------------------------------------------------
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_BULLET = re.compile(r"^[ ]{0,3}[-*+][ \t]+(.+?)[ \t]*$")


def _load_markdown(text: str, path: str, lines: LineIndex) -> Document:
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
    body_fields = _body_fields(text, body_start)
    for key, node in body_fields.items():
        copy_fields.setdefault(key, node)
    if copy_fields:
        anchor = copy_node.start if copy_node is not None else body_start
        tree_fields["copy"] = Node(copy_fields, anchor, len(text))
    doc.tree = Node(tree_fields, 0, len(text))
    # Proposition-wide findings point at the headline (or the body), so a suppression
    # comment on the line above the headline applies to them.
    headline = copy_fields.get("headline")
    doc.start = headline.start if headline is not None and headline.verbatim else body_start
    return doc


def _body_fields(text: str, body_start: int) -> dict[str, Node]:
    """Derive copy.headline (first heading, else first paragraph), bullets and body."""
    fields: dict[str, Node] = {}
    headline: tuple[int, int] | None = None
    paragraph: tuple[int, int] | None = None
    bullets: list[Node] = []
    pos = body_start
    in_fence = False
    for raw in text[body_start:].splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and not stripped.startswith("<!--"):
            heading = _HEADING.match(line)
            bullet = _BULLET.match(line)
            if heading and headline is None:
                headline = (pos + heading.start(1), pos + heading.end(1))
            elif bullet:
                bullets.append(Node(bullet.group(1), pos + bullet.start(1), pos + bullet.end(1),
                                    verbatim=True))
            elif stripped and paragraph is None and not heading:
                lead = len(line) - len(line.lstrip())
                paragraph = (pos + lead, pos + len(line))
        pos += len(raw)
    chosen = headline or paragraph
    if chosen:
        fields["headline"] = Node(text[chosen[0]:chosen[1]], chosen[0], chosen[1], verbatim=True)
    if bullets:
        fields["bullets"] = Node(bullets, bullets[0].start, bullets[-1].end)
    body_from = chosen[1] if chosen else body_start
    bullet_ranges = [(b.start, b.end) for b in bullets]
    body = _blank_ranges(text, body_from, bullet_ranges)
    if body.strip():
        fields["body"] = Node(body, body_from, len(text), verbatim=True)
    return fields


def _blank_ranges(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    """text[start:] with the given ranges blanked out, keeping every offset in place."""
    chars = list(text[start:])
    for a, b in ranges:
        for i in range(max(a, start), b):
            if chars[i - start] not in "\r\n":
                chars[i - start] = " "
    return "".join(chars)
