"""Command line: ``framing classify | score | train | evaluate | compare | suggest | serve | export | info``.

Heavy modules are imported inside commands so ``--help`` is instant. Every user error is one
line on stderr (``framing: error: ...``) and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, TextIO

from framing.batch import TONE_COLUMNS, flat_rows, tone_values

EXIT_INPUT = 1
EXIT_INTERRUPTED = 130
_CHUNK = 2048


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from framing.errors import FramingError

    try:
        return args.func(args) or 0
    except FramingError as exc:
        _error(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Output closed early (e.g. piped to `head`): not an error for the user.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except MemoryError:
        _error("out of memory; split the input into smaller files")
        return EXIT_INPUT
    except OSError as exc:
        _error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return EXIT_INPUT


def _error(message: str) -> None:
    print(f"framing: error: {' '.join(message.split())}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"framing: warning: {' '.join(message.split())}", file=sys.stderr)


# --- parser ----------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure how news media frame events, in Arabic and English.",
    )
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("classify", help="score sentences, one per input line (no re-segmentation)",
                       description="Score one sentence per input line. Output has one row per input line, in order.")
    p.add_argument("input", nargs="?", default="-", metavar="FILE|-", help="text file, one sentence per line (default: stdin)")
    p.add_argument("--model", metavar="PATH", help="model file (.skops); default: the shipped model")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="jsonl")
    p.add_argument("--lang", choices=("ar", "en"), help="treat every line as this language instead of detecting it")
    p.add_argument("--cues", type=int, default=3, metavar="N", help="cue terms per predicted frame (default 3; 0 = none)")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("score", help="split articles into sentences and score each sentence",
                       description="Score whole articles: .txt, .html, or corpus files (.jsonl/.csv/.tsv/.parquet with a 'text' column).")
    p.add_argument("inputs", nargs="+", metavar="FILE")
    p.add_argument("--model", metavar="PATH", help="model file (.skops); default: the shipped model")
    p.add_argument("--format", choices=("table", "jsonl", "csv", "parquet"), default="table")
    p.add_argument("--outlet", metavar="NAME", help="outlet name for every article (overrides the files' own)")
    p.add_argument("--lang", choices=("ar", "en"), help="treat articles as this language instead of detecting it")
    p.add_argument("--cues", type=int, default=3, metavar="N", help="cue terms per predicted frame (default 3)")
    p.add_argument("--skip-errors", action="store_true",
                   help="report unusable articles as warnings and go on (default: stop at the first)")
    p.add_argument("--by-actor", action="store_true",
                   help="instead of sentences, output frames and tone per actor across all articles")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: score input files in parallel on a Dask cluster, one Parquet part per file in -o DIR (resumable)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: an existing scheduler (default: a local cluster)")
    p.add_argument("--workers", type=int, default=2, help="with --engine dask and no scheduler: local worker processes")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically); required for parquet")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("train", help="train a frame model on labeled corpora and report cross-validated scores",
                       description="Train on corpus files (design §4 format). Without --codebook the label set is taken from the corpus.")
    p.add_argument("corpora", nargs="+", metavar="CORPUS")
    p.add_argument("--out", required=True, metavar="MODEL.skops")
    p.add_argument("--codebook", metavar="FILE", help="codebook (.yaml/.json); labels outside it are errors")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="pipeline parameter, e.g. frames__C=2.0 or features__word_ngrams=[1,2] (repeatable)")
    p.add_argument("--tone-extra", action="append", default=[], metavar="FORMAT:PATH",
                   help="extra tone-only training data from a public dataset: newsmtsc:PATH or arsarcasm:PATH (repeatable)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="evaluate a model on labeled corpora",
                       description="Per-label precision/recall/F1/support and micro/macro F1, overall and per language.")
    p.add_argument("model", metavar="MODEL")
    p.add_argument("corpora", nargs="+", metavar="CORPUS")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("compare", help="compare outlets: prevalence with CIs, tests, tone, trends, distinctive terms",
                       description="Compare groups of articles. INPUTS are scored sentence files (from `framing score` "
                                   "or `framing export`: .parquet/.csv/.jsonl) or article corpus files, which are scored first.")
    p.add_argument("inputs", nargs="+", metavar="SCORED_OR_ARTICLES")
    p.add_argument("--by", default="outlet", help="column to compare by (default: outlet)")
    p.add_argument("--out", metavar="DIR", help="write figures (PNG, SVG), CSV tables and report.html here")
    p.add_argument("--model", metavar="PATH", help="model for scoring articles and for error rates (default: shipped)")
    p.add_argument("--measure", choices=("share", "presence", "probability"), default="share")
    p.add_argument("--adjust", action="store_true", help="also correct prevalence for classifier error (model card rates)")
    p.add_argument("--n-boot", type=int, default=2000, metavar="N")
    p.add_argument("--n-perm", type=int, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_compare, outlet=None, lang=None, skip_errors=False)

    p = sub.add_parser("suggest", help="which unlabeled sentences to label next (uncertain and diverse)",
                       description="Rank unlabeled sentences (one per line) by model uncertainty, keeping the picks diverse.")
    p.add_argument("input", nargs="?", default="-", metavar="FILE|-")
    p.add_argument("--model", metavar="PATH")
    p.add_argument("-k", type=int, default=20, help="how many sentences (default 20)")
    p.add_argument("--diversity", type=float, default=0.5, help="0 = most uncertain only, 1 = most diverse (default 0.5)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("serve", help="run the HTTP scoring service (FastAPI; OpenAPI at /docs)",
                       description="Serve the HTTP API. Flags override the FRAMING_* environment variables.")
    p.add_argument("--host", default=os.environ.get("FRAMING_HOST", "127.0.0.1"))
    p.add_argument("--port", type=int, default=int(os.environ.get("FRAMING_PORT", "8000")))
    p.add_argument("--model", metavar="PATH", default=os.environ.get("FRAMING_MODEL"), help="model file (default: shipped model)")
    p.add_argument("--db", metavar="PATH", default=os.environ.get("FRAMING_DB", "framing-store.sqlite"),
                   help="SQLite store file, created on first use (default: ./framing-store.sqlite)")
    p.add_argument("--workers", type=int, default=int(os.environ.get("FRAMING_WORKERS", "1")), help="worker processes")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("export", help="export stored articles' sentence scores to Parquet or CSV",
                       description="Write one row per stored sentence (as `framing score`) for notebooks.")
    p.add_argument("--db", metavar="PATH", default=os.environ.get("FRAMING_DB", "framing-store.sqlite"))
    p.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    p.add_argument("--outlet")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("-o", "--output", metavar="FILE", required=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="convert a public labeled dataset to our corpus format (JSONL)",
                       description="Convert public corpora: semeval-lines (SemEval-2023 Task 3 subtask 3 folder), "
                                   "semeval-articles (subtask 2 folder), armpro / araieval (JSONL), newsmtsc (JSONL, tone), "
                                   "arsarcasm (CSV, tone), arsas (TSV, tone).")
    p.add_argument("format", metavar="FORMAT")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="CORPUS.jsonl")
    p.add_argument("--map", metavar="MAPPING", help="YAML/JSON mapping of foreign labels to codebook labels (others dropped)")
    p.add_argument("--keep-unmapped", action="store_true", help="with --map, keep labels the mapping does not mention")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("info", help="show a model's card: codebook, thresholds, metrics, training data")
    p.add_argument("--model", metavar="PATH")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_info)
    return parser


def _version() -> str:
    from framing import __version__

    return __version__


# --- output ----------------------------------------------------------------------------------

@contextmanager
def _output(path: str | None, binary: bool = False) -> Iterator[Any]:
    """stdout, or a file written atomically: a failed run never leaves a half-written file."""
    if not path:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        from framing.errors import InputError

        raise InputError(f"{path}: is a directory")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_model(path: str | None):
    from framing.models.model import FrameModel

    return FrameModel.load(path)


def _scores(row: dict, frames: list[str]) -> dict[str, float] | None:
    values = [row[f] for f in frames]
    if any(v != v for v in values):  # NaN: not scored
        return None
    return {f: round(float(v), 4) for f, v in zip(frames, values)}


def _records(frame) -> list[dict]:
    """Rows as dicts with missing text values as None (never NaN, which is not JSON)."""
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and v != v and k in _TEXT_FIELDS else v) for k, v in row.items()})
    return out


_TEXT_FIELDS = {"source", "cue", "tone", "quote_type", "outlet", "date", "title", "url", "article_id", "kind"}


def _cues_text(cues: dict[str, list[str]]) -> str:
    return "; ".join(f"{frame}: {', '.join(terms)}" for frame, terms in cues.items() if terms)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --- classify --------------------------------------------------------------------------------

def cmd_classify(args) -> int:
    from framing.inputs import iter_lines

    if args.input == "-" and sys.stdin.isatty():
        _warn("reading sentences from the terminal, one per line; end with Ctrl-D (or pass a FILE)")
    model = _load_model(args.model)
    frames = model.frames
    total = unscored = 0
    with _output(args.output) as out:
        writer = _ClassifyWriter(out, args.format, frames)
        chunk: list[str] = []
        for _, line in iter_lines(args.input):
            chunk.append(line)
            if len(chunk) >= _CHUNK:
                unscored += writer.write(model.classify(chunk, lang=args.lang, cues=args.cues))
                total += len(chunk)
                chunk = []
        if chunk:
            unscored += writer.write(model.classify(chunk, lang=args.lang, cues=args.cues))
            total += len(chunk)
        if total == 0:
            from framing.errors import InputError

            raise InputError(f"{args.input if args.input != '-' else '<stdin>'}: no input lines")
        if unscored == total:
            from framing.errors import UnsupportedLanguageError

            raise UnsupportedLanguageError(
                "no line could be scored: lines are empty or not Arabic/English text (use --lang to force a language)"
            )
    if unscored:
        _warn(f"{unscored} of {total} line(s) not scored: empty or not Arabic/English (lang 'und')")
    return 0


class _ClassifyWriter:
    def __init__(self, out: TextIO, fmt: str, frames: list[str]):
        self.out, self.fmt, self.frames = out, fmt, frames
        self.csv = None
        self.index = 0

    def write(self, frame) -> int:
        unscored = 0
        records = _records(frame)
        if self.fmt == "jsonl":
            for row in records:
                scores = _scores(row, self.frames)
                unscored += scores is None
                obj = {"text": row["text"], "lang": row["lang"], "labels": row["labels"], "scores": scores, "cues": row["cues"]}
                if "tone" in row:
                    obj.update(tone=row["tone"], tone_scores=row["tone_scores"])
                obj.update(source=row["source"], cue=row["cue"], quote_type=row["quote_type"], actors=row["actors"])
                self.out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            import csv

            tone = "tone" in frame.columns
            if self.csv is None:
                self.csv = csv.writer(self.out)
                self.csv.writerow(["text", "lang", "labels", *self.frames, "cues", *(["tone", *TONE_COLUMNS] if tone else []),
                                   "source", "cue", "quote_type", "actors"])
            for row in records:
                scores = _scores(row, self.frames)
                unscored += scores is None
                values = [scores[f] if scores else "" for f in self.frames]
                extra = [row["tone"] or "", *tone_values(row["tone_scores"])] if tone else []
                self.csv.writerow([row["text"], row["lang"], "|".join(row["labels"]), *values, _cues_text(row["cues"]), *extra,
                                   row["source"] or "", row["cue"] or "", row["quote_type"], "|".join(row["actors"])])
        else:
            if self.index == 0:
                self.out.write(f"{'#':>5}  {'lang':<4}  " + "  ".join(f"{f[:10]:>10}" for f in self.frames) + "  tone      labels / text\n")
            for row in records:
                scores = _scores(row, self.frames)
                unscored += scores is None
                probs = "  ".join(f"{scores[f]:>10.2f}" if scores else f"{'-':>10}" for f in self.frames)
                labels = ",".join(row["labels"]) or "-"
                tone = (row.get("tone") or "-")[:8]
                self.out.write(f"{self.index + 1:>5}  {row['lang']:<4}  {probs}  {tone:<8}  [{labels}] {_short(row['text'], 80)}\n")
                self.index += 1
        return unscored


# --- score -----------------------------------------------------------------------------------

def cmd_score(args) -> int:
    from framing.errors import InputError

    if args.engine == "dask":
        return _score_dask(args)
    if args.format == "parquet" and not args.output:
        raise InputError("--format parquet writes a binary file: give -o/--output FILE.parquet")
    model = _load_model(args.model)
    if args.by_actor:
        return _score_by_actor(model, args)
    written = 0
    # Articles stream through: output is written article by article (parquet in row groups),
    # so corpora of any size score in bounded memory.
    with _output(args.output, binary=args.format == "parquet") as out:
        writer = _ScoreWriter(out, args.format, model.frames)
        for article in _scored_articles(model, args):
            writer.write(article)
            written += 1
        writer.close()
        if not written:
            raise InputError("no article could be scored")
    return 0


def _score_dask(args) -> int:
    from framing.engine import score_partitions
    from framing.errors import InputError

    if not args.output:
        raise InputError("--engine dask writes Parquet parts: give -o/--output DIR")
    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    _load_model(args.model)  # a bad model fails here, with a one-line error, before any cluster starts
    result = score_partitions(args.inputs, args.output, model_path=args.model, scheduler=args.scheduler,
                              workers=args.workers, outlet=args.outlet, lang=args.lang)
    rows = sum(n for _, n in result["written"])
    print(f"wrote {len(result['written'])} part(s) ({rows} sentences) to {args.output}; "
          f"skipped {len(result['skipped'])} finished part(s)", file=sys.stderr)
    return 0


def _score_by_actor(model, args) -> int:
    import pandas as pd

    from framing.actors import by_actor, default_gazetteer
    from framing.errors import InputError

    parts = [a.sentences for a in _scored_articles(model, args)]
    if not parts:
        raise InputError("no article could be scored")
    table = by_actor(pd.concat(parts, ignore_index=True), model.frames)
    names = {k: v.name.get("en", k) for k, v in default_gazetteer().actors.items()}
    table.insert(1, "name", table["actor"].map(names))
    if args.format == "parquet":
        with _output(args.output, binary=True) as out:
            table.to_parquet(out, index=False)
    elif args.format == "csv":
        with _output(args.output) as out:
            table.to_csv(out, index=False)
    elif args.format == "jsonl":
        with _output(args.output) as out:
            for row in _records(table):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        with _output(args.output) as out:
            shown = ["actor", "name", "sentences", "articles", *[f"{f}_share" for f in model.frames],
                     *[c for c in ("tone_negative", "tone_neutral", "tone_positive") if c in table]]
            out.write(table[shown].to_string(index=False, float_format=lambda v: f"{v:.2f}") + "\n")
    return 0


def _scored_articles(model, args):
    from framing.batch import score_files

    return score_files(model, args.inputs, outlet=args.outlet, lang=args.lang, skip_errors=args.skip_errors,
                       on_skip=lambda where, message: _warn(f"{where}: skipped: {message}"))


class _ScoreWriter:
    _BATCH = 200  # articles per parquet row group

    def __init__(self, out, fmt: str, frames: list[str]):
        self.out, self.fmt, self.frames = out, fmt, frames
        self.pending = []
        self.parquet = None
        self.header = True

    def write(self, article) -> None:
        rows = article.sentences
        if self.fmt == "table":
            _write_article_table(self.out, article, self.frames)
        elif self.fmt == "jsonl":
            for row in _records(rows):
                obj = {k: row[k] for k in ("article_id", "outlet", "date", "title", "sentence_index", "kind", "text", "lang")}
                obj.update(labels=row["labels"], scores=_scores(row, self.frames), cues=row["cues"])
                if "tone" in row:
                    obj.update(tone=row["tone"], tone_scores=row["tone_scores"])
                obj.update(source=row["source"], cue=row["cue"], quote_type=row["quote_type"], actors=row["actors"])
                self.out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        elif self.fmt == "csv":
            table = flat_rows(rows)
            table["labels"] = table["labels"].map("|".join)
            table["actors"] = table["actors"].map("|".join)
            table["cues"] = table["cues"].map(_cues_text)
            table.to_csv(self.out, index=False, header=self.header)
            self.header = False
        else:
            self.pending.append(rows)
            if len(self.pending) >= self._BATCH:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.pending:
            return
        table = flat_rows(pd.concat(self.pending, ignore_index=True))
        table["cues"] = table["cues"].map(lambda c: json.dumps(c, ensure_ascii=False))
        for column in ("article_id", "outlet", "date", "title"):
            table[column] = table[column].astype("string")
        arrow = pa.Table.from_pandas(table, preserve_index=False)
        if self.parquet is None:
            self.parquet = pq.ParquetWriter(self.out, arrow.schema)
        self.parquet.write_table(arrow.cast(self.parquet.schema))
        self.pending = []

    def close(self) -> None:
        if self.fmt == "parquet":
            self._flush_parquet()
            if self.parquet is not None:
                self.parquet.close()


def _write_article_table(out: TextIO, article, frames: list[str]) -> None:
    rows = article.sentences
    head = article.title or article.id
    out.write(f"\n== {_short(head, 90)}\n")
    meta = [f"id {article.id}", f"lang {article.lang}", f"{len(rows)} sentences"]
    if article.outlet:
        meta.insert(0, f"outlet {article.outlet}")
    if article.dropped:
        meta.append(f"{len(article.dropped)} boilerplate line(s) left out")
    out.write("   " + " · ".join(meta) + "\n\n")
    out.write(f"{'#':>3} {'lang':<4} " + "  ".join(f"{f[:10]:>10}" for f in frames) + "    sentence\n")
    indent = " " * (9 + 11 * len(frames) + 2 * (len(frames) - 1) + 4)
    for row in _records(rows):
        scores = _scores(row, frames)
        probs = "  ".join(
            (f"{'*' if f in row['labels'] else ' '}{scores[f]:>9.2f}" if scores else f"{'-':>10}") for f in frames
        )
        tone = {"negative": "−", "neutral": "·", "positive": "+"}.get(row.get("tone") or "", " ")
        out.write(f"{row['sentence_index']:>3} {row['lang']:<4} {probs}  {tone} {_short(row['text'], 90)}\n")
        cues = _cues_text(row["cues"])
        if cues:
            out.write(f"{indent}↳ {cues}\n")
        who = []
        if row.get("source"):
            who.append(f"{row['quote_type']} quote, source: {row['source']}")
        if row.get("actors"):
            who.append("actors: " + ", ".join(row["actors"]))
        if who:
            out.write(f"{indent}↳ {'; '.join(who)}\n")
    out.write("\n   summary (* = frame assigned; share = sentences with the frame):\n")
    for rec in article.summary().to_dict("records"):
        out.write(f"   {rec['frame']:<14} {rec['sentences']:>3}/{len(rows):<3} sentences  share {rec['share']:>5.0%}"
                  f"  mean probability {rec['mean_probability']:.2f}\n")
    tone = article.tone_summary()
    if tone:
        counts = ", ".join(f"{v['sentences']} {k}" for k, v in tone.items())
        out.write(f"   tone (−/·/+ before each sentence): {counts}\n")


# --- suggest ---------------------------------------------------------------------------------

def cmd_suggest(args) -> int:
    from framing.active import suggest
    from framing.inputs import iter_lines

    lines = [line for _, line in iter_lines(args.input) if line.strip()]
    model = _load_model(args.model)
    table = suggest(model, lines, k=args.k, diversity=args.diversity)
    with _output(args.output) as out:
        if args.format == "csv":
            table.to_csv(out, index=False)
        elif args.format == "jsonl":
            for row in _records(table):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(f"{'rank':>4}  {'uncert.':>7}  {'nearest':<12} sentence\n")
            for row in _records(table):
                out.write(f"{row['rank']:>4}  {row['uncertainty']:>7.2f}  {row['frame']:<12} {_short(row['text'], 100)}\n")
    return 0


# --- compare ---------------------------------------------------------------------------------

def cmd_compare(args) -> int:
    import pandas as pd

    from framing.aggregate import error_rates_from_card
    from framing.batch import score_files
    from framing.errors import InputError
    from framing.report import compare_report, read_scored, summary_text, to_json

    if args.n_boot < 100 or args.n_perm < 99:
        raise InputError("--n-boot must be at least 100 and --n-perm at least 99")
    model = _load_model(args.model)
    parts = []
    for path in args.inputs:
        try:
            parts.append(read_scored(path))
        except InputError as exc:
            if "not scored sentences" not in str(exc):
                raise
            scored = [a.sentences for a in score_files(model, [path])]
            if scored:
                parts.append(pd.concat(scored, ignore_index=True))
    if not parts:
        raise InputError("nothing to compare")
    sentences = pd.concat(parts, ignore_index=True)
    missing = [f for f in model.frames if f not in sentences]
    if missing:
        raise InputError(f"scored sentences lack frame column(s) {', '.join(missing)}; use --model with the model that scored them")
    if args.by not in sentences:
        raise InputError(f"--by {args.by}: no such column (have: {', '.join(map(str, sentences.columns))})")
    try:
        rates = error_rates_from_card(model.card) if args.adjust else None
        tables = compare_report(sentences, model.frames, by=args.by, out=args.out, measure=args.measure,
                                n_boot=args.n_boot, n_perm=args.n_perm, seed=args.seed, error_rates=rates)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    print(to_json(tables) if args.format == "json" else summary_text(tables))
    if args.out:
        print(f"wrote figures, tables and report.html to {args.out}", file=sys.stderr)
    return 0


# --- import ----------------------------------------------------------------------------------

def cmd_import(args) -> int:
    import pandas as pd

    from framing import importers
    from framing.errors import InputError

    reader = importers.READERS.get(args.format)
    if reader is None:
        raise InputError(f"unknown format {args.format!r}; use one of {', '.join(importers.READERS)}")
    frame = pd.concat([reader(p) for p in args.paths], ignore_index=True)
    if args.map:
        frame = importers.apply_mapping(frame, importers.load_mapping(args.map), args.keep_unmapped)
    with _output(args.output) as out:
        for row in _records(frame):
            out.write(json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False, default=str) + "\n")
    counts = frame["labels"].explode().value_counts()
    print(f"wrote {len(frame)} rows to {args.output}; labels: " + ", ".join(f"{k} {v}" for k, v in counts.head(12).items()),
          file=sys.stderr)
    return 0


# --- serve / export --------------------------------------------------------------------------

def cmd_serve(args) -> int:
    from framing.errors import InputError

    if args.workers < 1 or not 0 < args.port < 65536:
        raise InputError("--workers must be at least 1 and --port between 1 and 65535")
    import uvicorn

    from framing.api.store import ArticleStore
    from framing.models.model import FrameModel

    FrameModel.load(args.model)  # fail fast, with a one-line error, before binding the port
    ArticleStore(args.db)
    os.environ["FRAMING_DB"] = args.db
    if args.model:
        os.environ["FRAMING_MODEL"] = args.model
    uvicorn.run("framing.api.app:create_app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="info")
    return 0


def cmd_export(args) -> int:
    import pandas as pd

    from framing.api.schemas import parse_iso_date
    from framing.api.store import ArticleStore
    from framing.errors import InputError

    if not Path(args.db).is_file():
        raise InputError(f"--db {args.db}: no such store")
    try:
        since = parse_iso_date(args.since, "--since") if args.since else None
        until = parse_iso_date(args.until, "--until") if args.until else None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    rows = []
    for result in ArticleStore(args.db).iter_results(args.outlet, since, until):
        for s in result["sentences"]:
            rows.append({"article_id": result["id"], "outlet": result.get("outlet"), "date": result.get("date"),
                         "title": result.get("title"), "url": result.get("url"), "sentence_index": s["index"],
                         "kind": s["kind"], "text": s["text"], "lang": s["lang"], "labels": s["labels"],
                         **(s["scores"] or {}), "cues": s["cues"]})
    if not rows:
        raise InputError("no stored articles match")
    table = pd.DataFrame(rows)
    if args.format == "jsonl":
        with _output(args.output) as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    table["cues"] = table["cues"].map(lambda c: json.dumps(c, ensure_ascii=False))
    if args.format == "csv":
        table["labels"] = table["labels"].map("|".join)
        with _output(args.output) as out:
            table.to_csv(out, index=False)
    else:
        with _output(args.output, binary=True) as out:
            table.to_parquet(out, index=False)
    print(f"exported {len(table)} sentences from {table['article_id'].nunique()} articles to {args.output}", file=sys.stderr)
    return 0


# --- train / evaluate / info ---------------------------------------------------------------

def _parse_params(items: list[str]) -> dict[str, Any]:
    from framing.errors import InputError

    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(f"--param {item!r}: expected NAME=VALUE, e.g. frames__C=2.0")
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            parsed = value
        params[name] = tuple(parsed) if isinstance(parsed, list) else parsed
    return params


def _tone_extra(specs: list[str]):
    from framing import importers
    from framing.errors import InputError

    readers = {"newsmtsc": importers.newsmtsc, "arsarcasm": importers.arsarcasm}
    frames = []
    for spec in specs:
        fmt, sep, path = spec.partition(":")
        if not sep or fmt not in readers:
            raise InputError(f"--tone-extra {spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(readers)}")
        frames.append(readers[fmt](path))
    if not frames:
        return None
    import pandas as pd

    return pd.concat(frames, ignore_index=True)


def cmd_train(args) -> int:
    from framing.codebook import Codebook
    from framing.corpora import read_corpus
    from framing.errors import InputError
    from framing.models.metrics import format_report
    from framing.models.train import train

    out = Path(args.out)
    if out.suffix != ".skops":
        raise InputError(f"--out {args.out}: model files end in .skops")
    if any(Path(c).resolve() == out.resolve() for c in args.corpora):
        raise InputError(f"--out {args.out} is one of the input corpora; refusing to overwrite it")
    codebook = Codebook.load(args.codebook) if args.codebook else None
    corpus = read_corpus(args.corpora, codebook)
    params = _parse_params(args.param)
    tone_extra = _tone_extra(args.tone_extra)
    try:
        model = train(corpus, codebook, sources=[Path(c).as_posix() for c in args.corpora], params=params,
                      tone_extra=tone_extra)
    except ValueError as exc:
        if exc.__class__.__name__ in ("CorpusError", "CodebookError"):
            raise
        raise InputError(f"training failed: {exc}") from None
    model.save(out)
    card_path = out.with_suffix(".card.json")
    with _output(str(card_path)) as fh:
        json.dump(model.card, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    if args.format == "json":
        print(json.dumps(model.card["cv_metrics"], ensure_ascii=False, indent=2))
    else:
        print(format_report(model.card["cv_metrics"], f"cross-validated ({model.pipeline.named_steps['frames'].cv}-fold, out-of-fold):"))
        print("thresholds: " + ", ".join(f"{k}={v:.3f}" for k, v in model.thresholds.items()))
        tone = model.card.get("tone") or {}
        if "cv_metrics" in tone:
            extra = f" + {tone['extra_rows']} rows from {', '.join(tone['extra_sources'])}" if tone.get("extra_rows") else ""
            print(format_report(tone["cv_metrics"], f"tone, cross-validated on {tone['rows']} corpus rows (trained with them{extra}):"))
        print(f"saved {out} and {card_path}")
    return 0


def cmd_evaluate(args) -> int:
    from framing.corpora import read_corpus
    from framing.models.metrics import format_report
    from framing.models.train import evaluate

    model = _load_model(args.model)
    corpus = read_corpus(args.corpora, model.codebook)
    report = evaluate(model, corpus)
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report, f"evaluation of {args.model} on {len(corpus)} rows:"))
    return 0


def cmd_info(args) -> int:
    model = _load_model(args.model)
    info = model.info()
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    from framing.models.metrics import format_report

    card = model.card
    print(f"codebook: {model.codebook.name} (frames: {', '.join(model.frames)})")
    print("thresholds: " + ", ".join(f"{k}={v:.3f}" for k, v in model.thresholds.items()))
    if card:
        data = card.get("training_data", {})
        print(f"framing {card.get('framing_version')} · trained {card.get('created')} on {data.get('rows')} rows "
              f"{data.get('rows_by_lang')} · data sha256 {str(data.get('sha256'))[:16]}…")
        print(f"files: {', '.join(data.get('files', []))}")
        if "cv_metrics" in card:
            print(format_report(card["cv_metrics"], "cross-validated metrics:"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
