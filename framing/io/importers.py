"""Readers for public labeled datasets, converted to our row format (design §4).

Data stays outside the project (``../shared/datasets/`` by default); these functions read it by
path. Each returns a DataFrame with ``id, text, lang, labels, tone, source`` columns, and
``article_id`` (the group key cross-validation and bootstrap intervals keep together) where the
dataset has articles: SemEval article ids, ArMPro/ArAIEval page ids, NewsMTSC article ids.
Tweets (ArSarcasm-v2, ArSAS, ArAIEval tweets) have no article: each is its own group.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path
from typing import IO, Sequence

import pandas as pd

from framing.errors import CorpusError, InputError
from framing.io.inputs import split_lines

_NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_ARSARCASM_SENTIMENT = {"NEG": "negative", "NEU": "neutral", "POS": "positive"}


def _require(path: Path) -> Path:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return path


def _jsonl(path: Path):
    """``(line_number, object)`` for each non-blank line, naming file:line on bad JSON."""
    for number, line in enumerate(split_lines(path.read_text("utf-8")), 1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError([f"{path}:{number}: invalid JSON ({exc.msg})"]) from None


def page_id(paragraph_id: str) -> str:
    """ArMPro/ArAIEval page of a paragraph: its id minus the last ``_NNN``
    (``MIS_1062-eurl_04_008`` -> ``MIS_1062-eurl_04``); an id without one (a tweet) is its own page."""
    return re.sub(r"_\d+$", "", paragraph_id)


def newsmtsc_article(gid: str) -> str:
    """NewsMTSC article of a sentence: the first three ``_``-separated parts of its id
    (``allsides_1000_401_25_Reality Leigh Winner_0_6`` -> ``allsides_1000_401``)."""
    return "_".join(gid.split("_")[:3])


def newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC JSONL (MIT): a sentence's tone is its targets' polarity when they all agree;
    sentences whose targets disagree are left out (they have no single tone). ``article_id``
    comes from ``primary_gid`` (:func:`newsmtsc_article`)."""
    path = _require(Path(path))
    rows = []
    for number, row in _jsonl(path):
        try:
            polarities = {_NEWSMTSC_POLARITY[t["polarity"]] for t in row["targets"]}
            text = row["sentence_normalized"]
        except (KeyError, TypeError) as exc:
            raise CorpusError([f"{path}:{number}: not a NewsMTSC row ({exc.__class__.__name__})"]) from None
        if len(polarities) == 1:
            gid = row.get("primary_gid")
            rows.append({"id": gid or f"{path.name}:{number}", "article_id": newsmtsc_article(gid) if gid else None,
                         "text": text, "lang": "en", "labels": [], "tone": polarities.pop(), "source": "NewsMTSC"})
    return pd.DataFrame(rows)


def arsarcasm(path: str | Path) -> pd.DataFrame:
    """ArSarcasm-v2 CSV (MIT): tweets with sentiment POS/NEG/NEU (and sarcasm, dialect)."""
    path = _require(Path(path))
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"tweet", "sentiment"} <= set(reader.fieldnames):
            raise CorpusError([f"{path}:1: expected columns tweet,sentiment (got {reader.fieldnames})"])
        for row in reader:
            tone = _ARSARCASM_SENTIMENT.get(row["sentiment"])
            if tone is None or not row["tweet"].strip():
                raise CorpusError([f"{path}:{reader.line_num}: bad sentiment {row['sentiment']!r} or empty tweet"])
            rows.append({"id": f"arsarcasm-{reader.line_num}", "text": row["tweet"], "lang": "ar", "labels": [],
                         "tone": tone, "source": "ArSarcasm-v2"})
    return pd.DataFrame(rows)


def arsas(path: str | Path) -> pd.DataFrame:
    """ArSAS TSV ``text<TAB>label`` (Positive/Negative/Neutral/Mixed): tone rows; Mixed is left out."""
    path = _require(Path(path))
    rows = []
    for number, line in enumerate(split_lines(path.read_text("utf-8")), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label not in ("Positive", "Negative", "Neutral", "Mixed"):
            raise CorpusError([f"{path}:{number}: expected text<TAB>Positive|Negative|Neutral|Mixed"])
        if label != "Mixed" and text.strip():
            rows.append({"id": f"arsas-{number}", "text": text, "lang": "ar", "labels": [], "tone": label.lower(),
                         "source": "ArSAS"})
    return pd.DataFrame(rows)


def semeval_lines(folder: str | Path) -> pd.DataFrame:
    """SemEval-2023 Task 3 subtask 3 (English): one row per article line with its persuasion
    techniques, from ``train-labels-subtask-3.template`` (text) and ``.txt`` (labels)."""
    folder = Path(folder)
    template = _require(folder / "train-labels-subtask-3.template")
    labels_file = _require(folder / "train-labels-subtask-3.txt")
    labels: dict[tuple[str, str], list[str]] = {}
    for number, line in enumerate(split_lines(labels_file.read_text("utf-8")), 1):
        parts = line.split("\t")
        if len(parts) < 2:
            raise CorpusError([f"{labels_file}:{number}: expected article_id<TAB>line<TAB>techniques"])
        labels[(parts[0], parts[1])] = [t for t in (parts[2] if len(parts) > 2 else "").split(",") if t]
    rows = []
    for number, line in enumerate(split_lines(template.read_text("utf-8")), 1):
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise CorpusError([f"{template}:{number}: expected article_id<TAB>line<TAB>text"])
        article, line_no, text = parts
        if not text.strip():
            continue
        rows.append({"id": f"{article}-{line_no}", "article_id": article, "text": text, "lang": "en",
                     "labels": labels.get((article, line_no), []), "source": "SemEval-2023 Task 3 subtask 3"})
    return pd.DataFrame(rows)


def semeval_articles(folder: str | Path) -> pd.DataFrame:
    """SemEval-2023 Task 3 subtask 2 (English): one row per article (title + body) with its frames."""
    folder = Path(folder)
    labels_file = _require(folder / "train-labels-subtask-2.txt")
    rows = []
    for number, line in enumerate(split_lines(labels_file.read_text("utf-8")), 1):
        article, sep, frames = line.partition("\t")
        if not sep:
            raise CorpusError([f"{labels_file}:{number}: expected article_id<TAB>frames"])
        text_file = folder / "train-articles-subtask-2" / f"article{article}.txt"
        if not text_file.is_file():
            raise CorpusError([f"{labels_file}:{number}: no article file {text_file.name}"])
        rows.append({"id": article, "article_id": article, "text": text_file.read_text("utf-8"), "lang": "en",
                     "labels": [f for f in frames.split(",") if f], "source": "SemEval-2023 Task 3 subtask 2"})
    return pd.DataFrame(rows)


def armpro(path: str | Path) -> pd.DataFrame:
    """ArMPro / ArAIEval-2023 task 1 JSONL (Arabic): paragraphs (or tweets) with technique labels;
    ``no_technique`` becomes no label; page domain and date are kept as outlet and date.
    ``article_id`` is the page (``page_id``, else the paragraph id minus its last ``_NNN``,
    :func:`page_id`); a tweet is its own group."""
    path = _require(Path(path))
    rows = []
    for number, row in _jsonl(path):
        text = row.get("paragraph") or row.get("text")
        raw = row.get("labels")
        if raw is None and "label" in row:  # task 1A: binary persuasive / not
            raw = ["persuasive"] if str(row["label"]).lower() in ("true", "1", "persuasive") else []
        if not isinstance(text, str) or not isinstance(raw, list):
            raise CorpusError([f"{path}:{number}: expected 'paragraph'/'text' and 'labels'"])
        rid = str(row.get("paragraph_id") or row.get("id") or number)
        rows.append({"id": rid, "article_id": str(row.get("page_id") or page_id(rid)),
                     "text": text, "lang": "ar", "labels": [l for l in raw if l != "no_technique"],
                     "outlet": row.get("page_domain"), "date": row.get("page_date"), "source": path.parent.name})
    return pd.DataFrame(rows)


def standoff(path: str | Path) -> pd.DataFrame:
    """Our stand-off labels on public news (``corpora/real/*.jsonl``) joined with the datasets'
    text (``$FRAMING_DATASETS`` or ``../shared/datasets``); a changed text is an error naming the
    file and line (see :mod:`framing.io.standoff`)."""
    from framing.io.standoff import SOURCES, join

    rows = []
    for rec in join(_require(Path(path))):
        rows.append({"id": rec["id"], "text": rec["text"], "lang": rec["lang"], "labels": list(rec.get("labels") or []),
                     "tone": rec.get("tone"), "article_id": rec["article_id"], "outlet": rec.get("outlet") or None,
                     "stratum": rec.get("stratum"), "split": rec.get("split"),
                     "source": f"{rec['dataset']} ({SOURCES[rec['dataset']].licence})"})
    return pd.DataFrame(rows)


READERS = {
    "semeval-lines": semeval_lines, "semeval-articles": semeval_articles, "armpro": armpro, "araieval": armpro,
    "newsmtsc": newsmtsc, "arsarcasm": arsarcasm, "arsas": arsas, "standoff": standoff,
}


def apply_mapping(frame: pd.DataFrame, mapping: dict[str, str | None], keep_unmapped: bool = False) -> pd.DataFrame:
    """Map foreign labels onto a codebook (``{"Doubt": "skepticism", ...}``); labels mapped to
    None, or absent from the mapping, are dropped unless ``keep_unmapped``."""
    def convert(labels: list[str]) -> list[str]:
        out = []
        for label in labels:
            target = mapping.get(label, label if keep_unmapped else None)
            if target:
                out.append(target)
        return sorted(set(out))

    frame = frame.copy()
    frame["labels"] = frame["labels"].map(convert)
    return frame


def load_mapping(path: str | Path) -> dict[str, str | None]:
    """A label mapping file: YAML or JSON object of foreign label -> codebook label (or null)."""
    path = _require(Path(path))
    text = path.read_text("utf-8")
    try:
        if path.suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:
        raise CorpusError([f"{path}: cannot read mapping ({exc.__class__.__name__})"]) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()):
        raise CorpusError([f"{path}: a mapping is an object of label -> label (or null)"])
    return data


def convert(fmt: str, paths: Sequence[str | Path], mapping: str | Path | None = None,
            keep_unmapped: bool = False) -> pd.DataFrame:
    """Read public-dataset files of format ``fmt`` (one of :data:`READERS`), optionally mapping labels."""
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(READERS)}")
    frame = pd.concat([reader(p) for p in paths], ignore_index=True)
    return apply_mapping(frame, load_mapping(mapping), keep_unmapped) if mapping else frame


def write_corpus(frame: pd.DataFrame, out: IO[str]) -> None:
    """Write corpus rows as JSONL (design §4), leaving out empty fields."""
    for row in frame.to_dict("records"):
        clean = {k: v for k, v in row.items() if v is not None and not (isinstance(v, float) and v != v)}
        out.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")


TONE_READERS = {"newsmtsc": newsmtsc, "arsarcasm": arsarcasm, "arsas": arsas}
TONE_SOURCES = {"newsmtsc": "NewsMTSC", "arsarcasm": "ArSarcasm-v2", "arsas": "ArSAS"}
"""The ``source`` value each tone reader writes, by its format name."""


def read_tone_extra(specs: Sequence[str]) -> pd.DataFrame | None:
    """Tone-only training rows from ``FORMAT:PATH`` specs (FORMAT in :data:`TONE_READERS`); None if none."""
    frames = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if not sep or fmt not in TONE_READERS:
            raise InputError(f"--tone-extra {spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(TONE_READERS)}")
        frames.append(TONE_READERS[fmt](path))
    return pd.concat(frames, ignore_index=True) if frames else None


def tone_extra_weights(values: Sequence[str]) -> float | dict[str, float]:
    """``--tone-extra-weight`` values: one number ``W`` for every source, or ``FORMAT=W`` per
    source (repeatable; FORMAT in :data:`TONE_READERS`, sources not named keep weight 1).
    Returns what :func:`framing.models.train.train` takes as ``tone_extra_weight``."""
    def weight(text: str, spec: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not math.isfinite(value) or value < 0:
            raise InputError(f"--tone-extra-weight {spec!r}: the weight must be a number >= 0")
        return value

    values = list(values)
    if not values:
        return 1.0
    plain = [v for v in values if "=" not in v]
    if plain and len(values) > 1:
        raise InputError("--tone-extra-weight: give one number for every source, or FORMAT=W per source "
                         f"(FORMAT one of {', '.join(TONE_READERS)}), not both")
    if plain:
        return weight(plain[0], plain[0])
    out: dict[str, float] = {}
    for spec in values:
        fmt, _, text = spec.partition("=")
        if fmt not in TONE_SOURCES:
            raise InputError(f"--tone-extra-weight {spec!r}: FORMAT must be one of {', '.join(TONE_READERS)}")
        out[TONE_SOURCES[fmt]] = weight(text, spec)
    return out
