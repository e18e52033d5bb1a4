"""Tone (negative / neutral / positive) against baselines run the same way.

Run:  .venv/bin/python benchmarks/tone.py   (needs `pip install vaderSentiment` for the VADER row)

English, NewsMTSC (political news sentences, sentiment towards named targets): a sentence gets
the targets' polarity when all its targets agree; sentences whose targets disagree are left out
(counted below). Trained systems use the NewsMTSC train split; evaluation uses devtest_mt and
the rw dev split. Arabic: ArSarcasm-v2 (tweets; POS/NEG/NEU) and ArSAS (tweets about news
events; Mixed left out), 5-fold cross-validation. "framing arch." is the shipped tone architecture
(logistic regression over the frames' TextFeatures) trained on the same data as the baseline (TF-IDF +
logistic regression); "shipped model" is the default model as it ships, not trained on them.
Datasets are read from ../shared/datasets (or $FRAMING_DATASETS); absent ones are skipped.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import datasets_dir  # noqa: E402

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from framing.models.features import TextFeatures, analyze  # noqa: E402
from framing.models.model import FrameModel  # noqa: E402

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
LABELS = ["negative", "neutral", "positive"]


def newsmtsc(path: Path) -> tuple[list[str], list[str], int]:
    texts, labels, mixed = [], [], 0
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        polarities = {t["polarity"] for t in row["targets"]}
        if len(polarities) != 1:
            mixed += 1
            continue
        texts.append(row["sentence_normalized"])
        labels.append(POLARITY[polarities.pop()])
    return texts, labels, mixed


def newsmtsc_hf(path: Path) -> tuple[list[str], list[str], int]:
    by_sentence: dict[str, set] = {}
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        by_sentence.setdefault(row["sentence"] if "sentence" in row else row["text"], set()).add(int(row["polarity"]) if "polarity" in row else int(row["label"]))
    texts, labels, mixed = [], [], 0
    for text, pols in by_sentence.items():
        if len(pols) != 1:
            mixed += 1
            continue
        texts.append(text)
        labels.append({-1: "negative", 0: "neutral", 1: "positive"}[pols.pop()])
    return texts, labels, mixed


def framing_arch():
    """The shipped tone architecture: logistic regression over the frame features."""
    return make_pipeline(TextFeatures(), LogisticRegression(C=1.0, max_iter=3000))


def baseline():
    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=3000))


def macro(y_true, y_pred) -> float:
    return f1_score(y_true, y_pred, labels=LABELS, average="macro")


def shipped(model: FrameModel, texts: list[str], lang: str) -> list[str]:
    return list(model.classify(texts, lang=lang, cues=0)["tone"])


def cv_compare(texts, labels, lang, model) -> dict[str, float]:
    docs = [analyze(t, lang) for t in texts]
    y = np.asarray(labels)
    ours, base = np.empty(len(y), dtype=object), np.empty(len(y), dtype=object)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, y):
        ours[test] = framing_arch().fit([docs[i] for i in train], y[train]).predict([docs[i] for i in test])
        base[test] = baseline().fit([texts[i] for i in train], y[train]).predict([texts[i] for i in test])
    return {"framing arch. (5-fold CV)": macro(y, ours), "TF-IDF+LR baseline (5-fold CV)": macro(y, base),
            "shipped model (not trained on it)": macro(y, shipped(model, texts, lang))}


def heldout(model: FrameModel) -> None:
    """News-like text: our corpus's held-out test split (never used in training)."""
    from framing.io.corpora import read_corpus

    root = Path(__file__).resolve().parents[1] / "corpora" / "frames"
    train = read_corpus([root / "en.train.jsonl", root / "ar.train.jsonl"])
    test = read_corpus([root / "en.test.jsonl", root / "ar.test.jsonl"])
    base = baseline().fit(list(train["text"]), list(train["tone"]))
    print(f"\nNews-like text, our held-out test split ({len(test)} sentences):")
    for lang in ("en", "ar"):
        part = test[test["lang"] == lang]
        ours = macro(list(part["tone"]), shipped(model, list(part["text"]), lang))
        theirs = macro(list(part["tone"]), base.predict(list(part["text"])))
        print(f"  {lang}: shipped model macro-F1 {ours:.3f}   TF-IDF+LR baseline (trained on our train split) {theirs:.3f}")


def main() -> None:
    print("command: .venv/bin/python benchmarks/tone.py")
    base_dir = datasets_dir()
    if base_dir is None:
        print("skipped: public datasets not found (set FRAMING_DATASETS)")
        return
    model = FrameModel.load()
    heldout(model)
    mtsc = base_dir / "NewsMTSC"
    if mtsc.is_dir():
        train_x, train_y, train_mixed = newsmtsc(mtsc / "train.jsonl")
        test_x, test_y, test_mixed = newsmtsc(mtsc / "devtest_mt.jsonl")
        rw = mtsc / "hf_splits" / "rw" / "dev.jsonl"
        if rw.exists():
            x, y, m = newsmtsc_hf(rw)
            test_x, test_y, test_mixed = test_x + x, test_y + y, test_mixed + m
        print(f"\nEnglish, NewsMTSC: train {len(train_x)} sentences ({train_mixed} with disagreeing targets left out); "
              f"test {len(test_x)} ({test_mixed} left out)")
        rows = {}
        try:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            vader = SentimentIntensityAnalyzer()
            scores = [vader.polarity_scores(t)["compound"] for t in test_x]
            rows["VADER (compound ±0.05)"] = macro(test_y, ["positive" if s >= 0.05 else "negative" if s <= -0.05 else "neutral" for s in scores])
        except ImportError:
            print("  (vaderSentiment not installed: VADER row skipped)")
        docs = [analyze(t, "en") for t in train_x]
        rows["framing arch. trained on NewsMTSC train"] = macro(test_y, framing_arch().fit(docs, train_y).predict([analyze(t, "en") for t in test_x]))
        rows["TF-IDF+LR baseline trained on NewsMTSC train"] = macro(test_y, baseline().fit(train_x, train_y).predict(test_x))
        extra = (model.card.get("tone") or {}).get("extra_sources") or []
        label = "shipped model (ours + NewsMTSC train)" if "NewsMTSC" in extra else "shipped model (not trained on it)"
        rows[label] = macro(test_y, shipped(model, test_x, "en"))
        for name, value in rows.items():
            print(f"  {name:<48} macro-F1 {value:.3f}")
    sarcasm = base_dir / "ArSarcasm-v2" / "training_data.csv"
    if sarcasm.exists():
        with sarcasm.open(encoding="utf-8") as fh:
            rows_ = list(csv.DictReader(fh))
        mapping = {"NEG": "negative", "NEU": "neutral", "POS": "positive"}
        texts = [r["tweet"] for r in rows_ if r["sentiment"] in mapping]
        labels = [mapping[r["sentiment"]] for r in rows_ if r["sentiment"] in mapping]
        print(f"\nArabic, ArSarcasm-v2: {len(texts)} tweets")
        for name, value in cv_compare(texts, labels, "ar", model).items():
            print(f"  {name:<48} macro-F1 {value:.3f}")
    arsas = base_dir / "ArSAS" / "ArSAS-train.txt"
    if arsas.exists():
        texts, labels, mixed = [], [], 0
        for line in arsas.read_text("utf-8").splitlines():
            text, _, label = line.rpartition("\t")
            if label == "Mixed":
                mixed += 1
            elif label in ("Positive", "Negative", "Neutral") and text.strip():
                texts.append(text)
                labels.append(label.lower())
        print(f"\nArabic, ArSAS: {len(texts)} tweets ({mixed} 'Mixed' left out)")
        for name, value in cv_compare(texts, labels, "ar", model).items():
            print(f"  {name:<48} macro-F1 {value:.3f}")


if __name__ == "__main__":
    main()
