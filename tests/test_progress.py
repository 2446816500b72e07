"""The progress bar: only on a terminal, outside CI, for many files; never in the report."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from ci_helpers import GOOD, make_project, vplint_fixture, write  # noqa: F401

from vplint.progress import MIN_FILES, progress_for, wanted


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_wanted_only_on_a_terminal_outside_ci_for_many_files():
    tty, pipe = Terminal(), io.StringIO()
    assert wanted(None, MIN_FILES, tty, {}) is True
    assert wanted(None, MIN_FILES - 1, tty, {}) is False
    assert wanted(None, 500, pipe, {}) is False
    for name in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "PRE_COMMIT"):
        assert wanted(None, 500, tty, {name: "true"}) is False
    assert wanted(True, 1, pipe, {"CI": "1"}) is True
    assert wanted(False, 500, tty, {}) is False


def test_forced_bar_draws_on_its_own_stream_and_leaves_the_report_alone():
    bar, report = Terminal(), io.StringIO()
    with progress_for(3, report, True, bar_file=bar) as (stream, tick):
        assert stream is report
        for _ in range(3):
            tick()
        stream.write("the report\n")
    assert report.getvalue() == "the report\n"
    drawn = bar.getvalue()
    assert "linting" in drawn and "3/3" in drawn and "files" in drawn


def test_report_on_the_same_terminal_scrolls_above_the_bar(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stdout", screen)
    with progress_for(2, sys.stdout, True) as (stream, tick):
        assert stream is not screen  # routed through the bar's console
        stream.write("first line\nsecond ")
        tick()
        stream.write("line\n")
        tick()
    text = screen.getvalue()
    assert "first line" in text and "second line" in text


def test_no_bar_yields_the_report_stream_and_a_silent_tick():
    report = io.StringIO()
    with progress_for(1000, report, False) as (stream, tick):
        tick()
        assert stream is report
    assert report.getvalue() == ""


def test_cli_report_is_identical_with_and_without_the_bar(tmp_path: Path, vplint):
    root = make_project(tmp_path)
    for number in range(MIN_FILES + 5):
        write(root / "copy" / f"p{number:02}.yaml", GOOD.replace("Good", f"P{number}"))
    code, out, err = vplint(root, "check", "-f", "json", "-o", "with.json", "--progress")
    assert code == 0 and out == ""
    assert "linting" in err  # the bar went to stderr, forced on although it is not a terminal
    code, out, err = vplint(root, "check", "-f", "json", "-o", "without.json")
    assert code == 0 and err == ""
    assert (root / "with.json").read_bytes() == (root / "without.json").read_bytes()
