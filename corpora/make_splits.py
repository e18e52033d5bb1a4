"""Set aside the held-out test split of the frame corpus (run once; kept for the record).

Reads the writers' batches in ``corpora/frames/raw/*.jsonl`` and writes
``corpora/frames/{en,ar}.{train,test}.jsonl``: 20% of each language goes to test, stratified
by label combination, with a fixed seed. The test files are never used for training or tuning.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "frames"
TEST_SHARE = 0.2
SEED = 20261129


def main() -> None:
    rows = []
    for path in sorted((HERE / "raw").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rng = random.Random(SEED)
    for lang in ("en", "ar"):
        strata: dict[tuple, list] = defaultdict(list)
        for row in rows:
            if row["lang"] == lang:
                strata[tuple(sorted(row["labels"]))].append(row)
        train, test = [], []
        for key in sorted(strata):
            group = strata[key]
            rng.shuffle(group)
            k = round(len(group) * TEST_SHARE)
            test += group[:k]
            train += group[k:]
        for name, part in (("train", train), ("test", test)):
            part.sort(key=lambda r: r["id"])
            out = HERE / f"{lang}.{name}.jsonl"
            out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), "utf-8")
            print(f"{out.relative_to(HERE.parent.parent)}: {len(part)} rows")


if __name__ == "__main__":
    main()
