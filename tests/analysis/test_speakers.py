import pandas as pd
import pytest

from framing.analysis.speakers import COLUMNS, actors_template, looks_like_a_name, speakers
from framing.annotate.actors import ActorGazetteer
from framing.annotate.source_types import source_type
from framing.errors import InputError


def sentences():
    rows = [
        # article, outlet, speaker, type, labels
        ("a1", "Gazette", "Rachel Tan", "other", ["skepticism"]),
        ("a1", "Gazette", "Tan", "other", ["skepticism", "threat"]),
        ("a2", "Courier", "Rachel  Tan", "other", []),
        ("a2", "Courier", "Lee Park", "official", []),
        ("a3", "Courier", "Lee Park", "other", []),
        ("a2", "Courier", "the company", "other", []),
        ("a2", "Courier", "Foreign Minister Omar Haddad", "official", ["diplomacy"]),
        ("a3", "Courier", "Foreign Minister Omar Haddad", "official", ["diplomacy", "threat"]),
        ("a3", "Courier", None, None, ["threat"]),
        ("a3", "Courier", "   ", None, []),
    ]
    return pd.DataFrame([{"article_id": a, "outlet": o, "source_resolved": s, "source_type": t, "labels": ls, "lang": "en"}
                         for a, o, s, t, ls in rows])


def test_one_row_per_speaker_most_quoted_first():
    table = speakers(sentences(), ["threat", "diplomacy", "skepticism"], by="outlet")
    assert list(table.columns) == COLUMNS + ["outlets", "threat", "diplomacy", "skepticism"]
    assert table["speaker"].tolist() == ["Foreign Minister Omar Haddad", "Lee Park", "Rachel Tan", "Tan", "the company"]
    first = table.iloc[0]
    assert (first["sentences"], first["articles"], first["outlets"]) == (2, 2, 1)
    assert (first["threat"], first["diplomacy"], first["skepticism"]) == (1, 2, 0)
    park = table.iloc[1]  # typed differently in two articles: both groups are shown, a tie in the groups' order
    assert (park["source_type"], park["source_types"]) == ("official", "official; other")
    tan = table.iloc[2]  # whitespace collapsed: "Rachel  Tan" is the same speaker
    assert (tan["sentences"], tan["outlets"], tan["skepticism"]) == (2, 2, 1)


def test_minimum_and_bad_input():
    assert speakers(sentences(), min_sentences=2)["speaker"].tolist() == ["Foreign Minister Omar Haddad", "Lee Park", "Rachel Tan"]
    with pytest.raises(InputError, match="min_sentences"):
        speakers(sentences(), min_sentences=0)
    with pytest.raises(InputError, match="source_type"):
        speakers(sentences().drop(columns=["source_type"]))
    empty = speakers(sentences().assign(source_resolved=None), ["threat"])
    assert empty.empty and list(empty.columns) == COLUMNS + ["threat"]


@pytest.mark.parametrize("speaker, lang, expected", [
    ("Rachel Tan", "en", True), ("Ursula von der Leyen", "en", True), ("Tan", "en", True),
    ("the company", "en", False), ("The Kremlin", "en", False), ("Tour operators", "en", False),
    ("حسن العلوي", "ar", True), ("البنك", "ar", False), ("التجار في المدينة", "ar", False),
    ("رئيس الجمعية، حسن العلوي", "ar", False),
    # group and institution names are no persons; given names that end like plurals are
    ("برنامج الغذاء الإقليمي", "ar", False), ("منظمات إغاثة", "ar", False), ("دول الجوار", "ar", False),
    ("وزارة الصحة", "ar", False), ("هارون الخطيب", "ar", True), ("حسين نور", "ar", True),
])
def test_looks_like_a_name(speaker, lang, expected):
    assert looks_like_a_name(speaker, lang) is expected


def test_template_loads_and_types_the_person_once_edited(tmp_path):
    table = speakers(sentences())
    text, entries = actors_template(table)
    assert entries == 1  # "Rachel Tan" and "Tan" are one person; "the company" is no name
    assert "aliases:\n      en: [Rachel Tan, Tan]" in text
    path = tmp_path / "actors.yaml"
    path.write_text(text, "utf-8")
    gazetteer = ActorGazetteer.load(path)
    assert "SPEAKER_RACHEL_TAN" in gazetteer.actors and "PUTIN" in gazetteer.actors  # extends the shipped file
    assert source_type("Tan", "en", gazetteer) == "other"
    path.write_text(text.replace("source_type: other", "source_type: expert"), "utf-8")
    assert source_type("Tan", "en", ActorGazetteer.load(path)) == "expert"


def test_template_quotes_awkward_names_and_numbers_unwritable_ids(tmp_path):
    table = pd.DataFrame({"speaker": ["O'Neil: Jr", "حسن العلوي", "سامي نور"], "lang": ["en", "ar", "ar"],
                          "source_type": ["other"] * 3, "source_types": ["other"] * 3,
                          "sentences": [3, 2, 1], "articles": [1, 1, 1]})
    text, entries = actors_template(table)
    path = tmp_path / "actors.yaml"
    path.write_text(text, "utf-8")
    gazetteer = ActorGazetteer.load(path)
    assert entries == 3
    assert gazetteer.actors["SPEAKER_O_NEIL_JR"].aliases["en"] == ("O'Neil: Jr",)
    assert gazetteer.actors["SPEAKER_1"].aliases["ar"] == ("حسن العلوي",)
    assert gazetteer.actors["SPEAKER_2"].aliases["ar"] == ("سامي نور",)
    assert actors_template(table.iloc[:0])[1] == 0
    with pytest.raises(InputError, match="not one of"):
        actors_template(table, group="pundit")
