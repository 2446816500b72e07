"""Domain exceptions. The CLI maps every VplintError to exit code 2 and one clear line."""

from __future__ import annotations


class VplintError(Exception):
    """Base of every error vplint reports to the user instead of crashing."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(VplintError):
    """A configuration file or CLI option is invalid."""


class RuleError(VplintError):
    """A rule file or rule plugin is invalid or failed to load."""


class UsageError(VplintError):
    """The command line asks for something that cannot be done (e.g. a missing path)."""


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or "" when none is close."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
