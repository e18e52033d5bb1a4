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
    ("officials in both capitals", "anonymous"),
    ("a senior palace aide", "anonymous"),
    ("the official, Sam Hale", "official"),
    ("a retired army colonel", "expert"),
    ("the central bank of Harbor", "official"),
    ("shopkeepers in the old market", "citizen"),
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
    ("Hale", ["Prime Minister Dan Ober met Sam Hale on Monday."], "other"),
    ("Hale", ["Senator Ruth Ober praises Sam Hale."], "other"),
    ("Hale", ["The deputy state department spokesman Sam Hale spoke."], "official"),
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


# --- the user's own actors file says who a person is ---------------------------------------------

def _gazetteer(tmp_path, entries):
    from framing.annotate.actors import ActorGazetteer

    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n" + entries, "utf-8")
    return ActorGazetteer.load(path)


def test_a_person_in_the_actors_file_carries_its_source_type(tmp_path):
    gazetteer = _gazetteer(tmp_path, """
  - id: TAN
    type: person
    source_type: expert
    name: {en: Rachel Tan}
    aliases: {en: [Rachel Tan, Tan], ar: [راشيل تان]}
  - id: HARBOR_FOODS
    type: organisation
    source_type: other
    aliases: {en: [Harbor Foods]}
  - id: OBER
    type: person
    aliases: {en: [Ruth Ober]}
""")
    assert source_type("Rachel Tan", "en", gazetteer) == "expert"
    assert source_type("Tan", "en", gazetteer) == "expert"
    assert source_type("راشيل تان", "ar", gazetteer) == "expert"
    assert source_type("Harbor Foods", "en", gazetteer) == "other"  # not official, as organisations are
    assert source_type("Ruth Ober", "en", gazetteer) == "other"  # a person with no source type says nothing
    assert source_type("Ruth Ober", "en", gazetteer, ["Senator Ruth Ober arrived."]) == "official"
    # the words of the source still come first: her lawyer is not an expert
    assert source_type("Rachel Tan's lawyer", "en", gazetteer) == "other"
    # a named person is not an unnamed official
    ar = _gazetteer(tmp_path, "  - id: NOUR\n    type: person\n    source_type: official\n    aliases: {ar: [سامي نور]}\n")
    assert source_type("المسؤول في الوزارة سامي نور", "ar", ar) == "official"
    assert source_type("المسؤول في الوزارة", "ar", ar) == "anonymous"


def test_an_unknown_source_type_in_the_actors_file_is_refused(tmp_path):
    from framing.errors import CodebookError

    with pytest.raises(CodebookError, match=r"actor TAN: source_type 'analyst' is not one of official, expert"):
        _gazetteer(tmp_path, "  - id: TAN\n    type: person\n    source_type: analyst\n    aliases: {en: [Rachel Tan]}\n")


def test_the_annotator_reads_an_actors_file_path(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n  - id: TAN\n    type: person\n    source_type: expert\n"
                    "    aliases: {en: [Rachel Tan]}\n", "utf-8")
    columns = AttributionAnnotator(str(path))(Sentences(["Rachel Tan said the plan would fail."], ["en"], [""]))
    assert columns["source"] == ["Rachel Tan"] and columns["source_type"] == ["expert"]


def test_an_actors_file_that_extends_the_shipped_one_keeps_its_actors(tmp_path):
    gazetteer = _gazetteer(tmp_path, "  - id: TAN\n    type: person\n    source_type: expert\n    aliases: {en: [Rachel Tan]}\n"
                                     "  - id: RUS\n    type: country\n    aliases: {en: [Russia, Rusland]}\n")
    assert gazetteer.find("Rachel Tan said Russia and Iran would talk.", "en") == ["TAN", "RUS"]  # replaced
    path = tmp_path / "actors.yaml"
    path.write_text("extends: default\n" + path.read_text("utf-8"), "utf-8")
    from framing.annotate.actors import ActorGazetteer

    extended = ActorGazetteer.load(path)
    assert extended.find("Rachel Tan said Russia and Iran would talk.", "en") == ["TAN", "RUS", "IRN"]
    assert extended.find("Rusland", "en") == ["RUS"]  # an entry with a shipped id replaces it
    assert extended.find("بوتين", "ar") == ["PUTIN"]
    assert source_type("Rachel Tan", "en", extended) == "expert"


def test_extends_names_only_the_shipped_gazetteer(tmp_path):
    from framing.annotate.actors import ActorGazetteer
    from framing.errors import CodebookError

    path = tmp_path / "actors.yaml"
    path.write_text("extends: ../other.yaml\nactors: []\n", "utf-8")
    with pytest.raises(CodebookError, match="'extends' must be 'default'"):
        ActorGazetteer.load(path)


def test_the_and_one_noun_take_the_group_of_its_fuller_mention():
    context = ["Harbor's central bank holds its key rate", "The bank said growth would pick up."]
    assert source_type("The bank", "en", context=context) == "official"
    assert source_type("The bank", "en", context=["The bank said growth would pick up."]) == "other"
    # a surname that is also a title word is not read as the title
    assert source_type("Hale", "en", context=["Judge Sam Hale ruled."]) == "official"
    assert source_type("Tan", "en", context=["Rachel Tan, a shopkeeper in the old market, spoke."]) == "citizen"


@pytest.mark.parametrize("source, lang, expected", [
    ("Egyptians", "en", "citizen"), ("many Syrians", "en", "citizen"), ("an American", "en", "citizen"),
    ("the Israelis", "en", "citizen"), ("40 per cent of Iraqis", "en", "citizen"), ("a majority of young Egyptians", "en", "citizen"),
    ("Egypt", "en", "official"), ("the Philippines", "en", "official"),  # the country names its government
    ("Egyptian officials", "en", "anonymous"), ("Egyptian state television", "en", "media"),
    ("المصريون", "ar", "citizen"), ("أحد السوريين", "ar", "citizen"), ("وقطريون", "ar", "citizen"),
    ("بعض الأردنيين", "ar", "citizen"),
    ("مصر", "ar", "official"), ("مسؤولون مصريون", "ar", "anonymous"), ("المسلمون", "ar", "other"),
])
def test_a_people_named_by_its_demonym_is_citizens(source, lang, expected):
    assert source_type(source, lang) == expected


@pytest.mark.parametrize("source, lang, expected", [
    ("media sources", "en", "media"), ("press reports", "en", "media"), ("sources close to the talks", "en", "anonymous"),
    ("Egyptian media", "en", "media"), ("local media outlets", "en", "media"),
    ("media analysts", "en", "expert"), ("social media users", "en", "citizen"),
    ("مصادر إعلامية", "ar", "media"), ("لمصادر صحفية", "ar", "media"), ("مصادر عبرية", "ar", "media"),
    ("مصادر مطلعة", "ar", "anonymous"), ("مصدر أمني", "ar", "anonymous"),
])
def test_sources_tied_to_the_press_are_media(source, lang, expected):
    assert source_type(source, lang) == expected


def test_an_arabic_definite_noun_takes_the_group_of_its_fuller_mention():
    context = ["أصدرت منظمة الصحة العالمية تقريرا عن الوباء.", "وقالت المنظمة إن الإصابات تراجعت."]
    assert source_type("المنظمة", "ar", context=context) == "official"
    assert source_type("المنظمة ذاتها", "ar", context=context) == "official"
    assert source_type("البيان", "ar", context=["وجاء في بيان لوزارة الصحة أن المستشفيات ممتلئة."]) == "official"
    assert source_type("المنظمة", "ar", context=["وقالت المنظمة إن الإصابات تراجعت."]) == "other"
    # a surname with the article is no description: "البدوي" does not take "سامي البدوي الأردني" as its fuller mention
    assert source_type("البدوي", "ar", context=["قال التاجر سامي البدوي الأردني إن الأسعار سترتفع."]) != "official"


@pytest.mark.parametrize("source, lang, expected", [
    ("two diplomats", "en", "anonymous"), ("Western diplomats", "en", "anonymous"), ("دبلوماسيون غربيون", "ar", "anonymous"),
    ("the Institute for Coastal Research", "en", "expert"),
    ("a former diplomat", "en", "expert"), ("a retired official", "en", "expert"), ("ex-officials", "en", "expert"),
    ("الدبلوماسي الأمريكي السابق", "ar", "expert"), ("المسؤول السابق", "ar", "expert"),
])
def test_unnamed_diplomats_are_anonymous_and_former_insiders_experts(source, lang, expected):
    assert source_type(source, lang) == expected


@pytest.mark.parametrize("source, context, expected", [
    ("Kelly", ["On May 3, U.S. District Judge Ann J. Kelly ruled against the city."], "official"),  # initials inside a title
    ("Ruiz", ["Rep. Dana Ruiz (D-Ore.) said the bill would pass."], "official"),  # a party in brackets after the name
    ("Ruiz", ["Dana Ruiz (an economist at the bank) said prices would rise."], "expert"),
    ("Ruiz", ["U.S. Representative Dana Ruiz told the hearing she would vote no."], "official"),
    ("the head of the Southern Command, Dana Ruiz", [], "official"),
])
def test_titles_with_initials_and_bracketed_roles(source, context, expected):
    assert source_type(source, "en", context=context) == expected


@pytest.mark.parametrize("source, expected", [
    ("وزيرة الإعلام", "official"), ("وزير الإعلام السابق", "expert"), ("الوزير السابق", "expert"),
    ("والي الولاية", "official"), ("مستشفى حكومي", "official"),
    ("اللاعب السابق", "other"),  # "former" alone says nothing: a former player is no former official
])
def test_arabic_ministers_and_former_officials(source, expected):
    assert source_type(source, "ar") == expected


@pytest.mark.parametrize("source, expected", [
    ("العقيد الركن سالم المري", "official"),  # military ranks are officials
    ("اللواء سامي نور", "official"),
    ("الضابط المسؤول عن الدورية", "official"),
    ("عميد كلية الهندسة", "expert"),  # a dean of a faculty is no officer
])
def test_arabic_military_ranks_are_officials(source, expected):
    assert source_type(source, "ar") == expected


@pytest.mark.parametrize("source, lang, expected", [
    # a news agency is media; an agency of a government or an international body is not
    ("the state news agency", "en", "media"),
    ("Xinhua", "en", "media"),
    ("The Coastal Shipping Safety agency", "en", "official"),
    ("The International Water Agency", "en", "official"),
    ("وكالة الأنباء الرسمية", "ar", "media"),
    ("وكالة \"نبأ\" المحلية", "ar", "media"),  # an agency with a name after it
    ("وكالة سما الإخبارية", "ar", "media"),
    ("المدير العام للوكالة الدولية لشؤون المياه", "ar", "not media"),
    ("وكالة الطاقة الإقليمية", "ar", "not media"),
])
def test_news_agencies_are_media_other_agencies_are_not(source, lang, expected):
    if expected == "not media":
        assert source_type(source, lang) != "media"
    else:
        assert source_type(source, lang) == expected


@pytest.mark.parametrize("source, lang, expected", [
    # a central bank is a public authority (guide §11); a commercial bank named after a country is not
    ("the Federal Reserve", "en", "official"),
    ("Fed Chair Dana Lee", "en", "official"),
    ("the Bank of England", "en", "official"),
    ("Harbor Savings Bank", "en", "other"),
    ("بنك المغرب", "ar", "official"),
    ("والي بنك المغرب", "ar", "official"),
    ("مصرف لبنان", "ar", "official"),
    ("الاحتياطي الفيدرالي الأمريكي", "ar", "official"),
    ("بنك قطر الوطني", "ar", "other"),
    ("بنك الطعام", "ar", "other"),
])
def test_central_banks_are_official(source, lang, expected):
    assert source_type(source, lang) == expected
