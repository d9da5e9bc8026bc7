"""Backups of the analyst's files: versions, daily snapshots, copies of annotated articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from fixtures_http import http_server  # noqa: F401 (pytest fixture)

from tui.models import Annotation, Article, Feed
from tui.store import Store, bucket_of
from tui.store.backups import (
    ARTICLES_DIR,
    candidates,
    daily_snapshot,
    snapshots,
    versions,
)


def test_the_last_five_versions_are_kept_newest_first(store: Store, library: Path) -> None:
    for i in range(8):
        store.save_feed(Feed(id="", url=f"https://example.org/{i}.xml"))
    kept = versions(library, "feeds.json")
    assert len(kept) == 5
    newest = json.loads(kept[0].read_text(encoding="utf-8"))
    assert newest == json.loads((library / "feeds.json").read_text(encoding="utf-8"))
    assert len(json.loads(kept[-1].read_text(encoding="utf-8"))["feeds"]) == 4


def test_the_number_of_versions_is_a_setting(library: Path) -> None:
    library.mkdir(parents=True)
    (library / "settings.toml").write_text("backup_versions = 2\n", encoding="utf-8")
    store = Store(library)
    for i in range(4):
        store.save_feed(Feed(id="", url=f"https://example.org/{i}.xml"))
    assert len(versions(library, "feeds.json")) == 2


def test_caches_are_not_backed_up(store: Store, library: Path) -> None:
    store.put_doc("corrections", "k", {"v": 1})
    store._upsert_many("cache/things.json", "things", {"a": {"b": 1}})
    assert versions(library, "corrections.json")
    assert not versions(library, "cache/things.json")


def test_a_daily_snapshot_once_a_day(store: Store, library: Path) -> None:
    store.save_feed(Feed(id="", url="https://example.org/rss"))
    store.add_articles([Article(id="", title="t", body="نص", url="https://example.org/a")])
    art_id = store.articles()[0].id
    store.save_annotation(Annotation(id="", article_id=art_id, note="ملاحظة"))
    snap = daily_snapshot(library, today=date(2030, 1, 2))
    assert snap is not None and (snap / "feeds.json").exists()
    assert (snap / "annotations" / f"{bucket_of(art_id)}.json").exists()
    assert not (snap / "library.sqlite").exists()  # small files only
    assert daily_snapshot(library, today=date(2030, 1, 2)) is None
    for day in range(3, 20):
        daily_snapshot(library, keep_days=14, today=date(2030, 1, day))
    assert len(snapshots(library)) == 14
    assert candidates(library, "feeds.json")[-1].parent.parent.name == "daily"


def test_an_annotated_article_is_kept_with_its_body(store: Store, library: Path) -> None:
    store.add_articles([Article(id="", title="عنوان", body="متن کامل مقاله", url="https://example.org/a")])
    art_id = store.articles()[0].id
    store.save_annotation(Annotation(id="", article_id=art_id, note="یادداشت"))
    kept = json.loads((library / ARTICLES_DIR / f"{bucket_of(art_id)}.json").read_text(encoding="utf-8"))
    [doc] = kept["articles"].values()
    assert (doc["id"], doc["body"]) == (art_id, "متن کامل مقاله")


# -- limits as settings ----------------------------------------------------------------


def test_limits_are_settings_with_the_ingest_defaults(library: Path) -> None:
    from tui.config import load_config
    from tui.ingest.fetch import MAX_RUN_BYTES
    from tui.ingest.saving import MAX_ARTICLE_CHARS

    default = load_config(library)
    assert (default.max_run_bytes, default.max_article_chars) == (MAX_RUN_BYTES, MAX_ARTICLE_CHARS)
    library.mkdir(parents=True)
    (library / "settings.toml").write_text(
        "max_items_per_feed = 3\nmax_article_chars = 50\nmax_run_bytes = 1000\nfetch_timeout = 2.5\n", encoding="utf-8")
    config = load_config(library)
    assert (config.max_items_per_feed, config.max_article_chars, config.max_run_bytes, config.fetch_timeout) == \
        (3, 50, 1000, 2.5)


def test_an_article_over_the_size_limit_is_cut_saying_so(store: Store, library: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from tui.cli import main

    library.mkdir(parents=True, exist_ok=True)
    (library / "settings.toml").write_text("max_article_chars = 200\n", encoding="utf-8")
    page = library.parent / "long.txt"
    page.write_text("عنوان طويل\n\n" + "\n\n".join(f"فقرة رقم {i} " * 5 for i in range(40)), encoding="utf-8")
    assert main(["import", str(page), "--library", str(library)]) == 0
    [art] = [a for a in Store(library).articles() if a.title == "عنوان طويل"]
    body = Store(library).get_article(art.id).body
    assert len(body) < 300 and body.endswith("the max_article_chars setting]")


async def test_items_per_feed_is_a_fetch_limit(tmp_path: Path, http_server) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from tui.config import THEMES_DIR, Config
    from tui.ingest.fetch import fetch_all

    config = Config(library=tmp_path / "lib", themes_dir=THEMES_DIR, max_items_per_feed=1)
    store = Store(config.library)
    store.save_feed(Feed(id="", url=http_server.url("/feeds/rss2_ar.xml")))
    [report] = await fetch_all(store, config, force=True)
    assert report.status == "ok" and report.added == 1  # the feed has 3 items
