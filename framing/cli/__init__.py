"""Command line: ``framing classify | score | train | evaluate | compare | speakers | suggest | serve | export | import | info``.

This package only parses arguments (here), calls public library functions (``commands``) and
maps typed errors to the one-line contract: every user error is one line on stderr
(``framing: error: ...``) and exit code 1, never a traceback. Heavy modules are imported inside
commands so ``--help`` is instant.
"""

from __future__ import annotations

import argparse
import os
import sys

from framing.limits import DEFAULT_CUES, DEFAULT_DB, DEFAULT_HOST, DEFAULT_PORT
from framing.schema import LANGUAGES

EXIT_INPUT = 1
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    import warnings

    from framing.cli import commands
    from framing.errors import FramingError

    show = warnings.showwarning

    def one_line(message, category, filename, lineno, file=None, line=None):
        if category.__name__ in ("LanguageCoverageWarning", "InputWarning"):  # the library's advice, as a CLI warning line
            commands.warn(str(message))
        else:
            show(message, category, filename, lineno, file, line)

    warnings.showwarning = one_line
    try:
        return getattr(commands, f"cmd_{args.command}")(args) or 0
    except FramingError as exc:
        commands.error(str(exc))
    except KeyboardInterrupt:
        commands.error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output closed early (piped to `head`): not an error for the user
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except MemoryError:
        commands.error("out of memory; split the input into smaller files")
    except OSError as exc:
        commands.error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    finally:
        warnings.showwarning = show
    return EXIT_INPUT


def _count(value: str) -> int:
    """A whole number of 0 or more (argparse type)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return number


def _model(p: argparse.ArgumentParser, actors: bool = True) -> None:
    p.add_argument("--model", metavar="PATH", help="model file (.skops); default: the shipped model")
    if actors:
        p.add_argument("--actors", metavar="FILE", help="your own actors gazetteer (YAML, like framing/data/actors.yaml)")


def _quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line on stderr (the bar shows only on a terminal)")


def _scoring(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--lang", choices=LANGUAGES, help=f"treat {what} as this language instead of detecting it")
    p.add_argument("--cues", type=_count, default=DEFAULT_CUES, metavar="N",
                   help="cue terms per predicted frame (0 = none; default: %(default)s)")
    p.add_argument("--wide", action="store_true", help="with --format table: whole sentences instead of cutting them to one line")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    from framing import __version__

    parser = argparse.ArgumentParser(prog="framing", description="Measure how news media frame events, in Arabic and English.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=description or help[0].upper() + help[1:] + ".")

    p = command("classify", help="score sentences, one per input line (no re-segmentation)",
                       description="Score one sentence per input line. Output has one row per input line, in order.")
    p.add_argument("input", nargs="?", default="-", metavar="FILE|-", help="text file, one sentence per line (default: stdin)")
    _model(p)
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="jsonl", help="output format (default: %(default)s)")
    _scoring(p, "every line")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")
    _quiet(p)

    p = command("score", help="split articles into sentences and score each sentence",
                       description="Score whole articles: .txt, .html, or corpus files (.jsonl/.csv/.tsv/.parquet with a 'text' column).")
    p.add_argument("inputs", nargs="+", metavar="FILE")
    _model(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv", "parquet"), default="table",
                   help="output format (default: %(default)s)")
    _scoring(p, "articles")
    p.add_argument("--outlet", metavar="NAME", help="outlet name for every article (overrides the files' own)")
    p.add_argument("--skip-errors", action="store_true",
                   help="report unusable articles and unreadable files (binary, not UTF-8, malformed corpora) as warnings and go on (default: stop at the first)")
    p.add_argument("--by-actor", action="store_true",
                   help="instead of sentences, output frames and tone per actor across all articles")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: score input files in parallel on a Dask cluster, one Parquet part per file in -o DIR (resumable)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: an existing scheduler (default: a local cluster)")
    p.add_argument("--workers", type=int, default=2, help="with --engine dask and no scheduler: local worker processes")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (atomically); required for parquet")
    _quiet(p)

    p = command("train", help="train a frame model on labeled corpora and report cross-validated scores",
                       description="Train on corpus files: JSONL (or CSV/Parquet) with one sentence per row, columns text, labels "
                                   "(a list), optional lang, id, article_id, tone (README: 'Training on your own data'). "
                                   "Without --codebook the label set is taken from the corpus.")
    p.add_argument("corpora", nargs="+", metavar="CORPUS")
    p.add_argument("--out", required=True, metavar="MODEL.skops")
    p.add_argument("--codebook", metavar="FILE", help="codebook (.yaml/.json); labels outside it are errors")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="pipeline parameter, e.g. frames__C=2.0 or features__word_ngrams=[1,2] (repeatable)")
    p.add_argument("--tone-extra", action="append", default=[], metavar="FORMAT:PATH",
                   help="extra tone-only training data from a public dataset: newsmtsc:PATH, arsarcasm:PATH or arsas:PATH (repeatable)")
    p.add_argument("--tone-extra-weight", action="append", default=[], metavar="W|FORMAT=W",
                   help="weight of each --tone-extra row against a corpus row: one number for every source, "
                        "or FORMAT=W per source, e.g. newsmtsc=1 arsas=0.25 (repeatable; default 1)")
    p.add_argument("--group-by", default="article_id", metavar="COLUMN",
                   help="keep rows sharing COLUMN (e.g. an article id) in one cross-validation fold; "
                        "'none' for one group per row (default: %(default)s, when the corpus has it)")
    p.add_argument("--tune-on", metavar="COLUMN=VALUE",
                   help="calibrate, choose thresholds and report on these rows only (e.g. stratum=random); "
                        "other rows are extra training data")
    p.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: %(default)s)")
    _quiet(p)

    p = command("evaluate", help="evaluate a model on labeled corpora",
                       description="Per-label precision/recall/F1/support and micro/macro F1, overall and per language, "
                                   "each F1 with a 95% bootstrap interval resampled by article. Labels without "
                                   "positives in the corpus are left out of the macro average.")
    p.add_argument("model", metavar="MODEL")
    p.add_argument("corpora", nargs="+", metavar="CORPUS")
    p.add_argument("--group-by", default="article_id", metavar="COLUMN",
                   help="resample intervals by this column (default: article_id; rows without one, or a corpus "
                        "without the column, are resampled row by row)")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = command("compare", help="compare outlets: prevalence with CIs, tests, tone, trends, distinctive terms",
                       description="Compare groups of articles. INPUTS are scored sentence files (from `framing score` "
                                   "or `framing export`: .parquet/.csv/.jsonl) or article corpus files, which are scored first.")
    p.add_argument("inputs", nargs="+", metavar="SCORED_OR_ARTICLES")
    p.add_argument("--by", default="outlet", help="column to compare by (default: outlet); source_type compares who voices the sentences "
                        "(official, expert, media, anonymous, citizen, other, unattributed)")
    p.add_argument("--out", metavar="DIR", help="write figures (PNG, SVG), CSV tables and report.html here")
    _model(p)
    p.add_argument("--measure", choices=("share", "presence", "probability"), default="share",
                   help="per article: share of sentences with the frame, presence (any sentence) or mean probability "
                        "(default: %(default)s)")
    p.add_argument("--adjust", action="store_true", help="also correct prevalence for classifier error (model card rates)")
    p.add_argument("--n-boot", type=int, default=2000, metavar="N",
                   help="cluster-bootstrap resamples of articles for the 95%% intervals (at least 100; default: %(default)s)")
    p.add_argument("--n-perm", type=int, default=2000, metavar="N",
                   help="article permutations per test (at least 99; the smallest p is 1/(N+1); default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="random seed of bootstrap and permutations (default: %(default)s)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="terminal output format (default: %(default)s)")
    _quiet(p)

    p = command("speakers", help="who is quoted: each speaker with its source type, sentences and articles",
                description="List the speakers of scored sentences (or of articles, scored first), most quoted first, "
                            "with the source type the rules gave each. --actors-template writes an actors file for the "
                            "people typed 'other' (their role is not in the text) for you to complete and pass back "
                            "with --actors.")
    p.add_argument("inputs", nargs="+", metavar="SCORED_OR_ARTICLES")
    _model(p)
    p.add_argument("--by", metavar="COLUMN", help="also count each speaker's distinct values of COLUMN (e.g. outlet)")
    p.add_argument("--type", dest="source_type", metavar="GROUP",
                   help="only speakers of this source type (official, expert, media, anonymous, citizen, other)")
    p.add_argument("--min", dest="min_sentences", type=int, default=1, metavar="N",
                   help="only speakers with at least N sentences (default: %(default)s)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format (default: %(default)s)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the table here (atomically) instead of stdout")
    p.add_argument("--actors-template", metavar="FILE",
                   help="write an actors file (YAML) with one person per speaker typed 'other' that has at least "
                        "--min sentences; an existing file is never replaced")
    _quiet(p)

    p = command("suggest", help="which unlabeled sentences (one per line) to label next: uncertain and diverse")
    p.add_argument("input", nargs="?", default="-", metavar="FILE|-")
    _model(p, actors=False)
    p.add_argument("-k", type=int, default=20, help="how many sentences (default 20)")
    p.add_argument("--diversity", type=float, default=0.5, help="0 = most uncertain only, 1 = most diverse (default 0.5)")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.add_argument("-o", "--output", metavar="FILE")

    env = os.environ.get
    p = command("serve", help="run the HTTP scoring service (FastAPI; OpenAPI at /docs)",
                       description="Serve the HTTP API. Flags override the FRAMING_* environment variables.")
    p.add_argument("--host", default=env("FRAMING_HOST", DEFAULT_HOST))
    p.add_argument("--port", type=int, default=int(env("FRAMING_PORT", str(DEFAULT_PORT))))
    p.add_argument("--model", metavar="PATH", default=env("FRAMING_MODEL"), help="model file (default: shipped model)")
    p.add_argument("--actors", metavar="FILE", default=env("FRAMING_ACTORS"), help="your own actors gazetteer (YAML)")
    p.add_argument("--db", metavar="PATH", default=env("FRAMING_DB", DEFAULT_DB),
                   help=f"SQLite store file, created on first use (default: ./{DEFAULT_DB})")
    p.add_argument("--workers", type=int, default=int(env("FRAMING_WORKERS", "1")), help="worker processes")

    p = command("export", help="export stored articles' sentence scores to Parquet, CSV or JSONL",
                       description="Write one row per stored sentence, with the same columns as `framing score`.")
    p.add_argument("--db", metavar="PATH", default=env("FRAMING_DB", DEFAULT_DB))
    p.add_argument("--format", choices=("parquet", "csv", "jsonl"), default="parquet")
    p.add_argument("--outlet")
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("-o", "--output", metavar="FILE", required=True)

    p = command("import", help="convert a public labeled dataset to our corpus format (JSONL)",
                       description="Convert public corpora: semeval-lines (SemEval-2023 Task 3 subtask 3 folder), "
                                   "semeval-articles (subtask 2 folder), armpro / araieval (JSONL), newsmtsc (JSONL, tone), "
                                   "arsarcasm (CSV, tone), arsas (TSV, tone), standoff (our stand-off labels in corpora/real, "
                                   "joined with the datasets' text; a changed text is an error).")
    p.add_argument("format", metavar="FORMAT")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="CORPUS.jsonl")
    p.add_argument("--map", metavar="MAPPING", help="YAML/JSON mapping of foreign labels to codebook labels (others dropped)")
    p.add_argument("--keep-unmapped", action="store_true", help="with --map, keep labels the mapping does not mention")
    _quiet(p)

    p = command("info", help="show a model's card: codebook, languages, thresholds, training data, CV metrics")
    _model(p, actors=False)
    p.add_argument("--format", choices=("text", "json"), default="text", help="text for reading, json for the whole card "
                   "(default: %(default)s)")
    return parser
