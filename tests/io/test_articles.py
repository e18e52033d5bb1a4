"""Articles read from files: ids stay unique across inputs, so different articles never pool."""

import json

import pytest

from framing.cli import main
from framing.errors import InputWarning
from framing.io.articles import iter_articles


def _corpus(path, outlet, ids):
    path.write_text("".join(json.dumps({"id": i, "outlet": outlet, "text": f"Talks resumed in city {i}."}) + "\n"
                            for i in ids), "utf-8")
    return path


def test_ids_repeated_across_files_are_kept_apart_with_a_warning(tmp_path):
    first = _corpus(tmp_path / "first.jsonl", "A", ["1", "2"])
    second = _corpus(tmp_path / "second.jsonl", "B", ["2", "3"])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("The envoys met in Doha.", "utf-8")
    (tmp_path / "b" / "x.txt").write_text("Officials warned of strikes.", "utf-8")
    with pytest.warns(InputWarning, match="1 article id"):
        found = [f["id"] for _, f in iter_articles([str(first), str(second), str(tmp_path / "a" / "x.txt"),
                                                   str(tmp_path / "b" / "x.txt")])]
    assert found == ["1", "2", f"{second}:2", "3", "x", f"{tmp_path / 'b' / 'x.txt'}:x"]
    assert len(set(found)) == len(found)


def test_an_id_repeated_inside_one_file_is_kept_apart_too(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", "A", ["7", "7", "7"])
    with pytest.warns(InputWarning):
        found = [f["id"] for _, f in iter_articles([str(corpus)])]
    assert found == ["7", f"{corpus}:7", f"{corpus}:3:7"]


def test_compare_counts_every_outlets_own_articles(tmp_path, capsys, small_model_path):
    # two per-outlet corpora that both number their articles from 1: neither is pooled into the other
    first = _corpus(tmp_path / "o1.jsonl", "Frontline", [str(i) for i in range(1, 9)])
    second = _corpus(tmp_path / "o2.jsonl", "Ledger", [str(i) for i in range(1, 9)])
    out = tmp_path / "scored.jsonl"
    assert main(["score", str(first), str(second), "--format", "jsonl", "--model", str(small_model_path), "-o", str(out)]) == 0
    assert "kept apart" in capsys.readouterr().err
    assert main(["compare", str(out), "--format", "json", "--model", str(small_model_path)]) == 0
    tables = json.loads(capsys.readouterr().out)
    counts = {row["group"]: row["n_articles"] for row in tables["prevalence"]}
    assert counts == {"Frontline": 8, "Ledger": 8}
    # the same from the two article files given to compare directly
    assert main(["compare", str(first), str(second), "--format", "json", "--model", str(small_model_path)]) == 0
    captured = capsys.readouterr()
    assert {row["group"]: row["n_articles"] for row in json.loads(captured.out)["prevalence"]} == counts
