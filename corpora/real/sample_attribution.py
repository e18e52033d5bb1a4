"""Draw the real-news attribution sample once (kept for the record; do not re-run over labels).

Usage: python corpora/real/sample_attribution.py OUT_DIR [--datasets DIR] [--round rN]

Per language, 240 sentences that contain an attribution cue and 120 drawn uniformly from the
news pool (so about two thirds carry an attribution), split into dev and test by article
(half each). With ``--round rN``, a later draw for a training split: 400 cue and 200 uniform
sentences from articles that no earlier draw touched (the files under
``corpora/real/attribution/`` name them), all with ``split: train``, ids
``attr-real-{lang}-rN-NNN``; the dev and test splits are left as they are.

With ``--round rN --resolution-test N`` (English; every Arabic article with a cue is taken by
then): a second held-out draw for speaker resolution, ``split: test2``: N sentences whose cue has
a pronoun subject ("he said", "said she", "They added"), at most one per article, not an
article's first sentence, from articles that no earlier draw touched. It is drawn after the
rules of that round were written and is never used to write rules.

With ``--round rN --heldout N`` (English): a third held-out draw, ``split: test3``: N sentences,
one per article that no earlier draw touched, two thirds with an attribution cue and one third
uniform, drawn after the source-type rules were written (2026-12-07) and never used to write rules.

With ``--round rN --fresh N``: a training draw (``split: train``) whose first score is out of
sample (the rules have not seen it): English, N sentences, at most one per article, half with a
pronoun-subject cue (any article outside the held-out splits) and half with any cue (untouched
articles); Arabic, up to N unlabeled cue sentences from the dev
and training articles (no untouched Arabic article has a cue).

With ``--round rN --tweets N``: an Arabic training draw of N tweets of news accounts (ArAIEval-2023
1B train tweets; every tweet with a cue up to two thirds of N, the rest uniform), another genre,
scored once before rules are written on it.

With ``--round rN --resolution-train N``: a training draw for speaker resolution (``split:
train``), up to N sentences per language with a pronoun-subject cue (English) or a
sentence-opening continuation verb with no subject (Arabic "وأضاف"), at most two per article,
from the dev and training articles only, leaving out every sentence already labeled. Writes ``OUT_DIR/{lang}.attr.sample.jsonl`` (stand-off skeletons) and
``OUT_DIR/{lang}.attr.items.jsonl`` (text with title and the three previous sentences of the
article, for annotators; it holds dataset text and stays outside the project).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample import POOLS, SEED, pool, write_sample  # noqa: E402  (the same sentence pool as the frame sample)

SIZES = {"cue": 240, "random": 120}
ROUND_SIZES = {"cue": 400, "random": 200}
CUES = {
    "en": r"\b(?:said|says|told|according to|added|stated|warned|claimed|denied|announced|noted|"
          r"explained|argued|insisted|wrote|tweeted|reported|asserted|confirmed|cited|quoted)\b",
    "ar": r"(?:قال|قالت|يقول|تقول|أكد|أكدت|يؤكد|أعلن|أعلنت|أضاف|أضافت|بحسب|وفقا|وفقًا|حسب|نقلت|نقل|"
          r"صرح|أشار|أشارت|أوضح|أوضحت|ذكر|ذكرت|اعتبر|رأى|حذر|نفى|نفت|كشف|كشفت|زعم|يشكك|هدد)",
}


def labeled(lang: str) -> list[dict]:
    """The attribution records labeled so far (every earlier draw), empty before the first."""
    path = Path(__file__).resolve().parent / "attribution" / f"{lang}.jsonl"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def used_articles(lang: str) -> set[str]:
    """Articles of every earlier attribution draw (dev, test and earlier training rounds)."""
    return {r["article_id"] for r in labeled(lang)}


def cue_rows_by_article(rows: list[dict], cue: re.Pattern, keep) -> dict[str, list[int]]:
    """Indexes of the rows whose text matches ``cue``, that are not an article's first sentence
    and that ``keep(row)`` accepts, grouped by article."""
    by_article: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row["context"] and keep(row) and cue.search(row["text"]):
            by_article.setdefault(row["article_id"], []).append(i)
    return by_article


def pool_with_context(lang: str, root: str | None) -> list[dict]:
    """The sentence pool, each row with ``context``: the three previous sentences of its article
    (for pronoun antecedents; empty for an article's first sentence)."""
    rows = pool(lang, POOLS[lang]["random"], root, set())
    history: dict[str, list[str]] = {}
    for row in rows:
        seen = history.setdefault(row["article_id"], [])
        row["context"] = " ".join(seen[-3:])
        seen.append(row["text"])
    return rows


def draw(lang: str, root: str | None, round_: str | None = None) -> list[dict]:
    rng = random.Random(f"{SEED}-attribution-{lang}" + (f"-{round_}" if round_ else ""))
    sizes = ROUND_SIZES if round_ else SIZES
    rows = pool_with_context(lang, root)
    used = used_articles(lang) if round_ else set()
    allowed = [i for i, r in enumerate(rows) if r["article_id"] not in used]
    cue = re.compile(CUES[lang], re.IGNORECASE)
    with_cue = [i for i in allowed if cue.search(rows[i]["text"])]
    by_cue = set(rng.sample(with_cue, min(sizes["cue"], len(with_cue))))  # a later round takes what is left
    chosen = sorted(by_cue) + rng.sample([i for i in allowed if i not in by_cue], sizes["random"])
    articles = sorted({rows[i]["article_id"] for i in chosen})
    test_articles = set() if round_ else set(rng.sample(articles, len(articles) // 2))
    prefix = f"attr-real-{lang}-{round_}-" if round_ else f"attr-real-{lang}-"
    sample = []
    for n, i in enumerate(sorted(chosen, key=lambda _: rng.random()), 1):
        row = rows[i]
        split = "train" if round_ else "test" if row["article_id"] in test_articles else "dev"
        sample.append({**row, "id": f"{prefix}{n:03d}", "stratum": "cue" if i in by_cue else "random", "split": split})
    return sample


PRONOUN_CUE = (r"\b(?:he|she|they|we|I)\s+(?:also\s+)?(?:said|says|added|adds|told|noted|explained|argued|"
               r"insisted|wrote|claimed|warned|stated|continued|asked|stressed|acknowledged|admitted)\b|"
               r"\b(?:said|says|added|adds|told|noted|wrote|asked)\s+(?:he|she|they)\b")


def draw_resolution(lang: str, root: str | None, round_: str, size: int) -> list[dict]:
    """The ``test2`` draw: sentences with a pronoun-subject cue, one per untouched article."""
    rng = random.Random(f"{SEED}-attribution-{lang}-{round_}-resolution")
    rows = pool_with_context(lang, root)
    used = used_articles(lang)
    by_article = cue_rows_by_article(rows, re.compile(PRONOUN_CUE, re.IGNORECASE), lambda row: row["article_id"] not in used)
    articles = rng.sample(sorted(by_article), min(size, len(by_article)))
    chosen = [rng.choice(by_article[a]) for a in articles]
    return [{**rows[i], "id": f"attr-real-{lang}-{round_}-{n:03d}", "stratum": "pronoun-cue", "split": "test2"}
            for n, i in enumerate(chosen, 1)]


def draw_resolution_train(lang: str, root: str | None, round_: str, size: int) -> list[dict]:
    """A training draw for speaker resolution (``split: train``): sentences whose cue has a pronoun
    subject (English) or opens the sentence with no subject (Arabic "وأضاف"), not an article's
    first sentence and not yet labeled, at most two per article, from the articles of the dev and
    training splits only (never a test or test2 article)."""
    rng = random.Random(f"{SEED}-attribution-{lang}-{round_}-resolution-train")
    records = labeled(lang)
    held_out = {r["article_id"] for r in records if r["split"] not in ("dev", "train")}
    allowed = {r["article_id"] for r in records} - held_out
    done = {(r["doc_id"], r["start"]) for r in records}
    cue = re.compile(PRONOUN_CUE if lang == "en" else _ar_opening_cue(), re.IGNORECASE)
    rows = pool_with_context(lang, root)
    by_article = cue_rows_by_article(rows, cue, lambda row: row["article_id"] in allowed
                                     and (row["doc_id"], row["start"]) not in done)
    chosen = [i for a in sorted(by_article) for i in rng.sample(by_article[a], min(2, len(by_article[a])))]
    chosen = rng.sample(chosen, min(size, len(chosen)))
    return [{**rows[i], "id": f"attr-real-{lang}-{round_}-{n:03d}", "stratum": "pronoun-cue", "split": "train"}
            for n, i in enumerate(chosen, 1)]


def draw_heldout(lang: str, root: str | None, round_: str, size: int) -> list[dict]:
    """The ``test3`` draw: ``size`` sentences, one per article that no earlier draw touched, two
    thirds with an attribution cue and one third uniform, drawn after the source-type rules were
    written and never used to write rules."""
    rng = random.Random(f"{SEED}-attribution-{lang}-{round_}-heldout")
    rows = pool_with_context(lang, root)
    used = used_articles(lang)
    by_article: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row["article_id"] not in used:
            by_article.setdefault(row["article_id"], []).append(i)
    cue = re.compile(CUES[lang], re.IGNORECASE)
    articles = rng.sample(sorted(by_article), len(by_article))
    n_cue = round(size * 2 / 3)
    chosen: list[tuple[int, str]] = []
    for article in articles:
        if len(chosen) >= size:
            break
        want_cue = sum(stratum == "cue" for _, stratum in chosen) < n_cue
        candidates = [i for i in by_article[article] if cue.search(rows[i]["text"])] if want_cue else by_article[article]
        if candidates:
            chosen.append((rng.choice(candidates), "cue" if want_cue else "random"))
    return [{**rows[i], "id": f"attr-real-{lang}-{round_}-{n:03d}", "stratum": stratum, "split": "test3"}
            for n, (i, stratum) in enumerate(chosen, 1)]


def draw_fresh(lang: str, root: str | None, round_: str, size: int, within_tuning: bool = False) -> list[dict]:
    """A training draw (``split: train``) labeled before any rule is written on it, so the rules'
    first score on it is an out-of-sample figure. English: ``size`` sentences, at most one per article:
    half with a pronoun-subject cue (for speaker resolution) from any article outside the held-out
    splits, not yet labeled, and half with any attribution cue from articles no earlier draw
    touched. Arabic (no untouched article with a cue is left): up to ``size`` unlabeled cue
    sentences, not an article's first, from the dev and training articles only.
    ``within_tuning`` (both languages, once the untouched articles are used up): up to ``size``
    unlabeled cue sentences, not an article's first, at most one per article, from the dev and
    training articles only (new sentences, not new articles: slightly optimistic)."""
    rng = random.Random(f"{SEED}-attribution-{lang}-{round_}-fresh")
    rows = pool_with_context(lang, root)
    records = labeled(lang)
    cue = re.compile(CUES[lang], re.IGNORECASE)
    tuning = {r["article_id"] for r in records if r["split"] in ("dev", "train")}
    done = {(r["doc_id"], r["start"]) for r in records}  # sentences labeled already
    if within_tuning:
        by_article = cue_rows_by_article(rows, cue, lambda row: row["article_id"] in tuning
                                         and (row["doc_id"], row["start"]) not in done)
        articles = rng.sample(sorted(by_article), min(size, len(by_article)))
        chosen = [(rng.choice(by_article[a]), "cue") for a in articles]
    elif lang == "ar":
        pool_ = [i for i, row in enumerate(rows) if row["context"] and row["article_id"] in tuning
                 and (row["doc_id"], row["start"]) not in done and cue.search(row["text"])]
        chosen = [(i, "cue") for i in rng.sample(pool_, min(size, len(pool_)))]
    else:
        used = used_articles(lang)
        held_out = {r["article_id"] for r in records if r["split"] not in ("dev", "train")}
        pronoun = re.compile(PRONOUN_CUE, re.IGNORECASE)
        by_pronoun = cue_rows_by_article(rows, pronoun, lambda row: row["article_id"] not in held_out
                                         and (row["doc_id"], row["start"]) not in done)
        by_cue = cue_rows_by_article(rows, cue, lambda row: row["article_id"] not in used)
        chosen = [(rng.choice(by_pronoun[a]), "pronoun-cue")
                  for a in rng.sample(sorted(by_pronoun), min(size // 2, len(by_pronoun)))]
        taken = {rows[i]["article_id"] for i, _ in chosen}
        rest = [a for a in sorted(by_cue) if a not in taken]
        chosen += [(rng.choice(by_cue[a]), "cue") for a in rng.sample(rest, min(size - len(chosen), len(rest)))]
        rng.shuffle(chosen)
    return [{**rows[i], "id": f"attr-real-{lang}-{round_}-{n:03d}", "stratum": stratum, "split": "train"}
            for n, (i, stratum) in enumerate(chosen, 1)]


def draw_tweets(root: str | None, round_: str, size: int) -> list[dict]:
    """An Arabic training draw (``split: train``) from the tweets of news accounts in ArAIEval-2023
    1B (each tweet its own document, no context): every tweet with an attribution cue, up to two
    thirds of ``size``, and the rest uniform. Another genre than the test split's paragraphs; its
    first score is out of sample for the rules."""
    rng = random.Random(f"{SEED}-attribution-ar-{round_}-tweets")
    rows = pool("ar", POOLS["ar"]["enriched"], root, set())
    for row in rows:
        row["context"] = ""
    cue = re.compile(CUES["ar"])
    with_cue = [i for i, row in enumerate(rows) if cue.search(row["text"])]
    chosen = [(i, "cue") for i in rng.sample(with_cue, min(len(with_cue), size * 2 // 3))]
    taken = {i for i, _ in chosen}
    rest = [i for i in range(len(rows)) if i not in taken]
    chosen += [(i, "random") for i in rng.sample(rest, min(len(rest), size - len(chosen)))]
    rng.shuffle(chosen)
    return [{**rows[i], "id": f"attr-real-ar-{round_}-{n:03d}", "stratum": stratum, "split": "train"}
            for n, (i, stratum) in enumerate(chosen, 1)]


def _ar_opening_cue() -> str:
    words = yaml.safe_load((Path(__file__).resolve().parents[2] / "framing" / "data" / "attribution.yaml")
                           .read_text(encoding="utf-8"))["ar"]["continuation_verbs"]
    return r"^\s*[وف]?(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?=[\s،:])"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", default=None)
    parser.add_argument("--round", dest="round_", default=None, help="a later training draw, e.g. r2")
    parser.add_argument("--resolution-test", type=int, default=0, metavar="N",
                        help="with --round: the English held-out resolution draw (split test2) of N sentences")
    parser.add_argument("--resolution-train", type=int, default=0, metavar="N",
                        help="with --round: a resolution training draw (split train) of up to N sentences per language "
                             "from the dev and training articles")
    parser.add_argument("--fresh", type=int, default=0, metavar="N",
                        help="with --round: a training draw (split train) of N sentences per language, scored "
                             "by the rules before any rule is written on it")
    parser.add_argument("--tweets", type=int, default=0, metavar="N",
                        help="with --round: an Arabic training draw of N tweets of news accounts (ArAIEval-2023 1B)")
    parser.add_argument("--within-tuning", action="store_true",
                        help="with --fresh: new sentences from the dev and training articles (one per article)")
    parser.add_argument("--heldout", type=int, default=0, metavar="N",
                        help="with --round: an English held-out draw (split test3) of N sentences from untouched articles")
    args = parser.parse_args()
    if (args.resolution_test or args.resolution_train or args.heldout or args.fresh or args.tweets) and not args.round_:
        parser.error("--resolution-test, --resolution-train, --heldout, --fresh and --tweets need --round")
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in (("en",) if args.resolution_test or args.heldout else ("ar",) if args.tweets else CUES):
        sample = (draw_tweets(args.datasets, args.round_, args.tweets) if args.tweets
                  else draw_fresh(lang, args.datasets, args.round_, args.fresh, args.within_tuning) if args.fresh
                  else draw_heldout(lang, args.datasets, args.round_, args.heldout) if args.heldout
                  else draw_resolution(lang, args.datasets, args.round_, args.resolution_test) if args.resolution_test
                  else draw_resolution_train(lang, args.datasets, args.round_, args.resolution_train)
                  if args.resolution_train else draw(lang, args.datasets, args.round_))
        stem = f"{lang}.{args.round_}" if args.round_ else lang
        write_sample(sample, args.out / f"{stem}.attr.sample.jsonl", args.out / f"{stem}.attr.items.jsonl",
                     lambda row: {"id": row["id"], "title": row["title"][:140], "context": row["context"][-600:],
                                  "text": row["text"]})
        print(f"{lang}: {len(sample)} sentences from {len({r['article_id'] for r in sample})} articles; "
              f"cue stratum {sum(r['stratum'] == 'cue' for r in sample)}; test {sum(r['split'] == 'test' for r in sample)}; "
              f"test2 {sum(r['split'] == 'test2' for r in sample)}; test3 {sum(r['split'] == 'test3' for r in sample)}")


if __name__ == "__main__":
    main()
