import json

import pandas as pd
import pytest

from framing.io.corpora import read_corpus
from framing.models.card import corpus_fingerprint
from framing.models.train import label_matrix
from framing.errors import CorpusError, InputError
from conftest import CORPUS, write_jsonl

GOOD = {"id": "1", "text": "The Kremlin confirmed the visit.", "labels": ["diplomacy"], "lang": "en", "tone": "neutral"}


def test_shipped_corpus_is_valid_and_large_enough(codebook):
    for lang in ("en", "ar"):
        frame = read_corpus([CORPUS / f"{lang}.train.jsonl", CORPUS / f"{lang}.test.jsonl"], codebook)
        assert len(frame) >= 1500
        assert set(frame["lang"]) == {lang}
        assert frame["tone"].notna().all()
        combos = {tuple(sorted(ls)) for ls in frame["labels"]}
        assert len(combos) == 8  # every label combination, including none


def test_train_and_test_splits_do_not_overlap():
    for lang in ("en", "ar"):
        train = {json.loads(l)["text"] for l in (CORPUS / f"{lang}.train.jsonl").read_text("utf-8").splitlines()}
        test = {json.loads(l)["text"] for l in (CORPUS / f"{lang}.test.jsonl").read_text("utf-8").splitlines()}
        assert train and test and not train & test


def test_reads_jsonl_csv_and_parquet(tmp_path, codebook):
    write_jsonl(tmp_path / "a.jsonl", [GOOD])
    pd.DataFrame([{"text": "وقال الوزير إن المحادثات مستمرة.", "labels": "diplomacy|threat", "id": "2"}]).to_csv(tmp_path / "b.csv", index=False)
    pd.DataFrame([{"text": "Markets rose on Monday.", "labels": [], "id": "3"}]).to_parquet(tmp_path / "c.parquet")
    frame = read_corpus([tmp_path / "a.jsonl", tmp_path / "b.csv", tmp_path / "c.parquet"], codebook)
    assert list(frame["id"]) == ["1", "2", "3"]
    assert list(frame["labels"]) == [["diplomacy"], ["diplomacy", "threat"], []]
    assert list(frame["lang"]) == ["en", "ar", "en"]  # detected when absent


def test_every_problem_is_reported_with_file_and_line(tmp_path, codebook):
    path = write_jsonl(tmp_path / "bad.jsonl", [
        GOOD,
        '{"text": "broken json", ',
        {"id": "3", "text": "   ", "labels": []},
        {"id": "4", "text": "A summit.", "labels": ["propaganda"]},
        {"id": "5", "text": "A summit.", "labels": "diplomacy", "tone": "angry"},
        {"id": "6", "labels": []},
    ])
    with pytest.raises(CorpusError) as info:
        read_corpus(path, codebook)
    problems = info.value.problems
    assert problems[0].startswith(f"{path}:2: invalid JSON")
    with pytest.raises(CorpusError) as info:
        read_corpus(write_jsonl(tmp_path / "bad2.jsonl", [GOOD, *[json.loads(json.dumps(r)) for r in [
            {"id": "3", "text": "   ", "labels": []},
            {"id": "4", "text": "A summit.", "labels": ["propaganda"]},
            {"id": "5", "text": "A summit.", "labels": ["diplomacy"], "tone": "angry"},
            {"id": "6", "labels": []},
            {"id": "7", "text": "Le sommet a eu lieu hier à Paris.", "labels": []},
        ]]]), codebook)
    problems = info.value.problems
    assert len(problems) == 5
    assert ":2: 'text' is empty" in problems[0]
    assert ":3: unknown label(s) propaganda; the codebook has threat, diplomacy, skepticism" in problems[1]
    assert ":4: tone 'angry'" in problems[2]
    assert ":5: missing 'text'" in problems[3]
    assert ":6: could not identify the language" in problems[4]


def test_without_codebook_any_labels_are_accepted(tmp_path):
    path = write_jsonl(tmp_path / "semeval.jsonl", [{"id": "1", "text": "They lie.", "labels": ["Doubt"]}])
    assert read_corpus(path)["labels"].tolist() == [["Doubt"]]


def test_duplicate_ids_and_unsupported_files(tmp_path, codebook):
    path = write_jsonl(tmp_path / "dup.jsonl", [GOOD, GOOD])
    with pytest.raises(CorpusError, match="duplicate id '1'"):
        read_corpus(path, codebook)
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match="unsupported corpus format"):
        read_corpus(tmp_path / "x.docx")
    (tmp_path / "latin1.jsonl").write_bytes('{"text": "caf\xe9", "labels": []}\n'.encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_corpus(tmp_path / "latin1.jsonl")


def test_label_matrix_and_fingerprint(tmp_path, codebook):
    frame = read_corpus(write_jsonl(tmp_path / "a.jsonl", [GOOD, {**GOOD, "id": "2", "labels": ["threat", "skepticism"]}]), codebook)
    assert label_matrix(frame, codebook.ids).tolist() == [[0, 1, 0], [1, 0, 1]]
    assert fingerprint(frame) == fingerprint(frame.iloc[::-1])
    assert fingerprint(frame) != fingerprint(frame.iloc[:1])


def fingerprint(frame):
    return corpus_fingerprint(frame["text"], frame["labels"], frame["lang"])
