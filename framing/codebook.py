"""Codebooks: the frames a model predicts, with descriptions and cue lexicons per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from framing.errors import CodebookError
from framing.schema import RESERVED_IDS

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,63}$")


@dataclass(frozen=True)
class Frame:
    """One frame of a codebook."""

    id: str
    label: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Codebook:
    """An ordered set of frames. ``Codebook.load(path)`` reads YAML or JSON."""

    name: str
    frames: tuple[Frame, ...]
    version: int | str = 1
    description: dict[str, str] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        """Frame ids, in order."""
        return [f.id for f in self.frames]

    def __contains__(self, frame_id: object) -> bool:
        return frame_id in self.ids

    def __len__(self) -> int:
        return len(self.frames)

    def cues(self, lang: str) -> dict[str, tuple[str, ...]]:
        """Cue lexicon per frame for ``lang`` (frames without cues get an empty tuple)."""
        return {f.id: f.cues.get(lang, ()) for f in self.frames}

    def check_labels(self, labels: Iterable[str]) -> list[str]:
        """Return the labels that are not frames of this codebook."""
        known = set(self.ids)
        return sorted({label for label in labels if label not in known})

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def from_labels(cls, labels: Iterable[str], name: str = "from-corpus") -> "Codebook":
        """A codebook with bare frames, e.g. the label set of a public corpus."""
        ids = sorted(set(labels))
        return cls.from_dict({"name": name, "frames": [{"id": i} for i in ids]}, source="corpus labels")

    @classmethod
    def default(cls) -> "Codebook":
        """The shipped default codebook (threat, diplomacy, skepticism)."""
        return cls.load(resources.files("framing.data").joinpath("codebook.yaml"))

    @classmethod
    def load(cls, path: str | Path) -> "Codebook":
        """Read a codebook from a ``.yaml``/``.yml`` or ``.json`` file and validate it."""
        path_str = str(path)
        source = path if hasattr(path, "read_text") else Path(path)  # a Path or a package resource
        try:
            raw = source.read_text("utf-8")
        except FileNotFoundError:
            raise CodebookError(f"codebook file not found: {path_str}") from None
        except UnicodeDecodeError:
            raise CodebookError(f"{path_str}: codebook is not UTF-8 text") from None
        except OSError as exc:
            raise CodebookError(f"{path_str}: cannot read codebook ({exc.strerror})") from None
        if path_str.endswith(".json"):
            import json

            try:
                data = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise CodebookError(f"{path_str}:{exc.lineno}: invalid JSON ({exc.msg})") from None
        elif path_str.endswith((".yaml", ".yml")):
            import yaml

            try:
                data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f":{mark.line + 1}" if mark else ""
                raise CodebookError(f"{path_str}{where}: invalid YAML ({getattr(exc, 'problem', exc)})") from None
        else:
            raise CodebookError(f"{path_str}: unsupported codebook format; use .yaml, .yml or .json")
        return cls.from_dict(data, source=path_str)

    @classmethod
    def from_dict(cls, data: Any, source: str = "codebook") -> "Codebook":
        """Validate a codebook given as plain data (the structure of ``codebook.yaml``)."""
        if not isinstance(data, dict):
            raise CodebookError(f"{source}: a codebook is a mapping with 'name' and 'frames'")
        frames_data = data.get("frames")
        if not isinstance(frames_data, list) or not frames_data:
            raise CodebookError(f"{source}: 'frames' must be a non-empty list")
        frames = []
        seen: set[str] = set()
        for i, item in enumerate(frames_data, 1):
            where = f"{source}: frame #{i}"
            if isinstance(item, str):
                item = {"id": item}
            if not isinstance(item, dict):
                raise CodebookError(f"{where}: each frame is a mapping with at least an 'id'")
            frame_id = item.get("id")
            if not isinstance(frame_id, str) or not _ID.match(frame_id):
                raise CodebookError(
                    f"{where}: id {frame_id!r} is invalid; use a letter then letters, digits, '_' or '-'"
                )
            if frame_id in RESERVED_IDS:
                raise CodebookError(f"{where}: id {frame_id!r} is reserved (a column name); choose another")
            if frame_id in seen:
                raise CodebookError(f"{where}: duplicate frame id {frame_id!r}")
            seen.add(frame_id)
            frames.append(Frame(
                id=frame_id,
                label=_text_map(item.get("label", {}), f"{where} ({frame_id}) label"),
                description=_text_map(item.get("description", {}), f"{where} ({frame_id}) description"),
                cues=_list_map(item.get("cues", {}), f"{where} ({frame_id}) cues"),
                examples=_list_map(item.get("examples", {}), f"{where} ({frame_id}) examples"),
            ))
        name = data.get("name", "codebook")
        if not isinstance(name, str) or not name.strip():
            raise CodebookError(f"{source}: 'name' must be a non-empty string")
        return cls(
            name=name,
            frames=tuple(frames),
            version=data.get("version", 1),
            description=_text_map(data.get("description", {}), f"{source}: description"),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data, loadable again with :meth:`from_dict` (stored in model cards)."""
        return {
            "name": self.name,
            "version": self.version,
            "description": dict(self.description),
            "frames": [
                {
                    "id": f.id,
                    "label": dict(f.label),
                    "description": dict(f.description),
                    "cues": {k: list(v) for k, v in f.cues.items()},
                    "examples": {k: list(v) for k, v in f.examples.items()},
                }
                for f in self.frames
            ],
        }


def _text_map(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise CodebookError(f"{where}: expected a mapping of language code to text")
    return dict(value)


def _list_map(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise CodebookError(f"{where}: expected a mapping of language code to a list of strings")
    out: dict[str, tuple[str, ...]] = {}
    for lang, items in value.items():
        if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
            raise CodebookError(f"{where}: '{lang}' must be a list of non-empty strings")
        out[str(lang)] = tuple(x.strip() for x in items)
    return out
