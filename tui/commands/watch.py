"""``marsad watch add|list|remove ENTITY``: the watchlist of entities (see tui.stories.watch)."""

from __future__ import annotations

import argparse

from tui.commands.output import emit, emit_table
from tui.config import load_config
from tui.errors import InputError
from tui.store import Store
from tui.stories import watch


def run(args: argparse.Namespace) -> int:
    config = load_config(getattr(args, "library", None))
    if not config.library.exists():
        raise InputError(f"no library at {config.library}")
    store = Store(config.library)
    try:
        action = args.watch_command
        if action == "list":
            items = watch.load_watchlist(store)
            emit_table((w.id, w.name, w.added[:10]) for w in items)
            if not items:
                emit("nothing watched yet: `marsad watch add NAME`", err=True)
            return 0
        text = " ".join(args.entity)
        if action == "add":
            item, new = watch.add(store, text)
            emit(f"{'watching' if new else 'already watching'} {item.name} ({item.id})")
        else:
            item = watch.remove(store, text)
            emit(f"no longer watching {item.name} ({item.id})")
    finally:
        store.close()
    return 0
