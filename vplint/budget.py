"""Time budgets for rules: a rule that runs too long on one file is stopped, not waited for.

On POSIX, in a process's main thread (the CLI, and each `--jobs` worker, whose tasks run
in its main thread), a real-time interval timer (`setitimer`) raises RuleTimeout inside
the rule when its budget runs out. Python delivers signals between bytecodes and the
`re` engine checks for them while it backtracks, so a catastrophic regex or an endless
loop in Python code is stopped. A call into C code that never checks for signals (a
native extension's own loop) cannot be interrupted this way; it is stopped when it
returns, and reported all the same.

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


class RuleTimeout(BaseException):
    """A rule ran over its time budget.

    A BaseException, like KeyboardInterrupt, so that a rule's own `except Exception`
    cannot swallow it and carry on.
    """


class Budget:
    """How long each rule may still run on the current file.

    Use `for_file()` around one file's rules and `run(code)` around each rule call; `run`
    raises RuleTimeout from the rule's code (or right after it) when the rule's time for
    this file is used up. One timer serves a whole file: when it fires, the running
    rule is stopped if it is over its budget, else the timer is set again for the time
    it has left; so timing a rule costs two clock reads, not two system calls.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.spent: dict[str, float] = {}
        self._interrupting = False
        self._current: str | None = None
        self._started = 0.0
        self._left = 0.0

    def __getstate__(self) -> dict[str, Any]:
        return {"seconds": self.seconds}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["seconds"])  # type: ignore[misc]

    def exhausted(self, code: str) -> bool:
        """Whether `code` already used its whole budget on this file (it is skipped)."""
        return self.spent.get(code, 0.0) >= self.seconds

    @contextmanager
    def for_file(self) -> Iterator[None]:
        """Start a file: budgets reset, the timer started when it can be."""
        self.spent = {}
        self._current = None
        previous: Any = None
        self._interrupting = _can_interrupt()
        if self._interrupting:
            previous = signal.signal(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            if self._interrupting:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                self._interrupting = False
            self._current = None

    def run(self, code: str) -> _Timing:
        """Time one call of rule `code` (a context manager); RuleTimeout when its budget
        runs out."""
        return _Timing(self, code)

    def _alarm(self, signum: int, frame: Any) -> None:
        elapsed = time.perf_counter() - self._started
        over = self._current is not None and elapsed >= self._left
        # Set again first, even when stopping this rule: the next one needs watching too.
        wait = self.seconds if over or self._current is None else self._left - elapsed
        signal.setitimer(signal.ITIMER_REAL, max(wait, 1e-3))
        if over:
            raise RuleTimeout(self.describe())

    def describe(self) -> str:
        """The VP900 reason for a rule that ran out of time."""
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
        budget._started = time.perf_counter()
        budget._current = self.code

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: Any) -> bool:
        budget = self.budget
        budget._current = None
        used = time.perf_counter() - budget._started
        budget.spent[self.code] = budget.spent.get(self.code, 0.0) + used
        if kind is None and used >= budget._left:
            # not interruptible here, or it ran out as it returned
            raise RuleTimeout(budget.describe())
        return False


def _can_interrupt() -> bool:
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return False  # someone else's alarm is running; never steal it
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
