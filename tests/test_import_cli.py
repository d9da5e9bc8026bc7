"""`marsad import` end to end: real files, a real TinyDB library in tmp_path."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from fixtures_http import HTTPFixture, http_server  # noqa: F401 (pytest fixture)

from tui.cli import main
from tui.store import Store

FIX = Path(__file__).parent / "fixtures"
IMPORT = FIX / "import"
FEEDS = FIX / "feeds"


def run(capsys: pytest.CaptureFixture[str], library: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--library", str(library), *args])
    out, err = capsys.readouterr()
    return code, out, err


def library_files(library: Path) -> dict[str, object]:
    """Every file's bytes; the article database by its rows (its WAL files come and go)."""
    files: dict[str, object] = {str(p.relative_to(library)): p.read_bytes() for p in sorted(library.rglob("*"))
                                if p.is_file() and p.name != ".lock" and not p.name.startswith("library.sqlite")}
    if (library / "library.sqlite").exists():
        conn = sqlite3.connect(library / "library.sqlite")
        files["library.sqlite"] = [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                                   for t in ("articles", "bodies", "article_tags")]
        conn.close()
    return files


def test_text_file_title_and_paragraphs(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, tmp_path / "lib", "import", str(IMPORT / "note_ar.txt"))
    assert code == 0, err
    art_id, lang, title = out.splitlines()[0].split("\t")
    assert (lang, title) == ("ar", "تقرير موجز عن سوق العمل")
    art = Store(tmp_path / "lib").get_article(art_id)
    assert art.paragraphs == [
        "ارتفع عدد الوظائف الجديدة في قطاع التقنية خلال الربع الأول.\n"
        "وسجلت الشركات الناشئة نمواً ملحوظاً (بنسبة 8%).",
        'قال رئيس الغرفة التجارية إن "الطلب على المبرمجين" يفوق العرض.',
    ]


def test_markdown_html_feed_and_legacy_files(tmp_path: Path, capsys) -> None:
    files = [IMPORT / "brief_fa.md", FEEDS / "page_boilerplate.html", FEEDS / "rss2_ar.xml",
             FEEDS / "feed_fa.json", IMPORT / "legacy_ar.txt", IMPORT / "bom_he.txt", IMPORT / "memo_en.txt"]
    code, out, err = run(capsys, tmp_path / "lib", "import", *map(str, files))
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines() if line.count("\t") >= 2]
    titles = {t[2]: t[1] for t in lines}
    assert titles["گزارش کوتاه دربارهٔ بازار کتاب"] == "fa"
    assert titles["تقرير: مخزون المياه في السدود يرتفع بعد الأمطار"] == "ar"
    assert titles["خبر بترميز ويندوز العربي"] == "ar"
    assert titles["כותרת בעברית עם סימן סדר בתים"] == "he"
    assert titles["Shipping Lanes Reopen After Storm"] == "en"
    assert "افتتاح جسر جديد فوق نهر الأردن" in titles
    assert "imported: 10 added" in out
    store = Store(tmp_path / "lib")
    page = next(a for a in store.articles() if a.title.startswith("تقرير:"))
    body = store.get_article(page.id).body
    assert "أظهرت بيانات رسمية" in body
    for junk in ("الصفحة الرئيسية", "الأكثر قراءة", "جميع الحقوق", "tracker", "اشترك"):
        assert junk not in body
    bom = next(a for a in store.articles() if a.language == "he")
    assert not store.get_article(bom.id).title.startswith("\ufeff")


def test_reimport_is_deduplicated(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "import", str(FEEDS / "rss2_ar.xml"))
    code, out, _ = run(capsys, lib, "import", str(FEEDS / "rss2_ar.xml"))
    assert code == 0 and "3 already in the library" in out
    assert Store(lib).article_count() == 3


def test_opml_subscribes_feeds_with_tags(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    code, out, err = run(capsys, lib, "import", str(FEEDS / "subscriptions.opml"))
    assert code == 0, err
    assert out.count("feed\t") == 3
    feeds = {f.url: f for f in Store(lib).feeds()}
    gulf = feeds["http://example.test/ar/rss.xml"]
    assert gulf.tags == ["الخليج", "politics/gulf", "economy"] and gulf.language == "ar"
    code, out, _ = run(capsys, lib, "feeds", "export")
    assert 'category="/الخليج,/politics/gulf,/economy"' in out
    export = tmp_path / "out.opml"
    export.write_text(out, encoding="utf-8")
    run(capsys, tmp_path / "lib2", "import", str(export))
    again = {f.url: f.tags for f in Store(tmp_path / "lib2").feeds()}
    assert again == {u: f.tags for u, f in feeds.items()}


BAD_FILES = [
    ("junk.bin", bytes(range(256)) * 20, "binary"),
    # seeded, so that every pytest-xdist worker collects the same test ids
    ("junk.txt", random.Random(4096).randbytes(4096).replace(b"\0", b"\1") + b"\0", "binary"),
    ("empty.txt", b"  \n\n", "empty"),
    ("broken.xml", (FEEDS / "malformed.xml").read_bytes(), "malformed XML"),
    ("bomb.rss", (FEEDS / "bomb.xml").read_bytes(), "entities"),
    ("xxe.xml", (FEEDS / "xxe.xml").read_bytes(), "entities"),
    ("bad.json", b'{"items": [', "not valid JSON"),
    ("bad.opml", b"<opml><body><outline", "malformed OPML"),
]


@pytest.mark.parametrize("name,content,message", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_clean_error_library_untouched(tmp_path: Path, capsys, name: str, content: bytes,
                                               message: str) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "import", str(IMPORT / "memo_en.txt"))
    before = library_files(lib)
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, lib, "import", str(bad))
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0].startswith(f"marsad: {bad}") and message in lines[0]
    assert "Traceback" not in err
    assert library_files(lib) == before


def test_good_and_bad_files_together(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    bad = tmp_path / "junk.dat"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, lib, "import", str(bad), str(IMPORT / "memo_en.txt"),
                         str(tmp_path / "missing.txt"))
    assert code == 2
    assert "Shipping Lanes Reopen After Storm" in out
    assert "junk.dat" in err and "missing.txt: no such file" in err
    assert Store(lib).article_count() == 1


def test_unknown_extension_is_sniffed(tmp_path: Path, capsys) -> None:
    feed = tmp_path / "download"
    feed.write_bytes((FEEDS / "atom_he.xml").read_bytes())
    code, out, _ = run(capsys, tmp_path / "lib", "import", str(feed))
    assert code == 0 and "רכבת חדשה תחבר את הצפון לדרום" in out


def test_import_url(tmp_path: Path, capsys, http_server: HTTPFixture) -> None:
    code, out, err = run(capsys, tmp_path / "lib", "import", http_server.url("/feeds/page_boilerplate.html"),
                         http_server.url("/nothing-here"))
    assert code == 2
    assert "تقرير: مخزون المياه" in out and "404" in err


def test_feeds_add_list_remove(tmp_path: Path, capsys) -> None:
    lib = tmp_path / "lib"
    code, out, _ = run(capsys, lib, "feeds", "add", "https://example.test/rss", "--name", "مثال",
                       "--tag", "gulf", "--lang", "ar")
    assert code == 0 and out.startswith("added\t")
    feed_id = out.split("\t")[1]
    code, out, _ = run(capsys, lib, "feeds", "list")
    assert "مثال" in out and "gulf" in out and "never fetched" in out
    code, _, err = run(capsys, lib, "feeds", "add", "not a url")
    assert code == 2 and "not a feed URL" in err
    code, out, _ = run(capsys, lib, "feeds", "remove", feed_id)
    assert code == 0 and Store(lib).feeds() == []
    code, _, err = run(capsys, lib, "feeds", "remove", feed_id)
    assert code == 2 and "no feed" in err


def test_fetch_command(tmp_path: Path, capsys, http_server: HTTPFixture) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "feeds", "add", http_server.url("/feeds/rss2_ar.xml"))
    run(capsys, lib, "feeds", "add", http_server.url("/feeds/malformed.xml"))
    code, out, err = run(capsys, lib, "fetch")
    assert code == 1, "a failed feed makes the run fail, and says how many"
    assert "3 new articles, 1 errors" in err and "malformed" in err
    assert "1 of 2 feeds failed" in err
    assert Store(lib).article_count() == 3
    run(capsys, lib, "feeds", "remove", http_server.url("/feeds/malformed.xml"))
    code, out, err = run(capsys, lib, "fetch", "--force")
    assert code == 0 and "failed" not in err


def test_fetch_command_all_failed(tmp_path: Path, capsys, http_server: HTTPFixture) -> None:
    lib = tmp_path / "lib"
    run(capsys, lib, "feeds", "add", http_server.url("/feeds/nope.xml"))
    code, _, err = run(capsys, lib, "fetch")
    assert code == 1 and "404" in err


def test_import_warns_about_a_file_mixing_utf8_and_windows_1256(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("عنوان الخبر بترميز يونيكود".encode() + b"\n\n"
                     + "نص الخبر من ملف قديم بترميز ويندوز".encode("windows-1256") + b"\n")
    code, out, err = run(capsys, tmp_path / "lib", "import", str(path))
    assert code == 0
    assert "warning" in err and "windows-1256" in err and "mixed.txt" in err
    art_id = out.splitlines()[0].split("\t")[0]
    art = Store(tmp_path / "lib").get_article(art_id)
    assert (art.title, art.body) == ("عنوان الخبر بترميز يونيكود", "نص الخبر من ملف قديم بترميز ويندوز")


def test_deeply_nested_inputs_fail_with_one_clear_line(tmp_path: Path, capsys) -> None:
    n = 50_000
    files = {
        "deep.html": "<div>" * n + "x",
        "deep_atom.xml": ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>'
                          '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
                          + "<div>" * n + "x" + "</div>" * n + "</div></content></entry></feed>"),
        "deep.json": '{"version": "https://jsonfeed.org/version/1.1", "items": [{"title": '
                     + "[" * n + "]" * n + "}]}",
        "deep.opml": "<opml><body>" + '<outline text="f">' * 500 + "</outline>" * 500 + "</body></opml>",
        "deep_rss_item.xml": ('<?xml version="1.0"?><rss version="2.0"><channel><item><title>t</title><description>'
                              + "&lt;ul&gt;&lt;li&gt;" * 5000 + "</description></item></channel></rss>"),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        code, out, err = run(capsys, tmp_path / "lib", "import", str(tmp_path / name))
        assert code == 2, (name, err)
        lines = [line for line in err.splitlines() if line.startswith("marsad: ") and "imported" not in line]
        assert len(lines) == 1 and name in lines[0] and "deep" in lines[0], (name, err)
        assert "Traceback" not in err


def test_markdown_files_are_imported_as_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "brief.md"
    path.write_text("# تقرير **عاجل** عن [السوق](https://x.example/m)\n\n"
                    "ارتفعت *الأسعار* بنسبة `12%` هذا الأسبوع، وفق [البنك المركزي](https://x.example/b).\n\n"
                    "- البند الأول\n- البند الثاني\n\n> اقتباس من التقرير\n\n"
                    "```\ncode line 1\ncode line 2\n```\n", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "lib", "import", str(path))
    assert code == 0, err
    art = Store(tmp_path / "lib").get_article(out.splitlines()[0].split("\t")[0])
    assert art.title == "تقرير عاجل عن السوق"
    assert art.paragraphs == ["ارتفعت الأسعار بنسبة 12% هذا الأسبوع، وفق البنك المركزي.", "البند الأول",
                              "البند الثاني", "اقتباس من التقرير", "code line 1\ncode line 2"]
    for mark in ("**", "](", "`", "# ", "> "):
        assert mark not in art.title + art.body


def test_import_of_an_opml_url_subscribes_and_says_so(tmp_path: Path, capsys, http_server: HTTPFixture) -> None:
    lib = tmp_path / "lib"
    url = http_server.url("/feeds/subscriptions.opml")
    code, out, err = run(capsys, lib, "import", url)
    assert code == 0, err
    assert "3 feeds subscribed" in out and len(Store(lib).feeds()) == 3
    code, out, err = run(capsys, lib, "import", url)
    assert code == 0 and "3 feeds already subscribed" in out


def test_an_opml_list_without_feeds_is_an_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "empty.opml"
    path.write_text('<opml version="2.0"><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>',
                    encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "lib", "import", str(path))
    assert code == 2 and "no http(s) feeds" in err
