"""Context rules: trigger words and stop words for names no table knows.

Why these lists exist: news introduces people by office ("وزير الخارجية
التركي هاكان فيدان", "שר החוץ גדעון סער", "President Lula") and organisations
by a head noun ("وزارة الصحة", "حزب العمال"). The word after such a trigger is
very likely a name; the words that end it (prepositions, verbs of saying,
nationality adjectives, punctuation) are a small closed set. Lists are kept
as plain strings and normalised once, so they are easy to extend by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.text.normalize import normalise, tokenize


def _keys(words: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words.split())


def _phrases(lines: str) -> dict[str, list[tuple[str, ...]]]:
    """Index trigger phrases (one per line or ``|``-separated) by first key, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lines.replace("\n", "|").split("|"):
        keys = tuple(t.norm for t in tokenize(phrase))
        if keys:
            out.setdefault(keys[0], []).append(keys)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


# --- person triggers (title words) --------------------------------------------

PER_TRIGGERS_AR = """
الرئيس|رئيس|رئيسة|الرئيسة|رئيس الوزراء|رئيسة الوزراء|رئيس الحكومة|رئيس وزراء|رئيس حكومة|نائب الرئيس
وزير|وزيرة|الوزير|الوزيرة|وزير الخارجية|وزير الدفاع|وزير الداخلية|وزير المالية|وزير الحرب|وزير الخزانة|وزير خارجية|وزير دفاع
المبعوث|مبعوث|المبعوثة|المبعوث الخاص|السفير|سفير|السفيرة|المتحدث|المتحدثة|المتحدث باسم|المتحدثة باسم|الناطق باسم|الناطق
اللواء|العميد|العقيد|المقدم|الرائد|النقيب|الفريق|الفريق أول|المشير|الجنرال|الأدميرال|قائد|القائد|رئيس أركان|رئيس هيئة الأركان
الشيخ|الشيخة|الأمير|الأميرة|الملك|الملكة|ولي العهد|السلطان|الأمين العام|أمين عام|الأمين|المرشد|المرشد الأعلى|الزعيم|زعيم
النائب|السيناتور|عضو الكونغرس|المستشار|مستشار|المستشارة|مساعد|نائب|الدكتور|الدكتورة|د.|السيد|السيدة|الإمام|آية الله|حجة الإسلام
نظيره|نظيرته|نظيرها|نظيرهم|الكاتب|الصحفي|الصحافي|المحلل|الخبير|المراسل|مراسل|المدير|مدير|رئيس بلدية
المحامي|القاضي|القاضية|الحاخام|البابا|الكاردينال|المطران|الداعية|المفتي|مفتي
محافظ|المحافظ|حاكم|الحاكم|برئاسة|بزعامة|بقيادة|القيادي|القيادية|القيادي البارز|عضو|العضو|النقابي|الناشط|الناشطة|الحقوقي|الحقوقية
المعارض|المعارضة|الباحث|الباحثة|الأكاديمي|الأكاديمية|الإعلامي|الإعلامية|اللاعب|المدرب|مدرب|الفنان|الفنانة|الشاعر|الروائي|المخرج
الناشطة المدنية|الناشط المدني|المهندس|المهندسة|المفوض العام|المفوض|المفوضة|المنسق|المنسقة|رئيسها|رئيسه|مديرها|مديره
رجل الأعمال|سيدة الأعمال|المدعي العام|النائب العام|الرئيس التنفيذي|المدير التنفيذي|المدير العام|مدير عام|رئيس مجلس الإدارة
"""
PER_TRIGGERS_FA = """
رئیس‌جمهور|رئیس جمهور|رئیس‌جمهوری|رئیس جمهوری|نخست‌وزیر|نخست وزیر|وزیر|وزیر امور خارجه|وزیر خارجه|وزیر دفاع|وزیر کشور
سخنگوی|سخنگو|سفیر|نماینده|فرمانده|سردار|سرلشکر|سرتیپ|ژنرال|دریابان|امیر|آیت‌الله|آیت الله|حجت‌الاسلام|حجت الاسلام
رهبر|دبیر|دبیرکل|دبیر کل|مشاور|معاون|رئیس|شیخ|آقای|خانم|دکتر|مهندس|همتای|همتایش|فرستاده|فرستاده ویژه|ولیعهد|پادشاه|ملک|امیر|سناتور
استاندار|فرماندار|بخشدار|شهردار|مدیرکل|مدیر کل|مدیرعامل|مدیر عامل|نایب رئیس|نائب رئیس|دادستان|دادستان کل|رئیس کل|قاضی
مهاجم|هافبک|مدافع|دروازه‌بان|گلر|وینگر|اقتصاددان|جامعه‌شناس|استاد|پژوهشگر|سخنگوی|مدیر|نایب‌رئیس
کارشناس|تحلیلگر|خبرنگار|وکیل|فعال|فعال سیاسی|سرهنگ|سرتیپ دوم|دریادار|معاون اول|نماینده ویژه|سرمربی|مربی|بازیکن|کاپیتان|ستاره
"""
PER_TRIGGERS_HE = """
ראש הממשלה|ראש ממשלת|רה"מ|הנשיא|נשיא|נשיאת|שר|השר|שרת|השרה|שר החוץ|שר הביטחון|שר האוצר|שר הפנים|שר המלחמה|שר חוץ
השגריר|שגריר|שגרירת|הרמטכ"ל|רמטכ"ל|יו"ר|ח"כ|חבר הכנסת|חברת הכנסת|דובר|דוברת|הדובר|המזכיר|מזכיר|מזכיר המדינה|מזכ"ל
מנהיג|המנהיג|המנהיג העליון|השליח|שליח|השליח המיוחד|האלוף|אלוף|תא"ל|אל"ם|סא"ל|רס"ן|הגנרל|גנרל|השייח'|שייח'|הרב|מר|גב'|ד"ר|פרופ'|פרופסור
מפקד|ראש|המלך|הנסיך|יורש העצר|האייתוללה|סגן|סגנית|עמיתו|עמיתתו|מקבילו|הכתב|הפרשן|עו"ד|השופט|השופטת|הסנאטור|סנאטור
היועצת המשפטית לממשלה|היועץ המשפטי לממשלה|נגיד|הנגיד|נגידת|מנכ"ל|מנכ"לית|המנכ"ל|ראש עיריית|ראש העיר
השר לביטחון לאומי|השר לביטחון פנים|השרה להגנת הסביבה|השר להגנת הסביבה|השר לענייני ירושלים|השר לשירותי דת|המאמן|מאמן|השחקן|הקפטן
השופטים|השופטות|הגארד|הפורוורד|הסנטר|הקשר|החלוץ|הבלם|השוער|המגן|הבעלים|בעל הקבוצה|בעלת הקבוצה|המייסד|מייסד|שותף|שותפה|היזם|היזמת|הכדורגלן|הכדורסלן
פרופ|המפכ"ל|מפכ"ל|ניצב|תנ"צ|ראש האופוזיציה|מזכיר הממשלה|הפעיל|הפעילה|העיתונאי|העיתונאית|סגן השר|סגנית השר|מ"מ|ממלא מקום
"""
PER_TRIGGERS_EN = """
President|Vice President|Prime Minister|Foreign Minister|Defence Minister|Defense Minister|Minister|Secretary|Secretary of State|Ambassador
Envoy|Special Envoy|Senator|Sen.|Rep.|Representative|Gen.|General|Lt.|Col.|Colonel|Maj.|Major General|Brig.|Adm.|Admiral|Commander
Sheikh|Shaikh|King|Queen|Prince|Crown Prince|Sultan|Emir|Ayatollah|Imam|Rabbi|Pope|Mr.|Mrs.|Ms.|Mr|Mrs|Ms|Dr.|Dr|Professor|Prof.
Chancellor|Governor|analyst|Analyst|Mayor|Speaker|Chief|spokesman|spokeswoman|spokesperson|counterpart|Judge|Justice|leader|chief
"""

# --- organisation heads -------------------------------------------------------

ORG_HEADS_AR = _keys(
    "وزارة حركة حزب وكالة صحيفة قناة مجلس منظمة جامعة شركة هيئة مؤسسة جماعة جبهة كتائب سرايا "
    "مركز معهد بنك مصرف لجنة اتحاد شبكة إذاعة محكمة برلمان ائتلاف تحالف مكتب جمعية نقابة "
    "فيلق لواء ألوية قوات مفوضية مديرية دائرة سلطة صندوق مجموعة تنظيم بعثة جهاز تيار حكومة رابطة أكاديمية "
    "مستشفى مدرسة كلية جائزة شعبة ديوان غرفة كتلة نادي منتدى مرصد شبكة"
)
# The same heads with the article: الحزب الديمقراطي الكردستاني، المجلس الرئاسي، الهيئة الخيرية ...
ORG_AL_HEADS_AR = _keys(
    "الحزب الاتحاد المجلس الهيئة المفوضية الحركة الجبهة المنظمة الجمعية البنك المصرف الصندوق التحالف "
    "الائتلاف التيار الجهاز المؤسسة الشركة الوكالة اللجنة المحكمة الرابطة النقابة الكتلة النيابة "
    "المرصد المركز المعهد الديوان النادي الغرفة المنتدى"
)
# Heads after which one undetermined word is a name: حزب تقدم، منظمة بدر، شركة أرامكو.
ORG_NAME_HEADS_AR = _keys(
    "حزب حركة منظمة تحالف ائتلاف جماعة تيار شركة مجموعة جمعية قناة صحيفة موقع وكالة جهاز فيلق لواء "
    "كتائب سرايا ألوية كتلة بنك مصرف صندوق شبكة إذاعة مجلة نادي"
)
ORG_NAME_ONLY_AR = _keys("شركة")
# Complements that make حركة "traffic/movement of", not a political movement: حركة الشاحنات، حركة الملاحة.
NOT_ORG_AFTER_HARAKA = _keys(
    """الشاحنات الملاحة المرور السير الطيران التجارة النزوح الاحتجاجات البيع الشراء الأسواق العبور الطائرات السفن
    البضائع المسافرين الأموال الأسعار السياحة الاستثمار التداول النقل العودة الهجرة اللاجئين الناقلات القطارات"""
)
HARAKA = _keys("حركة")
# Hospitals and universities are organisations (ORG), never places: مستشفى الشفاء، جامعة القاهرة،
# بیمارستان امام خمینی، בית החולים רמב"ם. Their heads are in the ORG lists only, not in the place lists.
# Heads whose name is a person's: جامعة محمد بن زايد، مستشفى الملك فهد.
ORG_PERSON_HEADS_AR = _keys("جامعة مؤسسة مركز مستشفى مدرسة كلية جائزة مطار قاعدة")
# Heads that, with the article, name an organisation when a nationality follows.
ORG_NISBA_HEADS_AR = _keys("الجيش القوات الخارجية الحكومة البحرية الشرطة الاستخبارات المخابرات الرئاسة البرلمان الحرس")
ORG_HEADS_FA = _keys(
    "وزارت سازمان حزب جنبش خبرگزاری روزنامه شبکه مجلس شورای دانشگاه شرکت بنیاد ستاد نیروی قرارگاه "
    "سپاه گروه کمیته کمیسیون دادگاه بانک اتحادیه انجمن قوه فراکسیون جبهه حزب نهاد صندوق پژوهشگاه هیئت هیات "
    "فدراسیون کنفدراسیون باشگاه لیگ مرکز اداره بورس فرابورس پتروشیمی بیمارستان پژوهشکده "
    "موسسه مؤسسه انجمن اتاق دیوان کانون سندیکا دفتر کمیساریای کمیساریا"
)
ORG_NAME_HEADS_FA = _keys("حزب جبهه شرکت گروه روزنامه خبرگزاری شبکه فراکسیون باشگاه پتروشیمی انجمن موسسه مؤسسه")
ORG_HEADS_HE = _keys(
    "משרד ארגון מפלגת מפלגה תנועת סוכנות עיתון ערוץ מועצת אוניברסיטת חברת בנק ועדת בית רשות "
    "חטיבת פיקוד יחידת גדוד גדודי ארגוני קרן איגוד קבוצת אתר משטרת קופת מכון לשכת וועדת עמותת אגודת "
    "התאחדות מרכז מכבי הפועל בית\"ר עירוני בני הכח מועדון בורסת"
)
# Heads with the article: התנועה לאיכות השלטון, הלשכה המרכזית לסטטיסטיקה.
ORG_AL_HEADS_HE = _keys("התנועה המפלגה הוועדה הרשות הלשכה הקרן האיגוד הארגון המועצה הסוכנות ההתאחדות האגודה "
    "העמותה המכון המרכז הבורסה המשטרה")
# Construct heads after which one or two undetermined words are a name: חברת אלביט מערכות.
ORG_NAME_HEADS_HE = _keys("חברת מפלגת תנועת עיתון ערוץ אתר סוכנות ארגון קבוצת קרן עמותת מכבי הפועל בית\"ר עירוני בני הכח מועדון")
# ... of which only the name is listed: חברת אלביט מערכות -> אלביט מערכות.
ORG_NAME_ONLY_HE = _keys("חברת קבוצת עמותת")
ORG_HEADS_EN = frozenset(
    "Ministry Party Agency Council Organization Organisation Corps Forces Army Brigades Brigade Movement Front "
    "University Institute Bank Company Corp Corporation Inc Group Committee Commission Authority Court Parliament "
    "Assembly Guard Guards News Times Post Journal Network Foundation Association Union League Department Office "
    "Service Navy Command Agency Fund Club Airlines Airways Tribune Herald Press Reuters Television TV Radio "
    """Hospital Center Centre Program Programme Holding Holdings Ratings Exchange Capital Partners Energy Media
    Motors Petroleum Telecom Systems Technologies Industries Bourse Borsa Stock Foundation Institute Daily Gazette Broadcasting
    Airline Agency Unit Brigade Division Federation Confederation Coalition Alliance Bloc Ministry Bureau
    Security Labs Software Robotics Cyber Networks Solutions Therapeutics Pharma Pharmaceuticals Ventures Semiconductor""".split()
)
LOC_HEADS_EN = frozenset(
    "City Province Governorate Strait Gulf Sea River Island Islands Mountains Valley Desert Region Street Square "
    "Camp Peninsula Bay Lake Ocean Canal Heights District County State Border Crossing Airport Port".split()
)
# Words that introduce an outlet name, often quoted: موقع "أكسيوس".
OUTLET_HEADS = _keys(
    "موقع وكالة صحيفة شبكة قناة منصة مجلة إذاعة تلفزيون بوابة "
    "خبرگزاری روزنامه شبکه سایت پایگاه وبسایت "
    "אתר סוכנות עיתון ערוץ רשת"
)

# --- stop words: things that end a name or can never be one -------------------

STOP_AR = _keys(
    """في من على إلى الى عن مع إن أن ان قد لم لن لا ما ماذا الذي التي الذين اللذين هذا هذه ذلك تلك هناك هنا
    كان كانت يكون تكون ليس ليست كل بعض غير بين حول ضد عبر منذ حتى لدى عند خلال بعد قبل أمام وراء تحت فوق
    ثم أو أم بل لكن لكنه كما أيضا فقط حيث إذا اذا لو كي بأن بان وأن وإن فإن لأن إنه أنه انه وقال قال قالت يقول تقول
    أكد وأكد أكدت يؤكد أعلن وأعلن أعلنت أشار وأشار أوضح وأوضح أضاف وأضاف شدد وشدد دعا ودعا طالب التقى والتقى استقبل
    بحث زار وزار وصل غادر ترأس رأى اعتبر حذر وحذر هدد نفى كشف وكشف أفاد ذكر وذكر صرح كتب وكتب وقع أجرى وأجرى تلقى
    ناقش يلتقي يزور سيزور سيلتقي يبحث يجري أمس اليوم غدا يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
    السابق السابقة الأسبق الحالي الحالية الجديد الجديدة المؤقت المنتخب الراحل المخلوع التنفيذي العام الأعلى
    نفسه نفسها ذاته ذاتها هو هي هم نحن أنا أنت بشأن وفق وفقا حسب بحسب نحو إزاء تجاه رغم بينما عندما وقد فقد
    لقد وكان وكانت وهو وهي له لها لهم به بها منه منها عليه عليها إليه فيه فيها معه معها عنه عنها أي أحد إحدى
    الذى مساء صباح ليلة الأسبوع الشهر العام الماضي المقبل الجاري الحالي اتصالا هاتفيا بيان رسالة زيارة لقاء
    مؤتمر مقابلة تصريحات تصريح حديث كلمة خطاب وكالة الإخبارية للأنباء رئيس وزير مع كبار عدد مسؤول مسؤولون مصدر مصادر
    يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
    جلسة إطار اتفاق الاتفاق حرب الحرب السلام سلام الأمن الدولة دولة الدول البلاد المنطقة منطقة الجانب الجانبين
    ضربة عسكرية الحكومة حكومة النظام الشعب العالم الدولي الدولية الوطني الوطنية القومي القومية الإسلامي الإسلامية
    العربي العربية الغربي الغربية الشرقي الشرقية الشمالي الجنوبي الأوسط المتحدة المتحدة الأمريكيين الإسرائيليين
    خارجية دفاع داخلية مالية اقتصاد صحة طاقة نفط تعليم عدل إعلام ثقافة خزانة حرب شؤون الشؤون باسم لدى
    إدارة الإدارة دائرة قسم مكتب الإعلامي الإعلامية الرسمي الرسمية العسكري العسكرية الجمهوري الجمهورية الديمقراطي
    يتابع يرى يعتبر يؤكد يشير يدعو يريد يجب يمكن سيتم تم إنها أنها إنهم أنهم أنه إنه لأنه التابع التابعة التابعين
    المنعقد المنعقدة المكلف المكلفة المستقيل المستقيلة المقال المقالة المنتهية المشتركة المشترك المختص المختصة المعني المعنية
    باسمه باسمها باسمهم عددا أولا ثانيا ثالثا مجددا مؤخرا سابقا لاحقا رسميا حاليا أيضا جدا فورا كذلك حينها آنذاك معا جميعا
    دبلوماسي دبلوماسية دبلوماسيون غربي غربية شرقي شرقية أجنبي أجنبية محلل خبير مراقب شاهد مواطن ناشط
    مسعف ساكن مصدرا مسؤولا دبلوماسيا مطلع مطلعة مقرب مقربة رفيع رفيعة بارز بارزة كبير كبيرة
    شهود مسعفون سكان ناشطون محللون خبراء مراقبون متظاهرون مواطنون الأكبر الأصغر الأكثر الأقل الأول الأولى الثاني الثانية الثالث الأخير الأخيرة وحده وحدها خاصة عامة شخصيا علنا سرا بدوره بدورها بدوري نيابة عشية صباحا مساء ظهر ظهرا فجر فجرا"""
)
STOP_FA = _keys(
    """و در به از با که را این آن برای تا هم نیز گفت گفته گفتند کرد کرده کردند است بود شد شده شود می خود وی او
    ایشان آنها ما من تو یک دو سه روز امروز دیروز فردا شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه
    سابق پیشین جدید کنونی فعلی اعلام اظهار تاکید تأکید افزود نوشت داد دارد دارند کند کنند باید نباید اما ولی
    پس پیش بعد قبل درباره دربارهٔ طی ضمن علیه بین میان نزد برابر سوی طرف حال هر همه چه چرا چگونه کجا
    دیدار گفتگو گفت‌وگو تماس تلفنی سفر نشست جلسه مذاکره مذاکرات توافق جنگ صلح امنیت دولت کشور کشورها منطقه
    خبرگزاری گزارش روزنامه وزارت سازمان شورای امور خارجه دفاع کشورمان جمهوری اسلامی ملی عالی کل ویژه
    اقتصاد کشور نفت بهداشت کشاورزی نیرو صنعت ارتباطات راه آموزش علوم کار دادگستری اطلاعات فرهنگ ورزش میراث
    دولت ستاد کل نیروهای مسلح حکومت رژیم ارسال برگزار تصویب تهیه ارائه دریافت منتشر صادر بررسی
    ای ها های هایی نیز همچنین هفته ماه سال آینده گذشته اخیر گفتگوی دیداری مرزی فنی مشترک موافقت مخالفت
    خواست خواستار داشت گفت افزود نوشت رسید دانست حقوق دیگر نمی پاسخ ارجاع تیم"""
)
FUNCTION_FA = _keys(
    """و در به از با که را این آن برای تا هم نیز است بود شد شده شود می خود وی او هر همه چه اما ولی پس پیش بعد قبل گفت کرد
    ای ها های هایی گزارش ارسال برگزار تصویب تهیه ارائه دریافت منتشر صادر بررسی مرزی فنی مشترک دیگر نمی مانند"""
)
STOP_HE = _keys(
    """של את על עם אל כי אם גם רק כבר עוד לא אין יש זה זו זאת אלה הוא היא הם הן אני אנחנו אתה מה מי איך למה
    אמר אמרה אמרו מסר מסרה מסרו הודיע הודיעה הודיעו מסר מסרה כתב כתבה ציין ציינה הוסיף הוסיפה הבהיר הזהיר נפגש נפגשה ביקר
    שוחח שוחחה התקשר קיים קיימה היום אתמול מחר הבוקר הערב הלילה ראשון שני שלישי רביעי חמישי שישי שבת
    לשעבר החדש החדשה הנוכחי הנוכחית הקודם בין לפני אחרי אחר במהלך נגד לגבי אצל תחת מול ליד בעקבות
    שלו שלה שלהם אותו אותה אותם לו לה להם בו בה כך כן כאשר כש אשר ולכן אבל אך או כמו בשל לאחר
    ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר שיחה שיחת ביקור פגישה הודעה
    ממשלת הממשלה המדינה מדינת השר ראש בכיר בכירים גורם גורמים מקור מקורות דיווח דיווחה לפי כדי
    לשכת ישיבת הסכם ההסכם בראיון בשיחה בהודעה מלחמה המלחמה ביטחון שלום הידיעות
    החליט החליטה החליטו הגיש הגישה הגישו הכריז הכריזה הכריזו הורה הורתה הציע הציעה הצהיר הצהירה התנגד התנגדה אישר אישרה אישרו
    הזהירה הבהירה הגיב הגיבה הגיבו דחה דחתה דחו קרא קראה גינה גינתה הוסיפו ביקש ביקשה דרש דרשה פרסם פרסמה הטיל"""
)
STOP_EN = frozenset(
    """The A An In On At For From With By Of To And But Or If As It Its He She They We You I This That These Those
    His Her Their Our My Your There Here When Where While After Before During Since Until Although Though
    However Meanwhile Also Yet So Then Now Today Yesterday Tomorrow On Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December
    Mr Mrs Ms Dr According Last Next Earlier Later Some Many Most More Several Both Each Every No Not
    What Who Why How Which Whose Would Could Should Will Can May Might Must Did Does Do Is Are Was Were
    Breaking Update Updated Read Watch Photo Video Reporting Editing Copyright All Rights Reserved
    Western Eastern Northern Southern Arab Islamic Muslim Jewish Christian Sunni Shia Shiite
    Minister President Prime Secretary Ambassador Envoy General Spokesman Officials Official
    Senior Former Deputy Chief Head Leader Supreme Analyst Analysts Officials Sources Witnesses Residents Experts
    Police Troops Forces Government Authorities Israelis Palestinians Iranians Americans""".split()
)

# Common words that are still fine inside an organisation's name (مجلس الأمن الدولي).
ORG_MODIFIERS_AR = _keys(
    "الدولية الدولي الوطني الوطنية الإسلامية الإسلامي العربية العربي الأعلى القومي القومية المتحدة الشعب "
    "السلام الأمن الدولة العام العامة الشعبي الشعبية الإعلامي العسكري العسكرية الرسمية للأنباء الديمقراطي "
    "الديمقراطية الجمهوري الجمهورية الاشتراكي الاشتراكية الشيوعي الليبرالي الإخبارية المتحدة"
)

# Words between a title and the name that keep the title "open":
# وزير خارجية إيران ...، وزیر اقتصاد ...، المتحدث باسم ...
PORTFOLIO = _keys(
    """خارجية دفاع داخلية مالية اقتصاد صحة طاقة نفط تعليم عدل إعلام ثقافة خزانة حرب شؤون الشؤون باسم لدى
    اقتصاد کشور نفت بهداشت کشاورزی نیرو صنعت ارتباطات راه آموزش علوم کار دادگستری اطلاعات فرهنگ ورزش میراث
    امور خارجه دفاع کل ستاد السابق سابق پیشین לשעבר اول دوم ارشد ویژه عالی باسمه باسمها باسمهم
    شهرسازی تحقیقات فناوری گردشگری رفاه تعاون جهاد ارشاد مسکن جوانان صمت معدن تجارت دارایی اقتصادی میراث‌فرهنگی"""
)
# Verbs of saying: "وقال X Y إن"، "אמרה X Y כי" (verb first), "X Y، ... گفت" (name first).
SAY_AR = _keys("""قال قالت أكد أكدت أضاف أضافت أوضح أوضحت أشار أشارت صرح صرحت ذكر ذكرت أفاد أفادت تابع تابعت
    اعتبر اعتبرت رأى رأت لفت لفتت شدد شددت كشف كشفت حذر حذرت يقول تقول أعرب أعربت نفى نفت رد ردت""")
SAY_FA = _keys("گفت گفته افزود نوشت اظهار تاکید تأکید اعلام")
SAY_HE = _keys("""אמר אמרה הוסיף הוסיפה ציין ציינה הבהיר הבהירה טען טענה מסר מסרה כתב כתבה סיפר סיפרה הזהיר הזהירה
    התריע התריעה הודה הודתה הסביר הסבירה""")
SAY = {"ar": SAY_AR, "fa": SAY_FA, "he": SAY_HE}
# Titles that are also given names (امیر قلعه‌نویی): a person's first word before "، title".
GIVEN_TITLES = _keys("امیر امير")

# Place heads: the name follows (بلدة الخيام -> الخيام), or the head is part of it (قصر بعبدا).
LOC_NAME_HEADS_AR = _keys("بلدة مدينة قرية مخيم محافظة ولاية إقليم حي ريف بلدات قضاء ناحية مدينتي بلدتي قريتي منطقة بلدية")
LOC_FULL_HEADS_AR = _keys("قصر مطار ميناء معبر سجن جبل وادي سهل ملعب ساحة شارع")
# Geographic heads that are part of the name even before a known place: خليج عدن، جزيرة كريت.
LOC_GEO_HEADS_AR = _keys("خليج بحر مضيق جزيرة جزر نهر بحيرة سد حقل")
# Persian light verbs: the word before one is a noun of the verb (موافقت کردند), not a name.
LIGHT_VERBS_FA = _keys("کرد کردند کرده کند کنند کردن شد شدند شده شود شوند داد دادند داده دهد دهند گرفت گرفتند است اند بود بودند باشد")
SUFFIXES_FA = _keys("ها های هایی ای ام اش")
LOC_NAME_HEADS_FA = _keys("استان شهرستان شهر روستای روستا شهرک ولایت مرز بندر منطقه")
LOC_FULL_HEADS_FA = _keys("رود رودخانه سد تنگه دریاچه دریای خلیج جزیره کوه میدان بازارچه گذرگاه ورزشگاه استادیوم فرودگاه")
LOC_NAME_HEADS_HE = _keys("העיר העיירה הכפר היישוב המושב הקיבוץ מחוז נפת שכונת שכונה מחנה צומת")
COMPASS_FA = _keys("شمالی جنوبی شرقی غربی مرکزی")
# Time words end a Persian name or organisation: مجلس شورای اسلامی روز یکشنبه
TIME_FA = _keys("روز امروز دیروز فردا شب امشب صبح عصر شامگاه بامداد هفته ماه سال ساعت")
# Words after which a given name belongs to an institution's name: دانشگاه امام صادق، بیمارستان شهید بهشتی
HONORIFIC_FA = _keys("امام شهید حضرت آیت‌الله آیت")
# Words before a quoted Hebrew title that make it an outlet: כך דווח ב"הארץ", אמר ל"כאן".
REPORT_HE = _keys("דווח דיווח פורסם נמסר נכתב אמר אמרה אמרו סיפר סיפרה התראיין התראיינה בראיון ציטט כך לפי הודיע הודיעה מסר מסרה")
# First words of two-word place names: بيت حانون، كفر كلا، دير البلح
PLACE_PREFIX_AR = _keys("بيت كفر دير عين تل خان بني بنت رأس أبو أم بئر جسر باب شمال جنوب شرق غرب وسط")
FUNCTION_AR = _keys(
    """في من على إلى الى عن مع إن أن ان قد لم لن لا ما الذي التي هذا هذه ذلك تلك كل بعض غير بين حول ضد عبر منذ
    حتى لدى عند خلال بعد قبل ثم أو بل لكن كما حيث إذا التي الذي وهو وهي له لها"""
)

# Name-internal connectors: never a name alone, never the last word of a name.
CONNECTORS = _keys("بن ابن بنت آل أبو ابو أبي ابي أم عبد ولد بو בן בר אבו")
CONNECTORS_EN = frozenset("bin ibn bint al el abu de da di del van von der la le du ben".split())


# Given names that are rarely anything else: a given name plus a name-like word is a person
# even with no title ("... بحسب ما قال يوسف الحمادي"). Ambiguous ones (حسن good, علي/على,
# אריה lion, חיים life) are left out.
GIVEN_AR = _keys(
    """محمد محمود مصطفى يوسف إبراهيم خالد عمر عثمان طارق وليد هشام ماجد فيصل نبيل سامي رامي زياد عماد أيمن ياسر
    ياسين هاني مازن سمير منير رشاد نزار غسان وائل فادي شادي فؤاد عباس حمزة بلال أنس معاذ إياد أسامة فهد مروان
    كريم زينب فاطمة مريم هدى رانيا سارة نادية سعاد رشا ريم لينا دينا هالة يحيى أحمد عبدالله عبدالرحمن عبدالعزيز عبدالكريم
    عبدالحميد عبدالفتاح عبدالمجيد عبداللطيف عبدالرحيم عبدالسلام جبران جورج ميشال ميشيل إيلي شربل بطرس أنطوان طوني سليمان
    داود موسى عيسى إسماعيل إسحاق يعقوب صلاح حسام عصام هيثم مهدي جواد مجيد حميد رضا قاسم جعفر كاظم مرتضى مجتبى حيدر""")
GIVEN_FA = _keys(
    """محمد علی حسین حسن رضا مهدی احمد محمود مصطفی ابراهیم جواد مجید حمید اکبر اصغر کاظم جعفر عباس مرتضی مجتبی سجاد
    میثم حمیدرضا علیرضا محمدرضا غلامرضا غلامحسین محمدجواد محمدباقر محمدحسین محمدعلی محمدمهدی اسماعیل یوسف کامران بهرام
    فرهاد داریوش بیژن فاطمه زهرا مریم معصومه زینب نرگس سمیه لیلا شهرام پرویز هوشنگ بهروز فریدون کیوان سیامک مهرداد پیمان
    ابوالفضل احمدرضا حمیدرضا امیرحسین سعید مسعود وحید نادر ناصر قاسم کاظم صادق محمدحسن علی‌اکبر علی‌رضا
    حجت‌الله روح‌الله نعمت‌الله امیرعلی محمدامین فاطمه سارا نسرین شیرین مینا رضوان ستار""")
GIVEN_HE = _keys(
    """משה יוסף אברהם יצחק יעקב דוד שמעון ראובן אביחי אבי יוסי מיכל אורי איתי גדעון אהוד אליהו עלי מוחמד מוחמד חסן
    חוסיין אחמד מחמוד עבדאללה נפתלי אביגדור בצלאל איתמר אופיר יאיר אמיר רועי עידו גלעד שלמה יהודה מרדכי אליעזר
    יונתן נתן דניאל מיכאל גבריאל רפאל שרון רונית אורית יעל תמר שירה נועה מאיר ברק עמרי אסף ארנון יגאל יגאל צבי
    רונן אלי עודד דפנה אלונה שאול עופר חאלד איברהים אליאור שון עומר ג'ימי אהרון יונה רוני דורון""")
GIVEN = {"ar": GIVEN_AR, "fa": GIVEN_FA | GIVEN_AR, "he": GIVEN_HE}


@lru_cache(maxsize=1)
def triggers() -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """Person triggers per language, indexed by first key."""
    return {
        "ar": _phrases(PER_TRIGGERS_AR),
        "fa": _phrases(PER_TRIGGERS_FA + "|" + PER_TRIGGERS_AR),
        "he": _phrases(PER_TRIGGERS_HE),
        "en": _phrases(PER_TRIGGERS_EN),
    }


# Folding ى to ي makes the preposition على the name علي (Ali): keep it out of the
# folded stop list and test the written form instead (see :func:`is_stop`).
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_STOP_AR_FOLDED = STOP_AR - {normalise("على")}
_STOP_BY_LANG = {"ar": _STOP_AR_FOLDED, "fa": STOP_FA | _STOP_AR_FOLDED, "he": STOP_HE}


def stop_words(lang: str) -> frozenset[str]:
    return _STOP_BY_LANG.get(lang, frozenset())


def is_stop(text: str, norm: str, lang: str) -> bool:
    """Stop word test that tells على (on) from علي (Ali) by the written letter."""
    return norm in stop_words(lang) or (lang == "ar" and _MARKS.sub("", text) in ("على", "وعلى", "فعلى"))


def org_heads(lang: str) -> frozenset[str]:
    return {"ar": ORG_HEADS_AR, "fa": ORG_HEADS_FA, "he": ORG_HEADS_HE}.get(lang, frozenset())
