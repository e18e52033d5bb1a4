"""Resolution of pronoun and subject-less speakers (issue 14; guide §7), on sentences we wrote."""

from framing.annotate.attribution import attribute_sentences


def test_title_label_is_the_fallback_antecedent():
    texts = ["العقيد سامر خليل: الحدود آمنة", "وتابع أن الدوريات ستستمر طوال الشتاء."]
    got = attribute_sentences(texts, ["ar", "ar"], ["title", "sentence"])
    assert got[-1].resolved == "العقيد سامر خليل" and got[-1].carried


def test_title_label_drops_where_it_was_said():
    texts = ["العقيد سامر خليل عبر شاشة محلية: الحدود آمنة", "وأضاف أن الدوريات ستستمر."]
    assert attribute_sentences(texts, ["ar", "ar"], ["title", "sentence"])[-1].resolved == "العقيد سامر خليل"


def test_a_named_speaker_before_wins_over_the_title():
    texts = ["الوزيرة: لا ضرائب جديدة", "وقال المتحدث باسم البلدية إن الموازنة متوازنة.", "وأضاف أن الرسوم لن ترتفع."]
    assert attribute_sentences(texts, ["ar"] * 3, ["title", "sentence", "sentence"])[-1].resolved == "المتحدث باسم البلدية"


def test_arabic_subject_of_the_sentence_before():
    # the sentence before names the person as the subject of another verb; the chain carries on
    texts = ["نشر طبيب شاب مقطعا مصورا عن تجربته في المستشفى.", "وأكد أن الفريق الطبي عمل بلا توقف.",
             "كما اعتبر أن الأزمة ستنتهي قريبا."]
    got = attribute_sentences(texts, ["ar"] * 3)
    assert got[1].resolved == "طبيب شاب" and got[2].resolved == "طبيب شاب"


def test_english_pronouns_agree_with_their_antecedent():
    # "he" does not take a body, "it" does not take a person
    texts = ["The White House said the visit was cancelled.", "Senator Ann Lee said the talks were over.",
             "He said the deal was dead."]
    assert attribute_sentences(texts, ["en"] * 3)[-1].resolved == "Senator Ann Lee"
    texts = ["Senator Ann Lee spoke first.", "The city council said the budget was short.", "It said taxes would rise."]
    assert attribute_sentences(texts, ["en"] * 3)[-1].resolved == "The city council"
    texts = ["The city council said the budget was short.", "Mayor Tom Reyes said taxes would rise.", "It said the vote was final."]
    assert attribute_sentences(texts, ["en"] * 3)[-1].resolved == "The city council"
