"""Backups of the analyst's files: versions, daily snapshots, copies of annotated articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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
