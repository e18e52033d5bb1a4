"""Actor matching rules found on real news (issue 14), each on a sentence written for the test."""

from framing.annotate.actors import default_gazetteer


def find(text, lang):
    return default_gazetteer().find(text, lang)


# Arabic: a word written with a final alef maksura that normalization turns into a nisba


def test_alef_maksura_word_is_not_a_nisba():
    assert find("رفع الحارس يده اليمنى ولوّح للجمهور في الملعب", "ar") == []
    assert find("تغير مجرى النقاش في الاجتماع", "ar") == []
    # the nisba itself, and a text that writes every final yaa as ى (فى، الذى)
    assert find("وصل الوزير اليمني إلى العاصمة في زيارة قصيرة", "ar") == ["YEM"]
    assert find("وصل الوفد اليمنى فى زيارة قصيرة", "ar") == ["YEM"]
    assert find("وصل الوفد المجري إلى المدينة", "ar") == ["HUN"]
