"""Draw a further batch of real-news training sentences (kept for the record).

Usage: python corpora/real/sample_more.py OUT_DIR LANG N_RANDOM N_ENRICHED --round NAME [--datasets DIR]

The first draw (``sample.py``) fixed the test articles; this script rebuilds the same pool and
the same test articles, leaves out every sentence already in ``corpora/real/{lang}.jsonl`` and
every test article, and draws

* ``random``:   a uniform sample of the remaining training-article sentences, and
* ``enriched``: keyword matches for the rare frames (shares in ``ENRICH_SHARE``),

all in the training split (the test split never grows). Ids continue the corpus numbering.
It writes ``OUT_DIR/{lang}.{round}.sample.jsonl`` (stand-off skeletons) and
``OUT_DIR/{lang}.{round}.items.jsonl`` (text for annotators; must stay outside the project).

Round ``r2`` (English, 2026-12-07): ``sample_more.py WORK en 1200 800 --round r2``. Being drawn
from what the first draw left, round-2 random sentences slightly under-represent keyword
matches; they are used for training and tuning only, never for test figures.

Round ``r5`` (English, 2026-12-07, evening): ``sample_more.py WORK en 1200 0 --suggest 1200
--round r5``: 1,200 uniform and 1,200 chosen by ``framing suggest`` with the shipped model
(uncertain and diverse; the keyword matches were used up by round 4), marked ``enriched``.
Round ``r6`` the same evening: ``sample_more.py WORK en 2400 0 --suggest 2400 --round r6``;
round ``r7``: ``sample_more.py WORK en 5000 0 --round r7`` (the 4,314 sentences left). Arabic
round ``r2`` the same evening: ``sample_more.py WORK ar 0 0 --extra-pool 2000 --round r2``: every
unlabeled sentence of the ArAIEval-2023 1B tweets of news accounts (the Arabic paragraphs were
all labeled).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from sample import KEYWORDS, POOLS, SEED, TEST_SHARE, pool, write_sample

HERE = Path(__file__).resolve().parent
ENRICH_SHARE = {"diplomacy": 0.4, "threat": 0.3, "skepticism": 0.3}


def test_articles(lang: str, rows: list[dict]) -> set[str]:
    """The test articles of the first draw (same seed, same pool, same first random call)."""
    rng = random.Random(f"{SEED}-{lang}")
    articles = sorted({r["article_id"] for r in rows})
    return set(rng.sample(articles, round(TEST_SHARE * len(articles))))


def suggested(eligible: list[dict], taken: set[int], k: int, lang: str) -> list[int]:
    """Indices of the ``k`` eligible sentences the shipped default model finds most worth
    labeling (``framing suggest``: closest to a frame's threshold, spread over wording)."""
    from framing.analysis.active import suggest
    from framing.models.model import FrameModel, default_model_path

    free = [i for i in range(len(eligible)) if i not in taken]
    table = suggest(FrameModel.load(default_model_path()), [eligible[i]["text"] for i in free], k=k, lang=lang,
                    pool=5, diversity=0.3)
    return [free[int(i)] for i in table["index"]]


def draw_more(lang: str, n_random: int, n_enriched: int, name: str, root: str | None,
              n_suggested: int = 0, n_extra_pool: int = 0) -> list[dict]:
    seen_text: set[str] = set()
    rows = pool(lang, POOLS[lang]["random"], root, seen_text)
    test = test_articles(lang, rows)
    with (HERE / f"{lang}.jsonl").open(encoding="utf-8") as fh:
        existing = [json.loads(line) for line in fh if line.strip()]
    assert {r["article_id"] for r in existing if r["split"] == "test"} <= test, "test articles changed"
    done = {(r["doc_id"], r["start"]) for r in existing}
    eligible = [r for r in rows if r["article_id"] not in test and (r["doc_id"], r["start"]) not in done]
    rng = random.Random(f"{SEED}-{lang}-{name}")
    chosen = rng.sample(range(len(eligible)), min(len(eligible), n_random))
    sample = [{**eligible[i], "stratum": "random", "split": "train"} for i in chosen]
    taken = set(chosen)
    for frame, share in ENRICH_SHARE.items():
        pattern = re.compile(KEYWORDS[lang][frame], re.IGNORECASE)
        candidates = [i for i, r in enumerate(eligible) if i not in taken and pattern.search(r["text"])]
        for i in rng.sample(candidates, min(len(candidates), round(share * n_enriched))):
            taken.add(i)
            sample.append({**eligible[i], "stratum": "enriched", "keyword_frame": frame, "split": "train"})
    if n_extra_pool and POOLS[lang]["enriched"] != POOLS[lang]["random"]:
        # the enrichment-only sources (Arabic: tweets of news accounts), drawn uniformly
        extra = [r for r in pool(lang, POOLS[lang]["enriched"], root, seen_text) if (r["doc_id"], r["start"]) not in done]
        for i in rng.sample(range(len(extra)), min(len(extra), n_extra_pool)):
            sample.append({**extra[i], "stratum": "enriched", "keyword_frame": "extra pool", "split": "train"})
    if n_suggested:
        for i in suggested(eligible, taken, n_suggested, lang):
            taken.add(i)
            sample.append({**eligible[i], "stratum": "enriched", "keyword_frame": "suggested", "split": "train"})
    rng.shuffle(sample)
    last = max(int(r["id"].rsplit("-", 1)[1]) for r in existing)
    for n, row in enumerate(sample, last + 1):
        row["id"] = f"real-{lang}-{n:04d}"
    return sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("lang", choices=sorted(POOLS))
    parser.add_argument("n_random", type=int)
    parser.add_argument("n_enriched", type=int)
    parser.add_argument("--round", required=True)
    parser.add_argument("--datasets", default=None)
    parser.add_argument("--extra-pool", type=int, default=0,
                        help="also draw this many sentences uniformly from the enrichment-only sources (enriched)")
    parser.add_argument("--suggest", type=int, default=0,
                        help="also draw this many sentences chosen by `framing suggest` with the shipped model (enriched)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sample = draw_more(args.lang, args.n_random, args.n_enriched, args.round, args.datasets, args.suggest,
                        args.extra_pool)
    stem = f"{args.lang}.{args.round}"
    write_sample(sample, args.out / f"{stem}.sample.jsonl", args.out / f"{stem}.items.jsonl",
                 lambda row: {"id": row["id"], "title": row["title"], "previous": row["previous"], "text": row["text"]})
    counts = {s: sum(r["stratum"] == s for r in sample) for s in ("random", "enriched")}
    print(f"{stem}: {len(sample)} sentences from {len({r['article_id'] for r in sample})} articles; {counts}")


if __name__ == "__main__":
    main()
