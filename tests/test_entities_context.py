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


# --- fourth blind batch: general rules, checked on sentences of their own ------------------------------


def test_title_reaches_over_the_body_named_with_lam():
    found = _names('وقعت شركة "نورتك" العقد. وقال المدير التنفيذي لنورتك سامر الحداد إن الشركة ستبدأ.', "ar")
    assert ("PER", "سامر الحداد") in found and ("ORG", "نورتك") in found
    assert not any(t == "PER" and "نورتك" in n for t, n in found)


def test_title_reaches_over_place_and_portfolio():
    assert ("PER", "نادر الكيلاني") in _names("وفاز النائب عن محافظة درعا نادر الكيلاني رئيسا للجنة.", "ar")
    assert ("PER", "سليم الراوي") in _names("وقال وزير الخارجية وشؤون المغتربين سليم الراوي، خلال لقائه", "ar")


def test_organisation_chain_stops_at_ordinal_time_and_noun():
    found = _names("وأقر مجلس الشورى العاشر القانون، وقال إن البنك المركزي الفائدة ثابتة.", "ar")
    assert ("ORG", "مجلس الشورى") in found and ("ORG", "البنك المركزي") in found


def test_back_references_and_generic_bodies_are_not_organisations():
    found = _names("وطالبت بعثة الصندوق بإصلاحات، فيما قالت الشركة المالكة إن الحكومة الأردنية وافقت.", "ar")
    assert not any(t == "ORG" for t, _ in found)


def test_lam_construct_chain_in_organisation_name():
    found = _names("وقال رئيس اللجنة الوطنية لمكافحة الفساد جمال الدباغ إن", "ar")
    assert ("ORG", "اللجنة الوطنية لمكافحة الفساد") in found and ("PER", "جمال الدباغ") in found


def test_role_noun_between_verb_of_saying_and_name():
    assert ("PER", "هالة الزعبي") in _names("وقالت المزارعة هالة الزعبي إن المياه شحيحة.", "ar")
    assert ("PER", "רונית אלקבץ") in _names("אמרה החוקרת רונית אלקבץ כי המצב קשה.", "he")


def test_plural_place_head_lists_places():
    found = _names("وتركزت الأمطار في محافظات جرش وعجلون والعقبة، بحسب الأرصاد.", "ar")
    assert {("LOC", "جرش"), ("LOC", "عجلون"), ("LOC", "العقبة")} <= found
    found = _names("مدارس شهرستان‌های ایذه، باغملک و لالی تعطیل شد.", "fa")
    assert {("LOC", "ایذه"), ("LOC", "باغملک"), ("LOC", "لالی")} <= found


def test_persian_chain_takes_compounds_and_stops_before_verbs():
    # a majlis committee is a nested body: its name with the parliament, the inner name accepted (docs/entities.md)
    found = _names("رئیس کمیسیون بهداشت و درمان مجلس گفت مرکز ملی پیش‌بینی خشکسالی هشدار داد.", "fa")
    assert {("ORG", "کمیسیون بهداشت و درمان مجلس"), ("ORG", "کمیسیون بهداشت و درمان")} & found
    assert ("ORG", "مرکز ملی پیش‌بینی خشکسالی") in found


def test_persian_counted_and_plural_heads_are_not_organisations():
    found = _names("بیش از ۳ هزار نیروی امدادی و شرکت‌های بزرگ در این طرح حضور دارند.", "fa")
    assert not any(t == "ORG" for t, _ in found)


def test_hebrew_swallowed_article_and_construct_chain():
    found = _names("ההחלטה התקבלה בוועדה המוניטרית. חברי מועצת רבני הקהילות אמרו כי", "he")
    assert ("ORG", "הוועדה המוניטרית") in found and ("ORG", "מועצת רבני הקהילות") in found


def test_hebrew_places_with_heads_and_no_article():
    found = _names("המפגינים הגיעו מקיבוץ בארי וממרכז בקעת הירדן, כך מסר ראש המודיעין.", "he")
    assert ("LOC", "קיבוץ בארי") in found and ("LOC", "בקעת הירדן") in found  # (a kibbutz keeps its noun: loc_kept_heads)
    assert not any(t == "LOC" and n in ("מודיעין", "ירדן") for t, n in found)


def test_hebrew_portfolio_after_minister_is_not_a_name():
    found = _names("השר לנושאים אזרחיים יואב קדמי אמר כי", "he")
    assert ("PER", "יואב קדמי") in found and not any("אזרחיים" in n for _, n in found)


def test_dateline_agency_in_brackets_is_an_organisation():
    found = _names("عمّان (بترا) - أعلنت الحكومة اليوم خطة جديدة.", "ar")
    assert ("ORG", "بترا") in found and ("LOC", "عمّان") in found


# --- fifth blind batch: rules drawn from its failures, on sentences of their own ---------------


def test_arabic_given_name_with_nisba_surname_after_title():
    found = _names("وقال المتحدث باسم الوزارة وليد المصري إن الوضع مستقر.", "ar")
    assert ("PER", "وليد المصري") in found


def test_arabic_units_and_descriptions_are_not_organisations():
    found = _names("وقالت غرفة العمليات المركزية إن الطرق مغلقة، وقالت هيئة الدفاع إن المحاكمة باطلة.", "ar")
    assert not any(t == "ORG" for t, _ in found)


def test_arabic_bare_field_name_and_generic_fields():
    found = _names("وقعت الوزارة عقدا لتطوير حقل أرطاوي، وقال إن حقل الغاز سيبدأ الإنتاج.", "ar")
    assert ("LOC", "حقل أرطاوي") in found and not any("الغاز" in n for _, n in found)


def test_arabic_body_name_ends_before_a_new_noun_after_a_l_phrase():
    found = _names("وانتقد الاتحاد العام التونسي للشغل الأحكام بشدة.", "ar")
    assert ("ORG", "الاتحاد العام التونسي للشغل") in found


def test_arabic_title_ending_in_a_known_body_head():
    found = _names("والتقت المبعوثة رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة في طرابلس.", "ar")
    assert ("ORG", "حكومة الوحدة الوطنية") in found


def test_persian_provincial_office_after_title_and_bare_agency():
    found = _names("مدیرکل هواشناسی خوزستان گفت آژانس اعلام کرد که آژانس فضایی ماهواره پرتاب کرد.", "fa")
    assert ("ORG", "هواشناسی خوزستان") in found
    assert sum(1 for t, n in found if t == "ORG" and n.startswith("آژانس")) == 1


def test_persian_idiom_and_two_word_stadium():
    found = _names("تیم ملی در ورزشگاه نقش جهان اصفهان از سد ازبکستان گذشت.", "fa")
    assert ("LOC", "ورزشگاه نقش جهان") in found and not any("سد" in n for _, n in found)


def test_x_platform_is_not_listed():
    found = _names("وكتب الوزير على منصة إكس أن الاتفاق قريب.", "ar") | _names("علی لاریجانی در شبکه اجتماعی ایکس نوشت.", "fa")
    assert not any("إكس" in n or "ایکس" in n for _, n in found)


def test_hebrew_faction_subunit_verbs_and_relative_clauses():
    found = _names('יו"ר סיעת רוב העיר אסף הראל הודיע. לפי חטיבת המחקר של בנק ישראל, בעיר נפגעו בתים. '
                   "אמה של נועה, שאחיה עומר מוחזק בעזה, אמרה כי. הוכרזה שביתה כללית.", "he")
    assert ("ORG", "רוב העיר") in found and ("ORG", "בנק ישראל") in found
    assert not any(n in ("חטיבת המחקר", "נפגעו", "כללית") or "מוחזק" in n for _, n in found)


def test_streets_named_after_people_and_ports_after_martyrs():
    found = _names("وسار المحتجون في شارع الملك فيصل باتجاه السفارة، ثم في شارع الحبيب بورقيبة وسط العاصمة.", "ar")
    assert ("LOC", "شارع الملك فيصل") in found and ("LOC", "شارع الحبيب بورقيبة") in found
    assert not any(t == "PER" for t, _ in found)
    found = _names("تخلیه در بندر شهید رجایی ادامه دارد و صندوق رأی تنها راه است.", "fa")
    assert ("LOC", "بندر شهید رجایی") in found and not any(t == "ORG" for t, _ in found)
