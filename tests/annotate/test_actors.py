import pandas as pd
import pytest

from framing.analysis.actors import by_actor
from framing.annotate.actors import ActorGazetteer, default_gazetteer
from framing.errors import CodebookError


@pytest.mark.parametrize("text, lang, expected", [
    ("وبوتين يلتقي كيم جونج أون في بيونج يانج", "ar", ["PUTIN", "KIM_JONG_UN", "PRK"]),
    ("للرئيس بوتين والولايات المتحدة وبيونغ يانغ", "ar", ["PUTIN", "USA", "PRK"]),
    ("وقال الكرملين إن موسكو مستعدة", "ar", ["KREMLIN", "RUS"]),
    ("Putin's envoy met Kim Jong Un in Pyongyang.", "en", ["PUTIN", "KIM_JONG_UN", "PRK"]),
    ("President Vladimir Putin and the U.S. State Department", "en", ["PUTIN", "US_STATE_DEPARTMENT"]),
    ("The WHO said who knows what comes next.", "en", ["WHO"]),  # acronyms are case-sensitive
    ("Prices rose on Monday.", "en", []),
])
def test_find(text, lang, expected):
    assert default_gazetteer().find(text, lang) == expected


def test_every_actor_has_aliases_in_both_languages():
    gazetteer = default_gazetteer()
    assert len(gazetteer.actors) >= 200
    for actor in gazetteer.actors.values():
        assert actor.aliases.get("en") and actor.aliases.get("ar"), actor.id
        assert actor.parent is None or actor.parent in gazetteer.actors, actor.id


def test_user_gazetteer_and_errors(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - id: ACME\n    type: organisation\n    aliases: {en: [Acme Corp], ar: [شركة أكمي]}\n", "utf-8")
    mine = ActorGazetteer.load(path)
    assert mine.find("Acme Corp said", "en") == ["ACME"] and mine.find("وقالت شركة أكمي", "ar") == ["ACME"]
    path.write_text("actors:\n  - id: X\n    type: planet\n", "utf-8")
    with pytest.raises(CodebookError, match="planet"):
        ActorGazetteer.load(path)


def test_by_actor_tabulates_frames_and_tone():
    rows = pd.DataFrame({
        "article_id": ["a", "a", "b"],
        "labels": [["threat"], [], ["threat", "diplomacy"]],
        "threat": [0.9, 0.1, 0.8], "diplomacy": [0.1, 0.2, 0.7],
        "tone": ["negative", "neutral", "negative"],
        "actors": [["RUS"], ["RUS", "USA"], ["USA"]],
    })
    table = by_actor(rows, ["threat", "diplomacy"]).set_index("actor")
    assert table.loc["RUS", "sentences"] == 2 and table.loc["USA", "articles"] == 2
    assert table.loc["RUS", "threat_share"] == 0.5 and table.loc["USA", "diplomacy_share"] == 0.5
    assert table.loc["USA", "tone_negative"] == 0.5


# English precision: capitalized aliases are names, outlets and people that contain a place are blocked


def test_lowercase_common_words_are_not_capitalized_country_names():
    g = default_gazetteer()
    assert g.find("They carved the turkey and served a china teapot.", "en") == []
    assert g.find("TURKEY AND CHINA SIGN TRADE PACT", "en") == ["TUR", "CHN"]
    assert g.find("Turkey and China signed a trade pact.", "en") == ["TUR", "CHN"]


def test_outlets_and_people_containing_a_place_name_no_actor():
    g = default_gazetteer()
    assert g.find("The Washington Post ran the story first.", "en") == []
    assert g.find("Lawmaker Jim Jordan questioned the witness.", "en") == []
    assert g.find("She moved to Atlanta, Georgia, last year.", "en") == []
    # the place itself is still found
    assert g.find("Officials in Washington and Amman welcomed the talks.", "en") == ["USA", "JOR"]
    assert g.find("Georgia and Armenia reopened the border.", "en") == ["GEO", "ARM"]
