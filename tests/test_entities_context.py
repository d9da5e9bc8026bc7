"""Context rules for names in no table (held-out failures turned into unit checks)."""

from tui.entities import entities


def _names(text, lang):
    return {(e.type, e.name) for e in entities(text, lang)}


def test_article_headed_organisation_with_nationality_and_lam_phrase():
    found = _names("وقالت المفوضية العليا المستقلة للانتخابات إن الحزب الديمقراطي الجديد تصدر النتائج.", "ar")
    assert ("ORG", "المفوضية العليا المستقلة للانتخابات") in found


def test_bracketed_acronym_is_the_same_entity():
    ents = entities("وقالت هيئة الرقابة المالية (همف) إن التحقيق مستمر، وأكدت همف ذلك لاحقا.", "ar")
    org = next(e for e in ents if e.type == "ORG")
    assert "همف" in org.surfaces and org.count >= 2


def test_given_name_without_title_is_a_person():
    assert ("PER", "يوسف الحمادي") in _names("بحسب ما قال يوسف الحمادي للصحفيين أمس.", "ar")


def test_company_head_gives_the_company_name():
    assert ("ORG", "زينكو") in _names("وقعت شركة زينكو على اتفاق جديد.", "ar")


def test_quoted_hebrew_outlet_after_report_word():
    assert ("ORG", "הצופה") in _names('כך דווח ב"הצופה" הבוקר.', "he")


def test_persian_province_head_and_light_verb():
    found = _names("استاندار کرمان، حمید ملانوری، با این طرح موافقت کرد.", "fa")
    assert ("LOC", "کرمان") in found
    assert not any(t == "PER" and "موافقت" in n for t, n in found)
