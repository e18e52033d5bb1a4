"""Scale-out scoring on a Dask cluster: one input file (partition) in, one Parquet part out.

``score_partitions`` sends each input file to a worker, which scores its articles and writes
``OUT/part-<name>-<hash>.parquet`` atomically (temporary file, then rename), so a part that
exists is complete. Re-running skips finished parts: an interrupted job resumes where it
stopped. Without a scheduler address a local cluster is started (processes, one thread each).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from framing.errors import InputError


def part_name(path: str | Path) -> str:
    """Stable output name for an input file (its stem plus a hash of its absolute path)."""
    resolved = str(Path(path).resolve())
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(path).stem)[:60]
    return f"part-{stem}-{hashlib.sha1(resolved.encode()).hexdigest()[:10]}.parquet"


@lru_cache(maxsize=4)
def _model(model_path: str | None):
    from framing.models.model import FrameModel

    return FrameModel.load(model_path)


def score_partition(path: str, out_dir: str, model_path: str | None = None, outlet: str | None = None,
                    lang: str | None = None) -> tuple[str, int]:
    """Score every article of one input file and write its Parquet part; return (part, rows)."""
    import pandas as pd

    from framing.batch import flat_rows, score_files

    model = _model(model_path)
    parts = [a.sentences for a in score_files(model, [path], outlet=outlet, lang=lang)]
    if not parts:
        raise InputError(f"{path}: no article could be scored")
    table = flat_rows(pd.concat(parts, ignore_index=True))
    import json

    table["cues"] = table["cues"].map(lambda c: json.dumps(c, ensure_ascii=False))
    for column in ("article_id", "outlet", "date", "title", "source", "cue", "tone"):
        if column in table:
            table[column] = table[column].astype("string")
    target = Path(out_dir) / part_name(path)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=out_dir)
    os.close(fd)
    try:
        table.to_parquet(tmp, index=False)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(target), len(table)


def score_partitions(inputs: Sequence[str], out_dir: str | Path, model_path: str | None = None,
                     scheduler: str | None = None, workers: int = 2, outlet: str | None = None,
                     lang: str | None = None) -> dict[str, list]:
    """Score input files on Dask; returns ``{"written": [(part, rows)], "skipped": [part]}``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask needs dask.distributed: pip install 'framing[dask]'") from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    missing = [p for p in inputs if not Path(p).is_file()]
    if missing:
        raise InputError(f"{missing[0]}: no such file")
    todo = [p for p in inputs if not (out / part_name(p)).exists()]
    skipped = [part_name(p) for p in inputs if (out / part_name(p)).exists()]
    written: list = []
    if todo:
        cluster = None
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            client = Client(cluster)
        try:
            model = str(Path(model_path).resolve()) if model_path else None
            futures = [client.submit(score_partition, str(Path(p).resolve()), str(out.resolve()), model, outlet, lang,
                                     key=f"score-{part_name(p)}", pure=False) for p in todo]
            written = client.gather(futures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return {"written": written, "skipped": skipped}
