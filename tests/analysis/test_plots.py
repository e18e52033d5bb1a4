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
        axes = plots.trend_lines(trends(data, FRAMES), "threat")
    assert axes[0].figure._supylabel.get_text().startswith("threat prevalence")
    terms = distinctive_terms(data, top=5)
    expected = int((terms["group"] == "صوت الخليج").sum())
    assert len(plots.distinctive_terms_chart(terms, "صوت الخليج").patches) == expected
    assert plots.tone_bars(tone_by(data, "outlet")).get_xlabel() == "share of sentences"
    import matplotlib.pyplot as plt

    plt.close("all")


# -- issue 13: publication figures ----------------------------------------------------------

def _legend_outside_data(ax) -> bool:
    """The legend's box does not overlap the axes' data area (drawn, in pixels)."""
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    return not legend.overlaps(ax.get_window_extent(renderer))


def test_heatmap_keeps_codebook_order_percent_colourbar_and_intervals():
    data = arabic_outlets()
    order = ["threat", "diplomacy"]  # not alphabetical
    ax = plots.prevalence_heatmap(prevalence(data, order, n_boot=100))
    assert [t.get_text() for t in ax.get_xticklabels()] == order
    cells = [t.get_text() for t in ax.texts]
    assert all("%" in c and "[" in c and "]" in c for c in cells)  # estimate with its interval
    colourbar = ax.collections[0].colorbar
    labels = [t.get_text() for t in colourbar.ax.get_yticklabels()]
    assert any(label.endswith("%") for label in labels) and colourbar.ax.get_ylabel() == "share of sentences"
    assert ax.get_title().startswith("Frame prevalence")


def test_heatmap_marks_wide_intervals():
    import matplotlib.pyplot as plt

    table = prevalence(arabic_outlets(), FRAMES, n_boot=100)
    table["ci_low"], table["ci_high"] = table["estimate"] - 0.01, table["estimate"] + 0.01
    table.loc[0, ["ci_low", "ci_high"]] = [0.1, 0.9]
    ax = plots.prevalence_heatmap(table)
    assert sum("†" in t.get_text() for t in ax.texts) == 1
    assert any("†" in t.get_text() for t in ax.figure.texts)  # explained under the figure
    plt.close(ax.figure)


def test_pointrange_and_tone_legends_sit_outside_the_data():
    from framing.analysis.aggregate import tone_prevalence

    data = arabic_outlets()
    ax = plots.prevalence_pointrange(prevalence(data, FRAMES, n_boot=100))
    assert _legend_outside_data(ax) and "95% CI" in ax.get_xlabel() and ax.get_title()
    tone = tone_prevalence(data, n_boot=100)
    ax = plots.tone_bars(tone)
    assert _legend_outside_data(ax)
    assert "per article" in ax.get_xlabel() and "95% CI" in ax.get_xlabel()
    from matplotlib.container import BarContainer

    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    assert len(bars) == tone["tone"].nunique()
    assert all(c.errorbar is not None for c in bars)  # every bar has its interval
    assert _legend_outside_data(plots.tone_bars(tone_by(data, "outlet")))  # the sentence-share form too


def test_trend_facets_per_group_with_bands_and_hollow_thin_bins():
    import warnings

    import matplotlib.pyplot as plt

    data = arabic_outlets()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = trends(data, FRAMES, freq="M", n_boot=100)
    axes = plots.trend_lines(table, "threat")
    visible = [a for a in axes if a.get_visible()]
    assert len(visible) == data["outlet"].nunique()
    assert {a.get_title() for a in visible} == {plots.display_text(g) for g in data["outlet"].unique()}
    for axis in visible:
        assert axis.get_legend() is None  # nothing hides the lines
        assert any(type(c).__name__ == "FillBetweenPolyCollection" or "Poly" in type(c).__name__ for c in axis.collections)
        assert axis.get_ylim() == (0, 1)
    figure = visible[0].figure
    assert "threat" in figure._supylabel.get_text() and "95% CI" in figure._suptitle.get_text()
    hollow = [c for a in visible for c in a.collections if len(c.get_offsets()) and
              (c.get_facecolor()[:, :3] == 1).all()]
    assert hollow  # 8 articles over 6 months: thin months are drawn hollow
    plt.close(figure)


def test_terms_chart_has_caption_and_title():
    terms = distinctive_terms(arabic_outlets(), top=5)
    ax = plots.distinctive_terms_chart(terms, "The Ledger")
    assert ax.get_title() == "Distinctive wording: The Ledger"
    assert any("Dirichlet" in t.get_text() for t in ax.figure.texts)


def test_save_figure_writes_png_at_200_dpi_and_svg(tmp_path):
    from PIL import Image

    ax = plots.prevalence_pointrange(prevalence(arabic_outlets(), FRAMES, n_boot=100))
    png, svg = plots.save_figure(ax.figure, tmp_path / "fig")
    assert png.name == "fig.png" and svg.name == "fig.svg" and svg.read_text().lstrip().startswith("<?xml")
    dpi = Image.open(png).info["dpi"]
    assert round(dpi[0]) == 200


def test_slug_names_files_by_group():
    assert plots.slug("The Ledger") == "the-ledger"
    assert plots.slug("صوت الخليج") == "صوت-الخليج"
    assert plots.slug("  ") == "group"
