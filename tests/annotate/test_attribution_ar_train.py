"""Arabic attribution rules from the error classes of the real-news training split (issue 14),
each on sentences we wrote."""

import pytest

from framing.annotate.attribution import attribute


def speaker(text):
    return attribute(text, "ar").source


@pytest.mark.parametrize("text, expected", [
    # a cue glued to the previous sentence's full stop, or to a dateline dash
    ("انقطعت الكهرباء عن الحي ساعتين.وأفادت شركة الكهرباء أن العطل أصلح.", "شركة الكهرباء"),
    ("عمّان (خاص)—أعلنت البلدية إغلاق السوق القديم يومين.", "البلدية"),
    # the pluperfect without قد, and with a comma after the subject
    ("وكانت نقابة الأطباء أعلنت أول أمس أن الإضراب سيستمر.", "نقابة الأطباء"),
    ("وكان رئيس البلدية، سامي نور، قد قال، يوم الأحد: \"لن نرفع الرسوم\".", "رئيس البلدية، سامي نور"),
    # an insertion between dashes is left out of the subject
    ("وكانت جمعيات أهلية -بينها جمعية الرفق- حذرت من نقص الأدوية.", "جمعيات أهلية"),
    # hamza-less complementizers end the speaker
    ("وهي الخطة التي يقول السكان انها جاءت متأخرة.", "السكان"),
    # "في" + where or when it spoke is not part of the speaker ...
    ("وقال المدرب في وقت سابق من هذا الأسبوع إن الفريق جاهز.", "المدرب"),
    ("وكتب الكاتب سامر خليل في حسابه الرسمي أن الرواية ستصدر قريبا.", "الكاتب سامر خليل"),
    ("وأكد الشاهد في شهاداته أيضا أن الحريق بدأ ليلا.", "الشاهد"),
    # ... but "في" + a place or an institution places the speaker
    ("وقال مسؤول في وزارة النقل إن الطريق سيفتح غدا.", "مسؤول في وزارة النقل"),
    # a reporting verb with its own subject wins over an earlier "according to" (guide §2.2)
    ("وبحسب الجمعية الأهلية، فقد دعت البلدية إلى إخلاء المبنى فورا.", "البلدية"),
    # ... but "وفق ما يؤكده X" is one cue phrase
    ("فالبلدية لا تريد، وفق ما يؤكده المهندس، تأجيل المشروع.", "المهندس"),
])
def test_speaker(text, expected):
    assert speaker(text) == expected


def test_a_colon_after_the_speaker_opens_the_speakers_words():
    assert attribute("قال المهندس سامر خليل: إن المشروع سينتهي قبل الصيف.", "ar").quote_type == "direct"


@pytest.mark.parametrize("text, expected", [
    # stance and present-tense cues (guide §2.1)
    ("ونددت رابطة الصيادين بقرار إغلاق الميناء.", "رابطة الصيادين"),
    ("ويخشى المزارعون من أن يتأخر موسم الأمطار.", "المزارعون"),
    ("يعلن مجلس البلدية أن السوق سيفتح يوم السبت.", "مجلس البلدية"),
    # an evidence verb with a proposition is a cue ...
    ("وتظهر سجلات المستشفى أن المريض غادر قبل الموعد.", "سجلات المستشفى"),
    # ... with a noun object only when a photo or footage shows it (guide §10, training draw)
    ("وتظهر صور الحي حجم الأضرار التي خلفتها العاصفة.", "صور الحي"),
    ("وتظهر السجلات حجم الدين.", None),
    # a verbal noun after a preposition or "تم" is no cue
    ("وعادة ما يتم وصف أدوية خفيفة لعلاج هذا الصداع.", None),
])
def test_cues(text, expected):
    assert speaker(text) == expected


def test_a_preposition_stop_needs_a_preposition():
    # "ب" + noun ends the speaker of "ندد/هنأ/رحب"; a name or a word that starts with ب does not
    assert speaker("وهنأ الرئيس جوزيف بارودي، الأحد، الفريق بالفوز.") == "الرئيس جوزيف بارودي"
    assert speaker("ورحب المجلس في بيان له بالاتفاق الجديد.") == "المجلس"


@pytest.mark.parametrize("text, expected", [
    # a present-tense verb after an indefinite subject opens a relative clause
    ("وكشفت ممرضة تعمل في المستشفى أن الأدوية نفدت.", "ممرضة"),
    # a definite active participle with a preposition is a participle phrase
    ("وتحذر المنظمات الأهلية العاملة في المدينة من نقص المياه.", "المنظمات الأهلية"),
    # "ب" with a noun after a definite word starts a new phrase
    ("وأعلنت البلدية بالتعاون مع الجامعة أن المشروع سيبدأ.", "البلدية"),
    # ... a listed adjective is no participle phrase, and a foreign name in ت is no verb
    ("وقالت النيابة العامة في المدينة إن التحقيق مستمر.", "النيابة العامة في المدينة"),
    ("وقالت صحيفة فايننشال تايمز إن الأسعار سترتفع.", "صحيفة فايننشال تايمز"),
])
def test_object_and_clause_starts_after_a_subject(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text", [
    # a colon after the speaker and where it spoke opens the speaker's words
    "وكتب المدرب في حسابه على موقع للتواصل: اليوم بدأنا مرحلة جديدة مع الفريق",
    "وقالت الوزارة في بيان مقتضب: لا إصابات بين العاملين في الموقع",
    # a subject-less cue followed by a colon
    "وأضاف: كذلك يجب أن ننتبه إلى حالة الطرق في الشتاء",
])
def test_colon_after_the_cue_clause_is_direct(text):
    assert attribute(text, "ar").quote_type == "direct"


def test_an_adverb_after_the_verb_is_not_its_subject():
    assert speaker("وانتقد بشدة ما وصفه بضعف الإجراءات في المطار.") is None
    assert speaker("وكان النادي أعلن رسميا التعاقد مع المدرب الجديد.") == "النادي"


@pytest.mark.parametrize("text, expected", [
    # a short quoted name after the speaker's head word is part of the speaker
    ('وذكرت فضائية "النهر الأزرق" أن الجسر سيفتح غدا.', 'فضائية "النهر الأزرق"'),
    ('واقترح أمين "حزب الأرض" أن تجرى الانتخابات في الربيع.', 'أمين "حزب الأرض"'),
    # ... but a quoted addressee ("للقناة") is not
    ('وقالت مصادر محلية "للقناة" إن الطريق مغلق.', "مصادر محلية"),
])
def test_quoted_name_in_the_speaker(text, expected):
    assert speaker(text) == expected


def test_a_source_close_to_someone_keeps_the_phrase():
    assert speaker("وقالت مصادر مقربة من الوزارة إن القرار صدر.") == "مصادر مقربة من الوزارة"
    assert speaker("وأكد مصدر مطلع على الملف أن الاتفاق قريب.") == "مصدر مطلع على الملف"


@pytest.mark.parametrize("text, expected", [
    # a word that starts an object elsewhere ("الأنباء") is the subject when it comes first
    ("وذكرت الأنباء أن الطريق أغلق بسبب الثلوج.", "الأنباء"),
    # more cues: تداولت (news circulated), عبرت (expressed), ينص (a text stipulates)
    ("وتداولت مواقع إخبارية أن المدرب استقال.", "مواقع إخبارية"),
    ("وعبرت النقابة عن قلقها من تأخر الرواتب.", "النقابة"),
    ("وينص الاتفاق الجديد على أن الرسوم تدفع سنويا.", "الاتفاق الجديد"),
])
def test_more_arabic_cues(text, expected):
    assert speaker(text) == expected
