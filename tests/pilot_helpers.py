"""Shared Pilot steps for the app tests."""

from __future__ import annotations

from tui.screens.main import MainScreen


async def started(app, pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    """The main screen once the library list has loaded."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    return app.screen
