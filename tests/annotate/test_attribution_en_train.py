"""English attribution rules from the error classes of the real-news training split (issue 14),
each on sentences we wrote."""

import pytest

from framing.annotate.attribution import attribute


def speaker(text):
    return attribute(text, "en").source


@pytest.mark.parametrize("text, expected", [
    # a curly opening mark closed by a straight one, and single curly marks
    ("“The bridge will reopen next month,\" the mayor said.", "the mayor"),
    ("‘We were never told,’ she says.", "she"),
    # comma appositives without an article, party tags, possessives, lower-case titles
    ("Tom Reyes, senior economist at a regional bank, said prices would rise.", "Tom Reyes"),
    ("Ann Lee, R-Ohio, said she would vote against the bill.", "Ann Lee"),
    ("“We are proud of the work,” Sam Hale, the family’s lawyer, told the Daily Post.", "Sam Hale"),
    ("Dina Park, City Hall spokesperson in Boston, told reporters the office was closed.", "Dina Park"),
    # a lower-case name is no appositive, nor is a clause
    ("Besides, deLuca explained, the permit had expired.", "deLuca"),
])
def test_speaker(text, expected):
    assert speaker(text) == expected


def test_mixed_quote_marks_make_a_direct_quotation():
    assert attribute("“The bridge will reopen next month,\" the mayor said.", "en").quote_type == "direct"


@pytest.mark.parametrize("text, expected", [
    # a cue verb in a sense that reports nothing gives way to the real attribution
    ("The neighbour reported her dog missing on Monday, police said.", "police"),
    ("After the hearing, he agreed to be questioned again, his lawyer said.", "his lawyer"),
    ("When asked by a reporter about the delay, the mayor said the funds had run out.", "the mayor"),
    ("While he was being confirmed as park director, the former ranger criticized the budget cuts.", "the former ranger"),
    # new stance verbs
    ("Local farmers voiced concern over the new water rules.", "Local farmers"),
])
def test_non_speech_uses_and_stance_verbs(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue inside a relative clause: its subject is between the relative pronoun and the cue
    ("The new parking rules, which Mayor Tom Reyes wrongly claimed were popular, will be reviewed.", "Mayor Tom Reyes"),
    ("He was the last of three men who investigators said were paid in cash.", "investigators"),
    ("The tax credit, which critics said would favour the rich, was dropped.", "critics"),
])
def test_relative_clause_cue(text, expected):
    assert speaker(text) == expected


def test_relative_clause_cue_with_a_pronoun():
    got = attribute("Lee has long been a critic of the mayor, who she says is a liar.", "en")
    assert got.source == "she" and got.form == "pronoun"


def test_has_long_is_not_part_of_the_speaker():
    assert speaker("Lee has long criticised the mayor's spending.") == "Lee"
