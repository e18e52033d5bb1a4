"""Our default architecture against a plain TF-IDF + logistic regression baseline on public corpora.

Run:  .venv/bin/python benchmarks/public.py

Each corpus is converted with `framing.io.importers` (the same code as `framing import`) and read
from ../shared/datasets (or $FRAMING_DATASETS); absent ones are skipped. Labels with fewer than
20 examples are left out of both systems (counted). For every corpus, both systems are scored
by 5-fold cross-validation on its labeled split; where a dev split with labels exists, both are
also trained on train and scored on dev. The framing system is `framing.models.train.train`
(thresholds chosen inside the training folds); the baseline uses threshold 0.5.
Leakage: ArAIEval-2023 shares paragraph ids with ArMPro, so each is trained and scored on its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import datasets_dir  # noqa: E402

from framing.io import importers  # noqa: E402
from framing.codebook import Codebook  # noqa: E402
from framing.models.train import label_matrix  # noqa: E402
from framing.models.metrics import multilabel_report  # noqa: E402
from framing.models.train import train  # noqa: E402

MIN_EXAMPLES = 20
FOCUS = ("Doubt", "Appeal_to_Fear-Prejudice", "Security_and_defense", "persuasive")


def prepare(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str], int]:
    counts = frame["labels"].explode().value_counts()
    keep = sorted(counts[counts >= MIN_EXAMPLES].index)
    frame = frame.assign(labels=frame["labels"].map(lambda ls: [l for l in ls if l in keep]))
    return frame.reset_index(drop=True), keep, int((counts < MIN_EXAMPLES).sum())


def ours(train_rows: pd.DataFrame, test_rows: pd.DataFrame, labels: list[str]) -> np.ndarray:
    model = train(train_rows, Codebook.from_labels(labels))
    proba = model.predict_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
    return proba >= np.array([model.thresholds[l] for l in labels])


def baseline(train_rows: pd.DataFrame, test_rows: pd.DataFrame, labels: list[str]) -> np.ndarray:
    y = label_matrix(train_rows, labels)
    if len(labels) == 1:  # a single binary label
        pipe = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000)).fit(list(train_rows["text"]), y[:, 0])
        return pipe.predict(list(test_rows["text"])).astype(bool)[:, None]
    pipe = make_pipeline(TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=2000)))
    pipe.fit(list(train_rows["text"]), y)
    return pipe.predict(list(test_rows["text"])).astype(bool)


def cross_validated(frame: pd.DataFrame, labels: list[str], system) -> dict:
    y = label_matrix(frame, labels)
    pred = np.zeros_like(y, dtype=bool)
    for tr, te in KFold(5, shuffle=True, random_state=0).split(frame):
        pred[te] = system(frame.iloc[tr], frame.iloc[te], labels)
    return multilabel_report(y, pred, labels)


def line(name: str, report: dict, labels: list[str]) -> str:
    focus = "  ".join(f"{l} {report['labels'][l]['f1']:.3f}" for l in labels if l in FOCUS)
    return f"    {name:<34} micro-F1 {report['micro']['f1']:.3f}  macro-F1 {report['macro']['f1']:.3f}  {focus}"


def run(title: str, frame: pd.DataFrame, dev: pd.DataFrame | None = None) -> None:
    frame, labels, dropped = prepare(frame)
    print(f"\n{title}: {len(frame)} items, {len(labels)} labels with >= {MIN_EXAMPLES} examples ({dropped} rarer left out)")
    print("  5-fold cross-validation:")
    for name, system in (("framing (default architecture)", ours), ("TF-IDF + LR baseline", baseline)):
        print(line(name, cross_validated(frame, labels, system), labels), flush=True)
    if dev is not None:
        dev = dev.assign(labels=dev["labels"].map(lambda ls: [l for l in ls if l in labels])).reset_index(drop=True)
        print(f"  train -> dev ({len(dev)} items):")
        for name, system in (("framing (default architecture)", ours), ("TF-IDF + LR baseline", baseline)):
            report = multilabel_report(label_matrix(dev, labels), system(frame, dev, labels), labels)
            print(line(name, report, labels), flush=True)


def main() -> None:
    print("command: .venv/bin/python benchmarks/public.py")
    base = datasets_dir()
    if base is None:
        print("skipped: public datasets not found (set FRAMING_DATASETS)")
        return
    semeval = base / "SemEval2023_Task3_EN"
    if (semeval / "subtask3").is_dir():
        run("SemEval-2023 Task 3 subtask 3 (en, line-level techniques; train split)", importers.semeval_lines(semeval / "subtask3"))
    if (semeval / "subtask2").is_dir():
        run("SemEval-2023 Task 3 subtask 2 (en, article frames; train split)", importers.semeval_articles(semeval / "subtask2"))
    armpro = base / "ArMPro" / "ArMPro_multilabel_dev_V2.jsonl"
    if armpro.exists():
        run("ArMPro (ar, paragraph techniques; dev split)", importers.armpro(armpro))
    araieval = base / "ArAIEval23_task1"
    if (araieval / "task1B_train.jsonl").exists():
        run("ArAIEval-2023 task 1B (ar, techniques)", importers.armpro(araieval / "task1B_train.jsonl"),
            importers.armpro(araieval / "task1B_dev.jsonl"))
    if (araieval / "task1A_train.jsonl").exists():
        run("ArAIEval-2023 task 1A (ar, persuasive or not)", importers.armpro(araieval / "task1A_train.jsonl"),
            importers.armpro(araieval / "task1A_dev.jsonl"))


if __name__ == "__main__":
    main()
