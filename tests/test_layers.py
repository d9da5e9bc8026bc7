"""The layers hold: pure logic never loads Textual (so the CLI and tests use it without a UI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PURE = ["tui.rtl", "tui.text", "tui.entities", "tui.ingest", "tui.search", "tui.store", "tui.export",
        "tui.anchoring", "tui.controllers", "tui.models", "tui.filters", "tui.tags"]

PROGRAM = """
import importlib, pkgutil, sys
loaded = []
for name in sys.argv[1:]:
    module = importlib.import_module(name)
    loaded.append(name)
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), prefix=name + "."):
        importlib.import_module(info.name)
        loaded.append(info.name)
textual = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(len(loaded))
if textual:
    sys.exit("textual was imported: " + ", ".join(textual[:5]))
"""


def test_pure_modules_never_import_textual() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM, *PURE], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > len(PURE)  # the submodules were walked too


def test_the_check_catches_a_module_that_imports_textual() -> None:
    done = subprocess.run([sys.executable, "-c", PROGRAM, "tui.widgets.reader"], cwd=ROOT, capture_output=True,
                          text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode != 0 and "textual was imported" in done.stderr


def test_main_screen_is_one_class_of_ours() -> None:
    """No feature mixins: every handler of the main screen is in ``tui/screens/main.py``, once."""
    from tui.screens.main import MainScreen

    ours = [cls for cls in MainScreen.__mro__ if cls.__module__.startswith("tui.")]
    assert ours == [MainScreen]


def test_type_ignores_stay_few() -> None:
    """Suppressions stay rare in tui/ (``ruff check tui`` and ``mypy`` are configured in pyproject.toml)."""
    ignores = sum(path.read_text(encoding="utf-8").count("type: ignore") for path in (ROOT / "tui").rglob("*.py"))
    assert ignores <= 20, ignores
