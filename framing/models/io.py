"""Save and load models with skops (never plain pickle), refusing unexpected types.

A model file is a skops archive holding ``{"format", "pipeline", "codebook", "card"}``. Loading
checks every type the file would instantiate against an allow-list of what framing models are
made of, so a tampered or foreign file is refused instead of executed.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from framing.errors import ModelError

FORMAT = "framing-model/1"
_ALLOWED_PREFIXES = (
    "framing.models.",  # TextFeatures, _GramBlock, FrameClassifier
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.",
    "sklearn.linear_model.",
    "numpy.",
    "scipy.sparse.",
    "builtins.",
    "collections.",
)


class _NoTorch(importlib.abc.MetaPathFinder):
    """skops scans every scikit-learn module at import, which would import torch if installed."""

    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            raise ImportError("torch is not needed by framing")
        return None


def _skops_io():
    if "skops.io" in sys.modules:
        return sys.modules["skops.io"]
    blocker = None if "torch" in sys.modules else _NoTorch()
    if blocker:
        sys.meta_path.insert(0, blocker)
    try:
        import skops.io
    finally:
        if blocker:
            sys.meta_path.remove(blocker)
    return skops.io


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_bundle(bundle: dict[str, Any], path: str | Path) -> None:
    """Write ``bundle`` to ``path`` atomically (a crash never leaves a half-written model)."""
    sio = _skops_io()
    path = Path(path)
    if path.suffix != ".skops":
        raise ModelError(f"{path}: model files must end in .skops")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".skops", dir=path.parent)
    os.close(fd)
    try:
        sio.dump({"format": FORMAT, **bundle}, tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_bundle(path: str | Path) -> dict[str, Any]:
    """Read a model file written by :func:`save_bundle`."""
    sio = _skops_io()
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:
        raise ModelError(f"{path}: not a framing model file ({exc.__class__.__name__})") from None
    refused = [t for t in untrusted if not t.startswith(_ALLOWED_PREFIXES)]
    if refused:
        raise ModelError(f"{path}: refusing to load unexpected types: {', '.join(refused[:5])}")
    try:
        bundle = sio.load(path, trusted=untrusted)
    except Exception as exc:
        raise ModelError(f"{path}: cannot load model ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise ModelError(f"{path}: not a framing model file (format {FORMAT} expected)")
    return bundle
