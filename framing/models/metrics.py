"""Multi-label evaluation reports: per-label precision/recall/F1/support, micro and macro F1."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def multilabel_report(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str]) -> dict[str, Any]:
    """Report for indicator matrices ``y_true`` and ``y_pred`` (n_samples x n_labels).

    Returns ``{"labels": {label: {precision, recall, f1, support}}, "micro": {...},
    "macro": {...}, "n": n_samples}``; rates also carry true/false positive rates, which
    prevalence correction (adjusted classify-and-count) uses.
    """
    y_true = np.asarray(y_true, dtype=bool)
    y_pred = np.asarray(y_pred, dtype=bool)
    per_label = {}
    tp_all = fp_all = fn_all = 0
    for j, label in enumerate(labels):
        t, p = y_true[:, j], y_pred[:, j]
        tp, fp, fn = int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum())
        tn = int((~t & ~p).sum())
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        per_label[label] = _prf(tp, fp, fn) | {
            "support": int(t.sum()),
            "tpr": tp / (tp + fn) if tp + fn else 0.0,
            "fpr": fp / (fp + tn) if fp + tn else 0.0,
        }
    macro = {k: float(np.mean([v[k] for v in per_label.values()])) for k in ("precision", "recall", "f1")}
    return {
        "n": int(len(y_true)),
        "labels": per_label,
        "micro": _prf(tp_all, fp_all, fn_all),
        "macro": macro,
    }


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def format_report(report: dict[str, Any], title: str = "") -> str:
    """Plain-text table of a :func:`multilabel_report` (and its per-language parts)."""
    lines = []
    if title:
        lines.append(title)
    sections = [("all", report)] + [(f"lang={k}", v) for k, v in report.get("by_lang", {}).items()]
    for name, rep in sections:
        lines.append(f"[{name}] n={rep['n']}")
        lines.append(f"  {'label':<24} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}")
        for label, m in rep["labels"].items():
            lines.append(f"  {label:<24} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>7.3f} {m['support']:>8d}")
        lines.append(f"  {'micro avg':<24} {rep['micro']['precision']:>9.3f} {rep['micro']['recall']:>7.3f} {rep['micro']['f1']:>7.3f}")
        lines.append(f"  {'macro avg':<24} {rep['macro']['precision']:>9.3f} {rep['macro']['recall']:>7.3f} {rep['macro']['f1']:>7.3f}")
    return "\n".join(lines)


def cv_report(y: np.ndarray, pred: np.ndarray, labels: Sequence[str], langs: np.ndarray) -> dict[str, Any]:
    """Multi-label report overall and per language (``by_lang``)."""
    report = multilabel_report(y, pred, labels)
    report["by_lang"] = {
        lang: multilabel_report(y[langs == lang], pred[langs == lang], labels)
        for lang in sorted(set(langs))
    }
    return report
