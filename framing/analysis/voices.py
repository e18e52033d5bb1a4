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

from framing.analysis.aggregate import SMALL_GROUP, _require, bootstrap_sums
from framing.analysis.aggregate import holm as aggregate_holm
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
    counts, codes, kinds, groups = _article_counts(sentences, frames, by, measure)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    out = []
    for code, group in enumerate(groups):
        rows = np.flatnonzero(codes == code)
        n = len(rows)
        if n < SMALL_GROUP:
            warnings.warn(f"{by} {group!r} has only {n} article(s): its confidence intervals are wide", stacklevel=2)
        # one resample of the group's articles serves every frame: articles x (frames x source types)
        stacked = np.concatenate([counts[frame][rows] for frame in frames], axis=1)
        boots = bootstrap_sums(stacked, n_boot, rng).reshape(n_boot, len(frames), len(kinds))
        for f, frame in enumerate(frames):
            table = counts[frame][rows]  # the frame's (expected) sentences each source type voices, per article
            total = table.sum()
            boot = boots[:, f, :]
            with np.errstate(invalid="ignore", divide="ignore"):
                boot_shares = boot / boot.sum(axis=1, keepdims=True)
                shares = table.sum(axis=0) / total
            for k, kind in enumerate(kinds):
                valid = boot_shares[:, k][~np.isnan(boot_shares[:, k])]
                low, high = (np.quantile(valid, [alpha, 1 - alpha]) if len(valid) else (np.nan, np.nan))
                out.append({"group": group, "frame": frame, "source_type": kind, "share": float(shares[k]),
                            "ci_low": float(low), "ci_high": float(high), "frame_sentences": float(total),
                            "n_articles": n, "small": n < SMALL_GROUP})
    table = pd.DataFrame(out, columns=COLUMNS)
    table.attrs["measure"] = measure
    return table


TEST_COLUMNS = ["frame", "source_type", "statistic", "p_value", "p_holm", "groups", "n_articles"]


def voices_test(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", measure: str = "label",
                n_perm: int = 2000, seed: int | None = 0) -> pd.DataFrame:
    """Do the groups differ in who voices each frame? Permutation tests with articles as the unit.

    Per frame and source type, the statistic is the between-group sum of squares of the type's
    share, each group weighted by its (expected) number of sentences with the frame; the null
    shuffles whole articles between groups. The row ``source_type="all"`` sums the statistic over
    the types (does the mix differ at all?). ``p_holm`` adjusts the p-values of the types that
    voice any of the frame's sentences within a frame (Holm); the others get 1, the ``all`` row
    keeps its own. Columns ``frame, source_type, statistic, p_value,
    p_holm, groups, n_articles``.
    """
    counts, codes, kinds, groups = _article_counts(sentences, frames, by, measure)
    if len(groups) < 2:
        raise InputError(f"need at least two {by} groups to compare, found {len(groups)}")
    rows = []
    for frame in frames:
        table = counts[frame]
        observed = _between(table, codes, len(groups))
        rng = np.random.default_rng(seed)  # the same shuffles for every frame, drawn one at a time (memory stays flat)
        null = np.array([_between(table, codes[rng.permutation(len(codes))], len(groups)) for _ in range(n_perm)])
        p_values = (1 + (null >= observed - 1e-12).sum(axis=0)) / (n_perm + 1)
        used = np.flatnonzero(table.sum(axis=0) > 0)  # a type no sentence has is not tested (p 1, outside Holm)
        adjusted = np.ones(len(kinds) + 1)
        adjusted[used] = aggregate_holm(list(p_values[used]))
        adjusted[-1] = p_values[-1]
        for k, kind in enumerate([*kinds, "all"]):
            rows.append({"frame": frame, "source_type": kind, "statistic": float(observed[k]),
                         "p_value": float(p_values[k]) if k in used or k == len(kinds) else 1.0,
                         "p_holm": float(adjusted[k]), "groups": len(groups), "n_articles": len(codes)})
    return pd.DataFrame(rows, columns=TEST_COLUMNS)


def _article_counts(sentences: pd.DataFrame, frames: Sequence[str], by: str, measure: str):
    """Per frame, articles x source types: the (expected) sentences with the frame that each
    type voices; the articles' group codes, the types and the groups."""
    if measure not in VOICE_MEASURES:
        raise InputError(f"measure {measure!r} is not one of {', '.join(VOICE_MEASURES)}")
    if by == "source_type":
        raise InputError("voices compares source types within groups: group by another column (e.g. outlet)")
    _require(sentences, ["article_id", "source_type", by, *(("labels",) if measure == "label" else frames)])
    data = sentences[sentences["lang"].isin(LANGUAGES)] if "lang" in sentences else sentences
    missing = data[by].isna()
    if missing.any():
        warnings.warn(f"{int(data.loc[missing, 'article_id'].nunique())} article(s) without {by} are left out", stacklevel=3)
        data = data[~missing]
    kinds_column = data["source_type"].where(data["source_type"].notna(), UNATTRIBUTED).astype(str)
    kinds = [*SOURCE_TYPES, UNATTRIBUTED]
    kinds += sorted(set(kinds_column) - set(kinds))
    weights = pd.DataFrame({frame: (data["labels"].map(lambda ls, f=frame: float(f in ls)) if measure == "label"
                                    else data[frame].astype(float)) for frame in frames}, index=data.index)
    weights = weights.assign(_article=data["article_id"].to_numpy(), _kind=kinds_column.to_numpy())
    per_article = weights.groupby(["_article", "_kind"], sort=False)[list(frames)].sum()
    articles = per_article.index.get_level_values(0).unique()
    group_of = data.groupby("article_id", sort=False)[by].first().reindex(articles)
    groups = sorted(group_of.unique(), key=str)
    codes = group_of.map({g: i for i, g in enumerate(groups)}).to_numpy(dtype=int)
    counts = {frame: per_article[frame].unstack(fill_value=0.0).reindex(index=articles, columns=kinds, fill_value=0.0)
              .to_numpy(dtype=float) for frame in frames}
    return counts, codes, kinds, groups


def _between(table: np.ndarray, codes: np.ndarray, k: int) -> np.ndarray:
    """Per source type, sum over groups of W_g * (share_g - pooled share)^2; last entry: their sum."""
    sums = np.stack([np.bincount(codes, weights=table[:, t], minlength=k) for t in range(table.shape[1])], axis=1)
    totals = sums.sum(axis=1)
    pooled = sums.sum(axis=0) / max(totals.sum(), 1e-12)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals[:, None] > 0, sums / totals[:, None], pooled)
    per_type = (totals[:, None] * (shares - pooled) ** 2).sum(axis=0)
    return np.append(per_type, per_type.sum())
