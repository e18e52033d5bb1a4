"""framing: measure how news media frame events, in Arabic and English.

>>> import framing
>>> model = framing.load_model()                                  # the shipped default model
>>> model.classify(["Kremlin prepares an official visit."])       # doctest: +SKIP
>>> article = model.score_article(text, outlet="Example Times")  # doctest: +SKIP

Names are imported lazily, so ``import framing`` (and the CLI's ``--help``) stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Codebook": "framing.codebook",
    "Frame": "framing.codebook",
    "CorpusError": "framing.errors",
    "FramingError": "framing.errors",
    "InputError": "framing.errors",
    "ModelError": "framing.errors",
    "UnsupportedLanguageError": "framing.errors",
    "FrameClassifier": "framing.models.frames",
    "TextFeatures": "framing.models.features",
    "FrameModel": "framing.models.model",
    "make_pipeline": "framing.models.model",
    "ScoredArticle": "framing.scoring",
    "score_article": "framing.scoring",
    "read_corpus": "framing.corpora",
    "split_sentences": "framing.text.segment",
    "detect_language": "framing.text.language",
}

__all__ = sorted([*_EXPORTS, "load_model", "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from framing.codebook import Codebook, Frame
    from framing.corpora import read_corpus
    from framing.errors import CorpusError, FramingError, InputError, ModelError, UnsupportedLanguageError
    from framing.models.features import TextFeatures
    from framing.models.frames import FrameClassifier
    from framing.models.model import FrameModel, make_pipeline
    from framing.scoring import ScoredArticle, score_article
    from framing.text.language import detect_language
    from framing.text.segment import split_sentences


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def load_model(path: str | None = None) -> "FrameModel":
    """Load a model saved with :meth:`FrameModel.save`; the shipped default when ``path`` is None."""
    from framing.models.model import FrameModel

    return FrameModel.load(path)
