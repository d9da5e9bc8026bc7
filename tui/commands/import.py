"""``marsad import PATH...``: add local files and web pages to the library.

Each input is added in one store write, only once it parsed completely, so a
bad file (broken feed, wrong encoding, binary junk) costs one line on stderr
and leaves the library as it was. Big local inputs are parsed as they are
written, in a second process on a machine with two cores (:mod:`tui.ingest.pipeline`),
each file still in one transaction (one of more than 20,000 articles in parts
of that size, so that an open app never waits long to write). Output is one
line per article (``id<TAB>language<TAB>title``) and per feed subscribed
from OPML, then a summary line; errors go to stderr and make the exit
status non-zero. At a terminal, an input that adds more than
``SHOWN_AT_TERMINAL`` articles shows that many and then one line saying how
many more it added: ten thousand titles scrolling past are read by nobody,
and laying each out right to left costs more than the import's own writing.
A pipe or a file always gets every line.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tui.anchoring import reanchor_library
from tui.commands.output import emit, emit_table, error, to_terminal
from tui.config import Config, load_config
from tui.errors import InputError, MarsadError
from tui.ingest.local import Loaded, load_path
from tui.ingest.pipeline import Message, open_parser, unpack, worth_streaming
from tui.ingest.saving import save_articles
from tui.ingest.textclean import clean_feed, clean_inline
from tui.models import Article, Feed
from tui.store import Store
from tui.store.sql import BUSY_TIMEOUT_MS

SHOWN_AT_TERMINAL = 20  # article lines per input at a terminal (every line to a pipe or file)


class _Lines:
    """Prints an input's article lines; at a terminal, the first few and a count of the rest."""

    def __init__(self) -> None:
        self.limit = SHOWN_AT_TERMINAL if to_terminal() else None
        self.shown = self.hidden = 0

    def print(self, rows: list[tuple[str, ...]]) -> None:
        if self.limit is None:
            emit_table(rows)
            return
        room = max(0, self.limit - self.shown)
        emit_table(rows[:room])
        self.shown += min(room, len(rows))
        self.hidden += max(0, len(rows) - room)

    def end_of(self, path: str) -> None:
        """After an input: how many lines were not shown, then start counting afresh."""
        if self.hidden:
            emit(f"… and {self.hidden:,} more articles from {path} (pipe the output to list every one)")
        self.shown = self.hidden = 0


def run(args: argparse.Namespace) -> int:
    config = load_config(args.library)
    if worth_streaming(args.paths):
        return _run_streamed(args.paths, config)
    store: Store | None = None
    totals = {"added": 0, "updated": 0, "unchanged": 0, "feeds": 0, "subscribed": 0, "failed": 0}
    lines = _Lines()
    for path in args.paths:
        try:
            loaded = load_input(path, config)
            for warning in loaded.warnings:
                emit(f"marsad: warning: {warning}", err=True)
            if store is None:
                store = Store(config.library, set_aside_damaged=False)
            _save(store, loaded, totals, config.max_article_chars, lines)
            lines.end_of(path)
        except InputError as exc:
            totals["failed"] += 1
            error(str(exc))
        except MarsadError:
            if store is not None:
                store.close()
            raise  # store errors concern every file: stop with the store's message
    if store is not None:
        store.close()
    _summary(totals, len(args.paths))
    return InputError.exit_code if totals["failed"] else 0


def _run_streamed(paths: list[str], config: Config) -> int:
    """The same import for big files: parsed as it is written, in a second
    process when there is a second core for it (see :mod:`tui.ingest.pipeline`)."""
    totals = {"added": 0, "updated": 0, "unchanged": 0, "feeds": 0, "subscribed": 0, "failed": 0}
    store: Store | None = None
    checkpoints: _Checkpoints | None = None
    lines = _Lines()
    with open_parser(paths, config.max_article_chars) as parser:
        try:
            messages = parser.messages()
            for msg in messages:
                kind = msg[0]
                if kind == "warn":
                    emit(f"marsad: warning: {msg[2]}", err=True)
                elif kind == "error":
                    totals["failed"] += 1
                    error(msg[2])
                elif kind == "feeds":
                    store = store or Store(config.library, set_aside_damaged=False)
                    _save(store, Loaded(paths[msg[1]], "opml", feeds=msg[2]), totals, config.max_article_chars, lines)
                elif kind == "rows":
                    store = store or Store(config.library, set_aside_damaged=False)
                    checkpoints = checkpoints or _Checkpoints(store)
                    try:
                        _write_file(store, msg, messages, totals, lines, checkpoints.committed)
                    except InputError as exc:
                        totals["failed"] += 1
                        error(str(exc))
                    lines.end_of(paths[msg[1]])
        except InputError as exc:  # the parser process died: what was saved stays saved
            totals["failed"] += 1
            error(str(exc))
        finally:
            if checkpoints is not None:
                checkpoints.close()
            if store is not None:
                store.close()
    _summary(totals, len(paths))
    return InputError.exit_code if totals["failed"] else 0


class _Checkpoints:
    """Copies what each file's transaction added to the write-ahead log into the
    database, in a thread of its own, while the next file is parsed and written.

    Why: SQLite does that copy (a checkpoint) inside the commit once the log
    is long, and the commit waits for it: 63 MB written again and two fsyncs
    per 10,000-article file, 0.4-0.7 s of wall time on a busy disk, most of
    it waiting for the disk, during which neither parsing nor writing went
    on. Here the writer's connection never checkpoints (``wal_autocheckpoint
    = 0``) and this thread's own connection does a PASSIVE checkpoint after
    each commit (WAL lets it run beside the next write transaction). Nothing
    changes for durability: the same checkpoint, with the same syncs
    (``synchronous = NORMAL``); the last file's is the one SQLite does when
    the library closes, as before. Without a file behind the library (an
    in-memory one) it does nothing.
    """

    def __init__(self, store: Store) -> None:
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._pending = False
        self._thread: threading.Thread | None = None
        path = store.db.path
        if path is None or store.db.readonly:
            return
        store.db.conn().execute("PRAGMA wal_autocheckpoint = 0")
        self._thread = threading.Thread(target=self._run, args=(str(path),), name="marsad-import-checkpoint",
                                        daemon=True)
        self._thread.start()

    def committed(self) -> None:
        """A write transaction committed: checkpoint it (unless one is running: then after it)."""
        self._pending = True
        self._wake.set()

    def _run(self, path: str) -> None:
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # the checkpoint at close does it all
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._pending:
                    self._pending = False
                    with contextlib.suppress(sqlite3.Error):  # busy, or the disk: the close's checkpoint does it
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                if self._stop.is_set():
                    return
        finally:
            conn.close()

    def close(self) -> None:
        """Checkpoint the last commit here too, then stop (the library's close finds nothing left)."""
        if self._thread is not None:
            self._stop.set()
            self._wake.set()
            self._thread.join()


FILE_PART = 20_000  # articles per write transaction of one file (see _write_file)


class _Restart(Exception):
    """The parser drops what it sent of this file: roll its transaction back."""


@dataclass
class _Part:
    """What one write transaction of a file changed: its output lines, not the
    articles (their bodies would pile up until the commit), and the updated ones."""

    lines: list[tuple[str, ...]] = field(default_factory=list)
    updated: list[Article] = field(default_factory=list)
    seen: int = 0

    def add(self, results: list[tuple[str, Article]], seen: int) -> None:
        for kind, art in results:
            if kind == "updated":
                self.updated.append(art)
            self.lines.append((*_row(art.id, art.language, art.title), *(("(updated)",) if kind == "updated" else ())))
        self.seen += seen

    def saved(self, store: Store, totals: dict[str, int], lines: _Lines) -> None:
        """After the commit: notes re-anchored, lines printed, totals counted."""
        if self.updated:
            reanchor_library(store, self.updated)
        lines.print(self.lines)
        totals["added"] += len(self.lines) - len(self.updated)
        totals["updated"] += len(self.updated)
        totals["unchanged"] += self.seen - len(self.lines)


def _write_file(store: Store, first: Message, messages: Iterator[Message], totals: dict[str, int],
                lines: _Lines, committed: Callable[[], None] | None = None) -> None:
    """One file's rows, up to its ("end", i), in one transaction; then its lines.

    A ("restart", i) rolls back and starts over with the rows that follow;
    an ("error", i, line) rolls back and raises it (the library is as it was).
    A file of more than ``FILE_PART`` articles is committed in parts of that
    size, so that the app, writing in another process, never waits long for
    the database (its busy timeout is 30 s); a failure after a part keeps the
    parts before it (they were printed: what is printed is saved).
    """
    msg = first
    while True:
        part = _Part()
        try:
            with store.db.write():
                while msg[0] != "end":
                    if msg[0] == "rows":
                        arts, indexed, bodies = unpack(msg[2])
                        part.add(store.upsert_batch(arts, indexed, bodies), len(arts))
                    elif msg[0] == "restart":
                        raise _Restart
                    elif msg[0] == "error":
                        raise InputError(msg[2])
                    elif msg[0] == "warn":
                        emit(f"marsad: warning: {msg[2]}", err=True)
                    msg = next(messages)
                    if part.seen >= FILE_PART and msg[0] == "rows":
                        break  # commit this part; the next one starts with msg
        except _Restart:
            msg = next(messages)
            continue
        if committed is not None:
            committed()
        part.saved(store, totals, lines)
        if msg[0] == "end":
            return


def load_input(path: str, config: Config) -> Loaded:
    """A local path, or an http(s) URL fetched as one page (or one feed)."""
    if path.startswith(("http://", "https://")):
        from tui.ingest.fetch import fetch_url_sync

        return fetch_url_sync(path, config)
    return load_path(path)


def _save(store: Store, loaded: Loaded, totals: dict[str, int], max_chars: int, lines: _Lines) -> None:
    if loaded.articles:
        added, updated = save_articles(store, loaded.articles, max_chars)
        lines.print([_row(art.id, art.language, art.title) for art in added]
                    + [(*_row(art.id, art.language, art.title), "(updated)") for art in updated])
        totals["added"] += len(added)
        totals["updated"] += len(updated)
        totals["unchanged"] += len(loaded.articles) - len(added) - len(updated)
    if loaded.feeds:
        changed = subscribe(store, loaded.feeds)
        for feed in changed:
            emit_table([("feed", feed.id, clean_inline(feed.name) or "-", feed.url)])
            totals["feeds"] += 1
        totals["subscribed"] += len(loaded.feeds) - len(changed)


def subscribe(store: Store, feeds: list[Feed]) -> list[Feed]:
    """Save feeds, merging tags into ones already subscribed (same URL)."""
    existing = {f.url: f for f in store.feeds()}
    changed: list[Feed] = []
    for feed in feeds:
        old = existing.get(feed.url)
        if old is not None:
            merged = list(dict.fromkeys(old.tags + feed.tags))
            if merged == old.tags:
                continue
            old.tags = merged
            feed = old
        changed.append(feed)
    store.save_feeds([clean_feed(f) for f in changed])
    return changed


def _row(article_id: str, language: str, title: str) -> tuple[str, str, str]:
    return (article_id, language or "-", clean_inline(title))


def _summary(t: dict[str, int], inputs: int) -> None:
    parts = [f"{t['added']} added"]
    if t["updated"]:
        parts.append(f"{t['updated']} updated")
    if t["unchanged"]:
        parts.append(f"{t['unchanged']} already in the library")
    if t["feeds"]:
        parts.append(f"{t['feeds']} feeds subscribed")
    if t["subscribed"]:
        parts.append(f"{t['subscribed']} feeds already subscribed")
    if t["failed"]:
        parts.append(f"{t['failed']} of {inputs} inputs failed")
    emit("imported: " + ", ".join(parts), err=bool(t["failed"] and not t["added"]))
