"""Which files `vplint check` lints: include patterns, the YAML sniff, .gitignore, vplint's
own outputs, per-file configuration and missing paths."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_runner import run_cli

PROPOSITION = "name: Pizza\noutcome: Hot pizza at your door in 30 minutes\n"


def write(path: Path, text: str = PROPOSITION) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def linted(tmp_path: Path, *args: str) -> list[str]:
    code, out, err = run_cli("check", "-f", "json", "--no-cache", *args, cwd=tmp_path)
    assert code in (0, 1), err
    return [f["path"] for f in json.loads(out)["files"]]


def test_walk_skips_yaml_that_is_not_a_proposition(tmp_path: Path):
    write(tmp_path / "docker-compose.yml", "services:\n  web:\n    image: nginx\nname: site\n")
    write(tmp_path / "mkdocs.yml", "site_name: Docs\nnav:\n  - index.md\n")
    write(tmp_path / "playbook.yaml", "- name: deploy\n  hosts: all\n")
    write(tmp_path / "stub.yaml", "name: Only a name so far\n")
    write(tmp_path / "propositions" / "p.yaml")
    write(tmp_path / "CHANGELOG.md", "# Changes\n\nFaster delivery.\n")
    for name in ("requirements.txt", "robots.txt", "LICENSE.txt", "docs/constraints.txt"):
        write(tmp_path / name, "pyyaml==6.0\n")
    write(tmp_path / "tagline.txt", "Hot pizza in 30 minutes, or it's free.\n")
    assert linted(tmp_path) == ["CHANGELOG.md", "propositions/p.yaml", "stub.yaml",
                                "tagline.txt"]
    assert linted(tmp_path, "requirements.txt") == ["requirements.txt"]  # named: linted


def test_a_yaml_file_named_on_the_command_line_is_linted_whatever_it_holds(tmp_path: Path):
    write(tmp_path / "docker-compose.yml", "services: {}\n")
    assert linted(tmp_path, "docker-compose.yml") == ["docker-compose.yml"]


def test_include_replaces_the_defaults_and_extend_include_adds(tmp_path: Path):
    write(tmp_path / "copy" / "home.md", "# Home\n")
    write(tmp_path / "vp" / "a.yaml")
    write(tmp_path / "odd" / "config.yml", "services: {}\n")
    write(tmp_path / ".vplint.yaml", "include: ['vp/*.yaml']\n")
    assert linted(tmp_path) == ["vp/a.yaml"]
    write(tmp_path / ".vplint.yaml", "extend-include: ['odd/*.yml']\n")
    assert linted(tmp_path) == ["copy/home.md", "odd/config.yml", "vp/a.yaml"]


def test_gitignore_is_honoured_unless_turned_off(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "generated/\n*.draft.md\n")
    write(tmp_path / "site" / ".gitignore", "old.yaml\n!keep.draft.md\n")
    write(tmp_path / "generated" / "a.yaml")
    write(tmp_path / "site" / "old.yaml")
    write(tmp_path / "site" / "new.yaml")
    write(tmp_path / "site" / "x.draft.md", "# x\n")
    write(tmp_path / "site" / "keep.draft.md", "# keep\n")
    assert linted(tmp_path) == ["site/keep.draft.md", "site/new.yaml"]
    # walking a subfolder still reads the .gitignore files above it
    assert linted(tmp_path, "site") == ["site/keep.draft.md", "site/new.yaml"]
    assert linted(tmp_path, "--no-respect-gitignore") == [
        "generated/a.yaml", "site/keep.draft.md", "site/new.yaml", "site/old.yaml",
        "site/x.draft.md"]


def test_reports_of_earlier_runs_are_never_linted(tmp_path: Path):
    write(tmp_path / "p.yaml")
    write(tmp_path / "zh.yaml", "name: 披萨\noutcome: 30分钟送到家\n")
    for fmt, target, lang in (("markdown", "report.md", "en"), ("markdown", "报告.md", "zh"),
                              ("terminal", "report.txt", "en"), ("concise", "c.txt", "zh"),
                              ("full", "full.txt", "en")):
        code, _, err = run_cli("check", "-f", fmt, "-o", target, "--lang", lang,
                               "--no-cache", cwd=tmp_path)
        assert code == 0, err
        assert linted(tmp_path) == ["p.yaml", "zh.yaml"], target
        # writing it again is no conflict: the report is not one of the linted files
        assert run_cli("check", "-f", fmt, "-o", target, "--lang", lang, "--no-cache",
                       cwd=tmp_path)[0] == 0


def test_an_output_over_copy_is_refused(tmp_path: Path):
    write(tmp_path / "p.yaml")
    write(tmp_path / "notes.md", "# Our copy\n")
    code, _, err = run_cli("check", "-f", "markdown", "-o", "notes.md", cwd=tmp_path)
    assert code == 2 and "notes.md is one of the files being linted" in err
    assert (tmp_path / "notes.md").read_text("utf-8") == "# Our copy\n"


def test_cache_folders_are_not_walked(tmp_path: Path):
    write(tmp_path / "p.yaml")
    write(tmp_path / "cachedir" / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n")
    write(tmp_path / "cachedir" / "stale.yaml")
    assert linted(tmp_path) == ["p.yaml"]


def test_each_file_obeys_its_nearest_configuration(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "a" / "p.yaml")
    write(tmp_path / "b" / "p.yaml")
    write(tmp_path / "b" / "pyproject.toml", "[tool.vplint]\nselect = ['TIM001']\n")
    write(tmp_path / "a" / ".vplint.yaml", "select: [OUT001]\nexclude: ['skipped.yaml']\n")
    write(tmp_path / "a" / "skipped.yaml")
    code, out, _ = run_cli("check", "a", "b", "-f", "json", "--no-cache", cwd=tmp_path)
    data = {f["path"]: f for f in json.loads(out)["files"]}
    assert sorted(data) == ["a/p.yaml", "b/p.yaml"]  # a/'s exclude applied to its walk
    # a/ selects only OUT001 (no finding); b/ only TIM001 (satisfied): both score 100
    assert all(f["findings"] == [] for f in data.values())
    # run from a parent folder, a nested configuration still governs its files
    code, out, _ = run_cli("check", "b/p.yaml", "--select", "OBJ001", "-f", "json",
                           "--no-cache", cwd=tmp_path)
    assert [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["OBJ001"]


def test_explicit_config_governs_every_file_and_repository_configs_are_not_read(
        tmp_path: Path):
    write(tmp_path / "repo" / ".vplint.yaml", "select: [NOPE999]\n")  # would be an error
    write(tmp_path / "repo" / "p.yaml")
    trusted = write(tmp_path / "trusted.yaml", "select: [OBJ001]\n")
    code, out, err = run_cli("check", "repo", "--config", str(trusted), "-f", "json",
                             "--no-cache", cwd=tmp_path)
    assert code == 0, err  # OBJ001 is a warning: the gate counts only errors
    findings = json.loads(out)["files"][0]["findings"]
    assert [f["code"] for f in findings] == ["OBJ001"]


def test_configuration_search_stops_at_the_repository_root(tmp_path: Path):
    write(tmp_path / ".vplint.yaml", "select: [NOPE999]\n")  # outside the repository
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / "p.yaml")
    code, _, err = run_cli("check", "p.yaml", "--no-cache", cwd=tmp_path / "repo")
    assert code == 0, err


def test_a_missing_path_is_reported_and_the_rest_still_linted(tmp_path: Path):
    write(tmp_path / "p.yaml")
    code, out, err = run_cli("check", "nope", "p.yaml", "-f", "json", "--no-cache",
                             cwd=tmp_path)
    assert code == 2
    assert [f["path"] for f in json.loads(out)["files"]] == ["p.yaml"]
    assert err == "vplint: error: path does not exist: nope\n"


def test_the_walk_never_opens_a_fifo_or_follows_a_link_to_sniff_it(tmp_path: Path):
    import os
    import subprocess
    import sys

    write(tmp_path / "p.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "link.yml").symlink_to(tmp_path / "p.yaml")
    command = [sys.executable, "-c", "from vplint.cli import main; main()", "check", "-f",
               "json", "--no-cache"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=False)
    paths = [f["path"] for f in json.loads(done.stdout)["files"]]
    assert {"p.yaml", "pipe.yaml", "link.yml"} <= set(paths)  # taken unread; reported
