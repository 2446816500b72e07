"""Attack: a pull request's configuration points vplint's folders elsewhere
(`templates_dirs: [tpl, /]` then `{% include "proc/self/environ" %}`, `rules_dirs: ['/']`,
`../..`, a folder linked out). Each is one error line naming the file and line, exit 2,
and nothing outside the repository is read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.security.conftest import SECRET, gate

ROOT = Path(__file__).resolve().parents[2]
PIZZA = ROOT / "examples" / "en-strong-pizza-delivery.yaml"


def _configure(repo: Path, text: str) -> None:
    (repo / ".vplint.yaml").write_text(f"# settings\n{text}", encoding="utf-8")


@pytest.mark.parametrize("key", ["templates_dirs", "rules_dirs"])
@pytest.mark.parametrize("entry", ["/", "ESCAPE", "LINK", "OUTSIDE_ABS"])
def test_a_configured_folder_outside_the_repository_is_refused(repo, outside, key, entry):
    (repo / "tpl").mkdir()
    (repo / "linked").symlink_to(outside)
    value = {"/": "/", "ESCAPE": "../outside", "LINK": "linked",
             "OUTSIDE_ABS": str(outside)}[entry]
    _configure(repo, f"{key}:\n  - tpl\n  - '{value}'\n")
    code, out, err = gate(repo)
    assert code == 2 and out == ""
    assert err.startswith(f"vplint: error: {repo / '.vplint.yaml'}:4: ")
    assert "outside the project" in err and len(err.splitlines()) == 1


def test_a_pitch_template_cannot_include_a_file_outside(repo, outside):
    """The full attack of the issue: the include is refused before any template loads."""
    (repo / "tpl").mkdir()
    (repo / "tpl" / "leak.en.j2").write_text(
        '{% include "' + str(outside / "secret.txt").lstrip("/") + '" %}\n', encoding="utf-8")
    shutil.copy(PIZZA, repo / "copy" / "pizza.yaml")
    _configure(repo, "templates_dirs: [tpl, /]\n")
    code, out, err = run_cli("pitch", "copy/pizza.yaml", "--template", "leak", cwd=repo)
    assert code == 2 and SECRET not in out + err
    assert f"{repo / '.vplint.yaml'}:2:" in err


def test_folders_inside_the_repository_still_work(repo):
    (repo / "conf").mkdir()
    (repo / "tpl").mkdir()
    (repo / "rules").mkdir()
    (repo / "conf" / ".vplint.yaml").write_text(
        "templates_dirs: [../tpl]\nrules_dirs: [../rules]\n", encoding="utf-8")
    code, _, err = gate(repo, "--config", "conf/.vplint.yaml")
    assert code == 1, err  # the proposition's findings, not a configuration error
