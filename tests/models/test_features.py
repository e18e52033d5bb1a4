import numpy as np
import pytest

from framing.models.features import TextFeatures, analyze


def test_analysis_detects_language_and_stems():
    doc = analyze("والصواريخ الباليستية أطلقت")
    assert doc.lang == "ar"
    assert doc.tokens[0] == "والصواريخ" and doc.stems[0] == "صواريخ"
    assert analyze("Missiles were launched.").stems[0] == "missile"


def test_clitics_share_stem_features():
    feats = TextFeatures(word_ngrams=None, stem_ngrams=(1, 1), prefix_length=None, min_df=1).fit(["والصواريخ", "صواريخ", "وزير"])
    X = feats.transform(["بالصواريخ"]).toarray()
    names = feats.get_feature_names_out()
    assert names[X[0].argmax()] == "s:صواريخ"


def test_feature_blocks_and_names():
    texts = ["Talks resumed in Geneva.", "Missiles were fired.", "وقال الوزير إن المحادثات مستمرة."]
    feats = TextFeatures(char_ngrams=(3, 4), min_df=1, cues={"threat": {"en": ["missile"]}}).fit(texts)
    X = feats.transform(texts)
    names = feats.get_feature_names_out()
    assert X.shape == (3, len(names))
    assert {n.split(":")[0] for n in names} == {"w", "s", "p", "c", "cue"}
    assert X[1, list(names).index("cue:threat")] > 0 and X[0, list(names).index("cue:threat")] == 0


def test_rejects_single_string_and_needs_a_block():
    with pytest.raises(ValueError, match="list of texts"):
        TextFeatures().fit("just one string")
    with pytest.raises(ValueError, match="at least one"):
        TextFeatures(word_ngrams=None, stem_ngrams=None, prefix_length=None).fit(["a b"])


def test_compact_state_roundtrip():
    feats = TextFeatures(min_df=1).fit(["one two three", "two three four"])
    clone = TextFeatures.__new__(TextFeatures)
    clone.__setstate__(feats.__getstate__())
    assert np.allclose(clone.transform(["two four"]).toarray(), feats.transform(["two four"]).toarray())
    assert list(clone.get_feature_names_out()) == list(feats.get_feature_names_out())


def test_gram_block_matches_sklearn_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["the talks resumed and the talks ended", "missiles were fired at dawn", "talks on missiles",
             "وقال الوزير إن المحادثات مستمرة", "المحادثات انتهت"]
    docs = [analyze(t) for t in texts]
    feats = TextFeatures(min_df=1, word_ngrams=(1, 2), stem_ngrams=None, prefix_length=None, stop_words=False).fit(docs)
    ours = feats.transform(docs).toarray()
    ref = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2), sublinear_tf=True)
    expected = ref.fit_transform([" ".join(d.tokens) for d in docs]).toarray()
    assert list(ref.get_feature_names_out()) == [n[2:] for n in feats.get_feature_names_out()]
    assert np.allclose(ours, expected, atol=1e-6)


def test_function_words_only_inside_ngrams():
    feats = TextFeatures(min_df=1, stem_ngrams=None, prefix_length=None).fit(["there is no evidence of the attack"])
    names = set(feats.get_feature_names_out())
    assert "w:the" not in names and "w:of" not in names
    assert "w:no" in names and "w:evidence" in names  # negation kept
    assert "w:no evidence" in names and "w:of the" in names
