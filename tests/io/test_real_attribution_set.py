"""The stand-off real-news attribution set (corpora/real/attribution/) is well formed: every record
points into a dataset by id and offsets with a hash, and its labels use the guide's values."""

import json
from pathlib import Path

import pytest

from framing.annotate.source_types import SOURCE_TYPES

SET = Path(__file__).resolve().parents[2] / "corpora" / "real" / "attribution"


def _records(lang: str) -> list[dict]:
    return [json.loads(line) for line in (SET / f"{lang}.jsonl").read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_records_are_stand_off_with_the_guides_values(lang):
    records = _records(lang)
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert "text" not in r  # the dataset's text is joined at build time, never stored
        assert len(r["sha1"]) == 40 and 0 <= r["start"] < r["end"]
        assert r["split"] in ("dev", "test", "test2", "test3", "train")
        assert r["quote_type"] in ("direct", "indirect", "none")
        assert r["speaker_form"] in ("named", "pronoun", "implicit", "none")
        for span in (r["speaker"], r["cue"]):
            assert span is None or (0 <= span[0] < span[1] <= r["end"] - r["start"])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_source_type_is_given_exactly_for_records_with_someone_to_type(lang):
    for r in _records(lang):
        someone = r["speaker_form"] == "named" and r["speaker"] is not None \
            or r["speaker_form"] in ("pronoun", "implicit") and r["resolved"] is not None
        assert (r.get("source_type") is not None) == someone, r["id"]
        assert r.get("source_type") in SOURCE_TYPES + (None,)
