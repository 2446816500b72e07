"""Lint many files at once: a pool of worker processes, results in input order.

The output of `vplint check --jobs N` is byte-for-byte the output of `--jobs 1`: files are
split into consecutive chunks, each chunk is linted by one worker, and chunks are handed to
the reporter strictly in order. Linting a file depends on nothing but the file and the
run's configuration, so where it happens does not change its results.

Memory stays flat however many files there are: at most a few chunks are in flight, and a
worker returns results (never documents). Where `fork` is available (Linux) the workers
inherit the configured linter and the file list, so nothing is pickled on the way in and a
task is just a range of indexes; elsewhere the linter is pickled once per worker.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

    from vplint.cache import Cache
    from vplint.engine import Linter
    from vplint.model import PropositionResult

AUTO_MIN_FILES = 300
"""With `--jobs` unset, use every core only above this many files: below it, starting the
workers costs more than they save."""
IN_FLIGHT = 3
"""Chunks queued per worker: enough to keep each busy, few enough to bound memory."""


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:  # pragma: no cover - exotic kernels
            pass
    return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None, files: int) -> int:
    """The number of processes to use: `jobs` when given (0 = every core), else every core
    for more than AUTO_MIN_FILES files and one otherwise; never more than one per file."""
    if jobs is None:
        jobs = available_cores() if files > AUTO_MIN_FILES else 1
    elif jobs < 0:
        from vplint.errors import UsageError

        raise UsageError(f"--jobs must be 0 (every core) or more, not {jobs}")
    elif jobs == 0:
        jobs = available_cores()
    return max(1, min(jobs, files))


def check_file(linter: Linter, cache: Cache | None, path: Path
               ) -> tuple[list[PropositionResult], bool]:
    """Lint one file through the cache: (its results, whether a rule crashed on it)."""
    display = path.as_posix()
    # A file linked out of the project is not even read to be hashed (lint_file says why).
    key = cache.key(path, display) if cache is not None and linter.allowed(path) else None
    if key is not None:
        assert cache is not None
        cached = cache.get(key)
        if cached is not None:
            return cached, False
    before = linter.crashed
    linter.crashed = False
    try:
        results = linter.lint_file(path, display)
        crashed = linter.crashed
    finally:
        linter.crashed = before or linter.crashed
    if key is not None and not crashed:
        assert cache is not None
        cache.put(key, results)
    return results, crashed


def lint_many(linter: Linter, files: Iterable[Path], jobs: int | None = None,
              cache: Cache | None = None) -> Iterator[PropositionResult]:
    """Lint files with `jobs` processes and the cache, yielding results in file order."""
    files = list(files)
    jobs = resolve_jobs(jobs, len(files))
    if jobs > 1:
        pool = _start(linter, cache, files, jobs)
        if pool is not None:
            yield from _parallel(linter, pool, files, jobs)
            return
    for path in files:
        results, _crashed = check_file(linter, cache, path)
        yield from results


# ---- the pool ------------------------------------------------------------------------------
_linter: Linter | None = None
_cache: Cache | None = None
_files: Sequence[Path] = ()


def _init(linter: Linter, cache: Cache | None, files: Sequence[Path], parent: int) -> None:
    """Worker set-up: keep the run's state; leave Ctrl-C and the terminal to the parent;
    exit when the parent is gone."""
    import signal

    global _linter, _cache, _files
    _linter, _cache, _files = linter, cache, files
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with(parent)
    # A forked worker holds a copy of the parent's unflushed output buffers; they must
    # never be flushed a second time from here.
    devnull = open(os.devnull, "w")  # lives as long as the worker
    sys.stdout = sys.stderr = devnull


PARENT_CHECK = 0.5
"""Seconds between a worker's checks that its parent is still alive."""


def _exit_with(parent: int) -> None:
    """End this worker soon after `parent` dies (killed with SIGKILL, say): otherwise it
    would wait for work forever, holding its memory and the CI job open."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK)
            if os.getppid() != parent:
                os._exit(1)  # nothing of the worker's is worth flushing; the parent is gone

    threading.Thread(target=watch, name="vplint-parent-watch", daemon=True).start()


def _work(start: int, end: int) -> tuple[list[PropositionResult], bool]:
    """Lint files[start:end] in a worker: their results in order, and whether any crashed."""
    assert _linter is not None
    out: list[PropositionResult] = []
    crashed = False
    for path in _files[start:end]:
        results, failed = check_file(_linter, _cache, path)
        out.extend(results)
        crashed = crashed or failed
    return out, crashed


def _context():  # type: ignore[no-untyped-def]
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork shares the configured linter for free; macOS's system libraries are not
    # fork-safe, so there (and on Windows) the platform default is used.
    if "fork" in methods and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start(linter: Linter, cache: Cache | None, files: list[Path], jobs: int):  # type: ignore[no-untyped-def]
    """A started process pool, or None when this platform cannot give us one."""
    from concurrent.futures import ProcessPoolExecutor

    context = _context()
    if context.get_start_method() != "fork":
        import pickle

        try:
            pickle.dumps((linter, cache))
        except Exception:  # e.g. a plugin rule built from a lambda
            return None
    _warm(linter)
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    # Everything the parent holds now (the linter, its compiled patterns, the file list)
    # lives for the whole run: moved out of the collector's reach, a worker's collections
    # neither walk it nor write to its pages, which fork would then have to copy.
    gc.collect()
    gc.freeze()
    try:
        import warnings

        with warnings.catch_warnings():
            # Python 3.12+ warns about fork in a process with threads (a progress bar's
            # refresh thread); workers never touch the locks that thread may hold.
            warnings.filterwarnings("ignore", category=DeprecationWarning)
            pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init,
                                       initargs=(linter, cache, files, os.getpid()))
    except (OSError, NotImplementedError, ImportError, ValueError):
        gc.unfreeze()
        return None  # e.g. no working semaphores in a sandbox: lint in this process
    return pool


def _warm(linter: Linter) -> None:
    """Import every check and compile every lexicon once, before the workers fork."""
    for rule in linter.registry.rules.values():
        try:
            rule.function()
        # The run reports it as VP900 for each file; a check module calling sys.exit()
        # when imported must not end the run here with its exit code.
        except (Exception, SystemExit):
            continue
    for lexicon in linter.registry.lexicons.values():
        try:
            compiled = lexicon.pattern()
            if compiled is not None:
                compiled.prepare()
        except Exception:  # a bad pattern is reported when a rule uses it
            continue


MAX_CHUNK = 64
"""Files per task at most: a task's results are held in memory until their turn."""
MIN_CHUNK = 2
"""Files per task at least: below this, handing out tasks costs more than balancing."""
CHUNKS_LEFT = 8
"""A task takes 1/(jobs * CHUNKS_LEFT) of the files still to hand out."""


def chunks(files: int, jobs: int) -> Iterator[tuple[int, int]]:
    """Consecutive [start, end) ranges covering `files`, large first, smaller as the end
    nears (guided scheduling): few tasks to hand out and collect, and no worker left
    running a large last task while the other waits."""
    start = 0
    while start < files:
        size = max(MIN_CHUNK, min(MAX_CHUNK, (files - start) // (jobs * CHUNKS_LEFT)))
        end = min(files, start + size)
        yield start, end
        start = end


def _parallel(linter: Linter, pool, files: list[Path], jobs: int  # type: ignore[no-untyped-def]
              ) -> Iterator[PropositionResult]:
    from concurrent.futures.process import BrokenProcessPool

    ranges = chunks(len(files), jobs)
    pending: deque[Future] = deque()
    finished = False
    try:
        for start, end in ranges:
            pending.append(pool.submit(_work, start, end))
            if len(pending) >= jobs * IN_FLIGHT:
                break
        while pending:
            try:
                results, crashed = pending.popleft().result()
            except BrokenProcessPool as exc:
                raise RuntimeError("a worker process died (out of memory?); "
                                   "run with --jobs 1 to lint in one process") from exc
            task = next(ranges, None)
            if task is not None:
                pending.append(pool.submit(_work, *task))
            if crashed:
                linter.crashed = True
            yield from results
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)
        gc.unfreeze()  # a long-lived caller (the API, a server) collects them again
