"""Arabic speaker boundaries from the word list (framing/data/ar_words.json) and morphology,
and Arabic quote types, on sentences we wrote."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from framing.annotate.attribution import _ar_common, _ar_name_kind, attribute

ROOT = Path(__file__).resolve().parents[2]


def speaker(text):
    return attribute(text, "ar").source


def test_word_list_tells_common_nouns_from_names():
    assert _ar_common("وزير") and _ar_common("تقارير")  # attested with the article
    assert _ar_common("تراجع") and _ar_common("استئناف")  # verbal nouns by pattern
    assert not _ar_common("ترامب")  # a gazetteer name is never a common noun
    assert _ar_name_kind("ترامب") == "surname"
    assert _ar_name_kind("كوستيلو") == "unknown"  # never attested as a common noun
    assert _ar_name_kind("وسائل") is None  # a broken plural by pattern
    assert _ar_name_kind("للوزارة") is None and _ar_name_kind("المكتب") is None


@pytest.mark.parametrize("text, expected", [
    # a name then a verbal noun: the verb's object starts there
    ("وأكد بوتين استعداد بلاده لاستئناف المحادثات.", "بوتين"),
    ("ونفى الوزير جوزيف كوستيلو تراجع الحكومة عن الخطة.", "الوزير جوزيف كوستيلو"),
    # a name then a preposition with a common noun or title ("لوزير", "بقرار")
    ("وقال المتحدث فرانك كوستيلو لوزير الخارجية الزائر إن الموعد لم يتحدد.", "المتحدث فرانك كوستيلو"),
    # a surname of the gazetteer then a definite noun that is no adjective: the object
    ("وانتقد ترامب الخطة الجديدة للموازنة.", "ترامب"),
    # ... but a nisba adjective of the name stays
    ("وقالت أرمينيا الرسمية إن الحدود هادئة.", "أرمينيا الرسمية"),
    # a nisba-shaped noun that heads genitives in our text ("عملية السلام") is no adjective
    ("ووصف السفير الأسبق العملية الأخيرة بأنها خطأ.", "السفير الأسبق"),
    # names with common words inside stay whole: a name word after it, particles, the end
    ("وقال الرئيس التركي رجب طيب أردوغان إن بلاده لن تتراجع.", "الرئيس التركي رجب طيب أردوغان"),
    ("وقال المتحدث باسم الحركة يحيى سعيد إن الهدنة صامدة.", "المتحدث باسم الحركة يحيى سعيد"),
    ("وأكد الأمين العام أبو الفضل إن الاجتماع سيعقد غدا.", "الأمين العام أبو الفضل"),
    ("وقالت وسائل إعلام محلية إن الطريق أغلق.", "وسائل إعلام محلية"),
    # after a definite noun an indefinite common noun is the object (adjectives agree in definiteness)
    ("وأعلنت الشرطة المحلية توقيف ثلاثة أشخاص بعد الحادث.", "الشرطة المحلية"),
    ("وأعلن الاتحاد العربي للسباحة (أكوا) إلغاء البطولة هذا العام.", "الاتحاد العربي للسباحة (أكوا)"),
    # ... but a first name before a surname with the article, a preposition or an adverb goes on
    ("وقال وزير الزراعة الليبي كامل الفاسي إن المحصول وفير.", "وزير الزراعة الليبي كامل الفاسي"),
    ("وأكدت المصادر المطلعة داخل الحزب أن الاجتماع تأجل.", "المصادر المطلعة داخل الحزب"),
    # a participle-shaped word attested as a genitive head is a noun: the object after a definite head
    ("وأعلن الجيش السوداني المنطقة الحدودية منطقة عسكرية مغلقة.", "الجيش السوداني"),
    # a title after the name is an appositive that stays
    ("وقالت سلمى حداد المتحدثة باسم البلدية إن المياه عادت.", "سلمى حداد المتحدثة باسم البلدية"),
])
def test_arabic_name_boundaries(text, expected):
    assert speaker(text) == expected


def test_word_list_is_rebuilt_reproducibly():
    done = subprocess.run([sys.executable, str(ROOT / "corpora" / "build_lexicon.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads((ROOT / "framing" / "data" / "ar_words.json").read_text("utf-8"))
    assert set(data) == {"common", "construct", "names", "surnames", "definite_surnames"}
    assert "الأسد" in data["definite_surnames"] and not any(w.endswith("ي") for w in data["definite_surnames"])


def test_a_subject_never_starts_with_a_preposition_and_a_noun():
    # "لفترة قصيرة" after the verb is a time phrase, not its subject
    assert attribute("وحذرت لفترة قصيرة من عواقب القرار قبل أن تتراجع.", "ar").source is None


@pytest.mark.parametrize("text, expected", [
    # a quotation right after the complementizer is the speaker's own words
    ('وقال المتحدث إنه "لن يتراجع عن هذا القرار أبدا".', "direct"),
    # the speaker's words quoted as a fragment deep inside indirect speech are direct (guide §5)
    ('وذكرت الوزارة أن الحريق اندلع ليلا في مخزن قديم "قرب محطة القطارات في وسط المدينة".', "direct"),
    # ... and so is a quotation opening a clause of its own after a comma
    ('وأضاف الوزير أن المفاوضات تعثرت مرات عدة خلال الشهر، "لكننا لن نيأس من الحل".', "direct"),
    # a quotation before the cue is direct
    ('"سنعيد بناء كل البيوت المدمرة"، قال رئيس البلدية.', "direct"),
    # a colon after a subject-less cue introduces the words: direct, also without a named speaker
    ('وجاء ذلك في منشور للبلدية على صفحتها، حيث قالت: "المياه ستعود غدا إلى الأحياء الشرقية".', "direct"),
    # "بيانا قال فيه إن": a reporting verb in a relative clause, indirect
    ("وأصدر الحزب بيانا قال فيه إن الانتخابات ستجري في موعدها.", "indirect"),
    # a quotation announced as a title, slogan or concept names something: not the speaker's words
    ('وقال المنظمون إن المهرجان يقام هذا العام تحت شعار "مدينة واحدة لكل سكانها".', "indirect"),
    ('وقالت المجلة إنها ستنشر تقريرا بعنوان "أسرار الميناء القديم في الليل".', "indirect"),
])
def test_arabic_quote_types(text, expected):
    assert attribute(text, "ar").quote_type == expected
