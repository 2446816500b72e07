"""A progress bar (rich) for long runs on a terminal; never in CI logs or redirected output.

The bar is transient: it disappears when the run ends, leaving only the report. When the
report itself goes to the same terminal, it is printed through the bar's console (rich's
FileProxy), so report lines scroll above the bar instead of tearing it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, Any

MIN_FILES = 20
"""Below this many files a run is over before a bar would help."""
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD",
                "TEAMCITY_VERSION", "CIRCLECI", "TRAVIS", "PRE_COMMIT")
"""Set by CI services (and pre-commit): their logs are not terminals worth animating."""


def _isatty(stream: object) -> bool:
    try:
        return bool(getattr(stream, "isatty", lambda: False)())
    except (OSError, ValueError):
        return False


def wanted(forced: bool | None, files: int, stderr: object | None = None,
           environ: Mapping[str, str] | None = None) -> bool:
    """Whether to show the bar: forced on or off, else only for many files on a terminal
    outside CI."""
    if forced is not None:
        return forced
    environ = os.environ if environ is None else environ
    if files < MIN_FILES:
        return False
    if any(environ.get(name) for name in CI_VARIABLES):
        return False
    return _isatty(sys.stderr if stderr is None else stderr)


@contextmanager
def progress_for(files: int, report: IO[str], forced: bool | None = None,
                 bar_file: IO[str] | None = None
                 ) -> Iterator[tuple[IO[str], Callable[[], None]]]:
    """Yield (stream to write the report to, tick once per file) for a run over `files`.

    Without a bar this yields `report` unchanged and a tick that does nothing.
    """
    if not wanted(forced, files):
        yield report, _nothing
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    report_on_terminal = report is sys.stdout and _isatty(report)
    target = bar_file or (sys.stdout if report_on_terminal else sys.stderr)
    console = Console(file=target, force_terminal=True if forced else None,
                      highlight=False, soft_wrap=True, emoji=False, markup=False)
    bar = Progress(TextColumn("linting"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("files"), console=console, transient=True,
                   redirect_stdout=False, redirect_stderr=False)
    task = bar.add_task("lint", total=files)
    stream: Any = report
    if report_on_terminal and target is report:
        from rich.file_proxy import FileProxy

        stream = FileProxy(console, report)
    with bar:
        yield stream, lambda: bar.advance(task)
        if stream is not report:
            stream.flush()


def _nothing() -> None:
    return None
