"""The HTML report and the terminal summary of a comparison (issue 13)."""

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from framing.analysis import report  # noqa: E402
from test_aggregate import synthetic  # noqa: E402

FRAMES = ["threat", "diplomacy"]  # codebook order, not alphabetical


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    data = synthetic({"Frontline Times": 0.7, "The Ledger": 0.2, "صوت الخليج": 0.3}, articles=25)
    data["text"] = data["text"] + " missiles border talks"
    inputs = out / "input.jsonl"
    inputs.write_text('{"text": "x"}\n', "utf-8")
    record = report.provenance([inputs], card={"created": "2024-01-01", "codebook": {"name": "default", "frames": FRAMES}},
                               model="small.skops")
    tables = report.compare_report(data, FRAMES, out=out / "r", n_boot=200, n_perm=1999, seed=3, provenance=record)
    return tables, out / "r", (out / "r" / "report.html").read_text("utf-8"), inputs


def test_format_helpers():
    assert report.format_p(0.0004) == "< 0.001" and report.format_p(0.0123) == "0.012" and report.format_p(float("nan")) == "–"
    assert report.format_ci(0.642, 0.551, 0.723) == "64% [55, 72]"


def test_findings_are_written_from_the_statistics(written):
    tables, _, page, _ = written
    lines = report.findings(tables)
    threat = next(line for line in lines if "threat" in line.split(" in ")[0])
    top = tables["prevalence"].query("frame == 'threat'").sort_values("estimate").iloc[-1]
    assert threat.startswith("Frontline Times presents threat in ")
    assert report.format_ci(top.estimate, top.ci_low, top.ci_high) in threat
    assert re.search(r"\d\.\dx The Ledger", threat) and "p_holm" in threat
    assert any(line.startswith("Tone is most negative in Frontline Times") for line in lines)
    plain = re.sub(r"</?bdi>", "", page)
    assert all(line in plain for line in (l.replace("'", "&#x27;") for l in lines))
    assert "<bdi>صوت الخليج</bdi>" in page or "صوت الخليج" not in " ".join(lines)  # Arabic names isolated


def test_report_has_contents_sections_and_full_width_figures(written):
    _, out, page, _ = written
    toc = re.search(r"<nav>.*?</nav>", page, re.S).group(0)
    for section in ("findings", "figures", "prevalence", "tests", "tone", "provenance"):
        assert f"href='#{section}'" in toc and f"<section id='{section}'>" in page
    assert "figure img{width:100%" in page
    assert page.count("<figure") == len(list(out.glob("*.png")))
    assert page.count("<figcaption><b>Figure") == page.count("<figure")


def test_report_tables_are_formatted(written):
    _, _, page, _ = written
    assert "< 0.001" in page or "&lt; 0.001" in page
    assert not re.search(r">0\.000<", page)  # no p-value printed as 0.000
    assert re.search(r"<td class='n'>\d+% \[\d+, \d+\]</td>", page)  # percent with interval
    assert ">small<" not in page and ">False<" not in page and ">True<" not in page


def test_report_records_provenance_and_is_self_contained(written):
    _, _, page, inputs = written
    prov = page[page.index("<section id='provenance'>"):]
    for needle in ("framing version", "small.skops", "model card sha256", "default", "bootstrap resamples</dt><dd>200",
                   "permutations</dt><dd>1999", "seed</dt><dd>3", report.file_sha256(inputs), inputs.name, "25"):
        assert needle in prov, needle
    assert not re.search(r"(src|href)=['\"](?!data:|#)", page)  # nothing loaded from elsewhere
    assert "data:image/png;base64," in page


def test_figure_files_are_named_by_outlet_and_frames_keep_codebook_order(written):
    tables, out, _, _ = written
    names = {p.name for p in out.iterdir()}
    for stem in ("prevalence_heatmap", "prevalence_ci", "tone", "trend_threat", "trend_diplomacy",
                 "terms_frontline-times", "terms_the-ledger", "terms_صوت-الخليج"):
        assert {f"{stem}.png", f"{stem}.svg"} <= names, stem
    assert not any(re.match(r"terms_\d+\.png", n) for n in names)
    assert list(dict.fromkeys(tables["prevalence"]["frame"])) == FRAMES
    assert list(dict.fromkeys(pd.read_csv(out / "prevalence.csv")["frame"])) == FRAMES


def test_summary_text_has_findings_and_formatted_p_values(written):
    tables, _, _, _ = written
    text = report.summary_text(tables)
    assert text.startswith("findings:") and "Frontline Times presents threat" in text
    assert "< 0.001" in text and not re.search(r"(?<![\d.])0\.000(?![\d])", text.split("omnibus")[1])


def test_most_quoted_speakers_per_group_and_csv_formulas_neutralized(tmp_path):
    data = synthetic({"=SUM(A1)": 0.6, "The Ledger": 0.2}, articles=12)
    speakers = ["Rachel Tan", "Omar Haddad", "=cmd|calc", None]
    data["source_resolved"] = [speakers[i % 4] for i in range(len(data))]
    data["source_type"] = [{"Rachel Tan": "expert", "Omar Haddad": "official", "=cmd|calc": "other"}.get(s) for s in data["source_resolved"]]
    tables = report.compare_report(data, FRAMES, out=tmp_path, n_boot=100, n_perm=99, seed=1)
    table = tables["speakers"]
    assert list(table.columns[:3]) == ["group", "speaker", "lang"]
    assert set(table["group"]) == {"=SUM(A1)", "The Ledger"}
    ledger = table[table["group"] == "The Ledger"]
    assert ledger["sentences"].sum() == (data["outlet"].eq("The Ledger") & data["source_resolved"].notna()).sum()
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "Most quoted speakers" in page and "Rachel Tan" in page
    written = (tmp_path / "speakers.csv").read_text("utf-8")
    assert "'=cmd|calc" in written and "\n=" not in written and ",=" not in written
    prevalence = (tmp_path / "prevalence.csv").read_text("utf-8")  # group names come from the input too
    assert "'=SUM(A1)" in prevalence and "\n=SUM" not in prevalence


def test_identical_articles_and_a_one_article_group_still_give_a_report(tmp_path):
    # every article of an outlet alike (no spread) and an outlet of one article: the report is
    # written, the lone article gets no interval, and Cohen's d is undefined rather than huge
    rows = []
    for outlet, labels, n in (("A", [["threat"], [], [], ["diplomacy"], []], 8), ("B", [["diplomacy"], [], []], 8),
                              ("C", [["threat"], []], 1)):
        for a in range(n):
            for s, ls in enumerate(labels):
                rows.append({"article_id": f"{outlet}{a}", "outlet": outlet, "lang": "en", "text": f"words {s}",
                             "labels": ls, "threat": 0.9 if "threat" in ls else 0.1,
                             "diplomacy": 0.9 if "diplomacy" in ls else 0.1, "tone": "neutral"})
    tables = report.compare_report(pd.DataFrame(rows), FRAMES, out=tmp_path, n_boot=100, n_perm=99, seed=1)
    assert (tmp_path / "report.html").exists() and (tmp_path / "prevalence_ci.png").exists()
    prevalence = tables["prevalence"].set_index(["group", "frame"])
    assert prevalence.loc[("C", "threat"), ["ci_low", "ci_high"]].isna().all()
    assert prevalence.loc[("A", "threat"), "estimate"] == pytest.approx(0.2)
    pairwise = tables["pairwise"]
    assert pairwise.loc[(pairwise["a"] == "A") & (pairwise["b"] == "B"), "cohens_d"].isna().all()
    assert report.format_ci(0.35, float("nan"), float("nan")) == "35% [no interval: 1 article]"
    assert "no interval: 1 article" in (tmp_path / "report.html").read_text("utf-8")


def test_text_summary_names_the_grouping():
    data = synthetic({"A": 0.3, "B": 0.3}, articles=10).rename(columns={"outlet": "desk"})
    tables = report.compare_report(data, FRAMES, by="desk", n_boot=100, n_perm=99, seed=2)
    text = report.summary_text(tables, by="desk")
    assert "Overall the desk groups do not differ clearly" in text and "outlet groups" not in text


def test_files_of_an_earlier_report_are_named_not_deleted(tmp_path):
    from framing.errors import InputWarning

    (tmp_path / "terms_old_outlet.png").write_bytes(b"old")
    data = synthetic({"A": 0.5, "B": 0.2}, articles=8)
    with pytest.warns(InputWarning, match="terms_old_outlet.png"):
        report.compare_report(data, FRAMES, out=tmp_path, n_boot=100, n_perm=99, seed=1)
    assert (tmp_path / "terms_old_outlet.png").read_bytes() == b"old" and (tmp_path / "report.html").exists()
