"""Marsad: a terminal reading room for right-to-left and left-to-right news."""

__version__ = "0.1.0"
