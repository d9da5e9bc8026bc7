"""The Store: one library folder, opened, schema-checked and migrated."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tui.errors import StoreError
from tui.store.articles import ArticlesMixin
from tui.store.notes import NotesMixin

SCHEMA_VERSION = 1

# version -> function upgrading the whole library folder from that version.
MIGRATIONS: dict[int, Callable[[Store], None]] = {}


class Store(ArticlesMixin, NotesMixin):
    """All reads and writes of a library folder. Thread-safe; never imports Textual."""

    def __init__(self, folder: str | Path, readonly: bool = False) -> None:
        self._init_files(Path(folder).expanduser(), readonly)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create library folder {self.folder}: {exc.strerror}") from exc
        if not os.access(self.folder, os.W_OK):
            self.readonly = True
        # A brand-new library (first run) is seeded with samples; one whose
        # files were set aside after corruption must not be.
        self.is_new = not (self.folder / "meta.json").exists()
        self._check_schema()

    def _check_schema(self) -> None:
        meta = self._db("meta.json").table("meta")
        doc = meta.get(doc_id=1)
        version = int(doc["schema"]) if doc else 0
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"this library was written by a newer Marsad (schema {version}); upgrade Marsad to open it"
            )
        if version == SCHEMA_VERSION or self.readonly:
            return
        with self.writing():
            for step in range(version, SCHEMA_VERSION):
                if step in MIGRATIONS:
                    MIGRATIONS[step](self)
            meta.upsert({"schema": SCHEMA_VERSION}, lambda d: True)

    def close(self) -> None:
        self._close_files()
