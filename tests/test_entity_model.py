"""The statistical layer over the rules (tui/entities/model.py): weights are data, training is reproducible.

The shipped weights record the sha256 of the data they were trained on (data/model/meta.json); a
change to a gold list, a text, a special-case row or the pre-fix engine's mentions without a retrain
(``python -m tui.entities.train``) fails here. Training twice on the same documents gives the same
file byte for byte, and what the engine finds follows the weights file it is given.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.entities import get_engine, group
from tui.entities import train as training
from tui.entities.engine import RuleEngine
from tui.entities.model import CLASSES, ModelEngine, load_model, model_dir

SENTENCE = "وقال الرئيس الأمريكي دونالد ترامب في واشنطن إن وزارة الخارجية ستصدر بيانا."


def test_shipped_weights_record_the_training_data_they_came_from() -> None:
    meta = json.loads((model_dir() / "meta.json").read_text(encoding="utf-8"))
    assert meta["gold_sha256"] == training.gold_checksum(), "training data changed: run python -m tui.entities.train"
    assert (meta["epochs"], meta["seed"], meta["min_count"], meta["case_repeat"], meta["margin"], meta["margin_o"]) == (
        training.EPOCHS, training.SEED, training.MIN_COUNT, training.CASE_REPEAT, training.MARGIN, training.MARGIN_O)
    assert meta["folders"] == [p.name for p in training.folders()]


def test_the_weights_file_is_the_trainer_output_format() -> None:
    data = json.loads((model_dir() / "weights.json").read_text(encoding="utf-8"))
    assert tuple(data["classes"]) == CLASSES
    assert data["weights"] and all(len(row) == len(CLASSES) for row in data["weights"].values())
    assert list(data["weights"]) == sorted(data["weights"])


def test_training_is_reproducible() -> None:
    engine = RuleEngine()
    folder = training.folders()[0]
    docs = [training.read_doc(p, engine) for p in sorted(folder.glob("*.txt"))[:3]]
    first, second = training.dump(training.train(docs)), training.dump(training.train(docs))
    assert first == second and len(json.loads(first)["weights"]) > 10


def _weights(tmp_path: Path, bias: list[float]) -> Path:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"classes": list(CLASSES), "weights": {"bias": bias}}), encoding="utf-8")
    return path


def test_what_is_found_follows_the_weights_file(tmp_path: Path) -> None:
    """The decisions come from data: a file that says "everything is a place" makes every candidate a
    place; one that says "nothing is a name" leaves nothing; the shipped one keeps the person."""
    text = SENTENCE
    rules = group(RuleEngine().extract(text, "ar"))
    all_loc = group(ModelEngine(model=load_model(_weights(tmp_path, [0, 0, 0, 5, 0]))).extract(text, "ar"))
    assert all_loc and {e.type for e in all_loc} == {"LOC"} and len(all_loc) >= len(rules)
    (tmp_path / "none").mkdir()
    none = ModelEngine(model=load_model(_weights(tmp_path / "none", [5, 0, 0, 0, 0]))).extract(text, "ar")
    assert none == []
    shipped = group(ModelEngine().extract(text, "ar"))
    assert ("PER", "دونالد ترامب") in {(e.type, e.name) for e in shipped}


def test_a_weights_file_with_other_classes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"classes": ["O", "PER"], "weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="classes"):
        load_model(path)


def test_the_default_engine_is_the_rules_with_the_model() -> None:
    engine = get_engine()
    assert isinstance(engine, ModelEngine) and isinstance(engine, RuleEngine)
    assert type(get_engine("rules")) is RuleEngine


def test_model_mentions_index_the_text_exactly() -> None:
    text = "قال مدرب الفريق جمال سليمان إن اللاعب سامي الحربي سيغيب عن مباراة الهلال في الرياض.\n\n" + SENTENCE
    mentions = get_engine().extract(text, "ar")
    assert mentions
    assert all(text[m.start:m.end] == m.surface and m.type in CLASSES[1:] for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    spans = sorted((m.start, m.end) for m in mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions never overlap"


def test_a_unit_is_keyed_by_the_folded_surface_of_each_of_its_spans() -> None:
    """units() joins the tokens' folded forms instead of folding the span again: the same key."""
    from tui.entities.model import candidates, units
    from tui.text.normalize import normalise

    text = "وقال وزير الخارجية الإيراني عباس عراقجي إن طهران مستعدة، وذكرت وكالة \"إرنا\" أن بـالولايات المتحدة..."
    doc, hits = RuleEngine().read(text, "ar")
    found = units(doc, candidates(doc, hits))
    assert len(found) >= 4
    assert all(normalise(text[c.start:c.end]) == key for key, u in found.items() for c in u.cands)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("אמרה השופטת שלומית ד. רביב כי הערעור נדחה", "he", "שלומית ד. רביב"),
    ("כתבה טליה ג׳ אבן־חן בדו\"ח", "he", "ג׳ אבן־חן"),
    ("وقال ع. ح. الدوسري للصحفيين", "ar", "ع. ح. الدوسري"),
    ("گفت کلودیا ب. ریتسی امروز", "fa", "کلودیا ب. ریتسی"),
])
def test_a_name_written_with_an_initial_is_a_candidate(text: str, lang: str, span: str) -> None:
    """An initial with a full stop or a geresh and the word after it (and the name before it) are proposed
    even when the rules found nothing there: the model decides."""
    from tui.entities.model import candidates

    doc, hits = RuleEngine().read(text, lang)
    assert span in {text[c.start:c.end] for c in candidates(doc, hits)}


def test_a_lone_letter_at_a_sentence_end_opens_no_initial_run() -> None:
    from tui.entities.model import candidates

    text = "وصل إلى المبنى ب.\nثم عاد"
    doc, hits = RuleEngine().read(text, "ar")
    assert not [c for c in candidates(doc, hits) if c.src.startswith("gen:init")]



@pytest.mark.parametrize("text, lang, local, latin", [
    ("وقّعت شركة أطلس بيلاجيك (Atlas Pelagic) اتفاقاً مع ميناء طنجة.", "ar", "شركة أطلس بيلاجيك", "Atlas Pelagic"),
    ("شرکت فولاد نوین (Novin Steel) قرارداد تازه‌ای با بندر عباس امضا کرد.", "fa", "شرکت فولاد نوین", "Novin Steel"),
])
def test_a_latin_name_in_brackets_after_a_name_is_the_same_entity(text: str, lang: str, local: str, latin: str) -> None:
    found = group(ModelEngine().extract(text, lang))
    holding = [e for e in found if latin in e.surfaces]
    assert len(holding) == 1 and local in holding[0].surfaces
