"""``marsad render``: the contract in DESIGN.md (4) and bad input (7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.cli import main
from tui.rtl.render import render_text

FIXTURES = Path(__file__).parent / "fixtures" / "rtl"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["render", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("width", [20, 38, 61, 100])
def test_contract_on_fixtures(capsys: pytest.CaptureFixture[str], width: int) -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        code, out, _ = run(capsys, str(path), "--width", str(width))
        assert code == 0
        paras = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        blocks = out.rstrip("\n").split("\n\n")
        assert len(blocks) == len(paras)
        for line in out.rstrip("\n").split("\n"):
            assert cell_len(line) <= width
            assert not line.endswith(" ") or not line.strip()  # a marks-only RTL paragraph: spaces
            assert "\n" not in line


def test_rtl_lines_right_aligned_exactly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("قال الوزير اليوم إن الخطة جاهزة للتنفيذ في الأسابيع المقبلة\n", encoding="utf-8")
    code, out, _ = run(capsys, str(f), "--width", "25")
    assert code == 0
    for line in out.rstrip("\n").split("\n"):
        assert cell_len(line) == 25 and line.startswith(" ") or cell_len(line) == 25


def test_one_blank_line_between_paragraphs() -> None:
    out = render_text("one two\n\n\n\nthree\n  \nfour", 20)
    assert out == "one two\n\nthree\n\nfour\n"


def test_modes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("في عام 2024 قال John Smith\n", encoding="utf-8")
    _, term, _ = run(capsys, str(f), "--width", "40", "--bidi", "terminal")
    assert term.strip() == "في عام 2024 قال John Smith"
    _, off, _ = run(capsys, str(f), "--width", "40", "--bidi", "off")
    assert off == "في عام 2024 قال John Smith\n"
    _, app, _ = run(capsys, str(f), "--width", "40")
    assert app.startswith(" ") and "John Smith" in app and "قال" not in app


def test_bom_and_cp1256(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes("\ufeffمرحبا".encode("utf-8"))
    code, out, _ = run(capsys, str(f), "--width", "10")
    assert code == 0 and "\ufeff" not in out
    g = tmp_path / "win.txt"
    g.write_bytes("مرحبا بكم".encode("cp1256"))
    code, out, _ = run(capsys, str(g), "--width", "20")
    assert code == 0 and out.strip()


def test_hostile_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "h.txt"
    f.write_bytes(b"\x1b[31mred\x1b[0m [bold]x[/] a\tb\r\n\x07bell\n")
    code, out, _ = run(capsys, str(f), "--width", "30")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out and "\t" not in out
    assert "[bold]x[/]" in out


@pytest.mark.parametrize("argv,needle", [
    (["/nonexistent/file.txt", "--width", "40"], "no such file"),
    (["{f}", "--width", "0"], "width"),
    (["{f}", "--width", "-3"], "width"),
    (["{d}", "--width", "40"], "is a folder"),
])
def test_bad_input_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], needle: str) -> None:
    f = tmp_path / "ok.txt"
    f.write_text("x", encoding="utf-8")
    argv = [a.replace("{f}", str(f)).replace("{d}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code != 0 and needle in err and err.count("\n") == 1 and "Traceback" not in err


def test_binary_junk_does_not_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    f = tmp_path / "junk.bin"
    f.write_bytes(bytes(range(256)) * 20)
    code, out, err = run(capsys, str(f), "--width", "40")
    assert "Traceback" not in err
    assert code == 0 or err.startswith("marsad: ")


def test_width_one_still_works() -> None:
    out = render_text("مرحبا hi", 1)
    assert all(cell_len(line) <= 1 for line in out.splitlines())
