"""Join the real-news stand-off labels with the datasets' text: ``make corpus``.

Usage: python corpora/real/build.py OUT_DIR

Writes ``OUT_DIR/{lang}.train.jsonl`` (training split: random and enriched strata) and
``OUT_DIR/{lang}.test.jsonl`` (test split: random stratum only, never used to train or tune)
in our corpus format. Needs the datasets (``$FRAMING_DATASETS`` or ``../shared/datasets``); a
changed dataset text fails with the file and line of the stand-off record.

Each row also carries its context, as ``framing train`` and ``framing evaluate`` read it:
``previous`` and ``next`` (the neighbouring sentences of the same article in reading order, from
the pool the sample was drawn from: boilerplate and pieces under three words left out; "" at the
article's edges) and ``title`` (the article title, where the dataset has one).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pandas as pd

from framing.io.importers import standoff, write_corpus
from framing.schema import atomic_output

HERE = Path(__file__).resolve().parent
CONTEXT = ("previous", "next", "title")


def _sample_module():
    spec = importlib.util.spec_from_file_location("real_sample", HERE / "sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _key(dataset: str, doc_id: str, start: int) -> str:
    return f"{dataset}\t{doc_id}\t{int(start)}"


def pool_context(lang: str, root: str | None = None) -> dict[str, dict[str, str]]:
    """``{dataset\\tdoc_id\\tstart: {previous, next, title}}`` for every sentence of the
    language's pools (``sample.py``'s ``pool``, random then enriched sources)."""
    sample = _sample_module()
    pools = sample.POOLS[lang]
    seen: set[str] = set()
    rows = sample.pool(lang, pools["random"], root, seen)
    if pools["enriched"] != pools["random"]:
        rows += sample.pool(lang, pools["enriched"], root, seen)
    out: dict[str, dict[str, str]] = {}
    for i, row in enumerate(rows):
        after = rows[i + 1] if i + 1 < len(rows) else None
        following = after["text"] if after is not None and after["article_id"] == row["article_id"] else ""
        out.setdefault(_key(row["dataset"], row["doc_id"], row["start"]),
                       {"previous": row["previous"] or "", "next": following, "title": row["title"] or ""})
    return out


def with_context(frame: pd.DataFrame, path: Path, context: dict[str, dict[str, str]]) -> pd.DataFrame:
    """``frame`` (rows of the stand-off file ``path``) with the ``previous``, ``next`` and
    ``title`` columns ("" where the pool has no such sentence)."""
    where = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            where[rec["id"]] = _key(rec["dataset"], rec["doc_id"], rec["start"])
    found = [context.get(where.get(i, ""), {}) for i in frame["id"]]
    return frame.assign(**{col: [c.get(col, "") for c in found] for col in CONTEXT})


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("ar", "en"):
        path = HERE / f"{lang}.jsonl"
        frame = with_context(standoff(path), path, pool_context(lang))
        missing = int((frame["previous"].eq("") & frame["next"].eq("") & frame["title"].eq("")).sum())
        for split in ("train", "test"):
            part = frame[frame["split"] == split]
            with atomic_output(out / f"{lang}.{split}.jsonl") as fh:
                write_corpus(part, fh)
            print(f"{out / f'{lang}.{split}.jsonl'}: {len(part)} sentences, {part['article_id'].nunique()} articles")
        print(f"{lang}: context (previous/next/title) for {len(frame) - missing} of {len(frame)} rows")


if __name__ == "__main__":
    main()
