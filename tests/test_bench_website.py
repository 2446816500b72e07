"""The benchmark's generated website is deterministic and shaped like a real site."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _website():  # type: ignore[no-untyped-def]
    return load_script("vplint_bench_website_test", ROOT / "bench" / "website.py")


def test_page_i_is_the_same_at_every_size_and_every_run(tmp_path: Path) -> None:
    site = _website()
    small = site.generate_site(tmp_path / "a", 12)
    large = site.generate_site(tmp_path / "b", 30)
    for path in small.rglob("*.md"):
        assert path.read_bytes() == (large / path.relative_to(small)).read_bytes()
    assert site.site_page(7) == site.site_page(7)


def test_pages_are_of_real_length_with_front_matter_and_several_languages() -> None:
    site = _website()
    pages = [site.site_page(i) for i in range(200)]
    sizes = [len(text.encode("utf-8")) for _, text in pages]
    assert min(sizes) >= site.MIN_BYTES
    assert max(sizes) <= site.MAX_BYTES + 2_000  # the last block may overshoot a little
    assert max(sizes) > 30_000 and sorted(sizes)[100] < 15_000  # a long tail, short median
    assert all(text.startswith("---\ntitle: ") for _, text in pages)
    languages = {path.split("/")[1] for path, _ in pages}
    assert languages == {"en", "zh", "ja", "de"}
    every = "\n".join(text for _, text in pages)
    for construct in ("\n| ", "\n```", "](", "\n## ", "\n> ", "<div"):
        assert construct in every
