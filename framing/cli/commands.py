"""The commands: each parses nothing, calls the library and writes through :mod:`framing.schema`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from framing.errors import InputError
from framing.io.progress import Progress, elapsed, plural, summary
from framing.limits import PARQUET_ROW_GROUP_ARTICLES
from framing.schema import UNDETERMINED, atomic_output


def error(message: str) -> None:
    """Print the one-line error of the CLI contract."""
    print(f"framing: error: {' '.join(message.split())}", file=sys.stderr)


def warn(message: str) -> None:
    """Print a one-line warning."""
    print(f"framing: warning: {' '.join(message.split())}", file=sys.stderr)


def _progress(args, label: str) -> Progress:
    to_terminal = not getattr(args, "output", None) and sys.stdout.isatty()
    return Progress(label, quiet=getattr(args, "quiet", False), output_to_terminal=to_terminal)


def _where(args) -> str:
    return f" -> {args.output}" if getattr(args, "output", None) else ""


def _scorer(args):
    """The model and annotators, loaded with the garbage collector paused: imports and the model
    make ~1M long-lived objects (~0.2 s of repeated collections); they are then frozen."""
    import gc

    gc.disable()
    try:
        from framing.scoring import Scorer

        return Scorer.load(args.model, actors=getattr(args, "actors", None))
    finally:
        gc.freeze()
        gc.enable()


def _warn_languages(card, **given) -> None:
    """One warning when the input (``langs=`` or ``texts=``) has a language the model lacks."""
    from framing.scoring import language_warning

    message = language_warning(card, **given)
    if message:
        warn(message)


def _read_paths(args) -> list[str]:
    """Every file the command reads (inputs, model, actors, codebook, store): no output may be one."""
    paths: list[str] = []
    for name in ("input", "inputs", "corpora", "paths", "model", "actors", "codebook"):
        value = getattr(args, name, None)
        paths.extend(value if isinstance(value, list) else [value] if value else [])
    paths.extend(spec.split(":", 1)[-1] for spec in getattr(args, "tone_extra", None) or [])
    db = getattr(args, "db", None)
    if db:
        paths.extend([db, f"{db}-wal", f"{db}-shm"])
    return [p for p in paths if isinstance(p, str) and p != "-"]


def cmd_classify(args) -> int:
    """Score one sentence per input line."""
    from framing.io.lines import classify_lines

    if args.input == "-" and sys.stdin.isatty():
        warn("reading sentences from the terminal, one per line; end with Ctrl-D (or pass a FILE)")
    scorer = _scorer(args)
    progress = _progress(args, "classifying")
    with atomic_output(args.output, inputs=_read_paths(args)) as out:
        done = classify_lines(scorer, args.input, out, args.format, lang=args.lang, cues=args.cues, wide=args.wide,
                              target=args.output, on_progress=lambda n: progress.update(lines=n))
        progress.close()
    if done.unscored:
        warn(f"{done.unscored} of {done.lines} line(s) not scored: empty or not Arabic/English (lang '{UNDETERMINED}')")
    summary(f"classified {plural(done.lines, 'line')} in {elapsed(progress.seconds())}{_where(args)}", args.quiet)
    return 0


def cmd_score(args) -> int:
    """Score whole articles, streaming sentence rows (or per-actor tables) out."""
    from framing.io.articles import score_files
    from framing.io.progress import counted_articles
    from framing.schema import write_articles, write_frame

    started = time.monotonic()
    scorer = _scorer(args)  # a bad model or gazetteer fails here, before any cluster starts
    if args.engine == "dask":
        from framing.engine import score_partitions

        done = score_partitions(args.inputs, args.output, model_path=args.model, scheduler=args.scheduler,
                                workers=args.workers, outlet=args.outlet, lang=args.lang, actors_path=args.actors)
        summary(f"wrote {len(done['written'])} part(s) ({plural(sum(n for _, n in done['written']), 'sentence')}) to "
                f"{args.output} in {elapsed(time.monotonic() - started)}; skipped {len(done['skipped'])} finished part(s)",
                args.quiet)
        return 0
    if args.format == "parquet" and not args.output:
        raise InputError("--format parquet writes a binary file: give -o/--output FILE.parquet")
    progress, tally = _progress(args, "scoring"), {"articles": 0, "sentences": 0}
    articles = counted_articles(score_files(scorer, args.inputs, outlet=args.outlet, lang=args.lang, cues=args.cues,
                                            skip_errors=args.skip_errors,
                                            on_skip=lambda where, message: warn(f"{where}: skipped: {message}")),
                                progress, tally)
    with atomic_output(args.output, binary=args.format == "parquet", inputs=_read_paths(args)) as out:
        if args.by_actor:
            from framing.analysis.actors import actor_table

            table = actor_table(articles, scorer.frames, scorer.gazetteer, brief=args.format == "table")
            write_frame(table, out, args.format)
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
    _warn_languages(model.card, texts=lines)
    table = suggest(model, lines, k=args.k, diversity=args.diversity)
    with atomic_output(args.output, inputs=_read_paths(args)) as out:
        out.write(suggestions_text(table)) if args.format == "table" else write_frame(table, out, args.format)
    return 0


def cmd_compare(args) -> int:
    """Compare groups of articles (scored sentence files, or article files scored first)."""
    from framing.analysis.aggregate import error_rates_from_card
    from framing.analysis.report import compare_report, provenance, summary_text, to_json
    from framing.io.articles import read_sentences

    progress = _progress(args, "comparing")
    scorer = _scorer(args)
    sentences = read_sentences(args.inputs, scorer)
    tables = compare_report(sentences, scorer.frames, by=args.by, out=args.out, measure=args.measure,
                            n_boot=args.n_boot, n_perm=args.n_perm, seed=args.seed,
                            error_rates=error_rates_from_card(scorer.card) if args.adjust else None,
                            provenance=provenance(args.inputs, scorer.card, args.model, scorer.codebook) if args.out else None)
    print(to_json(tables) if args.format == "json" else summary_text(tables, args.by))
    articles = sentences["article_id"].nunique() if "article_id" in sentences else 0
    where = f" -> {args.out}/report.html (figures PNG+SVG, CSV tables)" if args.out else ""
    summary(f"compared {plural(articles, 'article')}, {plural(len(sentences), 'sentence')} by {args.by} "
            f"in {elapsed(progress.seconds())}{where}", args.quiet)
    return 0


def cmd_speakers(args) -> int:
    """Who is quoted, with each speaker's source type; optionally an actors file to complete."""
    import os

    from framing.analysis.speakers import actors_template, speakers
    from framing.errors import OutputError
    from framing.io.articles import read_sentences
    from framing.schema import SOURCE_TYPES, write_frame

    if args.source_type is not None and args.source_type not in SOURCE_TYPES:
        raise InputError(f"--type {args.source_type!r} is not one of {', '.join(SOURCE_TYPES)}")
    if args.actors_template and os.path.lexists(args.actors_template):
        raise OutputError(f"{args.actors_template}: exists; an actors template never replaces a file "
                          "(you may have edited it): remove it or choose another name")
    progress = _progress(args, "reading")
    scorer = _scorer(args)
    sentences = read_sentences(args.inputs, scorer)
    table = speakers(sentences, scorer.frames, by=args.by, min_sentences=args.min_sentences)
    shown = table if args.source_type is None else table[table["source_type"] == args.source_type]
    with atomic_output(args.output, inputs=_read_paths(args)) as out:
        write_frame(shown, out, args.format)
    progress.close()
    attributed = int(table["sentences"].sum())
    message = (f"{plural(len(table), 'speaker')} in {plural(attributed, 'attributed sentence')} of "
               f"{plural(len(sentences), 'sentence')}")
    if args.source_type is not None:
        message += f" ({len(shown):,} typed {args.source_type})"
    if args.actors_template:
        text, entries = actors_template(table)
        with atomic_output(args.actors_template, inputs=_read_paths(args)) as out:
            out.write(text)
        message += f"; {entries:,} {'person' if entries == 1 else 'people'} typed 'other' -> {args.actors_template}"
    summary(message, args.quiet)
    return 0


def cmd_import(args) -> int:
    """Convert public datasets to our corpus format."""
    from framing.io import importers

    frame = importers.convert(args.format, args.paths, args.map, args.keep_unmapped)
    with atomic_output(args.output, inputs=_read_paths(args)) as out:
        importers.write_corpus(frame, out)
    counts = frame["labels"].explode().value_counts()
    summary(f"wrote {len(frame)} rows to {args.output}; labels: " + ", ".join(f"{k} {v}" for k, v in counts.head(12).items()),
            args.quiet)
    return 0


def cmd_serve(args) -> int:
    """Run the HTTP service."""
    from framing.api.app import serve

    serve(args.host, args.port, args.db, model=args.model, actors=args.actors, workers=args.workers)
    return 0


def cmd_export(args) -> int:
    """Write stored articles' sentence rows, with the columns of `framing score`."""
    from framing.api.store import ArticleStore

    store = ArticleStore(args.db, readonly=True)
    with atomic_output(args.output, binary=args.format == "parquet", inputs=_read_paths(args)) as out:
        rows, articles = store.export(out, args.format, args.outlet, args.since, args.until)
    summary(f"exported {rows} sentences from {articles} articles to {args.output}")
    return 0


def cmd_train(args) -> int:
    """Train a model, save it with its card, print the cross-validated report."""
    from framing.codebook import Codebook
    from framing.io.corpora import read_corpus
    from framing.io.importers import read_tone_extra, tone_extra_weights
    from framing.models.card import training_text
    from framing.models.train import parse_params, train

    from framing.models.io import model_path

    started, out = time.monotonic(), model_path(args.out, _read_paths(args))
    extra_weight = tone_extra_weights(args.tone_extra_weight)  # a bad value fails before any reading
    codebook = Codebook.load(args.codebook) if args.codebook else None
    corpus = read_corpus(args.corpora, codebook)
    model = train(corpus, codebook, sources=[Path(c).as_posix() for c in args.corpora], params=parse_params(args.param),
                  tone_extra=read_tone_extra(args.tone_extra), tone_extra_weight=extra_weight,
                  group_by=None if args.group_by == "none" else args.group_by, tune_on=args.tune_on)
    card_path = model.save(out)
    if model.tone is None:
        reason = (model.card.get("tone") or {}).get("skipped") if isinstance(model.card.get("tone"), dict) else None
        warn(f"this model has no tone: {reason or 'the corpus has no tone labels'} (tone needs at least 5 corpus rows "
             "of each of two tones to cross-validate"
             + ("; --tone-extra rows are added to them, they cannot stand in for them)" if args.tone_extra else ")"))
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
