"""Shell completion: `vplint --show-completion [SHELL]` prints Click's script for the shell,
`--install-completion [SHELL]` installs it once, and a shell Click cannot complete is a
usage error (exit 2, one line)."""

from __future__ import annotations

from pathlib import Path

from cli_runner import run_cli

from vplint.cli import app
from vplint.completion import install_completion


def test_show_completion_prints_the_script_of_the_named_or_login_shell(tmp_path: Path):
    code, out, _ = run_cli("--show-completion", "bash", cwd=tmp_path)
    assert code == 0 and "_VPLINT_COMPLETE" in out and "complete " in out
    code, out, _ = run_cli("--show-completion", cwd=tmp_path, env={"SHELL": "/usr/bin/zsh"})
    assert code == 0 and "#compdef vplint" in out


def test_a_shell_without_completion_is_a_usage_error(tmp_path: Path):
    code, out, err = run_cli("--show-completion", "tcsh", cwd=tmp_path)
    assert code == 2 and not out and "tcsh" in err and len(err.splitlines()) == 1


def test_install_completion_writes_the_script_and_sources_it_once(tmp_path: Path):
    (tmp_path / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")
    for _ in range(2):
        said = install_completion(app, "bash", home=tmp_path)
    script = tmp_path / ".bash_completions" / "vplint.sh"
    assert str(script) in said and "_VPLINT_COMPLETE" in script.read_text("utf-8")
    rc = (tmp_path / ".bashrc").read_text("utf-8").splitlines()
    assert rc[0] == "alias ll='ls -l'" and rc.count(f"source '{script}'") == 1
    install_completion(app, "fish", home=tmp_path)
    assert (tmp_path / ".config" / "fish" / "completions" / "vplint.fish").is_file()
