import pytest

from framing.annotate.attribution import Attribution, attribute, attribute_sentences


@pytest.mark.parametrize("text, source, cue, quote_type", [
    ('وقال مسؤول استخبارات أمريكي: "ليس لدينا شك في أن كوريا الشمالية ستكون مستفزة هذا العام".',
     "مسؤول استخبارات أمريكي", "وقال", "direct"),
    ("وبدوره أعلن الكرملين أن التحضيرات لزيارة رسمية قائمة.", "الكرملين", "أعلن", "indirect"),
    ('ونقلت وكالة الأنباء الفرنسية عن المتحدث باسم الكرملين ديمتري بيسكوف قوله أمس إن "الزيارة قائمة في موعدها".',
     "المتحدث باسم الكرملين ديمتري بيسكوف", "ونقلت", "direct"),  # nested: the spokesman, not the agency
    ("قلق كبير يعيشه مسؤولون أمريكيون، حسبما كشفت شبكة NBC News الأمريكية.", "شبكة NBC News الأمريكية", "حسبما كشفت", "indirect"),
    ("ووفقا لتقديرات منظمة الأغذية والزراعة، سينخفض الإنتاج.", "منظمة الأغذية والزراعة", "ووفقا ل", "indirect"),
    ("«الأرقام تتحدث عن نفسها»، قال المدير التنفيذي للشركة أمين الناصر أمام المستثمرين.",
     "المدير التنفيذي للشركة أمين الناصر", "قال", "direct"),  # speaker after the quote
    ("وانتهى المؤتمر في ساعة متأخرة.", None, None, "none"),
    ("وسيجري نقل المصابين إلى المستشفيات وفق الخطة المعدة مسبقا.", None, None, "none"),
])
def test_arabic(text, source, cue, quote_type):
    got = attribute(text, "ar")
    assert (got.source, got.cue, got.quote_type) == (source, cue, quote_type)


@pytest.mark.parametrize("text, source, quote_type", [
    ("Kremlin spokesman Dmitry Peskov said preparations for the visit were under way.", "Kremlin spokesman Dmitry Peskov", "indirect"),
    # comma appositives are not part of the speaker (annotation rules of the real-news set)
    ('"We see no threat," said Rachel Tan, an analyst at a Singapore brokerage, "but the risks remain."',
     "Rachel Tan", "direct"),
    ("Rachel Minyoung Lee, a senior fellow at the Stimson Center, said the ties could embolden Kim.",
     "Rachel Minyoung Lee", "indirect"),
    ("According to figures published by the national statistics office, unemployment rose.", "the national statistics office", "indirect"),
    ("State news agency WAFA quoted spokesman Nabil Abu Rudeineh as saying: \"These steps are illegal.\"",
     "spokesman Nabil Abu Rudeineh", "direct"),
    ("Axios reported, citing two Israeli officials, that the cabinet approved the plan.", "two Israeli officials", "indirect"),
    ('"Heat like this kills quietly," said Dr. Aditi Rao, a researcher in Delhi.', "Dr. Aditi Rao", "direct"),
    ("The vote went ahead according to plan.", None, "none"),
    ("That said, markets closed higher on Friday.", None, "none"),
])
def test_english(text, source, quote_type):
    got = attribute(text, "en")
    assert (got.source, got.quote_type) == (source, quote_type)


def test_attribution_carried_from_previous_sentence():
    en = attribute_sentences(["The foreign minister said talks would resume.", "He added that no date had been set."], ["en", "en"])
    # the written form stays the source; the named speaker is the resolved one
    assert en[1] == Attribution("He", "added", "indirect", True, "The foreign minister", (0, 2), "pronoun")
    ar = attribute_sentences(["وقال وزير الخارجية إن المحادثات ستستأنف.", "وأضاف أن الموعد لم يحدد بعد."], ["ar", "ar"])
    assert ar[1].source is None and ar[1].form == "implicit"
    assert ar[1].resolved == "وزير الخارجية" and ar[1].carried
    # without a speaker before it, a continuation cue stays unattributed rather than guessed
    assert attribute("وأضاف أن الموعد لم يحدد بعد.", "ar").source is None


def test_unsupported_language_is_unattributed():
    assert attribute("Le ministre a dit que oui.", "und") == Attribution(None, None, "none", False)
