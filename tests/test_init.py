"""`vplint init`: the starter proposition, overwrite protection, and how the starter lints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from cli_runner import run_cli
from click.testing import CliRunner

from vplint.cli import app
from vplint.config import Config
from vplint.engine import Linter
from vplint.initfile import KINDS, LANGUAGES, starter_text, write_starter
from vplint.rules import Registry
from vplint.schema import field_rows
from vplint.text.lang import cjk_count

STARTERS = [(kind, lang) for kind in KINDS for lang in LANGUAGES]
IDS = [f"{kind}-{lang}" for kind, lang in STARTERS]
runner = CliRunner()


def keys_in(text: str) -> set[str]:
    """Every field path the YAML text holds ("proof[].kind" style for list items)."""
    found: set[str] = set()

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                child_path = f"{path}.{key}" if path else str(key)
                found.add(child_path)
                walk(child, child_path)
        elif isinstance(value, list):
            for item in value:
                walk(item, f"{path}[]")

    walk(yaml.safe_load(text), "")
    return found


def holds_nothing(value: object) -> bool:
    """True for None, blank text, and lists or mappings of nothing."""
    if isinstance(value, dict):
        return all(holds_nothing(v) for v in value.values())
    if isinstance(value, list):
        return all(holds_nothing(v) for v in value)
    return value is None or (isinstance(value, str) and not value.strip())


@pytest.mark.parametrize(("kind", "lang"), STARTERS, ids=IDS)
def test_starter_holds_every_field_of_the_format(kind: str, lang: str) -> None:
    text = starter_text(lang, kind)
    every = {path for path, _, _ in field_rows()}
    assert every <= keys_in(text)
    assert yaml.safe_load(text)["language"] == lang


@pytest.mark.parametrize(("kind", "lang"), STARTERS, ids=IDS)
def test_every_field_is_documented_by_a_comment_in_the_chosen_language(kind: str,
                                                                       lang: str) -> None:
    lines = starter_text(lang, kind).splitlines()
    comments = [line for line in lines if line.lstrip().startswith("#")]
    for number, line in enumerate(lines):
        if re.match(r"^\s*(- )?\w+:", line):
            above = lines[number - 1].strip()
            assert above.startswith("#"), f"line {number + 1} ({line.strip()}) has no comment"
    chinese = sum(1 for c in comments if cjk_count(c))
    if lang == "zh":
        assert chinese >= len(comments) - 3  # command lines such as "#   vplint check"
    else:
        assert chinese == 0


@pytest.mark.parametrize(("kind", "lang"), STARTERS, ids=IDS)
def test_starter_lints_with_only_findings_that_ask_to_fill_it_in(kind: str, lang: str) -> None:
    """The whole catalogue runs on the starter; every finding is about an empty field."""
    registry = Registry.default(plugins=False)
    text = starter_text(lang, kind)
    result = Linter(Config(), registry).lint_text(text, "proposition.yaml")[0]
    codes = [f.code for f in result.findings]
    assert {"OUT001", "TIM001", "OBJ001", "DIF001", "PRF001"} <= set(codes)
    data = yaml.safe_load(text)
    for finding in result.findings:
        rule = registry.rules[finding.code]
        assert not finding.code.startswith("VP"), finding.message
        # "Fill it in": the finding points at a field that is still empty, or it is a
        # rule that asks for one of several fields to be filled (a `required` rule).
        assert finding.field or rule.extends == "required", (
            f"{finding.code} points at no field: {finding.message}")
        if finding.field:
            value: object = data
            for part in re.sub(r"\[\d+\]", "", finding.field).split("."):
                value = value.get(part) if isinstance(value, dict) else None
            assert holds_nothing(value), f"{finding.code} is about {finding.field}: {value!r}"
        if lang == "zh":
            assert cjk_count(finding.message), finding.message


def test_init_writes_the_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0
    assert result.stdout == ("Wrote proposition.yaml: a starter consumer proposition in "
                             "English. Fill it in, then run `vplint check proposition.yaml` "
                             "and `vplint pitch proposition.yaml`.\n")
    assert Path("proposition.yaml").read_text("utf-8") == starter_text("en", "consumer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proposition.yaml"]


def test_init_writes_a_chinese_b2b_starter_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "erp.yaml"
    result = runner.invoke(app, ["init", str(target), "--lang", "zh", "--kind", "b2b"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"已写入 {target}：中文B2B价值主张模板。")
    text = target.read_text("utf-8")
    assert text == starter_text("zh", "b2b") and "财务总监" in text


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "proposition.yaml"
    target.write_text("name: mine\n", encoding="utf-8")
    code, out, err = run_cli("init", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "vplint: error: proposition.yaml already exists; use --force to overwrite it\n"
    assert target.read_text("utf-8") == "name: mine\n"
    code, out, _ = run_cli("init", "--force", cwd=tmp_path)
    assert code == 0 and out.startswith("Wrote proposition.yaml")
    assert target.read_text("utf-8") == starter_text("en", "consumer")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proposition.yaml"]


@pytest.mark.parametrize(("args", "message"), [
    (["--kind", "b2c"], "--kind must be consumer or b2b, not 'b2c' (did you mean 'b2b'?)"),
    (["--lang", "fr"], "--lang must be en or zh, not 'fr'"),
    (["missing/dir/p.yaml"], "cannot write missing/dir/p.yaml: directory missing/dir does not "
                             "exist"),
    (["."], ". is a directory; give a file name such as proposition.yaml"),
])
def test_init_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str],
                                                message: str) -> None:
    code, out, err = run_cli("init", *args, cwd=tmp_path)
    assert (code, out, err) == (2, "", f"vplint: error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_starter_is_a_valid_proposition_the_pitch_command_can_start_from(
        tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    write_starter(str(target), "en", "consumer")
    code, out, _ = run_cli("pitch", str(target), "--template", "maxwell")
    assert code == 1
    assert "maxwell needs `outcome`" in out
    code, out, _ = run_cli("check", str(target), "--select", "VP", "--no-color")
    assert code == 0, out
