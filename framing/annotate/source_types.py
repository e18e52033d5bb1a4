"""Who a source is: official, expert, media, anonymous, citizen (or other).

Rules plus the gazetteer (the groups are defined in ``corpora/ATTRIBUTION_GUIDELINES.md`` §11):
unnamed officials ("US officials", "an FBI official", "مسؤولون أمريكيون") are anonymous; then the
word lists in ``framing/data/attribution.yaml`` (``source_types``) are checked in the order
anonymous, media, expert, citizen, other, official; a source that names a gazetteer actor falls
back on the actor's type (media actors are media; leaders, governments, militaries, countries,
organisations and armed groups are official). Anything else is ``other``.
``framing compare --by source_type`` compares frames across these groups.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from framing.text.normalize import normalize_arabic

SOURCE_TYPES = ("official", "expert", "media", "anonymous", "citizen", "other")
_ORDER = ("anonymous", "media", "expert", "citizen", "other", "official")
# Unnamed officials: "officials"/"official" as the last word of an English source ("Iranian
# officials", "a U.S. official"; "Pentagon official John Kirby" names one), and an Arabic source
# that opens with مسؤول/مسؤولون/مسؤولين/مسؤولو/مسؤولة (clitic and article allowed) and names no one
# the gazetteer knows.
_EN_UNNAMED_OFFICIALS = re.compile(r"\bofficials?$", re.IGNORECASE)
_AR_UNNAMED_OFFICIALS = re.compile(r"^(?:[وفبل]?ال|لل|[وفبل])?مسوول(?:ون|ين|و|ه)?(?:\s|$)")  # normalized: ؤ -> و, ة -> ه
_OFFICIAL_ACTORS = {"leader", "government", "military", "country", "organisation", "armed_group"}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, dict[str, list]]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster
    text = resources.files("framing.data").joinpath("attribution.yaml").read_text("utf-8")
    return yaml.load(text, Loader=loader)["source_types"]


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern]]:
    """The rules of one language, compiled on first use (an English-only run never pays for
    normalizing the Arabic lexicon, which loads camel-tools' Unicode tables)."""
    groups = _lexicon().get(lang)
    if groups is None:
        return []
    rules = []
    for group in _ORDER:
        words = [str(w) for w in groups.get(group, ())]
        if lang == "ar":
            alternatives = "|".join(re.escape(normalize_arabic(w)) for w in words)
            rules.append((group, re.compile(rf"(?:^|\s)(?:[وفبلك]?ال|لل|[وفبلك])?(?:{alternatives})(?=\s|$)")))
        else:
            # a word ends at a non-word character; an entry that ends in one ("(d-", "sen.") ends there
            alternatives = "|".join(re.escape(w.lower()) + (r"(?![\w])" if w[-1:].isalnum() else "") for w in words)
            rules.append((group, re.compile(rf"(?<![\w.])(?:{alternatives})")))
    return rules


@lru_cache(maxsize=20_000)
def _by_rules(source: str, lang: str) -> str | None:
    text = normalize_arabic(source) if lang == "ar" else source.lower()
    for group, pattern in _patterns(lang):
        if pattern.search(text):
            return group
    return None


def _unnamed_officials(source: str, lang: str, gazetteer: Any) -> bool:
    if lang == "en":
        return bool(_EN_UNNAMED_OFFICIALS.search(source.strip(" ,.;:")))
    if lang != "ar" or not _AR_UNNAMED_OFFICIALS.match(normalize_arabic(source.strip())):
        return False
    return not any(gazetteer.actors[a].type == "leader" for a in gazetteer.find(source, lang))


def source_type(source: str | None, lang: str, gazetteer: Any = None) -> str | None:
    """The group of ``source`` (a speaker span) in ``lang``; None when there is no source.

    >>> source_type("Kremlin spokesman Dmitry Peskov", "en")
    'official'
    >>> source_type("محللون", "ar")
    'expert'
    """
    if not source:
        return None
    from framing.annotate.actors import load_gazetteer

    gazetteer = load_gazetteer(gazetteer)
    if _unnamed_officials(source, lang, gazetteer):
        return "anonymous"
    group = _by_rules(source, lang)
    if group:
        return group
    for actor_id in gazetteer.find(source, lang):
        kind = gazetteer.actors[actor_id].type
        if kind == "media":
            return "media"
        if kind in _OFFICIAL_ACTORS:
            return "official"
    return "other"
