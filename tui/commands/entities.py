"""``marsad entities FILE [--json] [--lang L] [--engine model|rules|camel]``: list the entities in a text file.

Offsets: the file is decoded as UTF-8 with ``utf-8-sig``, so a leading byte
order mark is *not* part of the text and does not count in spans; spans are
character (code point) offsets into the decoded text, in logical order, and
``text[start:end]`` is always one of the entity's surfaces. Line endings are
kept as they are in the file (no newline translation), so offsets hold for
CRLF files too.
"""

from __future__ import annotations

import argparse

from tui.commands.output import emit, emit_json
from tui.entities import get_engine, group
from tui.entities.engine import normalise_language
from tui.ingest.textfile import read_text_file
from tui.models import Entity

_TYPE_TITLES = {"PER": "People", "ORG": "Organisations", "LOC": "Places", "MISC": "Other"}


def to_json(entities: list[Entity]) -> list[dict]:
    """The contract shape: type, name, surfaces, count, spans."""
    return [
        {"type": e.type, "name": e.name, "surfaces": list(e.surfaces), "count": e.count,
         "spans": [[s, t] for s, t in e.spans]}
        for e in entities
    ]


def table(entities: list[Entity]) -> str:
    """Readable listing grouped by type, most mentioned first within each group."""
    lines: list[str] = []
    for kind, title in _TYPE_TITLES.items():
        rows = [e for e in entities if e.type == kind]
        if not rows:
            continue
        lines.append(f"{title} ({len(rows)})")
        for e in rows:
            gloss = f"  [{e.gloss}]" if e.gloss and e.gloss != e.name else ""
            others = [s for s in e.surfaces if s != e.name]
            also = f"  — also: {', '.join(others)}" if others else ""
            lines.append(f"  {e.count:>3}  {e.name}{gloss}{also}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n" if lines else "No entities found.\n"


def run(args: argparse.Namespace) -> int:
    text = read_text_file(args.file)
    lang = normalise_language(getattr(args, "lang", None), text)
    found = group(get_engine(getattr(args, "engine", "model")).extract(text, lang))
    if getattr(args, "json", False):
        emit_json(to_json(found), indent=1)
    else:
        for line in table(found).rstrip("\n").split("\n"):
            emit(line)  # line by line: RTL names laid out when stdout is a terminal
    return 0
