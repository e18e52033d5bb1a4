"""Read and validate labeled corpora (JSONL, CSV, Parquet) and article collections.

Every problem is reported with file and line; no row is ever dropped silently.
Format (design §4): ``{"text": str, "labels": [str, ...], "lang": "ar"|"en" (optional),
"id", "article_id", "outlet", "date", "tone" (optional)}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from framing.codebook import Codebook
from framing.errors import CorpusError, InputError
from framing.io.inputs import MAX_CORPUS_BYTES, decode_bytes, split_lines
from framing.schema import LANGUAGES as SUPPORTED_LANGUAGES, TONES
from framing.text.language import detect_language

CORPUS_SUFFIXES = (".jsonl", ".json", ".csv", ".tsv", ".parquet")
_MAX_PROBLEMS = 1000
_OPTIONAL = ("id", "article_id", "outlet", "date", "title", "url")
_RESERVED = ("file", "line")


def read_records(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """Read a JSONL/CSV/TSV/Parquet file into ``(line_number, record)`` pairs.

    Raises :class:`CorpusError` naming file and line for unparseable lines.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in CORPUS_SUFFIXES:
        raise InputError(f"{path}: unsupported corpus format {suffix or '(no extension)'}; use one of {', '.join(CORPUS_SUFFIXES)}")
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    if p.stat().st_size > MAX_CORPUS_BYTES:
        raise InputError(f"{path}: file is larger than {MAX_CORPUS_BYTES // 2**30} GB; split it into shards")
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(p)
        except Exception as exc:  # pyarrow raises many types for corrupt files
            raise InputError(f"{path}: cannot read Parquet ({exc.__class__.__name__}: {exc})") from None
        return [(i + 1, _clean(row)) for i, row in enumerate(frame.to_dict("records"))]
    text = decode_bytes(p.read_bytes(), str(path))
    if suffix in (".csv", ".tsv"):
        import csv
        import io

        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if suffix == ".tsv" else ",")
        if not reader.fieldnames:
            raise CorpusError([f"{path}:1: empty file or no header row"])
        records = []
        try:
            for row in reader:
                if None in row:
                    raise CorpusError([f"{path}:{reader.line_num}: more fields than header columns"])
                records.append((reader.line_num, {k: v for k, v in row.items()}))
        except csv.Error as exc:
            raise CorpusError([f"{path}:{reader.line_num}: malformed CSV ({exc})"]) from None
        return records
    records = []
    problems = []
    for number, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path}:{number}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{path}:{number}: expected a JSON object, got {type(obj).__name__}")
            continue
        records.append((number, obj))
    if problems:
        raise CorpusError(problems[:_MAX_PROBLEMS], total=len(problems))
    return records


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, float) and value != value:  # NaN
            value = None
        out[key] = value
    return out


def _parse_labels(value: Any) -> list[str] | None:
    """Labels as a list; CSV cells may hold a JSON list or ``a|b`` / ``a;b`` / ``a,b``."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return []
        if s.startswith("["):
            try:
                parsed = json.loads(s)
            except json.JSONDecodeError:
                return None
            return parsed if isinstance(parsed, list) else None
        for sep in ("|", ";", ","):
            if sep in s:
                return [x.strip() for x in s.split(sep) if x.strip()]
        return [s]
    return None


def read_corpus(
    paths: str | Path | Iterable[str | Path],
    codebook: Codebook | None = None,
    require_labels: bool = True,
) -> pd.DataFrame:
    """Read labeled corpus files into one DataFrame, validating every row.

    Columns: ``id, text, labels, lang, tone, article_id, outlet, date, title, url, file, line``,
    plus any other scalar column of the records (e.g. ``stratum``, ``split``, ``weight``).
    With a ``codebook``, labels outside it are errors (naming file, line and the known labels).
    Missing ``lang`` is detected; text in an unsupported language is an error.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for path in paths:
        for number, rec in read_records(path):
            where = f"{path}:{number}"
            row, problem = _validate(rec, where, codebook, require_labels)
            if problem:
                problems.append(problem)
            else:
                row.update(file=str(path), line=number)
                rows.append(row)
    if problems:
        raise CorpusError(problems[:_MAX_PROBLEMS], total=len(problems))
    if not rows:
        raise CorpusError([f"{', '.join(map(str, paths))}: no records found"])
    frame = pd.DataFrame(rows)
    duplicated = frame["id"].duplicated(keep=False)
    if duplicated.any():
        dups = frame.loc[duplicated]
        raise CorpusError([f"{r.file}:{r.line}: duplicate id {r.id!r}" for r in dups.itertuples()])
    return frame


def _validate(rec: dict[str, Any], where: str, codebook: Codebook | None, require_labels: bool):
    if "text" not in rec:
        cols = ", ".join(sorted(map(str, rec))) or "none"
        return None, f"{where}: missing 'text' (columns present: {cols})"
    text = rec["text"]
    if not isinstance(text, str):
        return None, f"{where}: 'text' must be a string, got {type(text).__name__}"
    if not text.strip():
        return None, f"{where}: 'text' is empty"
    labels = _parse_labels(rec.get("labels"))
    if labels is None:
        if require_labels or rec.get("labels") is not None:
            got = "missing" if rec.get("labels") is None else repr(rec.get("labels"))[:60]
            return None, f"{where}: 'labels' must be a list of strings (got {got})"
        labels = []
    if not all(isinstance(x, str) and x for x in labels):
        return None, f"{where}: 'labels' must contain only non-empty strings"
    if codebook is not None:
        unknown = codebook.check_labels(labels)
        if unknown:
            return None, f"{where}: unknown label(s) {', '.join(unknown)}; the codebook has {', '.join(codebook.ids)}"
    lang = rec.get("lang") or None
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        return None, f"{where}: unsupported lang {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}"
    if lang is None:
        lang = detect_language(text)
        if lang not in SUPPORTED_LANGUAGES:
            return None, f"{where}: could not identify the language as Arabic or English; set 'lang' if it is one of them"
    tone = rec.get("tone") or None
    if tone is not None and tone not in TONES:
        return None, f"{where}: tone {tone!r} is not one of {', '.join(TONES)}"
    row = {
        "id": str(rec["id"]) if rec.get("id") not in (None, "") else where,
        "text": text,
        "labels": sorted(set(labels)),
        "lang": lang,
        "tone": tone,
    }
    for key in _OPTIONAL[1:]:
        value = rec.get(key)
        row[key] = None if value in (None, "") else str(value)
    for key, value in rec.items():  # other scalar columns (e.g. stratum, split, weight) travel along
        if key not in row and key not in _RESERVED and isinstance(value, (str, int, float, bool)):
            row[key] = value
    return row, None
