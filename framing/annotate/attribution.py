"""Who voices a sentence: the speaker span, the attribution cue and the quote type.

Rule-based, for Arabic and English news. For each sentence :func:`attribute` returns an
:class:`Attribution` triple (``source``, ``cue``, ``quote_type``) plus whether the attribution
was ``carried`` from the previous sentence ("He added...", "وأضاف أن..."). Handles speaker
before and after a quotation, nested attribution (an agency quoting a spokesman: the source is
the spokesman), "according to"/"بحسب"/"وفقا لـ", and appositives ("X, a senior fellow at Y,
said"). Measured against our labeled set in ``benchmarks/attribution.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, NamedTuple

from framing.annotate.base import Sentences
from framing.schema import ATTRIBUTION_COLUMNS, LANGUAGES


def _load_lexicons() -> dict[str, dict[str, list[str]]]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resources.files("framing.data").joinpath("attribution.yaml").read_text("utf-8"), Loader=loader)


_LEXICONS = _load_lexicons()
_AR_ACCORDING_TO = "|".join(map(re.escape, _LEXICONS["ar"]["according_to"]))
_AR_CONTINUATION = "|".join(map(re.escape, _LEXICONS["ar"]["continuation_verbs"]))

QUOTE_TYPES = ("direct", "indirect", "none")
_QUOTES = re.compile(r"[\"“”«»]")
_QUOTE_SPAN = re.compile(r"\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»")


class Attribution(NamedTuple):
    """``source``: the speaker as written (None if unattributed); ``cue``: the attribution word
    or phrase; ``quote_type``: direct, indirect or none; ``carried``: taken from the previous
    sentence through a continuation cue."""

    source: str | None
    cue: str | None
    quote_type: str = "none"
    carried: bool = False


NONE = Attribution(None, None, "none", False)


@lru_cache(maxsize=64)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text))


def _inside_quotes(text: str, pos: int) -> bool:
    return any(a < pos < b for a, b in _quote_spans(text))


def _quote_type(text: str) -> str:
    return "direct" if _quote_spans(text) else "indirect"


# --- English --------------------------------------------------------------------------------

_EN_VERBS = "|".join(map(re.escape, _LEXICONS["en"]["verbs"]))
_EN_VERB = re.compile(rf"\b(?:{_EN_VERBS})\b")  # lower case only: verbs in news prose
_EN_VERB_PREFIX = re.compile(r"(?:also|further|later|then)\s+$")
_EN_VERB_SUFFIX = re.compile(r"\s+(?:in a statement|on Telegram|on X|reporters|journalists|a news conference|a regular briefing)\b")
_EN_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_EN_NOT_ATTRIBUTION = re.compile(r"^(?:[Tt]hat said|[Nn]eedless to say|[Hh]aving said that)\b|\b[Tt]he said\b")
_EN_ACCORDING_NOT = re.compile(r"^(?:plan|schedule|the plan|the schedule|tradition|custom|a formula|the formula|the constitution|the law|the rules|rules|law)\b", re.IGNORECASE)
_EN_CITING = re.compile(r"\bciting\s+", re.IGNORECASE)
_EN_QUOTED_AS = re.compile(r"\bquoted\s+(.+?)\s+as\s+(?:saying|telling|warning)", re.IGNORECASE)
_EN_AUXILIARY = re.compile(r"\s+(?:declined|refused|did not|didn't|would not|wouldn't|could not|was quick|went on) to$|\s+(?:has|have|had|also|later|then|would|will|did)$", re.IGNORECASE)
_EN_APPOSITION_STOP = re.compile(r"^(?:noting|adding|saying|citing|according|calling|referring|warning|pointing|before|after|as|but|and)\b", re.IGNORECASE)
_EN_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Rep", "Sen", "Gov", "St", "Jr", "Sr")
_EN_CARRIED = re.compile(
    rf"^(?:(?:But|And)\s+)?(He|She|They|It|The (?:official|minister|spokesman|spokeswoman|spokesperson|agency|ministry|diplomat|statement|envoy|report|president|general|source|officials|group|company))"
    rf"\s+((?:(?:also|further|later|then|went on to)\s+)?(?:{_EN_VERBS}|say|reaffirmed|cautioned))\b",
)
_EN_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_EN_PRONOUN_SAYING = re.compile(r"^(?:(?:But|And)\s+)?(He|She|They|It)\b[^\"“]*?,\s+(saying|adding)\b")
_EN_SOURCE_PREFIX = re.compile(r"^(?:(?:figures|data|estimates|a statement|a report|statements|documents|a survey|a tally|a count|preliminary results)\s+(?:\w+\s+){0,2}?(?:by|from|of)\s+)", re.IGNORECASE)
_EN_TRAILING = re.compile(
    r"\s+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|year|night)|"
    r"this (?:week|month|morning|year)|at a (?:news |press )?(?:conference|briefing)|in a (?:statement|post|video)|"
    r"during\b|late on|early on|later)\b.*$", re.IGNORECASE)
_EN_LEADING = re.compile(r"^(?:but|and|however|meanwhile|separately|in addition|in a statement|on \w+|earlier|later)\b[,\s]*", re.IGNORECASE)


def _en_source_before(prefix: str) -> str | None:
    """Speaker as the noun phrase before the cue, with appositives ("X, a fellow at Y,")."""
    prefix = prefix.rstrip(" ,")
    quote = max(prefix.rfind("\""), prefix.rfind("”"))
    if quote != -1:
        prefix = prefix[quote + 1:].lstrip(" ,")
    segments = [s.strip() for s in prefix.split(",") if s.strip()]
    if not segments:
        return None
    chosen = [segments.pop()]
    while segments and chosen[0][:1].islower():  # appositive: reach back to the name it describes
        chosen.insert(0, segments.pop())
    if segments and re.match(r"^(?:The|A|An)\s", segments[-1]) and len(chosen[0].split()) <= 3:
        chosen.insert(0, segments.pop())  # "The UN refugee agency, UNHCR, said"
    source = ", ".join(chosen)
    source = _EN_LEADING.sub("", source).strip()
    source = _EN_AUXILIARY.sub("", source).strip()
    words = source.split()
    if not words or len(words) > 30:
        return None
    return source


def _en_source_after(suffix: str) -> str | None:
    """Speaker after the cue ('"...," said Rachel Tan, an analyst at a brokerage.')."""
    protected = suffix
    for abbreviation in _EN_ABBREVIATIONS:
        protected = re.sub(rf"\b{abbreviation}\.", abbreviation + "\x00", protected)
    head = re.split(r"[;:!?\"“”]|\.(?:\s|$)", protected, maxsplit=1)[0]
    segments = [x.strip() for x in head.split(",")]
    chosen = [segments.pop(0)] if segments else []
    while segments and segments[0] and (segments[0][:1].islower() or segments[0][:1].isdigit()) \
            and not _EN_APPOSITION_STOP.match(segments[0]):
        chosen.append(segments.pop(0))
    span = ", ".join(c for c in chosen if c).replace("\x00", ".")
    span = _EN_TRAILING.sub("", span).strip()
    return span or None


def _attribute_en(text: str, previous: Attribution | None) -> Attribution:
    if ("said" in text or "say" in text) and _EN_NOT_ATTRIBUTION.search(text) and not _EN_VERB.search(text[20:]):
        return NONE
    carried = _EN_CARRIED.match(text)
    if carried:
        subject, verb = carried.group(1), carried.group(2)
        cue = f"{subject} {verb}" if subject.lower() in _EN_PRONOUNS else verb
        if previous is not None and previous.source:
            return Attribution(previous.source, cue, _quote_type(text), True)
        if subject.lower() not in _EN_PRONOUNS:
            return Attribution(subject, verb, _quote_type(text), False)
    quoted = _EN_QUOTED_AS.search(text) if "uoted" in text else None
    if quoted and not _inside_quotes(text, quoted.start()):
        return Attribution(quoted.group(1).strip(), "quoted", _quote_type(text))
    citing = _EN_CITING.search(text) if "iting" in text else None
    if citing and not _inside_quotes(text, citing.start()):
        source = re.split(r"[,;:]|\.\s|\.$|\s+that\s", text[citing.end():], maxsplit=1)[0].strip()
        if source:
            return Attribution(source, "citing", _quote_type(text))
    for verb in _EN_VERB.finditer(text):
        if _inside_quotes(text, verb.start()):
            continue
        prefix = _EN_VERB_PREFIX.search(text, max(0, verb.start() - 12), verb.start())
        suffix = _EN_VERB_SUFFIX.match(text, verb.end())
        start = prefix.start() if prefix else verb.start()
        end = suffix.end() if suffix else verb.end()
        cue = text[start:end]
        before, after = text[:start], text[end:]
        if re.search(r"[\"”]\s*,?\s*$", before):  # '"...," said X'
            source = _en_source_after(after)
        else:
            source = _en_source_before(before)
            if source and source.endswith((" and", " but")):
                # a coordinated verb ("X carried ... and reported"): the speaker is the sentence subject
                subject = _EN_TRAILING.sub("", re.split(r"[,;:\"“]", text, maxsplit=1)[0]).strip()
                source = subject if subject and subject[:1].isupper() and len(subject.split()) <= 8 else None
        if not source:
            continue
        if source.lower() in _EN_PRONOUNS:
            if previous is not None and previous.source:
                return Attribution(previous.source, f"{source} {cue}", _quote_type(text), True)
            return Attribution(source, cue, _quote_type(text))
        return Attribution(source, cue, _quote_type(text))
    saying = _EN_PRONOUN_SAYING.match(text) if "saying" in text or "adding" in text else None
    if saying and previous is not None and previous.source:
        return Attribution(previous.source, saying.group(2), _quote_type(text), True)
    for match in (_EN_ACCORDING.finditer(text) if "ccording" in text else ()):
        rest = text[match.end():]
        if _EN_ACCORDING_NOT.match(rest) or _inside_quotes(text, match.start()):
            continue
        source = re.split(r"[,;:.]\s|[,;:]|\.$", rest, maxsplit=1)[0].strip()
        source = _EN_SOURCE_PREFIX.sub("", source).strip()
        if source:
            return Attribution(source, text[match.start():match.end()].strip(), _quote_type(text))
    return NONE


# --- Arabic ---------------------------------------------------------------------------------

_AR_VERBS = "|".join(map(re.escape, _LEXICONS["ar"]["verbs"]))
_AR_CUE = re.compile(rf"(?:^|(?<=[\s«\"“،:(]))([وف]?(?:{_AR_VERBS}))(?=[\s:،]|$)")
_AR_ACCORDING = re.compile(rf"(?:^|(?<=[\s،(]))([وف]?(?:{_AR_ACCORDING_TO})(?:ـ)?)(?:\s*ما\s+\S+)?\s*")
_AR_AS_REVEALED = re.compile(r"(?:^|(?<=[\s،]))(حسبما\s+\S+|كما\s+(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت))\s+")
_AR_END = re.compile(
    r"\s+(?:إن|ان|أن|بأن|بان|إنه|إنها|إنهم|أنه|أنها|أنهم|بأنه|بأنها|إلى أن|الى أن|إلى ضرورة|على|عن|من|أمام|عبر|وهو|وهي|بتقديم|بضرورة|بوقف|بإجراء|لمراسل\S*|في (?:بيان|تقرير|دراسة|كلمت|كلمة|افتتاحيت|البيان|خطاب|مقابل|حديث|تصريح|مؤتمر|تغريد|منشور|رسال|ختام)\S*|على (?:منصة|موقع|حساب)\S*|قوله|قولها|قولهم|قائلا|قائلة|قائلاً|في بيان|في تصريح|في تصريحات|في حديث|في مؤتمر|في خطاب|في مقابلة|في كلمة|في تغريدة|في منشور|في رسالة|في ختام|خلال|أمس|اليوم|الليلة|مساء|صباح|يوم|لوكالة|لصحيفة|لشبكة|لقناة|لموقع|للصحفيين|لوسائل|للصحافيين|لـ|ل\S*\s+\"|بالقول)(?=\s|$|:|،)"
    r"|[،:«\"“”».؛]"
)
_AR_PLUPERFECT = re.compile(rf"^[وف]?(?:كان|كانت)\s+(.+?)\s+قد\s+([وف]?(?:{_AR_VERBS}))(?=\s|$)")
_AR_STATEMENT = re.compile(r"(?:^|\s)[وف]?جاء\s+في\s+(?:بيان|تقرير|رسالة|تغريدة)\S*\s+(?:صادرة?\s+عن\s+|ل)(.+?)(?=[:،.«\"]|$)")
_AR_CARRIED = re.compile(
    rf"^(?:ثم\s+)?[وف]?({_AR_CONTINUATION})"
    r"(?:\s+(?:قائلا|قائلة|قائلاً|بالقول|يقول|تقول))?\s*(?=أن|إن|ان|:|«|\"|“|إلى|الى|على|وهو|وهي|في\s+بيان|في\s+تصريح|في\s+هذا\s+السياق|$)"
)
_AR_NESTED = re.compile(r"\s+عن\s+")


_AR_RELAYED = re.compile(r"\s+نقلا?ً?\s+عن\s+")
_AR_SOURCE_PREFIX = re.compile(r"^(?:(?:الأرقام|الارقام|البيانات|التقديرات)(?:\s+الرسمية)?\s+التي\s+(?:نشرها|نشرتها|أصدرها|أصدرتها|أعلنها|أعلنتها)|تقديرات|بيانات|أرقام|ارقام|إحصاءات|احصاءات|معطيات)\s+(?=\S+\s+\S)")
_AR_NOT_SOURCE = re.compile(r"^(?:ذلك|هذا|هذه|الخطة|الجدول|ما هو مقرر|مقرر|القانون|الدستور|التوقعات|العادة)(?:\s|$)")


# After these verbs the speaker ends at a preposition: "دعا X إلى", "شكك X في", "رحب X بـ".
_AR_VERB_PREPOSITION = {
    "دعا": r"\s+(?:إلى|الى)\s+", "دعت": r"\s+(?:إلى|الى)\s+", "طال": r"\s+(?:إلى|الى|ب)", "حث": r"\s+(?:على|إلى)\s+",
    "حثت": r"\s+(?:على|إلى)\s+", "لفت": r"\s+(?:إلى|الى)\s+", "أشا": r"\s+(?:إلى|الى)\s+", "اشا": r"\s+(?:إلى|الى)\s+",
    "شكك": r"\s+في\s+", "رحب": r"\s+ب\S+",
}


def _ar_span(rest: str, stop: str | None = None) -> str | None:
    rest = re.sub(r"(صادرة?)\s+عن\s+", "\\1\x00", rest)  # "تقرير صادر عن البنك الدولي" stays one span
    rest = re.sub(r"(?<![\w])([\u0621-\u064A])\.\s", "\\1\x01 ", rest)  # "د. خالد": an abbreviation, not an end
    if stop:
        found = re.search(stop, rest)
        if found:
            rest = rest[:found.start()]
    relayed = _AR_RELAYED.search(rest)
    if relayed and (not _AR_END.search(rest) or relayed.start() <= _AR_END.search(rest).start()):
        rest = rest[relayed.end():]  # "ذكرت وكالة رويترز نقلا عن متحدث ...": the original speaker
    match = _AR_END.search(rest)
    span = (rest[:match.start()] if match else rest).strip()
    span = _AR_SOURCE_PREFIX.sub("", span)
    span = span.replace("\x00", " عن ").replace("\x01", ".")
    words = span.split()
    if not words or len(words) > 15 or _AR_NOT_SOURCE.match(span):
        return None
    return span


def _attribute_ar(text: str, previous: Attribution | None) -> Attribution:
    carried = _AR_CARRIED.match(text)
    if carried and previous is not None and previous.source:
        return Attribution(previous.source, text[:carried.end(1) + (1 if text[:1] in "وف" and carried.start(1) == 1 else 0)].strip(),
                           _quote_type(text), True)
    pluperfect = _AR_PLUPERFECT.match(text)
    if pluperfect:
        return Attribution(pluperfect.group(1), pluperfect.group(2), _quote_type(text))
    statement = _AR_STATEMENT.search(text)
    if statement:
        return Attribution(statement.group(1).strip(), "جاء في", _quote_type(text))
    for match in _AR_AS_REVEALED.finditer(text):
        source = _ar_span(text[match.end():])
        if source:
            return Attribution(source, match.group(1), _quote_type(text))
    candidates = []
    for match in _AR_ACCORDING.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end()))
    for match in _AR_CUE.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(1)))
    for start, cue, end in sorted(candidates):
        rest = text[end:]
        verb = cue.lstrip("وف") if cue[:1] in "وف" and len(cue) > 3 else cue
        if verb.startswith(("نقل", "نسب")):
            nested = _AR_NESTED.search(rest) or (re.search(r"\s+(?:إلى|الى)\s+", rest) if verb.startswith("نسب") else None)
            if nested is None:
                continue  # "نقل المصابون" (carried the wounded), not attribution
            source = _ar_span(rest[nested.end():])
        else:
            source = _ar_span(rest, stop=_AR_VERB_PREPOSITION.get(verb[:3]))
        if source:
            return Attribution(source, cue, _quote_type(text))
    if carried and previous is None:
        return Attribution(None, None, "none")
    return NONE


# --- public API -----------------------------------------------------------------------------

def attribute(text: str, lang: str, previous: Attribution | None = None) -> Attribution:
    """Attribution of one sentence; ``previous`` is the preceding sentence's attribution."""
    if lang == "ar":
        return _attribute_ar(text, previous)
    if lang == "en":
        return _attribute_en(text, previous)
    return NONE


def attribute_sentences(texts: Iterable[str], langs: Iterable[str]) -> list[Attribution]:
    """Attribution of consecutive sentences of one article (carries speakers forward)."""
    out: list[Attribution] = []
    previous: Attribution | None = None
    for text, lang in zip(texts, langs):
        result = attribute(text, lang, previous)
        out.append(result)
        previous = result if result.source else None
    return out


class AttributionAnnotator:
    """Component: who voices each sentence. Adds ``source, cue, quote_type``.

    Within an article (``Sentences.in_article``) a speaker carries forward to continuation
    sentences ("He added...", "وأضاف أن..."); sentences scored on their own are attributed one by
    one. Runs once per sentence.
    """

    name = "attribution"
    columns = ATTRIBUTION_COLUMNS

    def __call__(self, sentences: Sentences) -> dict[str, list[Any]]:
        """The declared columns for ``sentences``."""
        langs = [g if g in LANGUAGES else None for g in sentences.langs]
        if sentences.in_article:
            found = attribute_sentences(sentences.texts, langs)
        else:
            found = [attribute(t, g) if g else NONE for t, g in zip(sentences.texts, langs)]
        return {"source": [a.source for a in found], "cue": [a.cue for a in found],
                "quote_type": [a.quote_type for a in found]}
