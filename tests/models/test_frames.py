import numpy as np
import pytest
from sklearn.datasets import make_multilabel_classification
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import parametrize_with_checks

from framing.models.features import TextFeatures
from framing.models.frames import FrameClassifier, best_f1_threshold

EXPECTED_FAILURES = {
    "check_class_weight_classifiers": "per-label thresholds tuned by cross-validation override class weights by design",
    "check_classifier_multioutput": "multi-label predict uses tuned thresholds, not probability 0.5",
}


@parametrize_with_checks([FrameClassifier(cv=3)], expected_failed_checks=lambda est: EXPECTED_FAILURES)
def test_sklearn_estimator_checks(estimator, check):
    check(estimator)


def test_multilabel_fit_predict_shapes_and_calibration():
    X, y = make_multilabel_classification(n_samples=400, n_features=20, n_classes=3, random_state=0)
    clf = FrameClassifier(cv=4).fit(X, y)
    proba = clf.predict_proba(X)
    assert proba.shape == (400, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert clf.predict(X).shape == (400, 3)
    assert clf.thresholds_.shape == (3,) and ((clf.thresholds_ > 0) & (clf.thresholds_ < 1)).all()
    # calibrated: mean out-of-fold probability close to the label rate
    assert np.allclose(clf.oof_proba_.mean(axis=0), y.mean(axis=0), atol=0.05)
    # decision_function > 0 exactly where a label is predicted
    assert ((clf.decision_function(X) > 0).astype(int) == clf.predict(X)).all()


def test_fixed_threshold_and_errors():
    X, y = make_multilabel_classification(n_samples=100, n_classes=2, random_state=1)
    assert (FrameClassifier(threshold=0.5, cv=3).fit(X, y).thresholds_ == 0.5).all()
    with pytest.raises(ValueError, match="threshold"):
        FrameClassifier(threshold=2.0).fit(X, y)
    y_rare = y.copy()
    y_rare[:, 0] = 0
    y_rare[0, 0] = 1
    with pytest.raises(ValueError, match="at least 2 positive"):
        FrameClassifier(cv=3).fit(X, y_rare)


def test_best_f1_threshold_separates_perfectly():
    y = np.array([0, 0, 1, 1])
    p = np.array([0.1, 0.3, 0.6, 0.9])
    t = best_f1_threshold(y, p)
    assert 0.3 < t < 0.6


def test_composes_in_pipeline_and_grid_search(small_corpus, codebook):
    from framing.models.train import label_matrix

    texts = list(small_corpus["text"])
    y = label_matrix(small_corpus, codebook.ids)
    pipe = Pipeline([("features", TextFeatures()), ("frames", FrameClassifier(cv=3))])
    search = GridSearchCV(pipe, {"frames__C": [1.0, 16.0]}, cv=2, scoring="f1_macro").fit(texts, y)
    assert search.best_params_["frames__C"] in (1.0, 16.0)
    assert search.predict(texts[:5]).shape == (5, 3)
