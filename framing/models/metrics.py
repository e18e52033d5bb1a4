"""Multi-label evaluation reports: per-label precision/recall/F1/support, micro and macro F1,
each F1 with a 95% bootstrap interval resampled by group (article) when groups are given.

Labels with no positive example in the evaluated rows (zero support) have no F1: they are
listed, with their false positives, but left out of the macro average (``macro.excluded``).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from framing.models.bootstrap import f1_intervals

N_BOOT = 1000  # bootstrap replicates for report intervals (percentile, 95%)


def group_keys(frame, column: str | None = "article_id") -> np.ndarray | None:
    """Group key per row from ``column`` of a corpus frame, or None when the column is absent or
    empty everywhere (then every row is its own group). Rows without a key are their own group."""
    if not column or column not in getattr(frame, "columns", ()):
        return None
    values = frame[column]
    present = values.notna() & (values.astype(str).str.strip() != "")
    if not present.any():
        return None
    rows = frame["id"].astype(str) if "id" in frame.columns else frame.index.astype(str).to_series(index=frame.index)
    return np.where(present, "g:" + values.astype(str), "row:" + rows).astype(str)


def multilabel_report(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str], groups=None, *,
                      group_by: str | None = None, intervals: bool = True, n_boot: int = N_BOOT,
                      seed: int = 0) -> dict[str, Any]:
    """Report for indicator matrices ``y_true`` and ``y_pred`` (n_samples x n_labels).

    Returns ``{"labels": {label: {precision, recall, f1, support, f1_ci}}, "micro": {...},
    "macro": {...}, "n": n_samples, "intervals": {...}}``; rates also carry true/false positive
    rates, which prevalence correction (adjusted classify-and-count) uses. ``f1_ci`` is the 95%
    percentile-bootstrap interval ``[low, high]`` over ``groups`` (one key per row; rows when
    None), or None for a label without positives. The macro average is over labels with
    positives only; ``macro["excluded"]`` lists the others.
    """
    y_true = np.asarray(y_true, dtype=bool).reshape(len(y_true), -1)
    y_pred = np.asarray(y_pred, dtype=bool).reshape(len(y_pred), -1)
    labels = list(labels)
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
    supported = [l for l in labels if per_label[l]["support"] > 0]
    excluded = [l for l in labels if per_label[l]["support"] == 0]
    macro = {k: float(np.mean([per_label[l][k] for l in supported])) if supported else 0.0
             for k in ("precision", "recall", "f1")}
    macro |= {"labels": len(supported), "excluded": excluded}
    report = {
        "n": int(len(y_true)),
        "labels": per_label,
        "micro": _prf(tp_all, fp_all, fn_all),
        "macro": macro,
    }
    if intervals and len(y_true):
        groups = None if groups is None else np.asarray(groups).astype(str)
        n_groups = len(np.unique(groups)) if groups is not None else len(y_true)
        report["intervals"] = {"level": 0.95, "method": "percentile bootstrap over groups", "n_boot": n_boot,
                               "seed": seed, "group_by": group_by if groups is not None else None,
                               "groups": int(n_groups)}
        if supported:
            per = f1_intervals(y_true, y_pred, labels, groups, n_boot=n_boot, seed=seed)
            for label in supported:
                per_label[label]["f1_ci"] = [per[label].low, per[label].high]
            macro["f1_ci"] = [per["macro"].low, per["macro"].high]
            # micro F1: every (row, label) cell is one decision of the row's group
            flat_groups = np.repeat(groups if groups is not None else np.arange(len(y_true)), len(labels))
            micro = f1_intervals(y_true.reshape(-1, 1), y_pred.reshape(-1, 1), ["micro"], flat_groups,
                                 n_boot=n_boot, seed=seed)["micro"]
            report["micro"]["f1_ci"] = [micro.low, micro.high]
        else:
            macro["f1_ci"] = None
            report["micro"]["f1_ci"] = None
        for label in excluded:
            per_label[label]["f1_ci"] = None
    return report


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _ci(metrics: dict[str, Any]) -> str:
    ci = metrics.get("f1_ci")
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else ""


def format_report(report: dict[str, Any], title: str = "") -> str:
    """Plain-text table of a :func:`multilabel_report` (and its per-language parts).

    Reports made before intervals existed (older model cards) print without the interval column.
    """
    lines = []
    if title:
        lines.append(title)
    iv = report.get("intervals")
    if iv:
        unit = f"{iv['groups']} groups ({iv['group_by']})" if iv.get("group_by") else f"{iv['groups']} rows (no group key)"
        lines.append(f"F1 intervals: 95% bootstrap over {unit}, {iv['n_boot']} replicates")
    sections = [("all", report)] + [(f"lang={k}", v) for k, v in report.get("by_lang", {}).items()]
    for name, rep in sections:
        with_ci = "intervals" in rep
        head = f"  {'label':<24} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}"
        lines.append(f"[{name}] n={rep['n']}")
        lines.append(head + ("  f1 95% CI" if with_ci else ""))
        for label, m in rep["labels"].items():
            ci = f"  {_ci(m)}" if with_ci else ""
            if with_ci and m["support"] == 0:
                ci = "  (no positives: not in macro)"
            lines.append(f"  {label:<24} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>7.3f} {m['support']:>8d}{ci}")
        micro, macro = rep["micro"], rep["macro"]
        lines.append(f"  {'micro avg':<24} {micro['precision']:>9.3f} {micro['recall']:>7.3f} {micro['f1']:>7.3f}"
                     + (f" {'':>8}  {_ci(micro)}" if with_ci else ""))
        lines.append(f"  {'macro avg':<24} {macro['precision']:>9.3f} {macro['recall']:>7.3f} {macro['f1']:>7.3f}"
                     + (f" {'':>8}  {_ci(macro)}" if with_ci else ""))
        if macro.get("excluded"):
            lines.append(f"  macro avg over {macro['labels']} label(s) with positives; left out (no positives here): "
                         + ", ".join(macro["excluded"]))
    return "\n".join(lines)


def cv_report(y: np.ndarray, pred: np.ndarray, labels: Sequence[str], langs: np.ndarray, groups=None, *,
              group_by: str | None = None, intervals: bool = True, n_boot: int = N_BOOT,
              seed: int = 0) -> dict[str, Any]:
    """Multi-label report overall and per language (``by_lang``), F1 intervals resampled by
    ``groups`` (see :func:`multilabel_report`)."""
    y, pred, langs = np.asarray(y), np.asarray(pred), np.asarray(langs)
    groups = None if groups is None else np.asarray(groups)
    options = {"group_by": group_by, "intervals": intervals, "n_boot": n_boot, "seed": seed}
    report = multilabel_report(y, pred, labels, groups, **options)
    report["by_lang"] = {
        lang: multilabel_report(y[langs == lang], pred[langs == lang], labels,
                                None if groups is None else groups[langs == lang], **options)
        for lang in sorted(set(langs))
    }
    return report
