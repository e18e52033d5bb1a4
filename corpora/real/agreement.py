"""Agreement between the two annotation passes of the real-news corpus.

Usage: python corpora/real/agreement.py [--passes corpora/real/passes]

Reads ``{lang}.A.jsonl`` and ``{lang}.B.jsonl`` (``id``, ``labels``, ``tone``), prints Cohen's
kappa per frame and for tone, per language, with raw agreement and the number of items, as a
Markdown table (the one in ``corpora/real/README.md``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

FRAMES = ("threat", "diplomacy", "skepticism")
HERE = Path(__file__).resolve().parent


def read_pass(path: Path) -> dict[str, dict]:
    """``id -> {"labels", "tone"}`` of one pass file."""
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh) if row}


def agreement(a: dict[str, dict], b: dict[str, dict]) -> dict[str, dict]:
    """Kappa, raw agreement, positives per pass and item count, per frame and for tone."""
    ids = sorted(set(a) & set(b))
    out = {}
    for frame in FRAMES:
        ya = [int(frame in a[i]["labels"]) for i in ids]
        yb = [int(frame in b[i]["labels"]) for i in ids]
        out[frame] = {"kappa": cohen_kappa_score(ya, yb), "agree": sum(x == y for x, y in zip(ya, yb)) / len(ids),
                      "pos_a": sum(ya), "pos_b": sum(yb), "n": len(ids)}
    ta = [a[i]["tone"] for i in ids]
    tb = [b[i]["tone"] for i in ids]
    out["tone"] = {"kappa": cohen_kappa_score(ta, tb), "agree": sum(x == y for x, y in zip(ta, tb)) / len(ids),
                   "pos_a": None, "pos_b": None, "n": len(ids)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=Path, default=HERE / "passes")
    args = parser.parse_args()
    print("| language | label | items | pass A positives | pass B positives | raw agreement | Cohen's kappa |")
    print("|---|---|---|---|---|---|---|")
    for lang in ("ar", "en"):
        result = agreement(read_pass(args.passes / f"{lang}.A.jsonl"), read_pass(args.passes / f"{lang}.B.jsonl"))
        for label, r in result.items():
            pa = "" if r["pos_a"] is None else r["pos_a"]
            pb = "" if r["pos_b"] is None else r["pos_b"]
            print(f"| {lang} | {label} | {r['n']} | {pa} | {pb} | {r['agree']:.3f} | {r['kappa']:.3f} |")


if __name__ == "__main__":
    main()
