"""Word tokenization for normalized text, plus a light Arabic stemmer for features."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['\-.][^\W_]+)*")
# Arabic words may carry diacritics and tatweel (combining marks are not \w) when not normalized.
_AR_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0640\u064B-\u065F\u0670])*")

# Conjunction + preposition + article first. A bare و/ف is stripped only from long words (it is
# often a word's own first letter, as in وزير); a bare ب/ل never (بوتين, لبنان).
_AR_PREFIXES = ("وبال", "وكال", "فبال", "ولل", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف")
_AR_SUFFIXES = ("هما", "كما", "تين", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "ه", "ي")


def tokenize(text: str, lang: str) -> list[str]:
    """Split text into word tokens (punctuation dropped).

    Arabic splits on everything but letters, digits and diacritics (the same tokens as
    camel-tools' ``simple_word_tokenize`` minus punctuation, at regex speed); English keeps
    hyphenated words, contractions, decimals and dotted acronyms together.

    >>> tokenize("وقال مسؤول: \\"ليس لدينا شك\\"", "ar")
    ['وقال', 'مسؤول', 'ليس', 'لدينا', 'شك']
    >>> tokenize("Kim's long-range missile, U.S. says", "en")
    ["kim's", 'long-range', 'missile', 'u.s', 'says']
    """
    if lang == "ar":
        return _AR_WORD.findall(text)
    return _WORD.findall(text.lower())


def arabic_stem(token: str) -> str:
    """Strip common clitics and suffixes from a normalized Arabic token (light stemming).

    >>> arabic_stem("والصواريخ"), arabic_stem("بالمفاوضات"), arabic_stem("تهديداتها")
    ('صواريخ', 'مفاوض', 'تهديد')
    """
    stem = token
    for prefix in _AR_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= (4 if len(prefix) == 1 else 3):
            stem = stem[len(prefix):]
            break
    for _ in range(2):
        for suffix in _AR_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                stem = stem[: -len(suffix)]
                break
    return stem


_EN_RULES = (("ies", "y"), ("sses", "ss"), ("shes", "sh"), ("ches", "ch"), ("xes", "x"), ("ing", ""), ("ed", ""), ("s", ""))


def english_stem(token: str) -> str:
    """Strip English inflections from a lower-case token (light, dictionary-free).

    >>> [english_stem(w) for w in ("warned", "warnings", "talks", "policies", "kim's", "crisis")]
    ['warn', 'warning', 'talk', 'policy', 'kim', 'crisis']
    """
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) <= 4 or not token.isalpha():
        return token
    for suffix, replacement in _EN_RULES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            if suffix == "s" and token.endswith(("ss", "us", "is")):
                return token
            return token[: -len(suffix)] + replacement
    return token
