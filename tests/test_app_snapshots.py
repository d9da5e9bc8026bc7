"""How the main screen looks, as SVG snapshots (``pytest --snapshot-update`` to accept)."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import workers_done

APP = Path(__file__).parent / "snapshot_apps" / "main_app.py"


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the library's entity index is complete (it starts a second after first paint),
    so the sidebar's library counts are final, not the partial ``1+``."""
    from tui.screens.main import MainScreen

    for _ in range(300):
        await pilot.pause()
        await workers_done(pilot.app)
        screen = pilot.app.screen
        if isinstance(screen, MainScreen) and screen.entities.index.complete and screen.search.index is not None:
            break
        await pilot.pause(0.05)
    await workers_done(pilot.app)
    # The library's entity counts fill in a worker started by a timer after the first load: wait for
    # them to be complete, so the picture does not depend on how fast the engine started.
    entities = getattr(pilot.app.screen, "entities", None)
    for _ in range(100):
        if entities is None or entities.index.complete:
            break
        await pilot.pause(0.05)
        await workers_done(pilot.app)
    await pilot.pause(0.2)


def test_main_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(APP, terminal_size=(120, 36), run_before=_settle)


def test_main_screen_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(APP, terminal_size=(80, 24), run_before=_settle)
