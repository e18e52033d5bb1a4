"""Train and evaluate frame models on labeled corpora; build the model card."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from framing.codebook import Codebook
from framing.errors import CorpusError, FramingError, TrainingError
from framing.models.card import build_card
from framing.models.features import analyze
from framing.models.metrics import cv_report, group_keys
from framing.models.model import FrameModel, make_pipeline
from framing.models.tone import TONE_C, TONE_CLASS_WEIGHT, fit_tone

OTHER_CORPUS_WEIGHT = 0.5
"""Frame-fit weight of rows from corpora without the ``tune_on`` column (see :func:`train`)."""

CONTEXT_COLUMNS = ("previous", "next", "title")
"""Optional corpus columns with each sentence's context: the previous and next sentence of its
article and the article title (see :func:`corpus_context`)."""


def corpus_context(corpus: pd.DataFrame) -> tuple[list[str], list[str], list[str]] | None:
    """``(previous, next, title)`` texts of each row from the optional columns
    :data:`CONTEXT_COLUMNS` (missing columns and empty cells: ""); None when no row has any."""
    n = len(corpus)
    out = []
    for column in CONTEXT_COLUMNS:
        if column not in corpus.columns:
            out.append([""] * n)
            continue
        out.append([v if isinstance(v, str) else "" for v in corpus[column].tolist()])
    if not any(v.strip() for values in out for v in values):
        return None
    return out[0], out[1], out[2]


def label_matrix(frame: pd.DataFrame, classes: list[str]) -> np.ndarray:
    """Binary indicator matrix (n_rows x n_classes) for the ``labels`` column."""
    index = {c: j for j, c in enumerate(classes)}
    y = np.zeros((len(frame), len(classes)), dtype=int)
    for i, labels in enumerate(frame["labels"]):
        for label in labels:
            y[i, index[label]] = 1
    return y


def train(corpus: pd.DataFrame, codebook: Codebook | None = None, *, sources: Sequence[str] = (),
          params: dict[str, Any] | None = None, tone_c: float | Sequence[float] = TONE_C,
          tone_extra: pd.DataFrame | None = None, tone_extra_weight: float | dict[str, float] = 1.0,
          tone_class_weight: str | dict | None = TONE_CLASS_WEIGHT,
          group_by: str | None = "article_id", tune_on: str | None = None,
          other_corpus_weight: float = OTHER_CORPUS_WEIGHT, blas_threads: int | None = 1) -> FrameModel:
    """Fit the default pipeline on a validated corpus (see :func:`framing.io.corpora.read_corpus`).

    Without a ``codebook`` the label set is taken from the corpus. Rows with a ``tone`` label
    also train the tone component (negative/neutral/positive), together with ``tone_extra``
    (tone-only rows ``text, lang, tone, source``, e.g. from :mod:`framing.io.importers`), each
    weighted ``tone_extra_weight`` (one number, or ``{source: weight}`` per source, e.g.
    ``{"NewsMTSC": 1.0, "ArSAS": 0.5}``; sources not named get 1.0). Tone uses balanced class
    weights and C chosen from the grid ``tone_c`` by grouped CV (see :func:`fit_tone`).

    Every cross-validation (calibration, thresholds, the reports) keeps the rows of one
    ``group_by`` value (articles) in one fold; rows without a value, or every row when the
    column is absent, are their own group. ``tune_on="COLUMN=VALUE"`` calibrates and chooses
    thresholds on those rows' out-of-fold scores only (e.g. ``stratum=random``: real news
    sampled uniformly), and the cross-validated report is computed on them; rows of corpora
    that lack that column altogether (e.g. our written corpus beside real news, whose files
    have no ``stratum``) then weigh ``other_corpus_weight`` in the frame fits (0.5: chosen by
    grouped CV on real news, ``benchmarks/realnews.py --dev``). A ``weight`` column, when
    present, weights rows in every fit (multiplied by the former). Optional columns ``previous``,
    ``next`` and ``title`` (the neighbouring sentences of the same article and its title; empty
    for rows without them, e.g. a written corpus) feed the context blocks of the features
    when ``features__context_weight`` is set (off by default); a corpus without any context
    trains a model without context blocks. The model card records the codebook, a
    hash of the training data, the grouping, cross-validated metrics with 95% intervals
    (overall and per language, frames and tone), the thresholds, parameters and versions.

    ``blas_threads`` caps the BLAS/OpenMP threads while fitting (None: no cap). The fits are
    sparse logistic regressions that gain nothing from BLAS threads, whose busy-waiting only
    takes CPU from the folds: training the default took 57 s (57 s of CPU) with the cap and
    60 s (112 s of CPU) without it on an idle 2-core machine, and far longer on a loaded one.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=blas_threads):
        return _fit(corpus, codebook, sources=sources, params=params, tone_c=tone_c, tone_extra=tone_extra,
                    tone_extra_weight=tone_extra_weight, tone_class_weight=tone_class_weight,
                    group_by=group_by, tune_on=tune_on, other_corpus_weight=other_corpus_weight)


def _fit(corpus: pd.DataFrame, codebook: Codebook | None, *, sources, params, tone_c, tone_extra,
         tone_extra_weight, tone_class_weight, group_by, tune_on, other_corpus_weight) -> FrameModel:
    """:func:`train` without the thread cap."""
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
    if group_by and group_by != "article_id" and group_by not in corpus.columns:
        raise CorpusError([f"--group-by {group_by!r}: the corpus has no such column ({', '.join(map(str, corpus.columns))})"])
    groups = group_keys(corpus, group_by)
    tune = tune_mask(corpus, tune_on)
    weights = corpus["weight"].astype(float).to_numpy() if "weight" in corpus.columns else None
    other = other_corpus_rows(corpus, tune_on)
    if other is not None and other.any() and other_corpus_weight != 1.0:
        weights = (np.ones(len(corpus)) if weights is None else weights.copy())
        weights[other] *= float(other_corpus_weight)
    docs = [analyze(t, l) for t, l in zip(corpus["text"], corpus["lang"])]
    context = corpus_context(corpus)
    try:
        pipeline = make_pipeline(**(params or {}))
        if context is None and "features__context_weight" not in (params or {}):
            pipeline.set_params(features__context_weight=None)  # nothing to learn from: no context blocks
        fit_context = {"features__context": context} if context is not None else {}
        pipeline.fit(docs, y[:, 0] if y.shape[1] == 1 else y,  # one frame: a plain binary target
                     frames__groups=groups, frames__sample_weight=weights, frames__tune_mask=tune, **fit_context)
    except (ValueError, TypeError) as exc:  # scikit-learn's own checks (bad parameters, degenerate data)
        if isinstance(exc, FramingError):
            raise
        raise TrainingError(f"training failed: {exc}") from None
    extra_weight = tone_extra_weight
    if isinstance(tone_extra_weight, dict):
        if tone_extra is not None and len(tone_extra):
            source = tone_extra["source"] if "source" in tone_extra.columns else pd.Series([None] * len(tone_extra))
            tone_extra = tone_extra.assign(weight=[float(tone_extra_weight.get(s, 1.0)) for s in source])
        extra_weight = 1.0
    tone, tone_card = fit_tone(pipeline.named_steps["features"], docs, corpus, tone_c, tone_extra, extra_weight,
                               groups=groups, tune=tune, group_by=group_by, class_weight=tone_class_weight)
    clf = pipeline.named_steps["frames"]
    model_context = dict(pipeline.named_steps["features"]._context())
    rows = np.ones(len(corpus), dtype=bool) if tune is None else tune
    languages = pipeline.named_steps["features"]._languages()
    segment = np.array([languages.index(d.lang) if d.lang in languages else -1 for d in docs], dtype=int)
    oof_pred = clf.oof_proba_ >= clf.thresholds_for(segment)  # each row at its language's thresholds
    cv = cv_report(y[rows], oof_pred[rows], codebook.ids, corpus["lang"].to_numpy()[rows],
                   None if groups is None else groups[rows], group_by=group_by if groups is not None else None)
    n_groups = len(corpus) if groups is None else len(set(groups))
    cv["design"] = {"folds": int(min(clf.cv, n_groups)) if isinstance(clf.cv, int) else str(clf.cv),
                    "grouped_by": group_by if groups is not None else None, "groups": int(n_groups),
                    "tuned_on": tune_on, "rows": int(rows.sum()),
                    "other_corpus_rows": int(other.sum()) if other is not None else 0,
                    "other_corpus_weight": float(other_corpus_weight) if other is not None and other.any() else None,
                    "context_weights": model_context or None,
                    "context_rows": int(sum(any(c[i].strip() for c in context) for i in range(len(corpus))))
                    if context is not None and model_context else 0}
    card = build_card(codebook=codebook, corpus=corpus, sources=sources, counts=counts,
                      params=pipeline.get_params(deep=True),
                      thresholds={f: float(t) for f, t in zip(codebook.ids, clf.thresholds_)},
                      thresholds_by_lang=FrameModel(pipeline, codebook).thresholds_by_lang,
                      cv_metrics=cv, tone=tone_card)
    return FrameModel(pipeline, codebook, card, tone=tone)


def other_corpus_rows(corpus: pd.DataFrame, tune_on: str | None) -> np.ndarray | None:
    """Rows without a value in the ``tune_on`` column (corpora that do not carry it, e.g. the
    written corpus trained beside real news); None without ``tune_on``."""
    if not tune_on:
        return None
    column = tune_on.partition("=")[0]
    if column not in corpus.columns:
        return None
    values = corpus[column]
    return (values.isna() | (values.astype(str).str.strip() == "")).to_numpy()


def tune_mask(corpus: pd.DataFrame, tune_on: str | None) -> np.ndarray | None:
    """Boolean row mask for ``"COLUMN=VALUE"`` (None when ``tune_on`` is None)."""
    if not tune_on:
        return None
    column, sep, value = tune_on.partition("=")
    if not sep or not column:
        raise CorpusError([f"--tune-on {tune_on!r}: expected COLUMN=VALUE, e.g. stratum=random"])
    if column not in corpus.columns:
        raise CorpusError([f"--tune-on {tune_on!r}: the corpus has no column {column!r}"])
    mask = (corpus[column].astype(str) == value).to_numpy()
    if not mask.any():
        raise CorpusError([f"--tune-on {tune_on!r}: no row has {column} = {value!r}"])
    return mask


def evaluate(model: FrameModel, corpus: pd.DataFrame, group_by: str | None = "article_id",
             n_boot: int = 1000, seed: int = 0) -> dict[str, Any]:
    """Score ``corpus`` with ``model`` and report per-label P/R/F1, micro and macro F1, overall and
    per language, each F1 with a 95% bootstrap interval resampled by ``group_by`` (articles; rows
    when the corpus has no such column, and rows without a key are their own group). Labels
    without positives in ``corpus`` are left out of the macro average (``macro.excluded``). A
    model with context reads the corpus columns ``previous``, ``next``, ``title`` when present."""
    from framing.models.metrics import group_keys

    unknown = model.codebook.check_labels(label for row in corpus["labels"] for label in row)
    if unknown:
        raise CorpusError([f"label(s) {', '.join(unknown)} are not frames of this model ({', '.join(model.frames)})"])
    if group_by and group_by != "article_id" and group_by not in corpus.columns:
        raise CorpusError([f"group by {group_by!r}: the corpus has no such column ({', '.join(map(str, corpus.columns))})"])
    y = label_matrix(corpus, model.frames)
    _, pred = model.predict_with_proba(list(corpus["text"]), lang=list(corpus["lang"]), context=corpus_context(corpus))
    pred = pred.astype(bool)
    groups = group_keys(corpus, group_by)
    return cv_report(y, pred, model.frames, corpus["lang"].to_numpy(), groups,
                     group_by=group_by if groups is not None else None, n_boot=n_boot, seed=seed)


def parse_params(items: Sequence[str]) -> dict[str, Any]:
    """Pipeline parameters from ``NAME=VALUE`` strings (values parsed as JSON when they are JSON)."""
    import json

    from framing.errors import InputError

    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(f"--param {item!r}: expected NAME=VALUE, e.g. frames__C=2.0")
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            parsed = value
        params[name] = tuple(parsed) if isinstance(parsed, list) else parsed
    return params
