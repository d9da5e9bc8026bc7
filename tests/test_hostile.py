"""The hostile-input corpus (tests/fixtures/hostile/, made by tests/make_hostile_corpus.py)
through every door and every output: import, the store, the CLI, export and the app.

"Unsafe" is anything a terminal would act on: C0 controls but newline and tab,
DEL, C1 controls (U+009B CSI included), and the bidi overrides LRO/RLO (shown
as a visible placeholder instead). Markup must come out as the literal text.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.models import Annotation
from tui.store import Store

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202d\u202e]")
ESC = "\x1b"
PAYLOAD = (f"{ESC}]0;PWNED\x07{ESC}]52;c;cHduZWQ=\x07{ESC}[2J\x9b31m\x9d0;T\x9c\r\u202eabc"
           "[bold red]M[/] [/x] [@click=app.quit]Q[/]")
HOSTILE_NAMES = [f"report{ESC}]0;NAME\x07.txt", "memo\x9b2J\u202egpj.txt", "[bold]x [@click=app.quit]y \x07\r\n.md"]


def unsafe(text: str) -> list[str]:
    return sorted({hex(ord(c)) for c in UNSAFE.findall(text)})


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err


def corpus(tmp_path: Path) -> list[Path]:
    """The corpus files plus files with hostile names, made here (git cannot hold all of them)."""
    files = sorted(p for p in HOSTILE.iterdir() if p.is_file())
    named = tmp_path / "named"
    named.mkdir()
    for i, name in enumerate(HOSTILE_NAMES):
        path = named / name
        path.write_text(f"خبر رقم {i} {PAYLOAD}\n\nنص الخبر {PAYLOAD}\n", encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture
def hostile_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str, str]:
    library = tmp_path / "lib"
    code, out, err = run(capsys, library, "import", *map(str, corpus(tmp_path)))
    assert code == 0, err
    return library, out, err


def test_import_output_is_terminal_safe(hostile_library: tuple[Path, str, str]) -> None:
    _, out, err = hostile_library
    assert unsafe(out) == [] and unsafe(err) == []
    assert "imported: " in out and "feeds subscribed" in out
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert all(len(r) in (3, 4) for r in rows), "a field broke the tab-separated columns"


def test_every_stored_field_is_clean(hostile_library: tuple[Path, str, str]) -> None:
    library, _, _ = hostile_library
    store = Store(library)
    try:
        articles = [store.get_article(a.id) for a in store.articles()]
        feeds = store.feeds()
    finally:
        store.close()
    assert len(articles) >= 12 and feeds
    for art in articles:
        for name, value in art.to_dict().items():
            assert unsafe(json.dumps(value, ensure_ascii=False)) == [], (name, value)
        assert art.language == "" or re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", art.language), art.language
        assert art.direction in (None, "rtl", "ltr")
    sources = {a.source for a in articles}
    assert any("\u2039RLO\u203a" in s for s in sources), "the file name's RLO must show as a placeholder"
    for feed in feeds:
        assert unsafe(json.dumps(feed.to_dict(), ensure_ascii=False)) == []
        assert feed.url.startswith("https://"), "OPML entries with other schemes are not subscribed"


def test_markup_is_kept_as_literal_text(hostile_library: tuple[Path, str, str]) -> None:
    library, _, _ = hostile_library
    store = Store(library)
    try:
        titles = [a.title for a in store.articles()]
    finally:
        store.close()
    assert any("[@click=app.quit]Q[/]" in t and "[/x]" in t for t in titles)


def test_feeds_list_search_and_export_are_terminal_safe(
        hostile_library: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    library, _, _ = hostile_library
    store = Store(library)
    try:
        art = next(a for a in store.articles() if "[/x]" in a.title)
        # What the analyst writes is not from a feed, but it is exported: a pasted escape must not pass.
        store.save_annotation(Annotation(id="n1", article_id=art.id, note="ملاحظة " + PAYLOAD,
                                         tags=["tag" + PAYLOAD]))
    finally:
        store.close()
    code, out, err = run(capsys, library, "feeds", "list")
    assert code == 0 and unsafe(out + err) == []
    assert all(len(line.split("\t")) == 7 for line in out.splitlines())
    for query in ("تقرير", "gnp", "click"):
        code, out, err = run(capsys, library, "search", query)
        assert code == 0 and unsafe(out + err) == [], query
        code, out, err = run(capsys, library, "search", query, "--json")
        assert code == 0 and unsafe(out + err) == [], query
        json.loads(out)
    code, out, err = run(capsys, library, "export")
    assert code == 0 and unsafe(out + err) == []
    assert "ملاحظة" in out
    code, out, err = run(capsys, library, "export", "--format", "json")
    assert code == 0 and unsafe(out + err) == []
    assert "\x1b" in out or "\\u001b" in out  # JSON keeps the note exactly, as an escape
    json.loads(out)


def test_error_messages_quoting_hostile_names_are_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / f"gone{ESC}]0;ERR\x07\u202e.txt"
    empty = tmp_path / f"empty{ESC}[2J.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "lib", "import", str(missing), str(empty))
    assert code != 0
    assert unsafe(out + err) == [] and "no such file" in err and "empty" in err


def test_entities_output_is_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "n.txt"
    path.write_text(f"قال الرئيس دونالد ترامب في واشنطن {PAYLOAD}\n", encoding="utf-8")
    for extra in ([], ["--json"]):
        code, out, err = run(capsys, tmp_path / "lib", "entities", str(path), *extra)
        assert code == 0 and unsafe(out + err) == []


def test_salvaged_raw_feeds_keep_their_items(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("rss_raw.xml", "atom_raw.xml"):
        code, out, err = run(capsys, tmp_path / "lib", "import", str(HOSTILE / name))
        assert code == 0, err
        assert unsafe(out + err) == []


def test_corpus_can_be_copied_and_imported_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second import of the same hostile files finds the same (clean) articles: nothing new."""
    copy = tmp_path / "copy"
    shutil.copytree(HOSTILE, copy)
    files = [str(p) for p in sorted(copy.iterdir())]
    run(capsys, tmp_path / "lib", "import", *files)
    code, out, err = run(capsys, tmp_path / "lib", "import", *files)
    assert code == 0, err
    assert "0 added" in out


# -- the app ------------------------------------------------------------------


def _screen_text(app) -> tuple[str, list]:  # type: ignore[no-untyped-def]
    """Every segment the screen would send to the terminal: its text, and its styles."""
    strips = app.screen._compositor.render_strips()
    segments = [seg for strip in strips for seg in strip]
    return "".join(seg.text for seg in segments), [seg.style for seg in segments if seg.style]


def _assert_screen_clean(app) -> None:  # type: ignore[no-untyped-def]
    text, styles = _screen_text(app)
    assert unsafe(text) == [], unsafe(text)
    for style in styles:
        assert not style.link or "evil" not in style.link
        assert "app.quit" not in str(style.meta.get("@click", "")) if style.meta else True


async def _walk_articles(app, pilot) -> int:  # type: ignore[no-untyped-def]
    from pilot_helpers import started, workers_done

    from tui.widgets.article_list import ArticleList

    screen = await started(app, pilot)
    listing = screen.query_one(ArticleList)
    count = len(listing.items)
    for i in range(count):
        listing.focus()
        await pilot.pause()
        listing.cursor = i
        await pilot.press("enter")
        await pilot.pause()
        await workers_done(app)
        await pilot.pause()
        _assert_screen_clean(app)
    return count


async def test_app_draws_the_hostile_library_without_controls_or_markup(
        hostile_library: tuple[Path, str, str]) -> None:
    from tui.app import make_app
    from tui.config import THEMES_DIR, Config

    library, _, _ = hostile_library
    config = Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR)
    app = make_app(config)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        assert await _walk_articles(app, pilot) >= 12
        assert app.is_running


async def test_app_draws_a_library_written_before_the_door_safely(tmp_path: Path) -> None:
    """Articles and feeds stored raw (by an older release) are still drawn safely."""
    from tui.app import make_app
    from tui.config import THEMES_DIR, Config
    from tui.models import Article, Feed

    library = tmp_path / "old"
    store = Store(library)
    store.add_articles([
        Article(id="", title=f"عنوان {PAYLOAD}", body=f"نص {PAYLOAD}\n\nفقرة ثانية {PAYLOAD}",
                url=f"https://x.example/{PAYLOAD}", source=f"src{PAYLOAD}", language=f"ar{PAYLOAD}",
                author=PAYLOAD, published=PAYLOAD, tags=[PAYLOAD]),
        Article(id="", title=f"Title {PAYLOAD}", body=f"Body {PAYLOAD}", source=PAYLOAD, language=PAYLOAD),
    ])
    store.save_feed(Feed(id="f1", url=f"https://x.example/{PAYLOAD}", name=PAYLOAD, language=PAYLOAD,
                         tags=[PAYLOAD], last_error=PAYLOAD, last_status=PAYLOAD))
    store.close()
    config = Config(library=library, theme="marsad-dark", themes_dir=THEMES_DIR, seed_samples=False)
    app = make_app(config)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        assert await _walk_articles(app, pilot) == 2
        text, _ = _screen_text(app)
        assert "[@click=app.quit]Q" in text  # markup shown as the literal text it is
        await pilot.press("F")  # the Feeds screen: name, URL, language, tags, status, server error
        await pilot.pause()
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "FeedsScreen"
        _assert_screen_clean(app)
        assert app.is_running
