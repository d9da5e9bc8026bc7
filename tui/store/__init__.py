"""The library: one folder holding the articles and what the analyst writes.

Layout of a library folder::

    library.sqlite       articles: metadata, bodies, FTS5 search index, tag and
                         entity indexes, a mirror of annotation counts (SQLite, WAL)
    meta.json            schema version
    annotations/NN.json  annotations, in 32 buckets by article id (TinyDB)
    feeds.json           subscribed feeds (TinyDB)
    corrections.json     the analyst's entity corrections (TinyDB)
    cache/               derived data (entity cache); safe to delete
    settings.toml        user settings (see config.py)
    .lock                taken with flock around every JSON write
    migrated-v1/         after an upgrade: the old articles.json and bodies/

Why two stores: articles are many (100,000 in a quarter for an analyst with
100 feeds), machine-made and read by range, sort and search: SQLite serves
exactly that, reading only the rows asked for. What the analyst writes
(notes, highlights, tags, feeds, corrections) is small, precious and worth
reading and diffing by hand: TinyDB's JSON files, written atomically. A
library made by an earlier release (articles in ``articles.json`` and
``bodies/``) is moved into SQLite once when it is opened; ids are kept, so
annotations stay attached (:mod:`tui.store.migrate`).

Modules: ``files`` (atomic JSON writes, locking, TinyDB plumbing), ``notes``
(annotations, feeds, corrections: what the analyst writes), ``sql`` (the
SQLite database: schema, connections, transactions), ``articles`` (articles,
the list's windows and counts, search), ``migrate`` (schema upgrades),
``library`` (the ``Store`` that joins them), ``ids`` (shared identifiers).
"""

from tui.store.articles import ListQuery, Row
from tui.store.files import AtomicJSONStorage, atomic_write
from tui.store.ids import BUCKETS, article_id_for, bucket_of, new_id
from tui.store.library import MIGRATIONS, SCHEMA_VERSION, Store
from tui.store.rows import StoreRows

__all__ = [
    "BUCKETS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "ListQuery",
    "Row",
    "Store",
    "StoreRows",
    "article_id_for",
    "atomic_write",
    "bucket_of",
    "new_id",
]
