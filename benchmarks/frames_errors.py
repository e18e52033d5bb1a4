"""Frame errors on dev: out-of-fold predictions of a frames candidate on the real-news TRAINING
split, for reading false positives and false negatives (never the test split).

Run:  .venv/bin/python benchmarks/frames_errors.py oof [--candidate NAME] [--out DIR] [--seed N]
      .venv/bin/python benchmarks/frames_errors.py show --lang en --frame skepticism --kind fp [--n 90]
      .venv/bin/python benchmarks/frames_errors.py classes [--out DIR]
      .venv/bin/python benchmarks/frames_errors.py weights --frame skepticism --lang en [--top 40]
      .venv/bin/python benchmarks/frames_errors.py attribute [--out DIR]

``oof`` runs the dev protocol of ``benchmarks/realnews.py --dev`` (``load``, ``dev_folds``: grouped
5-fold CV by article on the real-news training split; each fold trains on the written corpus plus
the other folds' real rows with ``_fit_frames`` and is scored on its own random stratum) for one
candidate (default: the shipped settings, written rows at 0.5) and saves the pooled out-of-fold
labels and probabilities, keyed by row id, under ``--out`` (default ``/tmp/frames_errors``:
outside the repository, since the rows carry dataset text). ``show`` prints errors of one frame
and language with their text, probability and gold labels (in the terminal only). ``classes``
counts errors per cause class with rough surface detectors (attribution verbs, quotation marks,
negation, numbers, length, title case, written-corpus-heavy words); the detectors only help
reading, they are not labels. ``weights`` fits the candidate on every training row and lists the
strongest features of a frame with their document counts in the written and real rows and their
positive rate in each, so words learned from the written corpus that are neutral in real news
stand out. ``attribute`` refits each fold and counts the errors that one group of features
(written-corpus cues, keyword-enriched topic words, negation words, attribution verbs) pushes
across the threshold, with the true positives and negatives the same removal would lose.
Results: ``benchmarks/RESULTS.md``, "Error analysis on dev".
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realnews import CANDIDATES, FRAMES, _fit_frames, dev_folds, load  # noqa: E402

from framing.models.train import label_matrix  # noqa: E402


def _fold(name: str, fit_rows: pd.DataFrame, test_rows: pd.DataFrame):
    import warnings

    warnings.filterwarnings("ignore")
    pred, proba, *_ = CANDIDATES[name](fit_rows.reset_index(drop=True), test_rows)
    return pred, proba


def oof(name: str, out: Path, jobs: int = 2, seed: int = 0) -> pd.DataFrame:
    """Pooled out-of-fold predictions of candidate ``name`` on the dev rows (random stratum);
    ``seed`` draws another grouped fold split (``realnews.py --dev`` uses 0)."""
    from joblib import Parallel, delayed

    train_rows, _ = load()
    folds = dev_folds(train_rows, seed=seed)
    keep = folds != -2
    train_rows, folds = train_rows[keep].reset_index(drop=True), folds[keep]
    scored = (train_rows["stratum"] == "random").to_numpy() & (folds >= 0)
    dev = train_rows[scored].reset_index(drop=True)
    dev_fold = folds[scored]
    k = int(folds.max()) + 1
    parts = Parallel(n_jobs=jobs)(delayed(_fold)(name, train_rows[folds != f], dev[dev_fold == f].reset_index(drop=True))
                                  for f in range(k))
    pred = np.zeros((len(dev), len(FRAMES)), dtype=bool)
    proba = np.zeros((len(dev), len(FRAMES)))
    for f, (p, q) in enumerate(parts):
        rows = np.flatnonzero(dev_fold == f)
        pred[rows], proba[rows] = p, q
    y = label_matrix(dev, FRAMES)
    table = pd.DataFrame({"id": dev["id"], "lang": dev["lang"], "article_id": dev["article_id"].astype(str),
                          "fold": dev_fold, "text": dev["text"]})
    for j, frame in enumerate(FRAMES):
        table[f"y_{frame}"] = y[:, j].astype(int)
        table[f"pred_{frame}"] = pred[:, j].astype(int)
        table[f"p_{frame}"] = proba[:, j]
    out.mkdir(parents=True, exist_ok=True)
    table.to_pickle(out / "oof.pkl")
    from sklearn.metrics import f1_score

    for lang in ("ar", "en"):
        m = table["lang"] == lang
        f1 = [f1_score(table.loc[m, f"y_{f}"], table.loc[m, f"pred_{f}"], zero_division=0) for f in FRAMES]
        share = [table.loc[m, f"pred_{f}"].mean() / max(table.loc[m, f"y_{f}"].mean(), 1e-9) for f in FRAMES]
        print(f"{lang}: {int(m.sum())} rows; macro-F1 {np.mean(f1):.3f} | "
              + " | ".join(f"{f} F1 {v:.3f} predicted/human share {s:.2f}" for f, v, s in zip(FRAMES, f1, share)))
    return table


# -- rough detectors of cause classes (reading aids, not labels) ---------------------------------

_ATTRIB = {
    "en": r"\b(said|says|say|told|according to|claim(?:s|ed)?|stated|added|noted|reported|alleged(?:ly)?|"
          r"insisted|argued|announced|explained|acknowledged|denied|wrote|tweeted)\b",
    "ar": r"(?:^|\s)(?:و|ف)?(?:قال|قالت|يقول|تقول|أكد|أكدت|يؤكد|أضاف|أضافت|أوضح|أوضحت|ذكر|ذكرت|أشار|أشارت|"
          r"صرح|أعلن|أعلنت|زعم|زعمت|ادعى|ادعت|بحسب|وفق|وفقا|نقلا|حسب|نفى|نفت)(?=\s|$)",
}
_QUOTES = r"[\"“”«»„‘’]|''|``"
_NEG = {
    "en": r"\b(no|not|never|nothing|none|without|n't|cannot|neither|nor|deny|denied|denies)\b|n't\b",
    "ar": r"(?:^|\s)(?:و|ف)?(?:لا|لم|لن|ليس|ليست|ما|غير|دون|بدون|عدم|لا يوجد|نفى|نفت)(?=\s|$)",
}
_NUM = r"\d|[٠-٩]"
_DOUBT = {  # explicit doubt words, any inflection (matched on normalized text)
    "en": r"\b(den(y|ies|ied|ial|ials)|claim(s|ed)?|alleg\w*|lie(s|d)?|lying|liar\w*|fake|false\w*|fabricat\w*|hoax|"
          r"rumou?r\w*|mislead\w*|cover.?up|conceal\w*|secre\w*|hid(e|den|ing)|doubt\w*|skeptic\w*|unverified|"
          r"no evidence|debunk\w*|fail\w*|rigged|fraud\w*|so-called|disput\w*|exaggerat\w*)\b",
    "ar": r"(نفى|نفت|ينفي|تنفي|ينفون|تنفيه|نفي|زعم|مزاعم|مزعوم|ادعى|ادعت|ادعاء|يدعي|تدعي|يدعون|كذب|اكاذيب|اكذوب|"
          r"كاذب|وهمي|مزيف|مفبرك|فبرك|تزييف|زيف|شايع|شائع|اشاع|تضليل|مضلل|خداع|انكار|ينكر|تنكر|تكتم|تستر|تعتيم|"
          r"شكوك|يشكك|تشكيك|مشكوك|لم يتسن|فشل|اخفق|تزوير|مبالغ|غير صحيح|لا اساس)",
}
_CRITICISM = {
    "en": r"\b(accus\w*|critici\w*|corrupt\w*|scandal\w*|slam\w*|blast\w*|condemn\w*|smear\w*|disgrace\w*|"
          r"hypocri\w*|attack(s|ed)? on)\b",
    "ar": r"(اتهام|اتهم|يتهم|تتهم|انتقاد|انتقد|ينتقد|جدل|فساد|ندد|استنكر|يستنكر|هاجم|مهاجم)",
}
_HEDGE = {
    "en": r"\b(may|might|could|appears?|seems?|likely|perhaps|possibly|reportedly|expected to)\b",
    "ar": r"(يبدو|ربما|يحتمل|محتمل|من المرجح|من المتوقع|(?:^|\s)قد(?=\s))",
}
_SECURITY = {
    "en": r"\b(military|troops?|army|terror\w*|jihad\w*|attack\w*|weapon\w*|missiles?|nuclear|border|police|"
          r"militia\w*|war|wars|security|shoot\w*|gunman|bomb\w*|isis|islamic state)\b",
    "ar": r"(عسكري|جيش|الجيش|قوات|ارهاب|هجوم|هجمات|سلاح|اسلحه|صاروخ|صواريخ|نووي|امن|الامن|شرطه|حرب|ميليشيا|"
          r"داعش|الحوثي|اطلاق النار|غاره|قصف)",
}
_TITLES = {
    "en": r"\b(president|minister|officials?|ambassador|secretary|envoy|senator|government|prime minister|"
          r"administration|state department|foreign)\b",
    "ar": r"(رئيس|وزير|وزيره|مسؤول|مسؤولين|سفير|حكومه|الخارجيه|الرئاسه|مبعوث)",
}


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    if len(words) < 4:
        return False
    caps = sum(w[0].isupper() for w in words if len(w) > 3)
    long = sum(len(w) > 3 for w in words)
    return long > 0 and caps / long >= 0.8 and not text.rstrip().endswith((".", "?", "!"))


def detectors(text: str, lang: str) -> dict[str, bool]:
    from framing.text.normalize import normalize

    tokens = text.split()
    norm = normalize(text, lang)
    return {
        "doubt word": bool(re.search(_DOUBT[lang], norm, flags=re.I)),
        "criticism/accusation word": bool(re.search(_CRITICISM[lang], norm, flags=re.I)),
        "hedge": bool(re.search(_HEDGE[lang], norm, flags=re.I)),
        "question": "?" in text or "؟" in text,
        "security-topic word": bool(re.search(_SECURITY[lang], norm, flags=re.I)),
        "officials/titles": bool(re.search(_TITLES[lang], norm, flags=re.I)),
        "attribution verb": bool(re.search(_ATTRIB[lang], text, flags=re.I)),
        "quotation marks": bool(re.search(_QUOTES, text)),
        "negation": bool(re.search(_NEG[lang], text, flags=re.I)),
        "number/date": bool(re.search(_NUM, text)),
        "long (>= 35 tokens)": len(tokens) >= 35,
        "short (<= 8 tokens)": len(tokens) <= 8,
        "title case / headline": lang == "en" and _title_case(text),
    }


def classes(out: Path) -> None:
    """Share of each detector among false positives, false negatives, true positives and true
    negatives, per frame and language (a class is a likely cause where it is over-represented
    among errors)."""
    table = pd.read_pickle(out / "oof.pkl")
    det = pd.DataFrame([detectors(t, g) for t, g in zip(table["text"], table["lang"])])
    for lang in ("ar", "en"):
        for frame in FRAMES:
            m = (table["lang"] == lang).to_numpy()
            y, p = table[f"y_{frame}"].to_numpy(), table[f"pred_{frame}"].to_numpy()
            groups = {"FP": m & (p == 1) & (y == 0), "FN": m & (p == 0) & (y == 1),
                      "TP": m & (p == 1) & (y == 1), "TN": m & (p == 0) & (y == 0)}
            print(f"\n{lang} {frame}: " + ", ".join(f"{k} {int(v.sum())}" for k, v in groups.items()))
            for col in det.columns:
                print(f"  {col:24s} " + "  ".join(
                    f"{k} {det.loc[v, col].sum():4d} ({100 * det.loc[v, col].mean() if v.any() else 0:4.0f}%)"
                    for k, v in groups.items()))


def show(out: Path, lang: str, frame: str, kind: str, n: int, seed: int = 0) -> None:
    table = pd.read_pickle(out / "oof.pkl")
    m = table["lang"] == lang
    y, p = table[f"y_{frame}"] == 1, table[f"pred_{frame}"] == 1
    pick = table[m & (p & ~y if kind == "fp" else ~p & y)]
    pick = pick.sample(min(n, len(pick)), random_state=seed) if n < len(pick) else pick
    print(f"{lang} {frame} {kind}: {len(pick)} shown")
    for i, row in enumerate(pick.itertuples(index=False), 1):
        gold = [f for f in FRAMES if getattr(row, f"y_{f}")]
        probs = " ".join(f"{f[:3]}={getattr(row, f'p_{f}'):.2f}" for f in FRAMES)
        print(f"[{i}] {probs} gold={gold} :: {row.text}")


_ATTRIB_TERMS = {
    "en": {"said", "says", "say", "told", "according", "claim", "claims", "claimed", "stated", "added", "noted",
           "reported", "alleged", "allegedly", "insisted", "argued", "announced", "explained", "statement"},
    "ar": {"قال", "قالت", "وقال", "وقالت", "يقول", "تقول", "اكد", "واكد", "اكدت", "واكدت", "اضاف", "واضاف", "اضافت",
           "واضافت", "اوضح", "واوضح", "ذكر", "وذكر", "ذكرت", "وذكرت", "اشار", "واشار", "اشارت", "واشارت", "صرح",
           "اعلن", "واعلن", "بحسب", "وفق", "وفقا", "حسب", "زعم", "ادعى"},
}


def _group_masks(names: np.ndarray, features, rows: pd.DataFrame, X, y: np.ndarray, j: int) -> dict[str, np.ndarray]:
    """Feature groups for frame ``j``: written-corpus cues (features at least twice as frequent in
    the frame's written rows as the written base rate, but at most 1.25 times the base rate in
    real random rows, with >= 10 of them), features seen in >= 5 written rows and < 3 real random
    rows, the same contrast between the keyword-enriched real rows and the random ones, negation words and attribution verbs (alone or inside an n-gram)."""
    from framing.models.features import _negators
    from framing.text.normalize import normalize

    present = (X > 0).tocsc().astype(np.float32)
    written = (rows["stratum"] == "written").to_numpy().astype(np.float32)
    random_ = (rows["stratum"] == "random").to_numpy().astype(np.float32)
    yj = y[:, j].astype(np.float32)
    n_w, n_r = present.T @ written, present.T @ random_
    pos_w, pos_r = present.T @ (written * yj), present.T @ (random_ * yj)
    base_w = float((written * yj).sum() / max(written.sum(), 1))
    base_r = float((random_ * yj).sum() / max(random_.sum(), 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        lift_w, lift_r = pos_w / n_w / base_w, pos_r / n_r / base_r
    written_cue = (n_w >= 5) & (lift_w >= 2) & (n_r >= 10) & (lift_r <= 1.25)
    written_only = (n_w >= 5) & (n_r < 3)
    enriched = (rows["stratum"] == "enriched").to_numpy().astype(np.float32)
    n_e, pos_e = present.T @ enriched, present.T @ (enriched * yj)
    with np.errstate(invalid="ignore", divide="ignore"):
        lift_e = pos_e / n_e / base_r
    enriched_cue = (n_e >= 5) & (lift_e >= 2) & (n_r >= 10) & (lift_r <= 1.25)
    negators = _negators("en") | _negators("ar")
    attrib = {normalize(w, "ar") for w in _ATTRIB_TERMS["ar"]} | _ATTRIB_TERMS["en"]
    terms = [n.split(":", 1)[1] if ":" in n else n for n in names]
    kinds = [n.split(":", 1)[0] for n in names]
    neg = np.array([k in ("w", "s") and any(t in negators for t in term.split()) for k, term in zip(kinds, terms)])
    att = np.array([k in ("w", "s") and any(t in attrib for t in term.split()) for k, term in zip(kinds, terms)])
    lang_cols = np.array([k == "lang" for k in kinds])
    return {"strong in written, neutral in real": written_cue & ~lang_cols,
            "seen in written rows only": written_only & ~lang_cols,
            "strong in enriched, neutral in random": enriched_cue & ~lang_cols,
            "negation words": neg, "attribution verbs": att}


def _attribute_fold(fit_rows: pd.DataFrame, dev: pd.DataFrame):
    import warnings

    from framing.models.features import analyze
    from framing.models.frames import _sigmoid  # noqa: F401
    from framing.models.metrics import group_keys
    from framing.models.model import make_pipeline

    warnings.filterwarnings("ignore")
    rows = fit_rows.reset_index(drop=True)
    rows = rows.assign(weight=np.where(rows["stratum"] == "written", 0.5, 1.0))
    pipeline = make_pipeline(**{"features__context_weight": None})
    features, clf = pipeline.named_steps["features"], pipeline.named_steps["frames"]
    X = features.fit_transform([analyze(t, g) for t, g in zip(rows["text"], rows["lang"])])
    y = label_matrix(rows, FRAMES)
    clf.fit(X, y, groups=group_keys(rows, "article_id"), sample_weight=rows["weight"].to_numpy(),
            tune_mask=(rows["stratum"] == "random").to_numpy())
    X_dev = features.transform_analyses([analyze(t, g) for t, g in zip(dev["text"], dev["lang"])]).tocsr()
    logits, segment = clf._calibrated_logits(X_dev, with_segment=True)
    t = np.clip(clf.thresholds_for(segment), 1e-12, 1 - 1e-12)
    margin = logits - np.log(t / (1 - t))
    names = features.get_feature_names_out()
    out = {"margin": margin, "groups": {}}
    for j, frame in enumerate(FRAMES):
        masks = _group_masks(names, features, rows, X, y, j)
        # slope of each row's calibration (logit = slope * score + offset)
        raw = np.asarray(X_dev @ clf.coef_[j].astype(np.float64)).ravel() + clf.intercept_[j]
        base = np.where(np.abs(raw) > 1e-9, raw, 1e-9)
        slope = np.full(len(dev), clf.calibration_[j, 0])
        seg_cal = clf.segment_calibration_
        for k in range(seg_cal.shape[0]):
            if not np.isnan(seg_cal[k, j, 0]):
                slope[segment == k] = seg_cal[k, j, 0]
        del base
        for name, mask in masks.items():
            coef = np.where(mask, clf.coef_[j], 0.0).astype(np.float64)
            out["groups"][(frame, name)] = slope * np.asarray(X_dev @ coef).ravel()
    return out


def attribute(out: Path, jobs: int = 2) -> None:
    """Counterfactual cause counts: an error is put down to a feature group when taking that
    group's contribution out of the row's calibrated score flips the decision (a false positive
    falls below its threshold; a false negative rises above it). Each fold is refitted as in
    ``oof`` (the shipped settings), so the groups are learned on that fold's training rows."""
    from joblib import Parallel, delayed

    table = pd.read_pickle(out / "oof.pkl")
    train_rows, _ = load()
    folds = dev_folds(train_rows)
    keep = folds != -2
    train_rows, folds = train_rows[keep].reset_index(drop=True), folds[keep]
    scored = (train_rows["stratum"] == "random").to_numpy() & (folds >= 0)
    dev = train_rows[scored].reset_index(drop=True)
    dev_fold = folds[scored]
    assert (dev["id"].to_numpy() == table["id"].to_numpy()).all()
    k = int(folds.max()) + 1
    parts = Parallel(n_jobs=jobs)(delayed(_attribute_fold)(train_rows[folds != f], dev[dev_fold == f].reset_index(drop=True))
                                  for f in range(k))
    margin = np.zeros((len(dev), len(FRAMES)))
    contrib: dict = {}
    for f, part in enumerate(parts):
        rows = np.flatnonzero(dev_fold == f)
        margin[rows] = part["margin"]
        for key, value in part["groups"].items():
            contrib.setdefault(key, np.zeros(len(dev)))[rows] = value
    pred = table[[f"pred_{f}" for f in FRAMES]].to_numpy()
    assert ((margin >= 0).astype(int) == pred).mean() > 0.999, "refit does not reproduce the oof predictions"
    for lang in ("ar", "en"):
        for j, frame in enumerate(FRAMES):
            m = (table["lang"] == lang).to_numpy()
            y = table[f"y_{frame}"].to_numpy()
            fp, fn = m & (pred[:, j] == 1) & (y == 0), m & (pred[:, j] == 0) & (y == 1)
            tp, tn = m & (pred[:, j] == 1) & (y == 1), m & (pred[:, j] == 0) & (y == 0)
            print(f"{lang} {frame} (FP {int(fp.sum())}, FN {int(fn.sum())}, TP {int(tp.sum())}): "
                  "errors put down to a group (FP / FN), and what taking it out would cost (TP lost / TN lost)")
            for (fr, name), c in contrib.items():
                if fr != frame:
                    continue
                without = margin[:, j] - c
                print(f"  {name:40s} FP {int((fp & (without < 0)).sum()):4d}  FN {int((fn & (without >= 0)).sum()):4d}"
                      f"  | TP lost {int((tp & (without < 0)).sum()):4d}  TN lost {int((tn & (without >= 0)).sum()):4d}")


def weights(frame: str, lang: str, top: int) -> None:
    """Strongest features of ``frame`` for rows of ``lang`` (fitted on all training rows with the
    shipped settings), with document counts and positive rates in written and real rows."""
    from framing.models.features import analyze
    from framing.models.model import make_pipeline

    train_rows, _ = load()
    rows = train_rows.assign(weight=np.where(train_rows["stratum"] == "written", 0.5, 1.0))
    pipeline = make_pipeline(**{"features__context_weight": None})
    features = pipeline.named_steps["features"]
    docs = [analyze(t, g) for t, g in zip(rows["text"], rows["lang"])]
    X = features.fit_transform(docs)
    y = label_matrix(rows, FRAMES)
    j = FRAMES.index(frame)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=4.0, max_iter=2000, solver="liblinear").fit(X, y[:, j], sample_weight=rows["weight"])
    names = features.get_feature_names_out()
    coef = model.coef_[0]
    mask = (rows["lang"] == lang).to_numpy()
    written = (rows["stratum"] == "written").to_numpy()
    real = rows["stratum"].isin(["random", "enriched"]).to_numpy()
    random_ = (rows["stratum"] == "random").to_numpy()
    present = (X > 0).tocsc()
    order = np.argsort(-coef)
    shown = 0
    print(f"{frame} ({lang}): feature, weight | written docs, positive rate | real docs, rate | random docs, rate")
    for k in order:
        col = present[:, k].toarray().ravel()
        if not (col & mask).any():
            continue
        cells = []
        for part in (written, real, random_):
            sel = col & mask & part
            cells.append(f"{int(sel.sum()):4d} {y[sel, j].mean() if sel.any() else float('nan'):.2f}")
        print(f"  {names[k]:28s} {coef[k]:+6.2f} | " + " | ".join(cells))
        shown += 1
        if shown >= top:
            break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["oof", "show", "classes", "weights", "attribute"])
    parser.add_argument("--candidate", default="frames: shipped settings")
    parser.add_argument("--out", type=Path, default=Path("/tmp/frames_errors"))
    parser.add_argument("--lang", default="en")
    parser.add_argument("--frame", default="skepticism", choices=FRAMES)
    parser.add_argument("--kind", default="fp", choices=["fp", "fn"])
    parser.add_argument("--n", type=int, default=90)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0, help="oof: fold split (0: the one realnews.py --dev uses)")
    args = parser.parse_args()
    if args.mode == "oof":
        oof(args.candidate, args.out, args.jobs, args.seed)
    elif args.mode == "classes":
        classes(args.out)
    elif args.mode == "attribute":
        attribute(args.out, args.jobs)
    elif args.mode == "show":
        show(args.out, args.lang, args.frame, args.kind, args.n)
    else:
        weights(args.frame, args.lang, args.top)


if __name__ == "__main__":
    main()
