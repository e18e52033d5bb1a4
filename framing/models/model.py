"""``FrameModel``: a trained pipeline plus its codebook, tone estimator and model card.

An estimator over sentences: it knows no articles, annotators, files or transports. It turns
texts into frame probabilities, labels, cue-term explanations and tone; :mod:`framing.scoring`
composes it with annotators into sentence tables and scored articles.

>>> from framing.models.model import FrameModel
>>> model = FrameModel.load()                                                  # doctest: +SKIP
>>> model.predict_proba(["Pyongyang fired two ballistic missiles toward the sea."])  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, Sequence

import numpy as np
from sklearn.pipeline import Pipeline

from framing.codebook import Codebook
from framing.errors import ModelError, UnsupportedLanguageError
from framing.limits import DEFAULT_CUES
from framing.models.card import model_languages, write_card
from framing.models.checks import check_bundle, smoke_test
from framing.models.features import Analysis, TextFeatures, analyze
from framing.models.frames import FrameClassifier
from framing.models.io import load_bundle, save_bundle
from framing.text.language import SUPPORTED_LANGUAGES

LANGUAGES = tuple(SUPPORTED_LANGUAGES)  # language indicator columns, calibrated separately
from framing.text.stopwords import for_language

DEFAULT_MODEL = "default.skops"


class Predictions(NamedTuple):
    """The model's reading of a batch of texts: ``docs`` (one :class:`Analysis` per text, with
    its language; empty for unusable texts) and ``columns`` (``text, lang, labels``, one
    probability array per frame, ``cues``, and ``tone``/``tone_scores`` with a tone estimator)."""

    docs: list[Analysis]
    columns: dict[str, Any]


def default_model_path() -> Path:
    """Path of the model file shipped in the package."""
    return Path(str(resources.files("framing.data").joinpath(DEFAULT_MODEL)))


Context = tuple  # (previous_texts, next_texts, titles): see TextFeatures.transform_analyses

FRAMES_C = 4.0
FRAMES_CLASS_WEIGHT = None
"""Frame classifier defaults, chosen by grouped CV on the real-news training split
(``benchmarks/realnews.py --dev``): C=4 without class weights beat C=16 with balanced weights
(thresholds are tuned per frame anyway, so class weights mostly added variance)."""

FRAMES_THRESHOLD = "f1-bootstrap"
"""How each frame's threshold is chosen on the out-of-fold scores: the median of the F1-best
threshold over bootstrap resamples (``FrameClassifier(threshold="f1-bootstrap")``) rather than
the one F1-best cut. Over five inner-CV seeds on dev (``benchmarks/realnews.py --dev``) it gave the
same macro-F1 (ar 0.575 / en 0.509 against 0.575 / 0.507) with half the spread in Arabic (SD
0.003 against 0.006): a rare frame's single best cut moves with the folds."""

FRAMES_THRESHOLD_BY_LANGUAGE = True
"""Decision thresholds chosen per language (``FrameClassifier(threshold_by_segment=True)``; a
language with fewer than 10 positive tuning rows of a frame keeps the shared threshold). Chosen
on dev (``benchmarks/realnews.py --dev``): Arabic news carries frames 2-3x as often as English,
and one threshold for both raised Arabic macro-F1 by +0.020 [+0.009, +0.032] (paired, over
articles) with English unchanged (+0.000 [-0.011, +0.011])."""


CONTEXT_WEIGHT = None
CONTEXT_DROPOUT = 0.25
"""Context blocks (previous and next sentence, title) are OFF by default. Chosen on dev
(``benchmarks/realnews.py --dev``), Arabic-only blocks at 0.5 with dropout 0.25 raised Arabic
frames on dev (+0.016) but not significantly on test (+0.014 [-0.008, +0.038]); with thresholds
shared across languages they lowered English (-0.012), raised the over-assignment of skepticism
(raw share 21% -> 30% in Arabic, 18% -> 26% in English) and cost 10-23% of throughput. To try
them: ``framing train ... --param 'features__context_weight={"ar": 0.5, "en": 0.0}'`` on a
corpus with ``previous``/``next``/``title`` columns (``make corpus`` writes them for real news).
The dropout share applies whenever context is on; :func:`framing.models.train.train` drops
context altogether when the corpus has none."""


def make_pipeline(**params: Any) -> Pipeline:
    """The default architecture: ``TextFeatures`` -> ``FrameClassifier`` (C=:data:`FRAMES_C`,
    class weights :data:`FRAMES_CLASS_WEIGHT`, Platt calibration and thresholds per language
    (:data:`FRAMES_THRESHOLD_BY_LANGUAGE`); no context blocks
    unless ``features__context_weight`` is set, see :data:`CONTEXT_WEIGHT`).

    ``params`` use scikit-learn's ``step__param`` names, e.g. ``frames__C=8.0`` or
    ``features__cues=codebook_cues``.
    """
    pipeline = Pipeline([("features", TextFeatures(languages=LANGUAGES, context_weight=CONTEXT_WEIGHT,
                                                   context_dropout=CONTEXT_DROPOUT)),
                         ("frames", FrameClassifier(C=FRAMES_C, class_weight=FRAMES_CLASS_WEIGHT,
                                                    threshold=FRAMES_THRESHOLD, segments=len(LANGUAGES),
                                                    threshold_by_segment=FRAMES_THRESHOLD_BY_LANGUAGE))])
    if params:
        pipeline.set_params(**params)
    return pipeline


class FrameModel:
    """A trained frame classifier with its codebook, tone estimator and model card.

    ``pipeline`` is the scikit-learn estimator (``TextFeatures`` -> ``FrameClassifier``); ``tone``
    a classifier over the same feature matrix (or None). For sentence tables with sources and
    actors, and for whole articles, wrap it in :class:`framing.scoring.Scorer`.
    """

    def __init__(self, pipeline: Pipeline, codebook: Codebook, card: dict[str, Any] | None = None,
                 tone: Any | None = None):
        self.pipeline = pipeline
        self.codebook = codebook
        self.card = card or {}
        self.tone = tone  # LogisticRegression over the frames' feature matrix (shared: no extra cost), or None

    @property
    def frames(self) -> list[str]:
        """Frame ids, in column order."""
        return self.codebook.ids

    @property
    def tone_classes(self) -> list[str]:
        """Classes of the tone estimator ([] without one)."""
        return [str(c) for c in self.tone.classes_] if self.tone is not None else []

    @property
    def context_weights(self) -> dict[str, float]:
        """``{lang: weight}`` of the context blocks ({} for a model without context)."""
        return dict(self.pipeline.named_steps["features"]._context())

    @property
    def thresholds(self) -> dict[str, float]:
        """Decision threshold per frame shared by all languages (probability at or above it: the
        frame is assigned). A model trained with ``frames__threshold_by_segment`` assigns frames
        by :attr:`thresholds_by_lang` instead; these then apply to texts of other languages."""
        return dict(zip(self.frames, map(float, self.pipeline.named_steps["frames"].thresholds_)))

    @property
    def thresholds_by_lang(self) -> dict[str, dict[str, float]]:
        """``{lang: {frame: threshold}}``: the thresholds that assign frames to each language's
        texts (equal to :attr:`thresholds` unless the model chose thresholds per language)."""
        langs = self.pipeline.named_steps["features"]._languages()
        table = self.pipeline.named_steps["frames"].thresholds_for(np.arange(len(langs)))
        return {lang: dict(zip(self.frames, map(float, row))) for lang, row in zip(langs, table)}

    def frame_thresholds(self, X) -> np.ndarray:
        """Decision threshold of each row of a feature matrix (its language's), shape ``(n, len(frames))``."""
        clf: FrameClassifier = self.pipeline.named_steps["frames"]
        return clf.thresholds_for(clf._segment_of(X))

    # -- persistence --------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write the model (skops) and its card (``<name>.card.json`` beside it); returns the card path."""
        save_bundle({"pipeline": self.pipeline, "tone": self.tone, "codebook": self.codebook.to_dict(),
                     "card": self.card}, path)
        return write_card(self.card, path)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "FrameModel":
        """Read a model file (the shipped default when ``path`` is None); :class:`ModelError` if unusable."""
        path = Path(path) if path else default_model_path()
        bundle = load_bundle(path)
        check_bundle(bundle, path)
        try:
            codebook = Codebook.from_dict(bundle["codebook"], source=str(path))
            model = cls(bundle["pipeline"], codebook, bundle.get("card") or {}, tone=bundle.get("tone"))
            n = model.pipeline.named_steps["frames"].coef_.shape[0]
        except (KeyError, AttributeError) as exc:
            raise ModelError(f"{path}: incomplete model file ({exc})") from None
        if n != len(codebook):
            raise ModelError(f"{path}: model predicts {n} labels but its codebook has {len(codebook)}")
        smoke_test(model, path)
        return model

    # -- inference ----------------------------------------------------------------------

    def analyze(self, texts: Sequence[str], lang: str | Sequence[str | None] | None = None) -> list[Analysis]:
        """Read each text once (language, normalization, tokens, stems); empty texts stay empty.

        ``lang`` is one language for all texts, one per text, or None to detect it.
        """
        langs = [lang] * len(texts) if lang is None or isinstance(lang, str) else list(lang)
        return [analyze(t, g) if t.strip() else Analysis("", "", [], []) for t, g in zip(texts, langs)]

    def featurize(self, docs: Sequence[Analysis], context: Context | None = None):
        """The sparse feature matrix of analysed texts (input of frames and tone).

        ``context`` is ``(previous_texts, next_texts, titles)``, one entry of each per text
        ("" or None for none; see :meth:`predict_proba`)."""
        features: TextFeatures = self.pipeline.named_steps["features"]
        return features.transform_analyses(list(docs), context)

    def frame_proba(self, X) -> np.ndarray:
        """Calibrated probability per frame from a feature matrix, shape ``(n, len(frames))``."""
        clf: FrameClassifier = self.pipeline.named_steps["frames"]
        proba = clf.predict_proba(X)
        if getattr(clf, "_single_output", False):  # a one-frame codebook: keep (n, 1)
            proba = proba[:, 1:]
        return proba

    def tone_proba(self, X) -> np.ndarray | None:
        """Tone probabilities from a feature matrix (columns: :attr:`tone_classes`), or None."""
        if self.tone is None:
            return None
        width = self.tone.coef_.shape[1]  # tone reads the sentence's own features, never context
        return self.tone.predict_proba(X[:, :width] if X.shape[1] > width else X)

    def predict_proba(self, texts: Sequence[str], lang: str | Sequence[str] | None = None,
                      context: Context | None = None) -> np.ndarray:
        """Calibrated probability per frame, shape ``(len(texts), len(frames))``.

        ``lang`` is one language for all texts, one per text, or None to detect it. ``context``
        is ``(previous_texts, next_texts, titles)``: for each text, the previous and next
        sentence of its article and the article's title ("" or None where there is none, e.g.
        at the article's edges). Only a model trained with context reads it (see
        :attr:`context_weights`), and only for its context languages; without it such a model
        scores each sentence on its own.
        """
        return self.frame_proba(self._matrix(texts, lang, context))

    def predict(self, texts: Sequence[str], lang: str | Sequence[str] | None = None,
                context: Context | None = None) -> np.ndarray:
        """Indicator matrix of assigned frames (probability at or above each frame's threshold
        for the text's language, see :attr:`thresholds_by_lang`)."""
        return self.predict_with_proba(texts, lang, context)[1]

    def predict_with_proba(self, texts: Sequence[str], lang: str | Sequence[str] | None = None,
                           context: Context | None = None) -> tuple[np.ndarray, np.ndarray]:
        """``(probabilities, indicator matrix)`` of :meth:`predict_proba` and :meth:`predict` in one pass."""
        X = self._matrix(texts, lang, context)
        proba = self.frame_proba(X)
        return proba, (proba >= self.frame_thresholds(X)).astype(int)

    def _matrix(self, texts: Sequence[str], lang: str | Sequence[str] | None, context: Context | None):
        texts = list(texts)
        langs = [lang] * len(texts) if lang is None or isinstance(lang, str) else list(lang)
        return self.featurize([analyze(t, g) for t, g in zip(texts, langs)], context)

    def predict_columns(self, texts: Sequence[str], lang: str | None = None, cues: int = DEFAULT_CUES,
                        context: Context | None = None) -> Predictions:
        """Frames, labels, cue terms and tone of each text, as plain columns (see :class:`Predictions`).

        Texts that are empty or not Arabic/English get ``lang="und"`` and no scores (NaN); so do
        texts in a language the model has no training rows of (their ``lang`` is kept): its
        scores there would be noise around the intercepts, not evidence.
        ``context``: see :meth:`predict_proba` (cue terms come from the sentence itself).
        """
        if lang is not None and lang not in SUPPORTED_LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        docs = self.analyze(texts, lang)
        covered = model_languages(self.card) or SUPPORTED_LANGUAGES
        ok = [i for i, d in enumerate(docs) if d.lang in SUPPORTED_LANGUAGES and d.lang in covered]
        proba = np.full((len(texts), len(self.frames)), np.nan)
        labels: list[list[str]] = [[] for _ in texts]
        cue_terms: list[dict[str, list[str]]] = [{} for _ in texts]
        tones: list[str | None] = [None] * len(texts)
        tone_scores: list[dict[str, float] | None] = [None] * len(texts)
        if ok:
            ok_context = None
            if context is not None and self.context_weights:
                if isinstance(context, str) or len(context) != 3 or any(len(c) != len(texts) for c in context):
                    raise ValueError("context must be (previous_texts, next_texts, titles), one entry of each per text")
                ok_context = tuple([c[i] for i in ok] for c in map(list, context))
            X = self.featurize([docs[i] for i in ok], ok_context)
            p = self.frame_proba(X)
            proba[ok] = p
            tp = self.tone_proba(X)
            if tp is not None:
                classes = self.tone_classes
                best = tp.argmax(axis=1)
                for row, i in enumerate(ok):
                    tones[i] = classes[best[row]]
                    tone_scores[i] = {c: round(float(v), 4) for c, v in zip(classes, tp[row])}
            predicted = p >= self.frame_thresholds(X)
            explained = self.explain(X, predicted, [docs[i] for i in ok], cues) if cues else [{}] * len(ok)
            for row, i in enumerate(ok):
                labels[i] = [f for f, on in zip(self.frames, predicted[row]) if on]
                cue_terms[i] = explained[row]
        columns: dict[str, Any] = {"text": texts, "lang": [d.lang if d.lang in SUPPORTED_LANGUAGES else "und" for d in docs],
                                   "labels": labels}
        for j, name in enumerate(self.frames):
            columns[name] = proba[:, j]
        columns["cues"] = cue_terms
        if self.tone is not None:
            columns["tone"] = tones
            columns["tone_scores"] = tone_scores
        return Predictions(docs, columns)

    def explain(self, X, predicted: np.ndarray, docs: Sequence[Analysis], top: int = DEFAULT_CUES) -> list[dict[str, list[str]]]:
        """Terms with the largest positive contribution (weight x value) to each predicted frame.

        Ranking is vectorized over the whole batch; Python only touches the few candidates kept.
        """
        clf: FrameClassifier = self.pipeline.named_steps["frames"]
        names = self.pipeline.named_steps["features"].feature_names_
        out: list[dict[str, list[str]]] = [{} for _ in range(X.shape[0])]
        finders: dict[int, _TermFinder] = {}
        nz_rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        for j in np.flatnonzero(predicted.any(axis=0)):
            contrib = X.data * clf.coef_[j, X.indices]
            keep = predicted[nz_rows, j] & (contrib > 0)
            rows, values, features = nz_rows[keep], contrib[keep], X.indices[keep]
            order = np.lexsort((-values, rows))
            rows, features = rows[order], features[order]
            first = np.r_[True, rows[1:] != rows[:-1]] if len(rows) else np.zeros(0, bool)
            rank = np.arange(len(rows)) - np.maximum.accumulate(np.where(first, np.arange(len(rows)), 0))
            candidates = rank < 3 * top  # spare candidates: several features can map to one term
            frame = self.frames[j]
            for row in np.flatnonzero(predicted[:, j]):
                out[row][frame] = []
            for row, feature in zip(rows[candidates].tolist(), features[candidates].tolist()):
                chosen = out[row][frame]
                if len(chosen) >= top:
                    continue
                finder = finders.get(row)
                if finder is None:
                    finder = finders[row] = _TermFinder(docs[row])
                term = finder.find(names[feature])
                if term and term not in chosen:
                    chosen.append(term)
        return out

    def info(self) -> dict[str, Any]:
        """Model card summary: codebook, thresholds, metrics, training data."""
        return {"frames": self.frames, "thresholds": self.thresholds, "thresholds_by_lang": self.thresholds_by_lang,
                "tones": self.tone_classes or None, **self.card}


class _TermFinder:
    """Maps feature names back to the sentence's own wording (surface tokens built lazily)."""

    def __init__(self, doc: Analysis):
        self.doc = doc
        self._surface: list[str] | None = None

    def _at(self, i: int, n: int) -> str:
        if self._surface is None:
            self._surface = self.doc.surface()
        return " ".join(self._surface[i:i + n])

    def find(self, feature: str) -> str | None:
        """The sentence's words behind a feature; None for features that are not words."""
        block, _, value = feature.partition(":")
        if block == "p":
            for i, stem in enumerate(self.doc.stems):
                if stem.startswith(value):
                    return self._at(i, 1)
            return None
        if block not in ("w", "s"):
            return None
        sequence = self.doc.tokens if block == "w" else self.doc.stems
        parts = value.split(" ")
        if len(parts) > 1 and all(t in for_language(self.doc.lang) for t in parts):
            return None  # "of the": a real feature, but no help to a reader
        try:
            i = sequence.index(parts[0])
        except ValueError:
            return value
        if sequence[i:i + len(parts)] != parts:
            return value
        return self._at(i, len(parts))
