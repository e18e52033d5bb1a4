"""Join the real-news stand-off labels with the datasets' text: ``make corpus``.

Usage: python corpora/real/build.py OUT_DIR

Writes ``OUT_DIR/{lang}.train.jsonl`` (training split: random and enriched strata) and
``OUT_DIR/{lang}.test.jsonl`` (test split: random stratum only, never used to train or tune)
in our corpus format. Needs the datasets (``$FRAMING_DATASETS`` or ``../shared/datasets``); a
changed dataset text fails with the file and line of the stand-off record.
"""

from __future__ import annotations

import sys
from pathlib import Path

from framing.io.importers import standoff, write_corpus
from framing.schema import atomic_output

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("ar", "en"):
        frame = standoff(HERE / f"{lang}.jsonl")
        for split in ("train", "test"):
            part = frame[frame["split"] == split]
            with atomic_output(out / f"{lang}.{split}.jsonl") as fh:
                write_corpus(part, fh)
            print(f"{out / f'{lang}.{split}.jsonl'}: {len(part)} sentences, {part['article_id'].nunique()} articles")


if __name__ == "__main__":
    main()
