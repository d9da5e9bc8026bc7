"""Arabic/Persian/Hebrew normalisation, tokens with offsets, clitic candidates."""

from tui.text.normalize import clitic_candidates, guess_language, normalise, split_offset, tokenize


def test_alef_hamza_ya_ta_marbuta_fold():
    assert normalise("أحمد") == normalise("احمد") == normalise("إحمد")
    assert normalise("على") == normalise("علي") == normalise("علی")
    assert normalise("غزة") == normalise("غزه")
    assert normalise("كيهان") == normalise("کیهان")


def test_harakat_tatweel_digits_removed_or_folded():
    assert normalise("الجمهوريّة") == normalise("الجمهورية")
    assert normalise("مُحَمَّد") == normalise("محمد")
    assert normalise("بـ") == "ب"
    assert normalise("٢٠٢٦") == normalise("۲۰۲۶") == "2026"


def test_hebrew_niqqud_and_gershayim():
    assert normalise("שָׁלוֹם") == normalise("שלום")
    assert normalise('ארה״ב') == normalise('ארה"ב')
    assert normalise("עראקצ׳י") == normalise("עראקצ'י")


def test_presentation_forms_and_case():
    assert normalise("\ufefb") == normalise("لا")
    assert normalise("Trump") == normalise("TRUMP")


def test_tokens_keep_original_offsets():
    text = "وقال الرئيسُ: ترامب، و«إيران»"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    assert [t.text for t in tokenize(text)] == ["وقال", "الرئيسُ", "ترامب", "و", "إيران"] or \
        [t.text for t in tokenize(text)][:3] == ["وقال", "الرئيسُ", "ترامب"]


def test_zwnj_splits_persian_compounds_and_hebrew_acronyms_stay_whole():
    assert [t.text for t in tokenize("رئیس‌جمهور")] == ["رئیس", "جمهور"]
    assert [t.text for t in tokenize('ארה"ב וצה"ל')] == ['ארה"ב', 'וצה"ל']
    assert [t.text for t in tokenize('דווח ב"הארץ"')] == ["דווח", "ב", "הארץ"]
    assert [t.text for t in tokenize("Iran's")] == ["Iran", "s"]


def test_maqaf_splits_hebrew_words_as_a_hyphen_does():
    # U+05BE is punctuation between words, not a point: תל אביב־יפו gives the tokens תל אביב-יפו gives
    words = lambda text: [t.text for t in tokenize(text)]  # noqa: E731
    assert words("לתל אביב־יפו") == words("לתל אביב-יפו") == ["לתל", "אביב", "יפו"]
    assert words("פרל־מימון") == ["פרל", "מימון"]
    assert words("שָׁלוֹם׃ עוֹלָם׀ טוֹב") == ["שָׁלוֹם", "עוֹלָם", "טוֹב"]  # sof pasuq and paseq are punctuation too
    assert words("דיווח ב־Ynet") == ["דיווח", "ב־Ynet"]  # as ב-Ynet: the entities' reader takes the Latin name


def test_arabic_clitic_candidates():
    stems = [s for _, s in clitic_candidates(normalise("وبالولايات"))]
    assert normalise("الولايات") in stems
    assert (1, normalise("إيران")) in clitic_candidates(normalise("لإيران"))
    assert normalise("الامم") in [s for _, s in clitic_candidates(normalise("للأمم"))]
    assert clitic_candidates(normalise("لبنان"))[0] == (0, normalise("لبنان"))  # unsplit first


def test_hebrew_clitics_restore_swallowed_article():
    stems = [s for _, s in clitic_candidates("לבית")]
    assert "הבית" in stems and "בית" in stems
    assert (2, "ישראל") in clitic_candidates("ובישראל")


def test_split_offset_skips_marks():
    assert split_offset("بـإيران", 1) == 2
    assert split_offset("وَإيران", 1) == 2


def test_guess_language():
    assert guess_language("رئیس‌جمهور ایران گفت که") == "fa"
    assert guess_language("قال الرئيس الإيراني إن") == "ar"
    assert guess_language("ראש הממשלה אמר") == "he"
    assert guess_language("The president said") == "en"
