"""Speaker-span precision/recall of `framing.annotate.attribution` on our labeled attribution sets.

Run:  .venv/bin/python benchmarks/attribution.py [--errors N]

Sets: corpora/attribution/{en,ar}.jsonl (written by the project; each sentence with its previous
sentence as context). A predicted source is an *exact* match when equal to the gold span
(ignoring surrounding punctuation) and a *partial* match when one contains the other or their
token overlap F1 is at least 0.5. Precision is over sentences where a source was predicted,
recall over sentences with a gold source. Also reports quote-type accuracy.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from framing.annotate.attribution import attribute

ROOT = Path(__file__).resolve().parents[1]


def norm(s: str | None) -> str:
    return re.sub(r"^[\W_]+|[\W_]+$", "", s or "").strip()


def overlap(a: str, b: str) -> float:
    ta, tb = norm(a).split(), norm(b).split()
    common = sum(min(ta.count(t), tb.count(t)) for t in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def main() -> None:
    show = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else 0
    print("command: .venv/bin/python benchmarks/attribution.py")
    for lang in ("en", "ar"):
        rows = [json.loads(l) for l in (ROOT / "corpora" / "attribution" / f"{lang}.jsonl").read_text("utf-8").splitlines()]
        predicted = gold = exact = partial = quote_ok = 0
        errors = []
        for row in rows:
            previous = attribute(row["context"], lang) if row["context"] else None
            got = attribute(row["text"], lang, previous)
            quote_ok += got.quote_type == row["quote_type"]
            predicted += got.source is not None
            gold += row["source"] is not None
            if got.source and row["source"]:
                e = norm(got.source) == norm(row["source"])
                p = e or norm(got.source) in norm(row["source"]) or norm(row["source"]) in norm(got.source) or overlap(got.source, row["source"]) >= 0.5
                exact += e
                partial += p
                if not e:
                    errors.append((row["text"], row["source"], got.source))
            elif got.source or row["source"]:
                errors.append((row["text"], row["source"], got.source))
        print(f"\n{lang}: {len(rows)} sentences, {gold} with a speaker, {predicted} predicted")
        print(f"  exact   precision {exact / max(predicted, 1):.3f}  recall {exact / max(gold, 1):.3f}")
        print(f"  partial precision {partial / max(predicted, 1):.3f}  recall {partial / max(gold, 1):.3f}")
        print(f"  quote type accuracy {quote_ok / len(rows):.3f}")
        for text, want, got in errors[:show]:
            print(f"    gold={want!r} got={got!r} | {text[:110]}")


if __name__ == "__main__":
    main()
