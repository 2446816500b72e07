"""Start-up of a one-file run without any cache, against the import floor, in CPU time.

    python bench/startup.py [--runs N] [--tree DIR ...]

Runs `python -c 'import typer, rich, yaml'` (the floor issue 12 sets) and
`vplint check --no-cache` of one proposition (YAML) and of one Markdown page, each as a
whole process, interleaved N times (default 11), and prints the median CPU time (user +
system, from getrusage of the children) of each and its ratio to the floor measured in the
same run. CPU time, because on a shared machine the wall time measures the neighbours.
`--tree` compares source trees (each put first on PYTHONPATH; default: this repository),
for a before/after in one run. bench/run.py measures the same start-up by wall time, best
of three, within its larger benchmark.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROPOSITION = ("name: Pizza 1\nlanguage: en\n"
               "outcome: Hot pizza at your door in 31 minutes\n")
PAGE = """# Fresh pizza, delivered hot

Order from the best pizzeria in town and get it at your door in 30 minutes or it's free.
Our ovens run all night, so you can order at 2 am. Over 12,000 customers rated us 4.8
of 5 last year.

## Why us

- Dough made fresh every morning
- Delivery in under 30 minutes, guaranteed
- Save 20% on your first order
"""


def cpu_of(cmd: list[str], cwd: Path, env: dict[str, str], worst: int = 1) -> float | None:
    """CPU seconds (user + system) of one run of `cmd`; None when it crashed (a status
    above `worst`: vplint exits 1 for findings, the floor must exit 0)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode > worst:
        return None
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="interleaved runs of each")
    parser.add_argument("--tree", action="append", type=Path,
                        help="a vplint source tree to measure (repeatable)")
    args = parser.parse_args(argv)
    trees = args.tree or [ROOT]
    env = dict(os.environ)
    for key in ("PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "FORCE_COLOR", "PYTHONPROFILE"):
        env.pop(key, None)
    vplint = "from vplint.cli import main; main()"
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "one.yaml").write_text(PROPOSITION, encoding="utf-8")
        (folder / "one.md").write_text(PAGE, encoding="utf-8")
        runs: dict[str, tuple[list[str], dict[str, str]]] = {
            "floor: python -c 'import typer, rich, yaml'":
                ([sys.executable, "-c", "import typer, rich, yaml"], env)}
        for tree in trees:
            tree_env = {**env, "PYTHONPATH": os.pathsep.join(
                [str(tree.resolve()), *filter(None, [env.get("PYTHONPATH")])])}
            for name in ("one.yaml", "one.md"):
                runs[f"{tree}: vplint check --no-cache {name}"] = (
                    [sys.executable, "-c", vplint, "check", "--no-cache", name], tree_env)
        times: dict[str, list[float]] = {label: [] for label in runs}
        for i in range(args.runs + 1):  # the first round warms byte code and disk caches
            for label, (cmd, run_env) in runs.items():
                seconds = cpu_of(cmd, folder, run_env, 0 if label.startswith("floor") else 1)
                if seconds is None:
                    hint = " (the floor needs typer: pip install -e '.[bench]')" \
                        if label.startswith("floor") else ""
                    print(f"startup.py: {label} failed{hint}", file=sys.stderr)
                    return 2
                if i:
                    times[label].append(seconds)
    floor = statistics.median(times[next(iter(times))])
    print(f"| what (median CPU of {args.runs} interleaved runs) | ms | x floor |")
    print("|---|---:|---:|")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"| {label} | {median * 1000:.0f} | {median / floor:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
