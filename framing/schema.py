"""The sentence table, defined once: its columns, and the writers for every output format.

Every sentence row the toolkit produces (``classify``, ``score``, ``export``, the Dask engine,
the HTTP API) has these columns, in this order::

    article columns  article_id, outlet, date, title, url, sentence_index, kind, start, end
                     (rows of whole articles only)
    model columns    text, lang, labels, one probability column per frame, cues, tone, tone_scores
                     (tone columns when the model has a tone estimator)
    annotations      the columns the annotators declare: source, cue, quote_type, source_resolved,
                     source_type (attribution),
                     actors (gazetteer), then those of your own annotators

JSON records (``jsonl``, HTTP) nest the frame probabilities under ``scores``; flat formats
(``csv``, ``parquet``) keep one column per frame and spread ``tone_scores`` over
``tone_negative, tone_neutral, tone_positive``. CSV cells that a spreadsheet would run as a
formula are neutralized (see :func:`csv_safe`). Files are written by :func:`atomic_output`.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from framing.errors import InputError, ModelError, OutputError
from framing.text.language import SUPPORTED_LANGUAGES

LANGUAGES: tuple[str, ...] = tuple(SUPPORTED_LANGUAGES)
UNDETERMINED = "und"  # `lang` of rows that are empty or not in a supported language
TONES = ("negative", "neutral", "positive")

ARTICLE_COLUMNS = ("article_id", "outlet", "date", "title", "url", "sentence_index", "kind", "start", "end")
TEXT_COLUMNS = ("text", "lang", "labels")
CUES = "cues"
TONE_COLUMNS = ("tone", "tone_scores")
ATTRIBUTION_COLUMNS = ("source", "cue", "quote_type", "source_resolved", "source_type")
# the values of ``source_type`` (corpora/ATTRIBUTION_GUIDELINES.md §11; framing.annotate.source_types)
SOURCE_TYPES = ("official", "expert", "media", "anonymous", "citizen", "other")
ACTOR_COLUMNS = ("actors",)
SCORES = "scores"  # JSON records: {frame: probability}, or null for unscored rows
FLAT_TONE_COLUMNS = tuple(f"tone_{t}" for t in TONES)
API_NAMES = {"sentence_index": "index"}  # HTTP sentence objects name the index `index`
ARTICLE_METADATA = ARTICLE_COLUMNS[:5]  # per article, not per sentence (HTTP: on the article object)

# Frame ids become columns beside these, so a codebook may not use them.
RESERVED_IDS = frozenset({
    *ARTICLE_COLUMNS, *TEXT_COLUMNS, CUES, *TONE_COLUMNS, *ATTRIBUTION_COLUMNS, *ACTOR_COLUMNS,
    SCORES, *FLAT_TONE_COLUMNS, *API_NAMES.values(), "id", "error",
})
FORMATS = ("jsonl", "csv", "parquet", "table")
SCORED_MARKERS = ("article_id", "sentence_index", "text", "labels")  # columns that mark a scored-sentence file
_LIST_COLUMNS = ("labels", "actors")
_STRING_COLUMNS = ("article_id", "outlet", "date", "title", "url", "kind", "text", "lang", "tone",
                   "source", "cue", "quote_type", "source_resolved", "source_type")
_INT_COLUMNS = ("sentence_index", "start", "end")


# --- columns -----------------------------------------------------------------------------------

def model_columns(frames: Sequence[str], tone: bool) -> list[str]:
    """Columns a frame model fills: text, lang, labels, frames, cues and (with tone) tone columns."""
    return [*TEXT_COLUMNS, *frames, CUES, *(TONE_COLUMNS if tone else ())]


def sentence_columns(frames: Sequence[str], tone: bool, annotations: Sequence[str] = (),
                     article: bool = False) -> list[str]:
    """The sentence table's columns, in order (``article`` adds the article columns first)."""
    columns = [*(ARTICLE_COLUMNS if article else ()), *model_columns(frames, tone), *annotations]
    seen: set[str] = set()
    clashes = [c for c in columns if c in seen or seen.add(c)]
    if clashes:
        raise ModelError(f"column(s) {', '.join(clashes)} would appear twice; rename the frame or annotator column")
    return columns


def check_tone_classes(classes: Iterable[Any]) -> list[str]:
    """The tone estimator's classes as strings; :class:`ModelError` unless they are :data:`TONES`."""
    names = [str(c) for c in classes]
    if sorted(names) != sorted(TONES):
        raise ModelError(f"tone classes {', '.join(names)} do not match the sentence schema ({', '.join(TONES)})")
    return names


def make_table(columns: dict[str, Any]):
    """A DataFrame from column lists; text-like columns stay ``object`` (missing values are None)."""
    import numpy as np
    import pandas as pd

    return pd.DataFrame({k: v if isinstance(v, np.ndarray) else pd.Series(v, dtype=object)
                         for k, v in columns.items()})


# --- records (JSON) ------------------------------------------------------------------------------

def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _plain(value: Any) -> Any:
    if _missing(value):
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    return value


def scores_of(row: dict[str, Any], frames: Sequence[str]) -> dict[str, float] | None:
    """``{frame: probability}`` rounded to 4 places, or None for an unscored row."""
    values = [row.get(f) for f in frames]
    if any(_missing(v) for v in values):
        return None
    return {f: round(float(v), 4) for f, v in zip(frames, values)}


def records(table, frames: Sequence[str], api: bool = False) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts in column order, frame probabilities nested under ``scores``.

    ``api`` gives the HTTP sentence objects: without article columns, ``sentence_index`` as
    ``index``.
    """
    frames = list(frames)
    columns = [c for c in table.columns if not (api and c in ARTICLE_METADATA)]
    data = {c: table[c].tolist() for c in columns}
    out = []
    for i in range(len(table)):
        row = {c: data[c][i] for c in columns}
        record: dict[str, Any] = {}
        for column in columns:
            if column in frames:
                if column == frames[0]:
                    record[SCORES] = scores_of(row, frames)
                continue
            record[API_NAMES.get(column, column) if api else column] = _plain(row[column])
        out.append(record)
    return out


def table_from_records(rows: Sequence[dict[str, Any]], frames: Sequence[str]):
    """The inverse of :func:`records` (also for HTTP sentence objects): a sentence table."""
    import numpy as np

    frames = list(frames)
    if not rows:
        return make_table({})
    names = {v: k for k, v in API_NAMES.items()}
    rows = [{names.get(k, k): v for k, v in row.items()} for row in rows]
    columns: dict[str, list] = {}
    for row in rows:
        for key in row:
            for column in (frames if key == SCORES else [key]):
                columns.setdefault(column, [])
    for row in rows:
        scores = row.get(SCORES) or {}
        for column, values in columns.items():
            values.append(scores.get(column, np.nan) if column in frames else row.get(column))
    return make_table({c: (np.asarray(v, dtype=float) if c in frames else v) for c, v in columns.items()})


def table_from_article(article: dict[str, Any]):
    """The sentence table (article columns first) of an HTTP/stored article object, and its frames."""
    frames = list(article.get("frames") or {})
    table = table_from_records(article.get("sentences") or [], frames)
    n = len(table)
    for i, column in enumerate(ARTICLE_METADATA):
        table.insert(i, column, pd_object([article.get("id" if column == "article_id" else column)] * n))
    tone = "tone" in table
    known = sentence_columns(frames, tone, article=True)
    rest = [c for c in table.columns if c not in known]
    for column in known:
        if column not in table:
            table[column] = pd_object([None] * n)
    return table[[*known, *rest]], frames


def pd_object(values: list[Any]):
    """A pandas ``object`` Series (missing values stay None)."""
    import pandas as pd

    return pd.Series(values, dtype=object)


# --- flat formats ------------------------------------------------------------------------------

def cues_text(cues: dict[str, list[str]] | None) -> str:
    """``{frame: [terms]}`` as ``frame: a, b; frame2: c`` (for CSV and the terminal)."""
    return "; ".join(f"{frame}: {', '.join(terms)}" for frame, terms in (cues or {}).items() if terms)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting with ``= + - @``, tab or carriage
    return gets a leading single quote (OWASP's advice); other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def flat_table(table, fmt: str):
    """``table`` for a flat format (``csv`` or ``parquet``): tone scores as one column per tone,
    cues as text (CSV) or JSON (Parquet), lists joined with ``|`` in CSV, formulas neutralized."""
    table = table.copy()
    if "tone_scores" in table:
        scores = table["tone_scores"].tolist()
        at = list(table.columns).index("tone_scores")
        for j, tone in enumerate(TONES):
            table.insert(at + j + 1, FLAT_TONE_COLUMNS[j], [s.get(tone) if isinstance(s, dict) else None for s in scores])
        table = table.drop(columns=["tone_scores"])
    if CUES in table:
        if fmt == "csv":
            table[CUES] = table[CUES].map(cues_text)
        else:
            table[CUES] = table[CUES].map(lambda c: json.dumps(c or {}, ensure_ascii=False))
    for column in table.columns:
        values = table[column].tolist()
        if fmt == "csv" and any(isinstance(v, (list, tuple)) for v in values):
            table[column] = ["|".join(map(str, v)) if isinstance(v, (list, tuple)) else v for v in values]
        elif fmt == "csv" and any(isinstance(v, dict) for v in values):
            table[column] = [json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for v in values]
        if fmt == "csv" and table[column].dtype.kind not in "fiub":  # text of any dtype
            table[column] = [csv_safe(v) for v in table[column].tolist()]
    return table


def _arrow_schema(table):
    import pyarrow as pa

    fields = []
    for column in table.columns:
        if column in _STRING_COLUMNS or column in (CUES,):
            kind = pa.string()
        elif column in _LIST_COLUMNS:
            kind = pa.list_(pa.string())
        elif column in _INT_COLUMNS:
            kind = pa.int64()
        elif column in FLAT_TONE_COLUMNS or table[column].dtype.kind == "f":
            kind = pa.float64()
        else:
            kind = pa.Schema.from_pandas(table[[column]], preserve_index=False).field(column).type
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def _arrow(table, schema=None):
    import pyarrow as pa

    schema = schema or _arrow_schema(table)
    arrays = []
    for field in schema:
        values = [None if _missing(v) else v for v in table[field.name].tolist()] \
            if not pa.types.is_floating(field.type) else table[field.name].astype(float).to_numpy()
        if pa.types.is_list(field.type):
            values = [list(v) if v is not None else [] for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


# --- writers -----------------------------------------------------------------------------------

class SentenceWriter:
    """Streams sentence tables to ``out`` as ``jsonl``, ``csv`` or ``parquet``.

    Call :meth:`write` with each table (same columns each time), then :meth:`close`. Parquet
    needs a binary ``out``; every call writes one row group.
    """

    def __init__(self, out: IO, fmt: str, frames: Sequence[str]):
        if fmt not in ("jsonl", "csv", "parquet"):
            raise InputError(f"unknown format {fmt!r}; use jsonl, csv or parquet")
        self.out, self.fmt, self.frames = out, fmt, list(frames)
        self._header = True
        self._parquet = None

    def write(self, table) -> None:
        """Append the rows of ``table``."""
        if self.fmt == "jsonl":
            for record in records(table, self.frames):
                self.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        elif self.fmt == "csv":
            flat_table(table, "csv").to_csv(self.out, index=False, header=self._header)
            self._header = False
        else:
            import pyarrow.parquet as pq

            flat = flat_table(table, "parquet")
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.out, _arrow_schema(flat))
            self._parquet.write_table(_arrow(flat, self._parquet.schema))

    def close(self) -> None:
        """Finish the file (Parquet footer)."""
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None


def write_articles(articles: Iterable[Any], out: IO, fmt: str, frames: Sequence[str],
                   batch: int = 200, wide: bool = False) -> int:
    """Stream scored articles to ``out`` (``table``, ``jsonl``, ``csv`` or ``parquet``, one row group
    per ``batch`` articles), so corpora of any size score in bounded memory; returns the count.
    ``wide``: the table shows whole sentences instead of one line each."""
    import pandas as pd

    if fmt == "table":
        view = ArticleTable(out, frames, wide=wide)
        count = 0
        for count, article in enumerate(articles, 1):
            view.write_article(article)
        return count
    writer, pending, count = SentenceWriter(out, fmt, frames), [], 0
    for count, article in enumerate(articles, 1):
        pending.append(article.sentences)
        if len(pending) >= batch or fmt != "parquet":
            writer.write(pd.concat(pending, ignore_index=True) if len(pending) > 1 else pending[0])
            pending = []
    if pending:
        writer.write(pd.concat(pending, ignore_index=True))
    writer.close()
    return count


def write_frame(table, out: IO, fmt: str) -> None:
    """Write any tidy table (by-actor, suggestions, corpora) as jsonl, csv, parquet or a text table."""
    if fmt == "jsonl":
        for row in table.to_dict("records"):
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        flat_table(table, "csv").to_csv(out, index=False)
    elif fmt == "parquet":
        table.to_parquet(out, index=False)
    else:
        out.write(table.to_string(index=False, float_format=lambda v: f"{v:.2f}") + "\n")


def short(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


_TONE_MARK = {"negative": "−", "neutral": "·", "positive": "+"}


class SentenceTable:
    """The terminal view of ``classify``: one line per sentence, numbered from 1 across calls
    (as ``score``'s table numbers an article's sentences); ``wide`` keeps whole sentences."""

    def __init__(self, out: IO, frames: Sequence[str], wide: bool = False):
        self.out, self.frames, self.index, self.wide = out, list(frames), 0, wide

    def write(self, table) -> None:
        """Append the rows of ``table``."""
        if self.index == 0:
            self.out.write(f"{'#':>5}  {'lang':<4}  " + "  ".join(f"{f[:10]:>10}" for f in self.frames)
                           + "  tone      labels / text\n")
        for row in records(table, self.frames):
            scores = row[SCORES]
            probs = "  ".join(f"{scores[f]:>10.2f}" if scores else f"{'-':>10}" for f in self.frames)
            labels = ",".join(row["labels"]) or "-"
            tone = (row.get("tone") or "-")[:8]
            self.index += 1
            text = " ".join(str(row["text"]).split()) if self.wide else short(row["text"], 80)
            self.out.write(f"{self.index:>5}  {row['lang']:<4}  {probs}  {tone:<8}  [{labels}] {text}\n")

    def close(self) -> None:
        """Nothing to finish (same interface as :class:`SentenceWriter`)."""


class ArticleTable:
    """The terminal view of ``score``: per article, its sentences (numbered from 1, like
    ``classify``'s table; the title, when given, is sentence 1), cues, sources and a summary.
    ``wide`` keeps whole sentences instead of one line each."""

    def __init__(self, out: IO, frames: Sequence[str], wide: bool = False):
        self.out, self.frames, self.wide = out, list(frames), wide

    def write_article(self, article) -> None:
        """Write one :class:`~framing.scoring.ScoredArticle`."""
        out, frames, rows = self.out, self.frames, article.sentences
        out.write(f"\n== {short(article.title or article.id, 90)}\n")
        meta = [f"id {article.id}", f"lang {article.lang}", f"{len(rows)} sentences"]
        if article.outlet:
            meta.insert(0, f"outlet {article.outlet}")
        if article.dropped:
            meta.append(f"{len(article.dropped)} boilerplate line(s) left out")
        out.write("   " + " · ".join(meta) + "\n\n")
        out.write(f"{'#':>3} {'lang':<4} " + "  ".join(f"{f[:10]:>10}" for f in frames) + "    sentence\n")
        indent = " " * (9 + 11 * len(frames) + 2 * (len(frames) - 1) + 4)
        for row in records(rows, frames):
            scores = row[SCORES]
            probs = "  ".join((f"{'*' if f in row['labels'] else ' '}{scores[f]:>9.2f}" if scores else f"{'-':>10}")
                              for f in frames)
            tone = _TONE_MARK.get(row.get("tone") or "", " ")
            text = " ".join(str(row["text"]).split()) if self.wide else short(row["text"], 90)
            out.write(f"{row['sentence_index'] + 1:>3} {row['lang']:<4} {probs}  {tone} {text}\n")
            cues = cues_text(row.get(CUES))
            if cues:
                out.write(f"{indent}↳ {cues}\n")
            who = []
            if row.get("source"):
                who.append(f"{row.get('quote_type')} quote, source: {row['source']}")
            if row.get("actors"):
                who.append("actors: " + ", ".join(row["actors"]))
            if who:
                out.write(f"{indent}↳ {'; '.join(who)}\n")
        out.write("\n   summary (* = frame assigned; share = sentences with the frame):\n")
        for rec in article.summary().to_dict("records"):
            out.write(f"   {rec['frame']:<14} {rec['sentences']:>3}/{rec['scored']:<3} scored sentences  share {rec['share']:>5.0%}"
                      f"  mean probability {rec['mean_probability']:.2f}\n")
        tone = article.tone_summary()
        if tone:
            counts = ", ".join(f"{v['sentences']} {k}" for k, v in tone.items())
            out.write(f"   tone (−/·/+ before each sentence): {counts}\n")


# --- files -------------------------------------------------------------------------------------

def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: str | os.PathLike | None, binary: bool = False,
                  inputs: Iterable[str | os.PathLike | None] = ()) -> Iterator[IO]:
    """Where output goes: stdout (``path`` None or ``-``), or a file.

    ``path`` may not be one of ``inputs`` (the files the run reads: articles, corpora, the model,
    a store): writing there would destroy what the user saved, so it is refused with
    :class:`OutputError` before anything is read.

    A regular file (new or existing, also behind a symlink, which stays a symlink) is written to
    a temporary file in the same folder and moved into place, so an interrupted run never leaves
    a half-written file. Character devices and pipes (``/dev/null``, ``/dev/stdout``, a FIFO)
    are written through, never replaced. A read-only file, a directory, a socket or a block
    device is refused with :class:`OutputError`.
    """
    if path is None or str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    text_args: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
    name = str(path)
    try:
        info = os.stat(name)  # follows symlinks: what would be written
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{name}: is a directory")
    if info is not None and stat.S_ISREG(info.st_mode):
        for source in inputs:
            if source is None or str(source) == "-":
                continue
            try:
                same = os.path.samefile(name, source)
            except OSError:
                continue  # an input that does not exist (yet) is not this file
            if same:
                raise OutputError(f"{name} is also an input ({source}); refusing to overwrite it: choose another output")
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        with open(name, "wb" if binary else "w", **text_args) as handle:
            yield handle
        return
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{name}: not a regular file, device or pipe; refusing to write to it")
    if info is not None and (not info.st_mode & stat.S_IWUSR or not os.access(name, os.W_OK)):
        raise OutputError(f"{name}: file is read-only; refusing to replace it")
    target = Path(os.path.realpath(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **text_args) as handle:
            yield handle
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def already_written(path: str | os.PathLike | None, rows: int, which: str) -> str:
    """What a run that fails midway leaves at ``path`` (see :func:`atomic_output`): rows streamed
    to stdout, a pipe or a device are not taken back; a regular file is only written when the
    whole run succeeds."""
    streamed = path is None or str(path) == "-"
    if not streamed:
        try:
            streamed = not stat.S_ISREG(os.stat(path).st_mode)
        except OSError:
            streamed = False
    if not streamed:
        return f"nothing was written to {path}"
    return f"{rows} row(s), {which}, were already written to {'stdout' if path in (None, '-') else path}"
