"""Theme colours for text a widget builds itself (Rich ``Text`` rows in option lists)."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def component_style(widget: Widget, component: str) -> Style:
    """``component``'s style without its background, so a highlighted row's background shows through.

    A translucent colour such as ``$text-muted`` is blended over the widget's
    background here: left as it is, Rich drops the alpha, and the light theme
    then draws muted text in near-white on its cream background.
    """
    style = widget.get_component_rich_style(component, partial=True)
    colour = widget.get_component_styles(component).color
    if colour.a < 1:
        style += Style(color=(widget.background_colors[1] + colour).rich_color)
    return style
