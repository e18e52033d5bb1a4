"""Articles from files: ``.txt``, ``.html`` and corpus files (``.jsonl/.csv/.tsv/.parquet``),
read and scored one by one. Shared by the CLI and the Dask engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from framing.errors import FramingError, InputError
from framing.io.corpora import CORPUS_SUFFIXES, read_records
from framing.io.inputs import read_text_file
from framing.scoring import ScoredArticle, Scorer

ARTICLE_FIELDS = ("title", "outlet", "date", "url", "id")  # optional fields of an article record


def iter_articles(paths: Sequence[str], outlet: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, fields)`` for every article in the input files (``fields`` has ``text``)."""
    from framing.text.html import extract_article, looks_like_html

    for path in paths:
        suffix = Path(path).suffix.lower()
        if suffix in CORPUS_SUFFIXES:
            for number, rec in read_records(path):
                where = f"{path}:{number}"
                text = rec.get("text")
                if not isinstance(text, str):
                    raise InputError(f"{where}: missing 'text' (an article corpus needs a 'text' column)")
                fields = {k: (None if rec.get(k) in (None, "") else str(rec.get(k))) for k in ARTICLE_FIELDS}
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


def score_files(scorer: Scorer, paths: Sequence[str], outlet: str | None = None, lang: str | None = None,
                skip_errors: bool = False, on_skip: Callable[[str, str], None] | None = None,
                cues: int | None = None) -> Iterator[ScoredArticle]:
    """Yield a :class:`~framing.scoring.ScoredArticle` for every article in ``paths``.

    A path that is already scored output is refused at once (:class:`InputError`). An unusable
    article raises :class:`InputError` naming file and line, or with ``skip_errors`` is reported
    to ``on_skip(where, message)`` and skipped.
    """
    from framing.io.scored import refuse_scored

    refuse_scored(paths)
    return _score_files(scorer, paths, outlet, lang, skip_errors, on_skip, {} if cues is None else {"cues": cues})


def _score_files(scorer, paths, outlet, lang, skip_errors, on_skip, options) -> Iterator[ScoredArticle]:
    for where, fields in iter_articles(paths, outlet):
        text = fields.pop("text")
        try:
            yield scorer.score_article(text, lang=lang, **fields, **options)
        except FramingError as exc:
            message = str(exc).replace("article: ", "").replace("article ", "")
            if not skip_errors:
                raise InputError(f"{where}: {message}") from None
            if on_skip is not None:
                on_skip(where, message)


def read_sentences(paths: Sequence[str], scorer: Scorer):
    """One sentence table from files that are scored sentences (``score``/``export`` output) or
    articles (scored here with ``scorer``)."""
    import pandas as pd

    from framing.errors import NotScoredError
    from framing.io.scored import read_scored

    parts = []
    for path in paths:
        try:
            parts.append(read_scored(path))
        except NotScoredError:
            parts += [a.sentences for a in score_files(scorer, [path])]
    if not parts:
        raise InputError("nothing to compare")
    return pd.concat(parts, ignore_index=True)
