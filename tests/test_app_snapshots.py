"""How the main screen looks, as SVG snapshots (``pytest --snapshot-update`` to accept)."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parent / "snapshot_apps" / "main_app.py"


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


def test_main_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(APP, terminal_size=(120, 36), run_before=_settle)


def test_main_screen_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(APP, terminal_size=(80, 24), run_before=_settle)
