"""Context blocks (previous and next sentence, title): per-language weights, empty context,
dropout, training from corpus columns and the model file."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.models.features import CONTEXT_BLOCKS, TextFeatures, analyze

ARABIC_CONTEXT = {"ar": 0.5, "en": 0.0}  # the setting chosen on dev (see framing.models.model.CONTEXT_WEIGHT)

AR = ["أطلقت القوات صواريخ جديدة قرب الحدود الشمالية", "وصل الوزير إلى العاصمة في زيارة رسمية لبحث العلاقات",
      "نفى المتحدث صحة الأرقام التي نشرتها الصحيفة", "قال المسؤولون إن الصواريخ فشلت في إصابة أهدافها"]
EN = ["The army moved new missiles close to the northern border", "The minister arrived in the capital for official talks",
      "The spokesman denied the figures the newspaper printed", "Officials said the missiles failed to reach their targets"]
TEXTS = AR + EN
PREVIOUS = ["", AR[0], AR[1], AR[2], "", EN[0], EN[1], EN[2]]
NEXT = [AR[1], AR[2], AR[3], "", EN[1], EN[2], EN[3], ""]
TITLES = ["تصعيد عسكري وتحركات دبلوماسية"] * 4 + ["Military moves and diplomatic visits"] * 4
CONTEXT = (PREVIOUS, NEXT, TITLES)


def _docs():
    return [analyze(t, "ar" if i < 4 else "en") for i, t in enumerate(TEXTS)]


def _features(**params):
    return TextFeatures(languages=("ar", "en"), min_df=1, **params).fit(_docs())


def _dense(X):
    return X.toarray()


def test_context_changes_only_the_configured_language():
    features = _features(context_weight={"ar": 0.5, "en": 0.0})
    base = features.n_base_features_
    assert features.n_features_out_ == 2 + 4 * (base - 2)
    with_context = _dense(features.transform_analyses(_docs(), CONTEXT))
    without = _dense(features.transform_analyses(_docs()))
    assert np.array_equal(with_context[:, :base], without[:, :base])  # the sentence's own features
    assert not without[:, base:].any()  # no context given: the blocks stay at zero
    assert with_context[:4, base:].any(axis=1).all()  # Arabic rows read their context
    assert np.array_equal(with_context[4:], without[4:])  # English rows: weight 0, no context
    names = features.get_feature_names_out()
    assert [n.split(":")[0] for n in names[base::base - 2][:3]] == list(CONTEXT_BLOCKS)


def test_context_blocks_are_the_neighbours_features_scaled_by_the_weight():
    features = _features(context_weight={"ar": 0.5})
    base = features.n_base_features_
    width = base - 2
    X = _dense(features.transform_analyses(_docs(), CONTEXT))
    own = X[:, 2:base]
    assert np.allclose(X[1, base:base + width], 0.5 * own[0])  # previous of row 1 is row 0
    assert np.allclose(X[1, base + width:base + 2 * width], 0.5 * own[2])  # next of row 1 is row 2
    title = _dense(features.transform_analyses([analyze(TITLES[0], "ar")]))[0, 2:base]
    assert np.allclose(X[1, base + 2 * width:], 0.5 * title)
    assert not X[0, base:base + width].any() and not X[3, base + width:base + 2 * width].any()  # article edges


def test_empty_context_equals_no_context():
    features = _features(context_weight=0.5)
    empty = ([""] * 8, [None] * 8, [float("nan")] * 8)
    assert np.array_equal(_dense(features.transform_analyses(_docs(), empty)), _dense(features.transform_analyses(_docs())))


def test_a_model_without_context_ignores_context():
    plain = _features()
    assert plain.n_base_features_ == plain.n_features_out_
    X = _dense(plain.transform_analyses(_docs()))
    assert np.array_equal(_dense(plain.transform_analyses(_docs(), CONTEXT)), X)
    assert np.array_equal(_dense(plain.transform(TEXTS, context=CONTEXT)).shape, X.shape)
    assert not any(":" in n and n.split(":")[0] in CONTEXT_BLOCKS for n in plain.get_feature_names_out())


def test_context_checks_its_shape():
    features = _features(context_weight=0.5)
    with pytest.raises(ValueError, match="one entry per text"):
        features.transform_analyses(_docs(), (PREVIOUS[:3], NEXT, TITLES))
    with pytest.raises(ValueError, match="previous_texts, next_texts, titles"):
        features.transform_analyses(_docs(), (PREVIOUS, NEXT))
    with pytest.raises(ValueError, match="non-negative"):
        TextFeatures(context_weight={"ar": -1.0}).fit(TEXTS)


def test_context_dropout_applies_to_fit_transform_only():
    docs = _docs()
    kept = TextFeatures(languages=("ar", "en"), min_df=1, context_weight=0.5, context_dropout=0.0)
    dropped = TextFeatures(languages=("ar", "en"), min_df=1, context_weight=0.5, context_dropout=1.0)
    X_kept, X_dropped = _dense(kept.fit_transform(docs, context=CONTEXT)), _dense(dropped.fit_transform(docs, context=CONTEXT))
    base = kept.n_base_features_
    assert X_kept[:, base:].any() and not X_dropped[:, base:].any()
    assert np.array_equal(_dense(dropped.transform_analyses(docs, CONTEXT)), X_kept)  # transform never drops


def test_sklearn_params_and_clone():
    from sklearn.base import clone

    features = TextFeatures(context_weight={"ar": 0.5, "en": 0.0}, context_dropout=0.25)
    params = clone(features).get_params()
    assert params["context_weight"] == {"ar": 0.5, "en": 0.0} and params["context_dropout"] == 0.25
    assert not hasattr(clone(features), "context_weights_")


@pytest.fixture(scope="module")
def context_corpus(small_corpus):
    """The small corpus with context columns for its Arabic rows (previous and next row of the
    same language as neighbours, a title we wrote), none for English ones."""
    corpus = small_corpus.copy()
    ar = (corpus["lang"] == "ar").to_numpy()
    texts = corpus["text"].where(ar, "")
    corpus["previous"] = texts.shift(1).fillna("").where(ar, "")
    corpus["next"] = texts.shift(-1).fillna("").where(ar, "")
    corpus["title"] = np.where(ar, "تقرير عن التطورات العسكرية والدبلوماسية في المنطقة", None)
    return corpus


@pytest.fixture(scope="module")
def context_model(context_corpus, codebook):
    """Arabic context blocks at 0.5 (context is opt-in: the default architecture has none)."""
    from framing.models.train import train

    return train(context_corpus, codebook, params={"features__context_weight": ARABIC_CONTEXT})


def test_train_uses_context_columns_and_drops_context_without_them(context_model, small_model, context_corpus):
    assert context_model.context_weights == {k: v for k, v in ARABIC_CONTEXT.items() if v}
    assert context_model.card["cv_metrics"]["design"]["context_rows"] == int((context_corpus["lang"] == "ar").sum())
    assert small_model.context_weights == {}  # the written corpus has no context: no context blocks
    features = small_model.pipeline.named_steps["features"]
    assert features.n_base_features_ == features.n_features_out_
    frames, tone = context_model.pipeline.named_steps["frames"], context_model.tone
    wide = context_model.pipeline.named_steps["features"]
    assert frames.coef_.shape[1] == wide.n_features_out_ > wide.n_base_features_ == tone.coef_.shape[1]


def test_empty_context_equals_no_context_for_models(context_model, small_model):
    texts = AR + EN
    empty = ([""] * 8, [""] * 8, [""] * 8)
    for model in (small_model, context_model):
        assert np.array_equal(model.predict_proba(texts, context=empty), model.predict_proba(texts))
    # a model without context ignores any context
    assert np.array_equal(small_model.predict_proba(texts, context=CONTEXT), small_model.predict_proba(texts))
    with_context = context_model.predict_proba(texts, context=CONTEXT)
    assert not np.allclose(with_context[:4], context_model.predict_proba(texts)[:4])
    assert np.array_equal(with_context[4:], context_model.predict_proba(texts)[4:])


def test_predict_columns_with_context(context_model):
    texts = AR + ["", "هذه جملة"] + EN
    context = tuple(list(c[:4]) + ["", ""] + list(c[4:]) for c in CONTEXT)
    columns = context_model.predict_columns(texts, context=context).columns
    proba = context_model.predict_proba(AR + EN, context=CONTEXT)
    got = np.column_stack([columns[f] for f in context_model.frames])
    ok = [i for i, t in enumerate(texts) if t and columns["lang"][i] != "und"]
    expected = context_model.predict_proba([texts[i] for i in ok],
                                           context=tuple([c[i] for i in ok] for c in context))
    assert np.allclose(got[ok], expected)
    assert np.allclose(got[:4], proba[:4])
    # tone and cue terms come from the sentence itself
    plain = context_model.predict_columns(texts).columns
    assert plain["tone"] == columns["tone"] and plain["tone_scores"] == columns["tone_scores"]
    for row in columns["cues"]:
        for terms in row.values():
            assert all(not t.startswith(("prev:", "next:", "title:")) for t in terms)
    with pytest.raises(ValueError, match="one entry of each per text"):
        context_model.predict_columns(texts, context=(texts, texts))


def test_context_model_file_roundtrip(context_model, tmp_path):
    from framing.models.io import MODEL_TYPES, _schema_types
    from framing.models.model import FrameModel

    path = tmp_path / "context.skops"
    context_model.save(path)
    assert _schema_types(path) <= MODEL_TYPES
    loaded = FrameModel.load(path)
    assert loaded.context_weights == context_model.context_weights
    for context in (CONTEXT, None):
        assert np.array_equal(loaded.predict_proba(TEXTS, context=context), context_model.predict_proba(TEXTS, context=context))
    names = loaded.pipeline.named_steps["features"].get_feature_names_out()
    assert list(names) == list(context_model.pipeline.named_steps["features"].get_feature_names_out())


def test_evaluate_reads_context_columns(context_model, context_corpus, monkeypatch):
    from framing.models.train import evaluate

    rows = context_corpus[context_corpus["lang"] == "ar"].iloc[:60].reset_index(drop=True)
    seen = []
    original = context_model.predict_with_proba
    monkeypatch.setattr(context_model, "predict_with_proba",
                        lambda texts, lang=None, context=None: seen.append(context) or original(texts, lang, context))
    evaluate(context_model, rows, n_boot=20)
    evaluate(context_model, rows.drop(columns=["previous", "next", "title"]), n_boot=20)
    assert seen[0][0] == rows["previous"].tolist() and seen[0][1] == rows["next"].tolist()
    assert seen[0][2] == [t or "" for t in rows["title"]]
    assert seen[1] is None


def test_models_saved_before_the_context_option_load_without_context():
    features = _features()
    state = features.__getstate__()
    for key in ("context_weight", "context_dropout", "context_weights_"):
        state.pop(key, None)
    old = TextFeatures.__new__(TextFeatures)
    old.__setstate__(state)
    assert old.get_params()["context_weight"] is None and old._context() == {}
    assert np.array_equal(_dense(old.transform_analyses(_docs(), CONTEXT)), _dense(features.transform_analyses(_docs())))


def test_default_architecture_has_no_context_and_the_param_turns_it_on():
    from framing.models.model import make_pipeline

    assert make_pipeline().named_steps["features"].context_weight is None
    on = make_pipeline(features__context_weight=ARABIC_CONTEXT)
    assert on.named_steps["features"].context_weight == ARABIC_CONTEXT
