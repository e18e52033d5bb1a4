"""The tone estimator: negative / neutral / positive over the frames' feature matrix.

A logistic regression fitted on the same features as the frames, so scoring tone costs one
matrix product. :func:`fit_tone` fits it (with optional tone-only rows from public datasets) and
cross-validates it for the model card; :meth:`FrameModel.tone_proba` applies it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.models.features import analyze
from framing.models.metrics import cv_report


def fit_tone(features, docs, corpus: pd.DataFrame, C: float = 4.0, extra: pd.DataFrame | None = None,
             extra_weight: float = 0.2, groups=None, tune=None, group_by: str | None = None):
    """Fit the tone classifier (on the frames' feature matrix, so scoring costs nothing extra)
    on rows with a tone label plus ``extra`` tone-only rows (e.g. a public dataset);
    cross-validate on the labeled corpus rows for the card, keeping each of ``groups``
    (articles) in one fold, and report on the ``tune`` rows (all when None)."""
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

    tone_groups = None if groups is None else np.asarray(groups)[mask]
    one_hot = np.column_stack([tones == c for c in sorted(set(tones))]).astype(int)
    folds = group_folds(one_hot, tone_groups, 5, 0)
    oof = np.empty(len(tones), dtype=object)
    for k in range(5):
        oof[folds == k] = fit(np.flatnonzero(folds != k)).predict(X[folds == k])
    model = fit(np.arange(len(tones)))
    classes = [str(c) for c in model.classes_]
    rows = np.ones(len(tones), dtype=bool) if tune is None else np.asarray(tune)[mask]
    y_true = np.column_stack([tones[rows] == c for c in classes])
    y_pred = np.column_stack([oof[rows] == c for c in classes])
    report = cv_report(y_true, y_pred, classes, corpus.loc[mask, "lang"].to_numpy()[rows],
                       None if tone_groups is None else tone_groups[rows],
                       group_by=group_by if tone_groups is not None else None)
    report["accuracy"] = float((oof[rows] == tones[rows]).mean())
    card = {"classes": classes, "rows": int(mask.sum()), "C": C, "cv_metrics": report,
            "extra_rows": int(len(y_extra)), "extra_weight": extra_weight if len(y_extra) else None,
            "extra_sources": sorted(set(extra["source"])) if extra is not None and "source" in extra else []}
    return model, card
