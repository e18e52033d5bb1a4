"""Text the attribution rules see, and spans back into the text as written.

Invisible marks (zero-width space/joiners, directional marks and embeddings, the BOM, the Arabic
letter mark, soft hyphens: Unicode category Cf), tatweel and Arabic diacritics are deleted before
the rules run; no-break spaces become spaces. :class:`CleanText` keeps, for every character of
the cleaned text, its offset in the original, so a span found in the cleaned text maps back to
the original (the span covers the invisible marks inside it, the reported text does not).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

_DELETE = re.compile("[\u0640\u064B-\u065F\u0670]")  # tatweel, harakat, superscript alef
_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u3000": " "}


class CleanText(NamedTuple):
    """``text``: the cleaned text; ``offsets[i]``: where ``text[i]`` stands in ``original``."""

    text: str
    offsets: tuple[int, ...]
    original: str

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text covering cleaned ``text[start:end]`` (``start < end``)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(text: str) -> CleanText:
    """``text`` without invisible marks, tatweel and diacritics, with the offset map back.

    >>> c = clean("\u200fقال المتحدث")
    >>> c.text, c.to_original(4, 11)
    ('قال المتحدث', (5, 12))
    """
    if text.isascii():
        return CleanText(text, tuple(range(len(text))), text)
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if unicodedata.category(ch) == "Cf" or _DELETE.match(ch):
            continue
        chars.append(_SPACES.get(ch, ch))
        offsets.append(i)
    return CleanText("".join(chars), tuple(offsets), text)


_FLEX = re.compile(r"\s+")


def locate(text: str, part: str, near: int | None = None) -> tuple[int, int] | None:
    """Span of ``part`` in ``text`` (the occurrence nearest ``near``); whitespace may differ."""
    part = part.strip()
    if not part:
        return None
    starts = [m.start() for m in re.finditer(re.escape(part), text)]
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
