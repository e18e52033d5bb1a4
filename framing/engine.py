"""Scale-out scoring on a Dask cluster: one input file (partition) in, one Parquet part out.

``score_partitions`` sends each input file to a worker, which scores its articles and writes
``OUT/part-<name>-<hash>.parquet`` atomically (temporary file, then rename), so a part that
exists is complete. Re-running skips finished parts: an interrupted job resumes where it
stopped. Without a scheduler address a local cluster is started (processes, one thread each).
"""

from __future__ import annotations

import hashlib
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
def _scorer(model_path: str | None, actors_path: str | None):
    from framing.scoring import Scorer

    return Scorer.load(model_path, actors=actors_path)


def score_partition(path: str, out_dir: str, model_path: str | None = None, outlet: str | None = None,
                    lang: str | None = None, actors_path: str | None = None) -> tuple[str, int]:
    """Score every article of one input file and write its Parquet part; return (part, rows)."""
    import pandas as pd

    from framing.io.articles import score_files
    from framing.schema import SentenceWriter, atomic_output

    scorer = _scorer(model_path, actors_path)
    parts = [a.sentences for a in score_files(scorer, [path], outlet=outlet, lang=lang)]
    if not parts:
        raise InputError(f"{path}: no article could be scored")
    table = pd.concat(parts, ignore_index=True)
    target = Path(out_dir) / part_name(path)
    with atomic_output(target, binary=True) as out:
        writer = SentenceWriter(out, "parquet", scorer.frames)
        writer.write(table)
        writer.close()
    return str(target), len(table)


def score_partitions(inputs: Sequence[str], out_dir: str | Path, model_path: str | None = None,
                     scheduler: str | None = None, workers: int = 2, outlet: str | None = None,
                     lang: str | None = None, actors_path: str | None = None) -> dict[str, list]:
    """Score input files on Dask; returns ``{"written": [(part, rows)], "skipped": [part]}``.

    ``actors_path``: your own gazetteer file for the actors column (default: the shipped one).
    """
    if not out_dir:
        raise InputError("--engine dask writes Parquet parts: give -o/--output DIR")
    if workers < 1:
        raise InputError("--workers must be at least 1")
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask needs dask.distributed: pip install 'framing[dask]'") from None
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    missing = [p for p in inputs if not Path(p).is_file()]
    if missing:
        raise InputError(f"{missing[0]}: no such file")
    from framing.io.scored import refuse_scored

    refuse_scored(inputs)
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
            actors = str(Path(actors_path).resolve()) if actors_path else None
            futures = [client.submit(score_partition, str(Path(p).resolve()), str(out.resolve()), model, outlet, lang, actors,
                                     key=f"score-{part_name(p)}", pure=False) for p in todo]
            written = client.gather(futures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return {"written": written, "skipped": skipped}
