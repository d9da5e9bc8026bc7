"""`marsad` with no sub-command: open the app on the library."""

from __future__ import annotations

import argparse

from tui.config import load_config


def run(args: argparse.Namespace) -> int:
    from tui.app import make_app

    config = load_config(args.library, bidi=args.bidi, theme=args.theme)
    app = make_app(config)
    app.run()
    if app.store_open:
        app.store.close()
    return 0
