"""Merge the two annotation passes of the real-news corpus (kept for the record).

Usage:
  python corpora/real/adjudicate.py prepare WORK_DIR LANG [--batch NAME]    # items the passes disagree on
  python corpora/real/adjudicate.py finalize WORK_DIR LANG [--batch NAME]   # write the stand-off corpus

``WORK_DIR`` (outside the project) holds ``{lang}.sample.jsonl`` and ``{lang}.items.jsonl`` from
``sample.py``, the passes in ``{lang}/passA`` and ``{lang}/passB`` and, after ``prepare``, the
adjudicator's decisions in ``{lang}/adjudicated.jsonl``. ``finalize`` writes
``corpora/real/{lang}.jsonl`` (stand-off: ids, offsets, SHA-1, labels, tone, stratum, split) and
the two passes' labels to ``corpora/real/passes/{lang}.{A,B}.jsonl``.

A later draw (``sample_more.py``) is labeled as a batch of its own: ``--batch en2`` reads
``WORK_DIR/en2.{sample,items}.jsonl`` and ``WORK_DIR/en2/{passA,passB,adjudicated.jsonl}``, and
``finalize`` adds its rows to ``corpora/real/{lang}.jsonl`` and the passes files, keeping every
earlier row as it is.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRAMES = ("threat", "diplomacy", "skepticism")
TONES = ("negative", "neutral", "positive")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _pass(folder: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for path in sorted(folder.glob("batch_*.jsonl")):
        for row in _rows(path):
            labels = sorted(set(row["labels"]))
            if not set(labels) <= set(FRAMES) or row["tone"] not in TONES:
                raise SystemExit(f"{path}: bad labels in {row}")
            out[row["id"]] = {"id": row["id"], "labels": labels, "tone": row["tone"]}
    return out


def prepare(work: Path, lang: str) -> None:
    """Write the items the two passes disagree on (``lang`` names the batch)."""
    a, b = _pass(work / lang / "passA"), _pass(work / lang / "passB")
    items = {row["id"]: row for row in _rows(work / f"{lang}.items.jsonl")}
    missing = set(items) - set(a) - set(b)
    if set(items) - set(a) or set(items) - set(b):
        raise SystemExit(f"{lang}: passes incomplete ({len(set(items) - set(a))} / {len(set(items) - set(b))} missing)")
    out = work / lang / "disagreements.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for item_id, item in items.items():
            if a[item_id]["labels"] != b[item_id]["labels"] or a[item_id]["tone"] != b[item_id]["tone"]:
                n += 1
                fh.write(json.dumps({**item, "option_1": {k: a[item_id][k] for k in ("labels", "tone")},
                                     "option_2": {k: b[item_id][k] for k in ("labels", "tone")}},
                                    ensure_ascii=False) + "\n")
    print(f"{lang}: {n} of {len(items)} items disagree -> {out} {missing or ''}")


def _merged(path: Path, rows: list[dict]) -> list[dict]:
    """The rows already in ``path`` (those not in ``rows``), then ``rows``."""
    ids = {row["id"] for row in rows}
    kept = [row for row in _rows(path) if row["id"] not in ids] if path.exists() else []
    return kept + rows


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def finalize(work: Path, lang: str, batch: str | None = None) -> None:
    """Write the stand-off corpus (and both passes) for ``batch`` (default: the first draw)."""
    batch = batch or lang
    a, b = _pass(work / batch / "passA"), _pass(work / batch / "passB")
    decided = {row["id"]: row for row in _rows(work / batch / "adjudicated.jsonl")}
    (HERE / "passes").mkdir(exist_ok=True)
    first = batch == lang
    for name, labels in (("A", a), ("B", b)):
        path = HERE / "passes" / f"{lang}.{name}.jsonl"
        _write(path, list(labels.values()) if first else _merged(path, list(labels.values())))
    rows = []
    for row in _rows(work / f"{batch}.sample.jsonl"):
        pa, pb = a[row["id"]], b[row["id"]]
        if pa["labels"] == pb["labels"] and pa["tone"] == pb["tone"]:
            final, how = pa, "agreed"
        else:
            final, how = decided[row["id"]], "adjudicated"
            if not set(final["labels"]) <= set(FRAMES) or final["tone"] not in TONES:
                raise SystemExit(f"bad adjudication {final}")
        rows.append({**row, "labels": sorted(final["labels"]), "tone": final["tone"], "decision": how})
    out = HERE / f"{lang}.jsonl"
    _write(out, rows if first else _merged(out, rows))
    print(f"{lang}: wrote {out} ({len(rows)} rows of batch {batch})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("prepare", "finalize"))
    parser.add_argument("work", type=Path)
    parser.add_argument("lang", choices=("ar", "en"))
    parser.add_argument("--batch", default=None, help="a later draw's batch name (e.g. en2)")
    args = parser.parse_args()
    if args.step == "prepare":
        prepare(args.work, args.batch or args.lang)
    else:
        finalize(args.work, args.lang, args.batch)


if __name__ == "__main__":
    main()
