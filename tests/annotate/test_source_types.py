"""Source-type rules (framing.annotate.source_types), on sources we write."""

import pytest

from framing.annotate.attribution import AttributionAnnotator
from framing.annotate.base import Sentences
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


# --- a bare name takes the role given where the article first named it ---------------------------

@pytest.mark.parametrize("source, context, expected", [
    ("Hale", ["Sam Hale, a professor of law at Northfield, spoke first."], "expert"),
    ("Haddad", ["Talks resume", "Foreign Minister Lena Haddad arrived on Monday."], "official"),
    ("Lena Haddad", ["Foreign Minister Lena Haddad arrived on Monday."], "official"),
    ("Hale", ["The paper's columnist Sam Hale wrote first."], "media"),
    # a verb between the words and the name is no title: "Police arrested" does not make Hale police
    ("Hale", ["Police arrested Sam Hale on Monday."], "other"),
    ("Hale", ["Nobody by that name was mentioned."], "other"),
    ("Hale", [], "other"),
    # the context only fills in when the name itself says nothing
    ("Minister Hale", ["Sam Hale, a professor of law, spoke."], "official"),
])
def test_bare_english_name_takes_its_earlier_role(source, context, expected):
    assert source_type(source, "en", context=context) == expected


@pytest.mark.parametrize("source, context, expected", [
    ("نور", ["وصل وزير الخارجية سامي نور إلى المدينة أمس."], "official"),
    ("سامي نور", ["تحدث سامي نور، الباحث في معهد الدراسات، عن الاتفاق."], "expert"),
    ("نور", ["لم يذكر أحد هذا الاسم."], "other"),
])
def test_bare_arabic_name_takes_its_earlier_role(source, context, expected):
    assert source_type(source, "ar", context=context) == expected


def test_annotator_uses_the_article_for_a_bare_name():
    texts = ["Sam Hale, a professor of law at Northfield, reviewed the treaty.",
             "Hale said the treaty leaves the border question open."]
    in_article = AttributionAnnotator()(Sentences(texts, ["en", "en"], ["", ""], in_article=True))
    alone = AttributionAnnotator()(Sentences(texts, ["en", "en"], ["", ""], in_article=False))
    assert in_article["source"][1] == alone["source"][1] == "Hale"
    assert in_article["source_type"][1] == "expert"
    assert alone["source_type"][1] == "other"  # a line scored on its own has no article to look in


def test_only_the_first_lines_of_a_huge_article_are_searched():
    from framing.annotate.source_types import CONTEXT_LINES

    filler = ["The council met again on Monday."] * CONTEXT_LINES
    assert source_type("Hale", "en", context=filler[:-1] + ["Minister Sam Hale spoke."]) == "official"
    assert source_type("Hale", "en", context=filler + ["Minister Sam Hale spoke."]) == "other"


@pytest.mark.parametrize("text, lang, speaker", [
    ("Sam Hale, a professor of law at Northfield, said the treaty leaves the border open.", "en", "Sam Hale"),
    ("وأعربت سلمى نور، الباحثة في مركز الدراسات الإقليمية، عن قلقها من التصعيد.", "ar", "سلمى نور"),
])
def test_a_name_introduced_in_its_own_sentence(text, lang, speaker):
    # the appositive is not part of the speaker span, but it says who the speaker is
    columns = AttributionAnnotator()(Sentences([text], [lang], [""], in_article=False))
    assert columns["source"] == [speaker] and columns["source_type"] == ["expert"]
