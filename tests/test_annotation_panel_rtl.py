"""The Notes pane wraps long RTL notes and quotes with the bidi layout, and a
scrolled pane shows every line, in order (no row re-wrapped by Rich)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.anchoring import anchor_highlight
from tui.rtl.joining import shape_levels
from tui.widgets.annotation_panel import AnnotationPanel

QUOTE = ("قال وزير الخارجية في مؤتمر صحفي عقده مساء أمس إن المفاوضات مع الجانب الآخر تسير بخطى ثابتة "
         "وإن الاتفاق النهائي قد يوقع قبل نهاية الشهر المقبل إذا استمرت الأجواء الإيجابية على حالها")
NOTE = ("ملاحظة طويلة: يجب مقارنة هذا التصريح بما قاله John Smith الأسبوع الماضي في لندن، "
        "ومتابعة ردود الفعل في الصحف العبرية والفارسية قبل كتابة التقرير النهائي للفريق")


def visual(word: str) -> str:
    return shape_levels(word, [1] * len(word))[::-1].replace("\ufeff", "")


class Harness(App[None]):
    CSS = "AnnotationPanel { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield AnnotationPanel(id="annotations")

    def on_mount(self) -> None:
        body = QUOTE + "\n\n" + QUOTE
        anns = []
        for k in range(3):
            start = body.index("قال") if k == 0 else body.rindex("قال")
            a = anchor_highlight(body, start, start + len(QUOTE), article_id="x", note=NOTE,
                                 tags=[f"وسم {k}", "negotiations", "خط أحمر"], created=str(k))
            a.id = f"a{k}"
            anns.append(a)
        self.query_one(AnnotationPanel).show(anns, ["diplomacy"])


async def test_scrolled_panel_shows_whole_notes_in_order() -> None:
    app = Harness()
    async with app.run_test(size=(40, 24)) as pilot:
        await pilot.pause()
        panel = app.query_one(AnnotationPanel)
        await pilot.pause()
        width = panel.scrollable_content_region.width
        by_row: dict[int, str] = {}
        for top in range(0, panel.virtual_size.height, panel.size.height):
            panel.scroll_to(y=top, animate=False)
            await pilot.pause()
            at = int(panel.scroll_offset.y)  # the last page is clamped
            for y in range(panel.size.height):
                by_row[at + y] = "".join(s.text for s in panel.render_line(y))
        seen = [by_row[i] for i in sorted(by_row) if i < panel.virtual_size.height]
        assert all(len(r.rstrip()) <= width for r in seen)
        text = "\n".join(seen)
        assert text.count("John Smith") == 3
        # Every word of the quote and the note is there, and the rows follow
        # the reading order: the first words on the first row of each block.
        for word in set(QUOTE.split()) | set(NOTE.split()) - {"John", "Smith"}:
            assert visual(word) in text, word
        first_quote_rows = [i for i, r in enumerate(seen) if visual("الخارجية") in r]
        last_quote_rows = [i for i, r in enumerate(seen) if visual("حالها") in r]
        assert len(first_quote_rows) == 3 and all(a < b for a, b in zip(first_quote_rows, last_quote_rows)), (first_quote_rows, last_quote_rows)
        assert text.count("negotiations") == 3 and text.count(visual("أحمر")) == 3
