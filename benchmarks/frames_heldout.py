"""Held-out accuracy of the shipped frame model on our test split, next to a tuned baseline.

Run:  .venv/bin/python benchmarks/frames_heldout.py   (or `make bench`)

The test split (corpora/frames/{en,ar}.test.jsonl) is never used to train or tune the shipped
model. The baseline is TF-IDF (word 1-2 + char 2-5) + one logistic regression per frame, trained
on the same training split with a threshold per frame tuned by 5-fold CV inside it, the same
treatment as the shipped model (`benchmarks/_eval.py`). Our written corpus has no articles (each
sentence was written on its own), so that CV and the 95% bootstrap intervals resample rows; the
difference between the two systems is a paired bootstrap interval on the same resampled rows.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT  # noqa: E402
from _eval import N_BOOT, SEED, TunedTfidfLR, fmt, groups_of  # noqa: E402  (also limits BLAS threads)

from framing.codebook import Codebook  # noqa: E402
from framing.io.corpora import read_corpus  # noqa: E402
from framing.models.bootstrap import paired_difference  # noqa: E402
from framing.models.metrics import cv_report, format_report  # noqa: E402
from framing.models.model import FrameModel  # noqa: E402
from framing.models.train import evaluate, label_matrix  # noqa: E402

SEED_EN = ("Kostin's office said nearly half of the North Korean missiles lost their programmed trajectories "
           "and exploded in the air.")
SEED_AR = "وقال مكتب كوستين: \"ما يقرب من نصف الصواريخ الكورية الشمالية فقدت مساراتها المبرمجة وانفجرت في الهواء\"."


def main() -> None:
    print("command: .venv/bin/python benchmarks/frames_heldout.py")
    codebook = Codebook.default()
    corpus = ROOT / "corpora" / "frames"
    train = read_corpus([corpus / "en.train.jsonl", corpus / "ar.train.jsonl"], codebook)
    test = read_corpus([corpus / "en.test.jsonl", corpus / "ar.test.jsonl"], codebook)
    model = FrameModel.load()
    frames = model.frames
    print(f"shipped model trained on {model.card['training_data']['rows']} rows "
          f"(sha256 {model.card['training_data']['sha256'][:12]}); test split: {len(test)} rows")
    print("our written corpus has no articles (article_id is empty): CV inside training and every interval resample rows")
    t = time.perf_counter()
    report = evaluate(model, test, n_boot=N_BOOT)
    ours = model.predict(list(test["text"]), lang=list(test["lang"])).astype(bool)
    print(format_report(report, f"\nshipped model on the held-out test split ({time.perf_counter() - t:.1f}s):"))
    t = time.perf_counter()
    base_model = TunedTfidfLR().fit(list(train["text"]), label_matrix(train, frames), groups_of(train))
    base = base_model.predict(list(test["text"]))
    y = label_matrix(test, frames)
    base_report = cv_report(y, base, frames, test["lang"].to_numpy(), n_boot=N_BOOT)
    print(format_report(base_report, "\nbaseline (TF-IDF word 1-2 + char 2-5, logistic regression per frame, thresholds tuned by "
                                     f"5-fold CV in the training split; {time.perf_counter() - t:.0f}s) on the same split:"))
    print("\nmacro-F1 summary (held-out, 95% intervals over rows):")
    for lang in ("en", "ar"):
        rows = (test["lang"] == lang).to_numpy()
        ours_m, base_m = report["by_lang"][lang]["macro"], base_report["by_lang"][lang]["macro"]
        diff = paired_difference(y[rows], ours[rows], base[rows], frames, n_boot=N_BOOT, seed=SEED)["macro"]
        print(f"  {lang}: shipped {ours_m['f1']:.3f} [{ours_m['f1_ci'][0]:.3f}, {ours_m['f1_ci'][1]:.3f}]   "
              f"baseline {base_m['f1']:.3f} [{base_m['f1_ci'][0]:.3f}, {base_m['f1_ci'][1]:.3f}]   "
              f"shipped - baseline {fmt(diff, signed=True)}")
    print("\nseed sentence check (must be skepticism):")
    from framing.scoring import Scorer

    df = Scorer(model).classify([SEED_EN, SEED_AR])
    for row in df.itertuples():
        scores = ", ".join(f"{f}={getattr(row, f):.2f}" for f in frames)
        print(f"  [{row.lang}] labels={row.labels} {scores}")
    ok = all("skepticism" in labels for labels in df["labels"])
    print(f"  -> {'OK' if ok else 'NOT skepticism'}")


if __name__ == "__main__":
    main()
