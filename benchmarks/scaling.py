"""Throughput and peak memory as the input grows; training time as the corpus grows.

Run:  .venv/bin/python benchmarks/scaling.py [--max 1000000]

`framing classify` on 1k, 10k, 100k and 1M real news lines (the ~9k public-dataset lines
repeated), each in a fresh process writing JSONL to /dev/null: wall time, lines/s and peak RSS
(classify streams in chunks, so memory should stay flat). Then `train` on growing subsets of our
corpus: wall time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import ROOT, real_news_lines  # noqa: E402

HARNESS = """
import resource, sys, time
from framing.cli import main
t = time.perf_counter()
code = main(["classify", sys.argv[1], "-o", "/dev/null"])
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def main() -> None:
    print("command: .venv/bin/python benchmarks/scaling.py")
    limit = int(sys.argv[sys.argv.index("--max") + 1]) if "--max" in sys.argv else 1_000_000
    lines = [" ".join(l.split()) for l in real_news_lines(10_000)]
    if not lines:
        print("skipped: public datasets not found")
        return
    print("\nframing classify (one process per size, output to /dev/null):")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1_000, 10_000, 100_000, 1_000_000):
            if n > limit:
                break
            path = Path(tmp) / f"{n}.txt"
            with path.open("w", encoding="utf-8") as fh:
                for i in range(n):
                    fh.write(lines[i % len(lines)] + "\n")
            out = subprocess.run([sys.executable, "-c", HARNESS, str(path)], capture_output=True, text=True, check=True)
            seconds, rss_kb = out.stdout.split()
            seconds = float(seconds)
            print(f"  {n:>9,} lines: {seconds:7.1f} s  {n / seconds:8,.0f} lines/s  peak RSS {int(rss_kb) / 1024:6.0f} MB", flush=True)
    from framing.codebook import Codebook
    from framing.io.corpora import read_corpus
    from framing.models.train import train

    corpus = read_corpus([ROOT / "corpora/frames/en.train.jsonl", ROOT / "corpora/frames/ar.train.jsonl"], Codebook.default())
    print("\ntraining (frames and tone, 5-fold CV inside):")
    for n in (500, 1000, 2000, len(corpus)):
        subset = corpus.sample(n=n, random_state=0) if n < len(corpus) else corpus
        t = time.perf_counter()
        train(subset, Codebook.default())
        print(f"  {n:>5} sentences: {time.perf_counter() - t:5.1f} s", flush=True)


if __name__ == "__main__":
    main()
