"""``FrameModel``: a trained pipeline plus its codebook and model card, with a text-level API.

>>> import framing
>>> model = framing.load_model()
>>> model.classify(["Pyongyang fired two ballistic missiles toward the sea."])  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from framing.codebook import Codebook
from framing.errors import InputError, ModelError, UnsupportedLanguageError
from framing.models.features import Analysis, TextFeatures, analyze
from framing.models.frames import FrameClassifier
from framing.models.io import load_bundle, save_bundle
from framing.text.language import SUPPORTED_LANGUAGES
from framing.text.stopwords import for_language

DEFAULT_MODEL = "default.skops"
_BATCH = 4096


def default_model_path() -> Path:
    return Path(str(resources.files("framing.data").joinpath(DEFAULT_MODEL)))


def make_pipeline(**params: Any) -> Pipeline:
    """The default architecture: ``TextFeatures`` -> ``FrameClassifier``.

    ``params`` use scikit-learn's ``step__param`` names, e.g. ``frames__C=8.0`` or
    ``features__cues=codebook_cues``.
    """
    pipeline = Pipeline([("features", TextFeatures()), ("frames", FrameClassifier())])
    if params:
        pipeline.set_params(**params)
    return pipeline


class FrameModel:
    """A trained frame classifier with its codebook and model card.

    ``classify`` scores sentences as given; ``score_article`` splits an article into
    sentences first. ``pipeline`` is the underlying scikit-learn estimator.
    """

    def __init__(self, pipeline: Pipeline, codebook: Codebook, card: dict[str, Any] | None = None,
                 tone: Any | None = None):
        self.pipeline = pipeline
        self.codebook = codebook
        self.card = card or {}
        self.tone = tone  # LogisticRegression over the frames' feature matrix (shared: no extra cost), or None

    @property
    def frames(self) -> list[str]:
        return self.codebook.ids

    @property
    def thresholds(self) -> dict[str, float]:
        return dict(zip(self.frames, map(float, self.pipeline.named_steps["frames"].thresholds_)))

    # -- persistence --------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        save_bundle({"pipeline": self.pipeline, "tone": self.tone, "codebook": self.codebook.to_dict(),
                     "card": self.card}, path)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "FrameModel":
        path = Path(path) if path else default_model_path()
        bundle = load_bundle(path)
        try:
            codebook = Codebook.from_dict(bundle["codebook"], source=str(path))
            model = cls(bundle["pipeline"], codebook, bundle.get("card") or {}, tone=bundle.get("tone"))
            n = model.pipeline.named_steps["frames"].coef_.shape[0]
        except (KeyError, AttributeError) as exc:
            raise ModelError(f"{path}: incomplete model file ({exc})") from None
        if n != len(codebook):
            raise ModelError(f"{path}: model predicts {n} labels but its codebook has {len(codebook)}")
        return model

    # -- scoring ------------------------------------------------------------------------

    def predict_proba(self, texts: Sequence[str], lang: str | Sequence[str] | None = None) -> np.ndarray:
        """Calibrated probability per frame, shape ``(len(texts), len(frames))``.

        ``lang`` is one language for all texts, one per text, or None to detect it.
        """
        texts = list(texts)
        langs = [lang] * len(texts) if lang is None or isinstance(lang, str) else list(lang)
        docs = [analyze(t, g) for t, g in zip(texts, langs)]
        return self._proba(docs)[0]

    def _proba(self, docs: list[Analysis]):
        features: TextFeatures = self.pipeline.named_steps["features"]
        clf: FrameClassifier = self.pipeline.named_steps["frames"]
        X = features.transform_analyses(docs)
        proba = clf.predict_proba(X)
        if getattr(clf, "_single_output", False):  # a one-frame codebook: keep (n, 1)
            proba = proba[:, 1:]
        return proba, X

    def classify(self, texts: Iterable[str], lang: str | None = None, cues: int = 3) -> pd.DataFrame:
        """Score sentences as given (no re-segmentation).

        Returns one row per text, in order: ``text, lang, labels``, one probability column per
        frame, ``cues`` (``{frame: [terms]}`` for predicted frames), ``tone`` and ``tone_scores``
        (when the model has a tone component), ``source``, ``cue`` and ``quote_type`` (who voices
        the sentence; see :mod:`framing.attribution`) and ``actors`` (canonical ids). Texts that
        are empty or not Arabic/English get ``lang="und"`` and no scores rather than a guess.
        """
        if isinstance(texts, str):
            raise InputError("classify expects a list of sentences; use score_article for one article")
        if lang is not None and lang not in SUPPORTED_LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        parts = [self._classify_batch(texts[i:i + _BATCH], lang, cues) for i in range(0, len(texts), _BATCH)]
        if not parts:
            tone = ["tone", "tone_scores"] if self.tone is not None else []
            return pd.DataFrame(columns=["text", "lang", "labels", *self.frames, "cues", *tone, "source", "cue", "quote_type", "actors"])
        return pd.concat(parts, ignore_index=True)

    def _classify_batch(self, texts: list[str], lang: str | None, cues: int) -> pd.DataFrame:
        return columns_frame(self._classify_columns(texts, lang, cues))

    def _classify_columns(self, texts: list[str], lang: str | None, cues: int) -> dict[str, Any]:
        """The columns of :meth:`classify` as plain lists/arrays (no pandas: cheap for small batches)."""
        docs = [analyze(t, lang) if t.strip() else Analysis("", "", [], []) for t in texts]
        ok = [i for i, d in enumerate(docs) if d.lang in SUPPORTED_LANGUAGES]
        proba = np.full((len(texts), len(self.frames)), np.nan)
        labels: list[list[str]] = [[] for _ in texts]
        cue_terms: list[dict[str, list[str]]] = [{} for _ in texts]
        tones: list[str | None] = [None] * len(texts)
        tone_scores: list[dict[str, float] | None] = [None] * len(texts)
        if ok:
            p, X = self._proba([docs[i] for i in ok])
            proba[ok] = p
            if self.tone is not None:
                tp = self.tone.predict_proba(X)
                classes = [str(c) for c in self.tone.classes_]
                best = tp.argmax(axis=1)
                for row, i in enumerate(ok):
                    tones[i] = classes[best[row]]
                    tone_scores[i] = {c: round(float(v), 4) for c, v in zip(classes, tp[row])}
            predicted = p >= self.pipeline.named_steps["frames"].thresholds_
            explained = self._explain(X, predicted, [docs[i] for i in ok], cues) if cues else [{}] * len(ok)
            for row, i in enumerate(ok):
                labels[i] = [f for f, on in zip(self.frames, predicted[row]) if on]
                cue_terms[i] = explained[row]
        columns: dict[str, Any] = {"text": list(texts), "lang": [d.lang or "und" for d in docs], "labels": labels}
        for j, name in enumerate(self.frames):
            columns[name] = proba[:, j]
        columns["cues"] = cue_terms
        if self.tone is not None:
            columns["tone"] = tones
            columns["tone_scores"] = tone_scores
        columns.update(_sources_and_actors(texts, docs))
        return columns

    def _explain(self, X, predicted: np.ndarray, docs: list[Analysis], top: int) -> list[dict[str, list[str]]]:
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

    def score_article(self, text: str, *, title: str | None = None, outlet: str | None = None,
                      date: str | None = None, url: str | None = None, id: str | None = None,
                      lang: str | None = None):
        """Split an article into sentences and score each; returns a :class:`ScoredArticle`."""
        from framing.scoring import score_article

        return score_article(self, text, title=title, outlet=outlet, date=date, url=url, id=id, lang=lang)

    def info(self) -> dict[str, Any]:
        """Model card summary: codebook, thresholds, metrics, training data."""
        tone = [str(c) for c in self.tone.classes_] if self.tone is not None else None
        return {"frames": self.frames, "thresholds": self.thresholds, "tones": tone, **self.card}


def _sources_and_actors(texts: list[str], docs: list[Analysis]) -> dict[str, list]:
    """Who voices each sentence (source, cue, quote type) and which actors it names."""
    from framing.actors import default_gazetteer
    from framing.attribution import NONE, attribute

    gazetteer = default_gazetteer()
    attributions = [attribute(t, d.lang) if d.lang in SUPPORTED_LANGUAGES else NONE for t, d in zip(texts, docs)]
    return {
        "source": [a.source for a in attributions],
        "cue": [a.cue for a in attributions],
        "quote_type": [a.quote_type for a in attributions],
        "actors": [gazetteer.find(t, d.lang, d.normalized if d.lang == "ar" else None) if d.lang in SUPPORTED_LANGUAGES else []
                   for t, d in zip(texts, docs)],
    }


def columns_frame(columns: dict[str, Any]) -> pd.DataFrame:
    """A DataFrame from column lists; text-like columns stay ``object`` (missing values are None)."""
    return pd.DataFrame({k: v if isinstance(v, np.ndarray) else pd.Series(v, dtype=object) for k, v in columns.items()})


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
