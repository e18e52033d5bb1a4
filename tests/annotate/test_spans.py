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


def _isolated_forms(text: str) -> str:
    """``text`` with every Arabic letter written as its isolated presentation form."""
    out = []
    for ch in text:
        try:
            out.append(unicodedata.lookup(unicodedata.name(ch) + " ISOLATED FORM"))
        except (KeyError, ValueError):
            out.append(ch)
    return "".join(out)


def test_presentation_forms_become_letters_with_offsets_into_the_original():
    text = "\ufed7\ufe8e\ufedd \ufefb"  # positional forms of قال, then the ligature لا
    cleaned = clean(text)
    assert cleaned.text == "قال لا"
    assert cleaned.offsets == (0, 1, 2, 3, 4, 4)  # both letters of the ligature map to it
    assert cleaned.to_original(4, 6) == (4, 5)
    assert clean("\ufe76\ufed7\ufe8e\ufedd").text == "قال"  # an isolated fatha form is a diacritic: deleted


def test_speaker_of_a_sentence_in_presentation_forms_maps_back_to_it():
    from framing.annotate.attribution import attribute

    plain = "وقال وزير الخارجية المصري في بيان إن المحادثات لا تزال متعثرة."
    shaped = _isolated_forms(plain).replace(_isolated_forms("لا"), "\ufefb")
    assert shaped != plain and not any("\u0621" <= c <= "\u064a" for c in shaped)
    expected = attribute(plain, "ar")
    got = attribute(shaped, "ar")
    assert expected.source == "وزير الخارجية المصري"
    assert (got.source, got.cue, got.quote_type, got.form) == (expected.source, expected.cue, expected.quote_type, "named")
    assert shaped[got.span[0]:got.span[1]] == _isolated_forms("وزير الخارجية المصري")
