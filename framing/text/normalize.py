"""Normalization used for matching and features; display always keeps the original text.

Arabic goes through camel-tools' data-free utilities (Unicode, alef/yaa/teh marbuta, diacritics);
English is lower-cased. Digits of every script become ASCII digits.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PUNCT = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "\u00a0": " "})


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
    for step in _camel_steps():
        text = step(text)
    text = text.replace(_TATWEEL, "")
    # hamza on yaa/waw carriers: one spelling for the same word written both ways.
    text = text.replace("ئ", "ي").replace("ؤ", "و")
    return text.translate(_DIGITS).translate(_PUNCT)


def normalize_english(text: str) -> str:
    """Normalize English text: NFKC, lower case, typographic quotes."""
    return unicodedata.normalize("NFKC", text).lower().translate(_DIGITS).translate(_PUNCT)


def normalize(text: str, lang: str) -> str:
    """Normalize ``text`` written in ``lang`` (``"ar"`` or ``"en"``; anything else: NFKC only)."""
    if lang == "ar":
        return normalize_arabic(text)
    if lang == "en":
        return normalize_english(text)
    return unicodedata.normalize("NFKC", text)
