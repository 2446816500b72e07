"""Configuration and rule-file problems: one line naming the file and the line, exit 2.

A configuration can arrive in a contributor's pull request, so hostile YAML in it (deep
nesting, alias bombs, Python tags) must be as harmless as in a proposition.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run_cli

from vplint.config import KEYS, load_config
from vplint.document import MAX_DEPTH
from vplint.errors import ConfigError

GOOD = "name: Pizza\noutcome: Hot pizza at your door\n"


def check_fails(tmp_path: Path, config: str, *args: str, name: str = ".vplint.yaml") -> str:
    """Run `vplint check` with this configuration; return its one error line."""
    (tmp_path / name).write_text(config, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    code, out, err = run_cli("check", "a.yaml", "--no-cache", *args, cwd=tmp_path)
    assert code == 2, (out, err)
    assert out == ""
    assert err.startswith("vplint: error: ") and err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    return err.strip()


# ---- keys and types -------------------------------------------------------------------------

def test_unknown_key_with_did_you_mean(tmp_path: Path):
    err = check_fails(tmp_path, "select: [OUT]\nfail-undr: 70\n")
    assert err.endswith(".vplint.yaml:2: unknown key 'fail-undr' (did you mean 'fail_under'?)")


def test_unknown_key_in_pyproject(tmp_path: Path):
    err = check_fails(tmp_path, "[project]\nname = 'x'\n\n[tool.vplint]\nselct = ['OUT']\n",
                      name="pyproject.toml")
    assert err.endswith("pyproject.toml:5: unknown key 'selct' (did you mean 'select'?)")


_WRONG = {
    "select": "TIM001", "extend_select": "{a: b}", "ignore": "3", "per_file_ignores": "[a]",
    "severity": "error", "weights": "[1]", "fail_under": "high", "language": "[en]",
    "rules_dirs": "rules", "exclude": "drafts/", "lexicons": "[hype]", "rule_options": "7",
    "templates_dirs": "templates", "max_file_size": "big", "rule_timeout": "soon",
    "include": "'*.md'", "extend_include": "7", "respect_gitignore": "'no'",
    "page_kinds": "[docs]", "brands": "Acme",
}


@pytest.mark.parametrize("key", KEYS)
def test_wrong_type_of_every_key_names_its_line(tmp_path: Path, key: str):
    assert key in _WRONG, f"add a wrong value for the new key {key}"
    err = check_fails(tmp_path, f"# settings\n{key.replace('_', '-')}: {_WRONG[key]}\n")
    assert f".vplint.yaml:2: '{key.replace('_', '-')}' must be a" in err


@pytest.mark.parametrize(("config", "line", "message"), [
    ("severity:\n  TIM001: fatal\n", 2, "severity of TIM001 must be error, warning or info"),
    ("weights:\n  OUT001: 2\n  TIM001: heavy\n", 3, "weight of TIM001 must be a number"),
    ("weights: {TIM001: -1}\n", 1, "weight of TIM001 must be a number of 0 or more"),
    ("rule-options:\n  TIM001: 30\n", 2, "rule-options of TIM001 must be a mapping"),
    ("per-file-ignores:\n  'drafts/*': TIM001\n", 2, "per-file-ignores of 'drafts/*' must"),
    ("lexicons:\n  hype: [wow]\n", 2, "lexicon 'hype' must map en and zh to lists of terms"),
    ("select:\n  - OUT\n  - [TIM]\n", 3, "'select' must list text, not list"),
    ("language: fr\n", 1, "'language' must be en, zh or auto"),
    ("fail-under: 150\n", 1, "'fail-under' must be between 0 and 100"),
    ("max-file-size: 0\n", 1, "'max-file-size' must be a number of bytes from 1 to"),
    ("page-kinds:\n  'blog/*': blogpost\n", 2, "page-kinds of 'blog/*' must be one of"),
    ("brands:\n  - Acme\n  - [x]\n", 3, "'brands' must list names (text)"),
])
def test_wrong_values_inside_settings_name_their_line(tmp_path: Path, config: str, line: int,
                                                      message: str):
    err = check_fails(tmp_path, config)
    assert f".vplint.yaml:{line}: {message}" in err


# ---- rule codes -----------------------------------------------------------------------------

@pytest.mark.parametrize(("config", "line", "code"), [
    ("select:\n  - OUT\n  - TIM01\n", 3, "TIM01"),
    ("extend-select: [TIMM]\n", 1, "TIMM"),
    ("ignore:\n  - tim01\n", 2, "TIM01"),
    ("per-file-ignores:\n  'drafts/*':\n    - TIM01\n", 3, "TIM01"),
    ("severity:\n  OUT001: error\n  TIM01: error\n", 3, "TIM01"),
    ("weights:\n  TIM01: 2\n", 2, "TIM01"),
    ("rule-options:\n  TIM01: {max: 3}\n", 2, "TIM01"),
])
def test_unknown_rule_code_names_file_line_and_did_you_mean(tmp_path: Path, config: str,
                                                            line: int, code: str):
    err = check_fails(tmp_path, config)
    assert f".vplint.yaml:{line}: unknown rule code" in err
    assert f"'{code}'" in err or f"'{code.lower()}'" in err
    assert "(did you mean 'TIM" in err


def test_unknown_code_in_pyproject_names_the_setting_line(tmp_path: Path):
    err = check_fails(tmp_path, "[tool.vplint]\nfail-under = 10\nignore = ['TIM01']\n",
                      name="pyproject.toml")
    assert "pyproject.toml:3: unknown rule code or prefix 'TIM01'" in err


def test_unknown_code_on_the_command_line_does_not_blame_the_file(tmp_path: Path):
    err = check_fails(tmp_path, "ignore: [OUT001]\n", "--select", "TIM01")
    assert err == ("vplint: error: unknown rule code or prefix 'TIM01' "
                   "(did you mean 'TIM001'?)")
    err = check_fails(tmp_path, "ignore: [OUT001]\n", "--ignore", "OUT01")
    assert ".vplint.yaml" not in err and "'OUT01'" in err


def test_unknown_lexicon(tmp_path: Path):
    err = check_fails(tmp_path, "lexicons:\n  hipe: {en: [wow]}\n")
    assert ".vplint.yaml:2: unknown lexicon 'hipe'" in err


# ---- files the configuration points at -------------------------------------------------------

def test_missing_rules_dirs_entry_names_file_and_line(tmp_path: Path):
    (tmp_path / "house").mkdir()
    err = check_fails(tmp_path, "rules_dirs:\n  - house\n  - house-rules\n")
    assert ".vplint.yaml:3: rules_dirs entry" in err and "house-rules' is not a folder" in err


def test_explicit_config_that_does_not_exist(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(GOOD)
    code, _, err = run_cli("check", "a.yaml", "--config", "nope.yaml", cwd=tmp_path)
    assert code == 2 and err == "vplint: error: nope.yaml: configuration file not found\n"


@pytest.mark.parametrize(("rule", "line", "message"), [
    ("code: BAD001\nname: x\nseverity: warning\nmessage: {en: m\n", 5, "cannot parse"),
    ("code: BAD001\nname: x\nseverity: loud\nmessage: m\nextends: existence\n", None,
     "severity 'loud' must be error, warning or info"),
    ("code: BAD001\nname: x\nseverity: warning\nmessage: m\nextend: existence\n", None,
     "unknown key 'extend' (did you mean 'extends'?)"),
    ("code: bad1\nname: x\nseverity: warning\nmessage: m\nextends: existence\n", None,
     "must be 2-4 capital letters and 3 digits"),
    ("- just\n- a list\n", 1, "a rule file must be a mapping"),
])
def test_malformed_rule_file_is_one_line_naming_it(tmp_path: Path, rule: str,
                                                   line: int | None, message: str):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "BAD001.yaml").write_text(rule)
    err = check_fails(tmp_path, "rules_dirs: [rules]\n")
    where = f"BAD001.yaml:{line}: " if line else "BAD001.yaml: "
    assert where in err and message in err


# ---- the configuration file itself -----------------------------------------------------------

@pytest.mark.parametrize(("config", "line", "message"), [
    ("select: [OUT\nignore: []\n", 2, "invalid YAML"),
    ("- select\n- ignore\n", 1, "the configuration must be a mapping of settings, not a "
                                "sequence"),
    ("select: [OUT]\nselect: [TIM]\n", 2, "duplicate key 'select'"),
    ("select: [OUT]\n---\nignore: [TIM]\n", 3, "the configuration must be one YAML document"),
    ("\tselect: [OUT]\n", 1, "invalid YAML"),
])
def test_broken_configuration_file(tmp_path: Path, config: str, line: int, message: str):
    err = check_fails(tmp_path, config)
    assert f".vplint.yaml:{line}: {message}" in err


def test_empty_configuration_means_the_defaults(tmp_path: Path):
    for text in ("", "# nothing configured yet\n"):
        (tmp_path / ".vplint.yaml").write_text(text)
        assert load_config(cwd=tmp_path).select == ["ALL"]


def test_invalid_toml_names_the_line(tmp_path: Path):
    err = check_fails(tmp_path, "[tool.vplint]\nselect = ['OUT'] x\nignore = []\n",
                      name="pyproject.toml")
    assert "pyproject.toml:2: invalid TOML" in err and "(at line" not in err
    err = check_fails(tmp_path, "[tool.vplint]\nselect = ['OUT'\n", name="pyproject.toml")
    assert "pyproject.toml:2: invalid TOML" in err  # the parser's own words may change


def test_configuration_that_is_not_utf8(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_bytes(b"select: [OUT]\n# caf\xe9\n")
    (tmp_path / "a.yaml").write_text(GOOD)
    code, out, err = run_cli("check", "a.yaml", cwd=tmp_path)
    assert code == 2 and len(err.splitlines()) == 1 and ".vplint.yaml" in err


def test_hostile_configuration_is_bounded(tmp_path: Path):
    err = check_fails(tmp_path, "select: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert f".vplint.yaml:1: the document is nested more than {MAX_DEPTH} levels deep" in err
    bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    err = check_fails(tmp_path, "\n".join(bomb) + "\n")
    assert "values once its aliases are expanded" in err


@pytest.mark.parametrize("rule", [
    "code: BAD001\nname: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "code: BAD001\nx:\n" + "".join(" " * i + "a:\n" for i in range(1, 2_000)),
])
def test_hostile_rule_file_is_bounded(tmp_path: Path, rule: str):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "BAD001.yaml").write_text(rule)
    err = check_fails(tmp_path, "rules_dirs: [rules]\n")
    assert "BAD001.yaml:" in err and f"nested more than {MAX_DEPTH} levels deep" in err


def test_python_tags_in_configuration_construct_nothing(tmp_path: Path):
    marker = tmp_path / "constructed"
    err = check_fails(tmp_path, "ignore: !!python/object/apply:os.system "
                                f"['touch {marker}']\n")
    assert not marker.exists()
    assert ".vplint.yaml:1: unknown rule code" in err or "must be" in err


def test_config_errors_are_config_errors_in_the_api(tmp_path: Path):
    (tmp_path / ".vplint.yaml").write_text("weights: {TIM001: heavy}\n")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path)
    assert info.value.line == 1 and info.value.path.endswith(".vplint.yaml")
