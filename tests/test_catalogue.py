"""The generated catalogue (vplint/builtin_catalogue.py) is the rules/ folder as data: fresh,
loaded into exactly the registry the YAML files give, and never used once it is stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import load_script
from vplint import rules
from vplint.rules import Registry, builtin_rules_dir, catalogue_files

ROOT = Path(__file__).resolve().parent.parent
gen_catalogue = load_script("gen_catalogue", ROOT / "scripts" / "gen_catalogue.py")


def test_generated_catalogue_is_fresh():
    assert gen_catalogue.TARGET.read_text("utf-8") == gen_catalogue.source(), (
        "rules/ changed: regenerate with `python scripts/gen_catalogue.py`")


def test_stored_catalogue_gives_the_registry_the_yaml_files_give(monkeypatch):
    stored = Registry()
    stored.load_dir(builtin_rules_dir(), scope="builtin")
    monkeypatch.setattr(rules, "_stored_catalogue", lambda files: None)
    parsed = Registry()
    parsed.load_dir(builtin_rules_dir(), scope="builtin")
    assert len(stored.rules) > 50 and len(stored.lexicons) > 10
    assert stored.rules == parsed.rules
    assert stored.lexicons == parsed.lexicons


def test_stored_catalogue_is_used_only_for_the_files_it_was_made_from(tmp_path: Path):
    copy = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), copy)
    assert rules._stored_catalogue(catalogue_files(copy)) is not None
    first = catalogue_files(copy)[0][1]
    first.write_bytes(first.read_bytes() + b"\n# edited\n")
    assert rules._stored_catalogue(catalogue_files(copy)) is None
    first.rename(first.with_name("renamed.yaml"))
    assert rules._stored_catalogue(catalogue_files(copy)) is None


def test_each_call_gives_new_objects():
    from vplint import builtin_catalogue

    one, two = builtin_catalogue.files(), builtin_catalogue.files()
    assert one == two
    key = next(iter(one))
    assert one[key] is not two[key]


@pytest.mark.parametrize("mutate", ["edit", "add"])
def test_an_edited_rule_folder_is_read_as_yaml(tmp_path: Path, mutate: str):
    copy = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), copy)
    rule = next(p for _, p in catalogue_files(copy) if "lexicons" not in p.parts)
    text = rule.read_text("utf-8")
    if mutate == "edit":
        rule.write_text(text.replace("\nname: ", "\nname: edited-", 1), encoding="utf-8")
    else:
        rule.with_name("XYZ001.yaml").write_text(
            text.replace(f"code: {rule.stem}", "code: XYZ001", 1), encoding="utf-8")
    registry = Registry()
    registry.load_dir(copy, scope="builtin")
    if mutate == "edit":
        assert registry.rules[rule.stem].name.startswith("edited-")
    else:
        assert "XYZ001" in registry.rules


def test_stored_prefixes_are_what_the_regex_reader_says():
    from vplint import builtin_catalogue
    from vplint.text.terms import read_regex_prefixes

    stored = builtin_catalogue.prefixes()
    lexicons = [data for name, data in builtin_catalogue.files().items()
                if name.startswith("lexicons/")]
    regexes = {t[3:] for data in lexicons for lang in ("en", "zh")
               for t in data.get(lang) or () if t.startswith("re:")}
    assert set(stored) == regexes and len(regexes) > 100
    assert all(stored[r] == read_regex_prefixes(r) for r in regexes)
