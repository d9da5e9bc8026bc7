"""Schema migrations of a library folder.

Schema 1 (Marsad up to the SQLite store) kept articles in ``articles.json``
and bodies in ``bodies/NN.json``. Schema 2 moves them into
``library.sqlite``, once, keeping every article id, so annotations (which
refer to articles by id) stay attached. The move is one SQLite transaction:
a crash half-way leaves the JSON files in charge and the next start tries
again. Afterwards the old files are kept in ``migrated-v1/`` (nothing is
deleted; remove that folder once you are happy with the new library).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.models import Article
from tui.store.articles import insert_article
from tui.store.ids import BUCKETS, id_of

if TYPE_CHECKING:
    from tui.store.library import Store

Progress = Callable[[int, int], None]
OLD_FOLDER = "migrated-v1"


def stderr_progress(done: int, total: int) -> None:
    """The move of a schema-1 library (the CLI and the app's start both open the library before anything else)."""
    _stderr_step(done, total, f"marsad: moving {total:,} articles into library.sqlite (once)…",
                 f"marsad: {total:,} articles moved.")


def stderr_upgrade_progress(what: str, done: int, total: int) -> None:
    """The CLI's view of a database upgrade (``marsad`` itself shows a progress screen)."""
    _stderr_step(done, total, f"marsad: upgrading the library (once): {what}…", f"marsad: {what}: done ({total:,}).")


BAR = 30


def _stderr_step(done: int, total: int, starting: str, finished: str) -> None:
    """A line when a step starts and when it ends; on a terminal, a bar in between."""
    if done == 0:
        print(starting, file=sys.stderr, flush=True)
    elif done == total:
        end = "\r\033[K" if sys.stderr.isatty() else ""
        print(f"{end}{finished}", file=sys.stderr, flush=True)
    elif sys.stderr.isatty():
        filled = int(BAR * done / max(total, 1))
        bar = "█" * filled + "░" * (BAR - filled)
        print(f"\r  {bar} {done:,}/{total:,}", end="", file=sys.stderr, flush=True)


def v1_articles(store: Store) -> list[dict[str, Any]]:
    """Article documents of a schema-1 library (an unreadable file is set aside and reported)."""
    if not (store.folder / "articles.json").exists():
        return []
    with store._lock:
        return [dict(d) for d in store._db("articles.json").table("articles").all()]


def v1_bodies(store: Store) -> dict[str, str]:
    bodies: dict[str, str] = {}
    for bucket in range(BUCKETS):
        path = f"bodies/{bucket:02d}.json"
        if (store.folder / path).exists():
            with store._lock:
                for doc in store._db(path).table("bodies").all():
                    bodies[id_of(doc)] = doc.get("text", "")
    return bodies


def json_to_sqlite(store: Store, move_files: bool = True) -> int:
    """Schema 1 -> 2: articles and bodies into ``library.sqlite``; returns how many moved."""
    docs = v1_articles(store)
    if not docs:
        return 0
    bodies = v1_bodies(store)
    progress: Progress = store.progress or stderr_progress
    if store.progress is None and store.upgrade_progress is not None:
        upgrade = store.upgrade_progress

        def progress(done: int, total: int) -> None:
            upgrade("moving the articles into library.sqlite", done, total)

    total = len(docs)
    progress(0, total)
    moved = 0
    with store.db.write() as conn:
        have = {r[0] for r in conn.execute("SELECT id FROM articles")}
        for n, doc in enumerate(docs, 1):
            art = Article.from_dict({**doc, "body": bodies.get(doc.get("id", ""), "")})
            if art.id and art.id not in have:
                insert_article(conn, art)
                have.add(art.id)
                moved += 1
            if n % 1000 == 0 and n < total:
                progress(n, total)
    progress(total, total)
    if move_files:
        _keep_old_files(store)
    return moved


def _keep_old_files(store: Store) -> None:
    """The JSON files go to ``migrated-v1/``; nothing is deleted."""
    store.close_json("articles.json")
    for bucket in range(BUCKETS):
        store.close_json(f"bodies/{bucket:02d}.json")
    old = store.folder / OLD_FOLDER
    old.mkdir(exist_ok=True)
    for name in ("articles.json", "bodies"):
        src = store.folder / name
        if src.exists():
            dest = _free_name(old / name)
            os.replace(src, dest)
    (old / "README.txt").write_text(
        "These are this library's articles as Marsad kept them before it moved them into\n"
        "library.sqlite. Nothing reads them any more; delete this folder once the library\n"
        "looks right to you.\n", encoding="utf-8")


def _free_name(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{n}")
        n += 1
    return candidate
