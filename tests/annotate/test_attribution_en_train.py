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
