"""A tiny app that composes only the Reader, for Pilot and snapshot tests.

Run as a module path by snap_compare; ``ARTICLE`` (env MARSAD_READER_FIXTURE)
picks the fixture shown.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App, ComposeResult

from tui.models import Article
from tui.text.sanitize import sanitize
from tui.themes import APP_VARIABLES
from tui.widgets.reader import Reader

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rtl"


def fixture_article(name: str, language: str = "") -> Article:
    lines = [ln for ln in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = "\n\n".join(sanitize(ln) for ln in lines[1:])
    return Article(id=name, title=lines[0], body=body, source="Marsad fixtures",
                   published="2026-02-01T10:00:00+00:00", language=language)


class ReaderApp(App):
    """Only a Reader, full screen, with the app theme variables defined."""

    CSS = "Screen { layout: vertical; } Reader { height: 1fr; }"

    def __init__(self, article: Article | None = None, bidi: str = "app") -> None:
        super().__init__()
        self._article = article
        self._bidi = bidi

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def compose(self) -> ComposeResult:
        yield Reader()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        reader = self.query_one(Reader)
        reader.bidi_mode = self._bidi
        reader.show(self._article)
        reader.focus()


_name = os.environ.get("MARSAD_READER_FIXTURE", "mixed.txt")
_lang = {"arabic.txt": "ar", "persian.txt": "fa", "hebrew.txt": "he"}.get(_name, "")
app = ReaderApp(fixture_article(_name, _lang), os.environ.get("MARSAD_READER_BIDI", "app"))
