"""A one-line fetch status above the footer: a bar and the running counts.

Thin on purpose: the screen that owns the fetch formats the text and says
when to show and hide it. ``show`` may come before the widget has finished
mounting (it is mounted on first use), so the state is kept and applied on
mount.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.widgets import ProgressBar, Static


class FetchStatus(Horizontal):
    """Hidden until a fetch starts; ``show`` updates it, ``hide`` puts it away."""

    DEFAULT_CSS = Path(__file__).with_suffix(".tcss").read_text(encoding="utf-8")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._state: tuple[int, int, str] | None = None

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_eta=False, show_percentage=False, id="fetch-bar")
        yield Static("", id="fetch-text", markup=False)

    def on_mount(self) -> None:
        self._apply()

    @property
    def text(self) -> str:
        """What the line says now ("" when hidden)."""
        return self._state[2] if self._state else ""

    def show(self, done: int, total: int, text: str) -> None:
        self._state = (done, total, text)
        self._apply()

    def hide(self) -> None:
        self._state = None
        self._apply()

    def _apply(self) -> None:
        self.display = self._state is not None
        if self._state is None:
            return
        done, total, text = self._state
        try:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
            self.query_one("#fetch-text", Static).update(text)
        except NoMatches:  # not composed yet: on_mount applies it
            pass
