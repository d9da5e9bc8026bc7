"""``marsad feeds add|list|remove|export``: the subscription list.

``add`` only records the feed (no network): ``marsad fetch`` fetches. A URL
is checked for shape here so a typo fails at once, not at the next fetch.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.commands.output import emit, emit_table, emit_text
from tui.config import load_config
from tui.errors import InputError
from tui.ingest.opml import export_opml, feed_id_for
from tui.ingest.textclean import clean_feed, clean_inline
from tui.ingest.urls import check_url
from tui.models import Feed
from tui.store import Store, atomic_write


def run(args: argparse.Namespace) -> int:
    store = Store(load_config(args.library).library, set_aside_damaged=False)
    try:
        command = {"add": _add, "list": _list, "remove": _remove, "export": _export}[args.feeds_command]
        return command(store, args)
    finally:
        store.close()


def _add(store: Store, args: argparse.Namespace) -> int:
    url = check_url(args.url)
    existing = {f.url: f for f in store.feeds()}
    feed = existing.get(url) or Feed(id=feed_id_for(url), url=url)
    was_new = url not in existing
    if args.name:
        feed.name = clean_inline(args.name)
    if args.lang:
        feed.language = args.lang.strip().lower()
    feed.tags = list(dict.fromkeys(feed.tags + [t.strip() for t in args.tag if t.strip()]))
    store.save_feed(clean_feed(feed))
    verb = "added" if was_new else "updated"
    emit_table([(verb, feed.id, feed.name or "-", feed.url)])
    return 0


def _list(store: Store, args: argparse.Namespace) -> int:
    feeds = store.feeds()
    if not feeds:
        emit("no feeds yet: add one with `marsad feeds add URL`", err=True)
        return 0
    rows = []
    for f in feeds:
        status = f.last_status or "never fetched"
        if f.last_error:
            status = f"error: {f.last_error}"
        rows.append((f.id, clean_inline(f.name) or "-", f.language or "-", ",".join(f.tags) or "-",
                     f.last_fetched or "-", status, f.url))
    emit_table(rows)
    return 0


def _remove(store: Store, args: argparse.Namespace) -> int:
    key = args.feed.strip()
    matches = [f for f in store.feeds() if key in (f.id, f.url)]
    if not matches:
        raise InputError(f"no feed with id or URL {key!r} (see `marsad feeds list`)")
    for f in matches:
        store.delete_feed(f.id)
        emit_table([("removed", f.id, f.name or "-", f.url)])
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    text = export_opml(store.feeds())
    if args.out:
        try:
            atomic_write(Path(args.out), text)
        except OSError as exc:
            raise InputError(f"cannot write {args.out}: {exc.strerror}") from None
        emit(f"wrote {len(store.feeds())} feeds to {args.out}", err=True)
    else:
        emit_text(text)
    return 0
