"""First paint does not pay for features used later: the fetcher (httpx) is imported when a fetch starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_main_screen_imports_no_http_client() -> None:
    code = "import sys, tui.app, tui.screens.main, tui.controllers; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"


def test_the_main_screen_imports_no_entity_engine_feed_parser_or_exporter() -> None:
    """The engine's rules and word lists, the OPML/XML parsers, the exporter, the stories and
    the settings writer are imported when first used (an article's names read, a feed added,
    ``x``, ``S``, a setting saved), not to paint."""
    late = ["tui.entities.engine", "tui.entities.rules", "tui.ingest.opml", "xml.etree.ElementTree",
            "tui.export", "tui.stories.library", "tui.screens.feeds_screen", "tomlkit"]
    code = ("import sys, tui.cli, tui.app, tui.screens.main, tui.controllers; "
            f"print(','.join(m for m in {late!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == ""


def test_the_entities_package_still_offers_its_names() -> None:
    code = ("from tui.entities import Corrections, Engine, RuleEngine, entities, extract, get_engine, group; "
            "print(entities('الرئيس الإيراني في طهران', 'ar')[0].gloss, isinstance(get_engine(), RuleEngine))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["Tehran", "True"]


async def test_garbage_collection_resumes_after_the_first_paint(config) -> None:  # type: ignore[no-untyped-def]
    """``marsad`` turns the cyclic collector off until the first screen is drawn (its passes
    over Textual's objects cost 50-80 ms of the start); the main screen turns it back on."""
    import gc

    from pilot_helpers import started

    from tui.app import make_app

    config.seed_samples = True
    app = make_app(config)
    gc.disable()  # as tui.commands.app.run does before importing the app
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await started(app, pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # the start-up objects are kept out of full passes
    finally:
        gc.enable()
        gc.unfreeze()


async def test_the_main_screen_is_the_first_screen(config) -> None:  # type: ignore[no-untyped-def]
    """Not pushed over an empty screen after the start: one screen is composed, styled and
    drawn, already in the configured theme."""
    from pilot_helpers import started

    from tui.app import make_app
    from tui.screens.main import MainScreen

    config.seed_samples = True
    config.theme = "marsad-light"
    app = make_app(config)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(app, pilot)
        assert len(app.screen_stack) == 1 and isinstance(app.screen_stack[0], MainScreen)
        assert app.theme == "marsad-light"
