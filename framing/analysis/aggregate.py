"""From scored sentences to honest outlet comparisons (design §6).

Sentences are nested in articles nested in outlets, so every statistic here treats the
*article* as the unit: prevalence is the mean over articles of a per-article value, confidence
intervals come from a cluster bootstrap over articles, and tests permute whole articles between
groups. All functions take the tidy sentences DataFrame of :class:`framing.scoring.ScoredArticle`
(``pd.concat([a.sentences for a in articles])``) and return tidy DataFrames for seaborn.

Measures per article and frame:
- ``share``: share of the article's sentences labeled with the frame;
- ``presence``: 1 if any sentence carries the frame;
- ``probability``: mean frame probability over the article's sentences (expected share).
"""

from __future__ import annotations

import math
import warnings
from itertools import combinations
from typing import Any, Sequence

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.schema import LANGUAGES

MEASURES = ("share", "presence", "probability")
# What each measure is per article, in words (report text and table titles derive from it).
MEASURE_WORDING = {
    "share": "share of sentences with the frame",
    "presence": "presence of the frame (any sentence)",
    "probability": "mean frame probability of the sentences (expected share)",
}
SMALL_GROUP = 5  # fewer articles than this: a warning, and CIs that are honest about it


def article_table(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet") -> pd.DataFrame:
    """One row per article: group, date, sentence count, and per frame its share, presence and
    mean probability (columns ``<frame>_share``, ``<frame>_presence``, ``<frame>_probability``)."""
    _require(sentences, ["article_id", "labels", *frames])
    data = sentences[sentences["lang"].isin(LANGUAGES)] if "lang" in sentences else sentences
    rows = []
    for article_id, group in data.groupby("article_id", sort=False):
        row: dict[str, Any] = {"article_id": article_id, "n_sentences": len(group)}
        if by in group:
            row[by] = group[by].iloc[0]
        if "date" in group:
            row["date"] = group["date"].iloc[0]
        labels = group["labels"].tolist()
        for frame in frames:
            flags = np.fromiter((frame in ls for ls in labels), dtype=float, count=len(labels))
            row[f"{frame}_share"] = flags.mean()
            row[f"{frame}_presence"] = float(flags.any())
            row[f"{frame}_probability"] = float(group[frame].mean())
        rows.append(row)
    return pd.DataFrame(rows)


def prevalence(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", measure: str = "share",
               n_boot: int = 2000, ci: float = 0.95, seed: int | None = 0,
               error_rates: dict[str, dict[str, float]] | None = None) -> pd.DataFrame:
    """Frame prevalence per group with cluster-bootstrap confidence intervals.

    Returns columns ``group, frame, measure, estimate, ci_low, ci_high, n_articles, small``.
    With ``error_rates`` (``{frame: {"tpr": .., "fpr": ..}}``, e.g. :func:`error_rates_from_card`)
    and ``measure="share"``, estimates are corrected for classifier error by adjusted
    classify-and-count: ``(p - fpr) / (tpr - fpr)``, clipped to [0, 1] (also inside the bootstrap).
    """
    if measure not in MEASURES:
        raise InputError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    articles = article_table(sentences, frames, by)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    out = []
    for group, part in _groups(articles, by):
        n = len(part)
        if n < SMALL_GROUP:
            warnings.warn(f"{by} {group!r} has only {n} article(s): its confidence intervals are wide", stacklevel=2)
        draws = rng.integers(0, n, size=(n_boot, n))
        for frame in frames:
            values = part[f"{frame}_{measure}"].to_numpy(dtype=float)
            boot = values[draws].mean(axis=1)
            estimate = values.mean()
            if error_rates is not None and measure == "share" and frame in error_rates:
                estimate, boot = _adjust(estimate, error_rates[frame]), _adjust(boot, error_rates[frame])
            out.append({
                "group": group, "frame": frame, "measure": measure + ("_adjusted" if error_rates and measure == "share" else ""),
                "estimate": float(estimate), "ci_low": float(np.quantile(boot, alpha)),
                "ci_high": float(np.quantile(boot, 1 - alpha)), "n_articles": n, "small": n < SMALL_GROUP,
            })
    return pd.DataFrame(out)


def error_rates_from_card(card: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Cross-validated true/false positive rates per frame from a model card (for :func:`prevalence`)."""
    labels = (card.get("cv_metrics") or {}).get("labels") or {}
    return {frame: {"tpr": float(m["tpr"]), "fpr": float(m["fpr"])} for frame, m in labels.items() if "tpr" in m}


def _adjust(p, rates: dict[str, float]):
    gap = rates["tpr"] - rates["fpr"]
    if gap <= 0.05:
        return p  # the classifier cannot separate the classes: no correction possible
    return np.clip((np.asarray(p) - rates["fpr"]) / gap, 0.0, 1.0)


def compare(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", measure: str = "share",
            n_perm: int = 2000, seed: int | None = 0) -> dict[str, pd.DataFrame]:
    """Differences between groups, per frame, with articles as the unit.

    Returns ``{"omnibus": ..., "pairwise": ...}``:
    - omnibus: permutation test of "all groups have the same mean" (statistic: between-group
      sum of squares), columns ``frame, statistic, p_value, groups, n_articles``;
    - pairwise: every pair of groups, difference in means (``a - b``), Cohen's d, permutation
      p-value and Holm-adjusted p-value within each frame.
    """
    if measure not in MEASURES:
        raise InputError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    articles = article_table(sentences, frames, by).dropna(subset=[by])
    groups = sorted(articles[by].unique(), key=str)
    if len(groups) < 2:
        raise InputError(f"need at least two {by} groups to compare, found {len(groups)}")
    codes = articles[by].map({g: i for i, g in enumerate(groups)}).to_numpy()
    rng = np.random.default_rng(seed)
    permutations = np.array([rng.permutation(len(codes)) for _ in range(n_perm)])
    omnibus, pairwise = [], []
    for frame in frames:
        values = articles[f"{frame}_{measure}"].to_numpy(dtype=float)
        observed = _between_ss(values, codes, len(groups))
        null = np.array([_between_ss(values, codes[p], len(groups)) for p in permutations])
        omnibus.append({"frame": frame, "statistic": observed, "p_value": (1 + (null >= observed - 1e-12).sum()) / (n_perm + 1),
                        "groups": len(groups), "n_articles": len(values)})
        rows = []
        for i, j in combinations(range(len(groups)), 2):
            mask = (codes == i) | (codes == j)
            v, c = values[mask], codes[mask]
            diff = v[c == i].mean() - v[c == j].mean()
            perm_c = np.array([c[rng.permutation(len(c))] for _ in range(n_perm)])
            null_diff = np.array([v[pc == i].mean() - v[pc == j].mean() for pc in perm_c])
            p = (1 + (np.abs(null_diff) >= abs(diff) - 1e-12).sum()) / (n_perm + 1)
            rows.append({"frame": frame, "a": groups[i], "b": groups[j], "difference": diff,
                         "cohens_d": _cohens_d(v[c == i], v[c == j]), "p_value": p,
                         "n_a": int((c == i).sum()), "n_b": int((c == j).sum())})
        for row, adjusted in zip(rows, holm([r["p_value"] for r in rows])):
            row["p_holm"] = adjusted
        pairwise.extend(rows)
    return {"omnibus": pd.DataFrame(omnibus), "pairwise": pd.DataFrame(pairwise)}


def _between_ss(values: np.ndarray, codes: np.ndarray, k: int) -> float:
    counts = np.bincount(codes, minlength=k)
    sums = np.bincount(codes, weights=values, minlength=k)
    means = np.divide(sums, counts, out=np.zeros(k), where=counts > 0)
    return float((counts * (means - values.mean()) ** 2).sum())


def _cohens_d(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 2 or len(b) < 2:
        return float("nan")
    pooled = ((len(a) - 1) * a.var(ddof=1) + (len(b) - 1) * b.var(ddof=1)) / (len(a) + len(b) - 2)
    return float((a.mean() - b.mean()) / math.sqrt(pooled)) if pooled > 0 else float("nan")


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm–Bonferroni adjusted p-values (same order as given)."""
    m = len(p_values)
    order = np.argsort(p_values)
    adjusted = np.empty(m)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, (m - rank) * p_values[index])
        adjusted[index] = min(1.0, running)
    return adjusted.tolist()


def tone_by(sentences: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Share of sentences per tone for each group (``by`` may also be a frame name: sentences
    with vs without the frame). Columns ``group, tone, share, sentences``."""
    _require(sentences, ["tone"])
    data = sentences.dropna(subset=["tone"])
    if by in data and by not in ("outlet", "lang", "article_id") and data[by].dtype.kind == "f":
        key = data["labels"].map(lambda ls: "with " + by if by in ls else "without " + by)
    else:
        key = data[by]
    table = data.groupby([key, "tone"]).size().rename("sentences").reset_index()
    table.columns = ["group", "tone", "sentences"]
    table["share"] = table["sentences"] / table.groupby("group")["sentences"].transform("sum")
    return table


def trends(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", freq: str = "W",
           measure: str = "share") -> pd.DataFrame:
    """Mean per-article prevalence per group and period (weekly by default).

    Articles without a valid date are left out with a warning that counts them.
    Columns ``group, period, frame, estimate, n_articles``.
    """
    articles = article_table(sentences, frames, by)
    dates = pd.to_datetime(articles.get("date"), errors="coerce") if "date" in articles else pd.Series(pd.NaT, index=articles.index)
    missing = int(dates.isna().sum())
    if missing:
        warnings.warn(f"{missing} of {len(articles)} article(s) have no valid date and are left out of trends", stacklevel=2)
    articles = articles.assign(period=dates.dt.to_period(freq).dt.start_time).dropna(subset=["period"])
    rows = []
    for (group, period), part in articles.groupby([by, "period"], sort=True):
        for frame in frames:
            rows.append({"group": group, "period": period, "frame": frame,
                         "estimate": float(part[f"{frame}_{measure}"].mean()), "n_articles": len(part)})
    return pd.DataFrame(rows, columns=["group", "period", "frame", "estimate", "n_articles"])


def distinctive_terms(sentences: pd.DataFrame, by: str = "outlet", top: int = 15, prior: float = 0.1,
                      min_count: int = 3) -> pd.DataFrame:
    """Words most distinctive of each group against all others: log-odds ratio with an
    informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), on normalized tokens without
    function words. ``prior`` sets the prior's size as a share of the corpus counts.
    Columns ``group, term, z, log_odds, count``; ``z`` above ~2 is notable."""
    from collections import Counter

    from framing.models.features import analyze
    from framing.text.stopwords import for_language

    _require(sentences, ["text", by])
    counts: dict[Any, Counter] = {}
    surface: dict[str, Counter] = {}
    for text, lang, group in zip(sentences["text"], sentences.get("lang", pd.Series(None, index=sentences.index)), sentences[by]):
        if group is None or (isinstance(group, float) and math.isnan(group)):
            continue
        doc = analyze(text, lang if lang in LANGUAGES else None)
        if doc.lang not in LANGUAGES:
            continue
        stop = for_language(doc.lang)
        bag = counts.setdefault(group, Counter())
        for token, word in zip(doc.tokens, doc.surface()):
            if token not in stop and not token.isdigit() and len(token) > 1:
                bag[token] += 1
                surface.setdefault(token, Counter())[word] += 1
    if len(counts) < 2:
        raise InputError(f"need at least two {by} groups, found {len(counts)}")
    total = Counter()
    for bag in counts.values():
        total.update(bag)
    vocab = [w for w, c in total.items() if c >= min_count]
    if not vocab:
        return pd.DataFrame(columns=["group", "term", "z", "log_odds", "count"])
    index = {w: i for i, w in enumerate(vocab)}
    matrix = np.zeros((len(counts), len(vocab)))
    groups = list(counts)
    for g, group in enumerate(groups):
        for w, c in counts[group].items():
            if w in index:
                matrix[g, index[w]] = c
    all_counts = matrix.sum(axis=0)
    alpha = prior * all_counts  # informative prior: pseudo-counts proportional to corpus frequency
    alpha0 = alpha.sum()
    rows = []
    for g, group in enumerate(groups):
        y_i, y_j = matrix[g], all_counts - matrix[g]
        n_i, n_j = y_i.sum(), y_j.sum()
        log_odds = (np.log((y_i + alpha) / (n_i + alpha0 - y_i - alpha))
                    - np.log((y_j + alpha) / (n_j + alpha0 - y_j - alpha)))
        z = log_odds / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))
        for k in np.argsort(-z)[:top]:
            term = vocab[k]
            rows.append({"group": group, "term": surface[term].most_common(1)[0][0], "z": float(z[k]),
                         "log_odds": float(log_odds[k]), "count": int(y_i[k])})
    return pd.DataFrame(rows)


def _groups(articles: pd.DataFrame, by: str):
    if by not in articles:
        raise InputError(f"no {by!r} column to group by")
    missing = articles[by].isna()
    if missing.any():
        warnings.warn(f"{int(missing.sum())} article(s) without {by} are left out", stacklevel=3)
    for group, part in articles[~missing].groupby(by, sort=True):
        yield group, part


def _require(frame: pd.DataFrame, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in frame]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; give the sentences DataFrame of scored articles")
