"""The scale benchmark's feed generator writes feeds Marsad reads, the same each time.

No timing here (speed lives in benchmarks/): only that the generated files
are valid RSS that our importer parses into the expected articles, in the
expected language, and that the seed makes them byte-identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.ingest.local import load_path

SCALE = Path(__file__).resolve().parents[1] / "benchmarks" / "scale"
sys.path.insert(0, str(SCALE))

import feedgen  # noqa: E402


def test_feeds_parse_into_articles_in_their_language(tmp_path: Path) -> None:
    paths = feedgen.ensure_feeds(tmp_path, feeds=10, items=12, seed=3, words=40)
    langs = {p.name.split("-")[1].removesuffix(".xml") for p in paths}
    assert langs == {"ar", "fa", "en"}
    arabic = load_path(paths[0]).articles
    assert len(arabic) == 12
    assert len({a.url for a in arabic}) == 12
    assert all(a.title and len(a.body.split()) >= 15 for a in arabic)
    assert arabic[0].language == "ar"
    assert load_path(paths[9]).articles[0].language == "en"


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = feedgen.ensure_feeds(tmp_path / "a", feeds=2, items=5, seed=9, words=30)
    b = feedgen.ensure_feeds(tmp_path / "b", feeds=2, items=5, seed=9, words=30)
    c = feedgen.ensure_feeds(tmp_path / "c", feeds=2, items=5, seed=10, words=30)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert a[0].read_bytes() != c[0].read_bytes()
