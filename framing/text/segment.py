"""Sentence splitting for news articles in Arabic and English.

Lines are hard boundaries (headlines, captions and bylines stand on their own lines in scraped
articles) unless a line visibly continues on the next one. Within a line, English uses nltk's
Punkt with parameters shipped in ``framing/data/punkt_en.json`` (no download), plus rules Punkt
cannot learn from our one-sentence-per-line training text: an abbreviation ends a sentence before
a capitalized pronoun or determiner ("at 5 p.m. They left", never "5 p.m. Eastern time"), dotted
acronyms ("Ph.D.", "U.A.E.") are abbreviations, an ellipsis before a capitalized word ends one,
and a sentence never starts in lower case. Arabic uses rules for ``. ! ? ؟ .. …``, closing
quotes, decimals, single-letter abbreviations and quotations.

Semicolons (``;`` and Arabic ``؛``) never end a sentence, in either language: frames, tone and
the speaker are read per sentence, and the clause after a semicolon leans on the one before it
(Arabic news puts ``؛`` before "حيث", "لأن", "مشيرا إلى", which need the first clause and its
speaker), so both stay in one sentence, and a line ending in one continues on the next.

Every sentence keeps its character span in the original text and a ``kind``:
``"sentence"``, ``"headline"`` (a line without final punctuation) or ``"boilerplate"``
(share buttons, site names, bylines, "read more" lines), which scoring leaves out.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterator, NamedTuple

from framing.text.language import detect_language

KINDS = ("sentence", "headline", "boilerplate")


class Sentence(NamedTuple):
    """A sentence as written, with its span ``text[start:end]`` in the source text."""

    text: str
    start: int
    end: int
    kind: str = "sentence"


_TERMINAL = ".!?؟…\"'”»)]"
_HEADLINE_WORDS = 20
_WORDS = re.compile(r"[^\W_]+")
_BOILERPLATE_PHRASES = re.compile(
    r"^(?:[\W_]*)(?:مشارك[ةه]|شارك(?:\s+الخبر)?|اقرأ\s+أيضا|اقرأ\s+أيضًا|اقرا\s+ايضا|طباعة|تابعنا|"
    r"الموقع\s+الرسمي|إعلان|share(?:\s+this(?:\s+article)?)?|read\s+(?:more|also|next)|advertisement|"
    r"related(?:\s+(?:stories|articles|news))?|subscribe|sign\s+up|follow\s+us|print|email|"
    r"post-title|all\s+rights\s+reserved|copyright|©)(?:\b|[\W_]|$)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[•·▪●■◆►\-–—*]\s*")
_BYLINE_SEPARATOR = re.compile(r"\s[|\-–—]\s")
_BY = re.compile(r"^[Bb]y\s+[A-Z]")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|جميع\s+الحقوق\s+محفوظة", re.IGNORECASE)


def same_as_title(piece: str, title: str) -> bool:
    """Whether a sentence repeats the article's title (spacing, final punctuation and case aside)."""
    def norm(text: str) -> str:
        return " ".join(text.split()).rstrip(".!?:;،؛ ").casefold()

    return norm(piece) == norm(title)


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Split an article into sentences, keeping spans into ``text``.

    ``lang`` is ``"ar"`` or ``"en"``; when ``None`` each line's language is detected, so
    mixed-language articles split correctly.

    >>> [s.text for s in split_sentences("Mr. Kim arrived at 9 a.m. on Monday. Talks began.")]
    ['Mr. Kim arrived at 9 a.m. on Monday.', 'Talks began.']
    >>> [s.text for s in split_sentences("ارتفع النمو إلى 2.5 في المئة. وقال د. أحمد إن ذلك متوقع؟ نعم")]
    ['ارتفع النمو إلى 2.5 في المئة.', 'وقال د. أحمد إن ذلك متوقع؟', 'نعم']
    """
    sentences: list[Sentence] = []
    for start, end in _logical_lines(text):
        line = text[start:end]
        if _is_boilerplate(line):
            sentences.append(Sentence(line, start, end, "boilerplate"))
            continue
        line_lang = lang or detect_language(line)
        spans = _split_arabic(line) if line_lang == "ar" else _split_english(line)
        for s, e in spans:
            piece = line[s:e]
            # A line without final punctuation is a headline, unless it is as long as prose.
            headline = not piece.rstrip().endswith(tuple(_TERMINAL)) and len(_WORDS.findall(piece)) <= _HEADLINE_WORDS
            kind = "headline" if headline else "sentence"
            sentences.append(Sentence(piece, start + s, start + e, kind))
    return sentences


def _logical_lines(text: str) -> list[tuple[int, int]]:
    """Spans of non-empty lines, joining a line to the next when it visibly continues."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        else:
            spans.append((-1, -1))  # blank line: a paragraph break, never joined across
        pos += len(raw)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if span[0] < 0:
            merged.append(span)
            continue
        if merged and merged[-1][0] >= 0 and _continues(text[merged[-1][0]:merged[-1][1]], text[span[0]:span[1]]):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return [s for s in merged if s[0] >= 0]


def _continues(line: str, next_line: str) -> bool:
    if line.endswith((",", "،", ";", "؛", "-")) and not _BULLET.match(next_line):
        return True
    # Hard-wrapped English prose: the next line starts in lower case.
    return not line.endswith(tuple(_TERMINAL)) and next_line[:1].islower() and len(line) > 40


def _is_boilerplate(line: str) -> bool:
    words = _WORDS.findall(line)
    if len(words) <= 2 and not line.rstrip().endswith((".", "!", "?", "؟")):
        return True
    if _COPYRIGHT.search(line):
        return True
    short = len(words) <= 6
    if short and (_BOILERPLATE_PHRASES.match(line) or _BULLET.match(line) and line.rstrip().endswith(":")):
        return True
    if short and line.rstrip().endswith(":"):
        return True
    # Site-name and byline lines: "Outlet | Section", "Outlet - Reporter name", "By Jane Doe".
    unpunctuated = not line.rstrip().endswith((".", "!", "?", "؟"))
    if _BY.match(line) and len(words) <= 12 and unpunctuated:
        return True
    return short and bool(_BYLINE_SEPARATOR.search(line)) and not line.rstrip().endswith((".", "!", "?", "؟"))


# --- English ---------------------------------------------------------------------------------

# Capitalized pronouns and determiners start a sentence after an abbreviation ("at 5 p.m. They",
# "in the U.S. The"): none follows a title ("Mr.", "Gen.") inside one. Curated, as the shipped
# parameters carry no learned starters (see punkt_build). No single letters: "A." and "I." are
# also initials ("Lt. Col. A. J. Smith", "I. M. Pei").
_SENT_STARTERS = frozenset("""he she it we they you there the an this that these those
his her its their our my your""".split())
_DOTTED = re.compile(r"[^\W\d_]{1,2}(?:\.[^\W\d_]{1,2})+")  # Punkt types: "ph.d", "u.a.e", "m.sc"
_EN_ELLIPSIS = re.compile(r"(?:\.{2,}|…)[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z])")
_LOWER_START = re.compile(r"[\"'“‘«(\[]*[a-z]")


class _Abbreviations(set):
    """Punkt's abbreviation types; any dotted acronym ("Ph.D.", "U.A.E.") is one too."""

    def __contains__(self, word: object) -> bool:
        return super().__contains__(word) or isinstance(word, str) and bool(_DOTTED.fullmatch(word))


@lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    data = json.loads(resources.files("framing.data").joinpath("punkt_en.json").read_text("utf-8"))
    params = PunktParameters()
    params.abbrev_types = _Abbreviations(data["abbrev_types"])
    params.collocations = {tuple(c) for c in data["collocations"]}
    params.sent_starters = set(data["sent_starters"]) | _SENT_STARTERS
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def _split_english(line: str) -> list[tuple[int, int]]:
    inside_quote = _quote_regions(line)
    cased = line != line.lower()  # in a line written all in lower case, case tells nothing
    spans: list[tuple[int, int]] = []
    for start, end in _english_pieces(line):
        # Keep a quotation and its attribution together: never split inside quotes. A sentence
        # never starts in lower case: Punkt ends one after any word it does not know as an
        # abbreviation, even before a bracket and a lowercase word ("(ret.) said").
        if spans and (inside_quote(spans[-1][1] - 1) or cased and _LOWER_START.match(line, start)):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _english_pieces(line: str) -> Iterator[tuple[int, int]]:
    """Punkt's sentences, also split after an ellipsis (``...`` or ``…``) before a capital."""
    for start, end in _punkt().span_tokenize(line):
        for match in _EN_ELLIPSIS.finditer(line, start, end):
            if _WORDS.search(line, start, match.start()):  # not a lone "[…]" marking a cut
                yield start, match.end()
                start = _strip_span(line, match.end(), end)[0]
        yield start, end


# --- Arabic ----------------------------------------------------------------------------------

_AR_BOUNDARY = re.compile(r"(?:\.{2,}|…|[!?؟]+|\.)[\"'”»)]*(?=\s|$)")
_OPEN_QUOTES = {"“": "”", "«": "»"}
_MAX_QUOTE = 600  # an unbalanced quote must not swallow the rest of the paragraph
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s(])(?:[\u0621-\u064A]|[A-Za-z]|[\u0621-\u064A]\.[\u0621-\u064A]|ق\.م|ص\.ب)$")


def _split_arabic(line: str) -> list[tuple[int, int]]:
    quote_at = _quote_regions(line)
    # In a headline (no final punctuation) ".." is a pause, not a sentence end.
    headline = not line.rstrip().endswith(tuple(_TERMINAL))
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _AR_BOUNDARY.finditer(line):
        end = match.end()
        if quote_at(match.start()) or headline and match.group().startswith(".."):
            continue
        if match.group().startswith(".") and not match.group().startswith(".."):
            if _ABBREVIATION_BEFORE.search(line[start:match.start()]):
                continue
        if line[start:end].strip():
            spans.append(_strip_span(line, start, end))
        start = end
    if line[start:].strip():
        spans.append(_strip_span(line, start, len(line)))
    return spans


def _strip_span(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


_OPENERS = re.compile(r'["“«]')


def _quote_regions(line: str):
    """Return a predicate telling whether a character offset lies inside a quotation."""
    regions: list[tuple[int, int]] = []
    pos = 0
    while True:
        opener = _OPENERS.search(line, pos)
        if opener is None:
            break
        i = opener.start()
        close = _OPEN_QUOTES.get(line[i], '"')
        j = line.find(close, i + 1)
        if j != -1 and j - i <= _MAX_QUOTE:
            regions.append((i, j))
            pos = j + 1
        else:
            pos = i + 1
    return lambda pos: any(a < pos < b for a, b in regions)
