import json

import pytest

from framing.errors import InputError, UnsupportedLanguageError
from framing.scoring import ScoredArticle
from conftest import ROOT

SAMPLES = ROOT / "framing" / "data" / "samples"


def test_score_arabic_sample_article(small_model):
    text = (SAMPLES / "summit_ar.txt").read_text("utf-8")
    article = small_model.score_article(text, outlet="الأفق", date="2024-10-03")
    assert isinstance(article, ScoredArticle)
    assert article.lang == "ar"
    rows = article.sentences
    assert len(rows) >= 10
    assert list(rows["sentence_index"]) == list(range(len(rows)))
    assert set(rows["kind"]) <= {"sentence", "headline"}
    assert (rows["outlet"] == "الأفق").all()
    assert any("مشاركة" in line for line in article.dropped)
    for row in rows.itertuples():
        assert text[row.start:row.end] == row.text
    summary = article.summary()
    assert list(summary["frame"]) == small_model.frames
    assert ((summary["share"] >= 0) & (summary["share"] <= 1)).all()


def test_title_is_scored_first_and_to_dict_is_json(small_model):
    text = (SAMPLES / "summit_en.txt").read_text("utf-8")
    article = small_model.score_article(text, title="Kremlin readies a welcome for Kim", id="a1")
    first = article.sentences.iloc[0]
    assert first["kind"] == "title" and first["text"].startswith("Kremlin readies")
    data = json.loads(json.dumps(article.to_dict()))
    assert data["id"] == "a1" and data["n_sentences"] == len(article.sentences)
    assert set(data["frames"]) == set(small_model.frames)


def test_article_errors(small_model):
    with pytest.raises(InputError, match="empty"):
        small_model.score_article("   ")
    with pytest.raises(UnsupportedLanguageError, match="supported language"):
        small_model.score_article("Le Kremlin a annoncé une visite officielle de Kim Jong Un en Russie.")
    with pytest.raises(InputError, match="only boilerplate"):
        small_model.score_article("Share\nPrint")
    with pytest.raises(InputError, match="limit"):
        small_model.score_article("word. " * 200_001)
