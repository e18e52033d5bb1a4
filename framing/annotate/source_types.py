"""Who a source is: official, expert, media, anonymous, citizen (or other).

Rules plus the gazetteer: the word lists in ``framing/data/attribution.yaml`` (``source_types``)
are checked in the order anonymous, media, expert, citizen, official; a source that names a
gazetteer actor falls back on the actor's type (media actors are media; leaders, governments,
militaries, countries, organisations and armed groups are official). Anything else is ``other``.
``framing compare --by source_type`` compares frames across these groups.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from framing.text.normalize import normalize_arabic

SOURCE_TYPES = ("official", "expert", "media", "anonymous", "citizen", "other")
_ORDER = ("anonymous", "media", "expert", "citizen", "official")
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
            rules.append((group, re.compile(rf"(?:^|\s)(?:[وفبلك]|لل)?(?:{alternatives})(?=\s|$)")))
        else:
            alternatives = "|".join(re.escape(w.lower()) for w in words)
            rules.append((group, re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")))
    return rules


@lru_cache(maxsize=20_000)
def _by_rules(source: str, lang: str) -> str | None:
    text = normalize_arabic(source) if lang == "ar" else source.lower()
    for group, pattern in _patterns(lang):
        if pattern.search(text):
            return group
    return None


def source_type(source: str | None, lang: str, gazetteer: Any = None) -> str | None:
    """The group of ``source`` (a speaker span) in ``lang``; None when there is no source.

    >>> source_type("Kremlin spokesman Dmitry Peskov", "en")
    'official'
    >>> source_type("محللون", "ar")
    'expert'
    """
    if not source:
        return None
    group = _by_rules(source, lang)
    if group:
        return group
    from framing.annotate.actors import load_gazetteer

    gazetteer = load_gazetteer(gazetteer)
    for actor_id in gazetteer.find(source, lang):
        kind = gazetteer.actors[actor_id].type
        if kind == "media":
            return "media"
        if kind in _OFFICIAL_ACTORS:
            return "official"
    return "other"
