"""Normalization used for matching and features; display always keeps the original text.

Arabic goes through camel-tools' data-free utilities (Unicode, alef/yaa/teh marbuta, diacritics);
English is lower-cased. Digits of every script become ASCII digits.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TATWEEL = "\u0640"
_PRESENTATION_FORMS = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFF]")
_COMMON = {
    **{ord(d): str(i % 10) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")},
    **{ord(k): v for k, v in {"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "\u00a0": " "}.items()},
}
# After camel-tools' steps: hamza carriers unified, tatweel dropped, digits and quotes.
_ARABIC_EXTRA = str.maketrans({**_COMMON, ord("ئ"): "ي", ord("ؤ"): "و", ord(_TATWEEL): None})
_ENGLISH_EXTRA = str.maketrans(_COMMON)


@lru_cache(maxsize=1)
def _camel_steps():
    """camel-tools' data-free normalizers, imported on first Arabic text (their import builds
    Unicode tables and takes ~0.4 s, which English-only runs need not pay)."""
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    return (normalize_unicode, dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar)


def normalize_arabic(text: str) -> str:
    """Normalize Arabic text: Unicode forms, tatweel, diacritics, alef/yaa/teh marbuta, digits.

    >>> normalize_arabic("أكَّدَ الرئيسُ علـــى الزيارة")
    'اكد الرييس علي الزياره'
    """
    normalize_unicode, *steps = _camel_steps()
    # camel's normalize_unicode is NFKC plus a fix for two presentation-form ligatures; its
    # per-character mapper is slow, so plain NFKC is used when no presentation form is present.
    text = normalize_unicode(text) if _PRESENTATION_FORMS.search(text) else unicodedata.normalize("NFKC", text)
    for step in steps:
        text = step(text)
    return text.translate(_ARABIC_EXTRA)


def normalize_english(text: str) -> str:
    """Normalize English text: NFKC, lower case, typographic quotes."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).lower().translate(_ENGLISH_EXTRA)


def normalize(text: str, lang: str) -> str:
    """Normalize ``text`` written in ``lang`` (``"ar"`` or ``"en"``; anything else: NFKC only)."""
    if lang == "ar":
        return normalize_arabic(text)
    if lang == "en":
        return normalize_english(text)
    return unicodedata.normalize("NFKC", text)
