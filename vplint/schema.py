"""The proposition format: which fields exist, what type each holds, and a JSON Schema of it.

One table drives three things: VP002 (unknown field) and VP003 (wrong type) checks, the
`vplint schema` output for editors, and the field list in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vplint.nodes import Node
from vplint.pagekind import KINDS

TEXT = "text"
TEXTS = "texts"
"""A list of text; a single text is accepted as a one-item list."""
INT = "int"

LEVELS = ["board", "c-level", "department", "project", "individual"]
PROOF_KINDS = ["case", "data", "principle", "testimonial", "certification"]

FIELDS: dict[str, Any] = {
    "name": (TEXT, "Short name of the proposition (brand, product or segment)."),
    "language": (("enum", ["en", "zh", "auto"]), "Language of the copy; auto detects it."),
    "page_kind": (("enum", list(KINDS)),
                  "What kind of page this is, overriding detection (vplint.pagekind)."),
    "category": (TEXT, "The category you compete in, or the new one you create."),
    "segment": ({
        "who": (TEXT, "The customer segment this proposition is for."),
        "role": (TEXT, "The decision-making role: user, buyer, budget holder, compliance."),
        "level": (("enum", LEVELS), "Business level whose problem you solve."),
        "not_for": (TEXTS, "Who this is deliberately not for (the sacrifice)."),
    }, "Whose need this proposition answers."),
    "need": (TEXT, "The need, pain or job in the customer's words."),
    "jobs": ({
        "functional": (TEXT, "The practical task the customer hires the product for."),
        "emotional": (TEXT, "How the customer wants to feel."),
        "social": (TEXT, "How the customer wants to be seen."),
    }, "Jobs to be done (Christensen)."),
    "pains": (TEXTS, "What annoys the customer or stands in the way today."),
    "gains": (TEXTS, "What the customer hopes to gain."),
    "offering": (TEXT, "Plainly, what the product or solution is."),
    "outcome": (TEXT, "The result the customer gets, measurable where possible."),
    "time_bound": (TEXT, "When the customer gets the outcome."),
    "guarantee": (TEXT, "The risk reversal: what happens if you fail to deliver."),
    "objections": ([{
        "doubt": (TEXT, "A doubt the buyer has."),
        "answer": (TEXT, "How the proposition answers it up front."),
    }], "Doubts answered before the customer voices them."),
    "differentiation": ({
        "unlike": (TEXT, "The named alternative (competitor, status quo, do-it-yourself)."),
        "because": (TEXT, "The difference that matters to the customer."),
    }, "Why this is not the same as the alternative."),
    "proof": ([{
        "kind": (("enum", PROOF_KINDS), "case, data, principle, testimonial or certification."),
        "text": (TEXT, "The evidence itself."),
        "source": (TEXT, "Where it comes from (customer, study, auditor)."),
    }], "Evidence that answers the doubts the claims raise."),
    "benefit": (TEXT, "What the customer gets (the benefit in benefit x experience)."),
    "experience": (TEXT, "How getting it feels (effortless, one click, no queue)."),
    "positioning": ({
        "focus_word": (TEXT, "The one word you want to own in the customer's mind."),
        "ladder_rank": (INT, "Your rung on the category ladder (1 = leader)."),
        "leader": (TEXT, "The category leader, when you are not it."),
        "attribute": (TEXT, "The attribute you claim."),
        "candor": (TEXT, "A negative you admit to earn a positive."),
    }, "Positioning in the sense of Ries & Trout."),
    "competitors": ([{
        "name": (TEXT, "Competitor name."),
        "owns": (TEXT, "The word or idea the competitor owns."),
        "claim": (TEXT, "The competitor's main claim."),
    }], "Competitors and the words they own."),
    "copy": ({
        "headline": (TEXT, "The headline: understood at a glance."),
        "subheadline": (TEXT, "The line under the headline."),
        "bullets": (TEXTS, "Supporting points."),
        "pitch": (TEXT, "The spoken elevator pitch."),
        "body": (TEXT, "Body copy."),
    }, "The marketing copy itself."),
}


def spec_at(path_parts: list[str]) -> Any:
    """The (type, doc) entry for a field path, or None when the field is unknown."""
    table: Any = FIELDS
    entry = None
    for part in path_parts:
        if isinstance(table, list):
            table = table[0]
        if not isinstance(table, dict) or part not in table:
            return None
        entry = table[part]
        table = entry[0]
    return entry


def validate(tree: Node) -> Iterator[tuple[str, str, Node, dict[str, Any]]]:
    """Yield (code, field path, node, message args) for unknown fields and wrong types."""
    yield from _validate_mapping(tree, FIELDS, "")


def _validate_mapping(node: Node, table: dict[str, Any], path: str
                      ) -> Iterator[tuple[str, str, Node, dict[str, Any]]]:
    from vplint.errors import did_you_mean

    for key, child in node.value.items():
        child_path = f"{path}.{key}" if path else key
        if key not in table:
            yield "VP002", child_path, child, {
                "key": key, "hint": did_you_mean(key, list(table))}
            continue
        yield from _validate_value(child, table[key][0], child_path)


def _validate_value(node: Node, kind: Any, path: str
                    ) -> Iterator[tuple[str, str, Node, dict[str, Any]]]:
    if node.kind == "null":
        return
    expected = _describe(kind)
    if isinstance(kind, dict):
        if node.kind != "mapping":
            yield "VP003", path, node, {"expected": expected, "actual": node.kind}
            return
        yield from _validate_mapping(node, kind, path)
    elif isinstance(kind, list):
        if node.kind != "sequence":
            yield "VP003", path, node, {"expected": expected, "actual": node.kind}
            return
        for i, item in enumerate(node.value):
            item_path = f"{path}[{i}]"
            if item.kind != "mapping":
                yield "VP003", item_path, item, {"expected": "a mapping", "actual": item.kind}
            else:
                yield from _validate_mapping(item, kind[0], item_path)
    elif kind == TEXT:
        if node.kind not in ("text", "number"):
            yield "VP003", path, node, {"expected": expected, "actual": node.kind}
    elif kind == TEXTS:
        if node.kind in ("text", "number"):
            return
        if node.kind != "sequence":
            yield "VP003", path, node, {"expected": expected, "actual": node.kind}
            return
        for i, item in enumerate(node.value):
            if item.kind not in ("text", "number", "null"):
                yield "VP003", f"{path}[{i}]", item, {"expected": "text", "actual": item.kind}
    elif kind == INT:
        if node.kind != "number" or not isinstance(node.value, int):
            yield "VP003", path, node, {"expected": expected, "actual": node.kind}
    elif isinstance(kind, tuple) and kind[0] == "enum":
        if str(node.value) not in kind[1]:
            yield "VP003", path, node, {"expected": expected, "actual": repr(node.value)}


def _describe(kind: Any) -> str:
    if isinstance(kind, dict):
        return "a mapping"
    if isinstance(kind, list):
        return "a list of mappings"
    if isinstance(kind, tuple):
        return "one of " + ", ".join(kind[1])
    return {TEXT: "text", TEXTS: "a list of text", INT: "a whole number"}[kind]


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the proposition format, for YAML language servers."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://vplint.dev/schema/proposition.json",
        "title": "vplint value proposition",
        "type": "object",
        "additionalProperties": False,
        "properties": _schema_props(FIELDS),
    }


def _schema_props(table: dict[str, Any]) -> dict[str, Any]:
    return {key: {**_schema_of(kind), "description": doc} for key, (kind, doc) in table.items()}


def _schema_of(kind: Any) -> dict[str, Any]:
    if isinstance(kind, dict):
        return {"type": "object", "additionalProperties": False,
                "properties": _schema_props(kind)}
    if isinstance(kind, list):
        return {"type": "array", "items": _schema_of(kind[0])}
    if isinstance(kind, tuple):
        return {"enum": list(kind[1])}
    if kind == TEXT:
        return {"type": ["string", "number"]}
    if kind == TEXTS:
        return {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    return {"type": "integer"}


def field_rows(table: dict[str, Any] | None = None, prefix: str = ""
               ) -> Iterator[tuple[str, str, str]]:
    """(dotted path, type description, doc) for every field, for docs and `vplint schema`."""
    for key, (kind, doc) in (table or FIELDS).items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(kind, list):
            yield path, "list", doc
            yield from field_rows(kind[0], f"{path}[]")
        elif isinstance(kind, dict):
            yield path, "mapping", doc
            yield from field_rows(kind, path)
        else:
            yield path, _describe(kind), doc
