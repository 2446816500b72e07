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


def test_unsourced_proof_message_quotes_its_text_and_never_says_none():
    from tests.conftest import lint

    def message(source: str) -> str:
        return next(f.message for r in lint(source) for f in r.findings if f.code == "PRF003")

    assert message("name: 账本\nproof:\n  - kind: case\n    text:\n") == \
        "第1条证明没有出处：写明是谁统计或谁说的。"
    assert message("name: Ledger\nproof:\n  - kind: data\n    text: Close in 5 days\n") == \
        'Proof item 1 ("Close in 5 days") has no source: say who measured or said it.'
