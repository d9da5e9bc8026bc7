"""Reading one local file: its bytes, or its text decoded as ``marsad import`` decodes it.

Its own module so that ``marsad render`` and ``marsad entities`` read a file without importing
the feed, HTML and OPML parsers (~130 ms of every such command)."""

from __future__ import annotations

from pathlib import Path

from tui.errors import InputError
from tui.ingest.encoding import decode_bytes

MAX_FILE_BYTES = 256 * 1024 * 1024


def read_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, or an InputError in one clear line (missing, folder, too big)."""
    p = Path(path).expanduser()
    name = str(path)
    try:
        if p.is_dir():
            raise InputError(f"{name}: is a folder; give the files inside it")
        size = p.stat().st_size
        if size > limit:
            raise InputError(f"{name}: too large ({size // (1024 * 1024)} MB; the limit is "
                             f"{limit // (1024 * 1024)} MB)")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None


def read_text_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> str:
    """A text file decoded as ``marsad import`` would (BOM, UTF-8, then legacy
    Arabic/Hebrew code pages), without any other change, so that character
    offsets into it (``marsad entities``) are offsets into the file as read."""
    return decode_bytes(read_file(path, limit), name=str(path)).text
