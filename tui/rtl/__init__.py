"""Bidi layout: logical text -> visual lines for a terminal width.

Pure logic, never imports Textual, so the CLI (``marsad render``), the tests
and the reader widget share one code path. See ``layout.layout``.
"""

from tui.rtl.layout import Layout, VisualLine, layout, layout_paragraph
from tui.rtl.render import render_text

__all__ = ["Layout", "VisualLine", "layout", "layout_paragraph", "render_text"]
