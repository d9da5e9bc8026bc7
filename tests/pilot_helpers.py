"""Shared Pilot steps for the app tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.screens.main import MainScreen


async def workers_done(app) -> None:  # type: ignore[no-untyped-def]
    """Until every worker has finished.

    Textual's ``wait_for_complete`` raises as soon as one awaited worker was
    cancelled, and the app cancels on purpose (a newer count or filter wins
    over the one still running): wait again for the ones left.
    """
    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def started(app, pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    """The main screen once the library list has loaded."""
    await pilot.pause()
    await workers_done(app)
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def until(pilot: Pilot[Any], check: Callable[[], bool], seconds: float = 5.0) -> bool:
    """Whether ``check`` came true within ``seconds`` of the app's time.

    Why: on a loaded machine a key's effect (a save, a refresh) can take more
    than one ``pilot.pause()``; a test asserts the result, not the timing.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not check():
        if loop.time() > deadline:
            return False
        await pilot.pause(0.05)
    return True
