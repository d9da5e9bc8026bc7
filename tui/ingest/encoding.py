"""Turn bytes from files and servers into text, whatever they claim to be.

Order of evidence, strongest first: a byte-order mark; a charset the server or
the document declares (HTTP header, XML declaration, HTML ``<meta>``) when it
actually decodes; strict UTF-8; then a guess among the legacy code pages our
readers meet (Arabic windows-1256 / ISO-8859-6, Hebrew windows-1255 /
ISO-8859-8, Western windows-1252), scored by how plausible the decoded text
looks for its script. Why score rather than trust a detector library: every
candidate decodes almost any byte string, and only the shape of the result
(letters next to letters of the same script, marks after letters) tells them
apart. Binary junk is refused with :class:`InputError` before anything is
saved.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from tui.errors import InputError

GUESS_CANDIDATES = ("windows-1256", "windows-1255", "iso-8859-6", "iso-8859-8", "windows-1252")

# Declarations that are so often wrong (server defaults) that they only hint.
_WEAK_DECLARATIONS = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"}

_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)

_ARABIC_COMMON = set("اأإآلمنويهرتبعدسفكقةىحجشصضطظغخذثزءئؤپچژگکی")
_HEBREW_COMMON = set("אבגדהוזחטיכךלמםנןסעפףצץקרשת")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how we decided, so a caller can explain itself."""

    text: str
    encoding: str
    method: str  # "bom", "declared", "utf-8", "guess", "mixed"
    warning: str = ""  # for the user, when the decoding had to compromise


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def declared_encoding(data: bytes) -> str | None:
    """The encoding named inside the document (XML declaration or HTML meta)."""
    head = data[:2048]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def decode_bytes(data: bytes, declared: str | None = None, name: str = "input") -> Decoded:
    """Decode ``data`` to text; ``declared`` is e.g. the HTTP header charset.

    Raises InputError for binary data; ``name`` goes into the message.
    """
    bom = _decode_bom(data)
    if bom is not None:
        return _checked(bom, name)
    _refuse_binary(data, name)
    for label in (declared, declared_encoding(data)):
        result = _try_declared(data, label)
        if result is not None:
            return _checked(result, name)
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", "utf-8"), name)
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is not None:
        return _checked(mixed, name)
    return _checked(guess_legacy(data), name)


HEAD_BYTES = 65536


def utf8_head(data: bytes, name: str = "input") -> str | None:
    """The first ~64 KB of ``data`` as text when ``data`` says it is UTF-8 (no other
    BOM, no other declared charset) and starts as valid UTF-8; None otherwise.

    For a big feed handed to the XML parser as bytes (``marsad import``): decoding
    38 MB only to have expat encode it back costs a tenth of the import, and expat
    checks the rest of the UTF-8 itself (an invalid byte later on is a parse error,
    and the caller then decodes the whole file with :func:`decode_bytes`). The same
    refusals as ``decode_bytes`` apply to the head (binary data, junk characters).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    label = declared_encoding(body)
    if label is not None:
        try:
            if codecs.lookup(label).name != "utf-8":
                return None
        except LookupError:
            return None
    _refuse_binary(body, name)
    try:
        head, _ = codecs.utf_8_decode(body[:HEAD_BYTES], "strict", False)  # (a cut last character is left out)
    except UnicodeDecodeError:
        return None
    return _checked(Decoded(head, "utf-8", "utf-8"), name).text


def decode_mixed(data: bytes) -> Decoded | None:
    """Text whose lines are partly UTF-8 and partly a legacy code page, decoded line by line.

    Happens when a file is pasted together from two sources (a UTF-8 web
    page and a windows-1256 Word export). Decoding it all as windows-1256
    would garble the UTF-8 lines without a word; instead each line is UTF-8
    when it is valid UTF-8 with letters beyond ASCII, else the legacy code
    page guessed from the other lines, and the result carries a warning.
    None when the text is not mixed (no such UTF-8 line).
    """
    lines = data.split(b"\n")
    utf8: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in text if ord(ch) > 0x7F) >= 2:
            utf8[i] = text
    if not utf8:
        return None
    legacy = guess_legacy(b"\n".join(line for i, line in enumerate(lines) if i not in utf8))
    out = [utf8[i] if i in utf8 else line.decode(legacy.encoding, "replace") for i, line in enumerate(lines)]
    n_legacy = sum(1 for i, line in enumerate(lines) if i not in utf8 and not line.isascii())
    warning = (f"mixes UTF-8 ({len(utf8)} lines) and {legacy.encoding} ({n_legacy} lines); "
               "decoded line by line, check the text")
    return Decoded("\n".join(out), f"utf-8+{legacy.encoding}", "mixed", warning)


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(enc), enc, "bom")
            except UnicodeDecodeError:
                return Decoded(data[len(bom):].decode(enc, "replace"), enc, "bom")
    return None


def _try_declared(data: bytes, label: str | None) -> Decoded | None:
    """Use a declared charset if Python knows it and it decodes cleanly."""
    if not label:
        return None
    try:
        enc = codecs.lookup(label).name
    except LookupError:
        return None
    if label.lower() in _WEAK_DECLARATIONS or enc in ("latin-1", "ascii", "cp1252", "iso8859-1"):
        return None  # a weak hint: let UTF-8 and the guesser decide
    if enc.startswith("utf-16") or enc.startswith("utf-32"):
        return None  # a declaration inside an ASCII-compatible byte stream is wrong
    try:
        return Decoded(data.decode(enc), enc, "declared")
    except UnicodeDecodeError:
        return None


def _refuse_binary(data: bytes, name: str) -> None:
    """NULs or many control bytes: not text in any encoding we accept."""
    if not data:
        return
    sample = data[:65536]
    if b"\x00" in sample:
        raise InputError(f"{name}: looks like binary data (contains NUL bytes), not text")
    # ESC, BEL and BS come with terminal text (ANSI colours in logs, pasted
    # output); they are stripped later, so they do not make a file binary.
    controls = sum(1 for b in sample if b < 32 and b not in (7, 8, 9, 10, 12, 13, 27))
    if controls / len(sample) > 0.02:
        raise InputError(f"{name}: looks like binary data (control bytes), not text")


def _checked(result: Decoded, name: str) -> Decoded:
    """Refuse decoded text that is mostly controls or unassigned characters."""
    text = result.text[:65536]
    if not text:
        return result
    bad = sum(1 for ch in text if _is_junk_char(ch))
    if bad / len(text) > 0.05:
        raise InputError(f"{name}: looks like binary data, not text")
    return result


def _is_junk_char(ch: str) -> bool:
    if ch in "\n\r\t\f\x07\x08\x1b":
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd"


def guess_legacy(data: bytes) -> Decoded:
    """Pick the legacy code page whose decoding looks most like real text."""
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(GUESS_CANDIDATES):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        key = (score, -rank, enc, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return Decoded(data.decode("windows-1252", "replace"), "windows-1252", "guess")
    return Decoded(best[3], best[2], "guess")


def plausibility(text: str) -> float:
    """Score non-ASCII characters by whether they sit where real text puts them.

    ASCII decodes the same in every candidate, so only the other characters
    count: letters of one script next to letters of the same script (or
    spaces) score, combining marks after a letter score, accented Latin
    letters count only beside ASCII letters, and stray symbols, marks that
    follow nothing, and C1 controls cost.
    """
    score = 0.0
    prev = " "
    n = len(text)
    for i, ch in enumerate(text):
        if ch < "\x80":
            prev = ch
            continue
        nxt = text[i + 1] if i + 1 < n else " "
        score += _char_score(ch, prev, nxt)
        prev = ch
    return score


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF:
        return "arab"
    if 0x0590 <= o <= 0x05FF:
        return "hebr"
    if ch.isascii() and ch.isalpha():
        return "ascii"
    if 0x00C0 <= o <= 0x024F and ch.isalpha():
        return "latin"
    return ""


def _char_score(ch: str, prev: str, nxt: str) -> float:
    cat = unicodedata.category(ch)
    if cat == "Cc":
        return -5.0
    script = _script(ch)
    if cat == "Mn":
        return 0.5 if _script(prev) in ("arab", "hebr") and unicodedata.category(prev) == "Lo" else -2.0
    if script in ("arab", "hebr") and cat == "Lo":
        common = ch in _ARABIC_COMMON or ch in _HEBREW_COMMON
        same = sum(1 for c in (prev, nxt) if _script(c) == script or c.isspace() or c in ".,:;!?\"'()")
        return (1.0 if common else 0.3) + 0.5 * same
    if script == "arab" and ch in "،؛؟":
        return 1.0
    if script == "latin":
        return 0.8 if (_script(prev) == "ascii" or _script(nxt) == "ascii") else -0.7
    if ch in "\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb":
        return 0.2
    return -0.5
