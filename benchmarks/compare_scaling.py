"""Time and peak memory of an outlet comparison as the corpus grows.

Run:  .venv/bin/python benchmarks/compare_scaling.py [--sizes 1000,10000,50000] [--n-boot 2000] [--n-perm 2000]

For each size, a fresh process builds scored sentences for that many articles (synthetic: three
outlets, eight sentences per article, three frames with outlet-specific rates, source types and
tone drawn at random; no model runs) and computes every table of ``framing compare --by outlet``
(``compare_report`` without writing files: prevalence, presence, permutation tests, tone,
trends, distinctive terms, who voices each frame and its tests, the most quoted speakers: a pool
of one speaker per two articles). Printed: wall time and peak
resident memory of the process. The bootstraps resample and the permutation tests shuffle in
blocks, so memory should grow with the corpus, not with resamples x articles.
"""

from __future__ import annotations

import subprocess
import sys

HARNESS = """
import resource, sys, time, warnings
import numpy as np, pandas as pd
from framing.analysis.report import compare_report

n, n_boot, n_perm = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(0)
frames = ["threat", "diplomacy", "skepticism"]
rates = {"Outlet A": (0.20, 0.10, 0.15), "Outlet B": (0.12, 0.15, 0.10), "Outlet C": (0.16, 0.12, 0.20)}
outlets = np.array(list(rates))[rng.integers(0, 3, n)]
rows = n * 8
article = np.repeat(np.arange(n), 8)
outlet = outlets[article]
probability = {f: rng.random(rows) * np.array([rates[o][k] for o in outlet]) * 2 for k, f in enumerate(frames)}
labels = [[f for f in frames if probability[f][i] > 0.5 * rates[outlet[i]][frames.index(f)] * 2 * 0.75] for i in range(rows)]
data = pd.DataFrame({"article_id": article.astype(str), "outlet": outlet, "lang": "en",
                     "date": pd.to_datetime("2024-01-01") + pd.to_timedelta(article % 365, unit="D"),
                     "text": ["word%d sentence about talks and missiles" % (i % 500) for i in range(rows)],
                     "labels": labels, **probability,
                     "tone": rng.choice(["negative", "neutral", "positive"], rows),
                     "source_type": rng.choice(["official", "expert", "media", "anonymous", "citizen", "other", None], rows)})
data["source_resolved"] = np.where(data["source_type"].notna(), np.char.add("Person ", rng.integers(0, max(100, n // 2), rows).astype(str)), None)
t = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    tables = compare_report(data, frames, n_boot=n_boot, n_perm=n_perm, seed=0)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(tables))
"""


def main() -> None:
    args = sys.argv[1:]
    sizes = [int(s) for s in (args[args.index("--sizes") + 1] if "--sizes" in args else "1000,10000,50000").split(",")]
    n_boot = args[args.index("--n-boot") + 1] if "--n-boot" in args else "2000"
    n_perm = args[args.index("--n-perm") + 1] if "--n-perm" in args else "2000"
    print("command: .venv/bin/python benchmarks/compare_scaling.py " + " ".join(args))
    print(f"compare_report tables (3 outlets, 3 frames, 8 sentences per article, {n_boot} resamples, {n_perm} permutations):")
    for n in sizes:
        done = subprocess.run([sys.executable, "-c", HARNESS, str(n), n_boot, n_perm], capture_output=True, text=True)
        if done.returncode:
            print(f"  {n:>7,} articles: failed\n{done.stderr[-2000:]}")
            continue
        seconds, rss_kb, _ = done.stdout.split()
        print(f"  {n:>7,} articles ({n * 8:>9,} sentences): {float(seconds):7.1f} s, peak RSS {int(rss_kb) / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
