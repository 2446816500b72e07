"""Attack: configuration from outside the repository, or a pull request's own
configuration overriding a trusted one. Discovery stops at the repository root, and
`--config FILE` reads that file alone."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import run_cli
from tests.security.conftest import gate

SILENCE = "ignore: [ALL]\nfail-under: 0\n"


def test_a_configuration_above_the_repository_is_not_read(repo: Path, clean_verdict):
    (repo.parent / ".vplint.yaml").write_text(SILENCE, encoding="utf-8")
    (repo.parent / "pyproject.toml").write_text("[tool.vplint]\nignore = ['ALL']\n",
                                                encoding="utf-8")
    assert gate(repo)[:2] == clean_verdict
    (repo / ".vplint.yaml").write_text(SILENCE, encoding="utf-8")
    (repo / "copy" / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")  # a worktree
    code, _, err = run_cli("check", ".", "--fail-under", "70", "--no-cache",
                           cwd=repo / "copy")
    assert code == 1, err  # the worktree is its own repository: the outer file is not read


def test_a_trusted_config_ignores_the_pull_requests_own(repo: Path, clean_verdict,
                                                       tmp_path: Path):
    trusted = repo / ".vplint-trusted.yaml"  # written by the CI from the base branch
    trusted.write_text("fail-under: 70\n", encoding="utf-8")
    (repo / ".vplint.yaml").write_text(SILENCE, encoding="utf-8")
    (repo / "pyproject.toml").write_text("[tool.vplint]\nignore = ['ALL']\n",
                                         encoding="utf-8")
    assert gate(repo)[0] == 0  # the pull request silenced its own gate...
    code, out, _ = gate(repo, "--config", str(trusted))
    assert (code, out) == clean_verdict  # ...but not the trusted one


def test_outside_a_repository_discovery_stops_at_home(tmp_path: Path, monkeypatch):
    from vplint.config import search_folders

    home = tmp_path / "home" / "me"
    work = home / "work" / "copy"
    work.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    folders = search_folders(work)
    assert folders[-1] == home and tmp_path not in folders
