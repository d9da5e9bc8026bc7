"""Fetching feeds from a real local HTTP server: politeness, limits, retries, caching."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fixtures_http import ETAG, HTTPFixture, http_server  # noqa: F401 (pytest fixture)

from tui.config import Config
from tui.ingest.fetch import (
    USER_AGENT,
    FetchProgress,
    RetryPolicy,
    fetch_all,
    fetch_url,
    is_fresh,
)
from tui.ingest.opml import feed_id_for
from tui.models import Feed
from tui.store import Store

FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)


def make_config(tmp_path: Path, **kw: object) -> Config:
    cfg = Config(library=tmp_path / "lib", fetch_timeout=2.0, concurrency=4)
    for k, v in kw.items():
        setattr(cfg, k, v)
    return cfg


def subscribe(store: Store, *urls: str) -> list[Feed]:
    feeds = [Feed(id=feed_id_for(u), url=u) for u in urls]
    store.save_feeds(feeds)
    return feeds


async def fetch(store: Store, cfg: Config, **kw: object):
    return await fetch_all(store, cfg, retry=FAST_RETRY, **kw)


async def test_fetches_rss_atom_json_and_rdf(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    names = ["rss2_ar.xml", "atom_he.xml", "feed_fa.json", "rss1_en.rdf"]
    subscribe(store, *(http_server.url(f"/feeds/{n}") for n in names))
    events: list[FetchProgress] = []
    reports = await fetch(store, cfg, progress=lambda p: events.append((p.done, p.total)))
    assert [r.status for r in reports] == ["ok"] * 4
    assert sum(r.added for r in reports) == 3 + 2 + 2 + 2
    assert events[0] == (0, 4) and events[-1] == (4, 4)
    arts = store.articles()
    langs = {a.language for a in arts}
    assert {"ar", "he", "fa", "en"} <= langs
    feed_ids = {f.id for f in store.feeds()}
    assert all(a.feed_id in feed_ids for a in arts)
    assert {f.name for f in store.feeds()} >= {"نشرة المرصد التجريبية", "מבזקי המצפה"}
    sent = http_server.state.headers["/feeds/rss2_ar.xml"][0]
    assert sent["user-agent"] == USER_AGENT and USER_AGENT.startswith("Marsad/")


async def test_second_fetch_adds_nothing(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/feeds/rss2_ar.xml"))
    await fetch(store, cfg)
    again = await fetch(store, cfg, force=True)
    assert again[0].added == 0 and again[0].updated == 0 and again[0].items == 3
    assert store.article_count() == 3


async def test_conditional_get_then_304(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/etag.xml"))
    first = await fetch(store, cfg)
    assert first[0].added == 3
    feed = store.feeds()[0]
    assert feed.etag == ETAG and feed.last_modified
    second = await fetch(store, cfg, force=True)
    assert second[0].status == "not-modified" and second[0].http_status == 304
    sent = http_server.state.headers["/etag.xml"][-1]
    assert sent["if-none-match"] == ETAG and "if-modified-since" in sent
    assert store.feeds()[0].etag == ETAG


async def test_fresh_feed_is_skipped_unless_forced(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/max-age.xml"))
    await fetch(store, cfg)
    feed = store.feeds()[0]
    assert feed.ttl_minutes == 60 and is_fresh(feed)
    skipped = await fetch(store, cfg)
    assert skipped[0].status == "fresh"
    assert http_server.state.hits["/max-age.xml"] == 1
    forced = await fetch(store, cfg, force=True)
    assert forced[0].status == "ok" and http_server.state.hits["/max-age.xml"] == 2


async def test_redirect_chain_followed_and_loop_reported(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/redirect/1"), http_server.url("/loop/a"))
    reports = {r.url.rsplit("/", 2)[-2]: r for r in await fetch(store, cfg)}
    assert reports["redirect"].status == "ok" and reports["redirect"].added == 2
    loop = reports["loop"]
    assert loop.status == "error" and "redirect" in loop.error
    assert http_server.state.hits["/loop/a"] <= 10


async def test_slow_endpoint_times_out(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path, fetch_timeout=0.3)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/slow.xml"))
    started = time.monotonic()
    report = (await fetch_all(store, cfg, retry=RetryPolicy(attempts=2, base_delay=0.01)))[0]
    assert report.status == "error" and "timed out" in report.error
    assert time.monotonic() - started < 2.5
    assert store.feeds()[0].last_error == report.error


async def test_500_then_success_is_retried(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/flaky"), http_server.url("/busy"))
    reports = await fetch(store, cfg)
    assert [r.status for r in reports] == ["ok", "ok"]
    assert http_server.state.hits["/flaky"] == 3 and http_server.state.hits["/busy"] == 2


async def test_retries_give_up_with_clear_error(tmp_path: Path, http_server: HTTPFixture) -> None:
    http_server.state.flaky_failures = 99
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/flaky"))
    report = (await fetch(store, cfg))[0]
    assert report.status == "error" and "HTTP 500" in report.error and "3 attempts" in report.error


@pytest.mark.parametrize("path", ["/huge.xml", "/huge-chunked.xml"])
async def test_huge_response_is_cut_off(tmp_path: Path, http_server: HTTPFixture, path: str) -> None:
    cfg = make_config(tmp_path, max_response_bytes=512 * 1024)
    store = Store(cfg.library)
    subscribe(store, http_server.url(path))
    report = (await fetch(store, cfg))[0]
    assert report.status == "error" and "too large" in report.error


async def test_bad_feeds_do_not_stop_the_good(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/feeds/malformed.xml"), http_server.url("/feeds/bomb.xml"),
              http_server.url("/feeds/nope.xml"), http_server.url("/feeds/rss1_en.rdf"))
    reports = {r.url.rsplit("/", 1)[-1]: r for r in await fetch(store, cfg)}
    assert "malformed" in reports["malformed.xml"].error
    assert "entit" in reports["bomb.xml"].error
    assert "404" in reports["nope.xml"].error
    assert reports["rss1_en.rdf"].added == 2
    assert store.article_count() == 2


async def test_legacy_encodings_over_http(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/cp1256.xml"), http_server.url("/cp1255.xml"))
    await fetch(store, cfg)
    titles = {a.title for a in store.articles()}
    assert "وزير الزراعة يزور المزارعين في الغور" in titles
    assert "עיריית חיפה פותחת גן ציבורי חדש" in titles


async def test_per_host_politeness(tmp_path: Path, http_server: HTTPFixture, monkeypatch) -> None:
    """Never more than 2 requests in flight to one host, whatever the concurrency."""
    http_server.state.slow_seconds = 0.2
    cfg = make_config(tmp_path, concurrency=8)
    store = Store(cfg.library)
    subscribe(store, *(http_server.url(f"/slow.xml?n={i}") for i in range(6)))
    started = time.monotonic()
    reports = await fetch(store, cfg)
    elapsed = time.monotonic() - started
    assert all(r.status == "ok" for r in reports)
    assert elapsed >= 0.55  # 6 requests, 2 at a time, 0.2 s each


async def test_full_text_for_short_summaries(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    feed_xml = (
        '<rss version="2.0"><channel><title>t</title><item><title>مياه</title>'
        f'<link>{http_server.url("/feeds/page_boilerplate.html")}</link><description>قصير</description>'
        '</item></channel></rss>')
    (tmp_path / "short.xml").write_text(feed_xml, encoding="utf-8")
    from fixtures_http import FEEDS
    target = FEEDS / "_short_generated.xml"
    target.write_text(feed_xml, encoding="utf-8")
    try:
        subscribe(store, http_server.url("/feeds/_short_generated.xml"))
        await fetch(store, cfg, full_text=True)
    finally:
        target.unlink()
    art = store.articles()[0]
    body = store.get_article(art.id).body
    assert "مخزون المياه" in body and "الأكثر قراءة" not in body and "tracker" not in body


async def test_fetch_url_page_and_feed(tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    page = await fetch_url(http_server.url("/feeds/page_boilerplate.html"), cfg)
    assert page.kind == "html" and page.articles[0].title.startswith("تقرير")
    assert page.articles[0].url.endswith("page_boilerplate.html")
    feed = await fetch_url(http_server.url("/feeds/atom_he.xml"), cfg)
    assert feed.kind == "feed" and len(feed.articles) == 2


async def test_a_trickling_server_meets_one_overall_deadline(tmp_path: Path, http_server: HTTPFixture) -> None:
    """Bytes arrive every 50 ms (no read timeout ever fires): the whole request, retries
    included, still ends at fetch_timeout x DEADLINE_FACTOR."""
    from tui.ingest.fetch import DEADLINE_FACTOR

    cfg = make_config(tmp_path, fetch_timeout=0.4)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/trickle.xml"))
    started = time.monotonic()
    report = (await fetch_all(store, cfg, retry=RetryPolicy(attempts=3, base_delay=0.01)))[0]
    elapsed = time.monotonic() - started
    assert report.status == "error" and "timed out" in report.error, report.error
    assert elapsed < 0.4 * DEADLINE_FACTOR + 1.0
    assert store.articles() == []


async def test_a_body_shorter_than_its_content_length_is_not_imported(
        tmp_path: Path, http_server: HTTPFixture) -> None:
    cfg = make_config(tmp_path)
    store = Store(cfg.library)
    subscribe(store, http_server.url("/short.xml"))
    report = (await fetch(store, cfg))[0]
    assert report.status == "error", report
    assert store.articles() == []


async def test_one_fetch_run_has_a_download_cap(tmp_path: Path, http_server: HTTPFixture) -> None:
    """Many feeds each under the per-response limit still stop at the run's cap."""
    from tui.ingest.fetch import Fetcher

    cfg = make_config(tmp_path, concurrency=1)
    async with Fetcher(cfg, retry=FAST_RETRY, max_run_bytes=6000) as fetcher:
        first = await fetcher.get(http_server.url("/feeds/rss2_ar.xml"))
        assert first.status == 200 and len(first.content) < 6000
        with pytest.raises(Exception, match="download cap"):
            for _ in range(5):
                await fetcher.get(http_server.url("/feeds/rss2_ar.xml"))
