"""Paragraph embedding levels from GNU FriBidi, when the system has it.

Why: python-bidi (the Rust ``unicode-bidi`` crate) and FriBidi agree on
ordinary text, but differ on neutrals next to isolates and bracket pairs
(``John 45 RLI نص PDI (draft)`` in an RTL paragraph): FriBidi follows UAX #9
there, and it is what GNOME, Pango, mlterm and the outside checks use. So
the layout asks libfribidi for the levels when ``libfribidi.so`` can be
loaded (Debian/Ubuntu ship it with GTK; ``apt-get install libfribidi0``,
``brew install fribidi``) and falls back to python-bidi otherwise. Only the
levels come from here: reordering, mirroring and shaping are ours, so the
two back ends can only differ in those rare neutral cases.

Set ``MARSAD_FRIBIDI=0`` to force the python-bidi path (tests use it to
check the fallback).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from functools import lru_cache

__all__ = ["available", "levels"]

_PAR_LTR, _PAR_RTL = 0x110, 0x111


@lru_cache(maxsize=1)
def _lib() -> ctypes.CDLL | None:
    if os.environ.get("MARSAD_FRIBIDI", "1") == "0":
        return None
    lib = _load("libfribidi.so.0", "libfribidi.0.dylib")
    if lib is None:  # find_library runs ldconfig (a child process, ~4 ms): only when the usual names fail
        lib = _load(ctypes.util.find_library("fribidi"))
    if lib is None:
        return None
    u32p = ctypes.POINTER(ctypes.c_uint32)
    try:
        lib.fribidi_get_bidi_types.argtypes = [u32p, ctypes.c_int, u32p]
        lib.fribidi_get_bracket_types.argtypes = [u32p, ctypes.c_int, u32p, u32p]
        lib.fribidi_get_par_embedding_levels_ex.argtypes = [
            u32p, u32p, ctypes.c_int, u32p, ctypes.POINTER(ctypes.c_int8)]
        lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
    except AttributeError:  # a FriBidi older than 1.0 (no bracket pairs)
        return None
    return lib


def _load(*names: str | None) -> ctypes.CDLL | None:
    for name in filter(None, names):
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def available() -> bool:
    return _lib() is not None


def levels(text: str, rtl: bool) -> list[int] | None:
    """Resolved level of each character of one paragraph, or None when
    libfribidi is not there (or fails)."""
    lib = _lib()
    if lib is None:
        return None
    n = len(text)
    if n == 0:
        return []
    chars = (ctypes.c_uint32 * n)(*map(ord, text))
    types = (ctypes.c_uint32 * n)()
    lib.fribidi_get_bidi_types(chars, n, types)
    brackets = (ctypes.c_uint32 * n)()
    lib.fribidi_get_bracket_types(chars, n, types, brackets)
    out = (ctypes.c_int8 * n)()
    base = ctypes.c_uint32(_PAR_RTL if rtl else _PAR_LTR)
    if not lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(base), out):
        return None
    return list(out)
