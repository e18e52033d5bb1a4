"""Arabic rules: reporting verbs (listed forms and their regular variants), "according to",
participles, pluperfects, statements and transcripts, and where the speaker's noun phrase ends
(:func:`_attribute_ar`); and the helpers the article-level resolution uses for Arabic: the
subject of an opening verb, the gender and number a cue shows (:func:`_ar_cue_gender`), a
passive cue. Imports only from ``_base``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from framing.annotate.attribution._base import (NONE, Attribution, _AR_OPEN_QUOTE, _WORD, _blank_dateline, _inside_quotes, _lazy,
                                               _LEXICONS, _name_patterns, _named, _quote_spans, _quote_type, _trie)
from framing.annotate.spans import clean


_AR_OBJECT_SUFFIXES = ("ه", "ها", "هم")


def _ar_forms(verbs: list[str]) -> list[str]:
    """The listed Arabic verbs with their regular variants, derived rather than listed: the
    plural of a past verb listed with its feminine ("قال", "قالت" -> "قالوا"), the plural of a
    present verb listed with its feminine ("يقول", "تقول" -> "يقولون"), and the spelling with a
    bare alef for a hamza ("أكد" -> "اكد"). Longest first, so that an alternation takes a whole word."""
    listed = set(verbs)
    out = set(verbs)
    for verb in verbs:
        if verb.endswith("ت") and verb[:-1] in listed:
            out.add(verb[:-1] + "وا")
        if verb.startswith("ي") and "ت" + verb[1:] in listed:
            out.add(verb + "ون")
    out |= {"ا" + v[1:] for v in out if v[:1] in "أإ"}
    # with an object pronoun ("يتهمه"، "أعلنته"، "طالبها"): the subject follows
    # (present forms and feminine past forms: a masculine past with a pronoun is often the verbal
    # noun, "ما سبق ذكره"; "تابعته" is "followed him")
    out |= {v + p for v in list(out) if len(v) >= 4 and (v[:1] in "يت" or v.endswith("ت")) and not v.endswith(("ى", "ا", "وا", "ون"))
            and "تابع" not in v for p in _AR_OBJECT_SUFFIXES}
    return sorted(out, key=lambda v: (-len(v), v))


_AR_ACCORDING_TO = "|".join(map(re.escape, _LEXICONS["ar"]["according_to"]))
_AR_CONTINUATION = "|".join(map(re.escape, _ar_forms(_LEXICONS["ar"]["continuation_verbs"])))


# --- rules ----------------------------------------------------------------------------------

_AR_VERBS = _trie(_ar_forms(_LEXICONS["ar"]["verbs"]))
# a cue may follow a space, a quote mark, a comma, a colon, a bracket, or stand glued to a full
# stop or a dateline dash ("...عليه.وأفادت", "(CNN)—أعلنت")
_AR_CUE = _lazy(rf"(?:^|(?<=[\s«\"“،:().—–-]))([وف]?(?:{_AR_VERBS}))(?=[\s:،]|$)")
# "بحسب ما ورد في X"، "حسب تعبير X": the relative clause or the noun of saying belongs to the cue, up to the source
_AR_ACCORDING = _lazy(rf"(?:^|(?<=[\s،(]))([وف]?(?:{_AR_ACCORDING_TO})(?:ـ)?)(?:\s*ما\s+\S+(?:\s+(?:في|فى|على|عبر|عن)(?=\s))?"
                      r"|\s*(?:تعبير|وصف|قول|رواية|تقدير|تقديرات|تصريحات)(?=\s))?\s*")
_AR_AS_REVEALED = _lazy(r"(?:^|(?<=[\s،]))(حسبما\s+\S+|كما\s+(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت))(?:\s+(?:في|فى|على|عبر|عن)(?=\s))?\s+")
_AR_END = _lazy(
    r"\s+'?(?:إن|ان|أن|بأن|بان|إنه|إنها|إنهم|أنه|أنها|أنهم|بأنه|بأنها|انه|انها|انهم|بانه|بانها|بانهم|فإن|فان|فقد|بحسب|حسب|وفق|وفقا|طبقا|إلى أن|الى أن|إلى ضرورة|على|عن|من|أمام|عبر|وهو|وهي|بتقديم|بضرورة|بوقف|بإجراء|لمراسل\S*|في (?:بيان|تقرير|دراسة|كلمت|كلمة|افتتاحيت|البيان|خطاب|مقابل|حديث|تصريح|مؤتمر|تغريد|منشور|رسال|ختام)\S*|على (?:منصة|موقع|حساب)\S*|قوله|قولها|قولهم|قائلا|قائلة|قائلاً|في بيان|في تصريح|في تصريحات|في حديث|في مؤتمر|في خطاب|في مقابلة|في كلمة|في تغريدة|في منشور|في رسالة|في ختام|خلال|أمس|اليوم|الليلة|مساء|صباح|يوم|بعد|قبل|منذ|لوكالة|لصحيفة|لشبكة|لقناة|لموقع|للصحفيين|لوسائل|للصحافيين|لـ|ل\S*\s+\"|بالقول|للمراسلين|للصحافة|لنظير\S*)(?=\s|$|[:،.؛])"
    r"|\s+[لب](?=[«»\"“”(])|\s*[-–—](?=\s+[وفل])|\s+[-–—]|[،:«\"“”».؛]"
)
# "عبّر X عن ..." (expressed): the masculine form is also the preposition "عبر" (via), so it is
# a cue only where a clause starts and "عن" follows its subject.
_AR_EXPRESSED = _lazy(r"(?:^|(?<=[.،]\s)|(?<=[.،])|(?<=\s)(?=[وف]))([وف]?عبّ?ر)(?=\s+(?:[^\s،:«»\"“”.]+\s+){1,6}?عن\s+(?!طريق))")
_AR_NAME_COLON = _lazy(r"\s*([^\s:،«»\"“”.()]+(?:\s+[^\s:،«»\"“”.()]+)?)\s*:")
# "وكان X قد قال"، "وكانت X أعلنت" (the pluperfect, with or without قد): X before the verb
_AR_PLUPERFECT = _lazy(rf"^[وف]?(?:كان|كانت|كانوا)\s+(?!قد\s)([^\s،].{{0,80}}?)[\s،]+(?:قد\s+)?([وف]?(?:{_AR_VERBS}))(?=[\s:،]|$)")
_AR_STATEMENT = _lazy(r"(?:^|\s)[وف]?جاء\s+في\s+(?:بيان|تقرير|رسالة|تغريدة)\S*\s+(?:صادرة?\s+عن\s+|ل)(.+?)(?=[:،.«\"]|$)")
_AR_CAME_IN_DOCUMENT = _lazy(
    r"(?:^|(?<=[\s،]))([وف]?جاء\s+في)\s+((?:ال)(?:بيان|تقرير|رسالة|دعوة|بلاغ|قرار|وثيقة|مذكرة|كتاب|نص|حكم|دراسة|شكوى|عريضة|تعميم|منشور|مرسوم)"
    r"(?:\s+ال\S+(?:ي|ية))?)(?=\s*[،:]|\s+(?:أن|إن|ان|أنه|انه|أنها|انها|ال\S+\s+(?:من|عن|إلى|الى)\s))")
_AR_CARRIED = _lazy(
    rf"^(?:ثم\s+)?[وف]?({_AR_CONTINUATION})"
    r"(?:\s+(?:قائلا|قائلة|قائلاً|بالقول|يقول|تقول))?\s*(?=أن|إن|ان|:|«|\"|“|إلى|الى|على|وهو|وهي|في\s+بيان|في\s+تصريح|في\s+هذا\s+السياق|$)"
)
_AR_NESTED = _lazy(r"\s+عن\s+")
# "نسبت X لـY قوله": Y, a noun with "ل" before the verbal noun of saying
_AR_ASCRIBED_TO = _lazy(r"^.{0,60}?\s(ل(?!ه\s|ها\s|هم\s)[\u0621-\u064A]\S*(?:\s+[^\s،:«»\"“”.]+){0,4}?)\s+(?:قوله|قولها|قولهم|تصريحات|تأكيده|تأكيدها)(?=\s|$|[:،])")


_AR_RELAYED = _lazy(r"\s+(?:نقلا?ً?\s+عن|على\s+لسان)\s+")
_AR_NOT_SOURCE = _lazy(r"^(?:ذلك|هذا|هذه|الخطة|الجدول|ما هو مقرر|مقرر|القانون|الدستور|التوقعات|العادة|الأصول|الاصول|الإجراءات|الاجراءات|الآليات|الضوابط|المعايير|الشروط|القواعد|الأنظمة|اللوائح|القوانين|البروتوكول|ما يقتضيه|ما تقتضيه)(?:\s|$)")


# After these verbs the speaker ends at a preposition: "دعا X إلى", "شكك X في", "رحب X بـ".
# Keys are verb stems (without the present-tense prefix), matched longest first.
_AR_VERB_PREPOSITION = (
    ("دعا", r"\s+(?:إلى|الى)\s+"), ("دعت", r"\s+(?:إلى|الى)\s+"), ("طالب", r"\s+(?:إلى|الى|ب)"),
    ("حث", r"\s+(?:على|إلى)\s+"), ("لفت", r"\s+(?:إلى|الى)\s+"), ("أشار", r"\s+(?:إلى|الى)\s+"),
    ("اشار", r"\s+(?:إلى|الى)\s+"), ("شير", r"\s+(?:إلى|الى)\s+"), ("شكك", r"\s+في\s+"),
    ("حذر", r"\s+من\s+"), ("قلل", r"\s+من\s+"), ("سخر", r"\s+من\s+"),
    ("رحب", r"\s+ب\S+"), ("هدد", r"\s+ب\S+"), ("ندد", r"\s+ب\S+"), ("هنأ", r"\s+ب\S+"), ("لوح", r"\s+ب\S+"), ("وصف", r"\s+\S+\s+ب(?:ال|أن|ان|[\"«“])\S*|\s+ب\S+"),
    ("اتهم", r"\s+(?:(?:أبو|أبي|ابو|ابي|عبد|آل|أم|ام)\s+)?\S+\s+ب\S+"), ("تهم", r"\s+(?:(?:أبو|أبي|ابو|ابي|عبد|آل|أم|ام)\s+)?\S+\s+ب\S+"), ("ألق", r"\s+(?:باللوم|باللائمة|اللوم)(?=\s)"), ("الق", r"\s+(?:باللوم|باللائمة|اللوم)(?=\s)"), ("لقي", r"\s+(?:باللوم|باللائمة|اللوم)(?=\s)"), ("أشاد", r"\s+ب\S+"), ("اعتبر", r"\s+(?:أن|إن|ان)\s+"),
    # "أفادت الوكالة بانتشار/بإجراء/بأن ...": a verbal noun or "أن" after "ب"; "وزارة الصحة بغزة" keeps its place
    ("أفاد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"), ("افاد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"), ("فيد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"),
)


_AR_VERB_PREPOSITION_LONGEST = tuple(sorted(_AR_VERB_PREPOSITION, key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1024)
def _ar_preposition_stop(lemma: str) -> str | None:
    """The preposition that ends the speaker after this verb stem, if any."""
    for stem, stop in _AR_VERB_PREPOSITION_LONGEST:
        if lemma.startswith(stem):
            return stop
    return None


_AR_QUOTE_CHARS = "\"«»“”"
_AR_PROTECT = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate(_AR_QUOTE_CHARS + "،")})
_AR_UNPROTECT = {0xE000 + i: c for i, c in enumerate(_AR_QUOTE_CHARS + "،")}
_AR_MEDIA_HEAD = r"(?:[وبل]?(?:ال)?(?:صحيفة|جريدة|موقع|قناة|وكالة|شبكة|مجلة|مراسل|مراسلة|برنامج|منظمة|حركة|جمعية|شركة|مركز|معهد|حزب|تطبيق|منصة|حساب|تقرير|إذاعة|تلفزيون|مؤسسة|هيئة|وزارة|جامعة|مجلس|مكتب|رابطة|نقابة|اتحاد|لجنة|حكومة|جماعة|جبهة|تنظيم|ائتلاف|تحالف))"
_AR_QUOTED_NAME = _lazy(
    rf"(^|(?<!\S){_AR_MEDIA_HEAD})(\s*[\"«“][^\"«»“”]{{1,40}}[\"»”])")
_AR_TITLES = frozenset(
    "وزير وزيرة رئيس رئيسة زعيم زعيمة ضابط مدير مديرة متحدث متحدثة ناطق ناطقة سفير سفيرة خبير خبيرة محلل "
    "محللة باحث باحثة كاتب كاتبة أستاذ أستاذة نائب نائبة أمين أمينة قائد مسؤول مسؤولة مبعوث مبعوثة سيناتور "
    "صحافي صحافية صحفي صحفية دكتور مستشار مستشارة عضو عضوة مرشح مرشحة سياسي سياسية معارض معارضة ناشط ناشطة "
    "مراسل مراسلة محامي محامية مفوض مفوضة ملك أمير حاكم محافظ عميد لواء عقيد رائد مؤسس منسق منسقة "
    "سكرتير سكرتيرة والي مندوب مندوبة وكيل وكيلة مساعد مساعدة".split())
_AR_NAME_STOP = r"(?:في|خلال|عبر|على|عن|من|لـ|أمس|اليوم|يوم|مساء|صباح|بعد|قبل|أثناء|لدى|أمام|للصحفيين|للصحافيين|لوكالة|لصحيفة|لقناة|لموقع|لشبكة)"
_AR_NAME_AFTER = _lazy(r"\s*([^\s،:«»\"“”.؛()]+(?:\s+[^\s،:«»\"“”.؛()]+){0,2})\s*(?=،|:|«|\"|“|\s+(?:إن|أن|ان|إنه|أنه|بأن|قائلا|قائلاً)(?:\s|$))")
# A name of one or two words followed by a preposition or time phrase ("، فلان الفلاني في حديث له").
_AR_SHORT_NAME_AFTER = _lazy(rf"\s*((?!{_AR_NAME_STOP}\s|ل)[^\s،:«»\"“”.؛()]+(?:\s+(?!{_AR_NAME_STOP}(?:\s|$))[^\s،:«»\"“”.؛()]+)?)\s+(?={_AR_NAME_STOP}\s)")
_AR_NOT_NAME = _lazy(r"^(?:ال|و?(?:في|على|عن|من|إلى|الى|أمس|اليوم|يوم|خلال|عبر|أمام|مع|الذي|التي|إن|أن|ان|قائلا|قائلاً|لـ|ل|ب)(?:\s|$))")


_AR_QUOTED_NAME_AFTER = _lazy(
    r"([\u0621-\u064A])(\s*[\"«“](?!ل)[^\"«»“”]{1,40}[\"»”])(?=\s*(?:،|:|\s(?:أن|إن|ان|بأن|عن|من|في|على|إلى|الى|أمس|اليوم|مساء|صباح|يوم)\s))")


_AR_QUOTED_NAME_AFTER_TITLE = _lazy(r"((?:^|\s)(?:ال)?\S+(?:ي|ية))(\s*[\"«“][^\"«»“”]{3,30}[\"»”])")


_AR_TIME_WORDS = r"الأسبوع|الشهر|أمس|اليوم|مساء|صباح|يوم|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت"


def _ar_protect_quoted_names(rest: str) -> str:
    """A short quoted name after a media head or right after the verb ("صحيفة "X" الكتالونية",
    'وحذرت "X" من') is part of the speaker: its quote marks stop nothing."""
    if not any(c in rest for c in _AR_QUOTE_CHARS):
        return rest

    def protect(m: re.Match) -> str:
        head, inner = m.group(1), m.group(2)
        after = rest[m.end():]
        if not head and (len(inner.split()) > 2 or not re.match(r"\s*(?:،|$|\s(?:من|عبر|على|في|إن|أن|إلى|الى|ب\S+|" + _AR_TIME_WORDS + r")(?=\s|$))", after)):
            return inner  # a quotation right after the verb, not a name
        return head + inner.translate(_AR_PROTECT)

    rest = _AR_QUOTED_NAME.sub(protect, rest)
    # a short quoted name after any word of the speaker, before the reported clause or a
    # circumstance ('مؤسسة "اليوم السابع" أن'، 'أمين "حزب الله" أن'، 'وكالة الطلبة "إسنا" عن')
    rest = _AR_QUOTED_NAME_AFTER.sub(lambda m: m.group(1) + m.group(2).translate(_AR_PROTECT)
                                     if len(m.group(2).split()) <= 3 or _ar_quoted_name(m.group(2)) else m.group(), rest)
    # a quoted full name right after a title or a nisba adjective, whatever follows ('الرئيس
    # التركي "فلان الفلاني" بشرى'): the person's name (guide §3.1)
    return _AR_QUOTED_NAME_AFTER_TITLE.sub(lambda m: m.group(1) + m.group(2).translate(_AR_PROTECT)
                                           if _ar_quoted_name(m.group(2)) and len(m.group(2).split()) >= 2 else m.group(), rest)


_AR_INSTITUTIONS = frozenset("موقع وزارة شركة مركز جامعة مجلس هيئة صحيفة قناة وكالة منظمة حزب جمعية معهد مكتب إدارة بلدية مؤسسة".split())


# after "title،": a title (definite or not) and a name, up to six words, closed by a comma
_AR_SECOND_TITLE_NAME = _lazy(r"\s*([^\s،:«»\"“”.؛()]+(?:\s+[^\s،:«»\"“”.؛()]+){1,5})\s*(?=،)")


def _ar_name_after_title(span: str, after: str) -> str:
    """"title, Name" keeps both ("وزير الإعلام، فلان الفلاني، إن"): the name after the comma,
    when the span is a bare title (a title word, no name yet)."""
    words = span.split()
    if not words or len(words) > 10:
        return ""
    head = words[0] if words[0] in _AR_TITLES else re.sub(r"^و?ال", "", words[0])  # "والي" is a title
    plain = re.sub(r"[\x02\x03]\S*", "", span)  # "المقرب من أنقرة" (marked in _ar_span) places the speaker
    if head not in _AR_TITLES or _ar_subject_end(plain) != plain:
        return ""  # not a title, or the verb's object follows it ("الوزير الخطة، مشيرا")
    if any(a.startswith(("ال", "لل")) and not b.startswith(("ال", "لل", "و", "في", "فى", "من", "باسم")) and b[:1] not in _AR_QUOTE_CHARS
           and not (b[:1] in "بل" and (b[1:] in _AR_INSTITUTIONS or c.startswith("ال")))
           for a, b, c in zip(words, words[1:], words[2:] + [""])):
        return ""  # "الرئيس الأمريكي السابق فلان": a name after the title is there already
    second = _AR_SECOND_TITLE_NAME.match(after)
    if second and re.sub(r"^و?ال", "", second.group(1).split()[0]) in _AR_TITLES \
            and any(_ar_name_kind(w) for w in second.group(1).split()[1:]) and not _AR_CUE.search(second.group(1)):
        return "، " + second.group(1)  # "المدير، الرائد فلان الفلاني،": a second title with the name (§3.1)
    found = _AR_NAME_AFTER.match(after) or _AR_SHORT_NAME_AFTER.match(after)
    if not found or _AR_NOT_NAME.match(found.group(1)) or _AR_CUE.search(found.group(1)):
        return ""
    return "، " + found.group(1)


_AR_INDEFINITE_FROM = _lazy(r"^\s*((?!ال)[\u0621-\u064A]{3,})((?:\s+(?!ال)[\u0621-\u064A]+(?:ي|ية|يون|يين|ة))?)\s+من\s+(?=ال)")


def _ar_span(rest: str, stop: str | None = None) -> str | None:
    # "تقرير صادر عن البنك الدولي" stays one span ("المصادر عن ..." is another word: "عن" ends it)
    rest = re.sub(r"((?<!\S)(?:ال)?صادرة?)\s+عن\s+", "\\1\x00", rest)
    # "السيناتور عن ولاية كنتاكي"، "النائب عن دائرة ...": whom a member represents is part of who it is
    rest = re.sub(r"((?<!\S)(?:ال)?(?:سيناتور|نائب|نائبة|عضو|عضوة|مرشح|مرشحة)(?:\s+(?:ال)?(?:سابق|السابق|السابقة|الجمهوري|الديمقراطي|الجمهورية|الديمقراطية))?)"
                  r"\s+عن\s+(?=(?:ال)?(?:ولاية|دائرة|محافظة|مدينة|منطقة|حزب|كتلة|قائمة)(?:\s|$))", "\\1\x00", rest)
    # "مصادر مقربة من الوزارة"، "مصدر مطلع على الملف": the phrase that places the source (§3.1)
    rest = re.sub(r"((?:^|\s)(?:ال)?(?:مقرب|قريب|مطلع|مقربة|قريبة|مطلعة|مقربون|مقربين|مطلعون|مطلعين))\s+(من|على)\s+",
                  lambda m: m.group(1) + ("\x02" if m.group(2) == "من" else "\x03"), rest)
    rest = re.sub(r"(?<![\w])([\u0621-\u064A])\.\s", "\\1\x01 ", rest)  # "د. خالد": an abbreviation, not an end
    if stop:
        found = next((m for m in re.finditer(stop, rest)
                      if _ar_preposition_word(m.group().split()[-1], (rest[:m.start()].split() or [""])[-1],
                                              (rest[m.end():].split() or [""])[0])), None)
        if found:
            rest = rest[:found.start()]
    relayed = _AR_RELAYED.search(rest)
    if relayed and (not _AR_END.search(rest) or relayed.start() <= _AR_END.search(rest).start()):
        rest = rest[relayed.end():]  # "ذكرت وكالة رويترز نقلا عن متحدث ...": the original speaker
    # "وفد من الصليب الأحمر"، "مصادر محلية من المنطقة": "من" after an indefinite head (with its
    # nisba) says where the speaker is from and stays (§3.1); a verb taking "من" was cut above
    head = _AR_INDEFINITE_FROM.match(rest)
    if head and not _ar_name_kind(head.group(1)) and (_ar_common(head.group(1)) or _AR_BROKEN_PLURAL.match(head.group(1))):
        rest = rest[:head.end(2)] + "\x02" + rest[head.end():]
    rest = _ar_protect_quoted_names(rest)
    match = _AR_END.search(rest)
    span = (rest[:match.start()] if match else rest)
    if match and match.group() == "،":
        span += _ar_name_after_title(span, rest[match.end():])
    first = re.match(r"\s*\S+", span)
    stop_at = _AR_OBJECT_STOP.search(" " + span, first.end() if first else 0)  # the first word is the subject ("وذكرت الأنباء أن")
    if stop_at:
        span = span[:max(0, stop_at.start() - 1)]
    span = _ar_circumstance_cut(span)
    span = _ar_relative_verb_cut(span)
    span = _ar_description_cut(span)
    span = span.strip()
    span = span.replace("\x00", " عن ").replace("\x01", ".").replace("\x02", " من ").replace("\x03", " على ").translate(_AR_UNPROTECT)
    words = span.split()
    if len(words) > 1 and _ar_to_outlet(words[-1]):
        words = words[:-1]  # "مصادر عسكرية للأناضول": the outlet it spoke to
        span = " ".join(words)
    if not words or len(words) > 15 or _AR_NOT_SOURCE.match(span) or _ar_prepositional(words[0]):
        return None
    return span


# Nouns of a relation to someone (kin, friend, neighbour, colleague): after a name they describe
# the speaker and are left out, unlike an office title (§3.1: "قال الكاتب سامر خليل جار الضحية").
_AR_RELATION_NOUNS = frozenset("صديق صديقة جار جارة زوج زوجة شقيق شقيقة أخو أخت خال خالة عم عمة والد والدة نجل نجلة "
                               "حفيد حفيدة صهر رفيق رفيقة زميل زميلة حبيب حبيبة خطيب خطيبة".split())
_AR_ONE_OF = _lazy(r"\s+و(?:أحد|احد|إحدى|احدى)\s+(?=ال)")


def _ar_description_cut(span: str) -> str:
    """Descriptions after the speaker's name are left out (§3.1, §3.2): a relation noun in
    construct after a name ("ستيفان بيرن صديق الزوجين"), and a coordinated "وأحد ..." after a
    named person ("and one of the ...": "السيد X مدير المدرسة وأحد المكرمين"); without a name it
    may be a second speaker, kept (§3.1: coordinated speakers)."""
    one_of = _AR_ONE_OF.search(span)
    if one_of and len(span[:one_of.start()].split()) >= 2 \
            and any(_ar_name_kind(w) or w in _AR_TITLE_APPOSITION for w in span[:one_of.start()].split()):
        span = span[:one_of.start()]
    words = span.split()
    if len(words) >= 5 and words[0] in _AR_TITLE_APPOSITION:
        for i in range(3, len(words) - 1):
            if re.fullmatch(r"[\u0621-\u064A]{3,}", words[i]) and _ar_common(words[i]) and not words[i].startswith(("ال", "و")) \
                    and re.fullmatch(r"(?!ال)[\u0621-\u064A]{3,}(?:ي|ى|ية)", words[i + 1]):
                return " ".join(words[:i])  # "الدكتور محمد حسن طبيب بيطري": an indefinite description
    for i in range(2, len(words) - 1):
        if words[i] in _AR_RELATION_NOUNS and words[i + 1].startswith(("ال", "\uE000", "\uE002", "\uE004")) \
                and _ar_name_kind(words[i - 1]) and not words[i - 1].startswith("ال"):
            return " ".join(words[:i])
    return span


# a past verb with an object pronoun ("أعدتها"، "وفرتها") or a passive one ("نُشرت"): after an
# indefinite noun it opens a relative clause with no relative pronoun (a صفة), which a speaker
# leaves out (§3.2: "the audit published in March" — the audit)
_AR_RELATIVE_VERB = _lazy(r"^(?:[\u0621-\u064A]{2,4}(?:ت|وا)(?:ه|ها|هم|هما)|[\u0621-\u064A]\u064f[\u0621-\u064A\u064b-\u0652]{2,6}ت)$")


def _ar_relative_verb_cut(span: str) -> str:
    """The speaker without a relative clause that a verb opens right after its indefinite head:
    "حصيلة أعدتها الوكالة" — حصيلة; "دراسة نُشرت في مجلة" — دراسة."""
    words = span.split()
    for i in range(1, len(words)):
        w, prev = words[i], words[i - 1]
        if prev.startswith(("ال", "وال", "لل")) or prev in _AR_TITLES or _ar_name_kind(prev) in ("gazetteer", "surname"):
            continue
        stem = re.sub(r"(?:ت|وا)(?:ه|ها|هم|هما)$", "", w)
        if _AR_RELATIVE_VERB.match(w) and not _ar_common(w) and not _ar_name_kind(w) == "gazetteer" \
                and (stem != w and len(stem) == 3 or "\u064f" in w):
            return " ".join(words[:i])
        if (prev.endswith("ة") and re.fullmatch(r"[\u0621-\u064A]{2}[^ا]ت", w)
                or re.fullmatch(r"ا[^ل][\u0621-\u064A]{1,2}[^ا]ت", w) and not _ar_common(w) and not _ar_common(w[:-1])) \
                and not _ar_name_kind(w) == "gazetteer":
            return " ".join(words[:i])  # "دراسة نشرت في ...": a feminine past verb agreeing with the noun
    return span


_AR_IN = frozenset(("في", "فى", "غي"))  # "غي": a frequent typo
_AR_CIRCUMSTANCE_NOUNS = frozenset("أول آخر وقت حين أعقاب اعقاب إطار اطار سياق ظل حوار لقاء مقابلة تصريح تصريحات حديث بيان منشور تغريدة رسالة كلمة مؤتمر حساب حسابه حسابها صفحة صفحته صفحتها تغريدته تغريدتها كلمته كلمتها".split())


def _ar_preposition_word(word: str, previous: str = "", following: str = "") -> bool:
    """A stop that ends in a word with ب is the preposition ("بقرار"، "بالاتفاق"، "بفرض")
    unless the word is a noun of its own ("بيان") or goes on a name ("مسعود بارزاني")."""
    if not word.startswith("ب"):
        return True
    rest = word[1:]
    if rest.startswith(("ال", "ـ")) or not rest or rest[:1] in _AR_QUOTE_CHARS + "(":
        return True  # "بالاتفاق"، "بـ«...»": a preposition before a quotation too
    if _ar_common(word) or word in _ar_words()[2]:
        return False
    if _ar_common(rest):
        return True
    if previous.startswith("ال") and _ar_name_kind(rest) == "unknown" and _ar_name_kind(word) == "unknown" \
            and _ar_name_kind(following) in ("unknown", "gazetteer", "surname"):
        return False  # "رئيس الوزراء الإسباني بيدرو سانشيز": a name after a definite title, not "ب" + noun
    return not (previous and not previous.startswith("ال") and _ar_name_kind(previous))


def _ar_circumstance_cut(span: str) -> str:
    """The speaker without a trailing "في" phrase that tells where or when it spoke, not who it is:
    "في" before a noun with a possessive ("في حسابه"، "في شهاداته"), a number ("في الـ6"), a word
    of time or medium ("في وقت سابق"، "في حوار"), or an indefinite common noun that heads no
    genitive ("في لقاء تلفزيوني"). "في" before a name or a genitive construction stays: it places
    the speaker ("السفير الروسي في دمشق"، "المسؤول في وزارة الصحة")."""
    words = span.split()
    for i in range(1, len(words) - 1):
        if words[i] not in _AR_IN:
            continue
        noun = words[i + 1]
        after = words[i + 2] if i + 2 < len(words) else ""
        bare = noun[2:] if noun.startswith("ال") else noun
        if _AR_POSSESSED.search(noun) and not _ar_name_kind(noun) or re.match(r"(?:الـ?)?\d", noun) or bare in _AR_CIRCUMSTANCE_NOUNS \
                or not noun.startswith("ال") and _ar_common(noun) and _ar_no_genitive(after):
            return " ".join(words[:i])
    return span


def _ar_no_genitive(after: str) -> bool:
    """The word after an indefinite noun is not its genitive: nothing, an indefinite nisba
    adjective ("لقاء تلفزيوني") or a verb ("حوار أجرته")."""
    if not after:
        return True
    if after[:1] == "ل" and len(after) >= 4 and _ar_name_kind(after) not in ("gazetteer", "surname"):
        return True  # "في محاولة للتأكيد"، "لطمأنة": a preposition with a noun
    if not after.startswith("ال") and after.endswith(("ي", "ية")) and len(after) >= 5:
        return True
    return bool(re.match(r"^[يتأن][\u0621-\u064A]{2,}(?:ته|تها|ه|ها)$|^[يت][\u0621-\u064A]{3,}$", after)) and not _ar_common(after)


def _ar_prepositional(word: str) -> bool:
    """A word that is a preposition with a common noun ("لفترة", "بسبب"): no subject starts with one."""
    if word[:1] not in "لب" or len(word) < 5 or word in _AR_NAME_PARTICLES or _ar_name_kind(word):
        return False
    stem = word[2:] if word.startswith("لل") else word[1:]
    stem = stem[2:] if stem.startswith("ال") else stem
    return len(stem) >= 3 and stem not in _ar_words()[2] and _ar_common(stem) and not _ar_common(word)
# Words after which the subject noun phrase has ended (demonstratives, relatives, object heads).
_AR_OBJECT_STOP = _lazy(r"(?<!وكالة)(?<!وكالات)\s+(?:هذه|هذا|ذلك|تلك|هذين|هاتين|هؤلاء|التي|الذي|الذين|اللذين|اللتين|والذي|والتي|الذى|التى|والذى|والتى|ما|مما|كل|جميع|أي|أية|أنباء|الأنباء|التقارير|تقارير|الاتهامات|اتهامات|المزاعم|مزاعم|الرواية|رواية|الخبر|الادعاءات|ادعاءات|وجود|صحة|خطأ|عدم|قلقه|قلقها|قلقهم|أمله|أملها|استعداد\S*|رفض\S*|تأييد\S*|دعم\S*|ترحيب\S*|إدانت\S*|ادانت\S*|أسف\S*|تفاؤل\S*|استغراب\S*|تضامن\S*|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأسبوع|الشهر|يوم\S*|الليلة|مساء|صباح|اليوم|أمس|لاحقا|لاحقاً|مؤخرا|مؤخراً|حينها|الى|إلى)(?=\s|$|،)")
_AR_DEFINITE_ADJECTIVES = frozenset(
    "العام العامة السابق السابقة الأعلى الاعلى الأول الاول الجديد الجديدة المقبل الحالي المؤقت المساعد "
    "الأسبق المكلف المنتهية الرسمي الرسمية الخاص الخاصة الأممي الأممية الدولي الدولية العليا الكبير الأكبر "
    "التنفيذي المستقل المنتخب المتحدة الموحدة المشتركة العربي العربية "
    "المطلعة المطلع المقربة المقرب المقربون المختصة المختص المعنية المعني المسؤول المسؤولة المكلفة "
    "المستقلة المنتخبة المعارض المعارضة السريع المتحدث الناطق الركن".split())  # "العميد الركن": a staff rank


_AR_ELATIVE = _lazy(r"^ال[أا][\u0621-\u064A]{2}[\u0621-\u064A]$")  # الأحمر، الأوسط، الأعلى


def _named_ar(source: str, cue: str, text: str, near: int) -> Attribution:
    found = _named(source, cue, text, near, "ar")
    if found.span and (_AR_COLON_AFTER_SPEAKER.match(text, found.span[1])
                       or re.match(r"\s*" + re.escape(cue) + r"\s*:\s*\S", text[found.span[1]:])):
        # "قال X: ..."، "وكتب X في حسابه على تويتر: ..." open the speaker's words (§2.4); so does
        # "X يحذر: ..." with the cue after the subject
        return found._replace(quote_type="direct")
    if found.quote_type == "direct" and found.span:
        limit = _ar_next_attribution(text, found.span[1])
        found = found._replace(quote_type=_quote_type(text, "ar", limit, start=found.span[0]))
    if found.quote_type == "direct" and _ar_only_quoted_names(text):
        found = found._replace(quote_type="indirect")
    return found


def _ar_quoted_name(piece: str) -> bool:
    """A quotation that is a name, not someone's words (guide §5): an institution or outlet with
    its complement ("وزارة النفط والثروة المعدنية"), or words that are all name words, name
    particles or Latin letters and digits ("محمد بن عبد الرحمن آل ثاني", "آي 24 نيوز")."""
    words = [w.strip("\"“”«».,،") for w in piece.split()]
    words = [w for w in words if w]
    if not words or len(words) > 7 or any(w in _AR_FUNCTION or (w[:1] in "وف" and w[1:] in _AR_FUNCTION) for w in words):
        return False
    head = re.sub(r"^و?ال", "", words[0])
    if words[0] in _AR_INSTITUTIONS or head in _AR_INSTITUTIONS or re.fullmatch(_AR_MEDIA_HEAD, words[0]):
        return True
    if _ar_name_kind(words[0]) == "gazetteer" and not any(re.fullmatch(r"[يتن][\u0621-\u064A]{3,}", w) and not _ar_name_kind(w)
                                                         for w in words[1:]):
        return True  # a person's full name, first name first ("محمد بن عبد الرحمن آل ثاني"); no verb in it
    return all(w in _AR_NAME_PARTICLES or w in _AR_NAME_SECOND or _ar_name_kind(w) in ("gazetteer", "surname", "unknown")
               or i and w.startswith("ال") and _ar_name_kind(w[2:]) in ("gazetteer", "surname", "unknown")  # "محمد علي الحوثي"
               or not re.search(r"[\u0621-\u064A]", w) for i, w in enumerate(words))


def _ar_only_quoted_names(text: str) -> bool:
    """Every quotation of three words or more in the sentence is a name, and no quotation is left
    open to the end: the quotation marks hold no one's words."""
    pieces = [text[a:b] for a, b in _quote_spans(text) if len(_WORD.findall(text, a, b)) >= 3]
    if not pieces or _AR_OPEN_QUOTE.search(text) and not any(text[a:b].endswith(("»", "”", '"')) for a, b in _quote_spans(text)):
        return False
    return all(_ar_quoted_name(p) for p in pieces)


# a colon right after the speaker, or after a phrase of where or how it spoke (no reported
# clause in between: no complementizer, no other colon or quotation)
_AR_COLON_AFTER_SPEAKER = _lazy(r"(?:\s+(?:في|فى|غي|على|عبر|خلال|أمام|لـ?|ل\S+)\s+[^:«»\"“”.؛]{0,50}?)?\s*:\s*\S")


_AR_CLAUSE_LINK_BEFORE = _lazy(r"(?:^|\s)و?(?:إذ|اذ|فيما|بينما|حيث|حين)\s+$")


def _ar_next_attribution(text: str, after: int) -> int | None:
    """Where a second attribution starts after ``after``: a coordinated cue ("، وقالت", " وأضاف")
    or a cue after a clause link, usually with a speaker of its own ("إذ قال فلان"، "فيما حذر")."""
    for match in _AR_CUE.finditer(text, after):
        if _inside_quotes(text, match.start()):
            continue
        if match.group(1).startswith("و") or _AR_CLAUSE_LINK_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return match.start()
    return None


# Definite titles that stand in apposition before a name ("الوزير الدكتور فلان").
_AR_TITLE_APPOSITION = frozenset("الدكتور الشيخ المهندس اللواء العميد العقيد الفريق السفير الأستاذ الاستاذ القاضي المستشار الأمير الملك السيد السيدة النائب".split())
_AR_PARTICIPLE = _lazy(r"^ال(?:م[\u0621-\u064A]{3,}|[^ا\s]ا[^ا\s]{2})(?:ة|ون|ين|ات|ان)?$")  # المسلحة، المتحدة، الحاكم


def _ar_adjective(word: str) -> bool:
    """A definite word that can follow a definite noun as its adjective (nisba, listed,
    elative, participle), with its feminine or plural ending."""
    if word.endswith(("ي", "ية", "يون", "يين", "يان", "يتان")) or _AR_ELATIVE.match(word) or _AR_PARTICIPLE.match(word):
        return True
    if word.startswith("ال") and word.endswith("ى") and len(word) >= 5:
        return True  # "القطرى": a nisba in Egyptian spelling (final ي written ى), or an elative ("الكبرى")
    if word in _AR_DEFINITE_ADJECTIVES:
        return True
    for suffix in ("ة", "ون", "ين", "ات"):
        if word.endswith(suffix) and word[:-len(suffix)] in _AR_DEFINITE_ADJECTIVES:
            return True
    return False


@lru_cache(maxsize=1)
def _ar_country_names() -> frozenset[str]:
    """One-word Arabic country names of the gazetteer ("أرمينيا"): a name takes no genitive."""
    from framing.annotate.actors import default_gazetteer

    names = set()
    for actor in default_gazetteer().actors.values():
        if actor.type == "country":
            names.update(a for a in actor.aliases.get("ar", ()) if " " not in a and not a.startswith("ال"))
    return frozenset(names)


_AR_OUTLET_HEADS = frozenset("وكالة قناة شبكة صحيفة موقع هيئة".split())


@lru_cache(maxsize=1)
def _ar_media_words() -> frozenset[str]:
    """One-word Arabic names of the gazetteer's media outlets ("رويترز"، "الأناضول" from "وكالة
    الأناضول"): after a speaker, "للأناضول" is whom it spoke to, not part of who it is."""
    from framing.annotate.actors import default_gazetteer

    names = set()
    for actor in default_gazetteer().actors.values():
        if actor.type == "media":
            for alias in actor.aliases.get("ar", ()):
                words = alias.split()
                if words and words[0] in _AR_OUTLET_HEADS:
                    words = words[1:]
                if len(words) == 1 and len(words[0]) >= 3:
                    names.add(words[0])
    return frozenset(names)


def _ar_to_outlet(word: str) -> bool:
    """"للأناضول"، "لرويترز": "ل" with an outlet's name (the addressee)."""
    media = _ar_media_words()
    return word.startswith("لل") and "ال" + word[2:] in media or word.startswith("ل") and word[1:] in media


@lru_cache(maxsize=1)
def _ar_lexicon() -> dict[str, frozenset[str]]:
    """``ar_words.json`` (built by ``corpora/build_lexicon.py``), each list as a set."""
    import json

    data = json.loads(resources.files("framing.data").joinpath("ar_words.json").read_text("utf-8"))
    return {key: frozenset(words) for key, words in data.items()}


@lru_cache(maxsize=1)
def _ar_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(common, construct, names, surnames) from ``ar_words.json`` (built by
    ``corpora/build_lexicon.py`` from the project's own text): stems attested as common nouns or
    adjectives, stems attested as the head of a genitive construction, words of the gazetteer's
    names, and those that end a name there."""
    lexicon = _ar_lexicon()
    return tuple(lexicon[k] for k in ("common", "construct", "names", "surnames"))


def _ar_definite_surnames() -> frozenset[str]:
    """Leaders' names that carry the article ("الأسد", "البرهان", ``ar_words.json``): after a
    title they are the person's name, not the verb's object ("قال الرئيس الأسد")."""
    return _ar_lexicon().get("definite_surnames", frozenset())


# Verbal nouns of the derived verb forms, recognized by their pattern (no list needed):
# تفاعل، تفعيل، افتعال، انفعال، استفعال، إفعال، مفاعلة ("تعاطف", "تعزيز", "اجتماع", "استعداد", "إعلان").
_AR_MASDAR = _lazy(
    r"^(?:ت[\u0621-\u064A]ا[\u0621-\u064A]{2}|ت[\u0621-\u064A]{2}ي[\u0621-\u064A]|[اإ][\u0621-\u064A]ت[\u0621-\u064A]ا[\u0621-\u064A]"
    r"|ان[\u0621-\u064A]{2}ا[\u0621-\u064A]|است[\u0621-\u064A]{2}ا[\u0621-\u064A]|إ[\u0621-\u064A]{2}ا[\u0621-\u064A]|م[\u0621-\u064A]ا[\u0621-\u064A]{2}ة)$")
# Words inside a person's name ("أبو الريش", "ولد السالك", "عبد الحكيم", "بن سلمان").
_AR_NAME_PARTICLES = frozenset("أبو أبي ابو ابي بن ابن بنت ولد عبد آل أم ذو دي دا فان فون".split())
# verbs that, with no subject after them, are impersonal ("ويرجح أن" = "it is thought likely that"),
# while "ويرجح المحللون أن" has a speaker
_AR_IMPERSONAL = frozenset("يرجح ترجح".split())
_AR_FUNCTION = frozenset(
    "في على عن من إلى الى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند بين دون تحت فوق نحو إن أن ان "
    "لا لم لن ما قد كان كانت هو هي هم هن أنا نحن ذلك هذا هذه تلك هؤلاء الذي التي الذين كما أو ثم بل "
    "لكن إذا إذ حيث كل بعض أي غير أيضا أيضاً بلا داخل خارج وسط خلف قرب عقب إثر ضمن لدى "
    "حين حينما عندما بينما كلما فيما طالما ريثما لكي كي لو".split())  # time and purpose conjunctions


@lru_cache(maxsize=8192)
def _ar_common(word: str) -> bool:
    """``word`` (no article) is a common noun or adjective: attested so in our text, with or
    without a feminine or plural ending, or a verbal noun of a derived form."""
    common, _, names, _ = _ar_words()
    if word in names:
        return False
    if word in common or _AR_MASDAR.match(word):
        return True
    return any(word.endswith(e) and len(word) - len(e) >= 3 and word[:-len(e)] in common for e in ("ة", "ات", "ون", "ين", "ا"))


# Broken plurals of common nouns, by pattern: فعائل، مفاعل/مفاعيل، أفعال، أفعلاء، فعلاء ("وسائل",
# "مصادر", "أطباء", "خبراء"): not names even when our text never attests them.
_AR_BROKEN_PLURAL = _lazy(
    r"^(?:[\u0621-\u064A]{2}ائ[\u0621-\u064A]|م[\u0621-\u064A]ا[\u0621-\u064A]ي?[\u0621-\u064A]|أ[\u0621-\u064A]{2}ا[\u0621-\u064A]"
    r"|أ[\u0621-\u064A]{2}اء|[\u0621-\u064A]{3}اء)$")


_AR_CLITIC_ARTICLE = _lazy(r"^[وف]?(?:[بلك]?ال|لل)")


# A noun with a possessive pronoun ("خارجيتها", "رئيسهم"): a common noun, not a name.
_AR_POSSESSED = _lazy(r"(?:[\u0621-\u064A]{2}(?:ت|ي)(?:ه|ها|هم|هما)|[\u0621-\u064A]{3}(?:ها|هم|هما|كم|نا))$")


@lru_cache(maxsize=8192)
def _ar_name_kind(word: str) -> str | None:
    """"surname" for a word that ends a gazetteer name ("ترامب"), "gazetteer" for another word of
    the gazetteer's names, "unknown" for a word our text never
    attests as a common noun (nor a title, function word, feminine or plural noun), else None."""
    word = word.strip("()[]\"'«»“”")
    names, surnames = _ar_words()[2:]
    if word in surnames or word[:1] == "و" and word[1:] in surnames:
        return "surname"
    if word in names or word[:1] == "و" and word[1:] in names:
        return "gazetteer"
    if word in _AR_NAME_PARTICLES:
        return "unknown"
    if _AR_CLITIC_ARTICLE.match(word) or not re.fullmatch(r"[\u0621-\u064A]{2,}", word):
        return None
    for bare in (word, word[1:]) if word[:1] == "و" and len(word) > 3 else (word,):
        if bare in _AR_FUNCTION or bare in _AR_TITLES or bare.endswith(("ة", "ات")) or _ar_common(bare) \
                or _AR_BROKEN_PLURAL.match(bare) or _AR_POSSESSED.search(bare):
            return None
    if bare[:1] in "بل" and (_ar_common(bare[1:]) or bare[1:] in _AR_TITLES):
        return None  # "لشؤون", "بموقع": a preposition with a noun
    return "unknown"


def _ar_after_name(word: str, after: str, kind: str) -> bool:
    """After a name, ``word`` starts a new phrase (the verb's object, an appositive or the next
    clause): a common noun that is no title and not followed by another name word, a definite
    noun that is no adjective of a gazetteer name, or a preposition with a common noun
    ("لوزير", "بقرار")."""
    if word[:1] == "و" or word in _AR_NAME_PARTICLES or word in _ar_words()[2] or word in _AR_TITLES:
        return False  # "ترامب وماكرون": coordination; name parts; "X رئيس ...": apposition kept
    if word.startswith("ال"):
        stem = word[2:]
        if kind != "surname" or stem in _AR_TITLES or word in _AR_TITLE_APPOSITION or _ar_adjective(word):
            return False  # "فخر الدين": a definite word after an unknown name may be part of it
        return _ar_common(stem)
    if word[:1] in "لب" and len(word) > 3:
        stem = word[2:] if word.startswith("لل") else word[1:]
        stem = stem[2:] if stem.startswith("ال") else stem
        return stem in _AR_TITLES or _ar_common(stem)
    if word.endswith(("ي", "ية", "يون", "يين", "يان")) or not after or _ar_name_kind(after):
        return False  # an indefinite nisba of the name; "رجب طيب أردوغان", "محمد سعيد": a name goes on
    return _ar_common(word)


def _ar_construct_noun(word: str) -> bool:
    """A definite adjective-shaped word (nisba, participle) that our text attests as the head of
    a genitive construction ("العملية": "عملية السلام", "المجتمع": "مجتمع المدينة"): a noun,
    not an adjective. Passive participles and elatives stay adjectives ("مجهولة المصدر")."""
    stem = word[2:]
    return stem in _ar_words()[1] and word not in _AR_DEFINITE_ADJECTIVES and not word.endswith("ي") \
        and not _AR_PASSIVE_PARTICIPLE.match(stem) and not _AR_ELATIVE.match(word)


_AR_PASSIVE_PARTICIPLE = _lazy(r"^م[\u0621-\u064A]{2}و[\u0621-\u064A](?:ة|ون|ين|ات)?$")


def _ar_name_end(words: list[str]) -> int:
    """Where the speaker ends after a name ("أكد ترامب تعاطف ...", "روبليس لوزير ..."): the index
    of the first word after a name word that starts a new phrase, else ``len(words)``."""
    for i in range(1, len(words)):
        previous = words[i - 1]
        kind = None if previous in _AR_NAME_PARTICLES else _ar_name_kind(previous)
        if kind and _ar_after_name(words[i], words[i + 1] if i + 1 < len(words) else "", kind):
            return i
    return len(words)


def _ar_after_definite(word: str, after: str, titled: bool = False) -> bool:
    """After a definite word, an indefinite common noun is neither its genitive nor its adjective
    (adjectives agree in definiteness): it starts the object or the next phrase. Names, titles,
    nisba forms (also surnames: "شكري"), prepositions and coordination go on."""
    if word in _AR_DOCUMENT_OBJECTS:
        return True  # "الكاتب تغريدة"، "الحزب بيانا": the document published is the object, a title before it too
    if not titled and word.endswith("ية") and word[:1] not in "وبلك" and not word.startswith("ال") and len(word) >= 5 and after.startswith("ال") and after not in _AR_NAME_SECOND \
            and word not in _ar_words()[2] and (_ar_common(word) or len(word) >= 6 or word[:1] in "أم"):
        # "البدوي أهمية المركز": a noun in -ية with its genitive (no adjective of a definite word is
        # indefinite); short words may be a woman's name ("نادية")
        return True
    if word[:1] in "وبل" or word in _AR_TITLES or word in _AR_FUNCTION or word in _AR_NAME_PARTICLES \
            or word.endswith(("ي", "ية", "يون", "يين", "يان")) \
            or _ar_name_kind(after) and (titled or not (word.endswith("ة") and _ar_common(word))):
        return False  # (no title before: "الصليب الأحمر الصيني مدينة ميلانو" — a common noun in ة with a name is the object)
    # an indefinite noun in ة ("تدوينة", "عقوبة") is a common noun even where our text never
    # attests it, unless a title may be followed by a woman's name ("الناشطة فاطمة")
    common = _ar_common(word) or not titled and word.endswith("ة") and not word.startswith("ال") and len(word) >= 4 \
        and word not in _ar_words()[2] and word not in ("قبالة", "ناحية", "قرابة", "بمثابة") \
        or _AR_PLURAL_TAFAIL.match(word) is not None  # ة-prepositions; "تفاصيل"، "تقارير": a plural of a noun in ت
    if after.startswith("ال") and not _AR_MASDAR.match(word) and (after in _AR_NAME_SECOND or titled and not _AR_PLURAL_TAFAIL.match(word) or not common):
        return False  # "نور الدين", "الوزير الليبي كامل الفاسي": a name whose second part has the article
    # else a common noun before a definite one is the object with its genitive ("عدد الضحايا")
    return common and _ar_name_kind(word) is None


_AR_PLURAL_TAFAIL = _lazy(r"^ت[\u0621-\u064A]ا[\u0621-\u064A]ي[\u0621-\u064A]$")  # تفاصيل، تقارير، تصاريح
_AR_DOCUMENT_OBJECTS = frozenset("تغريدة تغريده تدوينة رسالة بيان بيانا بياناً منشور منشورا منشوراً مقال مقالا مقالاً تقريرا تقريراً".split())
_AR_NAME_SECOND = frozenset("الدين الله الرحمن الرحيم الإسلام الاسلام العزيز الحق الكريم الحميد الهدى الزمان النور الحسن الحسين".split())
_AR_ACTIVE_PARTICIPLE = _lazy(r"^ال[\u0621-\u064A]ا[\u0621-\u064A]{2}(?:ة|ون|ين)?$")  # العاملة، الناشطين
_AR_PREPOSITION_WORDS = frozenset("في فى على من عن مع إلى الى لدى ضد".split())


def _ar_adjective_listed(word: str) -> bool:
    return word in _AR_DEFINITE_ADJECTIVES or any(word.endswith(x) and word[:-len(x)] in _AR_DEFINITE_ADJECTIVES for x in ("ة", "ون", "ين"))


def _ar_object_start(words: list[str]) -> int:
    """Where the object or a clause starts after a verb-first subject, by the word's own form
    (the nominative subject takes none of these), else ``len(words)``: an indefinite accusative
    ("شاهد ردا"), a present-tense verb after an indefinite noun (a relative clause: "سيدة تعمل
    في ..."), "ب" with a noun after a definite word ("المنظمة بتوخي الحذر"), a noun with a
    possessive ("نشطاء سعوديين تأكيدهم"), a definite active participle with a preposition
    ("الجمعيات الخيرية العاملة في ...")."""
    for i in range(1, len(words)):
        w, prev = words[i], words[i - 1]
        after = words[i + 1] if i + 1 < len(words) else ""
        if prev in _AR_NAME_PARTICLES or w in _AR_NAME_PARTICLES or _ar_name_kind(w) in ("gazetteer", "surname"):
            continue
        if prev[-1:] in "\"»”" and prev[:1] not in "\"«“" and w.startswith("وال"):
            return i  # 'عضو المجلس «فلان» والمقرب من ...': a coordinated description after the quoted name
        if prev[-1:] in "\"»”" and prev[:1] not in "\"«“" and w[:1] not in "و\"«“(" and not w.startswith("ال") \
                and not w.endswith(("ي", "ية", "يون", "يين")) and re.match(r"[\u0621-\u064A]", w):
            return i  # 'الرئيس "فلان الفلاني" بشرى سارة': a quoted name is closed, a common noun starts the object
        if w.endswith("اً") or w.endswith("ا") and len(w) > 4 and not w.startswith("ال") and _ar_common(w[:-1]) \
                or w in ("ردا", "رداً") or re.fullmatch(r"م(?![اي])[\u0621-\u064A]{3,5}(?:اً|ا)", w) and _ar_name_kind(w) not in ("gazetteer", "surname"):
            return i  # (an accusative adverbial: "شاهد ردا على سؤال", "in reply to")
        if not prev.startswith(("ال", "وال")) and re.match(r"^[يت][\u0621-\u064A]{2,4}(?:ون|ان)?$", w) and not _ar_common(w) \
                and not w.endswith(("ي", "ية", "ا")) and (after in _AR_PREPOSITION_WORDS or after.startswith("ال")):
            return i
        if prev.startswith(("ال", "وال")) and w.startswith("ب") and len(w) > 4 \
                and (w[1:].startswith("ال") or _ar_common(w[1:]) or re.fullmatch(r"ت[\u0621-\u064A]{2}ي", w[1:])) \
                and not _ar_common(w):
            return i
        if not w.startswith("ال") and len(w) >= 5 and re.search(r"(?:هم|ها|هما)$", w) and prev not in _AR_TITLES \
                and (prev.startswith("ال") or prev.endswith(("ي", "ية", "يون", "يين", "ون", "ين"))) and _ar_common(re.sub(r"(?:هم|ها|هما)$", "", w).rstrip("ت") or "-"):
            return i
        if _AR_ACTIVE_PARTICIPLE.match(w) and after in _AR_PREPOSITION_WORDS and prev.startswith("ال") and not _ar_adjective_listed(w):
            return i
        if i >= 2 and _AR_MASDAR.match(w) and after.startswith("ال") and prev.endswith("ة") and not prev.startswith("ال") \
                and not words[i - 2].startswith(("ال", "وال")):
            return i  # "لقطات مصورة تصاعد العنف": a verbal noun after an indefinite head and its adjective is the object
    return len(words)


def _ar_subject_end(span: str) -> str:
    """Cut the verb's object off a verb-first subject ("نفى الجيش الإسرائيلي الرواية").

    A definite noun takes no genitive, so after a definite word another definite word is its
    adjective or the start of the object; after an indefinite word it is a genitive ("نقابة
    المعلمين"), except after a sound plural in -ون ("محللون بارزون الخطة") or a country name
    ("اتهمت أرمينيا الجانب الآخر"), which take none either."""
    words = span.split()
    if len(words) < 2 or "،" in span:
        return span  # "title، Name": bounded already
    cut = _ar_object_start(words)
    if cut < len(words):
        words = words[:cut]
        span = " ".join(words)
        if len(words) < 2:
            return span
    head = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]
    if head in _ar_country_names() and words[1].startswith("ال") and not words[1].endswith(("ي", "ية", "يون", "يين")):
        return words[0]
    cut = _ar_name_end(words)
    if cut < len(words):
        words = words[:cut]
        span = " ".join(words)
    previous = words[0]
    titled = re.sub(r"^و?ال", "", words[0]) in _AR_TITLES or words[0] in _AR_TITLES  # a person's title: a name may follow
    for i, word in enumerate(words[1:], 1):
        if (titled or words[0] in _AR_TITLE_APPOSITION) and (word in _ar_definite_surnames() or i == 1 and word == "أول"):
            previous = word
            continue  # "الرئيس الأسد": the leader's name, not the object; "الفريق أول": one rank
        if previous.strip(_AR_QUOTE_CHARS).startswith("ال") and len(word) >= 5 and word.endswith(("ه", "ها", "هم", "هما")) \
                and not word.startswith("ال") and not word.endswith("الله") and _ar_name_kind(word) not in ("gazetteer", "surname"):
            return " ".join(words[:i])  # "الضباط حركتهم": a noun with a possessive is the object
        if previous.startswith("ال") and (word in _AR_DOCUMENT_OBJECTS or i + 1 < len(words) and _ar_after_definite(word, words[i + 1], titled)):
            return " ".join(words[:i])  # "الجيش الإسرائيلي مقتل اثنين": an indefinite noun after a definite one
        if word.startswith("ال"):
            plural = not previous.startswith("ال") and previous.endswith("ون") and len(previous) >= 6
            closed = previous.startswith("ال") or plural
            # (an indefinite plural takes neither a genitive nor a definite adjective: "مغردون المشهد")
            if closed and (plural or not _ar_adjective(word) or _ar_construct_noun(word)) and word not in _AR_TITLE_APPOSITION and word[2:] not in _AR_TITLES:
                return " ".join(words[:i])
        previous = word
    return span


# After the verb, no subject: a complementizer, a quotation, or a preposition, a time or
# circumstance phrase ("وأكد في كلمة له أنه", "لفت إلى أن", "صرح به", "قال فيه").
_AR_NO_SUBJECT = _lazy(
    r"\s*(?:[بف]?(?:إن|أن|ان|بان)(?:ه|ها|هم|هما|نا)?(?![\u0621-\u064A])|:|«|\"|“|'|laquo;|،|لـ?\s*(?=[\"«“”\uE000-\uE006])|"
    r"(?:ال)?(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)(?=\s*[:،«\"“]|\s+(?:الماضي|المقبل|إن|أن|ان|بأن)(?:\s|$))|"
    r"(?:لهم|لهما|لهن|لنا|لي|لكم)(?=\s|$|،|:)|"  # "يقول لهم: ...": the addressee, the subject is before the verb
    r"ل(?!ل)[\u0621-\u064A]{3,}(?:يه|يها|يهم|ه|ها|هم)(?=\s*[:«\"“]|\s+(?:إن|أن|ان|بأن)(?:\s|$))|"  # "قال لأنصاره: ..."
    r"(?:إلى|الى|على)\s+(?:إن|أن|ان|أنه|إنه|أنها|إنها|ضرورة|أهمية)|"
    r"(?:في|خلال|عبر|أمام|على|عن|من|مع|لدى|به|بها|فيه|فيها|ذلك|له|لها|أيضا|أيضاً|كذلك|بدوره|بدورها|مؤخرا|مؤخراً|بشدة|رسميا|رسمياً|سابقا|سابقاً|مجددا|مجدداً|مرارا|مراراً|صراحة|علنا|علناً|أكثر من مرة|"
    r"أمس|اليوم|الليلة|مساء|صباح|يوم|لوكالة|لصحيفة|لقناة|لموقع|لشبكة|لإذاعة|لتلفزيون|لوسائل|للصحفيين|للصحافيين|"
    r"للصحافة|للمراسلين|للإعلام)(?=\s|$|،|:)|"
    r"(?:لماذا|هل|كيف|متى|أين|عما|عمّا|إن\s+كان|إذا|ما\s+إذا)(?=\s)|"  # "تساءل لماذا ...": a question, no subject
    r"م[\u0621-\u064A]{3,6}(?:اً|ا)(?=\s|:|،))")  # "وأضاف مخاطبا الحضور": a circumstantial participle (حال), no subject
_AR_SAID_IN_IT = _lazy(r"\s*(?:فيه|فيها|فيهم)\s+(?:إن|أن|ان|بأن|إنه|أنه|إنها|أنها|بأنه|بأنها)(?=\s)")
_AR_COLON_AFTER = _lazy(r"\s*(?:(?:فيه|فيها|فيهم|له|لها)\s*)?:\s*\S")
_AR_PRONOUN_OBJECT = _lazy(r"\s*(?:به|بها|فيه|فيها|عنه|عنها|بذلك)(?=\s+(?!إن|أن|ان|بأن|بأنه|بأنها|إنه|أنه|إنها|أنها)[\u0621-\u064A])")
_AR_BEFORE_LEAD = _lazy(r"^(?:(?:إلى ذلك|الى ذلك|من جهته|من جهتها|من جانبه|من جانبها|في السياق نفسه|في هذا السياق|و|ثم|فيما|بينما|كما|وقد|قد|فقد|لقد|وكان|كان|وكانت|كانت|لكن|ولكن|غير أن|إلا أن|فإن|بل)(?:\s+|$))+")
_AR_PRONOUN_BEFORE = _lazy(r"(?:^|[\s،])و?(هو|هي|هم|هن|أنا|نحن)\s+$")
# a particle with the subject as its suffix: "لكنه اعتبر"، "ولكنها قالت"، "فإنه يرى" (guide §6: pronoun)
_AR_SUFFIX_PRONOUN_BEFORE = _lazy(r"(?:^|[\s،])([وف]?(?:لكن|لكنّ|إن|إنّ|فإن|لأن|كأن)(?:ه|ها|هم|هما|هن))\s+$")
_AR_AFTER_SINGULAR_RELATIVE = _lazy(r"(?:^|\s)(?:التي|الذي)\s+$")
_AR_ANTECEDENT_STOP = frozenset("رغم ورغم بالرغم وبالرغم إن أن ان لأن كما بين".split())


def _ar_antecedent(before: str) -> str | None:
    """The definite noun phrase a singular relative pronoun stands for: the words before it back
    to a punctuation mark, a preposition or a particle, at most six, the last one definite."""
    clause = re.split(r"[.،:«»\"“”؛()]", re.sub(r"\s*،\s*$", "", before))[-1].split()  # "X، التي": a comma before it too
    words = []
    for word in reversed(clause):
        if word in _AR_PREPOSITION or word in _AR_FUNCTION or word in _AR_ANTECEDENT_STOP or _AR_CUE.fullmatch(word) \
                or word[:1] in "يت" and not word.startswith("ت") and not _ar_common(word):
            break
        words.insert(0, word)
    if not 0 < len(words) <= 6 or not words[-1].startswith(("ال", "وال")) or words[0][:1] in "وف" and not words[0].startswith("ال"):
        return None
    return " ".join(words)


_AR_AFTER_RELATIVE = _lazy(r"(?:^|\s)و?(?:الذين|اللذين|اللواتي|اللاتي)\s+$")  # plural: the relative is the subject
# The last complementizer before the cue: the subject is what follows it ("مشيرا إلى أن أوروبا ترى").
_AR_COMPLEMENTIZER = _lazy(r"^.*(?:^|\s)(?:أن|إن|ان|بأن|لأن)\s+")
_AR_BEFORE_NOT = _lazy(r"^(?:حيث|إذ|الذي|التي|الذين|عندما|بعدما|بينما|حين|حينما|لما|ما|من|هو|هي|هم|ذلك|هذا|وهو|وهي|أنه|أنها|إنه|إنها|أن|إن|لأن|كي|لكي|حتى|قبل|بعد)(?:\s|$)")


_AR_STATEMENT_BEFORE_CUE = _lazy(r"\s+(?:في|فى)\s+(?:بيان|تصريح|تصريحات|تغريدة|منشور|رسالة|كلمة|مؤتمر)\S*(?:\s+(?:له|لها|لهم|صحفي|صحافي|رسمي))?$")


def _ar_subject_before(text: str, start: int, after_verb: bool = False) -> str | None:
    """A subject before the verb ("برينس نفى ذلك", "مدير ... قال إن"): the clause's words before it.
    ``after_verb``: the cue completes a verb ("خرج X بعد المباراة ليقول"): the subject of that verb."""
    before = re.split(r"[.،:«»\"“”؛|]|//", text[:start])[-1].strip()  # "عاجل// X يعلن": a label before the subject
    before = _AR_STATEMENT_BEFORE_CUE.sub("", before)  # "X في بيان أكد": where it spoke, between subject and verb
    if after_verb:
        first = re.match(r"\S+", before)
        subject = _ar_span(before[first.end():] + " ") if first else None
        return _ar_subject_end(subject) if subject else None
    if re.search(r"(?:^|\s)(?:أن|إن|ان|بأن|لأن)$", before):
        return None  # "وسبق أن ذكرت X": the complementizer, no subject before the verb
    complementizer = _AR_COMPLEMENTIZER.match(before)
    if complementizer:
        before = before[complementizer.end():]
        if len(before.split()) > 4 or re.search(r"(?:^|\s)و", before):
            return None  # a clause, not a subject
    if re.search(r"(?:^|\s)(?:قد|لقد)\s", before):
        return None  # "X قد نشر تغريدة قال فيها": another verb's clause
    if re.search(r"(?:^|\s)و?(?:الذي|التي|الذين|اللذين|اللواتي|اللاتي)$", before):
        return None  # "الذين يرفضون": the relative pronoun is the subject
    before = re.split(r"(?:^|\s)(?:و?لكن|غير\s+أن|إلا\s+أن|إلّا\s+أنّ|الا\s+ان)\s+", before)[-1]  # "... ولكن X يقول"
    before = _AR_BEFORE_LEAD.sub("", before)
    words = before.split()
    if not 0 < len(words) <= 10 or _AR_CUE.search(before) or _AR_BEFORE_NOT.match(before):
        return None
    if words[0][:1] in "يت" and len(words) > 1:
        return None  # a verb opens the clause: the words before the cue are its subject or object
    if words[0] in _AR_PREPOSITION_WORDS or words[0] in ("فى", "وفي", "وفى"):
        return None  # "، في الهجوم وقال": a prepositional phrase is no subject
    return before


_AR_FRONTED = _lazy(r"^\s*([^\s،,.:«»\"“”؛()]+(?:\s+[^\s،,.:«»\"“”؛()]+){0,5})\s*[،,]\s*$")


def _ar_comma_subject(text: str, start: int) -> str | None:
    """A noun phrase that opens the sentence, set off by a comma before the verb ("مصادر عسكرية
    معارضة، أكدت ..."، "المصدر الخاص، أكد ..."): the subject. Leads ("من جهته"), time and place
    phrases ("يوم الأحد"، "في المقابل") and clauses are not."""
    fronted = _AR_FRONTED.match(text[:start])
    if not fronted or _AR_BEFORE_LEAD.match(fronted.group(1)) or _AR_BEFORE_NOT.match(fronted.group(1)):
        return None
    words = fronted.group(1).split()
    head = words[0]
    if head[:1] in "وفبل" and not head.startswith(("ال", "وال")) or head in _AR_PREPOSITION_WORDS or head[:1] in "يت" and not _ar_common(head) \
            or re.match(_AR_TIME_WORDS, re.sub(r"^و?ال", "ال", head)) or _AR_CUE.search(fronted.group(1)):
        return None
    if any(w in _AR_PREPOSITION or w in _AR_FUNCTION or re.fullmatch(r"\d+", w) for w in words):
        return None
    if not (head.startswith("ال") or head in _AR_TITLES or _ar_common(head) or _AR_BROKEN_PLURAL.match(head)):
        return None
    return fronted.group(1)


@lru_cache(maxsize=2)
def _ar_verb_forms(with_objects: bool = True) -> frozenset[str]:
    forms = _ar_forms(_LEXICONS["ar"]["verbs"])
    return frozenset(forms if with_objects else (f for f in forms if not any(
        f.endswith(x) and f[:-len(x)] in forms for x in _AR_OBJECT_SUFFIXES)))


def _ar_svo_subject(text: str, start: int, cue: str) -> str | None:
    """Subject, verb, object ("الرئاسة الفلسطينية اعتبرت القرار صفعة", "الاتحاد الأوروبي يهدد
    السلطة"): a short noun phrase opens the sentence right before a cue with no "و"/"ف", so the
    noun after the verb is its object. None when the cue opens its clause (verb first)."""
    if cue[:1] in "وف" and cue[1:] in _ar_verb_forms() or _AR_PRONOUN_OBJECT.match(text, start + len(cue)):
        return None  # "وقال": a conjunction, the verb opens its clause; "صرح به X": X after the verb
    before = re.sub(r"^\d{1,2}:\d{2}\s+", "", text[:start].strip())  # "21:13 رئيس الوزراء يتعهد": a live blog's time stamp
    if not before or re.search(r"[-–—()«»\"“”:،,.؛]", before):
        return None  # not the start of the sentence: a dateline, a clause or a quotation before it
    words = before.split()
    if len(words) > 4 or words[0][:1] == "و" and not words[0].startswith("وال") or _AR_BEFORE_LEAD.match(before) \
            or _AR_BEFORE_NOT.match(before):
        return None  # "فقد أكدت X", "فيما تشكو X": a particle, the verb comes first

    def nominal(word: str) -> bool:
        bare = word[1:] if word.startswith("وال") else word
        return bare not in _AR_PREPOSITION and bare not in _AR_FUNCTION and bare not in _AR_NOT_IN_SUBJECT and (
            bare.startswith("ال") or bare in _AR_TITLES or _ar_name_kind(bare) in ("gazetteer", "surname", "unknown"))

    return before if all(nominal(w) for w in words) else None


_AR_KANA_BEFORE = _lazy(r"(?:^|[\s،,])(?:(?:أن|إن|ان|بأن|لأن)\s+)([^\s،,.:«»\"“”]+(?:\s+[^\s،,.:«»\"“”]+){0,3})\s+(كان|كانت|كانوا)\s+(?:قد\s+)?$")


def _ar_kana_subject(text: str, start: int, cue: str) -> str | None:
    """"أن X كانت قد مدحت Y": the subject stands before "كان (قد)" after a complementizer, so the
    noun after the cue is its object (guide §3.3: subject first, "كان المدير قد صرح")."""
    if cue[:1] in "وف" and cue[1:] in _ar_verb_forms():
        return None
    found = _AR_KANA_BEFORE.search(text, max(0, start - 80), start)
    if not found or _ar_cue_gender(found.group(2)) not in (None, _ar_cue_gender(cue)):
        return None
    words = found.group(1).split()
    if any(w in _AR_FUNCTION or w in _AR_PREPOSITION or w in _AR_NOT_IN_SUBJECT or w[:1] in "يت" and not w.startswith("ال") for w in words):
        return None
    return found.group(1)


_AR_INDEFINITE_HEAD_STOP = frozenset("سوى إلا غير بعض كل أي عدة عدد".split())


def _ar_indefinite_nisba(word: str) -> bool:
    """An indefinite nisba adjective ("أمني"، "لبناني"، "مصرية"): no article, no name of the gazetteer."""
    return not word.startswith(("ال", "وال")) and len(word) >= 4 and word.endswith(("ي", "ية")) \
        and word not in _AR_FUNCTION and _ar_name_kind(word) not in ("gazetteer", "surname")


def _ar_indefinite_head(text: str, start: int, cue: str) -> tuple[str, int] | None:
    """An indefinite noun right before a cue with no conjunction, the verb present or a feminine
    past ("لافتات تطالب"، "صورا وفيديوهات تظهر"، "شهادات أكدت"): Arabic writes a relative clause
    on an indefinite noun without a pronoun, and its verb's subject is that noun (guide §7). The
    phrase runs back over indefinite nouns and coordination ("صورا وفيديوهات"); a "و" opening it is
    left out. None when a definite word follows the verb (its own subject: "مفاجئة أعلنت
    الحكومة"), when the phrase follows a preposition ("في خطوة تؤكد") or for plural verbs
    (often another subject: "مقطع فيديو قالوا")."""
    if cue[:1] in "وفل" and cue[1:] in _ar_verb_forms() or cue.endswith(("وا", "ون")):
        return None
    if not (cue[:1] in "يت" or cue.endswith("ت")):
        return None
    after = text[start + len(cue):].split(maxsplit=1)
    if after and (after[0].startswith(("ال", "وال")) or _ar_name_kind(after[0]) in ("gazetteer", "surname")):
        return None
    before = text[:start]
    if not before.endswith(" ") or re.search(r"[«»\"“”]\s*$", before):
        return None
    clause = re.split(r"[.،:«»\"“”؛()]", before)[-1]
    words = clause.split()

    def indefinite(word: str) -> bool:
        bare = word[1:] if word[:1] == "و" and len(word) > 3 else word
        bare = "أ" + bare[1:] if bare[:1] == "ا" and not bare.startswith("ال") else bare  # "اخبار": a bare alef for a hamza
        return len(bare) >= 3 and not bare.startswith("ال") and bare not in _AR_FUNCTION and bare not in _AR_TITLES \
            and bare not in _AR_INDEFINITE_HEAD_STOP and not (bare[:1] in "بل" and _ar_common(bare[1:])) and not bare.endswith(("ي", "ية", "يين", "يون")) \
            and (_ar_common(bare) or bare.endswith(("ات", "ة")) or _AR_BROKEN_PLURAL.match(bare) is not None) \
            and _ar_name_kind(bare) is None and not re.match(r"^[يت][\u0621-\u064A]{2,}$", bare) and bare not in _ar_verb_forms()
    if not words or not indefinite(words[-1]):
        return None
    i = len(words) - 1
    while i > 0 and words[i][:1] == "و" and len(words[i]) > 3 and indefinite(words[i - 1]):
        i -= 1  # "صورا وفيديوهات": coordinated indefinite nouns
    j = i
    while j > 0 and i - j < 4 and _ar_indefinite_nisba(words[j - 1]):
        j -= 1  # "مسؤول أمني لبناني كبير يقول": the nisba adjectives and the noun they describe
    if j < i and j > 0 and (indefinite(words[j - 1]) or words[j - 1] in _AR_TITLES) and (j < 2 or words[j - 2] not in _AR_PREPOSITION):
        i = j - 1
    if i > 0 and words[i - 1] in _AR_PREPOSITION:
        return None  # "في خطوة تؤكد": a circumstance
    phrase = words[i:]
    if phrase[0][:1] == "و" and len(phrase[0]) > 3:
        phrase[0] = phrase[0][1:]
    source = " ".join(phrase)
    at = before.rfind(source)
    return (source, at) if at >= 0 else None


# Verbs that report only in one construction, so kept out of the lexicon: "نشر" (published) with
# its subject and a that-clause ("نشرت صحيفة X أن ..."; not "نشر صورا", nor "نشر تغريدة قال فيها
# إن": another cue's clause), "نص" (stipulated) with "على أن" ("نص القانون على أن").
# "ثمّن" (praised) only with a person's title or name as subject ("ثمن الوزير جهود ..."; not "ثمن
# الخبز": the price of bread).
# "قرر" (decided, ruled) with a that-clause whose subject is a noun ("قرر النظام أن العامل ..."; not
# "قررت X أن تؤجل": decided to).
_AR_CONDITIONAL_CUE = _lazy(r"(?:^|(?<=[\s،.:]))([وف]?(?:نشرت|نشر|ينشر|تنشر|نص|نصت|ينص|تنص|قرر|قررت|يقرر|تقرر|ثمن|ثمنت|يثمن|تثمن|ألقى|ألقت|ألقوا|يلقي|تلقي|القى|القت|شبه|شبهت|شبهوا|وبين|بين))(?=[\s،:]|$)")
_AR_PUBLISHED_THAT = _lazy(r"^(?:\s+[^\s:؛.]+){1,8}?\s+(?:أن|إن|ان|بأن|بان)(?=\s)")
_AR_STIPULATED_THAT = _lazy(r"^(?:\s+[^\s:؛.«»\"“”]+){0,6}?\s+على\s+(?:أن|ان|إن)(?=\s)")


_AR_LIKENED = _lazy(r"^\s+(?!(?:ال)?جزير|رسمي|كامل|يومي|مستحيل|معدوم|مستقل|متوقف|تام)(?:[^\s:؛.،«»\"“”]+\s+){1,4}[\"«“]?ب[\u0621-\u064A]{3,}")
_AR_BLAMED = _lazy(r"^(?:\s+[^\s:؛.،«»\"“”]+){0,5}?\s+(?:باللوم|باللائمة|اللوم)(?=\s|$)")


def _ar_conditional_cue(text: str, match: re.Match) -> bool:
    rest = text[match.end(1):]
    if "نشر" in match.group(1) or "قرر" in match.group(1):
        found = _AR_PUBLISHED_THAT.match(rest)
        if found and "قرر" in match.group(1) and re.match(r"\s*[يتن][\u0621-\u064A]{2,}(?:\s|$)", rest[found.end():]):
            return False  # "قررت اللجنة أن تؤجل": a decision to act
        return found is not None and not _AR_CUE.search(found.group()) and not _AR_CONDITIONAL_CUE.search(found.group())
    if "ثمن" in match.group(1):
        return _ar_person_after(text, match.end(1))
    if "شبه" in match.group(1):
        return _AR_LIKENED.match(rest) is not None  # "شبّه X بـ" (likened), not "شبه جزيرة"، "شبه رسمي"
    if match.group(1) in ("بين", "وبين"):
        # "X بين أن ..."، "وبين الوزير أن ...": explained (بيّن), not "between"
        return bool(re.match(r"\s+(?:أن|ان|بأن)(?=\s)", rest)) or match.group(1) == "وبين" \
            and bool(re.match(r"(?:\s+[^\s:؛.،«»\"“”]+){1,5}?\s+(?:أن|ان|بأن)(?=\s)", rest))
    if "لق" in match.group(1):
        return _AR_BLAMED.match(rest) is not None  # "ألقى X باللوم على": blamed (ألقى كلمة، ألقى القبض: no)
    return _AR_STIPULATED_THAT.match(rest) is not None


def _ar_person_after(text: str, end: int) -> bool:
    """A person's name or title right after an evidence verb ("كشف الديحاني المعلومات", "كشف
    الوزير تفاصيل"): a person reveals, so the verb reports with a noun object too."""
    words = text[end:].split(maxsplit=2)
    if not words:
        return False
    first = words[0]
    bare = re.sub(r"^ال", "", first)
    return bare in _AR_TITLES or first in _AR_TITLE_APPOSITION or (_ar_name_kind(first) in ("gazetteer", "surname")) \
        or first.startswith("ال") and first.endswith("ي") and len(words) > 1 and not words[1].startswith("ال") \
        and _ar_name_kind(first[2:]) is not None and not _ar_common(first[2:])


_AR_THAT_SUBJECT = _lazy(r"(?:^|\s)(?:أن|إن)\s+([^\s،.:«»\"“”]+(?:\s+[^\s،.:«»\"“”]+)??)\s+([\u0621-\u064A]{3,6})(?=\s)")


_AR_WHEN_CLAUSE = _lazy(r"^\s*[وف]?(?:في\s+حين|عندما|حين|حينما|بعدما|لما|بينما|فيما)\s+(?:لم\s+|قد\s+)?([\u0621-\u064A]{3,6})(?=\s)")
_AR_TIME_CONJUNCTIONS = frozenset("عندما بعدما حينما كلما لما بينما فيما طالما ريثما".split())


def _ar_verb_gender(word: str) -> str | None:
    """The gender a verb shows when no conjunction is written on it ("وصلت" is a verb of its own,
    not "و" + "صلت"): :func:`_ar_cue_gender` after a dummy conjunction it takes off."""
    return _ar_cue_gender("ف" + word)


def _ar_shared_subject(before: str, cue: str) -> str | None:
    """The subject written once for joined verbs, before a subject-less cue in the same sentence:
    the subject of a sentence that opens with a past verb ("زار X ...، وأعلن"), or the one or two
    words after "أن" before a past verb ("أن X عاملت ...، وأعلنت"); its verb agrees with the cue."""
    gender = _ar_cue_gender(cue)
    if gender is None:
        return None
    opening = _AR_OPENING_VERB.match(_blank_dateline(before, "ar"))
    if opening and (opening.group(1) in _AR_FUNCTION or opening.group(1) in _AR_NOT_VERB or opening.group(1) in _AR_TIME_CONJUNCTIONS
                    or opening.group(0).strip() in ("وفي", "وفى")):
        opening = None  # "وعندما زار X"، "وفي حين": a conjunction or a preposition opens the sentence, not a verb
    subject = _ar_clause_subject(before) if opening else None
    if subject and _ar_cue_gender(opening.group(1)) == gender and subject.split()[0] not in _AR_FUNCTION:
        return subject
    when = _AR_WHEN_CLAUSE.match(before)
    if when and _ar_verb_gender(when.group(1)) == gender and when.group(1) not in _AR_FUNCTION:
        subject = _ar_span(" " + before[when.end():])
        subject = _ar_subject_end(subject) if subject else None
        if subject and len(subject.split()) <= 8 and subject.split()[0] not in _AR_FUNCTION and not _ar_prepositional(subject.split()[0]):
            return subject  # "وعندما زار X المدينة، انتقد ..."، "وفي حين لم يتطرق X إلى ...، أشار": the when-clause's subject
    that = _AR_THAT_SUBJECT.search(before)
    if that and _ar_verb_gender(that.group(2)) == gender and that.group(2)[:1] not in "يتن" and not that.group(2).startswith("ال") \
            and all(_ar_name_kind(w) or w.startswith("ال") for w in that.group(1).split()) \
            and not _AR_CUE.search(before, that.end()):
        return that.group(1)
    return _ar_fronted_subject(before, gender)


# "غير أن"، "إلا أن"، "لكن": a clause whose subject stands before its verb
_AR_FRONTING = _lazy(r"^(?:(?:غير|إلا|الا)\s+(?:أن|ان)|و?لكن|بيد\s+أن)\s+")


def _ar_fronted_subject(before: str, gender: str) -> str | None:
    """The subject of a sentence opening "غير أن / إلا أن / لكن" + a person by title (and name) +
    a past verb with a preposition ("غير أن الخبير الاقتصادي سامي نور شكك في ...، وقال"): the words
    up to the verb, when the first is a person's title and none is a function word, and the verb
    agrees with the cue."""
    clause = _blank_dateline(before, "ar").strip()
    opening = _AR_FRONTING.match(clause)
    if not opening:
        return None
    words = clause[opening.end():].split()
    for i, word in enumerate(words[:8]):
        # the verb: the word before the first preposition ("شكك في"), not nominal in form
        if i + 1 < len(words) and words[i + 1] in _AR_PREPOSITION_WORDS:
            if i < 2 or not re.fullmatch(r"[\u0621-\u064A]{3,6}", word) or word[:1] in "يتن" or word.startswith("ال") \
                    or word.endswith(("ي", "ة", "ون", "ين", "ات")) or _ar_verb_gender(word) != gender:
                return None
            subject = words[:i]
            if re.sub(r"^ال", "", subject[0]) in _AR_TITLES and not any(w in _AR_FUNCTION or w[:1] in _AR_QUOTE_CHARS for w in subject) \
                    and not _ar_prepositional(subject[-1]) and _ar_subject_end(" ".join(subject)) == " ".join(subject):
                return " ".join(subject)
            return None
    return None


def _ar_clause_start(text: str, start: int) -> bool:
    """The cue opens the sentence (after a dateline) or a clause after a comma."""
    head = text[:start].rstrip()
    lead = _AR_BEFORE_LEAD.match(head + " ") if head else None
    return start <= 12 and not re.search(r"[\u0621-\u064A]{2,}\s+[\u0621-\u064A]{2,}", head) or head.endswith(("،", ",", "؛", ".")) \
        or bool(lead and lead.end() >= len(head))  # "إلى ذلك قالت ...": a connective only


_AR_NOT_IN_SUBJECT = frozenset("قد لقد الذي التي الذين عندما وعندما حين حينما بعد قبل لم لن هو هي هناك".split())


def _ar_pluperfect_subject(match: re.Match) -> str | None:
    """The subject of "وكان X (قد) قال": at most eight words, no clause inside (a relative
    pronoun, قد, a time conjunction), a comma only in "title، Name، قد"; an insertion between
    dashes ("X -بينها Y- هددت") is left out."""
    subject = re.split(r"\s[-–—]", match.group(1))[0].strip()
    words = subject.split()
    if not words or len(words) > 8 or any(w in _AR_NOT_IN_SUBJECT for w in words):
        return None
    if "،" in subject and not re.search(r"قد\s+\S+$", match.group()):
        return None
    return subject


_AR_EVIDENCE_VERBS = frozenset("أظهر أظهرت يظهر تظهر أثبت أثبتت يثبت تثبت كشف كشفت يكشف تكشف".split())
_AR_COMPLEMENTIZER_AFTER = _lazy(r"(?:^|\s)(?:أن|إن|ان|أنه|أنها|انه|انها|بأن|بان|عن)(?=\s)")
_AR_NOUN_BEFORE = _lazy(r"(?:^|\s)(?:في|يتم|تم|بعد|قبل|عن|إلى|الى|على|حول)\s+$")
_AR_ACCORDING_CUE = _lazy(r"^[وف]?(?:بحسب|حسب|وفق|طبقا)")


def _attribute_ar(text: str) -> Attribution:
    """The first attribution of an Arabic sentence; an "according to" source gives way to a
    reporting verb with its own subject elsewhere in the sentence (the guide, §2.2: "وبحسب
    المنظمة، دعت النيابة إلى ..." — the prosecution speaks, the report only says where)."""
    found = _attribute_ar_first(text)
    if found.form == "named" and found.cue and found.span and _AR_ACCORDING_CUE.match(found.cue):
        at = text.find(found.cue)
        if 0 <= at <= found.span[0]:
            masked = text[:at] + " " * (found.span[1] - at) + text[found.span[1]:]
            other = _attribute_ar_first(masked)
            where = masked.find(other.cue) if other.cue else -1
            if other.form == "named" and other.cue and not _AR_ACCORDING_CUE.match(other.cue) and other.cue != ":" \
                    and other.source.split()[0] not in _AR_FUNCTION and other.source.split()[0] not in _AR_NOT_VERB \
                    and re.sub(r"^و", "", other.source.split()[0]) not in ("الذي", "التي", "الذى", "التى", "الذين") \
                    and not (where > 0 and _AR_AFTER_SINGULAR_RELATIVE.search(masked, max(0, where - 12), where)):
                # (not the verb of a relative clause on the source: "بحسب الصحافي فلان الذي كتب سيرته")
                return other
    return found


_AR_THREAT_WORDS = _lazy(r"(?:\s+[^\s.،:«»\"“”]+){0,3}?(?:\s+(?:ب\S+|أن|إن|ان|بأن)(?=\s|$)|\s*:)")
_AR_COMMENTED = frozenset("علق علقت يعلق تعلق علقوا".split())
_AR_COMMENT_WORDS = _lazy(r"(?:^|\s)(?:أن|إن|ان|بأن|أنه|أنها|إنه|إنها|قائلا|قائلاً|قائلة|قائلين|بالقول|مضيفا|مضيفاً)(?=\s|$)|[:«\"“]")


_AR_COMMENT_SAYING = _lazy(r"[^.:؛«»\"“”]{0,80}?،\s*(?:قائلا|قائلاً|قائلة|قائلين|مضيفا|مضيفاً)(?=[\s:،])")  # "وعلق X، Y، قائلا:"


def _ar_comment_without_words(text: str, end: int) -> int | None:
    """"علق" with no words of its own up to the next comma: without "على" it is "suspended"
    ("وعلقت الجلسة": -1); with "على" it only names the topic, and a later cue carries the
    content (its offset). None: "علق" is the cue."""
    clause = _AR_REFUSAL_CLAUSE.match(text, end).group()
    if _AR_COMMENT_WORDS.search(clause) or re.match(r"\s*[:«\"“]", text[end + len(clause):]) \
            or _AR_COMMENT_SAYING.match(text, end):
        return None
    if not re.search(r"(?:^|\s)على(?=\s)", clause):
        return -1
    later = next((m for m in _AR_CUE.finditer(text, end + len(clause)) if not _inside_quotes(text, m.start())), None)
    return later.start() if later is not None else None


_AR_REFUSAL = frozenset("رفض رفضت يرفض ترفض رفضوا يرفضون رفضا رفضتا".split())
_AR_REFUSAL_CLAUSE = _lazy(r"[^،,:؛.«»\"“”]{0,80}")


def _ar_refuses_an_act(text: str, end: int) -> bool:
    """After "رفض" the clause names an act (a verbal noun of a derived form: الإفراج، الاستسلام،
    انتقاد، التعليق) and reports no words: no "أن", no quotation, up to the next comma."""
    clause = _AR_REFUSAL_CLAUSE.match(text, end).group()
    words = clause.split()
    if any(w in ("أن", "إن", "ان", "بأن", "بان", "أنه", "أنها", "إنه", "إنها") for w in words):
        return False
    return any(_AR_MASDAR.match(re.sub(r"^[وف]?(?:ال)?", "", w)) for w in words[:5])


def _attribute_ar_first(text: str) -> Attribution:
    label = _AR_TRANSCRIPT.match(text) if ":" in text[:60] else None
    if label and _ar_speaker_label(label.group(1)) and not _AR_CUE.search(label.group(1)):
        # "الوزير: ..." before any cue: the label is the first attribution in reading order (§2.4, §2.5)
        return Attribution(label.group(1), ":", "direct", resolved=label.group(1), span=(label.start(1), label.end(1)), form="named")
    headline = _ar_headline_label(text) if ":" in text[:160] else None
    if headline is not None:
        return headline
    pluperfect = _AR_PLUPERFECT.match(text)
    subject = _ar_pluperfect_subject(pluperfect) if pluperfect else None
    if subject:
        return _named_ar(subject, pluperfect.group(2), text, pluperfect.start(1))
    statement = _AR_STATEMENT.search(text)
    if statement:
        return _named_ar(statement.group(1).strip(), "جاء في", text, statement.start(1))
    document = _AR_CAME_IN_DOCUMENT.search(text)
    if document and not _inside_quotes(text, document.start()):
        # "وجاء في البلاغ المقدم من ... أن"، "وجاء في الدعوة، أنها": the document itself speaks (no issuer named)
        return _named_ar(document.group(2), document.group(1), text, document.start(2))
    for match in _AR_AS_REVEALED.finditer(text):
        source = _ar_span(text[match.end():])
        if source:
            return _named_ar(source, match.group(1), text, match.end())
    candidates = []
    for match in _AR_ACCORDING.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(), True))
    for match in _AR_CUE.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(1), False))
    for match in _AR_CONDITIONAL_CUE.finditer(text):
        if not _inside_quotes(text, match.start()) and _ar_conditional_cue(text, match):
            candidates.append((match.start(), match.group(1), match.end(1), False))
    for match in (_AR_EXPRESSED.finditer(text) if "عب" in text else ()):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(1), False))
    participle = _AR_PARTICIPLE_CUE.search(text) if "م" in text or "قائل" in text or "لافت" in text or "داعي" in text else None
    if participle and _inside_quotes(text, participle.start()):
        participle = None
    for start, cue, end, according in sorted(candidates):
        if participle is not None and participle.start() < start:
            found = _ar_participle_attribution(text, participle) or _ar_opening_participle(text, participle)
            if found is not None:
                return found
            participle = None
        if not according and _AR_AFTER_RELATIVE.search(text, max(0, start - 12), start):
            continue  # "الذين يرفضون": the verb of a relative clause
        relative = None if according else _AR_AFTER_SINGULAR_RELATIVE.search(text, max(0, start - 12), start)
        if relative and _ar_cue_gender(cue) == ("f" if "التي" in relative.group() else "m") and not re.match(r"\s*(?:فيه|فيها|عنه|عنها|به|بها|له|لها|من|في|على|عن|إلى|الى)(?=\s|$)", text[end:]):
            # "التقارير الرسمية، التي تعتبر الفيضانات ...": the relative is the subject, and
            # it stands for the definite noun phrase before it
            antecedent = _ar_antecedent(text[:relative.start()])
            if antecedent:
                return _named_ar(antecedent, cue, text, relative.start() - len(antecedent) - 2)
        head = None if according else _ar_indefinite_head(text, start, cue)
        if head:
            # "ولافتات تطالب بالتغيير"، "أخبار تؤكد إقالته": the verb of a relative clause on an
            # indefinite noun, whose subject that noun is (guide §7: the noun a relative clause hangs on)
            return _named_ar(head[0], cue, text, head[1])
        if not according and cue.lstrip("وف") in _AR_EVIDENCE_VERBS and not _AR_COMPLEMENTIZER_AFTER.search(text, end) \
                and not _AR_VISUAL_SUBJECT.match(text, end) and not _ar_person_after(text, end):
            continue  # "وتظهر السجلات حجم الدين": evidence verbs report a proposition ("أن ...");
            # a photo or footage shows its object (guide §10: "وكشفت صور ... الطابق الأخير" is a cue)
        later = _ar_comment_without_words(text, end) if not according and cue.lstrip("وف") in _AR_COMMENTED else None
        if later is not None:
            if later < 0:
                continue  # "وعلقت الجلسة": suspended, no one speaks
            # "X علق على نجاحه ...، وقال فيها: ...": a comment with no words of its own gives way to
            # the cue that carries them (guide §2.5); with no subject of its own, that cue shares the
            # commenter's
            carrier = _attribute_ar_first(" " * later + text[later:])
            if carrier.form == "named" or carrier.cue is None:
                return carrier if carrier.cue is not None else _attribute_ar_first(text[:later])
            own = _attribute_ar_first(text[:later])
            return own._replace(cue=carrier.cue, quote_type=carrier.quote_type) if own.form == "named" else carrier
        if not according and cue.lstrip("وف") in _AR_REFUSAL and _ar_refuses_an_act(text, end):
            continue  # "رفضت المحكمة الإفراج عنه، وقال الادعاء ...": refusing an act says nothing; a
            # later cue carries the content (guide §2.5), else there is no attribution
        if not according and re.fullmatch(r"[وف]?[يت]عتبر", cue) and _AR_CONSIDERED.match(text, end):
            continue  # "التي تعتبر أكبر منتدى"، "يعتبر من أكثر": "is considered" (يُعتبر), no one speaks
        if not according and re.fullmatch(r"[وف]?[يت]هدد(?:ان|ون)?", cue) and not _AR_THREAT_WORDS.match(text, end):
            continue  # "الأزمة تهدد القطاع الصحي": endangers, no words; "تهدد بالرد"، "يهدد بأن" threaten
        if not according and _AR_NOUN_BEFORE.search(text, max(0, start - 8), start):
            continue  # "في وصف"، "يتم وصف": the verbal noun after a preposition or "تم"
        rest = text[end:]
        # one conjunction off ("ووصف" -> "وصف", "فقال" -> "قال"); a verb that starts with و/ف keeps it ("وصفت")
        verb = cue[1:] if cue[:1] in "وف" and len(cue) > 3 and (cue[1:] in _ar_verb_forms() or cue not in _ar_verb_forms()) else cue
        lemma = verb[1:] if verb[:1] in "يت" and len(verb) > 3 and not according else verb
        if verb.startswith(("نقل", "نسب")):
            nested = next((m for m in _AR_NESTED.finditer(rest) if not _inside_quotes(text, end + m.start())), None) \
                or (re.search(r"\s+(?:إلى|الى)\s+", rest) if verb.startswith("نسب") else None)
            to_whom = _AR_ASCRIBED_TO.match(rest) if verb.startswith("نسب") else None
            if to_whom and (nested is None or to_whom.start(1) < nested.start()):
                # "ونسبت الوكالة للنائب فلان قوله": the source with its "ل" as written
                return _named_ar(to_whom.group(1), cue, text, end + to_whom.start(1))
            if nested is None:
                continue  # "نقل المصابون" (carried the wounded), not attribution
            source = _ar_span(rest[nested.end():])
            source = _ar_subject_end(source) if source else None  # "عن نشطاء تأكيدهم": the verbal noun is what was said
            near = end + nested.end()
        elif not according and _AR_NO_SUBJECT.match(_ar_protect_quoted_names(rest)) and not _AR_PRONOUN_OBJECT.match(rest):
            # no subject after the verb: a subject before it ("الوزير قال إن"), else implicit
            pronoun = _AR_PRONOUN_BEFORE.search(text, max(0, start - 8), start) \
                or _AR_SUFFIX_PRONOUN_BEFORE.search(text, max(0, start - 10), start)
            if pronoun:  # "وهو يقول إن": a pronoun subject, resolved like an implicit one
                return Attribution(pronoun.group(1), cue, _quote_type(text, "ar"), form="pronoun",
                                   span=(pronoun.start(1), pronoun.end(1)))
            before = _ar_subject_before(text, start, after_verb=cue[:1] == "ل" and cue[1:2] in "يت")
            if before and re.match(r"\s*(?:فيه|فيها|فيهم)(?=[\s:])", rest) and not before.split()[-1].startswith(("ال", "وال")) \
                    and (_ar_common(before.split()[-1]) or before.split()[-1].endswith("ة")):
                before = None  # "نشر X تغريدة قال فيها": the verb of a relative clause on the document, not its subject
            if before:
                return _named_ar(before, cue, text, start - len(before) - 1)
            fronted = _ar_comma_subject(text, start) if not cue.startswith(("و", "ف")) or cue[1:] not in _ar_verb_forms() else None
            if fronted:
                return _named_ar(fronted, cue, text, text.find(fronted))
            where = re.search(r"[،,]\s*(?:حيث|إذ)\s*$", text[:start])  # "وسارعت X ...، حيث قالت": the same subject goes on
            shared = _ar_shared_subject(text[:start], cue) if start > 12 and (_ar_clause_start(text, start) or where) else None
            if shared:
                # "أن X فعلت كذا، وأعلنت أن ...": the subject of the joined verbs, written once (guide §7)
                return _named_ar(shared, cue, text, text.find(shared))
            if verb in _AR_IMPERSONAL:
                continue  # "ويرجح أن ...": "it is thought likely that", nobody speaks
            if _ar_clause_start(text, start):
                # a subject-less reporting verb opening the sentence or a clause: the first
                # attribution, so it decides the quote type ("وأضاف أن ...، وفقا لبيان"); a colon
                # right after it opens the speaker's words ("وأضاف: ...")
                direct = _AR_COLON_AFTER_SPEAKER.match(rest)
                return Attribution(None, cue, "direct" if direct else _quote_type(text, "ar"), form="implicit")
            relative = _AR_SAID_IN_IT.match(rest)
            if (relative or _AR_COLON_AFTER.match(rest)) and re.match(r"\s*(?:فيه|فيها|فيهم)(?=[\s:])", rest) and start > 12:
                # "ونشر X تغريدة قال فيها ...": the relative clause's verb shares the subject of the
                # clause that opens the sentence (guide §7)
                shared = _ar_shared_subject(text[:start], cue)
                if shared:
                    found = _named_ar(shared, cue, text, text.find(shared))
                    return found._replace(quote_type="direct") if not relative else found
            if _AR_COLON_AFTER.match(rest):
                # "حيث قالت: ...", "نشر تغريدة قال فيها: ...": the words after the colon are quoted
                return Attribution(None, cue, "direct", form="implicit")
            if relative:
                # "وأصدر بيانا قال فيه إن ...": the verb of a relative clause, its subject unnamed
                return Attribution(None, cue, _quote_type(text, "ar", start=start), form="implicit")
            continue
        else:
            pronoun = None if according or not re.match(r"\s*(?:هذا|هذه|ذلك|تلك|هؤلاء)\s", rest) else \
                _AR_SUFFIX_PRONOUN_BEFORE.search(text, max(0, start - 10), start) or _AR_PRONOUN_BEFORE.search(text, max(0, start - 8), start)
            if pronoun:  # "ولكنه شبّه هذا السلوك بـ": a pronoun subject before the verb, the demonstrative starts the object
                return Attribution(pronoun.group(1), cue, _quote_type(text, "ar"), form="pronoun",
                                   span=(pronoun.start(1), pronoun.end(1)))
            svo = (_ar_kana_subject(text, start, cue) or _ar_svo_subject(text, start, cue)) if not according else None
            if svo:
                return _named_ar(svo, cue, text, start - len(svo) - 1)
            pronoun = _AR_PRONOUN_OBJECT.match(rest)  # "صرح به النائب": the subject after the pronoun
            if pronoun:
                rest, end = rest[pronoun.end():], end + pronoun.end()
            colon = _AR_NAME_COLON.match(rest)
            if colon and not any(w in _AR_FUNCTION or w in _AR_PREPOSITION or re.fullmatch(r"(?:ل|ب|في|عن|من)(?:ه|ها|هم|نا)", w)
                                 or _AR_PARTICIPLE_CUE.match(w) or w in ("بالقول", "يقول", "تقول")
                                 for w in colon.group(1).split()):
                name = colon.group(1).split()
                name = name[0] if len(name) == 2 and name[1][:1] in "لب" else " ".join(name)  # "قال ترامب للمراسلين:"
                return _named_ar(name, cue, text, end)  # "وقال فلان: ...": the name before the colon
            if according and cue.endswith(" ل") and rest.startswith("ل") and not rest.startswith("لل"):
                # "وفقا للمرصد": "ل" + "ال" written "لل"; the source read with its article
                source = _ar_span("ا" + rest)
                source = "ل" + source[1:] if source and source.startswith("ال") else None
                if source and _AR_UNDER_RULES.match(re.sub(r"^لل", "ال", source)):
                    continue  # "وفقا للنظام الكفالة": under a rule
                if source:
                    return _named_ar(source, cue[:-2].rstrip(), text, end - 1)
            else:
                # a verb with an object pronoun ("ويتهمه X بـ"): "ب" with a noun ends the subject
                object_pronoun = verb not in _ar_verb_forms(False) and verb.endswith(_AR_OBJECT_SUFFIXES)
                stop = _ar_preposition_stop(lemma)
                if object_pronoun and stop and stop.startswith((r"\s+\S+\s+ب", r"\s+(?:(?:أبو")):
                    stop = r"\s+ب\S+"  # "يتهمه X بـ": the object is the pronoun, no object word before "ب"
                source = _ar_span(rest, stop=stop or (r"\s+ب\S+" if object_pronoun else None))
            if source and not according:
                source = _ar_subject_end(source)
            near = end
            if source and according and cue.endswith(" ل") and text[end - 1:end] == "ل" and rest.startswith(source) \
                    and source[:1] not in _AR_QUOTE_CHARS:
                # "وفقا لمصادر"، "وفقاً للموقع": the cue is the word, the "ل" opens the source as written
                source, near, cue = "ل" + source, end - 1, cue[:-2].rstrip()
        if source and according and _AR_UNDER_RULES.match(re.sub(r"^لل", "ال", source)):
            continue  # "وفقا لبنود العقد"، "وفقا للنظام الكفالة": "under" a rule, no one speaks (guide §10)
        if source:
            return _named_ar(source, cue, text, near)
    if participle is not None:
        found = _ar_participle_attribution(text, participle) or _ar_opening_participle(text, participle)
        if found is not None:
            return found
    carried = _AR_CARRIED.match(text)
    if carried:
        cue = text[:carried.end(1)].strip()
        direct = re.match(r"\s*:\s*\S", text[carried.end(1):])  # "وأضاف: ..." opens the words
        return Attribution(None, cue, "direct" if direct else _quote_type(text, "ar"), form="implicit")
    transcript = _AR_TRANSCRIPT.match(text) if ":" in text[:50] else None
    if transcript and _ar_speaker_label(transcript.group(1)):
        name = transcript.group(1)
        return Attribution(name, ":", "direct", resolved=name, span=(transcript.start(1), transcript.end(1)), form="named")
    return NONE


# A circumstantial participle of a reporting verb ("..., مضيفا أن", "مطالبين الحكومة بـ"): the
# speaker is the subject of the main clause before it.
_AR_CONSIDERED = _lazy(r"(?:\s+ال[\u0621-\u064A]+){0,2}\s+(?:من|(?!أنه|أنها|أنهم|أنا)أ[\u0621-\u064A]{2,3})(?=[\s،]|$)")  # "تعتبر من"، "تعتبر أكبر" (an elative)
_AR_UNDER_RULES = _lazy(r"^ل?(?:بنود|البنود|المادة|مادة|المواد|العقد|عقد|الاتفاقية|اتفاقية|القانون|قانون|القوانين|نظام|النظام\s+ال(?!\S+(?:ي|ية)(?:\s|$))\S+|لائحة|اللائحة|الدستور|أحكام|الأحكام)(?:\s|$)")
_AR_VISUAL_SUBJECT = _lazy(r"\s+(?:ال)?(?:صور|صورة|فيديو|فيديوهات|مقطع|مقاطع|لقطات|لقطة|تسجيل|تسجيلات)(?=\s|$)")
_AR_PARTICIPLES = ("مضيف مشير مؤكد معتبر مطالب متهم محذر معلن لافت موضح منوه مشدد قائل معرب متسائل منتقد مستنكر "
                   "متوعد مهدد مشكك معترف ملوح مبين مستدرك متابع مذكر مرجح متوقع نافي").split()
_AR_PARTICIPLE_CUE = _lazy(
    r"(?:^|(?<=[\s،]))و?(" + _trie(_AR_PARTICIPLES) + r"(?:ا|اً|ة|ين|تين|ان)|داعياً?|داعين)(?=[\s،:«\"“]|$)")
_AR_NOT_VERB = frozenset("لم لن لا ما قد أيضا أيضاً كذلك حينها أثناء هذا هذه ذلك تلك ثم".split())
_AR_PREPOSITION = frozenset("في على عن من إلى الى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند".split())


def _ar_participle_attribution(text: str, participle: re.Match) -> Attribution | None:
    """The subject of the main clause before a participle cue: the words after a clause-initial
    verb ("ويخرج المحتجون ... مطالبين"), or before "قد" ("وكانت الدول الأربع قد قطعت ..., متهمة")."""
    cue = participle.group(1)
    for segment in re.finditer(r"[^،.؛:«»\"“”]+", text[:participle.start()]):
        clause = _AR_BEFORE_LEAD.sub("", segment.group().strip())
        words = clause.split()
        if len(words) < 3:
            continue  # "وعام 1963": a time phrase, not the main clause
        pluperfect = re.match(r"^(?:كان|كانت)\s+(.+?)\s+قد\s", segment.group().strip().lstrip("و"))
        if pluperfect:
            return _named_ar(pluperfect.group(1), cue, text, participle.start())
        first = words[0][1:] if words[0][:1] in "وف" and len(words[0]) > 3 else words[0]
        if first in ("هو", "هي", "هم", "هن", "أنا", "نحن"):
            at = segment.start() + segment.group().find(first)
            return Attribution(first, cue, _quote_type(text, "ar"), form="pronoun", span=(at, at + len(first)))
        # the clause opens with a verb: a present tense, a feminine or plural past, or a past
        # verb before a definite subject ("بدأ الضباط"); titles, nouns in ة and particles do not
        verb_like = re.match(r"^[يت][\u0621-\u064A]{2,}$", first) or re.match(r"^[\u0621-\u064A]{2,}(?:ت|وا)$", first) \
            or re.match(r"^[\u0621-\u064A]{3,4}$", first) and words[1].startswith("ال")
        if not verb_like or first.endswith("ة") or first in _AR_TITLES or first in _AR_PREPOSITION or first in _AR_NOT_VERB:
            return None  # not verb-first: no subject is guessed
        subject = []
        for word in words[1:]:
            if word in _AR_PREPOSITION or word in _AR_NOT_VERB or word.startswith("ب") and subject and subject[-1].startswith("ال"):
                break
            subject.append(word)
        source = _ar_subject_end(" ".join(subject)) if subject else None
        if not source or len(source.split()) > 5 or not (source.startswith("ال") or source.split()[0][:1] not in "يت"):
            return None
        return _named_ar(source, cue, text, segment.start() + segment.group().find(source))
    return None


def _ar_opening_participle(text: str, participle: re.Match) -> Attribution | None:
    """A participle cue that opens the sentence ("داعيا الحكومة إلى ..."، "مضيفا أن ..."): the
    sentence goes on from the one before, whose speaker it continues (implicit, guide §6)."""
    if text[:participle.start()].strip(" \t-–—"):
        return None
    return Attribution(None, participle.group(1), _quote_type(text, "ar"), form="implicit")


# An interview or transcript line: "الوزير: ..." / "فلان الفلاني: «...»".
# (an outlet it spoke to, "لـCNN"، "لـ«الشرق»", is left out)
_AR_TRANSCRIPT = _lazy(r"^\s*([^\s:،.«»\"“”]+(?:\s+(?!ل(?:ـ|[A-Za-z]))[^\s:،.«»\"“”]+){0,3})(?:\s+ل(?:ـ\s*\S+|[A-Za-z][^\s:]*))?\s*:\s*(?=\S)")


# A news headline or a news account's tweet "X: words" ("الخارجية المصرية: ..."، "#عاجل | الرئيس
# فلان: ..."، "الباحث فلان لـTRT عربي: ..."): what may stand before the label (a retweet mark, a
# time, symbols, "عاجل |", "#وسم|"), the label (up to eight words) and an addressee after it.
_AR_LINE_LEAD = _lazy(r"(?:\s+|RT\s+@\w+:?|\d{1,2}:\d{2}|[^\w\s#«\"“]+|[#\w]+(?:\s+[#\w]+)?\s*\|)")
_AR_HEADLINE_LABEL = _lazy(
    r"((?:[\u0621-\u064A]\.\s*)?[^\s:،.«»\"“”|]+(?:\s+(?!لـ|ل(?=[A-Za-z\"«“])|لل)[^\s:،.«»\"“”|]+){0,9})"
    r"(?:\s+(?:لـ\s*[^\s:]+(?:\s+[^\s:]+)?|ل[A-Za-z][^\s:]*(?:\s+[^\s:]+)?|ل[\"«“][^\"«»“”]{1,30}[\"»”]|لل[^\s:]+))?\s*:\s*(?=\S)")
_AR_NOT_HEADLINE_LABEL = frozenset("عاجل فيديو بالفيديو شاهد صور بالصور إنفوغراف انفوغراف خبر أخبار تابع تابعوا رابط".split())
_AR_DOCUMENT_LABELS = frozenset("مقال استطلاع دراسة تقرير بيان وثيقة".split())
_AR_BODY_LABELS = frozenset("وسائل إعلام الإعلام مراسلنا مراسل الخارجية الرئاسة الحكومة الجيش الشرطة الداخلية الصحة وزارة مجلس الدفاع "
                            "هيئة المرصد مصادر مصدر الأمم".split())


def _ar_headline_label(text: str) -> Attribution | None:
    """"X: words" opening a headline or a news account's tweet: X speaks, direct (guide §2.4), when
    X reads as a speaker (a title in it, a body or medium, a document, or a name), not as a rubric
    ("نواة في دقيقة:"، "حصيلة السنة:")."""
    at = 0
    for _ in range(6):
        lead = _AR_LINE_LEAD.match(text, at)
        if not lead or lead.end() == at:
            break
        at = lead.end()
    found = _AR_HEADLINE_LABEL.match(text, at)
    if not found:
        return None
    label = found.group(1).strip()
    words = [re.sub(r"^#", "", w).replace("_", " ") for w in re.sub(r"^[\u0621-\u064A]\.\s*", "", label).split()]  # "د. فلان"
    bare = [re.sub(r"^و?ال", "", w) for w in words]
    if not words or words[0] in _AR_NOT_HEADLINE_LABEL or bare[0] in _AR_NOT_HEADLINE_LABEL or _AR_CUE.search(label) \
            or re.search(r"في دقيقة|حصيلة|ترند|ترندينغ|\d", label) or len(found.group().split()) > 12:
        return None
    titled = any(b in _AR_TITLES or w in _AR_TITLES for w, b in zip(words, bare)) or bool(re.match(r"د\.", label))
    body = words[0] in _AR_BODY_LABELS or bare[0] in _AR_BODY_LABELS or words[0] in _AR_DOCUMENT_LABELS
    named = len(words) <= 3 and _ar_name_kind(words[0]) in ("gazetteer", "surname", "unknown") \
        and all(_ar_name_kind(w) in ("gazetteer", "surname", "unknown") or w.startswith("ال") and w.endswith("ي") for w in words[1:]) \
        or len(words) == 1 and (words[0] in _ar_definite_surnames() or re.fullmatch(r"ال[\u0621-\u064A]{3,}ي", words[0])
                                and not _ar_common(words[0][2:]))  # "الحريري:"، "#الأسد:"
    if not (titled or body or named):
        return None
    words_after = text[found.end():].split()[:6]
    conditional = _AR_CONDITIONAL_CUE.search(" ".join(words_after))
    if (any(_AR_CUE.fullmatch(w) and not re.fullmatch(r"[وف]?[يت]هدد(?:ان|ون)?", w) and (k == 0 or words_after[k - 1] != "ما")
            for k, w in enumerate(words_after))
            or conditional is not None and _ar_conditional_cue(" ".join(words_after), conditional)) \
            and not re.match(r"\s*[«\"“]", text[found.end():]):
        # "وسائل إعلام محلية: مسؤول كبير يقول إن ...": a label, then someone else's attribution
        # ("#الأسد: ما تقوله الدول ..." quotes what others say: the label speaks)
        return None
    start = found.start(1) + (1 if label.startswith("#") else 0)
    where = re.search(r"\s+(?:عبر|خلال|أمام|على\s+شاشة|في\s+(?:مقابلة|حوار|تصريح|تصريحات|بيان|كلمة|مؤتمر|لقاء))(?=\s)", found.group(1))
    end = found.start(1) + (where.start() if where else len(found.group(1).rstrip()))  # "العميد فلان عبر شاشة العالم:"
    return Attribution(text[start:end], ":", "direct", resolved=text[start:end], span=(start, end), form="named")


def _ar_speaker_label(label: str) -> bool:
    """A label before a colon names a speaker: it opens with a title ("الوزير", "رئيس الوزراء")."""
    head = re.sub(r"^و?ال", "", label.split()[0])
    return head in _AR_TITLES


# --- helpers for the resolution across sentences ----------------------------------------------

_AR_DAMMA = "\u064f"


def _ar_passive_cue(text: str, cleaned: Any, seen: str, found: Attribution) -> bool:
    """The cue before the speaker is a past verb written with the passive's damma on its first or
    second letter ("اتُّهم"، "قُتل"، "أُعلن"); present forms are not looked at (يُضيف is active)."""
    at = seen.rfind(found.cue, 0, found.span[0])
    if at < 0 or seen[at + len(found.cue):found.span[0]].strip():
        return False
    start, end = cleaned.to_original(at, at + len(found.cue))
    written = text[start:end]
    if _AR_DAMMA not in written:
        return False
    letters = re.sub(r"^[وف](?=\S{3})", "", written)
    bare = [c for c in letters if "\u0621" <= c <= "\u064a"]
    if not bare or bare[0] in "يتن":
        return False
    marks = re.findall(r"[\u0621-\u064a][\u064b-\u0652]*", letters)[:2]
    return any(_AR_DAMMA in m for m in marks)


_AR_TITLE_SAID_BY = _lazy(
    r"(?:^|\s)(?:تعليق|تصريح|تصريحات|رد|رسالة|كلمة)\s+(?:\S+\s+)?(?:من\s+|ل(?:ـ\s*)?)"
    r"((?!(?:بعد|على|حول|عن|في|أمام|إثر|عقب|قبل|مع)\s)[^\s:،.«»\"“”]+(?:\s+(?!(?:بعد|على|حول|عن|في|أمام|إثر|عقب|قبل|مع)(?:\s|$))[^\s:،.«»\"“”]+){0,3})")


_AR_TITLE_SAID_WORDS = _lazy(r"تعليق|تصريح|رد|رسالة|كلمة")


_AR_OPENING_VERB = _lazy(r"^\s*(?:ثم\s+)?[وف]?([\u0621-\u064A]{3,5})\s+(?=\S)")


def _ar_clause_subject(text: str) -> str | None:
    """The subject of an Arabic sentence that opens with a past verb ("نشر طبيب مصري فيديو ...",
    "عرض مدرب الفريق السابق، فلان، نفسه ..."): whom a later subject-less cue refers to."""
    seen = _blank_dateline(clean(text).text, "ar")
    match = _AR_OPENING_VERB.match(seen)
    if not match:
        return None
    verb = match.group(1)
    if verb.startswith("ال") or verb in _AR_FUNCTION or verb in _AR_TITLES or len(verb) > 3 and _ar_common(verb) or verb.endswith("ة") \
            or verb[:1] in "يت" or _ar_name_kind(verb) in ("gazetteer", "surname"):
        return None  # not a past verb: a noun, a particle, a present tense, a name
    rest = seen[match.end():]
    first = rest.split()[0] if rest.split() else ""
    if not first or first in _AR_FUNCTION or first[:1] in "«\"“(" or _ar_prepositional(first):
        return None
    source = _ar_span(" " + rest)
    source = _ar_subject_end(source) if source else None
    if source:  # an indefinite accusative ("مقطعا") after the subject starts the object
        words = source.split()
        cut = next((i for i, w in enumerate(words[1:], 1) if w.endswith(("ا", "اً")) and not w.startswith("ال") and len(w) > 3), len(words))
        # "سارعت X بزعم المسؤولية": "ب" with a noun and its genitive is the verb's complement
        cut = next((i for i, w in enumerate(words[1:cut], 1) if w[:1] == "ب" and len(w) >= 4 and _ar_name_kind(w) not in ("gazetteer", "surname")
                    and (w.startswith("بال") or i + 1 < len(words) and words[i + 1].startswith("ال") and words[i + 1] not in _AR_NAME_SECOND)), cut)
        source = " ".join(words[:cut])
    if source and len(source.split()) > 2:  # "طبيب مصري مقيم بمدينة ...": an indefinite participle with its complement
        words = source.split()
        after = rest[rest.find(source) + len(source):] if source in rest else ""
        if words[-1].startswith("م") and len(words[-1]) >= 4 and _ar_name_kind(words[-1]) not in ("gazetteer", "surname") \
                and re.match(r"\s+(?:[بل][\u0621-\u064A]{2}|في\s)", after):
            source = " ".join(words[:-1])
    if not source or len(source.split()) > 8:
        return None
    return source


_AR_TITLE_SUBJECT = _lazy(r"^\s*((?:[^\s:،.«»\"“”]+\s+){0,3}?[^\s:،.«»\"“”]+)\s+[يت][\u0621-\u064A]{2,}(?=\s)")


_AR_SHORT_FEMININE = frozenset("رأت روت دعت نفت حكت شكت بكت نعت".split())


def _ar_cue_gender(cue: str | None, source: str | None = None) -> str | None:
    """The gender and number an Arabic reporting verb or pronoun shows: "f" (قالت، تقول، وأضافت،
    هي), "m" (قال، يقول، وأضاف، هو), "p" (قالوا، يقولون، هم), None when it shows none (a noun, a
    preposition: "بحسب")."""
    pronoun = re.sub(r"^[وف]?(?:لكن|إن|فإن|لأن|كأن)?", "", source or "") if source else ""
    if pronoun in ("هي", "ها"):
        return "f"
    if pronoun in ("هو", "ه"):
        return "m"
    if pronoun in ("هم", "هن", "هما", "نحن"):
        return "p"
    if not cue or " " in cue.strip():
        return None
    verb = re.sub(r"^[وف](?=[\u0621-\u064A]{3})", "", cue.strip())
    if not verb or verb.startswith(("ال", "ب", "ح", "وفق", "طبق")) or verb.endswith("ة"):
        return None
    if verb.endswith(("وا", "ون")):
        return "p"
    if verb[:1] == "ي" and len(verb) >= 4:
        return "m"
    if verb[:1] == "ت" and len(verb) >= 4 and not verb.startswith(("تم", "تحدث")) or verb.endswith("ت") and len(verb) >= 4 \
            or verb in _AR_SHORT_FEMININE:
        return "f"  # three-letter verbs ending in ت are mostly masculine (لفت، ثبت): the feminine ones are listed
    return "m"


_AR_BARE_HEADS = frozenset("موقع صحيفة وكالة قناة شبكة مجلة تقرير بيان مصدر مصادر حساب منصة".split())


def _ar_antecedent_ok(name: str) -> bool:
    """An Arabic antecedent names someone: not a reporting verb ("أضاف"), an addressee with its
    preposition ("لـ"العربية""), or a bare head with nothing after it ("موقع")."""
    words = name.split()
    cue = _AR_CUE.match(name)
    return bool(words) and not (cue and cue.end() >= len(name.rstrip())) and not re.match(r"[لب]ـ?[\"«“]", name) \
        and not (len(words) == 1 and re.sub(r"^[وف]?", "", words[0]) in _AR_BARE_HEADS)


_AR_CLAUSE_WORD = _lazy(r"(?:^|\s)(?:أن|أنه|أنها|إن|إنه|إنها|لم|لن|قد|لو|الذي|التي|الذين|اللذين|اللتين)(?=\s|$)|\s(?:هو|هي|هم)(?=\s|$)")


def _ar_speaker_checked(found: Attribution) -> Attribution:
    """``found`` unless its named speaker is a clause: a complementizer, a negation, a relative
    pronoun or a copula pronoun inside ("أنه لم يكن لاتفاق ..."، "فلان هو حارس مرمى ...") gives
    no attribution (:data:`NONE`)."""
    if found.form == "named" and found.source and _AR_CLAUSE_WORD.search(found.source):
        return NONE
    return found


_name_patterns(globals())
