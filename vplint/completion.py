"""Shell completion for `vplint --show-completion SHELL` and `--install-completion SHELL`:
Click writes the script (bash, zsh, fish); installing saves it where the shell looks and,
for bash and zsh, adds one line to the shell's start-up file, once."""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import get_completion_class

from vplint.fsutil import atomic_write

SHELLS = ("bash", "zsh", "fish")
"""The shells Click writes completion scripts for."""
PROG = "vplint"
COMPLETE_VAR = "_VPLINT_COMPLETE"


def shell_named(name: str) -> str:
    """The shell meant by --show/--install-completion's value: the one named, or with
    none the login shell ($SHELL). A shell Click cannot complete is a usage error."""
    import os

    from vplint.errors import UsageError

    shell = (name or os.path.basename(os.environ.get("SHELL", ""))).lower()
    if shell not in SHELLS:
        raise UsageError(f"no shell completion for '{shell or 'an unknown shell'}'; name one "
                         f"of: {', '.join(SHELLS)}")
    return shell


def completion_script(command: click.Command, shell: str) -> str:
    """The completion script of `command` for `shell`."""
    kind = get_completion_class(shell_named(shell))
    assert kind is not None  # every name in SHELLS is one of Click's
    return kind(command, {}, PROG, COMPLETE_VAR).source()


def install_completion(command: click.Command, shell: str, home: Path | None = None) -> str:
    """Install the completion script for `shell` under `home` (default: the user's home)
    and say where it went."""
    home = home or Path.home()
    script = completion_script(command, shell)
    if shell == "fish":
        target = home / ".config" / "fish" / "completions" / f"{PROG}.fish"
        lines: list[str] = []
        rc = None
    elif shell == "zsh":
        target = home / ".zfunc" / f"_{PROG}"
        lines = ["fpath+=~/.zfunc", "autoload -Uz compinit", "compinit"]
        rc = home / ".zshrc"
    else:
        target = home / ".bash_completions" / f"{PROG}.sh"
        lines = [f"source '{target}'"]
        rc = home / ".bashrc"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, script)
    if rc is not None:
        current = rc.read_text(encoding="utf-8") if rc.is_file() else ""
        missing = [line for line in lines if line not in current.splitlines()]
        if missing:
            sep = "" if not current or current.endswith("\n") else "\n"
            atomic_write(rc, current + sep + "\n".join(missing) + "\n")
    return f"{shell} completion installed in {target}; it works in new shells"
