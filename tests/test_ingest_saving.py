"""Re-importing a changed article keeps its highlights on the right words."""

from __future__ import annotations

from pathlib import Path

from tui.anchoring import anchor_highlight
from tui.cli import main
from tui.store import Store


def test_reimport_of_edited_file_reanchors_highlights(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    source = tmp_path / "article.txt"
    source.write_text("عنوان\n\nقال الوزير إن المفاوضات مستمرة في مسقط.\n", encoding="utf-8")
    assert main(["import", str(source), "--library", str(library)]) == 0
    store = Store(library)
    [article] = store.articles()
    body = store.get_article(article.id).body
    start = body.index("المفاوضات")
    store.save_annotation(anchor_highlight(body, start, start + len("المفاوضات"), article_id=article.id,
                                          article_hash=article.hash))

    source.write_text("عنوان\n\nفي تصريح جديد، قال الوزير إن المفاوضات مستمرة في مسقط.\n", encoding="utf-8")
    assert main(["import", str(source), "--library", str(library)]) == 0

    reopened = Store(library)
    new_body = reopened.get_article(article.id).body
    [ann] = reopened.annotations_for(article.id)
    assert new_body[ann.start:ann.end] == "المفاوضات"
    assert not ann.orphaned
