"""No pattern backtracks quadratically on a long run of white space.

A Markdown page's HTML block (a `<style>` sheet, a table of contributors' avatars) reaches
the rules as white space of the same length, so copy can hold a run of tens of thousands
of spaces right after a word. A pattern with two unbounded white-space repetitions kept
apart only by optional items (`\\s*(?:万|亿)?\\s*`) tries every way to split such a run
between them before it fails: quadratic in the run's length at one position. That made
LAW018 time out on a real 70 KB page (a full stop, then a 66 KB HTML block). The same
language is written with the optional item carrying its own trailing space
(`\\s*(?:(?:万|亿)\\s*)?`), which reads a run once.

Timings count this process's CPU time and compare a run with one eight times as long:
linear work grows about 8x, quadratic 64x. The bounds are generous (a noise factor of 3
and a floor for tiny timings), so a busy machine does not fail them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from vplint.config import Config
from vplint.engine import Linter
from vplint.rules import Registry
from vplint.text.terms import lower_pattern, term_pattern

SCALE = 8
NOISE = 3.0
FLOOR = 0.05  # seconds: below this a timing is mostly noise

# Words after which a pattern of the catalogue reads on into white space.
TRIGGERS = ["It makes every contribution visible.", "Trusted by 206", "in just",
            "“好用”", "据统计", "有效率", "通过率高达", "今天", "3天", "瘦了", "支持3",
            "206万", "source", "according to"]


def _html_block(rows: int) -> str:
    """An HTML table of avatars: markup only, so the copy sees white space."""
    row = ('    <td align="center" valign="top" width="14.28%"><a href="https://example.org/u">'
           '<img src="https://example.org/a.png" width="100px;" alt="A. Person"/></a></td>\n')
    return '<table class="contribs">\n  <tbody>\n' + row * rows + "  </tbody>\n</table>\n"


def _page(rows: int) -> str:
    parts = ["# Recognising contributors\n"]
    for trigger in TRIGGERS:
        parts += [f"{trigger}\n", _html_block(rows)]
    return "\n".join(parts) + "\nThank you.\n"


def _cpu(call) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    call()
    return time.process_time() - start


def test_copy_before_an_html_block_lints_in_linear_time() -> None:
    linter = Linter(Config(), Registry.default(plugins=False))
    linter.lint_text(_page(2), "page.md", "markdown")  # compile patterns, warm caches
    small_page, large_page = _page(40), _page(40 * SCALE)
    small = min(_cpu(lambda: linter.lint_text(small_page, "page.md", "markdown"))
                for _ in range(2))
    results: list = []
    large = _cpu(lambda: results.extend(linter.lint_text(large_page, "page.md", "markdown")))
    crashed = [f.message for r in results for f in r.findings if f.code == "VP900"]
    assert not crashed
    assert large <= SCALE * NOISE * small + FLOOR, (small, large)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _catalogue_patterns() -> dict[str, str]:
    """Every regex the built-in catalogue runs: lexicon terms as vplint compiles them, and
    the strings of rule options that compile as regexes (patterns, exceptions, terms)."""
    registry = Registry.default(plugins=False)
    out: dict[str, str] = {}
    for name, lexicon in registry.lexicons.items():
        for term in (t for items in lexicon.terms.values() for t in items):
            out[f"lexicon {name}: {term}"] = term_pattern(term)
            out[f"lexicon {name} (lower-cased): {term}"] = lower_pattern(term)
    for code, rule in registry.rules.items():
        for source in _strings(rule.params):
            try:
                re.compile(source)
            except re.error:
                continue
            out[f"{code}: {source}"] = source
    return out


def _probes(source: str) -> list[tuple[str, range]]:
    """Texts a match of `source` may start and then read on from, with the positions to
    try: its literal pieces, alone and after a digit, tried where they begin, and the
    triggers above, tried at each character."""
    pieces = {p for p in re.split(r"\\.|[()\[\]{}|?*+.^$<>=!:,\\]", source) if p.strip()}
    probes = [(p, range(1)) for p in sorted(pieces | {"1" + p for p in pieces} | {"1", "."})]
    return probes + [(t, range(len(t))) for t in TRIGGERS]


def test_no_catalogue_pattern_backtracks_on_a_run_of_spaces() -> None:
    patterns = _catalogue_patterns()
    assert len(patterns) > 500  # the catalogue was found
    run = 500
    slow = {}
    for label, source in patterns.items():
        compiled = re.compile(source, re.IGNORECASE)
        probes = _probes(source)

        def scan(size: int, compiled: re.Pattern[str] = compiled,
                 probes: list[tuple[str, range]] = probes) -> None:
            for probe, starts in probes:  # a match starting in the probe, as a scan tries
                text = probe + " \n" * (size // 2) + "#"
                for at in starts:
                    compiled.match(text, at)

        small = min(_cpu(lambda: scan(run)) for _ in range(2))
        large = _cpu(lambda: scan(run * SCALE))
        if large > SCALE * NOISE * small + FLOOR:
            slow[label] = (round(small, 4), round(large, 4))
    assert not slow, f"quadratic on a run of spaces (small s, large s): {slow}"


def test_the_rewritten_patterns_still_find_their_claims() -> None:
    """The linear forms read what the old ones did, with spaces between the parts or not."""
    registry = Registry.default(plugins=False)
    proof = registry.lexicons["proof-cues"]
    for text in ("1000万家客户的选择", "已有 1000 万 家客户的选择", "1,000 万客户的信赖"):
        assert [m.text for m in proof.find(text, "zh")], text
    linter = Linter(Config(), registry)
    cases = {
        "CMP007": ["今天 24 点 结束", "今晚零点截止"],
        "CMP002": ["总有效率 高达 98%", "有效率98%", "3 天 内 见效", "3天见效"],
        "CMP006": ["通过率 高达 100%", "通过率100%"],
        "CMP012": ["7天瘦了 20 斤", "7天瘦20斤", "7天瘦 了 20斤", "Lose 10 pounds in just 7 days",
                   "Lose 10 pounds in a week"],
    }
    for code, texts in cases.items():
        for text in texts:
            found = {f.code for r in linter.lint_text(f"name: P\noutcome: {text}\n",
                                                     "p.yaml", "yaml")
                     for f in r.findings}
            assert code in found, (code, text, found)
