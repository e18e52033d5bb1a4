"""Text pipeline: language identification, normalization, sentence splitting, tokenization."""

from framing.text.language import SUPPORTED_LANGUAGES, detect_language
from framing.text.normalize import normalize
from framing.text.segment import Sentence, split_sentences
from framing.text.tokenize import tokenize

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Sentence",
    "detect_language",
    "normalize",
    "split_sentences",
    "tokenize",
]
