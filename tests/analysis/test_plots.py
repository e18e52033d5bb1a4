import matplotlib

matplotlib.use("Agg")


from framing.analysis import plots  # noqa: E402
from framing.analysis.aggregate import distinctive_terms, prevalence, tone_by, trends  # noqa: E402
from test_aggregate import FRAMES, synthetic  # noqa: E402


def arabic_outlets():
    data = synthetic({"A": 0.6, "B": 0.2}, articles=8)
    return data.replace({"outlet": {"A": "صوت الخليج", "B": "The Ledger"}})


def test_display_text_shapes_arabic_unless_matplotlib_does(monkeypatch):
    assert plots.display_text("The Ledger") == "The Ledger"
    if plots.native_shaping():
        assert plots.display_text("صوت الخليج") == "صوت الخليج"  # libraqm joins and orders it
    monkeypatch.setattr(plots, "native_shaping", lambda: False)
    shaped = plots.display_text("صوت الخليج")
    assert shaped != "صوت الخليج" and any("\ufe70" <= c <= "\ufeff" for c in shaped)  # joined presentation forms


def test_arabic_renders_joined(tmp_path):
    """Pixel check: joined Arabic is narrower than the same letters drawn isolated."""
    import matplotlib.pyplot as plt

    fig = plt.figure()
    renderer = fig.canvas.get_renderer()
    joined = fig.text(0, 0, plots.display_text("الشمالية"), fontsize=20).get_window_extent(renderer).width
    isolated = fig.text(0, 0.5, " ".join("الشمالية"), fontsize=20).get_window_extent(renderer).width
    plt.close(fig)
    assert joined < isolated


def test_every_figure_returns_axes_with_shaped_labels(tmp_path):
    data = arabic_outlets()
    table = prevalence(data, FRAMES, n_boot=100)
    ax = plots.prevalence_heatmap(table)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert plots.display_text("صوت الخليج") in labels and "The Ledger" in labels
    ax.figure.savefig(tmp_path / "heatmap.png")
    assert (tmp_path / "heatmap.png").stat().st_size > 5000
    assert plots.prevalence_pointrange(table).get_legend() is not None
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert plots.trend_lines(trends(data, FRAMES), "threat").get_ylabel() == "threat prevalence"
    terms = distinctive_terms(data, top=5)
    expected = int((terms["group"] == "صوت الخليج").sum())
    assert len(plots.distinctive_terms_chart(terms, "صوت الخليج").patches) == expected
    assert plots.tone_bars(tone_by(data, "outlet")).get_xlabel() == "share of sentences"
