"""Time budgets for rules: a rule that runs too long on one file is stopped, not waited for.

The budget counts the CPU time of the thread running the rule (`time.thread_time`), so a
loaded CI runner, where a rule waits for a core, does not stop a rule that did little
work. A rule that blocks without using the CPU (it sleeps, or waits on a lock or the
network) is stopped by a wall-clock backstop of WALL_FACTOR times the budget.

On POSIX, in a process's main thread (the CLI, and each `--jobs` worker, whose tasks run
in its main thread), a real-time interval timer (`setitimer`) wakes up to look at both
clocks and raises RuleTimeout inside the rule when either runs out. Python delivers
signals between bytecodes and the `re` engine checks for them while it backtracks, so a
catastrophic regex or an endless loop in Python code is stopped. A call into C code that
never checks for signals (a native extension's own loop) cannot be interrupted this way;
it is stopped when it returns, and reported all the same.

Elsewhere (another thread, Windows, or a process whose alarm timer is already in use,
e.g. by a test runner's timeout) the budget is checked when the rule returns: an
over-budget rule is still reported and its findings dropped, but a rule that never
returns is not stopped.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

WALL_FACTOR = 10
"""A rule may take this many times its CPU budget in wall-clock time before it is stopped
(the backstop for a rule that waits without computing)."""


class RuleTimeout(BaseException):
    """A rule ran over its time budget.

    A BaseException, like KeyboardInterrupt, so that a rule's own `except Exception`
    cannot swallow it and carry on.
    """


class Budget:
    """How long each rule may still run on the current file.

    Use `for_file()` around one file's rules and `run(code)` around each rule call; `run`
    raises RuleTimeout from the rule's code (or right after it) when the rule's CPU time
    for this file, or its wall-clock backstop, is used up. One timer serves a whole file:
    when it fires, the running rule is stopped if it is over either limit, else the timer
    is set again for the time it has left; so timing a rule costs clock reads, not timer
    system calls. CPU time never runs faster than wall-clock time, so waking up when the
    CPU budget could at the earliest be spent never misses it.

    Rules called one after the other share a reading of the CPU clock: a rule's CPU time
    runs from the end of the rule before it (the engine's few microseconds of dispatch in
    between count with it) unless `unmark` says that other work ran since. Reading the
    thread's CPU clock is a system call (no vDSO), which on a virtual machine costs 2-10 µs
    of wall-clock time, more on a loaded host: two per rule call were 100 reads per page.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.wall = seconds * WALL_FACTOR
        self.spent: dict[str, float] = {}  # CPU seconds per rule on this file
        self.waited: dict[str, float] = {}  # wall-clock seconds per rule on this file
        self._interrupting = False
        self._current: str | None = None
        self._started = 0.0
        self._started_cpu = 0.0
        self._marked = False  # the CPU clock was read as the last rule returned
        self._mark_cpu = 0.0
        self._left = 0.0
        self._wall_left = 0.0

    def __getstate__(self) -> dict[str, Any]:
        return {"seconds": self.seconds}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["seconds"])  # type: ignore[misc]

    def exhausted(self, code: str) -> bool:
        """Whether `code` already used its whole budget on this file (it is skipped)."""
        return (self.spent.get(code, 0.0) >= self.seconds
                or self.waited.get(code, 0.0) >= self.wall)

    @contextmanager
    def for_file(self) -> Iterator[None]:
        """Start a file: budgets reset, the timer started when it can be."""
        self.spent = {}
        self.waited = {}
        self._current = None
        self._marked = False
        previous: Any = None
        self._interrupting = _can_interrupt()
        if self._interrupting:
            previous = signal.signal(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            if self._interrupting:
                # Stop re-arming before disarming: a timer that fired just before
                # setitimer(0) has its handler run just after it, and a handler that set
                # the timer again would leave it to fire on the default action (the
                # process killed by "Alarm clock") once the old handler is back.
                self._interrupting = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
            self._current = None

    def unmark(self) -> None:
        """Work that belongs to no rule ran (or is about to run) since the last rule
        returned: the next rule reads the CPU clock afresh."""
        self._marked = False

    def run(self, code: str) -> _Timing:
        """Time one call of rule `code` (a context manager); RuleTimeout when its budget
        runs out."""
        return _Timing(self, code)

    def _alarm(self, signum: int, frame: Any) -> None:
        if not self._interrupting:
            return  # the file is done: a late signal must not set the timer again
        code = self._current
        cpu_left = self._left - (time.thread_time() - self._started_cpu)
        wall_left = self._wall_left - (time.perf_counter() - self._started)
        over = code is not None and (cpu_left <= 0 or wall_left <= 0)
        # Set again first, even when stopping this rule: the next one needs watching too.
        wait = self.seconds if over or code is None else min(cpu_left, wall_left)
        signal.setitimer(signal.ITIMER_REAL, max(wait, 1e-3))
        if over:
            raise RuleTimeout(self.describe(code))

    def describe(self, code: str | None = None) -> str:
        """The VP900 reason for a rule that ran out of time (`code`: which rule, to tell
        the CPU budget from the wall-clock backstop)."""
        if code is not None and self.spent.get(code, 0.0) < self.seconds \
                and self.waited.get(code, 0.0) >= self.wall:
            return (f"stopped after {self.wall:g} s on this file without finishing "
                    f"({WALL_FACTOR}x rule-timeout of {self.seconds:g} s of CPU time); "
                    "it may be waiting for something")
        return (f"stopped after {self.seconds:g} s on this file (rule-timeout); "
                "it may backtrack or loop on this text")


class _Timing:
    """`Budget.run`'s context: a plain class, as it wraps every rule call."""

    __slots__ = ("budget", "code")

    def __init__(self, budget: Budget, code: str) -> None:
        self.budget = budget
        self.code = code

    def __enter__(self) -> None:
        budget = self.budget
        budget._left = budget.seconds - budget.spent.get(self.code, 0.0)
        budget._wall_left = budget.wall - budget.waited.get(self.code, 0.0)
        budget._started = time.perf_counter()
        budget._started_cpu = budget._mark_cpu if budget._marked else time.thread_time()
        budget._current = self.code

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: Any) -> bool:
        budget = self.budget
        budget._current = None
        now = time.thread_time()
        used = now - budget._started_cpu
        waited = time.perf_counter() - budget._started
        budget._mark_cpu, budget._marked = now, True
        budget.spent[self.code] = budget.spent.get(self.code, 0.0) + used
        budget.waited[self.code] = budget.waited.get(self.code, 0.0) + waited
        if kind is None and (used >= budget._left or waited >= budget._wall_left):
            # not interruptible here, or it ran out as it returned
            raise RuleTimeout(budget.describe(self.code))
        return False


def _can_interrupt() -> bool:
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return False  # someone else's alarm is running; never steal it
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
