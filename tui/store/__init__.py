"""The library: one folder holding the articles and what the analyst writes.

Layout of a library folder::

    meta.json            schema version
    articles.json        article metadata (no bodies), one TinyDB table
    bodies/NN.json       article bodies, in 32 buckets by article id
    annotations/NN.json  annotations, in 32 buckets by article id
    feeds.json           subscribed feeds
    corrections.json     the analyst's entity corrections
    cache/               derived data (entity and search caches); safe to delete
    settings.toml        user settings (see config.py)
    .lock                taken with flock around every write

Modules: ``files`` (atomic JSON writes, locking, TinyDB plumbing), ``notes``
(annotations, feeds, corrections: what the analyst writes), ``articles``
(articles and bodies), ``library`` (the ``Store`` that joins them, schema and
migrations), ``ids`` (identifiers shared by both sides).
"""

from tui.store.files import AtomicJSONStorage, atomic_write
from tui.store.ids import BUCKETS, article_id_for, bucket_of, new_id
from tui.store.library import MIGRATIONS, SCHEMA_VERSION, Store

__all__ = [
    "BUCKETS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AtomicJSONStorage",
    "Store",
    "article_id_for",
    "atomic_write",
    "bucket_of",
    "new_id",
]
