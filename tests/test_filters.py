"""Combinable filters, sort orders and saved views."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tui.config import Config, load_config
from tui.filters import Filter, FilterContext, apply_filter, delete_view, save_view, saved_views
from tui.models import Article


@dataclass
class Row:
    article: Article
    annotations: int = 0


def row(id: str, source: str = "Wire", lang: str = "en", date: str = "2026-03-01", read: bool = False,
        tags: tuple[str, ...] = (), notes: int = 0) -> Row:
    return Row(Article(id=id, title=id, body="", source=source, language=lang, published=f"{date}T10:00:00+00:00",
                       read=read, tags=list(tags)), notes)


ROWS = [
    row("a", "Wire", "en", "2026-03-01", read=True, tags=("iran",), notes=2),
    row("b", "وكالة", "ar", "2026-03-05", tags=("Iran", "oil")),
    row("c", "وكالة", "ar", "2026-02-10", notes=5),
    row("d", "Kan", "he", "2026-03-09", read=True),
]


def shown(flt: Filter, ctx: FilterContext | None = None) -> list[str]:
    return [r.article.id for r in apply_filter(ROWS, flt, ctx)]


def test_no_filter_keeps_newest_first() -> None:
    assert shown(Filter()) == ["d", "b", "a", "c"]
    assert not Filter().active and not Filter(sort="source").active


@pytest.mark.parametrize(("flt", "expected"), [
    (Filter(tags=("iran",)), ["b", "a"]),
    (Filter(tags=("oil", "missing")), ["b"]),
    (Filter(sources=("وكالة",)), ["b", "c"]),
    (Filter(sources=("wire", "KAN")), ["d", "a"]),
    (Filter(languages=("ar", "he")), ["d", "b", "c"]),
    (Filter(date_from="2026-03-01"), ["d", "b", "a"]),
    (Filter(date_from="2026-03-02", date_to="2026-03-05"), ["b"]),
    (Filter(date_to="2026-02"), ["c"]),
    (Filter(has_notes=True), ["a", "c"]),
    (Filter(has_notes=False), ["d", "b"]),
    (Filter(read=False), ["b", "c"]),
    (Filter(read=True), ["d", "a"]),
])
def test_each_part(flt: Filter, expected: list[str]) -> None:
    assert shown(flt) == expected


def test_parts_combine_with_and() -> None:
    assert shown(Filter(languages=("ar",), read=False, has_notes=True)) == ["c"]
    assert shown(Filter(tags=("iran",), read=False, sources=("وكالة",))) == ["b"]
    assert shown(Filter(tags=("iran",), languages=("he",))) == []


def test_tags_on_annotations_count() -> None:
    ctx = FilterContext(annotation_tags={"c": {"Shipping"}})
    assert shown(Filter(tags=("shipping",)), ctx) == ["c"]


def test_entity_is_a_pluggable_id_set() -> None:
    ctx = FilterContext(entity_articles=lambda key: {"a", "c"} if key == "ent:oman" else set())
    assert shown(Filter(entity="ent:oman"), ctx) == ["a", "c"]
    assert shown(Filter(entity="ent:oman", read=False), ctx) == ["c"]
    assert shown(Filter(entity="ent:oman")) == []  # no resolver: nothing can be shown as matching


@pytest.mark.parametrize(("order", "expected"), [
    ("newest", ["d", "b", "a", "c"]),
    ("oldest", ["c", "a", "b", "d"]),
    ("source", ["d", "a", "b", "c"]),
    ("annotated", ["c", "a", "d", "b"]),
])
def test_sort_orders(order: str, expected: list[str]) -> None:
    assert shown(Filter(sort=order)) == expected


def test_label_names_every_part() -> None:
    flt = Filter(tags=("iran",), entity="e1", entity_label="عمان", sources=("Kan",), languages=("he",),
                 date_from="2026-01-01", has_notes=True, read=False, sort="annotated")
    assert flt.label() == "#iran · @عمان · Kan · HE · 2026-01-01–… · with notes · unread · ↕ most annotated"
    assert Filter().label() == ""


def test_dict_round_trip_and_tolerance() -> None:
    flt = Filter(tags=("iran", "oil"), read=False, sort="oldest")
    assert flt.to_dict() == {"tags": ["iran", "oil"], "read": False, "sort": "oldest"}
    assert Filter.from_dict(flt.to_dict()) == flt
    assert Filter.from_dict({"tags": "iran", "read": "yes", "sort": "weird", "colour": 3}) == Filter(tags=("iran",))


def test_saved_views_persist_in_settings(config: Config) -> None:
    save_view(config, "Gulf unread", Filter(tags=("gulf",), read=False))
    save_view(config, "Persian", Filter(languages=("fa",), sort="source"))
    fresh = load_config(config.library)
    assert saved_views(fresh) == {"Gulf unread": Filter(tags=("gulf",), read=False),
                                  "Persian": Filter(languages=("fa",), sort="source")}
    delete_view(fresh, "Persian")
    assert list(saved_views(load_config(config.library))) == ["Gulf unread"]


def test_combined_filter_at_10k_keeps_exactly_the_matching_rows() -> None:
    """Every condition holds on every row kept, and no matching row is dropped.

    (Speed is measured in benchmarks/bench_library.py, not here.)
    """
    rows = [row(str(i), f"S{i % 20}", ("ar", "en")[i % 2], f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                read=i % 3 == 0, tags=("iran",) if i % 7 == 0 else (), notes=i % 4) for i in range(10_000)]
    flt = Filter(tags=("iran",), languages=("ar",), read=False, has_notes=True, date_from="2025-03", sort="source")
    result = apply_filter(rows, flt)
    expected = {str(i) for i in range(10_000)
                if i % 7 == 0 and i % 2 == 0 and i % 3 != 0 and i % 4 and i % 12 + 1 >= 3}
    assert {r.article.id for r in result} == expected
    assert [r.article.source for r in result] == sorted(r.article.source for r in result)
