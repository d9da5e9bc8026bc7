"""Errors the user can act on. The CLI prints them as one line; the app notifies."""


class MarsadError(Exception):
    """An expected failure with a message fit for the user."""

    exit_code = 1


class StoreError(MarsadError):
    """The library folder cannot be read or written."""


class LibraryLocked(StoreError):
    """Another running Marsad holds the library's write lock."""

    exit_code = 3


class InputError(MarsadError):
    """A file, feed or argument the user gave cannot be used."""

    exit_code = 2
