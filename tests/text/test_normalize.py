from framing.text.normalize import normalize, normalize_arabic


def test_arabic_alef_yaa_teh_marbuta_and_diacritics():
    assert normalize_arabic("أَكَّدَ") == "اكد"
    assert normalize_arabic("إعلان آخر") == "اعلان اخر"
    assert normalize_arabic("على") == "علي"
    assert normalize_arabic("مدرسة") == "مدرسه"


def test_arabic_tatweel_digits_and_quotes():
    assert normalize_arabic("الســـلام") == "السلام"
    assert normalize_arabic("٢٠٢٤") == "2024"
    assert normalize_arabic("«قال»") == '"قال"'


def test_hamza_carriers_are_unified():
    assert normalize_arabic("مسؤول") == normalize_arabic("مسوول")
    assert normalize_arabic("رئيس") == "رييس"


def test_english_is_lowercased_and_other_text_untouched():
    assert normalize("The U.S. ‘Warned’", "en") == "the u.s. 'warned'"
    assert normalize("ｆｕｌｌ", "und") == "full"
