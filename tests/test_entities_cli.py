"""`marsad entities FILE [--json]`: the JSON contract and clear errors."""

import json

import pytest
from shared_files import shared_sample

from tui.cli import main

SAMPLE = shared_sample("ar_khaberni_20260201.txt")


def run_json(path, capsys, *extra):
    assert main(["entities", str(path), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def check_contract(text, data):
    for item in data:
        assert set(item) == {"type", "name", "surfaces", "count", "spans"}
        assert item["type"] in ("PER", "ORG", "LOC", "MISC")
        assert item["count"] == len(item["spans"])
        for s, e in item["spans"]:
            assert text[s:e] in item["surfaces"]


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared/samples is not beside this checkout")
def test_json_contract_on_shared_sample(capsys):
    data = run_json(SAMPLE, capsys)
    check_contract(SAMPLE.read_text(encoding="utf-8-sig"), data)
    assert data[0]["name"] == "إيران"


def test_bom_is_not_counted(tmp_path, capsys):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffقال ترامب إن إيران".encode("utf-8"))
    data = run_json(p, capsys)
    check_contract("قال ترامب إن إيران", data)


def test_table_output(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text("Prime Minister Benjamin Netanyahu met Marco Rubio in Jerusalem.", encoding="utf-8")
    assert main(["entities", str(p), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "People" in out and "Benjamin Netanyahu" in out and "Places" in out


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary", b"\xff\xfe\xfa not utf8"])
def test_bad_files_give_one_line_errors(tmp_path, capsys, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    assert main(["entities", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marsad: ") and err.count("\n") == 1


def test_missing_file(tmp_path, capsys):
    assert main(["entities", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
