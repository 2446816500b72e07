"""docs/ci.md and action.yml, tested as far as a machine without GitHub or GitLab allows:
the snippets parse, the action's scripts and the CI jobs' commands run against a temporary
Git repository, and pre-commit validates the configuration and the hook manifest."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from ci_helpers import (  # noqa: F401
    GOOD,
    HYPE,
    commit,
    git,
    init_repo,
    isolated_git_fixture,
    make_project,
    write,
)

from vplint.compare import Change, Comparison

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "ci.md").read_text("utf-8")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", DOC, re.S | re.M)

pytestmark = pytest.mark.usefixtures("isolated_git")


def yaml_blocks() -> list[dict]:
    return [yaml.safe_load(body) for lang, body in BLOCKS if lang == "yaml"]


@pytest.fixture
def shell_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose `vplint` is this checkout, as the CI images would install it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "vplint"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "import sys; from vplint.cli '
                    f'import main; main()" "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PRE_COMMIT"))}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env['PATH']}", PYTHONPATH=str(ROOT), CI="true")
    return env


@pytest.fixture
def copy_repo(tmp_path: Path) -> Path:
    root = init_repo(make_project(tmp_path / "copy-repo"))
    write(root / "copy" / "good.yaml", GOOD)
    commit(root, "copy")
    return root


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False)


def test_every_yaml_snippet_parses_and_json_snippets_are_json():
    assert len(yaml_blocks()) >= 4
    for lang, body in BLOCKS:
        if lang == "json":
            json.loads(body)


def test_documented_compare_key_matches_the_report():
    sample = next(json.loads(body) for lang, body in BLOCKS
                  if lang == "json" and '"compare"' in body)["compare"]
    real = Comparison("main", Change(62, 78), "D", {"time": Change(25, 100)}).to_dict()
    assert sample == real


# ---- action.yml -------------------------------------------------------------------------------

def test_action_is_composite_with_the_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "fail-under", "format", "upload-sarif"} <= set(ACTION["inputs"])
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            # inputs reach scripts through env only: no ${{ }} pasted into a script
            assert "${{" not in step["run"], step["name"]
    workflows = [b for b in yaml_blocks() if "jobs" in b]
    uses = [s for w in workflows for job in w["jobs"].values() for s in job["steps"]
            if str(s.get("uses", "")).startswith("OWNER/vplint@")]
    assert uses and all(set(s.get("with", {})) <= set(ACTION["inputs"]) for s in uses)


def _step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def _lint_env(shell_env: dict[str, str], **values: str) -> dict[str, str]:
    env = {**shell_env, "VPLINT_PATHS": "copy", "VPLINT_ARGS": "", "VPLINT_FORMAT": "github",
           "VPLINT_FAIL_UNDER": "", "VPLINT_CONFIG": "", "VPLINT_SARIF": "false"}
    env.update(values)
    return env


def test_action_leaves_the_callers_python_alone_and_caches():
    setup = next(s for s in ACTION["runs"]["steps"]
                 if str(s.get("uses", "")).startswith("actions/setup-python@"))
    assert setup["with"]["update-environment"] is False
    install = _step("Install vplint")
    assert "-m venv" in install["run"] and "-c " in install["run"]
    assert (ROOT / "ci" / "constraints.txt").is_file()
    cached = [s["with"]["path"] for s in ACTION["runs"]["steps"]
              if str(s.get("uses", "")).startswith("actions/cache@")]
    assert any("vplint-pip" in p for p in cached) and any("vplint-cache" in p for p in cached)
    assert "vplint-cache" in _step("vplint check")["env"]["VPLINT_CACHE_DIR"]


def test_every_runtime_dependency_is_pinned_for_the_action():
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = {re.split(r"[<>=!~ \[;]", d, maxsplit=1)[0].lower().replace("_", "-")
             for d in deps["dependencies"]}
    pins = {line.split("==")[0].strip().lower().replace("_", "-")
            for line in (ROOT / "ci" / "constraints.txt").read_text("utf-8").splitlines()
            if "==" in line and not line.startswith("#")}
    assert names <= pins, f"pin in ci/constraints.txt: {sorted(names - pins)}"


def test_action_gate_script_runs_and_fails_on_findings(copy_repo: Path, shell_env):
    script = _step("vplint check")["run"]
    env = _lint_env(shell_env)
    done = bash(script, copy_repo, env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("vplint: 1 file(s), 1 proposition(s)")
    write(copy_repo / "copy" / "bad.yaml", HYPE)
    done = bash(script, copy_repo, env)
    assert done.returncode == 1
    assert done.stdout.startswith("::error file=copy/bad.yaml,line=2,col=12,")
    done = bash(script, copy_repo, {**env, "VPLINT_PATHS": "copy/good.yaml",
                                    "VPLINT_FAIL_UNDER": "101"})
    assert done.returncode == 1 and "below fail-under 101" in done.stdout


def test_action_paths_are_one_per_line_and_may_hold_spaces(copy_repo: Path, shell_env):
    write(copy_repo / "web copy" / "home page.yaml", HYPE)
    done = bash(_step("vplint check")["run"], copy_repo,
                _lint_env(shell_env, VPLINT_PATHS="  copy/good.yaml\n\nweb copy/home page.yaml\n"))
    assert done.returncode == 1, done.stderr
    assert "::error file=web copy/home page.yaml" in done.stdout


def test_action_inputs_cannot_inject_commands(copy_repo: Path, shell_env):
    script = _step("vplint check")["run"]
    env = _lint_env(shell_env, VPLINT_PATHS="copy; touch pwned", VPLINT_ARGS="$(touch pwned2)")
    done = bash(script, copy_repo, env)
    assert done.returncode == 2 and "path does not exist" in done.stderr
    assert not (copy_repo / "pwned").exists() and not (copy_repo / "pwned2").exists()


def test_action_lints_once_for_annotations_and_sarif(copy_repo: Path, shell_env):
    write(copy_repo / "copy" / "bad.yaml", HYPE)
    output = copy_repo.parent / "github-output"
    env = _lint_env(shell_env, VPLINT_SARIF="true", GITHUB_OUTPUT=str(output))
    done = bash(_step("vplint check")["run"], copy_repo, env)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=copy/bad.yaml")  # annotations ...
    assert output.read_text() == "sarif=vplint.sarif\n"
    log = json.loads((copy_repo / "vplint.sarif").read_text("utf-8"))  # ... and SARIF
    assert log["runs"][0]["results"][0]["ruleId"] == "TST901"
    assert "hashFiles('vplint.sarif')" in _step("Upload SARIF to code scanning")["if"]


def test_action_config_input_replaces_the_repositorys_configuration(copy_repo: Path,
                                                                     shell_env):
    write(copy_repo / "copy" / "bad.yaml", HYPE)
    base_config = (copy_repo / ".vplint.yaml").read_text("utf-8")
    trusted = write(copy_repo / ".vplint-trusted.yaml", base_config)  # the base branch's
    write(copy_repo / ".vplint.yaml", base_config + "ignore: [TST901]\n")  # the PR's
    env = _lint_env(shell_env)
    assert bash(_step("vplint check")["run"], copy_repo, env).returncode == 0
    done = bash(_step("vplint check")["run"], copy_repo, {**env, "VPLINT_CONFIG": str(trusted)})
    assert done.returncode == 1 and "TST901" in done.stdout


# ---- GitHub workflow without the action --------------------------------------------------------

def test_plain_github_workflow_commands_run_on_a_pull_request_clone(tmp_path: Path, copy_repo,
                                                                    shell_env):
    workflow = next(b for b in yaml_blocks() if "jobs" in b
                    and not any("OWNER/vplint@" in str(s.get("uses", ""))
                                for s in b["jobs"]["vplint"]["steps"]))
    runs = [s for s in workflow["jobs"]["vplint"]["steps"] if "run" in s]
    assert "pip install" in runs[0]["run"]
    clone = tmp_path / "pr"
    subprocess.run(["git", "clone", "-q", str(copy_repo), str(clone)], check=True)
    git(clone, "checkout", "-q", "-b", "pr")
    (clone / "copy" / "good.yaml").write_text(GOOD.replace("in 2 days", "fast"), "utf-8")
    summary = tmp_path / "summary.md"
    env = {**shell_env, "GITHUB_BASE_REF": "main", "GITHUB_STEP_SUMMARY": str(summary)}
    results = [bash(step["run"], clone, env) for step in runs[1:]]
    assert results[0].returncode == 0, results[0].stderr  # warnings only: the gate passes
    assert "::warning file=copy/good.yaml" in results[0].stdout
    assert "::notice file=copy/good.yaml,title=vplint score change::" in results[0].stdout
    assert all(r.returncode == 0 for r in results[1:])
    assert summary.read_text("utf-8").startswith("## vplint report")
    assert "| Change |" in summary.read_text("utf-8")


# ---- GitLab CI ---------------------------------------------------------------------------------

def test_gitlab_job_commands_run_and_produce_the_declared_reports(copy_repo: Path, shell_env):
    job = next(b for b in yaml_blocks() if "vplint" in b and "script" in b["vplint"])["vplint"]
    commands = job["script"]
    assert commands[0].startswith("pip install")
    write(copy_repo / "copy" / "bad.yaml", HYPE)
    codes = [bash(command, copy_repo, shell_env).returncode for command in commands[1:]]
    assert codes == [0, 0, 0, 1]  # reports never fail the job; the gate does
    reports = job["artifacts"]["reports"]
    quality = json.loads((copy_repo / reports["codequality"]).read_text("utf-8"))
    assert [i["check_name"] for i in quality] == ["TST901 no-hype"]
    suite = ET.parse(copy_repo / reports["junit"]).getroot()
    assert suite.tag == "testsuites" and suite.get("failures") == "1"
    for path in job["artifacts"]["paths"]:
        assert (copy_repo / path).read_text("utf-8").startswith("<!DOCTYPE html>")


# ---- pre-commit --------------------------------------------------------------------------------

def test_precommit_snippet_and_manifest_validate(tmp_path: Path):
    config = next(body for lang, body in BLOCKS if lang == "yaml" and "repos:" in body)
    hooks = yaml.safe_load(config)["repos"][0]["hooks"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {h["id"] for h in hooks} <= {h["id"] for h in manifest}
    path = write(tmp_path / ".pre-commit-config.yaml", config)
    for args in (["validate-config", str(path)],
                 ["validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")]):
        done = subprocess.run([sys.executable, "-m", "pre_commit", *args], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
