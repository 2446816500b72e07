"""The reporter protocol (flake8's BaseFormatter): start, handle each result, finish."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from vplint.model import PropositionResult, Summary
from vplint.rules import Registry


@dataclass
class ReportOptions:
    """Presentation choices shared by every reporter."""

    color: bool = True
    quiet: bool = False
    width: int | None = None
    language: str | None = None
    fail_under: float = 0
    extra: dict = field(default_factory=dict)


class Reporter:
    """Receives results one at a time as they stream out of the engine."""

    def __init__(self, stream: IO[str], registry: Registry, options: ReportOptions) -> None:
        self.stream = stream
        self.registry = registry
        self.options = options

    def start(self) -> None:
        """Called once before the first result."""

    def handle(self, result: PropositionResult) -> None:
        """Called for each proposition's result, in a stable order."""
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        """Called once after the last result."""
