"""Run `vplint` in-process for the bad-input tests: (exit code, stdout, stderr), and never a
traceback. Unlike pytest's capsys this works inside hypothesis examples too."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

from vplint.cli import main


@contextlib.contextmanager
def _plain_environment() -> Iterator[None]:
    """No colour forced from outside, so output does not depend on the CI's environment."""
    saved = {k: os.environ.pop(k) for k in ("FORCE_COLOR", "NO_COLOR") if k in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def run_cli(*args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None
            ) -> tuple[int, str, str]:
    """Run `vplint ARGS` (in `cwd`) and return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code: object = 0
    with contextlib.ExitStack() as stack:
        stack.enter_context(_plain_environment())
        for key, value in (env or {}).items():
            stack.callback(os.environ.pop, key, None)
            os.environ[key] = value
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code
    stdout, stderr = out.getvalue(), err.getvalue()
    assert "Traceback" not in stdout + stderr, stdout + stderr
    assert isinstance(code, int) or code is None, f"exit code {code!r}"
    return code or 0, stdout, stderr
