"""TextFeatures options from the real-news error analysis (all off by default): negators only
inside n-grams, negation-scope features, character n-grams for chosen languages only."""

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


def test_char_languages_restricts_character_ngrams():
    texts = ["Missiles were fired at the border.", "ونفت الوزارة المزاعم", "ينفون المزاعم كلها"]
    everyone = TextFeatures(min_df=1, char_ngrams=(3, 4)).fit(texts)
    arabic = TextFeatures(min_df=1, char_ngrams=(3, 4), char_languages=("ar",)).fit(texts)
    chars = np.array([n.startswith("c:") for n in arabic.get_feature_names_out()])
    X = arabic.transform(texts)
    assert X[0][:, chars].nnz == 0 and X[1][:, chars].nnz > 0 and X[2][:, chars].nnz > 0
    assert not any(n.startswith("c:") and n[2:].isascii() and n[2:].strip().isalpha()
                   for n in arabic.get_feature_names_out())  # no English character n-grams in the vocabulary
    # sub-word pieces shared by inflected forms ("ونفت", "ينفون") become features
    assert {"c:ونف", "c:ينف", "c:زاعم"} <= set(arabic.get_feature_names_out())
    # default: every language, as before
    assert TextFeatures().get_params()["char_languages"] is None
    assert any(n.startswith("c:") and n[2:].isascii() for n in everyone.get_feature_names_out())
