"""Text the attribution rules see, and spans back into the text as written.

Invisible marks (zero-width space/joiners, directional marks and embeddings, the BOM, the Arabic
letter mark, soft hyphens: Unicode category Cf), tatweel and Arabic diacritics are deleted before
the rules run; no-break spaces become spaces; Arabic presentation forms (the positional letter
shapes and ligatures of text extracted from PDFs, U+FB50-U+FDFF, U+FE70-U+FEFC) become the letters
they stand for (NFKC; a ligature such as "ﻻ" becomes two letters, both mapped to it). :class:`CleanText` keeps, for every character of
the cleaned text, its offset in the original, so a span found in the cleaned text maps back to
the original (the span covers the invisible marks inside it, the reported text does not).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_DELETE = re.compile("[\u0640\u064B-\u065F\u0670]")  # tatweel, harakat, superscript alef
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u3000": " "}
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefc"
_PRESENTATION_FORM = re.compile("[" + _PRESENTATION + "]")
# Any character clean() changes: the Cf ranges of the Unicode database, plus _DELETE, _SPACES and
# the presentation forms.
# Text without one (almost all news) is returned as it is, without a per-character loop.
_CF = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
       "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
       "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_CHANGES = re.compile("[" + _CF + "\u0640\u064B-\u065F\u0670" + "".join(_SPACES) + _PRESENTATION + "]")
# What clean() deletes: the Cf characters (the same set as unicodedata.category(ch) == "Cf" for
# Python's Unicode 14 tables; a test checks it) and _DELETE.
_DROP = re.compile("[" + _CF + "\u0640\u064B-\u065F\u0670" + "]+")
_SPACE_TABLE = str.maketrans(_SPACES)


class CleanText(NamedTuple):
    """``text``: the cleaned text; ``offsets[i]``: where ``text[i]`` stands in ``original``."""

    text: str
    offsets: tuple[int, ...] | None  # None: nothing was removed, offsets are the identity
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text covering cleaned ``text[start:end]`` (``start < end``)."""
        if self.offsets is None:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1


def _letters(form: str) -> str:
    """The letters a presentation form stands for; "" for the isolated shapes of diacritics."""
    letters = _DROP.sub("", unicodedata.normalize("NFKC", form))
    return letters if letters.strip() else ""


def _expand_presentation_forms(text: str) -> tuple[str, list[int]]:
    """``text`` with each presentation form replaced by its letters, and for every character of
    the result its offset in ``text``."""
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _PRESENTATION_FORM.finditer(text):
        at = match.start()
        pieces.append(text[pos:at])
        offsets.extend(range(pos, at))
        letters = _letters(match.group())
        pieces.append(letters)
        offsets.extend([at] * len(letters))
        pos = match.end()
    pieces.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(pieces), offsets


def clean(text: str) -> CleanText:
    """``text`` without invisible marks, tatweel and diacritics, presentation forms read as
    letters, with the offset map back.

    >>> c = clean("\u200fقال المتحدث")
    >>> c.text, c.to_original(4, 11)
    ('قال المتحدث', (5, 12))
    """
    if text.isascii() or not _CHANGES.search(text):
        return CleanText(text, None, text)
    source, base = text, None
    if _PRESENTATION_FORM.search(text):
        source, base = _expand_presentation_forms(text)
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for match in _DROP.finditer(source):  # runs of deleted characters; what lies between is kept
        if match.start() > pos:
            pieces.append(source[pos:match.start()])
            offsets.extend(range(pos, match.start()))
        pos = match.end()
    if pos < len(source):
        pieces.append(source[pos:])
        offsets.extend(range(pos, len(source)))
    if base is not None:
        offsets = [base[o] for o in offsets]
    return CleanText("".join(pieces).translate(_SPACE_TABLE), tuple(offsets), text)


_FLEX = re.compile(r"\s+")


def locate(text: str, part: str, near: int | None = None) -> tuple[int, int] | None:
    """Span of ``part`` in ``text`` (the occurrence nearest ``near``); whitespace may differ."""
    part = part.strip()
    if not part:
        return None
    starts, at = [], text.find(part)
    while at >= 0:
        starts.append(at)
        at = text.find(part, at + 1)
    length = len(part)
    if not starts:
        pattern = r"\s*".join(re.escape(w) for w in _FLEX.split(part)) if " " in part else None
        found = list(re.finditer(pattern, text)) if pattern else []
        if not found:
            return None
        best = min(found, key=lambda m: abs(m.start() - near) if near is not None else m.start())
        return best.start(), best.end()
    start = min(starts, key=lambda s: abs(s - near)) if near is not None else starts[0]
    return start, start + length
