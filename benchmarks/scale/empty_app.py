"""The floor for "launch to first paint": a trivial Textual app.

Same interpreter, same Textual, no library: a header, a static block of
twenty short lines and a footer. DESIGN.md asks Marsad's first paint at
100,000+ articles to stay under twice this app's, measured in the same run.
The runner waits for ``READY-ROW-19`` on the tmux screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class EmptyApp(App[None]):
    """Nothing but widgets Marsad's screen also has."""

    BINDINGS: ClassVar = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("\n".join(f"READY-ROW-{i}" for i in range(20)))
        yield Footer()


if __name__ == "__main__":
    EmptyApp().run()
