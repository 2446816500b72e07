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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vplint.errors import UsageError

if TYPE_CHECKING:
    from vplint.api import Run
    from vplint.engine import Linter
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
    """Kept for callers of the API; the same as color="never"."""
    color: str = "auto"
    """auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never."""
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
    stdin_filename: str | None = None
    """With the path `-`: the name (and so the kind and configuration) of the text read
    from standard input."""
    exit_zero: bool = False
    statistics: bool = False
    respect_gitignore: bool | None = None
    """None: the configuration decides (default: honour .gitignore)."""
    extra_reports: list[str] = field(default_factory=list)
    """FORMAT=FILE: more reports written from the same run (e.g. SARIF beside annotations)."""
    fix: bool = False
    """Apply the safe fixes to the files before reporting (vplint.fixes)."""
    diff: bool = False
    """Print the safe fixes as a unified diff instead of reporting; write nothing."""
    cache_dir: str | None = None
    """Where the results cache lives (None: $VPLINT_CACHE_DIR or the user's cache dir)."""


def use_color(no_color: bool | str, stream: object) -> bool:
    """Whether to colour: `no_color` is a --color mode (auto, always, never) or the old
    flag. auto colours only a terminal, unless NO_COLOR or FORCE_COLOR say otherwise."""
    mode = ("never" if no_color else "auto") if isinstance(no_color, bool) else no_color
    if mode == "never":
        return False
    if mode == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def note(message: str) -> None:
    """One line for the person at the terminal or reading the CI log (never the report).

    Escaped as a whole: paths, refs and baseline entries come from the repository, and a
    line break or escape sequence in them must not start a line (`::error::`) of its own.
    """
    from vplint.safe import visible

    print(f"vplint: {visible(message)}", file=sys.stderr)


@dataclass
class Gate:
    """What fails the gate, gathered while results stream past, for the last line."""

    error_files: dict[str, int] = field(default_factory=dict)
    below: list[tuple[str, int, float]] = field(default_factory=list)

    def add(self, result: PropositionResult, fail_under: float) -> bool:
        """Record one result; True when it fails the gate."""
        failed = False
        if result.errors:
            self.error_files[result.path] = self.error_files.get(result.path, 0) + len(
                [f for f in result.findings if f.severity.value == "error"])
            failed = True
        if result.score < fail_under:
            self.below.append((result.path, result.score, fail_under))
            failed = True
        return failed

    @property
    def failed(self) -> bool:
        """Whether anything failed the gate."""
        return bool(self.error_files or self.below)

    def explain(self, limit: int = 5) -> str:
        """One line: why the gate failed (which threshold, which files)."""
        parts = []
        if self.error_files:
            count = sum(self.error_files.values())
            parts.append(f"{count} error finding(s) in {_listing(list(self.error_files), limit)}")
        if self.below:
            shown = [f"{name} {score}" for name, score, _ in self.below]
            threshold = min(f for *_, f in self.below)
            parts.append(f"{len(self.below)} proposition(s) scored below fail-under "
                         f"{threshold:g} ({_listing(shown, limit)})")
        return "; ".join(parts)


def _listing(items: list[str], limit: int) -> str:
    from vplint.safe import visible

    shown = ", ".join(visible(i) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


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
    stdin = opts.paths == ["-"]
    if "-" in opts.paths and not stdin:
        raise UsageError("'-' (standard input) cannot be combined with other paths")
    if opts.stdin_filename is not None and not stdin:
        raise UsageError("--stdin-filename names the text read from standard input; "
                         "give the path '-'")
    run = api.prepare(opts.config, forced_language=opts.lang, select=opts.select,
                      extend_select=opts.extend_select, fail_under=opts.fail_under,
                      extend_ignore=opts.ignore, respect_gitignore=opts.respect_gitignore)
    extras = [_extra_report(spec) for spec in opts.extra_reports]
    files = [] if stdin else run.files(opts.paths or ["."], strict=False)
    stdin_text = _read_stdin() if stdin else None
    for raw in run.missing:
        from vplint.document import printable_path

        note(f"error: path does not exist: {printable_path(raw)}")
    _never_overwrite_linted(files, opts.output, opts.write_baseline,
                            *(target for _, target in extras))
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
    output_format = "statistics" if opts.statistics else opts.output_format
    color = use_color("never" if opts.no_color else opts.color, stream)
    options = ReportOptions(
        color=color and output_format in ("terminal", "full", "concise", "statistics"),
        quiet=opts.quiet, language=run.linter.forced_language,
        fail_under=run.config.fail_under)
    if output_format == "full":
        options.extra["source"] = _SourceLines(stdin_text)
    # Resolve the format before the progress bar takes the terminal, so a typo is one line.
    reporter_cls = reporter_class(output_format)
    comparisons: dict[tuple[str, int], Any] = {}
    if comparer is not None:
        options.extra["compare"] = comparisons
        options.extra["compare_ref"] = opts.compare
    recorded: list[PropositionResult] = []
    summary = Summary()
    gate = Gate()

    from vplint.progress import progress_for

    with progress_for(len(files), stream, opts.progress) as (report_stream, tick):
        reporter = reporter_cls(report_stream, run.registry, options)
        extra_buffers = [(io.StringIO(), target) for _, target in extras]
        reporters = [reporter] + [
            cls(buffer, run.registry, replace(options, color=False))
            for (cls, _), (buffer, _) in zip(extras, extra_buffers, strict=True)]
        for each in reporters:
            each.start()
        results = _stdin_results(run, opts, stdin_text or "") if stdin_text is not None \
            else _results(run, files, opts)
        for fail_under, result in _watch(results, tick):
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
            for each in reporters:
                each.handle(result)
            gate.add(result, fail_under)
        if baseline is not None:
            options.extra["baseline"] = baseline.stats()
        for each in reporters:
            each.finish(summary)
        if hasattr(report_stream, "flush"):
            report_stream.flush()

    from vplint.fsutil import atomic_write

    if buffer is not None and opts.output:
        with _writing(opts.output):
            atomic_write(opts.output, buffer.getvalue())
    for extra_buffer, target in extra_buffers:
        with _writing(target):
            atomic_write(target, extra_buffer.getvalue())
    if baseline is not None:
        _report_baseline(baseline, opts)
    if opts.write_baseline:
        from vplint.baseline import write_baseline

        with _writing(opts.write_baseline):
            count = write_baseline(opts.write_baseline, recorded)
        note(f"wrote {count} finding(s) to the baseline {opts.write_baseline}")
    if summary.propositions == 0 and not stdin and not run.missing and opts.changed is None:
        note("no proposition or copy files found here; write a first one with "
             "`vplint init`, or name the files to lint")
    if any(linter.crashed for linter in run.linters()):
        note("error: a rule crashed (VP900 above); the run is not trustworthy")
        return EXIT_ERROR
    if run.missing:
        return EXIT_ERROR
    if opts.write_baseline:
        return EXIT_OK  # recording today's findings is the point; the next run gates
    if gate.failed:
        sys.stdout.flush()
        if opts.exit_zero:
            note(f"the gate would fail (--exit-zero keeps the exit code 0): {gate.explain()}")
            return EXIT_OK
        note(f"the gate failed: {gate.explain()}")
        return EXIT_FINDINGS
    return EXIT_OK


def _extra_report(spec: str) -> tuple[Any, str]:
    """(reporter class, file) of an --extra-report FORMAT=FILE."""
    from vplint.report import reporter_class

    name, sep, target = spec.partition("=")
    if not sep or not target:
        raise UsageError(f"--extra-report wants FORMAT=FILE (e.g. sarif=vplint.sarif), "
                         f"not '{spec}'")
    name = name.strip().lower()
    if name in ("terminal", "full", "concise"):
        raise UsageError(f"--extra-report writes a file; '{name}' is for the terminal")
    return reporter_class(name), target


def _results(run: Run, files: list[Path], opts: CheckOptions
             ) -> Iterator[tuple[float, PropositionResult]]:
    """(fail-under of the file's configuration, result) for every proposition, in order."""
    warned: set[str] = set()
    for linter, batch in run.batches(files):
        cache = None if opts.no_cache else _open_cache(run, opts.cache_dir, linter, warned)
        for result in linter.lint_paths(batch, opts.jobs, cache):
            yield linter.config.fail_under, result


def _read_stdin() -> str:
    """Standard input as text (undecodable bytes replaced, as in files)."""
    if hasattr(sys.stdin, "buffer"):
        return sys.stdin.buffer.read().decode("utf-8-sig", "replace")
    return sys.stdin.read()


def _stdin_results(run: Run, opts: CheckOptions, text: str
                   ) -> Iterator[tuple[float, PropositionResult]]:
    """Lint standard input as the file `--stdin-filename` names (YAML without one)."""
    from vplint.document import YAML_SUFFIXES

    name = opts.stdin_filename or "-"
    kind = "yaml" if name == "-" or name.lower().endswith(YAML_SUFFIXES) else "markdown"
    linter = run.linter_for(Path(name).parent) if opts.stdin_filename else run.linter
    for result in linter.lint_text(text, name, kind):
        yield linter.config.fail_under, result


class _SourceLines:
    """The lines of linted files for `--output-format full`, read once per file after
    linting (the run reads them, not the reporter; standard input is kept in memory)."""

    def __init__(self, stdin: str | None) -> None:
        self.stdin = stdin
        self._files: dict[str, list[str]] = {}

    def __call__(self, path: str, line: int) -> str | None:
        if path not in self._files:
            text = self.stdin if self.stdin is not None else None
            if text is None:
                try:
                    text = Path(path).read_bytes()[:8 * 1024 * 1024].decode("utf-8-sig",
                                                                            "replace")
                except OSError:
                    text = ""
            self._files[path] = text.splitlines()
        lines = self._files[path]
        return lines[line - 1] if 0 < line <= len(lines) else None


def _open_cache(run: Run, directory: str | None, linter: Linter | None = None,
                warned: set[str] | None = None) -> Any:
    """The results cache of `linter` (default: the run's) in the user's cache directory,
    or None (said once on stderr) when it cannot be used safely; a `.vplint_cache/` in the
    repository is never read. `warned` keeps each note to once per run."""
    from vplint.cache import Cache, CacheUnavailable, legacy_dir
    from vplint.safe import visible

    warned = set() if warned is None else warned
    linter = linter or run.linter
    legacy = legacy_dir(run.config.root)
    if legacy is not None and "legacy" not in warned:
        warned.add("legacy")
        note(f"ignoring {visible(legacy)}: a cache inside the repository is never read "
             "(the results cache lives in the user's cache directory; `vplint clean` "
             "removes the old folder)")
    try:
        return Cache.open(linter, directory)
    except CacheUnavailable as exc:
        if "off" not in warned:
            warned.add("off")
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

    fixed = [done for linter, batch in run.batches(files)  # each file's own configuration
             for done in fix_files(linter, batch, apply_fixes=not opts.diff)]
    if opts.diff:
        sys.stdout.write("".join(f.diff() for f in fixed))
    else:
        count = sum(len(f.applied) for f in fixed)
        note(f"fixed {count} finding(s) in {len(fixed)} file(s)")
    return len(fixed)


def _watch(results: Iterator[tuple[float, PropositionResult]], tick: Any
           ) -> Iterator[tuple[float, PropositionResult]]:
    """Pass results through, ticking the progress bar once per file."""
    last: str | None = None
    for item in results:
        result = item[1]
        if result.path != last:
            if last is not None:
                tick()
            last = result.path
        yield item
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
