"""Every rule documents should-fail and should-pass examples in English and Chinese, and
they behave as documented (proselint's examples test, pylint's functional tests)."""

from __future__ import annotations

import pytest

from tests.conftest import codes
from vplint.config import Config
from vplint.engine import Linter
from vplint.rules import Registry

ENGINE_REPORTED = {
    "VP900": "tests/test_engine.py::test_crashing_rule_is_vp900",
    "VP005": "tests/test_bad_input.py::test_legacy_chinese_encodings_are_decoded_and_named",
}
"""Rules whose finding only the engine can trigger; each names the test that covers it."""

_REGISTRY = Registry.default(plugins=False)
_LINTER = Linter(Config(), _REGISTRY)


def _cases():
    for rule in _REGISTRY.sorted():
        if rule.code in ENGINE_REPORTED:
            continue
        for outcome in ("fail", "pass"):
            for lang in ("en", "zh"):
                for i, example in enumerate(rule.examples.get(outcome, {}).get(lang, [])):
                    yield pytest.param(rule.code, outcome, lang, example,
                                       id=f"{rule.code}-{outcome}-{lang}-{i}")


@pytest.mark.parametrize("code", sorted(_REGISTRY.rules))
def test_every_rule_has_examples_in_both_languages(code: str) -> None:
    rule = _REGISTRY.rules[code]
    if code in ENGINE_REPORTED:
        assert rule.message.get("en") and rule.message.get("zh")
        return
    for outcome in ("fail", "pass"):
        for lang in ("en", "zh"):
            assert rule.examples.get(outcome, {}).get(lang), \
                f"{code} has no should-{outcome} example in {lang}"


@pytest.mark.parametrize("code", sorted(_REGISTRY.rules))
def test_every_rule_has_bilingual_messages_and_docs(code: str) -> None:
    rule = _REGISTRY.rules[code]
    assert rule.message.get("en") and rule.message.get("zh")
    for lang in ("en", "zh"):
        docs = rule.docs.get(lang) or {}
        for section in ("what", "why", "example", "use_instead"):
            assert docs.get(section), f"{code} docs lack {lang}.{section}"
    assert rule.source, f"{code} names no source"
    for lang in ("en", "zh"):
        for section in ("what", "why"):
            text = str(rule.docs[lang][section]).rstrip()
            # A " #" in an unquoted YAML value starts a comment and silently cuts the text.
            assert text[-1] in ".。)）!！?？”\"'`", f"{code} {lang}.{section} looks cut: {text!r}"


@pytest.mark.parametrize("code,outcome,lang,example", list(_cases()))
def test_example(code: str, outcome: str, lang: str, example: object) -> None:
    linter = _LINTER
    if isinstance(example, dict):
        # A Markdown example may name its path (the page kind follows from it) and the
        # language messages are forced into (a Japanese page's note in Chinese).
        text, kind = example["markdown"], "markdown"
        path = example.get("path", "index.md")  # a site's home: a landing page
        if example.get("message_language"):
            linter = Linter(Config(), _REGISTRY, forced_language=example["message_language"])
    else:
        text, kind, path = str(example), "yaml", "example.yaml"
    results = linter.lint_text(text, path, kind)
    found = codes(results)
    if outcome == "fail":
        assert code in found, f"{code} should fire on:\n{text}\nfound {found}"
        finding = next(f for r in results for f in r.findings if f.code == code)
        if lang == "zh":
            assert any("\u4e00" <= ch <= "\u9fff" for ch in finding.message), \
                f"{code} should speak Chinese to a Chinese proposition: {finding.message}"
    else:
        assert code not in found, f"{code} should not fire on:\n{text}\nfound {found}"
