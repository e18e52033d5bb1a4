"""Build ``framing/data/ar_words.json``: Arabic word forms that tell common nouns from names.

Run:  .venv/bin/python corpora/build_lexicon.py [--check]

Built from the project's own text only (the written frame and attribution sets, the demo
corpus and the shipped YAML data), never from ``../shared/datasets``. Words are taken without
diacritics or tatweel and without the proclitics و/ف; the file lists

* ``common``: stems attested as common nouns or adjectives: with the article (ال، بال، لل،
  وال ...) or with a possessive pronoun suffix (ـه، ـها، ـهم ...), stem after removing it;
* ``construct``: stems attested as the head of a genitive construction (an indefinite word
  followed by a definite one: "عملية السلام"): nouns, not adjectives, even when nisba-shaped;
* ``names``: words of the gazetteer's Arabic aliases of countries and leaders (``actors.yaml``)
  that are not common nouns themselves, so a name is never taken for a common noun;
  ``surnames``: those of them that never have another word after them in an alias ("ترامب",
  "أرمينيا"; not "أحمد", "ولي");
* ``definite_surnames``: words with the article that end a leader's alias after a name or a
  title ("بشار الأسد", "الرئيس الأسد", "أحمد الشرع"): a definite word after a title that is
  the person's name, not the verb's object.

The attribution rules (``framing.annotate.attribution``) use it to end a speaker span where a
name is followed by a common noun (the verb's object or the next clause). ``--check`` exits
non-zero when the shipped file differs from a fresh build.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "framing" / "data" / "ar_words.json"
SOURCES = sorted((ROOT / "corpora" / "frames").glob("ar.*.jsonl")) + [
    ROOT / "corpora" / "attribution" / "ar.jsonl", ROOT / "corpora" / "demo" / "ar.jsonl",
    ROOT / "corpora" / "demo" / "mixed.jsonl"]
YAMLS = sorted((ROOT / "framing" / "data").glob("*.yaml"))

_MARKS = re.compile(r"[\u064B-\u0652\u0640\u0670]")
_WORD = re.compile(r"[\u0621-\u064A]+")
_ARTICLE = re.compile(r"^(?:[وف]?(?:[بك]?ال|لل))(?=[\u0621-\u064A]{2})")
_SUFFIX = re.compile(r"(?<=[\u0621-\u064A]{3})(?:هما|هم|ها|ه|كم|نا)$")
# Function words, pronouns, prepositions and particles: never a name, never a noun head.
FUNCTION = frozenset(
    "في على عن من إلى الى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند بين دون تحت فوق نحو إن أن ان "
    "لا لم لن ما قد كان كانت هو هي هم هن أنا نحن أنت ذلك هذا هذه تلك هؤلاء الذي التي الذين كما أو ثم بل "
    "لكن إذا إذ حيث كل بعض أي غير أيضا أيضاً بلا".split())


def normalize(word: str) -> str:
    return _MARKS.sub("", word)


def texts() -> list[str]:
    out = []
    for path in SOURCES:
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("lang", "ar") != "ar" and not _WORD.search(row.get("text", "")):
                continue
            out.extend(str(row.get(k) or "") for k in ("title", "context", "text"))
    return out


def yaml_strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in yaml_strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in yaml_strings(v)]
    return []


def build() -> dict[str, list[str]]:
    common: Counter = Counter()
    construct: Counter = Counter()
    modifier: Counter = Counter()  # definite after definite: "السلطات المحلية" (an adjective's place)
    corpus = texts()
    for path in YAMLS:
        if path.name != "actors.yaml":
            corpus.extend(yaml_strings(yaml.safe_load(path.read_text("utf-8"))))
    for text in corpus:
        words = [normalize(w) for w in _WORD.findall(normalize(text))]
        for word, after in zip(words, words[1:] + [""]):
            article = _ARTICLE.match(word)
            if article:
                common[word[article.end():]] += 1
                if after.startswith("ال"):
                    modifier[after[2:]] += 1
                continue
            stem = word[1:] if word[:1] in "وف" and len(word) > 3 else word
            suffix = _SUFFIX.search(stem)
            if suffix and stem not in FUNCTION:
                common[stem[:suffix.start()]] += 1
            if after.startswith("ال") and len(stem) >= 3 and stem not in FUNCTION:
                construct[stem] += 1
    gazetteer = yaml.safe_load((ROOT / "framing" / "data" / "actors.yaml").read_text("utf-8"))
    names: set[str] = set()
    heads: set[str] = set()
    definite: set[str] = set()
    nisba: set[str] = set()  # gazetteer adjectives ("الروسية"): adjectives even when seen in construct
    for actor in gazetteer.get("actors", []):
        for alias in (actor.get("aliases") or {}).get("ar", []) or []:
            words = _WORD.findall(normalize(alias))
            nisba.update(w[2:] for w in words if w.startswith("ال"))
            if actor.get("type") not in ("leader", "country"):
                continue
            if actor.get("type") == "leader" and len(words) >= 2 and words[-1].startswith("ال") \
                    and not words[-1].endswith(("ي", "ية")):
                definite.add(words[-1])  # "بشار الأسد", "الرئيس الأسد" (a nisba is an adjective anyway)
            for i, word in enumerate(words):
                if not word.startswith("ال") and word not in FUNCTION and word not in common:
                    names.add(word)
                    if i + 1 < len(words):
                        heads.add(word)  # "ولي العهد", "أحمد ...": a name goes on after it
    return {
        "common": sorted(w for w, n in common.items() if len(w) >= 2 and w not in names),
        "construct": sorted(w for w, n in construct.items() if n >= 2 and n > modifier[w] and w in common and w not in names and w not in nisba),
        "names": sorted(names),
        "surnames": sorted(names - heads),
        "definite_surnames": sorted(definite),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing it")
    args = parser.parse_args()
    built = build()
    text = json.dumps(built, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    if args.check:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print(f"{OUT.relative_to(ROOT)}: {'up to date' if same else 'differs from a fresh build'}")
        sys.exit(0 if same else 1)
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: " + ", ".join(f"{k} {len(v)}" for k, v in built.items())
          + f" ({len(text.encode()) // 1024} KiB)")


if __name__ == "__main__":
    main()
