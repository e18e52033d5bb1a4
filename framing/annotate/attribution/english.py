"""English rules: reporting verbs and the speaker before or after them, "according to",
"citing", passives, headlines and transcripts (:func:`_attribute_en`), and the helpers that
resolve an English pronoun or subject-less cue to a person named in the sentences before or in
the title (:func:`_en_antecedent`, guide §7). Imports only from ``_base``.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Iterator

from framing.annotate.attribution._base import (NONE, Attribution, _blank_dateline, _blank_lead, _en_own_words,
                                               _inside_quotes, _lazy, _LEXICONS, _name_patterns, _named,
                                               _quote_spans, _quote_type, _trie, _WORD)
from framing.annotate.spans import locate


# --- rules ----------------------------------------------------------------------------------

_EN_VERBS = _trie(_LEXICONS["en"]["verbs"])
_EN_VERB = _lazy(rf"\b(?:{_EN_VERBS})\b")  # lower case only: verbs in news prose
_EN_VERB_PREFIX = _lazy(r"(?:also|further|later|then)\s+$")
_EN_VERB_SUFFIX = _lazy(r"\s+(?:in a statement|on Telegram|on X|reporters|journalists|a news conference|a regular briefing)\b")
_EN_ACCORDING = _lazy(r"\baccording to\s+", re.IGNORECASE)
_EN_NOT_ATTRIBUTION = _lazy(r"^(?:[Tt]hat said|[Nn]eedless to say|[Hh]aving said that)\b|\b[Tt]he said\b")
_EN_ACCORDING_NOT = _lazy(
    r"^(?:which|whom|(?:(?:the|these|those|this|that|its|their|his|her|our|a|the new|the same|new)\s+)?"
    r"(?:plan|plans|schedule|tradition|custom|formula|constitution|law|laws|rules|rule|criteria|terms|guidelines|"
    r"procedure|procedures|protocol|agreement|script|standards|regulations|instructions))\b", re.IGNORECASE)
_EN_CITING = _lazy(r"\bciting\s+", re.IGNORECASE)
_EN_QUOTED_AS = _lazy(r"\bquoted\s+(.+?)\s+as\s+(?:saying|telling|warning)", re.IGNORECASE)
_EN_AUXILIARY = _lazy(r"\s+(?:declined|refused|did not|didn't|would not|wouldn't|could not|was quick|went on) to$|\s+(?:has|have|had) long$|\s+(?:has|have|had|also|later|then|would|will|did|previously|repeatedly|recently|once|publicly|privately|had earlier|already|just|even)$|\s+(?:does|do|did|is|was|are|were|has|have|had)n[’']t(?:\s+even)?$", re.IGNORECASE)
_EN_ABBREVIATIONS = ("Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Rep", "Sen", "Gov", "St", "Jr", "Sr")
_EN_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_EN_PRONOUN_SAYING = _lazy(r"^(?:(?:But|And)\s+)?(He|She|They)\b[^\"“]*?,\s+(saying|adding|noting|stressing|arguing|insisting|warning|explaining)\b")
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
_EN_BAD_END = _lazy(r"(?<![’'-])\b(?:the|a|an|to|of|that|has|have|had|been|being|was|were|is|are|be|might|may|could|would|will|should|can|must|not|this|than|in|on|at|for|with|by|from)$|[’'](?:s|t|re|ve|ll|d|m)$", re.IGNORECASE)  # "Trump’s", "didn’t"; not "O’Keefe"
_EN_ADVERBIAL = _lazy(r"^(?:despite|contrary|in|on|after|before|during|with|without|for|at|by|from|like|unlike|since|until|amid|among|under|over|through|instead|however|therefore|meanwhile|nonetheless|nevertheless|moreover|too|though|in turn|again|once again|as of|as a result)\b(?!\s+(?:he|she|they|I|we|it)\b)")
_EN_APPOSITIVE = _lazy(r"^(?:Democrat|Republican|Independent|a|an|the|one|another|who|whose|which|himself|herself|itself|themselves|also|[a-z]+ing|[a-z]+ed|[a-z-]+ of|[a-z-]+ at|[a-z-]+ for|now|then|formerly|once)\b")
_EN_RELATIVE = _lazy(r"^(?:who|whose|which|whom)\b")
# "His lawyer, Name," / "The stepmother, Name,": a title before the name keeps both.
_EN_TITLE_BEFORE = _lazy(
    r"^(?:The|the|His|his|Her|her|Their|their|Its|its|Our|our)\s+(?:[a-z-]+\s+){0,2}[a-z-]+$"
    # "the head of the Northern Command, Name", "Treasury's acting under secretary for ..., Name"
    r"|^(?:(?:The|the|His|his|Her|her|Their|their|Its|its|Our|our)\s+|[A-Z][\w’'.-]*[’']s\s+)(?:[A-Za-z-]+\s+){0,3}"
    r"(?:head|chief|director|secretary|spokesman|spokeswoman|spokesperson|minister|president|chairman|chairwoman|leader"
    r"|lawyer|attorney|commander|editor|founder|ambassador|envoy|adviser|advisor|member|official|sheriff|mayor|governor)"
    r"(?:\s+(?:of|for|at|in|on|to)\s+[^,;:“”\"]{1,80})?$"
    # kin and other relations, possessed: "Benlolo's grandfather, John Feins," (not "The daughter of a
    # preacher, Mr. Leahy said": a description set before the subject)
    r"|^(?:His|his|Her|her|Their|their|[A-Z][\w’'.-]*[’']s)\s+(?:[a-z-]+\s+)?"
    r"(?:father|mother|grandfather|grandmother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|friend|neighbor|neighbour)$")
_EN_NAME_WORD = _lazy(r"^(?:[A-Z][\w.'’-]*|[a-z]{1,3}-[A-Z][\w.'’-]*|\([A-Z][\w.-]*\)|of|the|al|el|bin|ibn|de|van|von|da|for|and|at|on|[a-z]+-(?:General|general)|spokesman|spokeswoman|spokesperson|minister|president|secretary|ambassador|envoy|chief|leader|senator|adviser|advisor|analyst|official|director|commander)$")
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


_EN_LABEL_BEFORE = _lazy(r"[:;]\s+|\)\s+(?![a-z])|\s[-–—]\s|['’‘]:?\s+(?=[A-Z])")  # not "(ICE) officials"
_EN_COPULA = _lazy(r"(?:.*\s)?(?:is|are|was|were|has become|have become|had become)\s+(?=(?:some|another|a|an|the|many|most|several|[A-Z])\b)")
_EN_PRONOUN_START = _lazy(r"(?:he|she|they|it|we|I|you|there|this|that)\b", re.IGNORECASE)
_EN_LEADING_PHRASE = _lazy(r"^(?:In|At|By|On) (?:\d{4}|court|public|private|response|turn|particular|practice|person|writing)\b,?\s*|^(?:First|Second|Finally|Then|Now|Yet|Today|Yesterday),?\s+(?=\S)")


_EN_WEB_CHROME = _lazy(r"^.*\b(?:CLOSE|Share|Embed|Skip|ADVERTISEMENT|Advertisement)\s+(?=[A-Z][a-z])")


# a participle phrase with no comma before the subject, which is a capitalized name at the end
_EN_PARTICIPLE_BEFORE_NAME = _lazy(r"^[A-Z][a-z]+ing\s+(?:at|to|in|on|during|before|after|from|with)\s+(?:[a-z][\w’'-]*\s+)+"
                               r"((?:[A-Z][\w.’'-]*\s+){1,5}[A-Z][\w.’'-]*)$")


# a clause with its own finite verb, then "and" and a new subject with a determiner
_EN_JOINED_CLAUSE = _lazy(r"^.*\b(?:is|was|are|were|has|have|had|been|will|would)\b.*?\s(?:and|but)\s+(?=(?:the|a|an|his|her|their|its)\s)")


def _en_trim(source: str) -> str | None:
    """The head noun phrase: no leading conjunction, clause, time phrase or auxiliary."""
    source = _EN_WEB_CHROME.sub("", source)  # "Skip in Skip x Embed x Share CLOSE Russian President ..."
    source = re.sub(r"^.*(?:https?://|pic\.twitter\.com/|www\.)\S*\s+", "", source)  # "pic.twitter.com/A4v CNN’s Jake Tapper"
    source = re.sub(r"^.*\b(?:the|The)\s+reason\s+(?=[A-Z])", "", source)  # "Part of the reason Lombardo said"
    clause = _EN_CLAUSE.match(source)
    if clause and clause.end() < len(source):
        source = source[clause.end():]
    joined = _EN_JOINED_CLAUSE.match(source)
    if joined:
        source = source[joined.end():]  # "The list has not been made public and the prince's team said": a new clause
    # a label, a time stamp, a dateline or a bracket before it ("7:54 PM: Trump", "(PHOTOS) He")
    if ":" in source or ")" in source or ";" in source or " -" in source or " –" in source or " —" in source or "'" in source or "’" in source or "‘" in source:
        source = _EN_LABEL_BEFORE.split(source)[-1]
    copula = _EN_COPULA.match(source)
    if copula and copula.end() < len(source) and not _EN_PRONOUN_START.match(source):
        source = source[copula.end():]  # "Among the attendees were some Democrats": after the copula
    for _ in range(2):
        source = _EN_LEADING.sub("", source).strip()
        source = _EN_LEADING_PHRASE.sub("", source).strip()
    opening = _EN_PARTICIPLE_BEFORE_NAME.match(source)
    if opening:
        source = opening.group(1)  # "Speaking at the service Dean Ann Lee said": the name after the participle phrase
    ending = re.search(r"(?<!should)(?<!would)(?<!could)(?<!did)(?<!does)(?<!had)\s(he|she|they|we|I|He|She|They|We)$", source)
    if ending and not re.search(r"\bwhose\b", source):
        return ending.group(1)  # "two days later he told": the pronoun
    source = _EN_TRAILING.sub("", source).strip()
    source = _en_cut_modifiers(source)
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


_EN_PREPOSITION_SPLIT = _lazy(r"\b((?:with|by|from|to|for|in|on|at|and|or|about|against|including)\s+)")
_EN_PEOPLE_PLURALS = frozenset("people women men officials experts investigators prosecutors lawmakers analysts critics "
                               "residents witnesses doctors lawyers activists protesters researchers scientists".split())


def _en_person_phrase(segment: str) -> str | None:
    """The phrase nearest the end of ``segment`` that is headed by a person ("a woman" in "a call
    from a woman", "another nurse at the clinic"), trimmed as a speaker; None when there is none."""
    parts = _EN_PREPOSITION_SPLIT.split(segment)
    for k in range(len(parts) - 1, -1, -2):
        phrase = "".join(parts[k:]).strip()
        words = phrase.split()
        if words and (words[-1].lower() in _EN_PERSON_HEADS or words[-1].lower() in _EN_PEOPLE_PLURALS
                      or words[0].lower() in _EN_PERSON_HEADS or _en_name_like(phrase)):
            found = _en_trim(phrase)
            return found if found and not _pronoun(found) and not re.match(r"(?:no|not|none)\b", found) else None
    return None


_EN_WHO_BEFORE_CUE = _lazy(r"(?<=[a-z])\s+who\s+(?:(?:also|later|then|now|once|had|has|have|recently|last\s+\w+|this\s+\w+)\s+){0,3}$")


def _en_source_before(prefix: str) -> str | None:
    """Speaker as the noun phrase before the cue, without comma appositives ("X, a fellow at Y,")."""
    relative = _EN_RELATIVE_SUBJECT.search(prefix, max(0, len(prefix) - 80))
    if relative:
        return relative.group(1)
    who = _EN_WHO_BEFORE_CUE.search(prefix)
    segment = re.split(r"[,;“”\"]", prefix[:who.start()])[-1] if who else ""
    if who and _EN_PREPOSITION_SPLIT.search(segment):
        # "a podcast with a fitness personality who last month repeated": the person "who" stands
        # for; a comma appositive ("Name, the teen who says") is left to the rules below
        found = _en_person_phrase(segment)
        if found:
            return found
    prefix = re.sub(r"(?:,\s*|\s+)(?:(?:has|have|had)(?:\s+(?:also|since|long|already|previously|repeatedly|publicly|privately|recently|"
                    r"for\s+(?:decades|years|months|weeks|days)))?|also)$", "", prefix.rstrip(" ,")).rstrip(" ,")
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
        # "A third source, who is familiar with X, told": the head; "X has become a person of
        # interest to investigators, who insist": the person nearest "who"
        if len(segments) > 2 and _EN_POSSESSIVE_SEGMENT.match(segments[-2]) and _en_name_like(_EN_LEADING.sub("", segments[-3]).strip()):
            return _en_trim(segments[-3])  # "Ann Lee, Lee's daughter, who presented the award, said": the name
        head = re.sub(r"\s+(?:as well|too|also|again|instead|in turn)$", "", segments[-2])  # "with Cruz as well, who said"
        nearest = _en_person_phrase(head) if _EN_PREPOSITION_SPLIT.search(head) else None
        return nearest or _en_trim(head)
    if len(segments) > 1 and _en_appositive(last) and _en_name_like(_EN_LEADING.sub("", segments[-2]).strip()) \
            and not _EN_ADVERBIAL.match(segments[-2].lower()):
        last = segments[-2]  # "Rachel Lee, a senior fellow at the Stimson Center, said": the name
    elif len(segments) > 1 and _en_appositive(last) and _EN_CLAUSE.match(segments[-2]) \
            and _en_person_name(_en_trim(segments[-2]) or ""):
        return _en_trim(segments[-2])  # "... after Ms. Feinstein, ranking Democrat on the committee, said"
    elif len(segments) > 1 and _en_name_like(last) and _EN_TITLE_BEFORE.match(_EN_LEADING.sub("", segments[-2]).strip()):
        name = _en_trim(last)  # "His lawyer, Name, told": the title as written (it matched the title pattern)
        return f"{_EN_LEADING.sub('', segments[-2]).strip()}, {name}" if name else None
    return _en_trim(last)


def _en_person_name(phrase: str) -> bool:
    """A short name: capitalized words, the last one too ("Ms. Feinstein", "Ann Lee"), not an acronym."""
    words = phrase.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not words[-1].isupper() \
        and words[0] not in _EN_NOT_SUBJECT_WORDS


def _en_cut_modifiers(source: str) -> str:
    """The head noun phrase without a participle phrase or a contact clause after it (guide §3.2:
    "the audit published in March" -> "the audit"; "the employees I interviewed"; "the version as
    reported by X")."""
    cut = _EN_AS_REPORTED.search(source) or _EN_CONTACT_CLAUSE.search(source)
    if cut and len(source[:cut.start()].split()) >= 2:
        source = source[:cut.start()]
    participle = _EN_PARTICIPLE_AFTER.search(source)
    if participle and len(source[:participle.start()].split()) >= 2 \
            and not _EN_DETERMINER_BEFORE.search(source[:participle.start()] + " ") \
            and not _EN_BAD_END.search(source[:participle.start()]) \
            and source[:participle.start()].split()[-1].islower() \
            and source[:participle.start()].split()[-1] not in ("about", "without", "into", "like", "after", "before"):
        source = source[:participle.start()]  # "A former sailor pardoned by the governor": the head
    source = re.sub(r"(?<=[a-z])\s+(?:filed|sent|issued|released|published|posted|obtained|signed)$", "", source)
    return re.sub(r"\s+(?:now|then|late|early|recently|today|yesterday)$", "", source)


_EN_AS_REPORTED = _lazy(r"\s+as\s+(?:first\s+)?(?:reported|published|quoted|cited)\s+by\b")
_EN_CONTACT_CLAUSE = _lazy(r"(?<=[a-z])\s+(?:I|we|he|she|they)\s+(?:[a-z]+ly\s+)?[a-z]+ed\b")


def _en_protect_abbreviations(text: str) -> str:
    """``text`` with the periods of titles ("Mr.", "Gen."), initials ("John A. Boehner") and
    abbreviations ("U.S.", "D.C.") written as NUL, so that a period ends only a sentence."""
    for abbreviation in _EN_ABBREVIATIONS:
        text = re.sub(rf"\b{abbreviation}\.", abbreviation + "\x00", text)
    text = re.sub(r"(?<=\s[A-Z])\.(?=\s+[A-Z][a-z])", "\x00", text)  # a middle initial
    return re.sub(r"\b((?:[A-Z]\.){1,3}[A-Z])\.", lambda m: m.group(1).replace(".", "\x00") + "\x00", text)


def _en_source_after(suffix: str) -> str | None:
    """Speaker after the cue ('"...," said Rachel Tan, an analyst at a brokerage.'): the name."""
    protected = _en_protect_abbreviations(suffix)
    head = re.split(r"[;:!?\"“”(]|\.(?:\s|$)|,", protected, maxsplit=1)[0]
    span = head.replace("\x00", ".").strip()
    span = _EN_TRAILING.sub("", span).strip()
    span = re.sub(r"\s+(?:in|at|from|on)\s+[A-Z].*$|\s+(?:to|of)\s+(?:the\s+)?(?:reporters|journalists|media|press)\b.*$"
                  r"|\s+(?:in|at|during|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:speech|statement|interview|"
                  r"news\s+conference|press\s+conference|briefing|letter|post|tweet|address|hearing|rally)\b.*$", "", span)
    return _en_cut_modifiers(span) if span else None


_EN_SUBJECT = _lazy(r"^\s*((?:The|A|An)\s+(?:(?!(?:is|was|are|were|has|had|have|will|would|did|does|do|can|could)\b)[a-z-]+\s+)?(?!(?:is|was|are|were|has|had|have|will|would|did|does|do|can|could)\b)[a-z-]+|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)(?=\s+[a-z])")


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
        and len(re.split(r"[,.;:]", _en_protect_abbreviations(after), maxsplit=1)[0].split()) <= 6
    quoted_before = verb.group() in _EN_INVERSION and (
        re.search(r"[\"”]\s*,?\s*$", before)
        or before.rstrip(" ,").endswith(("'", "’")) and any(b == len(before.rstrip(" ,")) for _, b in _quote_spans(text)))
    if quoted_before or inverted and re.match(r"\s+(?:[A-Z]|the |an? |one |two )", after):
        source = _en_source_after(after)
        where = end
    else:
        tail = (_EN_TRAILING_CUE.match(after) or _EN_PARENTHETICAL_CUE.match(after)) \
            and re.search(r",[’'‘]?(?!\s*(?:has|have|had|also|then|later|would|will)\b)\s*([^,;:“”\"‘]{2,60})$", before.rstrip())
        # "..., the affidavit says." and "Mr. Lee, the mayor noted, earned ...": the phrase after the last
        # comma, with no appositives to skip
        source = _en_trim(tail.group(1)) if tail else None
        participle = verb.group().endswith("ing")
        if not source and participle and before.rstrip().endswith(","):
            # "She spoke at length ..., noting that ...": the subject of the main clause
            source = _en_coordinated_subject(before)
        if not source and participle:
            # "Ford is accusing X of ...": a progressive's auxiliary is not part of the subject
            source = _en_source_before(re.sub(r"\s+(?:is|are|was|were|has been|have been|had been)\s*$", " ", before))
        source = source or _en_source_before(before)
        where = start
        if source and source.endswith((" and", " but")) or not source and re.search(r"(?:^|[,\s])(?:but|and)\s*$", before):
            # a coordinated verb ("X carried ... and reported"): the speaker is the sentence subject
            source = _en_coordinated_subject(before)
            if not source:
                subject = _EN_SUBJECT.match(_blank_lead(text))
                source = subject.group(1) if subject and not _pronoun(subject.group(1)) or subject and subject.start(1) == 0 else None
    if re.search(r"\b(?:why|how|whether)\s+(?:[\w’'.-]+\s+){1,5}$", before):
        # "wasn't sure why the ADL wrote that ...": an embedded question; a later cue speaks first
        return Attribution(None, cue, _quote_type(text), form="rejected")
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
_EN_PARENTHETICAL_CUE = _lazy(r",\s+(?![“\"‘])(?:is|was|are|were|has|had|have|will|would|can|could|[a-z]+ed)\b")
_EN_TRAILING_CUE = _lazy(r"\s*(?:(?:in|on|at|to|during)\s+[^,.;:“”\"]{1,40})?[.!?…]?[”\"’]?\s*$")
_EN_CLAUSE_OPENING = _lazy(
    r"^\s*((?:an?|the|The|An?|his|her|their|its|His|Her|Their|Its)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}(?:\s+[a-z]+(?=\s+(?!(?:this|his|its|was|is|has|us|as|thus)\b)[a-z]+s\b))?"
    r"|he|she|they|He|She|They|I|we|We)"
    r"\s+(?:also\s+|then\s+|later\s+|first\s+|[a-z]+ly\s+)?(?:(?:has|have|had|is|was|were|are|will|would)\s+(?:[a-z]+ly\s+)?)?"
    # nouns that end like a verb are no verb ("The country's official news agency ... and reported")
    r"(?!and\b|news\b|times\b|series\b|means\b|species\b|headquarters\b|politics\b|economics\b)(?:[a-z]{3,}(?:ed|s|en|ght)|"
    r"spoke|met|took|gave|made|left|held|sent|led|won|lost|sat|stood|ran)\b")


def _en_coordinated_subject(before: str) -> str | None:
    """The subject of the clause whose second verb is the cue ("In the process, he misidentified X
    and said", "On May 6, an officer called the desk and said"): the first clause segment that
    opens with a noun phrase and a verb, after leading adverbials."""
    for segment in re.split(r"[,;:]", before):
        segment = segment.strip()
        if not segment or re.match(r"(?:In|On|At|By|After|Before|During|Since|Last|Earlier|Later|However|Meanwhile|"
                                   r"Still|Then|Now|Also|But|And|So|Yet|Moreover|WATCH|According|When|While|If|Asked|[A-Z][a-z]+ing|\d)\b", segment) \
                or re.match(r"(?:on|in|at|by|after|before|during|since|last|earlier|later)\s", segment) \
                or re.fullmatch(r"[a-z]+", segment):
            continue
        found = _EN_CLAUSE_OPENING.match(segment)
        if found and found.group(1).split()[0] not in _EN_NOT_SUBJECT_WORDS - {"He", "She", "They", "I", "We"}:
            return _EN_TRAILING.sub("", found.group(1)) or found.group(1)  # "X on Thursday carried ... and said": X
        return None
    return None


_EN_NOT_A_SPEAKER = _lazy(
    r"(?:(?:he|she|they|it|we|I)\s+(?:is|was|were|are|has|had|have|will|would|could|can|did|does)\b|according to\b"
    r"|(?:In|As|On|At|When|While|After|Before|If|Though|Although|Because|Since|Then|So|Yet|Still|Also|Later|Earlier)$"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Yesterday|Today|Tonight)$)", re.IGNORECASE)


# After the cue: a colon, or a comma and a capitalized clause ("And he said, Shall I ...") opens
# the speaker's words; "... and said “...”" starts a second attribution whose quotations do not count.
_EN_WORDS_AFTER_CUE = _lazy(
    r"\s*(?::\s*\S|,\s+(?:I|We|You|What|Why|How|Who|Now|Shall|Behold|Yes|No|Look|Well|Let|Our|My|Thank|Please|Peradventure|Surely|Truly|Oh|O)\b"
    r"|,\s+(?:we|what|why|how)\s+[^,;:]*\?"  # "My client said, what happened?": a question in the speaker's words
    # "tweeted after the news broke: Today proves ...": a short phrase, then a colon opens the words
    r"|\s+(?:(?:on|in|at|after|before|during|to|via|from|late|early|this|last)\b[^:;.!?“”\"]{1,50}?):\s*[A-Z“\"‘])")
_EN_QUOTE_OPENS_AFTER_CUE = _lazy(r"\s*[,:]\s*[“\"]\s*[A-Z]")  # 'X said, “Sen. ...': the words open right after the cue
_EN_SECOND_CUE = _lazy(r"\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:said|says|claimed|claims|added|told|insisted|argued|wrote|stressed|warned|noted|declared)\b")
# ", as Karim Adel, a shop owner, said: “...”", ", while the economist warned “...”": a second
# attribution with a speaker of its own, whose quotations are not the first speaker's
_EN_SECOND_SPEAKER = _lazy(
    r"[,;—–]\s+(?:as|while|whereas|but|and|when|after)\s+"
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+)"
    r"(?:,\s+[^,“”\"]{1,60},)?\s+(?:also\s+)?"
    r"(?:said|says|warned|warns|added|told|insisted|argued|wrote|stressed|noted|declared|claimed|countered|replied|responded|cautioned)\b")
_EN_UNCLOSED_STRAIGHT = _lazy(r"(?:^|\s)\"(?=[^\"]*$)")


def _en_cue_quote_type(text: str, found: Attribution, cue_end: int) -> str:
    """The quote type of an English verb attribution, knowing where its cue ends."""
    if _EN_WORDS_AFTER_CUE.match(text, cue_end) or _EN_QUOTE_OPENS_AFTER_CUE.match(text, cue_end):
        return "direct"
    rest = text.rstrip()[cue_end:]
    if rest.endswith(",") and len(rest.split()) <= 4 and "," not in rest[:-1] and not re.search(r"\bthat\b", rest):
        return "direct"  # "X said in a statement Tuesday," with the words in the next sentence (like a colon)
    if found.quote_type == "direct":
        seconds = [m for m in (_EN_SECOND_CUE.search(text, cue_end), _EN_SECOND_SPEAKER.search(text, cue_end)) if m]
        second = min(seconds, key=lambda m: m.start()) if seconds else None
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
    if verb.group().endswith("s") and re.fullmatch(r"\s*[A-Z][a-z]+ing\s+", text[:verb.start()]):
        return True  # "Reprising comments from a day earlier, X said": the participle's object
    return bool(_EN_DETERMINER_BEFORE.search(text, max(0, verb.start() - 30), verb.start())) \
        or word in ("claimed", "claims") and bool(_EN_OBJECT_AFTER.match(text, verb.end())) \
        or word in ("agreed", "agree", "agrees") and bool(_EN_TO_VERB.match(text, verb.end())) \
        or word in ("reported", "reports") and bool(_EN_REPORTED_STATE.match(text, verb.end())) \
        or word in ("asked", "told", "pressed", "questioned") and bool(_EN_WHEN_BEFORE.search(text, max(0, verb.start() - 12), verb.start())) \
        or word in ("confirmed", "named", "announced") and bool(_EN_AS_ROLE.match(text, verb.end())) \
        or _en_topic_only(text, verb)


def _en_topic_only(text: str, verb: re.Match) -> bool:
    """The verb names a topic, not what was said (guide §2.1: no content, no attribution): "wrote
    about the murder", "reported from Las Vegas", "added a link", "what the paper said about it"."""
    word, after = verb.group(), text[verb.end():]
    if word in ("wrote", "writes", "write", "reported", "reports", "spoke", "speaks", "said", "says") \
            and _EN_TOPIC_AFTER.match(after) and not _EN_CONTENT_LATER.search(after) and not any(q in text for q in "\"“”"):
        return True
    if word in ("added", "adds") and _EN_THING_ADDED.match(after):
        return True
    if word in ("told", "tell", "tells", "telling") and re.match(r"\s+(?:the\s+truth|lies|a\s+lie|the\s+story)\b", after):
        return True  # "he told the truth about ...", "was telling the truth": no words reported
    if word in ("wrote", "writes", "write", "written") and _EN_WORK_WRITTEN.match(after):
        return True  # "a historian who wrote a biography of the king, observed that": a work, not its words
    if word in ("tweeted", "tweets", "posted", "posts", "shared", "shares") and _EN_THING_POSTED.match(after):
        return True  # "tweeted this image out", "posted a video": no words of its own
    if word in _EN_REACTION_VERBS and re.match(r"\s*(?:[,;—–]|\s-\s|[.!?]?$)", after):
        return True  # "When Arnold complained, the professor said ...": a reaction with no content
    if re.search(r"n[’']t\s+(?:yet\s+|publicly\s+)?$", text[max(0, verb.start() - 12):verb.start()]) \
            and re.match(r"\s+(?:whether|if|why|how|when|what)\b", after):
        return True  # "officials haven't said whether ...": nothing is said
    if word in ("told", "tells", "tell") and re.match(r"\s+(?:no one|nobody|anyone|no-one)\b", after):
        return True
    return bool(_EN_FREE_RELATIVE.search(text, max(0, verb.start() - 60), verb.start())) \
        and bool(re.match(r"\s*(?:about\b|[.!?]|$)", after))


_EN_REACTION_VERBS = frozenset("complained complains responded responds reacted reacts objected objects protested protests "
                               "commented comments".split())
_EN_TOPIC_AFTER = _lazy(r"\s+(?:about|from)\b|\s+on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|X|Facebook|Telegram|television|TV|the\s+phone)\b)")
_EN_CONTENT_LATER = _lazy(r"\bthat\b|[“\":]|\b(?:said|says|saying)\b")
_EN_THING_ADDED = _lazy(r"\s+(?:a|an|the)\s+(?:new\s+)?(?:link|photo|video|picture|image|map|chart|graphic|footnote)s?\b")
_EN_WORK_WRITTEN = _lazy(r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:book|books|biography|memoir|novel|history|"
                        r"song|songs|poem|play|screenplay|thesis|dissertation|textbook|cookbook)\b(?!\s*:)")
_EN_THING_POSTED = _lazy(r"\s+(?:a|an|the|this|that|these)\s+(?:new\s+)?(?:image|images|photo|photos|picture|pictures|video|videos|"
                         r"link|links|meme|map|chart|graphic|clip|screenshot)\b(?!\s*:)")
# "what the Church herself said", "What the papers never told us": a free relative, no content
_EN_FREE_RELATIVE = _lazy(r"\b[Ww]hat\s+(?:[\w’'.-]+\s+){1,5}$")


# Not speech: "agreed to be", "reported her son missing", "When asked by", "confirmed as CIA chief".
_EN_TO_VERB = _lazy(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|reporters|me|us|him|them)\b)[a-z]+\b")
_EN_REPORTED_STATE = _lazy(r"\s+(?:[\w’'-]+\s+){1,3}(?:missing|stolen|dead|lost)\b")
_EN_WHEN_BEFORE = _lazy(r"\b(?:[Ww]hen|[Aa]fter|[Ii]f|[Oo]nce|[Uu]nless)\s+$")
_EN_AS_ROLE = _lazy(r"\s+as\s+(?!saying\b)")


def _attribute_en(text: str) -> Attribution:
    if ":" in text[:40] and _EN_CAPS_LABEL.match(text):
        label = _en_transcript(text)  # "TOENSING: They said ...": the transcript's speaker, not a cue inside
        if label is not NONE:
            return label
    if ("said" in text or "say" in text) and _EN_NOT_ATTRIBUTION.search(text) and not _EN_VERB.search(text[20:]):
        return NONE
    quoted = _EN_QUOTED_AS.search(text) if "uoted" in text else None
    if quoted and not _inside_quotes(text, quoted.start()) and not re.match(r"(?:in|by|on|at|from)\b", quoted.group(1)):
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
    if after_quote:
        # ... unless that speaker only relays it (", the report said", ", the sources said") after a
        # person's own cue: the source, not the messenger (guide §2.3)
        trailing, first = _en_verb_attribution(text, after_quote[0]), _en_verb_attribution(text, verbs[0])
        if trailing is not None and trailing.source and first is not None and first.form in ("named", "pronoun") \
                and _en_messenger(trailing.source) and not _en_messenger(first.source or ""):
            after_quote = []
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
    for verb in (_EN_VERB_WITH_THAT.finditer(text) if "that" in text else ()):
        # "I hope ... that", "records show that": a cue only with its that-clause
        if _inside_quotes(text, verb.start()) or _en_noun_use(text, verb):
            continue
        found = _en_verb_attribution(text, verb)
        if found is not None and found.form != "rejected":
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
        source = re.split(r"[,;:.]\s|[,;:]|\.$", _en_protect_abbreviations(rest), maxsplit=1)[0].replace("\x00", ".").strip()
        source = _EN_SOURCE_PREFIX.sub("", source).strip()
        source = re.sub(r"\s+(?:provided|released|published|compiled|obtained|issued|shared|seen)\b.*$", "", source)  # "figures provided by"
        source = _en_cut_modifiers(_EN_TRAILING.sub("", source).strip())
        quoted = re.match(r"[^,;:]*,\s*(?=[“\"])", rest)
        whole = _EN_WHOLE_QUOTE.match(rest[quoted.end():]) if quoted else None
        if whole:
            # "According to X, “Y ... said ...”": the quotation's own cue gives way (guide §2.2)
            inner = _attribute_en(whole.group(1))
            if inner.form in ("named", "pronoun") and inner.span:
                shift = match.end() + quoted.end() + whole.start(1)
                return inner._replace(span=(inner.span[0] + shift, inner.span[1] + shift))
        if source:
            return _named(source, text[match.start():match.end()].strip(), text, match.end())
    transcript = _en_transcript(text)
    if transcript is NONE and rejected is not None:
        return rejected._replace(form="implicit")  # a cue whose speaker could not be read
    passive = _EN_AGENTLESS_PASSIVE.search(text) if transcript is NONE else None
    if passive and not _inside_quotes(text, passive.start()):
        # "Trump is accused of treason", "As has been widely reported, ...": a passive cue with no
        # agent is an attribution whose speaker is unnamed (guide §6: implicit)
        return Attribution(None, passive.group(1), _quote_type(text), form="implicit")
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
# a reporting verb in the passive with no "by" agent and with what is said after it: "is accused
# of", "was said to be", "has been widely reported that", "were told that"; not after a modal or
# "to be" ("should be noted", "needed to be said": the writer's own remark), not an order ("told
# to leave"), not an event reported ("the shooting was reported"), not a charge (a legal act)
_EN_AGENTLESS_PASSIVE = _lazy(
    r"\b((?:is|was|are|were|been|being)\s+(?:(?:widely|now|also|often|long|repeatedly|previously|commonly|publicly|falsely|both)\s+)?"
    r"(?:accused(?=\s+(?:of|in)\b)|(?:said|reported|alleged|claimed)(?=\s+(?:to\s+(?:be|have)|that)\b)|told(?=\s+that\b)|"
    r"noted(?=\s+(?:as|for|that)\b))|been\s+widely\s+reported\b)")
_EN_PASSIVE_CUE = _lazy(r"^(?:is|was|are|were|been|being)\s")


_EN_MESSENGER_HEADS = frozenset(
    "report reports statement statements sources source paper newspaper agency documents document affidavit complaint "
    "filing records outlet station network media officials".split())


def _en_messenger(source: str) -> bool:
    """A phrase that relays others' words: a report, a document, an outlet, "the sources"."""
    words = source.split()
    return source in ("they", "They") or bool(words) and words[0].lower() in ("the", "a", "an") \
        and words[-1].lower().strip("’'") in _EN_MESSENGER_HEADS


_EN_VERB_WITH_THAT = _lazy(rf"\b(?:{_trie(_LEXICONS['en']['verbs_with_that'])})\b(?=(?:\s+[^\s,.;:“”\"]+){{0,8}}?\s+that\b)")
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
_EN_CAPS_LABEL = _lazy(r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}\s*:\s+\S")
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


_EN_NOT_A_SPEAKER_START = _lazy(
    r"^(?:who|whom|whose|which|that|of|for|in|on|at|with|by|from|to|into|about|or|nor|and|but|if|when|while|"
    r"said|says|say|were|was|is|are|would|will|could|should|can|may|might|must|has|have|had|do|does|did|"
    r"won’t|won't|wouldn’t|wouldn't|sometimes|made|gave|addressed|follows|sounding)\b")


_EN_SAID_BEFORE = _lazy(r"^(?:said|says|say)\s+")
_EN_FINITE_INSIDE = _lazy(r"\b(?:had|has|have|was|were|is|are|would|will|could|did|does|do|can|may|might|must|should)\b")


def _en_speaker_checked(found: Attribution) -> Attribution:
    """``found`` unless its speaker cannot be one: a clause with a finite verb inside ("There have
    been sporadic efforts by ...") or a phrase that opens with a preposition, conjunction,
    relative pronoun, auxiliary or verb ("of this writing", "who", "nor", "sounding a theme ...")
    gives no attribution (:data:`NONE`); an inverted "said" before a short noun phrase keeps the
    phrase as the speaker ("said an Iraqi Kurdish official")."""
    if found.form != "named" or not found.source:
        return found
    if not _EN_NOT_A_SPEAKER_START.match(found.source):
        return NONE if _EN_FINITE_INSIDE.search(found.source) else found
    said = _EN_SAID_BEFORE.match(found.source)
    rest = found.source[said.end():] if said else ""
    if rest and not _EN_NOT_A_SPEAKER_START.match(rest) and not _EN_FINITE_INSIDE.search(rest) \
            and len(rest.split()) <= 8 and found.span:
        return found._replace(source=rest, span=(found.span[0] + said.end(), found.span[1]))
    return NONE


# --- speaker resolution across sentences (guide §7) ------------------------------------------

_EN_BLANK_LINE_KINDS = ("headline", "title")
_EN_PERSON = _lazy(r"(?:(?:[A-Z][a-z]+\.?\s+)?(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){0,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?)")


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


_EN_PARTY_BRACKET = _lazy(r"\s*\((?:[RDI]|Rep|Dem|Ind)\.?-\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\)\s*$")


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
    if pronoun.lower() in ("he", "she"):
        antecedent = _EN_PARTY_BRACKET.sub("", antecedent)  # "Rep. Jackie Speier (D-CA)": the party tag is no clause
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
        kin = _EN_POSSESSED_PERSON.match(seen, match.end(1))
        # "Abdul’s mother reported ...": the mother, not the name that owns her
        found.append(" ".join(words) + kin.group() if kin else " ".join(words))
    for match in _EN_INVERTED_SUBJECT.finditer(seen):  # "Only then did Lee agree": the subject after the auxiliary
        if match.group(1).split()[0] not in _EN_NOT_SUBJECT_WORDS:
            found.append(match.group(1))
    return tuple(found)


def _en_one_named_person(name: str) -> bool:
    """A short phrase that names one person (a given name, honorific or family noun shows it)."""
    return len(name.split()) <= 3 and _en_gender(name) is not None


def _en_antecedent_ok(pronoun: str, name: str) -> bool:
    """``name`` may stand for ``pronoun``: a person or body (:func:`_en_candidate`), and for "they"
    not one named person."""
    return _en_candidate(name) and not (pronoun.lower() == "they" and _en_one_named_person(name))


_EN_POSSESSED_PERSON = _lazy(r"[’']s\s+(?:mother|father|wife|husband|son|daughter|brother|sister|lawyer|attorney|"
                             r"spokesman|spokeswoman|spokesperson|widow|family|parents)\b")
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
    words = {key: frozenset(lexicon[key]) for key in ("female_names", "male_names", "female_nouns", "male_nouns")}
    return {**words, "names": words["female_names"] | words["male_names"],
            "nouns": words["female_nouns"] | words["male_nouns"]}


def _en_gender(name: str) -> str | None:
    """"f" or "m" when ``name`` shows a gender: a gendered noun or honorific ("Jean’s mother",
    "Mrs. Lee", "Sr. Ana"), else a listed given name ("Nancy Ruiz"); None when it shows none."""
    words = _en_gender_words()
    tokens = [t.strip(",;:") for t in name.split()]
    tokens = [t for t in tokens if t and not re.search(r"[’']s?$", t)]  # "Jean’s mother": not Jean
    for token in tokens:
        bare = token.lower() if token.lower() in words["nouns"] else token
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


_EN_MORE_PERSON_HEADS = frozenset(
    "diplomat superior teenager teen student teacher activist pastor rabbi imam sheikh scholar historian economist "
    "journalist columnist correspondent host anchor actor actress singer player coach manager owner employee worker "
    "victim survivor suspect defendant plaintiff prisoner detainee refugee migrant soldier sailor marine pilot agent "
    "detective sergeant captain colonel lieutenant archbishop monk nun sister brother husband wife girl boy child "
    "person individual leftist conservative liberal protester voter citizen veteran mayor nominee".split())


def _en_candidate(name: str) -> bool:
    """``name`` may be a person or body: not a clause opener ("Given", "Nor", "of this writing"),
    a bracketed note ("[Emphasis added]") or a bare nationality word ("American")."""
    words = name.split()
    return bool(words) and "[" not in name and words[0] not in _EN_NOT_CANDIDATE and name not in ("The", "the") \
        and not re.search(r"(?:^|\s)(?:I|I’ve|I've|I’m|I'm|we|you|been|was|were|is|are)(?:\s|$)", name) \
        and not (len(words) == 1 and words[0].lower() in _EN_PERSON_HEADS) \
        and words[0] not in _EN_NOT_CANDIDATE_LOWER and words[0] not in ("You", "Would", "Could") \
        and not re.fullmatch(r"[A-Z][a-z]+(?:ally|ently|antly|ously|ively|ately|edly|fully|ibly|ably)", words[0]) \
        and not (words[0] in _EN_NOT_SUBJECT_WORDS and (len(words) == 1 or words[0] not in ("The", "the", "A", "An"))) \
        and not (len(words) == 1 and (words[0] in _EN_DEMONYMS or words[0].endswith(("ian", "ese", "ish"))
                                      and words[0] not in _en_gender_words()["names"]))


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


_EN_NAME_RUN = r"(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*"
_EN_COORDINATED_NAMES = _lazy(rf"^\s*({_EN_NAME_RUN}(?:,\s+{_EN_NAME_RUN})*,?\s+and\s+{_EN_NAME_RUN})\s+(?:[a-z]+ly\s+)?[a-z]")
_EN_RESOLVE_WINDOW = 3  # guide §7: the antecedent's most recent mention in the three sentences before, else the title


def _en_antecedent_candidates(pronoun: str, before: list[tuple[str, Attribution, str]],
                              title: tuple[str | None, str | None]) -> Iterator[tuple[str, str, int]]:
    """The names an English pronoun may stand for, in the order the rules weigh them, as
    ``(name, where, distance)``: in each of the three sentences before, most recent first
    (``distance`` 1, 2, 3), a coordinated group ("X, Y and Z said": for "they"), the sentence's
    named speaker, its opening subject, its clause subjects, people it names elsewhere, and for
    "it" bodies named as possessors; then the title's speaker and subject (``distance`` 0).
    ``where`` says which of these the name is. A headline line gives nobody (only a credit line,
    "— Sheriff Ann Lee", gives its name)."""
    lines = before[-_EN_RESOLVE_WINDOW - 1:]
    wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
    for i in range(len(lines) - 1, max(-1, len(lines) - 1 - _EN_RESOLVE_WINDOW), -1):
        text, found, kind = lines[i]
        distance = len(lines) - i
        if kind in _EN_BLANK_LINE_KINDS and not text.rstrip().endswith(":"):  # "Lee explained the rift:" leads in
            credit = _EN_CREDIT_LINE.match(text)
            if credit:
                yield credit.group(1), "credit", distance
            continue
        split = _EN_SPLIT_TITLE.search(lines[i - 1][0]) if i > 0 and lines[i - 1][0].endswith(".") else None
        same = re.match(rf"^\W*(?:(?:But|And|Yet|So|Then|Later|Still)\s+)?{pronoun}\b", text, re.IGNORECASE)
        # people named in a sentence whose subject is the same pronoun ("He cited X and Y") are not it
        # ("one diplomat": a person noun of either gender)
        mentions = tuple(m for m in _en_person_mentions(text) if wanted and not same
                         and (_en_gender(m) == wanted or _en_gender(m) is None
                              and (m[:1].islower() or m.split()[0] in ("One", "A", "An", "The"))))
        group = _EN_COORDINATED_NAMES.match(_blank_lead(text)) if pronoun.lower() == "they" else None
        order = [("group", [group.group(1)] if group else ()),  # "X, Y and Z said": "they"
                 ("speaker", [found.source] if found.form == "named" and found.source else ()), ("opening", _en_opening_subject(text)), ("subject", _en_clause_subjects(text)),
                 ("mention", mentions)]
        if wanted and (found.cue or "").lower().startswith("according to") and found.span \
                and text[found.span[1]:].lstrip().startswith(","):
            # "However, according to X, Powell isn't interested. She says": the clause's subject first
            order.insert(3, order.pop(1))
        if found.form == "none" and _EN_OPEN_QUOTATION.match(text):
            order = order[:2]  # a quotation running on to the next sentence: names in it are not who speaks
        for where, names in order:
            # a person named elsewhere in the sentence counts when the name shows the pronoun's gender
            for name in names:
                if not _en_candidate(name):
                    continue
                # "... Mgr." | "Benelli told me ...": a title the segmenter cut off the name
                yield (f"{split.group(1)}. {name}" if split and text.lstrip().startswith(name) else name), where, distance
        if pronoun.lower() == "it":  # a body named as a possessor: "the court’s ruling"
            yield from ((m.group(1), "possessor", distance) for m in _EN_POSSESSIVE_BODY.finditer(text))
    speaker, text = title
    if speaker:
        yield speaker, "title speaker", 0
    if text:
        yield from ((name, "title subject", 0) for name in _en_title_subjects(text))


_EN_OPEN_QUOTATION = _lazy(r"^\s*[“\"][^”\"]*$")  # a sentence that opens a quotation and does not close it


def _en_antecedent_agrees(pronoun: str, candidate: str) -> bool:
    """``candidate`` may stand for ``pronoun`` in number, gender and kind (person or thing)."""
    words = candidate.split()
    if pronoun.lower() in ("he", "she") and words[0].lower() in ("the", "a", "an", "one") and words[-1].islower() \
            and words[-1] not in _EN_PERSON_HEADS and words[-1] not in _EN_MORE_PERSON_HEADS:
        return False  # "the full video": a description of a thing, not a person
    if pronoun.lower() in ("he", "she") and words[-1].lower() in _EN_PEOPLE_PLURALS:
        return False  # "Prosecutors said ...": "she" is not a group
    if pronoun.lower() == "they" and _en_one_named_person(candidate):
        return False  # "they" is not one named person
    if pronoun.lower() == "they" and " and " in candidate:
        return True  # "X, Y and Z": a group
    return _en_agrees(pronoun, candidate) and _en_gender_agrees(pronoun, candidate)


def _en_as_written(chosen: str | None, candidates: list[str], before: list[tuple[str, Attribution, str]]) -> str | None:
    """The antecedent ``chosen`` among ``candidates`` as the guide wants it written: with the
    lower-case title at its last mention ("senator Ann Lee"), and "the president" as the name it
    stands for when a candidate names one ("President Ann Lee")."""
    if chosen and chosen[:1].isupper() and chosen.split()[0] not in ("The", "A", "An", "One"):
        chosen = _en_with_title(chosen, [line[0] for line in before[-_EN_RESOLVE_WINDOW:]])
    if chosen and chosen.split()[0] in ("the", "The") and len(chosen.split()) == 2:
        # "the president" after "President Ann Lee ...": the name the description stands for (guide §7)
        head = chosen.split()[1].title()
        chosen = next((c for c in candidates if head in c.split()[:-1] and c[:1].isupper()
                       and not c.startswith("The ")), chosen)
    return chosen


def _en_antecedent(pronoun: str, before: list[tuple[str, Attribution, str]], title: tuple[str | None, str | None]) -> str | None:
    """The antecedent of an English "he"/"she"/"it" (or a subject-less cue) as written at its most
    recent mention: the first of :func:`_en_antecedent_candidates` that agrees with the pronoun
    (guide §7), written as :func:`_en_as_written` says."""
    found = (name for name, _, _ in _en_antecedent_candidates(pronoun, before, title))
    seen: list[str] = []
    chosen = None
    for name in found:  # lazily: most pronouns agree with an early candidate
        seen.append(name)
        if _en_antecedent_agrees(pronoun, name):
            chosen = name
            break
    if chosen and chosen.split()[0] in ("the", "The"):
        seen.extend(found)  # "the president" may stand for a name given later in the list
    return _en_as_written(chosen, seen, before)


_name_patterns(globals())
