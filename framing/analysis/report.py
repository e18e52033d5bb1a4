"""Outlet comparison as tables, figures (PNG at 200 dpi and SVG) and one self-contained HTML report.

Used by ``framing compare``; in Python, :func:`compare_report` returns the tables and, given a
folder, writes everything there. The report opens with findings written from the statistics
(:func:`findings`), has a table of contents, formatted tables (percent with 95% intervals,
p-values as "< 0.001"), full-width figures and a provenance block (:func:`provenance`): framing
version, model and card hash, codebook, input files with their SHA-256, counts, seeds, bootstrap
and permutation counts, date. Images are embedded, so the file stands alone.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import html
import json
import warnings
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from framing.analysis import aggregate
from framing.analysis.speakers import speakers_by
from framing.analysis.voices import UNATTRIBUTED, voices, voices_test
from framing.errors import InputError, InputWarning

SPEAKERS_SHOWN = 10  # most quoted speakers per group in the report


def compare_report(sentences: pd.DataFrame, frames: Sequence[str], by: str = "outlet", out: str | Path | None = None,
                   measure: str = "share", n_boot: int = 2000, n_perm: int = 2000, seed: int = 0,
                   error_rates: dict | None = None, provenance: dict[str, Any] | None = None) -> dict[str, pd.DataFrame]:
    """Compute the comparison tables; with ``out``, also write figures, CSV tables and report.html.

    ``frames`` keep their order (the codebook's) in every table and figure. ``provenance`` (see
    :func:`provenance`) is recorded in the report; the settings used here are added to it.
    """
    if n_boot < 100 or n_perm < 99:
        raise InputError("n_boot (--n-boot) must be at least 100 and n_perm (--n-perm) at least 99")
    missing = [f for f in frames if f not in sentences]
    if missing:
        raise InputError(f"scored sentences lack frame column(s) {', '.join(missing)}; use the model that scored them")
    if by not in sentences:
        raise InputError(f"--by {by}: no such column (have: {', '.join(map(str, sentences.columns))})")
    if by == "source_type":
        sentences = by_source_type(sentences)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = {"prevalence": aggregate.prevalence(sentences, frames, by, measure, n_boot=n_boot, seed=seed)}
        if error_rates and measure == "share":
            tables["prevalence_adjusted"] = aggregate.prevalence(sentences, frames, by, measure, n_boot=n_boot,
                                                                 seed=seed, error_rates=error_rates)
        tables["presence"] = aggregate.prevalence(sentences, frames, by, "presence", n_boot=n_boot, seed=seed)
        tests = aggregate.compare(sentences, frames, by, measure, n_perm=n_perm, seed=seed)
        tables["omnibus"], tables["pairwise"] = tests["omnibus"], tests["pairwise"]
        if "tone" in sentences and sentences["tone"].notna().any():
            tables["tone"] = aggregate.tone_prevalence(sentences, by, n_boot=n_boot, seed=seed)
        tables["trends"] = aggregate.trends(sentences, frames, by, measure=measure, seed=seed)
        tables["terms"] = aggregate.distinctive_terms(sentences, by)
        if by != "source_type" and "source_type" in sentences and sentences["source_type"].notna().any():
            voice_measure = "probability" if measure == "probability" else "label"
            tables["voices"] = voices(sentences, frames, by, voice_measure, n_boot=n_boot, seed=seed)
            if sentences[by].nunique() > 1:
                tables["voices_tests"] = voices_test(sentences, frames, by, voice_measure, n_perm=n_perm, seed=seed)
        if by != "source_type" and "source_resolved" in sentences and sentences["source_resolved"].notna().any():
            tables["speakers"] = speakers_by(sentences, by, frames, top=SPEAKERS_SHOWN)
    notes = sorted({str(w.message) for w in caught})
    tables["notes"] = pd.DataFrame({"note": notes})
    if out is not None:
        settings = {"by": by, "measure": measure, "n_boot": n_boot, "n_perm": n_perm, "seed": seed,
                    "adjusted": bool(error_rates and measure == "share"),
                    "articles": int(sentences["article_id"].nunique()) if "article_id" in sentences else None,
                    "sentences": int(len(sentences)), "groups": int(sentences[by].nunique())}
        _write(tables, frames, Path(out), by, {**(provenance or {}), **settings})
    return tables


# -- formatting -----------------------------------------------------------------------------

def format_p(p: float) -> str:
    """A p-value as a reader wants it: ``< 0.001`` below 0.001, else three decimals."""
    if p is None or pd.isna(p):
        return "–"
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def format_ci(estimate: float, low: float, high: float) -> str:
    """``64% [52, 74]``: an estimate in percent with its 95% interval in percent; ``64% [no
    interval: 1 article]`` where there is none (a group of one article)."""
    if not (np.isfinite(low) and np.isfinite(high)):
        return f"{estimate:.0%} [no interval: 1 article]"
    return f"{estimate:.0%} [{low * 100:.0f}, {high * 100:.0f}]"


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def provenance(inputs: Sequence[str | Path] = (), card: dict[str, Any] | None = None, model: str | None = None,
               codebook: Any = None) -> dict[str, Any]:
    """How a comparison was made: framing version, model name and card hash, codebook, input
    files with their SHA-256, and the date (settings and counts are added by :func:`compare_report`)."""
    from framing import __version__

    card = card or {}
    book = card.get("codebook") or {}
    if codebook is not None:
        book = {"name": getattr(codebook, "name", None), "version": getattr(codebook, "version", None),
                "frames": list(getattr(codebook, "ids", []) or [])}
    canonical = json.dumps(card, sort_keys=True, ensure_ascii=False).encode("utf-8") if card else b""
    return {
        "framing_version": __version__,
        "created": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
        "model": model or "shipped default model",
        "model_card_sha256": hashlib.sha256(canonical).hexdigest() if card else None,
        "model_trained": card.get("created"),
        "codebook": book,
        "inputs": [{"path": Path(p).as_posix(), "sha256": file_sha256(p)} for p in inputs if Path(p).is_file()],
    }


def _measure(tables: dict[str, pd.DataFrame]) -> str:
    prevalence = tables["prevalence"]
    return str(prevalence["measure"].iloc[0]) if len(prevalence) and "measure" in prevalence else "share"


_MEASURE_PHRASE = {
    "share": "{frame} in {est} of the sentences of its average article",
    "presence": "{frame} in {est} of its articles",
    "probability": "an expected {est} of {frame} sentences per article",
}


def findings(tables: dict[str, pd.DataFrame], by: str = "outlet") -> list[str]:
    """Plain sentences from the statistics, one per frame (highest against lowest group, with
    intervals, ratio and Holm-adjusted p-value), plus tone and cautions."""
    prevalence, pairwise, omnibus = tables["prevalence"], tables["pairwise"], tables["omnibus"]
    measure = _measure(tables).replace("_adjusted", "")
    lines = []
    for frame in dict.fromkeys(prevalence["frame"]):
        part = prevalence[prevalence["frame"] == frame].sort_values("estimate", ascending=False)
        if len(part) < 2:
            continue
        top, low = part.iloc[0], part.iloc[-1]
        phrase = _MEASURE_PHRASE.get(measure, _MEASURE_PHRASE["share"]).format(
            frame=frame, est=format_ci(top.estimate, top.ci_low, top.ci_high))
        ratio = f"{top.estimate / low.estimate:.1f}x" if low.estimate > 0 else "against"
        pair = pairwise[(pairwise["frame"] == frame) & (((pairwise["a"] == top.group) & (pairwise["b"] == low.group))
                                                        | ((pairwise["a"] == low.group) & (pairwise["b"] == top.group)))]
        p_holm = float(pair["p_holm"].iloc[0]) if len(pair) else float("nan")
        omni = omnibus[omnibus["frame"] == frame]
        p_omni = float(omni["p_value"].iloc[0]) if len(omni) else float("nan")
        verdict = ("" if p_omni < 0.05 else
                   f" Overall the {by} groups do not differ clearly on {frame} (permutation test p = {format_p(p_omni)}).")
        lines.append(f"{top.group} presents {phrase}, {ratio} {low.group} ("
                     f"{format_ci(low.estimate, low.ci_low, low.ci_high)}); p_holm {_p_phrase(p_holm)}.{verdict}")
    lines.extend(_voice_findings(tables, by))
    tone = tables.get("tone")
    if tone is not None and len(tone) and (tone["tone"] == "negative").any():
        negative = tone[tone["tone"] == "negative"].sort_values("estimate", ascending=False)
        most, least = negative.iloc[0], negative.iloc[-1]
        lines.append(f"Tone is most negative in {most.group}: {format_ci(most.estimate, most.ci_low, most.ci_high)} of "
                     f"the sentences of its average article, against {format_ci(least.estimate, least.ci_low, least.ci_high)} "
                     f"in {least.group}.")
    small = prevalence[prevalence["small"]]["group"].unique() if "small" in prevalence else []
    if len(small):
        lines.append(f"Caution: {', '.join(map(str, small))} ha{'s' if len(small) == 1 else 've'} fewer than "
                     f"{aggregate.SMALL_GROUP} articles; their intervals are wide.")
    return lines


def _voice_findings(tables: dict[str, pd.DataFrame], by: str) -> list[str]:
    """Per frame, the source type whose share differs most clearly between groups (Holm p < 0.05):
    its highest and lowest group with intervals."""
    tests, table = tables.get("voices_tests"), tables.get("voices")
    if tests is None or table is None or not len(tests):
        return []
    lines = []
    for frame in dict.fromkeys(tests["frame"]):
        part = tests[(tests["frame"] == frame) & (tests["source_type"] != "all") & (tests["p_holm"] < 0.05)]
        if not len(part):
            continue
        # the clearest difference; on a tie a named group of sources before "unattributed"
        best = part.assign(_unattributed=part["source_type"] == UNATTRIBUTED).sort_values(
            ["p_holm", "_unattributed", "statistic"], ascending=[True, True, False]).iloc[0]
        shares = table[(table["frame"] == frame) & (table["source_type"] == best.source_type)].dropna(subset=["share"])
        if len(shares) < 2:
            continue
        shares = shares.sort_values("share", ascending=False)
        top, low = shares.iloc[0], shares.iloc[-1]
        who = ("sentences that name no speaker make up" if best.source_type == UNATTRIBUTED
               else f"{best.source_type} sources voice")
        lines.append(f"Who voices {frame} differs between {by} groups: {who} "
                     f"{format_ci(top.share, top.ci_low, top.ci_high)} of {top.group}'s {frame} sentences against "
                     f"{format_ci(low.share, low.ci_low, low.ci_high)} of {low.group}'s; p_holm {_p_phrase(best.p_holm)}.")
    return lines


def _p_phrase(p: float) -> str:
    text = format_p(p)
    return text if text.startswith("<") else f"= {text}"


# -- writing --------------------------------------------------------------------------------

def by_source_type(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences keyed for comparing who carries each frame: the source type is a sentence
    column, so each article's sentences of one source type form the unit (``article_id`` becomes
    ``article_id|source_type``; sentences without a source are ``unattributed``). Units of one
    article are resampled independently, so intervals are somewhat narrower than a bootstrap
    over whole articles."""
    kind = sentences["source_type"].where(sentences["source_type"].notna(), "unattributed").astype(str)
    return sentences.assign(source_type=kind, article_id=sentences["article_id"].astype(str) + "|" + kind)


def _write(tables: dict[str, pd.DataFrame], frames: Sequence[str], out: Path, by: str, record: dict[str, Any]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.analysis import plots
    from framing.schema import flat_table

    out.mkdir(parents=True, exist_ok=True)
    before = {p.name for p in out.iterdir()}
    for name, table in tables.items():  # group names, terms and speakers come from the input: formulas neutralized
        flat_table(table, "csv").to_csv(out / f"{name}.csv", index=False)
    figures: list[dict[str, str]] = []
    used: set[str] = set()

    def save(target, name: str, title: str, caption: str) -> None:
        fig = target.figure if hasattr(target, "figure") else target.ravel()[0].figure
        png, _ = plots.save_figure(fig, out / name)
        figures.append({"name": name, "title": title, "caption": caption,
                        "data": base64.b64encode(png.read_bytes()).decode()})
        plt.close(fig)

    measure_words = aggregate.MEASURE_WORDING[_measure(tables).replace("_adjusted", "")]
    save(plots.prevalence_heatmap(tables["prevalence"]), "prevalence_heatmap", f"Frame prevalence by {by}",
         f"Mean over articles of each article's {measure_words}; each cell gives the estimate and its 95% interval "
         "(cluster bootstrap over articles); † marks intervals wider than 25 points.")
    save(plots.prevalence_pointrange(tables["prevalence"]), "prevalence_ci", "Prevalence with 95% confidence intervals",
         "Points: estimates; bars: 95% intervals from a cluster bootstrap over articles.")
    if "tone" in tables:
        save(plots.tone_bars(tables["tone"]), "tone", f"Tone by {by}",
             "Per article the share of its sentences with each tone, averaged over articles; 95% intervals "
             "from a cluster bootstrap over articles.")
    trends = tables["trends"]
    if not trends.empty:
        reason = trends.attrs.get("freq_reason", "")
        for frame in frames:
            save(plots.trend_lines(trends, frame), f"trend_{frame}", f"{frame} over time",
                 f"One panel per {by}; {reason}. Band: 95% interval (cluster bootstrap over the bin's articles); "
                 "hollow points: thin bins.")
    if "voices" in tables:
        counted = ("sentences with the frame, each weighted by its probability"
                   if tables["voices"].attrs.get("measure") == "probability" else "sentences labeled with the frame")
        for frame in frames:
            save(plots.voices_pointrange(tables["voices"], frame), f"voices_{plots.slug(frame)}", f"Who voices {frame}",
                 f"Of each {by}'s {counted}, the share whose speaker is of each source type (unattributed: no speaker); "
                 f"legend: how many such sentences. 95% intervals from a cluster bootstrap over articles.")
    for group in tables["terms"]["group"].unique():
        name = f"terms_{plots.slug(group)}"
        while name in used:
            name += "_"
        used.add(name)
        save(plots.distinctive_terms_chart(tables["terms"], group), name, f"Distinctive wording: {group}",
             f"Words {group} uses more than the other groups: log-odds ratio with an informative Dirichlet prior "
             "(Monroe, Colaresi & Quinn 2008), z above 1.96 notable; function words and the outlet's own name left out.")
    (out / "report.html").write_text(report_html(tables, figures, by, record), "utf-8")
    written = {"report.html", *(f"{n}.csv" for n in tables), *(f"{f['name']}.{x}" for f in figures for x in ("png", "svg"))}
    stale = sorted(n for n in before - written if n.endswith((".png", ".svg", ".csv")))
    if stale:  # never deleted (they may be the user's), but not to be mistaken for this report's
        shown = ", ".join(stale[:6]) + (f" and {len(stale) - 6} more" if len(stale) > 6 else "")
        warnings.warn(f"{out} already held {len(stale)} table/figure file(s) this report did not write "
                      f"(an earlier run's?): {shown}; they are not part of this report", InputWarning, stacklevel=3)


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI','DejaVu Sans',sans-serif;max-width:1000px;margin:2em auto;padding:0 1.2em;
color:#222;line-height:1.5}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
nav ol{columns:2}figure{margin:1.5em 0}figure img{width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.9em;color:#444}table{border-collapse:collapse;font-size:.9em;margin:.8em 0}
td,th{padding:4px 10px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.findings li{margin:.4em 0}.note{color:#8a3b00}.muted{color:#666;font-size:.9em}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:.9em}dl.prov dt{font-weight:600}
code{font-size:.9em;word-break:break-all}
"""


def _voices_tests_html(tests: pd.DataFrame | None, kinds: Sequence[str]) -> str:
    if tests is None or not len(tests):
        return ""
    indexed = tests.set_index(["frame", "source_type"])
    rows = [[f, format_p(indexed.loc[(f, "all"), "p_value"]),
             *(format_p(indexed.loc[(f, k), "p_holm"]) if (f, k) in indexed.index else "–" for k in kinds)]
            for f in dict.fromkeys(tests["frame"])]
    return ("<h3>Do the groups differ in who voices the frame? (permutation tests, articles shuffled between groups)</h3>"
            "<p>Per source type: Holm-adjusted p-value for the between-group spread of its share; \"any\": the whole "
            "mix at once (unadjusted).</p>"
            + _table(["frame", "any", *kinds], rows, numeric=range(1, 2 + len(kinds))))


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = []
    for row in rows:
        cells = "".join(f"<td class='n'>{html.escape(str(v))}</td>" if i in numeric else f"<td dir='auto'>{html.escape(str(v))}</td>"
                        for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _prevalence_table(prevalence: pd.DataFrame) -> str:
    frames = list(dict.fromkeys(prevalence["frame"]))
    groups = list(dict.fromkeys(prevalence["group"]))
    indexed = prevalence.set_index(["group", "frame"])
    rows = []
    for g in groups:
        n = int(indexed.loc[(g, frames[0]), "n_articles"])
        small = bool(indexed.loc[(g, frames[0]), "small"]) if "small" in indexed else False
        cells = [format_ci(*indexed.loc[(g, f), ["estimate", "ci_low", "ci_high"]]) for f in frames]
        rows.append([f"{g}{' †' if small else ''}", n, *cells])
    return _table(["group", "articles", *frames], rows, numeric=range(1, 2 + len(frames)))


def report_html(tables: dict[str, pd.DataFrame], figures: Sequence[dict[str, str]], by: str,
                record: dict[str, Any]) -> str:
    """The self-contained HTML report (figures embedded as PNG data)."""
    esc = html.escape
    measure = _measure(tables)
    words = aggregate.MEASURE_WORDING[measure.replace("_adjusted", "")]
    sections: list[tuple[str, str, str]] = []  # (id, title, html)

    groups = sorted({str(g) for g in tables["prevalence"]["group"]}, key=len, reverse=True)

    def isolate(text: str) -> str:
        """Escape ``text`` and isolate group names (<bdi>), so an Arabic name inside an
        English sentence does not reorder the numbers around it."""
        text = esc(text)
        for g in groups:
            text = text.replace(esc(g), f"\0{groups.index(g)}\0")
        for i, g in enumerate(groups):
            text = text.replace(f"\0{i}\0", f"<bdi>{esc(g)}</bdi>")
        return text

    items = "".join(f"<li>{isolate(line)}</li>" for line in findings(tables, by))
    sections.append(("findings", "Findings", f"<ul class='findings'>{items}</ul>"
                     + (f"<p class='muted'>Unit of analysis: the article. Prevalence is the mean over articles of each "
                        f"article's {esc(words)}; 95% intervals from a cluster bootstrap over articles "
                        f"({record.get('n_boot', '?')} resamples); differences tested by permuting whole articles between groups "
                        f"({record.get('n_perm', '?')} permutations), pairwise p-values Holm-corrected within each frame.</p>"
                        if by != "source_type" else
                        f"<p class='muted'>Unit of analysis: the sentences of one source type within one article (an "
                        f"article quoting officials and experts gives one official and one expert unit). Prevalence is the "
                        f"mean over units of each unit's {esc(words)}; 95% intervals from a bootstrap over units "
                        f"({record.get('n_boot', '?')} resamples); differences tested by permuting units between groups "
                        f"({record.get('n_perm', '?')} permutations), pairwise p-values Holm-corrected within each frame. "
                        f"Units of one article are not independent, so these intervals and p-values are somewhat narrower "
                        f"than a bootstrap over whole articles would give.</p>")))
    figure_html = []
    for number, fig in enumerate(figures, 1):
        figure_html.append(f"<figure id='fig-{esc(fig['name'])}'><img alt='{esc(fig['title'])}' "
                           f"src='data:image/png;base64,{fig['data']}'><figcaption><b>Figure {number}. "
                           f"{isolate(fig['title'])}.</b> {isolate(fig['caption'])} <span class='muted'>({esc(fig['name'])}.png, "
                           f".svg)</span></figcaption></figure>")
    sections.append(("figures", "Figures", "".join(figure_html)))

    prevalence = tables["prevalence"]
    body = (f"<p>Per article: {esc(words)}; mean over articles [95% CI]. † fewer than {aggregate.SMALL_GROUP} "
            f"articles.</p>" + _prevalence_table(prevalence))
    if "presence" in tables and measure != "presence":
        body += "<h3>Share of articles with the frame (presence)</h3>" + _prevalence_table(tables["presence"])
    if "prevalence_adjusted" in tables:
        body += ("<h3>Corrected for classifier error (adjusted classify-and-count)</h3>"
                 + _prevalence_table(tables["prevalence_adjusted"]))
    sections.append(("prevalence", "Prevalence", body))

    omnibus = tables["omnibus"]
    rows = [[r.frame, int(r.groups), int(r.n_articles), f"{r.statistic:.3f}", format_p(r.p_value)] for r in omnibus.itertuples()]
    body = ("<h3>Do the groups differ at all? (omnibus permutation test per frame)</h3>"
            + _table(["frame", "groups", "articles" if by != "source_type" else "article × source type units",
                      "between-group SS", "p"], rows, numeric=(1, 2, 3, 4)))
    pairwise = tables["pairwise"].sort_values(["frame", "p_holm"], key=lambda c: c.map(
        {f: i for i, f in enumerate(dict.fromkeys(prevalence["frame"]))}) if c.name == "frame" else c)
    rows = [[r.frame, r.a, r.b, f"{r.difference * 100:+.1f}", f"{r.cohens_d:.2f}" if pd.notna(r.cohens_d) else "–",
             f"{r.n_a} / {r.n_b}", format_p(r.p_value), format_p(r.p_holm), "yes" if r.p_holm < 0.05 else ""]
            for r in pairwise.itertuples()]
    body += ("<h3>Pairwise differences (a − b, percentage points)</h3>"
             + _table(["frame", "a", "b", "difference (pts)", "Cohen's d", "articles a / b", "p", "p (Holm)", "p_holm < 0.05"],
                      rows, numeric=(3, 4, 5, 6, 7)))
    sections.append(("tests", "Tests", body))

    if "tone" in tables:
        tone = tables["tone"]
        tones = list(dict.fromkeys(tone["tone"]))
        indexed = tone.set_index(["group", "tone"])
        rows = [[g, int(indexed.loc[(g, tones[0]), "n_articles"]),
                 *(format_ci(*indexed.loc[(g, t), ["estimate", "ci_low", "ci_high"]]) for t in tones)]
                for g in dict.fromkeys(tone["group"])]
        sections.append(("tone", "Tone", "<p>Per article: share of its sentences with each tone; mean over articles "
                         "[95% CI].</p>" + _table(["group", "articles", *tones], rows, numeric=range(1, 2 + len(tones)))))

    if "voices" in tables:
        table = tables["voices"]
        kinds = [k for k in dict.fromkeys(table["source_type"]) if table.loc[table["source_type"] == k, "share"].max() > 0]
        indexed = table.set_index(["group", "frame", "source_type"])
        rows = [[g, f, f"{indexed.loc[(g, f, kinds[0]), 'frame_sentences']:.0f}" if kinds else "0",
                 *(format_ci(*indexed.loc[(g, f, k), ["share", "ci_low", "ci_high"]])
                   if pd.notna(indexed.loc[(g, f, k), "share"]) else "–" for k in kinds)]
                for f in dict.fromkeys(table["frame"]) for g in dict.fromkeys(table["group"])]
        sections.append(("voices", "Who voices each frame",
                         "<p>Of each group's sentences with the frame, the share whose speaker is of each source "
                         "type (the <code>source_type</code> column; unattributed: no speaker) [95% CI, cluster "
                         "bootstrap over articles]. Source types come from rules: on held-out real news about two "
                         "thirds of speakers are typed right, about half counting the speakers the rules miss or "
                         "misplace (<code>benchmarks/RESULTS.md</code>).</p>"
                         + _table(["group", "frame", "sentences", *kinds], rows, numeric=range(2, 3 + len(kinds)))
                         + _voices_tests_html(tables.get("voices_tests"), kinds)))

    if "speakers" in tables and len(tables["speakers"]):
        table = tables["speakers"]
        frames = [f for f in dict.fromkeys(tables["prevalence"]["frame"]) if f in table]
        rows = [[g, r.speaker, r.source_types or "–", int(r.sentences), int(r.articles),
                 *(int(table.at[r.Index, f]) for f in frames)]
                for g, part in table.groupby("group", sort=False) for r in part.itertuples()]
        sections.append(("speakers", "Most quoted speakers",
                         f"<p>Per group, the {SPEAKERS_SHOWN} speakers with the most sentences (the speaker as "
                         "resolved: a pronoun or subject-less cue counts for the person it stands for), the source "
                         "type(s) the rules gave them (a name the article never introduces by role is "
                         "<code>other</code>: <code>framing speakers --actors-template</code> writes an actors file "
                         "to set such people's groups), and of their sentences how many carry each frame. All "
                         "speakers: <code>framing speakers</code>.</p>"
                         + _table(["group", "speaker", "source type", "sentences", "articles", *frames], rows,
                                  numeric=range(3, 5 + len(frames)))))

    trends = tables["trends"]
    if not trends.empty:
        sections.append(("trends", "Trends", f"<p>{esc(trends.attrs.get('freq_reason', ''))}.</p>"))

    terms = tables["terms"]
    if len(terms):
        rows = [[g, ", ".join(f"{t} ({z:.1f})" for t, z in zip(part["term"], part["z"]))]
                for g, part in terms.groupby("group", sort=False)]
        sections.append(("terms", "Distinctive terms", "<p>Top terms per group (log-odds z-score).</p>"
                         + _table(["group", "terms (z)"], rows)))

    notes = tables.get("notes")
    if notes is not None and len(notes):
        sections.append(("notes", "Notes and warnings", "".join(f"<p class='note'>{esc(n)}</p>" for n in notes["note"])))
    sections.append(("provenance", "Provenance", _provenance_html(record)))

    toc = "".join(f"<li><a href='#{sid}'>{esc(title)}</a></li>" for sid, title, _ in sections)
    parts = ["<!doctype html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>",
             f"<title>framing: frame comparison by {esc(by)}</title><style>{_CSS}</style></head><body>",
             f"<h1>Frame comparison by {esc(by)}</h1>",
             f"<p class='muted'>{record.get('articles', '?')} articles, {record.get('sentences', '?')} sentences, "
             f"{record.get('groups', '?')} groups · framing {esc(str(record.get('framing_version', '')))} · "
             f"{esc(str(record.get('created', '')))}</p>",
             f"<nav><h2 id='contents'>Contents</h2><ol>{toc}</ol></nav>"]
    parts += [f"<section id='{sid}'><h2>{esc(title)}</h2>{content}</section>" for sid, title, content in sections]
    parts.append("</body></html>")
    return "\n".join(parts)


def _provenance_html(record: dict[str, Any]) -> str:
    esc = html.escape
    book = record.get("codebook") or {}
    book_text = (f"{book.get('name')} {book.get('version') or ''} ({', '.join(book.get('frames') or [])})".strip()
                 if book else "–")
    inputs = record.get("inputs") or []
    input_html = ("<ul>" + "".join(f"<li><code>{esc(i['path'])}</code><br><span class='muted'>sha256 "
                                   f"<code>{esc(i['sha256'])}</code></span></li>" for i in inputs) + "</ul>") if inputs else "–"
    items = [
        ("framing version", record.get("framing_version")), ("created", record.get("created")),
        ("model", record.get("model")), ("model card sha256", record.get("model_card_sha256")),
        ("model trained", record.get("model_trained")), ("codebook", book_text),
        ("grouped by", record.get("by")), ("measure", record.get("measure")),
        ("corrected for classifier error", "yes" if record.get("adjusted") else "no"),
        ("articles / sentences / groups", f"{record.get('articles')} / {record.get('sentences')} / {record.get('groups')}"),
        ("bootstrap resamples", record.get("n_boot")), ("permutations", record.get("n_perm")), ("seed", record.get("seed")),
    ]
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(str(v if v is not None else '–'))}</dd>" for k, v in items)
    return f"<dl class='prov'>{rows}<dt>input files</dt><dd>{input_html}</dd></dl>"


def _ci_pivot(prevalence: pd.DataFrame, frames: Sequence[str]) -> pd.DataFrame:
    """Groups by frames, each cell an estimate with its interval (:func:`format_ci`)."""
    cells = prevalence.assign(cell=prevalence.apply(lambda r: format_ci(r.estimate, r.ci_low, r.ci_high), axis=1))
    return cells.pivot(index="group", columns="frame", values="cell")[list(frames)]


def summary_text(tables: dict[str, pd.DataFrame], by: str = "outlet") -> str:
    """Plain-text findings and tables for the terminal (percent with 95% intervals, p-values as
    ``< 0.001``); ``by`` names the grouping column in the findings."""
    lines = ["findings:", *("  - " + f for f in findings(tables, by)), ""]
    prevalence = tables["prevalence"]
    frames = list(dict.fromkeys(prevalence["frame"]))
    pivot = _ci_pivot(prevalence, frames)
    counts = prevalence.groupby("group")["n_articles"].first()
    pivot.insert(0, "articles" if by != "source_type" else "units (article × source type)", counts)
    lines += [f"prevalence (per article: {aggregate.MEASURE_WORDING[_measure(tables).replace('_adjusted', '')]}; "
              "mean over articles, 95% CI):", pivot.to_string(), ""]
    adjusted = tables.get("prevalence_adjusted")
    if adjusted is not None and len(adjusted):
        lines += ["prevalence corrected for classifier error (adjusted classify-and-count, the model card's "
                  "cross-validated rates per language):", _ci_pivot(adjusted, frames).to_string(), ""]
    omnibus = tables["omnibus"].assign(p_value=lambda t: t["p_value"].map(format_p))
    lines += ["omnibus permutation tests:", omnibus.to_string(index=False, float_format=lambda v: f"{v:.4f}"), ""]
    pairwise = tables["pairwise"].sort_values("p_holm")
    pairwise = pairwise.assign(p_value=pairwise["p_value"].map(format_p), p_holm=pairwise["p_holm"].map(format_p))
    lines += ["pairwise differences (a - b), Holm-adjusted:",
              pairwise.to_string(index=False, float_format=lambda v: f"{v:.3f}")]
    notes = tables.get("notes")
    if notes is not None and len(notes):
        lines += ["", *("note: " + n for n in notes["note"])]
    return "\n".join(lines)


def to_json(tables: dict[str, pd.DataFrame]) -> str:
    """The comparison tables as one JSON document."""
    return json.dumps({k: json.loads(v.to_json(orient="records", date_format="iso")) for k, v in tables.items()},
                      ensure_ascii=False, indent=2)
