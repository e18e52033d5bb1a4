"""Actors named in a sentence (countries, leaders, governments, armies, organisations, media).

A gazetteer (``framing/data/actors.yaml``; your own file replaces it, or adds to it with
``extends: default``) maps aliases in both languages to canonical ids. Arabic matching works on
normalized text and strips clitics (و/ف/ب/ل/ك, "لل" for "ال"), so "وبوتين", "للرئيس بوتين" and
"بيونج يانج"/"بيونغ يانغ" (when both spellings are listed) match; English matching accepts
possessives ("Putin's") and matches acronyms case-sensitively ("WHO" but not "who"). Arabic
nisba adjectives and plurals of countries are derived from the listed definite adjective
("المصري" gives مصري، مصرية، مصريون، مصريين، مصرياً، المصريات ...), so "مسؤول مصري" and
"وقطريون" are found without listing every form. The longest alias wins over the shorter ones it
contains, across actors; phrases under ``blocked`` in the actors file are matched like aliases
but name no actor ("مجلس الأمن القومي" is not the UN Security Council); words under ``cued``
name their actor only after a title, a reporting verb or a nationality ("لولا" is "if not for",
"الرئيس البرازيلي لولا" is Lula).

Rules that follow the labeling guide (corpora/ATTRIBUTION_GUIDELINES.md §8), each derived from the
gazetteer rather than listed per error:

* a hyphen separates words ("a Belgian-led team", "then-White House"); an actor's Latin acronym
  is found in Arabic text ("CNN");
* a country's military named by one of its services is the military ("U.S. Navy", "البحرية
  الأمريكية", "قوات الاحتلال الأمريكي"; soldiers stay the country); forces named after a leader
  are the leader ("قوات الأسد");
* a country word names no country inside an outlet's or institution's name ("USA Today", "the
  American Medical Association", "صحيفة "المصري اليوم"", "التلفزيون الصيني", "(السوداني)"), as a
  language ("speak Polish", "in Spanish.", "باللغة الفرنسية"), in a continent or set phrase
  (blocked: "Latin America", "Russian roulette"), nor in an international body's national branch
  ("Russian Security Council", "الصليب الأحمر الصيني": the country, not the organisation);
* another person of a leader's family is not the leader ("Melania Trump", "Mrs. Trump", "Trump
  Jr.", "Kim Kardashian"): a surname alias after another given name, a family name written first
  before another name;
* Arabic normalization does not make names of other words: "اليمنى" (the right hand) is not
  "اليمني", "وجوباً" (with tanween, an indefinite noun) is not "و" + "جوبا".

:class:`ActorAnnotator` is the component the scorer runs (column ``actors``);
:func:`framing.analysis.actors.by_actor` tabulates frames and tone per actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from framing.annotate.base import Sentences
from framing.errors import CodebookError
from framing.schema import ACTOR_COLUMNS, LANGUAGES, SOURCE_TYPES
from framing.text.normalize import normalize_arabic

ACTOR_TYPES = ("country", "leader", "government", "military", "organisation", "armed_group", "media", "person")
_AR_TOKEN = re.compile(r"[\u0621-\u064A\u0660-\u0669A-Za-z0-9]+")
# "Putin's" -> "Putin", "s"; "U.S." -> "U.S"; a hyphen separates words, so "French-led" and
# "then-White House" hold "French" and "White House" (an alias "al-Qaeda" is "al", "Qaeda")
_EN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.&][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Actor:
    """One gazetteer entry: canonical ``id``, ``type``, names and aliases per language, ``parent``,
    and optionally the ``source_type`` a source naming it belongs to (official, expert, media,
    anonymous, citizen, other; :mod:`framing.annotate.source_types`), e.g. for a ``person``."""

    id: str
    type: str
    name: dict[str, str]
    parent: str | None
    aliases: dict[str, tuple[str, ...]]
    source_type: str | None = None


class ActorGazetteer:
    """Finds actor mentions; ``ActorGazetteer.load()`` reads the shipped file (or yours)."""

    def __init__(self, actors: Sequence[Actor], blocked: dict[str, Sequence[str]] | None = None,
                 cued: dict[str, dict[str, str]] | None = None, us_state_homonyms: dict[str, Sequence[str]] | None = None,
                 person_names: dict[str, Sequence[str]] | None = None):
        self.actors = {a.id: a for a in actors}
        self.cued = {lang: dict(words) for lang, words in (cued or {}).items()}
        # aliases that also name a US state ("Georgia"): the country only beside an actor outside the US
        self._en_homonyms = frozenset(tuple(t.lower() for t in _en_tokens(a)) for a in (us_state_homonyms or {}).get("en", ()))
        self._us = frozenset(a.id for a in actors if a.id == "USA" or a.parent == "USA")
        self._ar_cued: frozenset[tuple[str, ...]] = frozenset()
        self.blocked = {lang: tuple(phrases) for lang, phrases in (blocked or {}).items()}
        self._ar_index: dict[str, list[tuple[tuple[str, ...], str]]] | None = None  # built on first Arabic text
        self._ar_indefinite: frozenset[str] = frozenset()  # derived nisba forms without ال ("مصرية")
        self._ar_starts: dict[str, bool] = {}  # token -> whether an alias may start there
        self._country = frozenset(a.id for a in actors if a.type == "country")
        self._media = frozenset(a.id for a in actors if a.type == "media")
        self._organisation = frozenset(a.id for a in actors if a.type == "organisation")
        self._ar_nisba: frozenset[str] = frozenset()  # definite nisba forms of countries ("المصرية")
        self._ar_names: frozenset[str] = frozenset()  # countries' Arabic names ("السعودية")
        self._un_body = frozenset(a.id for a in actors if a.parent == "UN" and a.type == "organisation")
        self._en: dict[str, list[tuple[tuple[str, ...], bool, bool, str]]] = {}
        self._en_next: dict[str, dict[str, list[tuple[tuple[str, ...], bool, bool, str]]]] = {}
        pairs = [(alias, actor.id) for actor in actors for alias in actor.aliases.get("en", ())]
        pairs += _en_services(actors, {p[0].lower() for p in pairs})
        pairs += [(phrase, "") for phrase in self.blocked.get("en", ())]  # "" names no actor
        for alias, actor_id in pairs:
            tokens = tuple(_en_tokens(alias))
            if tokens:
                exact = alias.isupper()  # acronyms match case-sensitively: WHO, not "who"
                # a capitalized alias is a name: not matched by a word in lower case ("turkey",
                # "chad", "china" are not Turkey, Chad, China; "an Islamic state" is not the
                # Islamic State); upper case text still matches. ``proper``: its capitalized words
                proper = () if exact or not tokens[0][:1].isupper() else \
                    tuple(k for k, t in enumerate(tokens) if t[:1].isupper())
                key = tokens if exact else tuple(t.lower() for t in tokens)
                self._en.setdefault(tokens[0].lower(), []).append((key, exact, proper, actor_id))
        for first, entries in self._en.items():
            entries.sort(key=lambda e: -len(e[0]))  # longest alias first
            # grouped by the second word, so that most longer aliases are skipped by one lookup
            self._en_next[first] = {}
            for entry in entries:
                self._en_next[first].setdefault(entry[0][1] if len(entry[0]) > 1 else "", []).append(entry)
        # A leader's alias that is the end of a longer one ("Trump", "al-Assad") is a surname:
        # after another given name it is another person ("Melania Trump"); one that begins a
        # longer one ("Kim", "Xi") is a family name written first: before another name it is
        # another person ("Kim Yo Jong").
        self._en_surname: set[tuple[str, tuple[str, ...]]] = set()
        self._en_family_first: set[tuple[str, tuple[str, ...]]] = set()
        self._en_name_words: dict[str, frozenset[str]] = {}
        for actor in actors:
            if actor.type != "leader":
                continue
            keys = {tuple(t.lower() for t in _en_tokens(a)) for a in actor.aliases.get("en", ())}
            self._en_name_words[actor.id] = frozenset(t for k in keys for t in k)
            names = {tuple(t.lower() for t in _en_tokens(a)) for a in actor.aliases.get("en", ())
                     if _en_tokens(a)[0] not in _EN_NOT_GIVEN}  # "President Xi" is no full name
            for key in keys:
                longer = [k for k in names if len(k) > len(key)]
                if any(k[-len(key):] == key for k in longer):
                    self._en_surname.add((actor.id, key))
                elif len(key) == 1 and any(k[0] == key[0] for k in longer):
                    self._en_family_first.add((actor.id, key))
        # aliases that are also a person's name ("Jordan", "Chad"): after a given name or a
        # personal title they are a person ("Michael Jordan", "Rep. Jordan")
        self._en_person_names: set[tuple[str, tuple[str, ...]]] = set()
        for alias in (person_names or {}).get("en", ()):
            key = tuple(t.lower() for t in _en_tokens(alias))
            for entry in self._en.get(key[0], ()) if key else ():
                if entry[0] == key and entry[3]:
                    self._en_person_names.add((entry[3], key))
                    self._en_surname.add((entry[3], key))
                    words = {t.lower() for a in self.actors[entry[3]].aliases.get("en", ()) for t in _en_tokens(a)}
                    self._en_name_words[entry[3]] = self._en_name_words.get(entry[3], frozenset()) | words

    @property
    def _ar(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Arabic aliases by first normalized token (normalizing needs camel-tools: built lazily,
        so English-only work never pays for it)."""
        if self._ar_index is None:
            index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            listed: dict[tuple[str, ...], str] = {}
            for actor in self.actors.values():
                for alias in actor.aliases.get("ar", ()):
                    tokens = tuple(_AR_TOKEN.findall(normalize_arabic(alias)))
                    if tokens:
                        listed.setdefault(tokens, actor.id)
                for alias in actor.aliases.get("en", ()):
                    if _LATIN_ACRONYM.fullmatch(alias):  # "CNN", "NATO" written in Latin in Arabic text
                        listed.setdefault((alias,), actor.id)
            for phrase in self.blocked.get("ar", ()):
                tokens = tuple(_AR_TOKEN.findall(normalize_arabic(phrase)))
                if tokens:
                    listed[tokens] = ""  # matched, names no actor
            cued: dict[tuple[str, ...], str] = {}
            for word, actor_id in self.cued.get("ar", {}).items():
                tokens = tuple(_AR_TOKEN.findall(normalize_arabic(word)))
                if tokens and tokens not in listed:
                    cued[tokens] = actor_id
            self._ar_cued = frozenset(cued)
            derived: dict[tuple[str, ...], str] = {**cued}
            for tokens, actor_id in _ar_services(self.actors.values(), listed):
                derived.setdefault(tokens, actor_id)
            adjectives = {f for t in listed for f in nisba_forms(t[0])}
            for tokens, actor_id in list(listed.items()):  # "قوات الأسد": forces named after a leader's
                if actor_id and self.actors[actor_id].type == "leader" and len(tokens) == 2 \
                        and not tokens[0].startswith("ال") and tokens[0] not in _AR_CUES \
                        and (tokens[1],) not in listed and tokens[1] not in adjectives \
                        and ("قوات", tokens[1]) not in listed:  # surname ("بشار الأسد")
                    derived.setdefault(("قوات", tokens[1]), actor_id)
            for tokens, actor_id in listed.items():
                if actor_id and self.actors[actor_id].type == "country" and len(tokens) == 1:
                    for form in nisba_forms(tokens[0]):
                        derived.setdefault((form,), actor_id)
            self._ar_names = frozenset(" ".join(_AR_TOKEN.findall(normalize_arabic(a.name.get("ar", ""))))
                                       for a in self.actors.values() if a.type == "country")
            # nisba forms without ال ("مصرية", also "سورية", a name of Syria): adjectives
            self._ar_indefinite = frozenset(t[0] for t in derived if len(t) == 1 and not t[0].startswith("ال")
                                            and t[0][-1:] in "يهنا" and t not in cued)
            self._ar_nisba = frozenset(t[0] for t in derived if len(t) == 1 and t[0].startswith("ال") and t not in cued) \
                | frozenset(t[0] for t, a in listed.items() if len(t) == 1 and a in self._country
                            and t[0].startswith("ال") and t[0].endswith(("ي", "يه", "يون", "يين")))
            for tokens, actor_id in {**derived, **listed}.items():  # listed aliases win
                index.setdefault(tokens[0], []).append((tokens, actor_id))
            for entries in index.values():
                entries.sort(key=lambda e: -len(e[0]))
            self._ar_index = index
        return self._ar_index

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ActorGazetteer":
        """Read an actors file (YAML; the shipped one when ``path`` is None); :class:`CodebookError` if malformed."""
        import yaml

        source = resources.files("framing.data").joinpath("actors.yaml") if path is None else Path(path)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster
        try:
            data = yaml.load(source.read_text("utf-8"), Loader=loader)
            if isinstance(data, dict) and "extends" in data:
                if data["extends"] != "default":
                    raise CodebookError(f"{path}: 'extends' must be 'default' (the shipped gazetteer), "
                                        f"not {data['extends']!r}")
                shipped = resources.files("framing.data").joinpath("actors.yaml").read_text("utf-8")
                data = _extend(yaml.load(shipped, Loader=loader), data, path)
        except (OSError, yaml.YAMLError) as exc:
            raise CodebookError(f"{path or 'actors.yaml'}: cannot read actors file ({exc.__class__.__name__})") from None
        entries = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise CodebookError(f"{path or 'actors.yaml'}: expected a mapping with an 'actors' list")
        blocked = data.get("blocked") or {}
        if not isinstance(blocked, dict) or not all(isinstance(v, list) for v in blocked.values()):
            raise CodebookError(f"{path or 'actors.yaml'}: 'blocked' must map a language to a list of phrases")
        person_names = data.get("person_names") or {}
        if not isinstance(person_names, dict) or not all(isinstance(v, list) for v in person_names.values()):
            raise CodebookError(f"{path or 'actors.yaml'}: 'person_names' must map a language to a list of aliases")
        homonyms = data.get("us_state_homonyms") or {}
        if not isinstance(homonyms, dict) or not all(isinstance(v, list) for v in homonyms.values()):
            raise CodebookError(f"{path or 'actors.yaml'}: 'us_state_homonyms' must map a language to a list of aliases")
        cued = data.get("cued") or {}
        if not isinstance(cued, dict) or not all(isinstance(v, dict) for v in cued.values()):
            raise CodebookError(f"{path or 'actors.yaml'}: 'cued' must map a language to {{word: actor id}}")
        actors = []
        for i, item in enumerate(entries, 1):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise CodebookError(f"{path or 'actors.yaml'}: actor #{i} needs an 'id'")
            kind = item.get("type", "organisation")
            if kind not in ACTOR_TYPES:
                raise CodebookError(f"{path or 'actors.yaml'}: actor {item['id']}: type {kind!r} is not one of {', '.join(ACTOR_TYPES)}")
            group = item.get("source_type")
            if group is not None and group not in SOURCE_TYPES:
                raise CodebookError(f"{path or 'actors.yaml'}: actor {item['id']}: source_type {group!r} is not one of "
                                    f"{', '.join(SOURCE_TYPES)}")
            aliases = item.get("aliases") or {}
            actors.append(Actor(item["id"], kind, dict(item.get("name") or {}), item.get("parent"),
                                {lang: tuple(str(a) for a in names or ()) for lang, names in aliases.items()}, group))
        ids = {a.id for a in actors}
        unknown = sorted(str(v) for words in cued.values() for v in words.values() if v not in ids)
        if unknown:
            raise CodebookError(f"{path or 'actors.yaml'}: 'cued' names unknown actor(s) {', '.join(unknown)}")
        return cls(actors, {lang: [str(p) for p in phrases] for lang, phrases in blocked.items()},
                   {lang: {str(k): str(v) for k, v in words.items()} for lang, words in cued.items()},
                   {lang: [str(a) for a in aliases] for lang, aliases in homonyms.items()},
                   {lang: [str(a) for a in aliases] for lang, aliases in person_names.items()})

    def find(self, text: str, lang: str, normalized: str | None = None) -> list[str]:
        """Canonical ids of the actors mentioned in ``text``, in order of first mention.

        ``normalized`` may pass Arabic text already normalized (saves normalizing it again).
        """
        seen: dict[str, None] = {}
        for _, _, actor_id in self._scan(text, lang, normalized)[0]:
            if actor_id:
                seen.setdefault(actor_id, None)
        return list(seen)

    def mentions(self, text: str, lang: str, normalized: str | None = None) -> list[tuple[int, int, str, str]]:
        """Every match in ``text``: ``(first token, token count, actor id, matched words)``, in
        order; a blocked phrase has the id ``""`` (Arabic words are the normalized ones)."""
        found, tokens = self._scan(text, lang, normalized)
        return [(i, n, actor_id, " ".join(tokens[i:i + n])) for i, n, actor_id in found]

    def _scan(self, text: str, lang: str, normalized: str | None) -> tuple[list[tuple[int, int, str]], list[str]]:
        found: list[tuple[int, int, str]] = []
        tokens: list[str] = []
        if lang == "ar":
            norm = normalized if normalized is not None else normalize_arabic(text)
            tokens = _AR_TOKEN.findall(norm)
            keys = self._ar
            starts = self._ar_starts
            tanween: bool | None = None  # whether the text has tanween, checked on the first match
            next_free = 0
            for i, token in enumerate(tokens):
                if i < next_free:
                    continue
                start = starts.get(token)
                if start is None:
                    if len(starts) > 200_000:
                        starts.clear()
                    start = starts[token] = any(v in keys for v in _clitic_variants(token))
                if not start:
                    continue
                match = self._match_ar(tokens, i, text)
                if match and match[1] and "ى" in text and tokens[i + match[0] - 1].endswith("ي") \
                        and tokens[i + match[0] - 1] in _maksura_words(text):
                    match = None  # "يده اليمنى" (his right hand) is not "اليمني" (Yemeni)
                if match and match[1] and match[0] == 1 and tanween is None:
                    tanween = "\u064b" in text or "\u064c" in text or "\u064d" in text
                if match and match[1] and match[0] == 1 and tanween \
                        and tokens[i] in _tanween_words(text) and tokens[i] not in self._ar_indefinite:
                    match = None  # "وجوباً" (obligatorily) is no "و" + "جوبا": a name takes no tanween
                if match and match[1] in self._country and match[0] == 1 and self._ar_language(tokens, i, norm):
                    match = (match[0], "")  # "بلغات منها الإنجليزية، الفرنسية": languages
                if match and match[1] in self._country and self._ar_in_name(tokens, i, norm):
                    match = (match[0], "")  # "صحيفة المصري اليوم" is not Egypt
                elif match and match[1] in self._country and found and found[-1][0] + found[-1][1] == i \
                        and found[-1][2] in self._organisation and tokens[i] in self._ar_nisba:
                    found[-1] = (found[-1][0], found[-1][1], "")  # "الصليب الأحمر الصيني": China's, not the ICRC
                if match:
                    found.append((i, match[0], match[1]))
                    next_free = i + match[0]
        elif lang == "en":
            tokens = _EN_TOKEN.findall(text)
            lowered = [t.lower() for t in tokens]
            keys = self._en
            homonyms: list[int] = []
            next_free = 0
            for i in [i for i, t in enumerate(lowered) if t in keys]:
                if i < next_free:
                    continue
                match = self._match_en(tokens, lowered, i)
                if match and match[1] in self._country and (_en_in_name(tokens, i, match[0])
                                                            or i and tokens[i - 1] in _EN_SPEAK
                                                            or i and tokens[i - 1] == "in" and tokens[i] in _EN_LANGUAGES
                                                            and _en_in_language(text, tokens[i])):
                    match = (match[0], "")  # "USA Today", "Tehran Times" are outlets; "speak Polish", "in Polish."
                elif match and match[1] in self._un_body and found and found[-1][0] + found[-1][1] == i \
                        and found[-1][2] in self._country and f"{tokens[i - 1]} {tokens[i]}" in text:
                    match = (match[0], "")  # "Russian Security Council" is Russia's, not the UN's
                elif match and match[1] in self._en_name_words and self._en_other_person(text, tokens, i, *match):
                    match = (match[0], "")  # "Melania Trump", "Trump Jr.", "Kim Yo Jong"
                elif match and len(match) > 2 and match[2] in _EN_GENERIC_BODIES and i \
                        and self._en_other_body(text, tokens, i, match[1]):
                    match = (match[0], "")  # "the Eucharistic Congress", "the Brazilian Congress"
                if match:
                    if match[1] and len(match) > 2 and match[2] in self._en_homonyms:
                        homonyms.append(len(found))
                    found.append((i, match[0], match[1]))
                    next_free = i + match[0]
            if homonyms and not any(f[2] and f[2] not in self._us for k, f in enumerate(found) if k not in homonyms):
                for k in homonyms:  # "a school in Georgia": the US state; "Russia and Georgia": the country
                    found[k] = (found[k][0], found[k][1], "")
        return found, tokens

    def _match_en(self, tokens: list[str], lowered: list[str], i: int):
        by_next = self._en_next.get(lowered[i])
        if not by_next:
            return None
        groups = [by_next.get(""), by_next.get(lowered[i + 1]) if i + 1 < len(tokens) else None]
        if i + 1 < len(tokens) and tokens[i + 1] != lowered[i + 1]:
            groups.append(by_next.get(tokens[i + 1]))  # acronyms keep their case ("U.S")
        best = None
        for group in groups:
            for alias, exact, proper, actor_id in group or ():
                n = len(alias)
                if best and n <= best[0]:
                    break
                if proper and any(tokens[i + k].islower() for k in proper if i + k < len(tokens)):
                    continue
                if tuple((tokens if exact else lowered)[i:i + n]) == alias:
                    best = (n, actor_id, alias)
                    break
        return best

    def _en_other_body(self, text: str, tokens: list[str], i: int, actor_id: str) -> bool:
        """Whether a generic institution name ("Congress") is another body than the actor: right
        after a capitalized modifier that is no word of the actor's or its country's names."""
        before = tokens[i - 1]
        if not (before[:1].isupper() and before[1:2].islower()) or before in _EN_NOT_GIVEN or before in _EN_OPENERS:
            return False
        actor = self.actors[actor_id]
        own = {t.lower() for a in actor.aliases.get("en", ()) for t in _en_tokens(a)}
        if actor.parent in self.actors:
            own |= {t.lower() for a in self.actors[actor.parent].aliases.get("en", ()) for t in _en_tokens(a)}
        words = [t for t in tokens if t[:1].isalpha()]
        if sum(t[:1].isupper() for t in words) > 0.6 * len(words):  # a headline in title case
            return False
        return before.lower() not in own and f"{before} {tokens[i]}" in text

    def _en_other_person(self, text: str, tokens: list[str], i: int, n: int, actor_id: str, key: tuple) -> bool:
        """Whether a leader's name at ``tokens[i:i+n]`` names another person of the family: a
        generational suffix follows ("Trump Jr."), a surname alias follows another given name
        or Mrs/Ms ("Barron Trump", "Mrs. Trump"), or a family name written first is followed by
        another given name ("Kim Kardashian")."""
        if i + n < len(tokens) and tokens[i + n] in _EN_GENERATION:
            return True
        surname = (actor_id, key) in self._en_surname
        if not surname and (actor_id, key) not in self._en_family_first:
            return False
        j = i - 1 if surname else i + n
        if surname and j >= 0 and tokens[j] in _EN_PERSON_TITLES and (actor_id, key) in self._en_person_names:
            return True  # "Rep. Jordan", "Capt. Chad"
        if not 0 <= j < len(tokens) or not _en_name_like(tokens[j]):
            return False
        word = tokens[j].lower()  # the actor's own given name, also spelled otherwise ("Abdel Fatah el-Sisi")
        if word in self._en_name_words[actor_id] or any(len(w) > 3 and w[:3] == word[:3] for w in self._en_name_words[actor_id]):
            return False
        honorific = surname and tokens[j] in _EN_HONORIFICS_OTHER
        if not honorific and tokens[j].lower() in self._en:  # another actor's name ("Russian")
            return False
        spans = [m.span() for m in _EN_TOKEN.finditer(text)]
        if len(spans) != len(tokens):
            return False
        words = [t for t in tokens if t[:1].isalpha()]
        if sum(t[:1].isupper() for t in words) > 0.6 * len(words):  # a headline in title case
            return False
        first, second = (j, i) if surname else (i + n - 1, j)
        gap = text[spans[first][1]:spans[second][0]]
        if honorific:
            return gap in (" ", ". ")
        if gap != " ":
            return False
        if surname:  # a word that opens the sentence or a clause may be a verb ("Tell Trump to
            before = text[:spans[j][0]].rstrip()  # ..."): a given name only before a verb
            if not before or before[-1] in _EN_CLAUSE_START:
                after = tokens[i + n] if i + n < len(tokens) else ""
                return after.islower() and after not in _EN_FUNCTION \
                    and text[spans[i + n - 1][1]:spans[i + n][0]] == " "
        return True

    def _ar_language(self, tokens: list[str], i: int, norm: str) -> bool:
        """Whether the definite feminine nisba at ``i`` names a language: right after a language
        noun ("اللغة الفرنسية"), or an item of a list that follows one ("بلغات منها الإنجليزية،
        الفرنسية")."""
        token = tokens[i]
        if not token.endswith("يه") or not any(v in self._ar_nisba and v not in self._ar_names for v in _clitic_variants(token)):
            return False  # ("بالسعودية": in Saudi Arabia, a country named like its adjective)
        if token.startswith("بال"):  # "تحدث بالفرنسية": in French
            return True
        before = _clitic_variants(tokens[i - 1]) if i else ()
        if any(v in _AR_LANGUAGE for v in before):
            return True
        if not any(any(v in _AR_LANGUAGE for v in _clitic_variants(t)) for t in tokens[max(0, i - 12):i]):
            return False
        listed = token[:1] == "و" or any(v in ("بينها", "منها", "مثل") for v in before)
        if not listed and i:
            at = norm.find(" " + token)
            listed = at > 0 and norm[:at].rstrip()[-1:] in ("،", ",", ":")
        return listed

    def _ar_in_name(self, tokens: list[str], i: int, norm: str) -> bool:
        """Whether the country at token ``i`` is part of an outlet's or institution's name: right
        after such a noun in the construct state ("صحيفة المصري اليوم", "جامعة القاهرة"; an
        indefinite nisba is an adjective: "صحيفة مصرية"), or inside quotation marks opened
        right after it ("قناة "صوت مصر""; "موقع" only so, as "موقع لبنان" is Lebanon's position)."""
        token = tokens[i]
        before = tokens[i - 1] if i else ""
        if token in self._ar_nisba and norm.count(token) == 1 and not any(v.startswith("ال") for v in _clitic_variants(before)):
            at = norm.find(token)  # "لـ(السوداني)": a nisba alone in brackets, after no noun, is a newspaper
            if norm[:at].rstrip()[-1:] in ('(', '"') and norm[at + len(token):].lstrip()[:1] in (")", '"'):
                return True
        if i == 0:
            return False
        if token in self._ar_nisba and any(v.startswith("ال") and v[2:] in _AR_NAMED_WITH_NISBA for v in _clitic_variants(before)):
            return True  # "التلفزيون الصيني", "للشركة العمانية": a name, not the country
        if _name_noun(before) == 2 and not any(v in self._ar_indefinite for v in _clitic_variants(token)):
            return True
        if '"' not in norm or not any(_name_noun(t) for t in tokens[max(0, i - 4):i]):
            return False
        spans = [m.span() for m in _AR_TOKEN.finditer(norm)]
        quote = norm.rfind('"', 0, spans[i][0])
        if quote < 0 or norm.count('"', 0, quote) % 2:  # no quotation opened before the word
            return False
        j = next((k for k in range(i - 1, -1, -1) if spans[k][1] <= quote), -1)
        return j >= 0 and i - j <= 4 and norm[spans[j][1]:quote].strip() == "" and _name_noun(tokens[j]) > 0

    def _match_ar(self, tokens: list[str], i: int, text: str = ""):
        for first in _clitic_variants(tokens[i]):
            for alias, actor_id in self._ar.get(first, ()):
                n = len(alias)
                if tuple(tokens[i + 1:i + n]) == alias[1:]:
                    if alias in self._ar_cued and not (i and any(v in _AR_CUES for v in _clitic_variants(tokens[i - 1]))
                                                       or i and tokens[i - 1] in self._ar_nisba):
                        return None  # "لولا تدخل" (if not for), not "الرئيس البرازيلي لولا"
                    if n == 1 and len(first) <= 3 and actor_id in self._media and (
                            first != tokens[i] and tokens[i][:1] in "وف" and first == tokens[i][1:]
                            or tokens[i] in _hamza_words(text)):
                        continue  # an agency's acronym is no "و" + word ("وقنا") nor a word with hamza ("وأم")
                    return n, actor_id
        return None


# A place right after one of these nouns in the construct state names an outlet or institution
# (normalized: صحيفة، جريدة، قناة، مجلة، شبكة، إذاعة، مستشفى ...).
_AR_NAME_NOUNS = frozenset((
    "صحيفه", "جريده", "قناه", "مجله", "شبكه", "اذاعه", "تلفزيون", "تليفزيون", "راديو", "وكاله",
    "جامعه", "معهد", "مستشفي", "نادي", "فندق", "ملعب", "متحف", "مطار", "بنك", "مصرف", "شركه",
    "جمعيه", "مؤسسه", "محكمه"))
_AR_QUOTED_NAME_NOUNS = frozenset({"موقع", "منصه", "برنامج"})  # only with a quoted name
# Definite nouns whose nisba is part of a name ("التلفزيون الصيني", "الشركة العمانية ..."); a
# newspaper's or a court's nisba describes it ("الصحيفة الكويتية", "المحكمة الإسرائيلية العليا").
_AR_NAMED_WITH_NISBA = frozenset((
    "تلفزيون", "تليفزيون", "اذاعه", "جامعه", "معهد", "مستشفي", "شركه", "جمعيه", "مؤسسه", "بنك", "مصرف",
    "نادي", "فندق", "متحف", "مطار", "ملعب"))
# Titles and reporting verbs after which a cued one-word name is the actor (normalized).
_AR_CUES = frozenset((
    "الرييس", "رييس", "الزعيم", "الامير", "امير", "الشيخ", "الفريق", "السلطان", "الملك", "السيد",
    "قال", "اضاف", "اكد", "اشار", "اوضح", "تابع", "شدد", "اعلن", "صرح", "لفت", "دعا", "راي", "اعتبر",
    "نفي", "حذر", "هدد", "اتهم", "طالب", "وصف", "زار", "التقي", "استقبل", "بحث", "بين", "ذكر", "قالت",
    "يقول", "واكد", "يري", "اعرب", "عبر", "ابلغ", "امر", "اصدر", "وجه"))


@lru_cache(maxsize=100_000)
def _name_noun(token: str) -> int:
    """2 for a noun of ``_AR_NAME_NOUNS`` (with its clitics), 1 for one of ``_AR_QUOTED_NAME_NOUNS``, else 0."""
    variants = _clitic_variants(token)
    return 2 if any(v in _AR_NAME_NOUNS for v in variants) else int(any(v in _AR_QUOTED_NAME_NOUNS for v in variants))
# Capitalized words that after a place make the name of an outlet or institution.
_EN_NAME_AFTER = frozenset((
    "Times", "Post", "Herald", "Tribune", "Journal", "Daily", "Today", "TODAY", "Gazette", "Examiner",
    "Independent", "Observer", "Telegraph", "Monitor", "Chronicle", "Globe", "Mail", "Insider",
    "Spectator", "Conservative", "Prospect", "Thinker", "Mercury", "Enquirer", "Register", "Sentinel",
    "Courier", "Dispatch", "Bulletin", "Magazine", "Weekly", "University", "College", "Institute", "School",
    "Airlines", "Airways"))
_EN_NAME_BEFORE = frozenset(("University", "College", "Institute"))  # "University of Jordan"


# Head nouns of an association's name: "American Muslim Association", "Canadian ... Committee".
_EN_ORG_HEADS = frozenset((
    "Association", "Federation", "League", "Society", "Foundation", "Alliance", "Institute", "Union",
    "Committee", "Coalition", "Network", "Forum", "Academy", "Club", "Museum", "Center", "Centre"))


def _en_in_name(tokens: list[str], i: int, n: int) -> bool:
    """Whether the place at ``tokens[i:i+n]`` is part of an outlet's or institution's name
    ("USA Today", "The American Spectator", "University of Jordan", "the American Medical
    Association")."""
    end = i + n
    if end < len(tokens) and tokens[end] in _EN_NAME_AFTER:
        return True
    if i >= 2 and tokens[i - 1] == "of" and tokens[i - 2] in _EN_NAME_BEFORE:
        return True
    if end < len(tokens) and tokens[end][:1].isupper() and tokens[end][1:2].islower():
        for t in tokens[end:end + 5]:
            if t in _EN_ORG_HEADS:
                return True
            if not (t[:1].isupper() and t[1:2].islower()):
                break
    return False


# A nationality word after these is a language ("did not speak Polish").
_EN_SPEAK = frozenset(("speak", "speaks", "spoke", "speaking", "spoken", "fluent", "translated", "dubbed"))
# A country's military named by one of its services (guide §8): "U.S. Navy", "البحرية الأمريكية".
# (Soldiers are people of the country: "الجنود الإسرائيليين" is Israel.)
_EN_SERVICES = ("army", "navy", "air force", "marines", "marine corps", "coast guard", "special forces",
                "military", "armed forces", "forces", "troops")
_AR_SERVICES = {"": ("الجيش", "سلاح الجو", "قوات الاحتلال", "جيش الاحتلال"),  # + the nisba, agreeing
                "ه": ("القوات", "البحريه", "القوات البحريه", "القوات الجويه", "القوات الخاصه", "مشاه البحريه",
                      "قوات الاحتلال")}


def _en_services(actors: Sequence[Actor], listed: set[str]) -> list[tuple[str, str]]:
    """English aliases of each military from its listed "<country word> military/army/forces/troops"
    aliases, with every service noun ("US Navy", "Israeli air force")."""
    out = []
    for actor in actors:
        if actor.type != "military":
            continue
        for alias in actor.aliases.get("en", ()):
            head, _, last = alias.rpartition(" ")
            if head and last.lower() in ("military", "army", "forces", "troops"):
                out += [(f"{head} {s}", actor.id) for s in _EN_SERVICES if f"{head} {s}".lower() not in listed]
    return out


def _ar_services(actors, listed: dict[tuple[str, ...], str]) -> list[tuple[tuple[str, ...], str]]:
    """Normalized Arabic aliases of each military from its listed "الجيش <nisba>" alias, with every
    service noun and the agreeing nisba ("البحرية الأمريكية", "الجنود الأمريكيين")."""
    out = []
    for tokens, actor_id in listed.items():
        if not actor_id or tokens[0] != "الجيش" or len(tokens) < 2:
            continue
        actor = next((a for a in actors if a.id == actor_id), None)
        nisba = tokens[1:]
        if actor is None or actor.type != "military" or not all(t.startswith("ال") and t.endswith("ي") for t in nisba):
            continue
        for ending, services in _AR_SERVICES.items():
            for service in services:
                form = tuple(service.split()) + tuple(t + ending for t in nisba)
                if form not in listed:
                    out.append((form, actor_id))
    return out


_EN_LANGUAGES = frozenset((
    "French", "Spanish", "Portuguese", "German", "Italian", "Russian", "Chinese", "Japanese", "Korean",
    "Hebrew", "Persian", "Turkish", "Polish", "Dutch", "Greek", "Swedish", "Norwegian", "Danish", "Finnish",
    "Hungarian", "Ukrainian", "Czech", "Romanian", "Serbian", "Vietnamese", "Thai", "Indonesian", "Armenian",
    "Georgian", "Albanian", "Bulgarian", "Croatian", "Slovak", "Lithuanian", "Latvian", "Estonian"))


def _en_in_language(text: str, word: str) -> bool:
    """Whether ``text`` says "in <word>" closed by punctuation ("signs in Spanish."): a language."""
    return re.search(r"\bin " + re.escape(word) + r"(?:[.,;:)\]\"”’']|$)", text) is not None


_EN_GENERATION = frozenset(("Jr", "Sr", "III"))
# Aliases that are a generic institution name: after another modifier, another body.
_EN_GENERIC_BODIES = frozenset({("congress",), ("security", "council")})
_EN_PERSON_TITLES = frozenset((
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Rep", "Sen", "Gov", "Capt", "Captain", "Judge", "Justice", "Coach",
    "Rev", "Prof", "Professor", "Sgt", "Lt", "Col", "Gen", "Officer", "Detective"))
_EN_HONORIFICS_OTHER = frozenset(("Mrs", "Ms", "Miss", "Mme", "Madame"))  # a male leader's wife or daughter
_EN_CLAUSE_START = set(".!?:;\"“”'‘’([{—–-|/")
# Capitalized words before a name that are no given name: titles and function words.
_EN_NOT_GIVEN = frozenset((
    "Mr", "Dr", "Mister", "Messrs", "Sir", "Lord", "President", "Presidents", "President-elect", "Vice", "Prime",
    "Minister", "Secretary", "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "Chancellor", "King",
    "Queen", "Prince", "Crown", "Sheikh", "Emir", "Sultan", "Ayatollah", "Supreme", "Leader", "Chairman",
    "General", "Gen", "Marshal", "Field", "Commander", "Admiral", "Premier", "Speaker", "Candidate", "Nominee",
    "Justice", "Judge", "Pope", "Mayor", "Ambassador", "Envoy", "Director", "Chief", "Former", "Citizen",
    "Comrade", "Colonel", "Col", "Lt", "Lieutenant", "Major", "Maj", "Brig", "Capt", "Captain", "Sgt", "State",
    "Defense", "Foreign", "Interior", "Strongman", "Dictator", "Team", "Candidates", "Presidente", "Pres",
    "Sec", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Conservative", "Liberal",
    "Billionaire", "Businessman", "Father", "Tycoon", "Mogul",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "The", "A", "An", "And", "But", "Or", "If", "When", "While", "As", "By", "For", "To", "In", "On", "At",
    "With", "Without", "After", "Before", "Since", "Because", "Although", "That", "This", "What", "How",
    "Why", "Who", "Where", "Then", "Now", "So", "Yet", "Even", "Only", "Also", "Both", "Neither", "Never",
    "Anti", "Pro", "Under", "Against", "About", "From", "Of", "Via", "Per", "Like", "Unlike", "Than",
    "My", "Your", "His", "Her", "Its", "Our", "Their", "Whose", "New", "Next", "Incoming", "Outgoing",
))


# Capitalized words that open a sentence or a headline before a name.
_EN_OPENERS = frozenset((
    "Meanwhile", "However", "Instead", "Indeed", "Perhaps", "Nonetheless", "Nevertheless", "Still",
    "Yes", "No", "Was", "Is", "Will", "Would", "Can", "Could", "Should", "Did", "Does", "Has", "Had",
    "Related", "Latest", "Report", "Analysis", "News", "Details", "Watch", "Breaking", "Update",
    "Exclusive", "Opinion", "Photo", "Video", "Live", "Here", "There", "Today", "Yesterday", "Tonight",
    "Once", "Until", "Whether", "Though", "Thus", "Hence", "Later", "Earlier", "Finally", "First",
    "Last", "Next", "Again", "Just", "Not", "Every", "Each", "Some", "Many", "Most", "Few", "Several",
    "Said", "Says", "Asked", "Told", "Let", "Deal", "Ban", "Rips", "Slams", "Blasts", "Fact", "Check",
    "Maybe", "Typical", "Classic", "Vintage", "Poor", "Young", "Old", "Private", "Brave", "Dear",
))


_EN_FUNCTION = frozenset((
    "and", "or", "nor", "but", "to", "of", "in", "on", "at", "for", "with", "from", "by", "as", "than",
    "about", "into", "over", "after", "before", "against", "the", "a", "an", "that", "this", "s"))


def _en_name_like(token: str) -> bool:
    """A capitalized word that may be a given name (not all capitals, not an initial, no title)."""
    return len(token) > 1 and token[0].isupper() and token[1:].islower() and token.isalpha() \
        and token not in _EN_NOT_GIVEN and token not in _EN_OPENERS and not token.endswith(("ly", "ing"))


_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ا", "ان", "تان", "تين", "ات")


def nisba_forms(token: str) -> list[str]:
    """Normalized forms of an Arabic nisba adjective from its definite masculine form.

    >>> nisba_forms("المصري")[:6]
    ['مصري', 'مصريه', 'مصريون', 'مصريين', 'مصريا', 'مصريان']
    """
    if not (token.startswith("ال") and token.endswith("ي") and len(token) >= 5):
        return []
    stem = token[2:]
    forms = [stem + ending for ending in _NISBA_ENDINGS]
    return forms + ["ال" + f for f in forms if f != stem]


_LATIN_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
_AR_LANGUAGE = frozenset(("لغه", "اللغه", "لغات", "اللغات", "اللغتين", "لغتين"))
_TANWEEN_CHARS = frozenset("\u064B\u064C\u064D")


@lru_cache(maxsize=4096)
def _tanween_words(text: str) -> frozenset[str]:
    """Normalized forms of the words ``text`` writes with tanween (indefinite nouns, no names)."""
    return frozenset(normalize_arabic(w) for w in _AR_WORD.findall(text) if _TANWEEN_CHARS.intersection(w))


@lru_cache(maxsize=4096)
def _hamza_words(text: str) -> frozenset[str]:
    """Normalized forms of the words ``text`` writes with a hamza on or under alef (أ إ آ)."""
    if not ("أ" in text or "إ" in text or "آ" in text):
        return frozenset()
    return frozenset(normalize_arabic(w) for w in _AR_WORD.findall(text) if "أ" in w or "إ" in w or "آ" in w)


_AR_WORD = re.compile(r"[\u0621-\u064A\u064B-\u0652\u0670\u0640]+")
_AR_MARKS = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640"
# Words spelled with a final alef maksura that normalization turns into a nisba of the gazetteer:
# the feminine elative فعلى of ي-م-ن ("اليد اليمنى", the right hand) and مفعل of ج-ر-ي ("مجرى", a
# course). Matched without ال and clitics.
_MAKSURA_NOT_NISBA = ("يمنى", "مجرى")
# Words that a writer who writes every final yaa as ى (common in Egyptian print) spells with ى.
_MAKSURA_STYLE = frozenset({"فى", "الذى", "التى", "اللذى"})


@lru_cache(maxsize=4096)
def _maksura_words(text: str) -> frozenset[str]:
    """Normalized forms of the words of ``text`` that are one of ``_MAKSURA_NOT_NISBA`` ("يده
    اليمنى" is his right hand, not Yemeni), unless the text writes final yaa as ى throughout
    ("فى", "الذى": there "اليمنى" may be "اليمني")."""
    words = [w.replace("\u0640", "").rstrip(_AR_MARKS) for w in _AR_WORD.findall(text)]
    words = [re.sub("[\u064B-\u0652\u0670]", "", w) for w in words if w.endswith("ى")]
    if not words or any(w in _MAKSURA_STYLE or w[1:] in _MAKSURA_STYLE and w[0] in "وف" for w in words):
        return frozenset()
    return frozenset(normalize_arabic(w) for w in words
                     if any(w.endswith(x) and len(w) - len(x) <= 3 for x in _MAKSURA_NOT_NISBA))


def _en_tokens(text: str) -> list[str]:
    """Word tokens; possessives and final periods fall away ("Putin's" -> "Putin", "s")."""
    return _EN_TOKEN.findall(text)


@lru_cache(maxsize=100_000)
def _clitic_variants(token: str) -> tuple[str, ...]:
    """The token and its forms without leading clitics (و/ف, then ب/ل/ك; لل -> ال)."""
    out = [token]
    stems = [token]
    if token[:1] in "وف" and len(token) > 3:
        stems.append(token[1:])
    for stem in stems:
        if stem not in out:
            out.append(stem)
        if stem.startswith("لل") and len(stem) > 3:
            out.append("ال" + stem[2:])
        if stem[:1] in "بلك" and len(stem) > 3:
            out.append(stem[1:])
    return tuple(out)


def _extend(shipped: dict, own: dict, path: Any) -> dict:
    """The shipped gazetteer's data with ``own`` added: an entry with a shipped id replaces it, new
    ids are added; ``blocked``, ``person_names``, ``us_state_homonyms`` and ``cued`` are merged."""
    entries = own.get("actors") or []
    if not isinstance(entries, list):
        raise CodebookError(f"{path}: expected a mapping with an 'actors' list")
    ids = {item.get("id") for item in entries if isinstance(item, dict)}
    merged = dict(shipped)
    merged["actors"] = [a for a in shipped["actors"] if a.get("id") not in ids] + entries
    for key in ("blocked", "person_names", "us_state_homonyms", "cued"):
        extra = own.get(key) or {}
        if not isinstance(extra, dict):
            raise CodebookError(f"{path}: '{key}' must map a language to its entries")
        combined = dict(shipped.get(key) or {})
        for lang, values in extra.items():
            base = combined.get(lang)
            if isinstance(values, list) and isinstance(base, list):
                combined[lang] = base + values
            elif isinstance(values, dict) and isinstance(base, dict):
                combined[lang] = {**base, **values}
            else:
                combined[lang] = values
        merged[key] = combined
    return merged


@lru_cache(maxsize=1)
def default_gazetteer() -> ActorGazetteer:
    """The shipped gazetteer (``framing/data/actors.yaml``), loaded once."""
    return ActorGazetteer.load()


def load_gazetteer(actors: "str | Path | ActorGazetteer | None" = None) -> ActorGazetteer:
    """A gazetteer from a file path, an :class:`ActorGazetteer`, or None for the shipped one."""
    if actors is None:
        return default_gazetteer()
    if isinstance(actors, ActorGazetteer):
        return actors
    return ActorGazetteer.load(actors)


class ActorAnnotator:
    """Component: which actors each sentence names (canonical ids). Adds ``actors``.

    ``gazetteer``: an :class:`ActorGazetteer`, a path to your own actors file, or None for the
    shipped one.
    """

    name = "actors"
    columns = ACTOR_COLUMNS

    def __init__(self, gazetteer: "ActorGazetteer | str | Path | None" = None):
        self.gazetteer = load_gazetteer(gazetteer)

    def __call__(self, sentences: Sentences) -> dict[str, list[Any]]:
        """The declared column for ``sentences``."""
        found = []
        for text, lang, normalized in zip(sentences.texts, sentences.langs, sentences.normalized):
            if lang not in LANGUAGES:
                found.append([])
            else:
                found.append(self.gazetteer.find(text, lang, normalized if lang == "ar" and normalized else None))
        return {"actors": found}
