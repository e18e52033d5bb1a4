"""Speed-up of `framing score --engine dask` with 1 and 2 local workers.

Run:  .venv/bin/python benchmarks/dask_speedup.py

Builds 8 shards of 60 articles each from the demo corpus (corpora/demo, written by the project),
scores them into Parquet parts with 1 and then 2 worker processes (fresh output folders), and
prints wall times and the speed-up. Cluster start-up and model loading are included.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from framing.engine import score_partitions

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    print("command: .venv/bin/python benchmarks/dask_speedup.py")
    articles = [json.loads(l) for p in sorted((ROOT / "corpora" / "demo").glob("*.jsonl"))
                for l in p.read_text("utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as tmp:
        shards = []
        for k in range(8):
            rows = [{**a, "id": f"{k}-{a['id']}-{r}"} for r in range(1) for a in (articles * 4)[k * 60:(k + 1) * 60]]
            path = Path(tmp) / f"shard{k}.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
            shards.append(str(path))
        times = {}
        for workers in (1, 2):
            start = time.perf_counter()
            result = score_partitions(shards, Path(tmp) / f"out{workers}", workers=workers)
            times[workers] = time.perf_counter() - start
            rows = sum(n for _, n in result["written"])
            print(f"{workers} worker(s): {times[workers]:.1f} s for 8 shards, 480 articles, {rows} sentences")
        print(f"speed-up with 2 workers: {times[1] / times[2]:.2f}x (2-core machine; includes cluster start-up)")


if __name__ == "__main__":
    main()
