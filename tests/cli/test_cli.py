import json
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import main
from conftest import CORPUS, ROOT, write_jsonl

SAMPLES = ROOT / "framing" / "data" / "samples"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_jsonl_keeps_input_order(capsys, tmp_path, small_model_path):
    lines = ["The two foreign ministers met in Ankara to restore ties.", "", "وحذر الجيش من هجوم وشيك.", "Bonjour à tous, merci."]
    path = tmp_path / "in.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, err = run(capsys, "classify", path, "--model", small_model_path)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == lines
    assert [r["lang"] for r in rows] == ["en", "und", "ar", "und"]
    assert set(rows[0]) == {"text", "lang", "labels", "scores", "cues", "tone", "tone_scores", "source", "cue", "quote_type", "source_resolved", "source_type", "actors"}
    assert set(rows[0]["scores"]) == {"threat", "diplomacy", "skepticism"}
    assert rows[1]["scores"] is None
    assert "2 of 4 line(s) not scored" in err


def test_classify_csv_and_table(capsys, tmp_path, small_model_path):
    path = tmp_path / "in.txt"
    path.write_text("Talks resumed in Geneva.\nMissiles hit the port.\n", "utf-8")
    code, out, _ = run(capsys, "classify", path, "--model", small_model_path, "--format", "csv", "-o", tmp_path / "out.csv")
    assert code == 0 and out == ""
    table = pd.read_csv(tmp_path / "out.csv")
    assert list(table.columns) == ["text", "lang", "labels", "threat", "diplomacy", "skepticism", "cues",
                                   "tone", "tone_negative", "tone_neutral", "tone_positive", "source", "cue", "quote_type", "source_resolved", "source_type", "actors"]
    assert len(table) == 2
    code, out, _ = run(capsys, "classify", path, "--model", small_model_path, "--format", "table")
    assert code == 0 and "Talks resumed" in out and "threat" in out.splitlines()[0]


def test_score_formats(capsys, tmp_path, small_model_path):
    args = ["score", SAMPLES / "summit_ar.txt", SAMPLES / "summit_en.html", "--model", small_model_path, "--outlet", "Demo"]
    code, out, _ = run(capsys, *args, "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["article_id"] for r in rows} == {"summit_ar", "summit_en"}
    assert all(r["outlet"] == "Demo" for r in rows)
    html_rows = [r for r in rows if r["article_id"] == "summit_en"]
    assert html_rows[0]["kind"] == "title"
    assert not any("cookie" in r["text"].lower() for r in html_rows)  # page chrome removed
    code, _, _ = run(capsys, *args, "--format", "parquet", "-o", tmp_path / "s.parquet")
    frame = pd.read_parquet(tmp_path / "s.parquet")
    assert code == 0 and len(frame) == len(rows)
    assert {"article_id", "sentence_index", "text", "lang", "labels", "threat"} <= set(frame.columns)
    code, out, _ = run(capsys, *args)
    assert code == 0 and "summary" in out


def test_score_corpus_file_and_skip_errors(capsys, tmp_path, small_model_path):
    corpus = write_jsonl(tmp_path / "articles.jsonl", [
        {"id": "a", "outlet": "X", "text": "The talks resumed. Both envoys met in Doha."},
        {"id": "b", "outlet": "Y", "text": "Le sommet aura lieu demain à Paris avec les ministres."},
    ])
    code, _, err = run(capsys, "score", corpus, "--model", small_model_path, "--format", "csv")
    assert code == 1 and "articles.jsonl:2:" in err and "supported language" in err
    code, out, err = run(capsys, "score", corpus, "--model", small_model_path, "--format", "csv", "--skip-errors")
    assert code == 0 and "articles.jsonl:2: skipped" in err
    assert set(pd.read_csv(__import__("io").StringIO(out))["article_id"]) == {"a"}



def test_skip_errors_skips_unreadable_files_and_records_too(capsys, tmp_path, small_model_path):
    good = tmp_path / "good.txt"
    good.write_text("The talks resumed. Both envoys met in Doha.", "utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("قال المتحدث إن المحادثات مستمرة".encode("cp1256"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "b1", "text": "Officials met."}\n{"id": "b2", "text": \n', "utf-8")
    untexted = write_jsonl(tmp_path / "untexted.jsonl", [{"id": "u1", "text": "The envoys met."}, {"id": "u2", "title": "no text"}])
    inputs = [good, binary, legacy, broken, untexted]
    code, _, err = run(capsys, "score", *inputs, "--model", small_model_path, "--format", "csv")
    assert code == 1 and "image.txt" in err  # without the flag the first unusable input stops the run
    code, out, err = run(capsys, "score", *inputs, "--model", small_model_path, "--format", "csv", "--skip-errors")
    assert code == 0
    assert "image.txt: skipped: looks like a binary file" in err and "legacy.txt: skipped: not valid UTF-8" in err
    assert "broken.jsonl: skipped: the whole file" in err and "untexted.jsonl:2: skipped: missing 'text'" in err
    assert set(pd.read_csv(__import__("io").StringIO(out))["article_id"]) == {"good", "u1"}


def test_train_says_when_the_model_gets_no_tone(capsys, tmp_path):
    rows = [json.loads(l) for l in (CORPUS / "en.train.jsonl").read_text("utf-8").splitlines()[::8]]
    with_tone = write_jsonl(tmp_path / "tone.jsonl", rows)
    without = write_jsonl(tmp_path / "plain.jsonl", [{k: v for k, v in r.items() if k != "tone"} for r in rows])
    code, _, err = run(capsys, "train", without, "--out", tmp_path / "a.skops", "--param", "frames__cv=3")
    assert code == 0 and "this model has no tone: the corpus has no tone labels" in err
    code, _, err = run(capsys, "train", with_tone, "--out", tmp_path / "b.skops", "--param", "frames__cv=3")
    assert code == 0 and "no tone" not in err


def test_train_evaluate_info(capsys, tmp_path):
    train_rows = [json.loads(l) for l in (CORPUS / "en.train.jsonl").read_text("utf-8").splitlines()[::6]]
    corpus = write_jsonl(tmp_path / "train.jsonl", train_rows)
    model = tmp_path / "m.skops"
    code, out, _ = run(capsys, "train", corpus, "--out", model, "--param", "frames__cv=3")
    assert code == 0 and "macro avg" in out and model.exists()
    card = json.loads((tmp_path / "m.card.json").read_text("utf-8"))
    assert card["codebook"]["name"] == "from-corpus"  # labels taken from the corpus
    code, out, _ = run(capsys, "evaluate", model, CORPUS / "en.test.jsonl", "--format", "json")
    report = json.loads(out)
    assert code == 0 and set(report["labels"]) == {"diplomacy", "skepticism", "threat"}
    assert {"precision", "recall", "f1", "support"} <= set(report["labels"]["threat"])
    code, out, _ = run(capsys, "info", "--model", model)
    assert code == 0 and "thresholds:" in out


def test_train_with_foreign_labels(capsys, tmp_path):
    rows = [{"id": str(i), "text": t, "labels": l} for i, (t, l) in enumerate([
        ("They claim it works but nobody believes them.", ["Doubt"]),
        ("Experts doubt the official figures.", ["Doubt"]),
        ("Nobody can verify what the ministry says.", ["Doubt"]),
        ("Act now or the enemy will destroy us all.", ["Appeal_to_Fear"]),
        ("If we wait, our cities will burn.", ["Appeal_to_Fear"]),
        ("Fear the invaders who will take everything.", ["Appeal_to_Fear"]),
        ("The council met on Tuesday.", []), ("Prices rose slightly.", []), ("The match ended in a draw.", []),
    ])]
    corpus = write_jsonl(tmp_path / "p.jsonl", rows)
    code, out, _ = run(capsys, "train", corpus, "--out", tmp_path / "p.skops", "--param", "frames__cv=2")
    assert code == 0 and "Doubt" in out and "Appeal_to_Fear" in out


@pytest.mark.parametrize("args, message", [
    (["classify", "{tmp}/missing.txt"], "no such file"),
    (["classify", "{tmp}/binary.txt"], "binary"),
    (["classify", "{tmp}/cp1256.txt"], "not valid UTF-8"),
    (["classify", "{tmp}/empty.txt"], "no input lines"),
    (["classify", "{tmp}/french.txt"], "no line could be scored"),
    (["score", "{tmp}/empty.txt"], "empty"),
    (["score", "{tmp}/big.txt"], "one article may be at most"),
    (["score", "{tmp}/x.csv"], r"x.csv: no 'text' column \(columns: body, outlet\)"),
    (["score", "{tmp}/french.txt"], "--lang ar\\|en on the command line"),
    (["compare", "{tmp}/story.txt", "{tmp}/story2.txt"], "have no 'outlet'; for .txt/.html files score each outlet"),
    (["score", "{tmp}/cp1256.txt", "--format", "parquet"], "give -o/--output"),
    (["train", "{tmp}/bad.jsonl", "--out", "{tmp}/m.skops"], "bad.jsonl:2: invalid JSON"),
    (["train", "{tmp}/unknown.jsonl", "--out", "{tmp}/m.skops", "--codebook", "framing/data/codebook.yaml"],
     r"unknown.jsonl:1: unknown label\(s\) propaganda"),
    (["train", "{tmp}/unknown.jsonl", "--out", "{tmp}/unknown.jsonl"], "end in .skops"),
    (["evaluate", "{tmp}/missing.skops", "{tmp}/unknown.jsonl"], "model file not found"),
    (["info", "--model", "{tmp}/binary.txt"], "must end in .skops|not a framing model"),
])
def test_bad_input_is_one_line_error(capsys, tmp_path, small_model_path, args, message):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "cp1256.txt").write_bytes("قال الوزير إن الزيارة قائمة".encode("cp1256"))
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "french.txt").write_text("Le sommet aura lieu demain à Paris.\n", "utf-8")
    (tmp_path / "big.txt").write_bytes(b"The talks resumed. " * (6 * 1024 * 1024 // 19))
    (tmp_path / "x.csv").write_text("body,outlet\nhello,X\n", "utf-8")
    (tmp_path / "story.txt").write_text("The envoys met in Doha to discuss the truce.", "utf-8")
    (tmp_path / "story2.txt").write_text("Officials warned of missile strikes on the port.", "utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok", "labels": []}\n{"text": \n', "utf-8")
    (tmp_path / "unknown.jsonl").write_text('{"text": "A summit in Cairo.", "labels": ["propaganda"]}\n', "utf-8")
    argv = [a.format(tmp=tmp_path) for a in args]
    if argv[0] in ("classify", "score", "compare"):
        argv += ["--model", str(small_model_path)]
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert err.startswith("framing: error: ") and err.count("\n") == 1, err
    assert __import__("re").search(message, err), err
    assert "Traceback" not in err


def test_entry_point_runs_without_traceback(tmp_path, small_model_path):
    (tmp_path / "in.txt").write_text("Talks resumed in Geneva.\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "classify", str(tmp_path / "in.txt"), "--model", str(small_model_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["lang"] == "en"
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "classify", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr.startswith("framing: error:") and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "classify", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "--format" in proc.stdout


def test_score_streams_many_articles_to_parquet(capsys, tmp_path, small_model_path):
    rows = [{"id": f"a{i}", "outlet": None if i % 3 else "X", "date": None if i % 2 else "2024-10-0%d" % (i % 9 + 1),
             "text": "The envoys met in Doha. Talks will resume next week."} for i in range(230)]
    corpus = write_jsonl(tmp_path / "many.jsonl", rows)
    code, _, err = run(capsys, "score", corpus, "--model", small_model_path, "--format", "parquet", "-o", tmp_path / "m.parquet")
    assert code == 0, err
    frame = pd.read_parquet(tmp_path / "m.parquet")
    assert frame["article_id"].nunique() == 230 and len(frame) == 460
    assert (frame.loc[frame["article_id"] == "a0", "outlet"] == "X").all()
    assert frame.loc[frame["article_id"] == "a1", "outlet"].isna().all()


def strict_json(line: str):
    return json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} in JSON output"))


def test_outputs_carry_tone_sources_and_actors_as_valid_json(capsys, tmp_path, small_model_path):
    path = tmp_path / "in.txt"
    path.write_text("The Kremlin said the visit is on.\nPrices rose.\n", "utf-8")
    code, out, _ = run(capsys, "classify", path, "--model", small_model_path)
    first, second = [strict_json(l) for l in out.splitlines()]
    assert first["source"] == "The Kremlin" and first["quote_type"] == "indirect" and first["actors"] == ["KREMLIN"]
    assert second["source"] is None and second["quote_type"] == "none" and second["tone"] in ("negative", "neutral", "positive")
    code, out, _ = run(capsys, "score", SAMPLES / "summit_ar.txt", "--model", small_model_path, "--format", "jsonl")
    rows = [strict_json(l) for l in out.splitlines()]
    assert any(r["source"] and r["quote_type"] == "direct" for r in rows)
    assert any("PUTIN" in r["actors"] for r in rows)


def test_score_by_actor(capsys, tmp_path, small_model_path):
    code, out, _ = run(capsys, "score", SAMPLES / "summit_ar.txt", SAMPLES / "summit_en.txt", "--model", small_model_path,
                       "--by-actor", "--format", "csv")
    table = pd.read_csv(__import__("io").StringIO(out))
    assert code == 0 and {"actor", "name", "sentences", "articles", "threat_share", "tone_negative"} <= set(table.columns)
    assert table.set_index("actor").loc["PRK", "articles"] == 2


def test_compare_scored_and_article_inputs(capsys, tmp_path, small_model_path):
    rows = []
    for i in range(6):
        rows.append({"id": f"t{i}", "outlet": "Threat Daily", "date": f"2024-0{1 + i % 3}-1{i}",
                     "text": "Missiles were fired at the border. The army warned of an imminent attack on the city."})
        rows.append({"id": f"d{i}", "outlet": "Peace Post", "date": f"2024-0{1 + i % 3}-1{i}",
                     "text": "The foreign ministers met in Doha. Both sides signed a cooperation agreement."})
    corpus = write_jsonl(tmp_path / "articles.jsonl", rows)
    run(capsys, "score", corpus, "--model", small_model_path, "--format", "parquet", "-o", tmp_path / "s.parquet")
    for source in (tmp_path / "s.parquet", corpus):
        code, out, err = run(capsys, "compare", source, "--model", small_model_path, "--n-boot", "200", "--n-perm", "199",
                             "--out", tmp_path / "report")
        assert code == 0, err
        assert "prevalence" in out and "Threat Daily" in out and "omnibus" in out
    assert (tmp_path / "report" / "report.html").read_text("utf-8").startswith("<!doctype html>")
    for name in ("prevalence_heatmap.png", "prevalence_heatmap.svg", "prevalence_ci.png", "prevalence.csv", "pairwise.csv"):
        assert (tmp_path / "report" / name).stat().st_size > 0
    pairwise = pd.read_csv(tmp_path / "report" / "pairwise.csv")
    threat = pairwise[pairwise["frame"] == "threat"].iloc[0]
    assert threat["p_holm"] < 0.05  # the planted difference is found
    code, _, err = run(capsys, "compare", tmp_path / "s.parquet", "--by", "colour", "--model", small_model_path)
    assert code == 1 and "--by colour: no such column" in err


def _gazetteer(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - id: GENEVA_TALKS\n    type: organisation\n    aliases: {en: [Geneva], ar: [جنيف]}\n", "utf-8")
    return path


def test_actors_option_brings_your_own_gazetteer(capsys, tmp_path, small_model_path):
    lines = tmp_path / "in.txt"
    lines.write_text("The Kremlin said talks in Geneva resumed.\n", "utf-8")
    code, out, _ = run(capsys, "classify", lines, "--model", small_model_path)
    assert code == 0 and json.loads(out)["actors"] == ["KREMLIN"]
    code, out, _ = run(capsys, "classify", lines, "--model", small_model_path, "--actors", _gazetteer(tmp_path))
    assert code == 0 and json.loads(out)["actors"] == ["GENEVA_TALKS"]
    code, out, _ = run(capsys, "score", lines, "--model", small_model_path, "--actors", _gazetteer(tmp_path), "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["actors"] == ["GENEVA_TALKS"]
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "--actors", tmp_path / "missing.yaml")
    assert code == 1 and err.startswith("framing: error:") and err.count("\n") == 1


def test_csv_cells_cannot_start_a_formula(capsys, tmp_path, small_model_path):
    lines = tmp_path / "in.txt"
    payloads = ["=HYPERLINK(\"http://evil\",\"talks resumed in Geneva\")", "=cmd|' /C calc'!A0 the talks resumed",
                "@SUM(A1) the envoys met", "+1 missiles hit the port", "-2 missiles hit the port", "\tTalks resumed."]
    lines.write_text("\n".join(payloads) + "\n", "utf-8")
    code, out, _ = run(capsys, "classify", lines, "--model", small_model_path, "--format", "csv", "--lang", "en")
    assert code == 0
    table = pd.read_csv(__import__("io").StringIO(out), keep_default_na=False)
    assert [t[:1] for t in table["text"]] == ["'"] * len(payloads)
    assert [t[1:] for t in table["text"]] == payloads
    assert not any(str(cell).startswith(("=", "+", "-", "@", "\t", "\r")) for row in table.astype(str).values for cell in row)
    code, out, _ = run(capsys, "classify", lines, "--model", small_model_path, "--format", "jsonl", "--lang", "en")
    assert [json.loads(l)["text"] for l in out.splitlines()][:5] == payloads[:5]  # JSONL keeps the text as is


def test_outputs_never_replace_special_files(capsys, tmp_path, small_model_path):
    import os
    import stat

    lines = tmp_path / "in.txt"
    lines.write_text("Talks resumed in Geneva.\n", "utf-8")
    # a symlink stays a symlink; its target gets the output
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", "utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert run(capsys, "classify", lines, "--model", small_model_path, "-o", link)[0] == 0
    assert link.is_symlink() and json.loads(target.read_text("utf-8"))["text"] == "Talks resumed in Geneva."
    # a character device is written through, not replaced
    assert run(capsys, "classify", lines, "--model", small_model_path, "-o", "/dev/null")[0] == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    # a FIFO is written through
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    assert run(capsys, "classify", lines, "--model", small_model_path, "-o", fifo)[0] == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and "Talks resumed" in received[0]
    # a read-only file is refused, not replaced
    locked = tmp_path / "locked.jsonl"
    locked.write_text("keep\n", "utf-8")
    locked.chmod(0o444)
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "-o", locked)
    assert code == 1 and "read-only" in err and locked.read_text("utf-8") == "keep\n"
    # a directory is refused
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "-o", tmp_path)
    assert code == 1 and "is a directory" in err
    # an input (directly, through a symlink, or the model) is never the output: it would be destroyed
    saved = lines.read_bytes()
    for output in (lines, tmp_path / "link.txt"):
        if output != lines:
            output.symlink_to(lines)
        code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "-o", output)
        assert code == 1 and "is also an input" in err and lines.read_bytes() == saved
    code, _, err = run(capsys, "score", lines, "--format", "csv", "--model", small_model_path, "-o", lines)
    assert code == 1 and "is also an input" in err and lines.read_bytes() == saved
    model_bytes = open(small_model_path, "rb").read()
    code, _, err = run(capsys, "classify", lines, "--model", small_model_path, "-o", small_model_path)
    assert code == 1 and "is also an input" in err and open(small_model_path, "rb").read() == model_bytes


def test_negative_cue_count_is_refused(capsys, tmp_path):
    lines = tmp_path / "l.txt"
    lines.write_text("Talks resumed.\n", "utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["classify", str(lines), "--cues", "-1"])
    assert exit_.value.code == 2 and "-1 is negative; give 0 or more" in capsys.readouterr().err
