"""What a loaded model file may hold beyond its types: its shape and its parameters.

:func:`framing.models.io.load_bundle` builds only the types on the allow-list, but allowed types
can still be given harmful values: a ``TfidfVectorizer`` with ``input="filename"`` opens every
scored line as a path, a ``Pipeline`` with ``memory="/some/dir"`` writes there, an n-gram range
of ``(1, 10**9)`` never ends. :func:`check_bundle` refuses such a file with one line, before any
text is scored, and then scores one short sentence so that a file whose parts do not fit
together fails here, not in the middle of a run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from framing.errors import ModelError

MAX_NGRAM = 10  # the longest n-gram any framing model uses is 5 (character n-grams)
MAX_PREFIX = 50
_VECTORIZER_VALUES = {"input": {"content"}, "analyzer": {"word", "char", "char_wb"},
                      "decode_error": {"strict", "ignore", "replace"}, "encoding": {"utf-8"}}
_FLOAT_DTYPES = {np.float32, np.float64}


def _ngram_range(value: Any) -> bool:
    return (isinstance(value, (tuple, list)) and len(value) == 2
            and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value)
            and 1 <= value[0] <= value[1] <= MAX_NGRAM)


def _small_int(value: Any, top: int) -> bool:
    return value is None or isinstance(value, (int, np.integer)) and not isinstance(value, bool) and 0 <= value <= top


def _problems_of_features(features: Any) -> list[str]:
    out = []
    for name in ("word_ngrams", "stem_ngrams", "char_ngrams"):
        value = getattr(features, name, None)
        if value not in (None, False) and not _ngram_range(value):
            out.append(f"TextFeatures.{name}={value!r}")
    for name, top in (("prefix_length", MAX_PREFIX), ("negation_scope", MAX_PREFIX)):
        if not _small_int(getattr(features, name, None), top):
            out.append(f"TextFeatures.{name}={getattr(features, name)!r}")
    for key, block in (getattr(features, "blocks_", None) or {}).items():
        if not _ngram_range(getattr(block, "ngrams", None)) or not _small_int(getattr(block, "prefix", None), MAX_PREFIX):
            out.append(f"n-gram block {key!r} ngrams={getattr(block, 'ngrams', None)!r} prefix={getattr(block, 'prefix', None)!r}")
    vectorizer = getattr(features, "char_vectorizer_", None)
    if vectorizer is not None:
        out.extend(_problems_of_vectorizer(vectorizer))
    return out


def _problems_of_vectorizer(vectorizer: Any) -> list[str]:
    out = [f"TfidfVectorizer.{name}={getattr(vectorizer, name, None)!r}"
           for name, allowed in _VECTORIZER_VALUES.items() if getattr(vectorizer, name, None) not in allowed]
    for name in ("preprocessor", "tokenizer"):
        if getattr(vectorizer, name, None) is not None:
            out.append(f"TfidfVectorizer.{name} is set")
    if not _ngram_range(getattr(vectorizer, "ngram_range", None)):
        out.append(f"TfidfVectorizer.ngram_range={getattr(vectorizer, 'ngram_range', None)!r}")
    if getattr(vectorizer, "dtype", np.float64) not in _FLOAT_DTYPES:
        out.append(f"TfidfVectorizer.dtype={getattr(vectorizer, 'dtype', None)!r}")
    return out


def _shape(bundle: dict[str, Any]) -> str | None:
    """What is missing or of the wrong kind in the bundle, else None."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    from framing.models.features import TextFeatures
    from framing.models.frames import FrameClassifier

    pipeline = bundle.get("pipeline")
    if not isinstance(pipeline, Pipeline):
        return f"'pipeline' is {type(pipeline).__name__}, not a scikit-learn Pipeline"
    steps = getattr(pipeline, "steps", None)
    if not isinstance(steps, list) or [s[0] for s in steps if isinstance(s, tuple)] != ["features", "frames"]:
        return "the pipeline's steps are not ('features', 'frames')"
    if not isinstance(steps[0][1], TextFeatures) or not isinstance(steps[1][1], FrameClassifier):
        return "the pipeline's steps are not TextFeatures and FrameClassifier"
    if getattr(pipeline, "memory", None) is not None:
        return "the pipeline has a cache folder (memory); framing models never do"
    tone = bundle.get("tone")
    if tone is not None and not isinstance(tone, LogisticRegression):
        return f"'tone' is {type(tone).__name__}, not a LogisticRegression"
    if not isinstance(bundle.get("codebook"), dict):
        return f"'codebook' is {type(bundle.get('codebook')).__name__}, not a mapping"
    card = bundle.get("card")
    if card is not None and not isinstance(card, dict):
        return f"'card' is {type(card).__name__}, not a mapping"
    for key in ("training_data", "thresholds", "thresholds_by_lang", "params", "tone"):
        if isinstance(card, dict) and card.get(key) is not None and not isinstance(card[key], dict):
            return f"card entry {key!r} is {type(card[key]).__name__}, not a mapping"
    return None


def check_bundle(bundle: dict[str, Any], path: str | Path) -> None:
    """Refuse (:class:`ModelError`) a loaded bundle of the wrong shape or with parameters that
    would read or write files, or run without end."""
    missing = [key for key in ("pipeline", "codebook") if bundle.get(key) is None]
    if missing:
        raise ModelError(f"{path}: incomplete model file (no {' or '.join(map(repr, missing))})")
    wrong = _shape(bundle)
    if wrong:
        raise ModelError(f"{path}: not a usable framing model: {wrong}")
    problems = _problems_of_features(bundle["pipeline"].steps[0][1])
    if problems:
        raise ModelError(f"{path}: refusing a model with parameters framing never writes: " + "; ".join(problems[:4]))


def smoke_test(model: Any, path: str | Path) -> None:
    """Score one short English sentence with ``model`` (a :class:`FrameModel`); a file whose
    parts do not fit together is refused here with one line. (English only: Arabic analysis
    would import camel-tools at every start.)"""
    try:
        X = model.featurize(model.analyze(["Officials met to discuss the plan."], "en"))
        proba = model.frame_proba(X)
        if proba.shape != (1, len(model.frames)) or not np.all(np.isfinite(proba)):
            raise ValueError(f"probabilities of shape {proba.shape}")
        tone = model.tone_proba(X)
        if tone is not None and tone.shape != (1, len(model.tone_classes)):
            raise ValueError(f"tone probabilities of shape {tone.shape}")
        model.thresholds_by_lang
    except ModelError:
        raise
    except Exception as exc:  # anything a malformed file can raise while scoring
        raise ModelError(f"{path}: not a usable framing model: scoring a test sentence failed "
                         f"({exc.__class__.__name__}: {str(exc)[:200]})") from None
