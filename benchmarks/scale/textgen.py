"""Made-up news text for the scale benchmarks, from sentence templates we wrote.

Why templates and not random words: a search index, a language guesser and
an entity engine behave differently on word soup than on prose. Here each
sentence is a short news clause with slots for people, titles, places,
bodies, numbers and days, filled from pools of a few hundred values, so the
vocabulary is varied (tens of thousands of distinct word forms across a
library, with Arabic clitics such as و/ب/ل/ال on many of them) and every
slot value recurs the way names recur in real news.

Nothing here is copied from any article; the names are common given names
and family names combined at random, the places are real cities.
Everything is deterministic for a given ``random.Random``.
"""

# ruff: noqa: SIM905  (word pools read better as one string each)
from __future__ import annotations

import random
from dataclasses import dataclass

# ---------------------------------------------------------------- Arabic --

AR_FIRST = ("محمد أحمد علي حسن خالد عمر يوسف إبراهيم سعيد عبدالله فهد ناصر سلطان طارق ماجد "
            "هشام وليد رامي سامي زياد كريم منصور عادل جمال فيصل مروان باسل نبيل حمزة أنس "
            "فاطمة مريم سارة ليلى هدى نور رنا دينا سلمى عائشة").split()
AR_LAST = ("العلي الحسن الخطيب النجار الحداد الشامي المصري العبيدي الزعبي القاسم الراشد "
           "البلوشي الهاشمي الكعبي المنصوري السعدي التميمي الدوسري العنزي الشمري الحربي "
           "الجبوري الساعدي الكبيسي البزاز الطحان الصباغ العطار الفارس الأيوبي السيد "
           "عبدالرحمن الحمادي الشحي المعمري الرواحي البوسعيدي الغامدي القحطاني").split()
AR_ROLE = ("الرئيس|رئيس الوزراء|وزير الخارجية|وزير المالية|وزير الطاقة|وزير الدفاع|المتحدث باسم الحكومة|"
           "محافظ البنك المركزي|رئيس البرلمان|الأمين العام|المبعوث الأممي|سفير|رئيس بلدية|مدير الشركة|"
           "قائد الشرطة|النائب|الخبير الاقتصادي|المحلل السياسي").split("|")
AR_CITY = ("طهران|القاهرة|بيروت|دمشق|بغداد|الرياض|الدوحة|مسقط|عمان|الكويت|المنامة|أبوظبي|دبي|"
           "صنعاء|عدن|الخرطوم|طرابلس|تونس|الجزائر|الرباط|الدار البيضاء|جدة|البصرة|الموصل|أربيل|"
           "حلب|حمص|صيدا|طرابلس الشام|الإسكندرية|أسوان|إسطنبول|أنقرة|واشنطن|موسكو|بكين|باريس|لندن|"
           "برلين|جنيف|فيينا|نيويورك|تبريز|أصفهان|مشهد|غزة|رام الله|القدس|نابلس|إربد|العقبة").split("|")
AR_COUNTRY = ("إيران|مصر|لبنان|سوريا|العراق|السعودية|قطر|عمان|الكويت|البحرين|الإمارات|اليمن|السودان|"
              "ليبيا|تونس|الجزائر|المغرب|الأردن|تركيا|روسيا|الصين|فرنسا|بريطانيا|ألمانيا|"
              "الولايات المتحدة|الهند|باكستان|إثيوبيا|الصومال|موريتانيا").split("|")
AR_ORG = ("الأمم المتحدة|مجلس الأمن|جامعة الدول العربية|مجلس التعاون الخليجي|البنك الدولي|"
          "صندوق النقد الدولي|الوكالة الدولية للطاقة الذرية|منظمة الصحة العالمية|منظمة أوبك|"
          "الاتحاد الأوروبي|الصليب الأحمر|وزارة الصحة|وزارة التربية|البنك المركزي|شركة النفط الوطنية|"
          "هيئة الطيران المدني|المحكمة العليا|لجنة الانتخابات|نقابة الصحفيين|غرفة التجارة").split("|")
AR_TOPIC = ("المحادثات النووية|أسعار النفط|الموازنة العامة|الانتخابات البرلمانية|أزمة المياه|"
            "الإصلاح الاقتصادي|ملف اللاجئين|الأمن الغذائي|إعادة الإعمار|التبادل التجاري|"
            "أسعار الصرف|قطاع السياحة|مشروع السكك الحديدية|الطاقة المتجددة|الدعم الحكومي|"
            "الحدود البحرية|التغير المناخي|سوق العمل|قطاع الصحة|التعليم الجامعي").split("|")
AR_DAY = "الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|أمس|اليوم|صباح اليوم|مساء أمس".split("|")
AR_VERB = "أعلن|قال|أكد|أوضح|كشف|نفى|حذر|رحب|دعا|أشار".split("|")
AR_UNIT = "مليون دولار|مليار دولار|ألف برميل|طن|بالمئة|كيلومتر|ألف وظيفة|ألف نازح|ميغاواط".split("|")
AR_ADJ = "جديدة|واسعة|طارئة|مشتركة|حاسمة|موسعة|مغلقة|علنية|ثنائية|إقليمية".split("|")
AR_NOUN = "جولة|مفاوضات|اتفاقية|خطة|مبادرة|حملة|قمة|زيارة|صفقة|مناقشات".split("|")

AR_TEMPLATES = (
    "{verb} {role} {person} {day} أن {country} ستشارك في {noun} {adj} حول {topic} في {city}.",
    "وقال {person} في تصريح لوكالة الأنباء إن {org} تتابع {topic} عن كثب.",
    "وأضاف أن حجم الاستثمارات بلغ {num} {unit} خلال العام الماضي.",
    "وشهدت {city} {day} اجتماعا ضم ممثلين عن {org} و{org2} لبحث {topic}.",
    "ويأتي ذلك بعد أسابيع من التوتر بين {country} و{country2} بشأن {topic}.",
    "ونقلت وسائل إعلام محلية عن مصدر مسؤول قوله إن الحكومة ستعلن تفاصيل {noun} خلال أيام.",
    "وتوقع {role} {person} أن ترتفع الأرقام إلى {num} {unit} بحلول عام {year}.",
    "من جهته، {verb} {person} إلى ضرورة التوصل إلى حل يرضي جميع الأطراف.",
    "وكانت {org} قد أصدرت تقريرا في {month} الماضي حذرت فيه من تداعيات {topic}.",
    "وفي {city}، خرج المئات إلى الشوارع للمطالبة بتحسين الخدمات وخفض الأسعار.",
    "ويرى مراقبون أن {noun} المرتقبة في {city} قد تفتح الباب أمام تفاهم {adj}.",
    "وأشار التقرير إلى أن نسبة النمو بلغت {small} بالمئة في الربع الأول.",
    "وبحسب بيانات رسمية، استقبلت {city} أكثر من {num} زائر منذ بداية الموسم.",
    "ولم يصدر عن {org} أي تعليق رسمي حتى ساعة إعداد هذا الخبر.",
    "ووصل {role} {person} إلى {city} في زيارة تستمر {small} أيام يلتقي خلالها كبار المسؤولين.",
    "وأكد البيان أن التعاون مع {country} سيتواصل في مجالات {topic} و{topic2}.",
)
AR_TITLES = (
    "{person} يبحث مع {org} {topic} في {city}",
    "{country} و{country2} تتفقان على {noun} {adj} بشأن {topic}",
    "{num} {unit} حجم {topic} في {country} هذا العام",
    "{role} {person}: {topic} أولوية الحكومة",
    "{noun} {adj} في {city} لبحث {topic}",
    "تحذير من {org} بشأن {topic} في {country}",
    "{city} تستضيف {noun} حول {topic} {day}",
)
AR_MONTHS = "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر".split("|")

# --------------------------------------------------------------- Persian --

FA_FIRST = "علی|محمد|حسین|رضا|مهدی|سعید|حمید|مریم|زهرا|فاطمه|سارا|نرگس|امیر|کاوه|بهرام|شیرین".split("|")
FA_LAST = "احمدی|محمدی|رضایی|حسینی|کریمی|موسوی|جعفری|رحیمی|صادقی|نوری|طاهری|اکبری|کاظمی|قاسمی".split("|")
FA_ROLE = "رئیس‌جمهور|وزیر امور خارجه|وزیر نفت|سخنگوی دولت|رئیس مجلس|استاندار|شهردار|کارشناس اقتصادی".split("|")
FA_CITY = "تهران|مشهد|اصفهان|تبریز|شیراز|اهواز|کرمان|رشت|یزد|قم|بندرعباس|زاهدان|همدان|کرج".split("|")
FA_ORG = "سازمان ملل|آژانس بین‌المللی انرژی اتمی|بانک مرکزی|وزارت بهداشت|مجلس شورای اسلامی|شرکت ملی نفت".split("|")
FA_TOPIC = "مذاکرات هسته‌ای|قیمت ارز|بودجه سال آینده|کم‌آبی|تورم|صادرات غیرنفتی|آلودگی هوا|بازار مسکن".split("|")
FA_TEMPLATES = (
    "{role} {person} روز {day} در {city} گفت که {org} پیگیر {topic} است.",
    "به گزارش خبرگزاری‌ها، {person} اعلام کرد میزان سرمایه‌گذاری به {num} میلیارد تومان رسیده است.",
    "این نشست با حضور نمایندگان {org} در {city} برگزار شد و درباره {topic} گفت‌وگو کردند.",
    "کارشناسان می‌گویند {topic} در ماه‌های آینده مهم‌ترین مسئله دولت خواهد بود.",
    "{person} تأکید کرد که همکاری با {org} ادامه می‌یابد.",
    "بر اساس آمار رسمی، نرخ رشد در {city} به {small} درصد رسید.",
)
FA_TITLES = ("{person}: {topic} اولویت دولت است", "نشست {org} درباره {topic} در {city}",
             "{num} میلیارد تومان برای {topic} در {city}")
FA_DAY = "شنبه|یکشنبه|دوشنبه|سه‌شنبه|چهارشنبه|پنجشنبه|جمعه".split("|")

# --------------------------------------------------------------- English --

EN_FIRST = "John|Maria|David|Sarah|Ahmed|Laura|Peter|Anna|James|Nadia|Omar|Helen|Mark|Lina".split("|")
EN_LAST = "Smith|Haddad|Carter|Nasser|Brown|Khalil|Miller|Rahman|Wilson|Saleh|Taylor|Aziz".split("|")
EN_ROLE = ("President|Foreign Minister|Oil Minister|government spokesman|central bank governor|"
           "UN envoy|opposition leader|energy analyst").split("|")
EN_CITY = ("Tehran|Cairo|Beirut|Baghdad|Riyadh|Doha|Muscat|Amman|Kuwait City|Dubai|Geneva|Vienna|"
           "Washington|London|Paris|Ankara|Jerusalem|Tunis|Algiers|Rabat").split("|")
EN_ORG = ("the United Nations|the Security Council|the IAEA|the World Bank|the IMF|OPEC|the Arab League|"
          "the European Union|the Red Cross|the Gulf Cooperation Council").split("|")
EN_TOPIC = ("nuclear talks|oil prices|the budget deficit|water shortages|refugee returns|grain imports|"
            "currency reform|the ceasefire|port expansion|power cuts|tourism revenue").split("|")
EN_TEMPLATES = (
    "{role} {person} said on {day} that {org} would hold new talks on {topic} in {city}.",
    "Officials in {city} told reporters the figure had reached {num} million dollars this year.",
    "The meeting, attended by delegates from {org}, focused on {topic} and regional trade.",
    "Analysts said the outcome would shape {topic} for months, while {person} urged patience.",
    "According to official data, growth in {city} slowed to {small} percent in the first quarter.",
    "{org} has not commented on the report, which was published on {day}.",
)
EN_TITLES = ("{person} meets {org} on {topic} in {city}", "{city} hosts talks on {topic}",
             "{num} million dollars for {topic}, says {role}")
EN_DAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday".split("|")


@dataclass(frozen=True)
class Pools:
    """The slot values and templates of one language."""

    first: tuple[str, ...]
    last: tuple[str, ...]
    role: tuple[str, ...]
    city: tuple[str, ...]
    country: tuple[str, ...]
    org: tuple[str, ...]
    topic: tuple[str, ...]
    day: tuple[str, ...]
    templates: tuple[str, ...]
    titles: tuple[str, ...]


POOLS = {
    "ar": Pools(tuple(AR_FIRST), tuple(AR_LAST), tuple(AR_ROLE), tuple(AR_CITY), tuple(AR_COUNTRY),
                tuple(AR_ORG), tuple(AR_TOPIC), tuple(AR_DAY), AR_TEMPLATES, AR_TITLES),
    "fa": Pools(tuple(FA_FIRST), tuple(FA_LAST), tuple(FA_ROLE), tuple(FA_CITY), tuple(FA_CITY),
                tuple(FA_ORG), tuple(FA_TOPIC), tuple(FA_DAY), FA_TEMPLATES, FA_TITLES),
    "en": Pools(tuple(EN_FIRST), tuple(EN_LAST), tuple(EN_ROLE), tuple(EN_CITY), tuple(EN_CITY),
                tuple(EN_ORG), tuple(EN_TOPIC), tuple(EN_DAY), EN_TEMPLATES, EN_TITLES),
}


def _slots(rng: random.Random, p: Pools) -> dict[str, str]:
    """One value per slot; called per sentence, so names vary within an article."""
    c = rng.choice
    return {
        "person": f"{c(p.first)} {c(p.last)}", "role": c(p.role), "city": c(p.city),
        "country": c(p.country), "country2": c(p.country), "org": c(p.org), "org2": c(p.org),
        "topic": c(p.topic), "topic2": c(p.topic), "day": c(p.day), "verb": c(AR_VERB),
        "noun": c(AR_NOUN), "adj": c(AR_ADJ), "unit": c(AR_UNIT), "month": c(AR_MONTHS),
        "num": str(rng.randint(2, 9800)), "small": str(rng.randint(2, 14)), "year": str(rng.randint(2026, 2035)),
    }


def title(rng: random.Random, lang: str) -> str:
    p = POOLS[lang]
    return rng.choice(p.titles).format(**_slots(rng, p))


def paragraphs(rng: random.Random, lang: str, words: int) -> list[str]:
    """Paragraphs of 3-5 sentences until about ``words`` words are written."""
    p = POOLS[lang]
    out: list[str] = []
    count = 0
    while count < words:
        para = " ".join(rng.choice(p.templates).format(**_slots(rng, p)) for _ in range(rng.randint(3, 5)))
        count += para.count(" ") + 1
        out.append(para)
    return out
