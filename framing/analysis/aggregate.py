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
from functools import lru_cache
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
_BOOT_CELLS = 4_000_000  # resampled cells held at once: bootstrap memory stays flat for any corpus size


def bootstrap_sums(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Column sums of ``n_boot`` resamples (rows drawn with replacement) of ``values`` (n x k, or
    n), drawn in blocks so that memory does not grow with ``n_boot`` x n; the same numbers as one
    ``rng.integers(0, n, size=(n_boot, n))`` draw."""
    n = len(values)
    width = values.shape[1] if values.ndim > 1 else 1
    block = max(1, _BOOT_CELLS // max(1, n * width))
    sums = []
    for start in range(0, n_boot, block):
        draws = rng.integers(0, n, size=(min(block, n_boot - start), n))
        sums.append(values[draws].sum(axis=1))
    return np.concatenate(sums) if sums else np.empty((0, *values.shape[1:]))


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
        if "lang" in group:
            row["lang"] = group["lang"].mode().iloc[0]  # the article's language (for per-language corrections)
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
    With ``error_rates`` (``{frame: {"tpr": .., "fpr": .., "by_lang": {...}}}``, e.g.
    :func:`error_rates_from_card`) and ``measure="share"``, estimates are corrected for
    classifier error by adjusted classify-and-count: each article's share ``p`` becomes
    ``(p - fpr) / (tpr - fpr)`` with its language's rates (no correction where ``tpr - fpr <=
    0.05``: the classifier cannot separate the classes), the group mean is clipped to [0, 1]
    (also inside the bootstrap), and a mean that needed clipping is warned about.
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
            warnings.warn(f"{by} {group!r} has only {n} article(s): " + ("no confidence interval can be given" if n == 1
                          else "its confidence intervals are wide"), stacklevel=2)
        matrix = part[[f"{frame}_{measure}" for frame in frames]].to_numpy(dtype=float).copy()
        adjusting = error_rates is not None and measure == "share"
        if adjusting:
            langs = part["lang"].to_numpy() if "lang" in part else None
            for k, frame in enumerate(frames):
                if frame in error_rates:
                    matrix[:, k] = _adjusted_values(matrix[:, k], langs, error_rates[frame])
        boots = bootstrap_sums(matrix, n_boot, rng) / n  # one resample of articles serves every frame
        for k, frame in enumerate(frames):
            values, boot = matrix[:, k], boots[:, k]
            estimate = values.mean()
            if adjusting and frame in error_rates:
                if not 0.0 <= estimate <= 1.0:
                    warnings.warn(f"{by} {group!r}: the corrected {frame} share ({estimate:.0%}) falls outside 0-100% "
                                  "and is clipped: the model's cross-validated error rates do not fit these texts "
                                  "(e.g. prose unlike the real news it was calibrated on); read the raw share instead",
                                  stacklevel=2)
                estimate, boot = float(np.clip(estimate, 0.0, 1.0)), np.clip(boot, 0.0, 1.0)
            # one article has no sampling interval (every resample is that article): none is given
            low, high = (float(np.quantile(boot, alpha)), float(np.quantile(boot, 1 - alpha))) if n > 1 else (np.nan, np.nan)
            out.append({
                "group": group, "frame": frame, "measure": measure + ("_adjusted" if error_rates and measure == "share" else ""),
                "estimate": float(estimate), "ci_low": low, "ci_high": high, "n_articles": n, "small": n < SMALL_GROUP,
            })
    return pd.DataFrame(out)


def error_rates_from_card(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Cross-validated true/false positive rates per frame from a model card (for
    :func:`prevalence`): ``{frame: {"tpr", "fpr", "by_lang": {lang: {"tpr", "fpr"}}}}``, the
    per-language rates where the card has them (a model's errors differ by language)."""
    metrics = card.get("cv_metrics") or {}
    labels = metrics.get("labels") or {}
    out: dict[str, dict[str, Any]] = {}
    for frame, m in labels.items():
        if "tpr" not in m:
            continue
        out[frame] = {"tpr": float(m["tpr"]), "fpr": float(m["fpr"])}
        by_lang = {lang: {"tpr": float(v["labels"][frame]["tpr"]), "fpr": float(v["labels"][frame]["fpr"])}
                   for lang, v in (metrics.get("by_lang") or {}).items()
                   if isinstance(v, dict) and "tpr" in ((v.get("labels") or {}).get(frame) or {})}
        if by_lang:
            out[frame]["by_lang"] = by_lang
    return out


def _adjusted_values(values: np.ndarray, langs: np.ndarray | None, rates: dict[str, Any]) -> np.ndarray:
    """Each article's share corrected with its own language's rates (the pooled rates where the
    card has none for it), unclipped: the correction is linear, so the mean of these is the
    mixture of the per-language corrections."""
    values = np.asarray(values, dtype=float)
    tpr, fpr = np.full(len(values), rates["tpr"]), np.full(len(values), rates["fpr"])
    if langs is not None:
        for lang, r in (rates.get("by_lang") or {}).items():
            mine = langs == lang
            tpr[mine], fpr[mine] = r["tpr"], r["fpr"]
    gap = tpr - fpr
    separable = gap > 0.05  # else the classifier cannot separate the classes: no correction possible
    return np.where(separable, (values - fpr) / np.where(separable, gap, 1.0), values)


def _missing_hint(articles: pd.DataFrame, by: str) -> str:
    """Why groups are missing, when articles lack the grouping column."""
    missing = len(articles) if by not in articles else int(articles[by].isna().sum())
    if not missing:
        return ""
    hint = (f" ({missing} of {len(articles)} article(s) have no {by!r}"
            + ("; for .txt/.html files score each outlet with `framing score FILES --outlet NAME -o OUT.jsonl`, "
               "or use corpus files with an 'outlet' column, then compare those)" if by == "outlet" else ")"))
    return hint


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
    table = article_table(sentences, frames, by)
    articles = table.dropna(subset=[by]) if by in table else table
    groups = sorted(articles[by].unique(), key=str) if by in articles else []
    if len(groups) < 2:
        raise InputError(f"need at least two {by} groups to compare, found {len(groups)}" + _missing_hint(table, by))
    codes = articles[by].map({g: i for i, g in enumerate(groups)}).to_numpy()
    rng = np.random.default_rng(seed)
    omnibus, pairwise = [], []
    for frame in frames:
        values = articles[f"{frame}_{measure}"].to_numpy(dtype=float)
        observed = _between_ss(values, codes, len(groups))
        # shuffles drawn one at a time: memory stays flat however many articles and permutations
        null = np.array([_between_ss(values, codes[rng.permutation(len(codes))], len(groups)) for _ in range(n_perm)])
        omnibus.append({"frame": frame, "statistic": observed, "p_value": (1 + (null >= observed - 1e-12).sum()) / (n_perm + 1),
                        "groups": len(groups), "n_articles": len(values)})
        rows = []
        for i, j in combinations(range(len(groups)), 2):
            mask = (codes == i) | (codes == j)
            v, c = values[mask], codes[mask]
            diff = v[c == i].mean() - v[c == j].mean()
            null_diff = np.array([v[pc == i].mean() - v[pc == j].mean()
                                  for pc in (c[rng.permutation(len(c))] for _ in range(n_perm))])
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
    # no spread within the groups (rounding leaves ~1e-33): d is undefined, not astronomically large
    return float((a.mean() - b.mean()) / math.sqrt(pooled)) if pooled > 1e-12 else float("nan")


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


def tone_prevalence(sentences: pd.DataFrame, by: str = "outlet", n_boot: int = 2000, ci: float = 0.95,
                    seed: int | None = 0) -> pd.DataFrame:
    """Tone per group with the article as the unit, like frame prevalence: per article the share
    of its sentences with each tone, averaged over articles, with cluster-bootstrap intervals.

    Columns ``group, tone, estimate, ci_low, ci_high, n_articles``.
    """
    from framing.schema import TONES

    _require(sentences, ["tone", "article_id"])
    data = sentences.dropna(subset=["tone"])
    data = data[data["tone"].isin(TONES)]
    if by not in data:
        raise InputError(f"no {by!r} column to group by")
    rows = []
    for article_id, part in data.groupby("article_id", sort=False):
        counts = part["tone"].value_counts(normalize=True)
        rows.append({by: part[by].iloc[0], **{t: float(counts.get(t, 0.0)) for t in TONES}})
    articles = pd.DataFrame(rows, columns=[by, *TONES])
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    out = []
    for group, part in _groups(articles, by):
        n = len(part)
        matrix = part[list(TONES)].to_numpy(dtype=float)
        boots = bootstrap_sums(matrix, n_boot, rng) / n
        for k, tone in enumerate(TONES):
            values, boot = matrix[:, k], boots[:, k]
            out.append({"group": group, "tone": tone, "estimate": float(values.mean()),
                        "ci_low": float(np.quantile(boot, alpha)), "ci_high": float(np.quantile(boot, 1 - alpha)),
                        "n_articles": n})
    return pd.DataFrame(out, columns=["group", "tone", "estimate", "ci_low", "ci_high", "n_articles"])


TREND_FREQS = ("W", "M", "Q", "Y")  # candidate bins for ``freq="auto"``, finest first
TREND_FREQ_WORDS = {"W": "weekly", "M": "monthly", "Q": "quarterly", "Y": "yearly"}
MIN_BIN_ARTICLES = 5  # a period bin of one group with fewer articles than this is "thin"


def choose_trend_freq(dates: pd.Series, groups: pd.Series, min_articles: int = MIN_BIN_ARTICLES) -> tuple[str, str]:
    """The finest period (week, month, quarter, year) whose bins hold, for the median group and
    bin, at least ``min_articles`` articles; returns ``(freq, reason)`` in words.

    With too few dated articles for any bin to be that full, the bin that comes closest (the
    coarsest with at least two periods, else the year) is returned and the reason says so."""
    frame = pd.DataFrame({"date": pd.to_datetime(dates, errors="coerce"), "group": groups}).dropna()
    if frame.empty:
        return "M", "no dated articles"
    fallback = "Y"
    for freq in TREND_FREQS:
        counts = frame.groupby([frame["group"], frame["date"].dt.to_period(freq)]).size()
        periods = frame["date"].dt.to_period(freq).nunique()
        if periods >= 2:
            fallback = freq
        if float(counts.median()) >= min_articles:
            return freq, (f"{TREND_FREQ_WORDS[freq]} bins: the finest with a median of at least {min_articles} "
                          f"articles per group and period (median {counts.median():g})")
    return fallback, (f"{TREND_FREQ_WORDS[fallback]} bins, but too few dated articles for a median of {min_articles} "
                      "articles per group and period: read the trend as indicative only")


def trends(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", freq: str = "auto",
           measure: str = "share", n_boot: int = 1000, ci: float = 0.95, seed: int | None = 0,
           min_articles: int = MIN_BIN_ARTICLES) -> pd.DataFrame:
    """Mean per-article prevalence per group and period, with cluster-bootstrap intervals.

    ``freq``: a pandas period (``"W"``, ``"M"``, ``"Q"``, ``"Y"``) or ``"auto"`` (default): the
    finest period whose bins hold a median of at least ``min_articles`` articles per group (see
    :func:`choose_trend_freq`). Bins with fewer articles are flagged ``thin`` and a warning counts
    them. Articles without a valid date are left out with a warning that counts them.
    Columns ``group, period, frame, estimate, ci_low, ci_high, n_articles, thin``; the chosen
    period and the reason are in ``.attrs["freq"]`` and ``.attrs["freq_reason"]``.
    """
    if measure not in MEASURES:
        raise InputError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    columns = ["group", "period", "frame", "estimate", "ci_low", "ci_high", "n_articles", "thin"]
    articles = article_table(sentences, frames, by)
    dates = pd.to_datetime(articles["date"], errors="coerce") if "date" in articles else pd.Series(pd.NaT, index=articles.index)
    missing = int(dates.isna().sum())
    if missing:
        warnings.warn(f"{missing} of {len(articles)} article(s) have no valid date and are left out of trends", stacklevel=2)
    reason = f"{TREND_FREQ_WORDS.get(freq, freq)} bins (chosen by the caller)"
    if freq == "auto":
        freq, reason = choose_trend_freq(dates, articles[by] if by in articles else pd.Series(None, index=articles.index),
                                         min_articles)
    try:
        periods = dates.dt.to_period(freq).dt.start_time
    except ValueError as exc:
        raise InputError(f"freq {freq!r} is not a pandas period (use W, M, Q, Y or auto): {exc}") from None
    articles = articles.assign(period=periods).dropna(subset=["period"])
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    rows = []
    if by in articles:
        for (group, period), part in articles.groupby([by, "period"], sort=True):
            n = len(part)
            matrix = part[[f"{frame}_{measure}" for frame in frames]].to_numpy(dtype=float)
            boots = bootstrap_sums(matrix, n_boot, rng) / n
            for k, frame in enumerate(frames):
                values, boot = matrix[:, k], boots[:, k]
                rows.append({"group": group, "period": period, "frame": frame, "estimate": float(values.mean()),
                             "ci_low": float(np.quantile(boot, alpha)), "ci_high": float(np.quantile(boot, 1 - alpha)),
                             "n_articles": n, "thin": n < min_articles})
    table = pd.DataFrame(rows, columns=columns)
    thin = table.drop_duplicates(["group", "period"])
    if len(thin) and thin["thin"].any():
        warnings.warn(f"trends: {int(thin['thin'].sum())} of {len(thin)} {by}-period bins have fewer than {min_articles} "
                      f"articles ({TREND_FREQ_WORDS.get(freq, freq)} bins); their estimates are unstable", stacklevel=2)
    table.attrs.update(freq=freq, freq_reason=reason, measure=measure, min_articles=min_articles)
    return table


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
    names: dict[Any, frozenset[str]] = {}  # a group's own name is not distinctive wording
    for text, lang, group in zip(sentences["text"], sentences.get("lang", pd.Series(None, index=sentences.index)), sentences[by]):
        if group is None or (isinstance(group, float) and math.isnan(group)):
            continue
        doc = analyze(text, lang if lang in LANGUAGES else None)
        if doc.lang not in LANGUAGES:
            continue
        stop = for_language(doc.lang) | _term_stopwords(doc.lang)
        if group not in names:
            names[group] = _name_tokens(group)
        own = names[group]
        bag = counts.setdefault(group, Counter())
        for token, word in zip(doc.tokens, doc.surface()):
            if token not in stop and token not in own and not token.isdigit() and len(token) > 1:
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


# Function words left out of distinctive terms on top of the feature stopwords (which keep
# negations and hedges such as قد / not because the skepticism frame needs them).
_TERM_STOPWORDS_EN = """not no nor can could may might must shall us new one two three last first next also just
still yet even while though although however since per via among within without across around
mr mrs ms week weeks year years day days month months roughly several near""".split()
_TERM_STOPWORDS_AR = """قد لا لم لن ليس ليست غير أمام تحت فوق دون عبر منذ إلا لكن ولكن لكنه بل كي حول لدى عن وقد
ولم ولا وهو وهي وهم كما كانت سوف سيتم تم يتم أكثر أقل بعد عدة بعض جميع أحد إحدى اليوم أمس يوم
أنه أنها إنه إنها بأن بأنه بأنها لأن بحسب وبحسب بسبب وفق وفقا الآن عدد عام أي إلى""".split()


@lru_cache(maxsize=2)
def _term_stopwords(lang: str) -> frozenset[str]:
    from framing.text.normalize import normalize_arabic

    if lang == "ar":
        return frozenset(normalize_arabic(w) for w in _TERM_STOPWORDS_AR)
    return frozenset(_TERM_STOPWORDS_EN)


def _name_tokens(name: Any) -> frozenset[str]:
    from framing.models.features import analyze

    text = str(name)
    doc = analyze(text, None)
    tokens = set(doc.tokens) if doc.lang in LANGUAGES else set()
    return frozenset(tokens | {w.lower() for w in text.split()})


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
