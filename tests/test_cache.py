"""The results cache: an unchanged re-run is served from it; changing the file, the
configuration, a rule file or a lexicon misses; a broken cache is never an error."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from vplint.cache import LEGACY_DIR, Cache, decode, encode
from vplint.config import Config
from vplint.engine import Linter
from vplint.rules import Registry

RULE = """\
code: MYX001
name: no-widgets
family: MYX
severity: warning
weight: 1
dimension: clarity
extends: existence
params:
  lexicons: [widgets]
message:
  en: "Avoid the word '{match}'."
  zh: "避免“{match}”。"
docs: {en: {what: w, why: w, example: e, use_instead: u}}
source: a test
"""
LEXICON = "lexicon: widgets\nen: [widget]\nzh: [小部件]\n"
PROPOSITION = """\
name: Gadget {n}
outcome: Your widget arrives in 30 minutes.
copy:
  headline: The widget that arrives in 30 minutes
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with its own rule (MYX001 over the `widgets` lexicon) and three files."""
    rules = tmp_path / "rules"
    (rules / "myx").mkdir(parents=True)
    (rules / "lexicons").mkdir()
    (rules / "myx" / "MYX001.yaml").write_text(RULE, encoding="utf-8")
    (rules / "lexicons" / "widgets.yaml").write_text(LEXICON, encoding="utf-8")
    for n in range(3):
        (tmp_path / f"p{n}.yaml").write_text(PROPOSITION.format(n=n), encoding="utf-8")
    return tmp_path


def files(project: Path) -> list[Path]:
    return sorted(project.glob("p*.yaml"))


def run(project: Path, **config: object) -> tuple[list, Cache, Linter]:
    """Lint the project's files through its cache; (results, cache, linter)."""
    rules = project / "rules"
    linter = Linter(Config(root=str(project), rules_dirs=[str(rules)], **config),
                    Registry.default([rules], plugins=False))
    cache = Cache.for_linter(linter)
    assert cache is not None
    return list(linter.lint_paths(files(project), jobs=1, cache=cache)), cache, linter


def messages(results: list, code: str = "MYX001") -> list[str]:
    return [f.message for r in results for f in r.findings if f.code == code]


def test_an_unchanged_rerun_is_served_from_the_cache(project, monkeypatch):
    first, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (0, 3)
    assert messages(first) == ["Avoid the word 'widget'."] * 6

    def not_again(*args, **kwargs):
        raise AssertionError("an unchanged file was linted again")

    monkeypatch.setattr(Linter, "lint_file", not_again)
    second, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (3, 0)
    assert second == first


def test_editing_a_file_misses_only_that_file(project):
    run(project)
    files(project)[1].write_text(PROPOSITION.format(n=1).replace("widget", "gizmo"),
                                 encoding="utf-8")
    results, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (2, 1)
    assert [len(messages([r])) for r in results] == [2, 0, 2]


def test_changing_the_configuration_invalidates(project):
    run(project)
    results, cache, _ = run(project, ignore=["MYX001"])
    assert (cache.hits, cache.misses) == (0, 3)
    assert messages(results) == []


def test_changing_a_rule_file_invalidates(project):
    run(project)
    rule = project / "rules" / "myx" / "MYX001.yaml"
    rule.write_text(RULE.replace("Avoid the word", "Do not write"), encoding="utf-8")
    results, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (0, 3)
    assert messages(results)[0] == "Do not write 'widget'."


def test_changing_a_lexicon_invalidates(project):
    run(project)
    (project / "rules" / "lexicons" / "widgets.yaml").write_text(
        "lexicon: widgets\nen: [widget, minutes]\nzh: []\n", encoding="utf-8")
    results, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (0, 3)
    assert "Avoid the word 'minutes'." in messages(results)


def test_extending_a_lexicon_in_the_configuration_invalidates(project):
    run(project)
    results, cache, _ = run(project, lexicons={"widgets": {"en": ["gadget"]}})
    assert (cache.hits, cache.misses) == (0, 3)
    assert "Avoid the word 'Gadget'." in messages(results)


def test_the_same_content_at_another_path_is_its_own_entry(project):
    # per-file-ignores depend on the path, so a copy elsewhere must not share results
    copy = project / "sub" / "p0.yaml"
    copy.parent.mkdir()
    copy.write_text(files(project)[0].read_text(encoding="utf-8"), encoding="utf-8")
    rules = project / "rules"
    linter = Linter(Config(root=str(project), rules_dirs=[str(rules)],
                           per_file_ignores={"sub/*": ["MYX001"]}),
                    Registry.default([rules], plugins=False))
    cache = Cache.for_linter(linter)
    paths = [files(project)[0], copy]
    list(linter.lint_paths(paths, jobs=1, cache=cache))
    again = list(linter.lint_paths(paths, jobs=1, cache=cache))
    assert (cache.hits, cache.misses) == (2, 2)
    assert [len(messages([r])) for r in again] == [2, 0]


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 1, "results": [[1]]}',
                                     b'{"format": 1, "results": "x"}', b"\xff\xfe\x00",
                                     b'{"format": 999, "results": []}', b"[]"])
def test_a_corrupt_entry_is_a_miss_not_an_error(project, garbage):
    fresh, cache, _ = run(project)
    entries = list(cache.directory.glob("*/*"))  # <shard>/<entry>
    assert len(entries) == 3
    for entry in entries:
        entry.write_bytes(garbage)
    results, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (0, 3)
    assert results == fresh
    _, cache, _ = run(project)  # rewritten
    assert cache.hits == 3


def test_a_cache_that_cannot_be_made_is_skipped(project, _private_cache):
    blocked = _private_cache / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    rules = project / "rules"
    linter = Linter(Config(root=str(project), rules_dirs=[str(rules)]),
                    Registry.default([rules], plugins=False))
    assert Cache.for_linter(linter, blocked) is None
    assert len(list(linter.lint_paths(files(project), jobs=1, cache=None))) == 3


def test_a_cache_that_cannot_be_written_is_skipped(project):
    import shutil

    fresh, cache, _ = run(project)
    for shard in list(cache.directory.iterdir()):
        shutil.rmtree(shard)
        shard.write_text("a file where a folder should be", encoding="utf-8")
    results, cache, _ = run(project)
    assert results == fresh and cache.hits == 0
    assert all(shard.is_file() for shard in cache.directory.iterdir())


def test_results_of_a_crashing_rule_are_not_cached(project):
    (project / "rules" / "myx" / "boommod.py").write_text(
        "def boom(ctx):\n    raise RuntimeError('no')\n", encoding="utf-8")
    rule = RULE.replace("MYX001", "MYX002").replace("no-widgets", "boom").replace(
        "extends: existence", "check: boommod:boom")
    (project / "rules" / "myx" / "MYX002.yaml").write_text(rule, encoding="utf-8")
    _, _, linter = run(project)
    assert linter.crashed
    _, cache, linter = run(project)
    assert linter.crashed and cache.hits == 0


def test_encode_and_decode_round_trip(registry):
    from tests.conftest import lint

    results = lint("name: X\noutcome: fast\ncopy:\n  headline: The best widget ever\n")
    assert results[0].findings
    assert decode(json.loads(json.dumps(encode(results)))) == results


def test_in_memory_text_never_touches_the_cache(tmp_path, registry, _private_cache):
    linter = Linter(Config(root=str(tmp_path)), registry)
    linter.lint_text("name: X\n", "x.yaml")
    assert not any(_private_cache.iterdir())
    assert not (tmp_path / LEGACY_DIR).exists()


@pytest.fixture
def cli(tmp_path):
    """Run `vplint ARGS` in tmp_path: (exit code, stdout)."""

    def invoke(*args: str) -> tuple[int, str]:
        return run_cli(*args, cwd=tmp_path)[:2]

    return invoke


def test_cli_cache_no_cache_and_clean(cli, tmp_path, _private_cache):
    (tmp_path / "a.yaml").write_text(textwrap.dedent("""\
        name: Pizza
        outcome: Hot pizza at your door, fast and world-class.
        """), encoding="utf-8")
    fresh = cli("check", "--no-cache", "a.yaml")
    assert not any(_private_cache.iterdir())
    first = cli("check", "a.yaml")
    assert (_private_cache / "CACHEDIR.TAG").is_file()
    projects = list((_private_cache / "projects").iterdir())
    assert len(projects) == 1
    second = cli("check", "a.yaml")
    assert fresh == first == second
    assert not (tmp_path / LEGACY_DIR).exists()  # nothing written into the repository
    code, out = cli("clean")
    assert code == 0 and f"removed {projects[0]}" in out
    assert not projects[0].exists()
    code, out = cli("clean")
    assert code == 0 and "no cache at" in out


def test_cache_dir_option_and_variable_move_the_cache(cli, tmp_path, _private_cache):
    (tmp_path / "a.yaml").write_text("name: Pizza\noutcome: Hot pizza, fast.\n",
                                     encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-cache"
    code, _ = cli("check", "--cache-dir", str(elsewhere), "a.yaml")
    assert code in (0, 1)
    assert list(elsewhere.glob("projects/*/*/*/*")) and not any(_private_cache.iterdir())
    code, out = cli("clean", "--cache-dir", str(elsewhere))
    assert "removed" in out and not list(elsewhere.glob("projects/*"))


def test_a_fifo_is_never_opened(tmp_path, registry):
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    cache = Cache.for_linter(Linter(Config(root=str(tmp_path)), registry))
    assert cache is not None and cache.key(fifo, "pipe.yaml") is None  # returns, no block




def test_changing_a_check_module_beside_a_rule_invalidates(project):
    """A stale cached pass must not survive an edit of a rules_dirs check module."""
    module = project / "rules" / "myx" / "helper.py"
    module.write_text("def check(ctx):\n    return ()\n", encoding="utf-8")
    rule = RULE.replace("MYX001", "MYX002").replace("extends: existence", "check: helper:check")
    (project / "rules" / "myx" / "MYX002.yaml").write_text(rule, encoding="utf-8")
    run(project)
    module.write_text("from vplint.checks import Hit\n\ndef check(ctx):\n"
                      "    yield Hit(field='name')\n", encoding="utf-8")
    results, cache, _ = run(project)
    assert (cache.hits, cache.misses) == (0, 3)
    assert len(messages(results, "MYX002")) == 3
