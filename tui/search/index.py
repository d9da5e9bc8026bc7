"""The inverted index: term -> (article slots, weighted term frequency).

Layout, and why:

* ``terms``/``vocab``: every distinct folded word gets an integer id.
* ``_fwd[slot]``: per article, one ``array('I')`` of term ids per field
  (title, body, notes, tags). These are the *positions*: phrase search scans
  them from the rarest word's occurrences (``array.index`` runs in C), and
  compaction rebuilds postings from them without re-tokenising anything.
  Keeping positions here rather than inside each posting is ~10x smaller at
  10,000 articles (a Python list per (term, article) pair costs ~150 bytes).
* ``_docs[tid]``/``_weights[tid]``: the postings, appendable arrays, so an
  article added or changed is indexed in place. A removed article is only
  marked dead (``_alive``); :meth:`compact` drops the dead once they pile up.
* ``_keys``: match key -> term ids (a word and its clitic stems, see
  :mod:`tui.search.terms`), so وإيران answers a search for إيران.

Ranking is BM25 over a field-weighted term frequency (a title hit counts
three times a body hit, BM25F-style), with stem matches discounted.
Thread-safety: one lock around every read and write; a search at 10,000
articles holds it for a few milliseconds.
"""

from __future__ import annotations

import math
import threading
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.search.query import Query
from tui.search.terms import STEM_WEIGHT, query_keys, token_keys
from tui.text.normalize import tokenize

FIELDS = ("title", "body", "notes", "tags")
FIELD_WEIGHTS = (3.0, 1.0, 2.0, 3.0)
K1 = 1.2
B = 0.75
PHRASE_BOOST = 1.5
PREFIX_WEIGHT = 0.9
PREFIX_CAP = 256
STATE_VERSION = 3


@dataclass
class DocText:
    """What is searchable about one article."""

    id: str
    title: str = ""
    body: str = ""
    notes: str = ""
    tags: str = ""

    def fields(self) -> tuple[str, str, str, str]:
        return (self.title, self.body, self.notes, self.tags)


@dataclass(frozen=True)
class Result:
    """One matching article and its relevance score (higher is better)."""

    id: str
    score: float


class SearchIndex:
    """In-memory index of the library; see the module docstring."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.sync_lock = threading.Lock()  # one store sync at a time (see library.sync_index)
        self.stamp = ""
        self.terms: list[str] = []
        self.vocab: dict[str, int] = {}
        self._keys: dict[str, list[tuple[int, float]]] = {}
        self._sorted_keys: list[str] | None = None
        self._ids: list[str] = []
        self._slot_of: dict[str, int] = {}
        self._fwd: list[tuple[array, ...] | None] = []
        self._lengths = array("f")
        self._alive = bytearray()
        self._docs: dict[int, array] = {}
        self._weights: dict[int, array] = {}
        self.sigs: dict[str, str] = {}
        self._total_length = 0.0

    # -- size --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._slot_of

    @property
    def dead(self) -> int:
        return len(self._ids) - len(self._slot_of)

    # -- writing -----------------------------------------------------------

    def add(self, doc: DocText, sig: str = "") -> None:
        """Index (or re-index) one article."""
        fields = tuple(array("I", (self._term_id(t.norm) for t in tokenize(text))) for text in doc.fields())
        with self._lock:
            if doc.id in self._slot_of:
                self._remove(doc.id)
            slot = len(self._ids)
            self._ids.append(doc.id)
            self._slot_of[doc.id] = slot
            self._fwd.append(fields)
            self._alive.append(1)
            self._post(slot, fields)
            self.sigs[doc.id] = sig

    def add_many(self, docs: Iterable[tuple[DocText, str]]) -> None:
        for doc, sig in docs:
            self.add(doc, sig)

    def remove(self, article_id: str) -> None:
        with self._lock:
            self._remove(article_id)

    def _remove(self, article_id: str) -> None:
        slot = self._slot_of.pop(article_id, None)
        self.sigs.pop(article_id, None)
        if slot is None:
            return
        self._alive[slot] = 0
        self._fwd[slot] = None
        self._total_length -= self._lengths[slot]

    def _term_id(self, norm: str) -> int:
        tid = self.vocab.get(norm)
        if tid is None:
            with self._lock:
                tid = self.vocab.setdefault(norm, len(self.terms))
                if tid == len(self.terms):
                    self.terms.append(norm)
                    self._add_keys(tid, norm)
        return tid

    def _add_keys(self, tid: int, norm: str) -> None:
        for key, _ in token_keys(norm):
            self._keys.setdefault(key, []).append((tid, 1.0 if key == norm else STEM_WEIGHT))
        self._sorted_keys = None

    def _post(self, slot: int, fields: tuple[array, ...]) -> None:
        tf: dict[int, float] = defaultdict(float)
        length = 0.0
        for weight, arr in zip(FIELD_WEIGHTS, fields):
            length += weight * len(arr)
            for tid in arr:
                tf[tid] += weight
        for tid, w in tf.items():
            docs = self._docs.get(tid)
            if docs is None:
                self._docs[tid] = array("I", (slot,))
                self._weights[tid] = array("f", (w,))
            else:
                docs.append(slot)
                self._weights[tid].append(w)
        self._lengths.append(length)
        self._total_length += length

    def compact(self) -> None:
        """Drop dead slots and rebuild postings from the forward index (no re-tokenising)."""
        with self._lock:
            live = [(i, self._fwd[i]) for i in range(len(self._ids)) if self._alive[i]]
            ids = [self._ids[i] for i, _ in live]
            self._ids, self._slot_of, self._fwd = [], {}, []
            self._lengths, self._alive = array("f"), bytearray()
            self._docs, self._weights, self._total_length = {}, {}, 0.0
            for article_id, (_, fields) in zip(ids, live):
                self._slot_of[article_id] = len(self._ids)
                self._ids.append(article_id)
                self._fwd.append(fields)
                self._alive.append(1)
                self._post(len(self._ids) - 1, fields)  # type: ignore[arg-type]

    def maybe_compact(self) -> None:
        if self.dead > max(500, len(self._ids) // 4):
            self.compact()

    # -- reading -----------------------------------------------------------

    def search(self, query: Query, limit: int | None = None) -> list[Result]:
        """Articles matching every term, phrase and prefix of ``query``, best first."""
        if query.empty:
            return []
        with self._lock:
            scores = self._score(query)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if limit is not None:
            ranked = ranked[:limit]
        return [Result(self._ids[slot], round(score, 4)) for slot, score in ranked]

    def search_ids(self, query: Query) -> dict[str, float]:
        """Article id -> score, for filtering the list as the user types."""
        return {r.id: r.score for r in self.search(query)}

    def _score(self, query: Query) -> dict[int, float]:
        groups: list[dict[str, float]] = [query_keys(t) for t in query.terms]
        for phrase in query.phrases:
            groups.extend(query_keys(t) for t in phrase)
        if query.prefix:
            groups.append(self._prefix_keys(query.prefix))
        tfs = [self._term_tf(g) for g in groups]
        if not tfs or any(not tf for tf in tfs):
            return {}
        candidates = set(min(tfs, key=len))
        for tf in tfs:
            candidates.intersection_update(tf)
        for phrase in query.phrases:
            candidates = self._phrase_filter(candidates, phrase)
        return self._bm25(candidates, tfs, boost=PHRASE_BOOST if query.phrases else 1.0)

    def _term_tf(self, keys: dict[str, float]) -> dict[int, float]:
        """Slot -> weighted term frequency over every term the keys reach."""
        tf: dict[int, float] = defaultdict(float)
        alive = self._alive
        for key, qw in keys.items():
            for tid, kw in self._keys.get(key, ()):
                w = qw * kw
                for slot, f in zip(self._docs.get(tid, ()), self._weights.get(tid, ())):
                    if alive[slot]:
                        tf[slot] += f * w
        return tf

    def _bm25(self, candidates: set[int], tfs: list[dict[int, float]], boost: float) -> dict[int, float]:
        n = max(len(self._slot_of), 1)
        avg = (self._total_length / n) or 1.0
        lengths = self._lengths
        scores: dict[int, float] = dict.fromkeys(candidates, 0.0)
        for tf in tfs:
            df = len(tf)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            for slot in candidates:
                f = tf[slot]
                norm = K1 * (1 - B + B * lengths[slot] / avg)
                scores[slot] += idf * f * (K1 + 1) / (f + norm) * boost
        return scores

    def _prefix_keys(self, prefix: str) -> dict[str, float]:
        keys = self._sorted_keys
        if keys is None:
            keys = self._sorted_keys = sorted(self._keys)
        out: dict[str, float] = {}
        i = bisect_left(keys, prefix)
        while i < len(keys) and keys[i].startswith(prefix) and len(out) < PREFIX_CAP:
            out[keys[i]] = 1.0 if keys[i] == prefix else PREFIX_WEIGHT
            i += 1
        return out

    def _term_set(self, norm: str) -> set[int]:
        return {tid for key in query_keys(norm) for tid, _ in self._keys.get(key, ())}

    def _phrase_filter(self, candidates: set[int], phrase: tuple[str, ...]) -> set[int]:
        sets = [self._term_set(w) for w in phrase]
        anchor = min(range(len(sets)), key=lambda i: len(sets[i]))
        return {slot for slot in candidates if self._has_phrase(self._fwd[slot], sets, anchor)}

    @staticmethod
    def _has_phrase(fields: tuple[array, ...] | None, sets: list[set[int]], anchor: int) -> bool:
        """True when some field holds the phrase; scans from the rarest word's occurrences."""
        for arr in fields or ():
            for tid in sets[anchor]:
                pos = _find(arr, tid, 0)
                while pos >= 0:
                    start = pos - anchor
                    if start >= 0 and start + len(sets) <= len(arr) and all(
                        arr[start + k] in s for k, s in enumerate(sets)
                    ):
                        return True
                    pos = _find(arr, tid, pos + 1)
        return False

    # -- persistence -------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A compact, picklable snapshot: flat arrays, no per-term objects."""
        with self._lock:
            if self.dead:
                self.compact()
            offsets, flat = array("I", [0]), array("I")
            for fields in self._fwd:
                for arr in fields or ():
                    flat.extend(arr)
                    offsets.append(len(flat))
            return {"version": STATE_VERSION, "stamp": self.stamp, "terms": "\x00".join(self.terms),
                    "ids": list(self._ids), "sigs": dict(self.sigs), "flat": flat, "offsets": offsets}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> SearchIndex:
        """Rebuild from :meth:`to_state`; postings come from the forward index."""
        if state.get("version") != STATE_VERSION:
            raise ValueError("search index cache is from another version")
        index = cls()
        index.stamp = state["stamp"]
        index.terms = state["terms"].split("\x00") if state["terms"] else []
        index.vocab = {t: i for i, t in enumerate(index.terms)}
        for tid, term in enumerate(index.terms):
            index._add_keys(tid, term)
        flat, offsets = state["flat"], state["offsets"]
        nf = len(FIELDS)
        for n, article_id in enumerate(state["ids"]):
            fields = tuple(flat[offsets[n * nf + k]:offsets[n * nf + k + 1]] for k in range(nf))
            index._slot_of[article_id] = n
            index._ids.append(article_id)
            index._fwd.append(fields)
            index._alive.append(1)
            index._post(n, fields)
        index.sigs = dict(state["sigs"])
        return index


def _find(arr: array, value: int, start: int) -> int:
    """``arr.index`` without the exception: -1 when absent."""
    try:
        return arr.index(value, start)
    except ValueError:
        return -1
