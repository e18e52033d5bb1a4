"""Who voices a sentence: the speaker span, the attribution cue and the quote type.

Rule-based, for Arabic and English news. For each sentence :func:`attribute` returns an
:class:`Attribution`: the speaker as written (``source``, with its ``span`` in the sentence), the
``cue``, the ``quote_type``, the speaker's ``form`` (named, pronoun, implicit) and, for a pronoun
("He added") or a subject-less reporting verb ("وأضاف أن"), the most recent named speaker of the
article as ``resolved`` (``carried`` is then true). The rules see the text without invisible
marks (:mod:`framing.annotate.spans`); spans point into the sentence as written. Datelines
("CAIRO, May 3 (Agency) -", "غزة - (وكالات) -") are never part of a speaker; headlines do not
pass their speaker on. Speaker spans follow the annotation rules of the real-news set: the head
noun phrase with titles, name and modifiers, without comma appositives, relative clauses, time
phrases or the verb's object. Measured in ``benchmarks/attribution.py``.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, NamedTuple

from framing.annotate.base import Sentences
from framing.annotate.spans import clean, locate
from framing.schema import ATTRIBUTION_COLUMNS, LANGUAGES


class _LazyPattern:
    """A regular expression compiled on first use: the module compiles ~75 patterns, and a run
    in one language needs only its own. On first use the module global is rebound to the
    compiled pattern, so later calls pay nothing."""

    __slots__ = ("_args", "_name")

    def __init__(self, pattern: str, flags: int = 0):
        self._args, self._name = (pattern, flags), None

    def __getattr__(self, attribute: str):
        compiled = re.compile(*self._args)
        if self._name is not None and globals().get(self._name) is self:
            globals()[self._name] = compiled
        return getattr(compiled, attribute)


def _lazy(pattern: str, flags: int = 0) -> Any:
    return _LazyPattern(pattern, flags)


def _load_lexicons() -> dict[str, dict[str, list[str]]]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(resources.files("framing.data").joinpath("attribution.yaml").read_text("utf-8"), Loader=loader)


def _trie(words: Iterable[str]) -> str:
    """One regex alternation for ``words``, factored by common prefixes ("sa(?:id|ys)"): the
    same matches as "|".join(words) taken longest first, much faster in Python's re."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(root)


def _ar_forms(verbs: list[str]) -> list[str]:
    """The listed Arabic verbs with their regular variants, derived rather than listed: the
    plural of a past verb listed with its feminine ("قال", "قالت" -> "قالوا"), the plural of a
    present verb listed with its feminine ("يقول", "تقول" -> "يقولون"), and the spelling with a
    bare alef for a hamza ("أكد" -> "اكد"). Longest first, so that an alternation takes a whole word."""
    listed = set(verbs)
    out = set(verbs)
    for verb in verbs:
        if verb.endswith("ت") and verb[:-1] in listed:
            out.add(verb[:-1] + "وا")
        if verb.startswith("ي") and "ت" + verb[1:] in listed:
            out.add(verb + "ون")
    out |= {"ا" + v[1:] for v in out if v[:1] in "أإ"}
    return sorted(out, key=lambda v: (-len(v), v))


_LEXICONS = _load_lexicons()
_AR_ACCORDING_TO = "|".join(map(re.escape, _LEXICONS["ar"]["according_to"]))
_AR_CONTINUATION = "|".join(map(re.escape, _ar_forms(_LEXICONS["ar"]["continuation_verbs"])))

QUOTE_TYPES = ("direct", "indirect", "none")
_WORD = _lazy(r"\w+")
_QUOTES = _lazy(r"[\"“”«»]")
# a quotation: matching marks, also a curly mark closed by a straight one ('“...," she said') or
# single curly marks closed after punctuation ("‘...,’ he said"), and straight single marks
# around words (a headline's 'would absolutely'; not an apostrophe: "Winfrey's")
_QUOTE_SPAN = _lazy(r"\"[^\"“”]{3,}”|“[^”\"“]{3,}\"(?=[\s,.;:!?)]|$)|\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»|‘[^‘]{3,}?[,.!?]’(?=\s|$)|(?<![\w'])'(?=[^\W\d])[^'\n]{2,}?(?<=[\w.,!?])'(?![\w'])")


SPEAKER_FORMS = ("named", "pronoun", "implicit", "none")


class Attribution(NamedTuple):
    """``source``: the speaker as written (a pronoun stays a pronoun; None when unattributed or
    implicit); ``cue``: the attribution word or phrase; ``quote_type``: direct, indirect or none;
    ``carried``: the speaker was resolved from earlier in the article; ``resolved``: the named
    speaker (``source`` itself when named, the antecedent for a pronoun or implicit speaker, None
    when unknown); ``span``: ``(start, end)`` of ``source`` in the sentence as written;
    ``form``: named, pronoun, implicit or none."""

    source: str | None
    cue: str | None
    quote_type: str = "none"
    carried: bool = False
    resolved: str | None = None
    span: tuple[int, int] | None = None
    form: str = "none"


NONE = Attribution(None, None, "none", False)


# A sentence that opens inside a quotation ('I never said that," he added.'): the quotation
# runs from the start to the first closing mark after punctuation, with no opening mark before.
# A straight mark followed by a word opens a quotation ('He said, "We ...'), it closes none.
_UNOPENED = _lazy(r"^[^\"“”«»]{3,}?[,.!?…―—-]\s*(?:”|\"(?!\w))")
# A quotation that runs to the end of the sentence (“... with no closing mark).
_UNCLOSED = _lazy(r"“[^”\"]{3,}$")


@lru_cache(maxsize=64)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = [(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text)]
    lead = _UNOPENED.match(text) if text.isascii() or "”" in text or '"' in text else None
    if lead:
        spans = [(0, lead.end())] + [(a, b) for a, b in spans if a >= lead.end()]
    tail = _UNCLOSED.search(text) if "“" in text else None
    if tail and not any(a <= tail.start() < b for a, b in spans):
        spans.append((tail.start(), len(text)))
    return tuple(spans)


def _inside_quotes(text: str, pos: int) -> bool:
    return any(a < pos < b for a, b in _quote_spans(text))


def _quote_type(text: str, lang: str = "en", limit: int | None = None, start: int = 0) -> str:
    """Direct when the sentence quotes the speaker's own words, else indirect (the annotation
    guide, §5): a quoted fragment inside indirect speech counts, wherever it stands in the
    reported clause. Not counted: a quotation that names something (a title, a slogan, a term:
    :func:`_names_a_title`), one-word quotes in English and pieces under three words in Arabic
    (names of papers, terms or scare quotes, which Arabic news quotes for emphasis). An Arabic
    opening mark left open to the end of the sentence (a quotation that runs on) counts, and so
    do "laquo;" and an opening ' before Arabic letters. ``limit``: quotations from there on
    belong to a later attribution ("ووصف X ...، وقال «...»": the first one decides).
    ``start``: where the attribution starts (unused; kept for callers)."""
    if lang != "ar":
        # one quoted word is a scare quote ("dare", “liar”); a closing colon introduces the words
        if text.rstrip().endswith(":"):
            return "direct"
        return "direct" if any(_en_own_words(text, a, b, start) for a, b in _quote_spans(text)) else "indirect"
    end = len(text) if limit is None else limit
    if any(a < end and len(_WORD.findall(text, a, b)) >= 3 and not _names_a_title(text, a) for a, b in _quote_spans(text)):
        return "direct"
    opening = _AR_OPEN_QUOTE.search(text, 0, end)
    return "direct" if opening and len(_WORD.findall(text, opening.end())) >= 3 else "indirect"


# Words that announce a name, not someone's words: "under the title “...”", "بعنوان "..."",
# "مفهوم "..."", "so-called “...”".
_TITLE_BEFORE = _lazy(
    r"(?:\b(?:titled|entitled|dubbed|known as|so-called|slogan|hashtag|the phrase|the term|the motto|the banner)"
    r"|(?:^|\s)[وف]?(?:بعنوان|عنوان|عنوانه|عنوانها|شعار|بشعار|مفهوم|بمفهوم|مصطلح|بمصطلح|عبارة|بعبارة|وسم|بوسم|هاشتاغ|هاشتاج|وصفه|وصفها|وصفته|يسمى|تسمى|سماه|سمته|سمتها|باسم|اسم|المسمى|المسماة|المعروف|المعروفة))\s*[,:،]?\s*$",
    re.IGNORECASE)


# "..., as his critics have called it": the quoted word is someone else's.
_EN_OTHERS_WORD = _lazy(r"[\s,”\"]*as\s+(?:[\w’'.-]+\s+){1,4}(?:has\s+|had\s+|have\s+)?(?:called|branded|labeled|labelled|dubbed|described|termed|put it)\b", re.IGNORECASE)


_EN_SUBORDINATE_START = _lazy(r"\s*(?:When|While|After|Before|As|Although|Though|If|Since|Because|Once|Until)\b")


def _en_own_words(text: str, a: int, b: int, start: int = 0) -> bool:
    """The English quotation ``text[a:b]`` presents someone's own words: two words or more, or one
    lower-case word ("a “terrible” one": the speaker's word, §5), not a name, a title announced as
    such, or a word the sentence gives to someone else: "a “liar,” as his rival called him", or
    one in the main clause after an opening subordinate clause that holds the attribution
    ("When X insisted ..., Y "dared" her": Y's word). ``start``: where the speaker starts."""
    words = _WORD.findall(text, a, b)
    if not words or _names_a_title(text, a):
        return False
    if len(words) == 1:
        if not text[:a].strip(" “\"‘'") and re.search(r"[,!?…]\W*$", text[a:b]):
            return True  # '“Absolutely,” he said.': a one-word reply that opens the sentence
        if not words[0].islower() or _EN_OTHERS_WORD.match(text, b):
            return False
        if start and _EN_SUBORDINATE_START.match(text) and "," in text[start:a]:
            return False
    return True


def _names_a_title(text: str, at: int) -> bool:
    """The quotation opening at ``at`` follows a word that announces a name, title or term."""
    return bool(_TITLE_BEFORE.search(text, max(0, at - 20), at))


# An Arabic quotation that is never closed: « or “ with no closing mark after it, laquo;,
# ' before a letter, or the last of an odd number of ".
_AR_OPEN_QUOTE = _lazy(r"«(?=[^»]*$)|“(?=[^”]*$)|laquo;|(?<![\w'])'(?=[\u0621-\u064A])|^(?=(?:[^\"]*\"[^\"]*\")*[^\"]*\"[^\"]*$)[^\"]*\"")


# --- English --------------------------------------------------------------------------------

_EN_VERBS = _trie(_LEXICONS["en"]["verbs"])
_EN_VERB = _lazy(rf"\b(?:{_EN_VERBS})\b")  # lower case only: verbs in news prose
_EN_VERB_PREFIX = _lazy(r"(?:also|further|later|then)\s+$")
_EN_VERB_SUFFIX = _lazy(r"\s+(?:in a statement|on Telegram|on X|reporters|journalists|a news conference|a regular briefing)\b")
_EN_ACCORDING = _lazy(r"\baccording to\s+", re.IGNORECASE)
_EN_NOT_ATTRIBUTION = _lazy(r"^(?:[Tt]hat said|[Nn]eedless to say|[Hh]aving said that)\b|\b[Tt]he said\b")
_EN_ACCORDING_NOT = _lazy(r"^(?:plan|schedule|the plan|the schedule|tradition|custom|a formula|the formula|the constitution|the law|the rules|rules|law)\b", re.IGNORECASE)
_EN_CITING = _lazy(r"\bciting\s+", re.IGNORECASE)
_EN_QUOTED_AS = _lazy(r"\bquoted\s+(.+?)\s+as\s+(?:saying|telling|warning)", re.IGNORECASE)
_EN_AUXILIARY = _lazy(r"\s+(?:declined|refused|did not|didn't|would not|wouldn't|could not|was quick|went on) to$|\s+(?:has|have|had) long$|\s+(?:has|have|had|also|later|then|would|will|did|previously|repeatedly|recently|once|publicly|privately|had earlier|already|just|even)$|\s+(?:does|do|did|is|was|are|were|has|have|had)n[’']t(?:\s+even)?$", re.IGNORECASE)
_EN_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Rep", "Sen", "Gov", "St", "Jr", "Sr")
_EN_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_EN_PRONOUN_SAYING = _lazy(r"^(?:(?:But|And)\s+)?(He|She|They)\b[^\"“]*?,\s+(saying|adding)\b")
_EN_SOURCE_PREFIX = _lazy(r"^(?:(?:figures|data|estimates|a statement|a report|statements|documents|a survey|a tally|a count|preliminary results)\s+(?:\w+\s+){0,2}?(?:by|from|of)\s+)", re.IGNORECASE)
# A manner adverb ending the speaker ("Lee inexplicably claimed"): lower case, not a noun in -ly.
_EN_ADVERB = (r"(?!(?:family|ally|rally|supply|reply|assembly|anomaly|belly|bully|holy|jelly|early|only|daily|weekly"
              r"|monthly|yearly|hourly|nightly|quarterly|wholly|lily|fly|july)\b)[a-z]{3,}ly")
_EN_TRAILING = _lazy(
    r"\s+(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|year|night)|"
    r"this (?:week|month|morning|year)|at a (?:news |press )?(?:conference|briefing)|in a (?:statement|post|video)|"
    r"during\b|late on|early on|later|earlier|who\b|which\b|whose\b|speaking\b|in an interview|in remarks|"
    r"on (?:Twitter|X|Telegram|Facebook|state television|television)|yesterday|today|for (?:two|three|several|many|\d+) (?:days|weeks|months|years)|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|night|evening))?$|(?-i:" + _EN_ADVERB + r")$|"
    r"(?:late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this)|"
    r"(?:on )?(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d)\b.*$",
    re.IGNORECASE)
_EN_LEADING = _lazy(r"^(?:but|and|so|yet|however|meanwhile|separately|in addition|in a statement|on \w+|earlier|later|still|instead|now|also|indeed|in fact|at the same time|for (?:his|her|their|its) part)\b[,\s]*", re.IGNORECASE)
# A clause boundary inside the stretch before the cue: the speaker starts after it.
_EN_CLAUSE = _lazy(r".*\b(?:as|while|when|after|before|because|since|although|though|whereas|if|that|but|where|even as|even though|so|which|whom|what|unless|whether)\s+(?=\S)", re.IGNORECASE)
# A speaker never ends in a function word or an auxiliary ("the public might", "the Guardian has been").
_EN_BAD_END = _lazy(r"(?<![’'])\b(?:the|a|an|to|of|that|has|have|had|been|being|was|were|is|are|be|might|may|could|would|will|should|can|must|not|this|than|in|on|at|for|with|by|from)$|[’'](?:s|t|re|ve|ll|d|m)$", re.IGNORECASE)  # "Trump’s", "didn’t"; not "O’Keefe"
_EN_ADVERBIAL = _lazy(r"^(?:despite|contrary|in|on|after|before|during|with|without|for|at|by|from|like|unlike|since|until|amid|among|under|over|through|instead|however|therefore|meanwhile|nonetheless|nevertheless|moreover|too|though|in turn|again|once again)\b(?!\s+(?:he|she|they|I|we|it)\b)")
_EN_APPOSITIVE = _lazy(r"^(?:Democrat|Republican|Independent|a|an|the|one|another|who|whose|which|himself|herself|itself|themselves|also|[a-z]+ing|[a-z]+ed|[a-z-]+ of|[a-z-]+ at|[a-z-]+ for|now|then|formerly|once)\b")
_EN_RELATIVE = _lazy(r"^(?:who|whose|which|whom)\b")
# "His lawyer, Name," / "The stepmother, Name,": a title before the name keeps both.
_EN_TITLE_BEFORE = _lazy(r"^(?:The|the|His|his|Her|her|Their|their|Its|its|Our|our)\s+(?:[a-z-]+\s+){0,2}[a-z-]+$")
_EN_NAME_WORD = _lazy(r"^(?:[A-Z][\w.'’-]*|\([A-Z][\w.-]*\)|of|the|al|el|bin|ibn|de|van|von|da|for|and|at|on|[a-z]+-(?:General|general)|spokesman|spokeswoman|spokesperson|minister|president|secretary|ambassador|envoy|chief|leader|senator|adviser|advisor|analyst|official|director|commander)$")
# "CAIRO, May 3 (Harbor News) -", "(Reuters) -", "WASHINGTON -": never part of a speaker.
_EN_DATELINE = _lazy(
    r"^\s*(?:[A-Z][A-Za-z.'’\- ]{1,40}?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?|[A-Z][A-Z.'’\- ]{2,30}\s*)?"
    r"(?:\([^()]{2,40}\)\s*)?[-–—]{1,2}\s+(?=\S)")
_EN_PASSIVE_AGENT = _lazy(r"\b(?:was|were|is|are|been|be)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\s+by\s+((?:the\s+)?[A-Za-z].*)$")
_EN_LEADING_AUXILIARY = _lazy(r"^(?:Has|Have|Had|Did|Does|Do|Is|Was|Were|Are|Will|Would|Can|Could)(?:n[’']t)?\s+(?=\S)")
# A participle phrase after the head noun: "A former sailor pardoned by ...", "a witness traveling with ...".
_EN_PARTICIPLE_AFTER = _lazy(
    r"(?<=[a-z])\s+(?:[a-z]+ly\s+)?(?:(?:[a-z]{3,}ed|sent|made|written|given|taken|held|shown|seen|based)\s+"
    r"(?:by|to|in|on|at|from|for|during|last|this|since|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"|(?!according\b)[a-z]{3,}ing\s+(?:with|in|on|at|from|for|to))\b")


_EN_INVERSION = {"said", "says", "added", "adds", "wrote", "writes", "noted", "explained", "continued", "warned", "recalled",
                  "asked", "told", "insisted", "argued", "stressed", "declared", "replied", "responded", "tweeted", "posted",
                  "joked", "quipped", "wondered", "cautioned", "observed", "conceded", "admitted", "acknowledged", "claimed",
                  "suggested", "predicted", "vowed", "pledged", "countered", "concluded", "reiterated", "asserted", "maintained"}


_EN_PARTY_TAG = _lazy(r"^(?:[RDI]-[A-Z][\w.]*|[RDI]-[A-Z][a-z]+\.?)$")
_EN_POSSESSIVE_SEGMENT = _lazy(r"^[A-Z][\w’'.-]*[’']s\s")
_EN_LOWER_TITLE = _lazy(r"\b(?:spokes(?:man|woman|person)|economist|analyst|lawyer|attorney|director|professor|official|adviser|advisor|secretary|minister|chairman|chairwoman|founder|president|editor|researcher|executive|correspondent|reporter|officer|commander|manager|member|head|chief|fellow|ambassador|strategist|consultant|expert|author|contributor)\b")


def _en_appositive(segment: str) -> bool:
    """A comma segment after a name that describes it ("an ally of X", "senior economist at Y",
    "R-Maine", "Simpson’s lawyer", "U.S. Embassy spokesperson in Beijing"), not a name."""
    segment = segment.strip(" “”\"‘’")
    return bool(_EN_APPOSITIVE.match(segment) or _EN_PARTY_TAG.match(segment) or _EN_POSSESSIVE_SEGMENT.match(segment)
                or segment.split()[0].islower() and not _EN_ADVERBIAL.match(segment) and not _EN_NOT_APPOSITIVE.match(segment)
                or _EN_LOWER_TITLE.search(segment))


# a lower-case segment that opens a clause, not a description
_EN_NOT_APPOSITIVE = _lazy(r"(?:that|as|while|when|whereas|if|because|but|and|or|so|who|which|whom|whose|where|since|although|though|after|before|until|unless|he|she|they|it|we|i|you)\b")


def _en_segments(before: str) -> list[str]:
    return [x.strip(" “”\"‘’") for x in before.rstrip(" ,").split(",") if x.strip(" “”\"‘’")]


def _en_appositive_before(before: str) -> bool:
    """``before`` ends in "Name, an appositive," (the speaker is the name, before the cue)."""
    segments = _en_segments(before)
    return len(segments) >= 2 and _en_appositive(segments[-1]) and _en_name_like(_EN_LEADING.sub("", segments[-2]).strip())


def _en_subject_segment(before: str) -> bool:
    """``before`` ends in the subject of the cue ("Haddad, however,", "His lawyer, Name,",
    "X, an ally of Y, Z’s donor,"): the verb is not inverted."""
    segments = _en_segments(before)
    if len(segments) > 1 and _en_name_like(segments[-1]) and _EN_TITLE_BEFORE.match(_EN_LEADING.sub("", segments[-2]).strip()):
        return True
    while len(segments) > 1 and (_EN_ADVERBIAL.match(segments[-1]) or _en_appositive(segments[-1])):
        segments.pop()
    if len(segments) == len(_en_segments(before)):
        return False  # nothing skipped: "The deal is near, said X" may be inverted
    last = _EN_LEADING.sub("", segments[-1]).strip()
    return _en_name_like(last) or bool(_EN_TITLE_BEFORE.match(last))


def _en_name_like(segment: str) -> bool:
    words = segment.split()
    return 0 < len(words) <= 7 and words[0][:1].isupper() and all(_EN_NAME_WORD.match(w) for w in words)


_EN_LABEL_BEFORE = _lazy(r"[:;)]\s+|\s[-–—]\s|['’‘]:?\s+(?=[A-Z])")
_EN_COPULA = _lazy(r"(?:.*\s)?(?:is|are|was|were|has become|have become|had become)\s+(?=(?:some|another|a|an|the|many|most|several|[A-Z])\b)")
_EN_PRONOUN_START = _lazy(r"(?:he|she|they|it|we|I|you|there|this|that)\b", re.IGNORECASE)
_EN_LEADING_PHRASE = _lazy(r"^(?:In|At|By|On) (?:\d{4}|court|public|private|response|turn|particular|practice|person|writing)\b,?\s*|^(?:First|Second|Finally|Then|Now|Yet|Today|Yesterday),?\s+(?=\S)")


def _en_trim(source: str) -> str | None:
    """The head noun phrase: no leading conjunction, clause, time phrase or auxiliary."""
    clause = _EN_CLAUSE.match(source)
    if clause and clause.end() < len(source):
        source = source[clause.end():]
    # a label, a time stamp, a dateline or a bracket before it ("7:54 PM: Trump", "(PHOTOS) He")
    if ":" in source or ")" in source or ";" in source or " -" in source or " –" in source or " —" in source or "'" in source or "’" in source or "‘" in source:
        source = _EN_LABEL_BEFORE.split(source)[-1]
    copula = _EN_COPULA.match(source)
    if copula and copula.end() < len(source) and not _EN_PRONOUN_START.match(source):
        source = source[copula.end():]  # "Among the attendees were some Democrats": after the copula
    for _ in range(2):
        source = _EN_LEADING.sub("", source).strip()
        source = _EN_LEADING_PHRASE.sub("", source).strip()
    source = _EN_TRAILING.sub("", source).strip()
    participle = _EN_PARTICIPLE_AFTER.search(source)
    if participle and len(source[:participle.start()].split()) >= 2 \
            and not _EN_DETERMINER_BEFORE.search(source[:participle.start()] + " ") \
            and not _EN_BAD_END.search(source[:participle.start()]) \
            and source[:participle.start()].split()[-1].islower() \
            and source[:participle.start()].split()[-1] not in ("about", "without", "into", "like", "after", "before"):
        source = source[:participle.start()]  # "A former sailor pardoned by the governor": the head
    source = _EN_AUXILIARY.sub("", source).strip()
    source = source.strip(" ,;:-–—")
    agent = _EN_PASSIVE_AGENT.search(source)
    if agent:
        source = agent.group(1)  # "The accusations were rejected by officials, who said": the agent
    source = _EN_LEADING_AUXILIARY.sub("", source)  # "Hasn't the Pope already said"
    pronoun = re.search(r"\s(he|she|they|we|I|it|It|He|She|They|We)(?:\s+(?:just|already|also|still|even|never))?$", source)
    if pronoun:
        source = pronoun.group(1)  # "what he claimed", "six years ago she told": the pronoun
    elif re.search(r"^(?:It|it|He|he|She|she|They|they)\s+(?:just|already|also|still|even|never)$", source):
        source = source.split()[0]
    words = source.split()
    if not words or len(words) > 12 or _EN_BAD_END.search(source):
        return None
    return source


# "..., which Priebus incorrectly asserted", "women who authorities said were ...": the cue is the
# verb of a relative clause; its subject stands between the relative pronoun and the cue.
_EN_RELATIVE_SUBJECT = _lazy(
    r"(?:^|[\s,])(?:which|who|whom|that)\s+((?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})|(?:the|some|many|most|other|several)\s+[a-z]+s"
    r"|[a-z]+(?:ists|ers|ors|ics|ians|ials|ities|nts|ies)|he|she|they|we|I)(?:\s+[a-z]+ly)?\s*$")


def _en_source_before(prefix: str) -> str | None:
    """Speaker as the noun phrase before the cue, without comma appositives ("X, a fellow at Y,")."""
    relative = _EN_RELATIVE_SUBJECT.search(prefix, max(0, len(prefix) - 80))
    if relative:
        return relative.group(1)
    prefix = re.sub(r"(?:,\s*|\s+)(?:has|have|had|has also|had also|also)$", "", prefix.rstrip(" ,")).rstrip(" ,")
    single = max(prefix.rfind(p + q) for p in ",.!?" for q in "’'")  # "‘...,’ he says": a closing single mark
    quote = max(prefix.rfind("\""), prefix.rfind("”"), single + 1 if single >= 0 else -1)
    if quote != -1:
        prefix = prefix[quote + 1:].lstrip(" ,")
    segments = [s.strip() for s in re.split(r",(?!\d{3})|;", prefix) if s.strip()]
    while len(segments) > 1 and (_EN_ADVERBIAL.match(segments[-1]) or re.fullmatch(_EN_ADVERB, segments[-1])):
        segments.pop()  # "The government, despite the evidence, believes", "X, a Y, cheerfully recalled"
    if not segments:
        return None
    last = segments[-1]
    while len(segments) > 2 and _EN_APPOSITIVE.match(segments[-1]) and _EN_APPOSITIVE.match(segments[-2]) \
            and not _en_name_like(segments[-2]):
        segments.pop()  # "X, another ally of Y, Z’s biggest donor, said": appositives after appositives
    if len(segments) > 2 and _EN_APPOSITIVE.match(segments[-1]) and re.match(r"^[A-Z][\w’']*’s\s", segments[-1]) is None \
            and _en_name_like(_EN_LEADING.sub("", segments[-3]).strip()) and _EN_APPOSITIVE.match(segments[-2]):
        segments.pop()
    if len(segments) > 2 and re.match(r"^[A-Z][\w’']*[’']s\s", segments[-1]) and _EN_APPOSITIVE.match(segments[-2]):
        segments.pop()  # "..., Labour’s biggest donor, said": a possessive appositive
    last = segments[-1]
    if len(segments) > 1 and _EN_RELATIVE.match(last):
        return _en_trim(segments[-2])  # "A third source, who is familiar with X, told": the head
    if len(segments) > 1 and _en_appositive(last) and _en_name_like(_EN_LEADING.sub("", segments[-2]).strip()) \
            and not _EN_ADVERBIAL.match(segments[-2].lower()):
        last = segments[-2]  # "Rachel Lee, a senior fellow at the Stimson Center, said": the name
    elif len(segments) > 1 and _en_name_like(last) and _EN_TITLE_BEFORE.match(_EN_LEADING.sub("", segments[-2]).strip()):
        return _en_trim(_EN_LEADING.sub("", segments[-2]).strip() + ", " + last)  # "His lawyer, Name, told"
    return _en_trim(last)


def _en_source_after(suffix: str) -> str | None:
    """Speaker after the cue ('"...," said Rachel Tan, an analyst at a brokerage.'): the name."""
    protected = suffix
    for abbreviation in _EN_ABBREVIATIONS:
        protected = re.sub(rf"\b{abbreviation}\.", abbreviation + "\x00", protected)
    head = re.split(r"[;:!?\"“”(]|\.(?:\s|$)|,", protected, maxsplit=1)[0]
    span = head.replace("\x00", ".").strip()
    span = _EN_TRAILING.sub("", span).strip()
    span = re.sub(r"\s+(?:in|at|from|on)\s+[A-Z].*$|\s+(?:to|of)\s+(?:the\s+)?(?:reporters|journalists|media|press)\b.*$", "", span)
    return span or None


_EN_SUBJECT = _lazy(r"^\s*((?:The|A|An)\s+(?:(?!(?:is|was|are|were|has|had|have|will|would|did|does|do|can|could)\b)[a-z-]+\s+)?(?!(?:is|was|are|were|has|had|have|will|would|did|does|do|can|could)\b)[a-z-]+|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)(?=\s+[a-z])")


def _blank_lead(text: str) -> str:
    """The text without a leading conjunction ("But ...")."""
    return re.sub(r"^(?:But|And|Yet)\s+", "", text)


def _pronoun(source: str) -> bool:
    return source.lower() in _EN_PRONOUNS


def _en_verb_attribution(text: str, verb: re.Match) -> Attribution | None:
    """The attribution a reporting verb introduces, or None when it has no speaker."""
    prefix = _EN_VERB_PREFIX.search(text, max(0, verb.start() - 12), verb.start())
    suffix = _EN_VERB_SUFFIX.match(text, verb.end())
    start = prefix.start() if prefix else verb.start()
    end = suffix.end() if suffix else verb.end()
    cue = text[start:end]
    before, after = text[:start], text[end:]
    inverted = verb.group() in _EN_INVERSION and re.search(r",\s*$", before) and not re.match(r"\s+\S+\s+that\b", after) \
        and not _en_appositive_before(before) and not _en_subject_segment(before) and re.match(r"\s+[^,.;:\"“”]{1,60}?(?:[,.;:]|$)", after) \
        and len(re.split(r"[,.;:]", after, maxsplit=1)[0].split()) <= 6
    quoted_before = verb.group() in _EN_INVERSION and (
        re.search(r"[\"”]\s*,?\s*$", before)
        or before.rstrip(" ,").endswith("'") and any(b == len(before.rstrip(" ,")) for _, b in _quote_spans(text)))
    if quoted_before or inverted and re.match(r"\s+(?:[A-Z]|the |an? |one |two )", after):
        source = _en_source_after(after)
        where = end
    else:
        tail = _EN_TRAILING_CUE.match(after) and re.search(r",[’'‘]?\s*([^,;:“”\"‘]{2,60})$", before.rstrip())
        # "..., the affidavit says.": the phrase after the last comma, with no appositives to skip
        source = _en_trim(tail.group(1)) if tail else None
        source = source or _en_source_before(before)
        where = start
        if source and source.endswith((" and", " but")) or not source and re.search(r"(?:^|[,\s])(?:but|and)\s*$", before):
            # a coordinated verb ("X carried ... and reported"): the speaker is the sentence subject
            subject = _EN_SUBJECT.match(_blank_lead(text))
            source = subject.group(1) if subject and not _pronoun(subject.group(1)) or subject and subject.start(1) == 0 else None
    if source and _EN_NOT_A_SPEAKER.match(source):
        # a clause ("he was seeking immunity"), a particle or a day: try the next cue, but keep
        # this one in case no other cue has a speaker
        return Attribution(None, cue, _quote_type(text), form="rejected")
    if not source:
        return None
    if _pronoun(source):
        found = Attribution(source, cue, _quote_type(text), form="pronoun", span=locate(text, source, where))
    else:
        found = _named(source, cue, text, where)
    return found._replace(quote_type=_en_cue_quote_type(text, found, end))


# The cue ends the sentence ("..., the affidavit says.", "..., the mayor said in a statement.")
_EN_TRAILING_CUE = _lazy(r"\s*(?:(?:in|on|at|to|during)\s+[^,.;:“”\"]{1,40})?[.!?…]?[”\"’]?\s*$")
_EN_NOT_A_SPEAKER = _lazy(
    r"(?:(?:he|she|they|it|we|I)\s+(?:is|was|were|are|has|had|have|will|would|could|can|did|does)\b|according to\b"
    r"|(?:In|As|On|At|When|While|After|Before|If|Though|Although|Because|Since|Then|So|Yet|Still|Also|Later|Earlier)$"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Tonight)$)", re.IGNORECASE)


# After the cue: a colon, or a comma and a capitalized clause ("And he said, Shall I ...") opens
# the speaker's words; "... and said “...”" starts a second attribution whose quotations do not count.
_EN_WORDS_AFTER_CUE = _lazy(r"\s*(?::\s*\S|,\s+(?:I|We|You|What|Why|How|Who|Now|Shall|Behold|Yes|No|Look|Well|Let|Our|My|Thank|Please|Peradventure|Surely|Truly)\b)")
_EN_SECOND_CUE = _lazy(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:said|says|claimed|claims|added|told|insisted|argued|wrote|stressed|warned|noted|declared)\b")
_EN_UNCLOSED_STRAIGHT = _lazy(r"(?:^|\s)\"(?=[^\"]*$)")


def _en_cue_quote_type(text: str, found: Attribution, cue_end: int) -> str:
    """The quote type of an English verb attribution, knowing where its cue ends."""
    if _EN_WORDS_AFTER_CUE.match(text, cue_end):
        return "direct"
    if found.quote_type == "direct":
        second = _EN_SECOND_CUE.search(text, cue_end)
        if second and not any(_en_own_words(text, a, b, found.span[0] if found.span else 0)
                              for a, b in _quote_spans(text) if a < second.start()):
            return "indirect"  # "X accused Y ... and said “...”": the quotation is the second attribution's
        return "direct"
    opening = _EN_UNCLOSED_STRAIGHT.search(text, cue_end)
    if opening and len(_WORD.findall(text, opening.end())) >= 3:
        return "direct"  # a quotation opened after the cue and running to the end
    return found.quote_type


_EN_DETERMINER_BEFORE = _lazy(r"(?<![’'])\b(?:the|a|an|his|her|their|its|our|my|your|these|those|such|of|whose|new|false|unfounded|[a-z]+ous|[A-Za-z]+[’']s)\s+$", re.IGNORECASE)
_EN_AFTER_QUOTE = _lazy(r"[,!?…—-][”\"]\s+(?:[^\"“”;:!?]{0,80}?)$")
_EN_OBJECT_AFTER = _lazy(r"\s+(?:at least|more than|nearly|about|some|the lives|lives)\b")


def _en_noun_use(text: str, verb: re.Match) -> bool:
    """A verb form used as a noun ("the claims", "his reports") or with a non-speech object
    ("claimed at least 165 lives")."""
    word = verb.group()
    return bool(_EN_DETERMINER_BEFORE.search(text, max(0, verb.start() - 30), verb.start())) \
        or word in ("claimed", "claims") and bool(_EN_OBJECT_AFTER.match(text, verb.end())) \
        or word in ("agreed", "agree", "agrees") and bool(_EN_TO_VERB.match(text, verb.end())) \
        or word in ("reported", "reports") and bool(_EN_REPORTED_STATE.match(text, verb.end())) \
        or word in ("asked", "told", "pressed", "questioned") and bool(_EN_WHEN_BEFORE.search(text, max(0, verb.start() - 12), verb.start())) \
        or word in ("confirmed", "named", "announced") and bool(_EN_AS_ROLE.match(text, verb.end()))


# Not speech: "agreed to be", "reported her son missing", "When asked by", "confirmed as CIA chief".
_EN_TO_VERB = _lazy(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|reporters|me|us|him|them)\b)[a-z]+\b")
_EN_REPORTED_STATE = _lazy(r"\s+(?:[\w’'-]+\s+){1,3}(?:missing|stolen|dead|lost)\b")
_EN_WHEN_BEFORE = _lazy(r"\b(?:[Ww]hen|[Aa]fter|[Ii]f|[Oo]nce|[Uu]nless)\s+$")
_EN_AS_ROLE = _lazy(r"\s+as\s+(?!saying\b)")


def _attribute_en(text: str) -> Attribution:
    if ("said" in text or "say" in text) and _EN_NOT_ATTRIBUTION.search(text) and not _EN_VERB.search(text[20:]):
        return NONE
    quoted = _EN_QUOTED_AS.search(text) if "uoted" in text else None
    if quoted and not _inside_quotes(text, quoted.start()):
        return _named(quoted.group(1).strip(), "quoted", text, quoted.start(1))
    citing = _EN_CITING.search(text) if "iting" in text else None
    if citing and not _inside_quotes(text, citing.start()):
        source = re.split(r"[,;:]|\.\s|\.$|\s+that\s|\s+as\s", text[citing.end():], maxsplit=1)[0].strip()
        source = _en_trim(source) if source else None
        if source:
            return _named(source, "citing", text, citing.end())
    passive = _EN_PASSIVE_QUOTED.search(text) if "quoted" in text else None
    if passive and not _inside_quotes(text, passive.start()):
        source = _en_source_before(text[:passive.start()])
        if source and _pronoun(source):  # '"...," he was quoted as saying'
            return Attribution(source, passive.group(1), _quote_type(text), form="pronoun",
                               span=locate(text, source, passive.start()))
        if source:
            return _named(source, passive.group(1), text, passive.start())
    agent = _EN_PASSIVE_BY.search(text) if " by " in text else None
    if agent and not _inside_quotes(text, agent.start()):
        source = _en_source_after(" " + text[agent.end():])
        if source and source[:1].isupper():
            return _named(source, agent.group(1), text, agent.end())
    inverted = _EN_OPENING_INVERSION.match(text) if text.lstrip()[:1] in "SAW" else None
    if inverted:  # 'Says the mayor, "..."': the speaker follows the capitalized cue
        source = _en_source_after(" " + text[inverted.end():])
        if source and not _pronoun(source):
            return _named(source, inverted.group(1), text, inverted.end())
    opening = _EN_OPENING_VERB.match(text)
    if opening:  # a fragment "said he will ...": the subject was split off into the line before
        return Attribution(None, opening.group(1), _quote_type(text), form="implicit")
    verbs = (v for v in _EN_VERB.finditer(text) if not _inside_quotes(text, v.start()) and not _en_noun_use(text, v))
    after_quote = []
    if "”" in text or '"' in text:
        verbs = list(verbs)
    # a speaker named right after a quotation voices it, even after an earlier reporting verb
    # ('X reported that ...: "...," the judge said.')
    for i, v in enumerate(verbs[1:] if isinstance(verbs, list) else (), 1):
        closing = _EN_AFTER_QUOTE.search(text, max(0, v.start() - 90), v.start()) if v.group() in _EN_INVERSION else None
        if closing and verbs[i - 1].start() < closing.start():
            after_quote.append(v)
            break
    rejected = None
    for verb in itertools.chain(after_quote, verbs):
        found = _en_verb_attribution(text, verb)
        if found is not None and found.form == "rejected":
            rejected = rejected or found
        elif found is not None:
            return found
    for verb in (_EN_WENT_ON.finditer(text) if " on" in text else ()):
        found = _en_verb_attribution(text, verb)  # 'He went on: “...”', the speaker's own words
        if found is not None and found.form != "rejected" and found.quote_type == "direct":
            return found
    saying = _EN_PRONOUN_SAYING.match(text) if "saying" in text or "adding" in text else None
    if saying:
        return Attribution(saying.group(1), saying.group(2), _quote_type(text), form="pronoun",
                           span=(saying.start(1), saying.end(1)))
    headline = _en_headline(text)
    if headline is not None:
        return headline
    for match in (_EN_ACCORDING.finditer(text) if "ccording" in text else ()):
        rest = text[match.end():]
        if _EN_ACCORDING_NOT.match(rest) or _inside_quotes(text, match.start()):
            continue
        source = re.split(r"[,;:.]\s|[,;:]|\.$", rest, maxsplit=1)[0].strip()
        source = _EN_SOURCE_PREFIX.sub("", source).strip()
        source = _EN_TRAILING.sub("", source).strip()
        if source:
            return _named(source, text[match.start():match.end()].strip(), text, match.end())
    transcript = _en_transcript(text)
    if transcript is NONE and rejected is not None:
        return rejected._replace(form="implicit")  # a cue whose speaker could not be read
    whole = _EN_WHOLE_QUOTE.match(text) if transcript is NONE else None
    if whole:
        # the whole sentence is someone's quotation: the attribution inside it counts (guide §5),
        # "“Lee said the plan would work.”" -> Lee, said
        found = _attribute_en(whole.group(1))
        if found.form != "none":
            shift = whole.start(1)
            return found._replace(span=(found.span[0] + shift, found.span[1] + shift) if found.span else None)
    return transcript


_EN_WHOLE_QUOTE = _lazy(r"^\s*[“\"]([^“”\"]{12,}?)[”\"]?\s*$")


_EN_WENT_ON = _lazy(r"\b(?:went|goes) on(?=\s*[,:]\s*[“\"‘])")
_EN_OPENING_INVERSION = _lazy(r"^\s*(Said|Says|Added|Adds|Wrote|Writes)\s+(?=(?:the\s+[a-z]|[A-Z])[^,:]{0,80}[,:])")
_EN_OPENING_VERB = _lazy(r"^\s*((?:also\s+)?(?:said|says|added|told|noted|warned|stressed|argued|explained))\s+(?!by\b)")
# "X was quoted as saying", "X was quoted in a magazine": X voices the quotation.
_EN_PASSIVE_QUOTED = _lazy(r"\s+(?:was|were|is|are|has been|had been)\s+((?:widely\s+|later\s+|also\s+)?quoted(?:\s+as\s+(?:saying|telling|warning))?)\b")
# "reporters were told by X", "it was reported by X": the agent after "by" is the speaker.
_EN_PASSIVE_BY = _lazy(
    r"\b(?:was|were|been|being|is|are)\s+((?:told|reported|announced|confirmed|stated|revealed|disclosed|described|claimed)"
    r"(?:\s+(?:in|on|at|during|last|this|earlier)\s+[^,;:\"“”]{1,30}?)?\s+by)\s+")
# A headline in title case: "Name Says ...", "Outlet's Anchor Rips ...".
_EN_HEADLINE_VERBS = frozenset(v.title() for v in _LEXICONS["en"]["verbs"] if " " not in v) | {
    "Slams", "Rips", "Blasts", "Knocks", "Urges", "Vows", "Calls", "Questions", "Doubts", "Touts", "Accuses", "Defends", "Mocks", "Hits"}
_EN_HEADLINE_VERB = _lazy(r"\s(" + "|".join(sorted(_EN_HEADLINE_VERBS, key=len, reverse=True)) + r")\s")
# A transcript line: "SMITH: ...", "Dina Lee: ...", "Mr. Lee: ...".
_EN_TRANSCRIPT = _lazy(r"^\s*((?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2})|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'.-]+){0,3})\s*:\s+(?=\S)")
_EN_NOT_SPEAKER_LABEL = frozenset(
    "BREAKING UPDATE UPDATED WATCH READ NOTE EDITOR EDITORS PHOTO VIDEO LISTEN RELATED MORE ALSO SOURCE SOURCES FACT "
    "CLAIM VERDICT TRANSCRIPT EXCLUSIVE ANALYSIS OPINION COMMENTARY ADVERTISEMENT Q A SEE WARNING EMBED ALERT "
    "CORRECTION CLARIFICATION DISCLAIMER SPOILER THE AN WANTED REPORT POLL".split())
_EN_FIRST_PERSON = _lazy(r"[\"“'‘]|(?:I|I'm|I’m|We|We've|We’ve|We're|We’re|Well|Yes|No|Thank|Thanks|You|Our|My|Look|Listen|So)\b")


_EN_LOWER_WORD = _lazy(r"(?:^|\s)[a-z]")


def _en_headline(text: str) -> Attribution | None:
    """A title-case line ("Senator Lee Says Deal Is Dead"): the name before the capitalized verb."""
    if len(_EN_LOWER_WORD.findall(text)) * 3 > text.count(" ") + 1:
        return None  # most words in lower case: not a headline
    words = text.split()
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < 0.7 * len(words):
        return None
    verb = _EN_HEADLINE_VERB.search(text)
    if not verb:
        return None
    source = text[:verb.start()].strip()
    if not _en_name_like(source) or len(source.split()) > 5:
        return None
    return _named(source, verb.group(1), text, 0)


def _en_transcript(text: str) -> Attribution:
    """A transcript or interview line, "NAME: words": NAME speaks them (a direct quotation)."""
    match = _EN_TRANSCRIPT.match(text) if ":" in text[:40] else None
    if not match:
        return NONE
    name = match.group(1)
    first = name.split()[0].rstrip(".").upper()
    if first in _EN_NOT_SPEAKER_LABEL or name.upper() in _EN_NOT_SPEAKER_LABEL:
        return NONE
    if not name.isupper():
        if len(name.split()) < 2 and not re.match(r"(?:Mr|Mrs|Ms|Dr)\.", name) or re.search(r"[’']s\b", name):
            return NONE  # one title-case word ("Update:") or a possessive ("Lee’s Plan:") is a label
        if not _EN_FIRST_PERSON.match(text, match.end()):
            return NONE  # "Name: a headline about Name"; a speaker's words open with a quote or "I", "We" ...
    elif text[match.end():].isupper():
        return NONE  # "WARNING: GRAPHIC CONTENT"
    return Attribution(name, ":", "direct", resolved=name, span=(match.start(1), match.end(1)), form="named")


def _named(source: str, cue: str, text: str, near: int, lang: str = "en") -> Attribution:
    span = locate(text, source, near)
    return Attribution(source, cue, _quote_type(text, lang, start=span[0] if span else 0), resolved=source, span=span, form="named")


# --- Arabic ---------------------------------------------------------------------------------

_AR_VERBS = _trie(_ar_forms(_LEXICONS["ar"]["verbs"]))
# a cue may follow a space, a quote mark, a comma, a colon, a bracket, or stand glued to a full
# stop or a dateline dash ("...عليه.وأفادت", "(CNN)—أعلنت")
_AR_CUE = _lazy(rf"(?:^|(?<=[\s«\"“،:().—–-]))([وف]?(?:{_AR_VERBS}))(?=[\s:،]|$)")
_AR_ACCORDING = _lazy(rf"(?:^|(?<=[\s،(]))([وف]?(?:{_AR_ACCORDING_TO})(?:ـ)?)(?:\s*ما\s+\S+)?\s*")
_AR_AS_REVEALED = _lazy(r"(?:^|(?<=[\s،]))(حسبما\s+\S+|كما\s+(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت))\s+")
_AR_END = _lazy(
    r"\s+'?(?:إن|ان|أن|بأن|بان|إنه|إنها|إنهم|أنه|أنها|أنهم|بأنه|بأنها|انه|انها|انهم|بانه|بانها|بانهم|فإن|فان|فقد|بحسب|حسب|وفق|وفقا|طبقا|إلى أن|الى أن|إلى ضرورة|على|عن|من|أمام|عبر|وهو|وهي|بتقديم|بضرورة|بوقف|بإجراء|لمراسل\S*|في (?:بيان|تقرير|دراسة|كلمت|كلمة|افتتاحيت|البيان|خطاب|مقابل|حديث|تصريح|مؤتمر|تغريد|منشور|رسال|ختام)\S*|على (?:منصة|موقع|حساب)\S*|قوله|قولها|قولهم|قائلا|قائلة|قائلاً|في بيان|في تصريح|في تصريحات|في حديث|في مؤتمر|في خطاب|في مقابلة|في كلمة|في تغريدة|في منشور|في رسالة|في ختام|خلال|أمس|اليوم|الليلة|مساء|صباح|يوم|بعد|قبل|منذ|لوكالة|لصحيفة|لشبكة|لقناة|لموقع|للصحفيين|لوسائل|للصحافيين|لـ|ل\S*\s+\"|بالقول|للمراسلين|للصحافة|لنظير\S*)(?=\s|$|[:،.؛])"
    r"|\s+ل(?=[«»\"“”])|\s+[-–—]|[،:«\"“”».؛]"
)
# "وكان X قد قال"، "وكانت X أعلنت" (the pluperfect, with or without قد): X before the verb
# "عبّر X عن ..." (expressed): the masculine form is also the preposition "عبر" (via), so it is
# a cue only where a clause starts and "عن" follows its subject.
_AR_EXPRESSED = _lazy(r"(?:^|(?<=[.،]\s)|(?<=[.،])|(?<=\s)(?=[وف]))([وف]?عبّ?ر)(?=\s+(?:[^\s،:«»\"“”.]+\s+){1,6}?عن\s+(?!طريق))")
_AR_NAME_COLON = _lazy(r"\s*([^\s:،«»\"“”.()]+(?:\s+[^\s:،«»\"“”.()]+)?)\s*:")
_AR_PLUPERFECT = _lazy(rf"^[وف]?(?:كان|كانت|كانوا)\s+(?!قد\s)([^\s،].{{0,80}}?)[\s،]+(?:قد\s+)?([وف]?(?:{_AR_VERBS}))(?=[\s:،]|$)")
_AR_STATEMENT = _lazy(r"(?:^|\s)[وف]?جاء\s+في\s+(?:بيان|تقرير|رسالة|تغريدة)\S*\s+(?:صادرة?\s+عن\s+|ل)(.+?)(?=[:،.«\"]|$)")
_AR_CARRIED = _lazy(
    rf"^(?:ثم\s+)?[وف]?({_AR_CONTINUATION})"
    r"(?:\s+(?:قائلا|قائلة|قائلاً|بالقول|يقول|تقول))?\s*(?=أن|إن|ان|:|«|\"|“|إلى|الى|على|وهو|وهي|في\s+بيان|في\s+تصريح|في\s+هذا\s+السياق|$)"
)
_AR_NESTED = _lazy(r"\s+عن\s+")


_AR_RELAYED = _lazy(r"\s+(?:نقلا?ً?\s+عن|على\s+لسان)\s+")
_AR_SOURCE_PREFIX = _lazy(r"^(?:(?:الأرقام|الارقام|البيانات|التقديرات)(?:\s+الرسمية)?\s+التي\s+(?:نشرها|نشرتها|أصدرها|أصدرتها|أعلنها|أعلنتها)|تقديرات|بيانات|أرقام|ارقام|إحصاءات|احصاءات|معطيات)\s+(?=\S+\s+\S)")
_AR_NOT_SOURCE = _lazy(r"^(?:ذلك|هذا|هذه|الخطة|الجدول|ما هو مقرر|مقرر|القانون|الدستور|التوقعات|العادة|الأصول|الاصول|الإجراءات|الاجراءات|الآليات|الضوابط|المعايير|الشروط|القواعد|الأنظمة|اللوائح|القوانين|البروتوكول|ما يقتضيه|ما تقتضيه)(?:\s|$)")


# After these verbs the speaker ends at a preposition: "دعا X إلى", "شكك X في", "رحب X بـ".
# Keys are verb stems (without the present-tense prefix), matched longest first.
_AR_VERB_PREPOSITION = (
    ("دعا", r"\s+(?:إلى|الى)\s+"), ("دعت", r"\s+(?:إلى|الى)\s+"), ("طالب", r"\s+(?:إلى|الى|ب)"),
    ("حث", r"\s+(?:على|إلى)\s+"), ("لفت", r"\s+(?:إلى|الى)\s+"), ("أشار", r"\s+(?:إلى|الى)\s+"),
    ("اشار", r"\s+(?:إلى|الى)\s+"), ("شير", r"\s+(?:إلى|الى)\s+"), ("شكك", r"\s+في\s+"),
    ("رحب", r"\s+ب\S+"), ("هدد", r"\s+ب\S+"), ("ندد", r"\s+ب\S+"), ("هنأ", r"\s+ب\S+"), ("لوح", r"\s+ب\S+"), ("وصف", r"\s+\S+\s+ب\S+|\s+ب\S+"),
    ("اتهم", r"\s+\S+\s+ب\S+"), ("أشاد", r"\s+ب\S+"), ("اعتبر", r"\s+(?:أن|إن|ان)\s+"),
    # "أفادت الوكالة بانتشار/بإجراء/بأن ...": a verbal noun or "أن" after "ب"; "وزارة الصحة بغزة" keeps its place
    ("أفاد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"), ("افاد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"), ("فيد", r"\s+ب(?:ال|أن|ان|إ|ا)\S+"),
)


_AR_VERB_PREPOSITION_LONGEST = tuple(sorted(_AR_VERB_PREPOSITION, key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=1024)
def _ar_preposition_stop(lemma: str) -> str | None:
    """The preposition that ends the speaker after this verb stem, if any."""
    for stem, stop in _AR_VERB_PREPOSITION_LONGEST:
        if lemma.startswith(stem):
            return stop
    return None


_AR_QUOTE_CHARS = "\"«»“”"
_AR_PROTECT = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate(_AR_QUOTE_CHARS + "،")})
_AR_UNPROTECT = {0xE000 + i: c for i, c in enumerate(_AR_QUOTE_CHARS + "،")}
_AR_MEDIA_HEAD = r"(?:[وبل]?(?:ال)?(?:صحيفة|جريدة|موقع|قناة|وكالة|شبكة|مجلة|مراسل|مراسلة|برنامج|منظمة|حركة|جمعية|شركة|مركز|معهد|حزب|تطبيق|منصة|حساب|تقرير|إذاعة|تلفزيون))"
_AR_QUOTED_NAME = _lazy(
    rf"(^|(?<!\S){_AR_MEDIA_HEAD})(\s*[\"«“][^\"«»“”]{{1,40}}[\"»”])")
_AR_TITLES = frozenset(
    "وزير وزيرة رئيس رئيسة زعيم زعيمة ضابط مدير مديرة متحدث متحدثة ناطق ناطقة سفير سفيرة خبير خبيرة محلل "
    "محللة باحث باحثة كاتب كاتبة أستاذ أستاذة نائب نائبة أمين أمينة قائد مسؤول مسؤولة مبعوث مبعوثة سيناتور "
    "صحافي صحافية صحفي صحفية دكتور مستشار مستشارة عضو عضوة مرشح مرشحة سياسي سياسية معارض معارضة ناشط ناشطة "
    "مراسل مراسلة محامي محامية مفوض مفوضة ملك أمير حاكم محافظ عميد لواء عقيد رائد مؤسس منسق منسقة "
    "سكرتير سكرتيرة والي مندوب مندوبة وكيل وكيلة مساعد مساعدة".split())
_AR_NAME_STOP = r"(?:في|خلال|عبر|على|عن|من|لـ|أمس|اليوم|يوم|مساء|صباح|بعد|قبل|أثناء|لدى|أمام|للصحفيين|للصحافيين|لوكالة|لصحيفة|لقناة|لموقع|لشبكة)"
_AR_NAME_AFTER = _lazy(r"\s*([^\s،:«»\"“”.؛()]+(?:\s+[^\s،:«»\"“”.؛()]+){0,2})\s*(?=،|:|«|\"|“|\s+(?:إن|أن|ان|إنه|أنه|بأن|قائلا|قائلاً)(?:\s|$))")
# A name of one or two words followed by a preposition or time phrase ("، فلان الفلاني في حديث له").
_AR_SHORT_NAME_AFTER = _lazy(rf"\s*((?!{_AR_NAME_STOP}\s|ل)[^\s،:«»\"“”.؛()]+(?:\s+(?!{_AR_NAME_STOP}(?:\s|$))[^\s،:«»\"“”.؛()]+)?)\s+(?={_AR_NAME_STOP}\s)")
_AR_NOT_NAME = _lazy(r"^(?:ال|و?(?:في|على|عن|من|إلى|الى|أمس|اليوم|يوم|خلال|عبر|أمام|مع|الذي|التي|إن|أن|ان|قائلا|قائلاً|لـ|ل|ب)(?:\s|$))")


_AR_QUOTED_NAME_AFTER = _lazy(
    r"([\u0621-\u064A])(\s*[\"«“](?!ل)[^\"«»“”]{1,30}[\"»”])(?=\s*(?:،|:|\s(?:أن|إن|ان|بأن|عن|من|في|على|إلى|الى|أمس|اليوم|مساء|صباح|يوم)\s))")


def _ar_protect_quoted_names(rest: str) -> str:
    """A short quoted name after a media head or right after the verb ("صحيفة "X" الكتالونية",
    'وحذرت "X" من') is part of the speaker: its quote marks stop nothing."""
    if not any(c in rest for c in _AR_QUOTE_CHARS):
        return rest

    def protect(m: re.Match) -> str:
        head, inner = m.group(1), m.group(2)
        after = rest[m.end():]
        if not head and (len(inner.split()) > 2 or not re.match(r"\s*(?:،|\s(?:من|عبر|على|في|إن|أن|ب\S+))", after)):
            return inner  # a quotation right after the verb, not a name
        return head + inner.translate(_AR_PROTECT)

    rest = _AR_QUOTED_NAME.sub(protect, rest)
    # a short quoted name after any word of the speaker, before the reported clause or a
    # circumstance ('مؤسسة "اليوم السابع" أن'، 'أمين "حزب الله" أن'، 'وكالة الطلبة "إسنا" عن')
    return _AR_QUOTED_NAME_AFTER.sub(lambda m: m.group(1) + m.group(2).translate(_AR_PROTECT)
                                     if len(m.group(2).split()) <= 3 else m.group(), rest)


_AR_INSTITUTIONS = frozenset("موقع وزارة شركة مركز جامعة مجلس هيئة صحيفة قناة وكالة منظمة حزب جمعية معهد مكتب إدارة بلدية مؤسسة".split())


def _ar_name_after_title(span: str, after: str) -> str:
    """"title, Name" keeps both ("وزير الإعلام، فلان الفلاني، إن"): the name after the comma,
    when the span is a bare title (a title word, no name yet)."""
    words = span.split()
    if not words or len(words) > 10:
        return ""
    head = words[0] if words[0] in _AR_TITLES else re.sub(r"^و?ال", "", words[0])  # "والي" is a title
    if head not in _AR_TITLES or _ar_subject_end(span) != span:
        return ""  # not a title, or the verb's object follows it ("الوزير الخطة، مشيرا")
    if any(a.startswith(("ال", "لل")) and not b.startswith(("ال", "لل", "و", "في", "من", "باسم")) and b[:1] not in _AR_QUOTE_CHARS
           and not (b[:1] in "بل" and (b[1:] in _AR_INSTITUTIONS or c.startswith("ال")))
           for a, b, c in zip(words, words[1:], words[2:] + [""])):
        return ""  # "الرئيس الأمريكي السابق فلان": a name after the title is there already
    found = _AR_NAME_AFTER.match(after) or _AR_SHORT_NAME_AFTER.match(after)
    if not found or _AR_NOT_NAME.match(found.group(1)) or _AR_CUE.search(found.group(1)):
        return ""
    return "، " + found.group(1)


def _ar_span(rest: str, stop: str | None = None) -> str | None:
    rest = re.sub(r"(صادرة?)\s+عن\s+", "\\1\x00", rest)  # "تقرير صادر عن البنك الدولي" stays one span
    # "مصادر مقربة من الوزارة"، "مصدر مطلع على الملف": the phrase that places the source (§3.1)
    rest = re.sub(r"((?:^|\s)(?:ال)?(?:مقرب|قريب|مطلع|مقربة|قريبة|مطلعة|مقربون|مقربين|مطلعون|مطلعين))\s+(من|على)\s+",
                  lambda m: m.group(1) + ("\x02" if m.group(2) == "من" else "\x03"), rest)
    rest = re.sub(r"(?<![\w])([\u0621-\u064A])\.\s", "\\1\x01 ", rest)  # "د. خالد": an abbreviation, not an end
    if stop:
        found = next((m for m in re.finditer(stop, rest)
                      if _ar_preposition_word(m.group().split()[-1], (rest[:m.start()].split() or [""])[-1])), None)
        if found:
            rest = rest[:found.start()]
    relayed = _AR_RELAYED.search(rest)
    if relayed and (not _AR_END.search(rest) or relayed.start() <= _AR_END.search(rest).start()):
        rest = rest[relayed.end():]  # "ذكرت وكالة رويترز نقلا عن متحدث ...": the original speaker
    rest = _ar_protect_quoted_names(rest)
    match = _AR_END.search(rest)
    span = (rest[:match.start()] if match else rest)
    if match and match.group() == "،":
        span += _ar_name_after_title(span, rest[match.end():])
    first = re.match(r"\s*\S+", span)
    stop_at = _AR_OBJECT_STOP.search(" " + span, first.end() if first else 0)  # the first word is the subject ("وذكرت الأنباء أن")
    if stop_at:
        span = span[:max(0, stop_at.start() - 1)]
    span = _ar_circumstance_cut(span)
    span = span.strip()
    span = _AR_SOURCE_PREFIX.sub("", span)
    span = span.replace("\x00", " عن ").replace("\x01", ".").replace("\x02", " من ").replace("\x03", " على ").translate(_AR_UNPROTECT)
    words = span.split()
    if not words or len(words) > 15 or _AR_NOT_SOURCE.match(span) or _ar_prepositional(words[0]):
        return None
    return span


_AR_IN = frozenset(("في", "فى"))
_AR_CIRCUMSTANCE_NOUNS = frozenset("وقت حين أعقاب اعقاب إطار اطار سياق ظل حوار لقاء مقابلة تصريح تصريحات حديث بيان منشور تغريدة رسالة كلمة مؤتمر حساب حسابه حسابها صفحة صفحته صفحتها تغريدته تغريدتها كلمته كلمتها".split())


def _ar_preposition_word(word: str, previous: str = "") -> bool:
    """A stop that ends in a word with ب is the preposition ("بقرار"، "بالاتفاق"، "بفرض")
    unless the word is a noun of its own ("بيان") or goes on a name ("مسعود بارزاني")."""
    if not word.startswith("ب"):
        return True
    rest = word[1:]
    if rest.startswith(("ال", "ـ")) or not rest:
        return True
    if _ar_common(word) or word in _ar_words()[2]:
        return False
    if _ar_common(rest):
        return True
    return not (previous and not previous.startswith("ال") and _ar_name_kind(previous))


def _ar_circumstance_cut(span: str) -> str:
    """The speaker without a trailing "في" phrase that tells where or when it spoke, not who it is:
    "في" before a noun with a possessive ("في حسابه"، "في شهاداته"), a number ("في الـ6"), a word
    of time or medium ("في وقت سابق"، "في حوار"), or an indefinite common noun that heads no
    genitive ("في لقاء تلفزيوني"). "في" before a name or a genitive construction stays: it places
    the speaker ("السفير الروسي في دمشق"، "المسؤول في وزارة الصحة")."""
    words = span.split()
    for i in range(1, len(words) - 1):
        if words[i] not in _AR_IN:
            continue
        noun = words[i + 1]
        after = words[i + 2] if i + 2 < len(words) else ""
        bare = noun[2:] if noun.startswith("ال") else noun
        if _AR_POSSESSED.search(noun) and not _ar_name_kind(noun) or re.match(r"(?:الـ)?\d", noun) or bare in _AR_CIRCUMSTANCE_NOUNS \
                or not noun.startswith("ال") and _ar_common(noun) and _ar_no_genitive(after):
            return " ".join(words[:i])
    return span


def _ar_no_genitive(after: str) -> bool:
    """The word after an indefinite noun is not its genitive: nothing, an indefinite nisba
    adjective ("لقاء تلفزيوني") or a verb ("حوار أجرته")."""
    if not after:
        return True
    if not after.startswith("ال") and after.endswith(("ي", "ية")) and len(after) >= 5:
        return True
    return bool(re.match(r"^[يتأن][\u0621-\u064A]{2,}(?:ته|تها|ه|ها)$|^[يت][\u0621-\u064A]{3,}$", after)) and not _ar_common(after)


def _ar_prepositional(word: str) -> bool:
    """A word that is a preposition with a common noun ("لفترة", "بسبب"): no subject starts with one."""
    if word[:1] not in "لب" or len(word) < 5 or word in _AR_NAME_PARTICLES or _ar_name_kind(word):
        return False
    stem = word[2:] if word.startswith("لل") else word[1:]
    stem = stem[2:] if stem.startswith("ال") else stem
    return len(stem) >= 3 and stem not in _ar_words()[2] and _ar_common(stem) and not _ar_common(word)


_AR_DATELINE = _lazy(r"^\s*(?:[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){0,2}\s*[-–—]\s*)?(?:\(?\s*(?:رويترز|أ\s*ف\s*ب|فرانس\s+برس|الأناضول|وكالات|وام|واس|قنا|كونا|بترا|سانا|أ\s*ش\s*أ|د\s*ب\s*أ|شينخوا|سبوتنيك|معا|وفا|الجزيرة\s+نت|الجزيرة|العربية\.نت|سكاي\s+نيوز\s+عربية|خاص|[\u0621-\u064A]+\s+نت)\s*\)?\s*)?[-–—:]\s*(?=\S)")
# Words after which the subject noun phrase has ended (demonstratives, relatives, object heads).
_AR_OBJECT_STOP = _lazy(r"(?<!وكالة)(?<!وكالات)\s+(?:هذه|هذا|ذلك|تلك|هذين|هاتين|هؤلاء|التي|الذي|الذين|اللذين|اللتين|ما|مما|كل|جميع|أي|أية|أنباء|الأنباء|التقارير|تقارير|الاتهامات|اتهامات|المزاعم|مزاعم|الرواية|رواية|الخبر|الادعاءات|ادعاءات|وجود|صحة|قلقه|قلقها|قلقهم|أمله|أملها|استعداد\S*|رفض\S*|تأييد\S*|دعم\S*|ترحيب\S*|إدانت\S*|ادانت\S*|أسف\S*|تفاؤل\S*|استغراب\S*|تضامن\S*|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|يوم\S*|الليلة|مساء|صباح|اليوم|أمس|لاحقا|لاحقاً|مؤخرا|مؤخراً|حينها|الى|إلى)(?=\s|$|،)")
_AR_DEFINITE_ADJECTIVES = frozenset(
    "العام العامة السابق السابقة الأعلى الاعلى الأول الاول الجديد الجديدة المقبل الحالي المؤقت المساعد "
    "الأسبق المكلف المنتهية الرسمي الرسمية الخاص الخاصة الأممي الأممية الدولي الدولية العليا الكبير الأكبر "
    "التنفيذي المستقل المنتخب المتحدة الموحدة المشتركة العربي العربية "
    "المطلعة المطلع المقربة المقرب المقربون المختصة المختص المعنية المعني المسؤول المسؤولة المكلفة "
    "المستقلة المنتخبة المعارض المعارضة السريع المتحدث الناطق".split())


_AR_ELATIVE = _lazy(r"^ال[أا][\u0621-\u064A]{2}[\u0621-\u064A]$")  # الأحمر، الأوسط، الأعلى


def _named_ar(source: str, cue: str, text: str, near: int) -> Attribution:
    found = _named(source, cue, text, near, "ar")
    if found.span and _AR_COLON_AFTER_SPEAKER.match(text, found.span[1]):
        # "قال X: ..."، "وكتب X في حسابه على تويتر: ..." open the speaker's words (§2.4)
        return found._replace(quote_type="direct")
    if found.quote_type == "direct" and found.span:
        limit = _ar_next_attribution(text, found.span[1])
        found = found._replace(quote_type=_quote_type(text, "ar", limit, start=found.span[0]))
    return found


# a colon right after the speaker, or after a phrase of where or how it spoke (no reported
# clause in between: no complementizer, no other colon or quotation)
_AR_COLON_AFTER_SPEAKER = _lazy(r"(?:\s+(?:في|فى|غي|على|عبر|خلال|أمام|لـ?|ل\S+)\s+[^:«»\"“”.؛]{0,50}?)?\s*:\s*\S")


def _ar_next_attribution(text: str, after: int) -> int | None:
    """Where a second, coordinated attribution starts ("، وقالت", " وأضاف"), after ``after``."""
    for match in _AR_CUE.finditer(text, after):
        if match.group(1).startswith("و") and not _inside_quotes(text, match.start()):
            return match.start()
    return None


# Definite titles that stand in apposition before a name ("الوزير الدكتور فلان").
_AR_TITLE_APPOSITION = frozenset("الدكتور الشيخ المهندس اللواء العميد العقيد الفريق السفير الأستاذ الاستاذ القاضي المستشار الأمير الملك السيد السيدة النائب".split())
_AR_PARTICIPLE = _lazy(r"^ال(?:م[\u0621-\u064A]{3,}|[^ا\s]ا[^ا\s]{2})(?:ة|ون|ين|ات|ان)?$")  # المسلحة، المتحدة، الحاكم


def _ar_adjective(word: str) -> bool:
    """A definite word that can follow a definite noun as its adjective (nisba, listed,
    elative, participle), with its feminine or plural ending."""
    if word.endswith(("ي", "ية", "يون", "يين", "يان", "يتان")) or _AR_ELATIVE.match(word) or _AR_PARTICIPLE.match(word):
        return True
    if word in _AR_DEFINITE_ADJECTIVES:
        return True
    for suffix in ("ة", "ون", "ين", "ات"):
        if word.endswith(suffix) and word[:-len(suffix)] in _AR_DEFINITE_ADJECTIVES:
            return True
    return False


@lru_cache(maxsize=1)
def _ar_country_names() -> frozenset[str]:
    """One-word Arabic country names of the gazetteer ("أرمينيا"): a name takes no genitive."""
    from framing.annotate.actors import default_gazetteer

    names = set()
    for actor in default_gazetteer().actors.values():
        if actor.type == "country":
            names.update(a for a in actor.aliases.get("ar", ()) if " " not in a and not a.startswith("ال"))
    return frozenset(names)


@lru_cache(maxsize=1)
def _ar_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(common, construct, names, surnames) from ``ar_words.json`` (built by
    ``corpora/build_lexicon.py`` from the project's own text): stems attested as common nouns or
    adjectives, stems attested as the head of a genitive construction, words of the gazetteer's
    names, and those that end a name there."""
    import json

    data = json.loads(resources.files("framing.data").joinpath("ar_words.json").read_text("utf-8"))
    return tuple(frozenset(data[k]) for k in ("common", "construct", "names", "surnames"))


# Verbal nouns of the derived verb forms, recognized by their pattern (no list needed):
# تفاعل، تفعيل، افتعال، انفعال، استفعال، إفعال، مفاعلة ("تعاطف", "تعزيز", "اجتماع", "استعداد", "إعلان").
_AR_MASDAR = _lazy(
    r"^(?:ت[\u0621-\u064A]ا[\u0621-\u064A]{2}|ت[\u0621-\u064A]{2}ي[\u0621-\u064A]|[اإ][\u0621-\u064A]ت[\u0621-\u064A]ا[\u0621-\u064A]"
    r"|ان[\u0621-\u064A]{2}ا[\u0621-\u064A]|است[\u0621-\u064A]{2}ا[\u0621-\u064A]|إ[\u0621-\u064A]{2}ا[\u0621-\u064A]|م[\u0621-\u064A]ا[\u0621-\u064A]{2}ة)$")
# Words inside a person's name ("أبو الريش", "ولد السالك", "عبد الحكيم", "بن سلمان").
_AR_NAME_PARTICLES = frozenset("أبو أبي ابو ابي بن ابن بنت ولد عبد آل أم ذو دي دا فان فون".split())
_AR_FUNCTION = frozenset(
    "في على عن من إلى الى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند بين دون تحت فوق نحو إن أن ان "
    "لا لم لن ما قد كان كانت هو هي هم هن أنا نحن ذلك هذا هذه تلك هؤلاء الذي التي الذين كما أو ثم بل "
    "لكن إذا إذ حيث كل بعض أي غير أيضا أيضاً بلا داخل خارج وسط خلف قرب عقب إثر ضمن لدى".split())


@lru_cache(maxsize=8192)
def _ar_common(word: str) -> bool:
    """``word`` (no article) is a common noun or adjective: attested so in our text, with or
    without a feminine or plural ending, or a verbal noun of a derived form."""
    common, _, names, _ = _ar_words()
    if word in names:
        return False
    if word in common or _AR_MASDAR.match(word):
        return True
    return any(word.endswith(e) and len(word) - len(e) >= 3 and word[:-len(e)] in common for e in ("ة", "ات", "ون", "ين", "ا"))


# Broken plurals of common nouns, by pattern: فعائل، مفاعل/مفاعيل، أفعال، أفعلاء، فعلاء ("وسائل",
# "مصادر", "أطباء", "خبراء"): not names even when our text never attests them.
_AR_BROKEN_PLURAL = _lazy(
    r"^(?:[\u0621-\u064A]{2}ائ[\u0621-\u064A]|م[\u0621-\u064A]ا[\u0621-\u064A]ي?[\u0621-\u064A]|أ[\u0621-\u064A]{2}ا[\u0621-\u064A]"
    r"|أ[\u0621-\u064A]{2}اء|[\u0621-\u064A]{3}اء)$")


_AR_CLITIC_ARTICLE = _lazy(r"^[وف]?(?:[بلك]?ال|لل)")


# A noun with a possessive pronoun ("خارجيتها", "رئيسهم"): a common noun, not a name.
_AR_POSSESSED = _lazy(r"(?:[\u0621-\u064A]{2}(?:ت|ي)(?:ه|ها|هم|هما)|[\u0621-\u064A]{3}(?:ها|هم|هما|كم|نا))$")


@lru_cache(maxsize=8192)
def _ar_name_kind(word: str) -> str | None:
    """"surname" for a word that ends a gazetteer name ("ترامب"), "gazetteer" for another word of
    the gazetteer's names, "unknown" for a word our text never
    attests as a common noun (nor a title, function word, feminine or plural noun), else None."""
    word = word.strip("()[]\"'«»“”")
    names, surnames = _ar_words()[2:]
    if word in surnames or word[:1] == "و" and word[1:] in surnames:
        return "surname"
    if word in names or word[:1] == "و" and word[1:] in names:
        return "gazetteer"
    if word in _AR_NAME_PARTICLES:
        return "unknown"
    if _AR_CLITIC_ARTICLE.match(word) or not re.fullmatch(r"[\u0621-\u064A]{2,}", word):
        return None
    for bare in (word, word[1:]) if word[:1] == "و" and len(word) > 3 else (word,):
        if bare in _AR_FUNCTION or bare in _AR_TITLES or bare.endswith(("ة", "ات")) or _ar_common(bare) \
                or _AR_BROKEN_PLURAL.match(bare) or _AR_POSSESSED.search(bare):
            return None
    if bare[:1] in "بل" and (_ar_common(bare[1:]) or bare[1:] in _AR_TITLES):
        return None  # "لشؤون", "بموقع": a preposition with a noun
    return "unknown"


def _ar_after_name(word: str, after: str, kind: str) -> bool:
    """After a name, ``word`` starts a new phrase (the verb's object, an appositive or the next
    clause): a common noun that is no title and not followed by another name word, a definite
    noun that is no adjective of a gazetteer name, or a preposition with a common noun
    ("لوزير", "بقرار")."""
    if word[:1] == "و" or word in _AR_NAME_PARTICLES or word in _ar_words()[2] or word in _AR_TITLES:
        return False  # "ترامب وماكرون": coordination; name parts; "X رئيس ...": apposition kept
    if word.startswith("ال"):
        stem = word[2:]
        if kind != "surname" or stem in _AR_TITLES or word in _AR_TITLE_APPOSITION or _ar_adjective(word):
            return False  # "فخر الدين": a definite word after an unknown name may be part of it
        return _ar_common(stem)
    if word[:1] in "لب" and len(word) > 3:
        stem = word[2:] if word.startswith("لل") else word[1:]
        stem = stem[2:] if stem.startswith("ال") else stem
        return stem in _AR_TITLES or _ar_common(stem)
    if word.endswith(("ي", "ية", "يون", "يين", "يان")) or not after or _ar_name_kind(after):
        return False  # an indefinite nisba of the name; "رجب طيب أردوغان", "محمد سعيد": a name goes on
    return _ar_common(word)


def _ar_construct_noun(word: str) -> bool:
    """A definite adjective-shaped word (nisba, participle) that our text attests as the head of
    a genitive construction ("العملية": "عملية السلام", "المجتمع": "مجتمع المدينة"): a noun,
    not an adjective. Passive participles and elatives stay adjectives ("مجهولة المصدر")."""
    stem = word[2:]
    return stem in _ar_words()[1] and word not in _AR_DEFINITE_ADJECTIVES and not word.endswith("ي") \
        and not _AR_PASSIVE_PARTICIPLE.match(stem) and not _AR_ELATIVE.match(word)


_AR_PASSIVE_PARTICIPLE = _lazy(r"^م[\u0621-\u064A]{2}و[\u0621-\u064A](?:ة|ون|ين|ات)?$")


def _ar_name_end(words: list[str]) -> int:
    """Where the speaker ends after a name ("أكد ترامب تعاطف ...", "روبليس لوزير ..."): the index
    of the first word after a name word that starts a new phrase, else ``len(words)``."""
    for i in range(1, len(words)):
        previous = words[i - 1]
        kind = None if previous in _AR_NAME_PARTICLES else _ar_name_kind(previous)
        if kind and _ar_after_name(words[i], words[i + 1] if i + 1 < len(words) else "", kind):
            return i
    return len(words)


def _ar_after_definite(word: str, after: str, titled: bool = False) -> bool:
    """After a definite word, an indefinite common noun is neither its genitive nor its adjective
    (adjectives agree in definiteness): it starts the object or the next phrase. Names, titles,
    nisba forms (also surnames: "شكري"), prepositions and coordination go on."""
    if word[:1] in "وبل" or word in _AR_TITLES or word in _AR_FUNCTION or word in _AR_NAME_PARTICLES \
            or word.endswith(("ي", "ية", "يون", "يين", "يان")) or _ar_name_kind(after):
        return False
    if after.startswith("ال") and not _AR_MASDAR.match(word) and (after in _AR_NAME_SECOND or titled or not _ar_common(word)):
        return False  # "نور الدين", "الوزير الليبي كامل الفاسي": a name whose second part has the article
    # else a common noun before a definite one is the object with its genitive ("عدد الضحايا")
    return _ar_common(word) and _ar_name_kind(word) is None


_AR_NAME_SECOND = frozenset("الدين الله الرحمن الرحيم الإسلام الاسلام العزيز الحق الكريم الحميد الهدى الزمان النور الحسن الحسين".split())
_AR_ACTIVE_PARTICIPLE = _lazy(r"^ال[\u0621-\u064A]ا[\u0621-\u064A]{2}(?:ة|ون|ين)?$")  # العاملة، الناشطين
_AR_PREPOSITION_WORDS = frozenset("في فى على من عن مع إلى الى لدى ضد".split())


def _ar_adjective_listed(word: str) -> bool:
    return word in _AR_DEFINITE_ADJECTIVES or any(word.endswith(x) and word[:-len(x)] in _AR_DEFINITE_ADJECTIVES for x in ("ة", "ون", "ين"))


def _ar_object_start(words: list[str]) -> int:
    """Where the object or a clause starts after a verb-first subject, by the word's own form
    (the nominative subject takes none of these), else ``len(words)``: an indefinite accusative
    ("شاهد ردا"), a present-tense verb after an indefinite noun (a relative clause: "سيدة تعمل
    في ..."), "ب" with a noun after a definite word ("المنظمة بتوخي الحذر"), a noun with a
    possessive ("نشطاء سعوديين تأكيدهم"), a definite active participle with a preposition
    ("الجمعيات الخيرية العاملة في ...")."""
    for i in range(1, len(words)):
        w, prev = words[i], words[i - 1]
        after = words[i + 1] if i + 1 < len(words) else ""
        if prev in _AR_NAME_PARTICLES or w in _AR_NAME_PARTICLES or _ar_name_kind(w) in ("gazetteer", "surname"):
            continue
        if w.endswith("اً") or w.endswith("ا") and len(w) > 4 and not w.startswith("ال") and _ar_common(w[:-1]):
            return i
        if not prev.startswith(("ال", "وال")) and re.match(r"^[يت][\u0621-\u064A]{2,4}(?:ون|ان)?$", w) and not _ar_common(w) \
                and not w.endswith(("ي", "ية", "ا")) and (after in _AR_PREPOSITION_WORDS or after.startswith("ال")):
            return i
        if prev.startswith(("ال", "وال")) and w.startswith("ب") and len(w) > 4 and (w[1:].startswith("ال") or _ar_common(w[1:])) \
                and not _ar_common(w):
            return i
        if not w.startswith("ال") and len(w) >= 5 and re.search(r"(?:هم|ها|هما)$", w) and prev not in _AR_TITLES \
                and (prev.startswith("ال") or prev.endswith(("ي", "ية", "يون", "يين", "ون", "ين"))) and _ar_common(re.sub(r"(?:هم|ها|هما)$", "", w).rstrip("ت") or "-"):
            return i
        if _AR_ACTIVE_PARTICIPLE.match(w) and after in _AR_PREPOSITION_WORDS and prev.startswith("ال") and not _ar_adjective_listed(w):
            return i
    return len(words)


def _ar_subject_end(span: str) -> str:
    """Cut the verb's object off a verb-first subject ("نفى الجيش الإسرائيلي الرواية").

    A definite noun takes no genitive, so after a definite word another definite word is its
    adjective or the start of the object; after an indefinite word it is a genitive ("نقابة
    المعلمين"), except after a sound plural in -ون ("محللون بارزون الخطة") or a country name
    ("اتهمت أرمينيا الجانب الآخر"), which take none either."""
    words = span.split()
    if len(words) < 2 or "،" in span:
        return span  # "title، Name": bounded already
    cut = _ar_object_start(words)
    if cut < len(words):
        words = words[:cut]
        span = " ".join(words)
        if len(words) < 2:
            return span
    head = words[0][1:] if words[0][:1] == "و" and len(words[0]) > 3 else words[0]
    if head in _ar_country_names() and words[1].startswith("ال") and not words[1].endswith(("ي", "ية", "يون", "يين")):
        return words[0]
    cut = _ar_name_end(words)
    if cut < len(words):
        words = words[:cut]
        span = " ".join(words)
    previous = words[0]
    titled = re.sub(r"^و?ال", "", words[0]) in _AR_TITLES or words[0] in _AR_TITLES  # a person's title: a name may follow
    for i, word in enumerate(words[1:], 1):
        if previous.startswith("ال") and len(word) >= 5 and word.endswith(("ه", "ها", "هم", "هما")) and not word.startswith("ال"):
            return " ".join(words[:i])  # "الضباط حركتهم": a noun with a possessive is the object
        if previous.startswith("ال") and i + 1 < len(words) and _ar_after_definite(word, words[i + 1], titled):
            return " ".join(words[:i])  # "الجيش الإسرائيلي مقتل اثنين": an indefinite noun after a definite one
        if word.startswith("ال"):
            closed = previous.startswith("ال") or (previous.endswith("ون") and len(previous) >= 6)
            if closed and (not _ar_adjective(word) or _ar_construct_noun(word)) and word not in _AR_TITLE_APPOSITION and word[2:] not in _AR_TITLES:
                return " ".join(words[:i])
        previous = word
    return span


# After the verb, no subject: a complementizer, a quotation, or a preposition, a time or
# circumstance phrase ("وأكد في كلمة له أنه", "لفت إلى أن", "صرح به", "قال فيه").
_AR_NO_SUBJECT = _lazy(
    r"\s*(?:إن|أن|ان|بأن|إنه|أنه|إنها|أنها|:|«|\"|“|'|laquo;|،|"
    r"(?:إلى|الى|على)\s+(?:إن|أن|ان|أنه|إنه|أنها|إنها|ضرورة|أهمية)|"
    r"(?:في|خلال|عبر|أمام|على|عن|من|مع|لدى|به|بها|فيه|فيها|ذلك|له|لها|أيضا|أيضاً|كذلك|بدوره|بدورها|مؤخرا|مؤخراً|بشدة|رسميا|رسمياً|سابقا|سابقاً|مجددا|مجدداً|مرارا|مراراً|صراحة|علنا|علناً|أكثر من مرة|"
    r"أمس|اليوم|الليلة|مساء|صباح|يوم|لوكالة|لصحيفة|لقناة|لموقع|لشبكة|لإذاعة|لتلفزيون|لوسائل|للصحفيين|للصحافيين|"
    r"للصحافة|للمراسلين|للإعلام)(?=\s|$|،|:)|"
    r"(?:لماذا|هل|كيف|متى|أين|عما|عمّا|إن\s+كان|إذا|ما\s+إذا)(?=\s))")  # "تساءل لماذا ...": a question, no subject
_AR_SAID_IN_IT = _lazy(r"\s*(?:فيه|فيها|فيهم)\s+(?:إن|أن|ان|بأن|إنه|أنه|إنها|أنها|بأنه|بأنها)(?=\s)")
_AR_COLON_AFTER = _lazy(r"\s*(?:(?:فيه|فيها|فيهم|له|لها)\s*)?:\s*\S")
_AR_PRONOUN_OBJECT = _lazy(r"\s*(?:به|بها|فيه|فيها|عنه|عنها|بذلك)(?=\s+(?!إن|أن|ان|بأن|بأنه|بأنها|إنه|أنه|إنها|أنها)[\u0621-\u064A])")
_AR_BEFORE_LEAD = _lazy(r"^(?:(?:و|ثم|فيما|بينما|كما|وقد|قد|فقد|لقد|وكان|كان|وكانت|كانت|لكن|ولكن|غير أن|إلا أن|فإن|بل)(?:\s+|$))+")
_AR_PRONOUN_BEFORE = _lazy(r"(?:^|[\s،])و?(هو|هي|هم|هن|أنا|نحن)\s+$")
# a particle with the subject as its suffix: "لكنه اعتبر"، "ولكنها قالت"، "فإنه يرى" (guide §6: pronoun)
_AR_SUFFIX_PRONOUN_BEFORE = _lazy(r"(?:^|[\s،])([وف]?(?:لكن|لكنّ|إن|إنّ|فإن|لأن|كأن)(?:ه|ها|هم|هما|هن))\s+$")
_AR_AFTER_RELATIVE = _lazy(r"(?:^|\s)و?(?:الذين|اللذين|اللواتي|اللاتي)\s+$")  # plural: the relative is the subject
# The last complementizer before the cue: the subject is what follows it ("مشيرا إلى أن أوروبا ترى").
_AR_COMPLEMENTIZER = _lazy(r"^.*(?:^|\s)(?:أن|إن|ان|بأن|لأن)\s+")
_AR_BEFORE_NOT = _lazy(r"^(?:حيث|إذ|الذي|التي|الذين|عندما|بعدما|بينما|حين|حينما|لما|ما|من|هو|هي|هم|ذلك|هذا|وهو|وهي|أنه|أنها|إنه|إنها|أن|إن|لأن|كي|لكي|حتى|قبل|بعد)(?:\s|$)")


def _ar_subject_before(text: str, start: int, after_verb: bool = False) -> str | None:
    """A subject before the verb ("برينس نفى ذلك", "مدير ... قال إن"): the clause's words before it.
    ``after_verb``: the cue completes a verb ("خرج X بعد المباراة ليقول"): the subject of that verb."""
    before = re.split(r"[.،:«»\"“”؛]", text[:start])[-1].strip()
    if after_verb:
        first = re.match(r"\S+", before)
        subject = _ar_span(before[first.end():] + " ") if first else None
        return _ar_subject_end(subject) if subject else None
    complementizer = _AR_COMPLEMENTIZER.match(before)
    if complementizer:
        before = before[complementizer.end():]
        if len(before.split()) > 4 or re.search(r"(?:^|\s)و", before):
            return None  # a clause, not a subject
    if re.search(r"(?:^|\s)(?:قد|لقد)\s", before):
        return None  # "X قد نشر تغريدة قال فيها": another verb's clause
    if re.search(r"(?:^|\s)و?(?:الذي|التي|الذين|اللذين|اللواتي|اللاتي)$", before):
        return None  # "الذين يرفضون": the relative pronoun is the subject
    before = _AR_BEFORE_LEAD.sub("", before)
    words = before.split()
    if not 0 < len(words) <= 10 or _AR_CUE.search(before) or _AR_BEFORE_NOT.match(before):
        return None
    if words[0][:1] in "يت" and len(words) > 1:
        return None  # a verb opens the clause: the words before the cue are its subject or object
    return before


@lru_cache(maxsize=1)
def _ar_verb_forms() -> frozenset[str]:
    return frozenset(_ar_forms(_LEXICONS["ar"]["verbs"]))


def _ar_svo_subject(text: str, start: int, cue: str) -> str | None:
    """Subject, verb, object ("الرئاسة الفلسطينية اعتبرت القرار صفعة", "الاتحاد الأوروبي يهدد
    السلطة"): a short noun phrase opens the sentence right before a cue with no "و"/"ف", so the
    noun after the verb is its object. None when the cue opens its clause (verb first)."""
    if cue[:1] in "وف" and cue[1:] in _ar_verb_forms() or _AR_PRONOUN_OBJECT.match(text, start + len(cue)):
        return None  # "وقال": a conjunction, the verb opens its clause; "صرح به X": X after the verb
    before = text[:start].strip()
    if not before or re.search(r"[-–—()«»\"“”:،,.؛]", before):
        return None  # not the start of the sentence: a dateline, a clause or a quotation before it
    words = before.split()
    if len(words) > 4 or words[0][:1] == "و" and not words[0].startswith("وال") or _AR_BEFORE_LEAD.match(before) \
            or _AR_BEFORE_NOT.match(before):
        return None  # "فقد أكدت X", "فيما تشكو X": a particle, the verb comes first

    def nominal(word: str) -> bool:
        bare = word[1:] if word.startswith("وال") else word
        return bare not in _AR_PREPOSITION and bare not in _AR_FUNCTION and bare not in _AR_NOT_IN_SUBJECT and (
            bare.startswith("ال") or bare in _AR_TITLES or _ar_name_kind(bare) in ("gazetteer", "surname", "unknown"))

    return before if all(nominal(w) for w in words) else None


def _ar_clause_start(text: str, start: int) -> bool:
    """The cue opens the sentence (after a dateline) or a clause after a comma."""
    head = text[:start].rstrip()
    return start <= 12 and not re.search(r"[\u0621-\u064A]{2,}\s+[\u0621-\u064A]{2,}", head) or head.endswith(("،", ",", "؛", "."))


_AR_NOT_IN_SUBJECT = frozenset("قد لقد الذي التي الذين عندما وعندما حين حينما بعد قبل لم لن هو هي هناك".split())


def _ar_pluperfect_subject(match: re.Match) -> str | None:
    """The subject of "وكان X (قد) قال": at most eight words, no clause inside (a relative
    pronoun, قد, a time conjunction), a comma only in "title، Name، قد"; an insertion between
    dashes ("X -بينها Y- هددت") is left out."""
    subject = re.split(r"\s[-–—]", match.group(1))[0].strip()
    words = subject.split()
    if not words or len(words) > 8 or any(w in _AR_NOT_IN_SUBJECT for w in words):
        return None
    if "،" in subject and not re.search(r"قد\s+\S+$", match.group()):
        return None
    return subject


_AR_EVIDENCE_VERBS = frozenset("أظهر أظهرت يظهر تظهر أثبت أثبتت يثبت تثبت كشف كشفت يكشف تكشف".split())
_AR_COMPLEMENTIZER_AFTER = _lazy(r"(?:^|\s)(?:أن|إن|ان|أنه|أنها|انه|انها|بأن|بان|عن)(?=\s)")
_AR_NOUN_BEFORE = _lazy(r"(?:^|\s)(?:في|يتم|تم|بعد|قبل|عن|إلى|الى|على|حول)\s+$")
_AR_ACCORDING_CUE = _lazy(r"^[وف]?(?:بحسب|حسب|وفق|طبقا)")


def _attribute_ar(text: str) -> Attribution:
    """The first attribution of an Arabic sentence; an "according to" source gives way to a
    reporting verb with its own subject elsewhere in the sentence (the guide, §2.2: "وبحسب
    المنظمة، دعت النيابة إلى ..." — the prosecution speaks, the report only says where)."""
    found = _attribute_ar_first(text)
    if found.form == "named" and found.cue and found.span and _AR_ACCORDING_CUE.match(found.cue):
        at = text.find(found.cue)
        if 0 <= at <= found.span[0] and not re.match(r"\s*ما\s", text[at + len(found.cue):]):  # "وفق ما يؤكده X": one cue
            masked = text[:at] + " " * (found.span[1] - at) + text[found.span[1]:]
            other = _attribute_ar_first(masked)
            if other.form == "named" and other.cue and not _AR_ACCORDING_CUE.match(other.cue) and other.cue != ":":
                return other
    return found


def _attribute_ar_first(text: str) -> Attribution:
    pluperfect = _AR_PLUPERFECT.match(text)
    subject = _ar_pluperfect_subject(pluperfect) if pluperfect else None
    if subject:
        return _named_ar(subject, pluperfect.group(2), text, pluperfect.start(1))
    statement = _AR_STATEMENT.search(text)
    if statement:
        return _named_ar(statement.group(1).strip(), "جاء في", text, statement.start(1))
    for match in _AR_AS_REVEALED.finditer(text):
        source = _ar_span(text[match.end():])
        if source:
            return _named_ar(source, match.group(1), text, match.end())
    candidates = []
    for match in _AR_ACCORDING.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(), True))
    for match in _AR_CUE.finditer(text):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(1), False))
    for match in (_AR_EXPRESSED.finditer(text) if "عب" in text else ()):
        if not _inside_quotes(text, match.start()):
            candidates.append((match.start(), match.group(1), match.end(1), False))
    participle = _AR_PARTICIPLE_CUE.search(text) if "م" in text or "قائل" in text or "لافت" in text else None
    if participle and _inside_quotes(text, participle.start()):
        participle = None
    for start, cue, end, according in sorted(candidates):
        if participle is not None and participle.start() < start:
            found = _ar_participle_attribution(text, participle)
            if found is not None:
                return found
            participle = None
        if not according and _AR_AFTER_RELATIVE.search(text, max(0, start - 12), start):
            continue  # "الذين يرفضون": the verb of a relative clause
        if not according and cue.lstrip("وف") in _AR_EVIDENCE_VERBS and not _AR_COMPLEMENTIZER_AFTER.search(text, end):
            continue  # "وتظهر الصور حجم الدمار": evidence verbs report only a proposition ("أن ...")
        if not according and _AR_NOUN_BEFORE.search(text, max(0, start - 8), start):
            continue  # "في وصف"، "يتم وصف": the verbal noun after a preposition or "تم"
        rest = text[end:]
        verb = cue.lstrip("وف") if cue[:1] in "وف" and len(cue) > 3 else cue
        lemma = verb[1:] if verb[:1] in "يت" and len(verb) > 3 and not according else verb
        if verb.startswith(("نقل", "نسب")):
            nested = _AR_NESTED.search(rest) or (re.search(r"\s+(?:إلى|الى)\s+", rest) if verb.startswith("نسب") else None)
            if nested is None:
                continue  # "نقل المصابون" (carried the wounded), not attribution
            source = _ar_span(rest[nested.end():])
            near = end + nested.end()
        elif not according and _AR_NO_SUBJECT.match(_ar_protect_quoted_names(rest)) and not _AR_PRONOUN_OBJECT.match(rest):
            # no subject after the verb: a subject before it ("الوزير قال إن"), else implicit
            pronoun = _AR_PRONOUN_BEFORE.search(text, max(0, start - 8), start) \
                or _AR_SUFFIX_PRONOUN_BEFORE.search(text, max(0, start - 10), start)
            if pronoun:  # "وهو يقول إن": a pronoun subject, resolved like an implicit one
                return Attribution(pronoun.group(1), cue, _quote_type(text, "ar"), form="pronoun",
                                   span=(pronoun.start(1), pronoun.end(1)))
            before = _ar_subject_before(text, start, after_verb=cue[:1] == "ل" and cue[1:2] in "يت")
            if before:
                return _named_ar(before, cue, text, start - len(before) - 1)
            if _ar_clause_start(text, start):
                # a subject-less reporting verb opening the sentence or a clause: the first
                # attribution, so it decides the quote type ("وأضاف أن ...، وفقا لبيان"); a colon
                # right after it opens the speaker's words ("وأضاف: ...")
                direct = _AR_COLON_AFTER_SPEAKER.match(rest)
                return Attribution(None, cue, "direct" if direct else _quote_type(text, "ar"), form="implicit")
            if _AR_COLON_AFTER.match(rest):
                # "حيث قالت: ...", "نشر تغريدة قال فيها: ...": the words after the colon are quoted
                return Attribution(None, cue, "direct", form="implicit")
            relative = _AR_SAID_IN_IT.match(rest)
            if relative:
                # "وأصدر بيانا قال فيه إن ...": the verb of a relative clause, its subject unnamed
                return Attribution(None, cue, _quote_type(text, "ar", start=start), form="implicit")
            continue
        else:
            svo = _ar_svo_subject(text, start, cue) if not according else None
            if svo:
                return _named_ar(svo, cue, text, start - len(svo) - 1)
            pronoun = _AR_PRONOUN_OBJECT.match(rest)  # "صرح به النائب": the subject after the pronoun
            if pronoun:
                rest, end = rest[pronoun.end():], end + pronoun.end()
            colon = _AR_NAME_COLON.match(rest)
            if colon and not any(w in _AR_FUNCTION or w in _AR_PREPOSITION or re.fullmatch(r"(?:ل|ب|في|عن|من)(?:ه|ها|هم|نا)", w)
                                 or _AR_PARTICIPLE_CUE.match(w) or w in ("بالقول", "يقول", "تقول")
                                 for w in colon.group(1).split()):
                name = colon.group(1).split()
                name = name[0] if len(name) == 2 and name[1][:1] in "لب" else " ".join(name)  # "قال ترامب للمراسلين:"
                return _named_ar(name, cue, text, end)  # "وقال فلان: ...": the name before the colon
            source = _ar_span(rest, stop=_ar_preposition_stop(lemma))
            if source and not according:
                source = _ar_subject_end(source)
            near = end
        if source:
            return _named_ar(source, cue, text, near)
    if participle is not None:
        found = _ar_participle_attribution(text, participle)
        if found is not None:
            return found
    carried = _AR_CARRIED.match(text)
    if carried:
        cue = text[:carried.end(1)].strip()
        direct = re.match(r"\s*:\s*\S", text[carried.end(1):])  # "وأضاف: ..." opens the words
        return Attribution(None, cue, "direct" if direct else _quote_type(text, "ar"), form="implicit")
    transcript = _AR_TRANSCRIPT.match(text) if ":" in text[:50] else None
    if transcript and _ar_speaker_label(transcript.group(1)):
        name = transcript.group(1)
        return Attribution(name, ":", "direct", resolved=name, span=(transcript.start(1), transcript.end(1)), form="named")
    return NONE


# A circumstantial participle of a reporting verb ("..., مضيفا أن", "مطالبين الحكومة بـ"): the
# speaker is the subject of the main clause before it.
_AR_PARTICIPLES = ("مضيف مشير مؤكد معتبر مطالب متهم محذر معلن لافت موضح منوه مشدد قائل معرب متسائل منتقد مستنكر "
                   "متوعد مهدد مشكك معترف ملوح مبين مستدرك متابع مذكر مرجح متوقع نافي").split()
_AR_PARTICIPLE_CUE = _lazy(
    r"(?:^|(?<=[\s،]))و?(" + _trie(_AR_PARTICIPLES) + r"(?:ا|اً|ة|ين|تين|ان))(?=[\s،:«\"“]|$)")
_AR_NOT_VERB = frozenset("لم لن لا ما قد أيضا أيضاً كذلك حينها أثناء هذا هذه ذلك تلك ثم".split())
_AR_PREPOSITION = frozenset("في على عن من إلى الى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند".split())


def _ar_participle_attribution(text: str, participle: re.Match) -> Attribution | None:
    """The subject of the main clause before a participle cue: the words after a clause-initial
    verb ("ويخرج المحتجون ... مطالبين"), or before "قد" ("وكانت الدول الأربع قد قطعت ..., متهمة")."""
    cue = participle.group(1)
    for segment in re.finditer(r"[^،.؛:«»\"“”]+", text[:participle.start()]):
        clause = _AR_BEFORE_LEAD.sub("", segment.group().strip())
        words = clause.split()
        if len(words) < 3:
            continue  # "وعام 1963": a time phrase, not the main clause
        pluperfect = re.match(r"^(?:كان|كانت)\s+(.+?)\s+قد\s", segment.group().strip().lstrip("و"))
        if pluperfect:
            return _named_ar(pluperfect.group(1), cue, text, participle.start())
        first = words[0][1:] if words[0][:1] in "وف" and len(words[0]) > 3 else words[0]
        if first in ("هو", "هي", "هم", "هن", "أنا", "نحن"):
            at = segment.start() + segment.group().find(first)
            return Attribution(first, cue, _quote_type(text, "ar"), form="pronoun", span=(at, at + len(first)))
        # the clause opens with a verb: a present tense, a feminine or plural past, or a past
        # verb before a definite subject ("بدأ الضباط"); titles, nouns in ة and particles do not
        verb_like = re.match(r"^[يت][\u0621-\u064A]{2,}$", first) or re.match(r"^[\u0621-\u064A]{2,}(?:ت|وا)$", first) \
            or re.match(r"^[\u0621-\u064A]{3,4}$", first) and words[1].startswith("ال")
        if not verb_like or first.endswith("ة") or first in _AR_TITLES or first in _AR_PREPOSITION or first in _AR_NOT_VERB:
            return None  # not verb-first: no subject is guessed
        subject = []
        for word in words[1:]:
            if word in _AR_PREPOSITION or word in _AR_NOT_VERB or word.startswith("ب") and subject and subject[-1].startswith("ال"):
                break
            subject.append(word)
        source = _ar_subject_end(" ".join(subject)) if subject else None
        if not source or len(source.split()) > 5 or not (source.startswith("ال") or source.split()[0][:1] not in "يت"):
            return None
        return _named_ar(source, cue, text, segment.start() + segment.group().find(source))
    return None


# An interview or transcript line: "الوزير: ..." / "فلان الفلاني: «...»".
_AR_TRANSCRIPT = _lazy(r"^\s*([^\s:،.«»\"“”]+(?:\s+[^\s:،.«»\"“”]+){0,3})\s*:\s*(?=\S)")


def _ar_speaker_label(label: str) -> bool:
    """A label before a colon names a speaker: it opens with a title ("الوزير", "رئيس الوزراء")."""
    head = re.sub(r"^و?ال", "", label.split()[0])
    return head in _AR_TITLES


# --- public API -----------------------------------------------------------------------------

_EN_BLANK_LINE_KINDS = ("headline", "title")
_CARRY_WINDOW = 4  # sentences a named speaker stays available to later pronouns and implicit cues
_EN_PERSON = _lazy(r"(?:(?:[A-Z][a-z]+\.?\s+)?(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")


def _blank_dateline(text: str, lang: str) -> str:
    """The text with a leading dateline replaced by spaces (offsets stay where they were)."""
    match = (_AR_DATELINE if lang == "ar" else _EN_DATELINE).match(text)
    if not match or match.end() >= len(text) or (lang == "ar" and not re.search(r"[-–—]", match.group())):
        return text
    head = match.group()
    if lang == "ar" and len(head.split()) > 6:
        return text
    return " " * match.end() + text[match.end():]


_AR_DAMMA = "\u064f"


def _ar_passive_cue(text: str, cleaned: Any, seen: str, found: Attribution) -> bool:
    """The cue before the speaker is a past verb written with the passive's damma on its first or
    second letter ("اتُّهم"، "قُتل"، "أُعلن"); present forms are not looked at (يُضيف is active)."""
    at = seen.rfind(found.cue, 0, found.span[0])
    if at < 0 or seen[at + len(found.cue):found.span[0]].strip():
        return False
    start, end = cleaned.to_original(at, at + len(found.cue))
    written = text[start:end]
    if _AR_DAMMA not in written:
        return False
    letters = re.sub(r"^[وف](?=\S{3})", "", written)
    bare = [c for c in letters if "\u0621" <= c <= "\u064a"]
    if not bare or bare[0] in "يتن":
        return False
    marks = re.findall(r"[\u0621-\u064a][\u064b-\u0652]*", letters)[:2]
    return any(_AR_DAMMA in m for m in marks)


def attribute(text: str, lang: str, previous: Attribution | None = None, kind: str = "sentence") -> Attribution:
    """Attribution of one sentence.

    ``previous``: the attribution that carries into this sentence (its ``resolved`` speaker is
    what a pronoun or an implicit speaker refers to); ``kind``: the segmenter's line kind
    (``sentence``, ``headline``, ``title``).
    """
    if lang not in ("ar", "en") or not isinstance(text, str) or not text.strip():
        return NONE
    cleaned = clean(text)
    seen = _blank_dateline(cleaned.text, lang)
    found = _attribute_ar(seen) if lang == "ar" else _attribute_en(seen)
    if found.source is None and found.form != "implicit":
        return NONE
    span = None
    if found.source is not None:
        where = found.span or locate(seen, found.source)
        if where is None:
            return NONE
        span = cleaned.to_original(*where)
        found = found._replace(source=cleaned.text[where[0]:where[1]])
    if lang == "ar" and found.form == "named" and found.cue and found.span and _ar_passive_cue(text, cleaned, seen, found):
        # "اتُّهم فلان بـ...": a passive verb (its vowel marks written) has no speaker after it (guide §6: implicit)
        found, span = found._replace(source=None, span=None, form="implicit"), None
    if found.form == "named":
        return found._replace(span=span, resolved=found.source)
    antecedent = previous.resolved if previous is not None else None
    # a continuation cue with nobody named before it keeps its cue and quote type; no speaker is guessed
    return found._replace(span=span, resolved=antecedent, carried=antecedent is not None)


_TITLE_LABEL = {"ar": _lazy(r"^\s*([^\s:،.«»\"“”]+(?:\s+[^\s:،.«»\"“”]+){0,6})\s*:\s*\S"),
                "en": _lazy(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*:\s*\S")}


_AR_TITLE_SAID_BY = _lazy(
    r"(?:^|\s)(?:تعليق|تصريح|تصريحات|رد|رسالة|كلمة)\s+(?:\S+\s+)?(?:من\s+|ل(?:ـ\s*)?)"
    r"((?!(?:بعد|على|حول|عن|في|أمام|إثر|عقب|قبل|مع)\s)[^\s:،.«»\"“”]+(?:\s+(?!(?:بعد|على|حول|عن|في|أمام|إثر|عقب|قبل|مع)(?:\s|$))[^\s:،.«»\"“”]+){0,3})")


_AR_TITLE_SAID_WORDS = _lazy(r"تعليق|تصريح|رد|رسالة|كلمة")


def _title_label(text: str, lang: str) -> str | None:
    """The speaker a title gives as "Name: words" ("العميد فلان: ..."، "Minister Lee: ..."), for
    a later pronoun or subject-less cue; None when the title has no such label."""
    pattern = _TITLE_LABEL.get(lang)
    match = pattern.match(clean(text).text) if pattern is not None and ":" in text[:60] else None
    if not match and lang == "ar":
        said = _AR_TITLE_SAID_BY.search(clean(text).text) if _AR_TITLE_SAID_WORDS.search(text) else None
        # "أول تعليق لمدرب المنتخب بعد الخسارة": who commented
        if said and not _AR_CUE.search(said.group(1)):
            return said.group(1)
        headline = _AR_TITLE_SUBJECT.match(clean(text).text)  # "البنك الدولي يجيب عن ...": the subject
        if headline and headline.group(1).startswith("ال") and not _AR_CUE.search(headline.group(1)):
            return headline.group(1)
    if not match:
        return None
    label = match.group(1)
    if lang == "ar":
        label = re.split(r"\s+(?:عبر|في|على|خلال|أمام|لـ|ل(?=[A-Za-z]))", label)[0]
    if lang == "en" and (label.split()[0].rstrip(".").upper() in _EN_NOT_SPEAKER_LABEL or label.upper() in _EN_NOT_SPEAKER_LABEL):
        return None
    if lang == "ar" and (_AR_CUE.search(label) or label.split()[0] in _AR_FUNCTION):
        return None
    return label


_AR_OPENING_VERB = _lazy(r"^\s*(?:ثم\s+)?[وف]?([\u0621-\u064A]{3,5})\s+(?=\S)")


def _ar_clause_subject(text: str) -> str | None:
    """The subject of an Arabic sentence that opens with a past verb ("نشر طبيب مصري فيديو ...",
    "عرض مدرب الفريق السابق، فلان، نفسه ..."): whom a later subject-less cue refers to."""
    seen = _blank_dateline(clean(text).text, "ar")
    match = _AR_OPENING_VERB.match(seen)
    if not match:
        return None
    verb = match.group(1)
    if verb.startswith("ال") or verb in _AR_FUNCTION or verb in _AR_TITLES or len(verb) > 3 and _ar_common(verb) or verb.endswith("ة") \
            or verb[:1] in "يت" or _ar_name_kind(verb) in ("gazetteer", "surname"):
        return None  # not a past verb: a noun, a particle, a present tense, a name
    rest = seen[match.end():]
    first = rest.split()[0] if rest.split() else ""
    if not first or first in _AR_FUNCTION or first[:1] in "«\"“(" or _ar_prepositional(first):
        return None
    source = _ar_span(" " + rest)
    source = _ar_subject_end(source) if source else None
    if source:  # an indefinite accusative ("مقطعا") after the subject starts the object
        words = source.split()
        cut = next((i for i, w in enumerate(words[1:], 1) if w.endswith(("ا", "اً")) and not w.startswith("ال") and len(w) > 3), len(words))
        source = " ".join(words[:cut])
    if source and len(source.split()) > 2:  # "طبيب مصري مقيم بمدينة ...": an indefinite participle with its complement
        words = source.split()
        after = rest[rest.find(source) + len(source):] if source in rest else ""
        if words[-1].startswith("م") and len(words[-1]) >= 4 and _ar_name_kind(words[-1]) not in ("gazetteer", "surname") \
                and re.match(r"\s+(?:[بل][\u0621-\u064A]{2}|في\s)", after):
            source = " ".join(words[:-1])
    if not source or len(source.split()) > 8:
        return None
    return source


_AR_TITLE_SUBJECT = _lazy(r"^\s*((?:[^\s:،.«»\"“”]+\s+){0,3}?[^\s:،.«»\"“”]+)\s+[يت][\u0621-\u064A]{2,}(?=\s)")


def _person_in(text: str, lang: str) -> str | None:
    """A named person or body in ``text`` for a pronoun to refer to when no speaker came before."""
    if lang == "ar":
        return _ar_clause_subject(text)
    if lang != "en":
        return None
    for match in _EN_PERSON.finditer(text):
        if len(match.group().split()) > 1:
            name = match.group().strip()
            if name.split()[0] not in ("The", "A", "An", "In", "On", "At", "But", "And", "It", "He", "She"):
                return name
    return None


def _subject_person(text: str) -> str | None:
    """The person a sentence opens with ("Ann Lee, a professor at X, was the first ..."), if any."""
    match = _EN_PERSON.match(_blank_lead(text.strip()))
    if not match or len(match.group().split()) < 2 or match.group().split()[0] in _EN_NOT_PERSON_START:
        return None
    after = _blank_lead(text.strip())[match.end():]
    return match.group().strip() if re.match(r"\s*(?:,|\(|\s(?:is|was|has|had|who|will|would)\b)", after) else None


_EN_NOT_PERSON_START = frozenset("The A An In On At But And It He She They We I This That These Those When While After Before If As".split())


_EN_BODY_HEADS = frozenset(
    "house state department ministry amendment court party committee council agency journal news times post network office "
    "administration government police army military forces senate congress commission campaign institute university bank "
    "company corporation inc group union nations association foundation center centre service bureau press media kremlin "
    "pentagon report statement affidavit records letter study survey data motion paper newspaper document documents filing "
    "complaint lawsuit board team club organization organisation firm authority authorities program programme "
    "mail herald guardian telegraph tribune gazette globe observer independent reuters cnn bbc msnbc ap afp "
    "caller beast hill examiner economist".split())
_EN_PERSON_HEADS = frozenset(
    "spokesman spokeswoman spokesperson minister governor mayor president secretary ambassador envoy chief leader senator "
    "adviser advisor analyst official director commander general professor chairman chairwoman chair judge attorney lawyer "
    "lawmaker representative congressman congresswoman deputy editor reporter king prince queen pope cardinal bishop man "
    "woman father mother son daughter officer founder author candidate priest doctor nurse witness resident".split())


def _en_head(name: str) -> str | None:
    """The head word of a speaker phrase: its last word before "of/for/in/at/from", lower case;
    None for a stray clause (a pronoun inside, digits, a colon or a bracket)."""
    if re.search(r"\b(?:he|she|his|her|him|they|their|it|its)\b|[\d:()]", name):
        return None
    if len(name.split()) > 12:
        return None
    last = name.split()[-1].strip("’',.")
    if last[:1].isupper():
        return last.lower()  # "Bank of Japan Governor Kazuo Ueda": the name ends the phrase
    words = re.split(r"\s+(?:of|for|in|at|from|with|on)\s+", name, maxsplit=1)[0].split()
    return words[-1].strip("’',.").lower() if words else None


def _en_agrees(pronoun: str | None, antecedent: str | None) -> bool:
    """A pronoun agrees with its antecedent: "he"/"she" with a person (a title or a name heads
    it), "it" with a body or document ("The Israeli military", "the affidavit")."""
    if not antecedent or not pronoun:
        return False
    head = _en_head(antecedent)
    if head is None:
        return False
    words = {w.strip("’',.").lower() for w in antecedent.split()}
    p = pronoun.lower()
    if p in ("he", "she"):
        return head not in _EN_BODY_HEADS or bool(words & _EN_PERSON_HEADS)
    if p == "it":
        names = [w for w in antecedent.split() if w[:1].isupper()]
        return head not in _EN_PERSON_HEADS and (bool(words & _EN_BODY_HEADS) or len(names) < 2)
    return True


_EN_NAME_TOKEN = r"(?:[A-Z][\w’'‘.-]*|(?:al|el|bin|ibn|de|van|von|da|la|le)(?=\s+[A-Z]))"
_EN_HEADS = "|".join(sorted(set(
    "spokesman spokeswoman spokesperson minister governor mayor president secretary ambassador envoy chief leader senator "
    "adviser advisor analyst official officials director commander general professor chairman chairwoman chair judge "
    "attorney lawyer lawmaker representative congressman congresswoman deputy editor reporter king prince queen pope "
    "cardinal bishop man woman father mother son daughter officer founder author candidate priest doctor nurse witness "
    "resident cleric prosecutor prosecutors police court company ministry government agency report motion statement "
    "council committee commission administration department military army board party union bank group".split()), key=len, reverse=True))
_EN_FINITE = (r"will|would|has|had|have|is|was|are|were|did|does|do|can|could|should|may|might|must|[a-z]+n[’']t|went|told|"
              r"said|made|took|gave|got|came|saw|knew|thought|found|left|held|brought|began|wrote|ran|met|sent|spent|led|felt|"
              r"kept|stood|won|lost|paid|put|set|read|sang|spoke|chose|drew|fled|flew|fought|heard|hid|meant|rose|sought|"
              r"struck|taught|threw|understood|[a-z]{2,}ed|[a-z]{3,}s")
# the subject that opens a clause: a name with its titles ("Kuwaiti cleric Sheikh Ali Nur", "Mr. Obama"),
# "the <head>" ("The pope", "the motion"), or a name's possessive ("Trump’s behavior": Trump), before a finite verb
_EN_CLAUSE_SUBJECT = _lazy(
    r"(?=[A-Zt])(?<![\w’'‘.-])"
    rf"((?=[A-Z]){_EN_NAME_TOKEN}(?<![’'‘]s)(?:\s+(?:(?:{_EN_HEADS})\s+)?{_EN_NAME_TOKEN}(?<![’'‘]s)){{0,6}}+(?<!\.)"
    rf"|(?<![\w’'‘.-])[Tt]he\s+(?:[a-z-]+\s+)?(?:{_EN_HEADS}))"
    r"(?:[’']s\s+[a-z]+)?"
    r"(?:,\s+(?:who|whose|a|an|the|[a-z]+\s+of)\b[^,;:“”\"]{1,120},)?"
    r"\s+(?:(?:also|then|later|never|already|still|now|first|once|again|[a-z]+ly)\s+)?"
    rf"((?:{_EN_FINITE})\b(?:\s+[a-z]+)?)")
_EN_VERB_AFTER_NOUN = _lazy(r"^[a-z]{3,}s\s+(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|will|would|has|had|have|is|was|are|were|did|does|can|could)$")
_EN_NOT_SUBJECT_WORDS = frozenset(
    "A An In On At But And It He She They We I This That These Those When While After Before If As His Her Their Its "
    "There Here What Who Why How Where Then Now So Yet Also Still However Meanwhile Although Though Because Since Asked "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December Earlier Later Last Next Today Yesterday Many Some Most Several Both All Each Every "
    "Nothing Nobody Everyone Everybody Everything Someone Somebody Something Anyone Anybody Anything One None Other "
    "Others Such No Not Only Even Just".split())
_EN_BEFORE_SUBJECT_NOT = _lazy(
    r"(?:^|\s)(?:of|to|by|with|for|from|in|on|at|about|against|as|than|like|into|onto|over|under|between|among|and|or|"
    r"nor|that|the|a|an|his|her|their|its|our|my|your|this|these|those|shows|told|accused|called|named|asked|met|"
    r"joined|replaced|defended|said|says|urged|thanked|praised|blamed|sued|interviewed|tipped|hired|visited)\s$")
_EN_BRACKETED = _lazy(r"\[[^\]]*\]|“[^”]*”|\"[^\"]*\"")
_EN_INVERTED_SUBJECT = _lazy(rf",\s+(?:did|does|do|could|would|will|can|should|had|has)\s+((?:{_EN_NAME_TOKEN}\s+){{0,3}}{_EN_NAME_TOKEN})\s+[a-z]+\b")
_EN_POSSESSIVE_BODY = _lazy(rf"(?<![\w-])([Tt]he\s+(?:[a-z-]+\s+)?(?:{_EN_HEADS}))[’']s\s")
_EN_SPLIT_TITLE = _lazy(r"(?:^|\s)(Mgr|Msgr|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Col|Lt|Capt|Prof|Fr|Rev|Sgt|Maj)\.\s*$")
_EN_CREDIT_LINE = _lazy(rf"^\s*[—–-]\s*((?:{_EN_NAME_TOKEN}\s+){{1,7}}{_EN_NAME_TOKEN})\s*$")


@lru_cache(maxsize=256)
def _en_clause_subjects(text: str) -> tuple[str, ...]:
    """The subjects of an English sentence as written, in order: each name or "the <head>" that
    opens a clause (at the start, after a comma or an opening word) before a finite verb:
    "Meanwhile, Kelly ordered ...", "Saucier, who lives in Vermont, pleaded ...", "The pope has
    stuck ..."; a name's possessive gives the name ("Trump’s behavior has been ..."). Words in
    quotation marks or brackets are not looked at; a credit line ("— Sheriff Ann Lee") gives its name."""
    credit = _EN_CREDIT_LINE.match(text)
    if credit:
        return (credit.group(1),)
    seen = _blank_lead(_blank_dateline(text, "en"))
    if "[" in seen or "“" in seen or '"' in seen:
        seen = _EN_BRACKETED.sub(lambda m: " " * len(m.group()), seen)
    found = []
    at = 0
    while True:
        match = _EN_CLAUSE_SUBJECT.search(seen, at)
        if match is None:
            break
        name, verb = match.group(1), match.group(2)
        before = seen[:match.start()]
        at = match.end()
        if _EN_BEFORE_SUBJECT_NOT.search(before) or _EN_VERB_AFTER_NOUN.match(verb):
            # an object or a prepositional phrase ("by the Supreme Court ..."); "Jordanian officials moved":
            # "officials" is a noun
            at = match.end(1)
            continue
        words = name.split()
        if words[0] not in ("The", "the"):
            while words and words[0] in _EN_NOT_SUBJECT_WORDS:
                words = words[1:]
        if not words or re.search(r"\d", words[0]) or words[0] in ("The", "the") and len(words) < 2:
            continue
        found.append(" ".join(words))
    for match in _EN_INVERTED_SUBJECT.finditer(seen):  # "Only then did Lee agree": the subject after the auxiliary
        if match.group(1).split()[0] not in _EN_NOT_SUBJECT_WORDS:
            found.append(match.group(1))
    return tuple(found)


_EN_TITLE_SUBJECT = _lazy(rf"^\s*((?:[A-Z][\w’'.-]*\s+){{1,3}}(?:{_EN_HEADS}))\s+(?:who|whose|[a-z]+s)\b")


def _en_title_subjects(title: str) -> list[str]:
    """The subject a title opens with: "Ohio woman who ... sues ..." gives "Ohio woman"; a
    sentence-case title ("Lee calls for ...") its clause subject."""
    found = _EN_TITLE_SUBJECT.match(title)
    return [found.group(1)] if found else list(_en_clause_subjects(title)[:1])


_EN_HONORIFIC_HE = _lazy(r"^(?:Mr\.?|Sir|King|Prince|Pope|Father|Cardinal|Bishop|Sheikh|Rabbi|Brother)\s")
_EN_HONORIFIC_SHE = _lazy(r"^(?:Mrs\.?|Ms\.?|Miss|Madam|Lady|Queen|Princess|Sister|Dame)\s")


@lru_cache(maxsize=1)
def _en_gender_words() -> dict[str, frozenset[str]]:
    lexicon = _LEXICONS["en"]
    return {key: frozenset(lexicon[key]) for key in ("female_names", "male_names", "female_nouns", "male_nouns")}


def _en_gender(name: str) -> str | None:
    """"f" or "m" when ``name`` shows a gender: a gendered noun or honorific ("Jean’s mother",
    "Mrs. Lee", "Sr. Ana"), else a listed given name ("Nancy Ruiz"); None when it shows none."""
    words = _en_gender_words()
    tokens = [t.strip(",;:") for t in name.split()]
    tokens = [t for t in tokens if t and not re.search(r"[’']s?$", t)]  # "Jean’s mother": not Jean
    for token in tokens:
        bare = token.lower() if token.lower() in words["female_nouns"] | words["male_nouns"] else token
        if bare in words["female_nouns"]:
            return "f"
        if bare in words["male_nouns"]:
            return "m"
    given = next((t for t in tokens if t[:1].isupper() and t.rstrip(".") not in _EN_ABBREVIATIONS), None)
    if given in words["female_names"]:
        return "f"
    if given in words["male_names"]:
        return "m"
    return None


def _en_gender_agrees(pronoun: str, antecedent: str) -> bool:
    """"he" does not take a woman ("Mrs. X", "Jean’s mother", "Nancy Ruiz") and "she" does not
    take a man; neither takes an acronym."""
    p = pronoun.lower()
    if p in ("he", "she") and re.fullmatch(r"[A-Z]{2,}", antecedent):
        return False  # an acronym is a body ("ICE", "NATO")
    if p == "he":
        return not _EN_HONORIFIC_SHE.match(antecedent) and _en_gender(antecedent) != "f"
    if p == "she":
        return not _EN_HONORIFIC_HE.match(antecedent) and _en_gender(antecedent) != "m"
    return True


# Words that open a sentence but never a person's name ("Given this ...", "Nor can ...").
_EN_NOT_CANDIDATE = frozenset(
    "Given Nor Is Being Among Were Was Are Has Have Had Did Does Do Can Could Would Should Will Two Three Four Five Six "
    "Seven Eight Nine Ten Unsure Responding Note Editor Emphasis Watch Read Click Please Let Don’t Don't For Thus With "
    "Beyond From Which Whether Instead Despite During Under Over Against Through Without Within Upon Like Unlike "
    "Two-thirds Half Part Much More Less Few Seems Looks Sounds Maybe Perhaps".split())
_EN_DEMONYMS = frozenset(
    "American British English French German Russian Chinese Israeli Palestinian Iranian Muslim Christian Jewish "
    "Catholic Arab European African Asian Mexican Canadian Italian Spanish Japanese Korean Turkish Syrian Iraqi Saudi "
    "Egyptian Ukrainian Indian Pakistani Afghan Democratic Republican Democrat Western Islamic Communist".split())


_EN_NOT_CANDIDATE_LOWER = frozenset(
    "of in on at for with by from to into about would could should will can may might must do does did is was are were "
    "has have had been being even just also still not no none what which who whom whose that this these those there "
    "here if when while because although though as so but and or yet then now you".split())


def _en_candidate(name: str) -> bool:
    """``name`` may be a person or body: not a clause opener ("Given", "Nor", "of this writing"),
    a bracketed note ("[Emphasis added]") or a bare nationality word ("American")."""
    words = name.split()
    return bool(words) and "[" not in name and words[0] not in _EN_NOT_CANDIDATE and name not in ("The", "the") \
        and words[0] not in _EN_NOT_CANDIDATE_LOWER and words[0] not in ("You", "Would", "Could") \
        and not re.fullmatch(r"[A-Z][a-z]+(?:ally|ently|antly|ously|ively|ately|edly|fully|ibly|ably)", words[0]) \
        and not (words[0] in _EN_NOT_SUBJECT_WORDS and (len(words) == 1 or words[0] not in ("The", "the", "A", "An"))) \
        and not (len(words) == 1 and (words[0] in _EN_DEMONYMS or words[0].endswith(("ian", "ese", "ish"))
                                      and words[0] not in _en_gender_words()["male_names"] | _en_gender_words()["female_names"]))


_EN_OPENING_SUBJECT = _lazy(
    r"^\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Instead|Now|Later|Earlier|Then|Also|Indeed|Separately)\b,?\s+)?"
    rf"((?=[A-Z]){_EN_NAME_TOKEN}(?:\s+(?:(?:{_EN_HEADS})\s+)?{_EN_NAME_TOKEN}){{0,6}}"
    rf"(?:\s+of\s+(?:the\s+)?{_EN_NAME_TOKEN}(?:\s+{_EN_NAME_TOKEN}){{0,4}})?)"
    r"(?:,\s+[^,;:“”\"]{1,100},)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|still\s+)?(?!of\b|and\b|or\b|in\b|for\b|to\b)[a-z]")


def _en_opening_subject(text: str) -> tuple[str, ...]:
    """The name that opens a sentence as its subject, whatever the verb ("But Dershowitz also
    cast doubt ...", "Michael Mostyn, CEO of B’nai Brith, called ..."), else nothing."""
    seen = _blank_lead(_blank_dateline(text, "en"))
    found = _EN_OPENING_SUBJECT.match(seen)
    if not found or found.group(1).endswith(("’s", "'s")) or _EN_OPENING_PARTICIPLE.match(seen, found.start(1)) \
            or re.match(rf"\s+(?:{_EN_HEADS})\b", seen[found.end(1):]):
        return ()  # "Danish officials moved": an adjective before a noun
    return (found.group(1).rstrip("."),)


# "Pointing out ...", "Speaking to reporters, ...": a participle opening the sentence, not a name
_EN_OPENING_PARTICIPLE = _lazy(r"[A-Z][a-z]{3,}ing\s+(?:out|to|on|at|in|up|for|from|about|with|after|the|a|an|his|her|their|its)\b")


# A person named anywhere in a sentence: a name of two or more words (or an honorific and a
# name), or a possessive with a family noun ("Jean’s mother").
_EN_PERSON_MENTION = _lazy(
    r"(?<![\w’'.-])((?:(?:Mr|Mrs|Ms|Dr|Sr|Fr|Rev|Gen|Sen|Rep|Gov)\.\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'.-]+){1,3}"
    r"|(?:Mr|Mrs|Ms|Dr|Sr|Fr)\.\s+[A-Z][\w’'-]+"
    r"|[A-Z][\w-]*[’']s\s+(?:mother|father|wife|husband|son|daughter|sister|brother|lawyer|attorney|spokesman|spokeswoman)"
    r"|(?:[Oo]ne|[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?(?:diplomat|official|witness|doctor|nurse|officer|lawyer|attorney|spokesman|"
    r"spokeswoman|priest|bishop|cardinal|senator|judge|prosecutor|minister|ambassador|envoy|man|woman|mother|father|boy|girl))"
    r"(?![\w’'-])")


def _en_person_mentions(text: str) -> tuple[str, ...]:
    """People the sentence names, last first (the most recent mention of each)."""
    seen = _EN_BRACKETED.sub(lambda m: " " * len(m.group()), text) if ("“" in text or '"' in text) else text
    names = (re.sub(r"[’']s$", "", m.group(1)) for m in reversed(list(_EN_PERSON_MENTION.finditer(seen))))
    return tuple(name if name.endswith(("Jr.", "Sr.")) else name.rstrip(".") for name in names)


# A title in lower case before a name, as a speaker span keeps it: "the legendary senator Strom
# Thurmond", "then-president Bill Clinton", "British member Peter Saunders".
_EN_TITLE_BEFORE_NAME = _lazy(
    rf"(?:^|(?<=[\s,(]))((?:(?:the|a|an|The|A|An)\s+)?(?:(?:[a-z-]+|[A-Z][a-z]+)\s+){{0,2}}(?:[a-z]+-)?(?:{_EN_HEADS}|member))\s+$")


def _en_with_title(name: str, lines: list[str]) -> str:
    """``name`` with the lower-case title before it at its most recent mention in ``lines``."""
    for text in reversed(lines):
        at = text.rfind(name)
        if at < 0:
            continue
        title = _EN_TITLE_BEFORE_NAME.search(text, max(0, at - 60), at)
        if title and not re.search(r"\b(?:of|in|at|for|with|by|from|to|and|or|that|who)\s", title.group(1)):
            return f"{title.group(1)} {name}"
        return name
    return name


_EN_RESOLVE_WINDOW = 3  # guide §7: the antecedent's most recent mention in the three sentences before, else the title


def _en_antecedent(pronoun: str, before: list[tuple[str, Attribution, str]], title: tuple[str | None, str | None]) -> str | None:
    """The antecedent of an English "he"/"she"/"it" (or a subject-less cue) as written at its most
    recent mention: in each of the three sentences before, most recent first, the sentence's named
    speaker and then its subjects, the first that agrees with the pronoun; else the title's speaker
    or subject (``title``: the title's speaker and its text).
    A headline line gives nobody (only a credit line, "— Sheriff Ann Lee", gives its name)."""
    def agrees(candidate: str) -> bool:
        return _en_agrees(pronoun, candidate) and _en_gender_agrees(pronoun, candidate)

    def candidates():  # most recent sentence first, then the title
        lines = before[-_EN_RESOLVE_WINDOW - 1:]
        for i in range(len(lines) - 1, max(-1, len(lines) - 1 - _EN_RESOLVE_WINDOW), -1):
            text, found, kind = lines[i]
            if kind in _EN_BLANK_LINE_KINDS and not text.rstrip().endswith(":"):  # "Lee explained the rift:" leads in
                credit = _EN_CREDIT_LINE.match(text)
                if credit:
                    yield credit.group(1)
                continue
            split = _EN_SPLIT_TITLE.search(lines[i - 1][0]) if i > 0 and lines[i - 1][0].endswith(".") else None
            wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
            same = re.match(rf"^\W*(?:(?:But|And|Yet|So|Then|Later|Still)\s+)?{pronoun}\b", text, re.IGNORECASE)
            # people named in a sentence whose subject is the same pronoun ("He cited X and Y") are not it
            # ("one diplomat": a person noun of either gender)
            mentions = tuple(m for m in _en_person_mentions(text) if wanted and not same
                             and (_en_gender(m) == wanted or _en_gender(m) is None
                                  and (m[:1].islower() or m.split()[0] in ("One", "A", "An", "The"))))
            for name in itertools.chain([found.source] if found.form == "named" and found.source else (),
                                        _en_opening_subject(text), _en_clause_subjects(text), mentions):
                # a person named elsewhere in the sentence counts when the name shows the pronoun's gender
                if not _en_candidate(name):
                    continue
                # "... Mgr." | "Benelli told me ...": a title the segmenter cut off the name
                yield f"{split.group(1)}. {name}" if split and text.lstrip().startswith(name) else name
            if pronoun.lower() == "it":  # a body named as a possessor: "the court’s ruling"
                yield from (m.group(1) for m in _EN_POSSESSIVE_BODY.finditer(text))
        speaker, text = title
        if speaker:
            yield speaker
        if text:
            yield from _en_title_subjects(text)

    seen = []
    chosen = None
    for candidate in candidates():
        seen.append(candidate)
        if agrees(candidate):
            chosen = candidate
            break
    if chosen and chosen[:1].isupper() and chosen.split()[0] not in ("The", "A", "An", "One"):
        chosen = _en_with_title(chosen, [line[0] for line in before[-_EN_RESOLVE_WINDOW:]])
    if chosen and chosen.split()[0] in ("the", "The") and len(chosen.split()) == 2:
        # "the president" after "President Ann Lee ...": the name the description stands for (guide §7)
        head = chosen.split()[1].title()
        chosen = next((c for c in itertools.chain(seen, candidates()) if head in c.split()[:-1] and c[:1].isupper()
                       and not c.startswith("The ")), chosen)
    return chosen


_AR_SHORT_FEMININE = frozenset("رأت روت دعت نفت حكت شكت بكت نعت".split())


def _ar_cue_gender(cue: str | None, source: str | None = None) -> str | None:
    """The gender and number an Arabic reporting verb or pronoun shows: "f" (قالت، تقول، وأضافت،
    هي), "m" (قال، يقول، وأضاف، هو), "p" (قالوا، يقولون، هم), None when it shows none (a noun, a
    preposition: "بحسب")."""
    pronoun = re.sub(r"^[وف]?(?:لكن|إن|فإن|لأن|كأن)?", "", source or "") if source else ""
    if pronoun in ("هي", "ها"):
        return "f"
    if pronoun in ("هو", "ه"):
        return "m"
    if pronoun in ("هم", "هن", "هما", "نحن"):
        return "p"
    if not cue or " " in cue.strip():
        return None
    verb = re.sub(r"^[وف](?=[\u0621-\u064A]{3})", "", cue.strip())
    if not verb or verb.startswith(("ال", "ب", "ح", "وفق", "طبق")) or verb.endswith("ة"):
        return None
    if verb.endswith(("وا", "ون")):
        return "p"
    if verb[:1] == "ي" and len(verb) >= 4:
        return "m"
    if verb[:1] == "ت" and len(verb) >= 4 and not verb.startswith(("تم", "تحدث")) or verb.endswith("ت") and len(verb) >= 4 \
            or verb in _AR_SHORT_FEMININE:
        return "f"  # three-letter verbs ending in ت are mostly masculine (لفت، ثبت): the feminine ones are listed
    return "m"


def attribute_sentences(texts: Iterable[str], langs: Iterable[str], kinds: Iterable[str] | None = None) -> list[Attribution]:
    """Attribution of consecutive sentences of one article.

    A pronoun speaker or a subject-less reporting verb takes the most recent named speaker of the
    article (within a few sentences; a headline's speaker is not passed on), reported as
    ``resolved`` with ``carried`` true; ``source`` keeps the written form.
    """
    out: list[Attribution] = []
    speaker: Attribution | None = None
    title_speaker: str | None = None
    title_text: str | None = None
    recent: list[str] = []  # the latest named speakers, most recent first
    before: list[tuple[str, Attribution, str]] = []  # the lines before (not the title), their attribution and kind
    ar_genders: list[tuple[str, str | None]] = []  # Arabic speakers with the gender their cue shows, most recent first
    age = 0
    texts = list(texts)
    kinds = list(kinds) if kinds is not None else ["sentence"] * len(texts)
    for text, lang, kind in zip(texts, langs, kinds):
        result = attribute(text, lang, speaker, kind)
        antecedent = None
        if lang == "en" and result.form in ("pronoun", "implicit") and kind != "title" \
                and (result.form == "implicit" or (result.source or "").lower() in ("he", "she", "it")):
            # guide §7: the most recent mention in the sentences before (speaker or subject), else the title
            antecedent = _en_antecedent(result.source if result.form == "pronoun" else "they", before, (title_speaker, title_text))
            if antecedent:
                result = result._replace(resolved=antecedent, carried=True)
        # the English fallbacks below are for what the sentences before do not name
        if not antecedent and result.form == "pronoun" and lang == "en" and result.span and result.span[0] > 0 \
                and result.source.lower() in ("he", "she"):
            # "Ann Lee is expected to ... that she says": the sentence opens with the person
            opening = _EN_PERSON.match(_blank_lead(_blank_dateline(text, lang).strip()))
            if opening and len(opening.group().split()) > 1 and opening.group().split()[0] not in _EN_NOT_PERSON_START \
                    and opening.end() < result.span[0]:
                result = result._replace(resolved=opening.group().strip(), carried=True)
        if result.form in ("pronoun", "implicit") and out and lang == "en" and not antecedent \
                and kinds[len(out) - 1] not in _EN_BLANK_LINE_KINDS and out[-1].form == "none":
            # the sentence before names a person as its subject and voices nobody: "He" is that person
            person = _subject_person(texts[len(out) - 1])
            if person:
                result = result._replace(resolved=person, carried=True)
        if result.form in ("pronoun", "implicit") and result.resolved is None and out and kinds[len(out) - 1] != "title":
            person = _person_in(texts[len(out) - 1], lang)
            if person:
                result = result._replace(resolved=person, carried=True)
        if result.form in ("pronoun", "implicit") and result.resolved is None and title_speaker and kind != "title":
            # nobody named in the sentences before: the speaker of the article's title (guide §7)
            result = result._replace(resolved=title_speaker, carried=True)
        if lang == "en" and result.form == "pronoun" and result.carried and not antecedent \
                and not _en_agrees(result.source, result.resolved):
            # "he"/"she" take a person, "it" a body or document: the latest recent speaker that agrees
            result = result._replace(resolved=next((r for r in recent if _en_agrees(result.source, r)), None))
            result = result._replace(carried=result.resolved is not None)
        if lang == "en" and result.carried and result.resolved and not _en_candidate(result.resolved):
            result = result._replace(resolved=None, carried=False)  # "of this writing": no person
        if lang == "ar" and result.form in ("pronoun", "implicit") and result.carried and kind != "title":
            # a subject-less "وأضاف" after a woman's words ("وقالت فلانة") is not hers: the latest speaker
            # in the window whose own cue agrees in gender and number (قال/قالت، وأضاف/وأضافت، قالوا)
            gender = _ar_cue_gender(result.cue, result.source)
            genders = dict(reversed(ar_genders))
            if gender and genders.get(result.resolved) not in (None, gender):
                result = result._replace(resolved=next((r for r, g in ar_genders if g == gender), result.resolved))
        if kind == "title":
            title_speaker = result.resolved if result.form == "named" else _title_label(text, lang)
            if lang == "ar" and result.form == "named" and result.cue:
                # a headline puts its subject before the verb: "الاتحاد الإنكليزي يتهم فلانا" — the union speaks
                plain = clean(text).text
                headline = _AR_TITLE_SUBJECT.match(plain)
                if headline and headline.group(1).startswith("ال") and not _AR_CUE.search(headline.group(1)) \
                        and plain[headline.end(1):].lstrip().startswith(result.cue):
                    title_speaker = headline.group(1)
            title_text = text
        else:
            before = before[-_EN_RESOLVE_WINDOW:] + [(text, result, kind)]
            if lang == "ar" and result.resolved:
                gender = _ar_cue_gender(result.cue, result.source if result.form == "pronoun" else None)
                ar_genders = [(result.resolved, gender)] + [(r, g) for r, g in ar_genders if r != result.resolved][:3]
        if result.resolved and kind not in _EN_BLANK_LINE_KINDS:
            recent = [result.resolved] + [r for r in recent if r != result.resolved][:3]
        out.append(result)
        age += 1
        if (result.form == "named" or result.carried and result.resolved) and kind not in _EN_BLANK_LINE_KINDS:
            speaker, age = result, 0  # a resolved pronoun or subject-less cue keeps its speaker on
        elif age > _CARRY_WINDOW:
            speaker = None
    return out


class AttributionAnnotator:
    """Component: who voices each sentence. Adds ``source, cue, quote_type, source_resolved,
    source_type``.

    Within an article (``Sentences.in_article``) a pronoun or implicit speaker ("He added...",
    "وأضاف أن...") is resolved to the most recent named speaker (``source_resolved``; ``source``
    keeps the written form); sentences scored on their own are attributed one by one.
    ``source_type`` groups the resolved speaker (official, expert, media, anonymous, citizen,
    other; see :mod:`framing.annotate.source_types`), using ``gazetteer`` (None: the shipped one).
    """

    name = "attribution"
    columns = ATTRIBUTION_COLUMNS

    def __init__(self, gazetteer: Any = None):
        self._gazetteer = gazetteer

    def __call__(self, sentences: Sentences) -> dict[str, list[Any]]:
        """The declared columns for ``sentences``."""
        from framing.annotate.source_types import source_type

        langs = [g if g in LANGUAGES else None for g in sentences.langs]
        kinds = getattr(sentences, "kinds", None)
        if sentences.in_article:
            found = attribute_sentences(sentences.texts, langs, kinds)
        else:
            found = [attribute(t, g) if g else NONE for t, g in zip(sentences.texts, langs)]
        return {"source": [a.source for a in found], "cue": [a.cue for a in found],
                "quote_type": [a.quote_type for a in found],
                "source_resolved": [a.resolved for a in found],
                "source_type": [source_type(a.resolved, g, self._gazetteer) if a.resolved and g else None
                                for a, g in zip(found, langs)]}


for _name, _value in list(globals().items()):  # name each lazy pattern after its global
    if isinstance(_value, _LazyPattern):
        _value._name = _name
