"""`marsad import` of big files through the parser process (tui.ingest.pipeline).

Each test runs the real command on real files in tmp_path, once through the
two-process pipeline and, where it compares, once in-process, and reads the
real library.sqlite afterwards.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.errors import InputError
from tui.ingest import pipeline
from tui.ingest.feeds import STREAM_CHARS
from tui.ingest.pipeline import ParserGone, ParserProcess, worth_streaming
from tui.models import Article
from tui.store import Store

WORDS = ("قالت الحكومة في بيان صدر صباح اليوم إن المفاوضات حول المياه والطاقة ستستأنف في عمّان "
         "الأسبوع المقبل بحضور ممثلين عن البلديات والنقابات ومنظمات المجتمع المدني").split()


def body(i: int) -> str:
    """A few paragraphs of made-up Arabic news text, different for every item."""
    paras = []
    for p in range(4):
        words = [WORDS[(i * 7 + p * 3 + k) % len(WORDS)] for k in range(60)]
        paras.append(f"<p>{' '.join(words)} {i}-{p}</p>")
    return "".join(paras)


def feed_text(items: int, start: int = 0, edit: dict[int, str] | None = None) -> str:
    edit = edit or {}
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
             "<title>نشرة الاختبار</title><link>https://news.test/</link><language>ar</language>"]
    for i in range(start, start + items):
        text = edit.get(i, body(i)).replace("&", "&amp;").replace("<", "&lt;")
        parts.append(f"<item><title>خبر رقم {i} عن المياه</title><link>https://news.test/a/{i}</link>"
                     f"<guid isPermaLink=\"false\">news.test-{i}</guid>"
                     f"<pubDate>Mon, 02 Feb 2026 {i % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
                     f"<description>{text}</description></item>")
    parts.append("</channel></rss>\n")
    return "\n".join(parts)


def _atom_text(entries: int) -> str:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">'
             "<title>أطلس الأخبار</title>"]
    for i in range(entries):
        parts.append(f"<entry><id>urn:atlas:{i}</id><title>مدخل {i} عن الطاقة</title>"
                     f"<updated>2026-02-0{1 + i % 9}T10:00:00Z</updated>"
                     f"<content type=\"html\">{body(i + 7).replace('<', '&lt;')}</content></entry>")
    parts.append("</feed>\n")
    return "\n".join(parts)


@pytest.fixture(scope="module")
def big_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A feed longer than STREAM_CHARS, so it is parsed (and sent) item by item."""
    path = tmp_path_factory.mktemp("feeds") / "big-ar.xml"
    items = 1
    while len(feed_text(items)) < STREAM_CHARS * 1.2:
        items *= 2
    path.write_text(feed_text(items), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], library: Path, *paths: Path | str) -> tuple[int, str, str]:
    code = main(["--library", str(library), "import", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=["process", "thread"])
def parallel(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Every import of local files goes through the parser process (a free core), or the parser thread."""
    monkeypatch.setattr(pipeline, "STREAM_BYTES", 0)
    monkeypatch.setattr(pipeline, "free_core", lambda: True)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "thread" if request.param == "thread" else "1")


MODES = {"process": (0, True, "1"), "thread": (0, False, "thread"), "streamed in-process": (0, False, ""),
         "whole": (1 << 62, False, "")}


def use(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """Import through the parser process, the parser thread, the in-process stream, or the old whole-file path."""
    threshold, process, forced = MODES[mode]
    monkeypatch.setattr(pipeline, "STREAM_BYTES", threshold)
    monkeypatch.setattr(pipeline, "free_core", lambda: process)
    if forced:
        monkeypatch.setenv("MARSAD_IMPORT_PROCESS", forced)
    else:
        monkeypatch.delenv("MARSAD_IMPORT_PROCESS", raising=False)


def rows(library: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(library / "library.sqlite")
    try:
        return conn.execute(
            "SELECT a.id, a.title, a.url, a.guid, a.source, a.language, a.direction, a.author, a.published, "
            "a.hash, a.read, a.tags, b.body FROM articles a JOIN bodies b ON b.n = a.n ORDER BY a.id").fetchall()
    finally:
        conn.close()


def body_types(library: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(library / "library.sqlite")
    try:
        return conn.execute("SELECT DISTINCT typeof(body) FROM bodies").fetchall()
    finally:
        conn.close()


def search_ids(library: Path, query: str) -> list[str]:
    from tui.search.query import parse_query

    store = Store(library)
    try:
        return sorted(aid for aid, _ in store.search(parse_query(query)))
    finally:
        store.close()


def test_big_local_inputs_are_streamed_and_small_ones_and_urls_are_not(tmp_path: Path, big_feed: Path) -> None:
    small = tmp_path / "small.xml"
    small.write_text(feed_text(3), encoding="utf-8")
    assert not worth_streaming([str(small)])
    assert worth_streaming([str(big_feed), str(small)]) == (big_feed.stat().st_size >= pipeline.STREAM_BYTES)
    assert not worth_streaming([str(big_feed), "https://news.test/feed.xml"])


def test_every_way_of_importing_saves_the_same(tmp_path: Path, big_feed: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    small = tmp_path / "note.txt"
    small.write_text("عنوان الملاحظة\n\nنص قصير عن المياه في عمّان.\n", encoding="utf-8")
    opml = Path(__file__).parent / "fixtures" / "feeds" / "subscriptions.opml"
    atom = tmp_path / "big.atom"  # not streamed item by item: parsed whole, in the same message flow
    atom.write_text(_atom_text(1600), encoding="utf-8")
    assert len(atom.read_text(encoding="utf-8")) > STREAM_CHARS
    outs, libs = [], []
    for mode in MODES:
        use(monkeypatch, mode)
        lib = tmp_path / mode.replace(" ", "-")
        code, out, err = run(capsys, lib, big_feed, small, opml, atom)
        assert code == 0, (mode, err)
        outs.append(out)
        libs.append(lib)
    assert all(out == outs[0] for out in outs)  # the same lines, in the same order
    assert outs[0].splitlines()[-1].startswith(f"imported: {len(rows(libs[0]))} added")
    assert "3 feeds subscribed" in outs[0].splitlines()[-1]
    assert all(rows(lib) == rows(libs[0]) for lib in libs)
    assert all(body_types(lib) == [("text",)] for lib in libs)  # bodies sent as UTF-8 bytes are stored as TEXT
    for query in ("المياه", '"المجتمع المدني"'):
        assert all(search_ids(lib, query) == search_ids(libs[0], query) != [] for lib in libs)


def test_reimport_through_the_pipeline_updates_in_place(tmp_path: Path, big_feed: Path, parallel: None,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib"
    code, out, err = run(capsys, lib, big_feed)
    assert code == 0, err
    before = {r[3]: r for r in rows(lib)}
    items = len(before)
    edited = tmp_path / "edited.xml"
    edited.write_text(feed_text(items, edit={5: "<p>نص جديد تماما عن الكهرباء في إربد</p>"}), encoding="utf-8")
    code, out, err = run(capsys, lib, edited)
    assert code == 0, err
    assert out.splitlines()[-1] == f"imported: 0 added, 1 updated, {items - 1} already in the library"
    after = {r[3]: r for r in rows(lib)}
    assert len(after) == items
    assert after["news.test-5"][0] == before["news.test-5"][0]  # same id: notes stay attached
    assert after["news.test-5"][-1] == "نص جديد تماما عن الكهرباء في إربد"
    assert search_ids(lib, "إربد") == [before["news.test-5"][0]]


def test_a_broken_file_is_one_line_and_saves_nothing_of_itself(tmp_path: Path, big_feed: Path, parallel: None,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    text = big_feed.read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"  # cut inside an item near the end: streamed rows were already sent
    broken.write_text(text[: int(len(text) * 0.9)].rsplit("<item>", 1)[0] + "<item><title>مقطوع", encoding="utf-8")
    good = tmp_path / "good.xml"
    good.write_text(feed_text(3, start=100_000), encoding="utf-8")
    missing = tmp_path / "missing.xml"
    lib = tmp_path / "lib"
    code, out, err = run(capsys, lib, good, missing, broken)
    saved = {r[3] for r in rows(lib)}
    assert {"news.test-100000", "news.test-100001", "news.test-100002"} <= saved
    assert f"{missing}: no such file" in err
    assert "Traceback" not in err
    # the truncated feed: its closed items are recovered, as the in-process import recovers them
    lib_b = tmp_path / "lib-b"
    pipeline_rows = rows(lib)
    with pytest.MonkeyPatch.context() as mp:
        use(mp, "whole")
        code_b, out_b, err_b = run(capsys, lib_b, good, missing, broken)
    assert (code, out, err) == (code_b, out_b, err_b)
    assert pipeline_rows == rows(lib_b)


def test_junk_after_streamed_rows_keeps_what_was_saved(tmp_path: Path, big_feed: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = big_feed.read_text(encoding="utf-8")
    junk = tmp_path / "junk.xml"  # half a feed, then binary junk
    junk.write_text(text[: len(text) // 2].rsplit("<item>", 1)[0] + "<item>\x00\x01<<<>>>&&&", encoding="utf-8")
    good = tmp_path / "good.xml"
    good.write_text(feed_text(2, start=500_000), encoding="utf-8")
    results = []
    for mode in MODES:
        use(monkeypatch, mode)
        lib = tmp_path / mode.replace(" ", "-")
        assert run(capsys, lib, good)[0] == 0
        before = set(rows(lib))
        results.append((run(capsys, lib, junk), rows(lib)))
        assert before <= set(rows(lib))
        assert "Traceback" not in results[-1][0][2]
    assert results[0] == results[1] == results[2]


def _scripted(items: list[tuple[str, Article]], *tail: tuple[object, ...]) -> list[tuple[object, ...]]:
    from tui.ingest.pipeline import prepare, to_row

    return [("rows", 0, [to_row(prepare(art, 2_000_000)) for _, art in items]), *tail]


def test_the_writer_rolls_a_file_back_on_error_and_on_restart(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The writer's side alone, fed the messages a parser sends (real rows, real library)."""
    import importlib

    from tui.ingest.feeds import parse_feed

    command = importlib.import_module("tui.commands.import")
    first = [("", a) for a in parse_feed(feed_text(3)).items]
    second = [("", a) for a in parse_feed(feed_text(2, start=50)).items]
    store = Store(tmp_path / "lib")
    try:
        totals = dict.fromkeys(("added", "updated", "unchanged"), 0)
        messages = _scripted(first, ("error", 0, "broken.xml: malformed XML"))
        with pytest.raises(InputError, match="broken.xml: malformed XML"):
            command._write_file(store, messages[0], iter(messages[1:]), totals, command._Lines())
        assert store.article_count() == 0 and totals["added"] == 0
        messages = [*_scripted(first, ("restart", 0)), *_scripted(second, ("end", 0))]
        command._write_file(store, messages[0], iter(messages[1:]), totals, command._Lines())
        assert sorted(a.guid for a in store.articles()) == ["news.test-50", "news.test-51"]
        assert totals["added"] == 2
    finally:
        store.close()
    out = capsys.readouterr().out
    assert out.count("\n") == 2 and "خبر رقم 50" in out


class _Crash(BaseException):
    """What no per-file handler catches (as a bug deep in the parser would be)."""


def test_a_parser_thread_that_fails_is_one_line_and_what_was_saved_stays(
        tmp_path: Path, big_feed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "STREAM_BYTES", 0)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "thread")
    other = tmp_path / "other.xml"
    other.write_text(feed_text(4), encoding="utf-8")
    real = pipeline.file_messages

    def file_messages(paths, max_chars, pack=False):  # type: ignore[no-untyped-def]
        for msg in real(paths, max_chars, pack):
            yield msg
            if msg == ("end", 0):
                raise _Crash("the parser broke")

    monkeypatch.setattr(pipeline, "file_messages", file_messages)
    code, out, err = run(capsys, tmp_path / "lib", big_feed, other)
    assert code != 0
    assert "the parser stopped unexpectedly (_Crash: the parser broke)" in err
    assert "Traceback" not in err
    assert len(rows(tmp_path / "lib")) == len(out.splitlines()) - 1 > 0  # the first file, as printed


def test_a_parser_that_dies_is_reported_and_what_was_saved_stays(tmp_path: Path, big_feed: Path) -> None:
    with ParserProcess([str(big_feed)], 2_000_000) as parser:
        messages = parser.messages()
        first = next(messages)
        assert first[0] == "rows"
        os.kill(parser.process.pid, signal.SIGKILL)
        with pytest.raises(ParserGone, match="stopped unexpectedly"):
            for _ in messages:
                pass


def resolved(rows: list[tuple[object, ...]]) -> list[tuple[dict[str, object], tuple[str, ...]]]:
    """What packed rows say, whoever folds them: each article's fields (not its
    ``fetched`` time, which differs between two parses), body and search columns."""
    from tui.search.fts import index_values

    arts, indexed, bodies = pipeline.unpack(rows)
    assert bodies is not None
    out = []
    for art, columns, body in zip(arts, indexed, bodies, strict=True):
        text = body.decode() if isinstance(body, bytes) else body
        columns = columns or index_values(art.title, text, list(art.tags), "", "")
        out.append(({**art.to_dict(), "fetched": "", "body": text},
                    tuple(v.decode() if isinstance(v, bytes) else v for v in columns)))
    return out


def test_the_parser_process_works_when_spawned_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``spawn`` (the default start method on macOS, and where threads run) re-imports
    the parser in a fresh interpreter: it must give the messages an in-process parse gives."""
    import multiprocessing

    feed = tmp_path / "small.xml"
    feed.write_text(feed_text(5), encoding="utf-8")
    missing = tmp_path / "missing.xml"
    monkeypatch.setattr(pipeline, "_context", lambda: multiprocessing.get_context("spawn"))
    with ParserProcess([str(feed), str(missing)], 2_000_000) as parser:
        got = list(parser.messages())
    want = list(pipeline.file_messages([str(feed), str(missing)], 2_000_000, pack=True))
    assert [m[:2] for m in got] == [m[:2] for m in want] == [("rows", 0), ("end", 0), ("error", 1)]
    assert resolved(got[0][2]) == resolved(want[0][2])
    assert got[2] == want[2]


def test_the_environment_can_choose_the_way(monkeypatch: pytest.MonkeyPatch, big_feed: Path) -> None:
    from tui.ingest.pipeline import InProcessParser, ThreadParser, open_parser

    monkeypatch.setattr(pipeline, "free_core", lambda: True)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "0")
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, InProcessParser)
    monkeypatch.setattr(pipeline, "free_core", lambda: False)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "1")
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ParserProcess)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "thread")
    monkeypatch.setattr(pipeline, "free_core", lambda: True)
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ThreadParser)
    monkeypatch.delenv("MARSAD_IMPORT_PROCESS")
    monkeypatch.setattr(pipeline, "cpu_ticks", _ticks(idle_per_tick=1))  # a core idle while the parser starts
    monkeypatch.setattr(pipeline, "running_tasks", lambda: 9)
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ParserProcess)
    monkeypatch.setattr(pipeline, "cpu_ticks", _ticks(idle_per_tick=0))  # every core busy meanwhile,
    monkeypatch.setattr(pipeline, "running_tasks", lambda: 4)  # two other programs besides the import's two
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, InProcessParser)
        assert next(iter(parser.messages()))[0] == "rows"  # parsed from the start, here
    monkeypatch.setattr(pipeline, "running_tasks", lambda: 3)  # one other program: two processes still win
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ParserProcess)
    monkeypatch.setattr(pipeline, "cpu_ticks", lambda: None)  # no /proc: the core count decides
    monkeypatch.setattr(pipeline, "running_tasks", lambda: None)
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ParserProcess)
    monkeypatch.setattr(pipeline, "free_core", lambda: False)
    with open_parser([str(big_feed)], 2_000_000) as parser:  # a busy machine: parse and write in turn
        assert isinstance(parser, InProcessParser)
    monkeypatch.setenv("MARSAD_IMPORT_PROCESS", "thread")
    switch = sys.getswitchinterval()
    with open_parser([str(big_feed)], 2_000_000) as parser:
        assert isinstance(parser, ThreadParser)
        assert sys.getswitchinterval() <= ThreadParser.SWITCH_INTERVAL
    assert sys.getswitchinterval() == switch  # given back when the import ends


def test_a_long_file_is_committed_in_parts_and_a_late_error_keeps_the_parts_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from tui.ingest.feeds import parse_feed

    command = importlib.import_module("tui.commands.import")
    monkeypatch.setattr(command, "FILE_PART", 3)
    part1 = [("", a) for a in parse_feed(feed_text(3)).items]
    part2 = [("", a) for a in parse_feed(feed_text(2, start=10)).items]
    part3 = [("", a) for a in parse_feed(feed_text(2, start=20)).items]
    store = Store(tmp_path / "lib")
    try:
        totals = dict.fromkeys(("added", "updated", "unchanged"), 0)
        messages = [*_scripted(part1), *_scripted(part2, ("error", 0, "long.xml: malformed XML"))]
        with pytest.raises(InputError, match="long.xml"):
            command._write_file(store, messages[0], iter(messages[1:]), totals, command._Lines())
        assert sorted(a.guid for a in store.articles()) == ["news.test-0", "news.test-1", "news.test-2"]
        assert capsys.readouterr().out.count("\n") == 3 and totals["added"] == 3  # printed = saved
        messages = [*_scripted(part2), ("restart", 0), *_scripted(part3), ("end", 0)]
        command._write_file(store, messages[0], iter(messages[1:]), totals, command._Lines())
        assert sorted(a.guid for a in store.articles())[3:] == ["news.test-20", "news.test-21"]
    finally:
        store.close()


def _ticks(idle_per_tick: int):  # type: ignore[no-untyped-def]
    """Readings of a 2-core machine's /proc/stat, 2 ticks apart each, ``idle_per_tick`` of them idle."""
    state = [0, 0]

    def read() -> tuple[int, int, int]:
        state[0] += 2 * idle_per_tick
        state[1] += 4
        return state[0], state[1], 2

    return read


def test_idle_cores_between_two_readings() -> None:
    assert pipeline.idle_cores((100, 1000, 2), (150, 1100, 2)) == 1.0  # half of all ticks idle on 2 cores
    assert pipeline.idle_cores((100, 1000, 2), (100, 1100, 2)) == 0.0
    assert pipeline.idle_cores((100, 1000, 2), (100, 1000, 2)) == 2.0  # no tick passed: nothing says busy
    ticks = pipeline.cpu_ticks()
    if ticks is not None:  # Linux: the real file reads as (idle, all, cores)
        assert 0 <= ticks[0] <= ticks[1] and ticks[2] >= 1
    running = pipeline.running_tasks()
    assert running is None or running >= 1  # (this test is running)


def test_a_second_core_decides_not_the_load_average(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser process is tried whenever this process may use two cores, however busy
    the last minute was (the load average sent every benchmark run to one core); whether a
    core is idle now is measured as it starts (see the test of the environment above)."""
    monkeypatch.setattr(os, "getloadavg", lambda: (7.5, 7.5, 7.5))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert pipeline.free_core()
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {1})
    assert not pipeline.free_core()  # pinned to one core: parse and write in turn


def test_each_commit_is_checkpointed_by_a_thread_beside_the_writer(tmp_path: Path) -> None:
    """The writer never checkpoints (its commits only append to the WAL); the
    import's thread copies each committed file into the database file."""
    import importlib

    command = importlib.import_module("tui.commands.import")
    store = Store(tmp_path / "lib")
    db_file = tmp_path / "lib" / "library.sqlite"
    try:
        checkpoints = command._Checkpoints(store)
        assert store.db.conn().execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        store.add_articles([Article(id="", title=f"خبر {i}", body=f"نص طويل {i} " * 3000) for i in range(40)])
        before = db_file.stat().st_size  # the articles are in the WAL only
        checkpoints.committed()
        checkpoints.close()
        assert db_file.stat().st_size > before + 40 * 3000 * 10
        assert store.article_count() == 40
    finally:
        store.close()


def test_the_fold_share_follows_the_half_that_waits() -> None:
    share = pipeline.FoldShare(0.5)
    assert [share.take() for _ in range(6)] == [False, True, False, True, False, True]
    share.adjust(waited=0.02, worked=0.05)  # sending blocked: the writer is behind, the parser folds more
    assert share.share == pytest.approx(0.6)
    for _ in range(20):
        share.adjust(waited=0.0001, worked=0.05)  # the writer keeps up: it folds more
    assert share.share == 0.0 and not any(share.take() for _ in range(10))
    for _ in range(20):
        share.adjust(waited=1.0, worked=0.05)
    assert share.share == 1.0 and all(share.take() for _ in range(10))


def test_rows_the_writer_folds_are_stored_and_found_as_the_parser_folds_them(
        tmp_path: Path, big_feed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib

    command = importlib.import_module("tui.commands.import")
    libs = []
    for name, pack in (("parser-folds", True), ("writer-folds", pipeline.FoldShare(0.0)),
                       ("half", pipeline.FoldShare(0.5))):
        messages = pipeline.file_messages([str(big_feed)], 2_000_000, pack=pack)
        first = next(messages)
        folded = [r[-1] is not None for r in first[2]]
        assert all(folded) if pack is True else (not any(folded) if name == "writer-folds" else any(folded))
        store = Store(tmp_path / name)
        try:
            command._write_file(store, first, messages, dict.fromkeys(("added", "updated", "unchanged"), 0),
                                command._Lines())
        finally:
            store.close()
        libs.append(tmp_path / name)
    assert rows(libs[0]) == rows(libs[1]) == rows(libs[2]) != []
    assert all(body_types(lib) == [("text",)] for lib in libs)
    for query in ("المياه", '"المجتمع المدني"', "عمان"):
        assert search_ids(libs[1], query) == search_ids(libs[0], query) == search_ids(libs[2], query) != []
