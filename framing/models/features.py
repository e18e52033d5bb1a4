"""Text features for frame classification: word n-grams, stems and codebook cue counts.

``TextFeatures`` is a scikit-learn transformer from raw strings to a sparse matrix. Each text is
analysed once (language, normalization, tokens, stems) and the analysis feeds every block:

- ``w:`` word n-grams over normalized tokens (TF-IDF, sublinear);
- ``s:`` stem n-grams (light stemming: Arabic strips clitics such as و/ف/ب/ل/ال and common
  suffixes, English strips inflections), so "والصواريخ"/"صواريخ" and "warned"/"warns" share a feature;
- ``p:`` stem prefixes (first ``prefix_length`` letters): cheap morphology, so "trajectories" and
  "trajectory", "مساراتها" and "مسار" meet;
- ``cue:`` optional per-frame counts of codebook cue terms (matched on stems). Off by default:
  on our corpora they lowered cross-validated macro-F1 (0.85 with, 0.89 without), because the
  model leans on them and hard negatives use the same words;
- ``c:`` optional character n-grams (more accurate on our test split, about 3x slower);
- ``prev:``, ``next:``, ``title:`` optional context blocks: the same features (all of the above
  but the language columns) of the previous and next sentence of the same article and of the
  article title, scaled by a weight per language (``context_weight``). Context is passed to
  ``fit_transform``/``transform`` as ``context=(previous_texts, next_texts, titles)``; a missing
  or empty context leaves those blocks at zero.

Function words (``framing.text.stopwords``) are not features on their own, but stay inside
n-grams ("no evidence", "لم يتسن"): alone they mostly encode the style of a corpus. With
``negators_in_ngrams_only``, negation words (``NEGATORS``: "not", "no", "never", لم, لا, ليس, ...)
are treated the same way: in our written corpus most sentences with a bare negation are
skepticism, in real news most are not, so alone they mostly encode the corpus, while "no
evidence" or "لم يتسن" keep their meaning as n-grams.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize
from sklearn.utils.validation import check_is_fitted

from framing.text.language import SUPPORTED_LANGUAGES, detect_language
from framing.text.normalize import normalize
from framing.text.stopwords import for_language
from framing.text.tokenize import arabic_stem, english_stem, tokenize

_TOKENS = r"\S+"
CONTEXT_BLOCKS = ("prev", "next", "title")
"""Feature-name prefixes of the context blocks, in column order (``context=(previous, next, title)``)."""
NEGATORS = {
    "en": ("not", "no", "never", "nothing", "none", "nor", "neither", "without", "cannot", "n't", "nobody",
           "nowhere", "didn't", "doesn't", "don't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't",
           "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't"),
    "ar": tuple(c + w for w in ("لا", "لم", "لن", "ليس", "ليست", "ليسوا", "غير", "عدم", "دون", "بدون", "بلا", "لست")
                for c in ("", "و", "ف")),
}
"""Negation words per language (as written; matched after normalization) for ``negators_in_ngrams_only``."""


@lru_cache(maxsize=8)
def _negators(lang: str) -> frozenset[str]:
    return frozenset(normalize(w, lang) for w in NEGATORS.get(lang, ()))


@lru_cache(maxsize=16)
def _not_unigrams(lang: str, stop_words: bool, negators: bool) -> frozenset[str]:
    """Tokens that are no unigram features (only inside n-grams): function words and/or negators."""
    return (for_language(lang) if stop_words else frozenset()) | (_negators(lang) if negators else frozenset())


class Analysis(NamedTuple):
    """What the feature extractor reads from one text."""

    lang: str
    normalized: str
    tokens: list[str]
    stems: list[str]
    text: str = ""

    def surface(self) -> list[str]:
        """Tokens as written (before normalization), aligned with ``tokens`` when possible."""
        if self.lang != "ar" and self.text.isascii():
            return self.tokens  # English normalization of ASCII text is lower-casing only
        original = tokenize(self.text if self.lang == "ar" else self.text.lower(), self.lang) if self.text else []
        return original if len(original) == len(self.tokens) else self.tokens


@lru_cache(maxsize=200_000)
def _stem(token: str, lang: str) -> str:
    return arabic_stem(token) if lang == "ar" else english_stem(token)


def analyze(text: str, lang: str | None = None) -> Analysis:
    """Language, normalized text, tokens and stems of ``text``."""
    lang = lang or detect_language(text)
    normalized = normalize(text, lang)
    tokens = tokenize(normalized, lang)
    stems = [_stem(t, lang) for t in tokens]
    return Analysis(lang, normalized, tokens, stems, text)


class _GramBlock:
    """A fitted n-gram TF-IDF block over token sequences (vocabulary and idf)."""

    def __init__(self, ngrams: tuple[int, int], prefix: int | None = None):
        self.ngrams = (int(ngrams[0]), int(ngrams[1]))
        self.prefix = prefix
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)

    def grams(self, sequence: list[str], keep: list[bool]):
        lo, hi = self.ngrams
        if lo <= 1:
            if self.prefix:
                p = self.prefix
                yield from (x[:p] for x, k in zip(sequence, keep) if k)
            else:
                yield from (x for x, k in zip(sequence, keep) if k)
        if lo <= 2 <= hi:
            yield from map(" ".join, zip(sequence, sequence[1:]))
        for n in range(max(lo, 3), hi + 1):
            for i in range(len(sequence) - n + 1):
                yield " ".join(sequence[i:i + n])

    def fit(self, sequences, keeps, min_df: int) -> "_GramBlock":
        """Learn vocabularies and IDF weights from raw texts or analyses; returns self."""
        df: dict[str, int] = {}
        for sequence, keep in zip(sequences, keeps):
            for gram in set(self.grams(sequence, keep)):
                df[gram] = df.get(gram, 0) + 1
        terms = sorted(g for g, c in df.items() if c >= min_df)
        self.vocabulary = {t: i for i, t in enumerate(terms)}
        n = len(sequences)
        counts = np.asarray([df[t] for t in terms], dtype=np.float64)
        self.idf = (np.log((1 + n) / (1 + counts)) + 1).astype(np.float32)  # smoothed, as scikit-learn
        return self

    def transform(self, sequences, keeps):
        """Sublinear tf x idf, L2-normalized rows (scikit-learn's TfidfVectorizer formula)."""
        get = self.vocabulary.get
        indices: list[int] = []
        indptr = [0]
        for sequence, keep in zip(sequences, keeps):
            for gram in self.grams(sequence, keep):
                j = get(gram)
                if j is not None:
                    indices.append(j)
            indptr.append(len(indices))
        X = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), np.asarray(indices, dtype=np.int32),
             np.asarray(indptr, dtype=np.int64)),
            shape=(len(indptr) - 1, len(self.vocabulary)),
        )
        X.sum_duplicates()
        np.log(X.data, out=X.data)
        X.data += 1
        X.data *= self.idf[X.indices]
        return l2_normalize(X, copy=False)

    def terms(self) -> list[str]:
        return sorted(self.vocabulary, key=self.vocabulary.get)

    # compact persistence: one string array instead of a dict stored entry by entry
    def __getstate__(self):
        return {"ngrams": self.ngrams, "prefix": self.prefix, "terms": np.asarray(self.terms(), dtype=str), "idf": self.idf}

    def __setstate__(self, state):
        self.ngrams, self.prefix, self.idf = tuple(state["ngrams"]), state["prefix"], state["idf"]
        self.vocabulary = {str(t): i for i, t in enumerate(state["terms"].tolist())}


class TextFeatures(TransformerMixin, BaseEstimator):
    """Transform raw texts (Arabic or English) into a sparse feature matrix.

    Parameters
    ----------
    word_ngrams : (min_n, max_n) for word n-grams, or None to disable.
    stem_ngrams : (min_n, max_n) for stem n-grams, or None to disable.
    prefix_length : add a block of stem prefixes of this length (cheap morphology), or None.
    char_ngrams : (min_n, max_n) for character n-grams within word boundaries, or None.
    char_languages : None (character n-grams for every language, the default) or language
        codes (e.g. ``("ar",)``): only rows of those languages get character n-grams (fitted on
        those rows only; other rows keep the block at zero), so a morphologically rich language
        gets sub-word features without the others paying their cost.
    min_df : minimum document frequency for an n-gram to become a feature.
    stop_words : if True, function words are not unigram features (they stay inside n-grams).
    cues : ``{frame: {lang: [terms]}}`` cue lexicons (usually from a codebook), or None.
    cue_weight : scale of the cue-count block relative to the TF-IDF blocks.
    languages : language codes (e.g. ``("ar", "en")``) whose one-hot indicator columns come
        first in the matrix (``lang:ar``, ``lang:en``): a per-language intercept for the linear
        model, and the segments :class:`FrameClassifier` calibrates separately; None for none.
    context_weight : None (no context: the matrix is exactly as without this option), one weight
        for every language, or ``{lang: weight}`` (e.g. ``{"ar": 0.5, "en": 0.0}``: context for
        Arabic rows only). With a non-zero weight the matrix gets three more blocks, each as wide
        as the sentence's own features without the language columns: the previous sentence,
        the next sentence and the title (``prev:``, ``next:``, ``title:``), each scaled by the
        weight of the row's language (rows of other languages keep them at zero).
    context_dropout : share of rows whose context is left out in ``fit_transform`` (training
        only; drawn with a fixed seed), so the model also learns to score sentences without
        context (``framing classify``: one sentence per line, no article).
    negators_in_ngrams_only : if True, negation words (:data:`NEGATORS`) are not unigram, stem
        or prefix features, like function words; they stay inside n-grams ("no evidence",
        "لم يتسن"). Off by default (the matrix is then exactly as without this option).
    negation_scope : None (off, the default) or a number of tokens k: one more block (``n:``)
        of the stems of the k tokens after each negation word (function words skipped; a later
        negation word starts a new scope), so "no evidence", "not a shred of evidence" and
        "لم يقدم أي دليل" share ``n:evidence``/``n:دليل``, apart from ``s:evidence``.
    """

    def __init__(self, word_ngrams=(1, 2), stem_ngrams=(1, 1), prefix_length=4, char_ngrams=None, min_df=2,
                 stop_words=True, cues=None, cue_weight=1.0, languages=None, context_weight=None,
                 context_dropout=0.0, negators_in_ngrams_only=False, negation_scope=None, char_languages=None):
        self.word_ngrams = word_ngrams
        self.stem_ngrams = stem_ngrams
        self.prefix_length = prefix_length
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.stop_words = stop_words
        self.cues = cues
        self.cue_weight = cue_weight
        self.languages = languages
        self.context_weight = context_weight
        self.context_dropout = context_dropout
        self.negators_in_ngrams_only = negators_in_ngrams_only
        self.negation_scope = negation_scope
        self.char_languages = char_languages

    # -- fitting ------------------------------------------------------------------------

    def fit(self, X, y=None, context=None):
        """Learn vocabularies and IDF weights from raw texts or analyses; returns self.

        Vocabularies come from the texts themselves; ``context`` is accepted (and ignored) so
        that ``fit`` and ``fit_transform`` take the same arguments."""
        docs = self._analyze_all(X)
        keeps = self._keeps(docs)
        self.blocks_ = {}
        if self.word_ngrams:
            self.blocks_["w"] = _GramBlock(self.word_ngrams)
        if self.stem_ngrams:
            self.blocks_["s"] = _GramBlock(self.stem_ngrams)
        if self.prefix_length:
            self.blocks_["p"] = _GramBlock((1, 1), prefix=int(self.prefix_length))
        if self._negation_scope():
            if not self.blocks_:
                raise ValueError("negation_scope needs one of word_ngrams, stem_ngrams, prefix_length")
            self.blocks_["n"] = _GramBlock((1, 1))
        if not self.blocks_ and not self.char_ngrams:
            raise ValueError("TextFeatures needs at least one of word_ngrams, stem_ngrams, prefix_length, char_ngrams")
        for name, block in self.blocks_.items():
            sequences = self._sequences(name, docs)
            block.fit(sequences, [[True] * len(x) for x in sequences] if name == "n" else keeps, self.min_df)
        self.char_vectorizer_ = None
        if self.char_ngrams:
            self.char_vectorizer_ = TfidfVectorizer(
                analyzer="char_wb", lowercase=False, ngram_range=tuple(self.char_ngrams),
                min_df=self.min_df, sublinear_tf=True, dtype=np.float32,
            ).fit(self._char_texts(docs, fitting=True))
            self.char_vectorizer_.stop_words_ = None  # pruned terms: large and unused
        self.cue_frames_, self.cue_index_ = self._compile_cues()
        self.context_weights_ = self._resolve_context_weight()
        self.feature_names_ = self._feature_names()
        self.n_features_out_ = len(self.feature_names_)
        return self

    def fit_transform(self, X, y=None, context=None):
        """Fit, then transform ``X`` with ``context``, leaving out the context of a
        ``context_dropout`` share of rows (fixed seed)."""
        docs = self._analyze_all(X)
        self.fit(docs)
        if context is not None and self.context_weights_ and self.context_dropout:
            share = float(self.context_dropout)
            if not 0 <= share <= 1:
                raise ValueError(f"context_dropout must be in [0, 1], got {self.context_dropout!r}")
            keep = np.random.default_rng(0).random(len(docs)) >= share
            context = tuple([t if k else "" for t, k in zip(self._context_column(c, len(docs)), keep)]
                            for c in context)
        return self.transform_analyses(docs, context)

    def _resolve_context_weight(self) -> dict[str, float]:
        """``{lang: weight}`` of the languages with context (non-zero weights only)."""
        weight = self.context_weight
        if weight is None:
            return {}
        if isinstance(weight, dict):
            weights = {str(k): float(v) for k, v in weight.items()}
        else:
            weights = {lang: float(weight) for lang in (self._languages() or SUPPORTED_LANGUAGES)}
        if any(not np.isfinite(v) or v < 0 for v in weights.values()):
            raise ValueError(f"context_weight must be non-negative, got {self.context_weight!r}")
        return {k: v for k, v in weights.items() if v > 0}

    def _context(self) -> dict[str, float]:
        return getattr(self, "context_weights_", None) or {}  # models saved before this option have none

    @property
    def n_base_features_(self) -> int:
        """Columns before the context blocks (all of them for a model without context)."""
        n = len(self.feature_names_)
        if not self._context():
            return n
        k = len(self._languages())
        return k + (n - k) // (len(CONTEXT_BLOCKS) + 1)

    def _char_texts(self, docs: list[Analysis], fitting: bool = False) -> list[str]:
        """Texts for the character n-grams: tokens joined, "" for rows outside ``char_languages``
        (left out altogether when fitting)."""
        languages = getattr(self, "char_languages", None)  # models saved before this option have none
        if not languages:
            return [" ".join(d.tokens) for d in docs]
        languages = set(languages)
        texts = [" ".join(d.tokens) if d.lang in languages else None for d in docs]
        if fitting:
            texts = [t for t in texts if t is not None]
            if not texts:
                raise ValueError(f"char_languages={self.char_languages!r}: no training text in those languages")
            return texts
        return [t or "" for t in texts]

    def _negation_scope(self) -> int:
        return int(getattr(self, "negation_scope", None) or 0)  # models saved before this option have none

    def _sequences(self, block: str, docs: list[Analysis]) -> list[list[str]]:
        if block == "n":
            return [self._scoped(d) for d in docs]
        return [d.tokens if block == "w" else d.stems for d in docs]

    def _scoped(self, doc: Analysis) -> list[str]:
        """Stems of the ``negation_scope`` content tokens after each negation word of ``doc``."""
        negators, function = _negators(doc.lang), for_language(doc.lang)
        k, out, left = self._negation_scope(), [], 0
        for token, stem in zip(doc.tokens, doc.stems):
            if token in negators:
                left = k
            elif left:
                if token not in function:
                    out.append(stem)
                    left -= 1
        return out

    def _keeps(self, docs: list[Analysis]) -> list[list[bool]]:
        negators = getattr(self, "negators_in_ngrams_only", False)  # models saved before this option have none
        if not self.stop_words and not negators:
            return [[True] * len(d.tokens) for d in docs]
        keeps = []
        for d in docs:
            drop = _not_unigrams(d.lang, bool(self.stop_words), bool(negators))
            keeps.append([t not in drop for t in d.tokens])
        return keeps

    def _compile_cues(self):
        """Cue terms as stem sequences per language: ``{lang: [(frame_index, stems), ...]}``."""
        if not self.cues:
            return [], {}
        frames = sorted(self.cues)
        index: dict[str, list[tuple[int, str]]] = {}
        for j, frame in enumerate(frames):
            for lang, terms in (self.cues[frame] or {}).items():
                for term in terms:
                    stems = analyze(term, lang).stems
                    if stems:
                        index.setdefault(lang, []).append((j, " " + " ".join(stems) + " "))
        return frames, index

    def _feature_names(self):
        names = [f"lang:{lang}" for lang in self._languages()]
        content: list[str] = []
        for name, block in self.blocks_.items():
            content.extend(f"{name}:{term}" for term in block.terms())
        if self.char_vectorizer_ is not None:
            content.extend(f"c:{term}" for term in self.char_vectorizer_.get_feature_names_out())
        content.extend(f"cue:{frame}" for frame in self.cue_frames_)
        names.extend(content)
        if self._context():
            for prefix in CONTEXT_BLOCKS:
                names.extend(f"{prefix}:{name}" for name in content)
        return np.asarray(names, dtype=object)

    # -- transforming -------------------------------------------------------------------

    def _analyze_all(self, X) -> list[Analysis]:
        if isinstance(X, str):
            raise ValueError("TextFeatures expects a list of texts, not a single string")
        return [x if isinstance(x, Analysis) else analyze(str(x)) for x in X]

    def transform(self, X, context=None):
        """Sparse feature matrix of raw texts or analyses (``context``: see :meth:`transform_analyses`)."""
        check_is_fitted(self, "blocks_")
        return self.transform_analyses(self._analyze_all(X), context)

    def _languages(self) -> tuple[str, ...]:
        return tuple(getattr(self, "languages", None) or ())  # models saved before this option have none

    def transform_analyses(self, docs: list[Analysis], context=None):
        """Transform texts that were already analysed (saves re-analysis in explanations).

        ``context`` is ``(previous_texts, next_texts, titles)``: three sequences aligned with
        ``docs`` (strings or analyses; None or "" for none). It is read only by a model with
        ``context_weight``, and only for rows of a language with a non-zero weight; without it
        the context blocks stay at zero. A context text equal to one of ``docs`` (a neighbouring
        sentence of the same batch) reuses that row instead of being analysed again.
        """
        docs = list(docs)
        content = self._content(docs)
        languages = self._languages()
        parts = [content]
        if languages:
            column = {lang: j for j, lang in enumerate(languages)}
            rows = [i for i, d in enumerate(docs) if d.lang in column]
            cols = [column[docs[i].lang] for i in rows]
            parts.insert(0, sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                          shape=(len(docs), len(languages))))
        if self._context():
            parts.extend(self._context_blocks(docs, content, context))
        return sp.hstack(parts, format="csr", dtype=np.float32)

    def _content(self, docs: list[Analysis]):
        """The sentence's own features without the language columns."""
        keeps = self._keeps(docs)
        parts = []
        for name, block in self.blocks_.items():
            sequences = self._sequences(name, docs)
            parts.append(block.transform(sequences, [[True] * len(x) for x in sequences] if name == "n" else keeps))
        if self.char_vectorizer_ is not None:
            parts.append(self.char_vectorizer_.transform(self._char_texts(docs)))
        if self.cue_frames_:
            parts.append(self._cue_counts(docs))
        return sp.hstack(parts, format="csr", dtype=np.float32)

    @staticmethod
    def _context_column(values, n: int) -> list:
        values = list(values)
        if len(values) != n:
            raise ValueError(f"context: each of (previous, next, title) needs one entry per text ({n}), got {len(values)}")
        return values

    def _context_blocks(self, docs: list[Analysis], content, context) -> list:
        """The ``prev``/``next``/``title`` blocks: rows of ``content`` (or of the context texts'
        own features) scaled by the weight of each row's language."""
        n, width = len(docs), content.shape[1]
        if context is None:
            return [sp.csr_matrix((n, width), dtype=np.float32) for _ in CONTEXT_BLOCKS]
        if isinstance(context, str) or len(context) != len(CONTEXT_BLOCKS):
            raise ValueError("context must be (previous_texts, next_texts, titles)")
        weights = self._context()
        row_weight = np.asarray([weights.get(d.lang, 0.0) for d in docs], dtype=np.float32)
        index = {(d.lang, d.text): i for i, d in enumerate(docs) if d.text}
        extra: list[Analysis] = []
        sources = []
        for values in context:
            values = self._context_column(values, n)
            src = np.full(n, -1, dtype=np.int64)
            for i, value in enumerate(values):
                if row_weight[i] == 0 or value is None:
                    continue
                if isinstance(value, Analysis):
                    if not value.tokens:
                        continue
                    key, doc = (value.lang, value.text), value
                else:
                    if not isinstance(value, str) or not value.strip():
                        continue  # None, NaN or empty: no context
                    key, doc = (docs[i].lang, value), None
                j = index.get(key) if key[1] else None
                if j is None:
                    j = n + len(extra)
                    if key[1]:
                        index[key] = j
                    extra.append(doc if doc is not None else analyze(value, docs[i].lang))
                src[i] = j
            sources.append(src)
        pool = sp.vstack([content, self._content(extra)], format="csr") if extra else content
        blocks = []
        for src in sources:
            rows = np.flatnonzero(src >= 0)
            select = sp.csr_matrix((row_weight[rows], (rows, src[rows])), shape=(n, pool.shape[0]), dtype=np.float32)
            blocks.append(select @ pool)
        return blocks

    def _cue_counts(self, docs: list[Analysis]):
        counts = np.zeros((len(docs), len(self.cue_frames_)), dtype=np.float32)
        for i, doc in enumerate(docs):
            patterns = self.cue_index_.get(doc.lang)
            if not patterns:
                continue
            padded = " " + " ".join(doc.stems) + " "
            for j, pattern in patterns:
                if pattern in padded:
                    counts[i, j] += 1.0
        counts = np.log1p(counts) * self.cue_weight
        return sp.csr_matrix(counts)

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("feature_names_", None)  # rebuilt on load
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        # models saved before the context option: no context (get_params and clone still work)
        self.__dict__.setdefault("context_weight", None)
        self.__dict__.setdefault("context_dropout", 0.0)
        self.__dict__.setdefault("negators_in_ngrams_only", False)
        self.__dict__.setdefault("negation_scope", None)
        self.__dict__.setdefault("char_languages", None)
        if "blocks_" in state:
            self.feature_names_ = self._feature_names()

    def get_feature_names_out(self, input_features=None):
        """Feature names, block-prefixed (``lang:``, ``w:``, ``s:``, ``p:``, ``n:``, ``c:``, ``cue:``; the
        context blocks repeat the sentence's names after ``prev:``, ``next:``, ``title:``)."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_
