"""Shared fixtures: a small model trained in seconds on part of our corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "frames"


@pytest.fixture(scope="session")
def codebook():
    from framing.codebook import Codebook

    return Codebook.default()


@pytest.fixture(scope="session")
def small_corpus(codebook):
    """~600 training rows from both languages (every 4th row of the training split)."""
    from framing.io.corpora import read_corpus

    frame = read_corpus([CORPUS / "en.train.jsonl", CORPUS / "ar.train.jsonl"], codebook)
    return frame.iloc[::4].reset_index(drop=True)


@pytest.fixture(scope="session")
def small_model(small_corpus, codebook):
    from framing.models.train import train

    return train(small_corpus, codebook, sources=["small"])


@pytest.fixture(scope="session")
def small_scorer(small_model):
    """The small model with the default annotators (attribution, actors)."""
    from framing.scoring import Scorer

    return Scorer(small_model)


@pytest.fixture(scope="session")
def small_model_path(small_model, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "small.skops"
    small_model.save(path)
    return path


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows), "utf-8")
    return path
