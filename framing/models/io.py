"""Save and load models with skops (never plain pickle), refusing every type not on an allow-list.

A model file is a skops archive holding ``{"format", "pipeline", "tone", "codebook", "card"}``.
Before any object is built, loading reads the archive's schema and refuses the file unless every
type it names is in :data:`MODEL_TYPES` (exact names, no prefixes), and ``skops.io.load`` is
given exactly those named types as ``trusted`` (never ``True``), so skops refuses any other node
while it builds. A tampered or foreign file is refused with one line naming the
types, and none of its code runs.
"""

from __future__ import annotations

import importlib
import importlib.abc
import json
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any, Iterable

from framing.errors import ModelError
from framing.schema import atomic_output

FORMAT = "framing-model/1"

# Every type a framing model file contains, by the exact name skops records (module + class).
# Derived with ``skops.io.get_untrusted_types`` and the archive schema of each model framing
# writes: the shipped default, ``framing train`` with the default and one-frame codebooks, with
# and without tone labels, and ``--param`` variants (char n-grams add TfidfVectorizer,
# TfidfTransformer and numpy.float32). tests/models/test_model_io.py checks that all of them load.
MODEL_TYPES: frozenset[str] = frozenset({
    "builtins.dict",
    "builtins.list",
    "builtins.str",
    "builtins.tuple",
    "numpy.float32",
    "numpy.ndarray",
    "framing.models.features.TextFeatures",
    "framing.models.features._GramBlock",
    "framing.models.frames.FrameClassifier",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
})
MAX_SCHEMA_BYTES = 256 * 1024 * 1024  # the schema of the shipped model is ~0.3 MB
_SHOWN = 8


class _NoTorch(importlib.abc.MetaPathFinder):
    """Refuse importing torch while skops imports (camel-tools installs it; framing never needs it)."""

    def find_spec(self, name, path=None, target=None):
        if name == "torch" or name.startswith("torch."):
            raise ImportError("torch is not needed by framing")
        return None


_IMPORT_LOCK = threading.Lock()


def _our_estimators() -> list[tuple[str, type]]:
    """The scikit-learn estimator classes named in :data:`MODEL_TYPES`."""
    out = []
    for name in sorted(MODEL_TYPES):
        if name.startswith("sklearn."):
            module, _, cls = name.rpartition(".")
            out.append((cls, getattr(importlib.import_module(module), cls)))
    return out


def _skops_utils():
    """``skops.io._utils`` loaded before ``skops.io`` itself (whose import runs the slow part),
    through a placeholder parent package that is removed again at once."""
    import importlib
    import types

    import skops

    placeholder = types.ModuleType("skops.io")
    placeholder.__path__ = [str(Path(skops.__file__).parent / "io")]
    sys.modules["skops.io"] = placeholder
    try:
        return importlib.import_module("skops.io._utils")
    finally:
        del sys.modules["skops.io"]


def _fast_whichmodule(original):
    """skops names module-less objects (numpy and scipy ufuncs, listed in its default trust
    list at import) by scanning every loaded module: ~2 s in a process that has pandas and
    camel-tools loaded. Look in numpy and scipy.special first; the default trust list is not
    used by framing (loading passes exactly :data:`MODEL_TYPES`)."""
    def whichmodule(obj, name):
        module_name = getattr(obj, "__module__", None)
        if module_name is not None:
            return module_name
        for candidate in ("numpy", "scipy.special"):
            module = sys.modules.get(candidate)
            if module is not None and getattr(module, name, None) is obj:
                return candidate
        return original(obj, name)
    return whichmodule


def _skops_io():
    """Import ``skops.io`` on first use (it is only needed to load or save a model).

    At import, skops builds its default trust list from ``sklearn.utils.all_estimators()``,
    which imports every scikit-learn module (~3 s). While it imports, that function returns only
    the estimators framing models contain: skops then starts in ~0.3 s and, in this process,
    trusts by default no scikit-learn estimator outside :data:`MODEL_TYPES`.
    """
    if "skops.io" in sys.modules:
        return sys.modules["skops.io"]
    with _IMPORT_LOCK:
        if "skops.io" in sys.modules:
            return sys.modules["skops.io"]
        blocker = None if "torch" in sys.modules else _NoTorch()
        if blocker:
            sys.meta_path.insert(0, blocker)
        import sklearn.utils

        targets = [sklearn.utils]
        try:
            import sklearn.utils.discovery as discovery

            targets.append(discovery)
        except ImportError:  # older scikit-learn
            pass
        saved = [(t, t.__dict__.get("all_estimators")) for t in targets]
        estimators = _our_estimators()
        for target, _ in saved:
            target.all_estimators = lambda *args, **kwargs: list(estimators)
        utils = _skops_utils()
        original_whichmodule = utils.whichmodule
        utils.whichmodule = _fast_whichmodule(original_whichmodule)
        try:
            import skops.io
        finally:
            utils.whichmodule = original_whichmodule
            for target, original in saved:
                if original is None:
                    del target.all_estimators
                else:
                    target.all_estimators = original
            if blocker:
                sys.meta_path.remove(blocker)
    return skops.io


def model_path(path: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """``path`` as a model file to write: it must end in ``.skops`` and not be one of ``inputs``
    (e.g. the training corpora); :class:`ModelError` otherwise."""
    path = Path(path)
    if path.suffix != ".skops":
        raise ModelError(f"{path}: model files must end in .skops")
    if any(Path(p).resolve() == path.resolve() for p in inputs):
        raise ModelError(f"{path} is one of the input corpora; refusing to overwrite it")
    return path


def save_bundle(bundle: dict[str, Any], path: str | Path) -> None:
    """Write ``bundle`` to ``path`` atomically (a crash never leaves a half-written model)."""
    sio = _skops_io()
    path = model_path(path)
    data = sio.dumps({"format": FORMAT, **bundle})
    with atomic_output(path, binary=True) as handle:
        handle.write(data)


def _schema_types(path: Path) -> set[str]:
    """Every ``module.class`` named in the archive's schema, read without building anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("schema.json")
            if info.file_size > MAX_SCHEMA_BYTES:
                raise ModelError(f"{path}: model schema is {info.file_size:,} bytes; the limit is {MAX_SCHEMA_BYTES:,}")
            schema = json.loads(archive.read(info))
    except ModelError:
        raise
    except (zipfile.BadZipFile, KeyError):
        raise ModelError(f"{path}: not a framing model file (not a skops archive)") from None
    except (OSError, ValueError, RecursionError, MemoryError, NotImplementedError) as exc:
        raise ModelError(f"{path}: not a framing model file ({exc.__class__.__name__})") from None
    found: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "__class__" in node or "__module__" in node:
                found.add(f"{node.get('__module__')}.{node.get('__class__')}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _refuse(path: Path, names: Iterable[str]) -> ModelError:
    names = sorted(names)
    shown = ", ".join(n if n.isprintable() and len(n) <= 120 else ascii(n)[:120] for n in names[:_SHOWN])
    more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    return ModelError(f"{path}: refusing to load unexpected types: {shown}{more} "
                      "(a framing model file contains only the types on framing's allow-list)")


def load_bundle(path: str | Path) -> dict[str, Any]:
    """Read a model file written by :func:`save_bundle`, refusing any type not in :data:`MODEL_TYPES`."""
    path = Path(path)
    if not path.is_file():
        if path.is_dir():
            raise ModelError(f"{path}: is a directory, not a model file")
        if path.exists():
            raise ModelError(f"{path}: not a regular file (a pipe or a device); give a model file (.skops)")
        raise ModelError(f"model file not found: {path}")
    named = _schema_types(path)
    refused = named - MODEL_TYPES
    if refused:
        raise _refuse(path, refused)
    sio = _skops_io()
    try:
        # ``trusted`` is exactly the allowed types the schema names; skops still refuses, while
        # building, any node whose type is not trusted. (skops' separate audit,
        # ``get_untrusted_types``, would build the whole tree a second time: ~0.2 s of start-up.)
        bundle = sio.load(path, trusted=sorted(named))
    except sio.exceptions.UntrustedTypesFoundException as exc:
        found = str(exc).split("]", 1)[0].split("[", 1)[-1]
        raise _refuse(path, [found or "types outside the allow-list"]) from None
    except Exception as exc:
        raise ModelError(f"{path}: cannot load model ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise ModelError(f"{path}: not a framing model file (format {FORMAT} expected)")
    return bundle
