"""Plain state objects behind the main screen (no Textual).

Each controller holds the state of one feature, set in ``__init__``, and
has methods that take what happened (an article opened, a query typed, a
fetch report) and return what to draw (rows, marks, sidebar rows,
messages). :class:`tui.screens.main.MainScreen` is the one place that talks
to the widgets and to the store: it reads the store, calls the controllers
in order, and hands their answers down to the widgets. So each controller
is testable without a running app, and a reader of ``main.py`` sees every
handler.
"""

from tui.controllers.entities import EntityController
from tui.controllers.feeds import FeedsController
from tui.controllers.library import LibraryController, ListItem
from tui.controllers.links import LinkCheck, check_link
from tui.controllers.notes import NotesController
from tui.controllers.search import SearchController

__all__ = ["EntityController", "FeedsController", "LibraryController", "LinkCheck", "ListItem",
           "NotesController", "SearchController", "check_link"]
