"""Who voices each frame per group (framing.analysis.voices), its figure and its report section."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing.analysis import report  # noqa: E402
from framing.analysis.plots import voices_pointrange  # noqa: E402
from framing.analysis.voices import UNATTRIBUTED, voices  # noqa: E402
from framing.errors import InputError  # noqa: E402
from test_aggregate import synthetic  # noqa: E402

FRAMES = ["threat", "diplomacy"]
pytestmark = pytest.mark.filterwarnings("ignore:.*confidence intervals are wide")  # tiny groups on purpose


def rows(outlet, article, spec):
    """Sentences of one article: (source_type, labels, threat probability) triples."""
    return [{"article_id": f"{outlet}-{article}", "outlet": outlet, "lang": "en", "source_type": kind,
             "labels": labels, "threat": p, "diplomacy": 0.0} for kind, labels, p in spec]


def small():
    return pd.DataFrame(
        rows("A", 1, [("official", ["threat"], 0.9), ("official", ["threat"], 0.8), (None, ["threat"], 0.7), (None, [], 0.1)])
        + rows("A", 2, [("expert", ["threat"], 0.6), ("official", [], 0.2)])
        + rows("B", 1, [("citizen", ["threat"], 0.9), ("citizen", [], 0.3)]))


def test_shares_of_the_frame_sentences_by_source_type():
    table = voices(small(), FRAMES, n_boot=200)
    a = table[(table["group"] == "A") & (table["frame"] == "threat")].set_index("source_type")
    assert a.loc["official", "share"] == pytest.approx(2 / 4) and a.loc["expert", "share"] == pytest.approx(1 / 4)
    assert a.loc[UNATTRIBUTED, "share"] == pytest.approx(1 / 4) and a.loc["citizen", "share"] == 0
    assert a["share"].sum() == pytest.approx(1.0) and (a["frame_sentences"] == 4).all() and (a["n_articles"] == 2).all()
    assert (a["ci_low"] <= a["share"] + 1e-12).all() and (a["share"] <= a["ci_high"] + 1e-12).all()
    b = table[(table["group"] == "B") & (table["frame"] == "threat")].set_index("source_type")
    assert b.loc["citizen", "share"] == 1.0 and b.loc["citizen", "ci_low"] == 1.0
    # no sentence has diplomacy: no shares, not zeros
    assert table[table["frame"] == "diplomacy"]["share"].isna().all()
    assert list(a.index) == ["official", "expert", "media", "anonymous", "citizen", "other", UNATTRIBUTED]


def test_probability_measure_weights_each_sentence():
    table = voices(small(), ["threat"], measure="probability", n_boot=100)
    a = table[table["group"] == "A"].set_index("source_type")
    total = 0.9 + 0.8 + 0.7 + 0.1 + 0.6 + 0.2
    assert a.loc["official", "share"] == pytest.approx((0.9 + 0.8 + 0.2) / total)
    assert a.loc["official", "frame_sentences"] == pytest.approx(total)
    assert table.attrs["measure"] == "probability"


def test_intervals_narrow_with_more_articles():
    rng = np.random.default_rng(0)

    def outlet(n):
        data = []
        for k in range(n):
            data += rows("A", k, [(rng.choice(["official", "expert"]), ["threat"], 0.9) for _ in range(4)])
        return pd.DataFrame(data)

    few, many = (voices(outlet(n), ["threat"], n_boot=500).set_index("source_type").loc["official"] for n in (5, 80))
    assert many["ci_high"] - many["ci_low"] < (few["ci_high"] - few["ci_low"]) / 2
    assert 0.4 < many["share"] < 0.6


def test_bad_requests_are_refused():
    with pytest.raises(InputError, match="measure 'share' is not one of label, probability"):
        voices(small(), FRAMES, measure="share")
    with pytest.raises(InputError, match="group by another column"):
        voices(small(), FRAMES, by="source_type")
    with pytest.raises(InputError, match="missing column.*source_type"):
        voices(small().drop(columns="source_type"), FRAMES)
    with pytest.warns(UserWarning, match="only 2 article"):
        voices(small(), FRAMES, n_boot=100)


def test_figure_has_one_row_per_used_source_type():
    table = voices(small(), FRAMES, n_boot=100)
    ax = voices_pointrange(table, "threat")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["official", "expert", "citizen", UNATTRIBUTED]
    assert ax.get_title() == "Who voices threat" and "A (n=4)" in [t.get_text().lstrip("\u200e") for t in ax.get_legend().get_texts()]
    with pytest.raises(ValueError, match="no rows for frame 'skepticism'"):
        voices_pointrange(table, "skepticism")


def test_report_has_a_who_voices_section_when_sentences_have_source_types(tmp_path):
    data = synthetic({"Frontline Times": 0.7, "The Ledger": 0.2}, articles=12)
    data["source_type"] = np.where(data["outlet"] == "Frontline Times", "official", None)
    tables = report.compare_report(data, FRAMES, out=tmp_path, n_boot=200, n_perm=199, seed=1)
    assert set(tables["voices"]["group"]) == {"Frontline Times", "The Ledger"}
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "<section id='voices'>" in page and "Who voices threat" in page
    assert (tmp_path / "voices.csv").is_file() and (tmp_path / "voices_threat.png").is_file()
    ledger = tables["voices"].query("group == 'The Ledger' and frame == 'threat'").set_index("source_type")
    assert ledger.loc[UNATTRIBUTED, "share"] == 1.0
    without = report.compare_report(data.drop(columns="source_type"), FRAMES, n_boot=100, n_perm=99)
    assert "voices" not in without


# --- do the groups differ in who voices a frame? -------------------------------------------------

def planted(official_share, articles=20, seed=0):
    """Outlets whose threat sentences are voiced by officials at the given shares (the rest unattributed)."""
    rng = np.random.default_rng(seed)
    data = []
    for outlet, share in official_share.items():
        for k in range(articles):
            data += rows(outlet, k, [("official" if rng.random() < share else None, ["threat"], 0.9) for _ in range(5)])
    return pd.DataFrame(data)


def test_permutation_test_finds_a_planted_difference_and_not_a_null_one():
    from framing.analysis.voices import voices_test

    tests = voices_test(planted({"A": 0.8, "B": 0.2}), ["threat"], n_perm=499).set_index("source_type")
    assert tests.loc["official", "p_holm"] < 0.01 and tests.loc["all", "p_value"] < 0.01  # Holm over the 2 used types
    assert tests.loc["expert", "p_value"] == 1.0  # nobody is an expert anywhere
    assert (tests["p_holm"] >= tests["p_value"] - 1e-12).all() and set(tests["groups"]) == {2}
    # the same composition in every article of both outlets: nothing to find
    same = pd.DataFrame(rows("A", 1, [("official", ["threat"], 0.9), (None, ["threat"], 0.9)])
                        + rows("A", 2, [("official", ["threat"], 0.9), (None, ["threat"], 0.9)])
                        + rows("B", 1, [("official", ["threat"], 0.9), (None, ["threat"], 0.9)])
                        + rows("B", 2, [("official", ["threat"], 0.9), (None, ["threat"], 0.9)]))
    flat = voices_test(same, ["threat"], n_perm=99).set_index("source_type")
    assert flat.loc["official", "statistic"] == pytest.approx(0) and flat.loc["all", "p_value"] == 1.0


def test_permutation_test_needs_two_groups():
    from framing.analysis.voices import voices_test

    with pytest.raises(InputError, match="at least two outlet groups"):
        voices_test(planted({"A": 0.5}), ["threat"], n_perm=99)


def test_findings_name_who_voices_a_frame_differently(tmp_path):
    data = planted({"Frontline Times": 0.8, "The Ledger": 0.2}, articles=15)
    data["diplomacy"] = 0.1
    data["date"] = "2024-01-01"
    data["text"] = "frontline ledger sentence"
    data["tone"] = "neutral"
    tables = report.compare_report(data, FRAMES, n_boot=200, n_perm=199, seed=2)
    line = next(l for l in report.findings(tables) if l.startswith("Who voices threat"))
    assert "official sources voice" in line and "of Frontline Times's threat sentences" in line and "p_holm" in line
    assert not any(l.startswith("Who voices diplomacy") for l in report.findings(tables))  # no diplomacy at all


def test_by_source_type_reports_its_unit_honestly(tmp_path):
    data = synthetic({"Frontline Times": 0.7, "The Ledger": 0.2}, articles=12)
    data["source_type"] = np.where(np.arange(len(data)) % 3 == 0, "official", np.where(np.arange(len(data)) % 3 == 1, "expert", None))
    tables = report.compare_report(data, FRAMES, by="source_type", out=tmp_path, n_boot=100, n_perm=99, seed=1)
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "Unit of analysis: the sentences of one source type within one article" in page
    assert "Unit of analysis: the article." not in page and "article × source type units" in page
    assert "units (article × source type)" in report.summary_text(tables, by="source_type")
