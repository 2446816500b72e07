"""Lexicon data: regressions for terms that matched more than they should."""

from __future__ import annotations

from vplint.rules import Registry

REGISTRY = Registry.default(plugins=False)


def test_spec_units_need_a_boundary_after_them():
    specs = REGISTRY.lexicon("specs")
    assert not specs.find("close shrinks from 10 working days to 5")
    assert [m.text for m in specs.find("a 65W charger and 5000mAh battery")] == ["65W", "5000mAh"]
    assert [m.text for m in specs.find("6400万像素主摄")] == ["6400万像素"]


def test_every_lexicon_compiles_and_has_terms():
    for name, lexicon in REGISTRY.lexicons.items():
        assert lexicon.terms.get("en") or lexicon.terms.get("zh"), name
        assert lexicon.pattern() is not None, name
