"""Prevalence under a change of base rates: adjusted classify-and-count and EM re-estimation.

A classifier's calibrated probabilities reflect the base rates of the rows it was calibrated
on. On a collection with other base rates, the raw share of predicted labels is biased; two
standard corrections estimate the true share of each label:

- adjusted classify-and-count (Forman 2008): ``(share - fpr) / (tpr - fpr)``, with the true and
  false positive rates measured by cross-validation;
- EM prior re-estimation (Saerens, Latinne & Decaestecker 2002): alternately rescale each
  row's posterior to a candidate prior and set the prior to the mean rescaled posterior.
"""

from __future__ import annotations

import numpy as np


def adjusted_count(share, tpr: float, fpr: float):
    """Adjusted classify-and-count estimate of prevalence, clipped to [0, 1]; the raw share is
    returned unchanged when the classifier does not separate (``tpr <= fpr``)."""
    share = np.asarray(share, dtype=float)
    gap = tpr - fpr
    if gap <= 1e-6:
        return share
    return np.clip((share - fpr) / gap, 0.0, 1.0)


def em_prevalence(proba, train_prior, max_iter: int = 200, tol: float = 1e-6) -> np.ndarray:
    """EM estimate of each label's prevalence in the rows of ``proba`` (n_rows x n_labels of
    calibrated probabilities), given the ``train_prior`` those probabilities were calibrated
    under (one binary problem per label)."""
    p = np.clip(np.asarray(proba, dtype=float), 1e-9, 1 - 1e-9)
    p = p.reshape(len(p), -1)
    base = np.clip(np.asarray(train_prior, dtype=float).reshape(-1), 1e-6, 1 - 1e-6)
    prior = base.copy()
    for _ in range(max_iter):
        pos = p * (prior / base)
        neg = (1 - p) * ((1 - prior) / (1 - base))
        new = (pos / (pos + neg)).mean(axis=0)
        if np.max(np.abs(new - prior)) < tol:
            prior = new
            break
        prior = new
    return prior
