"""Train and evaluate frame models on labeled corpora; build the model card."""

from __future__ import annotations

import datetime as _dt
import platform
from typing import Any, Sequence

import numpy as np
import pandas as pd

from framing import __version__
from framing.codebook import Codebook
from framing.corpora import corpus_fingerprint, label_matrix
from framing.errors import CorpusError
from framing.models.features import analyze
from framing.models.metrics import multilabel_report
from framing.models.model import FrameModel, make_pipeline


def train(corpus: pd.DataFrame, codebook: Codebook | None = None, *, sources: Sequence[str] = (),
          params: dict[str, Any] | None = None, tone_c: float = 4.0,
          tone_extra: pd.DataFrame | None = None, tone_extra_weight: float = 0.2) -> FrameModel:
    """Fit the default pipeline on a validated corpus (see :func:`framing.corpora.read_corpus`).

    Without a ``codebook`` the label set is taken from the corpus. Rows with a ``tone`` label
    also train the tone component (negative/neutral/positive), together with ``tone_extra``
    (tone-only rows ``text, lang, tone, source``, e.g. from :mod:`framing.importers`). The model
    card records the codebook, a hash of the training data, cross-validated metrics (overall and
    per language, frames and tone), the chosen thresholds, parameters and versions.
    """
    if codebook is None:
        labels = sorted({label for row in corpus["labels"] for label in row})
        if not labels:
            raise CorpusError(["the corpus has no labels at all; nothing to learn"])
        codebook = Codebook.from_labels(labels)
    unknown = codebook.check_labels(label for row in corpus["labels"] for label in row)
    if unknown:
        raise CorpusError([f"label(s) {', '.join(unknown)} are not in codebook {codebook.name!r}"])
    y = label_matrix(corpus, codebook.ids)
    counts = y.sum(axis=0)
    thin = [f"{f} ({int(c)})" for f, c in zip(codebook.ids, counts) if c < 2 or c > len(y) - 2]
    if thin:
        raise CorpusError([f"each label needs at least 2 positive and 2 negative examples; too few for: {', '.join(thin)}"])
    pipeline = make_pipeline(**(params or {}))
    docs = [analyze(t, l) for t, l in zip(corpus["text"], corpus["lang"])]
    pipeline.fit(docs, y[:, 0] if y.shape[1] == 1 else y)  # one frame: a plain binary target
    tone, tone_card = _train_tone(pipeline.named_steps["features"], docs, corpus, tone_c, tone_extra, tone_extra_weight)
    clf = pipeline.named_steps["frames"]
    oof_pred = clf.oof_proba_ >= clf.thresholds_
    cv = cv_report(y, oof_pred, codebook.ids, corpus["lang"].to_numpy())
    card = {
        "framing_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "codebook": {"name": codebook.name, "version": codebook.version, "frames": codebook.ids},
        "training_data": {
            "files": list(sources),
            "sha256": corpus_fingerprint(corpus),
            "rows": int(len(corpus)),
            "rows_by_lang": {k: int(v) for k, v in corpus["lang"].value_counts().sort_index().items()},
            "positives": {f: int(c) for f, c in zip(codebook.ids, counts)},
        },
        "architecture": "TextFeatures (word and stem TF-IDF) -> FrameClassifier "
                        "(one-vs-rest logistic regression, Platt calibration, CV thresholds)",
        "params": {k: _plain(v) for k, v in pipeline.get_params(deep=True).items()
                   if "__" in k and not k.endswith("__cues")},
        "thresholds": {f: float(t) for f, t in zip(codebook.ids, clf.thresholds_)},
        "cv_metrics": cv,
        "tone": tone_card,
        "environment": {"python": platform.python_version(), **_versions()},
    }
    return FrameModel(pipeline, codebook, card, tone=tone)


def _train_tone(features, docs, corpus: pd.DataFrame, C: float, extra: pd.DataFrame | None = None,
                extra_weight: float = 0.2):
    """Fit the tone classifier (on the frames' feature matrix, so scoring costs nothing extra)
    on rows with a tone label plus ``extra`` tone-only rows (e.g. a public dataset);
    cross-validate on the labeled corpus rows for the card."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    if "tone" not in corpus or corpus["tone"].isna().all():
        return None, None
    mask = corpus["tone"].notna().to_numpy()
    tones = corpus.loc[mask, "tone"].to_numpy().astype(str)
    counts = pd.Series(tones).value_counts()
    if len(counts) < 2 or counts.min() < 5:
        return None, {"skipped": f"too few tone labels: {counts.to_dict()}"}
    import scipy.sparse as sp

    X = features.transform_analyses([d for d, m in zip(docs, mask) if m])
    if extra is not None and len(extra):
        X_extra = features.transform_analyses([analyze(t, l) for t, l in zip(extra["text"], extra["lang"])])
        y_extra = extra["tone"].to_numpy().astype(str)
    else:
        X_extra, y_extra = None, np.empty(0, dtype=str)

    def fit(rows):
        # Public rows count less than our own: they teach more wording, ours teach our definitions.
        X_fit = X[rows] if X_extra is None else sp.vstack([X[rows], X_extra], format="csr")
        weights = np.concatenate([np.ones(len(rows)), np.full(len(y_extra), extra_weight)])
        return LogisticRegression(C=C, max_iter=3000).fit(X_fit, np.concatenate([tones[rows], y_extra]), sample_weight=weights)

    oof = np.empty(len(tones), dtype=object)
    for train_idx, test_idx in StratifiedKFold(5, shuffle=True, random_state=0).split(X, tones):
        oof[test_idx] = fit(train_idx).predict(X[test_idx])
    model = fit(np.arange(len(tones)))
    classes = [str(c) for c in model.classes_]
    y_true = np.column_stack([tones == c for c in classes])
    y_pred = np.column_stack([oof == c for c in classes])
    report = cv_report(y_true, y_pred, classes, corpus.loc[mask, "lang"].to_numpy())
    report["accuracy"] = float((oof == tones).mean())
    card = {"classes": classes, "rows": int(mask.sum()), "C": C, "cv_metrics": report,
            "extra_rows": int(len(y_extra)), "extra_weight": extra_weight if len(y_extra) else None,
            "extra_sources": sorted(set(extra["source"])) if extra is not None and "source" in extra else []}
    return model, card


def cv_report(y: np.ndarray, pred: np.ndarray, labels: Sequence[str], langs: np.ndarray) -> dict[str, Any]:
    """Multi-label report overall and per language (``by_lang``)."""
    report = multilabel_report(y, pred, labels)
    report["by_lang"] = {
        lang: multilabel_report(y[langs == lang], pred[langs == lang], labels)
        for lang in sorted(set(langs))
    }
    return report


def evaluate(model: FrameModel, corpus: pd.DataFrame) -> dict[str, Any]:
    """Score ``corpus`` with ``model`` and report per-label P/R/F1, micro and macro F1."""
    unknown = model.codebook.check_labels(label for row in corpus["labels"] for label in row)
    if unknown:
        raise CorpusError([f"label(s) {', '.join(unknown)} are not frames of this model ({', '.join(model.frames)})"])
    y = label_matrix(corpus, model.frames)
    proba = model.predict_proba(list(corpus["text"]), lang=list(corpus["lang"]))
    pred = proba >= np.array(list(model.thresholds.values()))
    return cv_report(y, pred, model.frames, corpus["lang"].to_numpy())


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def _versions() -> dict[str, str]:
    import sklearn
    import scipy

    return {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
            "pandas": pd.__version__}
