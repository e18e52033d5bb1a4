import pytest

from framing.text.language import detect_language


@pytest.mark.parametrize("text, expected", [
    ("قال المتحدث باسم الكرملين إن التحضيرات للزيارة قائمة.", "ar"),
    ("وقال مسؤول: إن NBC News نقلت الخبر", "ar"),  # Arabic with Latin names
    ("The Kremlin said preparations for an official visit are under way.", "en"),
    ("Putin, Kim meet in Vladivostok", "en"),  # headline without function words
    ("Las Vegas Shooting: A THIRD Timeline Emerges", "en"),  # a Spanish word inside a name
    ("Los Angeles Times", "en"),
    ("Le sommet a eu lieu hier.", "und"),
    ("Le Kremlin a annoncé une visite officielle de Kim.", "und"),
    ("El Kremlin anunció que la visita está en preparación.", "und"),
    ("Der Kreml hat den Besuch angekündigt und ist bereit.", "und"),
    ("این یک متن فارسی است که درباره گفتگو و دیپلماسی نوشته شده", "und"),  # Persian
    ("Кремль объявил о визите", "und"),
    ("12345 !!! ...", "und"),
    ("", "und"),
])
def test_detect_language(text, expected):
    assert detect_language(text) == expected
