"""The shipped default model: provenance and behaviour on clear cases."""

from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.io.corpora import read_corpus
from framing.io.importers import standoff
from framing.io.standoff import datasets_dir
from framing.models.card import corpus_fingerprint
from conftest import CORPUS

REAL = Path(__file__).resolve().parents[1] / "corpora" / "real"


@pytest.fixture(scope="module")
def default_model():
    return framing.load_model()


def test_trained_on_exactly_the_training_split(default_model, codebook):
    """`make model` is reproducible: the card's data hash is that of our written training split
    plus the real-news training split (stand-off labels joined with the datasets' text)."""
    written = read_corpus([CORPUS / "en.train.jsonl", CORPUS / "ar.train.jsonl"], codebook)
    card = default_model.card
    assert card["codebook"]["frames"] == ["threat", "diplomacy", "skepticism"]
    assert set(card["thresholds"]) == {"threat", "diplomacy", "skepticism"}
    design = card["cv_metrics"]["design"]
    assert design["grouped_by"] == "article_id" and design["tuned_on"] == "stratum=random"
    sources = card["training_data"]["row_sources"]
    assert any("CC BY-NC-SA" in s for s in sources) and any("MIT" in s for s in sources)
    if not datasets_dir().is_dir():
        pytest.skip("../shared/datasets absent: the real-news rows cannot be joined to check the hash")
    real = pd.concat([standoff(REAL / f"{lang}.jsonl") for lang in ("ar", "en")], ignore_index=True)
    train = pd.concat([written, real[real["split"] == "train"]], ignore_index=True)
    assert card["training_data"]["rows"] == len(train)
    assert card["training_data"]["sha256"] == corpus_fingerprint(train["text"], train["labels"], train["lang"])


@pytest.mark.parametrize("text, frame", [
    ("Kostin's office said nearly half of the North Korean missiles lost their programmed trajectories "
     "and exploded in the air.", "skepticism"),
    ("The Kremlin said preparations for an official visit are under way.", "diplomacy"),
    ("US officials fear North Korean military moves before the election.", "threat"),
    ("وأعلن الكرملين أن التحضيرات لزيارة رسمية للرئيس بوتين إلى كوريا الشمالية قائمة.", "diplomacy"),
    ("وحذر مسؤولون أمريكيون من تحركات عسكرية كورية شمالية قد تؤدي إلى تصعيد خطير في المنطقة.", "threat"),
    ("ولم يتسن التحقق من صحة هذه الأرقام من مصدر مستقل، فيما شكك محللون في دقتها.", "skepticism"),
])
def test_clear_cases(default_model, text, frame):
    assert frame in default_model.classify([text])["labels"][0]


@pytest.mark.parametrize("text, frame", [
    ("There is no doubt the team will win the cup on Sunday.", "skepticism"),
    pytest.param("The striker was taken to hospital after suffering a heart attack during training.", "threat",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "known limit since the sixth English draw: in political real news 'attack', 'training' and "
                     "'strike(r)' mean threat, and 'heart attack' is too rare there to outweigh them (README, known "
                     "limits); strict: the test fails once the model gets this right again"))),
    ("Climbers reached the summit of Mount Kilimanjaro at dawn.", "diplomacy"),
    ("لا شك أن المنتخب سيتأهل إلى نهائيات كأس العالم.", "skepticism"),
    ("زار وزير الصحة جناح الأطفال في المستشفى الجامعي.", "diplomacy"),
])
def test_hard_negatives(default_model, text, frame):
    assert frame not in default_model.classify([text])["labels"][0]
