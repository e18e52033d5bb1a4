import sqlite3

import pytest

from framing.api.store import SCHEMA_VERSION, ArticleStore
from framing.errors import InputError


def article(id_, url=None, outlet="X", date="2024-01-01"):
    return {"id": id_, "url": url, "outlet": outlet, "date": date, "title": None, "lang": "en",
            "n_sentences": 1, "frames": {}, "sentences": []}


def test_schema_version_and_wal(tmp_path):
    path = tmp_path / "s.sqlite"
    store = ArticleStore(path)
    store.upsert(article("a"), "text")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upsert_by_id_and_url(tmp_path):
    store = ArticleStore(tmp_path / "s.sqlite")
    store.upsert(article("a", url="u1"), "one")
    store.upsert(article("a", url="u1", outlet="Y"), "two")
    assert store.count() == 1 and store.get("a")["outlet"] == "Y"
    assert store.upsert(article("b", url="u1"), "three") == "a"
    assert store.count() == 1


def test_refuses_newer_schema_and_bad_files(tmp_path):
    path = tmp_path / "new.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with pytest.raises(InputError, match="newer"):
        ArticleStore(path)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="not a usable SQLite store"):
        ArticleStore(junk)
    with pytest.raises(InputError, match="does not exist"):
        ArticleStore(tmp_path / "missing" / "s.sqlite")


def test_export_command_writes_sentence_rows(tmp_path, small_scorer, capsys):
    import pandas as pd

    from framing.cli import main

    db = tmp_path / "s.sqlite"
    store = ArticleStore(db)
    for i, outlet in enumerate(["A", "B"]):
        scored = small_scorer.score_article("The envoys met in Doha. Talks resumed.", id=f"a{i}", outlet=outlet, date="2024-05-0%d" % (i + 1))
        store.upsert(scored.to_dict(), "text")
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "out.parquet")]) == 0
    frame = pd.read_parquet(tmp_path / "out.parquet")
    assert len(frame) == 4 and set(frame["outlet"]) == {"A", "B"}
    assert {"article_id", "sentence_index", "text", "lang", "labels", "threat", "diplomacy", "skepticism"} <= set(frame.columns)
    assert main(["export", "--db", str(db), "--format", "csv", "--outlet", "B", "-o", str(tmp_path / "b.csv")]) == 0
    assert set(pd.read_csv(tmp_path / "b.csv")["article_id"]) == {"a1"}
    assert main(["export", "--db", str(db), "--since", "2030-01-01", "-o", str(tmp_path / "none.csv")]) == 1
    assert "no stored articles match" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "missing.sqlite"), "-o", str(tmp_path / "x.csv")]) == 1
    # the store is never the output (it would be replaced by a CSV)
    saved = db.read_bytes()
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(db)]) == 1
    assert "is also an input" in capsys.readouterr().err and db.read_bytes() == saved
    ArticleStore(db, readonly=True)  # still a usable store


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_exactly_the_columns_of_score(tmp_path, small_model_path, capsys, fmt):
    """`framing export` of stored articles and `framing score` of the same articles agree on columns."""
    import json as _json

    import pandas as pd

    from framing.cli import main
    from framing.scoring import Scorer

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(_json.dumps(r) + "\n" for r in [
        {"id": "a1", "outlet": "A", "date": "2024-05-01", "title": "Talks", "url": "https://x/1",
         "text": "The Kremlin said the envoys met in Doha. \"Talks resumed,\" he added."},
        {"id": "a2", "outlet": "B", "text": "وقال المتحدث باسم الكرملين إن المحادثات ستستأنف."}]), "utf-8")
    scored, exported = tmp_path / f"scored.{fmt}", tmp_path / f"exported.{fmt}"
    assert main(["score", str(corpus), "--model", str(small_model_path), "--format", fmt, "-o", str(scored)]) == 0
    db = tmp_path / "s.sqlite"
    store = ArticleStore(db)
    scorer = Scorer.load(small_model_path)
    for row in map(_json.loads, corpus.read_text("utf-8").splitlines()):
        text = row.pop("text")
        store.upsert(scorer.score_article(text, **row).to_dict(), text)
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(exported)]) == 0
    capsys.readouterr()

    def read(path):
        if fmt == "parquet":
            return pd.read_parquet(path)
        if fmt == "csv":
            return pd.read_csv(path)
        return pd.DataFrame([_json.loads(line) for line in path.read_text("utf-8").splitlines()])

    a, b = read(scored), read(exported)
    assert list(a.columns) == list(b.columns)
    assert {"tone", "source", "actors", "url"} <= set(a.columns)
    assert a["text"].tolist() == b["text"].tolist() and a["source"].tolist() == b["source"].tolist()
