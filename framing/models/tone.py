"""The tone estimator: negative / neutral / positive over the frames' feature matrix.

A logistic regression fitted on the same features as the frames, so scoring tone costs one
matrix product. :func:`fit_tone` fits it (with optional tone-only rows from public datasets) and
cross-validates it for the model card; :meth:`FrameModel.tone_proba` applies it.

Defaults, chosen by grouped cross-validation on the real-news training split
(``benchmarks/realnews.py --dev``): balanced class weights (tone is scored by macro-F1 and
positive sentences are rare in news) and C chosen from :data:`TONE_C` by the same grouped CV
that fills the card.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from framing.models.features import analyze
from framing.models.metrics import cv_report

TONE_C: tuple[float, ...] = (0.5, 1.0, 2.0)
"""Grid of inverse regularisation strengths tried by default (the best by grouped CV macro-F1)."""

TONE_CLASS_WEIGHT = "balanced-by-language:0.5"

# Licences of the public tone sources the importers produce (recorded in the model card).
EXTRA_LICENCES = {"NewsMTSC": "MIT", "ArSarcasm-v2": "MIT", "ArSAS": "research use"}


def balanced_by_language(tones: np.ndarray, langs: np.ndarray, weights: np.ndarray | None = None,
                         power: float = 1.0) -> np.ndarray:
    """Row weights that balance the tone classes within each language (``(n_lang / (k *
    n_lang_class)) ** power``, times ``weights``): like ``class_weight="balanced"``, but a language
    with many rows of one class (English public data) does not set the weights of the other
    language; ``power`` < 1 balances part of the way (0.5: square root)."""
    tones, langs = np.asarray(tones).astype(str), np.asarray(langs).astype(str)
    base = np.ones(len(tones)) if weights is None else np.asarray(weights, dtype=float)
    out = base.copy()
    for lang in np.unique(langs):
        in_lang = langs == lang
        classes = np.unique(tones[in_lang])
        total = base[in_lang].sum()
        for c in classes:
            rows = in_lang & (tones == c)
            out[rows] = base[rows] * (total / (len(classes) * base[rows].sum())) ** power
    return out


BY_LANGUAGE = "balanced-by-language"


def balance_power(class_weight: str) -> float:
    """``"balanced-by-language"`` -> 1.0, ``"balanced-by-language:0.5"`` -> 0.5."""
    _, sep, power = class_weight.partition(":")
    try:
        return float(power) if sep else 1.0
    except ValueError:
        raise ValueError(f"class_weight {class_weight!r}: expected {BY_LANGUAGE}[:POWER]") from None


def _macro_f1(y_true: np.ndarray, y_pred: np.ndarray, classes: Sequence[str]) -> float:
    """Macro-F1 over the ``classes`` present in ``y_true`` (0 when none is)."""
    from sklearn.metrics import f1_score

    present = [c for c in classes if (y_true == c).any()]
    return float(f1_score(y_true, y_pred, labels=present, average="macro", zero_division=0)) if present else 0.0


def fit_tone(features, docs, corpus: pd.DataFrame, C: float | Sequence[float] = TONE_C,
             extra: pd.DataFrame | None = None, extra_weight: float = 1.0, groups=None, tune=None,
             group_by: str | None = None, class_weight: str | dict | None = TONE_CLASS_WEIGHT):
    """Fit the tone classifier (on the frames' feature matrix, so scoring costs nothing extra)
    on rows with a tone label plus ``extra`` tone-only rows (e.g. a public dataset) at
    ``extra_weight`` each; cross-validate on the labeled corpus rows, keeping each of ``groups``
    (articles) in one fold, and report on the ``tune`` rows (all when None).

    ``C`` is one value or a grid: with a grid, each value is cross-validated on the same grouped
    folds and the one with the best macro-F1 on the ``tune`` rows is refitted on all rows (the
    card's figures are then those of the chosen C, so slightly optimistic). ``extra`` rows may
    carry a ``weight`` column that overrides ``extra_weight`` per row (e.g. one weight per source).
    """
    from sklearn.linear_model import LogisticRegression

    from framing.models.split import group_folds

    if "tone" not in corpus or corpus["tone"].isna().all():
        return None, None
    mask = corpus["tone"].notna().to_numpy()
    tones = corpus.loc[mask, "tone"].to_numpy().astype(str)
    counts = pd.Series(tones).value_counts()
    if len(counts) < 2 or counts.min() < 5:
        return None, {"skipped": f"too few tone labels: {counts.to_dict()}"}
    import scipy.sparse as sp

    width = features.n_base_features_  # tone reads the sentence's own features, never context blocks
    X = features.transform_analyses([d for d, m in zip(docs, mask) if m])[:, :width]
    if extra is not None and len(extra):
        X_extra = features.transform_analyses([analyze(t, l) for t, l in zip(extra["text"], extra["lang"])])[:, :width]
        y_extra = extra["tone"].to_numpy().astype(str)
        w_extra = (extra["weight"].astype(float).fillna(extra_weight).to_numpy() if "weight" in extra.columns
                   else np.full(len(y_extra), float(extra_weight)))
    else:
        X_extra, y_extra, w_extra = None, np.empty(0, dtype=str), np.empty(0)
    grid = [float(C)] if np.isscalar(C) else [float(c) for c in C]
    if not grid:
        raise ValueError("C: give a value or a non-empty grid")

    langs = corpus.loc[mask, "lang"].to_numpy().astype(str)
    langs_extra = extra["lang"].to_numpy().astype(str) if X_extra is not None else np.empty(0, dtype=str)

    def fit(rows, c):
        X_fit = X[rows] if X_extra is None else sp.vstack([X[rows], X_extra], format="csr")
        y_fit = np.concatenate([tones[rows], y_extra])
        weights = np.concatenate([np.ones(len(rows)), w_extra])
        per_language = isinstance(class_weight, str) and class_weight.startswith(BY_LANGUAGE)
        if per_language:
            weights = balanced_by_language(y_fit, np.concatenate([langs[rows], langs_extra]), weights,
                                           balance_power(class_weight))
        return LogisticRegression(C=c, class_weight=None if per_language else class_weight, max_iter=3000).fit(
            X_fit, y_fit, sample_weight=weights)

    tone_groups = None if groups is None else np.asarray(groups)[mask]
    one_hot = np.column_stack([tones == c for c in sorted(set(tones))]).astype(int)
    folds = group_folds(one_hot, tone_groups, 5, 0)
    rows = np.ones(len(tones), dtype=bool) if tune is None else np.asarray(tune)[mask]
    classes_seen = sorted(set(tones))
    oof_by_c, scores = {}, {}
    for c in grid:
        oof = np.empty(len(tones), dtype=object)
        for k in range(5):
            oof[folds == k] = fit(np.flatnonzero(folds != k), c).predict(X[folds == k])
        oof_by_c[c] = oof
        scores[c] = _macro_f1(tones[rows], oof[rows].astype(str), classes_seen)
    best = max(grid, key=lambda c: (scores[c], -abs(np.log(c))))  # ties: the value closest to 1
    oof = oof_by_c[best]
    model = fit(np.arange(len(tones)), best)
    classes = [str(c) for c in model.classes_]
    y_true = np.column_stack([tones[rows] == c for c in classes])
    y_pred = np.column_stack([oof[rows] == c for c in classes])
    report = cv_report(y_true, y_pred, classes, corpus.loc[mask, "lang"].to_numpy()[rows],
                       None if tone_groups is None else tone_groups[rows],
                       group_by=group_by if tone_groups is not None else None)
    report["accuracy"] = float((oof[rows] == tones[rows]).mean())
    sources = sorted(set(extra["source"])) if extra is not None and "source" in extra else []
    card = {"classes": classes, "rows": int(mask.sum()), "C": best, "class_weight": class_weight,
            "C_grid": {f"{c:g}": round(scores[c], 4) for c in grid} if len(grid) > 1 else None,
            "cv_metrics": report, "extra_rows": int(len(y_extra)),
            "extra_weight": extra_weight if len(y_extra) else None,
            "extra_weights": ({str(s): float(w) for s, w in zip(extra["source"], w_extra)}
                              if len(y_extra) and "source" in extra else None),
            "extra_sources": sources,
            "extra_licences": {s: EXTRA_LICENCES.get(s, "unknown") for s in sources}}
    return model, card
