"""`framing classify` on errors (issue 12, item 8): streamed output keeps every row before the
problem and the error says how many rows were written; a regular -o FILE is written only on success."""

import json

import pytest

from framing.cli import main

LINE = "The Kremlin said preparations for an official visit are under way."
FRENCH = "Le sommet aura lieu demain à Paris avec les ministres."


def _late_error_file(tmp_path, good: int):
    path = tmp_path / "in.txt"
    path.write_bytes((LINE + "\n").encode() * good + b"caf\xe9 au lait\n" + (LINE + "\n").encode() * 10)
    return path


def test_late_bad_line_to_stdout_keeps_every_line_before_it_and_says_so(tmp_path, small_model_path, capsys):
    good = 2_600  # past the first 2,048-line chunk
    code = main(["classify", str(_late_error_file(tmp_path, good)), "--model", str(small_model_path), "--quiet"])
    out, err = capsys.readouterr()
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == good and all(r["text"] == LINE for r in rows)
    assert err.count("\n") == 1 and f":{good + 1}: not valid UTF-8" in err
    assert f"{good} row(s), one per line before it (incomplete output), were already written to stdout" in err


def test_late_bad_line_with_output_file_writes_nothing(tmp_path, small_model_path, capsys):
    out_file = tmp_path / "out.jsonl"
    code = main(["classify", str(_late_error_file(tmp_path, 2_100)), "--model", str(small_model_path), "-o", str(out_file)])
    err = capsys.readouterr().err
    assert code == 1 and not out_file.exists()
    assert f"nothing was written to {out_file}" in err
    out_file.write_text("previous\n")
    assert main(["classify", str(_late_error_file(tmp_path, 2_100)), "--model", str(small_model_path), "-o", str(out_file)]) == 1
    assert out_file.read_text() == "previous\n"  # an existing file is left as it was


@pytest.mark.parametrize("n", [3, 2_100])
def test_all_undetermined_lines_report_the_rows_written(tmp_path, small_model_path, capsys, n):
    path = tmp_path / "fr.txt"
    path.write_text((FRENCH + "\n") * n, "utf-8")
    code = main(["classify", str(path), "--model", str(small_model_path), "--quiet"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["lang"] for line in out.splitlines()] == ["und"] * n
    assert "no line could be scored" in err and f"{n} row(s), all with lang 'und', were already written to stdout" in err


def test_first_line_error_is_unchanged(tmp_path, small_model_path, capsys):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01binary")
    assert main(["classify", str(path), "--model", str(small_model_path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "binary" in err and "row(s)" not in err
