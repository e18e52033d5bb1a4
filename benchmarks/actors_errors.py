"""Actor errors on the real-news attribution set, and actor matches on unlabeled real news.

Run:  .venv/bin/python benchmarks/actors_errors.py [--split dev|train|tuning] [--lang en|ar]
      .venv/bin/python benchmarks/actors_errors.py --unlabeled [--lang en|ar] [--top N] [--actor ID]

Labeled mode: the records of ``corpora/real/attribution/{lang}.jsonl`` in the split (joined with
their text as ``benchmarks/attribution.py`` does) are run through ``default_gazetteer().find``
and compared with the gold ``actors``; each false positive is printed with the words that
matched, each false negative with the sentence, then counts per actor id and the micro precision
and recall. The test split is refused: it is reported once, by ``benchmarks/attribution.py``.

Unlabeled mode: every sentence of the real-news datasets (``../shared/datasets``) that is not in
the attribution set; prints the most frequent (actor, matched words) pairs, so that an alias
matching a common word or a name stands out, and with ``--actor`` sample sentences for one id.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from framing.annotate.actors import default_gazetteer
from framing.io.standoff import SOURCES, datasets_dir, documents, join
from framing.text import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import REAL, in_split  # noqa: E402  (the same set and split selection)


def labeled(lang: str, split: str, quiet: bool) -> tuple[int, int, int]:
    records = [r for r in join(REAL / f"{lang}.jsonl") if in_split(r, split)]
    g = default_gazetteer()
    tp = fp = fn = 0
    by_id: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        mentions = g.mentions(r["text"], lang)
        found = {m[2] for m in mentions if m[2]}
        gold = set(r.get("actors") or ())
        tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        for actor in found - gold:
            by_id[actor]["fp"] += 1
            if not quiet:
                words = [m[3] for m in mentions if m[2] == actor]
                print(f"  FP {r['id']} {actor} {words} | {r['text'][:220]}")
        for actor in gold - found:
            by_id[actor]["fn"] += 1
            if not quiet:
                print(f"  FN {r['id']} {actor} | {r['text'][:220]}")
    if not quiet and by_id:
        print("  per id: " + ", ".join(f"{a} fp={c['fp']} fn={c['fn']}" for a, c in
                                       sorted(by_id.items(), key=lambda kv: -sum(kv[1].values()))))
    p = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print(f"{lang} {split}: {len(records)} sentences, tp={tp} fp={fp} fn={fn}, "
          f"precision {p:.3f}, recall {rec:.3f}")
    return tp, fp, fn


def unlabeled(lang: str, top: int, actor: str | None, samples: int) -> None:
    taken = {(r["dataset"], r["doc_id"]) for r in join(REAL / f"{lang}.jsonl")}
    g = default_gazetteer()
    pairs: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    seen_text: set[str] = set()
    n = 0
    for name in sorted(k for k, s in SOURCES.items() if s.lang == lang and not k.endswith("tweets")):
        try:
            docs = list(documents(name))
        except Exception as exc:  # a dataset missing here
            print(f"  {name}: skipped ({exc.__class__.__name__})", file=sys.stderr)
            continue
        for doc in docs:
            if (name, doc.doc_id) in taken or doc.text in seen_text:
                continue
            seen_text.add(doc.text)
            for s in split_sentences(doc.text, lang):
                n += 1
                for _, _, actor_id, words in g.mentions(s.text, lang):
                    pairs[(actor_id or "<blocked>", words)] += 1
                    if actor and actor_id == actor:
                        examples[words].append(s.text)
    print(f"{lang}: {n} unlabeled sentences")
    if actor:
        rng = random.Random(0)
        for words, texts in sorted(examples.items(), key=lambda kv: -len(kv[1])):
            print(f"  {actor} {words!r}: {len(texts)}")
            for text in rng.sample(texts, min(samples, len(texts))):
                print(f"      | {text[:400]}")
        return
    for (actor_id, words), count in pairs.most_common(top):
        print(f"  {count:6d}  {actor_id:24s} {words}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="tuning", choices=["dev", "train", "tuning"])
    parser.add_argument("--lang", choices=["en", "ar"])
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--unlabeled", action="store_true")
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--actor")
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    if not datasets_dir().is_dir():
        sys.exit(f"skipped: {datasets_dir()} not found")
    for lang in [args.lang] if args.lang else ["en", "ar"]:
        if args.unlabeled:
            unlabeled(lang, args.top, args.actor, args.samples)
        else:
            labeled(lang, args.split, args.quiet)


if __name__ == "__main__":
    main()
