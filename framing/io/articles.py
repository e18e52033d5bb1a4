"""Articles from files: ``.txt``, ``.html`` and corpus files (``.jsonl/.csv/.tsv/.parquet``),
read and scored one by one. Shared by the CLI and the Dask engine."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from framing.errors import FramingError, InputError, InputWarning
from framing.io.corpora import CORPUS_SUFFIXES, read_records
from framing.io.inputs import read_text_file
from framing.scoring import ScoredArticle, Scorer

ARTICLE_FIELDS = ("title", "outlet", "date", "url", "id")  # optional fields of an article record


def iter_articles(paths: Sequence[str], outlet: str | None = None,
                  on_error: Callable[[str, str], None] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, fields)`` for every article in the input files (``fields`` has ``text``).

    A file that cannot be read (binary, not UTF-8, a malformed corpus) or a corpus record
    without text raises :class:`InputError`, or, with ``on_error``, is reported to
    ``on_error(where, message)`` and skipped (the whole file where the file is unreadable).

    Article ids are unique within a run: an id an earlier article already has (two corpus files
    that both number their articles from 1, ``a/x.txt`` and ``b/x.txt``) becomes ``FILE:ID``
    (``FILE:LINE:ID`` inside one file), with a warning, so that different articles are never
    pooled into one by the tables that group sentences by article."""
    seen: set[str] = set()
    for path in paths:
        renamed = 0
        for where, fields in _file_articles(path, outlet, on_error):
            article_id = fields.get("id")
            if article_id is not None:
                if article_id in seen:
                    renamed += 1
                    fields["id"] = article_id = next(
                        c for c in (f"{path}:{article_id}", f"{where}:{article_id}") if c not in seen)
                seen.add(article_id)
            yield where, fields
        if renamed:
            warnings.warn(f"{path}: {renamed} article id(s) already used by an earlier article were kept apart "
                          f"as '{path}:ID' (give each article its own id to avoid this)", InputWarning, stacklevel=2)


def _file_articles(path: str, outlet: str | None,
                   on_error: Callable[[str, str], None] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    def failed(where: str, exc: FramingError, whole_file: bool = False) -> None:
        if on_error is None:
            raise exc
        message = str(exc)
        message = message[len(where) + 2:] if message.startswith(f"{where}: ") else message
        on_error(where, f"the whole file ({message})" if whole_file else message)

    suffix = Path(path).suffix.lower()
    if suffix in CORPUS_SUFFIXES:
        try:
            records = read_records(path)
        except FramingError as exc:
            failed(path, exc, whole_file=True)
            return
        if records and suffix != ".jsonl" and "text" not in records[0][1]:
            columns = ", ".join(map(str, records[0][1])) or "none"
            failed(path, InputError(f"{path}: no 'text' column (columns: {columns[:200]}); an article corpus needs one"),
                   whole_file=True)
            return
        for number, rec in records:
            where = f"{path}:{number}"
            text = rec.get("text")
            if not isinstance(text, str):
                failed(where, InputError(f"{where}: missing 'text' (an article corpus needs a 'text' column)"))
                continue
            fields = {k: (None if rec.get(k) in (None, "") else str(rec.get(k))) for k in ARTICLE_FIELDS}
            if outlet:
                fields["outlet"] = outlet
            yield where, {"text": text, **fields}
        return
    try:
        text, fields = _text_article(path, outlet)
    except FramingError as exc:
        failed(path, exc)
        return
    yield path, {"text": text, **fields}


def _text_article(path: str, outlet: str | None) -> tuple[str, dict[str, Any]]:
    """The text and fields of one ``.txt`` or HTML article file.

    An HTML page (by its ``.html``/``.htm`` name or its content) not in UTF-8 is read in the
    charset it declares; a page without article text beyond its title (only a title, menus or
    boilerplate) is an :class:`InputError` ("no article text found", the message the HTTP API
    gives for a page without a body)."""
    from framing.text.html import extract_article, looks_like_html, require_article_text

    named_html = Path(path).suffix.lower() in (".html", ".htm")
    raw = read_text_file(path, html=True if named_html else None)
    fields: dict[str, Any] = {"id": Path(path).stem, "outlet": outlet, "title": None, "date": None, "url": None}
    if named_html or looks_like_html(raw):
        extracted = require_article_text(extract_article(raw, path), path)
        fields.update(title=extracted.title, date=extracted.date)
        raw = extracted.text
    return raw, fields


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
    skip = on_skip if on_skip is not None else (lambda where, message: None)
    for where, fields in iter_articles(paths, outlet, on_error=skip if skip_errors else None):
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

    parts, seen = [], set()
    for path in paths:
        try:
            part = read_scored(path)
        except NotScoredError:
            found = [a.sentences for a in score_files(scorer, [path])]
            part = pd.concat(found, ignore_index=True) if found else None
        if part is None or part.empty:
            continue
        if "article_id" in part:
            ids = part["article_id"].astype(str)
            clash = ids.isin(seen)
            if clash.any():  # another file's articles: never pooled with them
                part = part.assign(article_id=ids.where(~clash, str(path) + ":" + ids))
                warnings.warn(f"{path}: {ids[clash].nunique()} article id(s) also used in an earlier input were kept "
                              f"apart as '{path}:ID'", InputWarning, stacklevel=2)
            seen.update(part["article_id"].astype(str))
        parts.append(part)
    if not parts:
        raise InputError("nothing to compare")
    return pd.concat(parts, ignore_index=True)
