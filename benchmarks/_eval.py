"""Shared evaluation for the accuracy benchmarks: grouped folds, our system, the tuned TF-IDF
baseline, and F1 figures with 95% group-bootstrap intervals.

Every comparison gives both systems the same rows, the same label filtering and the same folds
(``GroupedMultilabelKFold`` over the group key, usually the article): no article has sentences on
both sides of a fold. The baseline gets the same treatment as ours: one logistic regression per
label (balanced class weights) with a decision threshold per label chosen to maximise F1 on
out-of-fold probabilities of a grouped cross-validation *inside the training folds* (the same
inner folds as ``FrameClassifier``: ``GroupedMultilabelKFold(5, random_state=0)``).

BLAS/OpenMP pools are limited to one thread: on a loaded 2-core machine their spinning threads
made each small logistic regression ~40x slower; parallelism is one process per fold instead.
"""

from __future__ import annotations

import inspect
import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import warnings  # noqa: E402
from typing import Callable, Sequence  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_union  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from framing.codebook import Codebook  # noqa: E402
from framing.models.bootstrap import Interval, f1_intervals, paired_difference  # noqa: E402
from framing.models.frames import best_f1_threshold  # noqa: E402
from framing.models.metrics import group_keys  # noqa: E402
from framing.models.split import GroupedMultilabelKFold  # noqa: E402
from framing.models.train import label_matrix, train  # noqa: E402

threadpool_limits(1)

N_BOOT = 2000
FOLDS = 5
SEED = 0
JOBS = 2  # worker processes (the development machine has 2 cores)


# -- data -----------------------------------------------------------------------------------

def keep_frequent(frame: pd.DataFrame, min_examples: int) -> tuple[pd.DataFrame, list[str], int]:
    """Labels with at least ``min_examples`` positives (others removed from every row), and how
    many rarer labels were left out."""
    counts = frame["labels"].explode().value_counts()
    keep = sorted(counts[counts >= min_examples].index)
    frame = frame.assign(labels=frame["labels"].map(lambda ls: [l for l in ls if l in keep]))
    return frame.reset_index(drop=True), keep, int((counts < min_examples).sum())


def groups_of(frame: pd.DataFrame, column: str | None = "article_id") -> np.ndarray:
    """Group key per row (``column``; rows without one, or all rows when absent, are their own group)."""
    keys = group_keys(frame, column)
    if keys is None:
        ids = frame["id"] if "id" in frame.columns else pd.Series(range(len(frame)))
        keys = ("row:" + ids.astype(str)).to_numpy()
    return np.asarray(keys, dtype=str)


def has_groups(frame: pd.DataFrame, column: str = "article_id") -> bool:
    return group_keys(frame, column) is not None


def grouped_folds(y: np.ndarray, groups: np.ndarray, n_splits: int = FOLDS, seed: int = SEED):
    """Outer folds ``[(train, test)]``: whole groups, stratified on the labels."""
    return list(GroupedMultilabelKFold(n_splits, random_state=seed).split(np.zeros(len(y)), y, groups))


def subsample_groups(frame: pd.DataFrame, max_rows: int, seed: int = SEED) -> pd.DataFrame:
    """At most about ``max_rows`` rows, drawn as whole groups (``article_id``) at random."""
    if len(frame) <= max_rows:
        return frame
    groups = groups_of(frame)
    order = np.random.default_rng(seed).permutation(np.unique(groups))
    sizes = pd.Series(groups).value_counts()
    chosen = order[np.cumsum(sizes[order].to_numpy()) <= max_rows]
    return frame[np.isin(groups, chosen)].reset_index(drop=True)


# -- systems --------------------------------------------------------------------------------

_TRAIN_TAKES_GROUPS = "group_by" in inspect.signature(train).parameters


def ours(train_rows: pd.DataFrame, test_rows: pd.DataFrame, labels: list[str],
         group_by: str | None = "article_id") -> np.ndarray:
    """``framing.models.train.train`` on ``train_rows`` (thresholds and calibration by CV inside
    them, grouped by ``group_by``), predicting ``test_rows``: a boolean matrix over ``labels``."""
    kwargs = {"group_by": group_by} if _TRAIN_TAKES_GROUPS and group_by else {}
    model = train(train_rows, Codebook.from_labels(labels), **kwargs)
    _, predicted = model.predict_with_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
    return predicted[:, [model.frames.index(l) for l in labels]].astype(bool)


def tfidf_features():
    """Word 1-2-gram and character 2-5-gram (within word boundaries) TF-IDF."""
    return make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
                      TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2))


class TunedTfidfLR:
    """The baseline: TF-IDF (word 1-2 + char 2-5) and one logistic regression per label, with a
    threshold per label tuned by grouped CV inside the training data (as ``FrameClassifier``)."""

    def __init__(self, C: float = 1.0, cv: int = 5, random_state: int = 0):
        self.C, self.cv, self.random_state = C, cv, random_state

    def _lr(self):
        return LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000)  # lbfgs: ~2x liblinear here

    def fit(self, texts: Sequence[str], y: np.ndarray, groups=None) -> "TunedTfidfLR":
        y = np.asarray(y).reshape(len(y), -1)
        self.features_ = tfidf_features().fit(texts)
        X = self.features_.transform(texts)
        folds = list(GroupedMultilabelKFold(self.cv, random_state=self.random_state).split(X, y, groups))
        self.models_, self.thresholds_ = [], []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            for j in range(y.shape[1]):
                yj = y[:, j]
                oof = np.zeros(len(yj))
                for tr, te in folds:
                    if 0 < yj[tr].sum() < len(tr):
                        oof[te] = self._lr().fit(X[tr], yj[tr]).predict_proba(X[te])[:, 1]
                self.thresholds_.append(best_f1_threshold(yj, oof))
                self.models_.append(self._lr().fit(X, yj) if 0 < yj.sum() < len(yj) else None)
        return self

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        X = self.features_.transform(texts)
        out = np.zeros((X.shape[0], len(self.models_)), dtype=bool)
        for j, (model, t) in enumerate(zip(self.models_, self.thresholds_)):
            if model is not None:
                out[:, j] = model.predict_proba(X)[:, 1] >= t
        return out


def baseline(train_rows: pd.DataFrame, test_rows: pd.DataFrame, labels: list[str],
             group_by: str | None = "article_id") -> np.ndarray:
    """:class:`TunedTfidfLR` on ``train_rows`` (inner folds grouped by ``group_by``), predicting ``test_rows``."""
    groups = groups_of(train_rows, group_by)
    model = TunedTfidfLR().fit(list(train_rows["text"]), label_matrix(train_rows, labels), groups)
    return model.predict(list(test_rows["text"]))


def cross_validate(frame: pd.DataFrame, labels: list[str], systems: dict[str, Callable],
                   group_by: str | None = "article_id", n_splits: int = FOLDS) -> dict[str, np.ndarray]:
    """Out-of-fold predictions of each system over the same grouped folds (one process per fold)."""
    from joblib import Parallel, delayed

    y = label_matrix(frame, labels)
    folds = grouped_folds(y, groups_of(frame, group_by), n_splits)

    def run_fold(tr, te):
        return {name: system(frame.iloc[tr], frame.iloc[te], labels, group_by) for name, system in systems.items()}

    results = Parallel(n_jobs=JOBS)(delayed(run_fold)(tr, te) for tr, te in folds)
    out = {name: np.zeros_like(y, dtype=bool) for name in systems}
    for (_, te), result in zip(folds, results):
        for name, pred in result.items():
            out[name][te] = pred
    return out


# -- figures --------------------------------------------------------------------------------

def micro_interval(y, pred, groups, n_boot: int = N_BOOT) -> Interval:
    y, pred = np.asarray(y).reshape(len(y), -1), np.asarray(pred).reshape(len(pred), -1)
    flat = np.repeat(np.asarray(groups), y.shape[1])
    return f1_intervals(y.reshape(-1, 1), pred.reshape(-1, 1), ["micro"], flat, n_boot=n_boot, seed=SEED)["micro"]


def fmt(iv: Interval, signed: bool = False) -> str:
    sign = "+" if signed else ""
    return f"{iv.value:{sign}.3f} [{iv.low:{sign}.3f}, {iv.high:{sign}.3f}]"


def system_lines(y, preds: dict[str, np.ndarray], labels: list[str], groups, focus: Sequence[str] = (),
                 width: int = 36, micro: bool = True) -> list[str]:
    """One line per system: micro-F1, macro-F1 and focus labels, each with its 95% interval."""
    lines = []
    shown = [l for l in labels if l in focus]
    for name, pred in preds.items():
        iv = f1_intervals(y, pred, labels, groups, n_boot=N_BOOT, seed=SEED)
        parts = [f"micro-F1 {fmt(micro_interval(y, pred, groups))}"] if micro else []
        parts.append(f"macro-F1 {fmt(iv['macro'])}")
        parts += [f"{l} {fmt(iv[l])}" for l in shown if l in iv]
        lines.append(f"    {name:<{width}} " + "  ".join(parts))
    return lines


def difference_line(y, a: np.ndarray, b: np.ndarray, labels: list[str], groups, name: str,
                    focus: Sequence[str] = (), width: int = 36) -> str:
    """Paired-bootstrap interval of A minus B (macro-F1 and focus labels), with a verdict."""
    diff = paired_difference(y, a, b, labels, groups, n_boot=N_BOOT, seed=SEED)
    parts = [f"macro-F1 {fmt(diff['macro'], signed=True)}"]
    parts += [f"{l} {fmt(diff[l], signed=True)}" for l in labels if l in focus and l in diff]
    m = diff["macro"]
    verdict = "ours better" if m.low > 0 else "baseline better" if m.high < 0 else "no clear difference"
    return f"    {name:<{width}} " + "  ".join(parts) + f"  -> {verdict}"


def grouping_note(frame: pd.DataFrame, groups: np.ndarray, column: str = "article_id") -> str:
    n_groups = len(np.unique(groups))
    if has_groups(frame, column):
        return f"{n_groups} groups ({column}), {len(frame) / n_groups:.1f} rows per group"
    return f"no group key: each of the {n_groups} rows is its own group"
