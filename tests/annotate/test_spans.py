"""The cleaned text attribution sees, and spans back into the original."""

import sys
import unicodedata

from framing.annotate.spans import _CHANGES, clean, locate


def test_every_format_character_is_recognised():
    # clean() skips its per-character loop when _CHANGES finds nothing: it must cover every Cf
    # character this Python's Unicode database knows.
    cf = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    assert [hex(ord(c)) for c in cf if not _CHANGES.match(c)] == []


def test_clean_maps_spans_back_and_leaves_plain_text_alone():
    plain = clean("قال المتحدث")
    assert plain.text == "قال المتحدث" and plain.to_original(0, 3) == (0, 3)
    marked = clean("\u200fقال\u200c المتحدث\u0640")
    assert marked.text == "قال المتحدث"
    assert marked.to_original(4, 11) == (6, 13)


def test_locate_finds_the_occurrence_nearest_a_position():
    text = "He said, and then he said again."
    assert locate(text, "said") == (3, 7)
    assert locate(text, "said", near=20) == (21, 25)
    assert locate(text, "then  he") == (13, 20)  # whitespace may differ
    assert locate(text, "nothing") is None


def test_deleted_characters_are_exactly_the_format_characters_and_marks():
    import sys
    import unicodedata

    from framing.annotate.spans import _DELETE, _DROP

    wrong = [c for c in range(sys.maxunicode + 1)
             if (unicodedata.category(chr(c)) == "Cf" or bool(_DELETE.match(chr(c)))) != bool(_DROP.match(chr(c)))]
    assert wrong == []


def test_clean_keeps_offsets_of_kept_characters():
    from framing.annotate.spans import clean

    text = "\u200fقَالَ\u00a0المـتحدث\u200c باسم\u2066 الوزارة"
    cleaned = clean(text)
    assert cleaned.text == "قال المتحدث باسم الوزارة"
    assert all(text[o] == ch or ch == " " for ch, o in zip(cleaned.text, cleaned.offsets))
    assert cleaned.to_original(0, 3) == (1, 5)
