"""Text features for frame classification: word n-grams, stems and codebook cue counts.

``TextFeatures`` is a scikit-learn transformer from raw strings to a sparse matrix. Each text is
analysed once (language, normalization, tokens, stems) and the analysis feeds every block:

- ``w:`` word n-grams over normalized tokens (TF-IDF, sublinear);
- ``s:`` stem n-grams (light stemming: Arabic strips clitics such as و/ف/ب/ل/ال and common
  suffixes, English strips inflections), so "والصواريخ"/"صواريخ" and "warned"/"warns" share a feature;
- ``cue:`` optional per-frame counts of codebook cue terms (matched on stems). Off by default:
  on our corpora they lowered cross-validated macro-F1 (0.85 with, 0.89 without), because the
  model leans on them and hard negatives use the same words;
- ``c:`` optional character n-grams.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2_normalize
from sklearn.utils.validation import check_is_fitted

from framing.text.language import detect_language
from framing.text.normalize import normalize
from framing.text.stopwords import for_language
from framing.text.tokenize import arabic_stem, english_stem, tokenize

_TOKENS = r"\S+"


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


def _tfidf_from_tokens(vec: TfidfVectorizer, token_lists: list[list[str]]):
    """``vec.transform`` for texts already split into tokens (same result, no re-tokenizing).

    Equivalent to a fitted word-analyzer ``TfidfVectorizer`` on ``" ".join(tokens)``: n-gram
    counts over its vocabulary, sublinear tf if set, idf weighting and L2 row normalization.
    """
    vocab = vec.vocabulary_
    lo, hi = vec.ngram_range
    get = vocab.get
    indices: list[int] = []
    indptr = [0]
    for tokens in token_lists:
        for n in range(lo, hi + 1):
            grams = tokens if n == 1 else (" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
            for gram in grams:
                j = get(gram)
                if j is not None:
                    indices.append(j)
        indptr.append(len(indices))
    X = sp.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int64)),
        shape=(len(token_lists), len(vocab)),
    )
    X.sum_duplicates()
    if vec.sublinear_tf:
        np.log(X.data, out=X.data)
        X.data += 1
    if vec.use_idf:
        X.data *= vec.idf_[X.indices].astype(np.float32)
    if vec.norm:
        l2_normalize(X, norm=vec.norm, copy=False)
    return X


class TextFeatures(TransformerMixin, BaseEstimator):
    """Transform raw texts (Arabic or English) into a sparse feature matrix.

    Parameters
    ----------
    word_ngrams : (min_n, max_n) for word n-grams, or None to disable.
    stem_ngrams : (min_n, max_n) for stem n-grams, or None to disable.
    prefix_length : add a block of stem prefixes of this length (cheap morphology), or None.
    char_ngrams : (min_n, max_n) for character n-grams within word boundaries, or None.
    min_df : minimum document frequency for an n-gram to become a feature.
    stop_words : leave function words out of word and stem n-grams (negations are kept).
    cues : ``{frame: {lang: [terms]}}`` cue lexicons (usually from a codebook), or None.
    cue_weight : scale of the cue-count block relative to the TF-IDF blocks.
    """

    def __init__(self, word_ngrams=(1, 2), stem_ngrams=(1, 1), prefix_length=4, char_ngrams=None, min_df=2,
                 stop_words=True, cues=None, cue_weight=1.0):
        self.word_ngrams = word_ngrams
        self.stem_ngrams = stem_ngrams
        self.prefix_length = prefix_length
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.stop_words = stop_words
        self.cues = cues
        self.cue_weight = cue_weight

    # -- fitting ------------------------------------------------------------------------

    def fit(self, X, y=None):
        docs = self._analyze_all(X)
        self.vectorizers_ = {}
        for block, ngrams, analyzer in self._blocks():
            vec = TfidfVectorizer(
                analyzer=analyzer, token_pattern=_TOKENS if analyzer == "word" else None,
                lowercase=False, ngram_range=tuple(ngrams), min_df=self.min_df,
                sublinear_tf=True, dtype=np.float32,
            )
            vec.fit(self._block_input(block, docs))
            vec.stop_words_ = None  # terms pruned by min_df: only needed for introspection, and large
            self.vectorizers_[block] = vec
        self.cue_frames_, self.cue_index_ = self._compile_cues()
        self.feature_names_ = self._feature_names()
        self.n_features_out_ = len(self.feature_names_)
        return self

    def _blocks(self):
        if self.word_ngrams:
            yield "w", self.word_ngrams, "word"
        if self.stem_ngrams:
            yield "s", self.stem_ngrams, "word"
        if self.prefix_length:
            yield "p", (1, 1), "word"
        if self.char_ngrams:
            yield "c", self.char_ngrams, "char_wb"
        if not (self.word_ngrams or self.stem_ngrams or self.char_ngrams):
            raise ValueError("TextFeatures needs at least one of word_ngrams, stem_ngrams, char_ngrams")

    def _block_tokens(self, block: str, docs: list[Analysis]) -> list[list[str]]:
        """Token (``w``) or stem (``s``) sequences of each document, without function words."""
        out = []
        for d in docs:
            sequence = d.tokens if block == "w" else d.stems
            if self.stop_words:
                stop = for_language(d.lang)
                sequence = [x for x, t in zip(sequence, d.tokens) if t not in stop]
            if block == "p":
                sequence = [x[: self.prefix_length] for x in sequence]
            out.append(sequence)
        return out

    def _block_input(self, block: str, docs: list[Analysis]) -> list[str]:
        if block == "c":
            return [" ".join(d.tokens) for d in docs]
        return [" ".join(tokens) for tokens in self._block_tokens(block, docs)]

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

    # -- transforming -------------------------------------------------------------------

    def _analyze_all(self, X) -> list[Analysis]:
        if isinstance(X, str):
            raise ValueError("TextFeatures expects a list of texts, not a single string")
        return [x if isinstance(x, Analysis) else analyze(str(x)) for x in X]

    def transform(self, X):
        check_is_fitted(self, "vectorizers_")
        docs = self._analyze_all(X)
        return self.transform_analyses(docs)

    def transform_analyses(self, docs: list[Analysis]):
        """Transform texts that were already analysed (saves re-analysis in explanations)."""
        blocks = []
        for name, vec in self.vectorizers_.items():
            if name == "c":
                blocks.append(vec.transform(self._block_input(name, docs)))
            else:
                blocks.append(_tfidf_from_tokens(vec, self._block_tokens(name, docs)))
        if self.cue_frames_:
            blocks.append(self._cue_counts(docs))
        return sp.hstack(blocks, format="csr", dtype=np.float32)

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

    # -- compact persistence ----------------------------------------------------------------
    # A vocabulary dict would be stored node by node (hundreds of bytes per term); store each
    # vocabulary as one NumPy string array instead, and rebuild the dicts on load.

    def __getstate__(self):
        state = dict(self.__dict__)
        vectorizers = state.get("vectorizers_")
        if vectorizers is not None:
            compact = {}
            for block, vec in vectorizers.items():
                vec = copy.copy(vec)
                terms = vec.__dict__.pop("vocabulary_")
                compact[block] = (vec, np.asarray(sorted(terms, key=terms.get), dtype=str))
            state["vectorizers_"] = compact
            state.pop("feature_names_", None)
        return state

    def __setstate__(self, state):
        vectorizers = state.get("vectorizers_")
        if vectorizers is not None and any(isinstance(v, tuple) for v in vectorizers.values()):
            rebuilt = {}
            for block, (vec, terms) in vectorizers.items():
                vec.vocabulary_ = {str(t): i for i, t in enumerate(terms.tolist())}
                rebuilt[block] = vec
            state["vectorizers_"] = rebuilt
        self.__dict__.update(state)
        if "vectorizers_" in state and "feature_names_" not in state:
            self.feature_names_ = self._feature_names()

    def _feature_names(self):
        names = []
        for block, vec in self.vectorizers_.items():
            names.extend(f"{block}:{name}" for name in vec.get_feature_names_out())
        names.extend(f"cue:{frame}" for frame in self.cue_frames_)
        return np.asarray(names, dtype=object)

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "feature_names_")
        return self.feature_names_

