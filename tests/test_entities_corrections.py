"""Analysts' corrections: pure model, round trip, applied to any article."""

from tui.entities import Corrections, entities
from tui.models import Entity

TEXT = "قال ترامب إن إيران وطهران وأمريكا. ثم قال ترامب كلاما."


def ents():
    return entities(TEXT, "ar")


def test_rename_retype_reject():
    c = Corrections().rename("per:trump", "Trump").retype("loc:city:Tehran", "ORG").reject("loc:US")
    out = {e.id: e for e in c.apply(ents())}
    assert out["per:trump"].name == "Trump"
    assert out["loc:city:Tehran"].type == "ORG"
    assert "loc:US" not in out


def test_merge_moves_spans_and_surfaces():
    c = Corrections().merge("loc:city:Tehran", "loc:IR")
    out = {e.id: e for e in c.apply(ents())}
    assert "loc:city:Tehran" not in out
    assert out["loc:IR"].count == 2 and set(out["loc:IR"].surfaces) == {"إيران", "طهران"}


def test_merge_chain_and_cycle_terminate():
    c = Corrections().merge("a", "b").merge("b", "c").merge("c", "a")
    assert c.target("a") in {"a", "b", "c"}


def test_split_surface_out_with_text():
    e = Entity(id="loc:US", type="LOC", name="أمريكا", surfaces=["أمريكا", "واشنطن"], spans=[(0, 6), (7, 13)])
    text = "أمريكا واشنطن"
    out = Corrections().split("loc:US", "واشنطن").apply([e], text)
    assert {x.name for x in out} == {"أمريكا", "واشنطن"}
    moved = next(x for x in out if x.name == "واشنطن")
    assert moved.spans == [(7, 13)] and moved.id == "loc:US/واشنطن"


def test_round_trip_dict():
    c = Corrections().rename("x", "X").merge("a", "b").split("a", "s").reject("r").retype("x", "ORG")
    assert Corrections.from_dict(c.to_dict()) == c


def test_apply_does_not_mutate_input():
    original = ents()
    before = [e.to_dict() for e in original]
    Corrections().merge("loc:city:Tehran", "loc:IR").rename("per:trump", "T").apply(original)
    assert [e.to_dict() for e in original] == before
