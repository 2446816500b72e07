"""The README and the reference docs' YAML examples are real: propositions load without
structural findings, the configuration example is a valid configuration, and the README
stays a page a newcomer reads in five minutes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, codes, lint
from vplint.config import load_config

README = (ROOT / "README.md").read_text("utf-8")
REFERENCE = (ROOT / "docs" / "reference.md").read_text("utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", README + REFERENCE, re.S)


def test_readme_and_reference_propositions_have_no_structural_findings():
    propositions = [b for b in BLOCKS if b.startswith("name:")]
    assert len(propositions) >= 4
    for block in propositions:
        assert not [c for c in codes(lint(block)) if c.startswith("VP")], block


def test_reference_configuration_example_loads(tmp_path: Path):
    [config] = [b for b in BLOCKS if b.startswith("select:")]
    (tmp_path / ".vplint.yaml").write_text(config, encoding="utf-8")
    loaded = load_config(cwd=tmp_path)
    assert loaded.fail_under == 70 and loaded.ignore == ["LAW015"]
    assert yaml.safe_load(config)["rule_options"]["CLR001"] == {"max": {"en": 12, "zh": 24}}


def test_readme_is_short_and_keeps_the_two_setup_commands():
    assert len(README.splitlines()) <= 200
    assert ("python3 -m venv .venv && . .venv/bin/activate && pip install . && "
            "vplint check examples") in README
    assert "pip install '.[test]' && python -m pytest" in README


def test_readme_tour_findings_are_real(tmp_path: Path):
    first, fixed = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.S)
                    if b.startswith("name:")]
    assert {"OBJ001", "TIM001", "TIM002"} <= set(codes(lint(first)))
    assert not {"OBJ001", "TIM001", "TIM002"} & set(codes(lint(fixed)))


def test_documentation_links_resolve():
    for text, base in ((README, ROOT), (REFERENCE, ROOT / "docs")):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (base / target).exists(), target


def test_readme_tour_summary_lines_are_what_vplint_prints(tmp_path: Path):
    from tests.cli_runner import run_cli

    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if b.startswith("name:")]
    shown = re.findall(r"^1 file, 1 proposition: .*$", README, re.M)
    assert len(blocks) == len(shown) == 2
    for block, line in zip(blocks, shown, strict=True):
        (tmp_path / "proposition.yaml").write_text(block, encoding="utf-8")
        out = run_cli("check", "proposition.yaml", "-f", "concise", "--no-cache",
                      cwd=tmp_path)[1]
        assert out.splitlines()[-1] == line, "update the README tour's output"
