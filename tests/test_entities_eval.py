"""Document-level precision/recall floor on our own multilingual fixtures."""

from pathlib import Path

import pytest
from entities_eval import (
    BLIND3,
    BLIND4,
    BLIND5,
    BLIND6,
    BLIND7,
    BLIND8,
    BLIND9,
    BLIND10,
    BLIND11,
    BLIND12,
    BLIND13,
    BLIND14,
    BLIND15,
    BLIND16,
    BLIND17,
    BLIND18,
    BLIND19,
    BLIND20,
    BLIND21,
    BLIND22,
    BLIND23,
    BLIND24,
    BLIND25,
    BLIND26,
    BLIND27,
    BLIND28,
    BLIND29,
    BLIND30,
    BLIND31,
    BLIND32,
    BLIND33,
    BLIND34,
    BLIND35,
    BLIND36,
    BLIND37,
    BLIND38,
    BLIND39,
    BLIND40,
    BLIND41,
    BLIND42,
    BLIND43,
    BLIND44,
    BLIND45,
    BLIND46,
    BLIND47,
    BLIND48,
    BLIND49,
    BLIND50,
    BLIND51,
    BLIND52,
    BLIND53,
    BLIND54,
    BLIND55,
    BLIND56,
    BLIND57,
    BLIND58,
    BLIND59,
    BLIND60,
    BLIND61,
    BLIND62,
    BLIND63,
    BLIND64,
    BLIND65,
    BLIND66,
    BLIND67,
    BLIND68,
    BLIND69,
    BLIND70,
    BLIND71,
    FIXTURES,
    HELDOUT,
    MODES,
    evaluate,
)


def test_fixture_corpus_is_big_enough():
    langs = {p.name.split("_")[0] for p in FIXTURES.glob("*.txt")}
    assert len(list(FIXTURES.glob("*.txt"))) >= 12 and {"ar", "fa", "he", "en", "mix"} <= langs


def test_precision_recall_floor():
    p, r, f, _ = evaluate()
    assert p >= 0.85 and r >= 0.85 and f >= 0.88, (p, r, f)


def test_heldout_floor():
    """Held-out corpus: gold written before the engine saw each document.

    Blind scores when first run (before any fix drawn from them): 16 docs P 0.84 R 0.65 F1 0.73;
    a second batch of 6 docs P 0.77 R 0.65 F1 0.71. Fixes since were general rules and public
    table entries, but these documents have now been looked at, so the floor is kept well below
    the current score and the blind numbers above are the honest estimate for unseen news.
    """
    assert len(list(HELDOUT.glob("*.txt"))) >= 12
    p, r, f, _ = evaluate(HELDOUT)
    assert p >= 0.90 and r >= 0.85 and f >= 0.88, (p, r, f)


BLIND3_BEFORE_FIX = """
Third blind batch (13 docs: ar 5, fa 4, he 4; Maghreb, Kuwait, Kurdistan, Hezbollah, Gaza
reconstruction, Tehran bourse, Majlis debate, Afghan refugees, Iranian football, Israeli courts,
Haifa port, Israeli tech, Israeli sport), gold written and committed before the engine ran on it.

Blind scores, before any fix drawn from it:
    ar P 0.84 R 0.74 F1 0.79 | fa P 0.72 R 0.64 F1 0.68 | he P 0.68 R 0.49 F1 0.57
    all P 0.77 R 0.64 F1 0.70
After general rule fixes only (no table entries): all P 0.89 R 0.84 F1 0.87. The tables then
gained real public names, some of which occur in these documents, so the score now (about
0.96) overstates unseen news; the blind line above is the honest estimate. The floor sits
well below the current score.
"""


BLIND4_BEFORE_FIX = """
Fourth blind batch (14 longer wire-style docs, 250-450 words: ar 5, fa 5, he 4; Iraqi oil
contracts, Jordanian local elections, Egypt and the IMF, Houthi shipping attacks, Syria's new
parliament, the IAEA board, Saudi-Iranian talks, Khuzestan dust storms, fuel prices, Arbaeen
crossings, Israeli coalition crisis, hostage talks, Bank of Israel, West Bank settlements),
gold written and committed before the engine ran on it.

Blind scores, before any fix drawn from it:
    ar P 0.82 R 0.75 F1 0.79 | fa P 0.84 R 0.83 F1 0.83 | he P 0.80 R 0.72 F1 0.75
    all P 0.82 R 0.77 F1 0.79
After general rule fixes only (no table entries):
    ar P 0.95 R 0.90 F1 0.92 | fa P 0.96 R 0.94 F1 0.95 | he P 0.97 R 0.90 F1 0.93
    all P 0.96 R 0.91 F1 0.93
The tables then gained about 300 real public names and spellings, several of which occur here, so
the score now (about 0.97) overstates unseen news; the blind line is the honest estimate. The
floor sits well below the current score.
"""


BLIND5_BEFORE_FIX = """
Fifth blind batch (12 wire-style docs, 230-310 words: ar 4, fa 4, he 4; Libyan oil and the central
bank, Tunisia's conspiracy trial, Sudan talks in Jeddah, Iraqi-Turkish water, Iran's Assembly of Experts
by-election, tanker sanctions, Iran's World Cup qualifier, Mashhad's water crisis, the Supreme Court and
the attorney general, Israeli municipal politics, the Lebanese border, doctors' strike in the Negev),
gold written and committed before the engine ran on it.

Blind scores, before any fix drawn from it (gold as first written):
    ar P 0.90 R 0.79 F1 0.84 | fa P 0.82 R 0.84 F1 0.83 | he P 0.83 R 0.76 F1 0.80
    all P 0.85 R 0.80 F1 0.82
The gold then lost four ministries the text names only through a minister's title (against the
corpus convention): all P 0.85 R 0.81 F1 0.83.
After general rule fixes only (no table entries):
    ar P 0.95 R 0.87 F1 0.91 | fa P 0.88 R 0.91 F1 0.89 | he P 0.88 R 0.82 F1 0.85
    all P 0.90 R 0.87 F1 0.88
The tables then gained about 40 real public names, most of which occur here, so the score now (about
0.95) overstates unseen news; the blind line is the honest estimate. The floor sits well below it.
"""


BLIND6_BEFORE_FIX = """
Sixth blind batch (9 wire-style docs: ar 3, fa 3, he 3; Kuwaiti/Omani finances, Algerian gas to
Europe, Iraqi Kurdistan elections, Iranian university internet filtering, provincial governors,
Helmand water; Israeli teachers' strike, housing market, Israeli-Jordanian relations), gold committed
before the engine ran on it. Blind: all F1 0.85 (ar 0.87, fa 0.88, he 0.81), after the gold lost two
municipalities named only through a mayor's title (corpus convention). After rule fixes only:
ar 0.87, fa 0.88, he 0.83 (all 0.86). The tables then gained ~25 real names, most occurring here, so
today's ~0.92 overstates unseen news; the floor sits below it.
"""


BLIND7_BEFORE_FIX = """
Seventh blind batch (9 wire-style docs: ar 3, fa 3, he 3; Moroccan elections, Gulf aviation, Nile
dam talks; Iranian women's football, oil exports to China, the judiciary; Israeli tech layoffs,
police reform, Eilat tourism), gold committed before the engine ran on it. The gold then lost three
bodies named only through an official's title (two ministries via وزير, a municipality via its mayor;
corpus convention). Blind: ar P 0.84 R 0.76 F1 0.80 | fa P 0.83 R 0.89 F1 0.86 | he P 0.87 R 0.68
F1 0.76 | all F1 0.81. After general rule fixes only (today's rules, pre-batch tables): ar P 0.92 R 0.79
F1 0.85 | fa P 0.89 R 0.94 F1 0.91 | he P 0.93 R 0.70 F1 0.80 | all 0.86; most Hebrew misses were
unknown companies and bodies. The tables then gained ~45 real names, most occurring here, so today's
~0.96 overstates unseen news; the blind line is the honest estimate.
"""


BLIND8_BEFORE_FIX = """
Eighth blind batch (15 short docs: ar 5, fa 5, he 5; Cairo football derby, Carthage film awards,
an Amman embezzlement trial, measles in Souss-Massa, Algerian olive oil; Persepolis-Sepahan, Fajr film
awards, a Shiraz housing-fraud trial, flu in Mashhad, Mobarakeh steel and power cuts; Israeli basketball
cup, Ophir awards, a Beersheba hit-and-run sentence, measles in Beit Shemesh, Netanya housing plan),
people's names written for the batch, not taken from the tables; gold committed before the engine ran.
See BLIND8_BEFORE_FIX for the honest numbers; the floor guards what fixes reached since.
After issue 15's generalising rules of the third round (looked at, so optimistic): P 0.93 R 0.90 F1 0.91.
Eighth blind batch, first run, before any fix (engine at 726f108), 15 docs, 228 gold entities:
  [strict]  all P 0.76 R 0.62 F1 0.68 | ar 0.65 fa 0.74 he 0.65 | PER 0.63 ORG 0.70 LOC 0.71
  [default] all P 0.77 R 0.63 F1 0.70 | ar 0.65 fa 0.74 he 0.70 | PER 0.63 ORG 0.74 LOC 0.71
  [lenient] all P 0.88 R 0.72 F1 0.79 | ar 0.77 fa 0.81 he 0.78 | PER 0.74 ORG 0.84 LOC 0.77
"""


def test_match_modes_are_ordered():
    """Strict matching never finds more than the default, and lenient never fewer."""
    scores = [evaluate(BLIND8, mode)[3] for mode in MODES]
    tps = [sum(d.tp for d in docs) for docs in scores]
    assert tps[0] <= tps[1] <= tps[2], tps


BLIND9_BEFORE_FIX = """
Ninth blind batch, written after the rules-as-data, names-at-scale and context work of issue 15
(12 short docs: ar 4, fa 4, he 4; Kuwaiti school buildings, a Lebanese storm, Erbil startups, Dhofar
tourism; the Tabriz metro, Lake Urmia, the konkur results, Kish startups; Haifa-Nahariya rail works, a
Carmel fire, a cyber exit, a Lod murder arrest), 164 gold entities, gold committed before the engine ran.

Before any fix drawn from it (engine at 0ef12e3), the number the README claims:
    [default] all P 0.82 R 0.67 F1 0.74 | ar 0.75 fa 0.78 he 0.68 | PER 0.74 ORG 0.68 LOC 0.79
    [strict]  all F1 0.74            [lenient] all F1 0.77
The engine as it was before issue 15 (726f108) scores F1 0.70 on it (ar 0.75, fa 0.73, he 0.60).
After more hand given names and the title-place split (looked at): F1 0.76.
After issue 15's generalising rules of the third round (looked at, so optimistic): P 0.89 R 0.81 F1 0.84.
"""


BLIND10_BEFORE_FIX = """
Tenth blind batch, written after all of issue 15's work (9 short docs: ar 3, fa 3, he 3; Hajj
trains, Sudanese farmers, a Tunis transport strike, Arbaeen health, Caspian fishing, Isfahan crafts,
the Kinneret, Tel Aviv rents, a Negev solar farm), 113 gold entities, gold committed before the run.

Before any fix drawn from it (engine at 49d7692):
    [default] all P 0.85 R 0.75 F1 0.80 | ar 0.74 fa 0.82 he 0.83 | PER 0.83 ORG 0.75 LOC 0.83
    [strict]  all F1 0.78            [lenient] all F1 0.85
The engine as it was before issue 15 (726f108): F1 0.79 (ar 0.68, fa 0.83, he 0.85). The gain on
unseen news is small; most misses are bodies and places with no head word and no table entry.
After issue 15's generalising rules of the third round (looked at, so optimistic): P 0.93 R 0.80 F1 0.86.
"""


BLIND11_BEFORE_FIX = """
Eleventh blind batch, written after issue 15's rules-as-data and names-at-scale work (12 docs,
150-350 words: ar 4, fa 4, he 4; a Jerash mosaic find, the Casablanca bourse, Basra's medicine
shortage, the Cairo book fair; Hormozgan desalination, Asian wrestling, Baghlan floods in Dari, 5G
operators; Tel Aviv bank shares, a Road 90 crash, vultures, a Petah Tikva budget fight), people's
names written for the batch, 246 gold entities, gold committed to main before the engine ran.
See BLIND11_BEFORE_FIX for the honest numbers; the floor sits a few points below them.
After the round's tuning and the batch-12 classes (looked at, so optimistic): P 0.94 R 0.88 F1 0.91.
Eleventh blind batch, first run, before any fix (engine at 928a46c, main 43afcf9), 12 docs, 246 gold entities:
  [strict]  all P 0.78 R 0.64 F1 0.70 | ar 0.76 fa 0.76 he 0.59 | PER 0.67 ORG 0.67 LOC 0.75
  [default] all P 0.78 R 0.64 F1 0.70 | ar 0.76 fa 0.76 he 0.59 | PER 0.67 ORG 0.67 LOC 0.75
  [lenient] all P 0.86 R 0.70 F1 0.77 | ar 0.81 fa 0.80 he 0.70 | PER 0.70 ORG 0.80 LOC 0.77
The engine as it was before issue 15 (726f108), [default]: all P 0.78 R 0.59 F1 0.67 | ar 0.74 fa 0.72 he 0.55.
"""


BLIND12_BEFORE_FIX = """
Twelfth blind batch (12 docs, ~200-270 words: ar 4, fa 4, he 4; a Saudi cubesat, Algerian waqf
property, a Tabarka jazz festival, athletics in Doha; prisoners freed by a diyeh fund, a Royan
stem-cell result, Afghan cricket in Dari, Tehran's air; a drug shortage, prison crowding, judo, a
Weizmann blood test), 246 gold entities, written before the round's tuning and sealed until it ended.
See BLIND12_BEFORE_FIX for the honest numbers (the README's); the floor sits a few points below them.
After fixing classes of its errors (looked at, so optimistic): P 0.84 R 0.79 F1 0.81 (ar 0.77 fa 0.85 he 0.82).
Twelfth blind batch, written at the start of this round's tuning and kept sealed outside the repository
until the tuning ended; first run, before any fix (engine at 190ec98), 12 docs, 246 gold entities:
  [strict]  all P 0.78 R 0.72 F1 0.75 | ar 0.70 fa 0.81 he 0.74 | PER 0.74 ORG 0.73 LOC 0.77
  [default] all P 0.78 R 0.72 F1 0.75 | ar 0.70 fa 0.81 he 0.74 | PER 0.74 ORG 0.73 LOC 0.77
  [lenient] all P 0.83 R 0.77 F1 0.80 | ar 0.76 fa 0.87 he 0.78 | PER 0.81 ORG 0.79 LOC 0.81
The same batch, [default], with the engine at the start of this round (53e711f): F1 0.70 (ar 0.66, fa 0.75,
he 0.70); with the engine as it was before issue 15 (726f108): F1 0.66.
"""


BLIND13_BEFORE_FIX = """
Thirteenth blind batch (12 docs, ~185-230 words: ar 4, fa 4, he 4; a Port Said dock strike, Moroccan
wheat and bread, a Beirut theatre premiere, a Kuwaiti volleyball final; the Karkheh dam, online retail, a
Herat hospital strike in Dari, a Quran contest with Tajik names; a kibbutz factory sale, a Druze village
council, a cycling time trial, an Armenian Quarter injunction), 256 gold entities, sealed until scored.
See BLIND13_BEFORE_FIX for the honest numbers (the README's); the floor sits a few points below them.
Thirteenth blind batch, written blind by a helper that never read the engine, its tables or earlier batches'
texts, sealed outside the repository while batch 12 was tuned on; first run, before any fix (engine at
91579e4), 12 docs, 256 gold entities:
  [strict]  all P 0.78 R 0.72 F1 0.75
  [default] all P 0.79 R 0.73 F1 0.755 | ar 0.71 fa 0.79 he 0.77 | PER 0.81 ORG 0.72 LOC 0.75
  [lenient] all P 0.86 R 0.80 F1 0.83 | ar 0.78 fa 0.86 he 0.84 | PER 0.85 ORG 0.82 LOC 0.82
The same batch, [default], with the engine at the start of this round (53e711f): F1 0.685 (ar 0.67, fa 0.74,
he 0.63); with the engine as it was before issue 15 (726f108): F1 0.66.
"""


BLIND14_BEFORE_FIX = """
Fourteenth blind batch (15 docs, ~200-250 words: ar 5, fa 5, he 5; an Abu Dhabi fintech round, Girsu
tablets, a gold-well collapse near Atbara, Syrian university admissions, a Gulf handball final; snow on
the Chalus road, a cough-syrup recall, Tehran's electric buses, the chess league, Bamyan tourism in Dari;
Book Week, the Jerusalem Blue Line, a Kiryat Motzkin by-election, a crypto-fraud remand, Wolt couriers at
the labour court), 289 gold entities, sealed until scored. In the model's training data since issue 15's fifth
session (its score here is then optimistic). See BLIND14_BEFORE_FIX; the floor sits a few points below it.
Fourteenth blind batch, written blind by a helper that never read the engine, its tables or earlier batches'
texts, sealed outside the repository while the statistical layer and the larger tables were built; first run,
before any fix (engine at f2594e4: rules + model), 15 docs, 289 gold entities:
  [strict]  all P 0.83 R 0.72 F1 0.77
  [default] all P 0.83 R 0.72 F1 0.77 | ar 0.81 fa 0.74 he 0.77 | PER 0.79 ORG 0.77 LOC 0.77
  [lenient] all P 0.90 R 0.78 F1 0.83 | ar 0.85 fa 0.81 he 0.83 | PER 0.86 ORG 0.85 LOC 0.80
The same batch, [default]: the rules alone at f2594e4 0.758; the engine at the start of this session (69577ca)
0.738; at the start of round two (53e711f) 0.675; before issue 15 (726f108) 0.667.
"""


BLIND15_BEFORE_FIX = """
Fifteenth blind batch (15 docs, ~210-260 words: ar 5, fa 5, he 5; Jordan Valley irrigation cuts, an
Algerian hospital-corruption trial, a Tunisian basketball cup, a Libyan measles campaign, Hadramout floods;
the saffron harvest, Sepahan-Malavan, Afghan university entrance results in Dari, a Tehran bourse rally, the
Fajr music festival; a basketball round, flu wards at Soroka, a Bank of Israel rate cut, an Ashdod council row
over dunes, wild wheat in drought), 324 gold entities, sealed until scored. In the model's training data
since issue 15's fifth session (its score here is then optimistic). See BLIND15_BEFORE_FIX; the floor sits a
few points below it.
Fifteenth blind batch, written blind by a helper that never read the engine, its tables, the tests' fixtures or
earlier batches' texts, sealed outside the repository while session 4 built head-run and rare-word candidates;
first run, before any fix (engine at 09db12b: rules + model), summary only, 15 docs, 324 gold entities:
  [strict]  all P 0.85 R 0.78 F1 0.81
  [default] all P 0.85 R 0.78 F1 0.81 | ar 0.78 fa 0.87 he 0.78 | PER 0.88 ORG 0.82 LOC 0.76
  [lenient] all P 0.90 R 0.83 F1 0.865 | ar 0.83 fa 0.92 he 0.84 | PER 0.91 ORG 0.87 LOC 0.83
The same batch, [default]: the engine after session 4's entity work (d2e9ff2) 0.800 (ar 0.76 fa 0.85 he 0.79);
the rules alone 0.792; the engine at the start of round two (53e711f) 0.719.
"""


BLIND16_BEFORE_FIX = """
Sixteenth blind batch (15 docs, 210-279 words: ar 5, fa 5, he 5; Erbil airport expansion, Nouadhibou
fisheries, a Qatari desalination plant, a Luxor museum opening, a Kuwaiti co-op election; Gilan rice after
floods, a Khuzestan dust storm, a Kerman copper-mine accident, avalanches on the Salang pass in Dari, a
volleyball league match; Eilat port and tourism, water shortage in a Galilee town, a Premier League football
match, start-up layoffs, a Route 90 crash), 298 gold entities. In the model's training data
since issue 15's seventh session (before-fix reading in data/model/before_fix.tsv: main's score on it is
optimistic). See BLIND16_BEFORE_FIX; the floor sits a few points below the untrained score.
Sixteenth blind batch, written blind by a helper that never read the engine, its tables, the tests' fixtures or
the training texts, sealed outside the repository at the start of issue 15's fifth session; scored summary only:
  session-start engine (4589661: rules + model), the honest first number:
  [strict]  all P 0.75 R 0.695 F1 0.721
  [default] all P 0.754 R 0.698 F1 0.725 | ar 0.72 fa 0.76 he 0.70 | PER 0.75 ORG 0.71 LOC 0.73
  [lenient] all P 0.83 R 0.765 F1 0.794
  the rules alone 0.711; after session 5's training on 150 new documents (34aab80) 0.750; main at the end of
  session 5 (ad04574) [default] P 0.820 R 0.701 F1 0.756 (ar 0.71 fa 0.80 he 0.75), strict 0.752, lenient 0.803.
"""


BLIND17_BEFORE_FIX = """
Seventeenth blind batch (15 docs, 212-273 words: ar 5, fa 5, he 5; a Saudi Pro League match, a Tripoli film
festival, a Casablanca real-estate fraud verdict, electricity in Aleppo, the olive harvest near Nablus; the
Zayandeh Rud quota, a Tabriz carpet fair, a Majlis budget debate, a cricket match in Dari, a Mashhad cancer
ward; a Beersheba murder trial, the Ophir awards, a Knesset cost-of-living committee, a chip-company
acquisition, measles in Jerusalem), 367 gold entities. Trained on since session 7 (optimistic now). See
BLIND17_BEFORE_FIX; the floor sits a few points below its score.
Seventeenth blind batch, varied topics, written blind at the start of issue 15's fifth session by a helper that
never read the engine, its tables, the tests' fixtures or the training texts (two training stories close to its
topics were taken out of training before it was scored); sealed outside the repository and scored ONCE at the
end of the session, summary only, with the session's final engine (ad04574) and the session-start engine:
  final engine (ad04574), the honest number:
  [strict]  all P 0.833 R 0.708 F1 0.766
  [default] all P 0.837 R 0.711 F1 0.769 | ar 0.74 fa 0.78 he 0.79 | PER 0.80 ORG 0.78 LOC 0.73
  [lenient] all P 0.891 R 0.757 F1 0.819
  session-start engine (4589661) [default] P 0.799 R 0.703 F1 0.748 (ar 0.74 fa 0.77 he 0.74), strict 0.745,
  lenient 0.806; the final rules alone 0.722.
"""


BLIND18_BEFORE_FIX = """
Eighteenth blind batch (15 docs, 218-269 words: ar 5, fa 5, he 5; an Egypt Cup final, a cybercrime trial in
Amman, the Tunis book fair, cholera in Basra, a Kuwaiti assembly vote on housing loans; a Tehran metro
extension, Persepolis-Sepahan, a Karaj co-op embezzlement trial, Saadi Day in Shiraz, a Khoy earthquake; a
Haifa port stake sale, Maccabi Tel Aviv in the EuroLeague, an Ashdod mayoral race, a Hebrew University
Crohn's finding, a Negev village petition), 314 gold entities. Trained on since session 7 (optimistic now). See
BLIND18_BEFORE_FIX; the floor sits a few points below main's score.
Eighteenth blind batch, written blind at the start of issue 15's sixth session by a helper that never read the
engine, its tables, the tests' fixtures or the training texts; sealed outside the repository, scored summary only
(totals per language and type), used during the session as the guide number:
  session-start engine (d971027: rules + model), the honest first number:
  [strict]  all P 0.810 R 0.720 F1 0.762
  [default] all P 0.810 R 0.720 F1 0.762 | ar 0.82 fa 0.75 he 0.72 | PER 0.83 ORG 0.74 LOC 0.72
  [lenient] all P 0.867 R 0.771 F1 0.816
  the rules alone 0.713; ent's branch 64582a1 (one-word-earlier variants, 216 new training docs) 0.769; main at
  the end of session 6 [default] P 0.827 R 0.729 F1 0.775 (ar 0.80 fa 0.77 he 0.76), strict 0.775, lenient 0.836.
"""


BLIND19_BEFORE_FIX = """
Nineteenth blind batch (15 docs, 214-272 words: ar 5, fa 5, he 5; an Algeria World Cup qualifier, a UAE
satellite launch, an aid convoy in Darfur, a Qatari bank merger, a Sidon waste plant; the freestyle wrestling
nationals, a Kerman copper company's shareholders, rice and floods around Rasht, the Fajr theatre festival, a
Herat border road in Dari; Hapoel Be'er Sheva, Eilat coral and desalination, a pension-fund fraud case, Hebrew
Book Week, a Knesset military-service vote), 334 gold entities. Trained on since session 7 (optimistic now). See
BLIND19_BEFORE_FIX; the floor sits a few points below its score.
Nineteenth blind batch, varied topics, written blind at the start of issue 15's sixth session by a helper that
never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository and
scored ONCE at the end of the session, summary only, with the session's final engine and the session-start one:
  final engine (main at the end of session 6), the honest number:
  [strict]  all P 0.859 R 0.746 F1 0.798
  [default] all P 0.862 R 0.749 F1 0.801 | ar 0.79 fa 0.77 he 0.84 | PER 0.85 ORG 0.79 LOC 0.78
  [lenient] all P 0.900 R 0.781 F1 0.837
  session-start engine (d971027) [default] P 0.858 R 0.743 F1 0.796 (ar 0.80 fa 0.74 he 0.85), strict 0.793,
  lenient 0.835; its rules alone 0.734.
"""


BLIND20_BEFORE_FIX = """
Twentieth blind batch (15 docs, 206-271 words: ar 5, fa 5, he 5; a Saudi women's league match, an oil field
shut in southern Libya, a tomb near Luxor, a wheat ship at Hodeidah, a Mauritanian campaign in Nouadhibou;
pilgrims to Mashhad, a Bandar Abbas shipping line, the Kankor exam in Kabul (Dari), dust and school closures
in Ahvaz, the Ali-Sadr cave; a defence-electronics IPO, the Haredi core-curriculum dispute, rocket-damage
compensation in Kiryat Shmona, the Israel Philharmonic's tour, Maccabi Haifa in Europe), 351 gold entities.
Trained on since session 7 (optimistic now). See BLIND20_BEFORE_FIX; the floor sits a few points below its
untrained score.
Twentieth blind batch, varied topics, written blind during issue 15's sixth session (sealed at 17:17 UTC, while
the engine was being trained) by a helper that never read the engine, its tables, the tests' fixtures or the
training texts; scored ONCE at the end of the session, summary only, with the final and the session-start engine:
  final engine (main at the end of session 6), the honest number:
  [strict]  all P 0.866 R 0.715 F1 0.783
  [default] all P 0.866 R 0.715 F1 0.783 | ar 0.77 fa 0.80 he 0.78 | PER 0.84 ORG 0.76 LOC 0.78
  [lenient] all P 0.931 R 0.769 F1 0.842
  session-start engine (d971027) [default] P 0.801 R 0.675 F1 0.733 (ar 0.72 fa 0.75 he 0.73), strict 0.733,
  lenient 0.810; its rules alone 0.707. Batches 19 and 20 pooled (685 gold): start 0.764, final 0.792.
"""


BLIND21_BEFORE_FIX = """
Twenty-first blind batch (15 docs: ar 5, fa 5, he 5; desalination and water rationing in Tafilah, a Tunisian
handball cup final, a Sudanese refugee convoy, a Kuwaiti food-company listing, a theatre festival in Tripoli;
earthquake relief in Kermanshah, a Tehran startup's funding round, a Herat handicraft fair (Dari), a Pro League
match, a Mazandaran land-grab ruling; a teachers' strike in the north, a find near Beit Shemesh, a biotech trial,
women's EuroCup basketball, a Galilee zoning dispute), 361 gold entities.
Twenty-first blind batch, varied topics, written blind at the start of issue 15's eighth session (04:21-04:38 UTC 3 Dec, before any of its work) by a helper that never read the engine, its tables,
the tests' fixtures or the training texts; sealed outside the repository; scored ONCE, summary only, with the
session-start engine and with the session's final engine (nothing was ever fixed on it):
  final engine (main at the end of session 8), the honest number:
  [strict]  all P 0.883 R 0.753 F1 0.813
  [default] all P 0.883 R 0.753 F1 0.813 | ar 0.81 fa 0.84 he 0.79 | PER 0.86 ORG 0.81 LOC 0.79
  [lenient] all P 0.906 R 0.773 F1 0.834
  session-start engine (7626365) [default] P 0.868 R 0.731 F1 0.794 (ar 0.81 fa 0.82 he 0.76);
  lenient 0.818; its rules alone 0.763.
"""


BLIND22_BEFORE_FIX = """
Twenty-second blind batch (15 docs: ar 5, fa 5, he 5; cholera vaccination in Yemen, a Moroccan chess or athletics
meet, an Egyptian train-collision inquiry, a Baghdad book fair, an Omani port deal; a Tabriz research award, a Kabul
bus line (Dari), qanats in Yazd, Iranian cinema abroad, a Sepahan board election; a contractor's fraud indictment, a
Druze village budget, a startup sale, an Israeli champion abroad, Jerusalem light-rail works), 349 gold entities.
Twenty-second blind batch, varied topics, written blind at the start of issue 15's eighth session (04:21-04:35 UTC 3 Dec, before any of its work) by a helper that never read the engine, its tables,
the tests' fixtures or the training texts; sealed outside the repository; scored ONCE, summary only, with the
session-start engine and with the session's final engine (nothing was ever fixed on it):
  final engine (main at the end of session 8), the honest number:
  [strict]  all P 0.868 R 0.736 F1 0.797
  [default] all P 0.868 R 0.736 F1 0.797 | ar 0.76 fa 0.79 he 0.85 | PER 0.89 ORG 0.77 LOC 0.76
  [lenient] all P 0.932 R 0.791 F1 0.856
  session-start engine (7626365) [default] P 0.863 R 0.705 F1 0.776 (ar 0.74 fa 0.76 he 0.84);
  lenient 0.839; its rules alone 0.724.
"""


BLIND23_BEFORE_FIX = """
Twenty-third blind batch (15 docs: ar 5, fa 5, he 5; the Syrian wheat harvest, foreign trawlers off Nouadhibou, a
leaked exam in Misrata, Palestinian olive oil to Japan, an Algiers derby; a Balkh canal meeting (Dari), an Isfahan
steel AGM, a Tabriz carpet fair, a concert cancelled in Shiraz, Karun pollution; a Knesset bus-lines hearing, a
Carmel forest fire, Eilat hotel workers, a Haredi conscription hearing, Hapoel Beer Sheva basketball), 353 gold
entities.
Twenty-third blind batch, varied topics, written blind early in issue 15's eighth session (04:57-05:06 UTC, after its first rule commits) by a helper that never read the engine, its tables,
the tests' fixtures or the training texts; sealed outside the repository; scored ONCE, summary only, with the
session-start engine and with the session's final engine (nothing was ever fixed on it):
  final engine (main at the end of session 8), the honest number:
  [strict]  all P 0.884 R 0.802 F1 0.841
  [default] all P 0.887 R 0.805 F1 0.844 | ar 0.81 fa 0.87 he 0.85 | PER 0.88 ORG 0.83 LOC 0.84
  [lenient] all P 0.916 R 0.830 F1 0.871
  session-start engine (7626365) [default] P 0.886 R 0.793 F1 0.837 (ar 0.83 fa 0.86 he 0.82);
  lenient 0.864; its rules alone 0.782.
"""


BLIND24_BEFORE_FIX = """
Twenty-fourth blind batch (15 docs: ar 5, fa 5, he 5; a Petra tourism slump, a Jeddah developer case, a wheat silo
in Upper Egypt, Beirut generators, a Sudanese club in the CAF Champions League; a Mashhad metro line, a poet's day
in Neyshabur, a wrestler at the worlds, Kandahar pomegranates (Dari), Lake Urmia; a Nazareth election, a Jerusalem
exhibition, Maccabi Tel Aviv's coach, a defence export deal, Dead Sea sinkholes), 363 gold entities.
Twenty-fourth blind batch, varied topics, written blind during issue 15's eighth session (05:08-05:19 UTC, while the engine was worked on) by a helper that never read the engine, its tables,
the tests' fixtures or the training texts; sealed outside the repository; scored ONCE, summary only, with the
session-start engine and with the session's final engine (nothing was ever fixed on it):
  final engine (main at the end of session 8), the honest number:
  [strict]  all P 0.819 R 0.722 F1 0.767
  [default] all P 0.819 R 0.722 F1 0.767 | ar 0.81 fa 0.77 he 0.73 | PER 0.77 ORG 0.76 LOC 0.78
  [lenient] all P 0.875 R 0.771 F1 0.820
  session-start engine (7626365) [default] P 0.806 R 0.700 F1 0.749 (ar/fa/he pooled with 25: 0.75/0.76/0.77);
  rules alone not run.
"""


BLIND25_BEFORE_FIX = """
Twenty-fifth blind batch (15 docs: ar 5, fa 5, he 5; Al Haouz reconstruction, Erbil-Baghdad oil exports, a UAE space
probe, Sfax olive-oil prices, a Yemeni prisoner swap; the Tehran book fair, schools in Zahedan villages, the Herat-
Khaf railway (Dari), Bushehr plant maintenance, a coach sacked; a Tel Aviv University strike, Soroka's ER, crime in
an Arab town, a Hapoel Jerusalem match, a Nasdaq IPO), 320 gold entities.
Twenty-fifth blind batch, varied topics, written blind during issue 15's eighth session (05:08-05:19 UTC, while the engine was worked on) by a helper that never read the engine, its tables,
the tests' fixtures or the training texts; sealed outside the repository; scored ONCE, summary only, with the
session-start engine and with the session's final engine (nothing was ever fixed on it):
  final engine (main at the end of session 8), the honest number:
  [strict]  all P 0.821 R 0.744 F1 0.780
  [default] all P 0.838 R 0.759 F1 0.797 | ar 0.74 fa 0.81 he 0.84 | PER 0.85 ORG 0.75 LOC 0.81
  [lenient] all P 0.886 R 0.803 F1 0.843
  session-start engine (7626365) [default] P 0.822 R 0.734 F1 0.776 (ar/fa/he pooled with 24: 0.75/0.76/0.77);
  rules alone not run.
"""


BLIND26_BEFORE_FIX = """
Twenty-sixth blind batch (15 docs: ar 5, fa 5, he 5; a Botola match report, a governorate bribery sentencing,
cyclone preparations on Oman's Al Wusta coast, Al-Mutanabbi Street booksellers, an esports tournament in Riyadh;
Zayandeh Rud farmers' protest, Fajr film awards, a wrestler at the worlds, Tabriz carpet exports, a Mashhad
transplant team; a Haifa port strike, a Premier League match report, a Jerusalem fraud verdict, a new Soroka ward,
Tel Aviv bike lanes), 352 gold entities.
Written blind at the start of issue 15's ninth session (07:12-07:22 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 9b9834e at the end of session 9), the honest number:
  [strict]  all P 0.888 R 0.810 F1 0.847
  [default] all P 0.888 R 0.810 F1 0.847 | ar 0.78 fa 0.89 he 0.86 | PER 0.90 ORG 0.81 LOC 0.85
  [lenient] all P 0.913 R 0.832 F1 0.871
  session-start engine (d04562a) [default] P 0.881 R 0.781 F1 0.828; lenient 0.855; its rules alone 0.785.
"""


BLIND27_BEFORE_FIX = """
Twenty-seventh blind batch (15 docs: ar 5, fa 5, he 5; a Tizi Ouzou olive cooperative, a Qatari manuscripts
exhibition, An-Najah student elections, a Libyan oil field shut, a Jordanian basketball semi-final; a Tehran metro
fare rise, Rafsanjan pistachios, Esteghlal in the AFC Champions League, a Hafez commemoration, a Mazar-i-Sharif
clinic (Dari); a Knesset housing hearing, a Tel Aviv art auction, Maccabi Tel Aviv in the EuroLeague, a Carmel
wildfire, Bnei Brak school enrolment), 337 gold entities.
Written blind at the start of issue 15's ninth session (07:12-07:22 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 9b9834e at the end of session 9), the honest number:
  [strict]  all P 0.838 R 0.783 F1 0.810
  [default] all P 0.838 R 0.783 F1 0.810 | ar 0.76 fa 0.87 he 0.80 | PER 0.86 ORG 0.83 LOC 0.75
  [lenient] all P 0.870 R 0.813 F1 0.840
  session-start engine (d04562a) [default] P 0.806 R 0.766 F1 0.785; lenient 0.819; its rules alone 0.730.
"""


BLIND28_BEFORE_FIX = """
Twenty-eighth blind batch (15 docs: ar 5, fa 5, he 5; an Aleppo souq rebuilt, the Bahrain Grand Prix, the rial in
Aden, an Emirati satellite, Mauritanian fishing licences; the Majlis budget commission, pollution school closures,
volleyball's Nations League, a poet's funeral in Rasht, an Iran Khodro recall; Israel's Eurovision selection, Eilat
hotel workers, a Negev village petition, Hapoel Be'er Sheva, Ashkelon desalination), 364 gold entities.
Written blind at the start of issue 15's ninth session (07:12-07:22 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 9b9834e at the end of session 9), the honest number:
  [strict]  all P 0.862 R 0.753 F1 0.804
  [default] all P 0.865 R 0.755 F1 0.806 | ar 0.77 fa 0.83 he 0.82 | PER 0.85 ORG 0.80 LOC 0.79
  [lenient] all P 0.899 R 0.786 F1 0.839
  session-start engine (d04562a) [default] P 0.862 R 0.720 F1 0.784; lenient 0.817; its rules alone 0.724.
"""


BLIND29_BEFORE_FIX = """
Twenty-ninth blind batch (15 docs: ar 5, fa 5, he 5; Sfax municipal elections, a Kuwaiti housing-loans session,
Egyptian medicine prices, the Marrakech film festival, a Saudi Pro League transfer; Kish tourism, a chess
grandmaster abroad, a University of Tehran dorm fire, Ahvaz dust storms, Herat power imports (Dari); cyber-startup
layoffs, the Kinneret's level, the sale of Beitar Jerusalem, a Lod murder trial, the Israel Philharmonic's tour),
331 gold entities.
Written blind at the start of issue 15's ninth session (07:12-07:22 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 9b9834e at the end of session 9), the honest number:
  [strict]  all P 0.890 R 0.810 F1 0.848
  [default] all P 0.890 R 0.810 F1 0.848 | ar 0.87 fa 0.84 he 0.83 | PER 0.92 ORG 0.85 LOC 0.81
  [lenient] all P 0.924 R 0.840 F1 0.880
  session-start engine (d04562a) [default] P 0.882 R 0.789 F1 0.833; lenient 0.858; its rules alone 0.764.
"""


BLIND30_BEFORE_FIX = """
Thirtieth blind batch (15 docs: ar 5, fa 5, he 5; the Kirkuk-Ceyhan pipeline, Beirut depositors' protest, Wadi Rum
tourism, Algeria's squad, a Sudanese gold-mine collapse; women's futsal, Tabriz metro line 2, a judiciary chief's
prison visit, a cancelled Tehran concert, Shahid Rajaee port; Jerusalem's Blue Line, a Maariv poll, Eilat coral
research, the Nof HaGalil budget, a judoka's Grand Slam medal), 336 gold entities.
Written blind at the start of issue 15's ninth session (07:12-07:22 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 9b9834e at the end of session 9), the honest number:
  [strict]  all P 0.908 R 0.821 F1 0.863
  [default] all P 0.908 R 0.821 F1 0.863 | ar 0.85 fa 0.88 he 0.87 | PER 0.91 ORG 0.87 LOC 0.83
  [lenient] all P 0.928 R 0.839 F1 0.881
  session-start engine (d04562a) [default] P 0.870 R 0.774 F1 0.819; lenient 0.844; its rules alone 0.748.
"""


BLIND31_BEFORE_FIX = """
Thirty-first blind batch (15 docs: ar 5, fa 5, he 5; Tawjihi results in Jordan, a Boursa Kuwait listing, the Tozeur
date harvest, a night at the Baalbek festival, Derna reconstruction contracts; Sepahan v Tractor, the Tehran book
fair, Afghan pupils in Mashhad, Lake Urmia's restoration, the Gilan rice harvest; a Knesset Finance Committee vote,
a Hapoel Jerusalem cup final, Dead Sea flash floods, a Herzliya startup sold, an Arab-Jewish school in Jaffa), 342
gold entities.
Written blind at the start of issue 15's tenth session (09:59-10:12 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 6487a49 at the end of session 10), the honest number:
  [strict]  all P 0.900 R 0.819 F1 0.858
  [default] all P 0.904 R 0.822 F1 0.861 | ar 0.81 fa 0.90 he 0.87 | PER 0.88 ORG 0.85 LOC 0.87
  [lenient] all P 0.939 R 0.854 F1 0.894
  session-start engine (cc297eb) [default] P 0.902 R 0.810 F1 0.854; lenient 0.891; its rules alone 0.817.
"""


BLIND32_BEFORE_FIX = """
Thirty-second blind batch (15 docs: ar 5, fa 5, he 5; the New Administrative Capital monorail, Hajj crowds at Mina
and Arafat, Basra's Gulf Cup stadiums, Tanger Med port, the Damascus fair; a Tehran Stock Exchange crash, Kerman
earthquake relief, a weightlifter at the Asian Games, Kankor results in Kabul (Dari), Naqsh-e Jahan handicrafts; a
Home Front Command drill, a defence IPO, Israel's national team abroad, Jerusalem Film Festival winners, a Ramat Gan
Safari elephant), 345 gold entities.
Written blind at the start of issue 15's tenth session (09:59-10:12 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 6487a49 at the end of session 10), the honest number:
  [strict]  all P 0.852 R 0.768 F1 0.808
  [default] all P 0.865 R 0.780 F1 0.820 | ar 0.78 fa 0.86 he 0.83 | PER 0.86 ORG 0.87 LOC 0.74
  [lenient] all P 0.920 R 0.829 F1 0.872
  session-start engine (cc297eb) [default] P 0.863 R 0.768 F1 0.813; lenient 0.862; its rules alone 0.753.
"""


BLIND33_BEFORE_FIX = """
Thirty-third blind batch (15 docs: ar 5, fa 5, he 5; a Louvre Abu Dhabi exhibition, Algerian walis appointed, the
Salalah Khareef, an Al Ahly-Zamalek derby, Ramallah water cuts; a Majlis vote of confidence, Imam Reza shrine
pilgrims, a Haft Tappeh strike, the Herat-Khaf railway (Dari), a satellite launch; the Haifa mayoral race, El Al
pilots, a Hadassah study, Bnei Yehuda v Maccabi Petah Tikva, the Acre theatre festival), 352 gold entities.
Written blind at the start of issue 15's tenth session (09:59-10:12 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 6487a49 at the end of session 10), the honest number:
  [strict]  all P 0.907 R 0.804 F1 0.852
  [default] all P 0.910 R 0.807 F1 0.855 | ar 0.85 fa 0.86 he 0.86 | PER 0.93 ORG 0.83 LOC 0.84
  [lenient] all P 0.942 R 0.835 F1 0.886
  session-start engine (cc297eb) [default] P 0.913 R 0.807 F1 0.857; lenient 0.884; its rules alone 0.786.
"""


BLIND34_BEFORE_FIX = """
Thirty-fourth blind batch (15 docs: ar 5, fa 5, he 5; Sudanese refugees in Chad, Marib fuel prices, Bahrain's
parliament on jobs, rebuilding Al Haouz, the Abu Simbel sun festival; nuclear talks in Muscat, Mobarakeh Steel
exports, the Fajr theatre festival, Sistan and Baluchestan floods, a Balkh women's expo (Dari); a cost-of-living
cabinet meeting, electricity tariffs, Hapoel Holon basketball, the Tower of David museum, Kiryat Shmona
compensation), 346 gold entities.
Written blind at the start of issue 15's tenth session (09:59-10:12 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 6487a49 at the end of session 10), the honest number:
  [strict]  all P 0.871 R 0.798 F1 0.833
  [default] all P 0.874 R 0.801 F1 0.836 | ar 0.82 fa 0.84 he 0.85 | PER 0.85 ORG 0.83 LOC 0.83
  [lenient] all P 0.918 R 0.841 F1 0.878
  session-start engine (cc297eb) [default] P 0.866 R 0.801 F1 0.832; lenient 0.877; its rules alone 0.789.
"""


BLIND35_BEFORE_FIX = """
Thirty-fifth blind batch (15 docs: ar 5, fa 5, he 5; Nineveh election results, Suez Canal revenue, the Palestinian
team before the Asian Cup, Aqaba port, Red Sea tourism; Guardian Council vetting, the Chabahar agreement, table
tennis in Tashkent, Sepahan in the AFC Champions League, Yazd's qanats; a Supreme Court petition, Dead Sea
sinkholes, Maccabi Tel Aviv in the Europa League, the Safed klezmer festival, Atarot industrial zone), 354 gold
entities.
Written blind at the start of issue 15's tenth session (09:59-10:12 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 6487a49 at the end of session 10), the honest number:
  [strict]  all P 0.872 R 0.791 F1 0.830
  [default] all P 0.872 R 0.791 F1 0.830 | ar 0.84 fa 0.82 he 0.83 | PER 0.90 ORG 0.82 LOC 0.80
  [lenient] all P 0.925 R 0.839 F1 0.880
  session-start engine (cc297eb) [default] P 0.871 R 0.782 F1 0.824; lenient 0.872; its rules alone 0.771.
"""


BLIND36_BEFORE_FIX = """
Thirty-sixth blind batch (15 docs: ar 5, fa 5, he 5; a Tunis handball final, a Kuwaiti cassation ruling on a
cooperative, cholera vaccination in Hodeidah, a book award, Khouribga phosphate exports; Persepolis v Foolad in the
Hazfi Cup, a Tehran car-import fraud trial, measles vaccination in Zahedan, Bushehr shrimp farms, Afghanistan's
cricket team (Dari); Hapoel Tel Aviv's promotion race, a Beersheba tax ruling, measles in Beit Shemesh, a Technion
prize, the Galilee olive harvest), 339 gold entities.
Written blind at the start of issue 15's eleventh session (13:00-13:13 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main e6bf16a at the end of session 11), the honest number:
  [strict]  all P 0.873 R 0.811 F1 0.841
  [default] all P 0.883 R 0.820 F1 0.850 | ar 0.82 fa 0.87 he 0.86 | PER 0.90 ORG 0.80 LOC 0.88
  [lenient] all P 0.927 R 0.861 F1 0.893
  session-start engine (4f7da61) [default] P 0.879 R 0.811 F1 0.844; lenient 0.887 (its rules alone, pooled over 36-40: 0.773).
"""


BLIND37_BEFORE_FIX = """
Thirty-seventh blind batch (15 docs: ar 5, fa 5, he 5; a King's Cup final, Chibayish marsh buffaloes, a first
robotic surgery in Jordan, a Lebanese bank probe, the Essaouira Gnawa festival; Mehrabad flight routes, Kermanshah
school retrofits, an Iranian film at Cannes, Torbat saffron prices, Paykan volleyball in Asia; the Jerusalem
Marathon, a journalists' defamation suit, an Ichilov doctors' strike, a bank's quarterly results, Netanya beach
erosion), 335 gold entities.
Written blind at the start of issue 15's eleventh session (13:00-13:13 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main e6bf16a at the end of session 11), the honest number:
  [strict]  all P 0.884 R 0.773 F1 0.825
  [default] all P 0.884 R 0.773 F1 0.825 | ar 0.80 fa 0.84 he 0.84 | PER 0.88 ORG 0.80 LOC 0.82
  [lenient] all P 0.922 R 0.806 F1 0.860
  session-start engine (4f7da61) [default] P 0.883 R 0.767 F1 0.821; lenient 0.859 (its rules alone, pooled over 36-40: 0.773).
"""


BLIND38_BEFORE_FIX = """
Thirty-eighth blind batch (15 docs: ar 5, fa 5, he 5; the Dubai World Cup at Meydan, Sharqia wheat procurement, an
Old Mosul mosque restored, a Nablus poetry evening, Aspire's youth tournament; the Tehran auto show, a Qom pharmacy
ruling, a Damavand rescue, Bam Khatoon in the women's league, Kandahar pomegranates by air (Dari); Kiryat Shmona in
the Toto Cup, a Bazan pollution suit, Shaare Zedek's preemies unit, Habima's season, Modiin light rail), 347 gold
entities.
Written blind at the start of issue 15's eleventh session (13:00-13:13 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main e6bf16a at the end of session 11), the honest number:
  [strict]  all P 0.879 R 0.816 F1 0.846
  [default] all P 0.882 R 0.818 F1 0.849 | ar 0.82 fa 0.86 he 0.86 | PER 0.87 ORG 0.86 LOC 0.82
  [lenient] all P 0.913 R 0.847 F1 0.879
  session-start engine (4f7da61) [default] P 0.870 R 0.790 F1 0.828; lenient 0.864 (its rules alone, pooled over 36-40: 0.773).
"""


BLIND39_BEFORE_FIX = """
Thirty-ninth blind batch (15 docs: ar 5, fa 5, he 5; a Benghazi derby, Kurdistan tomato farmers, a Jeddah real-
estate fraud ruling, an Emirati genome programme, aid through Port Sudan; Gol Gohar Sirjan, a Tehran bazaar fire
trial, infant heart surgery at Shahid Rajaei, the Qeshm geopark, Herat women's workshops (Dari); an Israeli rider in
the Giro, a Nazareth land ruling, Weizmann cancer research, Ashdod port automation, the Tiberias election), 331 gold
entities.
Written blind at the start of issue 15's eleventh session (13:00-13:13 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main e6bf16a at the end of session 11), the honest number:
  [strict]  all P 0.879 R 0.816 F1 0.846
  [default] all P 0.883 R 0.819 F1 0.850 | ar 0.86 fa 0.84 he 0.84 | PER 0.91 ORG 0.85 LOC 0.81
  [lenient] all P 0.896 R 0.831 F1 0.862
  session-start engine (4f7da61) [default] P 0.877 R 0.801 F1 0.837; lenient 0.856 (its rules alone, pooled over 36-40: 0.773).
"""


BLIND40_BEFORE_FIX = """
Fortieth blind batch (15 docs: ar 5, fa 5, he 5; MC Alger champions, the Kafr El Sheikh cotton harvest, a Kuwaiti
youth theatre festival, dengue in Port Sudan, the Masnaa crossing; Golestan sturgeon, Iran's handball team, Rasht
flooding, Mazandaran villa land grabs, Afghan women's online classes (Dari); a Toto Cup tie, a Hebrew language
conference, Meuhedet waiting times, a Sderot cultural centre, Golan Heights Winery exports), 363 gold entities.
Written blind at the start of issue 15's eleventh session (13:00-13:13 UTC 3 Dec, before any of its work) by a helper
that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main e6bf16a at the end of session 11), the honest number:
  [strict]  all P 0.880 R 0.804 F1 0.840
  [default] all P 0.883 R 0.807 F1 0.843 | ar 0.82 fa 0.88 he 0.83 | PER 0.91 ORG 0.80 LOC 0.86
  [lenient] all P 0.937 R 0.857 F1 0.895
  session-start engine (4f7da61) [default] P 0.878 R 0.796 F1 0.835; lenient 0.882 (its rules alone, pooled over 36-40: 0.773).
"""


BLIND41_BEFORE_FIX = """
Forty-first blind batch (15 docs: ar 5, fa 5, he 5; an Omani regatta, a Bahraini cybercrime sentence, a Nouakchott
dialysis centre, a Sharjah calligraphy show, the red palm weevil in Al-Ahsa; Tractor v Mes Rafsanjan, a Mashhad
pyramid-scheme ruling, cochlear implants in Shiraz, a Kurdish music festival in Sanandaj, the Lahijan tea harvest; a
Beitar cup tie, a labour ruling on a supermarket chain, an Alzheimer's trial at Rambam, an Israel Museum exhibition,
Arava date growers), 346 gold entities.
Written blind at the start of issue 15's twelfth session (15:43-15:56 UTC 3 Dec, before any of its work) by a
helper that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the
repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.909 R 0.841 F1 0.874
  [default] all P 0.912 R 0.844 F1 0.877 | ar 0.87 fa 0.93 he 0.83 | PER 0.89 ORG 0.87 LOC 0.88
  [lenient] all P 0.934 R 0.864 F1 0.898
  session-start engine (e5fdd4a + the 4-line crash guard) [default] P 0.912 R 0.835 F1 0.872; lenient 0.896 (its rules alone, pooled over 41-45: 0.806).
"""


BLIND42_BEFORE_FIX = """
Forty-second blind batch (15 docs: ar 5, fa 5, he 5; Al-Faisaly v Al-Wehdat, a Qatari labour appeal, breast-cancer
screening in Oran, a Syrian film at Carthage, Tunisian olive-oil exports; Zob Ahan, a bank-embezzlement sentence
upheld, a cataract camp in Chabahar, Isfahan miniatures, Baghlan coal (Dari); Israel's women's basketball, a
Jerusalem bar-noise ruling, an AI project at Sheba, the Hutzot Hayotzer fair, Sharon avocado exports), 352 gold
entities.
Written blind at the start of issue 15's twelfth session (15:43-15:56 UTC 3 Dec, before any of its work) by a
helper that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the
repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.884 R 0.844 F1 0.863
  [default] all P 0.887 R 0.847 F1 0.866 | ar 0.86 fa 0.89 he 0.84 | PER 0.91 ORG 0.84 LOC 0.87
  [lenient] all P 0.923 R 0.881 F1 0.901
  session-start engine (e5fdd4a + a 4-line guard: as shipped it raised IndexError on one text of blind 42, pooled 41-45 0.848 with that
  text counted empty) [default] P 0.879 R 0.844 F1 0.861; lenient 0.893 (its rules alone, pooled over 41-45: 0.806).
"""


BLIND43_BEFORE_FIX = """
Forty-third blind batch (15 docs: ar 5, fa 5, he 5; the Saudi women's football league, a Moroccan inheritance
ruling, leukaemia care in Basra, the Jerash festival, Egyptian cement exports; Malavan v Nassaji, a Tabriz currency-
exchange ruling, the MAHAK charity, the Isfahan children's film festival, dried fruit through Torkham (Dari); Ironi
Ness Ziona, a Lod planning ruling, an Assuta fertility clinic, a Tel Aviv Museum curator, Hula Valley cranes), 349
gold entities.
Written blind at the start of issue 15's twelfth session (15:43-15:56 UTC 3 Dec, before any of its work) by a
helper that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the
repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.897 R 0.819 F1 0.856
  [default] all P 0.897 R 0.819 F1 0.856 | ar 0.85 fa 0.87 he 0.85 | PER 0.86 ORG 0.84 LOC 0.87
  [lenient] all P 0.915 R 0.837 F1 0.874
  session-start engine (e5fdd4a + the 4-line crash guard) [default] P 0.898 R 0.811 F1 0.852; lenient 0.870 (its rules alone, pooled over 41-45: 0.806).
"""


BLIND44_BEFORE_FIX = """
Forty-fourth blind batch (15 docs: ar 5, fa 5, he 5; Kuwait SC v Qadsia, an Egyptian Economic Court ruling, polio
vaccination in Idlib, a singer at Beiteddine, Haraz coffee; an Iranian archer, a Karaj hoarding trial, an Ardabil
dialysis ward, a Shahriar poetry night, Andkhoy carpet weavers (Dari); Hapoel Petah Tikva, a class action against a
food company, heart surgery at Wolfson, the Jerusalem book forum, Leviathan gas royalties), 340 gold entities.
Written blind at the start of issue 15's twelfth session (15:43-15:56 UTC 3 Dec, before any of its work) by a
helper that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the
repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.878 R 0.824 F1 0.850
  [default] all P 0.881 R 0.826 F1 0.853 | ar 0.87 fa 0.85 he 0.84 | PER 0.86 ORG 0.80 LOC 0.90
  [lenient] all P 0.909 R 0.853 F1 0.880
  session-start engine (e5fdd4a + the 4-line crash guard) [default] P 0.862 R 0.806 F1 0.833; lenient 0.872 (its rules alone, pooled over 41-45: 0.806).
"""


BLIND45_BEFORE_FIX = """
Forty-fifth blind batch (15 docs: ar 5, fa 5, he 5; a Tunisian swimmer at the Arab Games, an Omani labour ruling, a
Kuwaiti diabetes clinic, a Baghdad maqam festival, Taif rose water; Esteghlal v Aluminium Arak, a Yazd textile-
pollution ruling, leishmaniasis in Isfahan villages, a Niavaran calligraphy show, Balkh cotton (Dari); Hapoel Galil
Elyon, a Haifa neighbours' building ruling, Laniado's maternity ward, a Cameri premiere, ICL potash exports), 339
gold entities.
Written blind at the start of issue 15's twelfth session (15:43-15:56 UTC 3 Dec, before any of its work) by a
helper that never read the engine, its tables, the tests' fixtures or the training texts; sealed outside the
repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.905 R 0.814 F1 0.857
  [default] all P 0.908 R 0.817 F1 0.860 | ar 0.83 fa 0.91 he 0.84 | PER 0.90 ORG 0.85 LOC 0.84
  [lenient] all P 0.938 R 0.844 F1 0.888
  session-start engine (e5fdd4a + the 4-line crash guard) [default] P 0.901 R 0.808 F1 0.852; lenient 0.880 (its rules alone, pooled over 41-45: 0.806).
"""


BLIND46_BEFORE_FIX = """
Forty-sixth blind batch (15 docs: ar 5, fa 5, he 5; a Saudi basketball final, a Jordanian cassation dismissal
ruling, hepatitis C screening in Minya, a painter's retrospective in Rabat, Biskra dates; Shahrdari Gorgan
basketball, a Rasht fake-fertiliser ruling, a Dezful thalassaemia centre, the Cinema Verite festival, Nangarhar
onions (Dari); Hapoel Tel Aviv in the EuroCup, a hotel-project appeal in Jerusalem, Meir's stroke unit, the Haifa
film festival, egg prices in the Galilee), 335 gold entities.
Written blind during issue 15's twelfth session (16:03-16:15 UTC 3 Dec) by a helper that never read the
engine's code, its tables, the tests' fixtures or the training texts (by a slip of a line range it saw the
rest of docs/entities.md: the engine's history and scores, no rule or table; its README says so); sealed outside
the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.863 R 0.824 F1 0.843
  [default] all P 0.872 R 0.833 F1 0.852 | ar 0.82 fa 0.89 he 0.84 | PER 0.87 ORG 0.85 LOC 0.85
  [lenient] all P 0.916 R 0.875 F1 0.895
  session-start engine (e5fdd4a) [default] P 0.873 R 0.821 F1 0.846; lenient 0.889 (its rules alone, pooled over 46-50: 0.785).
"""


BLIND47_BEFORE_FIX = """
Forty-seventh blind batch (15 docs: ar 5, fa 5, he 5; Al-Zawraa v Al-Shorta, a Tripoli tenants' ruling, a Saudi
organ-donation centre, the Carthage Theatre Days, SNIM iron ore; Sanat Naft v Chadormalu, a Shiraz fake-certificates
trial, a mobile dental clinic in Kohgiluyeh, a setar workshop in Isfahan, a Kabul bakery cooperative (Dari); Maccabi
Haifa in Europe, a labour ruling on hospital cleaners, a rare disease at Ziv, the Beersheba Theatre's tour, a Kiryat
Gat chip plant), 335 gold entities.
Written blind during issue 15's twelfth session (16:03-16:15 UTC 3 Dec) by a helper that never read the
engine's code, its tables, the tests' fixtures or the training texts; sealed outside
the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.864 R 0.815 F1 0.839
  [default] all P 0.864 R 0.815 F1 0.839 | ar 0.75 fa 0.90 he 0.87 | PER 0.89 ORG 0.83 LOC 0.81
  [lenient] all P 0.902 R 0.851 F1 0.876
  session-start engine (e5fdd4a) [default] P 0.873 R 0.824 F1 0.848; lenient 0.882 (its rules alone, pooled over 46-50: 0.785).
"""


BLIND48_BEFORE_FIX = """
Forty-eighth blind batch (15 docs: ar 5, fa 5, he 5; a Bahraini cyclist in the Tour of Oman, a Kuwaiti nurse's
appointment ruling, a Sohag burns unit, a Ramallah embroidery show, Dhofar frankincense; Iran's fencers, an Ahvaz
pension-fund ruling, Tabriz kidney transplants, a Shahnameh festival in Tus, Herat marble (Dari); Hapoel Kfar Saba,
an airline consumer suit, Barzilai's children's wing, the Israeli Opera, a Galilee dairy plant), 334 gold entities.
Written blind during issue 15's twelfth session (16:03-16:15 UTC 3 Dec) by a helper that never read the
engine's code, its tables, the tests' fixtures or the training texts; sealed outside
the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.904 R 0.847 F1 0.875
  [default] all P 0.904 R 0.847 F1 0.875 | ar 0.87 fa 0.88 he 0.87 | PER 0.91 ORG 0.85 LOC 0.88
  [lenient] all P 0.920 R 0.862 F1 0.890
  session-start engine (e5fdd4a) [default] P 0.897 R 0.838 F1 0.867; lenient 0.892 (its rules alone, pooled over 46-50: 0.785).
"""


BLIND49_BEFORE_FIX = """
Forty-ninth blind batch (15 docs: ar 5, fa 5, he 5; Al-Hilal Omdurman in Africa, a Misrata fuel-smuggling ruling, an
Emirati heart-surgery camp, a Damascus calligrapher, Karbala dates; Mes Kerman v Havadar, a Kermanshah wetland
ruling, a Mashhad autism centre, the Tehran puppet festival, Badakhshan lapis (Dari); an Israeli tennis player, a
multi-level-marketing ruling, an MRI at Hillel Yaffe, the Israel Festival, Jezreel Valley dairy farmers), 330 gold
entities.
Written blind during issue 15's twelfth session (16:03-16:15 UTC 3 Dec) by a helper that never read the
engine's code, its tables, the tests' fixtures or the training texts; sealed outside
the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.892 R 0.827 F1 0.858
  [default] all P 0.892 R 0.827 F1 0.858 | ar 0.85 fa 0.90 he 0.83 | PER 0.90 ORG 0.83 LOC 0.86
  [lenient] all P 0.905 R 0.839 F1 0.871
  session-start engine (e5fdd4a) [default] P 0.884 R 0.809 F1 0.845; lenient 0.867 (its rules alone, pooled over 46-50: 0.785).
"""


BLIND50_BEFORE_FIX = """
Fiftieth blind batch (15 docs: ar 5, fa 5, he 5; Egyptian squash at El Gouna, an Oran developer ruling, a Jordanian
children's cancer ward, a Doha museum loan show, Kasserine esparto crafts; Iran's beach-soccer team, an
administrative-court ruling on a Tehran fine, an Ahvaz burns hospital, a Kerman concert, Khost pine nuts (Dari); a
Maccabi Tel Aviv volleyball final, a couriers' labour ruling, Schneider's cancer centre, Docaviv, Haifa Bay
petrochemicals), 347 gold entities.
Written blind during issue 15's twelfth session (16:03-16:15 UTC 3 Dec) by a helper that never read the
engine's code, its tables, the tests' fixtures or the training texts; sealed outside
the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 29d62f2 at the end of session 12), the honest number:
  [strict]  all P 0.884 R 0.790 F1 0.834
  [default] all P 0.887 R 0.793 F1 0.837 | ar 0.85 fa 0.85 he 0.82 | PER 0.81 ORG 0.87 LOC 0.82
  [lenient] all P 0.919 R 0.821 F1 0.868
  session-start engine (e5fdd4a) [default] P 0.875 R 0.764 F1 0.815; lenient 0.849 (its rules alone, pooled over 46-50: 0.785).
"""


BLIND51_BEFORE_FIX = """
Fifty-first blind batch (15 docs: ar 5, fa 5, he 5; Raja Casablanca in Africa, an Iraqi integrity-court sentence, a
Kuwaiti mental-health hotline, a Sudanese oud concert in Cairo, Mauritanian camel milk; Kheybar Khorramabad, a
Qazvin land-registry forgery ruling, diabetes screening in Zanjan, a Gilaki theatre troupe, Herat saffron (Dari);
Maccabi Netanya v Hapoel Haifa, a crypto-fraud ruling, Poriya's emergency department, the Red Sea Jazz festival, a
Yokneam water-tech listing), 343 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.915 R 0.851 F1 0.882
  [default] all P 0.915 R 0.851 F1 0.882 | ar 0.81 fa 0.94 he 0.89 | PER 0.87 ORG 0.88 LOC 0.89
  [lenient] all P 0.937 R 0.872 F1 0.903
  session-start engine (d05014a) [default] P 0.905 R 0.837 F1 0.870; lenient 0.897 (its rules alone, pooled over 51-55: 0.796).
"""


BLIND52_BEFORE_FIX = """
Fifty-second blind batch (15 docs: ar 5, fa 5, he 5; Al-Sadd v Al-Duhail, an Egyptian custody ruling, premarital
thalassaemia screening in Bahrain, an Iraqi novelist's prize in Kuwait, the Duqm fisheries port; Iran's taekwondo
team, a Bandar Abbas fuel-smuggling ruling, newborn hearing screening in Hamedan, the Tehran Book Garden, Parwan
raisins (Dari); Hapoel Jerusalem in Europe, a ruling against a gym chain, Emek's sleep lab, the Jerusalem Quartet,
an Ashdod logistics centre), 336 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.901 R 0.810 F1 0.853
  [default] all P 0.904 R 0.812 F1 0.856 | ar 0.89 fa 0.87 he 0.82 | PER 0.82 ORG 0.86 LOC 0.87
  [lenient] all P 0.940 R 0.845 F1 0.890
  session-start engine (d05014a) [default] P 0.876 R 0.801 F1 0.837; lenient 0.877 (its rules alone, pooled over 51-55: 0.796).
"""


BLIND53_BEFORE_FIX = """
Fifty-third blind batch (15 docs: ar 5, fa 5, he 5; a Jordanian boxer, a Saudi franchise ruling, a mobile eye clinic
in Hadramawt, a Malouf night in Constantine, Ismailia mangoes; Iran's rowers, a Yazd bus-crash ruling, a Bushehr
cath lab, dotar masters in Bojnurd, Ghor wool (Dari); an Israeli windsurfer, a Haifa crane-collapse ruling, a
Hadassah hospice, an Ashdod Mizrahi music festival, a kibbutz factory sale), 338 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts (by a slip of a
sed range it saw the rest of docs/entities.md: the engine's history and scores, no rule or table; its
README says so); sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.903 R 0.855 F1 0.878
  [default] all P 0.903 R 0.855 F1 0.878 | ar 0.90 fa 0.88 he 0.85 | PER 0.93 ORG 0.87 LOC 0.86
  [lenient] all P 0.931 R 0.882 F1 0.906
  session-start engine (d05014a) [default] P 0.879 R 0.840 F1 0.859; lenient 0.896 (its rules alone, pooled over 51-55: 0.796).
"""


BLIND54_BEFORE_FIX = """
Fifty-fourth blind batch (15 docs: ar 5, fa 5, he 5; Esperance v Club Africain, a Syrian bakery-flour ruling, an
Irbid diabetic-foot clinic, a Palestinian film at El Gouna, Diyala poultry; Iran's para-athletes, a Hamedan
principal's fraud, Lorestan air ambulances, Qajar photographs at Golestan Palace, Hairatan trade (Dari); Bnei
Herzliya, a security-guard labour ruling, Nahariya's rehabilitation ward, the Arab-Hebrew Theatre, Beit She'an fish
ponds), 332 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.877 R 0.834 F1 0.855
  [default] all P 0.883 R 0.840 F1 0.861 | ar 0.83 fa 0.86 he 0.90 | PER 0.90 ORG 0.85 LOC 0.85
  [lenient] all P 0.927 R 0.883 F1 0.904
  session-start engine (d05014a) [default] P 0.879 R 0.849 F1 0.864; lenient 0.900 (its rules alone, pooled over 51-55: 0.796).
"""


BLIND55_BEFORE_FIX = """
Fifty-fifth blind batch (15 docs: ar 5, fa 5, he 5; Al-Wahda v Sharjah, an Algerian pharmaceutical-importer ruling,
a Sabha cancer centre, the Saudi Film Festival, Jordanian phosphate; Iran's football team abroad, a Gorgan feed-
hoarding ruling, MS drug shortages, an Iranian film at Annecy, a Kandahar solar project (Dari); Israel's gymnasts, a
ruling against a landlord, Carmel's geriatric ward, Ein Hod's open day, milk prices), 342 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.864 R 0.816 F1 0.839
  [default] all P 0.870 R 0.822 F1 0.845 | ar 0.84 fa 0.85 he 0.84 | PER 0.92 ORG 0.80 LOC 0.85
  [lenient] all P 0.907 R 0.857 F1 0.881
  session-start engine (d05014a) [default] P 0.857 R 0.804 F1 0.830; lenient 0.869 (its rules alone, pooled over 51-55: 0.796).
"""


BLIND56_BEFORE_FIX = """
Fifty-sixth blind batch (15 docs: ar 5, fa 5, he 5; POLITICS: the Iraqi election law, Zahle's council election,
Jordan's foreign minister and an EU envoy, a Moroccan question session on water, an Egyptian Senate debate; Tehran
council choosing a mayor, Iran's foreign minister in Baku, a Khuzestan governor-general, the Expediency Council on a
banking bill, Taliban-UN talks in Doha (Dari); a Knesset committee on military service, Ra'anana's mayoral race,
Israel's foreign minister in Berlin, the State Comptroller on councils' finances, Arab parties' joint-list talks),
376 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.923 R 0.824 F1 0.871
  [default] all P 0.923 R 0.824 F1 0.871 | ar 0.88 fa 0.83 he 0.90 | PER 0.94 ORG 0.83 LOC 0.88
  [lenient] all P 0.955 R 0.854 F1 0.902
  session-start engine (d05014a) [default] P 0.900 R 0.811 F1 0.853; lenient 0.890 (its rules alone, pooled over 56-57 (politics): 0.837).
"""


BLIND57_BEFORE_FIX = """
Fifty-seventh blind batch (15 docs: ar 5, fa 5, he 5; POLITICS: Libya's House of Representatives in Benghazi, a
Tunisian decree on regional councils, GCC foreign ministers in Riyadh, a Kuwaiti cabinet decision on citizenship,
Syrian-Turkish border-crossing talks; the Majlis on the seventh plan, the Iran-Pakistan border commission, a
reformist party's statement, a Guardian Council briefing, Afghan returnees (Dari); a Knesset committee on the Negev,
Haifa's budget row, the defence minister in Washington, the Histadrut and the finance minister, East Jerusalem
schools), 354 gold entities.
Written blind at the start of issue 15's thirteenth session (18:19-18:35 UTC 3 Dec, before any of its work)
by a helper that never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  final engine (main 584d891 at the end of session 13), the honest number:
  [strict]  all P 0.905 R 0.839 F1 0.871
  [default] all P 0.909 R 0.842 F1 0.874 | ar 0.90 fa 0.86 he 0.86 | PER 0.94 ORG 0.86 LOC 0.87
  [lenient] all P 0.924 R 0.856 F1 0.889
  session-start engine (d05014a) [default] P 0.908 R 0.833 F1 0.869; lenient 0.884 (its rules alone, pooled over 56-57 (politics): 0.837).
"""

BLIND58_BEFORE_FIX = """
Fifty-eighth blind batch (15 docs: ar 5, fa 5, he 5; LOCAL NEWS AND SERVICES: blida aadl housing; constantine sidi rached bridge; aden sheikh othman water; dhamar central market; souq aljuma garbage; tehran tarebar prices; sari tajan bridge; semnan housing units; kunduz drinking water; herat street vendors; kfar saba weizmann works; afula bus reform; rehovot market renovation; harish kindergartens; kiryat ono antenna),
296 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.849 R 0.780 F1 0.813; strict 0.813, lenient 0.849 (its rules alone, pooled over 58-62: 0.765).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.850 R 0.787 F1 0.818
  [default] all P 0.850 R 0.787 F1 0.818 | ar 0.74 fa 0.89 he 0.82 | PER 0.90 ORG 0.88 LOC 0.72
  [lenient] all P 0.880 R 0.814 F1 0.846
"""

BLIND59_BEFORE_FIX = """
Fifty-ninth blind batch (15 docs: ar 5, fa 5, he 5; EDUCATION, SCIENCE AND UNIVERSITIES: zama roman baths; sixieme pilot results; jebel shams comet; oman external scholarships; jordan research fund desalination; astronomy olympiad medals; burnt city seal find; khorasan final exam scores; balkh tepe zargaran dig; takhar teachers unpaid salaries; arugot cave papyrus; mitzpe ramon perseids; wadi ara stem scholarships; kinneret college lake lab; bible quiz nehalim),
346 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.822 R 0.760 F1 0.790; strict 0.787, lenient 0.835 (its rules alone, pooled over 58-62: 0.765).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.822 R 0.760 F1 0.790
  [default] all P 0.822 R 0.760 F1 0.790 | ar 0.76 fa 0.81 he 0.80 | PER 0.85 ORG 0.79 LOC 0.76
  [lenient] all P 0.866 R 0.801 F1 0.832
"""

BLIND60_BEFORE_FIX = """
Sixtieth blind batch (15 docs: ar 5, fa 5, he 5; ENVIRONMENT, WEATHER, AGRICULTURE AND ENERGY: darbandikhan fish cages; mishkhab amber rice; baha torrents; madinah ajwa season; tulkarm factory smoke; miankaleh bird census; damghan pistachio frost; sabzevar solar plant; takhar flash floods; nangarhar olive harvest; carmel coast turtles; lachish wheat fires; karish flaring; yarkon sewage spill; golan wind turbines),
321 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.846 R 0.785 F1 0.814; strict 0.808, lenient 0.847 (its rules alone, pooled over 58-62: 0.765).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.857 R 0.782 F1 0.818
  [default] all P 0.860 R 0.785 F1 0.821 | ar 0.83 fa 0.86 he 0.77 | PER 0.85 ORG 0.85 LOC 0.78
  [lenient] all P 0.894 R 0.816 F1 0.853
"""

BLIND61_BEFORE_FIX = """
Sixty-first blind batch (15 docs: ar 5, fa 5, he 5; CRIME, POLICE, ACCIDENTS AND SOCIETY: banha furniture fire; mansoura missing girl; fnideq chira seizure; kelaat mgouna collective wedding; wakrah garangao night; tehran chaharshanbe suri injuries; sari fake cosmetics workshop; semnan muharram nazri inspections; delaram bus tanker collision; rustaq wedding costs; yavne gambling den raid; kiryat yearim missing student; harish scaffold fall; modiin illit purim er; jordan river crossing tobacco),
311 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.865 R 0.762 F1 0.810; strict 0.803, lenient 0.862 (its rules alone, pooled over 58-62: 0.765).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.888 R 0.762 F1 0.820
  [default] all P 0.895 R 0.768 F1 0.827 | ar 0.81 fa 0.85 he 0.82 | PER 0.83 ORG 0.78 LOC 0.87
  [lenient] all P 0.936 R 0.804 F1 0.865
"""

BLIND62_BEFORE_FIX = """
Sixty-second blind batch (15 docs: ar 5, fa 5, he 5; TECHNOLOGY, BUSINESS, MEDIA AND TOURISM: rak winter hotels; dubai delivery app round; beirut ewallet licence; kuwait chalet rents; kuwait digital billboards; insurtech chatr round; isfahan hotels occupancy; bnpl central bank rules; kabul mobile data prices; kandahar township plots; jerusalem edtech keshev; nazareth hotels pilgrims; bank jerusalem fintech deal; tv ad market quarter; afula housing tender),
320 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.871 R 0.756 F1 0.809; strict 0.809, lenient 0.849 (its rules alone, pooled over 58-62: 0.765).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.884 R 0.762 F1 0.819
  [default] all P 0.884 R 0.762 F1 0.819 | ar 0.78 fa 0.80 he 0.88 | PER 0.87 ORG 0.74 LOC 0.89
  [lenient] all P 0.920 R 0.794 F1 0.852
"""

BLIND63_BEFORE_FIX = """
Sixty-third blind batch (15 docs: ar 5, fa 5, he 5; POLITICS: beheira local council lists; atbara tariff protests; tartus electoral college; kuwait municipal council jahra; kairouan water committee visit; hormozgan musandam ferry; energy commission ardabil gas; steel retirees protest; wardak kuchi jirga; herat khorasan delegation; welfare committee disability bill; tira appointed committee; norwegian law expansion cost; mayors delegation morocco; likud central committee vote),
336 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.928 R 0.842 F1 0.883; strict 0.877, lenient 0.892 (its rules alone, pooled over 63-64 (politics): 0.820).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.910 R 0.842 F1 0.875
  [default] all P 0.913 R 0.845 F1 0.878 | ar 0.86 fa 0.91 he 0.86 | PER 0.94 ORG 0.87 LOC 0.85
  [lenient] all P 0.926 R 0.857 F1 0.890
"""

BLIND64_BEFORE_FIX = """
Sixty-fourth blind batch (15 docs: ar 5, fa 5, he 5; POLITICS: souk sebt council budget; ajloun council capital budget; sulaymaniyah bloc split; shabwa court district director; oman shura budget; ilam council verdict; paydari split; shahrekord new governor; takhar district boundary; vienna opposition meeting; jaljulia council head verdict; montenegro fm visit; tzaad party split; harish menashe boundary; un drylands resolution),
325 gold entities.
Written blind at the start of issue 15's fourteenth session (21:07-21:20 UTC 3 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (b7cd4b8), before any fix, the honest number: [default] P 0.873 R 0.822 F1 0.846; strict 0.843, lenient 0.872 (its rules alone, pooled over 63-64 (politics): 0.820).
  final engine (main 9adb76c at the end of session 14):
  [strict]  all P 0.867 R 0.825 F1 0.845
  [default] all P 0.871 R 0.828 F1 0.849 | ar 0.84 fa 0.81 he 0.88 | PER 0.87 ORG 0.85 LOC 0.84
  [lenient] all P 0.896 R 0.852 F1 0.874
"""

BLIND65_BEFORE_FIX = """
Sixty-fifth blind batch (15 docs: ar 5, fa 5, he 5; SPORT BEYOND FOOTBALL: sudan athletics age fraud; algeria volleyball unpaid wages; iraq basketball double contract; morocco youth swimming record; lebanon girls chess zahle; yazd zurkhaneh nationals; mashhad sprinter doping ban; anzali open water swim; kabul buzkashi final; ardabil youth ski alvares; hapoel holon investors; judo zagreb silver; sderot esports katowice; chess cheating ban; kiryat bialik gymnasts),
321 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.849 R 0.788 F1 0.817; strict 0.814, lenient 0.863 (its rules alone, pooled over 65-69: 0.794).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.852 R 0.788 F1 0.819
  [default] all P 0.852 R 0.788 F1 0.819 | ar 0.82 fa 0.83 he 0.80 | PER 0.88 ORG 0.81 LOC 0.78
  [lenient] all P 0.889 R 0.822 F1 0.854
"""

BLIND66_BEFORE_FIX = """
Sixty-sixth blind batch (15 docs: ar 5, fa 5, he 5; HEALTH AND MEDICINE: mansoura insulin shortage; sfax pharmacies cnam; dhiqar haemorrhagic fever; oman hajj meningitis vaccine; algeria scorpion antivenom; gilan leptospirosis; kurdistan family physicians; hamadan cochlear implants; badakhshan midwives; bamyan tb screening; ness ziona biotech licensing; health basket committee; yoseftal anaesthesia shortage; hod hasharon west nile; leumit recovery plan),
333 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.895 R 0.841 F1 0.867; strict 0.861, lenient 0.907 (its rules alone, pooled over 65-69: 0.794).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.877 R 0.838 F1 0.857
  [default] all P 0.884 R 0.844 F1 0.863 | ar 0.83 fa 0.89 he 0.88 | PER 0.92 ORG 0.79 LOC 0.93
  [lenient] all P 0.928 R 0.886 F1 0.906
"""

BLIND67_BEFORE_FIX = """
Sixty-seventh blind batch (15 docs: ar 5, fa 5, he 5; CULTURE, RELIGION AND HERITAGE: bajrawiya pyramids survey; qarawiyyin manuscripts; samarra malwiya restoration; tlemcen andalusi anthology; qannoubine pilgrimage; ardabil chinikhaneh restoration; qarakelisa armenian pilgrimage; tehran paper prices publishers; kermanshah tekyeh tazieh; ghazni minaret conservation; beit shearim coffins cave; arava publisher acquisition; cinematheque film restoration; netivot baba sali hillula; capernaum tabgha pilgrims),
324 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.845 R 0.741 F1 0.789; strict 0.783, lenient 0.816 (its rules alone, pooled over 65-69: 0.794).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.830 R 0.738 F1 0.781
  [default] all P 0.837 R 0.744 F1 0.788 | ar 0.77 fa 0.80 he 0.78 | PER 0.78 ORG 0.80 LOC 0.78
  [lenient] all P 0.868 R 0.772 F1 0.817
"""

BLIND68_BEFORE_FIX = """
Sixty-eighth blind batch (15 docs: ar 5, fa 5, he 5; ECONOMY, ENERGY AND LABOUR: eloued potato prices; diwaniyah power contract workers; zarqa refinery expansion tender; bekaa litani irrigation; tunisia milk shortage; moghan sugar beet payments; zanjan zinc contract workers; mashhad night water pressure; amirabad port russian wheat; sarepul amu darya oil; yeruham battery recycling round; israel post sorting strike; tomato prices jordan imports; karmiel textile plant closure; fuel price rise),
330 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.908 R 0.842 F1 0.874; strict 0.862, lenient 0.906 (its rules alone, pooled over 65-69: 0.794).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.887 R 0.836 F1 0.861
  [default] all P 0.900 R 0.848 F1 0.874 | ar 0.84 fa 0.88 he 0.90 | PER 0.89 ORG 0.86 LOC 0.88
  [lenient] all P 0.932 R 0.879 F1 0.905
"""

BLIND69_BEFORE_FIX = """
Sixty-ninth blind batch (15 docs: ar 5, fa 5, he 5; COURTS, POLICE AND RIGHTS: tunis blogger appeal; tangier migrant boats; beirut deportation halt; nasiriyah activist assault; kassala emergency lawyers; tabriz weekly suspended; rasht fake summons sms; badakhshan radio closed; sari clinic death appeal; qazvin page admin bail; nafha prisoner visits petition; kiryon mall arrest mahash; solarox ceo plea deal; haifa photographer phone; eilat hotel workers detention),
285 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.895 R 0.839 F1 0.866; strict 0.866, lenient 0.880 (its rules alone, pooled over 65-69: 0.794).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.899 R 0.842 F1 0.870
  [default] all P 0.899 R 0.842 F1 0.870 | ar 0.85 fa 0.89 he 0.87 | PER 0.90 ORG 0.83 LOC 0.90
  [lenient] all P 0.918 R 0.860 F1 0.888
"""

BLIND70_BEFORE_FIX = """
Seventieth blind batch (15 docs: ar 5, fa 5, he 5; POLITICS: rabat pension reform committee; diyala governor vote; keserwan union president; algeria commune code hearings; imbaba byelection runoff; isfahan farmers water rally; article90 haft tappeh report; sanandaj council chair vote; kabul shopkeepers safayi protest; badakhshan poppy eradication protest; petah tikva shabbat shuttles; bedouin villages protest jerusalem; economy committee bank switching; yesha council chair vote; druze kaminitz protest),
330 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.850 R 0.806 F1 0.827; strict 0.824, lenient 0.855 (its rules alone, pooled over 70-71 (politics and diplomacy): 0.787).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.847 R 0.806 F1 0.826
  [default] all P 0.850 R 0.809 F1 0.829 | ar 0.83 fa 0.87 he 0.79 | PER 0.91 ORG 0.81 LOC 0.79
  [lenient] all P 0.879 R 0.836 F1 0.857
"""

BLIND71_BEFORE_FIX = """
Seventy-first blind batch (15 docs: ar 5, fa 5, he 5; DIPLOMACY AND SECURITY: algeria niger border committee; sudan abyei committee; lebanon cyprus boats committee; bouznika libya talks; kuwait iraq khor abdullah; shalamcheh remains exchange; sarakhs turkmen border commission; caspian working group tehran; spin boldak prisoners release; ishkashim tajik border meeting; cyber firm entity list; nsc sinai travel warning; jordan detainee exchange; ambassadors tour western galilee; knesset committee soldiers abroad),
380 gold entities.
Written blind at the start of issue 15's fifteenth session (03:33-03:57 UTC 4 Dec, before any of its work) by a helper that
never read the engine's code, its tables, the tests' fixtures or the training texts; sealed outside the repository;
scored ONCE, summary only, with the session-start engine and with the session's final engine (nothing was ever
fixed on it):
  session-start engine (beeae44), before any fix, the honest number: [default] P 0.880 R 0.808 F1 0.842; strict 0.840, lenient 0.878 (its rules alone, pooled over 70-71 (politics and diplomacy): 0.787).
  final engine (main bc4034e at the end of session 15):
  [strict]  all P 0.871 R 0.800 F1 0.834
  [default] all P 0.874 R 0.803 F1 0.837 | ar 0.80 fa 0.87 he 0.85 | PER 0.89 ORG 0.76 LOC 0.88
  [lenient] all P 0.917 R 0.842 F1 0.878
"""


# Every blind batch: (folder, at least this many documents, precision, recall and F1 floors). What each
# batch holds, when it was written and its honest score before any fix are in its BLINDnn_BEFORE_FIX block
# and its README; a floor guards what fixes reached since (blind 3-40 are trained on, so their scores now
# overstate unseen news; blind 26-35 joined training in session 11 and 36-40 in session 12, after their honest
# scores were recorded; a batch scored for the first time waits in data/model/not_trained.txt until the session
# that wrote it ends).
BLIND_FLOORS = [
    (BLIND3, 12, 0.88, 0.85, 0.88),
    (BLIND4, 14, 0.90, 0.88, 0.90),
    (BLIND5, 12, 0.88, 0.88, 0.90),
    (BLIND6, 9, 0.90, 0.86, 0.89),
    (BLIND7, 9, 0.90, 0.90, 0.92),
    (BLIND8, 15, 0.88, 0.85, 0.87),
    (BLIND9, 12, 0.84, 0.76, 0.80),
    (BLIND10, 9, 0.88, 0.75, 0.82),
    (BLIND11, 12, 0.90, 0.85, 0.88),
    (BLIND12, 12, 0.81, 0.76, 0.78),
    (BLIND13, 12, 0.75, 0.69, 0.72),
    (BLIND14, 15, 0.80, 0.69, 0.74),
    (BLIND15, 15, 0.80, 0.74, 0.77),
    (BLIND16, 15, 0.77, 0.66, 0.72),
    (BLIND17, 15, 0.79, 0.67, 0.73),
    (BLIND18, 15, 0.79, 0.69, 0.74),
    (BLIND19, 15, 0.82, 0.71, 0.76),
    (BLIND20, 15, 0.83, 0.68, 0.75),
    (BLIND21, 15, 0.83, 0.70, 0.76),
    (BLIND22, 15, 0.81, 0.68, 0.74),
    (BLIND23, 15, 0.83, 0.75, 0.79),
    (BLIND24, 15, 0.76, 0.67, 0.71),
    (BLIND25, 15, 0.78, 0.70, 0.74),
    (BLIND26, 15, 0.83, 0.75, 0.79),
    (BLIND27, 15, 0.78, 0.73, 0.75),
    (BLIND28, 15, 0.81, 0.70, 0.75),
    (BLIND29, 15, 0.84, 0.75, 0.79),
    (BLIND30, 15, 0.85, 0.77, 0.81),
    (BLIND31, 15, 0.85, 0.77, 0.81),
    (BLIND32, 15, 0.81, 0.72, 0.77),
    (BLIND33, 15, 0.86, 0.75, 0.80),
    (BLIND34, 15, 0.82, 0.75, 0.78),
    (BLIND35, 15, 0.82, 0.74, 0.77),
    (BLIND36, 15, 0.83, 0.77, 0.80),
    (BLIND37, 15, 0.83, 0.72, 0.77),
    (BLIND38, 15, 0.83, 0.76, 0.79),
    (BLIND39, 15, 0.83, 0.76, 0.79),
    (BLIND40, 15, 0.83, 0.75, 0.79),
    (BLIND41, 15, 0.86, 0.79, 0.82),
    (BLIND42, 15, 0.83, 0.79, 0.81),
    (BLIND43, 15, 0.84, 0.76, 0.80),
    (BLIND44, 15, 0.83, 0.77, 0.80),
    (BLIND45, 15, 0.85, 0.76, 0.81),
    (BLIND46, 15, 0.82, 0.78, 0.80),
    (BLIND47, 15, 0.81, 0.76, 0.78),
    (BLIND48, 15, 0.85, 0.79, 0.82),
    (BLIND49, 15, 0.84, 0.77, 0.80),
    (BLIND50, 15, 0.83, 0.74, 0.78),
    (BLIND51, 15, 0.86, 0.80, 0.83),
    (BLIND52, 15, 0.85, 0.76, 0.80),
    (BLIND53, 15, 0.85, 0.80, 0.82),
    (BLIND54, 15, 0.83, 0.79, 0.81),
    (BLIND55, 15, 0.81, 0.77, 0.79),
    (BLIND56, 15, 0.87, 0.77, 0.82),
    (BLIND57, 15, 0.85, 0.79, 0.82),
    (BLIND58, 15, 0.80, 0.73, 0.76),
    (BLIND59, 15, 0.77, 0.71, 0.73),
    (BLIND60, 15, 0.81, 0.73, 0.77),
    (BLIND61, 15, 0.84, 0.71, 0.77),
    (BLIND62, 15, 0.83, 0.71, 0.76),
    (BLIND63, 15, 0.86, 0.79, 0.82),
    (BLIND64, 15, 0.82, 0.77, 0.79),
    (BLIND65, 15, 0.80, 0.73, 0.76),
    (BLIND66, 15, 0.83, 0.79, 0.81),
    (BLIND67, 15, 0.78, 0.69, 0.73),
    (BLIND68, 15, 0.85, 0.79, 0.82),
    (BLIND69, 15, 0.84, 0.79, 0.81),
    (BLIND70, 15, 0.80, 0.75, 0.77),
    (BLIND71, 15, 0.82, 0.75, 0.78),
]


@pytest.mark.parametrize(("folder", "min_docs", "p_min", "r_min", "f_min"), BLIND_FLOORS,
                         ids=lambda v: getattr(v, "name", ""))
def test_blind_floor(folder: Path, min_docs: int, p_min: float, r_min: float, f_min: float) -> None:
    """Each blind batch keeps its documents and stays above its floors."""
    assert len(list(folder.glob("*.txt"))) >= min_docs
    p, r, f, _ = evaluate(folder)
    assert p >= p_min and r >= r_min and f >= f_min, (p, r, f)
