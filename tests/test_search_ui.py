"""Pilot: the search box filters the list as you type; enter and escape; filters; hits."""

from __future__ import annotations

from pilot_helpers import workers_done
from textual.widgets import Input, Select

from tui.app import make_app
from tui.config import Config, load_config
from tui.filters import Filter, saved_views
from tui.screens.filter_dialog import FilterDialog
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.search_box import SearchBox

SIZE = (140, 40)


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Workers done and, the first time, the search index built (it starts just after first paint)."""
    for _ in range(200):
        await workers_done(app)
        await pilot.pause()
        if not isinstance(app.screen, MainScreen) or app.screen.search.index is not None:
            break
        await pilot.pause(0.02)
    await workers_done(app)
    await pilot.pause()


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [it.article.title for it in app.screen.query_one(ArticleList).items]


def header(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.list_header_text


async def test_typing_filters_enter_focuses_first_match_escape_clears(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        box = app.screen.query_one(SearchBox)
        articles = app.screen.query_one(ArticleList)
        total = len(articles.items)
        assert total == 7 and not box.display

        await pilot.press("slash")
        assert app.focused is box and box.display
        counts = []
        for ch in "ايران":  # typed without hamza; the text has إيران and Persian ایران
            await pilot.press(ch)
            await settle(app, pilot)
            counts.append(len(articles.items))
        assert counts[0] < total and counts[-1] == 2
        assert counts == sorted(counts, reverse=True)
        assert "2 of 7 articles" in header(app) and "/ايران" in header(app)

        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is articles and articles.cursor == 0
        assert articles.current is not None and articles.current.id == app.screen.article.id
        assert "مسقط" in articles.current.title  # best ranked: Arabic article says إيران twice

        await pilot.press("slash", "escape")
        await settle(app, pilot)
        assert len(articles.items) == total and box.value == "" and not box.display
        assert app.focused is articles and header(app) == "7 articles"


async def test_phrase_and_clitic_search_in_the_box(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one(SearchBox).value = '"الولايات المتحدة" '
        await settle(app, pilot)
        assert titles(app) and all("Saudi" not in t for t in titles(app))


async def test_hits_become_reader_marks_and_gt_jumps(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"مسقط", "enter")
        await settle(app, pilot)
        await pilot.pause(0.2)
        reader = app.screen.query_one(Reader)
        body = app.screen.article.body
        hits = [m for m in reader.marks if m.kind == "search"]
        assert hits and all(body[m.start:m.end] == "مسقط" for m in hits)
        await pilot.press("greater_than_sign")
        assert app.screen.search.hit_index == 0
        await pilot.press("greater_than_sign", "less_than_sign")
        assert app.screen.search.hit_index == 0


async def test_filter_dialog_applies_and_saves_a_view(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.query_one("#languages", Input).value = "ar"
        dialog.query_one("#sort", Select).value = "source"
        dialog.query_one("#save_as", Input).value = "Arabic"
        dialog.query_one("#tags", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, FilterDialog)
        items = app.screen.query_one(ArticleList).items
        assert len(items) == 4 and all(it.article.language == "ar" for it in items)
        sources = [it.article.source for it in items]
        assert sources == sorted(sources, key=str.casefold)
        assert "◆ Arabic" in header(app) and "AR" in header(app)
        assert saved_views(load_config(config.library)) == {"Arabic": Filter(languages=("ar",), sort="source")}

        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#clear").press()
        await settle(app, pilot)
        assert len(app.screen.query_one(ArticleList).items) == 7


async def test_f_on_a_selected_tag_toggles_a_tag_filter(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        screen.set_list_filter(screen.search.toggle(tags=("nuclear",)))
        await pilot.pause()
        assert len(titles(app)) == 2 and "#nuclear" in header(app)
        screen.set_list_filter(screen.search.toggle(tags=("nuclear",)))
        await pilot.pause()
        assert len(titles(app)) == 7


async def test_unread_filter_follows_m(config: Config) -> None:
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.set_list_filter(Filter(read=False))
        await pilot.pause()
        assert len(titles(app)) == 7
        app.screen.query_one(ArticleList).focus()
        await pilot.press("m")
        app.screen.apply_list_filter()
        await pilot.pause()
        assert len(titles(app)) == 6


async def test_f_on_an_annotation_tag_filters_by_it(config: Config) -> None:
    from tui.models import Annotation
    from tui.samples import seed_library
    from tui.store import Store
    from tui.widgets.annotation_panel import AnnotationPanel

    store = Store(config.library)
    seed_library(store)
    first = store.articles()[0]
    store.save_annotation(Annotation(id="", article_id=first.id, note="watch this", tags=["watchlist"]))
    app = make_app(config, store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.open_article(first.id)
        await pilot.pause()
        panel = app.screen.query_one(AnnotationPanel)
        panel.focus()
        panel.highlighted = 1  # row 0 is the article's tags line
        await pilot.pause()
        assert panel.selected_tag == "watchlist"
        await pilot.press("f")
        await pilot.pause()
        assert [it.article.id for it in app.screen.query_one(ArticleList).items] == [first.id]
        assert "#watchlist" in header(app)
        await pilot.press("f")  # the same tag again removes it
        await pilot.pause()
        assert len(titles(app)) == 7


async def test_typing_before_the_index_is_ready(config: Config, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tui.screens.main as main_screen

    monkeypatch.setattr(main_screen, "SEARCH_INDEX_DELAY", 3600)  # hold the index back
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await workers_done(app)
        await pilot.pause()
        await pilot.press("slash", *"Saudi")
        await pilot.pause()
        assert "(indexing…)" in header(app) and len(titles(app)) == 7  # typing works, list waits
        app.screen._build_index(None)
        await settle(app, pilot)
        assert titles(app) == ["Saudi Arabia unveils new tourism fund as Red Sea projects near completion"]
        assert "indexing" not in header(app)
