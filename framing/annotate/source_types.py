"""Who a source is: official, expert, media, anonymous, citizen (or other).

Rules plus the gazetteer (the groups are defined in ``corpora/ATTRIBUTION_GUIDELINES.md`` §11):
sources tied to the press ("media sources", "مصادر إعلامية") are media; unnamed officials ("US
officials", "an FBI official", "مسؤولون أمريكيون") are anonymous; then the word lists in
``framing/data/attribution.yaml`` (``source_types``) are checked in the order anonymous, media,
expert, citizen, other, official; a people named by its demonym ("Egyptians", "أحد السوريين")
is citizen (the guide's exception, its government speaking, is not read); a source that names a
gazetteer actor falls back on the ``source_type`` its entry gives, else on its type (media actors are media; leaders,
governments, militaries, countries, organisations and armed groups are official; a ``person``
entry without a source type says nothing). A bare name that none of these place ("Haddad
said"), or in English "the" and one noun ("The bank said"), takes its group from the words
around its first mention in ``context``, the article's lines up to and including the source's
own ("Foreign Minister Lena Haddad", "Sam Hale, a professor of law", "Morocco's central bank"),
as a reader would; so does an Arabic definite noun ("المنظمة" after "منظمة الصحة العالمية").
Anything else is ``other``.
``framing compare --by source_type`` compares frames across these groups.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from framing.schema import SOURCE_TYPES  # noqa: F401  (the groups; re-exported here)
from framing.text.normalize import normalize_arabic

_ORDER = ("anonymous", "media", "expert", "citizen", "other", "official")
# Unnamed officials: "official(s)", "aide(s)", "insider(s)" or "diplomat(s)" as the head of an English source
# ("Iranian officials", "a U.S. official", "officials in both countries", "a senior aide"; "Pentagon
# official John Kirby" and "the official, Sam Hale" name one), and an Arabic source
# that opens with مسؤول/مسؤولون/مسؤولين/مسؤولو/مسؤولة or دبلوماسي/دبلوماسيون (clitic and article allowed) and names no one
# the gazetteer knows.
_EN_UNNAMED_OFFICIALS = re.compile(r"\b(?:officials?|aides?|insiders?|diplomats?)$", re.IGNORECASE)
# the head of an English source ends before a prepositional or relative phrase: "officials in both
# countries", "a senior aide familiar with the plan"
_EN_HEAD_END = re.compile(r"\s+(?:in|from|at|of|with|on|for|close|familiar|who|involved|briefed|speaking)\b.*$", re.IGNORECASE)
_AR_UNNAMED_OFFICIALS = re.compile(r"^(?:[وفبل]?ال|لل|[وفبل])?(?:مسوول(?:ون|ين|و|ه)?|دبلوماسي(?:ون|ين|ه)?)(?:\s|$)")  # normalized: ؤ -> و, ة -> ه
_OFFICIAL_ACTORS = {"leader", "government", "military", "country", "organisation", "armed_group"}
# Sources the text ties to the press ("media sources", "Israeli media", "مصادر إعلامية"، "مصادر
# عبرية": Israeli media in Arabic usage) are media, before "sources" makes them anonymous and a
# country's name official ("media" as the head: "media analysts" are analysts); social-media
# users are not.
_MEDIA_SOURCES = {"en": re.compile(r"\b(?:media|press|news)\s+(?:sources?|reports?)\b|(?<!social\s)\bmedia(?:\s+outlets?)?\W*$",
                                   re.IGNORECASE),
                  "ar": re.compile(r"(?:^|\s)(?:[وفبل]|لل)?(?:ال)?مصادر?\s+(?:ال)?(?:اعلاميه|صحفيه|صحافيه|عبريه)(?:\s|$)")}
_AR_MINISTER = re.compile(r"^(?:[وفبل]?ال|لل|[وفبل])?(?:وزير|وزيره|وزاره|وزراء)(?:\s|$)")  # normalized: ة -> ه
# A people named by its demonym, alone or counted ("Israelis", "many Egyptians", "an American",
# "الفلسطينيون"، "أحد الجزائريين"): ordinary people unless the context shows its government
# speaking (guide §11), which these rules do not read.
_EN_PEOPLE_QUANTIFIER = re.compile(r"^(?:(?:some|many|most|several|few|ordinary|young|older|other|fellow|local|"
                                   r"one|a|an|the|two|three|four|five|\d+|thousands|hundreds|of|majority|half|third|"
                                   r"quarter|all|per\s*cent|percent|%|[a-z]+(?=\s+[A-Z]))\s+)+", re.IGNORECASE)
_AR_PEOPLE_QUANTIFIER = re.compile(r"^(?:[وف]?(?:احد|احدي|بعض|معظم|غالبيه|اغلب|كثير من|عدد من|الاف|مئات|ملايين)\s+)+")
_AR_NISBA_PLURAL = re.compile(r"^(?:[وف]?ال|[وف])?\S{2,}ي(?:ون|ين)$")


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


# "وكالة" with a name after it ("وكالة وفا"، 'وكالة "رويترز"') is a news agency; with a noun
# ("وكالة الطاقة"، "الوكالة الدولية") it is an organisation or a government body. (Quotation
# marks only matter here: elsewhere a quoted name is a name, not a description.)
_AR_AGENCY_NAME = re.compile(r"(?:^|\s)(?:[وفبل]|لل)?وكاله\s+[\"«“'(]*([\u0621-\u064A]{2,})")
_QUOTES = str.maketrans("", "", "\"«»“”'")


def _ar_news_agency(plain: str) -> bool:
    """``plain`` (a normalized Arabic source) names a news agency: "وكالة" and a name."""
    from framing.annotate.attribution.arabic import _ar_common

    found = _AR_AGENCY_NAME.search(plain.translate(_QUOTES))
    return bool(found) and not found.group(1).startswith("ال") and not _ar_common(found.group(1))


@lru_cache(maxsize=20_000)
def _by_rules(source: str, lang: str) -> str | None:
    text = normalize_arabic(source) if lang == "ar" else source.lower()
    for group, pattern in _patterns(lang):
        if pattern.search(text):
            return group
    return None


def _people_by_demonym(source: str, lang: str, gazetteer: Any) -> bool:
    """``source`` is a people named by its demonym: one word, the plural (or, counted, the
    singular) of a gazetteer country's demonym, after quantifiers."""
    source = source.strip(" ,.;:،")
    if lang == "en":
        counted = _EN_PEOPLE_QUANTIFIER.match(source)
        word = source[counted.end():] if counted else source
        one = bool(counted) and counted.group().split()[-1].lower() in ("a", "an", "one")
        if " " in word or not word[:1].isupper() or not (word.endswith("s") or one):
            return False
        found = gazetteer.find(word, lang)
        # a demonym, not the country's own name ("the Philippines", "Russia")
        return bool(found) and all(gazetteer.actors[a].type == "country" and word != gazetteer.actors[a].name.get("en")
                                   for a in found)
    if lang != "ar":
        return False
    text = normalize_arabic(source)
    word = text[_AR_PEOPLE_QUANTIFIER.match(text).end():] if _AR_PEOPLE_QUANTIFIER.match(text) else text
    if " " in word or not _AR_NISBA_PLURAL.match(word):
        return False
    found = gazetteer.find(source, lang)
    return bool(found) and all(gazetteer.actors[a].type == "country" for a in found)


_FORMER = re.compile(r"\b(?:former|retired|ex)\b-?|(?:^|\s)(?:ال)?سابق(?:ه|ون|ين)?(?=\s|$)", re.IGNORECASE)


def _former_official(source: str, lang: str, gazetteer: Any) -> bool:
    """A former or retired holder of an office ("a former ambassador", "retired general",
    "الوزير السابق"): expert when commenting (guide §11). "Former" alone says nothing ("a former
    detainee", "المعتقل السابق")."""
    text = normalize_arabic(source) if lang == "ar" else source
    if not _FORMER.search(text):
        return False
    rest = " ".join(_FORMER.sub(" ", text).split())
    return bool(rest) and (_unnamed_officials(rest, lang, gazetteer) or _by_rules(rest, lang) in ("official", "anonymous")
                           or lang == "ar" and bool(_AR_MINISTER.match(rest)))


def _unnamed_officials(source: str, lang: str, gazetteer: Any) -> bool:
    if _FORMER.search(normalize_arabic(source) if lang == "ar" else source):
        return False  # "a former diplomat", "الدبلوماسي السابق": no longer inside (guide §11: expert)
    if lang == "en":
        return "," not in source and bool(_EN_UNNAMED_OFFICIALS.search(_EN_HEAD_END.sub("", source.strip(" ,.;:"))))
    if lang != "ar" or not _AR_UNNAMED_OFFICIALS.match(normalize_arabic(source.strip())):
        return False
    return not any(gazetteer.actors[a].type in ("leader", "person") for a in gazetteer.find(source, lang))


# A country's central bank is a state institution (official): "the Federal Reserve", "the Fed",
# "the Bank of England", "بنك المغرب", "مصرف لبنان" (a bank noun right before the country's name),
# "الاحتياطي الفيدرالي"; a commercial bank named after a country ("بنك قطر الوطني") is not.
_EN_CENTRAL_BANK = re.compile(r"\b(?:federal\s+reserve|the\s+fed\b|fed\s+(?:chair|chairman|governor|officials?)\b|"
                              r"bank\s+of\s+(?:england|canada|korea|france|italy|spain|israel)\b|reserve\s+bank\s+of\b)",
                              re.IGNORECASE)
_AR_BANK_BEFORE = re.compile(r"^(?:[وفبل]?ال|لل|[وفبل])?(?:بنك|مصرف)\s+(\S+(?:\s+\S+)?)")  # normalized
_AR_NOT_CENTRAL = re.compile(r"\s(?:الوطني|الاسلامي|التجاري|الاهلي|الدولي|العربي|للتنميه|للاستثمار)(?:\s|$)")
_AR_FEDERAL_RESERVE = re.compile(r"(?:^|\s)(?:[وفبل]?ال|لل)?احتياطي\s+(?:ال)?(?:فيدرالي|فدرالي|اتحادي)")


def _central_bank(source: str, lang: str, gazetteer: Any) -> bool:
    if lang == "en":
        return bool(_EN_CENTRAL_BANK.search(source))
    if lang != "ar":
        return False
    plain = normalize_arabic(source.strip())
    if _AR_FEDERAL_RESERVE.search(plain):
        return True
    bank = _AR_BANK_BEFORE.match(plain)
    if bank is None or _AR_NOT_CENTRAL.search(plain):
        return False
    return any(gazetteer.actors[a].type == "country" for a in gazetteer.find(bank.group(1), lang))


# Around an earlier mention of a bare name: up to six words before it, title and first names
# (stopping at punctuation, a verb or a function word, so that "Police arrested Hale" gives no
# title; in English also at any lower-case word that is not a list word or a connector), and a
# comma appositive after it ("Hale, a professor of law, ...").
_TITLE_WORDS = 6
_APPOSITIVE_WORDS = 10
CONTEXT_LINES = 500  # a person is introduced early; the bound keeps a huge article linear
_TITLE_STOP = frozenset("""said says say told tells asked believe believes named is was are were be by from with
    and that which who to of for against in on at as قال وقال قالت وقالت أن إن عن من في على إلى الى مع""".split())
_EN_TITLE_CONNECTORS = ("of", "the", "for", "a", "an", "senior", "top", "deputy", "vice", "assistant", "acting",
                         "interim", "longtime", "veteran", "then", "retired", "local", "state", "federal", "defense")
_TITLE_BREAK = re.compile(r"[.;:\"“”«»()\[\],،]")
# initials and short abbreviations end in a full stop inside a title ("U.S.", "J.", "Sen.")
_EN_ABBREVIATION = re.compile(r"^(?:(?:[A-Z]\.){1,3}|[A-Z][a-z]{1,3}\.)$")
_APPOSITIVE_END = re.compile(r"[,،.;:؛]")


_EN_DEFINITE_NOUN = re.compile(r"^[Tt]he\s+([a-z]{3,})$")


def _name_key(source: str, lang: str) -> str | None:
    """The word to look for in earlier lines when ``source`` is a bare name (the surname) or, in
    English, "the" and one noun ("the bank", which the article named in full before), else None."""
    words = source.replace("’s", "").replace("'s", "").split()
    if lang == "en":
        definite = _EN_DEFINITE_NOUN.match(source.strip(" ,.;:"))
        if definite:
            return definite.group(1)
        names = [w.strip(",.") for w in words if w[:1].isupper()]
        return names[-1] if names and len(names) == len(words) else None
    return words[-1] if lang == "ar" and 0 < len(words) <= 3 else None


@lru_cache(maxsize=None)
def _en_title_words() -> frozenset[str]:
    """Lower-case words an English title may hold: every word of the English lists, and connectors."""
    words = {w for group in (_lexicon().get("en") or {}).values() for entry in group for w in str(entry).lower().split()}
    return frozenset(words | set(_EN_TITLE_CONNECTORS))


def _title_before(text: str, lang: str) -> str:
    words = text.split()  # the name's other words come too: no rule matches them
    title: list[str] = []
    for word in reversed(words[-_TITLE_WORDS:]):
        abbreviation = lang == "en" and _EN_ABBREVIATION.match(word)  # "U.S. District Judge Timothy J. Kelly"
        if not abbreviation and _TITLE_BREAK.search(word) or word.lower().strip("-–—") in _TITLE_STOP:
            break
        # English: a title is capitalised words and the lists' words; any other lower-case word
        # is a verb or a clause ("Netanyahu met Hale", "Ober praises Hale")
        if lang == "en" and not word[:1].isupper() and word.lower().replace("’s", "").replace("'s", "") not in _en_title_words():
            break
        title.insert(0, word)
    return " ".join(title)


def _role_in_context(source: str, context: Sequence[str], lang: str) -> str | None:
    """The group given by the title or appositive at the first mention of a bare name in ``context``."""
    key = _name_key(source, lang)
    if not key:
        return None
    noun = lang == "en" and key.islower()  # "the bank": any mention, any case
    for line in context[:CONTEXT_LINES]:
        if not noun and key not in line:
            continue
        group = _role_in_line(key, line, lang, noun)  # cached: an article's lines serve each later sentence
        if group:
            return group
    return None


@lru_cache(maxsize=1 << 15)
def _role_in_line(key: str, line: str, lang: str, noun: bool) -> str | None:
    """The group given by the title or appositive at the first mention of ``key`` in ``line``
    that a rule places, else None."""
    pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)", re.IGNORECASE if noun else 0)
    for mention in pattern.finditer(line):
        after = line[mention.end():]
        appositive = ""
        if after[:1] in (",", "،"):
            appositive = " ".join(_APPOSITIVE_END.split(after[1:], maxsplit=1)[0].split()[:_APPOSITIVE_WORDS])
        elif after.lstrip()[:1] == "(":  # "Elijah Cummings (D-Md.)", "Ann Lee (an economist)"
            appositive = " ".join(after.lstrip()[:60].split(")", 1)[0].split()[:_APPOSITIVE_WORDS]).lower()
        # a noun counts with its modifiers ("central" + "bank"); a name does not ("King" is a surname)
        head = mention.group() if noun else ""
        group = _by_rules(f"{_title_before(line[:mention.start()], lang)} {head} | {appositive}", lang)
        if group:
            return group
    return None


_AR_DEFINITE_NOUN = re.compile(r"^(?:[وف]?ال)(\S{3,})(?:\s+(?:ذاته|ذاتها|نفسه|نفسها|المذكور|المذكوره))?$")
_AR_PHRASE_WORDS = 5


def _ar_definite_in_context(source: str, context: Sequence[str], gazetteer: Any) -> str | None:
    """An Arabic definite noun ("المنظمة"، "المرصد ذاته") takes the group of its fuller first
    mention in ``context``, the noun and the words after it, as "the bank" does in English: a
    construct without the article ("منظمة الصحة العالمية"، "بيان لوزارة الخارجية"), typed by
    the word lists and the gazetteer, or the noun with the article and a definite adjective
    ("البنك المركزي"), typed by the word lists only (a surname with the article and a nisba,
    "سامي البدوي الأردني", names no country)."""
    definite = _AR_DEFINITE_NOUN.match(normalize_arabic(source.strip(" ,.;:،")))
    if not definite:
        return None
    noun = definite.group(1)
    for line in context[:CONTEXT_LINES]:
        for phrase, construct in _ar_fuller_mentions(noun, line):  # cached: an article's lines serve each later sentence
            group = source_type(phrase, "ar", gazetteer) if construct else _by_rules(phrase, "ar")
            if group and group != "other":
                return group
    return None


@lru_cache(maxsize=1)
def _ar_phrase_patterns(noun: str) -> tuple[re.Pattern, re.Pattern]:
    words_after = rf"((?:\s+[^\s.,;:،؛\"«»()]+){{1,{_AR_PHRASE_WORDS}}})"
    return (re.compile(rf"(?:^|(?<=\s))(?:[وفبلك])?{re.escape(noun)}{words_after}"),
            re.compile(rf"(?:^|(?<=\s))(?:[وفبلك]?ال|لل){re.escape(noun)}(?=\s+ال){words_after}"))


@lru_cache(maxsize=1 << 15)
def _ar_fuller_mentions(noun: str, line: str) -> tuple[tuple[str, bool], ...]:
    """The fuller mentions of ``noun`` in ``line``, in order, as ``(phrase, construct)``: the noun
    and the words after it up to a function word; ``construct`` when written without the article."""
    plain = normalize_arabic(line)
    if noun not in plain:
        return ()
    construct, described = _ar_phrase_patterns(noun)
    mentions = sorted([(m.start(), m, True) for m in construct.finditer(plain)]
                      + [(m.start(), m, False) for m in described.finditer(plain)], key=lambda t: t[0])
    found = []
    for _, mention, full in mentions:
        words = []
        for word in mention.group(1).split():
            if word in _TITLE_STOP or word in _AR_PHRASE_STOP:
                break
            words.append(word)
        if words:
            found.append((f"{noun} {' '.join(words)}", full))
    return tuple(found)


_AR_PHRASE_STOP = frozenset(normalize_arabic(w) for w in """إن أن أنه أنها بأن قد لقد كان كانت يوم اليوم أمس الذي التي الذين
    هذا هذه ذلك تلك حيث كما وقال وقالت وأضاف وأضافت وأكد وأكدت ان""".split())


def source_type(source: str | None, lang: str, gazetteer: Any = None, context: Sequence[str] = ()) -> str | None:
    """The group of ``source`` (a speaker span) in ``lang``; None when there is no source.
    ``context``: the article's lines up to and including the source's sentence (title first),
    where a bare name finds its role.

    >>> source_type("Kremlin spokesman Dmitry Peskov", "en")
    'official'
    >>> source_type("محللون", "ar")
    'expert'
    >>> source_type("Hale", "en", context=["Sam Hale, a professor of law, spoke first."])
    'expert'
    """
    if not source:
        return None
    from framing.annotate.actors import load_gazetteer

    gazetteer = load_gazetteer(gazetteer)
    if _former_official(source, lang, gazetteer):
        return "expert"
    plain = normalize_arabic(source.strip()) if lang == "ar" else source
    if lang == "ar" and _AR_MINISTER.match(plain):
        return "official"  # "وزيرة الإعلام": a minister of information is no journalist
    media = _MEDIA_SOURCES.get(lang)
    if media is not None and media.search(plain) or lang == "ar" and _ar_news_agency(plain):
        return "media"
    if _unnamed_officials(source, lang, gazetteer):
        return "anonymous"
    if _central_bank(source, lang, gazetteer):
        return "official"
    group = _by_rules(source, lang)
    if group:
        return group
    if _people_by_demonym(source, lang, gazetteer):
        return "citizen"
    for actor_id in gazetteer.find(source, lang):
        actor = gazetteer.actors[actor_id]
        if actor.source_type:
            return actor.source_type
        if actor.type == "media":
            return "media"
        if actor.type in _OFFICIAL_ACTORS:
            return "official"
    if lang == "ar" and context:
        group = _ar_definite_in_context(source, context, gazetteer)
        if group:
            return group
    return _role_in_context(source, context, lang) or "other"
