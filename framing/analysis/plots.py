"""Seaborn figures for outlet comparisons. Each function takes a tidy DataFrame from
:mod:`framing.analysis.aggregate` and returns the matplotlib Axes.

Arabic labels (outlet names, terms) are drawn with DejaVu Sans, which ships with matplotlib and
has Arabic glyphs. Matplotlib 3.11+ lays text out with libraqm (letters joined, right to left);
on older versions labels are shaped and reordered here first (arabic-reshaper + python-bidi).
Either way figures render correctly with nothing else installed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Sequence

import matplotlib

matplotlib.rcParams["font.family"] = ["DejaVu Sans"]

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

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


def prevalence_heatmap(prevalence: pd.DataFrame, ax=None, cmap: str = "rocket_r"):
    """Group x frame heatmap of prevalence estimates, annotated in percent."""
    table = _shaped(prevalence, ["group"]).pivot(index="group", columns="frame", values="estimate")
    ax = _axes(ax, (1.6 + 1.4 * table.shape[1], 1 + 0.5 * table.shape[0]))
    sns.heatmap(table, annot=True, fmt=".0%", cmap=cmap, vmin=0, vmax=max(0.01, float(table.max().max())),
                cbar_kws={"label": "prevalence"}, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(f"Frame prevalence ({prevalence['measure'].iloc[0]})")
    return ax


def prevalence_pointrange(prevalence: pd.DataFrame, ax=None):
    """Estimates with confidence intervals: one row per group, one colour per frame."""
    data = _shaped(prevalence, ["group"])
    ax = _axes(ax, (7, 1 + 0.45 * data["group"].nunique() * max(1, data["frame"].nunique() / 2)))
    frames = list(dict.fromkeys(data["frame"]))
    groups = list(dict.fromkeys(data["group"]))
    palette = sns.color_palette("colorblind", len(frames))
    step = 0.8 / max(1, len(frames))
    for k, frame in enumerate(frames):
        part = data[data["frame"] == frame].set_index("group").reindex(groups)
        y = [i + (k - (len(frames) - 1) / 2) * step for i in range(len(groups))]
        ax.errorbar(part["estimate"], y, xerr=[part["estimate"] - part["ci_low"], part["ci_high"] - part["estimate"]],
                    fmt="o", color=palette[k], label=frame, capsize=3)
    ax.set_yticks(range(len(groups)))
    ax.set_yticklabels(groups)
    ax.invert_yaxis()
    ax.set_xlabel("prevalence (95% CI, cluster bootstrap over articles)")
    ax.legend(title="frame", bbox_to_anchor=(1.02, 1), loc="upper left")
    return ax


def trend_lines(trends: pd.DataFrame, frame: str, ax=None):
    """Weekly (or other period) prevalence of one frame per group."""
    data = _shaped(trends[trends["frame"] == frame], ["group"])
    ax = _axes(ax, (8, 4))
    sns.lineplot(data=data, x="period", y="estimate", hue="group", marker="o", ax=ax)
    ax.set_ylabel(f"{frame} prevalence")
    ax.set_xlabel("")
    ax.set_title(f"{frame} over time")
    return ax


def distinctive_terms_chart(terms: pd.DataFrame, group: Any, top: int = 12, ax=None):
    """Horizontal bars of the most distinctive terms of one group (log-odds z-scores)."""
    data = terms[terms["group"] == group].nlargest(top, "z")
    data = _shaped(data, ["term"])
    ax = _axes(ax, (6, 0.8 + 0.35 * len(data)))
    sns.barplot(data=data, x="z", y="term", color=sns.color_palette("colorblind")[0], ax=ax)
    ax.set_title(display_text(f"Distinctive wording: {group}"))
    ax.set_xlabel("log-odds z-score (informative Dirichlet prior)")
    ax.set_ylabel("")
    return ax


def tone_bars(tone: pd.DataFrame, ax=None):
    """Stacked tone shares per group (from :func:`framing.analysis.aggregate.tone_by`)."""
    data = _shaped(tone, ["group"]).pivot(index="group", columns="tone", values="share").fillna(0)
    order = [t for t in TONES if t in data]
    ax = _axes(ax, (7, 1 + 0.45 * len(data)))
    data[order].plot(kind="barh", stacked=True, ax=ax, color=["#c44e52", "#bbbbbb", "#55a868"][: len(order)])
    ax.set_xlabel("share of sentences")
    ax.set_ylabel("")
    ax.legend(title="tone", loc="lower right")
    return ax
