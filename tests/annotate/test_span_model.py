"""Learned speaker-span boundaries (framing.annotate.span_model), on sentences we wrote."""

import json

import pytest
from importlib import resources

from framing.annotate import attribution as attr
from framing.annotate import span_model
from framing.annotate.span_model import Region, SpanModel, decode, default_span_model, tokenize, word_features


def test_tokenize_splits_words_punctuation_and_at_cuts():
    text = "وفقا لوزارة الصحة، ارتفع العدد."
    tokens = [text[a:b] for a, b in tokenize(text)]
    assert tokens == ["وفقا", "لوزارة", "الصحة", "،", "ارتفع", "العدد", "."]
    cut = text.index("لوزارة") + 1  # a cue "وفقا ل" ends inside the word
    assert [text[a:b] for a, b in tokenize(text, [cut])][1:3] == ["ل", "وزارة"]
    english = "Rep. Dana Lo (D-NY) said"
    assert [english[a:b] for a, b in tokenize(english)] == ["Rep", ".", "Dana", "Lo", "(", "D-NY", ")", "said"]


def test_word_features_arabic_classes():
    norm, stem, prefix, suffix, flags = word_features("والوزير", "ar")[:5]
    assert (prefix, stem) == ("وال", "وزير") and "T" in flags
    assert word_features("المصريون", "ar")[3] == "nisba"
    assert "F" in word_features("في", "ar")[4]
    assert word_features("،", "ar")[4] == "P"


def test_word_features_english_shape_and_lexicons():
    assert word_features("Minister", "en")[2] == "C" and "T" in word_features("Minister", "en")[4]
    assert word_features("NATO", "en")[2] == "U"
    assert word_features("Lee’s", "en")[3] == "s"
    assert word_features("yesterday", "en")[4] == "D"


def _params(start, end):
    """A hand-made model: ``start``/``end`` map template=value to a weight."""
    return {"margin": 4, "max_len": 16, "languages": {
        "en": {"start": {"bias": 0.0, "weights": start}, "end": {"bias": 0.0, "weights": end}, "length": []}}}


def test_refine_picks_the_best_start_and_end_in_the_region():
    text = "Senior analyst Mara Quill of Brightwater said the plan would fail."
    rule = (text.index("Mara"), text.index(" said"))  # the rules' proposal: "Mara Quill of Brightwater"
    cue = (text.index("said"), text.index("said") + 4)
    model = SpanModel(_params({"w0=senior": 5.0}, {"w0=quill": 5.0}))
    start, end = model.refine(text, rule, cue, "en")
    assert text[start:end] == "Senior analyst Mara Quill"


def test_refine_never_crosses_the_cue_and_keeps_start_before_end():
    text = "The ministry said on Sunday that talks would resume."
    rule = (0, text.index(" said"))
    cue = (text.index("said"), text.index("said") + 4)
    # weights pulling the end past the cue are ignored: the region stops before it
    model = SpanModel(_params({"w0=ministry": 3.0}, {"w0=sunday": 9.0, "w0=the": 2.0}))
    start, end = model.refine(text, rule, cue, "en")
    assert end <= cue[0] and start < end


def test_quote_marks_around_a_quoted_name_stay_with_it():
    text = 'وذكر مراسل «الصباح» أن الجسر أغلق.'
    start = text.index("مراسل")
    end = text.index("الصباح") + len("الصباح")
    assert text[slice(*span_model._with_quotes(text, start, end))] == "مراسل «الصباح»"
    text = 'وحذرت "الهيئة" من نقص المياه.'
    start = text.index("الهيئة")
    assert text[slice(*span_model._with_quotes(text, start, start + 6))] == '"الهيئة"'


def test_decode_respects_the_length_limit():
    text = "one two three four five six seven"
    region = Region(text, (0, len(text)), (len(text), len(text)), "en", 0)
    n = len(region.candidates)
    best = decode(region, [0.0] * (n - 1) + [-9.0], [-9.0] * (n - 1) + [5.0], [], 3)
    s, e = best
    assert e - s + 1 <= 3


def test_shipped_weights_are_json_numbers_and_load():
    raw = resources.files("framing.data").joinpath(span_model.DATA_FILE).read_text("utf-8")
    params = json.loads(raw)  # JSON, not pickle
    assert set(params["languages"]) == {"ar", "en"}
    for model in params["languages"].values():
        for which in ("start", "end"):
            assert all(isinstance(w, float) for w in model[which]["weights"].values())
            assert model[which]["weights"]
    assert len(raw.encode()) < 2_000_000
    loaded = default_span_model()
    assert loaded is not None and set(loaded.models) == {"ar", "en"}


class _Stub:
    """A span model that always returns the span of one word, to see that attribute() uses it."""

    def __init__(self, word):
        self.word = word
        self.calls = 0

    def refine(self, text, span, cue, lang):
        self.calls += 1
        at = text.find(self.word)
        return (at, at + len(self.word)) if at >= 0 else span


def test_attribute_uses_the_span_model_and_can_turn_it_off(monkeypatch):
    text = "The harbour authority spokesperson Lina Ortez said the port would reopen."
    stub = _Stub("Lina Ortez")
    monkeypatch.setattr(span_model, "default_span_model", lambda: stub)
    assert attr.attribute(text, "en").source == "Lina Ortez"
    assert stub.calls == 1
    previous = attr.learned_spans(False)
    try:
        rules = attr.attribute(text, "en").source
    finally:
        attr.learned_spans(previous)
    assert stub.calls == 1 and rules != "Lina Ortez"


def test_attribute_keeps_the_rules_span_without_a_model(monkeypatch):
    text = "وقال المتحدث باسم البلدية سامر نعيم إن الطريق سيفتح غدا."
    monkeypatch.setattr(span_model, "default_span_model", lambda: None)
    with_rules = attr.attribute(text, "ar")
    assert with_rules.source == "المتحدث باسم البلدية سامر نعيم"


def test_shipped_model_runs_on_written_sentences():
    # the shipped weights are used end to end and give a span inside the sentence
    for text, lang in (("وأكد وزير الزراعة المحلي حسن قدور أن الموسم جيد.", "ar"),
                       ("Port director Ines Varga said shipments were delayed.", "en")):
        found = attr.attribute(text, lang)
        assert found.source and found.source in text and found.form == "named"


def test_cue_position_is_the_occurrence_next_to_the_span():
    text = "Ana Perez said it was late, and Bo Lind said so too."
    first, second = text.index("said"), text.rindex("said")
    assert attr._cue_position(text, "said", (0, 9)) == (first, first + 4)
    bo = text.index("Bo Lind")
    assert attr._cue_position(text, "said", (bo, bo + 7)) == (second, second + 4)


def test_fast_scores_equal_the_sum_over_the_feature_list():
    model = default_span_model()
    for text, lang in (("وقال وزير الطاقة السابق رامي خليل في مؤتمر صحفي إن الأسعار سترتفع.", "ar"),
                       ("The port director, Ines Varga, said on Monday that shipments were delayed.", "en")):
        found = attr.attribute(text, lang)
        cue = attr._cue_position(text, found.cue, found.span)
        region = Region(text, found.span, cue, lang, model.models[lang]["margin"])
        for which in ("start", "end"):
            bias, weights = model.models[lang][which]
            slow = [bias + sum(weights.get(name, {}).get(value, 0.0) for name, value in region.features(i, which))
                    for i in region.candidates]
            assert model.scores(region, which, lang) == pytest.approx(slow)
