"""Who voices a sentence: the speaker span, the attribution cue and the quote type.

Rule-based, for Arabic and English news. For each sentence :func:`attribute` returns an
:class:`Attribution`: the speaker as written (``source``, with its ``span`` in the sentence), the
``cue``, the ``quote_type``, the speaker's ``form`` (named, pronoun, implicit) and, for a pronoun
("He added") or a subject-less reporting verb ("وأضاف أن"), the most recent named speaker of the
article as ``resolved`` (``carried`` is then true). The rules see the text without invisible
marks (:mod:`framing.annotate.spans`); spans point into the sentence as written. Datelines
("CAIRO, May 3 (Agency) -", "غزة - (وكالات) -") are never part of a speaker; headlines do not
pass their speaker on. Speaker spans follow the annotation rules of the real-news set: the head
noun phrase with titles, name and modifiers, without comma appositives, relative clauses, time
phrases or the verb's object. Measured in ``benchmarks/attribution.py``.

The package: ``_base`` (lazy patterns, word lists, :class:`Attribution`, quotation spans and
quote type), ``english`` and ``arabic`` (each language's rules and resolution helpers); this
module holds :func:`attribute`, :func:`attribute_sentences` and :class:`AttributionAnnotator`.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from framing.annotate.attribution._base import (NONE, Attribution, _blank_dateline, _blank_lead, _lazy,
                                               _name_patterns)
from framing.annotate.attribution.arabic import (_AR_CUE, _AR_FUNCTION, _AR_TITLE_SAID_BY, _AR_TITLE_SAID_WORDS,
                                                _AR_TITLE_SUBJECT, _ar_antecedent_ok, _ar_clause_subject, _ar_cue_gender,
                                                _ar_passive_cue, _ar_speaker_checked, _attribute_ar)
from framing.annotate.attribution.english import (_EN_BLANK_LINE_KINDS, _EN_NOT_PERSON_START, _EN_NOT_SPEAKER_LABEL,
                                                 _EN_PASSIVE_CUE, _EN_PERSON, _EN_RESOLVE_WINDOW, _attribute_en, _en_agrees,
                                                 _en_antecedent, _en_antecedent_ok, _en_speaker_checked, _subject_person)
from framing.annotate.base import Sentences
from framing.annotate.spans import clean, locate
from framing.schema import ATTRIBUTION_COLUMNS, LANGUAGES

# names callers import from the package, defined in its modules
from framing.annotate.attribution._base import QUOTE_TYPES, SPEAKER_FORMS  # noqa: F401
from framing.annotate.attribution.arabic import _ar_common, _ar_forms, _ar_name_kind  # noqa: F401


# --- public API -----------------------------------------------------------------------------

_CARRY_WINDOW = 4  # sentences a named speaker stays available to later pronouns and implicit cues
_LETTER = _lazy(r"[^\W\d_]")


def attribute(text: str, lang: str, previous: Attribution | None = None, kind: str = "sentence") -> Attribution:
    """Attribution of one sentence.

    ``previous``: the attribution that carries into this sentence (its ``resolved`` speaker is
    what a pronoun or an implicit speaker refers to); ``kind``: the segmenter's line kind
    (``sentence``, ``headline``, ``title``).
    """
    if lang not in ("ar", "en") or not isinstance(text, str) or not text.strip():
        return NONE
    cleaned = clean(text)
    seen = _blank_dateline(cleaned.text, lang)
    found = _attribute_ar(seen) if lang == "ar" else _attribute_en(seen)
    found = _en_speaker_checked(found) if lang == "en" else _ar_speaker_checked(found)
    if found.form == "named" and found.source and not _LETTER.search(found.source):
        found = NONE  # a span without a letter ("+1+1", "2024", "***") is no one
    if found.source is None and found.form != "implicit":
        return NONE
    span = None
    if found.source is not None:
        where = found.span or locate(seen, found.source)
        if where is None:
            return NONE
        span = cleaned.to_original(*where)
        found = found._replace(source=cleaned.text[where[0]:where[1]])
    if lang == "ar" and found.form == "named" and found.cue and found.span and _ar_passive_cue(text, cleaned, seen, found):
        # "اتُّهم فلان بـ...": a passive verb (its vowel marks written) has no speaker after it (guide §6: implicit)
        found, span = found._replace(source=None, span=None, form="implicit"), None
    if found.form == "named":
        return found._replace(span=span, resolved=found.source)
    antecedent = previous.resolved if previous is not None else None
    if lang == "en" and found.cue and _EN_PASSIVE_CUE.match(found.cue):
        antecedent = None  # "Trump is accused of ...": an agentless passive names nobody to carry on to
    # a continuation cue with nobody named before it keeps its cue and quote type; no speaker is guessed
    return found._replace(span=span, resolved=antecedent, carried=antecedent is not None)


_TITLE_LABEL = {"ar": _lazy(r"^\s*([^\s:،.«»\"“”]+(?:\s+[^\s:،.«»\"“”]+){0,6})\s*:\s*\S"),
                "en": _lazy(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s*\S")}


def _title_label(text: str, lang: str) -> str | None:
    """The speaker a title gives as "Name: words" ("العميد فلان: ..."، "Minister Lee: ..."), for
    a later pronoun or subject-less cue; None when the title has no such label."""
    pattern = _TITLE_LABEL.get(lang)
    match = pattern.match(clean(text).text) if pattern is not None and ":" in text[:60] else None
    if not match and lang == "ar":
        said = _AR_TITLE_SAID_BY.search(clean(text).text) if _AR_TITLE_SAID_WORDS.search(text) else None
        # "أول تعليق لمدرب المنتخب بعد الخسارة": who commented
        if said and not _AR_CUE.search(said.group(1)):
            return said.group(1)
        headline = _AR_TITLE_SUBJECT.match(clean(text).text)  # "البنك الدولي يجيب عن ...": the subject
        if headline and headline.group(1).startswith("ال") and not _AR_CUE.search(headline.group(1)):
            return headline.group(1)
    if not match:
        return None
    label = match.group(1)
    if lang == "ar":
        label = re.split(r"\s+(?:عبر|في|على|خلال|أمام|لـ|ل(?=[A-Za-z]))", label)[0]
    if lang == "en" and (label.split()[0].rstrip(".").upper() in _EN_NOT_SPEAKER_LABEL or label.upper() in _EN_NOT_SPEAKER_LABEL):
        return None
    if lang == "ar" and (_AR_CUE.search(label) or label.split()[0] in _AR_FUNCTION):
        return None
    return label


def _person_in(text: str, lang: str) -> str | None:
    """A named person or body in ``text`` for a pronoun to refer to when no speaker came before."""
    if lang == "ar":
        return _ar_clause_subject(text)
    if lang != "en":
        return None
    for match in _EN_PERSON.finditer(text):
        if len(match.group().split()) > 1:
            name = match.group().strip()
            if name.split()[0] not in ("The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She"):
                return name
    return None


def attribute_sentences(texts: Iterable[str], langs: Iterable[str], kinds: Iterable[str] | None = None) -> list[Attribution]:
    """Attribution of consecutive sentences of one article.

    A pronoun speaker or a subject-less reporting verb takes the most recent named speaker of the
    article (within a few sentences; a headline's speaker is not passed on), reported as
    ``resolved`` with ``carried`` true; ``source`` keeps the written form.
    """
    out: list[Attribution] = []
    speaker: Attribution | None = None
    title_speaker: str | None = None
    title_text: str | None = None
    recent: list[str] = []  # the latest named speakers, most recent first
    before: list[tuple[str, Attribution, str]] = []  # the lines before (not the title), their attribution and kind
    ar_genders: list[tuple[str, str | None]] = []  # Arabic speakers with the gender their cue shows, most recent first
    age = 0
    texts = list(texts)
    kinds = list(kinds) if kinds is not None else ["sentence"] * len(texts)
    for text, lang, kind in zip(texts, langs, kinds):
        result = attribute(text, lang, speaker, kind)
        antecedent = None
        if lang == "en" and result.form in ("pronoun", "implicit") and kind != "title" \
                and (result.form == "implicit" or (result.source or "").lower() in ("he", "she", "it", "they")):
            # guide §7: the most recent mention in the sentences before (speaker or subject), else the title
            antecedent = _en_antecedent(result.source if result.form == "pronoun" else "they", before, (title_speaker, title_text))
            if antecedent:
                result = result._replace(resolved=antecedent, carried=True)
        # the English fallbacks below are for what the sentences before do not name
        if not antecedent and result.form == "pronoun" and lang == "en" and result.span and result.span[0] > 0 \
                and result.source.lower() in ("he", "she"):
            # "Ann Lee is expected to ... that she says": the sentence opens with the person
            opening = _EN_PERSON.match(_blank_lead(_blank_dateline(text, lang).strip()))
            if opening and len(opening.group().split()) > 1 and opening.group().split()[0] not in _EN_NOT_PERSON_START \
                    and opening.end() < result.span[0]:
                result = result._replace(resolved=opening.group().strip(), carried=True)
        if result.form in ("pronoun", "implicit") and out and lang == "en" and not antecedent \
                and kinds[len(out) - 1] not in _EN_BLANK_LINE_KINDS and out[-1].form == "none":
            # the sentence before names a person as its subject and voices nobody: "He" is that person
            person = _subject_person(texts[len(out) - 1])
            if person:
                result = result._replace(resolved=person, carried=True)
        if result.form in ("pronoun", "implicit") and result.resolved is None and out and kinds[len(out) - 1] != "title":
            person = _person_in(texts[len(out) - 1], lang)
            if person:
                result = result._replace(resolved=person, carried=True)
        if result.form in ("pronoun", "implicit") and result.resolved is None and title_speaker and kind != "title":
            # nobody named in the sentences before: the speaker of the article's title (guide §7)
            result = result._replace(resolved=title_speaker, carried=True)
        if lang == "en" and result.form == "pronoun" and result.carried and not antecedent \
                and not _en_agrees(result.source, result.resolved):
            # "he"/"she" take a person, "it" a body or document: the latest recent speaker that agrees
            result = result._replace(resolved=next((r for r in recent if _en_agrees(result.source, r)), None))
            result = result._replace(carried=result.resolved is not None)
        if lang == "en" and result.carried and result.resolved and not _en_antecedent_ok(result.source or "", result.resolved):
            result = result._replace(resolved=None, carried=False)  # "of this writing", "they" = one named person
        if lang == "ar" and result.carried and result.resolved and not _ar_antecedent_ok(result.resolved):
            # "أضاف", "ل"العربية"", "موقع": a verb, an addressee or a bare head names no speaker
            result = result._replace(resolved=next((r for r, _ in ar_genders if r != result.resolved and _ar_antecedent_ok(r)), None))
            result = result._replace(carried=result.resolved is not None)
        if lang == "ar" and result.form in ("pronoun", "implicit") and result.carried and kind != "title":
            # a subject-less "وأضاف" after a woman's words ("وقالت فلانة") is not hers: the latest speaker
            # in the window whose own cue agrees in gender and number (قال/قالت، وأضاف/وأضافت، قالوا)
            gender = _ar_cue_gender(result.cue, result.source)
            genders = dict(reversed(ar_genders))
            if gender and genders.get(result.resolved) not in (None, gender):
                result = result._replace(resolved=next((r for r, g in ar_genders if g == gender), result.resolved))
        if lang == "en" and result.form == "implicit" and result.cue and _EN_PASSIVE_CUE.match(result.cue):
            result = result._replace(resolved=None, carried=False)  # an agentless passive: no one is guessed
        if kind == "title":
            title_speaker = result.resolved if result.form == "named" else _title_label(text, lang)
            if lang == "ar" and result.form == "named" and result.cue:
                # a headline puts its subject before the verb: "الاتحاد الإنكليزي يتهم فلانا" — the union speaks
                plain = clean(text).text
                headline = _AR_TITLE_SUBJECT.match(plain)
                if headline and headline.group(1).startswith("ال") and not _AR_CUE.search(headline.group(1)) \
                        and plain[headline.end(1):].lstrip().startswith(result.cue):
                    title_speaker = headline.group(1)
            title_text = text
        else:
            before = before[-_EN_RESOLVE_WINDOW:] + [(text, result, kind)]
            if lang == "ar" and result.resolved:
                gender = _ar_cue_gender(result.cue, result.source if result.form == "pronoun" else None)
                ar_genders = [(result.resolved, gender)] + [(r, g) for r, g in ar_genders if r != result.resolved][:3]
        if result.resolved and kind not in _EN_BLANK_LINE_KINDS:
            recent = [result.resolved] + [r for r in recent if r != result.resolved][:3]
        out.append(result)
        age += 1
        if (result.form == "named" or result.carried and result.resolved) and kind not in _EN_BLANK_LINE_KINDS:
            speaker, age = result, 0  # a resolved pronoun or subject-less cue keeps its speaker on
        elif age > _CARRY_WINDOW:
            speaker = None
    return out


class AttributionAnnotator:
    """Component: who voices each sentence. Adds ``source, cue, quote_type, source_resolved,
    source_type``.

    Within an article (``Sentences.in_article``) a pronoun or implicit speaker ("He added...",
    "وأضاف أن...") is resolved to the most recent named speaker (``source_resolved``; ``source``
    keeps the written form); sentences scored on their own are attributed one by one.
    ``source_type`` groups the resolved speaker (official, expert, media, anonymous, citizen,
    other; see :mod:`framing.annotate.source_types`), using ``gazetteer`` (None: the shipped one);
    a bare name takes the role given where it was introduced (in the article, or its own sentence).
    """

    name = "attribution"
    columns = ATTRIBUTION_COLUMNS

    def __init__(self, gazetteer: Any = None):
        self._gazetteer = gazetteer

    def __call__(self, sentences: Sentences) -> dict[str, list[Any]]:
        """The declared columns for ``sentences``."""
        from framing.annotate.actors import load_gazetteer
        from framing.annotate.source_types import CONTEXT_LINES, source_type

        gazetteer = load_gazetteer(self._gazetteer)  # a path is read once per call, not per sentence

        langs = [g if g in LANGUAGES else None for g in sentences.langs]
        kinds = getattr(sentences, "kinds", None)
        texts = sentences.texts
        if sentences.in_article:
            found = attribute_sentences(texts, langs, kinds)
        else:
            found = [attribute(t, g) if g else NONE for t, g in zip(texts, langs)]
        # a bare name finds its role where it was introduced: in the article's lines before
        # ("Hale" after "Sam Hale, a lawyer"), or in its own sentence ("Sam Hale, a lawyer, said")
        return {"source": [a.source for a in found], "cue": [a.cue for a in found],
                "quote_type": [a.quote_type for a in found],
                "source_resolved": [a.resolved for a in found],
                "source_type": [source_type(a.resolved, g, gazetteer,
                                            (texts[:min(i, CONTEXT_LINES - 1)] if sentences.in_article else []) + [texts[i]])
                                if a.resolved and g else None for i, (a, g) in enumerate(zip(found, langs))]}


_name_patterns(globals())
