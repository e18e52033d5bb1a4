import json

import numpy as np
import pytest

from framing.errors import ModelError
from framing.models.model import FrameModel


def test_predict_columns_are_the_model_columns_only(small_model):
    texts = ["The Kremlin said preparations for an official visit are under way.", "", "حذر الجيش من هجوم صاروخي وشيك."]
    predicted = small_model.predict_columns(texts)
    assert list(predicted.columns) == ["text", "lang", "labels", "threat", "diplomacy", "skepticism", "cues", "tone", "tone_scores"]
    assert predicted.columns["lang"] == ["en", "und", "ar"]
    assert np.isnan(predicted.columns["threat"][1]) and predicted.columns["tone"][1] is None
    assert [d.lang for d in predicted.docs] == ["en", "", "ar"]
    for labels, cues in zip(predicted.columns["labels"], predicted.columns["cues"]):
        assert set(cues) == set(labels)  # explanations exactly for predicted frames


def test_explanations_use_the_sentences_own_words(small_model):
    columns = small_model.predict_columns(["US officials fear North Korean military moves before the election."]).columns
    assert "threat" in columns["labels"][0]
    for term in columns["cues"][0]["threat"]:
        assert term.lower() in columns["text"][0].lower()


def test_predict_proba_and_predict_agree_with_predict_columns(small_model):
    texts = ["Talks between the two foreign ministers resumed.", "The parade will be held on Sunday."]
    proba = small_model.predict_proba(texts)
    columns = small_model.predict_columns(texts).columns
    assert np.allclose(proba, np.column_stack([columns[f] for f in small_model.frames]))
    assert small_model.predict(texts).tolist() == [[int(f in ls) for f in small_model.frames] for ls in columns["labels"]]
    X = small_model.featurize(small_model.analyze(texts))
    assert np.allclose(small_model.frame_proba(X), proba)
    assert small_model.tone_proba(X).shape == (2, len(small_model.tone_classes))


def test_model_modules_know_no_articles():
    """The estimator layer imports nothing above it (the full rule is in tests/test_layers.py)."""
    import framing.models.model as module

    assert not hasattr(module.FrameModel, "score_article") and not hasattr(module.FrameModel, "classify")


def test_save_load_roundtrip(small_model, small_model_path):
    card = json.loads(small_model_path.with_suffix(".card.json").read_text("utf-8"))  # save writes the card
    assert card == small_model.card
    loaded = FrameModel.load(small_model_path)
    texts = ["وقال مسؤول إن نصف الصواريخ فشلت في إصابة أهدافها.", "Peace talks collapsed in Doha."]
    assert np.allclose(loaded.predict_proba(texts), small_model.predict_proba(texts))
    assert loaded.card["training_data"]["sha256"] == small_model.card["training_data"]["sha256"]
    assert loaded.thresholds == small_model.thresholds


def test_model_card_contents(small_model):
    card = small_model.card
    assert card["codebook"]["frames"] == ["threat", "diplomacy", "skepticism"]
    assert set(card["cv_metrics"]["by_lang"]) == {"ar", "en"}
    assert 0 < card["cv_metrics"]["macro"]["f1"] <= 1
    assert len(card["training_data"]["sha256"]) == 64
    json.dumps(card)  # plain data only


def test_loading_refuses_bad_files(tmp_path, small_model_path):
    with pytest.raises(ModelError, match="not found"):
        FrameModel.load(tmp_path / "missing.skops")
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="not a framing model"):
        FrameModel.load(junk)
    # a file that would instantiate an unexpected type is refused, not executed
    import skops.io as sio
    from fractions import Fraction

    evil = tmp_path / "evil.skops"
    sio.dump({"format": "framing-model/1", "pipeline": Fraction(1, 3)}, evil)
    with pytest.raises(ModelError, match="refusing to load"):
        FrameModel.load(evil)
    incomplete = tmp_path / "incomplete.skops"
    sio.dump({"format": "framing-model/1"}, incomplete)
    with pytest.raises(ModelError, match="incomplete model file"):
        FrameModel.load(incomplete)
    with pytest.raises(ModelError, match="end in .skops"):
        FrameModel.load(small_model_path).save(tmp_path / "model.pkl")


def test_one_frame_codebook(small_corpus):
    from framing.codebook import Codebook
    from framing.models.train import train

    corpus = small_corpus.assign(labels=small_corpus["labels"].map(lambda ls: [l for l in ls if l == "threat"]))
    model = train(corpus, Codebook.from_labels(["threat"]))
    columns = model.predict_columns(["Missiles struck the port overnight.", "The festival opened on Friday."]).columns
    assert list(columns)[:4] == ["text", "lang", "labels", "threat"]
    assert columns["labels"][0] == ["threat"] and columns["labels"][1] == []
    assert model.predict_proba(["Talks resumed."]).shape == (1, 1)
