"""95% intervals for F1 figures by bootstrap over groups (articles), and paired differences.

Sentences of one article are not independent, so intervals resample whole groups with
replacement (a cluster bootstrap). Each replicate reweights the per-group counts of true
positives, false positives and false negatives, so thousands of replicates take milliseconds.
Labels without positives in the evaluation data have no F1 and are left out of macro averages.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np


class Interval(NamedTuple):
    """A point estimate with its 95% percentile-bootstrap interval."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def one_hot(values: Sequence, classes: Sequence) -> np.ndarray:
    """Indicator matrix of single-label ``values`` (e.g. tone) over ``classes``."""
    index = {c: j for j, c in enumerate(classes)}
    out = np.zeros((len(values), len(classes)), dtype=int)
    for i, v in enumerate(values):
        out[i, index[v]] = 1
    return out


def _group_counts(y_true, y_pred, groups) -> np.ndarray:
    """(n_groups, n_labels, 3) counts of tp, fp, fn per group."""
    t = np.asarray(y_true, dtype=bool)
    p = np.asarray(y_pred, dtype=bool)
    if t.shape != p.shape:
        raise ValueError(f"y_true {t.shape} and y_pred {p.shape} differ in shape")
    t, p = t.reshape(len(t), -1), p.reshape(len(p), -1)
    keys = np.arange(len(t)) if groups is None else np.asarray(groups).astype(str)
    _, inverse = np.unique(keys, return_inverse=True)
    counts = np.zeros((inverse.max() + 1, t.shape[1], 3))
    for k, m in enumerate((t & p, ~t & p, t & ~p)):
        np.add.at(counts[:, :, k], inverse, m)
    return counts


def _f1(counts: np.ndarray) -> np.ndarray:
    """F1 per label from summed counts (..., n_labels, 3); NaN where a label has no positives."""
    tp, fp, fn = counts[..., 0], counts[..., 1], counts[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    return np.where(tp + fn > 0, f1, np.nan)


def _replicates(counts: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """Summed counts of ``n_boot`` resamples of the groups (with replacement), drawn in chunks
    so memory stays near 16 MB whatever the number of groups (rows, when ungrouped)."""
    rng = np.random.default_rng(seed)
    g = counts.shape[0]
    flat = counts.reshape(g, -1)
    out = np.empty((n_boot, flat.shape[1]))
    step = max(1, min(n_boot, 2_000_000 // g))
    for start in range(0, n_boot, step):
        b = min(step, n_boot - start)
        draws = rng.integers(0, g, size=(b, g), dtype=np.int64)
        draws += (np.arange(b, dtype=np.int64) * g)[:, None]
        weights = np.bincount(draws.ravel(), minlength=b * g).reshape(b, g).astype(np.float64)  # times drawn
        out[start:start + b] = weights @ flat
    return out.reshape(n_boot, *counts.shape[1:])


def _summaries(point: np.ndarray, reps: np.ndarray, labels: Sequence[str]) -> dict[str, Interval]:
    out = {}
    supported = ~np.isnan(point)
    for j, label in enumerate(labels):
        if supported[j]:
            lo, hi = np.nanpercentile(reps[:, j], [2.5, 97.5])
            out[label] = Interval(float(point[j]), float(lo), float(hi))
    macro_reps = np.nanmean(np.where(supported, reps, np.nan), axis=1)
    lo, hi = np.nanpercentile(macro_reps, [2.5, 97.5])
    out["macro"] = Interval(float(np.nanmean(point[supported])), float(lo), float(hi))
    return out


def f1_intervals(y_true, y_pred, labels: Sequence[str], groups=None, n_boot: int = 2000,
                 seed: int = 0) -> dict[str, Interval]:
    """F1 per label and macro F1 (over labels with positives), each with a 95% interval from a
    bootstrap over ``groups`` (rows when ``None``)."""
    counts = _group_counts(y_true, y_pred, groups)
    point = _f1(counts.sum(axis=0))
    with np.errstate(invalid="ignore"):
        reps = _f1(_replicates(counts, n_boot, seed))
    return _summaries(point, reps, labels)


def paired_difference(y_true, pred_a, pred_b, labels: Sequence[str], groups=None, n_boot: int = 2000,
                      seed: int = 0) -> dict[str, Interval]:
    """F1 of system A minus system B on the same rows, per label and macro, with a 95% interval
    from a paired bootstrap over ``groups`` (both systems see the same resampled groups)."""
    ca, cb = _group_counts(y_true, pred_a, groups), _group_counts(y_true, pred_b, groups)
    point = _f1(ca.sum(axis=0)) - _f1(cb.sum(axis=0))
    rng_seed = seed
    with np.errstate(invalid="ignore"):
        reps = _f1(_replicates(ca, n_boot, rng_seed)) - _f1(_replicates(cb, n_boot, rng_seed))
    return _summaries(point, reps, labels)
