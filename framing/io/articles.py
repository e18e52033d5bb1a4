"""Batch scoring of article files: read articles from .txt, .html and corpus files, score them,
and flatten rows for CSV/Parquet. Shared by the CLI and the Dask engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

TONE_COLUMNS = ["tone_negative", "tone_neutral", "tone_positive"]


def iter_articles(paths: Sequence[str], outlet: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, fields)`` for every article in the input files."""
    from framing.corpora import CORPUS_SUFFIXES, read_records
    from framing.errors import InputError
    from framing.inputs import read_text_file
    from framing.text.html import extract_article, looks_like_html

    for path in paths:
        suffix = Path(path).suffix.lower()
        if suffix in CORPUS_SUFFIXES:
            for number, rec in read_records(path):
                where = f"{path}:{number}"
                text = rec.get("text")
                if not isinstance(text, str):
                    raise InputError(f"{where}: missing 'text' (an article corpus needs a 'text' column)")
                fields = {k: (None if rec.get(k) in (None, "") else str(rec.get(k))) for k in ("title", "outlet", "date", "url", "id")}
                if outlet:
                    fields["outlet"] = outlet
                yield where, {"text": text, **fields}
            continue
        raw = read_text_file(path)
        fields: dict[str, Any] = {"id": Path(path).stem, "outlet": outlet, "title": None, "date": None, "url": None}
        if suffix in (".html", ".htm") or looks_like_html(raw):
            extracted = extract_article(raw, path)
            fields.update(title=extracted.title, date=extracted.date)
            raw = extracted.text
        yield path, {"text": raw, **fields}


def score_files(model, paths: Sequence[str], outlet: str | None = None, lang: str | None = None,
                skip_errors: bool = False, on_skip: Callable[[str, str], None] | None = None):
    """Yield a :class:`~framing.scoring.ScoredArticle` for every article in ``paths``.

    An unusable article raises :class:`InputError` naming file and line, or with
    ``skip_errors`` is reported to ``on_skip(where, message)`` and skipped.
    """
    from framing.errors import FramingError, InputError

    for where, fields in iter_articles(paths, outlet):
        text = fields.pop("text")
        try:
            yield model.score_article(text, lang=lang, **fields)
        except FramingError as exc:
            message = str(exc).replace("article: ", "").replace("article ", "")
            if not skip_errors:
                raise InputError(f"{where}: {message}") from None
            if on_skip is not None:
                on_skip(where, message)


def tone_values(scores: dict[str, float] | None) -> list:
    return [scores.get(c.removeprefix("tone_"), "") if scores else "" for c in TONE_COLUMNS]


def flat_rows(rows):
    """Rows for flat formats (CSV, Parquet): tone scores as one column per tone."""
    table = rows.copy()
    if "tone_scores" in table:
        values = [tone_values(s) for s in table["tone_scores"]]
        for j, column in enumerate(TONE_COLUMNS):
            table[column] = [v[j] if v[j] != "" else None for v in values]
        table = table.drop(columns=["tone_scores"])
    return table
