"""``marsad render``: the reader pane's body as plain text lines."""

from __future__ import annotations

from tui.rtl.layout import layout

__all__ = ["render_lines", "render_text"]


def render_lines(text: str, width: int, mode: str = "app", language: str | None = None) -> list[str]:
    """Rows as the reader draws them, one blank row between paragraphs.

    RTL rows keep their left padding (exactly ``width`` cells); LTR rows are
    stripped on the right. The text is a file the user named, so LRO/RLO
    are honoured (the reader shows them as placeholders: docs/security.md).
    """
    lay = layout(text, width, mode, language=language, honour_overrides=True)
    out: list[str] = []
    for i in range(len(lay)):
        if i:
            out.append("")
        for line in lay.paragraph_lines(i):
            out.append(line.text if line.shape.rtl else line.text.rstrip(" "))
    return out


def render_text(text: str, width: int, mode: str = "app", language: str | None = None) -> str:
    """All of ``text``'s paragraphs in order, as the reader pane draws them."""
    lines = render_lines(text, width, mode, language)
    return "\n".join(lines) + ("\n" if lines else "")
