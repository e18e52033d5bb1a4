"""Multi-label frame classifier with calibrated probabilities and per-label thresholds.

``FrameClassifier`` is a scikit-learn estimator over a feature matrix (see ``TextFeatures``):
one L2-regularised logistic regression per frame, Platt-calibrated on out-of-fold decision
values, with a decision threshold per frame chosen on the same out-of-fold probabilities to
maximise F1. Prediction is one sparse matrix product plus a sigmoid: fast enough for thousands
of sentences per second.
"""

from __future__ import annotations

import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning, DataConversionWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils.multiclass import type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from framing.models.split import group_folds


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


BOOTSTRAP_THRESHOLDS = 50
"""Resamples behind ``threshold="f1-bootstrap"``."""


def bootstrap_f1_threshold(y_true: np.ndarray, proba: np.ndarray, sample_weight: np.ndarray | None = None,
                           seed: int = 0, n: int = BOOTSTRAP_THRESHOLDS) -> float:
    """The median of :func:`best_f1_threshold` over ``n`` bootstrap resamples of the rows: a
    steadier choice than one maximum of a jagged F1 curve when positives are few."""
    rng = np.random.default_rng(seed)
    weights = np.ones(len(y_true)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    picks = []
    for _ in range(n):
        rows = rng.integers(0, len(y_true), len(y_true))
        if y_true[rows].any():
            picks.append(best_f1_threshold(y_true[rows], proba[rows], weights[rows]))
    return float(np.median(picks)) if picks else best_f1_threshold(y_true, proba, weights)


def best_f1_threshold(y_true: np.ndarray, proba: np.ndarray, sample_weight: np.ndarray | None = None) -> float:
    """Threshold on ``proba`` that maximises (weighted) F1 for binary ``y_true`` (ties: the middle)."""
    weights = np.ones(len(y_true)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    order = np.argsort(-proba, kind="mergesort")
    p_sorted = proba[order]
    y_sorted = y_true[order]
    w_sorted = weights[order]
    tp = np.cumsum(y_sorted * w_sorted)
    fp = np.cumsum((1 - y_sorted) * w_sorted)
    positives = (y_true * weights).sum()
    if positives == 0:
        return 1.0
    f1 = 2 * tp / (tp + fp + positives)
    # only cut between distinct probability values
    distinct = np.r_[p_sorted[1:] != p_sorted[:-1], True]
    f1 = np.where(distinct, f1, -1)
    k = int(np.argmax(f1))
    below = p_sorted[k + 1] if k + 1 < len(p_sorted) else 0.0
    return float((p_sorted[k] + below) / 2)


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated one-vs-rest logistic regression for multi-label frames.

    Parameters
    ----------
    C : inverse regularisation strength of each logistic regression.
    class_weight : passed to each logistic regression ("balanced" or None).
    cv : folds for out-of-fold calibration and threshold selection: a number of folds (over
        groups when ``fit`` gets ``groups``, stratified on the labels), a splitter, or an
        iterable of ``(train, test)`` index arrays.
    threshold : "f1" to pick each label's threshold by cross-validation (the cut that maximises
        out-of-fold F1), "f1-bootstrap" for the median of that cut over bootstrap resamples of
        the out-of-fold scores (steadier for rare labels), or a float in (0, 1).
    random_state : seed for the fold split.
    segments : the first ``segments`` columns of X are one-hot segment indicators (e.g. the
        language columns of ``TextFeatures(languages=...)``); Platt calibration is then fitted
        per segment where the tuning rows of that segment hold at least 2 positive and 2
        negative examples of a label (else the pooled calibration is used), so probabilities
        follow each language's own base rates. 0 for one pooled calibration.
    threshold_by_segment : with ``segments`` and an F1 ``threshold``, choose each label's
        threshold per segment as well, by the same F1 rule on that segment's out-of-fold tuning
        rows (languages differ in base rates, so one shared threshold is off for at least one);
        a segment with fewer than ``MIN_SEGMENT_POSITIVES`` positive tuning rows of a label keeps
        the shared threshold for that label. Rows outside every segment use the shared ones.

    Attributes
    ----------
    coef_, intercept_ : linear weights, one row per label.
    calibration_ : (n_labels, 2) Platt slope and offset (pooled).
    segment_calibration_ : (segments, n_labels, 2) Platt slope and offset per segment (NaN where
        the pooled calibration is used).
    thresholds_ : decision threshold per label on calibrated probabilities, chosen on all tuning
        rows together (shared by every segment unless ``threshold_by_segment``).
    segment_thresholds_ : (segments, n_labels) threshold per segment and label: the shared
        threshold where none was chosen for the segment (models saved before this attribute
        existed have none and use ``thresholds_`` everywhere).
    oof_proba_ : out-of-fold calibrated probabilities of the training rows (for reports).
    """

    MIN_SEGMENT_POSITIVES = 10
    """Fewest positive tuning rows of a label in a segment for a threshold of its own."""

    def __init__(self, C=16.0, class_weight="balanced", cv=5, threshold="f1", random_state=0, segments=0,
                 threshold_by_segment=False):
        self.C = C
        self.class_weight = class_weight
        self.cv = cv
        self.threshold = threshold
        self.random_state = random_state
        self.segments = segments
        self.threshold_by_segment = threshold_by_segment

    def _lr(self):
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear")

    def fit(self, X, y, groups=None, sample_weight=None, tune_mask=None):
        """Fit one calibrated logistic regression per frame and choose thresholds by cross-validation.

        ``groups`` (one key per row, e.g. the article id) keeps every group on one side of each
        fold, so calibration and thresholds are not tuned on a leak; ``sample_weight`` weights
        rows in every fit; ``tune_mask`` (boolean per row) restricts Platt calibration and
        threshold choice to those rows' out-of-fold scores (e.g. real news, when written prose
        is only extra training data). Returns self.
        """
        X, y = validate_data(self, X, y, accept_sparse="csr", multi_output=True, dtype=[np.float64, np.float32])
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            warnings.warn("A column-vector y was passed when a 1d array was expected. Please change the "
                          "shape of y to (n_samples,), for example using ravel().", DataConversionWarning, stacklevel=2)
            y = y.ravel()
        target = type_of_target(y)
        if target not in ("binary", "multilabel-indicator"):
            if target == "multiclass":
                raise ValueError("Only binary classification is supported. FrameClassifier is multi-label: "
                                 "give an indicator matrix (n_samples, n_labels) or a binary vector")
            raise ValueError(f"Unknown label type: {target}; expected binary or multilabel-indicator")
        self._single_output = y.ndim == 1
        if y.ndim == 1:
            classes = np.unique(y)
            if len(classes) < 2:
                raise ValueError("y has 1 class; a binary target needs examples of both classes")
            self.classes_ = classes
            y = (y == classes[1]).astype(int)[:, None]
        else:
            if not np.isin(y, (0, 1)).all():
                raise ValueError("multi-label y must be a 0/1 indicator matrix")
            self.classes_ = np.arange(y.shape[1])  # label indices, as OneVsRestClassifier
        if not (self.threshold in ("f1", "f1-bootstrap") or isinstance(self.threshold, float) and 0 < self.threshold < 1):
            raise ValueError(f"threshold must be 'f1', 'f1-bootstrap' or a float in (0, 1), got {self.threshold!r}")
        seed = self.random_state if isinstance(self.random_state, (int, np.integer)) else 0
        tuned = self.threshold in ("f1", "f1-bootstrap")
        choose = (lambda *a: bootstrap_f1_threshold(*a, seed=int(seed))) if self.threshold == "f1-bootstrap" \
            else best_f1_threshold
        n = len(y)
        weights = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        tune = np.ones(n, dtype=bool) if tune_mask is None else np.asarray(tune_mask, dtype=bool)
        if weights.shape != (n,) or tune.shape != (n,):
            raise ValueError(f"sample_weight and tune_mask need one value per row ({n})")
        for j in range(y.shape[1]):
            for name, rows in (("training", slice(None)), ("tuning", tune)):
                positives, total = int(y[rows, j].sum()), int(y[rows, j].size)
                if positives < 2 or positives > total - 2:
                    raise ValueError(f"label #{j} has {positives} positive example(s) of {total} {name} rows; "
                                     "each label needs at least 2 positive and 2 negative examples")
        splits = self._splits(X, y, groups)
        segment = self._segment_of(X)
        coef, intercept, calibration, thresholds = [], [], [], []
        by_segment = np.full((int(self.segments), y.shape[1], 2), np.nan)
        segment_thresholds = np.full((int(self.segments), y.shape[1]), np.nan)
        oof = np.zeros(y.shape, dtype=np.float64)
        for j in range(y.shape[1]):
            yj = y[:, j]
            decision = np.zeros(n)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                for train, test in splits:
                    if yj[train].min() == yj[train].max():  # a fold without one class: no model to fit
                        decision[test] = 0.0
                        continue
                    model = self._lr().fit(X[train], yj[train], sample_weight=weights[train])
                    decision[test] = model.decision_function(X[test])
                platt = LogisticRegression(C=1e4, max_iter=1000).fit(decision[tune, None], yj[tune],
                                                                     sample_weight=weights[tune])
                full = self._lr().fit(X, yj, sample_weight=weights)
            a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
            slope, offset = np.full(n, a), np.full(n, b)
            for k in range(int(self.segments)):
                rows = tune & (segment == k)
                if 2 <= yj[rows].sum() <= rows.sum() - 2:
                    seg = LogisticRegression(C=1e4, max_iter=1000).fit(decision[rows, None], yj[rows],
                                                                       sample_weight=weights[rows])
                    by_segment[k, j] = seg.coef_[0, 0], seg.intercept_[0]
                    slope[segment == k], offset[segment == k] = by_segment[k, j]
            oof[:, j] = _sigmoid(slope * decision + offset)
            coef.append(full.coef_[0])
            intercept.append(full.intercept_[0])
            calibration.append((a, b))
            thresholds.append(choose(yj[tune], oof[tune, j], weights[tune]) if tuned else float(self.threshold))
            segment_thresholds[:, j] = thresholds[-1]
            if self.threshold_by_segment and tuned:
                for k in range(int(self.segments)):
                    rows = tune & (segment == k)
                    if yj[rows].sum() >= self.MIN_SEGMENT_POSITIVES:
                        segment_thresholds[k, j] = choose(yj[rows], oof[rows, j], weights[rows])
        self.coef_ = np.vstack(coef).astype(np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.calibration_ = np.asarray(calibration, dtype=np.float64)
        self.segment_calibration_ = by_segment
        self.thresholds_ = np.asarray(thresholds, dtype=np.float64)
        self.segment_thresholds_ = segment_thresholds
        self.oof_proba_ = oof.astype(np.float32)
        return self

    def _splits(self, X, y, groups) -> list[tuple[np.ndarray, np.ndarray]]:
        """Out-of-fold splits: ``cv`` folds over groups (int), or the splitter/iterable given as ``cv``."""
        if isinstance(self.cv, (int, np.integer)):
            n_groups = len(y) if groups is None else len(np.unique(np.asarray(groups).astype(str)))
            folds = group_folds(y, groups, max(2, min(int(self.cv), n_groups)), self.random_state)
            return [(np.flatnonzero(folds != k), np.flatnonzero(folds == k)) for k in np.unique(folds)]
        if hasattr(self.cv, "split"):
            return list(self.cv.split(X, y, groups))
        return [(np.asarray(train), np.asarray(test)) for train, test in self.cv]

    def _segment_of(self, X) -> np.ndarray:
        """Segment index of each row from the leading indicator columns (-1: none)."""
        k = int(getattr(self, "segments", 0) or 0)
        if not k:
            return np.full(X.shape[0], -1)
        block = X[:, :k]
        block = block.toarray() if hasattr(block, "toarray") else np.asarray(block)
        return np.where(block.max(axis=1) > 0, block.argmax(axis=1), -1)

    def _calibrated_logits(self, X, with_segment=False):
        check_is_fitted(self, "coef_")
        X = validate_data(self, X, accept_sparse="csr", reset=False, dtype=[np.float64, np.float32])
        segment = self._segment_of(X)
        scores = np.asarray(X @ self.coef_.T, dtype=np.float64) + self.intercept_
        slope = np.broadcast_to(self.calibration_[:, 0], scores.shape).copy()
        offset = np.broadcast_to(self.calibration_[:, 1], scores.shape).copy()
        by_segment = getattr(self, "segment_calibration_", None)
        if by_segment is not None and by_segment.size:
            for k in range(by_segment.shape[0]):
                rows = segment == k
                fitted = ~np.isnan(by_segment[k, :, 0])
                if rows.any() and fitted.any():
                    slope[np.ix_(rows, fitted)] = by_segment[k, fitted, 0]
                    offset[np.ix_(rows, fitted)] = by_segment[k, fitted, 1]
        logits = scores * slope + offset
        return (logits, segment) if with_segment else logits

    def thresholds_for(self, segment) -> np.ndarray:
        """Decision thresholds of rows in ``segment`` (one segment index per row, -1 for none):
        shape (n_rows, n_labels). Each row gets its segment's thresholds (see
        ``threshold_by_segment``), else the shared ``thresholds_``."""
        check_is_fitted(self, "coef_")
        segment = np.asarray(segment, dtype=int).ravel()
        out = np.tile(np.asarray(self.thresholds_, dtype=np.float64), (len(segment), 1))
        by_segment = getattr(self, "segment_thresholds_", None)  # absent in models saved before it existed
        if by_segment is not None and by_segment.size:
            for k in range(by_segment.shape[0]):
                rows = segment == k
                if rows.any():
                    out[rows] = np.where(np.isnan(by_segment[k]), self.thresholds_, by_segment[k])
        return out

    def decision_function(self, X):
        """Calibrated log-odds minus the log-odds of each row's threshold: > 0 means predicted."""
        check_is_fitted(self, "coef_")
        logits, segment = self._calibrated_logits(X, with_segment=True)
        t = np.clip(self.thresholds_for(segment), 1e-12, 1 - 1e-12)
        margin = logits - np.log(t / (1 - t))
        return margin[:, 0] if self._single_output else margin

    def predict_proba(self, X):
        """Calibrated probability of each label: shape (n_samples, n_labels).

        For a binary (1-D) target the usual (n_samples, 2) array is returned.
        """
        p = _sigmoid(self._calibrated_logits(X))
        if self._single_output:
            return np.column_stack([1 - p[:, 0], p[:, 0]])
        return p

    def predict(self, X):
        """Indicator matrix: probability at or above each frame's threshold (of the row's segment)."""
        logits, segment = self._calibrated_logits(X, with_segment=True)
        predicted = (_sigmoid(logits) >= self.thresholds_for(segment)).astype(int)
        if self._single_output:
            return self.classes_[predicted[:, 0]]
        return predicted

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True
        tags.classifier_tags.multi_label = True
        tags.classifier_tags.multi_class = False
        tags.target_tags.multi_output = True
        return tags
