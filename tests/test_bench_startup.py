"""bench/startup.py: one run of the start-up measurement prints the floor and both
one-file runs with their ratios (the numbers themselves are the benchmark's business);
without typer (the bench extra) it says the floor cannot run."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "startup.py"


def test_startup_bench_prints_the_floor_and_both_files(capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    spec = importlib.util.spec_from_file_location("vplint_bench_startup", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    status = module.main(["--runs", "1"])
    if importlib.util.find_spec("typer") is None:  # the test extra alone: no floor to run
        assert status == 2 and "typer" in capsys.readouterr().err
        return
    assert status == 0
    rows = [line for line in capsys.readouterr().out.splitlines()
            if re.fullmatch(r"\| .+ \| \d+ \| \d+\.\d\dx \|", line)]
    assert len(rows) == 3
    assert "import typer, rich, yaml" in rows[0] and rows[0].endswith("| 1.00x |")
    assert "--no-cache one.yaml" in rows[1] and "--no-cache one.md" in rows[2]
