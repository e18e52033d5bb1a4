"""Importers on small files written in each public format (the real datasets are not needed)."""

import json

import pytest

from framing.io import importers
from framing.cli import main
from framing.io.corpora import read_corpus
from framing.errors import CorpusError, InputError


def test_semeval_lines_and_mapping(tmp_path):
    (tmp_path / "train-labels-subtask-3.template").write_text("1\t1\tTitle line\n1\t3\tThey say so.\n1\t5\tFear them all.\n", "utf-8")
    (tmp_path / "train-labels-subtask-3.txt").write_text("1\t1\t\n1\t3\tDoubt,Loaded_Language\n1\t5\tAppeal_to_Fear-Prejudice\n", "utf-8")
    frame = importers.semeval_lines(tmp_path)
    assert list(frame["labels"]) == [[], ["Doubt", "Loaded_Language"], ["Appeal_to_Fear-Prejudice"]]
    mapped = importers.apply_mapping(frame, {"Doubt": "skepticism", "Appeal_to_Fear-Prejudice": "threat"})
    assert list(mapped["labels"]) == [[], ["skepticism"], ["threat"]]
    kept = importers.apply_mapping(frame, {"Doubt": "skepticism"}, keep_unmapped=True)
    assert kept["labels"][1] == ["Loaded_Language", "skepticism"]


def test_armpro_and_araieval(tmp_path):
    path = tmp_path / "ArMPro.jsonl"
    path.write_text(json.dumps({"paragraph_id": "p1", "page_id": "a", "paragraph": "نص أول", "labels": ["Doubt"],
                                "page_domain": "example.com", "page_date": "2023-01-02"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "t2", "text": "نص ثان", "labels": ["no_technique"]}, ensure_ascii=False) + "\n", "utf-8")
    frame = importers.armpro(path)
    assert list(frame["labels"]) == [["Doubt"], []] and frame["outlet"][0] == "example.com"
    binary = tmp_path / "task1A.jsonl"
    binary.write_text('{"id": "1", "text": "نص", "label": "true"}\n{"id": "2", "text": "نص آخر", "label": "false"}\n', "utf-8")
    assert list(importers.armpro(binary)["labels"]) == [["persuasive"], []]


def test_tone_importers(tmp_path):
    (tmp_path / "mtsc.jsonl").write_text(
        json.dumps({"primary_gid": "g1", "sentence_normalized": "He praised the deal.", "targets": [{"polarity": 6.0}]}) + "\n"
        + json.dumps({"primary_gid": "g2", "sentence_normalized": "Mixed views.", "targets": [{"polarity": 2.0}, {"polarity": 6.0}]}) + "\n",
        "utf-8")
    assert list(importers.newsmtsc(tmp_path / "mtsc.jsonl")["tone"]) == ["positive"]  # disagreeing targets left out
    (tmp_path / "s.csv").write_text('tweet,sarcasm,sentiment,dialect\n"نص جميل",False,POS,msa\n', "utf-8")
    assert list(importers.arsarcasm(tmp_path / "s.csv")["tone"]) == ["positive"]
    (tmp_path / "a.txt").write_text("نص\tNegative\nنص آخر\tMixed\n", "utf-8")
    assert list(importers.arsas(tmp_path / "a.txt")["tone"]) == ["negative"]
    (tmp_path / "bad.txt").write_text("no tab here\n", "utf-8")
    with pytest.raises(CorpusError, match="bad.txt:1"):
        importers.arsas(tmp_path / "bad.txt")
    extra = importers.read_tone_extra([f"arsas:{tmp_path / 'a.txt'}", f"arsarcasm:{tmp_path / 's.csv'}"])
    assert list(extra["source"]) == ["ArSAS", "ArSarcasm-v2"] and list(extra["tone"]) == ["negative", "positive"]
    with pytest.raises(InputError, match="arsas"):
        importers.read_tone_extra(["vader:x"])


def test_tone_extra_weights_one_number_or_one_per_source(tmp_path):
    assert importers.tone_extra_weights([]) == 1.0
    assert importers.tone_extra_weights(["0.5"]) == 0.5
    assert importers.tone_extra_weights(["newsmtsc=1", "arsas=0.25"]) == {"NewsMTSC": 1.0, "ArSAS": 0.25}
    # every reader's rows carry the source name its weight is keyed by
    (tmp_path / "a.txt").write_text("نص\tNegative\n", "utf-8")
    (tmp_path / "s.csv").write_text('tweet,sarcasm,sentiment,dialect\n"نص جميل",False,POS,msa\n', "utf-8")
    assert set(importers.read_tone_extra([f"arsas:{tmp_path / 'a.txt'}", f"arsarcasm:{tmp_path / 's.csv'}"])["source"]) \
        == {importers.TONE_SOURCES["arsas"], importers.TONE_SOURCES["arsarcasm"]}
    for bad, message in ((["vader=1"], "FORMAT must be one of newsmtsc"), (["arsas=-1"], "number >= 0"),
                         (["lots"], "number >= 0"), (["nan"], "number >= 0"), (["0.5", "arsas=1"], "not both")):
        with pytest.raises(InputError, match=message):
            importers.tone_extra_weights(bad)


def test_train_command_takes_per_source_tone_weights(tmp_path, capsys):
    """The weights reach the model: the card records each source's weight; a bad one is a one-line error."""
    from conftest import CORPUS

    rows = [json.loads(line) for line in (CORPUS / "en.train.jsonl").read_text("utf-8").splitlines()[::6]]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    (tmp_path / "a.txt").write_text("خبر جيد\tPositive\nخبر سيئ\tNegative\nخبر عادي\tNeutral\n", "utf-8")
    out = tmp_path / "m.skops"
    assert main(["train", str(corpus), "--out", str(out), "--param", "frames__cv=3",
                 "--tone-extra", f"arsas:{tmp_path / 'a.txt'}", "--tone-extra-weight", "arsas=0.25"]) == 0
    card = json.loads((tmp_path / "m.card.json").read_text("utf-8"))
    assert card["tone"]["extra_weights"] == {"ArSAS": 0.25}
    capsys.readouterr()
    assert main(["train", str(corpus), "--out", str(tmp_path / "n.skops"), "--tone-extra-weight", "vader=1"]) == 1
    assert "FORMAT must be one of" in capsys.readouterr().err and not (tmp_path / "n.skops").exists()


def test_import_command_writes_a_trainable_corpus(tmp_path, capsys):
    (tmp_path / "train-labels-subtask-3.template").write_text(
        "".join(f"{a}\t{i}\tSentence {a} {i} about the talks and the claims.\n" for a in range(3) for i in range(1, 5)), "utf-8")
    (tmp_path / "train-labels-subtask-3.txt").write_text(
        "".join(f"{a}\t{i}\t{'Doubt' if i % 2 else ''}\n" for a in range(3) for i in range(1, 5)), "utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Doubt: skepticism\n", "utf-8")
    out = tmp_path / "corpus.jsonl"
    assert main(["import", "semeval-lines", str(tmp_path), "-o", str(out), "--map", str(mapping)]) == 0
    frame = read_corpus(out)
    assert len(frame) == 12 and frame["labels"].map(len).sum() == 6
    assert main(["import", "nope", str(tmp_path), "-o", str(out)]) == 1
    assert "unknown format 'nope'" in capsys.readouterr().err


def test_importers_fill_article_id(tmp_path):
    (tmp_path / "train-labels-subtask-3.template").write_text("111\t1\tA line.\n111\t2\tAnother.\n222\t1\tThird.\n", "utf-8")
    (tmp_path / "train-labels-subtask-3.txt").write_text("111\t1\t\n111\t2\tDoubt\n222\t1\t\n", "utf-8")
    assert list(importers.semeval_lines(tmp_path)["article_id"]) == ["111", "111", "222"]
    armpro = tmp_path / "armpro.jsonl"
    armpro.write_text("\n".join([json.dumps(r, ensure_ascii=False) for r in [
        {"page_id": "MIS_1062-eurl_04", "paragraph_id": "MIS_1062-eurl_04_008", "paragraph": "نص", "labels": []},
        {"paragraph_id": "MIS_1062-eurl_04_009", "paragraph": "نص آخر", "labels": []},  # no page_id: from the id
        {"id": "FAT_336-eurl_02_011", "text": "نص ثالث", "labels": ["Doubt"], "type": "paragraph"},  # ArAIEval
        {"id": "00149", "text": "تغريدة", "labels": ["no_technique"], "type": "tweet"},  # a tweet: its own group
    ]]) + "\n", "utf-8")
    assert list(importers.armpro(armpro)["article_id"]) == ["MIS_1062-eurl_04", "MIS_1062-eurl_04", "FAT_336-eurl_02", "00149"]
    mtsc = tmp_path / "mtsc.jsonl"
    mtsc.write_text("\n".join([json.dumps(r) for r in [
        {"primary_gid": "allsides_1000_401_25_Reality Leigh Winner_0_6", "sentence_normalized": "A.", "targets": [{"polarity": 4.0}]},
        {"primary_gid": "polusa_v1_59488606_-1_30_Dr. Sidney J. Blair_1_3", "sentence_normalized": "B.", "targets": [{"polarity": 2.0}]},
    ]]) + "\n", "utf-8")
    assert list(importers.newsmtsc(mtsc)["article_id"]) == ["allsides_1000_401", "polusa_v1_59488606"]


def test_import_command_keeps_article_id_for_training(tmp_path):
    (tmp_path / "train-labels-subtask-3.template").write_text("7\t1\tThey doubt it.\n8\t1\tTalks resumed.\n", "utf-8")
    (tmp_path / "train-labels-subtask-3.txt").write_text("7\t1\tDoubt\n8\t1\t\n", "utf-8")
    out = tmp_path / "corpus.jsonl"
    assert main(["import", "semeval-lines", str(tmp_path), "-o", str(out)]) == 0
    assert list(read_corpus(out)["article_id"]) == ["7", "8"]
