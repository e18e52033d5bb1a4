"""framing train --group-by / --tune-on: grouped folds recorded in the card, clear errors."""

import json

import pytest

from framing.cli import main
from conftest import CORPUS, write_jsonl


def _corpus(tmp_path, with_article=True):
    rows = [json.loads(l) for l in (CORPUS / "en.train.jsonl").read_text("utf-8").splitlines()[::5]]
    for i, row in enumerate(rows):
        if with_article:
            row["article_id"] = f"a{i // 4}"  # four sentences per article
            row["stratum"] = "random" if i % 2 else "extra"
    return write_jsonl(tmp_path / "train.jsonl", rows), len(rows)


def test_article_ids_group_the_folds_and_the_card_says_so(capsys, tmp_path):
    corpus, n = _corpus(tmp_path)
    model = tmp_path / "m.skops"
    assert main(["train", str(corpus), "--out", str(model), "--param", "frames__cv=3", "-q"]) == 0
    out = capsys.readouterr().out
    assert "grouped by article_id" in out
    design = json.loads((tmp_path / "m.card.json").read_text("utf-8"))["cv_metrics"]["design"]
    assert design["grouped_by"] == "article_id" and design["groups"] == (n + 3) // 4 and design["tuned_on"] is None


def test_tune_on_and_group_by_none(capsys, tmp_path):
    corpus, n = _corpus(tmp_path)
    model = tmp_path / "m.skops"
    assert main(["train", str(corpus), "--out", str(model), "--param", "frames__cv=3", "--group-by", "none",
                 "--tune-on", "stratum=random", "-q"]) == 0
    card = json.loads((tmp_path / "m.card.json").read_text("utf-8"))
    design = card["cv_metrics"]["design"]
    assert design["grouped_by"] is None and design["tuned_on"] == "stratum=random"
    assert design["rows"] == n // 2 == card["cv_metrics"]["n"]


@pytest.mark.parametrize("args, message", [
    (["--group-by", "outlet_code"], "no such column"),
    (["--tune-on", "stratum"], "expected COLUMN=VALUE"),
    (["--tune-on", "stratum=nowhere"], "no row has stratum"),
])
def test_bad_grouping_options_are_one_line_errors(capsys, tmp_path, args, message):
    corpus, _ = _corpus(tmp_path)
    code = main(["train", str(corpus), "--out", str(tmp_path / "m.skops"), *args])
    err = capsys.readouterr().err
    assert code != 0 and message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
