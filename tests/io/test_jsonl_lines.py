"""JSONL records end at ``\\n`` only: raw U+2028/U+2029/U+0085 etc. inside JSON strings are text."""

import json

import pytest

from framing.errors import CorpusError
from framing.io import importers
from framing.io.corpora import read_records
from framing.io.inputs import split_lines

# Characters str.splitlines() treats as line ends but JSON allows raw inside strings.
SEPARATORS = ["\u2028", "\u2029", "\u0085"]


def _jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def test_split_lines_splits_on_newline_only():
    assert split_lines("a\u2028b\r\nc\u0085d\n\ne\r") == ["a\u2028b", "c\u0085d", "", "e"]
    assert split_lines("") == [] and split_lines("x") == ["x"] and split_lines("x\n") == ["x"]


@pytest.mark.parametrize("sep", SEPARATORS)
def test_read_records_keeps_separator_inside_strings(tmp_path, sep):
    rows = [{"text": f"First{sep}part", "labels": []}, {"text": "Second", "labels": []}]
    path = tmp_path / "c.jsonl"
    path.write_text(_jsonl(rows), "utf-8")
    assert sep in path.read_text("utf-8")
    assert read_records(path) == [(1, rows[0]), (2, rows[1])]


def test_read_records_error_line_numbers_count_newlines_only(tmp_path):
    text = _jsonl([{"text": "a\u2028b\u2029c\u0085d", "labels": []}]) + "\r\n" + '{"text": "x"\r\n' + _jsonl([{"text": "e\u2028f"}])
    path = tmp_path / "bad.jsonl"
    path.write_text(text, "utf-8", newline="")
    with pytest.raises(CorpusError) as info:
        read_records(path)
    assert info.value.problems == [f"{path}:3: invalid JSON (Expecting ',' delimiter at column 13)"]


def test_read_records_crlf_file(tmp_path):
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b'{"text": "a\xe2\x80\xa8b"}\r\n{"text": "c"}\r\n')
    assert read_records(path) == [(1, {"text": "a\u2028b"}), (2, {"text": "c"})]


def test_importer_jsonl_and_tsv_keep_separators(tmp_path):
    path = tmp_path / "ArMPro.jsonl"
    path.write_text(_jsonl([{"id": "t1", "text": "نص\u2028أول", "labels": ["Doubt"]},
                            {"id": "t2", "text": "نص\u0085ثان", "labels": []}]), "utf-8")
    assert list(importers.armpro(path)["text"]) == ["نص\u2028أول", "نص\u0085ثان"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(_jsonl([{"id": "t1", "text": "a\u2029b", "labels": []}]) + "{oops\n", "utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2: invalid JSON"):
        importers.armpro(bad)
    tsv = tmp_path / "arsas.txt"
    tsv.write_text("نص\u2028آخر\tNegative\nنص\tPositive\n", "utf-8")
    assert list(importers.arsas(tsv)["text"]) == ["نص\u2028آخر", "نص"]
