"""Source types of this tree against another checkout's, paired, on the real-news attribution set.

Run:  .venv/bin/python benchmarks/source_types_paired.py --against DIR [--split tuning|dev|train|test|test2|test3] [--lang en|ar]

``DIR`` is another checkout of the repository (e.g. ``git worktree add /tmp/old <commit>``): its
``framing`` package groups the same gold speakers (guide §11; the span of a named speaker, the
antecedent of a pronoun or implicit one) in a child process, this tree's package in this one.
Where the other tree's ``source_type`` takes no article context, it is called without it. Printed:
accuracy and macro-F1 over the six groups for both, and their paired differences with 95%
intervals from one bootstrap over articles (``benchmarks/attribution.py``'s weights); then the
majority-class baseline (the tuning split's most common group for every speaker) on the same items.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import attribution as bench  # noqa: E402  (the attribution benchmark's joins and bootstrap)

from framing.annotate.source_types import source_type  # noqa: E402

_CHILD = """
import inspect, json, sys
from framing.annotate.source_types import source_type
items = json.load(open(sys.argv[1], encoding="utf-8"))
takes_context = "context" in inspect.signature(source_type).parameters
out = [source_type(s, lang, None, context) if takes_context else source_type(s, lang) for s, lang, context in items]
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
"""


def items(lang: str, split: str) -> list[tuple[dict, str, list[str]]]:
    """(record, gold speaker, the article's lines up to the record's) for records with a gold source type."""
    records = [r for r in bench.join(bench.REAL / f"{lang}.jsonl") if bench.in_split(r, split) and r.get("source_type")]
    docs, articles = bench.load_articles(records)
    return [(r, bench.gold_source(r, docs), bench.article_lines(r, articles.get(r["article_id"], []), bench._title(docs, r)))
            for r in records]


def other_tree(rows: list[tuple[dict, str, list[str]]], lang: str, tree: Path) -> list[str | None]:
    """The other checkout's groups for the same speakers, from a child process importing its package."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "items.json", Path(tmp) / "groups.json"
        src.write_text(json.dumps([(s, lang, c) for _, s, c in rows], ensure_ascii=False), "utf-8")
        env = {**os.environ, "PYTHONPATH": str(tree)}
        subprocess.run([sys.executable, "-c", _CHILD, str(src), str(dst)], check=True, env=env, cwd=tree)
        return json.loads(dst.read_text("utf-8"))


def counts(rows, predicted, groups: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Per article: (right, items) and, per group, (tp, fp, fn)."""
    right = np.zeros((len(groups), 2))
    per_group = np.zeros((len(groups), len(bench.SOURCE_GROUPS), 3))
    for (r, _, _), got in zip(rows, predicted):
        g, want = groups[r["article_id"]], r["source_type"]
        right[g] += (got == want, 1)
        for k, group in enumerate(bench.SOURCE_GROUPS):
            per_group[g, k] += (got == group == want, got == group != want, want == group != got)
    return right, per_group


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, type=Path, help="another checkout of the repository")
    parser.add_argument("--split", choices=("dev", "train", "tuning", "test", "test2", "test3", "all"), default="tuning")
    parser.add_argument("--lang", choices=("en", "ar"), default=None)
    args = parser.parse_args()
    if not (args.against / "framing" / "annotate" / "source_types.py").is_file():
        parser.error(f"{args.against}: not a checkout of this repository (no framing/annotate/source_types.py)")
    print("command: .venv/bin/python benchmarks/source_types_paired.py " + " ".join(sys.argv[1:]))
    for lang in [args.lang] if args.lang else ["en", "ar"]:
        rows = items(lang, args.split)
        if not rows:
            print(f"\n{lang}, {args.split}: no items")
            continue
        groups = {a: i for i, a in enumerate(sorted({r["article_id"] for r, _, _ in rows}))}
        ours = [source_type(s, lang, None, c) for _, s, c in rows]
        theirs = other_tree(rows, lang, args.against)
        (r0, g0), (r1, g1) = counts(rows, theirs, groups), counts(rows, ours, groups)
        w = bench._weights(len(groups))
        print(f"\n{lang}, {args.split}: {len(rows)} gold speakers in {len(groups)} articles; {args.against} -> this tree")
        for name, before, after, reps in (
                ("accuracy", r0[:, 0].sum() / r0[:, 1].sum(), r1[:, 0].sum() / r1[:, 1].sum(),
                 (w @ r1[:, 0]) / (w @ r1[:, 1]) - (w @ r0[:, 0]) / (w @ r0[:, 1])),
                ("macro-F1", bench.macro_f1(g0.sum(0)), bench.macro_f1(g1.sum(0)),
                 bench.macro_f1(np.einsum("ba,agk->bgk", w, g1)) - bench.macro_f1(np.einsum("ba,agk->bgk", w, g0)))):
            lo, hi = np.nanpercentile(reps, [2.5, 97.5])
            print(f"  {name:10s} {before:.3f} -> {after:.3f}, difference {after - before:+.3f} [{lo:+.3f}, {hi:+.3f}]")
        # the baseline any grouping must beat: the tuning split's most common group for every speaker
        tuning = Counter(r["source_type"] for r in bench.join(bench.REAL / f"{lang}.jsonl")
                         if bench.in_split(r, "tuning") and r.get("source_type"))
        majority = tuning.most_common(1)[0][0]
        rm, gm = counts(rows, [majority] * len(rows), groups)
        print(f"  majority class ({majority!r} for every speaker): accuracy {bench.fmt(bench.ratio_interval(rm, w))}, "
              f"macro-F1 {bench.fmt(bench.macro_f1_interval(gm, w))}")


if __name__ == "__main__":
    main()
