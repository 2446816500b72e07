"""Checks about the file as stored rather than what it says (its encoding)."""

from __future__ import annotations

from collections.abc import Iterator

from vplint.checks import CheckContext, Hit
from vplint.nodes import Node


def not_utf8(ctx: CheckContext) -> Iterator[Hit]:
    """VP005: the file was decoded from an encoding other than UTF-8 (named in the message).

    The loader decides the encoding and records a VP005 problem; this check reports it.
    """
    for problem in ctx.doc.problems:
        if problem.code == "VP005":
            yield Hit(node=Node(None, problem.start, problem.end), args=dict(problem.args))
