"""`framing evaluate`: JSON keeps its keys and adds intervals resampled by article."""

import json

from framing.cli import main
from conftest import CORPUS, write_jsonl


def test_evaluate_json_has_old_keys_intervals_and_grouping(capsys, tmp_path, small_model_path):
    rows = [json.loads(l) for l in (CORPUS / "en.test.jsonl").read_text("utf-8").splitlines()[:120]]
    for i, row in enumerate(rows):
        row["article_id"] = f"art{i // 6}"
    corpus = write_jsonl(tmp_path / "test.jsonl", rows)
    assert main(["evaluate", str(small_model_path), str(corpus), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"n", "labels", "micro", "macro", "by_lang"} <= set(report)
    assert {"precision", "recall", "f1", "support", "f1_ci"} <= set(report["labels"]["threat"])
    assert {"precision", "recall", "f1", "f1_ci"} <= set(report["macro"]) and "f1_ci" in report["micro"]
    assert report["intervals"]["group_by"] == "article_id" and report["intervals"]["groups"] == 20
    low, high = report["macro"]["f1_ci"]
    assert low <= report["macro"]["f1"] <= high

    assert main(["evaluate", str(small_model_path), str(corpus)]) == 0
    text = capsys.readouterr().out
    assert "95% bootstrap over 20 groups (article_id)" in text and "f1 95% CI" in text


def test_evaluate_leaves_labels_without_positives_out_of_macro(capsys, tmp_path, small_model_path):
    rows = [json.loads(l) for l in (CORPUS / "en.test.jsonl").read_text("utf-8").splitlines()]
    rows = [r for r in rows if "diplomacy" not in r["labels"]][:150]
    corpus = write_jsonl(tmp_path / "nodip.jsonl", rows)
    assert main(["evaluate", str(small_model_path), str(corpus), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["labels"]["diplomacy"]["support"] == 0
    assert report["macro"]["excluded"] == ["diplomacy"] and report["intervals"]["group_by"] is None
    others = [report["labels"][l]["f1"] for l in ("threat", "skepticism")]
    assert abs(report["macro"]["f1"] - sum(others) / 2) < 1e-9
    assert main(["evaluate", str(small_model_path), str(corpus)]) == 0
    assert "left out (no positives here): diplomacy" in capsys.readouterr().out
