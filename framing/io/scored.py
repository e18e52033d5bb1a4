"""Read sentence tables written by ``framing score``, ``export`` or the Dask engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from framing.errors import InputError, NotScoredError
from framing.schema import SCORED_MARKERS, SCORES



def read_scored(path: str | Path) -> pd.DataFrame:
    """Read sentence rows written by ``framing score`` (Parquet, CSV or JSONL) or ``export``."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".txt", ".html", ".htm"):
        raise NotScoredError(f"{path}: an article file, not scored sentences; score it first")
    try:
        if suffix == ".parquet":
            frame = pd.read_parquet(path)
        elif suffix == ".csv":
            frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        elif suffix in (".jsonl", ".json"):
            frame = pd.read_json(path, lines=True)
        else:
            raise InputError(f"{path}: unsupported format {suffix}; use .parquet, .csv or .jsonl")
    except ValueError as exc:
        raise InputError(f"{path}: cannot read scored sentences ({exc})") from None
    missing = set(SCORED_MARKERS) - set(frame.columns)
    if missing:
        raise NotScoredError(f"{path}: not scored sentences (missing {', '.join(sorted(missing))}); score articles first")
    frame["labels"] = frame["labels"].map(_as_list)
    if SCORES in frame:  # JSONL rows keep scores nested
        scores = pd.json_normalize(frame[SCORES].map(lambda s: s or {}).tolist())
        for column in scores.columns:
            frame[column] = scores[column].to_numpy()
    return frame


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return value
    if hasattr(value, "tolist"):
        return list(value.tolist())
    if isinstance(value, str):
        return [v for v in value.split("|") if v]
    return []


def looks_scored(path: str | Path) -> bool:
    """True when ``path`` is a sentence table written by ``framing score``/``export`` (it has the
    scored-sentence columns), judged from its header or first record only."""
    import json

    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            columns = set(pq.read_schema(path).names)
        elif suffix in (".csv", ".tsv"):
            import csv

            with open(path, encoding="utf-8-sig", newline="") as handle:
                columns = set(next(csv.reader(handle, delimiter="\t" if suffix == ".tsv" else ","), []))
        elif suffix in (".jsonl", ".json"):
            with open(path, encoding="utf-8-sig") as handle:
                first = next((line for line in handle if line.strip()), "")
            record = json.loads(first) if first else {}
            columns = set(record) if isinstance(record, dict) else set()
        else:
            return False
    except (OSError, ValueError, UnicodeDecodeError, ImportError):
        return False  # unreadable here: the reader will name the problem
    return set(SCORED_MARKERS) <= columns


def refuse_scored(paths: Sequence[str | Path]) -> None:
    """:class:`InputError` when one of ``paths`` is already scored output, not articles."""
    for path in paths:
        if looks_scored(path):
            raise InputError(f"{path} is already scored output (sentence rows from `framing score`), not articles: "
                             f"compare it with `framing compare {path} --by outlet`, or score the original article files")
