"""Draw the real-news annotation sample once (kept for the record; do not re-run over labels).

Usage: python corpora/real/sample.py OUT_DIR [--datasets DIR]

For each language it pools the sentences of the source datasets (split with ``framing.text``;
boilerplate and pieces under three words left out), sets aside a test share of articles, then
draws

* ``random``:   a uniform random sample of pooled sentences (the only stratum used for test
                figures and prevalence; those in test articles form the test split), and
* ``enriched``: sentences from training articles that match frame keywords, to find rare
                frames (training only).

It writes ``OUT_DIR/{lang}.sample.jsonl`` (stand-off skeletons, no text) and
``OUT_DIR/{lang}.items.jsonl`` (text plus title and previous sentence, for annotators; this file
holds dataset text and must stay outside the project).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from framing.io.standoff import SOURCES, documents, sha1
from framing.text import split_sentences

SEED = 20261206
TEST_SHARE = 0.3
# Sources whose sentences form the random pool, and sources used only for enrichment. The
# Arabic news paragraphs yield fewer than 2,000 sentences, so all of them are taken (a census,
# i.e. a uniform sample with inclusion probability 1) and news-agency tweets enrich.
POOLS = {
    "en": {"random": ("semeval3", "newsmtsc"), "enriched": ("semeval3", "newsmtsc")},
    "ar": {"random": ("armpro", "araieval1b", "araieval1b-dev"), "enriched": ("araieval1b-tweets",)},
}
SIZES = {"en": {"random": 1600, "enriched": 650}, "ar": {"random": 2000, "enriched": 320}}
# Enrichment keywords per frame; skepticism, the rarest frame, gets half of the enriched draw.
KEYWORDS = {
    "en": {
        "skepticism": r"\b(?:den(?:y|ied|ies|ial)|no evidence|unverif|could not (?:be )?(?:independently )?verif|"
                      r"alleged|so-called|fake|fabricat|exaggerat|false|misleading|dubious|doubt|skeptic|sceptic|"
                      r"disput|contradict|fail(?:ed|ure)|debunk|hoax|\blie[sd]?\b|bogus|unproven|questionable)",
        "diplomacy": r"\b(?:talks|summit|negotiat|ambassador|embass|diplomat|envoy|ceasefire|treaty|agreement|"
                     r"foreign minister|secretary of state|visit|mediat|bilateral|sanction)",
        "threat": r"\b(?:attack|missile|nuclear|war\b|military|troops|terror|bomb|killed|threat|weapon|strike|"
                  r"invasion|militant|shelling|drone)",
    },
    "ar": {
        "skepticism": r"(?:نفى|نفت|ينفي|تنفي|نفي|مزاعم|ادعاء|مزعوم|مفبرك|كاذب|أكاذيب|مبالغ|لم يتسن|لا دليل|"
                      r"دون دليل|شكوك|يشكك|تشكيك|مضلل|شائعات|فشل|ما يسمى|زعم|تكذيب|غير صحيح|عار عن الصحة)",
        "diplomacy": r"(?:مفاوضات|محادثات|قمة|زيارة|سفير|سفارة|دبلوماس|اتفاق|وزير الخارجية|وساطة|هدنة|"
                     r"اجتماع|مباحثات|العلاقات الثنائية|مبعوث)",
        "threat": r"(?:هجوم|صواريخ|صاروخ|نووي|حرب|عسكري|إرهاب|قصف|تهديد|مسلح|اشتباك|قتلى|غارة|تفجير|ميليشي)",
    },
}
ENRICH_SHARE = {"skepticism": 0.5, "diplomacy": 0.25, "threat": 0.25}
_WORD = re.compile(r"[^\W_]+")


def pool(lang: str, datasets: tuple[str, ...], root: str | None, seen_text: set[str]) -> list[dict]:
    """Every eligible sentence of ``datasets``, with its title and previous sentence as context."""
    seen_docs: set[str] = set()
    docs = []
    for dataset in datasets:
        assert SOURCES[dataset].lang == lang
        for doc in documents(dataset, root):
            # ArAIEval 1B shares paragraph ids (and text) with ArMPro: keep the first copy.
            if doc.doc_id in seen_docs or doc.text.strip() in seen_text:
                continue
            seen_docs.add(doc.doc_id)
            seen_text.add(doc.text.strip())
            docs.append(doc)
    if lang == "ar":  # paragraphs of an article in reading order (ids end in the paragraph number)
        docs.sort(key=lambda d: (d.article_id, d.doc_id))
    rows: list[dict] = []
    previous, article = "", None
    for doc in docs:
        if doc.article_id != article:
            previous, article = "", doc.article_id
        for s in split_sentences(doc.text, lang):
            if s.kind == "boilerplate" or len(_WORD.findall(s.text)) < 3:
                continue
            rows.append({"dataset": doc.dataset, "doc_id": doc.doc_id, "article_id": doc.article_id,
                         "start": s.start, "end": s.end, "sha1": sha1(s.text), "text": s.text,
                         "title": doc.title, "previous": previous, "outlet": doc.outlet})
            previous = s.text
    return rows


def draw(lang: str, root: str | None) -> list[dict]:
    """The sample for one language: random and enriched strata with their split."""
    rng = random.Random(f"{SEED}-{lang}")
    seen_text: set[str] = set()
    rows = pool(lang, POOLS[lang]["random"], root, seen_text)
    articles = sorted({r["article_id"] for r in rows})
    test_articles = set(rng.sample(articles, round(TEST_SHARE * len(articles))))
    chosen = rng.sample(range(len(rows)), min(len(rows), SIZES[lang]["random"]))
    sample = [{**rows[i], "stratum": "random",
               "split": "test" if rows[i]["article_id"] in test_articles else "train"} for i in chosen]
    taken = set(chosen)
    if POOLS[lang]["enriched"] != POOLS[lang]["random"]:
        rows = rows + pool(lang, POOLS[lang]["enriched"], root, seen_text)
    for frame, share in ENRICH_SHARE.items():
        pattern = re.compile(KEYWORDS[lang][frame], re.IGNORECASE)
        candidates = [i for i, r in enumerate(rows)
                      if i not in taken and r["article_id"] not in test_articles and pattern.search(r["text"])]
        k = min(len(candidates), round(share * SIZES[lang]["enriched"]))
        for i in rng.sample(candidates, k):
            taken.add(i)
            sample.append({**rows[i], "stratum": "enriched", "keyword_frame": frame, "split": "train"})
    rng.shuffle(sample)
    for n, row in enumerate(sample, 1):
        row["id"] = f"real-{lang}-{n:04d}"
    return sample


SKELETON = ("id", "dataset", "doc_id", "article_id", "start", "end", "sha1", "stratum", "split")


def write_sample(sample: list[dict], skeleton: Path, items: Path, item) -> None:
    """Write the stand-off skeletons (no text) and the annotators' items (``item(row)``)."""
    with skeleton.open("w", encoding="utf-8") as fh:
        for row in sample:
            fh.write(json.dumps({k: row[k] for k in SKELETON}, ensure_ascii=False) + "\n")
    with items.open("w", encoding="utf-8") as fh:
        for row in sample:
            fh.write(json.dumps(item(row), ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in SIZES:
        sample = draw(lang, args.datasets)
        write_sample(sample, args.out / f"{lang}.sample.jsonl", args.out / f"{lang}.items.jsonl",
                     lambda row: {"id": row["id"], "title": row["title"], "previous": row["previous"], "text": row["text"]})
        counts = {s: sum(r["stratum"] == s for r in sample) for s in ("random", "enriched")}
        test = sum(r["split"] == "test" for r in sample)
        print(f"{lang}: {len(sample)} sentences from {len({r['article_id'] for r in sample})} articles; "
              f"{counts}; test {test}")


if __name__ == "__main__":
    main()
