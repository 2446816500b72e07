"""Attack (or accident): the CI kills vplint's parent process with SIGKILL while `--jobs`
workers are busy. The workers must exit on their own instead of waiting forever.
(Linux: the processes are found through /proc.)"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def _state(pid: int) -> tuple[int, str] | None:
    """(parent pid, state letter) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), fields[0]


def _children(parent: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            state = _state(int(entry))
            if state is not None and state[0] == parent:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    state = _state(pid)
    return state is not None and state[1] not in ("Z", "X")


def test_workers_exit_when_the_parent_is_killed(repo: Path, tmp_path: Path):
    for n in range(8):
        (repo / "copy" / f"p{n}.yaml").write_text("name: P\noutcome: fast\n", encoding="utf-8")
    (repo / "rules").mkdir()
    (repo / "rules" / "SLW001.yaml").write_text(
        "code: SLW001\nname: slow\nseverity: warning\nmessage: m\ncheck: slow:check\n",
        encoding="utf-8")
    (repo / "rules" / "slow.py").write_text(
        "import time\n\ndef check(ctx):\n    time.sleep(120)\n    return ()\n",
        encoding="utf-8")
    (repo / ".vplint.yaml").write_text("rules_dirs: [rules]\nrule-timeout: 300\n",
                                       encoding="utf-8")
    env = {**os.environ, "VPLINT_CACHE_DIR": str(tmp_path / "cache")}
    parent = subprocess.Popen(
        [sys.executable, "-c", "from vplint.cli import main; main()", "check", "copy",
         "--jobs", "2", "--no-cache"], cwd=repo, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = [pid for pid in _children(parent.pid) if _alive(pid)]
        assert len(workers) == 2, "the workers never started"
        time.sleep(1)  # let them pick up work (they are now asleep in the slow rule)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30  # generous; they check every half second
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers), "orphaned workers still running"
    finally:
        for pid in workers:
            try:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        if parent.poll() is None:
            parent.kill()
