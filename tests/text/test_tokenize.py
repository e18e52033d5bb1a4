from framing.text.tokenize import arabic_stem, english_stem, tokenize


def test_arabic_tokens_drop_punctuation():
    assert tokenize('وقال: "ليس لدينا شك"، 2.5', "ar") == ["وقال", "ليس", "لدينا", "شك", "2", "5"]


def test_english_tokens_keep_acronyms_hyphens_and_possessives():
    assert tokenize("Kim's long-range missile, U.S. says", "en") == ["kim's", "long-range", "missile", "u.s", "says"]


def test_arabic_stem_strips_clitics():
    assert arabic_stem("والصواريخ") == "صواريخ"
    assert arabic_stem("بالمفاوضات") == "مفاوض"
    # the same word with and without clitics gets the same stem
    assert arabic_stem("وبوتين") == arabic_stem("بوتين")
    assert arabic_stem("للرئيس") == arabic_stem("الرئيس") == arabic_stem("والرئيس")
    assert arabic_stem("قمة") == "قمة"  # too short to strip


def test_english_stem():
    assert english_stem("missiles") == english_stem("missile") == "missile"
    assert english_stem("warned") == "warn"
    assert english_stem("crisis") == "crisis"
