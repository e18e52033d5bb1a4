"""English attribution rules tuned on the real-news dev split (issue 14), on sentences we wrote."""

import pytest

from framing.annotate.attribution import attribute


def speaker(text):
    return attribute(text, "en").source


@pytest.mark.parametrize("text, expected", [
    ("Haddad, however, said the border would stay closed.", "Haddad"),
    ("Port officials for three weeks denied any delay.", "Port officials"),
    ("The council memo Tuesday says the budget is short.", "The council memo"),
    ("Our grandparents clearly said the river was cleaner.", "Our grandparents"),
    ("Dr. Lina Farah, director-general of the agency, has said the plan is sound.", "Dr. Lina Farah"),
    ("A second source, who is close to the talks, told us the deal was near.", "A second source"),
    ("His lawyer, Omar Said, told reporters the case was weak.", "His lawyer, Omar Said"),
    ("Haddad, a rival of the mayor and head of the union, the city’s largest employer, said the vote was rigged.",
     "Haddad"),
    ("The nurse apologized for the delay.", "The nurse"),
    ("The ministry is not a party to the case, but said it would follow it closely.", "The ministry"),
    ("Her plan was costly, though she claimed it would pay for itself.", "she"),
])
def test_english_speaker_spans(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text, quote_type", [
    ('We have never hidden anything," the spokeswoman said.', "direct"),   # the sentence opens inside a quote
    ("The report said in part: “The delays trace back to a shortage of parts", "direct"),  # left open
    ("In his statement to the committee, he will say:", "direct"),
    ('When Lee insisted that she had, Park then "dared" her to say so.', "indirect"),  # a scare quote
])
def test_english_quote_type(text, quote_type):
    assert attribute(text, "en").quote_type == quote_type


def test_speaker_not_taken_from_inside_an_unopened_quote():
    got = attribute('I never said that," he added.', "en")
    assert (got.source, got.cue, got.form) == ("he", "added", "pronoun")


def test_english_quoted_title_is_not_the_speakers_words():
    # a quotation announced as a title, slogan or term names something: indirect
    text = 'The mayor said the festival would run under the slogan "One City for All" this year.'
    assert attribute(text, "en").quote_type == "indirect"
    text = 'The mayor said the festival would be "a celebration for every street" this year.'
    assert attribute(text, "en").quote_type == "direct"


@pytest.mark.parametrize("text, expected", [
    # one quoted lower-case word inside the reported clause is the speaker's own word (guide §5)
    ("The inspector said the repairs had been “sloppy” from the start.", "direct"),
    # ... unless the sentence gives it to someone else
    ("The coach said he was not a “quitter,” as his critics have called him.", "indirect"),
    # a single capitalized word is a name
    ("The coach said the team would train at “Riverside” next week.", "indirect"),
])
def test_english_one_word_quotations(text, expected):
    assert attribute(text, "en").quote_type == expected
