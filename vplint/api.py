"""The programmatic API behind `vplint check`: configuration -> registry -> linter -> results.

The CLI is a thin layer over this; tests and integrations call it directly.

Like ruff, each file is linted with the nearest configuration above it (up to its
repository's root), so `vplint check site/` run from elsewhere still obeys
`site/.vplint.yaml`; an explicit configuration (`--config`) governs every file instead and
no configuration of the repository is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vplint.config import Config, find_config, load_config
from vplint.discover import FileChooser, discover
from vplint.engine import Linter
from vplint.model import PropositionResult
from vplint.rules import Registry


@dataclass
class Run:
    """One configured run: what to lint and with which rules."""

    config: Config
    registry: Registry
    linter: Linter
    explicit: bool = False
    """The configuration was given (`--config`): it governs every file."""
    settings: dict[str, Any] = field(default_factory=dict)
    """How `prepare` was called, to build the linter of a nested configuration alike."""
    missing: list[str] = field(default_factory=list)
    """Paths given that did not exist (reported; the rest is still linted)."""
    _linters: dict[str | None, Linter] = field(default_factory=dict, repr=False)
    _nearest: dict[Path, str | None] = field(default_factory=dict, repr=False)
    _by_directory: dict[Path, Linter] = field(default_factory=dict, repr=False)
    _confine: list[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._linters[self.config.path] = self.linter

    def chooser(self, config: Config | None = None) -> FileChooser:
        """The file-choosing settings of a configuration (default: this run's)."""
        config = config or self.config
        return FileChooser(root=Path(config.root), exclude=config.walk_excludes(),
                           include=config.include, extend_include=config.extend_include,
                           respect_gitignore=config.respect_gitignore)

    def files(self, paths: list[str], strict: bool = True) -> list[Path]:
        """The files `paths` expand to, in a stable order. Each path is walked with the
        settings of its nearest configuration. With `strict=False` a path that does not
        exist is recorded in `missing` instead of raising a UsageError. The linters will
        read only files that really live in their project or in `paths` (links out are
        reported)."""
        self._confine = list(paths)
        for linter in self.linters():
            linter.confine(paths)
        found: set[Path] = set()
        for raw in paths:
            config = self.config
            if not self.explicit:
                config = self.linter_for(Path(raw) if Path(raw).is_dir()
                                         else Path(raw).parent).config
            found.update(discover([raw], chooser=self.chooser(config),
                                  missing=None if strict else self.missing))
        return sorted(found)

    def linter_for(self, directory: Path) -> Linter:
        """The linter of the nearest configuration above `directory`."""
        if self.explicit:
            return self.linter
        known = self._by_directory.get(directory)
        if known is None:
            known = self._by_directory[directory] = self._linter_for(directory)
        return known

    def _linter_for(self, directory: Path) -> Linter:
        try:
            resolved = directory.resolve()
        except (OSError, RuntimeError):
            return self.linter
        if resolved not in self._nearest:
            found = find_config(resolved)
            self._nearest[resolved] = str(found) if found is not None else None
        key = self._nearest[resolved]
        if key is None:
            # No configuration above: the defaults, or the working directory's when the
            # file lies inside its project.
            try:
                resolved.relative_to(Path(self.config.root).resolve())
                return self.linter
            except ValueError:
                pass
        if key not in self._linters:
            linter = _prepare(key, resolved if key is None else None, **self.settings).linter
            if self._confine is not None:
                linter.confine(self._confine)
            self._linters[key] = linter
        return self._linters[key]

    def linters(self) -> list[Linter]:
        """Every linter this run has built so far."""
        return list({id(linter): linter for linter in self._linters.values()}.values())

    def batches(self, files: list[Path]) -> Iterator[tuple[Linter, list[Path]]]:
        """Consecutive runs of `files` that share a configuration, in order."""
        current: Linter | None = None
        batch: list[Path] = []
        for path in files:
            linter = self.linter_for(path.parent)
            if linter is not current and batch:
                yield current, batch  # type: ignore[misc]
                batch = []
            current = linter
            batch.append(path)
        if batch:
            yield current, batch  # type: ignore[misc]

    def results(self, paths: list[str]) -> Iterator[PropositionResult]:
        """Lint `paths`, yielding each proposition's result in order."""
        for linter, batch in self.batches(self.files(paths)):
            yield from linter.lint_paths(batch)


def prepare(config_path: str | None = None, cwd: Path | None = None,
            forced_language: str | None = None, extend_ignore: list[str] | None = None,
            cache: bool = False, **overrides: object) -> Run:
    """Load the configuration (CLI overrides win), the rules, and build the linter.

    `cache` is accepted for compatibility and has no effect here: the results cache is
    handled by the caller (vplint.cache), and nothing derived from the repository's own
    files is ever loaded back into the engine.
    """
    run = _prepare(config_path, cwd, forced_language=forced_language,
                   extend_ignore=extend_ignore, **overrides)
    run.explicit = bool(config_path)
    return run


def _prepare(config_path: str | None, cwd: Path | None, forced_language: str | None = None,
             extend_ignore: list[str] | None = None, **overrides: object) -> Run:
    config = load_config(config_path, cwd).with_overrides(**overrides)
    if extend_ignore:
        config.ignore = [*config.ignore, *extend_ignore]
    config.check_rules_dirs()
    registry = Registry.default(Path(d) for d in config.rules_dirs)
    language = forced_language or (config.language if config.language in ("en", "zh") else None)
    settings = {"forced_language": forced_language, "extend_ignore": extend_ignore, **overrides}
    return Run(config, registry, Linter(config, registry, language), settings=settings)
