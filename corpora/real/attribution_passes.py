"""Agreement, adjudication and stand-off output for the real-news attribution set (kept for the record).

Usage:
  python corpora/real/attribution_passes.py agreement WORK_DIR LANG  # two passes, one table row per field
  python corpora/real/attribution_passes.py prepare WORK_DIR LANG    # items the passes disagree on
  python corpora/real/attribution_passes.py finalize WORK_DIR LANG   # corpora/real/attribution/{lang}.jsonl
  ... [--round rN]   # a later training draw (sample_attribution.py --round rN): files named {lang}.rN.*

``finalize --round rN`` replaces only that round's rows in ``{lang}.jsonl`` and keeps the others.

  python corpora/real/attribution_passes.py requote WORK_DIR ar     # quote type decided again

``requote``: the Arabic items with quotation marks were labeled again for ``quote_type`` only,
under the guide's §5 rule for quoted fragments (two independent passes in
``{lang}.qt.labelsA/labels.jsonl`` and ``{lang}.qt.labelsB/labels.jsonl`` over
``{lang}.qt.items.jsonl``, the adjudicated disagreements in ``{lang}.qt.adjudicated.jsonl``);
it prints the agreement and writes the decided quote type into ``{lang}.jsonl``, keeping the
earlier value as ``quote_type_before`` where it changed.

Source types (guide §11), labeled after the fact for every record with a speaker or an antecedent:

  python corpora/real/attribution_passes.py srctype-items WORK_DIR LANG    # WORK_DIR/srctype/{lang}_{1,2}.jsonl
                                                                          # (run again: new items only, in {lang}_3...)
  python corpora/real/attribution_passes.py srctype-prepare WORK_DIR LANG  # items the passes disagree on
  python corpora/real/attribution_passes.py srctype WORK_DIR LANG          # agreement; writes source_type

The items show the annotator the title, the three sentences before, the sentence, and the string
to classify (the speaker span of a named record, the antecedent of a pronoun or implicit one).
Passes A and B are in ``WORK_DIR/srctype/passA/`` and ``passB/`` (files named like the items),
the adjudicated disagreements in ``WORK_DIR/srctype/{lang}.adjudicated.jsonl``; ``srctype`` writes
the decided group as ``source_type`` into ``{lang}.jsonl`` (null for records with no speaker).

``WORK_DIR/attr`` (outside the project) holds ``{lang}.attr.sample.jsonl`` and
``{lang}.attr.items.jsonl`` from ``sample_attribution.py``, pass A in ``{lang}.labels/``, pass B in
``{lang}.labelsB/`` and the adjudicator's decisions in ``{lang}.adjudicated.jsonl``.
The stand-off output stores spans as offsets into the sentence (``speaker``, ``cue``) and the
resolved antecedent as offsets into an earlier sentence of the same article (or the title),
each with the SHA-1 of its text; no dataset text is stored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent
FIELDS = ("speaker", "cue", "quote_type", "speaker_form", "resolved", "actors")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _labels(folder: Path) -> dict[str, dict]:
    return {row["id"]: row for path in sorted(folder.glob("part_*.jsonl")) for row in _rows(path)}


def _overlap(a: str | None, b: str | None, text: str) -> bool:
    if a is None or b is None:
        return a is b
    sa, sb = text.find(a), text.find(b)
    return sa < sb + len(b) and sb < sa + len(a)


def _stem(lang: str, round_: str | None) -> str:
    return f"{lang}.{round_}" if round_ else lang


def agreement(work: Path, lang: str, round_: str | None = None) -> dict[str, float]:
    """Share of items on which the passes agree, per field, plus kappa for the categorical ones."""
    stem = _stem(lang, round_)
    a, b = _labels(work / "attr" / f"{stem}.labels"), _labels(work / "attr" / f"{stem}.labelsB")
    items = {row["id"]: row for row in _rows(work / "attr" / f"{stem}.attr.items.jsonl")}
    ids = sorted(items)
    out = {"n": len(ids)}
    for field in FIELDS:
        same = [(sorted(a[i][field]) == sorted(b[i][field])) if field == "actors" else a[i][field] == b[i][field] for i in ids]
        out[field] = sum(same) / len(ids)
    out["speaker_overlap"] = sum(_overlap(a[i]["speaker"], b[i]["speaker"], items[i]["text"]) for i in ids) / len(ids)
    for field in ("quote_type", "speaker_form"):
        out[f"{field}_kappa"] = cohen_kappa_score([a[i][field] for i in ids], [b[i][field] for i in ids])
    return out


def prepare(work: Path, lang: str, round_: str | None = None) -> None:
    stem = _stem(lang, round_)
    a, b = _labels(work / "attr" / f"{stem}.labels"), _labels(work / "attr" / f"{stem}.labelsB")
    items = _rows(work / "attr" / f"{stem}.attr.items.jsonl")
    out = work / "attr" / f"{stem}.disagreements.jsonl"
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for item in items:
            pa, pb = a[item["id"]], b[item["id"]]
            if any(sorted(pa[f]) != sorted(pb[f]) if f == "actors" else pa[f] != pb[f] for f in FIELDS):
                n += 1
                strip = lambda p: {f: p[f] for f in FIELDS}  # noqa: E731
                fh.write(json.dumps({**item, "option_1": strip(pa), "option_2": strip(pb)}, ensure_ascii=False) + "\n")
    print(f"{lang}: {n} of {len(items)} items disagree on some field -> {out}")


def _span(text: str, part: str | None, near: int | None = None, occurrence: int | None = None) -> list[int] | None:
    """Offsets of ``part`` in ``text``: the occurrence nearest ``near`` (the cue), or the
    ``occurrence``-th (0-based) where the adjudication names it (a name written twice)."""
    if part is None:
        return None
    starts = [i for i in range(len(text)) if text.startswith(part, i)]
    if not starts:
        raise SystemExit(f"span {part!r} not in {text!r}")
    if occurrence is not None:
        start = starts[int(occurrence)]
    else:
        start = min(starts, key=lambda s: abs(s - near)) if near is not None else starts[0]
    return [start, start + len(part)]


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def finalize(work: Path, lang: str, datasets: str | None = None, round_: str | None = None) -> None:
    sys.path.insert(0, str(HERE))
    from sample import POOLS, pool  # the sentence pool the sample was drawn from

    stem = _stem(lang, round_)
    a, b = _labels(work / "attr" / f"{stem}.labels"), _labels(work / "attr" / f"{stem}.labelsB")
    adjudicated = work / "attr" / f"{stem}.adjudicated.jsonl"
    decided = {row["id"]: row for row in _rows(adjudicated)} if adjudicated.exists() else {}
    items = {row["id"]: row for row in _rows(work / "attr" / f"{stem}.attr.items.jsonl")}
    rows = pool(lang, POOLS[lang]["random"], datasets, set())
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    (HERE / "attribution").mkdir(exist_ok=True)
    out = HERE / "attribution" / f"{lang}.jsonl"
    this_draw = re.compile(rf"attr-real-{lang}-{round_}-\d+" if round_ else rf"attr-real-{lang}-\d+")
    kept = [row for row in _rows(out) if not this_draw.fullmatch(row["id"])] if out.exists() else []
    with out.open("w", encoding="utf-8") as fh:
        for row in kept:  # other draws' rows, unchanged
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        for skel in _rows(work / "attr" / f"{stem}.attr.sample.jsonl"):
            pa, pb = a[skel["id"]], b[skel["id"]]
            agreed = all(sorted(pa[f]) == sorted(pb[f]) if f == "actors" else pa[f] == pb[f] for f in FIELDS)
            gold = pa if agreed else decided[skel["id"]]
            text = items[skel["id"]]["text"]
            cue = _span(text, gold["cue"])
            speaker = _span(text, gold["speaker"], cue[0] if cue else None, gold.get("speaker_occurrence"))
            resolved = None
            if gold["resolved"]:
                resolved = _locate(gold["resolved"], skel, by_article[skel["article_id"]])
            fh.write(json.dumps({**skel, "speaker": speaker, "cue": cue, "quote_type": gold["quote_type"],
                                 "speaker_form": gold["speaker_form"], "resolved": resolved,
                                 "actors": sorted(gold["actors"]), "decision": "agreed" if agreed else "adjudicated"},
                                ensure_ascii=False) + "\n")
    print(f"{lang}: wrote {out}")


def requote(work: Path, lang: str) -> None:
    folder = work / "attr"
    a = {row["id"]: row["quote_type"] for row in _rows(folder / f"{lang}.qt.labelsA" / "labels.jsonl")}
    b = {row["id"]: row["quote_type"] for row in _rows(folder / f"{lang}.qt.labelsB" / "labels.jsonl")}
    adjudicated = folder / f"{lang}.qt.adjudicated.jsonl"
    decided = {row["id"]: row["quote_type"] for row in _rows(adjudicated)} if adjudicated.exists() else {}
    ids = [row["id"] for row in _rows(folder / f"{lang}.qt.items.jsonl")]
    kappa = cohen_kappa_score([a[i] for i in ids], [b[i] for i in ids])
    print(f"{lang}: {len(ids)} items, passes agree on {sum(a[i] == b[i] for i in ids)}, kappa {kappa:.3f}")
    final = {i: a[i] if a[i] == b[i] else decided[i] for i in ids}
    out = HERE / "attribution" / f"{lang}.jsonl"
    rows, changed = _rows(out), 0
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            new = final.get(row["id"])
            if new is not None and new != row["quote_type"]:
                row = {**row, "quote_type": new, "quote_type_before": row.get("quote_type_before", row["quote_type"])}
                changed += 1
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{lang}: quote type changed on {changed} items -> {out}")


SOURCE_TYPES = ("official", "anonymous", "expert", "media", "citizen", "other")


def srctype_items(work: Path, lang: str) -> None:
    """The items to label: every record with a speaker (named) or an antecedent (pronoun, implicit)."""
    sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))
    import attribution as bench  # the benchmark's join and article context: what the scorer sees

    records = bench.join(HERE / "attribution" / f"{lang}.jsonl")
    docs, articles = bench.load_articles(records)
    items = []
    for r in records:
        span = bench.trim(r["text"], r.get("speaker"))
        speaker = r["text"][span[0]:span[1]] if span else None
        antecedent = bench.antecedent_text(r["resolved"], docs, r["dataset"]) if r.get("resolved") else None
        target = speaker if r.get("speaker_form") == "named" else antecedent if r.get("speaker_form") in ("pronoun", "implicit") else None
        if not target:
            continue
        window = bench.context(r, articles.get(r["article_id"], []), bench._title(docs, r))
        title = next((w[4] for w in window if w[5] == "title"), bench._title(docs, r) or "")
        items.append({"id": r["id"], "lang": lang, "title": " ".join((title or "").split()),
                      "before": [" ".join(w[4].split()) for w in window[:-1] if w[5] != "title"][-3:],
                      "sentence": " ".join(r["text"].split()), "speaker_form": r["speaker_form"],
                      "speaker": speaker, "antecedent": antecedent, "classify": target})
    folder = work / "srctype"
    folder.mkdir(parents=True, exist_ok=True)
    done = sorted(folder.glob(f"{lang}_*.jsonl"))
    if done:  # items already out for labeling stay as they are; new ones go to the next file
        labeled = {row["id"] for path in done for row in _rows(path)}
        chunks = [[item for item in items if item["id"] not in labeled]]
        first = max(int(path.stem.split("_")[-1]) for path in done) + 1
    else:
        half = (len(items) + 1) // 2
        chunks, first = [items[:half], items[half:]], 1
    for k, chunk in enumerate(chunks, first):
        if chunk:
            with (folder / f"{lang}_{k}.jsonl").open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in chunk)
            print(f"{lang}: {len(chunk)} items -> {folder}/{lang}_{k}.jsonl")


def _srctype_passes(work: Path, lang: str) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    folder = work / "srctype"
    items = [row for path in sorted(folder.glob(f"{lang}_*.jsonl")) for row in _rows(path)]
    a = {row["id"]: row["source_type"] for path in sorted((folder / "passA").glob(f"{lang}_*.jsonl")) for row in _rows(path)}
    b = {row["id"]: row["source_type"] for path in sorted((folder / "passB").glob(f"{lang}_*.jsonl")) for row in _rows(path)}
    for name, labels in (("A", a), ("B", b)):
        missing = [item["id"] for item in items if labels.get(item["id"]) not in SOURCE_TYPES]
        if missing:
            raise SystemExit(f"pass {name}, {lang}: {len(missing)} items without a valid source type, e.g. {missing[:3]}")
    return items, a, b


def srctype_prepare(work: Path, lang: str) -> None:
    """The disagreements not yet adjudicated (a later items file brings only its own)."""
    items, a, b = _srctype_passes(work, lang)
    adjudicated = work / "srctype" / f"{lang}.adjudicated.jsonl"
    decided = {row["id"] for row in _rows(adjudicated)} if adjudicated.exists() else set()
    out = work / "srctype" / f"{lang}.disagreements.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        rows = [{**item, "option_1": a[item["id"]], "option_2": b[item["id"]]} for item in items
                if a[item["id"]] != b[item["id"]] and item["id"] not in decided]
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    print(f"{lang}: {len(rows)} of {len(items)} items disagree -> {out}")


def srctype(work: Path, lang: str) -> None:
    """Agreement between the passes, then ``source_type`` written into ``{lang}.jsonl``."""
    items, a, b = _srctype_passes(work, lang)
    ids = [item["id"] for item in items]
    adjudicated = work / "srctype" / f"{lang}.adjudicated.jsonl"
    decided = {row["id"]: row["source_type"] for row in _rows(adjudicated)} if adjudicated.exists() else {}
    undecided = [i for i in ids if a[i] != b[i] and decided.get(i) not in SOURCE_TYPES]
    if undecided:
        raise SystemExit(f"{lang}: {len(undecided)} disagreements not adjudicated, e.g. {undecided[:3]}")
    kappa = cohen_kappa_score([a[i] for i in ids], [b[i] for i in ids])
    print(f"{lang}: {len(ids)} items, passes agree on {sum(a[i] == b[i] for i in ids)} "
          f"({sum(a[i] == b[i] for i in ids) / len(ids):.3f}), Cohen's kappa {kappa:.3f}, {len(decided)} adjudicated")
    for group in SOURCE_TYPES:
        print(f"  {group:10s} pass A {sum(a[i] == group for i in ids):4d}  pass B {sum(b[i] == group for i in ids):4d}")
    files = sorted((work / "srctype").glob(f"{lang}_*.jsonl"))
    if len(files) > 2:  # a later items file (a later draw) gets its own agreement line
        for path in files[2:]:
            part = [row["id"] for row in _rows(path)]
            print(f"  {path.name}: {len(part)} items, agree {sum(a[i] == b[i] for i in part) / len(part):.3f}, "
                  f"kappa {cohen_kappa_score([a[i] for i in part], [b[i] for i in part]):.3f}")
    final = {i: a[i] if a[i] == b[i] else decided[i] for i in ids}
    out = HERE / "attribution" / f"{lang}.jsonl"
    rows = _rows(out)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({**row, "source_type": final.get(row["id"])}, ensure_ascii=False) + "\n")
    print(f"{lang}: source_type written for {len(final)} of {len(rows)} records -> {out}")


def _locate(name: str, skel: dict, article: list[dict]) -> dict:
    """Offsets of ``name`` in the latest earlier sentence of the article that holds it, else the title."""
    index = next(i for i, r in enumerate(article) if r["doc_id"] == skel["doc_id"] and r["start"] == skel["start"])
    window = article[max(0, index - 3):index]
    for row in reversed(window):
        pos = row["text"].rfind(name)
        if pos >= 0:
            start = row["start"] + pos
            return {"doc_id": row["doc_id"], "start": start, "end": start + len(name), "sha1": _sha1(name)}
    for a, b in reversed(list(zip(window, window[1:]))):  # a name the sentence splitter cut ("Mgr. | Name")
        gap = b["start"] - (a["start"] + len(a["text"]))
        if a["doc_id"] == b["doc_id"] and gap >= 0:
            pos = (a["text"] + " " * gap + b["text"]).rfind(name)
            if 0 <= pos < len(a["text"]) < pos + len(name):
                start = a["start"] + pos
                return {"doc_id": a["doc_id"], "start": start, "end": start + len(name), "sha1": _sha1(name)}
    title = article[index]["title"]
    pos = title.find(name)
    if pos < 0:
        raise SystemExit(f"{skel['id']}: resolved speaker {name!r} not found in the context")
    return {"title_of": skel["doc_id"], "start": pos, "end": pos + len(name), "sha1": _sha1(name)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("agreement", "prepare", "finalize", "requote", "srctype-items", "srctype-prepare", "srctype"))
    parser.add_argument("work", type=Path)
    parser.add_argument("lang", choices=("ar", "en"))
    parser.add_argument("--round", dest="round_", default=None, help="a later training draw, e.g. r2")
    args = parser.parse_args()
    if args.step == "agreement":
        print(json.dumps({k: round(v, 3) for k, v in agreement(args.work, args.lang, args.round_).items()}))
    elif args.step == "prepare":
        prepare(args.work, args.lang, args.round_)
    elif args.step == "requote":
        requote(args.work, args.lang)
    elif args.step == "srctype-items":
        srctype_items(args.work, args.lang)
    elif args.step == "srctype-prepare":
        srctype_prepare(args.work, args.lang)
    elif args.step == "srctype":
        srctype(args.work, args.lang)
    else:
        finalize(args.work, args.lang, round_=args.round_)


if __name__ == "__main__":
    main()
