"""The search index of one library: built from the store, cached on disk.

The cache (``cache/search-index.bin``: a JSON header plus the raw posting
arrays, never pickle, since a library folder may come from someone else)
carries a *stamp* of the library
files it was built from (size and mtime of ``articles.json`` and of each
annotation bucket). Opening a library whose stamp matches loads the cache
and reads nothing else. Otherwise the cache is brought up to date
incrementally: each article has a signature (content hash, tags, notes), and
only articles whose signature changed are re-tokenised; deleted ones are
dropped. The same :func:`sync_index` runs in the app after an edit.
"""

from __future__ import annotations

import hashlib
import os
import json
from array import array
from collections import defaultdict
from pathlib import Path

from tui.models import Annotation, Article
from tui.search.index import DocText, SearchIndex
from tui.store import BUCKETS, Store

CACHE_NAME = "search-index.bin"
_MAGIC = b"MARSAD-SEARCH-INDEX\n"
BULK_BODIES = 200  # above this many changed articles, read bodies bucket by bucket


def cache_path(store: Store) -> Path:
    return store.folder / "cache" / CACHE_NAME


def library_stamp(store: Store) -> str:
    """Cheap fingerprint of everything the index reads: ~33 ``stat`` calls."""
    parts = [_stat("articles.json", store)]
    parts += [_stat(f"annotations/{b:02d}.json", store) for b in range(BUCKETS)]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()


def _stat(rel: str, store: Store) -> str:
    try:
        st = (store.folder / rel).stat()
    except OSError:
        return "-"
    return f"{st.st_mtime_ns}:{st.st_size}"


def load_index(store: Store, use_cache: bool = True) -> SearchIndex:
    """The library's index: from the cache if current, else synced and re-saved."""
    stamp = library_stamp(store)
    index = _read_cache(cache_path(store)) if use_cache else None
    if index is not None and index.stamp == stamp:
        return index
    index = index or SearchIndex()
    sync_index(index, store, stamp)
    if use_cache:
        save_index(index, store)
    return index


def sync_index(index: SearchIndex, store: Store, stamp: str | None = None) -> int:
    """Re-index what changed in the store since the index was built; returns how many.

    The stamp is taken *before* reading, so a change made during the sync
    shows up as a stale stamp next time rather than being missed.
    """
    with index.sync_lock:
        return _sync(index, store, stamp or library_stamp(store))


def _sync(index: SearchIndex, store: Store, stamp: str) -> int:
    if index.stamp == stamp:
        return 0  # another thread synced while this one waited
    articles = store.articles()
    notes, note_tags = _notes_by_article(store.all_annotations())
    wanted: dict[str, tuple[Article, str]] = {}
    for art in articles:
        sig = _signature(art, notes.get(art.id, ""), note_tags.get(art.id, ""))
        if index.sigs.get(art.id) != sig:
            wanted[art.id] = (art, sig)
    gone = set(index.sigs) - {a.id for a in articles}
    for article_id in gone:
        index.remove(article_id)
    for article_id, body in _bodies(store, set(wanted)):
        art, sig = wanted[article_id]
        tags = " | ".join([*art.tags, note_tags.get(article_id, "")])
        index.add(DocText(article_id, art.title, body, notes.get(article_id, ""), tags), sig)
    index.maybe_compact()
    index.stamp = stamp
    return len(wanted) + len(gone)


def save_index(index: SearchIndex, store: Store) -> None:
    """Write the cache atomically; a read-only library just goes without one."""
    path = cache_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(encode_state(index.to_state()))
        os.replace(tmp, path)
    except OSError:
        pass


def encode_state(state: dict) -> bytes:
    """``SearchIndex.to_state()`` as bytes: magic, header length, JSON header, arrays."""
    flat, offsets = state["flat"], state["offsets"]
    header = {k: v for k, v in state.items() if k not in ("flat", "offsets")}
    header["arrays"] = [flat.typecode, flat.itemsize, len(flat), len(offsets)]
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return _MAGIC + len(head).to_bytes(8, "little") + head + flat.tobytes() + offsets.tobytes()


def decode_state(data: bytes) -> dict:
    """The inverse of :func:`encode_state`; ValueError for anything else."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a Marsad search index")
    pos = len(_MAGIC) + 8
    size = int.from_bytes(data[len(_MAGIC):pos], "little")
    header = json.loads(data[pos:pos + size].decode("utf-8"))
    pos += size
    typecode, itemsize, n_flat, n_offsets = header.pop("arrays")
    flat, offsets = array(typecode), array(typecode)
    if flat.itemsize != itemsize or len(data) != pos + (n_flat + n_offsets) * itemsize:
        raise ValueError("search index arrays do not match their header")
    flat.frombytes(data[pos:pos + n_flat * itemsize])
    offsets.frombytes(data[pos + n_flat * itemsize:])
    return {**header, "flat": flat, "offsets": offsets}


def _read_cache(path: Path) -> SearchIndex | None:
    """A cache that is missing, stale in format or unreadable is rebuilt, never fatal."""
    try:
        return SearchIndex.from_state(decode_state(path.read_bytes()))
    except Exception:  # noqa: BLE001 - any broken cache just means "rebuild"
        return None


def _bodies(store: Store, ids: set[str]):
    """Bodies of ``ids``: one by one when few, bucket by bucket when many."""
    if not ids:
        return
    if len(ids) <= BULK_BODIES:
        for article_id in ids:
            art = store.get_article(article_id)
            yield article_id, art.body if art else ""
        return
    for article_id, body in store.iter_bodies():
        if article_id in ids:
            yield article_id, body


def _notes_by_article(annotations: list[Annotation]) -> tuple[dict[str, str], dict[str, str]]:
    notes: dict[str, list[str]] = defaultdict(list)
    tags: dict[str, list[str]] = defaultdict(list)
    for ann in annotations:
        if ann.note:
            notes[ann.article_id].append(ann.note)
        tags[ann.article_id].extend(ann.tags)
    return ({k: "\n\n".join(v) for k, v in notes.items()},
            {k: " | ".join(dict.fromkeys(v)) for k, v in tags.items() if v})


def _signature(art: Article, notes: str, note_tags: str) -> str:
    text = "\x1f".join([art.hash, art.title, "|".join(art.tags), notes, note_tags])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()
