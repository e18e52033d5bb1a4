"""Group-bootstrap intervals for F1 and paired differences."""

import numpy as np
from sklearn.metrics import f1_score

from framing.models.bootstrap import Interval, f1_intervals, one_hot, paired_difference


def _data(seed=0, n_groups=80, per_group=10, noise=0.15):
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n_groups), per_group)
    y = (rng.random((len(groups), 2)) < [0.2, 0.4]).astype(int)
    pred = np.where(rng.random(y.shape) < noise, 1 - y, y)
    return y, pred, groups


def test_point_estimates_match_sklearn_and_intervals_bracket_them():
    y, pred, groups = _data()
    out = f1_intervals(y, pred, ["a", "b"], groups, n_boot=500)
    assert np.isclose(out["a"].value, f1_score(y[:, 0], pred[:, 0]))
    assert np.isclose(out["macro"].value, f1_score(y, pred, average="macro"))
    for iv in out.values():
        assert iv.low <= iv.value <= iv.high
        assert 0 < iv.high - iv.low < 0.3


def test_labels_without_positives_are_left_out_of_macro():
    y, pred, groups = _data()
    y = np.column_stack([y, np.zeros(len(y), dtype=int)])
    pred = np.column_stack([pred, np.zeros(len(y), dtype=int)])
    out = f1_intervals(y, pred, ["a", "b", "none"], groups, n_boot=200)
    assert "none" not in out
    assert np.isclose(out["macro"].value, np.mean([out["a"].value, out["b"].value]))


def test_group_bootstrap_is_wider_than_row_bootstrap_when_errors_cluster():
    rng = np.random.default_rng(2)
    groups = np.repeat(np.arange(40), 25)
    y = (rng.random(1000) < 0.3).astype(int)[:, None]
    bad = np.isin(groups, rng.choice(40, 8, replace=False))  # errors concentrated in a few articles
    pred = np.where(bad[:, None], 1 - y, y)
    by_group = f1_intervals(y, pred, ["a"], groups, n_boot=1000)["a"]
    by_row = f1_intervals(y, pred, ["a"], None, n_boot=1000)["a"]
    assert (by_group.high - by_group.low) > 1.5 * (by_row.high - by_row.low)


def test_paired_difference_sees_a_real_gap_and_none_for_identical_systems():
    y, good, groups = _data(noise=0.05)
    _, bad, _ = _data(seed=1, noise=0.3)
    gap = paired_difference(y, good, bad, ["a", "b"], groups, n_boot=500)["macro"]
    assert gap.low > 0
    same = paired_difference(y, good, good, ["a", "b"], groups, n_boot=200)["macro"]
    assert same == Interval(0.0, 0.0, 0.0)


def test_one_hot():
    assert one_hot(["neg", "pos", "neg"], ["neg", "neu", "pos"]).tolist() == [[1, 0, 0], [0, 0, 1], [1, 0, 0]]
