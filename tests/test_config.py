"""Configuration discovery, precedence and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from vplint.config import find_config, load_config
from vplint.errors import ConfigError


def test_vplint_yaml_found_walking_up(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("ignore: [TIM001]\nfail-under: 70\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(cwd=deep)
    assert config.ignore == ["TIM001"] and config.fail_under == 70
    assert Path(config.root) == tmp_path


def test_pyproject_tool_vplint(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n\n[tool.vplint]\nselect = ['OUT', 'TIM']\n"
        "per-file-ignores = { 'drafts/*' = ['TIM001'] }\n")
    config = load_config(cwd=tmp_path)
    assert config.select == ["OUT", "TIM"]
    assert config.per_file_ignores == {"drafts/*": ["TIM001"]}


def test_pyproject_without_table_is_not_a_config(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path


def test_cli_values_beat_the_file(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("fail-under: 70\n")
    config = load_config(cwd=tmp_path).with_overrides(fail_under=90, select=None)
    assert config.fail_under == 90 and config.select == ["ALL"]


def test_unknown_key_names_file_line_and_suggestion(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("select: [TIM]\nfail_undr: 3\n")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert str(info.value).endswith(".vplint.yaml:2: unknown key 'fail_undr' "
                                    "(did you mean 'fail_under'?)")


def test_wrong_type_is_an_error_with_line(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("ignore: TIM001\n")
    with pytest.raises(ConfigError, match=r":1: 'ignore' must be a list, not text"):
        load_config(cwd=tmp_path)


def test_bad_severity_value(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("severity: {TIM001: fatal}\n")
    with pytest.raises(ConfigError, match="error, warning or info"):
        load_config(cwd=tmp_path)


def test_toml_key_line_is_reported(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.vplint]\nselect = ['TIM']\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:3: unknown key 'bogus'"):
        load_config(cwd=tmp_path)


def test_explicit_missing_config_file(tmp_path: Path):
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(str(tmp_path / "nope.yaml"))


def test_rules_dirs_resolved_relative_to_the_config_file(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("rules_dirs: [house-rules]\n")
    config = load_config(cwd=tmp_path)
    assert config.rules_dirs == [str((tmp_path / "house-rules").resolve())]
