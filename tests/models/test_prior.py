"""Prevalence corrections recover planted base rates."""

import numpy as np

from framing.models.prior import adjusted_count, em_prevalence


def _scores(n, prevalence, rng):
    y = rng.random(n) < prevalence
    logits = np.where(y, 1.5, -1.5) + rng.normal(size=n)
    return y, logits


def test_em_recovers_a_shifted_base_rate():
    rng = np.random.default_rng(0)
    # calibrate on data with 30% positives, apply to data with 5%
    y_train, z_train = _scores(20000, 0.30, rng)
    from sklearn.linear_model import LogisticRegression

    platt = LogisticRegression().fit(z_train[:, None], y_train)
    y_new, z_new = _scores(20000, 0.05, rng)
    proba = platt.predict_proba(z_new[:, None])[:, 1]
    assert proba.mean() > 0.09  # uncorrected: about twice too high
    estimate = em_prevalence(proba[:, None], [y_train.mean()])[0]
    assert abs(estimate - 0.05) < 0.015


def test_adjusted_count():
    assert np.isclose(adjusted_count(0.30, tpr=0.8, fpr=0.1), (0.30 - 0.1) / 0.7)
    assert adjusted_count(0.05, tpr=0.8, fpr=0.1) == 0.0
    assert adjusted_count(0.4, tpr=0.1, fpr=0.2) == 0.4  # no separation: unchanged
