"""Seaborn figures for outlet comparisons. Each function takes a tidy DataFrame from
:mod:`framing.analysis.aggregate` and returns the matplotlib Axes.

Arabic labels (outlet names, terms) are drawn with DejaVu Sans, which ships with matplotlib and
has Arabic glyphs. Matplotlib 3.11+ lays text out with libraqm (letters joined, right to left);
on older versions labels are shaped and reordered here first (arabic-reshaper + python-bidi).
Either way figures render correctly with nothing else installed.

Every figure is drawn for print at its default size: fonts of at least 10 pt, legends outside
the data, percent on every prevalence axis, 95% intervals wherever an estimate is shown, and
frames in the order given (the codebook's order when the tables come from the aggregate
functions). ``save_figure`` writes PNG at 200 dpi and SVG.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import matplotlib

matplotlib.rcParams["font.family"] = ["DejaVu Sans"]
matplotlib.rcParams.update({"font.size": 11, "axes.titlesize": 13, "axes.labelsize": 11, "xtick.labelsize": 10,
                            "ytick.labelsize": 10, "legend.fontsize": 10, "legend.title_fontsize": 10,
                            "svg.fonttype": "path"})

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402

from framing.schema import TONES  # noqa: E402

_ARABIC = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=1)
def native_shaping() -> bool:
    """True when matplotlib shapes complex scripts itself (libraqm text layout)."""
    from matplotlib.ft2font import FT2Font

    return hasattr(FT2Font, "_layout")


def display_text(text: Any) -> str:
    """Text ready for matplotlib: Arabic letters joined and laid out right to left."""
    text = "" if text is None else str(text)
    if not _ARABIC.search(text) or native_shaping():
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


DPI = 200  # PNG resolution of saved figures
PERCENT = PercentFormatter(1.0, decimals=0)
TONE_COLOURS = {"negative": "#c44e52", "neutral": "#8c8c8c", "positive": "#55a868"}


def save_figure(figure, path: str | Path) -> list[Path]:
    """Write ``figure`` as ``path`` + ``.png`` (200 dpi) and ``.svg``; returns both paths."""
    path = Path(path)
    figure.tight_layout()
    written = []
    for suffix, options in ((".png", {"dpi": DPI}), (".svg", {})):
        target = path.with_suffix(suffix)
        figure.savefig(target, bbox_inches="tight", **options)
        written.append(target)
    return written


def slug(name: Any) -> str:
    """A file-name-safe slug of a group name (Arabic letters are kept): ``The Ledger`` -> ``the-ledger``."""
    text = re.sub(r"[^\w]+", "-", str(name).strip().lower(), flags=re.UNICODE).strip("-_")
    return text or "group"


def _axes(ax, size=(7, 4)):
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _shaped(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = frame[column].map(display_text)
    return frame


def _order(values) -> list:
    """Distinct values in order of first appearance (keeps the codebook's frame order)."""
    return list(dict.fromkeys(values))


def _measure_words(table: pd.DataFrame) -> str:
    measure = str(table["measure"].iloc[0]) if "measure" in table and len(table) else str(table.attrs.get("measure", "share"))
    return {"share": "share of sentences", "share_adjusted": "share of sentences, corrected for classifier error",
            "presence": "share of articles", "probability": "expected share of sentences"}.get(measure, measure)


def _legend_outside(ax, title: str) -> None:
    ax.legend(title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def prevalence_heatmap(prevalence: pd.DataFrame, ax=None, cmap: str = "rocket_r", wide: float = 0.25):
    """Group x frame heatmap of prevalence in percent, frames in the given (codebook) order.

    Each cell shows the estimate and its 95% interval; cells whose interval is wider than
    ``wide`` (25 points by default) are marked with a dagger, explained under the figure.
    """
    data = _shaped(prevalence, ["group"])
    frames, groups = _order(data["frame"]), _order(data["group"])
    table = data.pivot(index="group", columns="frame", values="estimate").reindex(index=groups, columns=frames)
    has_ci = {"ci_low", "ci_high"} <= set(data.columns)
    labels = table.map(lambda v: f"{v:.0%}")
    flagged = 0
    if has_ci:
        low = data.pivot(index="group", columns="frame", values="ci_low").reindex(index=groups, columns=frames)
        high = data.pivot(index="group", columns="frame", values="ci_high").reindex(index=groups, columns=frames)
        labels = table.copy().astype(object)
        for g in groups:
            for f in frames:
                mark = "†" if high.loc[g, f] - low.loc[g, f] > wide else ""
                flagged += bool(mark)
                labels.loc[g, f] = f"{table.loc[g, f]:.0%}{mark}\n[{low.loc[g, f]:.0%}, {high.loc[g, f]:.0%}]"
    ax = _axes(ax, (2.4 + 1.7 * table.shape[1], 1.4 + 0.62 * table.shape[0]))
    vmax = max(0.01, float(table.max().max()))
    sns.heatmap(table, annot=labels.to_numpy(), fmt="", cmap=cmap, vmin=0, vmax=vmax, linewidths=0.5,
                annot_kws={"fontsize": 10}, cbar_kws={"label": _measure_words(prevalence), "format": PERCENT}, ax=ax)
    ax.set_xlabel("frame")
    ax.set_ylabel("")
    ax.tick_params(axis="y", rotation=0)
    ax.set_title(f"Frame prevalence per article ({_measure_words(prevalence)})")
    if has_ci:
        note = "cells: estimate [95% CI, cluster bootstrap over articles]"
        if flagged:
            note += f"; † interval wider than {wide * 100:.0f} points"
        ax.figure.text(0.01, 0.005, note, fontsize=9, color="#444444", ha="left", va="bottom")
        ax.figure.subplots_adjust(bottom=0.2)
    return ax


def _xerr(part: pd.DataFrame, column: str) -> list:
    """Error bar lengths around ``column``: never negative (a bootstrap interval can sit a hair
    off its estimate), none where a group has no interval (one article)."""
    return [(part[column] - part["ci_low"]).clip(lower=0).fillna(0),
            (part["ci_high"] - part[column]).clip(lower=0).fillna(0)]


def prevalence_pointrange(prevalence: pd.DataFrame, ax=None):
    """Estimates with 95% confidence intervals: one row per group, one colour per frame (legend
    outside the plot)."""
    data = _shaped(prevalence, ["group"])
    frames, groups = _order(data["frame"]), _order(data["group"])
    ax = _axes(ax, (8, 1.2 + 0.5 * len(groups) * max(1, len(frames) / 2)))
    palette = sns.color_palette("colorblind", len(frames))
    step = 0.8 / max(1, len(frames))
    for k, frame in enumerate(frames):
        part = data[data["frame"] == frame].set_index("group").reindex(groups)
        y = [i + (k - (len(frames) - 1) / 2) * step for i in range(len(groups))]
        ax.errorbar(part["estimate"], y, xerr=_xerr(part, "estimate"),
                    fmt="o", color=palette[k], label=frame, capsize=3)
    ax.set_yticks(range(len(groups)))
    ax.set_yticklabels(groups)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PERCENT)
    ax.set_xlim(left=0)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel(f"{_measure_words(prevalence)} per article (95% CI, cluster bootstrap over articles)")
    ax.set_title("Frame prevalence with 95% confidence intervals")
    _legend_outside(ax, "frame")
    return ax


def trend_lines(trends: pd.DataFrame, frame: str, ax=None):
    """Prevalence of one frame over time, one panel per group (small multiples, shared axes):
    the estimate per period with its 95% interval as a band; thin bins (``thin``) as hollow
    markers. Returns the array of Axes (``ax`` is accepted for a single group only)."""
    data = _shaped(trends[trends["frame"] == frame], ["group"])
    groups = _order(data["group"])
    if not groups:
        raise ValueError(f"no trend rows for frame {frame!r}")
    words = {"W": "week", "M": "month", "Q": "quarter", "Y": "year"}.get(str(trends.attrs.get("freq", "")), "period")
    if ax is not None and len(groups) == 1:
        axes = np.array([ax])
        figure = ax.figure
    else:
        cols = min(3, len(groups))
        rows = -(-len(groups) // cols)
        figure, axes = plt.subplots(rows, cols, figsize=(3.6 * cols + 0.6, 2.7 * rows + 0.9), sharex=True, sharey=True,
                                    squeeze=False)
        axes = axes.ravel()
    colour = sns.color_palette("colorblind")[0]
    for axis, group in zip(axes, groups):
        part = data[data["group"] == group].sort_values("period")
        if {"ci_low", "ci_high"} <= set(part.columns):
            axis.fill_between(part["period"], part["ci_low"], part["ci_high"], color=colour, alpha=0.2, linewidth=0,
                              label="95% CI")
        axis.plot(part["period"], part["estimate"], color=colour, linewidth=1.5)
        thin = part["thin"].to_numpy(dtype=bool) if "thin" in part else np.zeros(len(part), dtype=bool)
        axis.scatter(part["period"][~thin], part["estimate"][~thin], color=colour, s=22, zorder=3)
        axis.scatter(part["period"][thin], part["estimate"][thin], facecolors="white", edgecolors=colour, s=22, zorder=3)
        axis.set_title(group, fontsize=11)
        axis.yaxis.set_major_formatter(PERCENT)
        axis.set_ylim(0, 1)
        axis.grid(axis="y", color="#e5e5e5")
        axis.tick_params(axis="x", rotation=30, labelsize=9)
    freq = str(trends.attrs.get("freq", ""))
    periods = sorted(data["period"].unique())
    if 0 < len(periods) <= 12:
        for axis in axes[: len(groups)]:
            axis.set_xticks(periods)
            axis.set_xticklabels([_period_label(p, freq) for p in periods])
    for axis in axes[len(groups):]:
        axis.set_visible(False)
    for axis in axes[: len(groups)]:
        axis.set_xlabel("")
        axis.set_ylabel("")
    figure.supylabel(f"{frame} prevalence ({_measure_words(trends)})", fontsize=11)
    figure.suptitle(f"{frame} per {words} (band: 95% CI; hollow: fewer than {_min_articles(trends)} articles)", fontsize=12)
    return axes


def _period_label(start, freq: str) -> str:
    start = pd.Timestamp(start)
    if freq == "Q":
        return f"{start.year} Q{start.quarter}"
    if freq == "M":
        return start.strftime("%b %Y")
    if freq == "Y":
        return str(start.year)
    return start.strftime("%Y-%m-%d")


def _min_articles(trends: pd.DataFrame) -> int:
    return int(trends.attrs.get("min_articles", 5))


def distinctive_terms_chart(terms: pd.DataFrame, group: Any, top: int = 12, ax=None):
    """Horizontal bars of the most distinctive terms of one group (log-odds z-scores), with a
    caption saying what the bars mean."""
    data = terms[terms["group"] == group].nlargest(top, "z")
    data = _shaped(data, ["term"])
    ax = _axes(ax, (6.5, 1.6 + 0.36 * len(data)))
    sns.barplot(data=data, x="z", y="term", color=sns.color_palette("colorblind")[0], ax=ax)
    ax.axvline(1.96, color="#999999", linestyle="--", linewidth=1)
    ax.set_title(display_text(f"Distinctive wording: {group}"))
    ax.set_xlabel("log-odds z-score vs all other groups (dashed: 1.96)")
    ax.set_ylabel("")
    ax.figure.text(0.01, 0.005, "Monroe et al. (2008) log-odds with an informative Dirichlet prior; "
                   "function words and the outlet's own name left out", fontsize=8, color="#444444")
    ax.figure.subplots_adjust(bottom=0.18)
    return ax


def tone_bars(tone: pd.DataFrame, ax=None):
    """Tone per group. From :func:`~framing.analysis.aggregate.tone_prevalence` (article-level
    estimates with 95% intervals): grouped bars with error bars; from
    :func:`~framing.analysis.aggregate.tone_by` (sentence shares): stacked bars. The legend
    sits outside the bars."""
    if "estimate" not in tone:
        data = _shaped(tone, ["group"]).pivot(index="group", columns="tone", values="share").fillna(0)
        order = [t for t in TONES if t in data]
        ax = _axes(ax, (8, 1.2 + 0.5 * len(data)))
        data[order].plot(kind="barh", stacked=True, ax=ax, color=[TONE_COLOURS[t] for t in order])
        ax.xaxis.set_major_formatter(PERCENT)
        ax.set_xlabel("share of sentences")
        ax.set_ylabel("")
        ax.set_title("Tone of sentences")
        _legend_outside(ax, "tone")
        return ax
    data = _shaped(tone, ["group"])
    groups = _order(data["group"])
    tones = [t for t in TONES if t in set(data["tone"])]
    ax = _axes(ax, (8, 1.2 + 0.22 * len(groups) * len(tones)))
    height = 0.8 / max(1, len(tones))
    for k, t in enumerate(tones):
        part = data[data["tone"] == t].set_index("group").reindex(groups)
        y = np.arange(len(groups)) + (k - (len(tones) - 1) / 2) * height
        ax.barh(y, part["estimate"], height=height * 0.95, color=TONE_COLOURS.get(t), label=t,
                xerr=_xerr(part, "estimate"),
                error_kw={"ecolor": "#333333", "capsize": 2, "elinewidth": 1})
    ax.set_yticks(range(len(groups)))
    ax.set_yticklabels(groups)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PERCENT)
    ax.set_xlim(0, min(1.0, float(data["ci_high"].fillna(data["estimate"]).max()) * 1.08 + 0.02))
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel("share of sentences per article (mean over articles, 95% CI, cluster bootstrap)")
    ax.set_ylabel("")
    ax.set_title("Tone per article")
    _legend_outside(ax, "tone")
    return ax


def voices_pointrange(voices: pd.DataFrame, frame: str, ax=None):
    """Who voices ``frame`` in each group, from :func:`~framing.analysis.voices.voices`: one row per
    source type, one colour per group, the share of the group's sentences with the frame that
    the source type carries, with 95% intervals. Source types no group uses are left out."""
    data = _shaped(voices[voices["frame"] == frame], ["group"])
    if data.empty:
        raise ValueError(f"no rows for frame {frame!r}; frames in the table: {', '.join(_order(voices['frame']))}")
    used = data.groupby("source_type", sort=False)["share"].max()
    kinds = [k for k in _order(data["source_type"]) if used.get(k, 0) > 0] or _order(data["source_type"])
    groups = _order(data["group"])
    ax = _axes(ax, (8, 1.2 + 0.3 * len(kinds) * max(1, len(groups) / 2)))
    palette = sns.color_palette("colorblind", len(groups))
    step = 0.8 / max(1, len(groups))
    for k, group in enumerate(groups):
        part = data[data["group"] == group].set_index("source_type").reindex(kinds)
        n = part["frame_sentences"].iloc[0]
        y = [i + (k - (len(groups) - 1) / 2) * step for i in range(len(kinds))]
        ax.errorbar(part["share"], y, xerr=_xerr(part, "share"),
                    fmt="o", color=palette[k], capsize=3, label=f"\u200e{group} (n={n:.0f})")  # LRM: the count stays after an Arabic name
    ax.set_yticks(range(len(kinds)))
    ax.set_yticklabels(kinds)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PERCENT)
    ax.set_xlim(0, 1)
    ax.grid(axis="x", color="#e5e5e5")
    ax.set_xlabel(f"share of the sentences with {frame} (95% CI, cluster bootstrap over articles)")
    ax.set_title(f"Who voices {frame}")
    _legend_outside(ax, "group (sentences with the frame)")
    return ax
