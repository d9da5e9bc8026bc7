"""One-line labels (list titles, sources, quotes in panels) through the same layout.

A label wider than its box keeps its *logical* beginning and loses its end,
marked with an ellipsis on the side where the text would go on: the left
for right-to-left labels. Truncating the visual string instead would cut the
first words of an Arabic title.
"""

from __future__ import annotations

from tui.rtl.cells import cell_len
from tui.rtl.direction import Direction, paragraph_direction
from tui.rtl.layout import layout_paragraph
from tui.text.sanitize import visible_controls

ELLIPSIS = "…"


def visual_line(text: str, width: int, mode: str = "app", *, language: str | None = None,
                direction: Direction | None = None, align: bool = False) -> str:
    """``text`` as one visual row of at most ``width`` cells.

    With ``align`` a right-to-left label is padded on the left to ``width``
    so it sits against the right edge, as RTL readers expect.
    """
    text = " ".join(visible_controls(text).split())  # draw-time guard (docs/security.md)
    if width <= 0 or not text:
        return ""
    if mode == "off":
        return _cut_logical(text, width)
    rtl = paragraph_direction(text, language, direction) == "rtl"
    rows = layout_paragraph(text, width, mode, "rtl" if rtl else "ltr")
    if len(rows) == 1:
        line = rows[0].text.strip(" ")
    else:
        rows = layout_paragraph(text, max(width - 1, 1), mode, "rtl" if rtl else "ltr")
        first = rows[0].text.strip(" ")
        line = ELLIPSIS + first if rtl else first + ELLIPSIS
    if align and rtl:
        line = " " * max(0, width - cell_len(line)) + line
    return line


def _cut_logical(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + ELLIPSIS
