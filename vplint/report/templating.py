"""Jinja2 environment for the text reports (imported only by reporters that need it)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from vplint.lazyre import lazy
from vplint.safe import visible

_MD_SPECIAL = lazy(r"([\\`*_{}\[\]()#+!|<>~])")


def md_escape(text: object) -> str:
    """Escape text for a Markdown table cell or paragraph (the templates' `md` filter): no
    HTML, no broken rows, no @mentions that would notify people, control characters shown
    as escapes."""
    value = str(text if text is not None else "")
    value = visible(value.replace("&", "&amp;").replace("\r", " ").replace("\n", " "))
    value = _MD_SPECIAL.sub(r"\\\1", value)
    value = value.replace("\\<", "&lt;").replace("\\>", "&gt;")
    return value.replace("@", "@\u200b")  # a zero-width space: "@team" pings nobody


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared environment: templates from vplint/report/templates, strict undefined."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("vplint.report", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    return env


def render(name: str, **context: Any) -> str:
    """Render one report template."""
    return environment().get_template(name).render(**context)
