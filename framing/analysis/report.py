"""Outlet comparison as tables, figures (PNG and SVG) and one self-contained HTML report.

Used by ``framing compare``; in Python, :func:`compare_report` returns the tables and, given a
folder, writes everything there.
"""

from __future__ import annotations

import base64
import html
import io
import json
import warnings
from pathlib import Path
from typing import Sequence

import pandas as pd

from framing.analysis import aggregate
from framing.errors import InputError

def compare_report(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", out: str | Path | None = None,
                   measure: str = "share", n_boot: int = 2000, n_perm: int = 2000, seed: int = 0,
                   error_rates: dict | None = None) -> dict[str, pd.DataFrame]:
    """Compute the comparison tables; with ``out``, also write figures, CSV tables and report.html."""
    missing = [f for f in frames if f not in sentences]
    if missing:
        raise InputError(f"scored sentences lack frame column(s) {', '.join(missing)}; use the model that scored them")
    if by not in sentences:
        raise InputError(f"--by {by}: no such column (have: {', '.join(map(str, sentences.columns))})")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = {"prevalence": aggregate.prevalence(sentences, frames, by, measure, n_boot=n_boot, seed=seed)}
        if error_rates and measure == "share":
            tables["prevalence_adjusted"] = aggregate.prevalence(sentences, frames, by, measure, n_boot=n_boot,
                                                                 seed=seed, error_rates=error_rates)
        tables["presence"] = aggregate.prevalence(sentences, frames, by, "presence", n_boot=n_boot, seed=seed)
        tests = aggregate.compare(sentences, frames, by, measure, n_perm=n_perm, seed=seed)
        tables["omnibus"], tables["pairwise"] = tests["omnibus"], tests["pairwise"]
        if "tone" in sentences:
            tables["tone"] = aggregate.tone_by(sentences, by)
        tables["trends"] = aggregate.trends(sentences, frames, by)
        tables["terms"] = aggregate.distinctive_terms(sentences, by)
    notes = sorted({str(w.message) for w in caught})
    if out is not None:
        _write(tables, frames, Path(out), notes, by)
    tables["notes"] = pd.DataFrame({"note": notes})
    return tables


def _write(tables: dict[str, pd.DataFrame], frames: Sequence[str], out: Path, notes: list[str], by: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.analysis import plots

    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", index=False)
    figures: list[tuple[str, str]] = []

    def save(ax, name: str, caption: str) -> None:
        fig = ax.figure
        fig.tight_layout()
        fig.savefig(out / f"{name}.png", dpi=120)
        fig.savefig(out / f"{name}.svg")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100)
        figures.append((caption, base64.b64encode(buffer.getvalue()).decode()))
        plt.close(fig)

    save(plots.prevalence_heatmap(tables["prevalence"]), "prevalence_heatmap", "Frame prevalence by " + by)
    save(plots.prevalence_pointrange(tables["prevalence"]), "prevalence_ci", "Prevalence with 95% confidence intervals")
    if "tone" in tables:
        save(plots.tone_bars(tables["tone"]), "tone", "Tone by " + by)
    if not tables["trends"].empty:
        for frame in frames:
            save(plots.trend_lines(tables["trends"], frame), f"trend_{frame}", f"Weekly prevalence of {frame}")
    for i, group in enumerate(tables["terms"]["group"].unique()):
        save(plots.distinctive_terms_chart(tables["terms"], group), f"terms_{i}", f"Distinctive wording: {group}")
    (out / "report.html").write_text(_html(tables, figures, notes, by), "utf-8")


def _html(tables: dict[str, pd.DataFrame], figures: list[tuple[str, str]], notes: list[str], by: str) -> str:
    def table(frame: pd.DataFrame) -> str:
        return frame.to_html(index=False, float_format=lambda v: f"{v:.3f}", border=0, classes="t")

    significant = tables["pairwise"][tables["pairwise"]["p_holm"] < 0.05]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>framing: outlet comparison</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
        "table.t{border-collapse:collapse;font-size:13px}table.t td,table.t th{padding:3px 8px;border-bottom:1px solid #ddd}"
        "img{max-width:100%}.note{color:#a33}</style></head><body>",
        f"<h1>Frame comparison by {html.escape(by)}</h1>",
        "<p>Unit of analysis: the article. Prevalence is the mean over articles of each article's "
        f"{html.escape(aggregate.MEASURE_WORDING[_measure(tables)])}; 95% intervals from a cluster bootstrap over articles; "
        "differences tested by permuting articles between groups (Holm-corrected pairwise p-values).</p>",
    ]
    parts += [f"<p class='note'>{html.escape(n)}</p>" for n in notes]
    for caption, data in figures:
        parts.append(f"<h3>{html.escape(caption)}</h3><img alt='{html.escape(caption)}' src='data:image/png;base64,{data}'>")
    parts += ["<h2>Prevalence</h2>", table(tables["prevalence"]),
              "<h2>Omnibus tests (any difference between groups?)</h2>", table(tables["omnibus"]),
              "<h2>Pairwise differences with Holm-adjusted p &lt; 0.05</h2>",
              table(significant) if len(significant) else "<p>None.</p>"]
    if "prevalence_adjusted" in tables:
        parts += ["<h2>Prevalence corrected for classifier error (adjusted classify-and-count)</h2>",
                  table(tables["prevalence_adjusted"])]
    if "tone" in tables:
        parts += ["<h2>Tone</h2>", table(tables["tone"])]
    parts += ["<h2>Distinctive terms</h2>", table(tables["terms"]), "</body></html>"]
    return "\n".join(parts)


def _measure(tables: dict[str, pd.DataFrame]) -> str:
    prevalence = tables["prevalence"]
    return str(prevalence["measure"].iloc[0]) if len(prevalence) and "measure" in prevalence else "share"


def summary_text(tables: dict[str, pd.DataFrame]) -> str:
    """Plain-text tables for the terminal."""
    lines = []
    prevalence = tables["prevalence"]
    pivot = prevalence.assign(cell=prevalence.apply(
        lambda r: f"{r.estimate:.0%} [{r.ci_low:.0%}, {r.ci_high:.0%}]", axis=1)).pivot(index="group", columns="frame", values="cell")
    counts = prevalence.groupby("group")["n_articles"].first()
    pivot.insert(0, "articles", counts)
    lines += [f"prevalence (per article: {aggregate.MEASURE_WORDING[_measure(tables)]}; mean over articles, 95% CI):",
              pivot.to_string(), ""]
    lines += ["omnibus permutation tests:", tables["omnibus"].to_string(index=False, float_format=lambda v: f"{v:.4f}"), ""]
    pairwise = tables["pairwise"].sort_values("p_holm")
    lines += ["pairwise differences (a - b), Holm-adjusted:",
              pairwise.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
    notes = tables.get("notes")
    if notes is not None and len(notes):
        lines += ["", *("note: " + n for n in notes["note"])]
    return "\n".join(lines)


def to_json(tables: dict[str, pd.DataFrame]) -> str:
    """The comparison tables as one JSON document."""
    return json.dumps({k: json.loads(v.to_json(orient="records", date_format="iso")) for k, v in tables.items()},
                      ensure_ascii=False, indent=2)
