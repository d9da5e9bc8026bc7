"""The stories view as an analyst uses it (Pilot, real app, a real library of the gold set):
``S``, the ≥ 2 languages filter, opening a story, stepping with ``]``/``[``, compare, watching
an entity, the brief, and the notification after a fetch (real local HTTP server)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_http import HTTPFixture, http_server  # noqa: F401 (pytest fixture)
from pilot_helpers import until, workers_done
from textual.widgets import OptionList
from textual.worker import WorkerCancelled

from tui.app import make_app
from tui.cli import main
from tui.config import THEMES_DIR, Config
from tui.models import Article
from tui.screens.main import MainScreen
from tui.screens.stories import CompareScreen, StoriesScreen
from tui.store import Store
from tui.stories.evaluate import load_gold
from tui.stories.watch import load_watchlist
from tui.widgets.reader import Reader

GOLD = Path(__file__).parent / "fixtures" / "stories" / "gold.txt"
SIZE = (160, 45)


@pytest.fixture
def app_config(library: Path) -> Config:
    store = Store(library)
    store.add_articles([Article(id=g.id, title=g.title, body=g.lead, language=g.language, source=g.source,
                                published=g.published, url=f"https://example.org/{g.id}")
                        for g in load_gold(GOLD.read_text(encoding="utf-8"))])
    store.close()
    return Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR, seed_samples=False)


async def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Wait for the workers; an exclusive worker cancelled by a newer one is not a failure."""
    try:
        await workers_done(app)
    except WorkerCancelled:
        pass


async def stories_screen(app, pilot) -> StoriesScreen:  # type: ignore[no-untyped-def]
    await pilot.press("S")
    for _ in range(200):
        await _settle(app)
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, StoriesScreen) and screen.ctl.lib is not None:
            return screen
    raise AssertionError("the stories view did not load")


def option_texts(screen: StoriesScreen, list_id: str) -> list[str]:
    lst = screen.query_one(list_id, OptionList)
    return [str(lst.get_option_at_index(i).prompt) for i in range(lst.option_count)]


async def open_muscat(screen: StoriesScreen, pilot) -> None:  # type: ignore[no-untyped-def]
    lst = screen.query_one("#story-list", OptionList)
    ids = [lst.get_option_at_index(i).id for i in range(lst.option_count)]
    target = next(s.id for s in screen.ctl.all if "g01" in s.article_ids)
    lst.focus()
    lst.highlighted = ids.index(target)
    await pilot.press("enter")
    await pilot.pause()


async def test_stories_view_lists_filters_opens_and_steps(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await stories_screen(app, pilot)
        every = len(screen.ctl.visible())
        assert every == len(screen.ctl.all) and every >= 15
        ends = [s.end for s in screen.ctl.all]
        assert ends == sorted(ends, reverse=True)  # newest activity first
        await pilot.press("2")
        multi = screen.ctl.visible()
        assert 0 < len(multi) < every and all(len(r.story.languages) >= 2 for r in multi)
        assert screen.query_one("#story-list", OptionList).option_count == len(multi)
        await open_muscat(screen, pilot)
        rows = option_texts(screen, "#story-articles")
        assert rows[0].strip().startswith("Arabic (2)") or "(2)" in rows[0]
        assert sum(1 for r in screen.ctl.rows if not r.article_id) == 4  # four language groups
        reader = screen.query_one("#story-reader", Reader)
        first = screen.ctl.order[0]
        assert reader.article is not None and reader.article.id == first
        await pilot.press("right_square_bracket")
        assert reader.article.id == screen.ctl.order[1]
        await pilot.press("left_square_bracket")
        assert reader.article.id == first
        entities = option_texts(screen, "#story-entities")
        assert any("Muscat" in e for e in entities) and any("ar:" in e and "he:" in e for e in entities)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_compare_two_languages_side_by_side(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await stories_screen(app, pilot)
        await open_muscat(screen, pilot)
        he = next(r.article_id for r in screen.ctl.rows if r.language == "he")
        ar = next(r.article_id for r in screen.ctl.rows if r.language == "ar")
        screen.show_article(ar)
        await pilot.press("space")
        screen.show_article(he)
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        left, right = compare.query(Reader).results(Reader)
        assert left.article.id == ar and right.article.id == he  # type: ignore[union-attr]
        assert left.article.language == "ar" and right.article.language == "he"  # type: ignore[union-attr]
        left.focus()
        await pilot.press("pagedown")
        assert right.scroll_y == 0  # each pane scrolls on its own
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen)


async def test_watch_an_entity_and_export_the_brief(app_config: Config, library: Path) -> None:
    app = make_app(app_config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await stories_screen(app, pilot)
        await open_muscat(screen, pilot)
        ents = screen.query_one("#story-entities", OptionList)
        ids = [ents.get_option_at_index(i).id for i in range(ents.option_count)]
        ents.focus()
        ents.highlighted = ids.index("per:witkoff")
        await pilot.press("W")
        assert [w.id for w in load_watchlist(screen.store)] == ["per:witkoff"]
        screen.query_one("#story-list").focus()
        await pilot.press("w")  # the watched view: only stories naming Witkoff (both rounds of talks)
        shown = screen.ctl.visible()
        assert len(shown) == 2 and all("per:witkoff" in r.story.entities for r in shown)
        assert screen.query_one("#story-list", OptionList).option_count == 2
        await pilot.press("w")
        assert len(screen.ctl.visible()) == len(screen.ctl.all)
        await pilot.press("x")
        briefs = list((library / "exports").glob("marsad-story-*.md"))
        assert len(briefs) == 1
        text = briefs[0].read_text(encoding="utf-8")
        assert "Muscat" in text and "https://example.org/g04" in text


async def test_watch_from_the_sidebar_then_fetch_tells(app_config: Config, library: Path,
                                                       http_server: HTTPFixture) -> None:  # noqa: F811
    assert main(["--library", str(library), "feeds", "add", http_server.url("/feeds/stories_watch.xml")]) == 0
    app = make_app(app_config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _settle(app)
        await pilot.pause()
        main_screen = app.screen
        assert isinstance(main_screen, MainScreen)
        # The list's cursor goes to g03 too: a preview the start-up highlight scheduled would
        # otherwise open the first article over it on a slow machine.
        main_screen.article_list.select_id("g03")
        main_screen.open_article("g03")  # Persian report naming Araghchi

        def araghchi_selected() -> bool:
            sidebar = main_screen.sidebar
            if main_screen.library.is_open("g03") and sidebar.select_id("per:araghchi"):
                return sidebar.selected_entity is not None and sidebar.selected_entity.id == "per:araghchi"
            main_screen.open_article("g03")
            return False

        for _ in range(3):  # still so after the workers have settled
            await _settle(app)
            assert await until(pilot, araghchi_selected, seconds=20)
        main_screen.sidebar.focus()
        await pilot.pause()
        assert main_screen.sidebar.selected_entity.id == "per:araghchi"  # type: ignore[union-attr]
        await pilot.press("W")
        assert [w.id for w in load_watchlist(main_screen.store)] == ["per:araghchi"]
        await pilot.press("r")
        for _ in range(200):
            await _settle(app)
            await pilot.pause()
            if any(n.title == "Watched" for n in app._notifications):
                break
        watched = [n.message for n in app._notifications if n.title == "Watched"]
        assert watched and "Abbas Araghchi" in watched[0] and "دور پنجم" in watched[0]


async def test_highlight_and_note_in_either_compare_pane(app_config: Config) -> None:
    app = make_app(app_config)
    async with app.run_test(size=SIZE) as pilot:
        screen = await stories_screen(app, pilot)
        await open_muscat(screen, pilot)
        screen.show_article("g02")
        await pilot.press("space")
        screen.show_article("g04")
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        left, right = compare.query(Reader).results(Reader)
        right.focus()  # the Hebrew report
        await pilot.press("v", "w", "w", "h")
        await pilot.pause()
        (hl,) = compare.store.annotations_for("g04")  # type: ignore[union-attr]
        assert hl.kind == "highlight" and hl.quote.strip() and hl.quote in right.article.body  # type: ignore[union-attr]
        assert any(m.kind == "highlight" for m in right.marks)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"framing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (noted,) = compare.store.annotations_for("g04")  # type: ignore[union-attr]
        assert noted.id == hl.id and noted.note == "framing"  # the note went on the highlight just made
        left.focus()  # the Arabic report: a note on the article
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"وساطة")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = compare.store.annotations_for("g02")  # type: ignore[union-attr]
        assert [(a.kind, a.note) for a in notes] == [("note", "وساطة")]
        await pilot.press("escape")
        assert isinstance(app.screen, StoriesScreen)
