"""Modal dialogs of the annotation feature: note editor, tag box, confirm, export choice.

Each dialog returns its result through ``dismiss`` (``None`` = cancelled),
so the main screen, which alone writes the store, decides what to do with
it. Text is edited in logical order and drawn as it is read (shaped, in
visual order, RTL lines right-aligned) by the bidi-aware editor and input
(tui/widgets/bidi_text_area.py, bidi_input.py); the tag box keeps a preview
of the tags as the panel will list them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.rtl.line import visual_line
from tui.tags import parse_tags, tag_key
from tui.widgets.bidi_input import BidiInput
from tui.widgets.bidi_text_area import BidiTextArea

PREVIEW_WIDTH = 56


def preview(text: str, mode: str, width: int = PREVIEW_WIDTH) -> Text:
    """The first line of ``text`` laid out as the panel will show it."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return Text(visual_line(first, width, mode, align=True) if first else "", no_wrap=True)


class NoteEditor(ModalScreen[str | None]):
    """Multi-line note: ``ctrl+s`` saves and closes, ``escape`` cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, text: str = "", title: str = "Note", mode: str = "app") -> None:
        super().__init__()
        self.text, self.title_text, self.mode = text, title, mode

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="note-dialog"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            yield BidiTextArea(self.text, id="note-text", bidi_mode=self.mode)
            yield Label("ctrl+s save · escape cancel", classes="hint")

    def on_mount(self) -> None:
        self.query_one(BidiTextArea).focus()  # the cursor starts at the end

    def action_save(self) -> None:
        """Save what the editor holds once it has taken every key and paste already sent.

        ctrl+s is a priority binding, so it runs as soon as it arrives, while
        text typed or pasted in the same burst may still wait in the
        editor's queue; reading the text then would drop it and still say
        "Note saved." Asking the editor to answer after its queue is empty
        keeps the order the user typed in.
        """
        self.query_one(BidiTextArea).call_later(self._save_now)

    def _save_now(self) -> None:
        # Not awaited (a callback returning dismiss's awaitable would be awaited
        # by the editor's own message loop, which the dismissal removes).
        self.dismiss(self.query_one(BidiTextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class LastTagSuggester(Suggester):
    """Completes the tag being typed after the last comma from the known tags."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        cut = max(value.rfind(sep) for sep in ",،;؛")
        head, last = value[:cut + 1], value[cut + 1:]
        typed = last.lstrip()
        if not typed:
            return None
        have = {tag_key(t) for t in parse_tags(head)}
        for tag in self.known:
            if tag_key(tag).startswith(typed.casefold()) and tag_key(tag) not in have and len(tag) > len(typed):
                return value + tag[len(typed):]
        return None


class TagBox(ModalScreen[list[str] | None]):
    """Comma-separated tags with completion (``right`` accepts); ``enter`` saves."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]

    def __init__(self, tags: list[str], known: list[str], title: str = "Tags", mode: str = "app") -> None:
        super().__init__()
        self.tags, self.known, self.title_text, self.mode = tags, known, title, mode

    def compose(self) -> ComposeResult:
        value = ", ".join(self.tags) + (", " if self.tags else "")
        with Vertical(id="dialog", classes="tag-dialog"):
            yield Label(self.title_text, id="dialog-title", markup=False)
            # Not select-on-focus: typing adds to the tags already there.
            yield BidiInput(value, placeholder="tag, another tag", suggester=LastTagSuggester(self.known),
                            select_on_focus=False, id="tags-input", bidi_mode=self.mode)
            yield Static(self._preview(value), id="preview", markup=False)
            yield Label("enter save · → complete · escape cancel", classes="hint")

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _preview(self, value: str) -> Text:
        return preview(" · ".join(parse_tags(value)), self.mode)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#preview", Static).update(self._preview(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Yes/no: ``y`` or ``enter`` confirms, ``n`` or ``escape`` cancels."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", priority=True),
        Binding("n,escape,q", "answer(False)", "No", priority=True),
    ]

    def __init__(self, question: str, detail: str = "", mode: str = "app") -> None:
        super().__init__()
        self.question, self.detail, self.mode = question, detail, mode

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm-dialog"):
            yield Label(self.question, id="dialog-title", markup=False)
            if self.detail:
                yield Static(preview(self.detail, self.mode), id="preview", markup=False)
            yield Label("y / enter: yes · n / q / escape: no", classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass
class ExportRequest:
    """Which notes (``article`` or ``all``) and the folder to write them to."""

    which: str
    folder: str


class ExportChoice(ModalScreen[ExportRequest | None]):
    """Export the current article's notes or the whole library's, into a folder the analyst names.

    The folder starts as the last one used (the ``export_dir`` setting, e.g. an
    Obsidian vault), else ``exports/`` in the library.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", priority=True),
        Binding("q", "cancel", "Cancel", show=False),
        Binding("c", "choose('article')", "Current article", show=False),
        Binding("a", "choose('all')", "All", show=False),
    ]

    def __init__(self, has_article: bool = True, folder: str = "") -> None:
        super().__init__()
        self.has_article = has_article
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="export-dialog"):
            yield Label("Export notes to Markdown", id="dialog-title")
            options = [Option("Current article (c)", id="article", disabled=not self.has_article),
                       Option("All annotated articles (a)", id="all")]
            yield OptionList(*options, id="export-choice")
            yield Label("Into the folder:", classes="hint")
            yield Input(self.folder, id="export-folder", placeholder="a folder, e.g. ~/Notes/vault")
            yield Label("enter export · tab folder · q / escape cancel", classes="hint")

    def on_mount(self) -> None:
        choice = self.query_one(OptionList)
        choice.highlighted = 0 if self.has_article else 1
        choice.focus()

    def _request(self, which: str) -> ExportRequest:
        return ExportRequest(which, self.query_one("#export-folder", Input).value.strip() or self.folder)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.dismiss(self._request(event.option_id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        choice = self.query_one(OptionList)
        option = choice.get_option_at_index(choice.highlighted or 0)
        self.action_choose(option.id or "all")

    def action_choose(self, which: str) -> None:
        if which == "all" or self.has_article:
            self.dismiss(self._request(which))

    def action_cancel(self) -> None:
        self.dismiss(None)
