import json

import numpy as np
import pytest

from framing.errors import InputError, ModelError, UnsupportedLanguageError
from framing.models.model import FrameModel


def test_classify_returns_tidy_frame_in_input_order(small_model):
    texts = ["The Kremlin said preparations for an official visit are under way.", "",
             "Le Kremlin a annoncé une visite.", "حذر الجيش من هجوم صاروخي وشيك على المدينة."]
    df = small_model.classify(texts)
    assert list(df.columns) == ["text", "lang", "labels", "threat", "diplomacy", "skepticism", "cues", "tone", "tone_scores",
                          "source", "cue", "quote_type", "actors"]
    assert df.loc[[1, 2], "tone"].isna().all() and set(df.loc[[0, 3], "tone"]) <= {"negative", "neutral", "positive"}
    assert list(df["text"]) == texts
    assert list(df["lang"]) == ["en", "und", "und", "ar"]
    assert df.loc[[1, 2], ["threat", "diplomacy", "skepticism"]].isna().all().all()
    assert df.loc[[0, 3], ["threat", "diplomacy", "skepticism"]].notna().all().all()
    for labels, cues in zip(df["labels"], df["cues"]):
        assert set(cues) == set(labels)  # explanations exactly for predicted frames


def test_explanations_use_the_sentences_own_words(small_model):
    df = small_model.classify(["US officials fear North Korean military moves before the election."])
    row = df.iloc[0]
    assert "threat" in row["labels"]
    for term in row["cues"]["threat"]:
        assert term.lower() in row["text"].lower()


def test_predict_proba_matches_classify(small_model):
    texts = ["Talks between the two foreign ministers resumed.", "The parade will be held on Sunday."]
    proba = small_model.predict_proba(texts)
    df = small_model.classify(texts)
    assert np.allclose(proba, df[small_model.frames].to_numpy())


def test_save_load_roundtrip(small_model, small_model_path):
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
    with pytest.raises(ModelError, match="refusing to load unexpected types"):
        FrameModel.load(evil)
    incomplete = tmp_path / "incomplete.skops"
    sio.dump({"format": "framing-model/1"}, incomplete)
    with pytest.raises(ModelError, match="incomplete model file"):
        FrameModel.load(incomplete)
    with pytest.raises(ModelError, match="end in .skops"):
        FrameModel.load(small_model_path).save(tmp_path / "model.pkl")


def test_classify_input_errors(small_model):
    with pytest.raises(InputError, match="list of sentences"):
        small_model.classify("one string")
    with pytest.raises(UnsupportedLanguageError, match="supported: ar, en"):
        small_model.classify(["x"], lang="fr")
    assert small_model.classify([]).empty


def test_one_frame_codebook(small_corpus):
    from framing.codebook import Codebook
    from framing.models.train import train

    corpus = small_corpus.assign(labels=small_corpus["labels"].map(lambda ls: [l for l in ls if l == "threat"]))
    model = train(corpus, Codebook.from_labels(["threat"]))
    df = model.classify(["Missiles struck the port overnight.", "The festival opened on Friday."])
    assert list(df.columns[:4]) == ["text", "lang", "labels", "threat"]
    assert df["labels"][0] == ["threat"] and df["labels"][1] == []
    assert model.predict_proba(["Talks resumed."]).shape == (1, 1)
