"""Export: Markdown and W3C Web Annotation JSON, golden files, filters, the CLI."""

from __future__ import annotations

import json
import os
import re
from functools import partial
from pathlib import Path

import pytest

from tui.anchoring import anchor_highlight
from tui.cli import main
from tui.errors import InputError
from tui.export import (
    ExportOptions,
    clean,
    direction_runs,
    entity_links,
    export_text,
    front_matter,
    is_rtl,
    md_escape,
    obsidian_tag,
    select,
    split_markdown,
    to_json,
    to_markdown,
    wikilink,
)
from tui.models import Annotation, Article
from tui.store import Store
from tui.tags import articles_with_tag, parse_tags, tag_counts

GOLDEN = Path(__file__).parent / "fixtures" / "export"
UPDATE = os.environ.get("MARSAD_UPDATE_GOLDEN") == "1"
PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
STAMP = "2026-04-05T08:00:00+00:00"

AR_BODY = ("استضافت العاصمة العمانية مسقط جولة جديدة من المحادثات غير المباشرة بين إيران والولايات المتحدة.\n\n"
           "وقال وزير الخارجية العماني: «الأجواء كانت بناءة، واتفق الطرفان على مواصلة التشاور».\n\n"
           "وأفاد دبلوماسي غربي بأن نسبة التقدم بلغت نحو 60% بحسب وكالة Reuters.")
HE_BODY = ("חברת האנרגיה הודיעה כי יצוא הגז למצרים יגדל ב-15% בשנה הבאה.\n\n"
           "לדברי המנכ\"ל, \"ההסכם החדש יבטיח אספקה יציבה עד 2030\".")
MIXED_BODY = ("Apple will open its first regional hub in Riyadh, the company said on Monday.\n\n"
              "A spokesperson quoted the minister as saying «الاستثمار في التقنية أولوية وطنية» "
              "before the signing ceremony (see [1]).")


def _article(aid: str, title: str, body: str, **kw: object) -> Article:
    return Article(id=aid, title=title, body=body, fetched=STAMP, **kw)  # type: ignore[arg-type]


def _hl(article: Article, quote: str, aid: str, note: str = "", tags: tuple[str, ...] = ()) -> Annotation:
    start = article.body.index(quote)
    ann = anchor_highlight(article.body, start, start + len(quote), article_id=article.id,
                           note=note, tags=list(tags), created=STAMP, updated=STAMP)
    ann.id = aid
    return ann


def _note(article: Article, aid: str, note: str, tags: tuple[str, ...] = ()) -> Annotation:
    return Annotation(id=aid, article_id=article.id, kind="note", note=note, tags=list(tags),
                      created=STAMP, updated=STAMP)


@pytest.fixture
def sections() -> list[tuple[Article, list[Annotation]]]:
    ar = _article("ar1", "مسقط تستضيف جولة جديدة من المحادثات", AR_BODY, url="https://example.org/ar/oman",
                  source="وكالة المرصد", language="ar", published="2026-04-03T10:20:00+00:00",
                  tags=["diplomacy", "iran"])
    he = _article("he1", "יצוא הגז למצרים יגדל", HE_BODY, url="https://example.org/he/gas",
                  source="סוכנות המצפה", language="he", published="2026-02-18T14:10:00+00:00", tags=["energy"])
    mx = _article("mx1", "Apple opens a Gulf hub", MIXED_BODY, url="https://example.org/en/apple",
                  source="Marsad Wire", language="en", published="2026-03-01T09:00:00+00:00")
    return [
        (ar, [_note(ar, "n1", "ملاحظة: الوساطة العمانية تتقدم ببطء.", ("إيران", "negotiations")),
              _hl(ar, "الأجواء كانت بناءة، واتفق الطرفان على مواصلة التشاور", "h1",
                  "تصريح مهم من الوزير", ("oman", "red line")),
              _hl(ar, "نحو 60% بحسب وكالة Reuters", "h2")]),
        (mx, [_hl(mx, "«الاستثمار في التقنية أولوية وطنية»", "h3", "Quote of the minister, verify.", ("tech",))]),
        (he, [_hl(he, "\"ההסכם החדש יבטיח אספקה יציבה עד 2030\"", "h4", "ציטוט של המנכ\"ל", ("גז",))]),
    ]


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:  # MARSAD_UPDATE_GOLDEN=1 pytest tests/test_export.py, then review the diff
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# -- golden files ----------------------------------------------------------------


def test_markdown_golden(sections) -> None:  # type: ignore[no-untyped-def]
    _golden("notes.md", to_markdown(sections))


def test_markdown_golden_with_wikilinks(sections) -> None:  # type: ignore[no-untyped-def]
    options = ExportOptions(wikilinks=True, entities={"ar1": [("Muscat", "مسقط"), ("Iran", "إيران"), "Reuters"]})
    _golden("notes-wikilinks.md", to_markdown(sections[:1], options))


def test_json_golden(sections) -> None:  # type: ignore[no-untyped-def]
    _golden("notes.json", to_json(sections))


# -- Markdown properties ----------------------------------------------------------


def test_rtl_quotes_are_wrapped_in_rtl_divs_and_ltr_ones_are_not(sections) -> None:  # type: ignore[no-untyped-def]
    md = to_markdown(sections)
    assert '<div dir="rtl" markdown="1">\n\n> الأجواء كانت بناءة، واتفق الطرفان على مواصلة التشاور\n\n</div>' in md
    assert '<div dir="rtl" markdown="1">\n\n> "ההסכם החדש יבטיח אספקה יציבה עד 2030"\n\n</div>' in md
    assert "\n\nQuote of the minister, verify.\n\n" in md  # LTR note: plain paragraph
    assert md.count('<div dir="rtl" markdown="1">') == md.count("</div>")


def test_markdown_has_article_heading_block_notes_tags_and_provenance(sections) -> None:  # type: ignore[no-untyped-def]
    md = to_markdown(sections)
    assert "## مسقط تستضيف جولة جديدة من المحادثات" in md
    for line in ("- **Source:** وكالة المرصد", "- **URL:** <https://example.org/ar/oman>",
                 "- **Published:** 2026-04-03T10:20:00+00:00", f"- **Fetched:** {STAMP}",
                 "- **Language:** ar", "- **Tags:** #diplomacy #iran"):
        assert line in md
    assert "Tags: #oman #red-line" in md and "Tags: #إيران #negotiations" in md
    assert f"<sub>Source: <https://example.org/ar/oman> · fetched {STAMP} · content hash `{sections[0][0].hash}`" in md


def test_quotes_are_in_logical_order_and_unshaped(sections) -> None:  # type: ignore[no-untyped-def]
    md = to_markdown(sections)
    for _, anns in sections:
        for ann in anns:
            if ann.quote:
                assert ann.quote in md


def test_orphaned_highlight_is_exported_and_marked(sections) -> None:  # type: ignore[no-untyped-def]
    article, anns = sections[0]
    anns[1].orphaned = True
    md = to_markdown([(article, anns)])
    assert "(orphaned: not found in the current text)" in md and "position unknown" in md
    doc = json.loads(to_json([(article, anns)]))
    target = doc[1]["target"]
    assert target["marsad:orphaned"] is True
    assert [s["type"] for s in target["selector"]] == ["TextQuoteSelector"]


def test_output_is_deterministic(sections) -> None:  # type: ignore[no-untyped-def]
    from tui.export import sort_sections

    shuffled = [(art, list(reversed(anns))) for art, anns in reversed(sections)]
    assert to_markdown(sort_sections(shuffled)) == to_markdown(sort_sections(sections))
    assert to_json(sort_sections(shuffled)) == to_json(sort_sections(sections))


def test_presentation_forms_are_folded_and_bidi_controls_never_added(sections) -> None:  # type: ignore[no-untyped-def]
    article, anns = sections[0]
    anns[0].note = "\ufef7\ufe8e\ufee3 \ufeff"  # presentation forms and a BOM
    for text in (to_markdown(sections), to_json(sections)):
        assert not PRESENTATION.search(text)
        assert not BIDI_CONTROLS.search(text)
    assert clean("\ufef7\ufe8e\ufee3") == "لأام"


def test_bidi_controls_from_the_source_are_kept() -> None:
    body = "قال \u200fالوزير\u200f إن الاتفاق قريب."
    art = _article("x", "t", body)
    start = body.index("\u200fالوزير")
    ann = anchor_highlight(body, start, start + 7, article_id="x", created=STAMP, updated=STAMP)
    ann.id = "q"
    md = to_markdown([(art, [ann])])
    assert "\u200fالوزير" in md


def test_obsidian_tags() -> None:
    assert obsidian_tag("red line") == "#red-line"
    assert obsidian_tag("إيران") == "#إيران"
    assert obsidian_tag("#US/Iran talks") == "#US/Iran-talks"
    assert obsidian_tag("2026") == "#_2026"
    assert obsidian_tag("!!") == ""


def test_markdown_escaping_keeps_text_but_stops_html() -> None:
    assert md_escape("<script>alert(1)</script>") == "\\<script>alert(1)\\</script>"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("a < b and (انظر الصفحة 12)") == "a < b and (انظر الصفحة 12)"


def test_direction_detection() -> None:
    assert is_rtl("تصريح مهم") and is_rtl("ציטוט") and not is_rtl("Quote of the minister")
    assert is_rtl("Apple تفتتح مركزاً إقليمياً في الرياض")


# -- W3C Web Annotation shape ------------------------------------------------------


def _validate_web_annotation(doc: dict) -> None:  # type: ignore[type-arg]
    """The parts of the W3C Web Annotation Data Model (2017) we rely on."""
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "Annotation"
    assert isinstance(doc["id"], str) and re.match(r"^[a-z][a-z0-9+.-]*:", doc["id"])
    assert doc["motivation"] in {"commenting", "highlighting", "tagging", "bookmarking", "describing"}
    for key in ("created", "modified"):
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", doc[key])
    for body in doc.get("body", []):
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
        assert body.get("purpose", "commenting") in {"commenting", "tagging", "describing"}
        assert body.get("textDirection", "ltr") in {"ltr", "rtl", "auto"}
    target = doc["target"]
    assert isinstance(target["source"], str) and ":" in target["source"]
    assert target["state"]["type"] == "TimeState"
    for sel in target.get("selector", []):
        if sel["type"] == "TextQuoteSelector":
            assert isinstance(sel["exact"], str) and sel["exact"]
            assert isinstance(sel["prefix"], str) and isinstance(sel["suffix"], str)
        else:
            assert sel["type"] == "TextPositionSelector"
            assert 0 <= sel["start"] <= sel["end"]


def test_json_is_web_annotation_shaped(sections) -> None:  # type: ignore[no-untyped-def]
    docs = json.loads(to_json(sections))
    assert len(docs) == 5
    for doc in docs:
        _validate_web_annotation(doc)


def test_json_selectors_point_at_the_quote(sections) -> None:  # type: ignore[no-untyped-def]
    bodies = {art.url: art.body for art, _ in sections}
    for doc in json.loads(to_json(sections)):
        selectors = {s["type"]: s for s in doc["target"].get("selector", [])}
        if not selectors:
            continue
        quote, pos = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        body = bodies[doc["target"]["source"]]
        assert body[pos["start"]:pos["end"]] == quote["exact"]
        assert body[:pos["start"]].endswith(quote["prefix"]) and body[pos["end"]:].startswith(quote["suffix"])


def test_json_bodies_note_and_tags(sections) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(to_json(sections))[1]
    assert doc["body"][0] == {"type": "TextualBody", "value": "تصريح مهم من الوزير", "format": "text/plain",
                              "purpose": "commenting", "textDirection": "rtl"}
    assert [b["value"] for b in doc["body"][1:]] == ["oman", "red line"]
    assert all(b["purpose"] == "tagging" for b in doc["body"][1:])
    bare = json.loads(to_json(sections))[2]
    assert bare["motivation"] == "highlighting" and "body" not in bare


# -- selecting from a store, tags, the CLI -------------------------------------------


@pytest.fixture
def annotated(store: Store, sections) -> Store:  # type: ignore[no-untyped-def]
    store.add_articles([art for art, _ in sections])
    for _, anns in sections:
        for ann in anns:
            store.save_annotation(ann)
    return store


def test_select_filters_by_article_and_tag(annotated: Store) -> None:
    assert [a.id for a, _ in select(annotated)] == ["ar1", "mx1", "he1"]
    assert [a.id for a, _ in select(annotated, article_id="he1")] == ["he1"]
    by_article_tag = select(annotated, tag="Diplomacy")
    assert [(a.id, len(anns)) for a, anns in by_article_tag] == [("ar1", 3)]
    by_note_tag = select(annotated, tag="red line")
    assert [(a.id, [x.id for x in anns]) for a, anns in by_note_tag] == [("ar1", ["h1"])]
    assert select(annotated, tag="nothing") == []
    with pytest.raises(InputError):
        select(annotated, article_id="nope")


def test_select_reads_the_full_body(annotated: Store) -> None:
    (article, _), *_ = select(annotated)
    assert article.body == AR_BODY


def test_tag_counts_and_filter(annotated: Store) -> None:
    counts = tag_counts(annotated)
    assert counts["diplomacy"] == 1 and counts["oman"] == 1 and counts["إيران"] == 1 and counts["גז"] == 1
    assert list(counts) == sorted(counts, key=lambda t: (-counts[t], t.casefold()))
    assert articles_with_tag(annotated, "IRAN") == {"ar1"}
    assert articles_with_tag(annotated, "tech") == {"mx1"}


def test_parse_tags() -> None:
    assert parse_tags("إيران, negotiations") == ["إيران", "negotiations"]
    assert parse_tags(" red   line ،Iran; iran,, #oman ") == ["red line", "Iran", "oman"]


def test_stored_annotations_have_no_presentation_forms(annotated: Store) -> None:
    for path in (annotated.folder / "annotations").glob("*.json"):
        assert not PRESENTATION.search(path.read_text(encoding="utf-8"))


def test_cli_export_to_stdout_and_file(annotated: Store, library: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library), "export"]) == 0
    out = capsys.readouterr().out
    assert out == export_text(annotated, entities=partial(entity_links, annotated))
    assert "الأجواء كانت بناءة" in out
    assert "- **Entities:** " in out and "**Entities:**" not in export_text(annotated)
    target = tmp_path / "out" / "notes.json"
    assert main(["--library", str(library), "export", "--format", "json", "--article", "he1",
                 "--out", str(target)]) == 0
    docs = json.loads(target.read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["urn:marsad:annotation:h4"]
    assert not list(target.parent.glob(".*.tmp"))


def test_cli_unknown_article_is_one_line_error(annotated: Store, library: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library), "export", "--article", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err


def test_cli_tag_filter(annotated: Store, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library), "export", "--tag", "tech"]) == 0
    out = capsys.readouterr().out
    assert "Apple opens a Gulf hub" in out and "مسقط" not in out


# -- papercuts of #12: wikilinks, front matter, mixed notes, Python-Markdown -----------


def test_wikilink_links_the_canonical_name_with_the_spelling_as_alias() -> None:
    assert wikilink(("Iran", "إيران")) == "[[Iran|إيران]]"
    assert wikilink(("Iran", "ایران")) == "[[Iran|ایران]]"
    assert wikilink(("Iran", "Iran")) == "[[Iran]]" and wikilink("Reuters") == "[[Reuters]]"
    assert wikilink(("A|B [x]", "a#b")) == "[[A B  x|a b]]"


def test_cli_wikilinks_use_one_note_per_entity_across_scripts(annotated: Store, library: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library), "export", "--wikilinks", "--article", "ar1"]) == 0
    out = capsys.readouterr().out
    assert "[[Iran|إيران]]" in out and "[[Muscat|مسقط]]" in out and "[[إيران]]" not in out


def _yaml_head(text: str) -> dict:  # type: ignore[type-arg]
    import yaml

    assert text.startswith("---\n")
    head, _, _ = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


def test_front_matter_is_yaml_with_the_article_fields(annotated: Store) -> None:
    text = export_text(annotated, article_id="ar1", entities=partial(entity_links, annotated))
    meta = _yaml_head(text)
    assert meta["title"] == "مسقط تستضيف جولة جديدة من المحادثات"
    assert meta["source"] == "وكالة المرصد" and meta["url"] == "https://example.org/ar/oman"
    assert meta["published"] == "2026-04-03T10:20:00+00:00" and meta["language"] == "ar"
    assert meta["tags"] == ["diplomacy", "iran"]
    assert "Iran" in meta["entities"] and "Muscat" in meta["entities"]


def test_front_matter_survives_hostile_titles() -> None:
    import yaml

    fields = {"title": 'a: "b" # c\n---\n- d', "tags": ["x: y", "#z"], "empty": ""}
    text = front_matter(fields)
    assert yaml.safe_load(text.strip("-\n")) == {"title": fields["title"], "tags": ["x: y", "#z"]}


def test_export_to_a_folder_writes_one_note_per_article(annotated: Store, library: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    assert main(["--library", str(library), "export", "--wikilinks", "--out", str(vault)]) == 0
    notes = sorted(p.name for p in vault.glob("*.md"))
    assert notes == ["Apple opens a Gulf hub (mx1).md", "יצוא הגז למצרים יגדל (he1).md",
                     "مسقط تستضيف جولة جديدة من المحادثات (ar1).md"]
    ar = (vault / "مسقط تستضيف جولة جديدة من المحادثات (ar1).md").read_text(encoding="utf-8")
    assert _yaml_head(ar)["url"] == "https://example.org/ar/oman" and "[[Iran|إيران]]" in ar
    assert _yaml_head((vault / "Apple opens a Gulf hub (mx1).md").read_text(encoding="utf-8"))["language"] == "en"
    assert split_markdown([]) == {}


MIXED_NOTE = "Check this against the Reuters wire.\nالوزير نفى ذلك (مرتين).\nوأضاف: «لا تعليق»."


def test_mixed_note_keeps_line_breaks_and_each_line_its_direction() -> None:
    art = _article("m", "Mixed", "body")
    note = Annotation(id="n", article_id="m", kind="note", note=MIXED_NOTE, created=STAMP, updated=STAMP)
    md = to_markdown([(art, [note])], ExportOptions(front_matter=False))
    assert ("Check this against the Reuters wire.\n\n<div dir=\"rtl\" markdown=\"1\">\n\n"
            "الوزير نفى ذلك (مرتين).  \nوأضاف: «لا تعليق».\n\n</div>") in md
    assert [(rtl, len(lines)) for rtl, lines in direction_runs(MIXED_NOTE)] == [(False, 1), (True, 2)]


def _html_both_ways(md: str) -> list[str]:
    import markdown
    from markdown_it import MarkdownIt

    return [MarkdownIt("commonmark").render(md), markdown.markdown(md, extensions=["md_in_html"])]


def test_rtl_blocks_render_as_markdown_in_commonmark_and_python_markdown(sections) -> None:  # type: ignore[no-untyped-def]
    article, anns = sections[0]
    anns[0].note = MIXED_NOTE
    md = to_markdown([(article, anns)])
    for html in _html_both_ways(md):
        assert "<blockquote>" in html and "&gt; الأجواء" not in html and "> الأجواء" not in html
        assert "<h2>مسقط تستضيف جولة جديدة من المحادثات</h2>" in html
        assert re.search(r"الوزير نفى ذلك \(مرتين\)\.<br ?/?>\s*وأضاف", html)
        assert "Check this against the Reuters wire.</p>" in html
        rtl_divs = re.findall(r'<div dir="rtl"[^>]*>(.*?)</div>', html, re.DOTALL)
        assert rtl_divs and all("<p>" in d or "<h2>" in d or "<blockquote>" in d for d in rtl_divs)


def test_cli_export_goes_on_past_an_article_the_entity_engine_fails_on(annotated: Store, library: Path,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine error on one article (session 12's fresh blind batch had one) used to end `marsad export`
    with a traceback: now that article's notes are exported without names, the others with theirs, and
    nothing is cached for it (a fixed engine reads it next time)."""
    import tui.entities as entities_pkg
    from tui.entities.cache import EntityCache

    real = entities_pkg.entities

    def failing(text: str, language: str | None = None):  # type: ignore[no-untyped-def]
        if "مسقط" in text:
            raise IndexError("list index out of range")
        return real(text, language)

    monkeypatch.setattr(entities_pkg, "entities", failing)
    assert main(["--library", str(library), "export", "--wikilinks"]) == 0
    out = capsys.readouterr().out
    assert "الأجواء كانت بناءة" in out and "Apple opens a Gulf hub" in out  # every article's notes
    ar1 = next(a for a in annotated.articles() if a.id == "ar1")
    assert EntityCache(annotated).get(ar1.hash, ar1.language) is None
    assert "[[Muscat|مسقط]]" not in out
    monkeypatch.setattr(entities_pkg, "entities", real)
    assert main(["--library", str(library), "export", "--wikilinks", "--article", "ar1"]) == 0
    assert "[[Muscat|مسقط]]" in capsys.readouterr().out
