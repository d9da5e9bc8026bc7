"""Which side panes fit, and how wide the right one is: the reader must stay readable.

The left pane (list) is 34% of the window (30% under ``NARROW`` columns), at
least 24 and at most 60 columns, as ``main.tcss`` says; the right pane
(entities and notes) has the width the analyst chose with ``+``/``-``.
Whatever was toggled open, a pane closes when the window shrinks so far
that the reader would be narrower than ``READER_MIN`` (right first: the list
is how one moves around), and ``[``/``]`` do not open a pane that would.
"""

from __future__ import annotations

from dataclasses import dataclass

NARROW = 100
READER_MIN = 24
RIGHT_DEFAULT = 30
RIGHT_MIN = 24
RIGHT_MAX = 80
RIGHT_STEP = 4


def clamp_right_width(value: object) -> int:
    """The right pane's width from the settings file: a number within bounds, else the default."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return RIGHT_DEFAULT
    return max(RIGHT_MIN, min(RIGHT_MAX, int(value)))


def left_width(window: int) -> int:
    share = 0.30 if window < NARROW else 0.34
    return max(24, min(60, int(window * share)))


@dataclass
class Panes:
    """Open or closed, and the right pane's width."""

    left: bool = True
    right: bool = True
    right_width: int = RIGHT_DEFAULT

    def reader_width(self, window: int) -> int:
        return window - (left_width(window) + 1 if self.left else 0) - (self.right_width if self.right else 0)

    def fit(self, window: int) -> bool:
        """Close panes until the reader has ``READER_MIN`` columns; True when something closed."""
        closed = False
        for side in ("right", "left"):
            if self.reader_width(window) < READER_MIN and getattr(self, side):
                setattr(self, side, False)
                closed = True
        return closed

    def can_open(self, side: str, window: int) -> bool:
        trial = Panes(self.left or side == "left", self.right or side == "right", self.right_width)
        return trial.reader_width(window) >= READER_MIN

    def resize_right(self, step: int, window: int) -> int:
        """``+``/``-``: the right pane's new width, kept between its bounds and the reader's minimum."""
        room = window - (left_width(window) + 1 if self.left else 0) - READER_MIN
        self.right_width = max(RIGHT_MIN, min(RIGHT_MAX, room, self.right_width + step * RIGHT_STEP))
        return self.right_width
