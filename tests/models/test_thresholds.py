"""Decision thresholds per segment (language) in FrameClassifier and FrameModel."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.models.frames import FrameClassifier, best_f1_threshold

EXPECTED_FAILURES = {  # as for the shared thresholds (tests/models/test_frames.py)
    "check_class_weight_classifiers": "thresholds tuned by cross-validation override class weights by design",
    "check_classifier_multioutput": "multi-label predict uses tuned thresholds, not probability 0.5",
    "check_classifiers_train": "predict uses the tuned threshold, so it can disagree with argmax(predict_proba)",
}


def two_segments(n=1200, seed=0, rare_positives=None):
    """Two segments (leading one-hot columns) where one label is 3x as frequent in segment 0 and
    the scores of segment 0 are shifted: a shared threshold suits neither segment well."""
    rng = np.random.default_rng(seed)
    segment = rng.integers(0, 2, n)
    rate = np.where(segment == 0, 0.45, 0.15)
    y = (rng.random((n, 2)) < rate[:, None]).astype(int)
    if rare_positives is not None:  # label 1 almost absent from segment 1
        rows = np.flatnonzero(segment == 1)
        y[rows, 1] = 0
        y[rows[:rare_positives], 1] = 1
    signal = y * 1.2 + rng.normal(0, 1, (n, 2)) + np.where(segment == 0, 0.8, 0.0)[:, None]
    noise = rng.normal(0, 1, (n, 4))
    X = np.column_stack([segment == 0, segment == 1, signal, noise]).astype(float)
    return X, y, segment


@parametrize_with_checks([FrameClassifier(cv=3, segments=1, threshold_by_segment=True)],
                         expected_failed_checks=lambda est: EXPECTED_FAILURES)
def test_sklearn_estimator_checks_with_segment_thresholds(estimator, check):
    check(estimator)


def test_thresholds_chosen_per_segment_and_used_by_predict():
    X, y, segment = two_segments()
    clf = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    assert clf.thresholds_.shape == (2,) and clf.segment_thresholds_.shape == (2, 2)
    for k in range(2):  # the same F1 rule on each segment's out-of-fold rows
        rows = segment == k
        for j in range(2):
            assert clf.segment_thresholds_[k, j] == pytest.approx(best_f1_threshold(y[rows, j], clf.oof_proba_[rows, j]))
    assert not np.allclose(clf.segment_thresholds_[0], clf.segment_thresholds_[1])
    per_row = clf.thresholds_for(segment)
    assert per_row.shape == (len(y), 2)
    assert (per_row[segment == 0] == clf.segment_thresholds_[0]).all()
    assert (clf.predict(X) == (clf.predict_proba(X) >= per_row)).all()
    assert ((clf.decision_function(X) > 0).astype(int) == clf.predict(X)).all()
    # per segment, out-of-fold F1 is at least that of the shared thresholds
    for k in range(2):
        rows = segment == k
        own = [_f1(y[rows, j], clf.oof_proba_[rows, j] >= clf.segment_thresholds_[k, j]) for j in range(2)]
        shared = [_f1(y[rows, j], clf.oof_proba_[rows, j] >= clf.thresholds_[j]) for j in range(2)]
        assert np.all(np.array(own) >= np.array(shared) - 1e-12)
    # rows outside every segment use the shared thresholds
    outside = X.copy()
    outside[:, :2] = 0
    assert (clf.predict(outside) == (clf.predict_proba(outside) >= clf.thresholds_)).all()


def _f1(truth, pred):
    tp = (truth & pred).sum()
    return 2 * tp / max(truth.sum() + pred.sum(), 1)


def test_segment_with_few_positives_keeps_the_shared_threshold():
    X, y, segment = two_segments(rare_positives=FrameClassifier.MIN_SEGMENT_POSITIVES - 1)
    clf = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    assert clf.segment_thresholds_[1, 1] == clf.thresholds_[1]  # 9 positives: shared
    rows = segment == 0
    assert clf.segment_thresholds_[0, 1] == pytest.approx(best_f1_threshold(y[rows, 1], clf.oof_proba_[rows, 1]))
    X, y, segment = two_segments(rare_positives=FrameClassifier.MIN_SEGMENT_POSITIVES)
    clf = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    rows = segment == 1
    assert clf.segment_thresholds_[1, 1] == pytest.approx(best_f1_threshold(y[rows, 1], clf.oof_proba_[rows, 1]))


def test_tune_mask_restricts_segment_thresholds():
    X, y, segment = two_segments()
    tune = np.arange(len(y)) % 3 != 0
    clf = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y, tune_mask=tune)
    rows = tune & (segment == 0)
    assert clf.segment_thresholds_[0, 0] == pytest.approx(best_f1_threshold(y[rows, 0], clf.oof_proba_[rows, 0]))


def test_option_off_and_fixed_thresholds_share_one_threshold():
    X, y, segment = two_segments()
    off = FrameClassifier(cv=4, segments=2).fit(X, y)
    on = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    assert (off.segment_thresholds_ == off.thresholds_).all()
    assert np.allclose(off.thresholds_, on.thresholds_)  # the shared thresholds do not change
    assert np.allclose(off.oof_proba_, on.oof_proba_)
    assert (off.predict(X) == (off.predict_proba(X) >= off.thresholds_)).all()
    fixed = FrameClassifier(cv=4, segments=2, threshold=0.4, threshold_by_segment=True).fit(X, y)
    assert (fixed.segment_thresholds_ == 0.4).all()
    assert clone(on).get_params()["threshold_by_segment"] is True


def test_model_without_segment_thresholds_behaves_as_before():
    """Models saved before ``segment_thresholds_`` existed use the shared thresholds."""
    X, y, segment = two_segments()
    clf = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    del clf.segment_thresholds_
    assert (clf.thresholds_for(segment) == clf.thresholds_).all()
    assert (clf.predict(X) == (clf.predict_proba(X) >= clf.thresholds_)).all()
    assert ((clf.decision_function(X) > 0).astype(int) == clf.predict(X)).all()


def test_frame_model_thresholds_by_language(small_model, small_corpus):
    from framing.analysis.active import suggest
    from framing.models.features import analyze
    from framing.models.train import evaluate

    by_lang = small_model.thresholds_by_lang
    assert set(by_lang) == {"ar", "en"} and all(set(t) == set(small_model.frames) for t in by_lang.values())
    assert small_model.card["thresholds_by_lang"] == by_lang
    assert small_model.info()["thresholds_by_lang"] == by_lang
    clf = small_model.pipeline.named_steps["frames"]
    assert clf.threshold_by_segment is True  # the default
    rows = small_corpus.groupby("lang").head(40).reset_index(drop=True)
    texts, langs = list(rows["text"]), list(rows["lang"])
    proba = small_model.predict_proba(texts, lang=langs)
    expected = proba >= np.array([[by_lang[g][f] for f in small_model.frames] for g in langs])
    assert (small_model.predict(texts, lang=langs) == expected).all()
    columns = small_model.predict_columns(texts, cues=0).columns  # languages detected
    for i, labels in enumerate(columns["labels"]):
        g = columns["lang"][i]
        if g in by_lang:
            assert labels == [f for f in small_model.frames if columns[f][i] >= by_lang[g][f]]
    X = small_model.featurize([analyze(t, g) for t, g in zip(texts, langs)])
    assert (small_model.frame_thresholds(X) == np.array([[by_lang[g][f] for f in small_model.frames] for g in langs])).all()
    report = evaluate(small_model, rows, n_boot=20)
    assert set(report["by_lang"]) == {"ar", "en"}
    table = suggest(small_model, texts, k=5, pool=2)
    assert len(table) == 5 and (table["uncertainty"] <= 1 + 1e-9).all()


def test_card_text_shows_thresholds_per_language(small_model):
    from framing.models.card import card_text, threshold_lines

    lines = threshold_lines(small_model)
    by_lang = small_model.thresholds_by_lang
    if any(t != small_model.thresholds for t in by_lang.values()):
        assert lines[0].startswith("thresholds: ") and lines[0].endswith("(shared; each language's below)")
        assert len(lines) == 1 + len(by_lang) and "  ar: " + ", ".join(
            f"{k}={v:.3f}" for k, v in by_lang["ar"].items()) in lines
    else:
        assert lines == ["thresholds: " + ", ".join(f"{k}={v:.3f}" for k, v in small_model.thresholds.items())]
    assert lines[0] in card_text(small_model)


def test_saved_model_keeps_segment_thresholds(small_model, small_model_path):
    from framing.models.model import FrameModel

    loaded = FrameModel.load(small_model_path)
    assert loaded.thresholds_by_lang == small_model.thresholds_by_lang


def test_bootstrap_threshold_is_the_median_of_resampled_best_cuts():
    from framing.models.frames import bootstrap_f1_threshold

    rng = np.random.default_rng(3)
    y = (rng.random(400) < 0.1).astype(int)
    p = np.clip(0.15 + 0.35 * y + rng.normal(0, 0.15, 400), 0, 1)
    t = bootstrap_f1_threshold(y, p, seed=0, n=25)
    again = bootstrap_f1_threshold(y, p, seed=0, n=25)
    assert t == again and 0 < t < 1  # reproducible for one seed
    draws = np.random.default_rng(0)
    picks = []
    for _ in range(25):
        rows = draws.integers(0, 400, 400)
        if y[rows].any():
            picks.append(best_f1_threshold(y[rows], p[rows]))
    assert t == pytest.approx(np.median(picks))
    assert bootstrap_f1_threshold(np.zeros(5, dtype=int), np.linspace(0, 1, 5)) == 1.0  # no positive: as best_f1


def test_bootstrap_thresholds_in_the_classifier():
    X, y, segment = two_segments()
    plain = FrameClassifier(cv=4, segments=2, threshold_by_segment=True).fit(X, y)
    boot = FrameClassifier(cv=4, segments=2, threshold_by_segment=True, threshold="f1-bootstrap").fit(X, y)
    np.testing.assert_allclose(plain.oof_proba_, boot.oof_proba_)  # same scores, other cuts
    assert boot.segment_thresholds_.shape == (2, 2) and np.all((boot.segment_thresholds_ > 0) & (boot.segment_thresholds_ < 1))
    assert np.abs(boot.segment_thresholds_ - plain.segment_thresholds_).max() < 0.25
    with pytest.raises(ValueError, match="f1-bootstrap"):
        FrameClassifier(threshold="median").fit(X, y)
