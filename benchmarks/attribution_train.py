"""Fit the learned speaker-span boundaries (``framing/data/attribution_spans.json``).

Run:  .venv/bin/python benchmarks/attribution_train.py [--check] [--lang en|ar]

Training data: the written attribution sets (``corpora/attribution/{en,ar}.jsonl``, our own text)
and the TUNING splits of the real-news attribution set (``dev`` and ``train``,
``corpora/real/attribution/*.jsonl``, joined with the datasets' text); the test split is never
read here. For every sentence where the rules
propose a named speaker, the candidate region is built as at run time
(:class:`framing.annotate.span_model.Region`) and each word token of it is an example for the
start scorer (label: the gold speaker starts there) and the end scorer. Sentences whose gold span
does not start and end on a token of the region give no example.

Settings (C, the region margin, the length prior, whether the written set is used and, for
English, whether its comma appositives are cut to match the real-news convention) are chosen by
5-fold cross-validation on dev + train grouped by article: each fold is predicted by a model fitted
on the other folds (plus the written set when used), and the exact-span F1 over all tuning
sentences is compared with the rules' spans on the same sentences, with a paired 95% bootstrap
interval over articles. The rules were tuned on dev and train, so the rules' figure is
optimistic; the test split (``benchmarks/attribution.py --split test``) is the honest comparison. ``--check`` refits and fails when the shipped file differs (reproducibility).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from attribution import REAL, trim  # noqa: E402

from framing.annotate import attribution as attr  # noqa: E402
from framing.annotate.span_model import DATA_FILE, Region, SpanModel  # noqa: E402
from framing.annotate.spans import clean, locate  # noqa: E402
from framing.io.standoff import datasets_dir, join  # noqa: E402

OUT = ROOT / "framing" / "data" / DATA_FILE
FOLDS = 5
GRID = {"C": (0.3, 1.0), "margin": (4, 6), "length": (0.0, 1.0), "written": ("no", "yes", "cut"), "noise": (0.0,), "anchor": ("yes", "no")}
MAX_LEN = 16


class Item:
    """One sentence: the text the rules see, the rules' proposal (span and cue) and the gold span,
    all in the same (cleaned) coordinates."""

    __slots__ = ("text", "rule", "cue", "gold", "group", "source", "named")

    def __init__(self, text, rule, cue, gold, group, source, named):
        self.text, self.rule, self.cue, self.gold = text, rule, cue, gold
        self.group, self.source, self.named = group, source, named


def _to_clean(cleaned, span):
    """An original-text span in the cleaned text's coordinates."""
    if span is None or cleaned.offsets is None:
        return span
    start, end = span
    inside = [k for k, o in enumerate(cleaned.offsets) if start <= o < end]
    return (inside[0], inside[-1] + 1) if inside else None


def proposal(text: str, lang: str):
    """What the rules propose for ``text``: (seen text, span, cue position, named?)."""
    cleaned = clean(text)
    seen = attr._blank_dateline(cleaned.text, lang)
    found = attr._attribute_ar(seen) if lang == "ar" else attr._attribute_en(seen)
    if found.source is None:
        return cleaned, seen, None, None, False
    where = found.span or locate(seen, found.source)
    if where is None:
        return cleaned, seen, None, None, False
    named = found.form == "named" and found.cue not in (None, ":")
    cue = _cue_position(seen, found.cue, where) if named else None
    return cleaned, seen, where, cue, named


def _cue_position(text: str, cue: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``cue`` in ``text`` nearest the speaker span, outside it."""
    from framing.annotate.span_model import cue_position

    return cue_position(text, cue, span)


def real_items(lang: str) -> list[Item]:
    items = []
    for r in join(REAL / f"{lang}.jsonl"):
        if r["split"] not in ("dev", "train"):
            continue  # the test split is never read for training or settings
        cleaned, seen, where, cue, named = proposal(r["text"], lang)
        gold = _to_clean(cleaned, trim(r["text"], r.get("speaker")))
        items.append(Item(seen, where, cue, gold, r["article_id"], "dev", named))
    return items


def written_items(lang: str, mode: str) -> list[Item]:
    items = []
    path = ROOT / "corpora" / "attribution" / f"{lang}.jsonl"
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("carried") or (r["source"] and r["source"] not in r["text"]):
            continue  # the speaker is named in the context sentence, not here
        cleaned, seen, where, cue, named = proposal(r["text"], lang)
        gold = None
        if r["source"]:
            at = locate(r["text"], r["source"], where[0] if where else None)
            gold = _to_clean(cleaned, trim(r["text"], at))
            if gold and mode == "cut" and lang == "en":
                comma = seen.find(",", gold[0], gold[1])
                if comma > gold[0]:
                    gold = trim(seen, (gold[0], comma))  # the real-news convention: no comma appositive
        items.append(Item(seen, where, cue, gold, "w:" + r["id"], "written", named))
    return items


def _shifted(it: Item, lang: str, seed: int) -> tuple[int, int] | None:
    """The rules' span with one boundary moved by one to three words (a simulated rule error)."""
    rng = np.random.default_rng(seed)
    region = Region(it.text, it.rule, it.cue, lang, 3)
    words = region.candidates
    if len(words) < 2:
        return None
    first = min((i for i in words if i >= region.first), default=None)
    last = max((i for i in words if i <= region.last), default=None)
    if first is None or last is None:
        return None
    a, b = words.index(first), words.index(last)
    step = int(rng.integers(1, 4)) * (1 if rng.random() < 0.5 else -1)
    if rng.random() < 0.5:
        a = min(max(0, a + step), b)
    else:
        b = max(min(len(words) - 1, b + step), a)
    span = (region.tokens[words[a]][0], region.tokens[words[b]][1])
    return span if span != it.rule else None


def examples(items: list[Item], lang: str, margin: int, which: str, noise: float = 0.0, anchor: bool = True):
    """Feature dicts and labels of every candidate token of the items whose gold is on the region.
    ``noise``: that share of the items is added again with the rules' span shifted (the model
    learns to check the proposal against the words, as on sentences the rules were not tuned on).
    ``anchor``: False leaves out the features of the place relative to the rules' boundaries."""
    X, y = [], []
    lengths = []
    proposals = []
    for n, it in enumerate(items):
        if not it.named or it.gold is None or it.cue is None:
            continue
        proposals.append((it, it.rule))
        if noise and np.random.default_rng(n).random() < noise:
            shifted = _shifted(it, lang, n)
            if shifted:
                proposals.append((it, shifted))
    for it, rule in proposals:
        region = Region(it.text, rule, it.cue, lang, margin)
        starts = {region.tokens[i][0]: i for i in region.candidates}
        ends = {region.tokens[i][1]: i for i in region.candidates}
        s, e = starts.get(it.gold[0]), ends.get(it.gold[1])
        if s is None or e is None or e < s:
            continue
        if rule is it.rule:
            lengths.append(e - s + 1)
        target = s if which == "start" else e
        for i in region.candidates:
            X.append({f"{name}={value}": 1 for name, value in region.features(i, which) if anchor or not name.startswith("r")})
            y.append(int(i == target))
    return X, y, lengths


def fit(items: list[Item], lang: str, C: float, margin: int, length_weight: float, noise: float = 0.0, anchor: str = "yes") -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    model: dict = {}
    lengths = []
    for which in ("start", "end"):
        X, y, lengths = examples(items, lang, margin, which, noise, anchor == "yes")
        vec = DictVectorizer()
        matrix = vec.fit_transform(X)
        lr = LogisticRegression(C=C, max_iter=3000)
        lr.fit(matrix, y)
        weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if abs(w) >= 5e-4}
        model[which] = {"bias": round(float(lr.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}
    counts = Counter(lengths)
    total = sum(counts.values()) + MAX_LEN
    model["margin"] = margin
    model["length"] = [round(length_weight * math.log((counts.get(n, 0) + 1) / total), 4) for n in range(1, MAX_LEN + 1)]
    model["examples"] = len(lengths)
    return model


def predict(model: SpanModel, it: Item, lang: str):
    if not it.named or it.cue is None:
        return it.rule
    return model.refine(it.text, it.rule, it.cue, lang)


def counts(items: list[Item], spans) -> np.ndarray:
    out = np.zeros(3)
    for it, span in zip(items, spans):
        gold, pred = it.gold, trim(it.text, span)
        same = gold is not None and gold == pred
        out += (same, pred is not None and not same, gold is not None and not same)
    return out


def f1(c: np.ndarray) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c.sum() else float("nan")


def folds(items: list[Item]) -> list[int]:
    """Fold of each dev item: articles in sorted order, dealt round-robin after a seeded shuffle."""
    groups = sorted({it.group for it in items})
    rng = np.random.default_rng(0)
    order = rng.permutation(len(groups))
    fold_of = {groups[k]: n % FOLDS for n, k in enumerate(order)}
    return [fold_of[it.group] for it in items]


def params(lang_models: dict, margin: int) -> dict:
    return {"margin": margin, "max_len": MAX_LEN, "languages": lang_models}


def cross_validate(dev: list[Item], written: dict[str, list[Item]], lang: str, setting: dict) -> list:
    """The spans each tuning item gets from a model fitted without its fold."""
    fold = folds(dev)
    spans = [None] * len(dev)
    extra = written[setting["written"]]
    for k in range(FOLDS):
        train = [it for it, f in zip(dev, fold) if f != k] + extra
        model = SpanModel(params({lang: fit(train, lang, setting["C"], setting["margin"], setting["length"], setting.get("noise", 0.0), setting.get("anchor", "yes"))}, setting["margin"]))
        for n, (it, f) in enumerate(zip(dev, fold)):
            if f == k:
                spans[n] = predict(model, it, lang)
    return spans


def nested_cross_validate(dev: list[Item], written: dict[str, list[Item]], lang: str, settings: list[dict]) -> tuple[list, list]:
    """Nested grouped CV: for each outer fold the setting is chosen by a grouped CV on the other
    folds only, then fitted on them and applied to the held-out fold. Returns the spans and the
    setting chosen for each fold (the selection never sees the fold it is scored on)."""
    fold = folds(dev)
    spans = [None] * len(dev)
    chosen = []
    for k in range(FOLDS):
        inner = [it for it, f in zip(dev, fold) if f != k]
        scores = []
        for setting in settings:
            if setting["written"] not in written:
                continue
            scores.append((round(f1(counts(inner, cross_validate(inner, written, lang, setting))), 6), setting))
        best = max(scores, key=lambda r: r[0])[1]
        chosen.append(best)
        model = SpanModel(params({lang: fit(inner + written[best["written"]], lang, best["C"], best["margin"], best["length"],
                                            best.get("noise", 0.0), best.get("anchor", "yes"))}, best["margin"]))
        for n, (it, f) in enumerate(zip(dev, fold)):
            if f == k:
                spans[n] = predict(model, it, lang)
    return spans, chosen


def paired_difference(items: list[Item], model_spans, rule_spans, n_boot: int = 2000) -> tuple[float, float, float]:
    """Exact-F1 of the model's spans minus the rules', with a 95% paired bootstrap interval over
    articles."""
    groups = sorted({it.group for it in items})
    gi = {g: i for i, g in enumerate(groups)}
    per = np.zeros((2, len(groups), 3))
    for it, m, r in zip(items, model_spans, rule_spans):
        per[0, gi[it.group]] += counts([it], [m])
        per[1, gi[it.group]] += counts([it], [r])
    weights = np.random.default_rng(0).multinomial(len(groups), np.full(len(groups), 1 / len(groups)), size=n_boot)

    def f1v(c):
        return 2 * c[..., 0] / (2 * c[..., 0] + c[..., 1] + c[..., 2])

    reps = f1v(weights @ per[0]) - f1v(weights @ per[1])
    lo, hi = np.percentile(reps, [2.5, 97.5])
    return float(f1v(per[0].sum(0)) - f1v(per[1].sum(0))), float(lo), float(hi)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="refit and compare with the shipped file")
    parser.add_argument("--cv-only", action="store_true", help="print the grouped-CV comparison, write nothing")
    parser.add_argument("--lang", choices=("en", "ar"), default=None)
    parser.add_argument("--nested", action="store_true", help="with --cv-only: also a nested grouped CV (the setting chosen inside each outer fold)")
    args = parser.parse_args()
    if not datasets_dir().is_dir():
        sys.exit(f"{datasets_dir()} not found: the real-news tuning splits are needed to fit the span model")
    switch = getattr(attr, "learned_spans", lambda enabled: None)
    previous = switch(False)
    try:
        languages = {}
        for lang in [args.lang] if args.lang else ["en", "ar"]:
            dev = real_items(lang)
            written = {"no": [], "yes": written_items(lang, "yes"), "cut": written_items(lang, "cut")}
            if lang == "ar":
                written.pop("cut")  # Arabic gold keeps "title، Name": nothing to cut
            rule_spans = [it.rule for it in dev]
            rules = f1(counts(dev, rule_spans))
            print(f"{lang}: {len(dev)} tuning sentences, {len({it.group for it in dev})} articles; rules exact F1 {rules:.3f}", flush=True)
            results = []
            for values in itertools.product(*GRID.values()):
                setting = dict(zip(GRID, values))
                if setting["written"] not in written:
                    continue
                spans = cross_validate(dev, written, lang, setting)
                score = f1(counts(dev, spans))
                results.append((score, setting, spans))
                print(f"{lang} CV exact F1 {score:.3f}  {setting}", flush=True)
            # ties: the simpler setting (smaller C, narrower region, no noise) comes first in the grid
            best_score, best, spans = max(results, key=lambda r: round(r[0], 6))
            diff = paired_difference(dev, spans, rule_spans)
            print(f"{lang}: rules on dev+train (tuned on them) {rules:.3f}; best grouped-CV {best_score:.3f} with {best}; "
                  f"model minus rules {diff[0]:+.3f} [{diff[1]:+.3f}, {diff[2]:+.3f}] (the best setting was chosen on these folds)")
            if args.cv_only and args.nested:
                settings = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
                nested, chosen = nested_cross_validate(dev, written, lang, [x for x in settings if x["anchor"] == "yes"])
                diff = paired_difference(dev, nested, rule_spans)
                print(f"{lang}: nested grouped-CV exact F1 {f1(counts(dev, nested)):.3f}; model minus rules {diff[0]:+.3f} "
                      f"[{diff[1]:+.3f}, {diff[2]:+.3f}]; settings chosen per fold: {chosen}")
            if args.cv_only:
                continue
            model = fit(dev + written[best["written"]], lang, best["C"], best["margin"], best["length"], best["noise"], best["anchor"])
            model["settings"] = best
            model["cv_exact_f1"] = round(best_score, 4)
            model["rules_exact_f1"] = round(rules, 4)
            languages[lang] = model
        out = params(languages, 6)
    finally:
        switch(previous)
    if args.cv_only:
        return
    text = json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print("shipped weights reproduced" if same else "shipped weights DIFFER from a refit")
        sys.exit(0 if same else 1)
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text.encode()) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
