"""What vplint writes: reports and baselines get the mode any new file gets (the umask's),
never a private 0600 that hides them from the CI's next step; an existing file keeps its
mode; an output path that is a symbolic link to a file outside is replaced, never written
through; concurrent runs sharing one cache agree with each other and with a clean run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.security.conftest import gate, snapshot


def test_reports_and_baselines_get_the_umask_mode(repo: Path):
    old = os.umask(0o022)
    try:
        gate(repo, "-o", "report.txt")
        gate(repo, "--write-baseline", "baseline.json")
    finally:
        os.umask(old)
    assert (repo / "report.txt").stat().st_mode & 0o777 == 0o644
    assert (repo / "baseline.json").stat().st_mode & 0o777 == 0o644
    (repo / "report.txt").chmod(0o640)
    gate(repo, "-o", "report.txt")
    assert (repo / "report.txt").stat().st_mode & 0o777 == 0o640


def test_an_output_linked_outside_is_replaced_not_written_through(repo: Path, outside: Path):
    (repo / "report.txt").symlink_to(outside / "deploy.sh")
    before = snapshot(outside)
    code, _, _ = gate(repo, "-o", "report.txt")
    assert code == 1 and snapshot(outside) == before
    assert not (repo / "report.txt").is_symlink()


def test_concurrent_runs_sharing_a_cache_agree(repo: Path, tmp_path: Path):
    for n in range(12):
        (repo / "copy" / f"p{n}.yaml").write_text(
            f"name: P{n}\noutcome: The best pizza, in {n + 10} minutes.\n", encoding="utf-8")
    clean = gate(repo, "--no-cache")
    env = {**os.environ, "VPLINT_CACHE_DIR": str(tmp_path / "shared")}
    command = [sys.executable, "-c", "from vplint.cli import main; main()",
               "check", "copy", "-f", "github", "--fail-under", "70"]
    for _ in range(2):  # cold, then warm
        runs = [subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(3)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            assert (run.returncode, out) == clean[:2], err
            assert "results cache off" not in err
