"""Grouped, label-stratified folds: groups never straddle folds, and grouping removes leakage."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.pipeline import make_pipeline

from framing.models.split import GroupedMultilabelKFold, group_folds


def test_every_group_on_one_side_of_each_fold():
    rng = np.random.default_rng(1)
    groups = rng.integers(0, 60, size=500)
    y = (rng.random((500, 3)) < [0.05, 0.2, 0.4]).astype(int)
    splitter = GroupedMultilabelKFold(n_splits=5, random_state=3)
    seen_test = []
    for train, test in splitter.split(np.zeros(500), y, groups):
        assert not set(groups[train]) & set(groups[test])
        seen_test.append(test)
    assert sorted(np.concatenate(seen_test)) == list(range(500))  # each row tested exactly once


def test_rare_label_positives_spread_over_folds():
    # 10 articles hold the rare label; every fold should get some of them.
    groups = np.repeat(np.arange(100), 5)
    y = np.zeros((500, 2), dtype=int)
    y[groups < 10, 0] = 1
    y[::3, 1] = 1
    folds = group_folds(y, groups, n_splits=5)
    assert all(y[folds == k, 0].sum() > 0 for k in range(5))
    sizes = np.bincount(folds)
    assert sizes.max() - sizes.min() <= 40


def test_no_groups_means_one_group_per_row_and_errors_are_clear():
    y = np.array([0, 1] * 10)
    assert len(set(group_folds(y, None, n_splits=4))) == 4
    with pytest.raises(ValueError, match="cannot make 5 folds from 3 group"):
        group_folds(y[:6], ["a", "a", "b", "b", "c", "c"], n_splits=5)
    with pytest.raises(ValueError, match="groups has 3 entries"):
        group_folds(y, ["a", "b", "c"])


def test_leaking_groups_inflates_a_planted_example_and_grouping_does_not():
    # Each article has its own vocabulary and one label for all its sentences; the label is
    # unrelated to any shared word. Row-level folds let the model recognise the article.
    rng = np.random.default_rng(0)
    texts, labels, groups = [], [], []
    for article in range(80):
        label = int(rng.random() < 0.5)
        words = [f"w{article}x{k}" for k in range(6)]
        for _ in range(8):
            texts.append(" ".join(rng.choice(words, 4)) + " common filler text")
            labels.append(label)
            groups.append(article)
    y, groups = np.array(labels), np.array(groups)
    model = make_pipeline(CountVectorizer(), LogisticRegression(max_iter=1000))
    leaky = cross_val_predict(model, texts, y, cv=KFold(5, shuffle=True, random_state=0))
    grouped = cross_val_predict(model, texts, y, cv=GroupedMultilabelKFold(5), groups=groups)
    assert f1_score(y, leaky) > 0.95
    assert f1_score(y, grouped) < 0.75
