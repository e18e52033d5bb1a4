"""Shared helpers for benchmarks: locating public datasets and real news lines.

Public datasets live outside the project (``../shared/datasets`` next to the checkout, or
``$FRAMING_DATASETS``); benchmarks that need them skip cleanly when they are absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def datasets_dir() -> Path | None:
    path = Path(os.environ.get("FRAMING_DATASETS", ROOT.parent / "shared" / "datasets"))
    return path if path.is_dir() else None


def real_news_lines(limit: int = 10_000) -> list[str]:
    """Real news sentences/lines, English and Arabic, from the public datasets (not shipped)."""
    base = datasets_dir()
    if base is None:
        return []
    en, ar = [], []
    template = base / "SemEval2023_Task3_EN" / "subtask3" / "train-labels-subtask-3.template"
    if template.exists():
        for line in template.read_text("utf-8").splitlines():
            parts = line.split("\t", 2)
            if len(parts) == 3 and parts[2].strip():
                en.append(parts[2].strip())
    mtsc = base / "NewsMTSC" / "train.jsonl"
    if mtsc.exists():
        for line in mtsc.read_text("utf-8").splitlines():
            en.append(json.loads(line)["sentence_normalized"])
    for path in sorted((base / "ArMPro").glob("ArMPro_multilabel_dev*.jsonl")) + sorted((base / "ArAIEval23_task1").glob("task1B_*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            obj = json.loads(line)
            text = obj.get("paragraph") or obj.get("text") or ""
            ar.extend(s.strip() for s in text.replace("؟", "؟\n").replace(". ", ".\n").splitlines() if len(s.strip()) > 20)
    half = limit // 2
    lines = en[:half] + ar[: limit - min(half, len(en))]
    return lines[:limit]
