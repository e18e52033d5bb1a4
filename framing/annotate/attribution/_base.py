"""Shared parts of the attribution rules: regular expressions compiled on first use, the word
lists (``framing/data/attribution.yaml``), :class:`Attribution`, quotation spans and the quote
type (direct or indirect, both languages), datelines, and the named-speaker result both
languages build. It imports nothing from the rest of the package.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, NamedTuple

from framing.annotate.spans import locate


class _LazyPattern:
    """A regular expression compiled on first use: the package compiles ~130 patterns, and a run
    in one language needs only its own. On first use every module global that holds the pattern
    (each module registers its globals with :func:`_name_patterns`) is rebound to the compiled
    pattern, so later calls pay nothing."""

    __slots__ = ("_args", "_homes")

    def __init__(self, pattern: str, flags: int = 0):
        self._args, self._homes = (pattern, flags), []

    def __getattr__(self, attribute: str):
        compiled = re.compile(*self._args)
        for namespace, name in self._homes:
            if namespace.get(name) is self:
                namespace[name] = compiled
        return getattr(compiled, attribute)


def _lazy(pattern: str, flags: int = 0) -> Any:
    return _LazyPattern(pattern, flags)


def _name_patterns(namespace: dict[str, Any]) -> None:
    """Register each lazy pattern in ``namespace`` (a module's ``globals()``, its own patterns and
    those it imported) under its global name there, so that the first use rebinds that global.
    Every module of the package calls it as its last statement."""
    for name, value in list(namespace.items()):
        if isinstance(value, _LazyPattern):
            value._homes.append((namespace, name))


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


_LEXICONS = _load_lexicons()

QUOTE_TYPES = ("direct", "indirect", "none")
_WORD = _lazy(r"\w+")
_QUOTES = _lazy(r"[\"“”«»]")
# a quotation: matching marks, also a curly mark closed by a straight one ('“...," she said') or
# single curly marks closed after punctuation ("‘...,’ he said"), and straight single marks
# around words (a headline's 'would absolutely'; not an apostrophe: "Winfrey's")
_QUOTE_SPAN = _lazy(r"\"[^\"“”]{3,}”|“[^”\"“]{3,}\"(?=[\s,.;:!?)]|$)|\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»|‘[^‘]{3,}?[,.!?]’(?=\s|$)|‘‘[^‘’]{3,}?’’|(?<![\w'])'(?=[^\W\d])[^'\n]{2,}?(?<=[\w.,!?])'(?![\w'])")


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
    if lead and lead.end() >= len(text.rstrip()):
        lead = None  # the only closing mark ends the sentence: it is wholly quoted, its own cues count
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
    if any(a < end and len(_WORD.findall(text, a, b)) >= 3 and not _names_a_title(text, a) and not _ar_titled_name(text, a, b)
           for a, b in _quote_spans(text)):
        return "direct"
    opening = _AR_OPEN_QUOTE.search(text, 0, end)
    return "direct" if opening and len(_WORD.findall(text, opening.end())) >= 3 else "indirect"


# Words that announce a name, not someone's words: "under the title “...”", "بعنوان "..."",
# "مفهوم "..."", "so-called “...”"; in Arabic also a named law, project, campaign or work
# ("قانون "مكافحة أعداء أميركا"", "مسلسل "..."").
_TITLE_BEFORE = _lazy(
    r"(?:\b(?:titled|entitled|dubbed|known as|so-called|slogan|hashtag|the phrase|the term|the motto|the banner)"
    r"|(?:^|\s)[وف]?(?:بعنوان|عنوان|عنوانه|عنوانها|شعار|بشعار|مفهوم|بمفهوم|مصطلح|بمصطلح|عبارة|بعبارة|وسم|بوسم|هاشتاغ|هاشتاج|وصفه|وصفها|وصفته|يسمى|تسمى|سماه|سمته|سمتها|باسم|اسم|المسمى|المسماة|المعروف|المعروفة|قانون|بقانون|مشروع|بمشروع|برنامج|لبرنامج|ببرنامج|حملة|بحملة|مبادرة|بمبادرة|عملية|فيلم|بفيلم|مسلسل|بمسلسل|كتاب|بكتاب|كتابه|كتابها|أغنية|بأغنية|قصيدة|مسرحية))\s*[,:،]?\s*$",
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
    if not words or _names_a_title(text, a) or _EN_NAMING_NOUN_AFTER.match(text, b):
        return False  # "a “Make America Great Again” hat": a name
    if len(words) >= 2 and not re.search(r"[,.!?;:…]", text[a + 1:b - 1]) \
            and all(w[:1].isupper() or w in _EN_TITLE_SMALL_WORDS for w in words) and text[a - 1:a].strip() != ":":
        return False  # “Saturday Night Live”, “State of the Union”: a title in title case
    if len(words) == 1:
        if not text[:a].strip(" “\"‘'") and re.search(r"[,!?…]\W*$", text[a:b]):
            return True  # '“Absolutely,” he said.': a one-word reply that opens the sentence
        if not words[0].islower() or _EN_OTHERS_WORD.match(text, b):
            return False
        if start and _EN_SUBORDINATE_START.match(text) and "," in text[start:a]:
            return False
    return True


_EN_NAMING_NOUN_AFTER = _lazy(r"[’']?s?\s+(?:hat|hats|cap|caps|sign|signs|slogan|banner|campaign|program|programme|show|movement|"
                              r"rally|doctrine|policy|bill|act|law|laws|project|initiative|hashtag|logo)\b")
_EN_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from de la".split())


def _names_a_title(text: str, at: int) -> bool:
    """The quotation opening at ``at`` follows a word that announces a name, title or term."""
    return bool(_TITLE_BEFORE.search(text, max(0, at - 20), at))


# A person's title right before a short quotation: the quotation is the name
# (الشيخ “محمد بن عبد الرحمن آل ثاني”، الأمير "...").
_AR_TITLE_BEFORE_NAME = _lazy(
    r"(?:^|\s)[وف]?(?:ال|لل|بال)(?:شيخ|أمير|ملك|سلطان|رئيس|دكتور|مهندس|لواء|عميد|عقيد|فريق|سفير|أستاذ|قاضي|مستشار|سيد|سيدة|نائب|فنان|فنانة|مطرب|مطربة|لاعب|داعية|إمام|كاتب|شاعر|ناشط|ناشطة)\s*$")


def _ar_titled_name(text: str, a: int, b: int) -> bool:
    """The Arabic quotation ``text[a:b]`` is a name after a title: at most six words, no
    punctuation inside, a title word right before it (no colon or comma between)."""
    inner = text[a + 1:b - 1]
    return len(inner.split()) <= 6 and not re.search(r"[،,.:!?؟…]", inner) and bool(_AR_TITLE_BEFORE_NAME.search(text, max(0, a - 20), a))


# An Arabic quotation that is never closed: « or “ with no closing mark after it, laquo;,
# ' before a letter, the last of an odd number of ", or a ” glued between two letters with no
# quotation mark after it ("ان”المفارز ...": the closing mark typed for the opening one).
_AR_OPEN_QUOTE = _lazy(r"«(?=[^»]*$)|“(?=[^”]*$)|laquo;|(?<![\w'])'(?=[\u0621-\u064A])|^(?=(?:[^\"]*\"[^\"]*\")*[^\"]*\"[^\"]*$)[^\"]*\""
                       r"|(?<=[\u0621-\u064A])”(?=[\u0621-\u064A][^“”\"«»]*$)")


# --- datelines, shared results ----------------------------------------------------------------

# "CAIRO, May 3 (Harbor News) -", "(Reuters) -", "WASHINGTON -", "(CNN) ": never part of a speaker.
_EN_DATELINE = _lazy(
    r"^\s*(?:[A-Z][A-Za-z.'’\- ]{1,40}?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?|[A-Z][A-Z.'’\- ]{2,30}\s*)?"
    r"(?:\([^()]{2,40}\)\s*)?[-–—]{1,2}\s+(?=\S)"
    r"|^\s*\((?:[A-Z]{2,8}|Reuters|Bloomberg)\)\s+(?=[A-Z])")  # "(CNN) Douglas Haig, ..."


def _blank_lead(text: str) -> str:
    """The text without a leading conjunction ("But ...")."""
    return re.sub(r"^(?:But|And|Yet)\s+", "", text)


def _named(source: str, cue: str, text: str, near: int, lang: str = "en") -> Attribution:
    span = locate(text, source, near)
    return Attribution(source, cue, _quote_type(text, lang, start=span[0] if span else 0), resolved=source, span=span, form="named")


_AR_DATELINE = _lazy(r"^\s*(?:[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){0,2}\s*[-–—]\s*)?(?:\(?\s*(?:رويترز|أ\s*ف\s*ب|فرانس\s+برس|الأناضول|وكالات|وام|واس|قنا|كونا|بترا|سانا|أ\s*ش\s*أ|د\s*ب\s*أ|شينخوا|سبوتنيك|معا|وفا|الجزيرة\s+نت|الجزيرة|العربية\.نت|سكاي\s+نيوز\s+عربية|خاص|[\u0621-\u064A]+\s+نت)\s*\)?\s*)?[-–—:]\s*(?=\S)|^\s*[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?\s+[-–—]\s+(?=[وف]?(?:قال|أعلن|أكد|ذكر|أفاد|أوضح|أشار|كشف|نفى|اعتبر))")


def _blank_dateline(text: str, lang: str) -> str:
    """The text with a leading dateline replaced by spaces (offsets stay where they were)."""
    match = (_AR_DATELINE if lang == "ar" else _EN_DATELINE).match(text)
    if not match or match.end() >= len(text) or (lang == "ar" and not re.search(r"[-–—]", match.group())):
        return text
    head = match.group()
    if lang == "ar" and len(head.split()) > 6:
        return text
    return " " * match.end() + text[match.end():]


_name_patterns(globals())
