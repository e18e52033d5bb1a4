"""Held-out accuracy of the shipped frame model on our test split, next to a plain baseline.

Run:  .venv/bin/python benchmarks/frames_heldout.py   (or `make bench`)

The test split (corpora/frames/{en,ar}.test.jsonl) is never used to train or tune the shipped
model. The baseline is a plain scikit-learn TF-IDF + one-vs-rest logistic regression pipeline
trained on the same training split, with the default 0.5 threshold.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT  # noqa: E402

from framing.codebook import Codebook  # noqa: E402
from framing.io.corpora import read_corpus  # noqa: E402
from framing.models.train import label_matrix
from framing.models.metrics import format_report  # noqa: E402
from framing.models.model import FrameModel  # noqa: E402
from framing.models.train import cv_report, evaluate  # noqa: E402

SEED_EN = ("Kostin's office said nearly half of the North Korean missiles lost their programmed trajectories "
           "and exploded in the air.")
SEED_AR = "وقال مكتب كوستين: \"ما يقرب من نصف الصواريخ الكورية الشمالية فقدت مساراتها المبرمجة وانفجرت في الهواء\"."


def baseline_report(train, test, frames):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(TfidfVectorizer(), OneVsRestClassifier(LogisticRegression(max_iter=1000)))
    pipe.fit(list(train["text"]), label_matrix(train, frames))
    pred = pipe.predict(list(test["text"]))
    return cv_report(label_matrix(test, frames), pred, frames, test["lang"].to_numpy())


def main() -> None:
    print("command: .venv/bin/python benchmarks/frames_heldout.py")
    codebook = Codebook.default()
    corpus = ROOT / "corpora" / "frames"
    train = read_corpus([corpus / "en.train.jsonl", corpus / "ar.train.jsonl"], codebook)
    test = read_corpus([corpus / "en.test.jsonl", corpus / "ar.test.jsonl"], codebook)
    model = FrameModel.load()
    print(f"shipped model trained on {model.card['training_data']['rows']} rows "
          f"(sha256 {model.card['training_data']['sha256'][:12]}); test split: {len(test)} rows")
    t = time.perf_counter()
    report = evaluate(model, test)
    print(format_report(report, f"\nshipped model on the held-out test split ({time.perf_counter() - t:.1f}s):"))
    base = baseline_report(train, test, model.frames)
    print(format_report(base, "\nbaseline (TF-IDF + one-vs-rest logistic regression, threshold 0.5) on the same split:"))
    print("\nmacro-F1 summary (held-out):")
    for lang in ("en", "ar"):
        print(f"  {lang}: shipped {report['by_lang'][lang]['macro']['f1']:.3f}   baseline {base['by_lang'][lang]['macro']['f1']:.3f}")
    print("\nseed sentence check (must be skepticism):")
    df = model.classify([SEED_EN, SEED_AR])
    for row in df.itertuples():
        scores = ", ".join(f"{f}={getattr(row, f):.2f}" for f in model.frames)
        print(f"  [{row.lang}] labels={row.labels} {scores}")
    ok = all("skepticism" in labels for labels in df["labels"])
    print(f"  -> {'OK' if ok else 'NOT skepticism'}")


if __name__ == "__main__":
    main()
