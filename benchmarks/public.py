"""Our default architecture against a tuned TF-IDF + logistic regression baseline on public corpora.

Run:  .venv/bin/python benchmarks/public.py [--corpus NAME ...] [--leaky]

Each corpus is converted with `framing.io.importers` (the same code as `framing import`, which
fills `article_id`) and read from ../shared/datasets (or $FRAMING_DATASETS); absent ones are
skipped. Labels with fewer than 20 examples are left out of both systems (counted).

Both systems are scored by 5-fold cross-validation grouped by article (SemEval article, ArMPro /
ArAIEval page; a tweet is its own group), on the same folds (`GroupedMultilabelKFold`), rows and
labels. Ours is `framing.models.train.train` (calibration and thresholds by grouped CV inside the
training folds); the baseline is TF-IDF (word 1-2 + char 2-5) + one logistic regression per
label, thresholds tuned by the same grouped CV inside the training folds (`benchmarks/_eval.py`).
A reference line shows the F1 of answering every label for every item (what a threshold
tuned to F1 falls back to when a system cannot separate a frequent label).
Every F1 carries a 95% bootstrap interval resampled by article; "ours - baseline" is a paired
bootstrap interval on the same resampled articles. Where a labeled dev split exists both systems
are also trained on train and scored on the dev rows whose page is not in train.
ArAIEval-2023 shares paragraph ids with ArMPro, so each is trained and scored on its own.

``--leaky`` also scores both systems the way this benchmark used to: 5-fold CV over rows
(`KFold(shuffle=True)`, inner CV over rows too), which puts sentences of one article on both
sides of a fold; kept only to show how much that leak inflated the figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import datasets_dir  # noqa: E402
from _eval import (FOLDS, baseline, cross_validate, difference_line, grouping_note, groups_of,  # noqa: E402
                   keep_frequent, ours, subsample_groups, system_lines)

from framing.io import importers  # noqa: E402
from framing.models.train import label_matrix  # noqa: E402

MIN_EXAMPLES = 20
MAX_ROWS = 12_000  # larger corpora are subsampled by whole articles (none is, today)
FOCUS = ("Doubt", "Appeal_to_Fear-Prejudice", "Security_and_defense", "persuasive")
OURS, BASE = "framing (default architecture)", "TF-IDF + LR, tuned thresholds"
TRIVIAL = "reference: every label on every item"
SYSTEMS = {OURS: ours, BASE: baseline}


def leaky(frame: pd.DataFrame, labels: list[str]) -> dict[str, np.ndarray]:
    """The old protocol: row-level KFold outside, row-level CV inside (no grouping anywhere)."""
    from joblib import Parallel, delayed
    from sklearn.model_selection import KFold

    from _eval import JOBS

    y = label_matrix(frame, labels)
    folds = list(KFold(FOLDS, shuffle=True, random_state=0).split(frame))
    results = Parallel(n_jobs=JOBS)(delayed(lambda tr, te: {n: f(frame.iloc[tr], frame.iloc[te], labels, None)
                                                            for n, f in SYSTEMS.items()})(tr, te) for tr, te in folds)
    out = {f"{name} [leaky]": np.zeros_like(y, dtype=bool) for name in SYSTEMS}
    for (_, te), result in zip(folds, results):
        for name, pred in result.items():
            out[f"{name} [leaky]"][te] = pred
    return out


def run(title: str, frame: pd.DataFrame, dev: pd.DataFrame | None = None, with_leaky: bool = False) -> None:
    start = time.perf_counter()
    if len(frame) > MAX_ROWS:
        print(f"\n(note: {title} subsampled from {len(frame)} rows by whole articles to about {MAX_ROWS})")
        frame = subsample_groups(frame, MAX_ROWS)
    frame, labels, dropped = keep_frequent(frame, MIN_EXAMPLES)
    groups = groups_of(frame)
    print(f"\n{title}: {len(frame)} items, {len(labels)} labels with >= {MIN_EXAMPLES} examples ({dropped} rarer left out); "
          f"{grouping_note(frame, groups)}")
    print(f"  {FOLDS}-fold cross-validation grouped by article (same folds for both):")
    y = label_matrix(frame, labels)
    preds = cross_validate(frame, labels, SYSTEMS)
    for line in system_lines(y, preds | {TRIVIAL: np.ones_like(y, dtype=bool)}, labels, groups, FOCUS):
        print(line)
    print(difference_line(y, preds[OURS], preds[BASE], labels, groups, "ours - baseline (paired)", FOCUS), flush=True)
    if with_leaky:
        print(f"  for the record, the old protocol ({FOLDS}-fold CV over rows, articles on both sides; intervals still by article):")
        for line in system_lines(y, leaky(frame, labels), labels, groups, FOCUS):
            print(line, flush=True)
    if dev is not None:
        dev = dev.assign(labels=dev["labels"].map(lambda ls: [l for l in ls if l in labels])).reset_index(drop=True)
        dev_groups = groups_of(dev)
        seen = np.isin(dev_groups, groups)
        unseen = dev[~seen].reset_index(drop=True)
        print(f"  train -> dev: {len(dev)} items on {len(np.unique(dev_groups))} pages; "
              f"{len(np.unique(dev_groups[seen]))} pages ({int(seen.sum())} items) are also in train and are left out, "
              f"scored on the other {len(unseen)} items:")
        y_dev = label_matrix(unseen, labels)
        dev_preds = {name: system(frame, unseen, labels) for name, system in SYSTEMS.items()}
        for line in system_lines(y_dev, dev_preds | {TRIVIAL: np.ones_like(y_dev, dtype=bool)}, labels, groups_of(unseen), FOCUS):
            print(line)
        print(difference_line(y_dev, dev_preds[OURS], dev_preds[BASE], labels, groups_of(unseen),
                              "ours - baseline (paired)", FOCUS), flush=True)
    print(f"  ({time.perf_counter() - start:.0f} s)")


CORPORA = ("semeval-st3", "semeval-st2", "armpro", "araieval-1b", "araieval-1a")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="only these corpora (default: all present)")
    parser.add_argument("--leaky", action="store_true", help="also score with the old row-level folds (to show the leak)")
    args = parser.parse_args(argv)
    print("command: .venv/bin/python benchmarks/public.py" + "".join(f" --corpus {c}" for c in args.corpus or [])
          + (" --leaky" if args.leaky else ""))
    base = datasets_dir()
    if base is None:
        print("skipped: public datasets not found (set FRAMING_DATASETS)")
        return
    wanted = set(args.corpus or CORPORA)
    semeval = base / "SemEval2023_Task3_EN"
    araieval = base / "ArAIEval23_task1"
    armpro = base / "ArMPro" / "ArMPro_multilabel_dev_V2.jsonl"
    jobs = [
        ("semeval-st3", (semeval / "subtask3").is_dir(), "SemEval-2023 Task 3 subtask 3 (en, line-level techniques; train split)",
         lambda: (importers.semeval_lines(semeval / "subtask3"), None)),
        ("semeval-st2", (semeval / "subtask2").is_dir(), "SemEval-2023 Task 3 subtask 2 (en, article frames; train split)",
         lambda: (importers.semeval_articles(semeval / "subtask2"), None)),
        ("armpro", armpro.exists(), "ArMPro (ar, paragraph techniques; dev split)", lambda: (importers.armpro(armpro), None)),
        ("araieval-1b", (araieval / "task1B_train.jsonl").exists(), "ArAIEval-2023 task 1B (ar, techniques)",
         lambda: (importers.armpro(araieval / "task1B_train.jsonl"), importers.armpro(araieval / "task1B_dev.jsonl"))),
        ("araieval-1a", (araieval / "task1A_train.jsonl").exists(), "ArAIEval-2023 task 1A (ar, persuasive or not)",
         lambda: (importers.armpro(araieval / "task1A_train.jsonl"), importers.armpro(araieval / "task1A_dev.jsonl"))),
    ]
    for name, present, title, load in jobs:
        if name in wanted and present:
            frame, dev = load()
            run(title, frame, dev, with_leaky=args.leaky)


if __name__ == "__main__":
    main()
