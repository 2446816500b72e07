"""`--jobs N`: the output is byte-for-byte the output of one process, on a generated corpus
of a few hundred files (the benchmark's generator) plus broken and suppressed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import load_script
from vplint import __version__, parallel
from vplint.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent


def _bench():  # type: ignore[no-untyped-def]
    return load_script("vplint_bench", ROOT / "bench" / "run.py")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """200 propositions and 100 Markdown pages (10% Chinese), and files that go wrong."""
    base = tmp_path_factory.mktemp("corpus")
    props, pages = _bench().generate(base, 200)
    for page in sorted(pages.iterdir())[100:]:
        page.unlink()
    odd = base / "odd"
    odd.mkdir()
    (odd / "broken.yaml").write_text("name: [unclosed\noutcome: x\n", encoding="utf-8")
    (odd / "empty.yaml").write_text("", encoding="utf-8")
    (odd / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    (odd / "two.yaml").write_text("name: One\n---\nname: Two\noutcome: fast\n",
                                  encoding="utf-8")
    (odd / "quiet.yaml").write_text(
        "name: Q  # vplint: disable=VP002\noutcome: fast  # vplint: disable=TIM001\n",
        encoding="utf-8")
    (odd / "gbk.md").write_bytes("# 三十分钟送到家\n\n热披萨。\n".encode("gbk"))
    return base


@pytest.fixture
def cli(corpus):
    """Run `vplint ARGS` in corpus: (exit code, stdout)."""

    def invoke(*args: str) -> tuple[int, str]:
        return run_cli(*args, cwd=corpus)[:2]

    return invoke


@pytest.fixture
def pools(monkeypatch) -> list:
    """Every pool `--jobs` started (so a test knows it did not quietly run serially)."""
    started: list = []
    real = parallel._start

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        pool = real(*args, **kwargs)
        started.append(pool)
        return pool

    monkeypatch.setattr(parallel, "_start", spy)
    return started


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_jobs_2_output_is_identical_to_one_process(cli, pools, fmt):
    serial = cli("check", "--no-cache", "--jobs", "1", "--format", fmt, ".")
    assert pools == []
    two = cli("check", "--no-cache", "--jobs", "2", "--format", fmt, ".")
    assert len(pools) == 1 and pools[0] is not None
    assert two == serial
    assert serial[1].count("props/p0") >= 200 and "odd/broken.yaml" in serial[1]


def test_a_rule_crashing_in_a_worker_fails_the_run_the_same_way(cli, pools, monkeypatch):
    from vplint.checks import declarative

    real = declarative.existence

    def sometimes(ctx):  # type: ignore[no-untyped-def]
        if ctx.doc.path.endswith("p00123.yaml"):
            raise RuntimeError("boom")
        return real(ctx)

    monkeypatch.setattr(declarative, "existence", sometimes)
    serial = cli("check", "--no-cache", "--jobs", "1", "props")
    two = cli("check", "--no-cache", "--jobs", "2", "props")
    assert pools and pools[0] is not None
    assert serial[0] == two[0] == 2
    assert two == serial and "VP900" in serial[1]


def test_jobs_with_the_cache_give_the_same_output_cold_and_warm(cli, pools, corpus,
                                                               _private_cache):
    serial = cli("check", "--no-cache", "--jobs", "1", "props")
    cold = cli("check", "--jobs", "2", "props")
    entries = list(_private_cache.glob(f"projects/*/{__version__}/*/*"))
    assert len(entries) == 200
    warm = cli("check", "--jobs", "2", "props")
    warm_serial = cli("check", "--jobs", "1", "props")
    assert serial == cold == warm == warm_serial


def test_how_many_jobs():
    cores = parallel.available_cores()
    assert parallel.resolve_jobs(None, 10) == 1
    assert parallel.resolve_jobs(None, parallel.AUTO_MIN_FILES + 1) == min(
        cores, parallel.AUTO_MIN_FILES + 1)
    assert parallel.resolve_jobs(0, 1000) == cores
    assert parallel.resolve_jobs(4, 2) == 2
    assert parallel.resolve_jobs(3, 0) == 1
    with pytest.raises(UsageError, match="--jobs"):
        parallel.resolve_jobs(-1, 10)


def test_negative_jobs_is_a_usage_error(cli):
    code, _ = cli("check", "--jobs", "-2", "odd")
    assert code == 2


@pytest.mark.parametrize("files", [0, 1, 5, 63, 500, 1000, 10_000])
@pytest.mark.parametrize("jobs", [2, 4])
def test_chunks_cover_every_file_once_in_order_and_shrink_towards_the_end(files, jobs):
    ranges = list(parallel.chunks(files, jobs))
    assert [i for a, b in ranges for i in range(a, b)] == list(range(files))
    sizes = [b - a for a, b in ranges]
    assert all(parallel.MIN_CHUNK <= s <= parallel.MAX_CHUNK for s in sizes[:-1])
    assert sizes == sorted(sizes, reverse=True)
    if files >= 1000:
        assert sizes[0] >= 8 * sizes[-1]  # large first, small last
