"""Could a learned model place speaker-span boundaries better than the rules? (issue 14)

Run:  .venv/bin/python benchmarks/attribution_learned.py [--lang en|ar] [--folds 5]

The rules find the cue and a speaker; on held-out real news the spans they find are often right
in place but wrong at the edges (test split: exact F1 0.778 / partial 0.856 in English, 0.585 /
0.754 in Arabic, so about 91% and 78% of the overlapping spans are exact). This benchmark asks
whether a span ranker learned from our labels does better at the edges than the rules do on
articles they were not written on.

For every tuning-split sentence (dev + train; the test splits are never read) where the rules'
speaker overlaps the gold speaker, candidate spans are every run of up to 12 tokens within 10
tokens of the rules' cue and span that does not cross the cue. Each candidate is described by
its edge words and their neighbours (Arabic: also light stems, clitic prefixes, last two
letters), its side of the cue and the words between, its length, and what it contains (commas,
quotation marks, "and"). A logistic regression scores the candidates and the best one is the
prediction. It never sees the rules' span, so its figure is an out-of-sample one: grouped
5-fold CV by article. ``+ written`` also trains on the written attribution sets
(``corpora/attribution/``), never scored; ``+ rules span`` also sees which candidate is the
rules' span (it learns to copy it, from sentences where the rules are in-sample).

Printed per language: the share of items whose span the ranker gets exactly right, for each C,
with a 95% bootstrap interval over articles; beside it the rules' share on the same items,
which is in-sample (the rules were written on these sentences) and so only an upper bound.
The rules' held-out share to compare with is exact F1 / partial F1 on the test split (the
predicted and gold counts are the same for both, so the ratio is the share of overlapping
spans that are exact): 0.909 in English and 0.776 in Arabic (``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from attribution import (REAL, ROOT, _title, _weights, fmt, in_split, join, load_articles,  # noqa: E402
                         predict, ratio_interval, trim)

from framing.annotate.attribution import attribute, attribute_sentences  # noqa: E402
from framing.io.standoff import datasets_dir  # noqa: E402
from framing.text.tokenize import arabic_stem  # noqa: E402

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_AR_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
WINDOW, MAX_TOKENS = 10, 12


def _norm(word: str, lang: str) -> str:
    return word.lower() if lang == "en" else word.translate(_AR_FOLD)


def _is_word(token: str) -> bool:
    return bool(re.match(r"\w", token))


def _word_features(name: str, word: str | None, lang: str, out: dict) -> None:
    if word is None:
        out[name + ":edge"] = 1
        return
    if not _is_word(word):
        out[name + ":punct=" + word] = 1
        return
    norm = _norm(word, lang)
    out[name + "=" + norm] = 1
    if lang == "en":
        out[name + ":shape=" + ("Cap" if word[0].isupper() else "low" if word.isalpha() else "num")] = 1
        out[name + ":suffix=" + norm[-3:]] = 1
    else:
        out[name + ":stem=" + arabic_stem(norm)] = 1
        out[name + ":clitic=" + next((p for p in _AR_CLITICS if norm.startswith(p) and len(norm) > len(p) + 2), "")] = 1
        out[name + ":suffix=" + norm[-2:]] = 1


def _cue_tokens(text: str, tokens: list[tuple[int, int]], cue: str, span: tuple[int, int]):
    """Token indexes of the occurrence of ``cue`` nearest the rules' speaker span."""
    best = None
    for m in re.finditer(re.escape(cue), text):
        distance = min(abs(m.start() - span[1]), abs(span[0] - m.end()))
        if best is None or distance < best[0]:
            best = (distance, m.start(), m.end())
    if best is None:
        return None
    inside = [i for i, (a, b) in enumerate(tokens) if a < best[2] and best[1] < b]
    return (inside[0], inside[-1]) if inside else None


def candidates(text: str, cue: str | None, span: tuple[int, int] | None, lang: str) -> list[tuple[tuple[int, int], dict]]:
    """Candidate speaker spans around the rules' cue and span, each with its features."""
    if not cue or span is None:
        return []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [text[a:b] for a, b in tokens]
    cue_at = _cue_tokens(text, tokens, cue, span)
    inside = [i for i, (a, b) in enumerate(tokens) if a < span[1] and span[0] < b]
    if cue_at is None or not inside:
        return []
    lo = max(0, min(inside[0], cue_at[0]) - WINDOW)
    hi = min(len(tokens) - 1, max(inside[-1], cue_at[1]) + WINDOW)
    cue_word = _norm(cue.split()[0], lang)
    out = []
    for i in range(lo, hi + 1):
        if not _is_word(words[i]):
            continue
        for j in range(i, min(hi, i + MAX_TOKENS - 1) + 1):
            if i <= cue_at[1] and cue_at[0] <= j:
                break
            if not _is_word(words[j]):
                continue
            side = "before" if j < cue_at[0] else "after"
            between = words[j + 1:cue_at[0]] if side == "before" else words[cue_at[1] + 1:i]
            inner = words[i:j + 1]
            length = min(j - i + 1, 8)
            f = {"bias": 1, "side=" + side: 1, f"gap={min(len(between), 4)}|{side}": 1,
                 "between=" + " ".join(_norm(w, lang) for w in between[:4]) + "|" + side: 1,
                 f"length={length}": 1, f"length={length}|{side}": 1, "cue=" + cue_word + "|" + side: 1,
                 "commas": sum(w in ",،" for w in inner), "quote": int(any(w in "\"“”«»'" for w in inner)),
                 "paren": int(any(w in "()" for w in inner)), "colon": int(":" in inner),
                 "and": int(any(_norm(w, lang) in ("and", "و") for w in inner))}
            for w in inner:
                if _is_word(w):
                    f["in=" + _norm(w, lang)] = f.get("in=" + _norm(w, lang), 0) + 1
            for name, k in (("first", i), ("last", j), ("before", i - 1), ("after", j + 1), ("before2", i - 2), ("after2", j + 2)):
                _word_features(name, words[k] if 0 <= k < len(words) else None, lang, f)
            f["rules' span"] = int((tokens[i][0], tokens[j][1]) == span)
            out.append(((tokens[i][0], tokens[j][1]), f))
    return out


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def real_items(lang: str) -> list[tuple]:
    """(article, gold span, rules' span, candidates) for tuning sentences whose rules' speaker overlaps the gold one."""
    records = [r for r in join(REAL / f"{lang}.jsonl") if in_split(r, "tuning")]
    docs, articles = load_articles(records)
    items = []
    for r in records:
        got = predict(r, articles.get(r["article_id"], []), lang, _title(docs, r))
        gold, pred = trim(r["text"], r.get("speaker")), trim(r["text"], got.span)
        if _overlap(gold, pred):
            items.append((r["article_id"], gold, pred, candidates(r["text"], got.cue, got.span, lang)))
    return [item for item in items if item[3]]


def written_items(lang: str) -> list[tuple]:
    """The same for the written attribution sets (training only)."""
    items = []
    for line in (ROOT / "corpora" / "attribution" / f"{lang}.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        at = row["text"].find(row["source"]) if row.get("source") else -1
        if at < 0:
            continue
        got = (attribute_sentences([row["context"], row["text"]], [lang, lang])[-1] if row["context"]
               else attribute(row["text"], lang))
        gold, pred = (at, at + len(row["source"])), trim(row["text"], got.span)
        if _overlap(gold, pred):
            items.append(("written", gold, pred, candidates(row["text"], got.cue, got.span, lang)))
    return [item for item in items if item[3]]


def cross_validate(items: list[tuple], extra: list[tuple], C: float, folds: int, seed: int = 0,
                   rules_feature: bool = False) -> np.ndarray:
    """Per item: (ranker exact, rules exact), the ranker trained on the other folds' articles (+ extra);
    ``rules_feature``: the ranker also sees whether a candidate is the rules' span."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    groups = sorted({item[0] for item in items})
    np.random.default_rng(seed).shuffle(groups)
    fold = {g: i % folds for i, g in enumerate(groups)}
    hits = np.zeros((len(items), 2), dtype=bool)
    for k in range(folds):
        train = [item for item in items if fold[item[0]] != k] + extra
        def shown(f):
            return f if rules_feature else {k: v for k, v in f.items() if k != "rules' span"}
        X = [shown(f) for _, _, _, cands in train for _, f in cands]
        y = [span == gold for _, gold, _, cands in train for span, _ in cands]
        vectorizer = DictVectorizer()
        model = LogisticRegression(C=C, max_iter=2000).fit(vectorizer.fit_transform(X), y)
        for n, (_, gold, pred, cands) in enumerate(items):
            if fold[items[n][0]] != k:
                continue
            scores = model.decision_function(vectorizer.transform([shown(f) for _, f in cands]))
            hits[n] = (cands[int(np.argmax(scores))][0] == gold, pred == gold)
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("en", "ar"), action="append")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not datasets_dir().is_dir():
        print(f"skipped: {datasets_dir()} not found")
        return
    for lang in args.lang or ["en", "ar"]:
        items, extra = real_items(lang), written_items(lang)
        groups = sorted({item[0] for item in items})
        index = {g: i for i, g in enumerate(groups)}
        weights = _weights(len(groups))
        reachable = np.mean([any(span == gold for span, _ in cands) for _, gold, _, cands in items])
        print(f"\n{lang}: {len(items)} tuning sentences whose rules' speaker overlaps the gold one, {len(groups)} articles; "
              f"gold span among the candidates: {reachable:.3f}; written items for training: {len(extra)}")
        runs = [(False, False, C) for C in (0.3, 1.0, 3.0)] + [(True, False, C) for C in (0.3, 1.0, 3.0)] + [(False, True, 1.0)]
        for with_written, rules_feature, C in runs:
            hits = cross_validate(items, extra if with_written else [], C, args.folds, rules_feature=rules_feature)
            counts = np.zeros((len(groups), 2, 2))
            for (article, *_), hit in zip(items, hits):
                counts[index[article], :, 0] += hit
                counts[index[article], :, 1] += 1
            label = f"ranker{' + written' if with_written else ''}{' + rules span' if rules_feature else ''}, C={C}"
            print(f"  {label:40s} exact {fmt(ratio_interval(counts[:, 0], weights))}   "
                  f"rules, in-sample {fmt(ratio_interval(counts[:, 1], weights))}")


if __name__ == "__main__":
    main()
