"""Set aside the held-out test split of the frame corpus, one writing batch at a time.

    python corpora/make_splits.py corpora/frames/batch2

Reads a batch of newly written sentences (``BATCH/*.jsonl``) and appends them to
``corpora/frames/{en,ar}.{train,test}.jsonl``: 20% of each language goes to test, stratified by
label combination, with a fixed seed. Rows whose id is already in a split are skipped, so the
existing split never changes. The test files are never used for training or tuning.

History: batch 1 (3,838 sentences) was split on 2026-11-29 and its raw files removed;
batch 2 (sentences in the style of scraped articles) followed the same day.
"""

from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

FRAMES = Path(__file__).resolve().parent / "frames"
TEST_SHARE = 0.2
SEED = 20261129


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def split_batch(batch: Path) -> None:
    rows = []
    for path in sorted(batch.glob("*.jsonl")):
        rows += _read(path)
    rng = random.Random(SEED)
    for lang in ("en", "ar"):
        existing = {r["id"] for name in ("train", "test") for r in _read(FRAMES / f"{lang}.{name}.jsonl")}
        strata: dict[tuple, list] = defaultdict(list)
        for row in rows:
            if row["lang"] == lang and row["id"] not in existing:
                strata[tuple(sorted(row["labels"]))].append(row)
        added = {"train": [], "test": []}
        for key in sorted(strata):
            group = sorted(strata[key], key=lambda r: r["id"])
            rng.shuffle(group)
            k = round(len(group) * TEST_SHARE)
            added["test"] += group[:k]
            added["train"] += group[k:]
        for name, part in added.items():
            out = FRAMES / f"{lang}.{name}.jsonl"
            merged = sorted(_read(out) + part, key=lambda r: r["id"])
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in merged), "utf-8")
            print(f"{out.relative_to(FRAMES.parent.parent)}: +{len(part)} rows ({len(merged)} in all)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python corpora/make_splits.py BATCH_DIR")
    split_batch(Path(sys.argv[1]))
