"""Identifiers: article ids, bucket names and TinyDB document ids.

Kept apart from the storage code so both sides of the store (articles and
what the analyst writes) derive ids the same way.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

BUCKETS = 32


def bucket_of(article_id: str) -> str:
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=2).digest()
    return f"{int.from_bytes(digest, 'big') % BUCKETS:02d}"


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def article_id_for(url: str = "", guid: str = "", content_hash: str = "") -> str:
    """A stable id from the strongest identity the article has."""
    key = guid or url or content_hash or new_id()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def doc_id(key: str) -> int:
    """TinyDB wants integer document ids; derive a stable one from our string id."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=7).digest(), "big")


def id_of(doc: Any) -> str:
    return str(doc.get("_key") or doc.get("id") or doc.doc_id)
