"""Statistics on synthetic corpora with planted differences (and none)."""


import numpy as np
import pandas as pd
import pytest

from framing.analysis.aggregate import (
    article_table, compare, distinctive_terms, error_rates_from_card, holm, prevalence, tone_by, trends,
)

FRAMES = ["threat", "diplomacy"]


def synthetic(rates: dict[str, float], articles: int = 30, sentences: int = 10, seed: int = 0) -> pd.DataFrame:
    """Sentences of several outlets; each sentence has 'threat' with the outlet's rate."""
    rng = np.random.default_rng(seed)
    rows = []
    for outlet, rate in rates.items():
        for a in range(articles):
            article_rate = np.clip(rate + rng.normal(0, 0.05), 0, 1)  # articles vary around the outlet rate
            for s in range(sentences):
                threat = rng.random() < article_rate
                diplomacy = rng.random() < 0.3
                rows.append({
                    "article_id": f"{outlet}-{a}", "outlet": outlet, "date": f"2024-0{1 + a % 6}-1{a % 9}",
                    "lang": "en", "text": f"{outlet.lower()}word sentence number {s}",
                    "labels": [f for f, on in (("threat", threat), ("diplomacy", diplomacy)) if on],
                    "threat": 0.9 if threat else 0.1, "diplomacy": 0.8 if diplomacy else 0.2,
                    "tone": "negative" if threat else "neutral",
                })
    return pd.DataFrame(rows)


def test_article_table_unit_is_the_article():
    table = article_table(synthetic({"A": 0.5}, articles=4, sentences=5), FRAMES)
    assert len(table) == 4
    assert set(table.columns) >= {"article_id", "outlet", "threat_share", "threat_presence", "threat_probability"}
    assert table["threat_share"].between(0, 1).all()


def test_prevalence_recovers_planted_rates_with_cis():
    table = prevalence(synthetic({"A": 0.6, "B": 0.2}), FRAMES, n_boot=500)
    threat = table[table["frame"] == "threat"].set_index("group")
    for outlet, rate in (("A", 0.6), ("B", 0.2)):
        row = threat.loc[outlet]
        assert row["ci_low"] <= rate <= row["ci_high"]
        assert row["ci_high"] - row["ci_low"] < 0.15
    assert prevalence(synthetic({"A": 0.6}), FRAMES, n_boot=200, seed=1).equals(prevalence(synthetic({"A": 0.6}), FRAMES, n_boot=200, seed=1))


def test_small_groups_warn_and_have_wider_intervals():
    data = pd.concat([synthetic({"A": 0.5}, articles=40), synthetic({"B": 0.5}, articles=3, seed=2)])
    with pytest.warns(UserWarning, match="'B' has only 3 article"):
        table = prevalence(data, FRAMES, n_boot=500)
    threat = table[table["frame"] == "threat"].set_index("group")
    assert threat.loc["B", "small"] and not threat.loc["A", "small"]
    assert threat.loc["B", "ci_high"] - threat.loc["B", "ci_low"] > threat.loc["A", "ci_high"] - threat.loc["A", "ci_low"]


def test_adjusted_classify_and_count():
    data = synthetic({"A": 0.5})
    raw = prevalence(data, FRAMES, n_boot=100).set_index("frame").loc["threat", "estimate"]
    adjusted = prevalence(data, FRAMES, n_boot=100, error_rates={"threat": {"tpr": 0.8, "fpr": 0.1}}).set_index("frame")
    assert adjusted.loc["threat", "estimate"] == pytest.approx((raw - 0.1) / 0.7)
    assert adjusted.loc["threat", "measure"] == "share_adjusted"
    card = {"cv_metrics": {"labels": {"threat": {"tpr": 0.9, "fpr": 0.05, "f1": 0.9}}}}
    assert error_rates_from_card(card) == {"threat": {"tpr": 0.9, "fpr": 0.05}}


def test_adjustment_uses_each_articles_language_and_warns_when_clipped():
    # half the articles English, half Arabic, with different error rates per language
    data = synthetic({"A": 0.5}, articles=20)
    data["lang"] = ["ar" if int(a.split("-")[1]) % 2 else "en" for a in data["article_id"]]
    card = {"cv_metrics": {"labels": {"threat": {"tpr": 0.7, "fpr": 0.05}},
                           "by_lang": {"en": {"labels": {"threat": {"tpr": 0.9, "fpr": 0.02}}},
                                       "ar": {"labels": {"threat": {"tpr": 0.6, "fpr": 0.10}}}}}}
    rates = error_rates_from_card(card)
    assert rates["threat"]["by_lang"]["ar"] == {"tpr": 0.6, "fpr": 0.10}
    table = article_table(data, FRAMES)
    expected = np.mean([(s - 0.02) / 0.88 if lang == "en" else (s - 0.10) / 0.5
                        for s, lang in zip(table["threat_share"], table["lang"])])
    adjusted = prevalence(data, FRAMES, n_boot=100, error_rates=rates).set_index("frame")
    assert adjusted.loc["threat", "estimate"] == pytest.approx(expected)
    # rates that do not fit the texts push the correction past 100%: clipped, and said so
    with pytest.warns(UserWarning, match="falls outside 0-100% and is clipped"):
        clipped = prevalence(data, FRAMES, n_boot=100, error_rates={"threat": {"tpr": 0.3, "fpr": 0.01}})
    assert clipped.set_index("frame").loc["threat", "estimate"] == 1.0


def test_compare_finds_planted_difference_and_not_absent_ones():
    result = compare(synthetic({"A": 0.6, "B": 0.2, "C": 0.2}), FRAMES, n_perm=300)
    omnibus = result["omnibus"].set_index("frame")
    assert omnibus.loc["threat", "p_value"] < 0.01
    pairs = result["pairwise"]
    threat = pairs[pairs["frame"] == "threat"].set_index(["a", "b"])
    assert threat.loc[("A", "B"), "p_holm"] < 0.01 and threat.loc[("A", "B"), "difference"] > 0.3
    assert threat.loc[("A", "B"), "cohens_d"] > 1
    assert threat.loc[("B", "C"), "p_holm"] > 0.05  # no planted difference between B and C


def test_no_difference_false_positive_rate_is_near_alpha():
    p_values = [compare(synthetic({"A": 0.3, "B": 0.3}, articles=12, sentences=6, seed=s), ["threat"], n_perm=99, seed=s)
                ["omnibus"]["p_value"].iloc[0] for s in range(40)]
    assert np.mean(np.array(p_values) < 0.05) <= 0.15  # nominal 5%; 40 runs leave sampling slack


def test_holm():
    assert holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])


def test_tone_trends_and_missing_dates():
    data = synthetic({"A": 0.5, "B": 0.1}, articles=10)
    tones = tone_by(data, "outlet")
    assert tones.groupby("group")["share"].sum().round(6).eq(1).all()
    data.loc[data["article_id"] == "A-0", "date"] = None
    with pytest.warns(UserWarning, match="1 of 20 article"):
        weekly = trends(data, FRAMES)
    assert {"group", "period", "frame", "estimate", "n_articles"} <= set(weekly.columns)
    assert weekly["estimate"].between(0, 1).all()


def test_distinctive_terms_log_odds():
    data = synthetic({"A": 0.5, "B": 0.5}, articles=5)
    terms = distinctive_terms(data, top=3)
    top = terms.sort_values("z", ascending=False).groupby("group").head(1).set_index("group")["term"]
    assert top["A"] == "aword" and top["B"] == "bword"


def test_trend_bins_are_chosen_from_the_data_with_intervals():
    from framing.analysis.aggregate import choose_trend_freq, tone_prevalence  # noqa: F401

    # 60 articles per outlet over 12 weeks: weekly bins hold ~5 articles each
    rows = []
    for outlet in ("A", "B"):
        for a in range(60):
            day = pd.Timestamp("2024-01-01") + pd.Timedelta(days=(a * 84) // 60)
            rows.append({"article_id": f"{outlet}-{a}", "outlet": outlet, "date": day.date().isoformat(), "lang": "en",
                         "text": "x", "labels": ["threat"] if a % 2 else [], "threat": 0.5, "diplomacy": 0.1})
    dense = pd.DataFrame(rows)
    freq, reason = choose_trend_freq(dense["date"], dense["outlet"])
    assert freq == "W" and "median" in reason
    sparse = synthetic({"A": 0.5, "B": 0.1}, articles=10)  # 10 articles over 6 months
    with pytest.warns(UserWarning, match="bins have fewer than 5 articles"):
        table = trends(sparse, FRAMES)
    assert table.attrs["freq"] in ("Q", "Y") and table.attrs["freq_reason"]
    assert (table["ci_low"] <= table["estimate"]).all() and (table["estimate"] <= table["ci_high"]).all()
    assert table["thin"].dtype == bool and table.loc[table["n_articles"] < 5, "thin"].all()
    with pytest.raises(Exception, match="not a pandas period"):
        trends(sparse, FRAMES, freq="fortnight")


def test_tone_prevalence_is_article_level_with_cluster_intervals():
    from framing.analysis.aggregate import tone_prevalence

    data = synthetic({"A": 0.8, "B": 0.1}, articles=20)
    # one very long neutral article in B must count as one article, not as many sentences
    long = pd.DataFrame([{"article_id": "B-long", "outlet": "B", "date": None, "lang": "en", "text": "t",
                          "labels": [], "threat": 0.1, "diplomacy": 0.1, "tone": "neutral"}] * 500)
    table = tone_prevalence(pd.concat([data, long]), n_boot=200).set_index(["group", "tone"])
    assert table.loc[("B", "neutral"), "n_articles"] == 21
    articles = data[data["outlet"] == "B"].groupby("article_id")["tone"].apply(lambda t: (t == "neutral").mean())
    expected = (articles.sum() + 1.0) / 21
    assert table.loc[("B", "neutral"), "estimate"] == pytest.approx(expected)
    assert table.loc[("A", "negative"), "estimate"] > table.loc[("B", "negative"), "estimate"]
    assert (table["ci_low"] <= table["estimate"]).all() and (table["ci_high"] >= table["estimate"]).all()


def test_distinctive_terms_leave_out_function_words_and_the_outlets_own_name():
    rows = []
    for outlet, word, lang in (("The Ledger", "inflation", "en"), ("Frontline Times", "missiles", "en"),
                               ("المرصد", "التحقق", "ar"), ("صوت الخليج", "الزيارة", "ar")):
        for a in range(6):
            text = (f"{outlet} said {word} could not rise under pressure near the border." if lang == "en" else
                    f"قال {outlet} إن {word} قد تتم أمام اللجنة تحت الضغط.")
            rows.append({"article_id": f"{outlet}{a}", "outlet": outlet, "lang": lang, "text": text})
    terms = distinctive_terms(pd.DataFrame(rows), top=10, min_count=1)
    for outlet, part in terms.groupby("group"):
        words = set(part["term"])
        assert not words & {"قد", "أمام", "تحت", "could", "not", "under", "near"}, (outlet, words)
        assert not words & set(outlet.lower().split()) and outlet not in words, (outlet, words)
    assert "inflation" in set(terms[terms["group"] == "The Ledger"]["term"])


def test_bootstrap_sums_are_drawn_in_blocks_with_the_same_numbers():
    from framing.analysis import aggregate

    values = np.arange(30, dtype=float).reshape(10, 3)
    whole = values[np.random.default_rng(4).integers(0, 10, size=(50, 10))].sum(axis=1)
    old, aggregate._BOOT_CELLS = aggregate._BOOT_CELLS, 40  # blocks of one resample
    try:
        blocks = aggregate.bootstrap_sums(values, 50, np.random.default_rng(4))
    finally:
        aggregate._BOOT_CELLS = old
    assert blocks.shape == (50, 3) and np.array_equal(blocks, whole)
