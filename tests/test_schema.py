"""The sentence schema: columns, reserved ids, records, flat formats and safe output files."""

import io
import os
import stat

import numpy as np
import pytest

from framing import schema
from framing.errors import CodebookError, ModelError, OutputError


def test_columns_are_defined_once_and_frame_ids_may_not_clash():
    columns = schema.sentence_columns(["threat"], tone=True, annotations=["source", "cue", "quote_type", "source_resolved", "source_type", "actors"], article=True)
    assert columns[:9] == list(schema.ARTICLE_COLUMNS) and columns[9:] == [
        "text", "lang", "labels", "threat", "cues", "tone", "tone_scores", "source", "cue", "quote_type", "source_resolved", "source_type", "actors"]
    assert {"cue", "source", "quote_type", "actors", "tone_negative", "scores"} <= schema.RESERVED_IDS
    from framing.codebook import Codebook

    for reserved in ("cue", "source"):
        with pytest.raises(CodebookError, match="reserved"):
            Codebook.from_dict({"name": "x", "frames": [{"id": reserved}]})
    with pytest.raises(ModelError, match="twice"):
        schema.sentence_columns(["threat"], tone=False, annotations=["threat"])


def test_tone_classes_must_be_the_schemas():
    assert schema.check_tone_classes(np.array(["negative", "neutral", "positive"])) == ["negative", "neutral", "positive"]
    with pytest.raises(ModelError, match="tone classes"):
        schema.check_tone_classes(["bad", "good"])


def test_records_round_trip_through_the_http_shape():
    table = schema.make_table({"sentence_index": np.arange(2), "kind": ["sentence", "sentence"], "start": np.array([0, 5]),
                               "end": np.array([4, 9]), "text": ["a b", "c d"], "lang": ["en", "und"], "labels": [["threat"], []],
                               "threat": np.array([0.9, np.nan]), "cues": [{"threat": ["a"]}, {}], "source": [None, None]})
    records = schema.records(table, ["threat"], api=True)
    assert records[0]["index"] == 0 and records[0]["scores"] == {"threat": 0.9} and records[1]["scores"] is None
    back = schema.table_from_records(records, ["threat"])
    assert list(back.columns) == list(table.columns)
    assert back["threat"].tolist()[0] == 0.9 and np.isnan(back["threat"].tolist()[1])


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_start_a_formula_get_a_quote(cell):
    assert schema.csv_safe(cell) == "'" + cell
    flat = schema.flat_table(schema.make_table({"text": [cell], "labels": [["=x"]]}), "csv")
    assert flat["text"][0] == "'" + cell and flat["labels"][0] == "'=x"


def test_csv_keeps_ordinary_cells():
    assert schema.csv_safe("Talks resumed.") == "Talks resumed." and schema.csv_safe(-1.5) == -1.5


def test_atomic_output_replaces_regular_files_only(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    with schema.atomic_output(target) as out:
        out.write("new")
    assert target.read_text("utf-8") == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(RuntimeError):
        with schema.atomic_output(target) as out:
            out.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text("utf-8") == "new" and os.listdir(tmp_path) == ["out.txt"]  # no temp file left
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with schema.atomic_output(link) as out:
        out.write("through the link")
    assert link.is_symlink() and target.read_text("utf-8") == "through the link"
    with schema.atomic_output("/dev/null") as out:
        out.write("nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        with schema.atomic_output(target) as out:
            out.write("x")
    assert target.read_text("utf-8") == "through the link"


def test_writers_agree_on_columns():
    table = schema.make_table({"text": ["a"], "lang": ["en"], "labels": [["threat"]], "threat": np.array([0.5]),
                               "cues": [{"threat": ["a"]}], "tone": ["neutral"],
                               "tone_scores": [{"negative": 0.1, "neutral": 0.8, "positive": 0.1}], "actors": [["X"]]})
    csv = io.StringIO()
    writer = schema.SentenceWriter(csv, "csv", ["threat"])
    writer.write(table)
    assert csv.getvalue().splitlines()[0] == "text,lang,labels,threat,cues,tone,tone_negative,tone_neutral,tone_positive,actors"
    with pytest.raises(Exception, match="unknown format"):
        schema.SentenceWriter(csv, "xml", ["threat"])
