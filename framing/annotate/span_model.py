"""Learned speaker-span boundaries: where the speaker starts and ends, around the rules' proposal.

The attribution rules (:mod:`framing.annotate.attribution`) find the reporting cue and propose a
speaker span; this component decides the boundaries. The candidate region is the proposed span
widened by a few tokens on each side, never crossing the cue; two logistic regressions over
token features score every word token of the region as the first and as the last token of the
speaker, and the span with the best sum of the two scores (plus a learned length prior) wins.

Token features (context free, cached per word): the word and its normalized form, the Arabic stem
without the clitics و/ف and the article ال (and بال/لل/كال), the prefix class (ال، وال، بال، لل، و،
ب، ل، ف) or the English shape (capitalized, lower case, upper case, digits), the suffix class
(nisba ي/ية/يون/يين, ة, sound plurals, possessive pronouns; English possessive 's), and lexicon
flags (in the actors gazetteer, a title word, a function word, a time word, a reporting verb);
each of these for the token and its neighbours, pairs of neighbouring classes, and the distance
to the cue in tokens.

The weights are plain numbers in ``framing/data/attribution_spans.json`` (no pickle), fitted by
``benchmarks/attribution_train.py`` on the written attribution sets and the dev split of the
real-news attribution set; when the file is missing the rules' span is kept.
"""

from __future__ import annotations

import itertools
import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

DATA_FILE = "attribution_spans.json"

# A word (with inner apostrophes, hyphens or dots: "O’Shaughnessy", "D-NY", "U.S") or one other
# non-space character.
_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*|[^\w\s]")
_AR_LETTERS = re.compile(r"[\u0621-\u064A]")
_AR_NORMALIZE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_AR_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل")

_AR_FUNCTION = frozenset(
    "في على عن من الى إلى مع منذ خلال عبر أمام لدى حول ضد بعد قبل حتى عند بين ان أن إن بأن بان إنه أنه أنها إنها "
    "الذي التي الذين اللذين اللتين ما مما هذا هذه ذلك تلك هؤلاء كل جميع أي قد لقد لم لن لا وهو وهي هو هي هم "
    "كما حيث إذ بينما فيما لكن غير إلا فإن فان أيضا أيضاً كذلك به بها فيه فيها له لها عنه عنها".split())
_AR_TIME = frozenset(
    "أمس اليوم الليلة مساء صباح يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت "
    "لاحقا لاحقاً مؤخرا مؤخراً حينها الماضي المقبل الأسبوع الشهر العام".split())
_AR_TITLES = frozenset(
    "وزير وزيرة رئيس رئيسة زعيم زعيمة ضابط مدير مديرة متحدث متحدثة ناطق ناطقة سفير سفيرة خبير خبيرة محلل "
    "محللة باحث باحثة كاتب كاتبة أستاذ أستاذة نائب نائبة أمين أمينة قائد مسؤول مسؤولة مبعوث مبعوثة سيناتور "
    "صحافي صحافية صحفي صحفية دكتور مستشار مستشارة عضو عضوة مرشح مرشحة سياسي سياسية معارض معارضة ناشط ناشطة "
    "مراسل مراسلة محامي محامية مفوض مفوضة ملك أمير حاكم محافظ عميد لواء عقيد رائد مؤسس منسق منسقة شيخ "
    "وزارة مجلس هيئة صحيفة قناة وكالة منظمة حزب جمعية معهد مكتب إدارة بلدية مؤسسة شركة مركز جامعة موقع "
    "جيش حكومة رئاسة سلطات السلطات مصدر مصادر مسؤولون مسؤولين خبراء محللون تقرير بيان دراسة".split())
_EN_FUNCTION = frozenset(
    "the a an of to in on at for with by from and but or that which who whom whose as while when after before "
    "because since although though if where so has have had is are was were be been will would could should may "
    "might can must not also later then earlier this these those it its their his her he she they we i".split())
_EN_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight week month year morning "
    "evening night earlier later last recently jan feb mar apr may jun jul aug sep sept oct nov dec january "
    "february march april june july august september october november december".split())
_EN_TITLES = frozenset(
    "president minister secretary spokesman spokeswoman spokesperson ambassador envoy chief leader senator "
    "sen rep gov governor adviser advisor analyst official officials director commander general gen col mr mrs "
    "ms dr prof professor chairman chairwoman chair ceo head mayor judge attorney lawyer lawmaker lawmakers "
    "representative congressman congresswoman prime deputy foreign defense defence state army police ministry "
    "department office agency council committee spokesmen experts expert researcher researchers sources source "
    "report statement study survey editor correspondent reporter king prince queen pope cardinal bishop".split())


def tokenize(text: str, cuts: Iterable[int] = (), pos: int = 0, endpos: int | None = None) -> list[tuple[int, int]]:
    """Token offsets of ``text`` (from ``pos`` to ``endpos``); a token containing one of ``cuts``
    is split there ("لوزارة" after a cue "وفقا ل" ending inside it)."""
    spans = [m.span() for m in _TOKEN.finditer(text, pos, len(text) if endpos is None else endpos)]
    for c in sorted({c for c in cuts if c is not None}):
        k = bisect_right(spans, (c, len(text) + 1)) - 1
        if k >= 0 and spans[k][0] < c < spans[k][1]:
            a, b = spans[k]
            spans[k:k + 1] = [(a, c), (c, b)]
    return spans


@lru_cache(maxsize=1)
def _gazetteer_words() -> tuple[frozenset[str], frozenset[str]]:
    """Normalized words of the shipped actors' aliases (Arabic, English lower case)."""
    from framing.annotate.actors import default_gazetteer

    ar, en = set(), set()
    for actor in default_gazetteer().actors.values():
        for alias in actor.aliases.get("ar", ()):
            for w in alias.split():
                ar.add(_ar_stem(_ar_norm(w))[1])
        for alias in actor.aliases.get("en", ()):
            for w in _TOKEN.findall(alias):
                if w.lower() not in _EN_FUNCTION:
                    en.add(w.lower())
    return frozenset(ar), frozenset(en)


def _ar_norm(word: str) -> str:
    return word.translate(_AR_NORMALIZE)


def _ar_stem(word: str) -> tuple[str, str]:
    """(prefix class, stem) of a normalized Arabic word: "والوزير" -> ("وال", "وزير")."""
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            if prefix in ("لل", "ولل"):
                return prefix, word[len(prefix):]
            return prefix, word[len(prefix):]
    return "-", word


_IDS = itertools.count(1)  # 0: the padding outside the sentence


@lru_cache(maxsize=200_000)
def word_features(word: str, lang: str) -> tuple:
    """(word, stem, prefix or shape class, suffix class, lexicon flags, id) of one token; the id
    (a number for these features) keys the scorers' caches."""
    if not word[:1].isalnum() and word[:1] != "_":
        return (word, word, "P", "-", "P", next(_IDS))
    if lang == "ar" and _AR_LETTERS.match(word):
        norm = _ar_norm(word)
        prefix, stem = _ar_stem(norm)
        if stem.endswith(("يون", "يين", "يان")) or stem.endswith(("ي", "يه")) and len(stem) >= 4:
            suffix = "nisba"
        elif stem.endswith(("ون", "ين", "ات")) and len(stem) >= 5:
            suffix = "pl"
        elif stem.endswith("ه") and word.endswith("ة"):
            suffix = "ta"
        elif len(stem) >= 5 and stem.endswith(("هم", "ها", "هما")) or len(stem) >= 5 and stem.endswith("ه"):
            suffix = "pron"
        else:
            suffix = "-"
        gaz_ar, _ = _gazetteer_words()
        flags = "".join((
            "G" if stem in gaz_ar else "",
            "T" if word in _AR_TITLES or stem in _AR_TITLES or "ال" + stem in _AR_TITLES else "",
            "F" if word in _AR_FUNCTION else "",
            "D" if word in _AR_TIME or "ال" + stem in _AR_TIME else "",
        )) or "-"
        return (norm, stem, prefix, suffix, flags, next(_IDS))
    lower = word.lower()
    if word.isdigit():
        shape = "9"
    elif word.isupper() and len(word) > 1:
        shape = "U"
    elif word[:1].isupper():
        shape = "C"
    elif word.islower():
        shape = "l"
    else:
        shape = "m"
    suffix = "s" if lower.endswith(("'s", "’s")) else "-"
    base = lower[:-2] if suffix == "s" else lower
    _, gaz_en = _gazetteer_words()
    flags = "".join((
        "G" if base in gaz_en else "",
        "T" if base in _EN_TITLES else "",
        "F" if base in _EN_FUNCTION else "",
        "D" if base in _EN_TIME else "",
    )) or "-"
    return (lower, base, shape, suffix, flags, next(_IDS))


def _window_tokens(text: str, start: int, end: int, cue: tuple[int, int], need: int) -> list[tuple[int, int]]:
    """The tokens of ``text`` around the span and the cue: the same as tokenizing the whole text
    for the ``need`` tokens either side of them (long sentences are not tokenized whole)."""
    cuts = (start, end, cue[0], cue[1])
    left, right = min(start, cue[0]), max(end, cue[1])
    lo, hi = left - 60, right + 60
    if lo <= 0 and hi >= len(text):
        return tokenize(text, cuts)
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0  # window edges at spaces: whole tokens
    at = text.find(" ", hi) if hi < len(text) else -1
    hi = at if at >= 0 else len(text)
    tokens = tokenize(text, cuts, lo, hi)
    if (lo > 0 and bisect_right(tokens, (left, -1)) < need) or \
            (hi < len(text) and len(tokens) - bisect_left(tokens, (right, -1)) < need):
        return tokenize(text, cuts)
    return tokens


_PAD = ("<s>", "<s>", "<s>", "<s>", "<s>", 0)
# Templates: (name, attribute index, offset) for single features; pairs combine two of them.
_W, _S, _C, _X, _F = range(5)
START_SINGLE = (("w0", _W, 0), ("w-1", _W, -1), ("w+1", _W, 1), ("s0", _S, 0), ("s-1", _S, -1),
                ("c0", _C, 0), ("c-1", _C, -1), ("c+1", _C, 1), ("x0", _X, 0), ("x-1", _X, -1),
                ("f0", _F, 0), ("f-1", _F, -1), ("f+1", _F, 1))
START_PAIRS = (("c-1|c0", (_C, -1), (_C, 0)), ("f-1|f0", (_F, -1), (_F, 0)), ("x-1|c0", (_X, -1), (_C, 0)))
END_SINGLE = (("w0", _W, 0), ("w+1", _W, 1), ("w-1", _W, -1), ("w+2", _W, 2), ("s0", _S, 0), ("s+1", _S, 1),
              ("c0", _C, 0), ("c+1", _C, 1), ("c+2", _C, 2), ("x0", _X, 0), ("x+1", _X, 1),
              ("f0", _F, 0), ("f+1", _F, 1), ("f+2", _F, 2))
END_PAIRS = (("c0|c+1", (_C, 0), (_C, 1)), ("f0|f+1", (_F, 0), (_F, 1)), ("x0|c+1", (_X, 0), (_C, 1)),
             ("x0|x+1", (_X, 0), (_X, 1)))


def _distance_bucket(d: int) -> str:
    return str(d) if d < 6 else ("6-8" if d <= 8 else "9+")


class Region:
    """The candidate region of one attribution: word tokens that may start or end the speaker."""

    __slots__ = ("tokens", "feats", "candidates", "side", "cue_index", "first", "last")

    def __init__(self, text: str, span: tuple[int, int], cue: tuple[int, int], lang: str, margin: int):
        start, end = span
        after = cue[0] < start  # the speaker follows the cue ("قال الوزير", "said X", "according to X")
        tokens = _window_tokens(text, start, end, cue, margin + 2)
        starts = [a for a, _ in tokens]
        ends = [b for _, b in tokens]
        first = bisect_right(ends, start)  # the first token ending after the span's start
        last = bisect_left(starts, end) - 1  # the last token starting before the span's end
        if after:
            low = bisect_left(starts, cue[1])
            high = len(tokens) - 1
        else:
            low = 0
            high = bisect_right(ends, cue[0]) - 1
        lo, hi = max(low, first - margin), min(high, last + margin)
        self.tokens = tokens
        self.side = "a" if after else "b"
        self.cue_index = low if after else high  # the token next to the cue
        self.first, self.last = first, last  # the rules' proposal
        # features of the tokens the region's templates look at (two either side), None elsewhere
        feats: list = [None] * len(tokens)
        for k in range(max(0, lo - 2), min(len(tokens), hi + 3)):
            a, b = tokens[k]
            feats[k] = word_features(text[a:b], lang)
        self.feats = feats
        self.candidates = [i for i in range(lo, hi + 1) if feats[i][4] != "P"] if hi >= lo else []

    def _attr(self, i: int, index: int, offset: int) -> str:
        j = i + offset
        return self.feats[j][index] if 0 <= j < len(self.feats) else "<s>"

    def features(self, i: int, which: str) -> list[tuple[str, str]]:
        """(template, value) pairs of candidate token ``i`` as a start (``which`` = "start") or end."""
        single, pairs = (START_SINGLE, START_PAIRS) if which == "start" else (END_SINGLE, END_PAIRS)
        out = [(name, self._attr(i, index, offset)) for name, index, offset in single]
        out += [(name, self._attr(i, *a) + "|" + self._attr(i, *b)) for name, a, b in pairs]
        d = (i - self.cue_index) if self.side == "a" else (self.cue_index - i)
        out.append(("d", self.side + _distance_bucket(d)))
        r = i - (self.first if which == "start" else self.last)
        r = str(r) if -3 <= r <= 3 else ("<" if r < 0 else ">")
        out.append(("r", r))
        out.append(("r|c0", r + "|" + self.feats[i][_C]))
        out.append(("r|f0", r + "|" + self.feats[i][_F]))
        return out


class SpanModel:
    """Start and end scorers per language, and the length prior; :meth:`refine` applies them."""

    def __init__(self, params: dict[str, Any]):
        self.params = params
        self.margin = int(params.get("margin", 6))
        self.max_len = int(params.get("max_len", 16))
        self.models: dict[str, dict[str, Any]] = {}
        for lang, model in params.get("languages", {}).items():
            compiled = {}
            for which in ("start", "end"):
                weights: dict[str, dict[str, float]] = {}
                for key, value in model[which]["weights"].items():
                    name, _, feature = key.partition("=")
                    weights.setdefault(name, {})[feature] = value
                compiled[which] = (float(model[which]["bias"]), weights)
            compiled["length"] = [float(x) for x in model.get("length", [])]
            compiled["margin"] = int(model.get("margin", self.margin))
            self.models[lang] = compiled
        self._contrib: dict[str, dict[str, dict]] = {
            lang: {key: {} for key in ("token", "pair", "rest")}
            for lang in self.models}

    def _token_contrib(self, lang: str, f: tuple) -> tuple[float, ...]:
        """What a token with features ``f`` adds, through the single-token templates, to the start
        score (``out[offset + 2]``) and the end score (``out[offset + 7]``) of a candidate
        ``offset`` tokens away from it (offsets -2..2)."""
        out = [0.0] * 10
        for base, which, single in ((2, "start", START_SINGLE), (7, "end", END_SINGLE)):
            weights = self.models[lang][which][1]
            for name, index, offset in single:
                table = weights.get(name)
                if table:
                    out[base + offset] += table.get(f[index], 0.0)
        return tuple(out)

    def _pair_contrib(self, lang: str, fa: tuple, fb: tuple) -> tuple[float, float]:
        """The pair templates' weights for two neighbouring tokens: (the second as a start, the
        first as an end)."""
        out = []
        for which, pairs, base in (("start", START_PAIRS, -1), ("end", END_PAIRS, 0)):
            weights = self.models[lang][which][1]
            total = 0.0
            for name, (ia, oa), (ib, ob) in pairs:
                table = weights.get(name)
                if table:
                    total += table.get((fa if oa == base else fb)[ia] + "|" + (fa if ob == base else fb)[ib], 0.0)
            out.append(total)
        return out[0], out[1]

    def _rest_contrib(self, lang: str, side: str, d: int, rs: int, re_: int, f: tuple) -> tuple[float, float]:
        """The distance to the cue and the place relative to the rules' boundaries (start, end)."""
        out = []
        for which, r in (("start", rs), ("end", re_)):
            weights = self.models[lang][which][1]
            rb = str(r) if -3 <= r <= 3 else ("<" if r < 0 else ">")
            out.append(weights.get("d", {}).get(side + _distance_bucket(d), 0.0) + weights.get("r", {}).get(rb, 0.0)
                       + weights.get("r|c0", {}).get(rb + "|" + f[_C], 0.0) + weights.get("r|f0", {}).get(rb + "|" + f[_F], 0.0))
        return out[0], out[1]

    def both_scores(self, region: Region, lang: str) -> tuple[list[float], list[float]]:
        """Scores of each candidate of ``region`` as the speaker's first and as its last token: the
        same sums as over :meth:`Region.features`, with each word's and pair's share cached."""
        caches = self._contrib[lang]
        cache, pair_cache, rest_cache = caches["token"], caches["pair"], caches["rest"]
        for c in (cache, pair_cache, rest_cache):
            if len(c) > 100_000:
                c.clear()  # bounded memory in a long-running process
        feats, n, cands = region.feats, len(region.feats), region.candidates
        if not cands:
            return [], []
        lo, hi = max(0, cands[0] - 2), min(n, cands[-1] + 3)
        contrib = {}
        for j in range(lo, hi):
            f = feats[j]
            c = cache.get(f[5])
            if c is None:
                c = cache[f[5]] = self._token_contrib(lang, f)
            contrib[j] = c
        pad = cache.get(0)
        if pad is None:
            pad = cache[0] = self._token_contrib(lang, _PAD)
        bias_s, bias_e = self.models[lang]["start"][0], self.models[lang]["end"][0]
        side, cue_index, first, last = region.side, region.cue_index, region.first, region.last
        after = side == "a"
        starts, ends = [], []
        for i in cands:
            s, e = bias_s, bias_e
            for o in (-2, -1, 0, 1, 2):
                c = contrib.get(i + o, pad)
                s += c[o + 2]
                e += c[o + 7]
            fa = feats[i - 1] if i > 0 else _PAD
            f = feats[i]
            fb = feats[i + 1] if i + 1 < n else _PAD
            key = (fa[5] << 32) | f[5]
            c = pair_cache.get(key)
            if c is None:
                c = pair_cache[key] = self._pair_contrib(lang, fa, f)
            s += c[0]
            key = (f[5] << 32) | fb[5]
            c = pair_cache.get(key)
            if c is None:
                c = pair_cache[key] = self._pair_contrib(lang, f, fb)
            e += c[1]
            d = (i - cue_index) if after else (cue_index - i)
            d, rs, re_ = (d if d < 9 else 9), max(-4, min(4, i - first)), max(-4, min(4, i - last))
            key = (((((((d << 4) | (rs + 4)) << 4) | (re_ + 4)) << 1) | after) << 40) | f[5]
            c = rest_cache.get(key)
            if c is None:
                c = rest_cache[key] = self._rest_contrib(lang, side, d, rs, re_, f)
            starts.append(s + c[0])
            ends.append(e + c[1])
        return starts, ends

    def scores(self, region: Region, which: str, lang: str) -> list[float]:
        """Score of each candidate of ``region`` as the speaker's first (``which`` = "start") or
        last token."""
        return self.both_scores(region, lang)[0 if which == "start" else 1]

    def refine(self, text: str, span: tuple[int, int], cue: tuple[int, int] | None, lang: str) -> tuple[int, int]:
        """The speaker span in ``text`` chosen by the model within the region around ``span``
        (the rules' proposal), or ``span`` itself when no region can be formed."""
        if lang not in self.models or cue is None or cue[0] < span[1] and cue[1] > span[0]:
            return span
        region = Region(text, span, cue, lang, self.models[lang]["margin"])
        if not region.candidates:
            return span
        starts, ends = self.both_scores(region, lang)
        best = decode(region, starts, ends,
                      self.models[lang]["length"], self.max_len)
        if best is None:
            return span
        s, e = best
        return _with_quotes(text, region.tokens[s][0], region.tokens[e][1])


_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}


def _with_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with the quote marks around a quoted name ('"يونيسف"', 'مراسل «النهار»'): the
    boundaries are words, the marks that close or enclose them belong to the speaker."""
    if start > 0 and end < len(text) and text[start - 1] in _QUOTE_PAIRS and text[end] == _QUOTE_PAIRS[text[start - 1]]:
        return start - 1, end + 1
    if end < len(text):
        piece = text[start:end]
        for opening, closing in _QUOTE_PAIRS.items():
            unclosed = piece.count(opening) % 2 == 1 if opening == closing else piece.count(opening) > piece.count(closing)
            if unclosed and text[end] == closing:
                return start, end + 1
    return start, end


def decode(region: Region, start: list[float], end: list[float], length: list[float], max_len: int):
    """The (first, last) token pair with the best start + end + length score, first <= last."""
    cands = region.candidates
    best, best_score = None, float("-inf")
    for a, i in enumerate(cands):
        si = start[a]
        for b in range(a, len(cands)):
            j = cands[b]
            n = j - i + 1
            if n > max_len:
                break
            score = si + end[b] + (length[n - 1] if n - 1 < len(length) else (length[-1] if length else 0.0))
            if score > best_score:
                best, best_score = (i, j), score
    return best


def cue_position(text: str, cue: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The occurrence of ``cue`` in ``text`` nearest the speaker span, outside it."""
    best, gap = None, None
    at = text.find(cue)
    while at >= 0:
        end = at + len(cue)
        if end <= span[0] or at >= span[1]:
            distance = span[0] - end if end <= span[0] else at - span[1]
            if gap is None or distance < gap:
                best, gap = (at, end), distance
        at = text.find(cue, at + 1)
    return best


@lru_cache(maxsize=1)
def default_span_model() -> SpanModel | None:
    """The shipped model (``framing/data/attribution_spans.json``), or None when it is absent."""
    try:
        text = resources.files("framing.data").joinpath(DATA_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return SpanModel(json.loads(text))
