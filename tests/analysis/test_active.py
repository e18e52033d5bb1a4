import pytest

from framing.analysis.active import suggest
from framing.errors import InputError
from conftest import CORPUS


def test_suggest_prefers_uncertain_and_diverse(small_model):
    import json

    texts = [json.loads(l)["text"] for l in (CORPUS / "en.test.jsonl").read_text("utf-8").splitlines()[:150]]
    texts += [texts[0]] * 5  # duplicates must not crowd the picks
    picks = suggest(small_model, texts, k=10, diversity=0.5)
    assert len(picks) == 10 and list(picks["rank"]) == list(range(1, 11))
    assert picks["text"].nunique() == 10
    assert picks["uncertainty"].between(0, 1).all()
    everything = suggest(small_model, texts, k=len(texts), diversity=0.0, pool=1)
    assert everything["index"].is_unique and len(everything) == len(texts)  # every sentence once
    assert picks["uncertainty"].mean() > everything["uncertainty"].mean()  # better than average


def test_suggest_errors(small_model):
    with pytest.raises(InputError):
        suggest(small_model, ["Le sommet a eu lieu hier."], k=3)
    with pytest.raises(InputError):
        suggest(small_model, ["Talks resumed."], k=0)
