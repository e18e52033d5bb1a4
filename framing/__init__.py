"""framing: measure how news media frame events, in Arabic and English.

>>> import framing
>>> model = framing.load_model()                                  # the shipped default (a Scorer)
>>> model.classify(["Kremlin prepares an official visit."])       # doctest: +SKIP
>>> article = model.score_article(text, outlet="Example Times")  # doctest: +SKIP
>>> mine = framing.load_model(actors="my_actors.yaml")           # your own gazetteer  # doctest: +SKIP

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
    "Scorer": "framing.scoring",
    "score_article": "framing.scoring",
    "default_annotators": "framing.annotate",
    "ActorGazetteer": "framing.annotate.actors",
    "read_corpus": "framing.io.corpora",
    "split_sentences": "framing.text.segment",
    "detect_language": "framing.text.language",
}

__all__ = sorted([*_EXPORTS, "load_model", "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from framing.annotate import default_annotators
    from framing.annotate.actors import ActorGazetteer
    from framing.codebook import Codebook, Frame
    from framing.io.corpora import read_corpus
    from framing.errors import CorpusError, FramingError, InputError, ModelError, UnsupportedLanguageError
    from framing.models.features import TextFeatures
    from framing.models.frames import FrameClassifier
    from framing.models.model import FrameModel, make_pipeline
    from framing.scoring import ScoredArticle, Scorer, score_article
    from framing.text.language import detect_language
    from framing.text.segment import split_sentences


def __getattr__(name: str) -> Any:
    """Import exported names on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def load_model(path: str | None = None, *, annotators: Any | None = None, actors: Any | None = None) -> "Scorer":
    """A :class:`Scorer` for a model saved with :meth:`FrameModel.save` (the shipped default when
    ``path`` is None), with the default annotators, your ``actors`` gazetteer (path or
    ``ActorGazetteer``) in them, or your own ``annotators``."""
    from framing.scoring import Scorer

    return Scorer.load(path, annotators=annotators, actors=actors)
