"""Every rule runs in (near-)linear time on adversarial copy.

Each rule is timed on a small and a 16x larger Markdown page of the same shape (one long
line, many sentences, many figures, many claims, many time words, Chinese without
punctuation). A linear rule takes about 16x as long on the larger page; a quadratic one 256x.
The bound is generous (16x times a noise factor of 4, plus a floor for tiny timings) and
counts this process's CPU time, not the wall clock, so a busy machine does not fail it,
while quadratic behaviour still does.
"""

from __future__ import annotations

import gc
import time

import pytest

from vplint.config import Config
from vplint.document import load_text
from vplint.engine import Linter
from vplint.rules import Registry
from vplint.text.facts import Facts

SHAPES = {
    "long-line": "our platform helps teams work better with smarter tools and great support ",
    "sentences": "It ships fast. ",
    "figures": "Save 30% and 2x more in 10 days for $5, ",
    "figure-sentences": "Up 5%. 2x. $5. 9 days. ",
    "claims": "We are the best. Cut costs by 5 hours. Save 30%. Best in class! ",
    "time-words": "fast soon quickly within 3 days today by Friday in 2 weeks ",
    "cjk": "最好的平台快速提升百分之三十效率三天内交付尽快上线一键搞定领先行业",
    # one long number: regex terms beginning with \d+ must not retry inside the run
    "digits": "1234567890",
    "digits-zh": "１２３4567890",
    "numerals-zh": "一二三四五六七八九十",
}
SMALL = 8_000
SCALE = 16
NOISE = 4.0
FLOOR = 0.05  # seconds: below this a timing is mostly noise


def _page(unit: str, size: int) -> str:
    return "# Headline\n\n" + unit * (size // len(unit)) + "\n"


def _rule_times(linter: Linter, registry: Registry, source: str) -> dict[str, float]:
    """CPU seconds per rule, each with fresh facts so shared analyses count where first used."""
    doc = load_text(source, "page.md", "markdown")[0]
    out = {}
    gc.collect()
    gc.disable()  # a full collection of the whole test session's heap is not the rule's
    try:
        for rule in registry.sorted():
            facts = Facts(doc, registry)
            doc.language = facts.language
            start = time.process_time()
            linter._run(rule, doc, facts)
            out[rule.code] = time.process_time() - start
    finally:
        gc.enable()
    return out


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_rule_is_linear_on_adversarial_copy(shape: str) -> None:
    registry = Registry.default(plugins=False)
    linter = Linter(Config(), registry)
    unit = SHAPES[shape]
    _rule_times(linter, registry, _page(unit, 2_000))  # compile patterns, warm caches
    small = _rule_times(linter, registry, _page(unit, SMALL))
    again = _rule_times(linter, registry, _page(unit, SMALL))
    small = {code: min(t, again[code]) for code, t in small.items()}
    large = _rule_times(linter, registry, _page(unit, SMALL * SCALE))
    slow = {code: (round(small[code], 3), round(t, 3)) for code, t in large.items()
            if t > SCALE * NOISE * small[code] + FLOOR}
    assert not slow, f"super-linear on {shape} (small s, large s): {slow}"
