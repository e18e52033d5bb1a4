"""The commands: each parses nothing, calls the library and writes through :mod:`framing.schema`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from framing.errors import FramingError, InputError, UnsupportedLanguageError
from framing.limits import CLI_CHUNK, PARQUET_ROW_GROUP_ARTICLES
from framing.schema import UNDETERMINED, atomic_output


def error(message: str) -> None:
    """Print the one-line error of the CLI contract."""
    print(f"framing: error: {' '.join(message.split())}", file=sys.stderr)


def warn(message: str) -> None:
    """Print a one-line warning."""
    print(f"framing: warning: {' '.join(message.split())}", file=sys.stderr)


def _progress(args, label: str):
    from framing.cli.progress import Progress

    to_terminal = not getattr(args, "output", None) and sys.stdout.isatty()
    return Progress(label, quiet=getattr(args, "quiet", False), output_to_terminal=to_terminal)


def _where(args) -> str:
    return f" -> {args.output}" if getattr(args, "output", None) else ""


def _scorer(args):
    from framing.scoring import Scorer

    return Scorer.load(args.model, actors=getattr(args, "actors", None))


def _chunks(lines, size: int = CLI_CHUNK):
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _lines_until_error(numbered, failed: list):
    """The lines of ``iter_lines``; a bad line ends them and its error is put in ``failed``."""
    try:
        for _, line in numbered:
            yield line
    except FramingError as exc:
        failed.append(exc)


def _partial_output(args, rows: int, which: str) -> str:
    """What a failed `classify` left behind: streamed rows (stdout, a pipe, a device) are not
    taken back; a regular -o FILE is only written when the whole run succeeds."""
    import os
    import stat

    target = getattr(args, "output", None)
    streamed = target in (None, "-")
    if not streamed:
        try:
            streamed = not stat.S_ISREG(os.stat(target).st_mode)
        except OSError:
            streamed = False
    if not streamed:
        return f"nothing was written to {target}"
    where = "stdout" if target in (None, "-") else target
    return f"{rows} row(s), {which}, were already written to {where}"


def cmd_classify(args) -> int:
    """Score one sentence per input line."""
    from framing.io.inputs import iter_lines
    from framing.schema import SentenceTable, SentenceWriter

    if args.input == "-" and sys.stdin.isatty():
        warn("reading sentences from the terminal, one per line; end with Ctrl-D (or pass a FILE)")
    from framing.cli.progress import elapsed, plural, summary

    scorer = _scorer(args)
    total = unscored = 0
    progress = _progress(args, "classifying")
    with atomic_output(args.output) as out:
        writer = (SentenceTable(out, scorer.frames, wide=args.wide) if args.format == "table"
                  else SentenceWriter(out, args.format, scorer.frames))
        failed: list[FramingError] = []
        for chunk in _chunks(_lines_until_error(iter_lines(args.input), failed)):
            table = scorer.classify(chunk, lang=args.lang, cues=args.cues)
            writer.write(table)
            total, unscored = total + len(chunk), unscored + int((table["lang"] == UNDETERMINED).sum())
            progress.update(lines=total)
        writer.close()
        progress.close()
        if failed and total:  # a bad line: every line before it is written (streamed) or nothing is (-o FILE)
            raise InputError(f"{failed[0]}; {_partial_output(args, total, 'one per line before it (incomplete output)')}")
        if failed:
            raise failed[0]
        if total == 0:
            raise InputError(f"{args.input if args.input != '-' else '<stdin>'}: no input lines")
        if unscored == total:
            raise UnsupportedLanguageError("no line could be scored: lines are empty or not Arabic/English text "
                                           f"(use --lang to force a language); {_partial_output(args, total, f'all with lang {UNDETERMINED!r}')}")
    if unscored:
        warn(f"{unscored} of {total} line(s) not scored: empty or not Arabic/English (lang '{UNDETERMINED}')")
    summary(f"classified {plural(total, 'line')} in {elapsed(progress.seconds())}{_where(args)}", args.quiet)
    return 0


def _articles(scorer, args):
    from framing.io.articles import score_files

    return score_files(scorer, args.inputs, outlet=args.outlet, lang=args.lang, skip_errors=args.skip_errors,
                       on_skip=lambda where, message: warn(f"{where}: skipped: {message}"), cues=args.cues)


def cmd_score(args) -> int:
    """Score whole articles, streaming sentence rows (or per-actor tables) out."""
    import pandas as pd

    from framing.schema import write_articles, write_frame

    from framing.cli.progress import counted_articles, elapsed, plural, summary
    from framing.io.scored import looks_scored

    for path in args.inputs:
        if looks_scored(path):
            raise InputError(f"{path} is already scored output (sentence rows from `framing score`), not articles: "
                             f"compare it with `framing compare {path} --by outlet`, or score the original article files")
    if args.engine == "dask":
        from framing.engine import score_partitions

        started = time.monotonic()
        _scorer(args)  # a bad model or gazetteer fails here, with a one-line error, before any cluster starts
        done = score_partitions(args.inputs, args.output, model_path=args.model, scheduler=args.scheduler,
                                workers=args.workers, outlet=args.outlet, lang=args.lang, actors_path=args.actors)
        summary(f"wrote {len(done['written'])} part(s) ({plural(sum(n for _, n in done['written']), 'sentence')}) to "
                f"{args.output} in {elapsed(time.monotonic() - started)}; skipped {len(done['skipped'])} finished part(s)",
                args.quiet)
        return 0
    if args.format == "parquet" and not args.output:
        raise InputError("--format parquet writes a binary file: give -o/--output FILE.parquet")
    scorer = _scorer(args)
    progress, tally = _progress(args, "scoring"), {"articles": 0, "sentences": 0}
    articles = counted_articles(_articles(scorer, args), progress, tally)
    with atomic_output(args.output, binary=args.format == "parquet") as out:
        if args.by_actor:
            from framing.analysis.actors import by_actor

            parts = [a.sentences for a in articles]
            progress.close()
            if not parts:
                raise InputError("no article could be scored")
            table = by_actor(pd.concat(parts, ignore_index=True), scorer.frames, gazetteer=scorer.gazetteer)
            write_frame(table[[c for c in table.columns if not c.endswith("_mean")]] if args.format == "table" else table,
                        out, args.format)
        elif not write_articles(articles, out, args.format, scorer.frames, PARQUET_ROW_GROUP_ARTICLES, wide=args.wide):
            raise InputError("no article could be scored")
        progress.close()
    summary(f"scored {plural(tally['articles'], 'article')}, {plural(tally['sentences'], 'sentence')} "
            f"in {elapsed(progress.seconds())}{_where(args)}", args.quiet)
    return 0


def cmd_suggest(args) -> int:
    """Rank unlabeled sentences by how much labeling them would teach the model."""
    from framing.analysis.active import suggest, suggestions_text
    from framing.io.inputs import iter_lines
    from framing.models.model import FrameModel
    from framing.schema import write_frame

    lines = [line for _, line in iter_lines(args.input) if line.strip()]
    model = FrameModel.load(args.model)
    _warn_languages(model.card, lines)
    table = suggest(model, lines, k=args.k, diversity=args.diversity)
    with atomic_output(args.output) as out:
        if args.format == "table":
            out.write(suggestions_text(table))
        else:
            write_frame(table, out, args.format)
    return 0


def _warn_languages(card, texts=None, langs=None) -> None:
    """One warning when the input has a language the model was not trained on."""
    from framing.scoring import language_warning

    if langs is None:
        from framing.text.language import detect_language

        langs = {detect_language(t) for t in texts}
    message = language_warning(card, langs)
    if message:
        warn(message)


def cmd_compare(args) -> int:
    """Compare groups of articles (scored sentence files, or article files scored first)."""
    from framing.analysis.aggregate import error_rates_from_card
    from framing.analysis.report import compare_report, summary_text, to_json
    from framing.io.articles import read_sentences

    from framing.analysis.report import provenance
    from framing.cli.progress import elapsed, plural, summary

    if args.n_boot < 100 or args.n_perm < 99:
        raise InputError("--n-boot must be at least 100 and --n-perm at least 99")
    progress = _progress(args, "comparing")
    scorer = _scorer(args)
    sentences = read_sentences(args.inputs, scorer)
    rates = error_rates_from_card(scorer.card) if args.adjust else None
    record = provenance(args.inputs, scorer.card, args.model, scorer.codebook) if args.out else None
    tables = compare_report(sentences, scorer.frames, by=args.by, out=args.out, measure=args.measure,
                            n_boot=args.n_boot, n_perm=args.n_perm, seed=args.seed, error_rates=rates, provenance=record)
    print(to_json(tables) if args.format == "json" else summary_text(tables))
    articles = sentences["article_id"].nunique() if "article_id" in sentences else 0
    where = f" -> {args.out}/report.html (figures PNG+SVG, CSV tables)" if args.out else ""
    summary(f"compared {plural(articles, 'article')}, {plural(len(sentences), 'sentence')} by {args.by} "
            f"in {elapsed(progress.seconds())}{where}", args.quiet)
    return 0


def cmd_import(args) -> int:
    """Convert public datasets to our corpus format."""
    from framing.io import importers

    frame = importers.convert(args.format, args.paths, args.map, args.keep_unmapped)
    with atomic_output(args.output) as out:
        importers.write_corpus(frame, out)
    counts = frame["labels"].explode().value_counts()
    if not args.quiet:
        print(f"wrote {len(frame)} rows to {args.output}; labels: " + ", ".join(f"{k} {v}" for k, v in counts.head(12).items()),
              file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    """Run the HTTP service."""
    import os

    if args.workers < 1 or not 0 < args.port < 65536:
        raise InputError("--workers must be at least 1 and --port between 1 and 65535")
    import uvicorn

    from framing.api.store import ArticleStore

    _scorer(args)  # fail fast, with a one-line error, before binding the port
    ArticleStore(args.db)
    os.environ["FRAMING_DB"] = args.db
    for name, value in (("FRAMING_MODEL", args.model), ("FRAMING_ACTORS", args.actors)):
        if value:
            os.environ[name] = value
    uvicorn.run("framing.api.app:create_app_from_env", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level="info")
    return 0


def cmd_export(args) -> int:
    """Write stored articles' sentence rows, with the columns of `framing score`."""
    from framing.api.schemas import parse_iso_date
    from framing.api.store import ArticleStore

    if not Path(args.db).is_file():
        raise InputError(f"--db {args.db}: no such store")
    try:
        since = parse_iso_date(args.since, "--since") if args.since else None
        until = parse_iso_date(args.until, "--until") if args.until else None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    with atomic_output(args.output, binary=args.format == "parquet") as out:
        rows, articles = ArticleStore(args.db, readonly=True).export(out, args.format, args.outlet, since, until)
    print(f"exported {rows} sentences from {articles} articles to {args.output}", file=sys.stderr)
    return 0


def cmd_train(args) -> int:
    """Train a model, save it with its card, print the cross-validated report."""
    from framing.codebook import Codebook
    from framing.io.corpora import read_corpus
    from framing.io.importers import read_tone_extra
    from framing.models.card import training_text
    from framing.models.train import parse_params, train

    from framing.cli.progress import elapsed, plural, summary

    started = time.monotonic()
    out = Path(args.out)
    if out.suffix != ".skops":
        raise InputError(f"--out {args.out}: model files end in .skops")
    if any(Path(c).resolve() == out.resolve() for c in args.corpora):
        raise InputError(f"--out {args.out} is one of the input corpora; refusing to overwrite it")
    codebook = Codebook.load(args.codebook) if args.codebook else None
    corpus = read_corpus(args.corpora, codebook)
    model = train(corpus, codebook, sources=[Path(c).as_posix() for c in args.corpora], params=parse_params(args.param),
                  tone_extra=read_tone_extra(args.tone_extra), tone_extra_weight=args.tone_extra_weight,
                  group_by=None if args.group_by == "none" else args.group_by, tune_on=args.tune_on)
    card_path = model.save(out)
    print(json.dumps(model.card["cv_metrics"], ensure_ascii=False, indent=2) if args.format == "json"
          else f"{training_text(model)}\nsaved {out} and {card_path}")
    summary(f"trained on {plural(len(corpus), 'row')} in {elapsed(time.monotonic() - started)} -> {out}", args.quiet)
    return 0


def cmd_evaluate(args) -> int:
    """Evaluate a model on labeled corpora."""
    from framing.io.corpora import read_corpus
    from framing.models.metrics import format_report
    from framing.models.model import FrameModel
    from framing.models.train import evaluate

    model = FrameModel.load(args.model)
    corpus = read_corpus(args.corpora, model.codebook)
    _warn_languages(model.card, langs=set(corpus["lang"]))
    report = evaluate(model, corpus, group_by=args.group_by)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.format == "json"
          else format_report(report, f"evaluation of {args.model} on {len(corpus)} rows:"))
    return 0


def cmd_info(args) -> int:
    """Show a model's card."""
    from framing.models.card import card_text
    from framing.models.model import FrameModel

    model = FrameModel.load(args.model)
    print(json.dumps(model.info(), ensure_ascii=False, indent=2) if args.format == "json" else card_text(model))
    return 0
