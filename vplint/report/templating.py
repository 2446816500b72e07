"""Jinja2 environment for the text reports (imported only by reporters that need it)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The shared environment: templates from vplint/report/templates, strict undefined."""
    from vplint.report.markdown import md_escape

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
