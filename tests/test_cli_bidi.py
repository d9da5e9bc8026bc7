"""CLI output meant for a terminal lays out RTL text; pipes keep logical order.

A real pseudo-terminal is used for the terminal case (``os.openpty``), so the
command sees ``isatty()`` as it would in a user's shell.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.commands import output
from tui.rtl.joining import shape_levels

TEXT = "قال وزير الخارجية محمد بن سلمان إن الاتفاق مع John Smith قريب.\n"


def visual(word: str) -> str:
    return shape_levels(word, [1] * len(word))[::-1].replace("\ufeff", "")


def _run(argv: list[str], tty: bool, env: dict[str, str] | None = None) -> str:
    full_env = {k: v for k, v in os.environ.items() if k != "MARSAD_BIDI"}
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    if not tty:
        return subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, text=True, check=False,
                              env=full_env, timeout=120).stdout
    master, slave = os.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "tui", *argv], stdout=slave, stderr=subprocess.PIPE, check=False,
                              env=full_env, timeout=120)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        assert proc.returncode == 0, proc.stderr
        return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    finally:
        os.close(master)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_entities_on_a_terminal_are_laid_out_and_piped_are_logical(article: Path, tmp_path: Path) -> None:
    lib = str(tmp_path / "lib")
    piped = _run(["entities", str(article), "--library", lib], tty=False)
    assert "محمد بن سلمان" in piped
    shown = _run(["entities", str(article), "--library", lib], tty=True)
    assert "محمد بن سلمان" not in shown
    assert f"{visual('سلمان')} {visual('بن')} {visual('محمد')}" in shown
    logical = _run(["--bidi", "terminal", "entities", str(article), "--library", lib], tty=True)
    assert "محمد بن سلمان" in logical
    env_off = _run(["entities", str(article), "--library", lib], tty=True, env={"MARSAD_BIDI": "off"})
    assert "محمد بن سلمان" in env_off


def test_json_stays_logical_on_a_terminal(article: Path, tmp_path: Path) -> None:
    out = _run(["entities", str(article), "--json", "--library", str(tmp_path / "lib")], tty=True)
    assert "محمد بن سلمان" in out


class _Terminal:
    """A text stream that says it is a terminal (what the layout checks)."""

    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> int:
        self.text += s
        return len(s)


def test_columns_laid_out_one_by_one_keep_order_and_width() -> None:
    output.set_bidi_mode("app")
    try:
        line = "3f2a  12.500  قال الوزير\tfeeds\tوكالة الأنباء"
        got = output._for_terminal(line, _Terminal())  # type: ignore[arg-type]
        cols = got.split("\t")
        assert cols[0].startswith("3f2a  12.500  ") and cols[1] == "feeds"
        assert cols[0].endswith(f"{visual('الوزير')} {visual('قال')}")
        assert cols[2].startswith(f"{visual('الأنباء')} {visual('وكالة')}")
        assert cell_len(cols[2]) == cell_len("وكالة الأنباء")  # the ligature's cell is padded back
    finally:
        output.set_bidi_mode(None)


def _feed(path: Path, items: int, body_words: int = 8) -> Path:
    body = " ".join(["تقرير"] * body_words)
    entries = "".join(f"<item><guid>g{n}</guid><title>خبر رقم {n} من المرصد</title>"
                      f"<description>{body} {n}</description></item>" for n in range(items))
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>قناة</title>'
                    f"{entries}</channel></rss>", encoding="utf-8")
    return path


@pytest.mark.parametrize("body_words", [8, 12_000], ids=["in-process", "streamed"])
def test_import_at_a_terminal_shows_the_first_lines_and_counts_the_rest(tmp_path: Path, body_words: int) -> None:
    """A pipe gets one line per article; a terminal the first twenty and how many more (both paths)."""
    from tui.ingest.pipeline import worth_streaming

    shown_at_terminal = importlib.import_module("tui.commands.import").SHOWN_AT_TERMINAL
    feed = _feed(tmp_path / "big.xml", 60, body_words)
    assert worth_streaming([str(feed)]) == (body_words > 8)
    piped = _run(["--library", str(tmp_path / "a"), "import", str(feed)], tty=False)
    assert sum(1 for line in piped.splitlines() if "\tar\t" in line) == 60
    assert "imported: 60 added" in piped
    shown = _run(["--library", str(tmp_path / "b"), "import", str(feed)], tty=True)
    assert sum(1 for line in shown.splitlines() if "\tar\t" in line) == shown_at_terminal
    assert f"… and {60 - shown_at_terminal} more articles from {feed}" in shown
    assert "imported: 60 added" in shown
