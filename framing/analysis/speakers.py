"""Who is quoted: one row per speaker of scored sentences, with the group the rules gave it.

A speaker is a sentence's ``source_resolved`` (the named speaker, or the person a pronoun or a
subject-less cue stands for; :mod:`framing.annotate.attribution`), whitespace collapsed, per
language. The table is for auditing who a corpus voices and how each voice was typed
(``source_type``; :mod:`framing.annotate.source_types`). The rules type a person the text never
introduces by role (``"Haddad said"``) as ``other``; :func:`actors_template` turns those
speakers into an actors file a researcher completes with each person's group and passes back
with ``--actors`` (README: "Who is speaking").
"""

from __future__ import annotations

import re
from typing import Sequence

import pandas as pd

from framing.errors import InputError
from framing.schema import SOURCE_TYPES

COLUMNS = ["speaker", "lang", "source_type", "source_types", "sentences", "articles"]
# words inside a person's name that are written in lower case ("Ursula von der Leyen")
_NAME_PARTICLES = frozenset("al el bin ibn bint abu de del della der di da dos du la le van von y".split())
_AR_FUNCTION_WORDS = frozenset("في من على عن إلى الى مع لدى عند بين ضد".split())


def speakers(sentences: pd.DataFrame, frames: Sequence[str] = (), by: str | None = None,
             min_sentences: int = 1) -> pd.DataFrame:
    """One row per speaker and language, most quoted first.

    Columns: ``speaker, lang, source_type`` (the group given most often), ``source_types``
    (every group given, most often first, joined by ``"; "``: a name typed ``official`` where
    the article gives its title and ``other`` where it does not shows both), ``sentences``,
    ``articles``; with ``by`` (e.g. ``"outlet"``) the number of distinct values as ``<by>s``; per
    frame in ``frames`` the number of the speaker's sentences labeled with it. Speakers with fewer
    than ``min_sentences`` sentences are left out.
    """
    if min_sentences < 1:
        raise InputError(f"min_sentences must be at least 1, not {min_sentences}")
    needed = ["source_resolved", "source_type", *(["labels"] if frames else []), *([by] if by else [])]
    missing = [c for c in needed if c not in sentences]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; give the sentences DataFrame of scored articles")
    data = sentences[sentences["source_resolved"].map(lambda s: isinstance(s, str) and bool(s.strip()))]
    extra = ([f"{by}s"] if by else []) + list(frames)
    if data.empty:
        return pd.DataFrame(columns=COLUMNS + extra)
    work = pd.DataFrame({"speaker": data["source_resolved"].map(lambda s: " ".join(s.split())),
                         "lang": data["lang"].fillna("").astype(str) if "lang" in data else "",
                         "source_type": data["source_type"],
                         "article": data["article_id"] if "article_id" in data else pd.RangeIndex(len(data))},
                        index=data.index)
    if by:
        work["by"] = data[by]
    for frame in frames:
        work[f"frame:{frame}"] = data["labels"].map(lambda ls, f=frame: f in ls).astype(int)
    grouped = work.groupby(["speaker", "lang"], sort=False)
    table = grouped.size().rename("sentences").to_frame()
    table["articles"] = grouped["article"].nunique()
    if by:
        table[f"{by}s"] = grouped["by"].nunique()
    for frame in frames:
        table[frame] = grouped[f"frame:{frame}"].sum()
    # the groups given, most often first (ties in the order of SOURCE_TYPES)
    typed = work.dropna(subset=["source_type"]).groupby(["speaker", "lang", "source_type"], sort=False).size()
    typed = typed.rename("n").reset_index()
    typed["order"] = typed["source_type"].astype(str).map(_type_order)
    typed = typed.sort_values(["n", "order"], ascending=[False, True], kind="stable")
    ranked = typed.groupby(["speaker", "lang"], sort=False)["source_type"].agg(list)
    table["source_types"] = ranked.reindex(table.index).map(lambda ts: "; ".join(ts) if isinstance(ts, list) else "")
    table["source_type"] = ranked.reindex(table.index).map(lambda ts: ts[0] if isinstance(ts, list) else None)
    table = table.reset_index()
    table["lang"] = table["lang"].replace("", None)
    table = table[COLUMNS + extra]
    table = table[table["sentences"] >= min_sentences]
    return table.sort_values(["sentences", "articles", "speaker"], ascending=[False, False, True]).reset_index(drop=True)


def speakers_by(sentences: pd.DataFrame, by: str, frames: Sequence[str] = (), top: int | None = 10) -> pd.DataFrame:
    """:func:`speakers` within each ``by`` group (e.g. each outlet), the ``top`` most quoted of
    each (None: all), with the group as the first column ``group``."""
    if by not in sentences:
        raise InputError(f"missing column {by!r}; give the sentences DataFrame of scored articles")
    parts = []
    for group, part in sentences.groupby(by, sort=True, dropna=True):
        table = speakers(part, frames)
        parts.append((table if top is None else table.head(top)).assign(group=group))
    if not parts:
        return pd.DataFrame(columns=["group", *COLUMNS, *frames])
    table = pd.concat(parts, ignore_index=True)
    return table[["group", *[c for c in table.columns if c != "group"]]]


def _type_order(group: str) -> int:
    return SOURCE_TYPES.index(group) if group in SOURCE_TYPES else len(SOURCE_TYPES)


# Heads of Arabic group names: no person is called "برنامج الأغذية العالمي" or "دول الخليج"
_AR_GROUP_HEADS = frozenset("برنامج صندوق اتحاد رابطة نقابة لجنة حركة دول جماعة قوات فصائل سلطات أهالي سكان مصادر "
                            "مسؤولو مسؤولون جيش حكومة".split())


def _ar_group_head(word: str) -> bool:
    """An Arabic word that heads a group or institution's name (an institution noun, a title, a
    feminine plural in -ات), not a given name ("هارون", "حسين" end like masculine plurals)."""
    from framing.annotate.attribution.arabic import _AR_INSTITUTIONS, _AR_TITLES

    forms = (word, word[1:]) if word[:1] == "و" and len(word) > 3 else (word,)  # "ووزارة", and "وزارة" itself
    return any(f in _AR_GROUP_HEADS or f in _AR_INSTITUTIONS or f in _AR_TITLES for f in forms) \
        or word.endswith("ات") and len(word) > 4


def looks_like_a_name(speaker: str, lang: str | None) -> bool:
    """Whether ``speaker`` may be a person's name rather than a description ("the company",
    "witnesses", "التجار في المدينة"): in English, capitalized words and name particles only; in
    Arabic (no capitals), two or three words without punctuation, the first without the article
    ("حسن العلوي"; a single word with it, "البنك", is more often a noun than a surname)."""
    words = speaker.split()
    if not words or len(words) > 5:
        return False
    if lang == "ar":
        return 2 <= len(words) <= 3 and not words[0].startswith(("ال", "وال")) \
            and not re.search(r"[،,.:;؛()\"«»]", speaker) and not set(words) & _AR_FUNCTION_WORDS \
            and not _ar_group_head(words[0])
    return words[0][:1].isupper() and words[0] not in ("The", "A", "An") \
        and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)


def actors_template(table: pd.DataFrame, group: str = "other") -> tuple[str, int]:
    """An actors file (YAML, ``extends: default``) with one ``type: person`` entry per speaker of
    ``table`` (from :func:`speakers`) typed ``group`` whose name looks like a person's, most
    quoted first, and how many entries it has. Each entry's ``source_type`` repeats ``group``
    for the researcher to change; a bare surname joins the entry of the full name it ends
    ("Swetnick" with "Julie Swetnick"). The file loads as it is (:meth:`ActorGazetteer.load`)."""
    import yaml

    if group not in SOURCE_TYPES:
        raise InputError(f"group {group!r} is not one of {', '.join(SOURCE_TYPES)}")
    named = pd.Series([looks_like_a_name(s, lang) for s, lang in zip(table["speaker"], table["lang"])],
                      index=table.index, dtype=bool)
    chosen = table[(table["source_type"] == group) & named]
    entries: list[dict] = []
    for speaker, lang, n, articles in zip(chosen["speaker"], chosen["lang"], chosen["sentences"], chosen["articles"]):
        lang = lang or "en"
        home = next((e for e in entries if e["lang"] == lang and len(speaker.split()) == 1
                     and any(a.split()[-1] == speaker and a != speaker for a in e["aliases"])), None)
        if home is None:
            home = next((e for e in entries if e["lang"] == lang and len(e["aliases"][0].split()) == 1
                         and speaker.split()[-1] == e["aliases"][0] and speaker != e["aliases"][0]), None)
        if home is None:
            entries.append({"lang": lang, "aliases": [speaker], "sentences": int(n), "articles": int(articles)})
        else:
            home["aliases"].append(speaker)
            home["aliases"].sort(key=lambda a: -len(a))  # the full name first
            home["sentences"] += int(n)
            home["articles"] += int(articles)
    taken: set[str] = set()
    lines = ["# Speakers typed '" + group + "': the text never gives their role (framing speakers).",
             "# For each person, set source_type to official, expert, media, anonymous, citizen or other,",
             "# and delete the entries you do not want. An alias matches wherever it is written: drop a",
             "# bare surname that also names someone else. Then score again with --actors THIS_FILE.",
             "version: 1", "extends: default", "actors:"]
    for entry in entries:
        ident = _identifier(entry["aliases"][0], taken)
        item = {"id": ident, "type": "person", "source_type": group, "aliases": {entry["lang"]: entry["aliases"]}}
        dumped = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
        lines.append(f"  # {entry['sentences']} sentence(s) in {entry['articles']} article(s)")
        lines += ["  " + line for line in dumped.rstrip("\n").split("\n")]
    if not entries:
        lines[-1] = "actors: []"
    return "\n".join(lines) + "\n", len(entries)


def _identifier(name: str, taken: set[str]) -> str:
    """A readable, unique id: ``SPEAKER_`` and the name in ASCII capitals, else a number."""
    slug = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper()
    base = f"SPEAKER_{slug}" if slug else f"SPEAKER_{sum(not re.search('[A-Z]', t[8:]) for t in taken) + 1}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}_{n}", n + 1
    taken.add(ident)
    return ident
