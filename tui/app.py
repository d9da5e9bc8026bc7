"""MarsadApp: themes, global keys, bidi mode and the main screen. Wiring only."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, InvalidThemeError, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tui.config import BIDI_MODES, Config, save_setting
from tui.keymap import normalise_keymap
from tui.store import Store
from tui.store.library import library_needs_upgrade
from tui.text.sanitize import visible_controls
from tui.themes import APP_VARIABLES, load_themes

# CSI 8 l / CSI 8 h: VTE's "explicit" bidi mode. In app mode Marsad has already
# reordered every line, so VTE terminals must not reorder it a second time.
VTE_EXPLICIT_ON = "\x1b[8l"
VTE_EXPLICIT_OFF = "\x1b[8h"


class MarsadApp(App[None]):
    """The reading room. Build it with :func:`make_app`."""

    CSS_PATH = ["app.tcss", "screens/main.tcss"]  # the main screen's too: it is the first screen (get_default_screen)
    TITLE = "Marsad"
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="app.focus-next"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="app.focus-previous"),
    ]

    def __init__(self, config: Config, store: Store | None) -> None:
        """``store`` None: the library needs an upgrade first, done behind a progress screen."""
        super().__init__()
        self.config = config
        self._store = store
        self.theme_failures: list[tuple[Path, str]] = []
        self._themes_loaded = False
        self._theme_failures: list[str] = []
        self.keymap_ids: dict[str, str] = {}  # binding id -> keys, from settings.toml [keymap]

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notification is plain text: ``markup`` is accepted and ignored.

        Messages quote file names, URLs, entity names and error texts, any
        of which may hold ``[/x]`` (a markup error that would crash the app)
        or ``[@click=app.quit]`` (a live action). Widgets and screens pass
        ``markup=True`` by default (Textual's ``Widget.notify``), so only
        this one place can make it safe for all of them. Controls are made
        visible too: a message never reaches the terminal as a command.
        """
        super().notify(visible_controls(message), title=visible_controls(title), severity=severity,
                       timeout=timeout, markup=False)

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the library is still being opened")
        return self._store

    @property
    def store_open(self) -> bool:
        return self._store is not None

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(APP_VARIABLES)

    def get_default_screen(self) -> Screen:
        """The main screen is the first screen, not pushed over an empty one once the app
        has started (one screen composed, styled and drawn at start instead of two).

        The themes are registered and chosen first, so the screen is styled once,
        in its theme. A library that needs an upgrade starts on an empty screen,
        with the progress screen over it (see :meth:`on_mount`).
        """
        self._theme_failures = self._load_themes()
        if self._store is None:
            return super().get_default_screen()
        from tui.screens.main import MainScreen

        return MainScreen(self.store, self.config)

    def on_mount(self) -> None:
        self._report_themes(self._theme_failures)
        self._themes_loaded = True  # from here on a theme change is the user's choice, to be saved
        for warning in self.config.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=10)
        problems: list[str] = []
        self.keymap_ids = normalise_keymap(self.config.keymap, problems)
        for problem in problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10)
        if self.keymap_ids:
            self.set_keymap(self.keymap_ids)
        self._send_bidi_mode(self.config.bidi)
        if self._store is None:
            from tui.screens.upgrade import UpgradeScreen

            self.push_screen(UpgradeScreen(self.config.library, self._upgraded))

    def _show_main(self) -> None:
        from tui.screens.main import MainScreen

        self.push_screen(MainScreen(self.store, self.config))

    def _upgraded(self, store: Store) -> None:
        """The library was upgraded and opened behind the progress screen: on to the main screen."""
        self._store = store
        self.pop_screen()
        self._show_main()

    def _load_themes(self) -> list[str]:
        """Register the theme files and pick the configured theme; returns what to tell the user
        (told once the app is mounted: a notification needs a screen)."""
        themes, failed = load_themes(self.config.themes_dir)
        problems: list[str] = []
        for theme in themes:
            self.register_theme(theme)
        if failed:
            names = ", ".join(f"{p.name} ({why})" for p, why in failed)
            problems.append(f"Could not load theme files: {names}")
        try:
            self.theme = self.config.theme
        except InvalidThemeError:
            problems.append(f"Unknown theme {self.config.theme!r}; using marsad-dark.")
            if "marsad-dark" in self.available_themes:
                self.theme = "marsad-dark"
        return problems

    def _report_themes(self, problems: list[str]) -> None:
        for problem in problems:
            severity: SeverityLevel = "error" if problem.startswith("Could not") else "warning"
            self.notify(problem, severity=severity, timeout=10 if severity == "error" else None)

    def watch_theme(self, theme: str) -> None:
        if self._themes_loaded and theme != self.config.theme:
            self._tell_unsaved(save_setting(self.config, "theme", theme))

    def _tell_unsaved(self, problem: str | None) -> None:
        """A setting that applies but could not be saved (read-only library, full disk)."""
        if problem:
            self.notify(problem, title="Settings", severity="warning", timeout=10)

    # -- bidi mode ---------------------------------------------------------

    def next_bidi_mode(self) -> str:
        """``B``: the next mode after the current one, saved and told to the terminal."""
        mode = BIDI_MODES[(BIDI_MODES.index(self.config.bidi) + 1) % len(BIDI_MODES)]
        self._tell_unsaved(save_setting(self.config, "bidi", mode))
        self._send_bidi_mode(mode)
        return mode

    def _send_bidi_mode(self, mode: str) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None and not self.is_headless:
            driver.write(VTE_EXPLICIT_ON if mode == "app" else VTE_EXPLICIT_OFF)

    def on_unmount(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None and not self.is_headless:
            driver.write(VTE_EXPLICIT_OFF)

    # -- command palette ---------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every keyed action of the screen, by name, plus Textual's own."""
        yield from super().get_system_commands(screen)
        if hasattr(screen, "action_repair_library"):
            yield SystemCommand("Repair the library",
                                "Check every file of the library and repair what can be (marsad doctor --repair)",
                                lambda: screen.run_action("repair_library"))
        seen: set[str] = set()
        for binding in type(screen).BINDINGS:
            if not isinstance(binding, Binding) or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = binding.key.split(",")[0]
            yield SystemCommand(
                binding.description,
                f"{binding.tooltip or binding.description} (key: {_key_name(key)})",
                lambda action=binding.action: screen.run_action(action),
            )


def _key_name(key: str) -> str:
    from tui.screens.help import _pretty_keys

    return _pretty_keys(key)


def make_app(config: Config, store: Store | None = None) -> MarsadApp:
    """The one factory used by the CLI, the tests and the snapshot apps."""
    if store is None:
        if library_needs_upgrade(config.library):
            return MarsadApp(config, None)  # upgraded behind a progress screen, not before first paint
        store = Store(config.library)
        if config.seed_samples and store.is_new:
            from tui.samples import seed_library

            seed_library(store)
    return MarsadApp(config, store)
