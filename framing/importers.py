"""Readers for public labeled datasets, converted to our row format (design §4).

Data stays outside the project (``../shared/datasets/`` by default); these functions read it by
path. Each returns a DataFrame with ``id, text, lang, labels, tone, source`` columns.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd

from framing.errors import CorpusError, InputError

_NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_ARSARCASM_SENTIMENT = {"NEG": "negative", "NEU": "neutral", "POS": "positive"}


def _require(path: Path) -> Path:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return path


def newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC JSONL (MIT): a sentence's tone is its targets' polarity when they all agree;
    sentences whose targets disagree are left out (they have no single tone)."""
    path = _require(Path(path))
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            polarities = {_NEWSMTSC_POLARITY[t["polarity"]] for t in row["targets"]}
            text = row["sentence_normalized"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorpusError([f"{path}:{number}: not a NewsMTSC row ({exc.__class__.__name__})"]) from None
        if len(polarities) == 1:
            rows.append({"id": row.get("primary_gid", f"{path.name}:{number}"), "text": text, "lang": "en",
                         "labels": [], "tone": polarities.pop(), "source": "NewsMTSC"})
    return pd.DataFrame(rows)


def arsarcasm(path: str | Path) -> pd.DataFrame:
    """ArSarcasm-v2 CSV (MIT): tweets with sentiment POS/NEG/NEU (and sarcasm, dialect)."""
    path = _require(Path(path))
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"tweet", "sentiment"} <= set(reader.fieldnames):
            raise CorpusError([f"{path}:1: expected columns tweet,sentiment (got {reader.fieldnames})"])
        for row in reader:
            tone = _ARSARCASM_SENTIMENT.get(row["sentiment"])
            if tone is None or not row["tweet"].strip():
                raise CorpusError([f"{path}:{reader.line_num}: bad sentiment {row['sentiment']!r} or empty tweet"])
            rows.append({"id": f"arsarcasm-{reader.line_num}", "text": row["tweet"], "lang": "ar", "labels": [],
                         "tone": tone, "source": "ArSarcasm-v2"})
    return pd.DataFrame(rows)
