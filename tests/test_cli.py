"""The command-line contracts: every sub-command exists, errors are one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli import build_parser, main

COMMANDS = ["render", "entities", "export", "import", "feeds", "fetch", "search"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"marsad {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_sub_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert command in capsys.readouterr().out


def test_library_is_accepted_before_or_after_the_sub_command(tmp_path: Path) -> None:
    parser = build_parser()
    assert parser.parse_args(["--library", str(tmp_path), "export"]).library == str(tmp_path)
    assert parser.parse_args(["export", "--library", str(tmp_path)]).library == str(tmp_path)
    assert parser.parse_args(["export"]).library is None


def test_bad_input_is_one_line_without_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 20)
    for args in (["render", str(junk), "--width", "40"], ["render", str(tmp_path / "missing.txt")],
                 ["entities", str(junk)], ["import", str(junk), "--library", str(tmp_path / "lib")]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "Traceback" not in result.stderr, args
        assert result.stderr.strip().startswith("marsad:"), args


def test_entities_engine_flag_picks_the_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--engine rules`` answers with the rules alone; the default is the rules + statistical layer."""
    from tui.commands.entities import to_json
    from tui.entities import get_engine, group
    from tui.entities.engine import normalise_language

    source = Path(__file__).parent / "fixtures" / "entities_blind14" / "ar_141_abudhabi_fintech_round.txt"
    text = source.read_text(encoding="utf-8")
    lang = normalise_language(None, text)
    answers = {}
    for flag in ([], ["--engine", "model"], ["--engine", "rules"]):
        assert main(["entities", str(source), "--json", *flag]) == 0
        answers[tuple(flag)] = json.loads(capsys.readouterr().out)
    for name in ("model", "rules"):
        assert answers[("--engine", name)] == to_json(group(get_engine(name).extract(text, lang)))
    assert answers[()] == answers[("--engine", "model")] != answers[("--engine", "rules")]
