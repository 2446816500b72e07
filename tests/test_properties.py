"""Properties of vplint on any input, checked with hypothesis (a bounded number of examples,
so they run in the normal suite):

- arbitrary text and arbitrary YAML go through loading, every rule, scoring and every
  reporter without an exception, and the JSON report matches its contract
  (docs/json-report.schema.json);
- arbitrary file bytes give an exit code of 0, 1 or 2, never a traceback;
- the same inputs give byte-identical output whatever the order of the paths on the
  command line and whatever --jobs is;
- vplint never writes to a linted file, and what it writes it writes atomically.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from cli_runner import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vplint.config import Config
from vplint.engine import Linter
from vplint.model import Summary
from vplint.report import FORMATS, get_reporter
from vplint.report.base import ReportOptions
from vplint.rules import Registry
from vplint.schema import FIELDS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "json-report.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
REGISTRY = Registry.default(plugins=False)
LINTER = Linter(Config(), REGISTRY)

FEW = settings(max_examples=100, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CLI = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SPECIAL = [
    "\udcff", "\ud800", "\u200b", "\u200d", "\u2060", "\ufeff",   # surrogates, zero-width
    "\u202e", "\u202b", "\u2066", "\u200f", "\u061c",               # right-to-left controls
    "مرحبا", "שלום", "😀", "👩‍💻", "🇨🇳",                               # RTL scripts, emoji
    "价值", "三十分钟", "，", "。", "ｱ", "한국어", "Ωμέγα", "café",      # mixed scripts
    "\x1b[31m", "\x00", "\x07", "\t", "\r", "\r\n", "\n", "\u2028", "\x85", "\x0c",
    ": ", "- ", "# ", "---\n", "...\n", "[", "]", "{", "}", "&a ", "*a", "!!python/object ",
    "? ", "|", ">", "'", '"', "%", "@", "`", "<!--", "-->", "<script>", "::error::",
    "# vplint: disable=TIM001", "<!-- vplint: disable=ALL -->", "copy:", "headline:",
]
TEXT = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=8)), max_size=40).map(
    "".join)

KEYS = st.one_of(st.sampled_from(sorted(FIELDS)), st.sampled_from(["headline", "who", "kind",
                                                                    "text", "unlike"]),
                 st.text(max_size=6))
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                   st.text(max_size=20), st.sampled_from(SPECIAL))
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)


def render_all(results) -> dict[str, str]:
    """Every registered format's output for these results (what the CLI would print)."""
    summary = Summary()
    for result in results:
        summary.add(result)
    outputs = {}
    for name in FORMATS:
        stream = io.StringIO()
        reporter = get_reporter(name, stream, REGISTRY, ReportOptions(color=False, width=100))
        reporter.start()
        for result in results:
            reporter.handle(result)
        reporter.finish(summary)
        outputs[name] = stream.getvalue()
    return outputs


def check_results(results, may_be_empty: bool = False) -> None:
    """`may_be_empty`: a Markdown page with nothing vplint reads (say, only an indented
    code block) yields no proposition; every other input yields at least one."""
    assert results or may_be_empty
    for result in results:
        assert 0 <= result.score <= 100
        assert all(0 <= v <= 100 for v in result.dimensions.values())
        for f in result.findings:
            assert f.line >= 1 and f.column >= 1 and (f.end_line, f.end_column) >= (f.line, 1)
            assert f.code != "VP900", f.message  # no rule crashed on this input
    outputs = render_all(results)
    report = json.loads(outputs["json"])
    VALIDATOR.validate(report)
    for text in outputs.values():
        text.encode("utf-8")  # every report can be written out


@FEW
@given(text=TEXT, kind=st.sampled_from(["yaml", "markdown"]))
def test_arbitrary_text_through_every_rule_and_reporter(text: str, kind: str):
    check_results(LINTER.lint_text(text, "p.md" if kind == "markdown" else "p.yaml", kind),
                  may_be_empty=kind == "markdown")


@FEW
@given(value=VALUES, front=st.booleans())
def test_arbitrary_yaml_through_every_rule_and_reporter(value, front: bool):
    dumped = yaml.safe_dump(value, allow_unicode=True)
    if front:
        check_results(LINTER.lint_text(f"---\n{dumped}---\n# Headline\n\nBody.\n", "p.md",
                                       "markdown"))
    else:
        check_results(LINTER.lint_text(dumped, "p.yaml"))


@FEW
@given(fields=st.dictionaries(st.sampled_from(sorted(FIELDS)), TEXT, min_size=1, max_size=8))
def test_any_text_in_real_fields(fields: dict[str, str]):
    """Text in the fields the rules read, so every rule looks at hostile copy."""
    check_results(LINTER.lint_text(yaml.safe_dump(fields, allow_unicode=True), "p.yaml"))


@CLI
@given(data=st.one_of(st.binary(max_size=300),
                     TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".yaml", ".md", ".txt"]),
       fmt=st.sampled_from(sorted(FORMATS)))
def test_any_file_gives_exit_0_1_or_2_and_no_traceback(data: bytes, suffix: str, fmt: str):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"p{suffix}").write_bytes(data)
        code, out, err = run_cli("check", ".", "-f", fmt, "--no-cache", cwd=folder)
        assert code in (0, 1, 2), err
        assert code != 2, err  # a file, however bad, is a finding, not an error
        if fmt == "json":
            VALIDATOR.validate(json.loads(out))


# ---- determinism ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Good, bad and hostile files side by side, some in a sub-folder."""
    root = tmp_path_factory.mktemp("corpus")
    for example in sorted((ROOT / "examples").glob("*.yaml"))[:4]:
        shutil.copy(example, root / example.name)
    (root / "sub").mkdir()
    (root / "sub" / "gbk.yaml").write_bytes("name: 披萨\noutcome: 热披萨三十分钟送到\n"
                                            .encode("gbk"))
    (root / "sub" / "broken.yaml").write_text("name: [unclosed\n")
    (root / "sub" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "sub" / "copy.md").write_text("# Hot pizza in 30 minutes\n\n- or it is free\n")
    (root / "two.yaml").write_text("name: A\noutcome: x\n---\nname: B\n")
    return root


def _paths(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir()) + ["sub/copy.md", "sub"]


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, str]:
    """Each format's output for the paths in sorted order, one process."""
    return {fmt: run_cli("check", *_paths(corpus), "-f", fmt, "--no-cache", "--jobs", "1",
                         cwd=corpus)[1] for fmt in ("json", "terminal", "markdown", "sarif")}


@settings(max_examples=8, deadline=None)
@given(order=st.data(), jobs=st.sampled_from(["1", "2"]),
       fmt=st.sampled_from(["json", "terminal", "markdown", "sarif"]))
def test_output_is_identical_whatever_the_order_of_paths_and_jobs(corpus: Path, reference,
                                                                  order, jobs: str, fmt: str):
    paths = order.draw(st.permutations(_paths(corpus)))
    code, out, err = run_cli("check", *paths, "-f", fmt, "--no-cache", "--jobs", jobs,
                             cwd=corpus)
    assert code == 1, err
    assert out == reference[fmt]


# ---- writes --------------------------------------------------------------------------------

def _state(folder: Path) -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(folder).as_posix()] = (hashlib.sha256(data).hexdigest(),
                                                        path.stat().st_mtime_ns)
    return out


def test_vplint_never_writes_to_a_linted_file(corpus: Path, tmp_path: Path):
    before = _state(corpus)
    for fmt in FORMATS:
        code, _, err = run_cli("check", ".", "-f", fmt, "-o", str(tmp_path / f"report.{fmt}"),
                               cwd=corpus)  # the cache is on (outside the repository)
        assert code == 1, err
    code, _, err = run_cli("check", ".", "--write-baseline", str(tmp_path / "b.json"),
                           cwd=corpus)
    assert code == 0, err
    assert _state(corpus) == before


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_an_output_that_is_a_linted_file_is_refused(corpus: Path, option: str):
    before = _state(corpus)
    code, out, err = run_cli("check", ".", "-f", "json", option, "two.yaml", cwd=corpus)
    assert code == 2 and "two.yaml is one of the files being linted" in err
    assert len(err.splitlines()) == 1
    assert _state(corpus) == before


def _old_report(tmp_path: Path) -> Path:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("OLD REPORT\n")
    (tmp_path / "a.yaml").write_text("name: Pizza\noutcome: Hot pizza\n")
    return target


def _only_the_old_file(target: Path) -> None:
    assert target.read_text() == "OLD REPORT\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temp file left


def test_output_interrupted_while_reporting_leaves_the_old_file(tmp_path: Path, monkeypatch):
    target = _old_report(tmp_path)
    from vplint.report import json as json_report

    def half_then_fail(self, summary):
        self.stream.write('\n], "summ')
        raise RuntimeError("interrupted")

    monkeypatch.setattr(json_report.JsonReporter, "finish", half_then_fail)
    code, out, err = run_cli("check", "a.yaml", "-f", "json", "-o", str(target), "--no-cache",
                             cwd=tmp_path)
    assert code == 2 and "interrupted" in err and len(err.splitlines()) == 1
    _only_the_old_file(target)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_output_interrupted_while_writing_leaves_the_old_file(tmp_path: Path, monkeypatch,
                                                              step: str):
    target = _old_report(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    code, out, err = run_cli("check", "a.yaml", "-f", "json", "-o", str(target), "--no-cache",
                             cwd=tmp_path)
    assert code == 2
    assert err == f"vplint: error: cannot write {target}: No space left on device\n"
    _only_the_old_file(target)


def test_baseline_interrupted_while_writing_leaves_the_old_file(tmp_path: Path, monkeypatch):
    target = _old_report(tmp_path)
    monkeypatch.setattr(os, "replace", lambda *a, **k: (_ for _ in ()).throw(
        OSError(5, "Input/output error")))
    code, out, err = run_cli("check", "a.yaml", "--write-baseline", str(target), "--no-cache",
                             cwd=tmp_path)
    assert code == 2 and len(err.splitlines()) == 1
    assert "cannot write" in err and str(target) in err and "Input/output error" in err
    _only_the_old_file(target)


def test_output_into_a_missing_folder_is_one_line(tmp_path: Path):
    (tmp_path / "a.yaml").write_text("name: Pizza\n")
    code, out, err = run_cli("check", "a.yaml", "-o", "no/such/folder/r.json", "--no-cache",
                             cwd=tmp_path)
    assert err == "vplint: error: cannot write no/such/folder/r.json: No such file or directory\n"
    assert code == 2
