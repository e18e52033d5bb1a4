"""Dask scale-out: a LocalCluster with 2 workers gives the same rows as single-process scoring."""

import json

import pandas as pd
import pytest

from framing.cli import main
from framing.engine import part_name
from conftest import write_jsonl

pytest.importorskip("distributed")


def shards(tmp_path):
    texts = [
        "The foreign ministers met in Doha to restore ties. Talks will resume next week.",
        "Missiles were fired at the border overnight. The army warned of further attacks.",
        "وقال مسؤول إن المحادثات ستستأنف الأسبوع المقبل. وأضاف أن الوفدين اتفقا على جدول الأعمال.",
        "Analysts doubt the official growth figures. Prices rose again in March.",
    ]
    paths = []
    for k in range(3):
        rows = [{"id": f"s{k}-{i}", "outlet": f"Outlet {k}", "date": "2024-05-01", "text": t} for i, t in enumerate(texts)]
        paths.append(write_jsonl(tmp_path / f"shard{k}.jsonl", rows))
    return paths


def test_dask_equals_single_process_and_resumes(tmp_path, small_model_path, capsys):
    paths = shards(tmp_path)
    out = tmp_path / "out"
    args = ["score", *map(str, paths), "--engine", "dask", "--workers", "2", "--model", str(small_model_path), "-o", str(out)]
    assert main(args) == 0
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) == 3
    dask_rows = pd.concat([pd.read_parquet(p) for p in parts]).sort_values(["article_id", "sentence_index"]).reset_index(drop=True)
    assert main(["score", *map(str, paths), "--model", str(small_model_path), "--format", "parquet", "-o", str(tmp_path / "one.parquet")]) == 0
    single = pd.read_parquet(tmp_path / "one.parquet").sort_values(["article_id", "sentence_index"]).reset_index(drop=True)
    assert len(dask_rows) == len(single) == 3 * 8
    for column in ("article_id", "sentence_index", "text", "lang", "threat", "diplomacy", "skepticism", "tone"):
        assert dask_rows[column].astype(str).tolist() == single[column].astype(str).tolist(), column
    capsys.readouterr()
    # resumable: finished parts are skipped; a missing part is redone
    (out / part_name(paths[1])).unlink()
    assert main(args) == 0
    assert "wrote 1 part(s)" in capsys.readouterr().err
    assert main(args) == 0
    assert "skipped 3 finished part(s)" in capsys.readouterr().err
