"""Tone (negative / neutral / positive) against VADER and a tuned TF-IDF baseline run the same way.

Run:  .venv/bin/python benchmarks/tone.py   (needs `pip install vaderSentiment` for the VADER row)

Systems. "framing arch." is the library's tone architecture (logistic regression over the frames'
TextFeatures, with the library's class weights: balanced within the language, square root); the
baseline is TF-IDF (word 1-2 + char 2-5) + the same multinomial logistic regression (no weights).
Both are trained on the same rows and both get their regularisation C chosen from the same grid
by the same grouped 3-fold cross-validation inside the training data (macro-F1). "shipped model"
is the default model as it ships (trained on our written corpus and, for tone, NewsMTSC train).

Data. English, NewsMTSC (political news sentences, sentiment towards named targets): a sentence
gets the targets' polarity when all its targets agree; sentences whose targets disagree are left
out (counted). Trained systems use the NewsMTSC train split; evaluation uses devtest_mt and the
rw dev split, resampled by article (the first three parts of the sentence id). The official split
puts sentences of the same article in train and test: the figures are also given on the test
sentences of articles not in train. Arabic: ArSarcasm-v2 and ArSAS (tweets: no articles, each
tweet is its own group), 5-fold stratified cross-validation, subsampled (printed) to keep the run
to a few minutes on 2 cores. Our held-out test split (written sentences, no articles): rows.
Every macro-F1 carries a 95% bootstrap interval; differences are paired bootstrap intervals.
Datasets are read from ../shared/datasets (or $FRAMING_DATASETS); absent ones are skipped.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import datasets_dir  # noqa: E402
from _eval import JOBS, N_BOOT, SEED, fmt, tfidf_features  # noqa: E402  (also limits BLAS threads)

from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from framing.io import importers  # noqa: E402
from framing.models.bootstrap import f1_intervals, one_hot, paired_difference  # noqa: E402
from framing.models.features import TextFeatures, analyze  # noqa: E402
from framing.models.model import FrameModel  # noqa: E402
from framing.models.split import GroupedMultilabelKFold  # noqa: E402

LABELS = ["negative", "neutral", "positive"]
GRID = (0.25, 1.0, 4.0, 16.0, 64.0)
INNER = 3
MAX_TWEETS = 6000
OURS, BASE = "framing arch. (C tuned)", "TF-IDF+LR baseline (C tuned)"


class Tuned:
    """Features fitted on the training rows, then logistic regression with C chosen from GRID by
    grouped inner CV (macro-F1); ``kind`` is "framing" (TextFeatures, the shipped tone model) or
    "tfidf" (the baseline)."""

    def __init__(self, kind: str, lang: str):
        self.kind, self.lang = kind, lang

    def _features(self, texts):
        if self.kind == "framing":
            return TextFeatures().fit([analyze(t, self.lang) for t in texts])
        return tfidf_features().fit(texts)

    def _transform(self, texts):
        if self.kind == "framing":
            return self.features_.transform_analyses([analyze(t, self.lang) for t in texts])
        return self.features_.transform(texts)

    def _lr(self, C):
        return LogisticRegression(C=C, max_iter=3000)  # multinomial, as the shipped tone model

    def _weights(self, y):
        """The library's tone class weights for the framing arch. (balanced within the language,
        square root: framing.models.tone.TONE_CLASS_WEIGHT); none for the baseline."""
        if self.kind != "framing":
            return None
        from framing.models.tone import TONE_CLASS_WEIGHT, balance_power, balanced_by_language

        if not TONE_CLASS_WEIGHT or not TONE_CLASS_WEIGHT.startswith("balanced-by-language"):
            return None
        return balanced_by_language(y, np.full(len(y), self.lang), power=balance_power(TONE_CLASS_WEIGHT))

    def fit(self, texts, y, groups=None):
        y = np.asarray(y)
        self.features_ = self._features(texts)
        X = self._transform(texts)
        folds = list(GroupedMultilabelKFold(INNER, random_state=SEED).split(X, one_hot(y, LABELS), groups))
        scores = {}
        for C in GRID:
            oof = np.empty(len(y), dtype=object)
            for tr, te in folds:
                w = self._weights(y[tr])
                oof[te] = self._lr(C).fit(X[tr], y[tr], sample_weight=w).predict(X[te])
            scores[C] = f1_score(y, oof.astype(str), labels=LABELS, average="macro")
        self.C_ = max(GRID, key=lambda C: scores[C])
        self.model_ = self._lr(self.C_).fit(X, y, sample_weight=self._weights(y))
        return self

    def predict(self, texts):
        return self.model_.predict(self._transform(texts))


def intervals(y, pred, groups=None):
    return f1_intervals(one_hot(y, LABELS), one_hot(pred, LABELS), LABELS, groups, n_boot=N_BOOT, seed=SEED)


def show(rows: dict, y, groups=None, pairs=(), width=48, note=""):
    for name, pred in rows.items():
        iv = intervals(y, pred, groups)
        per = "  ".join(f"{l[:3]} {iv[l].value:.3f}" for l in LABELS if l in iv)
        print(f"  {name:<{width}} macro-F1 {fmt(iv['macro'])}   ({per}){note}")
    for a, b in pairs:
        diff = paired_difference(one_hot(y, LABELS), one_hot(rows[a], LABELS), one_hot(rows[b], LABELS), LABELS, groups,
                                 n_boot=N_BOOT, seed=SEED)["macro"]
        first, second = a.split(" (")[0], b.split(" (")[0]
        verdict = f"{first} better" if diff.low > 0 else f"{second} better" if diff.high < 0 else "no clear difference"
        print(f"  {first + ' - ' + second:<{width}} macro-F1 {fmt(diff, signed=True)}  -> {verdict}")


def shipped(model: FrameModel, texts, lang: str) -> np.ndarray:
    """The shipped model's tone (given the language, as the datasets say which it is)."""
    X = model.featurize([analyze(t, lang) for t in texts])
    return np.asarray(model.tone_classes)[model.tone_proba(X).argmax(axis=1)]


def vader(texts) -> np.ndarray | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()
    scores = [analyzer.polarity_scores(t)["compound"] for t in texts]
    return np.array(["positive" if s >= 0.05 else "negative" if s <= -0.05 else "neutral" for s in scores])


def heldout(model: FrameModel) -> None:
    """News-like text: our corpus's held-out test split (never used in training)."""
    from framing.io.corpora import read_corpus

    root = Path(__file__).resolve().parents[1] / "corpora" / "frames"
    train = read_corpus([root / "en.train.jsonl", root / "ar.train.jsonl"])
    test = read_corpus([root / "en.test.jsonl", root / "ar.test.jsonl"])
    print(f"\nNews-like text, our held-out test split ({len(test)} written sentences; no articles, so rows are resampled):")
    for lang in ("en", "ar"):
        part, tr = test[test["lang"] == lang], train[train["lang"] == lang]
        base = Tuned("tfidf", lang).fit(list(tr["text"]), tr["tone"].to_numpy())
        rows = {"shipped model": shipped(model, part["text"], lang),
                f"TF-IDF+LR baseline (our {lang} train split, C={base.C_:g})": base.predict(list(part["text"]))}
        print(f" {lang}:")
        show(rows, part["tone"].to_numpy(), pairs=[tuple(rows)])


def newsmtsc(model: FrameModel, folder: Path) -> None:
    import json

    train = importers.newsmtsc(folder / "train.jsonl")
    test = importers.newsmtsc(folder / "devtest_mt.jsonl")
    n_train_all = sum(1 for line in (folder / "train.jsonl").read_text("utf-8").splitlines() if line.strip())
    n_test_all = sum(1 for line in (folder / "devtest_mt.jsonl").read_text("utf-8").splitlines() if line.strip())
    texts, tones, groups = list(test["text"]), list(test["tone"]), list(test["article_id"])
    rw = folder / "hf_splits" / "rw" / "dev.jsonl"
    if rw.exists():  # one row per target: a sentence's tone when all its targets agree
        by_sentence: dict[str, tuple[set, str]] = {}
        for line in rw.read_text("utf-8").splitlines():
            row = json.loads(line)
            pols, _ = by_sentence.setdefault(row["sentence"], (set(), importers.newsmtsc_article(row["id"])))
            pols.add({-1: "negative", 0: "neutral", 1: "positive"}[int(row["polarity"])])
        n_test_all += len(by_sentence)
        for text, (pols, article) in by_sentence.items():
            if len(pols) == 1:
                texts.append(text), tones.append(pols.pop()), groups.append(article)
    y, groups = np.array(tones), np.array(groups)
    unseen = ~np.isin(groups, train["article_id"].to_numpy())
    print(f"\nEnglish, NewsMTSC: train {len(train)} sentences ({n_train_all - len(train)} with disagreeing targets left out), "
          f"{train['article_id'].nunique()} articles; test {len(y)} ({n_test_all - len(y)} left out), "
          f"{len(np.unique(groups))} articles, of which {len(np.unique(groups[~unseen]))} also in train")
    start = time.perf_counter()
    train_groups = train["article_id"].to_numpy()
    ours = Tuned("framing", "en").fit(list(train["text"]), train["tone"].to_numpy(), train_groups)
    base = Tuned("tfidf", "en").fit(list(train["text"]), train["tone"].to_numpy(), train_groups)
    rows = {}
    v = vader(texts)
    if v is None:
        print("  (vaderSentiment not installed: VADER row skipped)")
    else:
        rows["VADER (compound ±0.05)"] = v
    rows[f"framing arch. (NewsMTSC train, C={ours.C_:g})"] = ours.predict(texts)
    rows[f"TF-IDF+LR baseline (NewsMTSC train, C={base.C_:g})"] = base.predict(texts)
    extra = (model.card.get("tone") or {}).get("extra_sources") or []
    rows["shipped model (ours + NewsMTSC train)" if "NewsMTSC" in extra else "shipped model (not trained on it)"] = shipped(model, texts, "en")
    names = list(rows)
    pairs = [(names[-3], names[-2]), (names[-1], names[-2])] + ([(names[-1], names[0])] if v is not None else [])
    print("  all test sentences, resampled by article:")
    show(rows, y, groups, pairs)
    print(f"  test sentences of the {len(np.unique(groups[unseen]))} articles not in train ({int(unseen.sum())} sentences):")
    show({k: p[unseen] for k, p in rows.items()}, y[unseen], groups[unseen], pairs)
    print(f"  ({time.perf_counter() - start:.0f} s)")


def cv_compare(name: str, frame, model: FrameModel) -> None:
    from joblib import Parallel, delayed

    total = len(frame)
    if total > MAX_TWEETS:
        frame = frame.sample(MAX_TWEETS, random_state=SEED).reset_index(drop=True)
    texts, y = list(frame["text"]), frame["tone"].to_numpy()
    note = f"; a random {len(frame)} of them (to keep the run short)" if len(frame) < total else ""
    print(f"\nArabic, {name}: {total} tweets{note}; no articles: each tweet is its own group")
    start = time.perf_counter()
    folds = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, y))

    def fold(tr, te):
        fit = [texts[i] for i in tr]
        ours = Tuned("framing", "ar").fit(fit, y[tr])
        base = Tuned("tfidf", "ar").fit(fit, y[tr])
        test = [texts[i] for i in te]
        return ours.predict(test), base.predict(test), ours.C_, base.C_

    results = Parallel(n_jobs=JOBS)(delayed(fold)(tr, te) for tr, te in folds)
    ours, base = np.empty(len(y), dtype=object), np.empty(len(y), dtype=object)
    for (_, te), (o, b, _, _) in zip(folds, results):
        ours[te], base[te] = o, b
    cs = lambda k: ",".join(f"{r[k]:g}" for r in results)  # noqa: E731
    rows = {f"framing arch. (5-fold CV; C={cs(2)})": ours, f"TF-IDF+LR baseline (5-fold CV; C={cs(3)})": base,
            "shipped model (not trained on it)": shipped(model, texts, "ar")}
    show(rows, y, pairs=[tuple(list(rows)[:2])])
    print(f"  ({time.perf_counter() - start:.0f} s)")


def main() -> None:
    print("command: .venv/bin/python benchmarks/tone.py")
    base_dir = datasets_dir()
    model = FrameModel.load()
    heldout(model)
    if base_dir is None:
        print("skipped public datasets: not found (set FRAMING_DATASETS)")
        return
    if (base_dir / "NewsMTSC" / "train.jsonl").exists():
        newsmtsc(model, base_dir / "NewsMTSC")
    sarcasm = base_dir / "ArSarcasm-v2" / "training_data.csv"
    if sarcasm.exists():
        cv_compare("ArSarcasm-v2", importers.arsarcasm(sarcasm), model)
    arsas = base_dir / "ArSAS" / "ArSAS-train.txt"
    if arsas.exists():
        cv_compare("ArSAS ('Mixed' left out)", importers.arsas(arsas), model)


if __name__ == "__main__":
    main()
