"""Learning curves: macro-F1 of our default architecture against training size, grouped CV.

Run:  .venv/bin/python benchmarks/learning_curve.py [--corpus NAME ...]

For each corpus, 5-fold cross-validation grouped by article (`GroupedMultilabelKFold`, the same
folds as `benchmarks/public.py`); in each fold the model is trained on a random share (10%, 25%,
50%, 100%) of the training fold's articles (whole articles, so the smaller sets are nested in the
larger ones) and scored on the whole test fold. Out-of-fold predictions of each size are pooled
into one macro-F1 with a 95% bootstrap interval resampled by article. A label with fewer than 5
positives in a reduced training set cannot be trained: it is predicted for no row (it still
counts in macro-F1, as it would for a user with that little data); the count is printed.

Corpora: our written corpus (the training split of corpora/frames, en + ar; no articles, so rows
are the groups) and each public corpus of `benchmarks/public.py` (labels with >= 20 examples).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT, datasets_dir  # noqa: E402
from _eval import JOBS, N_BOOT, SEED, fmt, grouped_folds, grouping_note, groups_of, keep_frequent, ours  # noqa: E402

from framing.models.bootstrap import f1_intervals  # noqa: E402
from framing.models.train import label_matrix  # noqa: E402

SHARES = (0.1, 0.25, 0.5, 1.0)
MIN_POSITIVES = 5
MIN_EXAMPLES = 20


def corpora() -> dict[str, callable]:
    """Name -> loader of each corpus present (public ones only when the datasets are there)."""
    from framing.codebook import Codebook
    from framing.io import importers
    from framing.io.corpora import read_corpus

    out = {"written": lambda: read_corpus([ROOT / "corpora" / "frames" / f"{lang}.train.jsonl" for lang in ("en", "ar")],
                                          Codebook.default())}
    base = datasets_dir()
    if base is None:
        return out
    candidates = {
        "semeval-st3": (base / "SemEval2023_Task3_EN" / "subtask3", importers.semeval_lines),
        "semeval-st2": (base / "SemEval2023_Task3_EN" / "subtask2", importers.semeval_articles),
        "armpro": (base / "ArMPro" / "ArMPro_multilabel_dev_V2.jsonl", importers.armpro),
        "araieval-1b": (base / "ArAIEval23_task1" / "task1B_train.jsonl", importers.armpro),
        "araieval-1a": (base / "ArAIEval23_task1" / "task1A_train.jsonl", importers.armpro),
    }
    for name, (path, reader) in candidates.items():
        if path.exists():
            out[name] = (lambda p=path, r=reader: r(p))
    return out


TITLES = {
    "written": "our written corpus (training split, en + ar; threat, diplomacy, skepticism)",
    "semeval-st3": "SemEval-2023 Task 3 subtask 3 (en, line-level techniques)",
    "semeval-st2": "SemEval-2023 Task 3 subtask 2 (en, article frames)",
    "armpro": "ArMPro (ar, paragraph techniques)",
    "araieval-1b": "ArAIEval-2023 task 1B (ar, techniques)",
    "araieval-1a": "ArAIEval-2023 task 1A (ar, persuasive or not)",
}


def fit_share(frame: pd.DataFrame, labels: list[str], tr: np.ndarray, te: np.ndarray, share: float,
              fold: int) -> tuple[np.ndarray, int, list[str]]:
    """Train on ``share`` of the training fold's groups; predictions for the test fold, rows used,
    and the labels too rare to train."""
    groups = groups_of(frame)
    train_groups = np.unique(groups[tr])
    rng = np.random.default_rng(SEED + fold)
    order = rng.permutation(train_groups)  # one order per fold: smaller shares are nested in larger ones
    chosen = order[: max(2, int(round(share * len(order))))]
    rows = tr[np.isin(groups[tr], chosen)]
    part = frame.iloc[rows]
    y = label_matrix(part, labels)
    trainable = [l for j, l in enumerate(labels) if MIN_POSITIVES <= y[:, j].sum() <= len(y) - 2]
    pred = np.zeros((len(te), len(labels)), dtype=bool)
    if trainable:
        part = part.assign(labels=part["labels"].map(lambda ls: [l for l in ls if l in trainable]))
        got = ours(part, frame.iloc[te], trainable)
        for k, label in enumerate(trainable):
            pred[:, labels.index(label)] = got[:, k]
    return pred, len(rows), [l for l in labels if l not in trainable]


def curve(name: str, frame: pd.DataFrame) -> None:
    from joblib import Parallel, delayed

    start = time.perf_counter()
    frame = frame.assign(tone=None)  # frames only: the tone component is not part of this curve
    frame, labels, dropped = keep_frequent(frame, MIN_EXAMPLES)
    groups = groups_of(frame)
    y = label_matrix(frame, labels)
    folds = grouped_folds(y, groups)
    print(f"\n{TITLES.get(name, name)}: {len(frame)} rows, {len(labels)} labels ({dropped} with < {MIN_EXAMPLES} examples left out); "
          f"{grouping_note(frame, groups)}")
    tasks = [(k, share) for share in SHARES for k in range(len(folds))]
    results = Parallel(n_jobs=JOBS)(delayed(fit_share)(frame, labels, *folds[k], share, k) for k, share in tasks)
    print(f"  {'training share':<15}{'rows/fold':>10}  macro-F1 [95% CI]         labels too rare to train (of {len(labels)}; fewest-most over folds)")
    for share in SHARES:
        pred = np.zeros_like(y, dtype=bool)
        sizes, untrained = [], []
        for (k, s), (p, n, missing) in zip(tasks, results):
            if s == share:
                pred[folds[k][1]] = p
                sizes.append(n)
                untrained.append(len(missing))
        iv = f1_intervals(y, pred, labels, groups, n_boot=N_BOOT, seed=SEED)["macro"]
        missing = f"{min(untrained)}-{max(untrained)}" if min(untrained) != max(untrained) else str(min(untrained))
        print(f"  {share:<15.0%}{int(np.mean(sizes)):>10}  {fmt(iv):<26}{missing:>6}", flush=True)
    print(f"  ({time.perf_counter() - start:.0f} s)")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="only these corpora (default: all present)")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python benchmarks/learning_curve.py" + "".join(f" --corpus {c}" for c in args.corpus or []))
    available = corpora()
    if datasets_dir() is None:
        print("(public datasets not found: only our written corpus; set FRAMING_DATASETS)")
    for name, load in available.items():
        if args.corpus and name not in args.corpus:
            continue
        curve(name, load())


if __name__ == "__main__":
    main()
