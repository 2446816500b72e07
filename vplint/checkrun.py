"""The body of `vplint check`: choose files, lint them, report, and decide the exit code.

`cli.check` only parses options into a CheckOptions and calls `run_check`. The CI-gate
features live here as steps around the result stream: `--changed` narrows the files,
`--compare` lints each file's old text at a Git ref, `--baseline` hides known findings,
`--write-baseline` records them, and a progress bar watches on a terminal. Each feature's
module is imported only when its option is given, so a plain run pays for none of them.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vplint.errors import UsageError

if TYPE_CHECKING:
    from vplint.api import Run
    from vplint.model import PropositionResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    """Everything `vplint check` was asked to do (the CLI's options, parsed)."""

    paths: list[str] = field(default_factory=list)
    output_format: str = "terminal"
    output: str | None = None
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    fail_under: float | None = None
    lang: str | None = None
    config: str | None = None
    quiet: bool = False
    no_color: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    changed: str | None = None
    """None: lint every file; "": files changed since the default branch; else a Git ref."""
    compare: str | None = None
    progress: bool | None = None
    """None: automatic (a terminal, not CI, many files); True/False force it."""
    jobs: int | None = None
    """Processes to lint with; None: automatic (vplint.parallel), 0: every core."""
    no_cache: bool = False
    fix: bool = False
    """Apply the safe fixes to the files before reporting (vplint.fixes)."""
    diff: bool = False
    """Print the safe fixes as a unified diff instead of reporting; write nothing."""
    cache_dir: str | None = None
    """Where the results cache lives (None: $VPLINT_CACHE_DIR or the user's cache dir)."""


def use_color(no_color: bool, stream: object) -> bool:
    """Colour only on a terminal, unless NO_COLOR or FORCE_COLOR say otherwise."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def note(message: str) -> None:
    """One line for the person at the terminal or reading the CI log (never the report).

    Escaped as a whole: paths, refs and baseline entries come from the repository, and a
    line break or escape sequence in them must not start a line (`::error::`) of its own.
    """
    from vplint.report.safe import visible

    print(f"vplint: {visible(message)}", file=sys.stderr)


def run_check(opts: CheckOptions) -> int:
    """Run `vplint check` and return its exit code (0 clean, 1 the gate fails, 2 errors)."""
    from vplint import api
    from vplint.model import Summary
    from vplint.report import reporter_class
    from vplint.report.base import ReportOptions

    if opts.lang is not None and opts.lang not in ("en", "zh"):
        raise UsageError(f"--lang must be en or zh, not '{opts.lang}'")
    if opts.write_baseline and opts.changed is not None:
        raise UsageError("--write-baseline records every file's findings; "
                         "do not combine it with --changed")
    run = api.prepare(opts.config, forced_language=opts.lang, select=opts.select,
                      extend_select=opts.extend_select, fail_under=opts.fail_under,
                      extend_ignore=opts.ignore, cache=not opts.no_cache)
    files = run.files(opts.paths or ["."])
    _never_overwrite_linted(files, opts.output, opts.write_baseline)
    if opts.changed is not None:
        files = _changed_only(files, opts.changed)
    if opts.fix or opts.diff:
        fixed = _fix(run, files, opts)
        if opts.diff:
            return EXIT_FINDINGS if fixed else EXIT_OK
    baseline = _load_baseline(opts.baseline)
    comparer = _comparer(run, opts.compare)

    buffer = io.StringIO() if opts.output else None
    stream: Any = buffer if buffer is not None else sys.stdout
    options = ReportOptions(
        color=use_color(opts.no_color, stream) and opts.output_format == "terminal",
        quiet=opts.quiet, language=run.linter.forced_language,
        fail_under=run.config.fail_under)
    # Resolve the format before the progress bar takes the terminal, so a typo is one line.
    reporter_cls = reporter_class(opts.output_format)
    comparisons: dict[tuple[str, int], Any] = {}
    if comparer is not None:
        options.extra["compare"] = comparisons
        options.extra["compare_ref"] = opts.compare
    recorded: list[PropositionResult] = []
    summary = Summary()
    failed = False

    from vplint.progress import progress_for

    with progress_for(len(files), stream, opts.progress) as (report_stream, tick):
        reporter = reporter_cls(report_stream, run.registry, options)
        reporter.start()
        cache = None if opts.no_cache else _open_cache(run, opts.cache_dir)
        for result in _watch(run.linter.lint_paths(files, opts.jobs, cache), tick):
            if comparer is not None:
                found = comparer.compare(result)
                if found is not None:
                    comparisons[(result.path, result.index)] = found
            if baseline is not None:
                result, known = baseline.split(result)
                if opts.write_baseline:
                    recorded.append(known)  # with --baseline too: shrink, never grow
            elif opts.write_baseline:
                recorded.append(result)
            summary.add(result)
            reporter.handle(result)
            if result.errors or result.score < run.config.fail_under:
                failed = True
        if baseline is not None:
            options.extra["baseline"] = baseline.stats()
        reporter.finish(summary)
        if hasattr(report_stream, "flush"):
            report_stream.flush()

    if buffer is not None and opts.output:
        from vplint.fsutil import atomic_write

        with _writing(opts.output):
            atomic_write(opts.output, buffer.getvalue())
    if baseline is not None:
        _report_baseline(baseline, opts)
    if opts.write_baseline:
        from vplint.baseline import write_baseline

        with _writing(opts.write_baseline):
            count = write_baseline(opts.write_baseline, recorded)
        note(f"wrote {count} finding(s) to the baseline {opts.write_baseline}")
    if run.linter.crashed:
        return EXIT_ERROR
    if opts.write_baseline:
        return EXIT_OK  # recording today's findings is the point; the next run gates
    return EXIT_FINDINGS if failed else EXIT_OK


def _open_cache(run: Run, directory: str | None) -> Any:
    """The results cache in the user's cache directory, or None (said once on stderr)
    when it cannot be used safely; a `.vplint_cache/` in the repository is never read."""
    from vplint.cache import Cache, CacheUnavailable, legacy_dir
    from vplint.report.safe import visible

    legacy = legacy_dir(run.config.root)
    if legacy is not None:
        note(f"ignoring {visible(legacy)}: a cache inside the repository is never read "
             "(the results cache lives in the user's cache directory; `vplint clean` "
             "removes the old folder)")
    try:
        return Cache.open(run.linter, directory)
    except CacheUnavailable as exc:
        note(f"results cache off: {visible(exc)}")
        return None


@contextlib.contextmanager
def _writing(target: str) -> Iterator[None]:
    """A file vplint cannot write (no such folder, disk full) is one line, not a crash;
    atomic_write has left the old file as it was."""
    try:
        yield
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _never_overwrite_linted(files: list[Path], *outputs: str | None) -> None:
    """vplint never writes to a file it lints: refuse an --output or baseline that is one."""
    wanted = {Path(o).resolve(): o for o in outputs if o}
    if not wanted:
        return
    for path in files:
        try:
            target = wanted.get(path.resolve())
        except (OSError, RuntimeError):  # a symbolic-link loop is no output target
            continue
        if target is not None:
            raise UsageError(f"{target} is one of the files being linted; vplint never "
                             "writes to a linted file (write the report elsewhere)")


def _fix(run: Run, files: list[Path], opts: CheckOptions) -> int:
    """--fix writes the safe fixes (the one case where vplint changes a file it lints, on
    request); --diff prints them. Returns how many files they change."""
    from vplint.fixes import fix_files

    fixed = fix_files(run.linter, files, apply_fixes=not opts.diff)
    if opts.diff:
        sys.stdout.write("".join(f.diff() for f in fixed))
    else:
        count = sum(len(f.applied) for f in fixed)
        note(f"fixed {count} finding(s) in {len(fixed)} file(s)")
    return len(fixed)


def _watch(results: Iterator[PropositionResult], tick: Any) -> Iterator[PropositionResult]:
    """Pass results through, ticking the progress bar once per file."""
    last: str | None = None
    for result in results:
        if result.path != last:
            if last is not None:
                tick()
            last = result.path
        yield result
    if last is not None:
        tick()


def _changed_only(files: list[Path], ref: str) -> list[Path]:
    from vplint.gitutil import changed_files

    changed = changed_files(ref or None)
    kept = [f for f in files if f.resolve() in changed.paths]
    note(f"{len(kept)} changed file(s) to lint since {changed.description}")
    return kept


def _load_baseline(path: str | None) -> Any:
    if path is None:
        return None
    from vplint.baseline import Baseline

    return Baseline.load(path)


def _comparer(run: Run, ref: str | None) -> Any:
    if ref is None:
        return None
    if not ref:
        raise UsageError("--compare needs a Git ref, e.g. --compare main")
    from vplint.compare import Comparer

    return Comparer(run.linter, ref)


def _report_baseline(baseline: Any, opts: CheckOptions) -> None:
    stats = baseline.stats()
    note(f"baseline {opts.baseline}: {stats.new} new finding(s), {stats.known} known "
         f"(not reported), {len(stats.gone)} gone")
    if stats.gone:
        for entry in stats.gone[:20]:
            note(f"  gone: {entry.describe()}")
        if len(stats.gone) > 20:
            note(f"  ... and {len(stats.gone) - 20} more")
        note(f"shrink the baseline: vplint check --baseline {opts.baseline} "
             f"--write-baseline {opts.baseline}")


def optional_changed_value(args: list[str]) -> list[str]:
    """Give `--changed` an optional value, which Typer options cannot have.

    A bare `--changed` becomes `--changed=` (the default branch); the next word is taken as
    its REF only when it is not an option and not an existing path, so
    `vplint check --changed docs/` still lints docs/. `--changed=REF` is never ambiguous.
    """
    out: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            out.extend(args[index:])
            break
        if arg == "--changed":
            following = args[index + 1] if index + 1 < len(args) else None
            if following and not following.startswith("-") and not os.path.exists(following):
                out.append(f"--changed={following}")
                index += 2
                continue
            out.append("--changed=")
        else:
            out.append(arg)
        index += 1
    return out
