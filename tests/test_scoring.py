import json

import pytest

from framing.errors import InputError, UnsupportedLanguageError
from framing.scoring import ScoredArticle
from conftest import ROOT

SAMPLES = ROOT / "framing" / "data" / "samples"


def test_score_arabic_sample_article(small_scorer):
    text = (SAMPLES / "summit_ar.txt").read_text("utf-8")
    article = small_scorer.score_article(text, outlet="الأفق", date="2024-10-03")
    assert isinstance(article, ScoredArticle)
    assert article.lang == "ar"
    rows = article.sentences
    assert len(rows) >= 10
    assert list(rows["sentence_index"]) == list(range(len(rows)))
    assert set(rows["kind"]) <= {"sentence", "headline"}
    assert (rows["outlet"] == "الأفق").all()
    assert any("مشاركة" in line for line in article.dropped)
    for row in rows.itertuples():
        assert text[row.start:row.end] == row.text
    summary = article.summary()
    assert list(summary["frame"]) == small_scorer.frames
    assert ((summary["share"] >= 0) & (summary["share"] <= 1)).all()


def test_title_is_scored_first_and_to_dict_is_json(small_scorer):
    text = (SAMPLES / "summit_en.txt").read_text("utf-8")
    article = small_scorer.score_article(text, title="Kremlin readies a welcome for Kim", id="a1")
    first = article.sentences.iloc[0]
    assert first["kind"] == "title" and first["text"].startswith("Kremlin readies")
    data = json.loads(json.dumps(article.to_dict()))
    assert data["id"] == "a1" and data["n_sentences"] == len(article.sentences)
    assert set(data["frames"]) == set(small_scorer.frames)


def test_article_errors(small_scorer):
    with pytest.raises(InputError, match="empty"):
        small_scorer.score_article("   ")
    with pytest.raises(UnsupportedLanguageError, match="supported language"):
        small_scorer.score_article("Le Kremlin a annoncé une visite officielle de Kim Jong Un en Russie.")
    with pytest.raises(InputError, match="only boilerplate"):
        small_scorer.score_article("Share\nPrint")
    with pytest.raises(InputError, match="limit"):
        small_scorer.score_article("word. " * 200_001)


def test_classify_returns_tidy_frame_in_input_order(small_scorer):
    texts = ["The Kremlin said preparations for an official visit are under way.", "",
             "Le Kremlin a annoncé une visite.", "حذر الجيش من هجوم صاروخي وشيك على المدينة."]
    df = small_scorer.classify(texts)
    assert list(df.columns) == ["text", "lang", "labels", "threat", "diplomacy", "skepticism", "cues", "tone", "tone_scores",
                                "source", "cue", "quote_type", "source_resolved", "source_type", "actors"]
    assert list(df.columns) == small_scorer.columns
    assert df.loc[[1, 2], "tone"].isna().all() and set(df.loc[[0, 3], "tone"]) <= {"negative", "neutral", "positive"}
    assert list(df["text"]) == texts
    assert list(df["lang"]) == ["en", "und", "und", "ar"]
    assert df.loc[[1, 2], ["threat", "diplomacy", "skepticism"]].isna().all().all()
    assert df.loc[[0, 3], ["threat", "diplomacy", "skepticism"]].notna().all().all()
    assert df.loc[0, "source"] == "The Kremlin" and df.loc[0, "actors"] == ["KREMLIN"]
    assert df.loc[1, "actors"] == [] and df.loc[1, "quote_type"] == "none"


def test_classify_input_errors(small_scorer):
    with pytest.raises(InputError, match="list of sentences"):
        small_scorer.classify("one string")
    with pytest.raises(UnsupportedLanguageError, match="supported: ar, en"):
        small_scorer.classify(["x"], lang="fr")
    empty = small_scorer.classify([])
    assert empty.empty and list(empty.columns) == small_scorer.columns


class _Counting:
    """An annotator that counts how often it sees each sentence."""

    name = "counting"
    columns = ("seen",)

    def __init__(self):
        self.calls = 0

    def __call__(self, sentences):
        self.calls += len(sentences.texts)
        return {"seen": [True] * len(sentences.texts)}


def test_annotators_run_once_per_sentence_and_add_their_columns(small_model):
    from framing.annotate import default_annotators
    from framing.annotate.attribution import AttributionAnnotator
    from framing.scoring import Scorer

    counting = _Counting()
    attribution = AttributionAnnotator()
    calls = []
    original = attribution.__class__.__call__

    def spy(self, sentences):
        calls.append(len(sentences.texts))
        return original(self, sentences)

    attribution.__class__ = type("Spy", (AttributionAnnotator,), {"__call__": spy})
    scorer = Scorer(small_model, annotators=[attribution, default_annotators()[1], counting])
    text = (SAMPLES / "summit_en.txt").read_text("utf-8")
    article = scorer.score_article(text)
    n = len(article.sentences)
    assert calls == [n] and counting.calls == n  # one pass over the article's sentences
    assert list(article.sentences.columns[-7:]) == ["source", "cue", "quote_type", "source_resolved", "source_type", "actors", "seen"]
    assert article.to_dict()["sentences"][0]["seen"] is True


def test_annotator_must_return_its_declared_columns(small_model):
    from framing.errors import ModelError
    from framing.scoring import Scorer

    class Wrong:
        name, columns = "wrong", ("a",)

        def __call__(self, sentences):
            return {"b": [1] * len(sentences.texts)}

    with pytest.raises(ModelError, match="declares"):
        Scorer(small_model, annotators=[Wrong()]).classify(["Talks resumed in Geneva."])

    class Clash:
        name, columns = "clash", ("threat",)

    with pytest.raises(ModelError, match="twice"):
        Scorer(small_model, annotators=[Clash()])


def test_custom_gazetteer_changes_actors_in_python(small_model, tmp_path):
    import framing
    from framing.scoring import Scorer

    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - id: GENEVA_TALKS\n    type: organisation\n    aliases: {en: [Geneva], ar: [جنيف]}\n", "utf-8")
    text = ["The Kremlin said talks in Geneva resumed."]
    assert Scorer(small_model).classify(text)["actors"][0] == ["KREMLIN"]
    assert Scorer(small_model, actors=str(actors)).classify(text)["actors"][0] == ["GENEVA_TALKS"]
    assert framing.load_model(actors=actors).classify(text)["actors"][0] == ["GENEVA_TALKS"]


def test_tone_classes_are_checked_against_the_schema(small_model):
    import copy

    from framing.errors import ModelError
    from framing.scoring import Scorer

    odd = copy.copy(small_model)
    odd.tone = copy.deepcopy(small_model.tone)
    odd.tone.classes_ = odd.tone.classes_.astype(object)
    odd.tone.classes_[0] = "angry"
    with pytest.raises(ModelError, match="tone classes"):
        Scorer(odd)


# -- issue 13 -------------------------------------------------------------------------------

def test_title_repeated_at_the_start_of_the_text_is_scored_once(small_scorer):
    title = "Kim meets Putin in Pyongyang"
    for text in (f"{title}\n\nKim met Putin on Tuesday. They signed a pact.",
                 f"{title}.\nKim met Putin on Tuesday. They signed a pact."):
        article = small_scorer.score_article(text, title=title)
        assert list(article.sentences["kind"]).count("title") == 1
        assert sum(title in t for t in article.sentences["text"]) == 1, article.sentences["text"].tolist()
        assert len(article.sentences) == 3
    # a different title is still scored in addition to the text
    article = small_scorer.score_article(f"{title}\n\nKim met Putin on Tuesday.", title="Summit in the north")
    assert len(article.sentences) == 3


def _english_only(model):
    import copy

    clone = copy.copy(model)
    clone.card = {**model.card, "training_data": {**model.card["training_data"], "rows_by_lang": {"en": 500}}}
    return clone


def test_uncovered_language_warns_once(small_model):
    import warnings

    from framing.scoring import LanguageCoverageWarning, Scorer, language_warning, model_languages

    assert model_languages(small_model.card) == {"ar", "en"}
    assert language_warning(small_model.card, ["ar", "en", "und"]) is None
    scorer = Scorer(_english_only(small_model))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scorer.classify(["The talks resumed in Doha.", "وقال مسؤول إن المحادثات استؤنفت."])
        scorer.classify(["استؤنفت المحادثات في الدوحة."])
        scorer.score_article("استؤنفت المحادثات في الدوحة. وقال مسؤول إن الوفد وصل.")
    coverage = [w for w in caught if issubclass(w.category, LanguageCoverageWarning)]
    assert len(coverage) == 1
    assert "trained on English only" in str(coverage[0].message) and "Arabic" in str(coverage[0].message)
    # the uncovered language gets no scores and no frames (it used to get noise around the
    # intercepts, often every frame); its language is kept, the covered one is scored
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = scorer.classify(["The army warned of missile strikes on the port.", "وحذر الجيش من ضربات صاروخية على الميناء."]).to_dict("records")
    assert [r["lang"] for r in rows] == ["en", "ar"]
    assert rows[1]["labels"] == [] and all(r != r for r in (rows[1][f] for f in scorer.frames))  # NaN
    assert rows[0]["threat"] == rows[0]["threat"]


# -- context (title, neighbouring sentences) ------------------------------------------------

def _context_spy(small_model, monkeypatch):
    """A scorer whose model claims context (Arabic) and records the context it is given."""
    from framing.models.model import FrameModel
    from framing.scoring import Scorer

    monkeypatch.setattr(FrameModel, "context_weights", property(lambda self: {"ar": 0.5}))
    seen = []
    original = small_model.predict_columns

    def spy(texts, lang=None, cues=3, context=None):
        seen.append((list(texts), context))
        return original(texts, lang, cues, context=context)

    monkeypatch.setattr(small_model, "predict_columns", spy)
    return Scorer(small_model), seen


def test_score_article_passes_neighbours_and_title_in_order(small_model, monkeypatch):
    scorer, seen = _context_spy(small_model, monkeypatch)
    text = ("وصل وزير الخارجية إلى العاصمة صباح اليوم. نعم. وعقد لقاء مطولا مع نظيره في القصر. "
            "ونفى المتحدث باسم الوزارة ما تداولته الصحف عن خلافات بين الجانبين.")
    title = "زيارة رسمية لبحث العلاقات الثنائية"
    article = scorer.score_article(text, title=title, lang="ar")
    texts, (previous, following, titles) = seen[-1]
    assert texts == article.sentences["text"].tolist() and texts[0] == title
    body = texts[1:]
    assert len(body) == 4 and body[1] == "نعم."
    # the title row has no context; "نعم." (under three words) is nobody's neighbour
    assert previous == ["", "", body[0], body[0], body[2]]
    assert following == ["", body[2], body[2], body[3], ""]
    assert titles == ["", title, title, title, title]


def test_score_article_without_title_and_classify_without_context(small_model, monkeypatch):
    scorer, seen = _context_spy(small_model, monkeypatch)
    scorer.score_article("وصل الوزير إلى العاصمة صباح اليوم. وعقد لقاء مطولا مع نظيره في القصر.", lang="ar")
    texts, (previous, following, titles) = seen[-1]
    assert previous == ["", texts[0]] and following == [texts[1], ""] and titles == ["", ""]
    scorer.classify(["وصل الوزير إلى العاصمة صباح اليوم.", "وعقد لقاء مطولا مع نظيره في القصر."])
    assert seen[-1][1] is None  # one sentence per line, no article: no context


def test_a_model_without_context_gets_none_from_score_article(small_model, monkeypatch):
    from framing.scoring import Scorer

    seen = []
    original = small_model.predict_columns
    monkeypatch.setattr(small_model, "predict_columns",
                        lambda texts, lang=None, cues=3, context=None: seen.append(context) or original(texts, lang, cues))
    Scorer(small_model).score_article("The minister arrived in the capital today. He met his counterpart.",
                                      title="A visit")
    assert seen == [None]


@pytest.mark.parametrize("title", ["", "   ", "\u200f", "\u200d\u200c \u200f"])
def test_a_title_of_only_invisible_marks_is_no_title(small_scorer, title):
    article = small_scorer.score_article("The envoys met in Doha. Talks resumed.", title=title)
    assert list(article.sentences["kind"]) == ["sentence", "sentence"]
