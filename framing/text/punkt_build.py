"""Train the shipped English Punkt parameters (``framing/data/punkt_en.json``).

Run with ``make punkt``. Trains nltk's ``PunktTrainer`` on the English text we wrote ourselves
(``corpora/frames/en.*.jsonl`` and the sample articles) and adds a curated list of news
abbreviations, so sentence splitting needs no nltk data download.
"""

from __future__ import annotations

import json
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from framing.text.lines import split_lines

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "framing" / "data" / "punkt_en.json"

# Lower-case, without the final period, as Punkt stores them.
ABBREVIATIONS = """
mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr rep sen gov pres amb rev hon st
jr sr co corp inc ltd plc bros dept univ assn est approx
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thurs fri sat sun
no nos vol fig p pp ed eds al etc vs cf ca
a.m p.m u.s u.k u.n u.s.a e.u d.c n.y l.a e.g i.e
ft mt km kg lb oz
""".split()


def _english_text() -> str:
    parts: list[str] = []
    for path in sorted((ROOT / "corpora" / "frames").glob("en*.jsonl")):
        for line in split_lines(path.read_text("utf-8")):
            if line.strip():
                parts.append(json.loads(line)["text"])
    for path in sorted((ROOT / "framing" / "data" / "samples").glob("*_en.txt")):
        parts.append(path.read_text("utf-8"))
    return "\n".join(parts)


def build() -> dict:
    """Train the English Punkt parameters on our own text plus the curated abbreviations."""
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(_english_text(), finalize=True)
    params = trainer.get_params()
    params.abbrev_types.update(ABBREVIATIONS)
    # Our training text is a list of separate sentences, so the orthographic statistics and
    # sentence starters Punkt learns from it describe line starts, not running prose (they made
    # "Gen. Park" end a sentence). Keep what transfers: abbreviations and collocations.
    return {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted(list(c) for c in params.collocations),
        "sent_starters": [],
        "ortho_context": {},
    }


def main() -> None:
    """Write the trained parameters to ``framing/data/punkt_en.json``."""
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['abbrev_types'])} abbreviations, "
          f"{len(data['collocations'])} collocations, {len(data['sent_starters'])} sentence starters")


if __name__ == "__main__":
    main()
