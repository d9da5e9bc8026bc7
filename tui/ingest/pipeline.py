"""``marsad import`` of big files: parsed as they are written, in two processes
when a core is idle for the second.

Why: parsing and cleaning a 10,000-item feed costs about as much CPU as
writing it (rows, bodies, the search index), and the two do not depend on
each other item by item. A parser process reads the files in order and
sends cleaned, folded rows in small batches through a pipe; the main process
owns the library and writes them. On two free cores the import then takes
about the longer of the two halves instead of their sum. With one core, or
none idle when the parser starts (see :func:`open_parser`), the same
messages are made in this process (:class:`InProcessParser`): sending every
article through a pipe costs CPU, which only pays on an idle core.
(:class:`ThreadParser`, a parser thread beside the writer, is there to be
chosen and measured: see :func:`open_parser`.)

What stays as it was (small inputs still take the old path, whole files in
one process: streaming only pays for big ones):

- the door: every article is cleaned (:func:`tui.ingest.textclean.clean_article`)
  and cut to size in the parser, exactly as :func:`tui.ingest.saving.save_articles`
  does, and the search columns are folded there with the same function;
- one file is one write transaction: a file that turns out broken half-way
  leaves the library as it was, and what was printed is saved (a file of
  more than 20,000 articles is written in parts of that size: see
  ``_write_file`` in :mod:`tui.commands.import`);
- errors are one line per file, and the next file is still read.

The pipe is the back-pressure: the parser blocks when the writer is behind,
so neither holds more than a few batches (a big feed's articles are never
all in memory at once, in either way of running). Messages are plain tuples
(cheap to pickle); the parser function is module-level, so the ``spawn``
start method works too (``fork`` is used where it is safe: it skips
re-importing).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.errors import InputError
from tui.ingest.feeds import NotStreamable
from tui.ingest.local import stream_path
from tui.ingest.saving import cut_to_size
from tui.ingest.textclean import clean_article
from tui.models import Article
from tui.search.fts import index_values

if TYPE_CHECKING:
    from tui.store.articles import Body, Indexed

STREAM_BYTES = 4 * 1024 * 1024  # inputs smaller than this together are read whole, as before
CHUNK = 200  # articles per message
QUEUED = 8  # messages read ahead of the writer

Message = tuple[Any, ...]


class ParserGone(InputError):
    """The parser process ended without saying so (killed, out of memory)."""


def worth_streaming(paths: Sequence[str]) -> bool:
    """Whether these inputs are big enough to stream (see :func:`open_parser`).

    Only local files (a URL is fetched in-process, whole).
    """
    if any(p.startswith(("http://", "https://")) for p in paths):
        return False
    total = 0
    for path in paths:
        try:
            total += Path(path).expanduser().stat().st_size
        except OSError:
            continue  # reported by the parser, in order
    return total >= STREAM_BYTES


# -- the parser process ----------------------------------------------------------


class FoldShare:
    """The share of the articles whose search columns the parser process folds;
    the writer folds the others (as it folds an article saved any other way).

    Why: folding is a fifth of the parser's CPU, and the parser is the slower
    of the two processes on Arabic text (10k feed: parser ~2.4 s, writer
    ~2.0 s of CPU on two busy cores); the import takes as long as the slower
    half. The share follows which half waits: after each batch, if sending it
    blocked for more than a tenth of the time it took to make (the writer was
    behind, its queue full), the parser folds more; if not, less. The output
    is the same either way (folding is one pure function), only who computes it.
    """

    STEP = 0.1

    def __init__(self, share: float = 0.5) -> None:
        self.share = share
        self._owed = 0.0

    def take(self) -> bool:
        """Whether the parser folds the next article (``share`` of them, spread evenly)."""
        self._owed += self.share
        if self._owed >= 0.999:
            self._owed -= 1.0
            return True
        return False

    def adjust(self, waited: float, worked: float) -> None:
        """After a batch: ``waited`` seconds sending it, ``worked`` seconds making it."""
        step = self.STEP if waited > 0.1 * worked else -self.STEP
        self.share = min(1.0, max(0.0, self.share + step))


Pack = bool | FoldShare  # pack rows for the pipe: all folded (True), or a share of them


def file_messages(paths: Sequence[str], max_chars: int, pack: Pack = False) -> Generator[Message, None, None]:
    """Each file's messages, in order; the one parser of both ways to run it.

    Per file: ("warn", i, line)*, ("feeds", i, [Feed])?, ("rows", i, [row])*,
    ("restart", i) when the item-by-item parse failed part-way (the writer
    drops that file's rows so far; the whole-tree parse follows), then
    ("end", i); or ("error", i, line) instead of ("end", i). A row is an
    (article, search columns) pair, or with ``pack`` one plain tuple (what
    goes through the pipe; with a :class:`FoldShare`, only its share of the
    rows carry their search columns); :func:`unpack` reads both.
    """
    for i, path in enumerate(paths):
        try:
            yield from _parse_one(i, path, max_chars, pack)
        except InputError as exc:
            yield ("error", i, str(exc))
        except Exception as exc:  # a parser's bug on one file: one line, and the next file
            yield ("error", i, f"{path}: could not be read ({type(exc).__name__}: {exc})")


def parse_files(paths: Sequence[str], max_chars: int, conn: Connection) -> None:
    """The parser process: :func:`file_messages` down the pipe, then ("done", -1).

    Each message is pickled as ``Connection.send`` pickles it, then sent, so
    that the time spent blocked on the pipe is measured alone (see :class:`FoldShare`).
    """
    share = FoldShare()
    try:
        ready = time.perf_counter()  # when the previous message had been sent
        for msg in file_messages(paths, max_chars, pack=share):
            data = ForkingPickler.dumps(msg)
            start = time.perf_counter()
            conn.send_bytes(data)
            worked, ready = start - ready, time.perf_counter()
            if msg[0] == "rows":
                share.adjust(waited=ready - start, worked=worked)
        conn.send(("done", -1))
    except (KeyboardInterrupt, BrokenPipeError):
        pass  # the writer is gone or the user stopped: nothing to report from here
    finally:
        conn.close()


def _parse_one(i: int, path: str, max_chars: int, pack: Pack) -> Iterator[Message]:
    streamed = stream_path(path)
    for warning in streamed.loaded.warnings:
        yield ("warn", i, warning)
    if streamed.loaded.feeds:
        yield ("feeds", i, streamed.loaded.feeds)
    sent = [0]
    try:
        yield from _row_batches(i, streamed.items, max_chars, sent, pack)
    except NotStreamable:
        if sent[0]:
            yield ("restart", i)
        sent[0] = 0
        told = len(streamed.loaded.warnings)
        items = streamed.whole()
        for warning in streamed.loaded.warnings[told:]:  # (a feed streamed as bytes is decoded only now)
            yield ("warn", i, warning)
        yield from _row_batches(i, items, max_chars, sent, pack)
    if not sent[0] and streamed.loaded.kind == "feed":
        raise InputError(f"{path}: the feed has no items")
    yield ("end", i)


def _row_batches(i: int, items: Iterable[Article], max_chars: int, sent: list[int],
                 pack: Pack) -> Iterator[Message]:
    batch: list[tuple[Any, ...]] = []
    share = pack if isinstance(pack, FoldShare) else None
    for art in items:
        art = prepare(art, max_chars)
        if pack:
            batch.append(to_row(art, share is None or share.take()))
        else:
            batch.append((art, index_values(art.title, art.body, list(art.tags), "", "")))
        if len(batch) >= CHUNK:
            sent[0] += len(batch)
            yield ("rows", i, batch)
            batch = []
    if batch:
        sent[0] += len(batch)
        yield ("rows", i, batch)


def prepare(art: Article, max_chars: int) -> Article:
    """The door, as :func:`tui.ingest.saving.save_articles` passes articles through it."""
    return cut_to_size(clean_article(art), max_chars)


_FIELDS = ("title", "url", "guid", "source", "feed_id", "language", "direction", "author",
           "published", "fetched", "hash", "read", "tags")


def to_row(art: Article, fold: bool = True) -> tuple[Any, ...]:
    """An article and its search columns as one plain tuple (what the pipe carries);
    without ``fold``, the search columns are None (the writer folds) and the
    body is a ``str`` (the writer needs it as text to fold it).

    The body and its folded copy (nearly all of the bytes) travel as UTF-8
    ``bytes``, and the writer binds them as they are (see ``_upsert_batch`` in
    :mod:`tui.store.articles`): unpickling them as ``str`` decoded 70 MB of
    UTF-8 per 10,000 Arabic articles in the writer (0.35 s of its CPU, the
    parser's side of the pipe is the same either way: pickling a ``str``
    encodes it), and binding a ``str`` encoded it back (0.09 s).
    """
    if not fold:
        return (*(getattr(art, f) for f in _FIELDS), art.body, None)
    title, body, notes, tags = index_values(art.title, art.body, list(art.tags), "", "")
    return (*(getattr(art, f) for f in _FIELDS), art.body.encode("utf-8"),
            (title, body.encode("utf-8"), notes, tags))


def from_row(row: Sequence[Any]) -> tuple[Article, Indexed | None, Body]:
    """The article of a packed row (its body left empty: it is in the bytes), its
    search columns (None: the writer folds them), its body."""
    values = dict(zip(_FIELDS, row[:-2], strict=True))
    return Article(id="", body="", **values), row[-1], row[-2]


def unpack(rows: Sequence[Any]) -> tuple[tuple[Article, ...], tuple[Indexed | None, ...], tuple[Body, ...] | None]:
    """The articles of a ("rows", i, rows) message, their search columns (None
    for one the writer folds), and their bodies when they came through the
    pipe (UTF-8 bytes, or text when not folded; None: in the articles)."""
    if not rows:
        return (), (), None
    if isinstance(rows[0][0], Article):
        arts, indexed = zip(*rows, strict=True)
        return arts, indexed, None
    arts, indexed, bodies = zip(*(from_row(r) for r in rows), strict=True)
    return arts, indexed, bodies


# -- the writer's side -----------------------------------------------------------


class _Handoff:
    """The bounded queue between a parser (a thread reading a pipe, or a parsing
    thread) and the writer. A producer blocked on a full queue gives up when
    ``stop`` is set, so closing never hangs on a writer that stopped reading."""

    def __init__(self) -> None:
        self.queue: queue.Queue[Message] = queue.Queue(maxsize=QUEUED)
        self.stop = threading.Event()
        self.arrived = threading.Event()  # set with the first message

    def put(self, msg: Message) -> bool:
        """Queue ``msg``, waiting while the queue is full; False if stopped first."""
        while not self.stop.is_set():
            try:
                self.queue.put(msg, timeout=0.2)
                self.arrived.set()
                return True
            except queue.Full:
                continue
        return False

    def messages(self, why_gone: Callable[[Message], str]) -> Iterator[Message]:
        """Messages until ("done", -1); ParserGone, in ``why_gone``'s words, at a ("gone", ...)."""
        while True:
            msg = self.queue.get()
            if msg[0] == "done":
                return
            if msg[0] == "gone":
                raise ParserGone(why_gone(msg))
            yield msg


class ParserProcess:
    """The parser process, and a thread of this process that reads its pipe.

    Why the thread: it unpickles the next batches while the writer is inside
    SQLite (which releases the GIL), and it keeps the pipe drained while the
    writer commits a file, so the parser goes on with the next file instead
    of waiting. It holds at most ``QUEUED`` messages (a few MB).
    """

    def __init__(self, paths: Sequence[str], max_chars: int) -> None:
        ctx = _context()
        self._recv, send = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=parse_files, args=(list(paths), max_chars, send),
                                   name="marsad-import-parser", daemon=True)
        self.process.start()
        send.close()  # the child holds the only writing end: EOF when it dies
        self._handoff = _Handoff()
        self._pump = threading.Thread(target=self._read, name="marsad-import-pipe", daemon=True)
        self._pump.start()

    def _read(self) -> None:
        while not self._handoff.stop.is_set():
            try:
                msg: Message = self._recv.recv()
            except (EOFError, OSError):
                msg = ("gone", -1)
            self._handoff.put(msg)
            if msg[0] in ("done", "gone"):
                return

    def messages(self) -> Iterator[Message]:
        """Messages until ("done", -1); ParserGone if the process died first."""
        return self._handoff.messages(self._why_gone)

    def _why_gone(self, _msg: Message) -> str:
        self.process.join(timeout=5)
        return (f"the parser process stopped unexpectedly (exit status {self.process.exitcode}); "
                "files not reported above were not imported")

    def watch_start(self, before: CpuTicks | None) -> tuple[float | None, float | None]:
        """(idle cores, other runnable tasks) from ``before`` (ticks read just before
        the process started) until its first message, or ``PROBE_SECONDS[1]``, but
        at least ``PROBE_SECONDS[0]``; None for what the system does not say.

        This process waits (it has nothing to write yet) and the parser works,
        so on a machine with a core to spare about one core is idle meanwhile.
        The runnable tasks are counted every 10 ms, less the two of this
        import (the parser, and this process while it counts).
        """
        start = time.monotonic()
        counts: list[int] = []
        while True:
            waited = time.monotonic() - start
            if waited >= PROBE_SECONDS[1] or (waited >= PROBE_SECONDS[0] and self._handoff.arrived.is_set()):
                break
            running = running_tasks()
            if running is not None:
                counts.append(running)
            time.sleep(0.01)
        after = cpu_ticks()
        idle = idle_cores(before, after) if before is not None and after is not None else None
        others = max(0.0, sum(counts) / len(counts) - 2) if counts else None
        return idle, others

    def close(self) -> None:
        """Stop the parser (if still running) and the reading thread."""
        self._handoff.stop.set()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=5)
        self._pump.join(timeout=5)
        self._recv.close()

    def __enter__(self) -> ParserProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class InProcessParser:
    """The same messages, parsed in this process as the writer asks for them.

    For one core: there a second process only adds the cost of sending
    every article through a pipe (about 15% more CPU).
    Streaming still keeps one file's articles out of memory.
    """

    def __init__(self, paths: Sequence[str], max_chars: int) -> None:
        self._messages = file_messages(list(paths), max_chars)

    def messages(self) -> Iterator[Message]:
        return self._messages

    def close(self) -> None:
        self._messages.close()

    def __enter__(self) -> InProcessParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ThreadParser:
    """The same messages, parsed by a thread of this process ahead of the writer.

    Why a thread can overlap at all: the writer spends most of its time inside
    SQLite (the FTS5 index, the B-trees, the commit), which runs without the
    GIL, while the parser is Python, which holds it. So the next batch is
    parsed while the last one is written, with nothing pickled (the parser
    process costs ~15% more CPU for that). Two things keep the writer from
    waiting on the GIL: it writes a batch in a few statements each covering
    every row (see ``_flush`` in :mod:`tui.store.articles`), and the switch
    interval is short while the parser runs (the writer gets the GIL back
    within half a millisecond of SQLite returning, not five). On a machine
    with no core free the thread costs next to nothing: its work is the
    in-process parser's work, done a little earlier.
    """

    SWITCH_INTERVAL = 0.0005

    def __init__(self, paths: Sequence[str], max_chars: int) -> None:
        self._handoff = _Handoff()
        self._switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch, self.SWITCH_INTERVAL))
        self._thread = threading.Thread(target=self._parse, args=(list(paths), max_chars),
                                        name="marsad-import-parser", daemon=True)
        self._thread.start()

    def _parse(self, paths: list[str], max_chars: int) -> None:
        messages = file_messages(paths, max_chars)
        try:
            for msg in messages:
                if not self._handoff.put(msg):
                    return
            self._handoff.put(("done", -1))
        except BaseException as exc:  # a bug in the parser: the writer reports it, never hangs
            self._handoff.put(("gone", -1, f"{type(exc).__name__}: {exc}"))
        finally:
            messages.close()

    def messages(self) -> Iterator[Message]:
        """Messages until ("done", -1); ParserGone if the thread failed first."""
        return self._handoff.messages(
            lambda msg: f"the parser stopped unexpectedly ({msg[2]}); files not reported above were not imported")

    def close(self) -> None:
        """Stop the parser thread (if still running) and restore the switch interval."""
        self._handoff.stop.set()
        self._thread.join(timeout=5)
        sys.setswitchinterval(self._switch)

    def __enter__(self) -> ThreadParser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def free_core() -> bool:
    """Whether this process may use a second core at all: the machine (or the
    CPU set this process may run on) has two or more. Whether one is idle now
    is asked of the machine when the parser process starts (see :func:`open_parser`)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return cpus >= 2


CpuTicks = tuple[int, int, int]  # idle (with I/O wait), all, cores
PROBE_SECONDS = (0.06, 0.1)  # how long the parser's start is watched: at least, at most (100 ms: ~20 ticks on 2 cores)
IDLE_CORE = 0.5  # idle cores (on average over the probe) that count as one to spare
# Other runnable tasks (on average over the probe) from which the import keeps to one process. With one
# other busy program on 2 cores (none idle) the process still won: 10k feed, 3 pairs, load 1.5-1.7:
# 4.95 / 4.82 / 4.45 s against 5.69 / 5.09 / 6.18 s in-process; with two, one process did (the code of
# ed1fc9a, load 2.4: medians 5.2 / 4.2 s).
OTHERS_BUSY = 1.5


def running_tasks() -> int | None:
    """Tasks runnable on the machine now (the fourth field of /proc/loadavg, "3/88"), or None."""
    try:
        with open("/proc/loadavg", "rb") as loadavg:
            return int(loadavg.read(256).split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_ticks() -> CpuTicks | None:
    """The machine's CPU time so far from ``/proc/stat``: idle and I/O-wait ticks,
    all ticks, and the number of cores; None where there is no such file."""
    try:
        with open("/proc/stat", "rb") as stat:
            lines = stat.read(65536).split(b"\n")
        values = [int(v) for v in lines[0].split()[1:9]]
    except (OSError, ValueError, IndexError):
        return None
    cores = sum(1 for line in lines[1:] if line.startswith(b"cpu"))
    return values[3] + values[4], sum(values), max(cores, 1)


def idle_cores(before: CpuTicks, after: CpuTicks) -> float:
    """How many cores were idle on average between two :func:`cpu_ticks` readings."""
    idle, total = after[0] - before[0], after[1] - before[1]
    return after[2] * idle / total if total > 0 else float(after[2])


Parser = ParserProcess | ThreadParser | InProcessParser


def open_parser(paths: Sequence[str], max_chars: int) -> Parser:
    """The parser process when a core is idle for it, else the in-process parser.

    Whether one is, is measured now: the parser process is started, and while
    this process waits for its first message (as it would anyway) the
    machine's idle time is read and its runnable tasks counted; with less
    than ``IDLE_CORE`` of a core idle and ``OTHERS_BUSY`` or more other
    tasks runnable, the process is stopped and the files are parsed here. Why not the
    one-minute load average (the rule before): it lags, so the import's own
    last run, or the program timed just before it, counted as busy (in the
    benchmark every import went to one core). Why not two processes always:
    where the scheduler shares the cores between sessions (Linux autogroup),
    a second process of ours only splits our share, and the pipe costs CPU
    (one 10k feed, two other busy programs, load 2.4 on 2 cores: medians
    5.2 s with the process, 4.2 s without).

    ``MARSAD_IMPORT_PROCESS=1`` / ``=0`` / ``=thread`` decides instead:
    the process, one thread (parse and write in turn), or a
    parser thread beside the writer (:class:`ThreadParser`). The thread is not
    the default on a busy machine: at load 5-6 on 2 cores it was no faster
    than parsing in turn (one 10k feed: medians 4.78 / 4.82 s; 100k items:
    69.5 / 47.8 s against 52.9 / 45.8 s) and cost ~8% more CPU at 100k
    (23.3-23.6 s against 21.5-21.7 s: the GIL handed back and forth).
    """
    forced = os.environ.get("MARSAD_IMPORT_PROCESS", "").strip()
    if forced == "thread":
        return ThreadParser(paths, max_chars)
    if forced == "1":
        return ParserProcess(paths, max_chars)
    if forced == "0" or not free_core():
        return InProcessParser(paths, max_chars)
    before = cpu_ticks()
    parser = ParserProcess(paths, max_chars)
    idle, others = parser.watch_start(before)
    if idle is None or idle >= IDLE_CORE or (others is not None and others < OTHERS_BUSY):
        return parser
    parser.close()  # every core was busy: the pipe's cost would buy nothing (~0.1 s of parsing lost)
    return InProcessParser(paths, max_chars)


def _context() -> Any:
    """``fork`` when it is safe (no other threads), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


__all__ = ["CHUNK", "STREAM_BYTES", "InProcessParser", "Parser", "ParserGone", "ParserProcess", "ThreadParser",
           "file_messages",
           "free_core", "from_row", "open_parser", "parse_files", "prepare", "to_row", "unpack", "worth_streaming"]
