"""The rule time budget counts the CPU time of the rule's thread, with a wall-clock
backstop: a loaded machine does not stop a rule that did little work, a runaway rule is
stopped, and a rule that blocks without computing is stopped by the backstop.

Bounds are generous (the machine may be busy): only the order of magnitude is asserted."""

from __future__ import annotations

import threading
import time

import pytest

import vplint.budget as budget_module
from vplint.budget import WALL_FACTOR, Budget, RuleTimeout


def _burn(seconds: float) -> None:
    """Use about `seconds` of this thread's CPU time."""
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        pass


def test_a_cpu_bound_runaway_is_stopped_and_named_by_its_budget():
    budget = Budget(0.2)
    start = time.monotonic()
    with pytest.raises(RuleTimeout), budget.for_file(), budget.run("BMB001"):
        _burn(60)  # never finishes on its own within the test's patience
    assert time.monotonic() - start < 30
    assert budget.exhausted("BMB001")
    assert "stopped after 0.2 s on this file (rule-timeout)" in budget.describe("BMB001")


def test_waiting_does_not_count_against_the_budget():
    """Three times the CPU budget in wall-clock time, almost all of it waiting (as on a
    loaded runner): the rule finishes and keeps its budget."""
    budget = Budget(0.5)
    with budget.for_file():
        with budget.run("SLW001"):
            time.sleep(1.5)
        assert not budget.exhausted("SLW001")
        assert budget.spent["SLW001"] < 0.5 <= budget.waited["SLW001"]


def test_a_rule_that_blocks_is_stopped_by_the_wall_clock_backstop():
    budget = Budget(0.05)
    start = time.monotonic()
    with pytest.raises(RuleTimeout), budget.for_file(), budget.run("BLK001"):
        time.sleep(60)
    assert time.monotonic() - start < 30
    assert budget.waited["BLK001"] >= 0.05 * WALL_FACTOR > budget.spent["BLK001"]
    message = budget.describe("BLK001")
    assert "rule-timeout" in message and "without finishing" in message


def test_outside_the_main_thread_the_budget_is_checked_on_return():
    outcomes: dict[str, str] = {}

    def run(code: str, work) -> None:
        budget = Budget(0.1)
        try:
            with budget.for_file(), budget.run(code):
                work()
            outcomes[code] = "finished"
        except RuleTimeout:
            outcomes[code] = "stopped"

    threads = [threading.Thread(target=run, args=("CPU001", lambda: _burn(0.3))),
               threading.Thread(target=run, args=("SLW001", lambda: time.sleep(0.3)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == {"CPU001": "stopped", "SLW001": "finished"}


def test_rules_called_one_after_another_share_a_reading_of_the_cpu_clock(monkeypatch):
    """Reading the thread's CPU clock is a system call: a rule starts from the reading
    taken as the rule before it returned, unless other work ran since (`unmark`)."""
    reads: list[float] = []
    real = time.thread_time

    def counted() -> float:
        reads.append(real())
        return reads[-1]

    monkeypatch.setattr(budget_module.time, "thread_time", counted)
    budget = Budget(5)
    with budget.for_file():
        for code in ("AAA001", "BBB001", "CCC001", "DDD001"):
            with budget.run(code):
                pass
        budget.unmark()
        with budget.run("EEE001"):
            pass
    assert len(reads) == 2 + 3 + 2  # not two per rule


def test_work_between_rules_after_unmark_counts_against_no_rule():
    budget = Budget(5)
    with budget.for_file():
        with budget.run("AAA001"):
            pass
        _burn(0.3)  # e.g. the next document's facts
        budget.unmark()
        with budget.run("BBB001"):
            pass
    assert budget.spent["BBB001"] < 0.15


def test_a_signal_that_arrives_as_the_file_ends_leaves_no_timer_behind():
    # The timer can fire just before the file's budget disarms it; its handler then runs
    # just after. It must not set the timer again: with vplint's handler gone, the next
    # SIGALRM would kill the process ("Alarm clock").
    import signal

    budget = Budget(5)
    with budget.for_file():
        pass
    budget._alarm(signal.SIGALRM, None)  # the late delivery, by hand
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
