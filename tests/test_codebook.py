import json

import pytest

from framing.codebook import Codebook
from framing.errors import CodebookError


def test_default_codebook_has_three_frames_with_bilingual_cues(codebook):
    assert codebook.ids == ["threat", "diplomacy", "skepticism"]
    for frame in codebook.frames:
        assert frame.description["en"] and frame.description["ar"]
        assert len(frame.cues["en"]) >= 10 and len(frame.cues["ar"]) >= 10
    assert "false" in codebook.cues("en")["skepticism"]  # YAML would have made it a boolean


def test_roundtrip_through_dict(codebook):
    again = Codebook.from_dict(codebook.to_dict())
    assert again == codebook


def test_user_codebook_from_yaml_and_json(tmp_path):
    y = tmp_path / "cb.yaml"
    y.write_text("name: econ\nframes:\n  - id: inflation\n    cues: {en: [prices]}\n  - id: jobs\n", "utf-8")
    assert Codebook.load(y).ids == ["inflation", "jobs"]
    j = tmp_path / "cb.json"
    j.write_text(json.dumps({"name": "x", "frames": ["a", "b"]}), "utf-8")
    assert Codebook.load(j).ids == ["a", "b"]


@pytest.mark.parametrize("content, message", [
    ("name: x\nframes: []\n", "non-empty list"),
    ("name: x\nframes:\n  - id: a\n  - id: a\n", "duplicate frame id 'a'"),
    ("name: x\nframes:\n  - id: '1abc'\n", "is invalid"),
    ("name: x\nframes:\n  - id: text\n", "reserved"),
    ("name: x\nframes:\n  - id: a\n    cues: {en: [yes, no]}\n", "list of non-empty strings"),
    ("name: x\nframes: [a\n", "invalid YAML"),
])
def test_invalid_codebooks_are_rejected_with_the_file_name(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(CodebookError, match=message) as info:
        Codebook.load(path)
    assert "bad.yaml" in str(info.value)


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(CodebookError, match="not found"):
        Codebook.load(tmp_path / "nope.yaml")
    (tmp_path / "cb.txt").write_text("x", "utf-8")
    with pytest.raises(CodebookError, match="unsupported codebook format"):
        Codebook.load(tmp_path / "cb.txt")
