"""The screen shown while a library written by an older Marsad is upgraded.

Opening such a library builds what the new release needs over every
article (the list's indexes, the search index, or the move out of the old
JSON files): seconds at 100,000 articles, minutes at 1,000,000. The app
paints this screen at once, opens the library in a worker and shows each
step with a bar; then the main screen takes its place. ``q`` quits (the
upgrade is one transaction: stopped half-way, the library is left as it was
and the next start upgrades it again).
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from tui.errors import MarsadError
from tui.store import Store


class UpgradeScreen(Screen[None]):
    """A title, the current step, a bar; the library is opened in a thread."""

    CSS_PATH = "upgrade.tcss"
    BINDINGS = [Binding("q", "app.quit", "Quit", id="upgrade.quit")]

    def __init__(self, folder: Path, opened: Callable[[Store], None]) -> None:
        super().__init__()
        self.folder = folder
        self.opened = opened
        self.steps: list[str] = []  # every step announced, in order (the tests read it)

    def compose(self) -> ComposeResult:
        with Vertical(id="upgrade-body"):
            yield Static("Upgrading your library for this version of Marsad (once)…", id="upgrade-title",
                         markup=False)
            yield Static(str(self.folder), markup=False)
            yield Static("", id="upgrade-step", markup=False)
            yield ProgressBar(show_eta=False, id="upgrade-bar")

    def on_mount(self) -> None:
        gc.enable()  # off until the first paint (tui.commands.app); an upgrade allocates for minutes
        self.open_library()

    @work(thread=True, exclusive=True, group="upgrade")
    def open_library(self) -> None:
        """Open (and so upgrade) the library off the UI thread; progress comes back as calls."""
        try:
            store = Store(self.folder, upgrade_progress=self._from_thread)
        except _Stopped:
            return  # the app is quitting: the transaction was rolled back, nothing changed
        except (MarsadError, OSError, sqlite3.Error) as exc:
            self.app.call_from_thread(self.failed, str(exc))
            return
        self.app.call_from_thread(self.opened, store)

    def _from_thread(self, what: str, done: int, total: int) -> None:
        if get_current_worker().is_cancelled:
            raise _Stopped
        try:
            self.app.call_from_thread(self.show_step, what, done, total)
        except RuntimeError:  # the app has stopped running
            raise _Stopped from None

    def show_step(self, what: str, done: int, total: int) -> None:
        if not self.steps or self.steps[-1] != what:
            self.steps.append(what)
        self.query_one("#upgrade-step", Static).update(f"{what[:1].upper()}{what[1:]}: {done:,} of {total:,}")
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def failed(self, error: str) -> None:
        """The library could not be opened: say why; nothing was changed (q quits)."""
        self.query_one("#upgrade-title", Static).update("The library could not be opened.")
        self.query_one("#upgrade-step", Static).update(f"{error}\n\nq quits.")
        self.query_one(ProgressBar).display = False


class _Stopped(Exception):
    """Raised inside the upgrade to roll it back when the app quits during it."""
