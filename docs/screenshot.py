"""Regenerate docs/screenshot.svg: the main screen on a fresh sample library.

    python docs/screenshot.py
"""

import asyncio
import tempfile
from pathlib import Path

from tui.app import make_app
from tui.config import THEMES_DIR, Config

OUT = Path(__file__).with_name("screenshot.svg")


async def main() -> None:
    library = Path(tempfile.mkdtemp(prefix="marsad-shot-")) / "library"
    app = make_app(Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("j", "enter")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        app.save_screenshot(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
