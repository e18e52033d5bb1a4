"""Cross-validation folds that keep every group (article) on one side, for multi-label targets.

Sentences of one article share wording, names and topic; a fold split over sentences lets the
model see an article's other sentences in training and inflates every figure. Here whole
groups are assigned to folds, balancing each label's positives across folds: groups holding
the rarest labels are placed first, each into the fold furthest below its share of that label
(iterative stratification, Sechidis et al. 2011, applied to groups).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np


def group_folds(y: np.ndarray, groups=None, n_splits: int = 5, random_state: int | None = 0) -> np.ndarray:
    """Fold number (0..n_splits-1) for each row; rows of one group always share a fold.

    ``y`` is a label vector or a 0/1 indicator matrix (n_rows x n_labels); ``groups`` one key per
    row, or ``None`` for one group per row.
    """
    y = np.asarray(y)
    y = y.reshape(len(y), -1) if y.ndim == 1 else y
    if y.ndim != 2:
        raise ValueError("y must be a vector or an indicator matrix (n_rows x n_labels)")
    n = len(y)
    if n_splits < 2:
        raise ValueError(f"n_splits must be at least 2, got {n_splits}")
    keys = np.arange(n) if groups is None else np.asarray(groups)
    if len(keys) != n:
        raise ValueError(f"groups has {len(keys)} entries for {n} rows")
    unique, inverse = np.unique(keys.astype(str), return_inverse=True)
    if len(unique) < n_splits:
        raise ValueError(f"cannot make {n_splits} folds from {len(unique)} group(s)")
    positives = (y != 0).astype(float)
    per_group = np.zeros((len(unique), y.shape[1]))
    np.add.at(per_group, inverse, positives)
    sizes = np.bincount(inverse, minlength=len(unique)).astype(float)
    totals = per_group.sum(axis=0)
    rarity = np.where(totals > 0, totals, np.inf)
    rng = np.random.default_rng(random_state)
    order = rng.permutation(len(unique))
    # Rarest label present in the group first (groups without positives last), then random.
    rarest = np.array([rarity[per_group[g] > 0].min() if (per_group[g] > 0).any() else np.inf for g in order])
    order = order[np.argsort(rarest, kind="stable")]
    want_labels = totals / n_splits
    want_rows = n / n_splits
    fold_labels = np.zeros((n_splits, y.shape[1]))
    fold_rows = np.zeros(n_splits)
    fold_of_group = np.empty(len(unique), dtype=int)
    for g in order:
        present = per_group[g] > 0
        if present.any():
            j = np.flatnonzero(present)[np.argmin(rarity[present])]
            deficit = fold_labels[:, j] / want_labels[j]
        else:
            deficit = fold_rows / want_rows
        ties = np.flatnonzero(np.isclose(deficit, deficit.min()))
        fold = ties[np.argmin(fold_rows[ties])]
        fold_of_group[g] = fold
        fold_labels[fold] += per_group[g]
        fold_rows[fold] += sizes[g]
    return fold_of_group[inverse]


class GroupedMultilabelKFold:
    """K folds over groups, stratified on labels; a scikit-learn splitter (``split``,
    ``get_n_splits``) usable as ``cv=`` in ``cross_val_predict``, ``GridSearchCV`` and the like."""

    def __init__(self, n_splits: int = 5, random_state: int | None = 0):
        self.n_splits = n_splits
        self.random_state = random_state

    def get_n_splits(self, X=None, y=None, groups=None) -> int:
        """Number of folds."""
        return self.n_splits

    def split(self, X, y=None, groups=None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Yield ``(train_index, test_index)`` for each fold."""
        n = X.shape[0] if hasattr(X, "shape") else len(X)
        target = np.zeros((n, 1)) if y is None else np.asarray(y)
        folds = group_folds(target, groups, self.n_splits, self.random_state)
        for k in range(self.n_splits):
            yield np.flatnonzero(folds != k), np.flatnonzero(folds == k)
