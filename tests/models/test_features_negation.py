"""TextFeatures negation options (both off by default): negators only inside n-grams, and
negation-scope features."""

import pickle

import numpy as np

from framing.models.features import NEGATORS, TextFeatures, analyze

TEXTS = [
    "There is no evidence that the talks failed.",
    "The evidence was shown to the court.",
    "Officials did not confirm the figures.",
    "ولم يقدم أي دليل على ذلك.",
    "وقدم الوزير الدليل أمس.",
    "لا يوجد دليل على الهجوم.",
]


def names(feats):
    return set(feats.get_feature_names_out())


def test_defaults_leave_the_matrix_unchanged():
    plain = TextFeatures(min_df=1).fit(TEXTS)
    explicit = TextFeatures(min_df=1, negators_in_ngrams_only=False, negation_scope=None).fit(TEXTS)
    assert list(plain.get_feature_names_out()) == list(explicit.get_feature_names_out())
    assert (plain.transform(TEXTS) != explicit.transform(TEXTS)).nnz == 0
    assert not any(n.startswith("n:") for n in names(plain))
    assert {"w:no", "w:not", "s:ولم"} <= names(plain)


def test_negators_in_ngrams_only_drops_unigrams_keeps_ngrams():
    feats = TextFeatures(min_df=1, negators_in_ngrams_only=True).fit(TEXTS)
    got = names(feats)
    for unigram in ("w:no", "w:not", "s:not", "p:not", "w:لا", "w:ولم", "s:ولم"):
        assert unigram not in got
    assert "w:no evidence" in got and "w:did not" in got
    assert "w:ولم يقدم" in got and "w:لا يوجد" in got
    assert "w:evidence" in got  # content words stay
    assert feats.transform(["no", "not"]).nnz == 0


def test_negation_scope_block():
    feats = TextFeatures(min_df=1, negation_scope=2).fit(TEXTS)
    got = {n for n in names(feats) if n.startswith("n:")}
    assert {"n:evidence", "n:confirm", "n:دليل", "n:يقدم", "n:يوجد"} <= got
    assert "n:court" not in got and "n:show" not in got  # not negated anywhere
    # a negated and a plain "evidence" differ only in the n: block
    X = feats.transform(["no evidence", "evidence"]).toarray()
    column = list(feats.get_feature_names_out()).index("n:evidence")
    assert X[0, column] > 0 and X[1, column] == 0
    # the scope counts content tokens only and stops after k of them
    assert feats._scoped(analyze("He did not, in the end, sign the deal or the treaty", "en")) == ["end", "sign"]


def test_options_survive_pickling_and_old_state():
    feats = TextFeatures(min_df=1, negation_scope=3, negators_in_ngrams_only=True).fit(TEXTS)
    clone = pickle.loads(pickle.dumps(feats))
    assert np.allclose(clone.transform(TEXTS).toarray(), feats.transform(TEXTS).toarray())
    # a model saved before the options existed: no attributes, same behaviour as the defaults
    old = TextFeatures(min_df=1).fit(TEXTS)
    state = old.__getstate__()
    state.pop("negators_in_ngrams_only")
    state.pop("negation_scope")
    restored = TextFeatures.__new__(TextFeatures)
    restored.__setstate__(state)
    assert restored.get_params()["negation_scope"] is None
    assert np.allclose(restored.transform(TEXTS).toarray(), old.transform(TEXTS).toarray())


def test_negator_lists_cover_both_languages():
    assert {"not", "no", "never"} <= set(NEGATORS["en"])
    assert {"لم", "لا", "ولم", "ليس"} <= set(NEGATORS["ar"])
