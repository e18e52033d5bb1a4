"""Attribution and actors on held-out real news (issue 14), plus the written set as development data.

Run:  .venv/bin/python benchmarks/attribution.py [--split dev|train|tuning|test|both|all] [--errors N] [--lang en|ar]
      [--round rN]   (only the rows of one draw)
      [--resolution-errors]   (every pronoun/implicit antecedent missed, with the lines before; not on test)
      [--baseline OLD]   (paired differences to other rules on the same items; OLD: a copy of the
                         rules from another commit, the single file framing/annotate/attribution.py
                         of older commits or a directory holding a copy of the package
                         framing/annotate/attribution/)

Real-news set: ``corpora/real/attribution/{en,ar}.jsonl`` (stand-off; the text is joined from
``../shared/datasets`` and the run is skipped when that folder is absent). Each sentence is
attributed in its article: the article's title (a line of kind ``title``, as the scorer gives it)
and the sentences before it (the segmenter's output, with line kinds) are attributed first, so
pronouns and subject-less cues can be resolved. Figures, per
language and split, each with a 95% bootstrap interval over articles:

* speaker exact-span F1: a predicted span counts when its offsets equal the gold span (both
  trimmed of surrounding spaces and punctuation); a wrong span is a false positive and a false
  negative;
* speaker partial F1: the spans overlap;
* quote-type accuracy over all sentences;
* resolution accuracy: gold pronoun/implicit speakers with an antecedent, where the predicted
  ``source_resolved`` equals the antecedent text (exact) or overlaps it in words (partial:
  one contains the other), both compared as the rules read text (Arabic diacritics and
  invisible marks removed: ``source_resolved`` is written without them);
* actors: micro precision and recall of gazetteer ids;
* source type (guide §11), on records whose gold has one: accuracy and macro-F1 over the six
  groups of ``framing.annotate.source_types`` applied to the gold speaker (the span of a named
  speaker, the antecedent of a pronoun or implicit one), which measures the grouping alone; and
  end to end, applied to what the pipeline resolves (``source_resolved``; a missed or wrong
  speaker counts as wrong).

Splits: ``dev`` and ``test`` (the first draw, split by article), ``train`` (later draws from
articles no earlier draw touched: ``sample_attribution.py --round``), ``tuning`` (dev + train,
what rules may be tuned on), ``test2`` (English: a second held-out draw of pronoun-subject
cues from untouched articles, drawn after the rules were written, for speaker resolution:
``sample_attribution.py --resolution-test``), ``test3`` (English: a third held-out draw from
untouched articles, two thirds with a cue, drawn after the source-type rules were written:
``sample_attribution.py --heldout``), ``both`` (dev, test, test2, then test3), ``all`` (every
row). The rules are tuned on dev and train only; ``test``, ``test2`` and ``test3`` are reported for the record. The written sets
(``corpora/attribution/``) were used to write the rules and are development data, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from framing.annotate.actors import default_gazetteer
from framing.annotate.attribution import attribute, attribute_sentences
from framing.annotate.spans import clean
from framing.annotate.source_types import source_type
from framing.io.standoff import datasets_dir, documents, join, sha1
from framing.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpora" / "real" / "attribution"
N_BOOT = 2000
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


# --- bootstrap over articles --------------------------------------------------------------------

def _weights(n_groups: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.multinomial(n_groups, np.full(n_groups, 1 / n_groups), size=N_BOOT)


def f1_interval(counts: np.ndarray, weights: np.ndarray) -> tuple[float, float, float]:
    """F1 from per-group (tp, fp, fn) rows, with a 95% percentile interval."""
    def f1(c):
        tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    point = float(f1(counts.sum(axis=0)))
    reps = f1(weights @ counts)
    lo, hi = np.nanpercentile(reps, [2.5, 97.5])
    return point, float(lo), float(hi)


def macro_f1(c: np.ndarray) -> np.ndarray:
    """Mean F1 over the classes with gold or predicted items, from (tp, fp, fn) on the last axis."""
    tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nanmean(np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan), axis=-1)


def macro_f1_interval(counts: np.ndarray, weights: np.ndarray) -> tuple[float, float, float]:
    """:func:`macro_f1` from per-group (tp, fp, fn) rows per class (``counts``: groups x classes x
    3), with a 95% percentile interval."""
    point = float(macro_f1(counts.sum(axis=0)))
    reps = macro_f1(np.einsum("bg,gkc->bkc", weights, counts))
    lo, hi = np.nanpercentile(reps, [2.5, 97.5])
    return point, float(lo), float(hi)


def ratio_interval(counts: np.ndarray, weights: np.ndarray) -> tuple[float, float, float]:
    """numerator/denominator from per-group (num, den) rows, with a 95% percentile interval."""
    num, den = counts.sum(axis=0)
    if den == 0:
        return float("nan"), float("nan"), float("nan")
    reps = weights @ counts
    with np.errstate(invalid="ignore", divide="ignore"):
        values = reps[:, 0] / reps[:, 1]
    lo, hi = np.nanpercentile(values, [2.5, 97.5])
    return float(num / den), float(lo), float(hi)


def fmt(interval: tuple[float, float, float]) -> str:
    value, lo, hi = interval
    return "  n/a" if value != value else f"{value:.3f} [{lo:.3f}, {hi:.3f}]"


# --- articles in reading order -------------------------------------------------------------------

def _paragraph_key(doc_id: str):
    head, _, tail = doc_id.rpartition("_")
    return (head, int(tail)) if tail.isdigit() else (doc_id, 0)


def _line_key(doc_id: str):
    article, _, line = doc_id.rpartition(":")
    return (article, int(line)) if line.isdigit() else (doc_id, 0)


def load_articles(records: list[dict]):
    """Documents by (dataset, doc_id) and, per article, its sentences in order:
    ``(dataset, doc_id, start, end, text, kind)``."""
    docs = {}
    for name in sorted({r["dataset"] for r in records}):
        for doc in documents(name):
            docs.setdefault((name, doc.doc_id), doc)
    wanted = {r["article_id"] for r in records}
    by_article: dict[str, list] = defaultdict(list)
    for (name, doc_id), doc in docs.items():
        if doc.article_id in wanted:
            by_article[doc.article_id].append((name, doc))
    sentences: dict[str, list[tuple]] = {}
    for article, items in by_article.items():
        items.sort(key=lambda nd: (_line_key(nd[1].doc_id) if ":" in nd[1].doc_id else _paragraph_key(nd[1].doc_id)))
        seen: set[str] = set()
        out = []
        for name, doc in items:
            if doc.text.strip() in seen:
                continue
            seen.add(doc.text.strip())
            for s in split_sentences(doc.text, doc.lang):
                if s.kind != "boilerplate":
                    out.append((name, doc.doc_id, s.start, s.end, s.text, s.kind))
        sentences[article] = out
    return docs, sentences


def context(record: dict, article: list[tuple], title: str = "") -> list[tuple]:
    """The lines ``predict`` attributes: the title (kind ``title``), up to eight sentences before
    the record's sentence, and the sentence itself, as ``(dataset, doc_id, start, end, text, kind)``."""
    index = next((i for i, s in enumerate(article)
                  if s[1] == record["doc_id"] and s[2] == record["start"] and s[3] == record["end"]), None)
    if index is None:
        window = [(None, None, None, None, record["text"], "sentence")]
    else:
        window = article[max(0, index - 8):index + 1]
    title = " ".join((title or "").split())
    if title and not (index is not None and index - 8 <= 0 and article and " ".join(article[0][4].split()) == title) \
            and " ".join(record["text"].split()) != title:
        window = [(None, None, None, None, title, "title")] + list(window)
    return window


def article_lines(record: dict, article: list[tuple], title: str = "") -> list[str]:
    """The title, every sentence of the article before the record's, and the record's own: the
    context in which :func:`source_type` finds a bare name's role, as the scorer gives it."""
    index = next((i for i, s in enumerate(article)
                  if s[1] == record["doc_id"] and s[2] == record["start"] and s[3] == record["end"]), 0)
    return ([title] if title else []) + [s[4] for s in article[:index]] + [record["text"]]


def predict(record: dict, article: list[tuple], lang: str, title: str = "", rules=None):
    """Attribution of the record's sentence, with the article's sentences before it as context
    and, as the scorer gives it, the article's title first (a line of kind ``title``). ``rules``:
    a module with ``attribute_sentences`` (another commit's rules, :func:`load_baseline`); None
    for this tree's."""
    window = context(record, article, title)
    run = rules.attribute_sentences if rules is not None else attribute_sentences
    return run([s[4] for s in window], [lang] * len(window), [s[5] for s in window])[-1]


def _title(docs: dict, record: dict) -> str:
    doc = docs.get((record["dataset"], record["doc_id"]))
    return doc.title if doc is not None else ""


# --- scoring --------------------------------------------------------------------------------------

def trim(text: str, span) -> tuple[int, int] | None:
    if not span:
        return None
    start, end = span
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(" \t\"'“”«»(),.:;،؛-–—"))
    tail = len(piece) - len(piece.rstrip(" \t\"'“”«»(),.:;،؛-–—"))
    return (start + lead, end - tail) if end - tail > start + lead else None


def _words(s: str) -> str:
    return " ".join(_EDGE.sub("", w) for w in s.split() if _EDGE.sub("", w))


def antecedent_text(resolved: dict, docs: dict, dataset: str) -> str | None:
    """The antecedent's text, joined from its document (checked against its hash). The document is
    looked up in the record's dataset first, then in any other: an article's paragraphs may come
    from two datasets that share ids (ArMPro and ArAIEval 1B)."""
    key = resolved["title_of"] if "title_of" in resolved else resolved["doc_id"]
    doc = docs.get((dataset, key)) or next((d for (_, doc_id), d in docs.items() if doc_id == key), None)
    if "title_of" in resolved:
        text = doc.title if doc else ""
    else:
        text = doc.text if doc else ""
    piece = text[resolved["start"]:resolved["end"]]
    return piece if piece and sha1(piece) == resolved["sha1"] else None


def _resolution_error(record: dict, got, want: str, article: list[tuple], title: str) -> str:
    """One resolution error: gold antecedent, predicted ``source_resolved``, the speaker as
    written, and the lines before the sentence (the title and the last four sentences)."""
    speaker = trim(record["text"], record.get("speaker"))
    written = record["text"][speaker[0]:speaker[1]] if speaker else None
    cue = record["text"][record["cue"][0]:record["cue"][1]] if record.get("cue") else None
    lines = [f"  {record['id']} [{record.get('speaker_form')}] gold={want!r} got={got.resolved!r} "
             f"speaker={written!r}/{got.source!r} cue={cue!r}/{got.cue!r} form={got.form}"]
    window = context(record, article, title)[:-1]
    shown = [w for w in window if w[5] == "title"][:1] + [w for w in window if w[5] != "title"][-4:]
    for line in shown:
        lines.append(f"      ({line[5]}) {' '.join(line[4].split())[:300]}")
    lines.append(f"    >> {' '.join(record['text'].split())[:300]}")
    return "\n".join(lines)


ROUND: str | None = None  # --round rN: only that draw's rows (ids attr-real-{lang}-rN-NNN)


def in_split(record: dict, split: str) -> bool:
    """Whether ``record`` belongs to ``split`` (``tuning`` = dev + train, ``all`` = every row) and,
    with ``--round``, to that draw."""
    if ROUND and f"-{ROUND}-" not in record["id"]:
        return False
    return split == "all" or record["split"] == split or (split == "tuning" and record["split"] in ("dev", "train"))


def span_counts(record: dict, got) -> tuple:
    """Gold and predicted speaker spans (trimmed), whether they are equal, and the exact and
    overlap rows (true positive, false positive, false negative) for the F1 counts."""
    gold, pred = trim(record["text"], record.get("speaker")), trim(record["text"], got.span)
    same = gold is not None and gold == pred
    near = gold is not None and pred is not None and pred[0] < gold[1] and gold[0] < pred[1]
    rows = [(hit, pred is not None and not hit, gold is not None and not hit) for hit in (same, near)]
    return gold, pred, same, rows[0], rows[1]


def resolution_match(record: dict, got, docs) -> tuple[str, str, str] | None:
    """For a gold pronoun/implicit speaker with an antecedent: (antecedent text, predicted and
    gold antecedent as compared: words, lower case); None for other items."""
    if record.get("speaker_form") not in ("pronoun", "implicit") or not record.get("resolved"):
        return None
    want = antecedent_text(record["resolved"], docs, record["dataset"])
    # both sides as the rules read text (no diacritics or invisible marks): "الزّراعة" is "الزراعة"
    return (want, _words(clean(got.resolved or "").text).lower(), _words(clean(want).text).lower()) if want else None


SOURCE_GROUPS = ("official", "anonymous", "expert", "media", "citizen", "other")


def gold_source(record: dict, docs) -> str | None:
    """The string whose source type the gold gives: the speaker span (named) or the antecedent."""
    if record.get("speaker_form") == "named":
        span = trim(record["text"], record.get("speaker"))
        return record["text"][span[0]:span[1]] if span else None
    if record.get("speaker_form") in ("pronoun", "implicit") and record.get("resolved"):
        return antecedent_text(record["resolved"], docs, record["dataset"])
    return None


def tally(records: list[dict], lang: str, docs, articles, show: int = 0, resolution_errors: bool = False,
          rules=None) -> tuple[dict[str, np.ndarray], list[str]]:
    """Per-article counts (rows: articles in sorted order) for every figure, and the error lines
    to show; ``rules`` as in :func:`predict`."""
    gazetteer = default_gazetteer()
    groups = sorted({r["article_id"] for r in records})
    gi = {g: i for i, g in enumerate(groups)}
    exact = np.zeros((len(groups), 3))
    partial = np.zeros((len(groups), 3))
    quote = np.zeros((len(groups), 2))
    resolution = np.zeros((len(groups), 2))
    resolution_partial = np.zeros((len(groups), 2))
    actors = np.zeros((len(groups), 3))
    types_gold = np.zeros((len(groups), 2))
    types_e2e = np.zeros((len(groups), 2))
    types_groups = np.zeros((len(groups), len(SOURCE_GROUPS), 3))
    errors = []
    for r in records:
        g = gi[r["article_id"]]
        got = predict(r, articles.get(r["article_id"], []), lang, _title(docs, r), rules)
        gold_span, pred_span, same, exact_row, partial_row = span_counts(r, got)
        exact[g] += exact_row
        partial[g] += partial_row
        quote[g] += (got.quote_type == r["quote_type"], 1)
        match = resolution_match(r, got, docs)
        if match:
            want, a, b = match
            resolution[g] += (a == b, 1)
            resolution_partial[g] += (bool(a) and (a in b or b in a), 1)
            if resolution_errors and a != b:
                print(_resolution_error(r, got, want, articles.get(r["article_id"], []), _title(docs, r)))
            if show and a != b:
                errors.append(f"    {r['id']} RESOLUTION gold={want!r} got={got.resolved!r} "
                              f"form={r.get('speaker_form')}/{got.form} | {r['text'][:120]}")
        if r.get("source_type"):
            want = r["source_type"]
            lines = article_lines(r, articles.get(r["article_id"], []), _title(docs, r))
            typed = source_type(gold_source(r, docs), lang, gazetteer, lines)
            types_gold[g] += (typed == want, 1)
            types_e2e[g] += (source_type(got.resolved, lang, gazetteer, lines) == want, 1)
            for k, group in enumerate(SOURCE_GROUPS):
                types_groups[g, k] += (typed == group == want, typed == group != want, want == group != typed)
            if show and typed != want:
                errors.append(f"    {r['id']} SOURCE TYPE gold={want} got={typed} | {gold_source(r, docs)!r}")
        found = set(gazetteer.find(r["text"], lang))
        gold = set(r.get("actors") or ())
        actors[g] += (len(found & gold), len(found - gold), len(gold - found))
        if show and (not same and (gold_span or pred_span) or got.quote_type != r["quote_type"]):
            gs = r["text"][gold_span[0]:gold_span[1]] if gold_span else None
            ps = r["text"][pred_span[0]:pred_span[1]] if pred_span else None
            gc = r["text"][r["cue"][0]:r["cue"][1]] if r.get("cue") else None
            errors.append(f"    {r['id']} gold={gs!r} got={ps!r} cue={gc!r}/{got.cue!r} "
                          f"type={r['quote_type']}/{got.quote_type} form={r.get('speaker_form')}/{got.form} "
                          f"| {r['text'][:200]}")
    return {"exact": exact, "partial": partial, "quote": quote, "resolution": resolution,
            "resolution_partial": resolution_partial, "actors": actors, "types_gold": types_gold,
            "types_e2e": types_e2e, "types_groups": types_groups}, errors


def evaluate(records: list[dict], lang: str, docs, articles, show: int = 0, resolution_errors: bool = False) -> dict[str, tuple]:
    counts, errors = tally(records, lang, docs, articles, show, resolution_errors)
    exact, partial, quote, actors = counts["exact"], counts["partial"], counts["quote"], counts["actors"]
    resolution, resolution_partial = counts["resolution"], counts["resolution_partial"]
    w = _weights(len(exact))
    out = {
        "sentences": len(records), "articles": len(exact),
        "with speaker": sum(bool(r.get("speaker")) for r in records),
        "speaker exact F1": f1_interval(exact, w), "speaker partial F1": f1_interval(partial, w),
        "quote type accuracy": ratio_interval(quote, w),
        "resolution accuracy (exact)": ratio_interval(resolution, w),
        "resolution accuracy (partial)": ratio_interval(resolution_partial, w),
        "resolution items": int(resolution[:, 1].sum()),
        "actor precision": ratio_interval(np.stack([actors[:, 0], actors[:, 0] + actors[:, 1]], axis=1), w),
        "actor recall": ratio_interval(np.stack([actors[:, 0], actors[:, 0] + actors[:, 2]], axis=1), w),
    }
    if counts["types_gold"][:, 1].sum():
        out["source type items"] = int(counts["types_gold"][:, 1].sum())
        out["source type accuracy (gold speaker)"] = ratio_interval(counts["types_gold"], w)
        out["source type macro-F1 (gold speaker)"] = macro_f1_interval(counts["types_groups"], w)
        out["source type accuracy (end to end)"] = ratio_interval(counts["types_e2e"], w)
        for k, group in enumerate(SOURCE_GROUPS):
            groups = counts["types_groups"][:, k]
            if groups[:, [0, 2]].sum():
                out[f"  {group} F1 (gold {int(groups[:, [0, 2]].sum())})"] = f1_interval(groups, w)
    for line in errors[:show]:
        print(line)
    return out


def real(langs, splits, show: int, resolution_errors: bool = False) -> None:
    if not datasets_dir().is_dir():
        print(f"real-news set skipped: {datasets_dir()} not found")
        return
    for lang in langs:
        path = REAL / f"{lang}.jsonl"
        if not path.is_file():
            print(f"real-news set skipped: {path} not found")
            continue
        records = join(path)
        docs, articles = load_articles(records)
        for split in splits:
            chosen = [r for r in records if in_split(r, split)]
            if not chosen:
                continue
            print(f"\nreal news, {lang}, {split}:")
            result = evaluate(chosen, lang, docs, articles, show, resolution_errors)
            for key, value in result.items():
                print(f"  {key:32s} {fmt(value) if isinstance(value, tuple) else value}")


def written(langs) -> None:
    """The sets the rules were written on (development data: not a held-out figure)."""
    def norm(s):
        return _words(s or "")
    for lang in langs:
        path = ROOT / "corpora" / "attribution" / f"{lang}.jsonl"
        if not path.is_file():
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        groups = sorted({r["id"] for r in rows})
        gi = {g: i for i, g in enumerate(groups)}
        exact, partial, quote = np.zeros((len(rows), 3)), np.zeros((len(rows), 3)), np.zeros((len(rows), 2))
        for r in rows:
            got = attribute_sentences([r["context"], r["text"]], [lang, lang])[-1] if r["context"] else attribute(r["text"], lang)
            pred, gold = norm(got.resolved), norm(r["source"])
            same = bool(gold) and pred == gold
            near = bool(gold) and bool(pred) and (pred in gold or gold in pred)
            g = gi[r["id"]]
            for counts, hit in ((exact, same), (partial, near)):
                counts[g] += (hit, bool(pred) and not hit, bool(gold) and not hit)
            quote[g] += (got.quote_type == r["quote_type"], 1)
        w = _weights(len(rows))
        print(f"\nwritten set (DEVELOPMENT data, the rules were written on it), {lang}: {len(rows)} sentences")
        print(f"  {'speaker exact F1':32s} {fmt(f1_interval(exact, w))}")
        print(f"  {'speaker partial F1':32s} {fmt(f1_interval(partial, w))}")
        print(f"  {'quote type accuracy':32s} {fmt(ratio_interval(quote, w))}")


_PACKAGE = "framing.annotate.attribution"


def load_baseline(path: str, name: str = "baseline_attribution"):
    """The attribution rules copied from another commit, as a module with ``attribute`` and
    ``attribute_sentences``: ``path`` is the single file ``framing/annotate/attribution.py`` (older
    commits) or a directory holding a copy of the package ``framing/annotate/attribution/``.

    A package copy is imported under ``name``; while it runs, ``framing.annotate.attribution``
    also names the copy, so that its imports of its own modules (written absolute) find the copy's
    files, not this tree's. This tree's modules are put back afterwards; the copy's modules stay
    in ``sys.modules`` under ``name``."""
    import importlib.util

    folder = Path(path)
    if not folder.is_dir():
        spec = importlib.util.spec_from_file_location(name, folder)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    ours = {key: sys.modules.pop(key) for key in list(sys.modules) if key == _PACKAGE or key.startswith(_PACKAGE + ".")}
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py", submodule_search_locations=[str(folder)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = sys.modules[_PACKAGE] = module
    try:
        spec.loader.exec_module(module)
    finally:
        for key in [k for k in sys.modules if k == _PACKAGE or k.startswith(_PACKAGE + ".")]:
            copy = sys.modules.pop(key)
            if key != _PACKAGE:
                sys.modules[name + key[len(_PACKAGE):]] = copy
        sys.modules.update(ours)
    return module


def paired(lang: str, split: str, baseline: str) -> None:
    """Paired differences (this tree's rules minus the rules in ``baseline``, a copy of the rules
    from another commit: see :func:`load_baseline`) on the same items, with 95% intervals from the
    same bootstrap over articles."""
    base = load_baseline(baseline)
    records = [r for r in join(REAL / f"{lang}.jsonl") if in_split(r, split)]
    if not records:
        print(f"\npaired, {lang}, {split}: no items")
        return
    docs, articles = load_articles(records)
    counts = [tally(records, lang, docs, articles, rules=rules)[0] for rules in (base, None)]
    w = _weights(len(counts[0]["exact"]))

    def f1(c):
        return 2 * c[..., 0] / (2 * c[..., 0] + c[..., 1] + c[..., 2])

    def ratio(c):
        return c[..., 0] / c[..., 1]

    (e0, p0, q0, r0), (e1, p1, q1, r1) = ([c[k] for k in ("exact", "partial", "quote", "resolution")] for c in counts)
    print(f"\npaired, {lang}, {split}: baseline {baseline} -> this tree")
    for name, before, after, reps in (
            ("speaker exact F1", f1(e0.sum(0)), f1(e1.sum(0)), f1(w @ e1) - f1(w @ e0)),
            ("speaker partial F1", f1(p0.sum(0)), f1(p1.sum(0)), f1(w @ p1) - f1(w @ p0)),
            ("quote type accuracy", ratio(q0.sum(0)), ratio(q1.sum(0)), ratio(w @ q1) - ratio(w @ q0)),
            (f"resolution (exact, {int(r0[:, 1].sum())} items)", ratio(r0.sum(0)), ratio(r1.sum(0)), ratio(w @ r1) - ratio(w @ r0))):
        lo, hi = np.nanpercentile(reps, [2.5, 97.5])
        print(f"  {name:32s} {before:.3f} -> {after:.3f}, difference {after - before:+.3f} [{lo:+.3f}, {hi:+.3f}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train", "tuning", "test", "test2", "test3", "both", "all"), default="dev")
    parser.add_argument("--lang", choices=("en", "ar"), default=None)
    parser.add_argument("--errors", type=int, default=0, help="print up to N span or quote-type errors (gold/predicted) per language and split")
    parser.add_argument("--resolution-errors", action="store_true",
                        help="print every resolution error (gold antecedent, predicted, speaker, the lines before); not on test")
    parser.add_argument("--baseline", default=None, help="rules from another commit: a copy of the single file framing/annotate/attribution.py (older "
                             "commits) or a directory holding a copy of the package framing/annotate/attribution/; "
                             "print paired differences to them (needs --lang)")
    parser.add_argument("--round", dest="round_", default=None,
                        help="only the rows of one draw (e.g. r6: its first score, before rules are written on it, "
                             "is out of sample)")
    args = parser.parse_args()
    global ROUND
    ROUND = args.round_
    langs = [args.lang] if args.lang else ["en", "ar"]
    splits = ["dev", "test", "test2", "test3"] if args.split == "both" else [args.split]
    print("command: .venv/bin/python benchmarks/attribution.py " + " ".join(sys.argv[1:]))
    if args.baseline:
        for split in splits:
            paired(args.lang or "ar", split, args.baseline)
        return
    if args.resolution_errors and any(s in ("test", "test2", "test3", "all") for s in splits):
        parser.error("--resolution-errors reads errors on dev, train or tuning only, never on the test split")
    real(langs, splits, args.errors, args.resolution_errors)
    written(langs)


if __name__ == "__main__":
    main()
