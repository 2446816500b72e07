"""Every rule runs in (near-)linear time on adversarial copy, up to about 1 MB.

Each rule is timed on a 128 KB and an 8x larger (~1 MB) Markdown page of the same shape
(one long line, many sentences, many figures, many claims, many time words, Chinese
without punctuation, many Chinese paragraphs and links, long numbers). A linear rule takes
about 8x as long on the larger page, an O(n log n) one about 9x, a quadratic one 64x.

What keeps the test robust on a loaded machine:
* it counts this process's CPU time, not the wall clock, with the garbage collector off
  (a full collection of the test session's heap is not the rule's);
* the bound is generous: 8x times a noise factor of 3, plus a floor for tiny timings;
* the small page is timed twice and the faster run kept; a rule over the bound on the
  large page is timed again on a fresh large page and only fails if it is over twice;
* every page is new text (a run number in its first sentence), so no cache of an earlier
  page makes a later run look cheap;
* the rules share one analysis per page, as in a real run: an analysis is charged to the
  first rule that asks for it, the same rule at both sizes; loading the page and the
  document facts are timed as well;
* rules run with the largest time budget, so none is stopped early and looks linear.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable

import pytest

from vplint.config import MAX_RULE_TIMEOUT, Config
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
    # the benchmark's 1 MB one-line page: both languages, figures, claims and time words
    "mixed": ("Save 30% in 2 days with the best AI platform, fast and quickly; "
              "最好的平台三天内交付，提升百分之三十效率。 "),
    # many Markdown blocks and links in a multi-byte script: the parser's byte offsets
    "cjk-paragraphs": "最好的平台三天内交付，提升百分之三十效率。\n\n",
    "cjk-links": "- [最好的平台](https://example.com/a) 三天内交付\n",
    # one long number: regex terms beginning with \d+ must not retry inside the run
    "digits": "1234567890",
    "digits-zh": "１２３4567890",
    "numerals-zh": "一二三四五六七八九十",
}
SMALL = 128_000
SCALE = 8
NOISE = 3.0
FLOOR = 0.1  # seconds: below this a timing is mostly noise
LOAD, FACTS = "(load)", "(facts)"

_runs = itertools.count()


def _page(unit: str, size: int) -> str:
    """A Markdown page of `size` characters of `unit`, new text at every call."""
    return f"# Headline\n\nRun {next(_runs)}. " + unit * (size // len(unit)) + "\n"


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _rule_times(linter: Linter, registry: Registry, source: str) -> dict[str, float]:
    """CPU seconds to load the page, to set up its facts, and per rule."""
    out: dict[str, float] = {}
    gc.collect()
    gc.disable()
    try:
        docs: list = []
        out[LOAD] = _cpu(lambda: docs.extend(load_text(source, "page.md", "markdown")))
        doc = docs[0]
        made: list[Facts] = []
        out[FACTS] = _cpu(lambda: made.append(Facts(doc, registry)))
        facts = made[0]
        doc.language = facts.language
        with linter.budget.for_file():
            for rule in registry.sorted():
                start = time.process_time()
                linter._run(rule, doc, facts)
                out[rule.code] = time.process_time() - start
    finally:
        gc.enable()
    return out


def _over(small: dict[str, float], large: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {code: (round(small[code], 3), round(t, 3)) for code, t in large.items()
            if t > SCALE * NOISE * small[code] + FLOOR}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_rule_is_linear_on_adversarial_copy(shape: str) -> None:
    registry = Registry.default(plugins=False)
    linter = Linter(Config(rule_timeout=MAX_RULE_TIMEOUT), registry)
    unit = SHAPES[shape]
    _rule_times(linter, registry, _page(unit, 4_000))  # compile patterns, warm caches
    first = _rule_times(linter, registry, _page(unit, SMALL))
    again = _rule_times(linter, registry, _page(unit, SMALL))
    small = {code: min(t, again[code]) for code, t in first.items()}
    large = _rule_times(linter, registry, _page(unit, SMALL * SCALE))
    assert len(large) > 50  # every rule of the catalogue was timed
    if _over(small, large):  # a second look before calling it super-linear
        retry = _rule_times(linter, registry, _page(unit, SMALL * SCALE))
        large = {code: min(t, retry[code]) for code, t in large.items()}
    slow = _over(small, large)
    assert not slow, f"super-linear on {shape} (128 KB s, 1 MB s): {slow}"


def test_the_bound_tells_quadratic_from_linear() -> None:
    """The test's own yardstick: linear growth passes, quadratic growth fails."""
    small = {"linear": 0.05, "quadratic": 0.05}
    large = {"linear": 0.05 * SCALE * 1.5, "quadratic": 0.05 * SCALE * SCALE}
    assert set(_over(small, large)) == {"quadratic"}
