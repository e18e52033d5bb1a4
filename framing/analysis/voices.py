"""Who voices each frame in each group: of a group's sentences with a frame, the share each
source type carries ("does this outlet let officials or analysts carry the skepticism?").

The source type is the sentence's ``source_type`` column (official, expert, media, anonymous,
citizen, other; :mod:`framing.annotate.source_types`); sentences without a speaker are
``unattributed``. Shares pool the group's sentences; intervals come from a cluster bootstrap
over its articles, as for prevalence.
"""

from __future__ import annotations

import warnings
from typing import Sequence

import numpy as np
import pandas as pd

from framing.analysis.aggregate import SMALL_GROUP, _require
from framing.errors import InputError
from framing.schema import LANGUAGES, SOURCE_TYPES

UNATTRIBUTED = "unattributed"
VOICE_MEASURES = ("label", "probability")
COLUMNS = ["group", "frame", "source_type", "share", "ci_low", "ci_high", "frame_sentences", "n_articles", "small"]


def voices(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", measure: str = "label",
           n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0) -> pd.DataFrame:
    """Per group and frame, the share of the frame's sentences voiced by each source type.

    ``measure="label"`` counts the sentences labeled with the frame; ``"probability"`` counts each
    sentence with its frame probability (an expected count, free of the threshold). Returns
    columns ``group, frame, source_type, share, ci_low, ci_high, frame_sentences, n_articles,
    small``; ``frame_sentences`` is the (expected) number of the group's sentences with the
    frame, and a group without any has NaN shares. Source types in the order of
    :data:`SOURCE_TYPES`, then ``unattributed``.
    """
    if measure not in VOICE_MEASURES:
        raise InputError(f"measure {measure!r} is not one of {', '.join(VOICE_MEASURES)}")
    if by == "source_type":
        raise InputError("voices compares source types within groups: group by another column (e.g. outlet)")
    _require(sentences, ["article_id", "source_type", by, *(("labels",) if measure == "label" else frames)])
    data = sentences[sentences["lang"].isin(LANGUAGES)] if "lang" in sentences else sentences
    missing = data[by].isna()
    if missing.any():
        warnings.warn(f"{int(data.loc[missing, 'article_id'].nunique())} article(s) without {by} are left out", stacklevel=2)
        data = data[~missing]
    kinds = data["source_type"].where(data["source_type"].notna(), UNATTRIBUTED).astype(str)
    order = [*SOURCE_TYPES, UNATTRIBUTED]
    order += sorted(set(kinds) - set(order))
    weights = pd.DataFrame({frame: (data["labels"].map(lambda ls, f=frame: float(f in ls)) if measure == "label"
                                    else data[frame].astype(float)) for frame in frames}, index=data.index)
    weights = weights.assign(_group=data[by].to_numpy(), _article=data["article_id"].to_numpy(), _kind=kinds.to_numpy())
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    out = []
    for group, part in weights.groupby("_group", sort=True):
        per_article = part.groupby(["_article", "_kind"], sort=False)[list(frames)].sum()
        articles = per_article.index.get_level_values(0).unique()
        n = len(articles)
        if n < SMALL_GROUP:
            warnings.warn(f"{by} {group!r} has only {n} article(s): its confidence intervals are wide", stacklevel=2)
        draws = rng.integers(0, n, size=(n_boot, n))
        for frame in frames:
            # articles x source types: the frame's (expected) sentences each type voices
            table = per_article[frame].unstack(fill_value=0.0).reindex(index=articles, columns=order, fill_value=0.0)
            counts = table.to_numpy(dtype=float)
            total = counts.sum()
            boot = counts[draws].sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                boot_shares = boot / boot.sum(axis=1, keepdims=True)
                shares = counts.sum(axis=0) / total
            for k, kind in enumerate(order):
                valid = boot_shares[:, k][~np.isnan(boot_shares[:, k])]
                low, high = (np.quantile(valid, [alpha, 1 - alpha]) if len(valid) else (np.nan, np.nan))
                out.append({"group": group, "frame": frame, "source_type": kind, "share": float(shares[k]),
                            "ci_low": float(low), "ci_high": float(high), "frame_sentences": float(total),
                            "n_articles": n, "small": n < SMALL_GROUP})
    table = pd.DataFrame(out, columns=COLUMNS)
    table.attrs["measure"] = measure
    return table
