# Vendored copy of ../shared/tools/rtl_para_oracle.py: the rules the outside
# paragraph-level RTL check applies (see its docstring). Kept byte-identical
# below this header so the test suite runs it on a fresh clone; refresh it
# from the shared tools when they change.
"""Paragraph-level RTL oracle for `marsad render`: what one paragraph should
look like, given the line breaks the renderer chose.

Given one paragraph of logical text, the article's direction and the lines a
renderer drew for it (top to bottom, padding included), `check_paragraph`
works out which logical span each drawn line holds, builds what a careful
reader expects that line to look like, and lists what is wrong, with a cause.

What is expected, step by step
------------------------------
1. Words. Runs of breakable white space are drawn as one U+0020; leading and
   trailing white space is not drawn. No-break spaces (U+00A0, U+202F, U+2007)
   are not breakable: they are drawn as themselves (U+00A0 and U+202F are bidi
   class CS, so `10 000` stays one number) and a line never ends at one.
2. Higher-level protocol (what UAX #9 calls HL3, done with isolates): before
   bidi resolution every URL, e-mail address, @handle and #hashtag written in
   Latin letters is wrapped in LRI ... PDI (U+2066 ... U+2069), so it reads
   left to right as one unit and a trailing slash, a leading @ or the
   punctuation next to it do not jump to the other end. The rules:
   - URL: `http://`, `https://` or `www.` (not preceded by a letter, digit,
     `@`, `.` or `/`) up to the next white space. Sentence punctuation at its
     end (. , ; : ! ? ' " » « “ ” ‘ ’ … ، ؛ ؟ ۔ and a `)`/`]`/`}` with no
     opener inside the URL) stays outside. The whole URL is isolated, whatever
     script its path uses (`https://ar.wikipedia.org/wiki/مصر` is one LTR
     unit; the Arabic segment keeps its own order inside it).
   - E-mail: ASCII `local@domain.tld`.
   - @handle: `@` + ASCII letters, digits, `_` (dots inside allowed), not
     preceded by a letter/digit/`@`, not followed by a letter or digit of any
     script.
   - #hashtag: `#` + ASCII letters, digits, `_`, with at least one letter,
     not followed by a letter or digit of any script. `#مصر` or `#مصر_2026`
     are Arabic words and are not isolated.
   Phone numbers, dates, file paths and code are *not* isolated: they get
   plain UAX #9 (e.g. `00966-11-4567890` after Arabic letters is drawn
   `4567890-11-00966`), but the same way wherever the line breaks.
3. Paragraph direction: UAX #9 P2/P3 on the text after step 2: the first
   character of class L, R or AL, skipping everything between an isolate
   initiator and its matching PDI (so an isolated identifier, or an LRI...PDI
   the author wrote, at the start does not decide it). A paragraph with no
   such character takes the article's direction.
4. Levels: libfribidi `fribidi_get_par_embedding_levels_ex` (bracket pairs
   included) over the whole paragraph at that direction. Never per line.
5. Shaping: FriBidi's Arabic shaping (presentation forms, lam-alef
   ligatures; joining decided on the whole paragraph with the resolved
   levels) and mirroring of odd-level characters, as `fribidi` CLI does.
   Tatweel stays (a visible stroke; it is also what gives ب in بـ"..." and ل
   in والـCIA their joining forms). ZWJ and ZWNJ stay. (DRAW_TATWEEL = False
   would accept a renderer that leaves the stroke out but keeps the joining.)
6. Each line on its own: `fribidi_reorder_line` (L1-L4, REORDER_NSM, so
   marks follow their base), then every emoji-like extended grapheme cluster
   (UAX #29 cluster holding a symbol: an emoji with its skin tone, a ZWJ
   sequence, a flag) is put back in its logical order as one unit (FriBidi
   alone turns 👍🏽 into 🏽👍, 👨‍👩‍👧 into 👧‍👩‍👨 and 🇪🇬 into 🇬🇪 inside
   an RTL run). A ZWNJ or ZWJ between letters keeps FriBidi's place for it,
   between the two letters it separates. Explicit bidi controls (LRE RLE PDF LRO
   RLO, LRI RLI FSI PDI, LRM RLM ALM), including those of step 2, and the
   U+FEFF fillers FriBidi leaves after a lam-alef ligature are not drawn.
7. RTL paragraphs are padded on the left to exactly the width with no
   trailing space; LTR paragraphs start at column 0.

How a drawn line is compared (`same_glyphs`)
--------------------------------------------
Character by character, after removing explicit bidi controls from the drawn
line (they take no cell; a leftover one is reported separately) and the
padding (spaces at either end of a line cannot be told from padding). The only
equivalence allowed: an Arabic presentation form and another code point that
NFKC maps to the same letters *in the same joining form* (isolated / final /
initial / medial, from the decomposition tag; a base letter counts as its
isolated form, since that is the glyph a terminal draws for it). This is the
part of the old `rtl_oracle.fold` (NFKC everywhere) that is justified:
FriBidi and arabic-reshaper may pick different code points for the same
glyph. Measured on 1,175 paragraphs (the audit inputs and real articles
of several outlets), the only such pair is HAMZA: arabic-
reshaper draws U+FE80 (isolated form), FriBidi leaves U+0621. Everything
else in `fold` hid real, visible defects and is gone here: NBSP/NNBSP are not
spaces, ZWJ/ZWNJ and tatweel are not deleted, runs of spaces are not
collapsed, and joining forms must match.

Other checks per line: width in terminal cells (wcwidth, grapheme-aware, and
Rich's cell_len when importable; both must fit), alignment, greedy filling
(with the expected shaping: the next word would not have fit), no break at a
no-break space, no break inside a word that fits the width (an over-long word
may be split between grapheme clusters; that is reported as a note), and no
character lost or duplicated (multiset of the line's characters, Arabic
presentation forms un-shaped by NFKC, mirrored pairs counted together,
explicit bidi controls and breakable spaces ignored; NBSP, ZWJ, ZWNJ and
tatweel counted).

Causes
------
A line that differs is explained by trying the renderings a known defect
would give (variants of the expectation, smallest combination first; the
D-numbers are those of the RTL audit of 2026-12-02):
  per-line bidi            levels resolved on the line alone (D1)
  paragraph direction      the paragraph in the other direction (D2)
  identifier not isolated  no LRI..PDI around URLs, e-mails, handles, tags (D6)
  no-break space           NBSP/NNBSP turned into spaces (D4)
  emoji/ZWJ                ZWJ dropped, or emoji clusters reordered (D3)
  tatweel                  tatweel removed before shaping, or only its
                           stroke dropped (D7)
plus "shaping" when what is left differs only in joining forms (same
letters in the same order: a lam-alef ligature not formed, forms chosen for
the wrong direction), else "other". Width, alignment and filling problems
have their own causes ("width", "alignment", "line filling"), unless the
line is drawn wider than expected because of a content defect (an emoji
sequence taken apart, a ligature not formed): then they count under that
defect's cause. A break at a no-break space counts as "no-break space".

Library use: check_paragraph(paragraph, drawn_lines, width, article_rtl).
"""
from __future__ import annotations

import bisect
import ctypes
import ctypes.util
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

# ---------------------------------------------------------------- characters

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
EXPLICIT = "\u202a\u202b\u202c\u202d\u202e" + LRI + RLI + FSI + PDI
BIDI_CONTROLS = frozenset(EXPLICIT + "\u200e\u200f\u061c")  # + LRM RLM ALM
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")
ZWJ, ZWNJ, TATWEEL, FILLER = "\u200d", "\u200c", "\u0640", "\ufeff"
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Spec choice: a tatweel is drawn as its stroke (True), or it may be left out
# as long as the letters around it keep the joining it gives them (False).
DRAW_TATWEEL = True
# Characters whose loss or duplication is visible although they are not "ink".
COUNTED_NON_INK = (ZWJ, ZWNJ, TATWEEL, "\u00a0", "\u202f", "\u2007")
_BREAKABLE_RUN = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def breakable(ch: str) -> bool:
    return ch.isspace() and ch not in NO_BREAK_SPACES


def collapse(paragraph: str) -> str:
    """Runs of breakable white space -> one space; ends trimmed."""
    return " ".join(w for w in _BREAKABLE_RUN.split(paragraph) if w)


def is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefe"


def unshape(s: str) -> str:
    """Arabic presentation forms back to letters (NFKC on those only)."""
    if not any(is_presentation_form(c) for c in s):
        return s
    return "".join(unicodedata.normalize("NFKC", c) if is_presentation_form(c) else c for c in s)


def unshape_visual(s: str) -> str:
    """Like unshape, for visual (reordered) text: a lam-alef ligature stands in
    an RTL run, so its two letters come out in visual order (alef, lam)."""
    return "".join(unicodedata.normalize("NFKC", c)[::-1] if "\ufef5" <= c <= "\ufefc"
                   else unicodedata.normalize("NFKC", c) if is_presentation_form(c) else c for c in s)


def _is_arabic_letter(ch: str) -> bool:
    o = ord(ch)
    return (0x0620 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF) \
        and unicodedata.category(ch) == "Lo"


def glyph_key(ch: str) -> tuple[str, str]:
    """What a terminal draws for ``ch``: presentation forms as (letters, joining form)."""
    if is_presentation_form(ch):
        d = unicodedata.decomposition(ch)
        tag = d.split()[0] if d.startswith("<") else ""
        return unicodedata.normalize("NFKC", ch), tag
    if _is_arabic_letter(ch):
        return ch, "<isolated>"
    return ch, ""


def same_glyphs(got: str, want: str) -> bool:
    if got == want:
        return True
    return len(got) == len(want) and all(a == b or glyph_key(a) == glyph_key(b) for a, b in zip(got, want))


def strip_controls(s: str) -> str:
    return "".join(c for c in s if c not in BIDI_CONTROLS)


def ink_weight(ch: str) -> int:
    """How many base characters ``ch`` counts for when lines are matched to
    logical spans: 0 for white space, bidi controls, zero-width characters and
    tatweel (a renderer may drop those; that is checked separately)."""
    if ch.isspace() or ch in BIDI_CONTROLS or ch in ZERO_WIDTH or ch == TATWEEL:
        return 0
    return len(unshape(ch))


# ---------------------------------------------------------------- widths

try:
    import wcwidth as _wcwidth
except ImportError:  # pragma: no cover - the bar installs it
    _wcwidth = None
try:
    from rich.cells import cell_len as _rich_cell_len
except ImportError:
    _rich_cell_len = None


def cells(s: str) -> int:
    """Terminal cells: wcwidth (grapheme-aware); the larger of it and Rich's
    cell_len when Rich is importable (Textual lays the pane out with Rich)."""
    if _wcwidth is None:
        raise RuntimeError("wcwidth is not installed (pip install wcwidth)")
    w = _wcwidth.wcswidth(s)
    if w < 0:  # a control character; count the printable rest
        w = sum(max(0, _wcwidth.wcwidth(c)) for c in s)
    if _rich_cell_len is not None:
        w = max(w, _rich_cell_len(s))
    return w


def term_cells(s: str) -> int:
    """wcwidth only (what the terminal advances): used for alignment."""
    w = _wcwidth.wcswidth(s)
    return w if w >= 0 else sum(max(0, _wcwidth.wcwidth(c)) for c in s)


def is_symbol_cluster(cluster: str) -> bool:
    """An emoji-like grapheme cluster (a symbol with a skin tone, ZWJ, flag
    pair ...), whose characters a terminal only draws right in logical order.
    Letter clusters are left to FriBidi: their marks already follow the base
    (REORDER_NSM) and a ZWNJ/ZWJ stays between the two letters it separates."""
    return len(cluster) > 1 and any(unicodedata.category(c) in ("So", "Sk") for c in cluster)


def graphemes(s: str) -> list[tuple[int, int]]:
    """(start, end) of each extended grapheme cluster (UAX #29)."""
    out, pos = [], 0
    for g in _wcwidth.iter_graphemes(s):
        out.append((pos, pos + len(g)))
        pos += len(g)
    return out


# ---------------------------------------------------------------- FriBidi

class FriBidi:
    """The few libfribidi entry points the oracle needs, through ctypes."""

    PAR_LTR, PAR_RTL = 0x110, 0x111
    FLAG_MIRRORING, FLAG_REORDER_NSM = 0x1, 0x2
    FLAG_ARAB_PRES, FLAG_ARAB_LIGA = 0x100, 0x200

    def __init__(self) -> None:
        name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
        try:
            lib = ctypes.CDLL(name)
        except OSError as exc:
            raise RuntimeError(f"libfribidi not found ({exc}); apt-get install libfribidi0") from None
        u32p, i8p, u8p = ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(ctypes.c_int8), ctypes.POINTER(ctypes.c_uint8)
        lib.fribidi_get_bidi_types.argtypes = [u32p, ctypes.c_int, u32p]
        lib.fribidi_get_bracket_types.argtypes = [u32p, ctypes.c_int, u32p, u32p]
        lib.fribidi_get_par_embedding_levels_ex.argtypes = [u32p, u32p, ctypes.c_int, u32p, i8p]
        lib.fribidi_get_par_embedding_levels_ex.restype = ctypes.c_int8
        lib.fribidi_get_joining_types.argtypes = [u32p, ctypes.c_int, u8p]
        lib.fribidi_join_arabic.argtypes = [u32p, ctypes.c_int, i8p, u8p]
        lib.fribidi_shape.argtypes = [ctypes.c_uint32, i8p, ctypes.c_int, u8p, u32p]
        lib.fribidi_reorder_line.argtypes = [ctypes.c_uint32, u32p, ctypes.c_int, ctypes.c_int, ctypes.c_uint32,
                                             i8p, u32p, ctypes.POINTER(ctypes.c_int)]
        lib.fribidi_reorder_line.restype = ctypes.c_int8
        lib.fribidi_get_bidi_type.argtypes = [ctypes.c_uint32]
        lib.fribidi_get_bidi_type.restype = ctypes.c_uint32
        lib.fribidi_get_mirror_char.argtypes = [ctypes.c_uint32, u32p]
        lib.fribidi_get_mirror_char.restype = ctypes.c_int
        self.lib = lib
        t = lib.fribidi_get_bidi_type
        self.T_L, self.T_R, self.T_AL = t(ord("a")), t(ord("\u05d0")), t(ord("\u0628"))
        self._mirror: dict[str, str] = {}

    def types(self, text: str) -> list[int]:
        n = len(text)
        s = (ctypes.c_uint32 * n)(*map(ord, text))
        out = (ctypes.c_uint32 * n)()
        self.lib.fribidi_get_bidi_types(s, n, out)
        return list(out)

    def first_strong_rtl(self, text: str) -> bool | None:
        """UAX #9 P2/P3: True/False for the first L/R/AL outside isolates, None if none."""
        depth = 0
        for ch, t in zip(text, self.types(text)):
            if ch in (LRI, RLI, FSI):
                depth += 1
            elif ch == PDI:
                depth = max(0, depth - 1)
            elif depth == 0 and t in (self.T_L, self.T_R, self.T_AL):
                return t != self.T_L
        return None

    def levels_and_shape(self, text: str, rtl: bool) -> tuple[list[int], list[int], str]:
        """(bidi types, resolved levels, shaped+mirrored text) for one paragraph."""
        n = len(text)
        if not n:
            return [], [], ""
        lib = self.lib
        s = (ctypes.c_uint32 * n)(*map(ord, text))
        types = (ctypes.c_uint32 * n)()
        lib.fribidi_get_bidi_types(s, n, types)
        brackets = (ctypes.c_uint32 * n)()
        lib.fribidi_get_bracket_types(s, n, types, brackets)
        levels = (ctypes.c_int8 * n)()
        base = ctypes.c_uint32(self.PAR_RTL if rtl else self.PAR_LTR)
        if not lib.fribidi_get_par_embedding_levels_ex(types, brackets, n, ctypes.byref(base), levels):
            raise RuntimeError("fribidi_get_par_embedding_levels_ex failed")
        joining = (ctypes.c_uint8 * n)()
        lib.fribidi_get_joining_types(s, n, joining)
        lib.fribidi_join_arabic(types, n, levels, joining)
        lib.fribidi_shape(self.FLAG_MIRRORING | self.FLAG_ARAB_PRES | self.FLAG_ARAB_LIGA, levels, n, joining, s)
        return list(types), list(levels), "".join(map(chr, s))

    def reorder(self, types: list[int], levels: list[int], rtl: bool) -> list[int]:
        """Visual order (logical indices) of one line, L1-L4 with marks after their base."""
        n = len(types)
        if not n:
            return []
        t = (ctypes.c_uint32 * n)(*types)
        lv = (ctypes.c_int8 * n)(*levels)
        vis = (ctypes.c_uint32 * n)()
        m = (ctypes.c_int * n)(*range(n))
        if not self.lib.fribidi_reorder_line(self.FLAG_MIRRORING | self.FLAG_REORDER_NSM, t, n, 0,
                                             self.PAR_RTL if rtl else self.PAR_LTR, lv, vis, m):
            raise RuntimeError("fribidi_reorder_line failed")
        return list(m)

    def mirror(self, ch: str) -> str:
        got = self._mirror.get(ch)
        if got is None:
            out = ctypes.c_uint32()
            got = chr(out.value) if self.lib.fribidi_get_mirror_char(ord(ch), ctypes.byref(out)) else ch
            self._mirror[ch] = got
        return got


_FRIBIDI: FriBidi | None = None


def fribidi() -> FriBidi:
    global _FRIBIDI
    if _FRIBIDI is None:
        _FRIBIDI = FriBidi()
    return _FRIBIDI


# ---------------------------------------------------------------- protocol

_TRAIL = set(".,;:!?'\"»«“”‘’…،؛؟۔")
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_URL = re.compile(r"(?<![\w@./])(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w@])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*(?![\w@])")
_HASHTAG = re.compile(r"(?<![\w#&])#[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*(?!\w)")


def _trim_url(s: str) -> str:
    while s:
        last = s[-1]
        if last in _TRAIL or (last in _CLOSERS and s.count(_CLOSERS[last]) < s.count(last)):
            s = s[:-1]
        else:
            break
    return s


def identifier_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the URLs, e-mails, @handles, #hashtags to isolate."""
    taken: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in taken)

    for m in _URL.finditer(text):
        url = _trim_url(m.group())
        if len(url) > len("www.") and free(m.start(), m.start() + len(url)):
            taken.append((m.start(), m.start() + len(url), "url"))
    for kind, rx in (("email", _EMAIL), ("handle", _HANDLE), ("hashtag", _HASHTAG)):
        for m in rx.finditer(text):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end(), kind))
    return sorted(taken)


# ---------------------------------------------------------------- rendering

@dataclass(frozen=True)
class Variant:
    """The expectation (all defaults) or what a known defect would draw instead."""

    per_line: bool = False          # D1: levels resolved on each line alone
    flip: bool = False              # D2: the paragraph in the other direction
    no_isolates: bool = False       # D6: identifiers not wrapped in LRI..PDI
    nbsp_as_space: bool = False     # D4: no-break spaces turned into spaces
    drop_zwj: bool = False          # D3: ZWJ removed before shaping
    split_clusters: bool = False    # D3: grapheme clusters reordered char by char
    tatweel_joining: bool = False   # D7: tatweel removed before shaping
    tatweel_stroke: bool = False    # D7: tatweel drawn nowhere, joining kept


STRICT = Variant()
CAUSE = {
    "per_line": "per-line bidi",
    "flip": "paragraph direction",
    "no_isolates": "identifier not isolated",
    "nbsp_as_space": "no-break space",
    "drop_zwj": "emoji/ZWJ",
    "split_clusters": "emoji/ZWJ",
    "tatweel_joining": "tatweel",
    "tatweel_stroke": "tatweel",
}


@dataclass
class Rendering:
    rtl: bool                       # paragraph direction used
    lines: list[str]                # visual text per requested span (no padding)
    text: str = ""                  # transformed logical text (after the protocol)


def expected_direction(paragraph: str, article_rtl: bool) -> bool:
    """P2/P3 after the protocol; the article's direction when no strong character."""
    text = _transform(collapse(paragraph), STRICT)[0]
    found = fribidi().first_strong_rtl(text)
    return article_rtl if found is None else found


def _transform(para: str, v: Variant) -> tuple[str, list[int]]:
    """The paragraph as the variant sees it, and for each of its characters the
    index in ``para`` it stands for (inserted isolates: the identifier's first
    or last character)."""
    pairs = [(c, i) for i, c in enumerate(para)]
    if v.nbsp_as_space:
        pairs = [(" " if c in ("\u00a0", "\u202f") else c, i) for c, i in pairs]
    if v.drop_zwj:
        pairs = [(c, i) for c, i in pairs if c != ZWJ]
    if v.tatweel_joining:
        pairs = [(c, i) for c, i in pairs if c != TATWEEL]
    if not v.no_isolates:
        spans = identifier_spans(para)
        for a, b, _ in reversed(spans):
            owners = [i for _, i in pairs]
            lo = bisect.bisect_left(owners, a)
            hi = bisect.bisect_left(owners, b)
            if lo >= hi:
                continue
            pairs[hi:hi] = [(PDI, b - 1)]
            pairs[lo:lo] = [(LRI, a)]
    return "".join(c for c, _ in pairs), [i for _, i in pairs]


def _visual_line(fb: FriBidi, text: str, types: list[int], levels: list[int], shaped: str,
                 rtl: bool, v: Variant) -> str:
    order = fb.reorder(types, levels, rtl)
    if not v.split_clusters:
        cluster_of = list(range(-1, -len(text) - 1, -1))  # every character its own unit ...
        for k, (a, b) in enumerate(graphemes(text)):
            if is_symbol_cluster(text[a:b]):               # ... except emoji-like clusters
                for j in range(a, b):
                    cluster_of[j] = k
        fixed: list[int] = []
        i = 0
        while i < len(order):
            j = i
            while j < len(order) and cluster_of[order[j]] == cluster_of[order[i]]:
                j += 1
            fixed.extend(sorted(order[i:j]))
            i = j
        order = fixed
    out = []
    for i in order:
        if text[i] in BIDI_CONTROLS:
            continue
        ch = shaped[i]
        if ch == FILLER and text[i] != FILLER:
            continue
        if v.tatweel_stroke and ch == TATWEEL:
            continue
        out.append(ch)
    # A space at either end of the drawn text cannot be told from padding (it
    # is there only when a "word" is made of controls alone, e.g. a lone RLM).
    return "".join(out).strip(" ")


def render(para: str, spans: list[tuple[int, int]], article_rtl: bool, v: Variant = STRICT) -> Rendering:
    """Visual text of each span [a, b) of ``para`` (already collapsed), as the
    variant draws it. Spans may overlap (used to measure "what if the next
    word were on this line")."""
    fb = fribidi()
    if not DRAW_TATWEEL and not v.tatweel_joining:
        v = replace(v, tatweel_stroke=True)
    text, owner = _transform(para, v)
    # The direction is the expectation's (P2/P3 after the protocol) for every
    # variant but "flip", so each variant changes one thing only.
    rtl = expected_direction(para, article_rtl) != v.flip
    if not v.per_line:
        types, levels, shaped = fb.levels_and_shape(text, rtl)
    lines = []
    for a, b in spans:
        lo, hi = bisect.bisect_left(owner, a), bisect.bisect_left(owner, b)
        seg = text[lo:hi]
        if v.per_line:
            t, lv, sh = fb.levels_and_shape(seg, rtl)
        else:
            t, lv, sh = types[lo:hi], levels[lo:hi], shaped[lo:hi]
        lines.append(_visual_line(fb, seg, t, lv, sh, rtl, v))
    return Rendering(rtl, lines, text)


# ---------------------------------------------------------------- checking

@dataclass
class LineResult:
    span: tuple[int, int] | None
    got: str                                        # drawn text, padding removed
    want: str = ""
    problems: list[tuple[str, str]] = field(default_factory=list)   # (cause, message)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def causes(self) -> set[str]:
        return {c for c, _ in self.problems}


@dataclass
class ParagraphResult:
    rtl: bool
    lines: list[LineResult]
    problems: list[tuple[str, str]] = field(default_factory=list)   # paragraph-wide


def map_lines(para: str, drawn: list[str]) -> tuple[list[tuple[int, int]] | None, list[str]]:
    """Logical span [a, b) of ``para`` held by each drawn line.

    Lines are matched by counting base characters (presentation forms
    un-shaped; white space, bidi controls, zero-width characters and tatweel
    count 0), so a no-break space turned into a break, an over-long word split
    mid-word, or a dropped ZWJ/tatweel do not derail the mapping. A line ends
    after its last base character plus any zero-count characters glued to it;
    the next line starts after the white space between them."""
    weights = [ink_weight(c) for c in para]
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(para)
    for line in drawn:
        k = sum(ink_weight(c) for c in line)
        start = pos
        while start < n and para[start].isspace():
            start += 1
        end, got = start, 0
        while end < n and got < k:
            got += weights[end]
            end += 1
        if got != k:
            return None, [f"cannot map lines to the paragraph: a line holds {k} characters, "
                          f"{got} left in the paragraph"]
        while end < n and not para[end].isspace() and weights[end] == 0:
            end += 1
        spans.append((start, end))
        pos = end
    rest = sum(weights[pos:])
    if rest:
        return None, [f"cannot map lines to the paragraph: {rest} characters of the paragraph are not drawn "
                      f"({para[pos:pos + 30]!r}...)"]
    return spans, []


def _multiset(s: str, fb: FriBidi) -> Counter:
    s = unshape(s)
    c = Counter()
    for ch in s:
        if breakable(ch) or ch in BIDI_CONTROLS or (ch == TATWEEL and not DRAW_TATWEEL):
            continue
        m = fb.mirror(ch)
        c[min(ch, m)] += 1
    return c


MAX_COMBINED = 4  # at most this many defects are combined to explain one line


def _explain(para: str, spans, article_rtl: bool, drawn: list[str], todo: list[int],
             toggles: list[str]) -> dict[int, tuple[str, ...]]:
    """For each line index in ``todo``, the smallest set of defect toggles whose
    rendering equals the drawn line."""
    found: dict[int, tuple[str, ...]] = {}
    # First exact matches; then matches up to the joining forms ("shaping").
    for relaxed in (False, True):
        for size in range(0 if relaxed else 1, min(len(toggles), MAX_COMBINED) + 1):
            for combo in itertools.combinations(toggles, size):
                if "tatweel_joining" in combo and "tatweel_stroke" in combo:
                    continue
                left = [i for i in todo if i not in found]
                if not left:
                    return found
                r = render(para, [spans[i] for i in left], article_rtl, Variant(**dict.fromkeys(combo, True)))
                for i, vis in zip(left, r.lines):
                    got = strip_controls(drawn[i])
                    if unshape_visual(got) == unshape_visual(vis) if relaxed else same_glyphs(got, vis):
                        found[i] = combo + (("shaping",) if relaxed else ())
    return found


def _toggles(para: str, n_lines: int, wrong_dir: bool) -> list[str]:
    """The defect variants that could change this paragraph's rendering, most likely first."""
    out = []
    if wrong_dir:
        out.append("flip")
    if n_lines > 1:
        out.append("per_line")
    if identifier_spans(para):
        out.append("no_isolates")
    if "\u00a0" in para or "\u202f" in para:
        out.append("nbsp_as_space")
    if ZWJ in para:
        out.append("drop_zwj")
    if any(is_symbol_cluster(para[a:b]) for a, b in graphemes(para)):
        out.append("split_clusters")
    if TATWEEL in para:
        out += ["tatweel_joining", "tatweel_stroke"] if DRAW_TATWEEL else ["tatweel_joining"]
    return out


def _word_around(para: str, pos: int) -> tuple[int, int]:
    a = para.rfind(" ", 0, pos) + 1
    b = para.find(" ", pos)
    return a, (len(para) if b < 0 else b)


def check_paragraph(paragraph: str, lines: list[str], width: int, article_rtl: bool) -> ParagraphResult:
    """Everything wrong with the ``lines`` drawn for ``paragraph`` at ``width``."""
    fb = fribidi()
    para = collapse(paragraph)
    rtl = expected_direction(para, article_rtl)
    res = ParagraphResult(rtl, [])
    got = [ln.strip(" ") for ln in lines]
    spans, errs = map_lines(para, got)
    if spans is None:
        res.lines = [LineResult(None, g, problems=[("chars lost/dup", errs[0])]) for g in got]
        return res

    # Breaks: after line i, the logical text up to the next line's start.
    n = len(spans)
    gaps = [para[spans[i][1]:spans[i + 1][0]] for i in range(n - 1)]
    ext = {}  # line i + the next word, for the greedy check
    for i, gap in enumerate(gaps):
        if gap and any(breakable(c) for c in gap):
            ext[i] = (spans[i][0], _word_around(para, spans[i + 1][0])[1])
    ext_keys = sorted(ext)
    r = render(para, spans + [ext[i] for i in ext_keys], article_rtl)
    want, ext_vis = r.lines[:n], dict(zip(ext_keys, r.lines[n:]))
    res.lines = [LineResult(s, g, w) for s, g, w in zip(spans, got, want)]

    # Which direction did the renderer draw? Left padding means RTL.
    if any(ln.startswith(" ") for ln in lines):
        drawn_rtl = True
    elif all(term_cells(ln) == width for ln in lines):
        drawn_rtl = None
    else:
        drawn_rtl = False
    wrong_dir = drawn_rtl is not None and drawn_rtl != rtl

    bad = [i for i, lr in enumerate(res.lines) if not same_glyphs(strip_controls(lr.got), lr.want)]
    toggles = _toggles(para, n, wrong_dir)
    explained = _explain(para, spans, article_rtl, got, bad, toggles) if bad else {}
    para_toggles = sorted({t for combo in explained.values() for t in combo if t in CAUSE})

    for i, lr in enumerate(res.lines):
        line, (a, b) = lines[i], lr.span
        content_causes: list[str] = []
        if i in bad:
            combo = explained.get(i)
            content_causes = sorted({CAUSE.get(t, t) for t in combo}) if combo else ["other"]
            for c in content_causes:
                lr.problems.append((c, f"drawn {strip_controls(lr.got)!r}\n      want  {lr.want!r}"))
        # A line drawn wider than expected (an emoji sequence taken apart, a
        # ligature not formed) overflows, misaligns or breaks early because of
        # that content defect: those problems are filed under its cause.
        widened = content_causes if cells(strip_controls(lr.got)) > cells(lr.want) else []
        if any(c in BIDI_CONTROLS for c in lr.got):
            lr.problems.append(("other", "bidi control characters left in the drawn line"))
        w = cells(line if line.startswith(" ") else line.rstrip(" "))
        if w > width:
            for c in widened or ["width"]:
                lr.problems.append((c, f"{w} cells, pane is {width}: {lr.got[:40]!r}"))
        text_w = term_cells(lr.got)
        if rtl:
            aligned = line == " " * max(0, width - text_w) + lr.got
        else:
            aligned = not line.startswith(" ")
        if not aligned:
            for c in ["paragraph direction"] if wrong_dir else widened or ["alignment"]:
                lr.problems.append((c, f"not {'right' if rtl else 'left'}-aligned to {width}: "
                                       f"{len(line) - len(line.lstrip(' '))} spaces + {text_w} cells"))
        m_got, m_want = _multiset(lr.got, fb), _multiset(para[a:b], fb)
        if m_got != m_want:
            lost, added = m_want - m_got, m_got - m_want
            cause = ("tatweel" if TATWEEL in lost else "emoji/ZWJ" if ZWJ in lost
                     else "no-break space" if any(c in lost for c in NO_BREAK_SPACES) else "chars lost/dup")
            lr.problems.append((cause, f"characters lost {dict(lost)!r}, added {dict(added)!r}"))
        if i == n - 1:
            break
        gap, nxt = gaps[i], spans[i + 1][0]
        if not gap:  # broken inside a word
            wa, wb = _word_around(para, b)
            word_w = cells(render(para, [(wa, wb)], article_rtl).lines[0])
            if word_w <= width:
                lr.problems.append(("line filling", f"broken inside the word {para[wa:wb]!r}, which fits ({word_w} cells)"))
                continue
            lr.notes.append(f"over-long word ({word_w} cells) split after {para[a:b][-12:]!r}")
            clusters = [(ga + wa, gb + wa) for ga, gb in graphemes(para[wa:wb])]
            if any(ga < b < gb for ga, gb in clusters):
                lr.problems.append(("line filling", "over-long word split inside a grapheme cluster"))
                continue
            nxt_end = next((gb for ga, gb in clusters if ga == nxt), None)
            if nxt_end and cells(render(para, [(a, nxt_end)], article_rtl).lines[0]) <= width:
                lr.problems.append(("line filling", "over-long word split early: the next character would have fit"))
        elif not any(breakable(c) for c in gap):
            lr.problems.append(("no-break space", f"line broken at a no-break space {gap!r}: "
                                                  f"{para[max(a, b - 12):b]!r} | {para[nxt:nxt + 12]!r}"))
        elif cells(ext_vis[i]) <= width:
            ea, eb = ext[i]
            wider_by = cells(strip_controls(lr.got)) - cells(lr.want)
            if widened and cells(ext_vis[i]) + wider_by > width:
                causes = widened
            else:
                causes = sorted({CAUSE[t] for t in para_toggles
                                 if cells(render(para, [(ea, eb)], article_rtl, Variant(**{t: True})).lines[0]) > width})
            for c in causes or ["line filling"]:
                lr.problems.append((c, f"not greedy: the next word {para[nxt:eb]!r} would have fit "
                                       f"({cells(ext_vis[i])} <= {width} cells)"))
    return res


if __name__ == "__main__":  # quick look: python rtl_para_oracle.py 'text' [width] [rtl|ltr]
    import sys
    text = sys.argv[1]
    w = int(sys.argv[2]) if len(sys.argv) > 2 else 10 ** 6
    art = (sys.argv[3] if len(sys.argv) > 3 else "rtl") == "rtl"
    para = collapse(text)
    r = render(para, [(0, len(para))], art)
    print("rtl" if r.rtl else "ltr", repr(r.lines[0]))
