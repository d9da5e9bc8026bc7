"""Feed URLs that move: permanent redirects update the subscription; Atom xml:base resolves links."""

from __future__ import annotations

from pathlib import Path

from fixtures_http import HTTPFixture, http_server  # noqa: F401 (pytest fixture)

from tui.config import Config
from tui.ingest.feeds import parse_feed
from tui.ingest.fetch import RetryPolicy, fetch_all
from tui.models import Feed
from tui.store import Store

FAST_RETRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)

ATOM_WITH_BASE = """<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/"><title>t</title>
<link href="index.html"/>
<entry xml:base="ar/"><title>a</title><id>1</id><link href="one.html"/></entry>
<entry><title>b</title><id>2</id><link xml:base="http://other.example/x/" href="two.html"/></entry>
<entry><title>c</title><id>3</id><link href="https://abs.example/3"/></entry>
</feed>"""


def make_config(tmp_path: Path) -> Config:
    return Config(library=tmp_path / "lib", seed_samples=False, fetch_timeout=2.0, concurrency=4)


async def test_permanent_redirect_updates_the_saved_url(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    store.save_feeds([Feed(id="moved", url=http_server.url("/redirect/1"))])  # 301, then 302, then 307
    report = (await fetch_all(store, cfg, retry=FAST_RETRY))[0]
    assert report.status == "ok" and report.moved_to == http_server.url("/redirect/2")
    feed = store.feeds()[0]
    assert feed.id == "moved" and feed.url == http_server.url("/redirect/2")  # only the 301 was permanent


async def test_temporary_redirect_keeps_the_url(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    store.save_feeds([Feed(id="temp", url=http_server.url("/redirect/2"))])  # 302 then 307
    report = (await fetch_all(store, cfg, retry=FAST_RETRY))[0]
    assert report.status == "ok" and not report.moved_to
    assert store.feeds()[0].url == http_server.url("/redirect/2")


def test_atom_xml_base_resolves_relative_links() -> None:
    feed = parse_feed(ATOM_WITH_BASE, base="http://h.example/feeds/atom.xml")
    assert feed.link == "http://h.example/news/index.html"
    assert [a.url for a in feed.items] == ["http://h.example/news/ar/one.html", "http://other.example/x/two.html",
                                           "https://abs.example/3"]


def test_relative_rss_links_resolve_against_the_feed_url() -> None:
    rss = '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/a/1.html</link></item></channel></rss>'
    assert parse_feed(rss, base="https://site.example/feed.xml").items[0].url == "https://site.example/a/1.html"
    assert parse_feed(rss).items[0].url == "/a/1.html"  # a local file has no URL to resolve against
