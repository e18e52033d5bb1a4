"""Model files are untrusted: only the exact types framing's own models contain may load.

Crafted files carry real payloads (each would create a marker file when the model is used);
loading must refuse them with one line naming the types, and the marker must never appear.
"""

from __future__ import annotations

import collections
import functools
import json
import operator
import os
import zipfile
from pathlib import Path

import pytest
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from framing.cli import main
from framing.codebook import Codebook
from framing.errors import ModelError
from framing.models.io import FORMAT, MODEL_TYPES, load_bundle
from framing.models.model import FrameModel, default_model_path


class Planted:
    """A class from outside framing; building it would create the marker."""

    marker: str = ""

    def __setstate__(self, state):
        Path(state["marker"]).touch()
        self.__dict__.update(state)


def _payloads(marker: Path) -> dict[str, tuple[TfidfVectorizer | Planted, list[str]]]:
    touch = f"open({str(marker)!r}, 'w').close()"
    planted = Planted()
    planted.marker = str(marker)
    return {
        # the exploit: preprocessor returns CODE, tokenizer exec()s it
        "exec": (TfidfVectorizer(tokenizer=exec, preprocessor=collections.UserString(touch).format),
                 ["builtins.exec", "collections.UserString"]),
        "eval": (TfidfVectorizer(tokenizer=eval, preprocessor=collections.UserString(touch).format), ["builtins.eval"]),
        "getattr": (TfidfVectorizer(tokenizer=getattr), ["builtins.getattr"]),
        "methodcaller": (TfidfVectorizer(preprocessor=operator.methodcaller("format")), ["operator.methodcaller"]),
        "system": (TfidfVectorizer(tokenizer=os.system, preprocessor=collections.UserString(f"touch {marker}").format),
                   ["system"]),
        "partial": (TfidfVectorizer(tokenizer=functools.partial(os.system, f"touch {marker}")), ["functools.partial", "system"]),
        "custom class": (planted, ["Planted"]),
    }


def _write(path: Path, payload) -> Path:
    bundle = {"format": FORMAT, "pipeline": Pipeline([("features", payload)]), "tone": None,
              "codebook": Codebook.default().to_dict(), "card": {}}
    sio.dump(bundle, path)
    return path


@pytest.mark.parametrize("kind", list(_payloads(Path("m"))))
def test_crafted_model_files_are_refused_before_anything_runs(tmp_path, capsys, kind):
    marker = tmp_path / "PWNED"
    payload, names = _payloads(marker)[kind]
    model = _write(tmp_path / "evil.skops", payload)
    with pytest.raises(ModelError) as info:
        load_bundle(model)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{model}: refusing to load unexpected types: ")
    assert all(name in message for name in names)
    lines = tmp_path / "in.txt"
    lines.write_text("The Kremlin said the visit is being prepared.\n", "utf-8")
    for argv in (["classify", "--model", str(model), str(lines)], ["info", "--model", str(model)]):
        assert main(argv) != 0
        out, err = capsys.readouterr()
        assert "refusing to load unexpected types" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert not marker.exists()


def test_exec_payload_is_real(tmp_path):
    """Sanity check of the payload above: loaded without the allow-list, using it runs the code."""
    marker = tmp_path / "PWNED"
    model = _write(tmp_path / "evil.skops", _payloads(marker)["exec"][0])
    pipeline = sio.load(model, trusted=sio.get_untrusted_types(file=model))["pipeline"]
    with pytest.raises(Exception):
        pipeline.fit(["any text"])
    assert marker.exists()


def _rewrite_schema(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "schema.json":
                schema = json.loads(data)
                edit(schema)
                data = json.dumps(schema).encode()
            new.writestr(item, data)
    return dst


def test_type_names_from_the_file_cannot_break_the_error_line(tmp_path):
    model = _write(tmp_path / "base.skops", TfidfVectorizer())

    def edit(schema):
        schema["content"]["card"] = {"__class__": "x\nFAKE: all good\x1b[2J", "__module__": "evil", "__loader__": "ObjectNode",
                                     "content": {}}

    evil = _rewrite_schema(model, tmp_path / "evil.skops", edit)
    with pytest.raises(ModelError) as info:
        load_bundle(evil)
    assert "\n" not in str(info.value) and "\x1b" not in str(info.value) and "evil.x" in str(info.value)


def test_unlisted_default_skops_types_are_refused_too(tmp_path):
    """skops trusts e.g. every scikit-learn estimator by default; framing does not."""
    from sklearn.preprocessing import StandardScaler

    model = _write(tmp_path / "other.skops", StandardScaler())
    with pytest.raises(ModelError, match=r"unexpected types: sklearn\.preprocessing\._data\.StandardScaler"):
        load_bundle(model)


def test_not_a_model_file(tmp_path):
    (tmp_path / "a.skops").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ModelError, match="not a framing model file"):
        load_bundle(tmp_path / "a.skops")
    with zipfile.ZipFile(tmp_path / "b.skops", "w") as archive:
        archive.writestr("other.json", "{}")
    with pytest.raises(ModelError, match="not a framing model file"):
        load_bundle(tmp_path / "b.skops")


def test_the_allow_list_is_exact_names():
    assert all(not name.endswith(".") and name.count(".") >= 1 for name in MODEL_TYPES)
    assert not any(name.startswith(("builtins.exec", "builtins.eval", "collections.", "operator.", "functools."))
                   for name in MODEL_TYPES)


def test_shipped_and_default_trained_models_load(small_model_path):
    for path in (default_model_path(), small_model_path):
        assert set(sio.get_untrusted_types(file=path)) <= MODEL_TYPES
        assert FrameModel.load(path).frames == Codebook.default().ids


# (params, one-frame codebook, with tone labels): every other shape of model `framing train` writes
_VARIANTS = {
    "one-frame codebook, no tone": ({}, True, False),
    "--param variants": ({"features__char_ngrams": (2, 3), "features__stop_words": False, "features__min_df": 3,
                          "features__cue_weight": 0.5, "features__word_ngrams": (1, 3), "frames__C": 2.0,
                          "frames__class_weight": None, "frames__cv": 2, "frames__threshold": 0.5}, False, True),
    "char n-grams only": ({"features__char_ngrams": (2, 3), "features__word_ngrams": None, "features__stem_ngrams": None,
                           "features__prefix_length": None, "features__min_df": 3, "frames__cv": 2}, False, False),
}


@pytest.mark.parametrize("variant", list(_VARIANTS))
def test_every_kind_of_model_framing_writes_loads(tmp_path, small_corpus, codebook, variant):
    from framing.models.train import train

    params, one_frame, tone = _VARIANTS[variant]
    corpus, book = small_corpus.iloc[::3].reset_index(drop=True), codebook
    if one_frame:
        corpus = corpus.assign(labels=corpus["labels"].map(lambda ls: [l for l in ls if l == "threat"]))
        book = Codebook.from_labels(["threat"])
    if not tone and "tone" in corpus:
        corpus = corpus.drop(columns=["tone"])
    path = tmp_path / "m.skops"
    train(corpus, book, params=params).save(path)
    assert set(sio.get_untrusted_types(file=path)) <= MODEL_TYPES
    loaded = FrameModel.load(path)
    assert loaded.frames == book.ids
    assert loaded.predict_proba(["Missiles struck the port overnight."]).shape == (1, len(book.ids))


def _tampered(tmp_path, small_corpus, codebook, change) -> Path:
    """A model framing wrote (with character n-grams), changed by ``change(bundle)`` and saved
    again: every type in it is on the allow-list."""
    from framing.models.io import save_bundle
    from framing.models.train import train

    params = {"features__char_ngrams": (2, 3), "features__min_df": 3, "frames__cv": 2}
    model = train(small_corpus.iloc[::3].reset_index(drop=True), codebook, params=params)
    bundle = {"pipeline": model.pipeline, "tone": model.tone, "codebook": model.codebook.to_dict(), "card": model.card}
    change(bundle)
    path = tmp_path / "tampered.skops"
    save_bundle(bundle, path)
    assert set(sio.get_untrusted_types(file=path)) <= MODEL_TYPES  # the type allow-list alone lets it in
    return path


def _features(bundle):
    return bundle["pipeline"].named_steps["features"]


_TAMPERINGS = {
    # a vectorizer that opens each scored line as a file path would read local files
    "input=filename": (lambda b: setattr(_features(b).char_vectorizer_, "input", "filename"), "TfidfVectorizer.input"),
    "endless n-grams": (lambda b: setattr(_features(b).blocks_["w"], "ngrams", (1, 10 ** 9)), "n-gram block"),
    "endless char n-grams": (lambda b: setattr(_features(b), "word_ngrams", (1, 10 ** 6)), "TextFeatures.word_ngrams"),
    "a cache folder": (lambda b: setattr(b["pipeline"], "memory", "/tmp/framing-cache"), "cache folder"),
    "card as text": (lambda b: b.__setitem__("card", "not a card"), "'card' is str"),
    "card training data as text": (lambda b: b["card"].__setitem__("training_data", "x"), "card entry 'training_data'"),
    "tone as text": (lambda b: b.__setitem__("tone", "not a classifier"), "'tone' is str"),
    "codebook as a list": (lambda b: b.__setitem__("codebook", ["threat"]), "'codebook' is list"),
    "pipeline as a dict": (lambda b: b.__setitem__("pipeline", {"steps": []}), "not a scikit-learn Pipeline"),
    "coefficients cut": (lambda b: setattr(b["pipeline"].named_steps["frames"], "coef_",
                                           b["pipeline"].named_steps["frames"].coef_[:, :5]), "scoring a test sentence failed"),
}


@pytest.mark.parametrize("kind", list(_TAMPERINGS))
def test_allowed_types_with_harmful_values_are_refused(tmp_path, capsys, monkeypatch, small_corpus, codebook, kind):
    change, message = _TAMPERINGS[kind]
    path = _tampered(tmp_path, small_corpus, codebook, change)
    with pytest.raises(ModelError, match="not a usable framing model|parameters framing never writes") as caught:
        FrameModel.load(path)
    assert message in str(caught.value)
    # on the command line: one line, no traceback, and no file opened from the scored text
    monkeypatch.chdir(tmp_path)
    (tmp_path / "secret").write_text("missile strike threat war attack\n", "utf-8")
    lines = tmp_path / "lines.txt"
    lines.write_text("secret\n", "utf-8")
    assert main(["classify", str(lines), "--model", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("framing: error:") and "Traceback" not in err and len(err.strip().splitlines()) == 1
