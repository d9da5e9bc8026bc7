"""`marsad` with no sub-command: open the app on the library."""

from __future__ import annotations

import argparse
import gc

from tui.config import load_config


def run(args: argparse.Namespace) -> int:
    # No cyclic garbage collection until the first screen is drawn (the main screen
    # turns it back on after its first paint): importing Textual and building the
    # screen allocate ~200,000 objects, and the collector's passes over them took
    # 50-80 ms of a ~0.5 s start (measured with gc.callbacks, 100,000 articles).
    gc.disable()
    from tui.app import make_app

    config = load_config(args.library, bidi=args.bidi, theme=args.theme)
    app = make_app(config)
    app.run()
    if app.store_open:
        app.store.close()
    return 0
