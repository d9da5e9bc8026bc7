"""Decoding bytes from files and servers: BOMs, declarations, UTF-8, legacy guesses, junk."""

from __future__ import annotations

import codecs
import random

import pytest

from tui.errors import InputError
from tui.ingest.encoding import (
    charset_from_content_type,
    declared_encoding,
    decode_bytes,
)

AR = "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في الزرقاء، وقال الوزير إن المشروع سيخدم 300 ألف نسمة."
HE = "משרד החינוך הודיע היום על תוכנית חדשה לבתי הספר בגליל, והשר אמר כי היא תחל בספטמבר."
FA_1256 = "وزارت نيرو اعلام کرد که مصرف برق در تهران افزايش يافته است."
EN = "Café owners in Zürich say the naïve résumé is back."


@pytest.mark.parametrize("text,enc", [
    (AR, "windows-1256"), (AR, "iso-8859-6"), (HE, "windows-1255"), (HE, "iso-8859-8"),
    (FA_1256, "windows-1256"), ("قال", "windows-1256"), ("שלום", "windows-1255"),
])
def test_guesses_legacy_code_pages(text: str, enc: str) -> None:
    result = decode_bytes(text.encode(enc))
    assert result.text == text and result.method == "guess"


def test_western_text_decodes_the_same() -> None:
    assert decode_bytes(EN.encode("cp1252")).text == EN


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                     (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom_wins_and_is_removed(bom: bytes, enc: str) -> None:
    result = decode_bytes(bom + HE.encode(enc), declared="windows-1256")
    assert result.text == HE and result.method == "bom"


def test_declared_charsets() -> None:
    data = f'<?xml version="1.0" encoding="windows-1255"?><a>{HE}</a>'.encode("cp1255")
    assert declared_encoding(data) == "windows-1255"
    assert decode_bytes(data).method == "declared"
    html = f'<html><head><meta charset="windows-1256"></head><body>{AR}</body></html>'.encode("cp1256")
    assert AR in decode_bytes(html).text
    assert charset_from_content_type('text/xml; charset="ISO-8859-8"') == "ISO-8859-8"
    assert decode_bytes(HE.encode("iso-8859-8"), declared="iso-8859-8").method == "declared"


def test_wrong_declaration_falls_through() -> None:
    # a server that says latin-1 (a default) for UTF-8 text, or a lie that does not decode
    assert decode_bytes(AR.encode("utf-8"), declared="iso-8859-1").text == AR
    assert decode_bytes(AR.encode("utf-8"), declared="no-such-charset").text == AR
    assert decode_bytes(AR.encode("cp1256"), declared="utf-8").text == AR


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03" * 50, bytes(range(256)) * 4,
                                  random.Random(2048).randbytes(2048).replace(b"\0", b"\x07")],
                         ids=["control-bytes", "every-byte", "random-no-nul"])
def test_binary_junk_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data, name="junk.bin")


def test_a_file_mixing_utf8_and_windows_1256_is_decoded_per_line_with_a_warning() -> None:
    from tui.ingest.encoding import decode_bytes

    utf8_line = "عنوان الخبر بترميز يونيكود".encode()
    legacy_line = "نص الخبر من ملف قديم بترميز ويندوز".encode("windows-1256")
    data = utf8_line + b"\n\n" + legacy_line + b"\nplain ascii\n"
    decoded = decode_bytes(data, name="mixed.txt")
    assert decoded.text.split("\n") == ["عنوان الخبر بترميز يونيكود", "", "نص الخبر من ملف قديم بترميز ويندوز",
                                        "plain ascii", ""]
    assert decoded.method == "mixed" and "windows-1256" in decoded.warning


def test_pure_legacy_files_carry_no_warning() -> None:
    from tui.ingest.encoding import decode_bytes

    data = "سطر أول من النص\nسطر ثان من النص".encode("windows-1256")
    decoded = decode_bytes(data, name="old.txt")
    assert decoded.method == "guess" and decoded.warning == ""
