"""Reporters turn results into one output format. Each lives in its own module and is
imported only when asked for, so `vplint check` does not pay for formats it does not use."""

from __future__ import annotations

import importlib
from typing import IO, TYPE_CHECKING

from vplint.errors import UsageError, did_you_mean

if TYPE_CHECKING:
    from vplint.report.base import Reporter, ReportOptions
    from vplint.rules import Registry

FORMATS: dict[str, str] = {
    "terminal": "vplint.report.terminal:TerminalReporter",
    "full": "vplint.report.terminal:FullReporter",
    "concise": "vplint.report.terminal:ConciseReporter",
    "markdown": "vplint.report.markdown:MarkdownReporter",
    "json": "vplint.report.json:JsonReporter",
    "sarif": "vplint.report.sarif:SarifReporter",
    "github": "vplint.report.github:GithubReporter",
    "gitlab": "vplint.report.gitlab:GitlabReporter",
    "junit": "vplint.report.junit:JunitReporter",
    "html": "vplint.report.html:HtmlReporter",
}
HIDDEN_FORMATS = {"statistics": "vplint.report.terminal:StatisticsReporter"}
"""Reporters chosen by a flag (--statistics), not by --output-format."""


def reporter_class(name: str) -> type[Reporter]:
    """The reporter class for a format name; an unknown name is a usage error."""
    try:
        target = FORMATS.get(name) or HIDDEN_FORMATS[name]
    except KeyError:
        raise UsageError(f"unknown format '{name}'{did_you_mean(name, list(FORMATS))}; "
                         f"choose one of {', '.join(FORMATS)}") from None
    module_name, _, cls_name = target.partition(":")
    return getattr(importlib.import_module(module_name), cls_name)


def get_reporter(name: str, stream: IO[str], registry: Registry, options: ReportOptions
                 ) -> Reporter:
    """Instantiate the reporter for a format name."""
    return reporter_class(name)(stream, registry, options)
