"""Anchoring: quotes with context, and finding highlights again after the text changed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.anchoring import (
    anchor_highlight,
    fold,
    locate,
    make_selector,
    needs_reanchor,
    reanchor,
    reanchor_all,
    still_anchored,
)
from tui.models import Article

AR = ("مسقط (وكالة المرصد) - استضافت العاصمة العمانية مسقط يوم الجمعة جولة جديدة من المحادثات "
      "غير المباشرة بين إيران والولايات المتحدة.\n\n"
      "وقال وزير الخارجية العماني إن الأجواء كانت بناءة، واتفق الطرفان على مواصلة التشاور.")
QUOTE = "الأجواء كانت بناءة"


def _highlight(body: str, quote: str):
    start = body.index(quote)
    return anchor_highlight(body, start, start + len(quote), article_id="a1")


def test_selector_has_quote_and_32_chars_of_context() -> None:
    start = AR.index(QUOTE)
    sel = make_selector(AR, start, start + len(QUOTE))
    assert sel.exact == QUOTE
    assert len(sel.prefix) == 32 and AR[start - 32:start] == sel.prefix
    assert len(sel.suffix) == 32 and AR.startswith(sel.suffix, start + len(QUOTE))


def test_selector_clips_at_text_edges() -> None:
    sel = make_selector("abc def", 0, 3)
    assert (sel.prefix, sel.exact, sel.suffix) == ("", "abc", " def")


def test_unchanged_text_keeps_offsets() -> None:
    ann = _highlight(AR, QUOTE)
    before = (ann.start, ann.end)
    assert reanchor(AR, ann) is False
    assert (ann.start, ann.end) == before and not ann.orphaned


def test_inserted_paragraph_moves_the_highlight() -> None:
    ann = _highlight(AR, QUOTE)
    new = "تحديث: أضيفت هذه الفقرة بعد النشر.\n\n" + AR
    assert reanchor(new, ann) is True
    assert new[ann.start:ann.end] == QUOTE and not ann.orphaned


def test_context_picks_the_right_repeated_quote() -> None:
    body = "قال الوزير: نعم. ثم قال السفير: نعم. وأخيراً قال الرئيس: نعم."
    start = body.index("نعم", body.index("السفير"))
    ann = anchor_highlight(body, start, start + 3, article_id="a")
    changed = "خبر عاجل. " + body.replace("قال الوزير", "صرّح الوزير")
    reanchor(changed, ann)
    assert changed[ann.start - 8:ann.start].endswith("السفير: ")


def test_hint_breaks_ties_between_identical_contexts() -> None:
    body = "x نعم y " * 3
    assert locate(body, "نعم", "", "", hint=len(body) - 5) == (18, 21)


def test_changed_harakat_and_tatweel_still_anchor() -> None:
    ann = _highlight(AR, QUOTE)
    new = AR.replace("كانت بناءة", "كانـت بنّاءة")
    assert reanchor(new, ann)
    assert fold(new[ann.start:ann.end])[0] == fold(QUOTE)[0]
    assert new[ann.start:ann.end] == "الأجواء كانـت بنّاءة"
    assert ann.quote == "الأجواء كانـت بنّاءة"


def test_hebrew_niqqud_and_gershayim_fold() -> None:
    body = "נציג ארה\"ב אמר שהשיחות יימשכו בשבוע הבא."
    start = body.index("ארה\"ב")
    ann = anchor_highlight(body, start, start + 5, article_id="h")
    new = body.replace("ארה\"ב", "ארה״ב")
    assert reanchor(new, ann) and new[ann.start:ann.end] == "ארה״ב"


def test_small_edit_inside_quote_is_found_fuzzily() -> None:
    quote = "واتفق الطرفان على مواصلة التشاور"
    ann = _highlight(AR, quote)
    new = AR.replace("واتفق الطرفان على مواصلة", "واتفق الجانبان على مواصلة")
    assert reanchor(new, ann) and not ann.orphaned
    assert new[ann.start:ann.end].startswith("واتفق") and new[ann.start:ann.end].endswith("التشاور")


def test_vanished_quote_is_orphaned_but_kept() -> None:
    ann = _highlight(AR, QUOTE)
    new = "نص جديد تماماً لا علاقة له بالمقال السابق."
    ann.note = "ملاحظتي"
    assert reanchor(new, ann) is True
    assert ann.orphaned and ann.quote == QUOTE and ann.note == "ملاحظتي"
    assert reanchor(new, ann) is False  # already orphaned: nothing to save
    assert reanchor(AR, ann) is True and not ann.orphaned  # the text came back


def test_article_notes_are_not_touched() -> None:
    from tui.models import Annotation

    note = Annotation(id="n", article_id="a", kind="note", note="x")
    assert reanchor("whatever", note) is False


def test_reanchor_all_reports_changes_and_records_hash() -> None:
    old = Article(id="a", title="t", body=AR)
    ann = _highlight(AR, QUOTE)
    ann.article_hash = old.hash
    assert reanchor_all(old, [ann]) == []
    new = Article(id="a", title="t", body="مقدمة.\n\n" + AR)
    assert needs_reanchor(new, [ann])
    changed = reanchor_all(new, [ann])
    assert changed == [ann] and ann.article_hash == new.hash and still_anchored(new.body, ann)
    assert not needs_reanchor(new, [ann])


def test_legacy_annotation_without_hash_is_stamped_once() -> None:
    art = Article(id="a", title="t", body=AR)
    ann = _highlight(AR, QUOTE)
    assert reanchor_all(art, [ann]) == [ann]
    assert reanchor_all(art, [ann]) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ", min_size=40, max_size=200),
       st.data())
def test_any_span_reanchors_after_a_prefix_is_added(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - 5))
    end = data.draw(st.integers(start + 5, len(body)))
    ann = anchor_highlight(body, start, end, article_id="p")
    new = "سطر جديد\n\n" + body
    reanchor(new, ann)
    assert not ann.orphaned
    assert new[ann.start:ann.end] == body[start:end]


def test_reanchor_library_after_a_refetch(store) -> None:  # type: ignore[no-untyped-def]
    from tui.anchoring import reanchor_library

    old = Article(id="", title="t", body=AR, url="https://example.org/a")
    (added,), _ = store.add_articles([old])
    ann = _highlight(AR, QUOTE)
    ann.article_id, ann.article_hash = added.id, added.hash
    store.save_annotation(ann)
    _, updated = store.add_articles([Article(id="", title="t", body="جديد.\n\n" + AR, url="https://example.org/a")])
    [saved] = reanchor_library(store, updated)
    [again] = store.annotations_for(added.id)
    body = store.get_article(added.id).body
    assert body[again.start:again.end] == QUOTE and again.article_hash == updated[0].hash == saved.article_hash
