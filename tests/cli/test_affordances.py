"""Command-line affordances of issue 13: summary lines and --quiet, progress only on a terminal,
already-scored input, language coverage, help texts, table numbering and --wide."""

import io
import re

import pytest

from framing.cli import build_parser, main
from framing.io.progress import Progress, elapsed, plural
from conftest import write_jsonl

LONG = ("The foreign ministers met in Doha on Tuesday and agreed to resume the talks next month, "
        "according to a statement issued after the meeting by both delegations.")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path):
    rows = [{"id": f"a{i}", "outlet": "Wire", "title": "Ministers meet in Doha",
             "text": f"Ministers meet in Doha\n\n{LONG} Missiles were fired at the border."} for i in range(3)]
    return write_jsonl(tmp_path / "articles.jsonl", rows)


def test_score_ends_with_one_summary_line_and_quiet_silences_it(capsys, tmp_path, articles, small_model_path):
    out_file = tmp_path / "s.parquet"
    code, _, err = run(capsys, "score", articles, "--model", small_model_path, "--format", "parquet", "-o", out_file)
    assert code == 0
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and re.fullmatch(r"scored 3 articles, \d+ sentences in [\d.]+ s -> .*s\.parquet", lines[0]), err
    assert "\r" not in err  # stderr is not a terminal here: no progress bar
    code, _, err = run(capsys, "score", articles, "--model", small_model_path, "--format", "parquet", "-o", out_file, "--quiet")
    assert code == 0 and err == ""


def test_classify_and_compare_summaries(capsys, tmp_path, articles, small_model_path):
    lines = tmp_path / "lines.txt"
    lines.write_text("The talks resumed.\nMissiles were fired.\n", "utf-8")
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path)
    assert code == 0 and re.fullmatch(r"classified 2 lines in [\d.]+ s\n", err)
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "-q")
    assert code == 0 and err == ""


def test_progress_draws_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, plain, tty = io.StringIO(), io.StringIO(), Terminal()
    for stream, options in ((plain, {}), (tty, {}), (Terminal(), {"quiet": True}), (Terminal(), {"output_to_terminal": True})):
        bar = Progress("scoring", stream=stream, interval=0, **options)
        bar.update(articles=12, sentences=1400)
        bar.close()
        if stream is tty:
            assert "\rscoring: 12 articles, 1,400 sentences" in stream.getvalue()
        else:
            assert stream.getvalue() == "", options
    assert plural(1, "article") == "1 article" and plural(19380, "sentence") == "19,380 sentences"
    assert elapsed(17.2) == "17 s" and elapsed(111) == "1 min 51 s"


def test_score_refuses_already_scored_output(capsys, tmp_path, articles, small_model_path):
    for fmt in ("parquet", "jsonl", "csv"):
        scored = tmp_path / f"scored.{fmt}"
        assert run(capsys, "score", articles, "--model", small_model_path, "--format", fmt, "-o", scored, "-q")[0] == 0
        code, out, err = run(capsys, "score", scored, "--model", small_model_path)
        assert code == 1 and out == ""
        assert "already scored output" in err and "framing compare" in err and len(err.strip().splitlines()) == 1


def test_uncovered_language_is_one_warning(capsys, tmp_path, small_corpus, codebook):
    from framing.models.train import train

    english = train(small_corpus[small_corpus["lang"] == "en"].reset_index(drop=True), codebook, sources=["en"])
    path = tmp_path / "en.skops"
    english.save(path)
    lines = tmp_path / "ar.txt"
    lines.write_text("وقال مسؤول إن المحادثات استؤنفت.\nأطلقت صواريخ على الحدود.\nThe talks resumed.\n", "utf-8")
    for command in (["classify", lines], ["suggest", lines, "-k", "2"]):
        code, _, err = run(capsys, *command, "--model", path)
        warnings = [l for l in err.splitlines() if l.startswith("framing: warning:")]
        assert code == 0 and len(warnings) == 1, err
        assert "trained on English only" in warnings[0] and "Arabic" in warnings[0]
    corpus = write_jsonl(tmp_path / "ar.jsonl", [{"text": "أطلقت صواريخ على الحدود.", "labels": ["threat"]},
                                                 {"text": "وصل الوفد إلى الدوحة.", "labels": ["diplomacy"]}])
    code, _, err = run(capsys, "evaluate", path, corpus)
    assert "framing: warning: the model was trained on English only" in err
    articles = write_jsonl(tmp_path / "art.jsonl", [{"id": f"x{i}", "text": "أطلقت صواريخ على الحدود. وصل الوفد إلى الدوحة."}
                                                    for i in range(3)])
    code, _, err = run(capsys, "score", articles, "--model", path, "--format", "jsonl", "-q")
    assert code == 0 and err.count("trained on English only") == 1


def _help(command: str) -> str:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return " ".join(sub.format_help().split())


def test_help_texts_show_defaults_and_cite_only_shipped_documents():
    compare = _help("compare")
    for option, default in (("--n-boot", "2000"), ("--n-perm", "2000"), ("--seed", "0"), ("--measure", "share")):
        text = compare.split(option, 2)[-1][:400]
        assert f"default: {default}" in text, option
    assert "default: text" in _help("info")
    train = _help("train")
    assert "design" not in train.lower() and "§" not in train
    for command in ("score", "classify", "train", "compare", "import"):
        assert "--quiet" in _help(command), command


def test_info_shows_tone_metrics(capsys, small_model_path):
    code, out, _ = run(capsys, "info", "--model", small_model_path)
    assert code == 0 and "tone, cross-validated" in out and "negative" in out


def test_tables_number_rows_from_one_and_wide_keeps_whole_sentences(capsys, tmp_path, articles, small_model_path):
    lines = tmp_path / "lines.txt"
    lines.write_text(LONG + "\nMissiles were fired.\n", "utf-8")
    _, out, _ = run(capsys, "classify", lines, "--model", small_model_path, "--format", "table", "-q")
    numbers = [int(l.split()[0]) for l in out.splitlines()[1:]]
    assert numbers == [1, 2] and "…" in out and LONG not in out
    _, out, _ = run(capsys, "classify", lines, "--model", small_model_path, "--format", "table", "--wide", "-q")
    assert LONG in out
    _, out, _ = run(capsys, "score", articles, "--model", small_model_path, "-q")
    rows = [l for l in out.splitlines() if re.match(r"\s*\d+ (en|ar|und) ", l)]
    assert rows[0].split()[0] == "1"  # the title row is sentence 1, as in classify
    assert LONG not in out
    _, out, _ = run(capsys, "score", articles, "--model", small_model_path, "--wide", "-q")
    assert LONG in out
