"""The tone component: balanced class weights, C chosen by grouped CV, weighted extra sources."""

import numpy as np
import pandas as pd
import pytest

from framing.models.features import TextFeatures, analyze
from framing.models.tone import TONE_C, TONE_CLASS_WEIGHT, balance_power, balanced_by_language, fit_tone

# Tone-only rows in the shape the importers return (our own sentences, not dataset text).
EXTRA = pd.DataFrame({
    "text": ["The new bridge opened to cheers and praise.", "The flood destroyed hundreds of homes.",
             "The committee will meet on Tuesday.", "رحب السكان بافتتاح المستشفى الجديد.",
             "أدى القصف إلى مقتل عشرة مدنيين.", "يعقد المجلس جلسته يوم الأحد."],
    "lang": ["en", "en", "en", "ar", "ar", "ar"],
    "tone": ["positive", "negative", "neutral", "positive", "negative", "neutral"],
    "source": ["NewsMTSC", "NewsMTSC", "NewsMTSC", "ArSAS", "ArSAS", "ArSAS"],
})


@pytest.fixture(scope="module")
def fitted(small_corpus):
    docs = [analyze(t, l) for t, l in zip(small_corpus["text"], small_corpus["lang"])]
    features = TextFeatures(languages=("ar", "en")).fit(docs)
    return features, docs


def test_defaults_balance_classes_and_choose_c_from_a_grid():
    assert TONE_CLASS_WEIGHT.startswith("balanced")
    assert len(TONE_C) > 1 and all(c > 0 for c in TONE_C)


def test_balancing_is_within_each_language():
    tones = np.array(["negative"] * 6 + ["positive"] * 2 + ["negative", "positive"])
    langs = np.array(["en"] * 8 + ["ar"] * 2)
    w = balanced_by_language(tones, langs)
    # English: 6 negative, 2 positive -> weights 8/(2*6) and 8/(2*2); Arabic already balanced
    assert np.allclose(w, [8 / 12] * 6 + [2.0] * 2 + [1.0, 1.0])
    for lang in ("en", "ar"):  # each class carries the same total weight within a language
        m = langs == lang
        assert np.isclose(w[m & (tones == "negative")].sum(), w[m & (tones == "positive")].sum())
    half = balanced_by_language(tones, langs, power=0.5)
    assert np.allclose(half, np.sqrt(w))
    # row weights (e.g. a down-weighted public source) are kept as multipliers
    base = np.array([1.0] * 8 + [0.5, 0.5])
    assert np.allclose(balanced_by_language(tones, langs, base)[8:], [0.5, 0.5])
    assert balance_power("balanced-by-language") == 1.0 and balance_power("balanced-by-language:0.5") == 0.5
    with pytest.raises(ValueError, match="POWER"):
        balance_power("balanced-by-language:x")


def test_c_is_chosen_from_the_grid_by_cross_validation(fitted, small_corpus):
    features, docs = fitted
    model, card = fit_tone(features, docs, small_corpus, C=(0.25, 4.0), class_weight="balanced")
    assert card["C"] in (0.25, 4.0) and model.C == card["C"]
    assert set(card["C_grid"]) == {"0.25", "4"}
    assert card["C_grid"][f"{card['C']:g}"] == max(card["C_grid"].values())
    assert card["class_weight"] == "balanced" and model.class_weight == "balanced"
    # balancing by language is done with row weights: the estimator itself has no class weights
    model, card = fit_tone(features, docs, small_corpus, C=1.0, class_weight="balanced-by-language:0.5")
    assert model.class_weight is None and card["class_weight"] == "balanced-by-language:0.5"
    # a single value is used as given, without a grid
    model, card = fit_tone(features, docs, small_corpus, C=2.0, class_weight=None)
    assert model.C == 2.0 and card["C_grid"] is None and model.class_weight is None


def test_extra_rows_are_weighted_per_row_and_their_licences_recorded(fitted, small_corpus):
    features, docs = fitted
    extra = EXTRA.assign(weight=[1.0, 1.0, 1.0, 0.5, 0.5, 0.5])
    _, card = fit_tone(features, docs, small_corpus, C=1.0, extra=extra)
    assert card["extra_rows"] == 6
    assert card["extra_weights"] == {"NewsMTSC": 1.0, "ArSAS": 0.5}
    assert card["extra_licences"] == {"ArSAS": "research use", "NewsMTSC": "MIT"}


def test_train_takes_one_weight_per_source(small_corpus, codebook):
    from framing.models.train import train

    model = train(small_corpus, codebook, tone_c=1.0, tone_extra=EXTRA, tone_extra_weight={"ArSAS": 0.25})
    tone = model.card["tone"]
    assert tone["extra_weights"] == {"NewsMTSC": 1.0, "ArSAS": 0.25}
    assert tone["class_weight"] == TONE_CLASS_WEIGHT
    proba = model.tone_proba(model.featurize(model.analyze(["Talks collapsed."], "en")))
    assert np.isclose(proba.sum(), 1.0)


def test_other_corpus_rows_weigh_less_when_tuning_on_a_column(small_corpus, codebook):
    """Rows of corpora without the --tune-on column (the written corpus beside real news) get
    other_corpus_weight in the frame fits; the card records it."""
    from framing.models.train import OTHER_CORPUS_WEIGHT, other_corpus_rows, train

    corpus = small_corpus.copy()
    corpus["stratum"] = None
    corpus.loc[corpus.index[::2], "stratum"] = "random"
    other = other_corpus_rows(corpus, "stratum=random")
    assert other.sum() == len(corpus) - len(corpus.index[::2])
    assert other_corpus_rows(corpus, None) is None
    assert other_corpus_rows(corpus.drop(columns="stratum"), "stratum=random") is None
    model = train(corpus, codebook, tune_on="stratum=random", tone_c=1.0)
    design = model.card["cv_metrics"]["design"]
    assert design["other_corpus_rows"] == int(other.sum())
    assert design["other_corpus_weight"] == OTHER_CORPUS_WEIGHT == 0.5
    same = train(corpus, codebook, tune_on="stratum=random", tone_c=1.0, other_corpus_weight=1.0)
    assert same.card["cv_metrics"]["design"]["other_corpus_weight"] == 1.0
    assert not np.allclose(model.pipeline.named_steps["frames"].coef_, same.pipeline.named_steps["frames"].coef_)


def test_default_frame_classifier_settings():
    from framing.models.model import FRAMES_C, FRAMES_CLASS_WEIGHT, make_pipeline

    clf = make_pipeline().named_steps["frames"]
    assert (clf.C, clf.class_weight) == (FRAMES_C, FRAMES_CLASS_WEIGHT) == (4.0, None)
    assert make_pipeline(frames__C=16.0).named_steps["frames"].C == 16.0
