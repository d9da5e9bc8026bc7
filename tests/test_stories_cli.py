"""`marsad stories`, `marsad watch`, `marsad export --story` and the watch report of `marsad fetch`,
on a real library made of the gold set (and a real local HTTP server for fetch)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fixtures_http import HTTPFixture, http_server  # noqa: F401 (pytest fixture)

from tui.anchoring import anchor_highlight
from tui.cli import main
from tui.models import Annotation, Article
from tui.store import Store
from tui.stories.evaluate import load_gold
from tui.stories.library import STATE_FILE, StoryLibrary

GOLD = Path(__file__).parent / "fixtures" / "stories" / "gold.txt"


def gold_articles() -> list[Article]:
    return [Article(id=g.id, title=g.title, body=g.lead, language=g.language, source=g.source,
                    published=g.published, url=f"https://example.org/{g.id}", guid=f"guid-{g.id}")
            for g in load_gold(GOLD.read_text(encoding="utf-8"))]


@pytest.fixture
def newsroom(store: Store) -> Store:
    store.add_articles(gold_articles())
    return store


def run_json(library: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:  # type: ignore[type-arg]
    assert main(["--library", str(library), "stories", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_stories_json_contract(newsroom: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories = run_json(library, capsys)
    for s in stories:
        assert {"id", "label", "start", "end", "languages", "entities", "articles"} <= s.keys()
        for a in s["articles"]:
            assert set(a) == {"id", "title", "url", "guid", "language", "source", "published"}
    ids = [a["id"] for s in stories for a in s["articles"]]
    assert sorted(ids) == sorted(a.id for a in gold_articles())  # every article in exactly one story
    assert [s["end"] for s in stories] == sorted((s["end"] for s in stories), reverse=True)
    muscat = next(s for s in stories if any(a["id"] == "g01" for a in s["articles"]))
    assert sorted(muscat["languages"]) == ["ar", "en", "fa", "he"]
    assert "Muscat" in muscat["label"] and "Muscat" in muscat["entities"]
    assert muscat["start"].startswith("2026-04-11T13:05") and muscat["end"].startswith("2026-04-12T09:15")
    assert [a["id"] for a in muscat["articles"]] == ["g02", "g01", "g04", "g03", "g05", "g06"]  # time order


def test_filters_and_label_language(newsroom: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    every = run_json(library, capsys)
    multi = run_json(library, capsys, "--min-languages", "4")
    assert multi and len(multi) < len(every) and all(len(s["languages"]) >= 4 for s in multi)
    recent = run_json(library, capsys, "--since", "2026-04-10")
    assert recent and all(s["end"] >= "2026-04-10" for s in recent) and len(recent) < len(every)
    arabic = run_json(library, capsys, "--lang", "ar")
    muscat = next(s for s in arabic if any(a["id"] == "g01" for a in s["articles"]))
    assert "مسقط" in muscat["label"]


def test_plain_listing_and_bad_input(newsroom: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library), "stories", "--min-languages", "4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.match(r"^s[0-9a-f]{10}  \d{4}-\d\d-\d\d \d\d:\d\d +\d+ art\.", ln) for ln in lines)
    assert "Muscat · " in lines[0] and "en:2 ar:1 fa:1 he:1" in lines[0]
    assert main(["--library", str(library), "stories", "--since", "last tuesday"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--since" in err and "Traceback" not in err


def test_state_is_saved_and_new_articles_are_added_incrementally(newsroom: Store, library: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = run_json(library, capsys)
    assert (library / STATE_FILE).exists()
    late = Article(id="late1", title="Araghchi and Witkoff end third round in Muscat",
                   body="Abbas Araghchi said the Muscat talks with Steve Witkoff would resume after experts meet.",
                   language="en", source="Night Desk", published="2026-04-12T11:00:00+00:00")
    newsroom.add_articles([late])
    lib = StoryLibrary(newsroom)
    assert lib.update() == ["late1"]  # only the new article is clustered
    after = run_json(library, capsys)
    muscat_before = next(s for s in before if any(a["id"] == "g01" for a in s["articles"]))
    muscat_after = next(s for s in after if any(a["id"] == "late1" for a in s["articles"]))
    assert muscat_after["id"] == muscat_before["id"]  # the story keeps its id


def test_watch_add_list_remove(newsroom: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library)]
    assert main([*lib, "watch", "add", "عراقجي"]) == 0
    assert "Abbas Araghchi (per:araghchi)" in capsys.readouterr().out
    assert main([*lib, "watch", "add", "Araghchi"]) == 0
    assert "already watching" in capsys.readouterr().out
    assert main([*lib, "watch", "add", "loc:city:Muscat"]) == 0
    capsys.readouterr()
    assert main([*lib, "watch", "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[:2] for r in rows] == [["per:araghchi", "Abbas Araghchi"], ["loc:city:Muscat", "Muscat"]]
    assert main([*lib, "watch", "remove", "עראקצ'י"]) == 0
    assert "no longer watching Abbas Araghchi" in capsys.readouterr().out
    assert main([*lib, "watch", "remove", "Araghchi"]) == 2
    assert "not on the watchlist" in capsys.readouterr().err
    assert main([*lib, "watch", "add", "nobody at all"]) == 2
    assert "no known entity" in capsys.readouterr().err
    assert Store(library).get_doc("watchlist", "entities")["entities"][0]["id"] == "loc:city:Muscat"


def test_export_story_brief(newsroom: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = newsroom.get_article("g02")
    assert art is not None
    quote = "بوساطة وزير الخارجية العماني بدر البوسعيدي"
    start = art.body.index(quote)
    hl = anchor_highlight(art.body, start, start + len(quote), article_id="g02", note="دور عُمان محوري", tags=["oman"])
    newsroom.save_annotation(hl)
    newsroom.save_annotation(Annotation(id="n1", article_id="g04", kind="note", note="Hebrew framing: Trump's envoy"))
    sid = next(s["id"] for s in run_json(library, capsys) if any(a["id"] == "g01" for a in s["articles"]))
    assert main(["--library", str(library), "export", "--story", sid, "--wikilinks"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("---\n") and f'story: "{sid}"' in md
    assert "# Muscat" in md or "Muscat ·" in md.split("\n---\n", 1)[1].splitlines()[1]
    assert "- **Span:** 2026-04-11 13:05 – 2026-04-12 09:15 UTC" in md
    assert "[[Muscat|مسقط]]" not in md and "[[Muscat]]" in md  # English labels: no alias needed
    for g in ("g01", "g02", "g03", "g04", "g05", "g06"):
        assert f"https://example.org/{g}" in md
    assert quote in md and "دور عُمان محوري" in md and "Hebrew framing: Trump's envoy" in md
    assert md.index("example.org/g02") < md.index("example.org/g01")  # time order
    assert main(["--library", str(library), "export", "--story", "nope"]) == 2
    assert "no story with id 'nope'" in capsys.readouterr().err


def test_fetch_prints_what_is_new_for_watched_entities(store: Store, library: Path,
                                                        http_server: HTTPFixture,  # noqa: F811
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(library)]
    assert main([*lib, "watch", "add", "Araghchi"]) == 0
    assert main([*lib, "feeds", "add", http_server.url("/feeds/stories_watch.xml")]) == 0
    capsys.readouterr()
    assert main([*lib, "fetch"]) == 0
    out = capsys.readouterr().out
    assert "watched Abbas Araghchi (per:araghchi): 1 new article" in out
    assert "عراقچی: دور پنجم مذاکرات در مسقط برگزار می‌شود" in out and "(story s" in out
    assert "البرز" not in out
    assert main([*lib, "fetch", "--force"]) == 0
    assert "nothing new for watched entities" in capsys.readouterr().out


def test_clustering_reads_and_fills_the_sqlite_entity_index(newsroom: Store) -> None:
    from tui.entities.cache import engine_stamp
    from tui.store.entity_index import EntityIndex
    from tui.stories.library import indexed_entities

    arts = newsroom.articles()
    assert indexed_entities(newsroom, arts) == {}
    StoryLibrary(newsroom).update()
    index = EntityIndex(newsroom, engine_stamp())
    assert index.pending() == []  # every article indexed for the app's `f` and sidebar counts
    raw = indexed_entities(newsroom, arts)
    assert set(raw) == {a.id for a in arts} and "loc:city:Muscat" in raw["g01"]
    assert "g01" in index.articles_mentioning("loc:city:Muscat")


def test_stories_go_on_past_an_article_the_entity_engine_fails_on(newsroom: Store, library: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine error on one article used to end `marsad stories` with a traceback: now that article is
    clustered without names (it still belongs to exactly one story) and the rest as before."""
    import tui.entities as entities_pkg

    real = entities_pkg.entities
    bad = next(a for a in gold_articles() if a.id == "g03")

    def failing(text: str, language: str | None = None):  # type: ignore[no-untyped-def]
        if text == bad.body or text == bad.title:
            raise IndexError("list index out of range")
        return real(text, language)

    monkeypatch.setattr(entities_pkg, "entities", failing)
    stories = run_json(library, capsys)
    ids = [a["id"] for s in stories for a in s["articles"]]
    assert sorted(ids) == sorted(a.id for a in gold_articles())
    muscat = next(s for s in stories if any(a["id"] == "g01" for a in s["articles"]))
    assert "Muscat" in muscat["label"]
    from tui.stories.library import indexed_entities

    stored = indexed_entities(newsroom, newsroom.articles())
    assert stored["g03"] == {} and "loc:city:Muscat" in stored["g01"]  # g03 read with no names: the engine failed on it
