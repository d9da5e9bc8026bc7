"""Hypothesis: hostile Unicode through import, the store, render, entities and export.

The security suite (test_sanitize_property.py) proves that no output carries
a control a terminal would act on. This one proves the other half of
"bad input never crashes": random Unicode, controls, lone surrogates,
markup and mixed scripts go through the real paths (parsing a file as
``marsad import`` does, saving and reading back an annotation, ``marsad
render``, the entity engine, the Markdown and JSON export) and none of
them raises anything but a one-line MarsadError; what was saved reads back
exactly (lone surrogates excepted: JSON files hold UTF-8, so they become
U+FFFD).
"""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.entities import extract
from tui.errors import MarsadError
from tui.export import to_json, to_markdown
from tui.ingest.local import load_bytes
from tui.models import Annotation, Article
from tui.store import Store

PIECES = ["\x1b[31m", "\x00", "\x7f", "\x9b", "\r\n", "\n\n", "\t", "\u202e", "\u2067", "\u2069", "\u200f", "\u200c",
          "\u200d", "\ufeff", "\ud800", "\udfff", "[b]", "[/]", "[@click=app.quit]", "<script>", "</p>", "<b>",
          "&amp;", "&#0;", "]]>", "<!--", "# ", "> ", "**", "`", "---\n", "{", "}", '"', "\\",
          "قال الوزير", "الرئيس ترامب", "وزیر امور خارجه", "نتنیاهو", "ראש הממשלה", "بنيامين نتنياهو",
          "مسقط", "طهران", "ﻻ", "ﷲ", "١٢٣", "1948", "Trump", "https://example.org/a?b=1", "@handle", "#وسم"]
hostile = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=50).map("".join)
TRIED: dict[str, int] = {}


def tried(what: str) -> None:
    TRIED[what] = TRIED.get(what, 0) + 1


def utf8_safe(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


@settings(max_examples=150, deadline=None)
@given(hostile, st.sampled_from([".txt", ".md", ".html", ".xml", ".opml", ""]))
def test_import_parses_or_refuses_in_one_line(text: str, ext: str) -> None:
    tried("import")
    data = text.encode("utf-8", "surrogatepass")
    try:
        loaded = load_bytes(data, name=f"hostile{ext}", ext=ext)
    except MarsadError as exc:
        assert "\n" not in str(exc).strip()
        return
    for art in loaded.articles:
        assert isinstance(art.title, str) and isinstance(art.body, str)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("prop") / "library")
    store.add_articles([Article(id="", title="مقال", body="نص قصير", url="https://example.org/p")])
    yield store
    store.close()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=hostile, quote=hostile, tags=st.lists(hostile, max_size=4))
def test_an_annotation_with_any_text_reads_back_exactly(shared_store: Store, note: str, quote: str,
                                                        tags: list[str]) -> None:
    tried("store")
    art_id = shared_store.articles()[0].id
    saved = shared_store.save_annotation(Annotation(id="", article_id=art_id, kind="highlight", start=0, end=2,
                                                    quote=quote, note=note, tags=tags))
    [got] = [a for a in Store(shared_store.folder).annotations_for(art_id) if a.id == saved.id]
    assert got.note == utf8_safe(note) and got.quote == utf8_safe(quote)
    assert list(got.tags) == [utf8_safe(t) for t in tags]
    shared_store.delete_annotation(got)


@settings(max_examples=100, deadline=None)
@given(hostile.filter(lambda t: not _has_surrogate(t)), st.integers(min_value=2, max_value=60))  # a wide character needs 2 cells
def test_render_never_crashes_and_keeps_to_the_width(tmp_path_factory: pytest.TempPathFactory, text: str,
                                                     width: int) -> None:
    tried("render")
    from wcwidth import wcswidth

    path = tmp_path_factory.mktemp("render") / "a.txt"
    path.write_text(text, encoding="utf-8")
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["render", str(path), "--width", str(width)])
    assert "Traceback" not in err.getvalue()
    if code == 0:
        for line in out.getvalue().splitlines():
            assert wcswidth(line) <= width or wcswidth(line) < 0


@settings(max_examples=150, deadline=None)
@given(hostile, st.sampled_from([None, "ar", "fa", "he", "en"]))
def test_entity_spans_point_into_the_text(text: str, language: str | None) -> None:
    tried("entities")
    for m in extract(text, language):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface


stored = hostile.map(lambda t: utf8_safe(t))  # what the store can hold: no lone surrogates


@settings(max_examples=100, deadline=None)
@given(title=stored, body=stored, note=stored, quote=stored, tags=st.lists(stored, max_size=3))
def test_export_of_any_text_is_valid_and_logical(title: str, body: str, note: str, quote: str,
                                                 tags: list[str]) -> None:
    tried("export")
    art = Article(id="a1", title=title, body=body, url="https://example.org/x")
    ann = Annotation(id="n1", article_id="a1", kind="highlight", start=0, end=len(quote), quote=quote,
                     note=note, tags=tags)
    md = to_markdown([(art, [ann])])
    data = json.loads(to_json([(art, [ann])]))
    assert isinstance(data, list)
    source = title + body + note + quote + "".join(tags)
    for ch in md:
        if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
            assert ch in source, f"presentation form {ch!r} not in the source"
        if unicodedata.bidirectional(ch) in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"):
            assert ch in source, f"bidi control {ch!r} not in the source"


def test_zz_report_how_many_hostile_inputs_were_tried() -> None:
    """Not a check: prints the count docs/reliability.md quotes (pytest -s)."""
    print("hostile inputs tried:", TRIED, "total", sum(TRIED.values()))
