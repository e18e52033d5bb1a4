"""The model card: what a model was trained on, how well it did, and with which versions.

:func:`build_card` assembles it at training time; :meth:`FrameModel.save` writes it beside the
model file (``MODEL.card.json``) with :func:`write_card`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import platform
from pathlib import Path
from typing import Any, Sequence

from framing.schema import LANGUAGES, atomic_output

ARCHITECTURE = ("TextFeatures (word and stem TF-IDF) -> FrameClassifier "
                "(one-vs-rest logistic regression, Platt calibration, CV thresholds)")


def card_path(model_path: str | Path) -> Path:
    """Where the card of ``model_path`` lives: ``MODEL.card.json``."""
    return Path(model_path).with_suffix(".card.json")


def write_card(card: dict[str, Any], model_path: str | Path) -> Path:
    """Write ``card`` as JSON beside ``model_path`` (atomically); returns its path."""
    path = card_path(model_path)
    with atomic_output(path) as handle:
        json.dump(card, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return path


def corpus_fingerprint(texts: Sequence[str], labels: Sequence[Sequence[str]], langs: Sequence[str]) -> str:
    """SHA-256 over text, labels and language of every row (order-independent)."""
    digest = hashlib.sha256()
    for line in sorted(json.dumps([t, sorted(l), g], ensure_ascii=False) for t, l, g in zip(texts, labels, langs)):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def build_card(*, codebook, corpus, sources: Sequence[str], counts, params: dict[str, Any],
               thresholds: dict[str, float], cv_metrics: dict[str, Any], tone: dict[str, Any] | None,
               thresholds_by_lang: dict[str, dict[str, float]] | None = None) -> dict[str, Any]:
    """The card of a freshly trained model (plain JSON data). ``thresholds`` are the shared
    thresholds; ``thresholds_by_lang`` (``{lang: {frame: threshold}}``) those that assign frames
    to each language's texts."""
    from framing import __version__

    return {
        "framing_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "codebook": {"name": codebook.name, "version": codebook.version, "frames": codebook.ids},
        "training_data": {
            "files": list(sources),
            "sha256": corpus_fingerprint(corpus["text"], corpus["labels"], corpus["lang"]),
            "rows": int(len(corpus)),
            "rows_by_lang": {k: int(v) for k, v in corpus["lang"].value_counts().sort_index().items()},
            "positives": {f: int(c) for f, c in zip(codebook.ids, counts)},
            # where rows came from and under which licence (e.g. "semeval3 (research use)")
            "row_sources": ({str(k): int(v) for k, v in corpus["source"].fillna("corpus files").value_counts().items()}
                            if "source" in corpus.columns else {"corpus files": int(len(corpus))}),
        },
        "architecture": ARCHITECTURE,
        "params": {k: _plain(v) for k, v in params.items() if "__" in k and not k.endswith("__cues")},
        "thresholds": thresholds,
        **({"thresholds_by_lang": thresholds_by_lang} if thresholds_by_lang is not None else {}),
        "cv_metrics": cv_metrics,
        "tone": tone,
        "environment": {"python": platform.python_version(), **_versions()},
    }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


def _versions() -> dict[str, str]:
    import numpy
    import pandas
    import scipy
    import sklearn

    return {"numpy": numpy.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
            "pandas": pandas.__version__}


def training_text(model) -> str:
    """What ``framing train`` prints: the cross-validated reports and thresholds of a new model."""
    from framing.models.metrics import format_report

    card = model.card
    design = card["cv_metrics"].get("design", {})
    folds = design.get("folds", model.pipeline.named_steps["frames"].cv)
    grouped = f", grouped by {design['grouped_by']} ({design['groups']} groups)" if design.get("grouped_by") else ", rows as groups"
    tuned = f"; calibrated, tuned and reported on {design['tuned_on']} ({design['rows']} rows)" if design.get("tuned_on") else ""
    lines = [format_report(card["cv_metrics"], f"cross-validated ({folds}-fold{grouped}, out-of-fold{tuned}):"),
             *threshold_lines(model)]
    tone = card.get("tone") or {}
    if "cv_metrics" in tone:
        extra = f" + {tone['extra_rows']} rows from {', '.join(tone['extra_sources'])}" if tone.get("extra_rows") else ""
        lines.append(format_report(tone["cv_metrics"], f"tone, cross-validated on {tone['rows']} corpus rows (trained with them{extra}):"))
    return "\n".join(lines)


def threshold_lines(model) -> list[str]:
    """``thresholds: ...`` (shared), then, when a language's differ, one ``  LANG: ...`` line per language."""
    def fmt(values: dict[str, float]) -> str:
        return ", ".join(f"{k}={v:.3f}" for k, v in values.items())

    shared = model.thresholds
    lines = ["thresholds: " + fmt(shared)]
    by_lang = getattr(model, "thresholds_by_lang", {}) or {}
    if any(values != shared for values in by_lang.values()):
        lines[0] += " (shared; each language's below)"
        lines += [f"  {lang}: " + fmt(values) for lang, values in by_lang.items()]
    return lines


def card_text(model) -> str:
    """What ``framing info`` prints: codebook, thresholds, training data and metrics."""
    from framing.models.metrics import format_report

    card = model.card
    lines = [f"codebook: {model.codebook.name} (frames: {', '.join(model.frames)})", *threshold_lines(model)]
    if card:
        data = card.get("training_data", {})
        lines += [f"framing {card.get('framing_version')} · trained {card.get('created')} on {data.get('rows')} rows "
                  f"{data.get('rows_by_lang')} · data sha256 {str(data.get('sha256'))[:16]}…",
                  f"files: {', '.join(data.get('files', []))}"]
        if "cv_metrics" in card:
            lines.append(format_report(card["cv_metrics"], "cross-validated metrics:"))
        tone = card.get("tone") or {}
        if "cv_metrics" in tone:
            lines.append(format_report(tone["cv_metrics"], f"tone, cross-validated on {tone.get('rows')} corpus rows:"))
    return "\n".join(lines)


def model_languages(card: dict[str, Any] | None) -> frozenset[str] | None:
    """Languages a model was trained on, from its card (``training_data.rows_by_lang``, or a
    ``languages`` list); None when the card does not say."""
    card = card or {}
    if isinstance(card.get("languages"), list):
        return frozenset(card["languages"])
    rows = (card.get("training_data") or {}).get("rows_by_lang")
    if isinstance(rows, dict):
        return frozenset(lang for lang, n in rows.items() if n and lang in LANGUAGES)
    return None
