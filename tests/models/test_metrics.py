"""Evaluation reports: old keys kept, F1 intervals by group, zero-support labels out of macro."""

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from framing.models.metrics import cv_report, format_report, group_keys, multilabel_report


def _data(seed=0, n_groups=60, per_group=8):
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n_groups), per_group)
    y = (rng.random((len(groups), 3)) < [0.2, 0.4, 0.3]).astype(int)
    pred = np.where(rng.random(y.shape) < 0.15, 1 - y, y)
    return y, pred, groups


def test_report_keeps_keys_and_adds_intervals():
    y, pred, groups = _data()
    report = multilabel_report(y, pred, ["a", "b", "c"], groups, group_by="article_id", n_boot=300)
    assert {"n", "labels", "micro", "macro"} <= set(report)
    for label, m in report["labels"].items():
        assert {"precision", "recall", "f1", "support", "tpr", "fpr"} <= set(m)
        low, high = m["f1_ci"]
        assert low <= m["f1"] <= high
    assert np.isclose(report["macro"]["f1"], f1_score(y, pred, average="macro"))
    assert np.isclose(report["micro"]["f1"], f1_score(y, pred, average="micro"))
    for part in ("micro", "macro"):
        low, high = report[part]["f1_ci"]
        assert low <= report[part]["f1"] <= high
    assert report["intervals"] == {"level": 0.95, "method": "percentile bootstrap over groups", "n_boot": 300,
                                   "seed": 0, "group_by": "article_id", "groups": 60}


def test_grouped_intervals_are_wider_when_errors_cluster_in_articles():
    rng = np.random.default_rng(3)
    groups = np.repeat(np.arange(40), 25)
    y = (rng.random((1000, 1)) < 0.3).astype(int)
    bad = np.isin(groups, rng.choice(40, 8, replace=False))
    pred = np.where(bad[:, None], 1 - y, y)
    by_group = multilabel_report(y, pred, ["a"], groups)["labels"]["a"]["f1_ci"]
    by_row = multilabel_report(y, pred, ["a"])["labels"]["a"]["f1_ci"]
    assert by_group[1] - by_group[0] > 1.5 * (by_row[1] - by_row[0])


def test_zero_support_labels_are_left_out_of_macro_and_said_so():
    y, pred, groups = _data()
    y[:, 2] = 0  # "c" has no positives here, but the system still predicts it sometimes
    report = multilabel_report(y, pred, ["a", "b", "c"], groups, n_boot=200)
    assert report["labels"]["c"]["support"] == 0 and report["labels"]["c"]["f1_ci"] is None
    assert report["macro"]["excluded"] == ["c"] and report["macro"]["labels"] == 2
    assert np.isclose(report["macro"]["f1"], np.mean([report["labels"][l]["f1"] for l in ("a", "b")]))
    text = format_report(report, "t")
    assert "left out (no positives here): c" in text and "not in macro" in text
    # micro still counts the false positives of "c"
    assert np.isclose(report["micro"]["f1"], f1_score(y, pred, average="micro"))


def test_by_language_parts_exclude_labels_absent_from_that_language():
    y, pred, groups = _data()
    langs = np.array(["en", "ar"] * (len(y) // 2))
    y[langs == "ar", 0] = 0
    report = cv_report(y, pred, ["a", "b", "c"], langs, groups, n_boot=100)
    assert report["by_lang"]["ar"]["macro"]["excluded"] == ["a"]
    assert report["by_lang"]["en"]["macro"]["excluded"] == []
    assert "lang=ar" in format_report(report)


def test_reports_without_intervals_still_print():
    y, pred, _ = _data()
    old = multilabel_report(y, pred, ["a", "b", "c"], intervals=False)
    assert "intervals" not in old and "f1_ci" not in old["labels"]["a"]
    assert "95% CI" not in format_report(old) and "macro avg" in format_report(old)


def test_group_keys_fall_back_to_rows():
    frame = pd.DataFrame({"id": ["1", "2", "3"], "article_id": ["x", None, "x"]})
    assert list(group_keys(frame)) == ["g:x", "row:2", "g:x"]
    assert group_keys(frame.assign(article_id=None)) is None
    assert group_keys(frame.drop(columns="article_id")) is None
