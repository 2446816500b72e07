"""Hostile and broken input: every case of docs/bad-input.md gets a clear answer, nothing
crashes, nothing hangs, nothing is constructed or expanded (issue: unbreakable on bad input).

Each test name is the one docs/bad-input.md cites for its row.
"""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
from pathlib import Path

import pytest
from cli_runner import run_cli

from vplint import document
from vplint.checks import Hit
from vplint.config import Config
from vplint.discover import discover
from vplint.document import MAX_DEPTH, MAX_NODES, load_file, load_text
from vplint.engine import Linter
from vplint.model import PropositionResult
from vplint.rules import Registry, Rule, parse_rule
from vplint.schema import FIELDS

GOOD = "name: Pizza\noutcome: Hot pizza at your door\n"
GOOD_ZH = "name: 瓜子二手车\noutcome: 卖车没有中间商赚差价，买家省钱，卖家多卖钱。\n"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(), Registry.default(plugins=False))


def lint_path(linter: Linter, path: Path) -> list[PropositionResult]:
    return linter.lint_file(path, path.name)


def findings(results: list[PropositionResult], code: str | None = None) -> list:
    return [f for r in results for f in r.findings if code is None or f.code == code]


def only_vp001(results: list[PropositionResult]) -> str:
    """The message of the single finding of a file that could not be loaded."""
    found = findings(results)
    assert [f.code for f in found] == ["VP001"], [(f.code, f.message) for f in found]
    assert [r.score for r in results] == [0]
    return found[0].message


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---- encodings --------------------------------------------------------------------------

def test_utf8_bom_is_read_silently(tmp_path: Path, linter: Linter):
    path = write_bytes(tmp_path / "bom.yaml", b"\xef\xbb\xbf" + GOOD.encode())
    results = lint_path(linter, path)
    assert results[0].name == "Pizza"
    assert not {"VP001", "VP005"} & {f.code for f in findings(results)}
    # Positions ignore the BOM: the parse error of line 2 is reported on line 2.
    broken = write_bytes(tmp_path / "bom2.yaml", b"\xef\xbb\xbfname: P\noutcome: [x\n")
    assert findings(lint_path(linter, broken), "VP001")[0].line >= 2


@pytest.mark.parametrize(("codec", "name"), [
    ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"),
    ("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE"),
])
def test_utf16_and_utf32_with_bom_are_decoded_and_named(tmp_path: Path, linter: Linter,
                                                         codec: str, name: str):
    path = write_bytes(tmp_path / "wide.yaml", ("\ufeff" + GOOD_ZH).encode(codec))
    results = lint_path(linter, path)
    assert results[0].name == "瓜子二手车"
    (note,) = findings(results, "VP005")
    assert name in note.message and note.severity.value == "info"
    assert "VP001" not in {f.code for f in findings(results)}


@pytest.mark.parametrize(("codec", "name", "text"), [
    ("gbk", "GBK", GOOD_ZH),
    ("gb18030", "GB18030", "name: 披萨𠀀\noutcome: 热披萨三十分钟送到家门口\n"),  # 𠀀 is not in GBK
    ("big5", "Big5", "name: 瓜子二手車\noutcome: 賣車沒有中間商賺差價，買家省錢。\n"),
])
def test_legacy_chinese_encodings_are_decoded_and_named(tmp_path: Path, linter: Linter,
                                                         codec: str, name: str, text: str):
    path = write_bytes(tmp_path / "legacy.yaml", text.encode(codec))
    results = lint_path(linter, path)
    assert results[0].name == text.split("\n")[0].removeprefix("name: ")
    assert results[0].language == "zh"
    (note,) = findings(results, "VP005")
    assert name in note.message and "UTF-8" in note.message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in note.message)  # said in Chinese
    assert (note.line, note.column) == (1, 1)


def test_legacy_encoding_in_a_markdown_copy_file(tmp_path: Path, linter: Linter):
    path = write_bytes(tmp_path / "copy.md", "# 没有中间商赚差价\n\n卖家多卖钱。\n".encode("gbk"))
    results = lint_path(linter, path)
    assert findings(results, "VP005") and not findings(results, "VP001")


def test_undecodable_bytes_are_vp001_naming_the_offset(tmp_path: Path, linter: Linter):
    path = write_bytes(tmp_path / "latin1.yaml", b"name: Pizza\noutcome: caf\xe9 au lait\n")
    message = only_vp001(lint_path(linter, path))
    assert "byte 0xe9 at byte offset 24" in message and "UTF-8" in message
    (finding,) = findings(lint_path(linter, path))
    assert (finding.line, finding.column) == (2, 13)  # where the byte is, in an editor
    bad16 = write_bytes(tmp_path / "bad16.yaml", b"\xff\xfe" + "name: x".encode("utf-16-le")
                        + b"\x00\xd8")  # a lone high surrogate in UTF-16
    assert "not valid UTF-16LE" in only_vp001(lint_path(linter, bad16))


# ---- not text ---------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "why"), [
    ("logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "PNG image"),
    ("photo.yaml", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
    ("deck.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
    ("nul.yaml", b"name: Pizza\noutcome: hot\x00pizza\n", "NUL bytes"),
    ("late-nul.md", b"# Fine\n" + b"text " * 4000 + b"\x00", "NUL bytes"),
    ("utf16-no-bom.yaml", "name: Pizza\n".encode("utf-16-le"), "UTF-16 without a byte-order"),
    ("controls.txt", bytes(range(1, 9)) * 50, "control bytes"),
])
def test_binary_files_are_skipped_never_parsed(tmp_path: Path, linter: Linter, monkeypatch,
                                               name: str, data: bytes, why: str):
    def no_parsing(*args, **kwargs):
        raise AssertionError("a binary file reached a parser")

    monkeypatch.setattr(document, "_load_yaml", no_parsing)
    monkeypatch.setattr(document, "_load_markdown", no_parsing)
    message = only_vp001(lint_path(linter, write_bytes(tmp_path / name, data)))
    assert "not a text file" in message and why in message


# ---- empty and partial files ------------------------------------------------------------

@pytest.mark.parametrize(("name", "text"), [
    ("empty.yaml", ""),
    ("blank.yaml", "\n  \n\n"),
    ("comments.yaml", "# a draft\n# nothing yet\n"),
    ("separators.yaml", "---\n---\n...\n"),
    ("empty.md", ""),
    ("blank.md", "\n\n   \n"),
    ("comments.md", "<!-- TODO: write the copy -->\n<!--\nstill nothing\n-->\n"),
])
def test_empty_and_comment_only_files_say_so(tmp_path: Path, linter: Linter, name: str,
                                             text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    message = only_vp001(lint_path(linter, path))
    assert "holds no" in message and "empty or only comments" in message


@pytest.mark.parametrize("text", [
    "<!-- Start -->\n<section class=\"hero\">\n  <h1>Hot pizza in 30 minutes</h1>\n</section>\n",
    "<!-- 开始 -->\n<section>\n  <h1>三十分钟送到热披萨</h1>\n</section>\n",
    "```python\nprint('hi')\n```\n",
    "---\n---\n<div>only markup</div>\n",
    "---\n---\n",
])
def test_a_page_with_nothing_to_lint_is_skipped_not_failed(tmp_path: Path, linter: Linter,
                                                          text: str):
    """A valid page whose body is HTML or code, or that is front matter alone, has no
    copy vplint reads: it yields no proposition and no finding, and the gate passes."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    assert lint_path(linter, page) == []
    code, out, _ = run_cli("check", "--no-cache", "-f", "json", str(page))
    assert code == 0 and json.loads(out)["files"] == []


def test_a_legacy_encoded_page_with_nothing_to_lint_is_skipped(tmp_path: Path,
                                                               linter: Linter):
    page = tmp_path / "page.md"
    page.write_bytes("<section><h1>三十分钟送到热披萨，否则免费</h1></section>\n".encode("gbk"))
    assert lint_path(linter, page) == []


def test_front_matter_without_body_is_linted_from_its_fields(linter: Linter):
    results = linter.lint_text("---\nname: Pizza\noutcome: Hot pizza at your door\n---\n",
                               "p.md", "markdown")
    assert results[0].name == "Pizza"
    assert not {"VP001", "VP002", "VP003"} & {f.code for f in findings(results)}


def test_body_without_front_matter_becomes_the_copy(linter: Linter):
    results = linter.lint_text("# Hot pizza in 30 minutes\n\n- or it is free\n",
                               "p.md", "markdown")
    doc = load_text("# Hot pizza in 30 minutes\n\n- or it is free\n", "p.md", "markdown")[0]
    assert doc.text("copy.headline") == "Hot pizza in 30 minutes"
    assert doc.value("copy.bullets") == ["or it is free"]
    assert "VP001" not in {f.code for f in findings(results)}


def test_front_matter_that_is_not_a_mapping(linter: Linter):
    results = linter.lint_text("---\n- a\n- b\n---\n# Headline\n", "p.md", "markdown")
    assert "not a sequence" in findings(results, "VP001")[0].message


# ---- YAML structure ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind"), [
    ("- outcome: x\n- name: y\n", "sequence"),
    ("just a sentence\n", "text"),
    ("42\n", "number"),
    ("true\n", "bool"),
    ("~\n", "null"),
])
def test_root_that_is_not_a_mapping(linter: Linter, text: str, kind: str):
    message = only_vp001(linter.lint_text(text, "x.yaml"))
    assert f"must be a mapping of fields, not a {kind}" in message


def _wrong_value(kind: object) -> str:
    """A flow-YAML value of the wrong type for a field of this kind."""
    if isinstance(kind, (dict, list)):
        return "just text"
    if kind == "texts":
        return "{a: 1}"
    return "[a, [b, {c: d}]]"  # text, int and enum fields get a nested list


def _all_fields(table: dict, prefix: str = ""):
    for key, (kind, _doc) in table.items():
        yield f"{prefix}{key}", kind
        if isinstance(kind, dict):
            yield from _all_fields(kind, f"{prefix}{key}.")
        elif isinstance(kind, list):
            yield from _all_fields(kind[0], f"{prefix}{key}[].")


def _nest(path: str, value: str) -> str:
    """YAML flow text setting a dotted field path (lists as one-item lists) to `value`."""
    for part in reversed(path.split(".")):
        if part.endswith("[]"):
            value = f"{{{part[:-2]}: [{value}]}}"
        else:
            value = f"{{{part}: {value}}}"
    return value


@pytest.mark.parametrize(("field", "kind"), list(_all_fields(FIELDS)))
def test_wrong_types_everywhere_are_vp003_not_crashes(linter: Linter, field: str, kind: object):
    results = linter.lint_text(_nest(field, _wrong_value(kind)) + "\n", "x.yaml")
    wrong = findings(results, "VP003")
    assert wrong, f"no VP003 for {field}"
    assert all(0 <= r.score <= 100 for r in results)
    assert "VP900" not in {f.code for f in findings(results)}


DEEP_SHAPES = {
    # shape -> (text, where nesting first passes MAX_DEPTH: line, column)
    "flow-list": lambda n: ("outcome: " + "[" * n + "]" * n, (1, 9 + MAX_DEPTH)),
    "flow-map": lambda n: ("outcome: " + "{a: " * n + "x" + "}" * n,
                           (1, 10 + 4 * (MAX_DEPTH - 1))),
    "block-map": lambda n: ("".join(" " * i + "a:\n" for i in range(min(n, 2_000))),
                            (MAX_DEPTH + 1, MAX_DEPTH + 1)),
    "block-list": lambda n: ("".join(" " * i + "-\n" for i in range(min(n, 2_000))),
                             (MAX_DEPTH + 1, MAX_DEPTH + 1)),
}


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_layer(request, monkeypatch):
    """Run a test with PyYAML's C parser (when built) and with its pure-Python parser: the
    contract holds whichever layer gives up first."""
    import yaml

    if request.param == "pure-python":
        monkeypatch.setattr(document, "_Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):  # pragma: no cover - PyYAML without libyaml
        monkeypatch.setattr(document, "_Loader", yaml.SafeLoader)
    return request.param


@pytest.mark.parametrize("shape", sorted(DEEP_SHAPES))
@pytest.mark.parametrize("levels", [MAX_DEPTH + 50, 1_500, 100_000])
def test_deep_nesting_is_bounded(linter: Linter, yaml_layer: str, shape: str, levels: int):
    # libyaml stops flow nesting at 1,000 levels itself (PyYAML 6.0.4 and later), before
    # vplint's builder sees an event; either way the answer is vplint's own.
    text, (line, column) = DEEP_SHAPES[shape](levels)
    results = linter.lint_text(text + "\n", "deep.yaml")
    message = only_vp001(results)
    assert f"nested more than {MAX_DEPTH} levels" in message
    found = findings(results)[0]
    assert (found.path, found.line, found.column) == ("deep.yaml", line, column)


def test_deep_front_matter_is_bounded(linter: Linter, yaml_layer: str):
    text = "---\nname: " + "[" * 50_000 + "]" * 50_000 + "\n---\n# Headline\n"
    found = findings(linter.lint_text(text, "x.md", "markdown"), "VP001")
    assert len(found) == 1 and f"nested more than {MAX_DEPTH} levels" in found[0].message
    assert (found[0].line, found[0].column) == (2, 6 + MAX_DEPTH)


def test_deep_nesting_through_the_cli(tmp_path: Path):
    (tmp_path / "deep.yaml").write_text("outcome: " + "[" * 5_000 + "]" * 5_000 + "\n")
    code, out, err = run_cli("check", "deep.yaml", "--no-cache", "--no-color", cwd=tmp_path)
    assert code == 1 and err == "vplint: the gate failed: 1 error finding(s) in deep.yaml\n"
    assert f"deep.yaml:1:{9 + MAX_DEPTH} VP001 error" in out
    assert "Traceback" not in out


def test_billion_laughs_is_reported_without_expanding(linter: Linter):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\noutcome: *i\n"
    tracemalloc.start()
    try:
        results = linter.lint_text(text, "lol.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = only_vp001(results)
    assert f"more than {MAX_NODES:,} values once its aliases are expanded" in message
    assert peak < 20 * 1024 * 1024  # 9**9 strings would need gigabytes


def test_aliases_under_the_limit_are_shared_not_copied():
    doc = load_text("name: &n Pizza\ncategory: *n\nsegment: &s {who: cooks}\n"
                    "copy: {headline: *n}\n", "x.yaml", "yaml")[0]
    assert doc.text("category") == "Pizza" and doc.text("copy.headline") == "Pizza"
    assert not doc.problems


def test_recursive_and_undefined_aliases(linter: Linter):
    assert "recursive" in only_vp001(linter.lint_text("a: &a [1, *a]\n", "x.yaml"))
    assert "no anchor" in only_vp001(linter.lint_text("outcome: *nowhere\n", "x.yaml"))


def test_python_tags_never_construct_anything(tmp_path: Path, monkeypatch, linter: Linter):
    marker = tmp_path / "constructed"
    (tmp_path / "vplint_trap.py").write_text(
        "from pathlib import Path\n"
        f"def touch(*args, **kwargs):\n    Path({str(marker)!r}).write_text('x')\n"
        "class Trap:\n    def __init__(self, *a, **k):\n        touch()\n"
        "    def __setstate__(self, state):\n        touch()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    text = (
        "name: !!python/object/apply:vplint_trap.touch ['x']\n"
        "outcome: !!python/object:vplint_trap.Trap {a: 1}\n"
        "category: !!python/object/new:vplint_trap.Trap [1]\n"
        "need: !!python/name:vplint_trap.touch ''\n"
        "offering: !!python/module:vplint_trap ''\n"
        "benefit: !vplint/custom 'kept as text'\n"
        "copy: !!python/object/apply:os.system ['touch " + str(marker) + "']\n"
    )
    results = linter.lint_text(text, "x.yaml")
    assert not marker.exists()
    doc = load_text(text, "x.yaml", "yaml")[0]
    assert doc.text("benefit") == "kept as text"
    assert "vplint_trap" not in sys.modules
    assert "VP900" not in {f.code for f in findings(results)}


@pytest.mark.parametrize(("value", "kept"), [
    ("2024-02-30", "2024-02-30"),                 # a date that does not exist
    ("!!int abc", "abc"),
    ("!!float twelve", "twelve"),
    ("!!bool maybe", "maybe"),
    ("!!binary '@@not base64@@'", "@@not base64@@"),
    ("!!timestamp yesterday", "yesterday"),
    ("1" * 5000, "1" * 5000),                      # over Python's int-from-text limit
])
def test_scalars_that_cannot_be_typed_keep_their_text(value: str, kept: str):
    doc = load_text(f"name: {value}\n", "x.yaml", "yaml")[0]
    assert not doc.problems
    assert doc.text("name") == kept


def test_tabs(linter: Linter):
    message = only_vp001(linter.lint_text("name: Pizza\n\toutcome: hot\n", "tabs.yaml"))
    assert "tab" in message
    (finding,) = findings(linter.lint_text("name: Pizza\n\toutcome: hot\n", "tabs.yaml"))
    assert finding.line == 2
    fine = linter.lint_text("name: 'Pizza\tfast'\noutcome:\thot pizza\n", "tabs.yaml")
    assert "VP001" not in {f.code for f in findings(fine)}
    assert load_text("name: 'Pizza\tfast'\n", "x.yaml", "yaml")[0].text("name") == "Pizza\tfast"


def test_very_long_lines_finish(linter: Linter):
    """Loading is linear: patterns that backtrack on long lines (headings, bullets,
    suppression comments, source alignment) would hang on these 200,000-character lines."""
    hostile_md = ("# " + "#" * 200_000 + "x\n"
                  + "- x" + " \t" * 100_000 + "y\n"
                  + "- " + "a " * 100_000 + "\n"
                  + "<!-- vplint: disable=TIM001" + " " * 200_000 + "\n")
    doc = load_text(hostile_md, "long.md", "markdown")[0]
    assert doc.text("copy.headline") == "#" * 200_000 + "x"
    assert len(doc.value("copy.bullets")) == 2
    quoted = 'name: "' + "\\x20" * 50_000 + 'x"\noutcome: ' + "a " * 100_000 + "\n"
    doc = load_text(quoted, "q.yaml", "yaml")[0]
    node = doc.node("name")
    assert doc.span(node, 49_999, 50_001)[0] == 1  # aligning escapes to the source
    # Every rule on a long line (rule patterns are the catalogue's; kept to a size the
    # suite can afford, as lexicon matching costs about a second per 100,000 characters).
    long_yaml = "name: Pizza\noutcome: " + "hot pizza " * 2_000 + "\n"
    assert linter.lint_text(long_yaml, "long.yaml")[0].name == "Pizza"
    assert linter.lint_text(hostile_md[:2_000] + "\n" + "- " + "a " * 2_000, "long.md",
                            "markdown")


def test_odd_line_breaks_keep_lines_and_suppressions_aligned(linter: Linter):
    """CR-only files and U+2028/form feeds inside text: lines are counted as editors do."""
    doc = load_text("name: A\rcopy:\r  headline: [\r", "x.yaml", "yaml")[0]
    assert doc.lines.position(doc.problems[0].start)[0] >= 3
    text = "name: Pizza\u2028more\x0cstill line 1\noutcome: x  # vplint: disable=OUT001\n"
    results = linter.lint_text(text, "x.yaml")
    assert "VP100" not in {f.code for f in findings(results)} or all(
        f.line == 2 for f in findings(results, "VP100"))


def test_a_stream_of_hundreds_of_documents(linter: Linter):
    text = "".join(f"---\nname: Proposition {i}\noutcome: Hot pizza {i}\n" for i in range(500))
    results = linter.lint_text(text, "many.yaml")
    assert [r.index for r in results] == list(range(500))
    assert results[-1].name == "Proposition 499"
    assert "VP001" not in {f.code for f in findings(results)}


def test_a_broken_document_in_a_stream_keeps_the_ones_before(linter: Linter):
    text = "name: A\n---\nname: B\n---\nname: [C\n---\nname: D\n"
    results = linter.lint_text(text, "x.yaml")
    assert [r.name for r in results][:2] == ["A", "B"]
    assert findings(results, "VP001")[0].line in (5, 6)  # where the parser noticed


def test_empty_documents_in_a_stream_are_ignored(linter: Linter):
    results = linter.lint_text("---\nname: A\n---\n---\nname: B\n---\n", "x.yaml")
    assert [r.name for r in results] == ["A", "B"]


def test_duplicate_keys_deep_inside_are_located():
    doc = load_text("proof:\n  - kind: data\n    kind: case\n", "x.yaml", "yaml")[0]
    (problem,) = doc.problems
    assert problem.code == "VP004" and problem.field == "proof[0].kind"
    assert doc.lines.position(problem.start) == (3, 5)


def test_surrogates_and_strange_text_do_not_crash_the_loader(linter: Linter):
    text = "name: \udcff\ud800 zero\u200bwidth \u202eRTL\u202c 😀 混合 mixed\n"
    results = linter.lint_text(text, "x.yaml")
    assert "\udcff" not in results[0].name and "混合" in results[0].name


# ---- size -------------------------------------------------------------------------------

def test_file_over_the_size_limit_is_reported_and_not_read(tmp_path: Path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_text("name: x\n" + "# padding\n" * 200, encoding="utf-8")
    linter = Linter(Config(max_file_size=1000), Registry.default(plugins=False))
    opened = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    message = only_vp001(lint_path(linter, big))
    assert "over the 1,000-byte limit" in message and "max-file-size" in message
    assert big not in opened
    # The limit also holds when a file grows between the size check and the read.
    docs = load_file(big, "big.yaml", max_size=100)
    assert "over the 100-byte limit" in docs[0].problems[0].args["reason"]


def test_default_size_limit_is_a_few_mib_and_configurable(tmp_path: Path):
    assert 1 << 20 <= Config().max_file_size <= 16 << 20
    (tmp_path / ".vplint.yaml").write_text("max-file-size: 20\n")
    (tmp_path / "a.yaml").write_text(GOOD)
    code, out, _ = run_cli("check", "a.yaml", "-f", "json", "--no-cache", cwd=tmp_path)
    data = json.loads(out)
    assert code == 1 and data["files"][0]["findings"][0]["code"] == "VP001"
    assert "20-byte limit" in data["files"][0]["findings"][0]["message"]


# ---- file system ------------------------------------------------------------------------

def test_nonexistent_path_is_exit_2_with_one_line_and_the_rest_is_linted(tmp_path: Path):
    (tmp_path / "real.yaml").write_text(GOOD)
    code, out, err = run_cli("check", "real.yaml", "missing.yaml", "--exit-zero",
                             cwd=tmp_path)
    assert code == 2 and out.startswith("real.yaml · Pizza")
    assert err.splitlines()[0] == "vplint: error: path does not exist: missing.yaml"


def test_unreadable_file_is_a_finding_and_the_run_goes_on(tmp_path: Path, monkeypatch):
    # Tests may run as root, where chmod 000 does not stop reading: the read itself fails.
    (tmp_path / "a.yaml").write_text(GOOD)
    locked = tmp_path / "locked.yaml"
    locked.write_text(GOOD)
    locked.chmod(0)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    try:
        code, out, err = run_cli("check", ".", "-f", "json", "--no-cache", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    data = json.loads(out)
    by_path = {f["path"]: f for f in data["files"]}
    assert set(by_path) == {"a.yaml", "locked.yaml"}
    (finding,) = by_path["locked.yaml"]["findings"]
    assert finding["code"] == "VP001" and "Permission denied" in finding["message"]
    assert by_path["a.yaml"]["name"] == "Pizza" and code == 1


def test_pipes_and_devices_are_never_opened(tmp_path: Path, linter: Linter):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it would block forever
    assert "not a regular file" in only_vp001(lint_path(linter, fifo))
    code, out, _ = run_cli("check", "pipe.yaml", "/dev/zero", "-f", "json", "--no-cache",
                           cwd=tmp_path)
    assert code == 1 and out.count("not a regular file") == 2


def test_unlistable_folder_is_reported(tmp_path: Path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.yaml").write_text(GOOD)
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "b.yaml").write_text(GOOD)
    real_scandir = os.scandir

    def deny(path="."):
        if os.fspath(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    files = list(discover([str(tmp_path)]))
    assert [p.name for p in files] == ["a.yaml", "secret"]
    linter = Linter(Config(), Registry.default(plugins=False))
    message = only_vp001(lint_path(linter, files[1]))
    assert "cannot list the folder: Permission denied" in message


def test_symbolic_link_loops_while_walking(tmp_path: Path, linter: Linter):
    root = tmp_path / "copy"
    root.mkdir()
    (root / "a.yaml").write_text(GOOD)
    (root / "loop").symlink_to(root, target_is_directory=True)  # copy/loop -> copy
    (root / "x.yaml").symlink_to(root / "y.yaml")  # x -> y -> x
    (root / "y.yaml").symlink_to(root / "x.yaml")
    (root / "dangling.yaml").symlink_to(root / "gone.yaml")
    files = list(discover([str(root)], exclude=["nothing/"], root=str(tmp_path)))
    assert sorted(p.name for p in files) == ["a.yaml", "dangling.yaml", "x.yaml", "y.yaml"]
    messages = {p.name: only_vp001(lint_path(linter, p)) for p in files if p.name != "a.yaml"}
    assert "loop of symbolic links" in messages["x.yaml"]
    assert "does not exist" in messages["dangling.yaml"]
    code, out, err = run_cli("check", "copy", "copy/x.yaml", "--no-cache", cwd=tmp_path)
    assert code == 1 and "loop of symbolic links" in out


def test_non_utf8_file_names(tmp_path: Path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9-\xff.yaml"), "wb") as handle:
        handle.write(GOOD.encode())
    for fmt in ("terminal", "markdown"):
        code, out, err = run_cli("check", ".", "-f", fmt, "--no-cache", cwd=tmp_path)
        assert code in (0, 1), err
        assert "caf\\xe9-\\xff.yaml" in out.replace("\\\\", "\\")  # Markdown doubles "\\"
    code, out, err = run_cli("check", ".", "-f", "json", "--no-cache", cwd=tmp_path)
    (entry,) = json.loads(out)["files"]
    assert entry["path"] == "caf\\xe9-\\xff.yaml" and entry["name"] == "Pizza"
    named = os.fsdecode(os.path.join(folder, b"caf\xe9-\xff.yaml"))
    code, out, err = run_cli("check", named, "-f", "json", "--no-cache", cwd=tmp_path)
    assert code in (0, 1) and json.loads(out)["files"][0]["path"].endswith("caf\\xe9-\\xff.yaml")


def test_non_utf8_missing_path_is_one_line(tmp_path: Path):
    code, out, err = run_cli("check", os.fsdecode(b"nope-\xff.yaml"), cwd=tmp_path)
    assert code == 2 and err == "vplint: error: path does not exist: nope-\\xff.yaml\n"


# ---- plugins ------------------------------------------------------------------------------

def _rule(code: str, fn) -> Rule:
    rule = parse_rule({
        "code": code, "name": "test-rule", "severity": "warning", "weight": 1,
        "dimension": "clarity", "check": "tests:unused",
        "message": {"en": "Found {what}.", "zh": "发现 {what}。"},
    }, f"<{code}>")
    rule._function = fn
    return rule


def _registry_with(*rules: Rule) -> Registry:
    registry = Registry.default(plugins=False)
    for rule in rules:
        registry.add(rule)
    return registry


def _raises(ctx):
    raise KeyError("segment")


def _not_a_hit(ctx):
    return [("not", "a hit")]


def _not_iterable(ctx):
    return 42


def _bad_positions(ctx):
    yield Hit(field="name", start="x", end=object())


def _raises_midway(ctx):
    yield Hit(field="name", args={"what": "one"})
    raise RuntimeError("gave up halfway")


def _exits(ctx):
    sys.exit(0)  # would end the run green


def _endless(ctx):
    while True:
        yield Hit(field="name", args={"what": "again"})


def _works(ctx):
    yield Hit(field="name", args={"what": "a name"})


@pytest.mark.parametrize(("check", "expected"), [
    (_raises, "KeyError: 'segment'"),
    (_not_a_hit, "not a Hit"),
    (_not_iterable, "TypeError"),
    (_bad_positions, "TypeError"),
    (_raises_midway, "RuntimeError: gave up halfway"),
    (_exits, "SystemExit: 0"),
    (_endless, "more than 10,000 findings in one proposition"),
])
def test_a_broken_plugin_rule_is_vp900_and_the_run_goes_on(check, expected: str):
    registry = _registry_with(_rule("ZZZ001", check), _rule("ZZZ002", _works))
    linter = Linter(Config(), registry)
    first = linter.lint_text(GOOD, "a.yaml")
    second = linter.lint_text(GOOD_ZH, "b.yaml")
    for results in (first, second):
        (crash,) = findings(results, "VP900")
        assert "ZZZ001" in crash.message and expected in crash.message
        assert crash.severity.value == "error"
        assert findings(results, "ZZZ002")  # the other rules still ran
    assert "ZZZ001" in findings(second, "VP900")[0].message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in findings(second, "VP900")[0].message)
    assert linter.crashed


def test_a_crashing_rule_makes_the_cli_exit_2(tmp_path: Path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "vplint_broken_plugin.py").write_text(  # beside its rule file
        "def check(ctx):\n    raise ValueError('plugin bug')\n")
    (tmp_path / "rules" / "BRK001.yaml").write_text(
        "code: BRK001\nname: broken\nseverity: warning\ncheck: vplint_broken_plugin:check\n"
        "message: {en: m, zh: m}\n")
    (tmp_path / ".vplint.yaml").write_text("rules_dirs: [rules]\n")
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD_ZH)
    for extra in ([], ["--jobs", "2"]):
        code, out, err = run_cli("check", "a.yaml", "b.yaml", "-f", "json", "--no-cache",
                                 *extra, cwd=tmp_path)
        data = json.loads(out)
        assert code == 2, (extra, err)
        crashes = [f for entry in data["files"] for f in entry["findings"]
                   if f["code"] == "VP900"]
        assert len(crashes) == 2 and all("BRK001" in c["message"] and "plugin bug"
                                         in c["message"] for c in crashes)
