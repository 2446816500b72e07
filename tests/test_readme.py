"""The README's YAML examples are real: propositions load without structural findings,
and the configuration example is a valid configuration."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, codes, lint
from vplint.config import load_config

BLOCKS = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S)


def test_readme_propositions_have_no_structural_findings():
    propositions = [b for b in BLOCKS if b.startswith("name:")]
    assert len(propositions) == 2
    for block in propositions:
        assert not [c for c in codes(lint(block)) if c.startswith("VP")], block


def test_readme_configuration_example_loads(tmp_path: Path):
    [config] = [b for b in BLOCKS if b.startswith("select:")]
    (tmp_path / ".vplint.yaml").write_text(config, encoding="utf-8")
    loaded = load_config(cwd=tmp_path)
    assert loaded.fail_under == 70 and loaded.ignore == ["LAW015"]
    assert yaml.safe_load(config)["rule_options"]["CLR001"] == {"max": {"en": 12, "zh": 24}}
