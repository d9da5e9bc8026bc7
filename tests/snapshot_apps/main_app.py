"""The real app on a fresh sample library, for snapshot tests (no ``run()``)."""

import tempfile
from pathlib import Path

from tui.app import make_app
from tui.config import THEMES_DIR, Config

library = Path(tempfile.mkdtemp(prefix="marsad-snap-")) / "library"
app = make_app(Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR))
