"""The programmatic API behind `vplint check`: configuration -> registry -> linter -> results.

The CLI is a thin layer over this; tests and integrations call it directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vplint.config import Config, load_config
from vplint.discover import discover
from vplint.engine import Linter
from vplint.model import PropositionResult
from vplint.rules import Registry


@dataclass
class Run:
    """One configured run: what to lint and with which rules."""

    config: Config
    registry: Registry
    linter: Linter

    def files(self, paths: list[str]) -> list[Path]:
        """The files `paths` expand to, in a stable order; the linter will read only files
        that really live in the project or in `paths` (links out are reported)."""
        self.linter.confine(paths)
        return list(discover(paths, self.config.walk_excludes(), self.config.root))

    def results(self, paths: list[str]) -> Iterator[PropositionResult]:
        """Lint `paths`, yielding each proposition's result in order."""
        yield from self.linter.lint_paths(self.files(paths))


def prepare(config_path: str | None = None, cwd: Path | None = None,
            forced_language: str | None = None, extend_ignore: list[str] | None = None,
            cache: bool = False, **overrides: object) -> Run:
    """Load the configuration (CLI overrides win), the rules, and build the linter.

    `cache` is accepted for compatibility and has no effect here: the results cache is
    handled by the caller (vplint.cache), and nothing derived from the repository's own
    files is ever loaded back into the engine.
    """
    config = load_config(config_path, cwd).with_overrides(**overrides)
    if extend_ignore:
        config.ignore = [*config.ignore, *extend_ignore]
    config.check_rules_dirs()
    registry = Registry.default(Path(d) for d in config.rules_dirs)
    language = forced_language or (config.language if config.language in ("en", "zh") else None)
    return Run(config, registry, Linter(config, registry, language))
