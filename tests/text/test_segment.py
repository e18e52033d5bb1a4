import pytest

from framing.text.segment import split_sentences


def texts(text, lang=None):
    return [s.text for s in split_sentences(text, lang)]


def test_english_abbreviations_do_not_split():
    out = texts("Mr. Kim met Gen. Park at 10 a.m. on Oct. 3 in the U.S. capital. Talks followed.")
    assert out == ["Mr. Kim met Gen. Park at 10 a.m. on Oct. 3 in the U.S. capital.", "Talks followed."]


def test_english_quotes_stay_with_attribution():
    out = texts('"We see no threat. The visit is routine," the spokesman said. Analysts disagreed.')
    assert out == ['"We see no threat. The visit is routine," the spokesman said.', "Analysts disagreed."]


def test_english_decimal_and_question():
    assert texts("Aid could reach $2.5 billion. What does Pyongyang want?") == [
        "Aid could reach $2.5 billion.", "What does Pyongyang want?"]


def test_arabic_punctuation():
    out = texts("ارتفع النمو إلى 2.5 في المئة. هل يستمر؟ نعم! وقال الوزير إن الخطة جاهزة؛ وأضاف أنها ستعلن قريبا.")
    assert out == ["ارتفع النمو إلى 2.5 في المئة.", "هل يستمر؟", "نعم!", "وقال الوزير إن الخطة جاهزة؛ وأضاف أنها ستعلن قريبا."]


def test_arabic_abbreviations_and_initials():
    out = texts("وقال د. أحمد إن وكالة أ.ف.ب نقلت الخبر. وانتهى اللقاء.")
    assert out == ["وقال د. أحمد إن وكالة أ.ف.ب نقلت الخبر.", "وانتهى اللقاء."]


def test_arabic_double_dot_and_quotes():
    text = 'وقال مسؤول: "ليس لدينا شك.. الأمر يتعلق بالتصعيد". ثم غادر.. وانتهى المؤتمر.'
    assert texts(text) == ['وقال مسؤول: "ليس لدينا شك.. الأمر يتعلق بالتصعيد".', "ثم غادر..", "وانتهى المؤتمر."]


def test_headline_lines_and_boilerplate():
    text = ("الموقع الرسمي | صحيفة الأفق\n\nالخوف من قمة كيم وبوتين يتملك واشنطن\n  • مشاركة :\npost-title\n"
            "الأفق - سامر الحداد\n\nوقال مسؤول إن الزيارة قائمة.")
    kinds = [(s.kind, s.text) for s in split_sentences(text)]
    assert kinds == [
        ("boilerplate", "الموقع الرسمي | صحيفة الأفق"),
        ("headline", "الخوف من قمة كيم وبوتين يتملك واشنطن"),
        ("boilerplate", "• مشاركة :"),
        ("boilerplate", "post-title"),
        ("boilerplate", "الأفق - سامر الحداد"),
        ("sentence", "وقال مسؤول إن الزيارة قائمة."),
    ]


def test_headline_double_dot_is_not_a_boundary():
    assert texts("على خلفية اجتماعهما المنتظر.. الخوف يتملك واشنطن") == ["على خلفية اجتماعهما المنتظر.. الخوف يتملك واشنطن"]


def test_english_byline_and_share_lines_are_boilerplate():
    kinds = [s.kind for s in split_sentences("Kim heads to Moscow\nBy Jane Doe and John Roe, Wire\nShare this article\nHe left.")]
    assert kinds == ["headline", "boilerplate", "boilerplate", "sentence"]


def test_spans_point_into_the_original_text():
    text = "  First line here.\n\nSecond one! Third?"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_hard_wrapped_english_lines_are_joined():
    text = "The minister said the talks, which began on Monday in Geneva,\nwould continue next week. Nothing else."
    assert texts(text) == ["The minister said the talks, which began on Monday in Geneva,\nwould continue next week.", "Nothing else."]


def test_mixed_language_article():
    out = split_sentences("Kremlin confirms the visit.\nوقال بيسكوف إن الزيارة قائمة. وأضاف أن الموعد سيعلن.")
    assert [s.text for s in out] == ["Kremlin confirms the visit.", "وقال بيسكوف إن الزيارة قائمة.", "وأضاف أن الموعد سيعلن."]


def test_long_unpunctuated_line_is_a_sentence_not_a_headline():
    line = " ".join(["وقال المسؤول إن المفاوضات بين البلدين ستستأنف الأسبوع المقبل في العاصمة"] * 3)
    assert [s.kind for s in split_sentences(line)] == ["sentence"]


def test_english_abbreviation_in_brackets_does_not_end_a_sentence():
    assert texts("Dr. Omar Khalid (M.Sc.) backed the plan. Others did not.") == [
        "Dr. Omar Khalid (M.Sc.) backed the plan.", "Others did not."]
    assert texts("Col. Rita Vance (ret.) spoke first. Talks ended.") == ["Col. Rita Vance (ret.) spoke first.", "Talks ended."]
    assert texts("The U.A.E. Foreign Ministry said nothing.") == ["The U.A.E. Foreign Ministry said nothing."]


def test_english_ellipsis_before_a_capitalized_word_ends_a_sentence():
    assert texts("The minister paused... Then she read the statement.") == [
        "The minister paused...", "Then she read the statement."]
    assert texts("The minister paused… Reporters waited.") == ["The minister paused…", "Reporters waited."]
    assert texts("The crowd waited... and waited.") == ["The crowd waited... and waited."]
    assert texts('"We hoped... Nothing changed," an aide said.') == ['"We hoped... Nothing changed," an aide said.']


def test_english_time_abbreviation_before_a_new_sentence():
    assert texts("The convoy left at 6 a.m. It reached the border by noon.") == [
        "The convoy left at 6 a.m.", "It reached the border by noon."]
    assert texts("Polls closed at 8 p.m. The count began at once.") == ["Polls closed at 8 p.m.", "The count began at once."]
    assert texts("Polls close at 8 p.m. Central time on Friday.") == ["Polls close at 8 p.m. Central time on Friday."]


def test_semicolons_do_not_end_sentences_in_either_language():
    assert texts("Prices rose sharply; wages did not. Unions protested.") == [
        "Prices rose sharply; wages did not.", "Unions protested."]
    assert texts("أعلنت الحكومة خطة جديدة؛ لمواجهة ارتفاع الأسعار. ورحب بها النواب.") == [
        "أعلنت الحكومة خطة جديدة؛ لمواجهة ارتفاع الأسعار.", "ورحب بها النواب."]
    # a line ending in a semicolon continues on the next, in both languages
    assert texts("وأكد المتحدث أن الوفد وصل؛\nمشيرا إلى أن المحادثات تبدأ غدا.") == [
        "وأكد المتحدث أن الوفد وصل؛\nمشيرا إلى أن المحادثات تبدأ غدا."]
    assert texts("The delegation arrived;\nTalks start tomorrow.") == ["The delegation arrived;\nTalks start tomorrow."]


@pytest.mark.parametrize("text", ["The award went to Lt. Col. A. J. Marsh yesterday.", "She met Gov. A. Lee in May.",
                                  "The tower was designed by I. M. Corran in 1970."])
def test_initials_after_a_title_do_not_start_a_sentence(text):
    assert [s.text for s in split_sentences(text, "en")] == [text]
