"""Source-type rules (framing.annotate.source_types), on sources we write."""

import pytest

from framing.annotate.source_types import SOURCE_TYPES, source_type


@pytest.mark.parametrize("source, expected", [
    # unnamed officials are anonymous; a named one is official
    ("Iranian officials", "anonymous"),
    ("a Harbor Port official", "anonymous"),
    ("two officials,", "anonymous"),
    ("Port official Dana Reyes", "official"),
    # the "other" group: companies, unions, religious figures, clubs, lawyers for a client
    ("the company", "other"),
    ("the chief executive of Tessel Foods", "other"),
    ("the dockworkers' labor union", "other"),
    ("Bishop Arno Velt", "other"),
    ("the coach", "other"),
    ("his lawyer", "other"),
    # outlet names and newsroom roles
    ("a Bloomberg columnist", "media"),
    ("the journalist", "media"),
    # a former official commenting is an expert
    ("a former ambassador", "expert"),
    # citizens
    ("a local woman", "citizen"),
    ("activists", "citizen"),
    # entries that end in punctuation still match, at any word boundary
    ("Sen. Mara Quill", "official"),
    ("Ruth Ober (D-Ore.)", "official"),
])
def test_english_source_types(source, expected):
    assert source_type(source, "en") == expected


@pytest.mark.parametrize("source, expected", [
    # the definite article on a listed word: words written with ال matched nothing before
    ("الصحفي", "media"),
    ("والصحفيون", "media"),
    ("الناشطة", "citizen"),
    ("للشركة", "other"),
    # unnamed officials, clitic and article allowed
    ("مسؤولون أمريكيون", "anonymous"),
    ("ومسؤول مصري", "anonymous"),
    ("المسؤولين في الميناء", "anonymous"),
    # a named official is not anonymous
    ("وزيرة الخارجية", "official"),
    ("المسؤول الأول فلاديمير بوتين", "official"),  # names a leader the gazetteer knows
    ("مسؤولو وزارة الخارجية", "anonymous"),
    # former officials and doctors are experts; a lawyer for a client is other
    ("السفير السابق", "expert"),
    ("الدكتور سامي نور", "expert"),
    ("المحامي", "other"),
    ("النقابة", "other"),
])
def test_arabic_source_types(source, expected):
    assert source_type(source, "ar") == expected


def test_every_answer_is_a_known_group():
    for source in ("someone", "شخص ما", "the people of Harbor", "X"):
        for lang in ("en", "ar"):
            assert source_type(source, lang) in SOURCE_TYPES


def test_no_source_has_no_group():
    assert source_type("", "en") is None
    assert source_type(None, "ar") is None
