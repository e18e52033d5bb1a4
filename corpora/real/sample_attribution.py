"""Draw the real-news attribution sample once (kept for the record; do not re-run over labels).

Usage: python corpora/real/sample_attribution.py OUT_DIR [--datasets DIR]

Per language, 240 sentences that contain an attribution cue and 120 drawn uniformly from the
news pool (so about two thirds carry an attribution), split into dev and test by article
(half each). Writes ``OUT_DIR/{lang}.attr.sample.jsonl`` (stand-off skeletons) and
``OUT_DIR/{lang}.attr.items.jsonl`` (text with title and the three previous sentences of the
article, for annotators; it holds dataset text and stays outside the project).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample import POOLS, SEED, pool, write_sample  # noqa: E402  (the same sentence pool as the frame sample)

SIZES = {"cue": 240, "random": 120}
CUES = {
    "en": r"\b(?:said|says|told|according to|added|stated|warned|claimed|denied|announced|noted|"
          r"explained|argued|insisted|wrote|tweeted|reported|asserted|confirmed|cited|quoted)\b",
    "ar": r"(?:قال|قالت|يقول|تقول|أكد|أكدت|يؤكد|أعلن|أعلنت|أضاف|أضافت|بحسب|وفقا|وفقًا|حسب|نقلت|نقل|"
          r"صرح|أشار|أشارت|أوضح|أوضحت|ذكر|ذكرت|اعتبر|رأى|حذر|نفى|نفت|كشف|كشفت|زعم|يشكك|هدد)",
}


def draw(lang: str, root: str | None) -> list[dict]:
    rng = random.Random(f"{SEED}-attribution-{lang}")
    rows = pool(lang, POOLS[lang]["random"], root, set())
    history: dict[str, list[str]] = {}
    for row in rows:  # the three previous sentences of the article, for pronoun antecedents
        seen = history.setdefault(row["article_id"], [])
        row["context"] = " ".join(seen[-3:])
        seen.append(row["text"])
    cue = re.compile(CUES[lang], re.IGNORECASE)
    with_cue = [i for i, r in enumerate(rows) if cue.search(r["text"])]
    by_cue = set(rng.sample(with_cue, SIZES["cue"]))
    chosen = sorted(by_cue) + rng.sample([i for i in range(len(rows)) if i not in by_cue], SIZES["random"])
    articles = sorted({rows[i]["article_id"] for i in chosen})
    test_articles = set(rng.sample(articles, len(articles) // 2))
    sample = []
    for n, i in enumerate(sorted(chosen, key=lambda _: rng.random()), 1):
        row = rows[i]
        sample.append({**row, "id": f"attr-real-{lang}-{n:03d}",
                       "stratum": "cue" if i in by_cue else "random",
                       "split": "test" if row["article_id"] in test_articles else "dev"})
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in CUES:
        sample = draw(lang, args.datasets)
        write_sample(sample, args.out / f"{lang}.attr.sample.jsonl", args.out / f"{lang}.attr.items.jsonl",
                     lambda row: {"id": row["id"], "title": row["title"][:140], "context": row["context"][-600:],
                                  "text": row["text"]})
        print(f"{lang}: {len(sample)} sentences from {len({r['article_id'] for r in sample})} articles; "
              f"test {sum(r['split'] == 'test' for r in sample)}")


if __name__ == "__main__":
    main()
