"""Spans drawn over the reader text: highlights, search hits, entity mentions.

Offsets are logical, into the article body; the reader maps them to cells.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """``kind``: "highlight", "search", "entity", or an entity type
    ("PER", "ORG", "LOC", "MISC"), which draws in that type's colour."""

    start: int
    end: int
    kind: str = "highlight"
    id: str = ""
