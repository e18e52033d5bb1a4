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
- ``c:`` optional character n-grams (more accurate on our test split, about 3x slower).

Function words (``framing.text.stopwords``) are not features on their own, but stay inside
n-grams ("no evidence", "لم يتسن"): alone they mostly encode the style of a corpus.
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
    min_df : minimum document frequency for an n-gram to become a feature.
    stop_words : if True, function words are not unigram features (they stay inside n-grams).
    cues : ``{frame: {lang: [terms]}}`` cue lexicons (usually from a codebook), or None.
    cue_weight : scale of the cue-count block relative to the TF-IDF blocks.
    languages : language codes (e.g. ``("ar", "en")``) whose one-hot indicator columns come
        first in the matrix (``lang:ar``, ``lang:en``): a per-language intercept for the linear
        model, and the segments :class:`FrameClassifier` calibrates separately; None for none.
    """

    def __init__(self, word_ngrams=(1, 2), stem_ngrams=(1, 1), prefix_length=4, char_ngrams=None, min_df=2,
                 stop_words=True, cues=None, cue_weight=1.0, languages=None):
        self.word_ngrams = word_ngrams
        self.stem_ngrams = stem_ngrams
        self.prefix_length = prefix_length
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.stop_words = stop_words
        self.cues = cues
        self.cue_weight = cue_weight
        self.languages = languages

    # -- fitting ------------------------------------------------------------------------

    def fit(self, X, y=None):
        """Learn vocabularies and IDF weights from raw texts or analyses; returns self."""
        docs = self._analyze_all(X)
        keeps = self._keeps(docs)
        self.blocks_ = {}
        if self.word_ngrams:
            self.blocks_["w"] = _GramBlock(self.word_ngrams)
        if self.stem_ngrams:
            self.blocks_["s"] = _GramBlock(self.stem_ngrams)
        if self.prefix_length:
            self.blocks_["p"] = _GramBlock((1, 1), prefix=int(self.prefix_length))
        if not self.blocks_ and not self.char_ngrams:
            raise ValueError("TextFeatures needs at least one of word_ngrams, stem_ngrams, prefix_length, char_ngrams")
        for name, block in self.blocks_.items():
            block.fit(self._sequences(name, docs), keeps, self.min_df)
        self.char_vectorizer_ = None
        if self.char_ngrams:
            self.char_vectorizer_ = TfidfVectorizer(
                analyzer="char_wb", lowercase=False, ngram_range=tuple(self.char_ngrams),
                min_df=self.min_df, sublinear_tf=True, dtype=np.float32,
            ).fit([" ".join(d.tokens) for d in docs])
            self.char_vectorizer_.stop_words_ = None  # pruned terms: large and unused
        self.cue_frames_, self.cue_index_ = self._compile_cues()
        self.feature_names_ = self._feature_names()
        self.n_features_out_ = len(self.feature_names_)
        return self

    @staticmethod
    def _sequences(block: str, docs: list[Analysis]) -> list[list[str]]:
        return [d.tokens if block == "w" else d.stems for d in docs]

    def _keeps(self, docs: list[Analysis]) -> list[list[bool]]:
        if not self.stop_words:
            return [[True] * len(d.tokens) for d in docs]
        return [[t not in for_language(d.lang) for t in d.tokens] for d in docs]

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
        for name, block in self.blocks_.items():
            names.extend(f"{name}:{term}" for term in block.terms())
        if self.char_vectorizer_ is not None:
            names.extend(f"c:{term}" for term in self.char_vectorizer_.get_feature_names_out())
        names.extend(f"cue:{frame}" for frame in self.cue_frames_)
        return np.asarray(names, dtype=object)

    # -- transforming -------------------------------------------------------------------

    def _analyze_all(self, X) -> list[Analysis]:
        if isinstance(X, str):
            raise ValueError("TextFeatures expects a list of texts, not a single string")
        return [x if isinstance(x, Analysis) else analyze(str(x)) for x in X]

    def transform(self, X):
        """Sparse feature matrix of raw texts or analyses."""
        check_is_fitted(self, "blocks_")
        return self.transform_analyses(self._analyze_all(X))

    def _languages(self) -> tuple[str, ...]:
        return tuple(getattr(self, "languages", None) or ())  # models saved before this option have none

    def transform_analyses(self, docs: list[Analysis]):
        """Transform texts that were already analysed (saves re-analysis in explanations)."""
        keeps = self._keeps(docs)
        parts = [block.transform(self._sequences(name, docs), keeps) for name, block in self.blocks_.items()]
        languages = self._languages()
        if languages:
            column = {lang: j for j, lang in enumerate(languages)}
            rows = [i for i, d in enumerate(docs) if d.lang in column]
            cols = [column[docs[i].lang] for i in rows]
            parts.insert(0, sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                          shape=(len(docs), len(languages))))
        if self.char_vectorizer_ is not None:
            parts.append(self.char_vectorizer_.transform([" ".join(d.tokens) for d in docs]))
        if self.cue_frames_:
            parts.append(self._cue_counts(docs))
        return sp.hstack(parts, format="csr", dtype=np.float32)

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
        if "blocks_" in state:
            self.feature_names_ = self._feature_names()

    def get_feature_names_out(self, input_features=None):
        """Feature names, block-prefixed (``lang:``, ``w:``, ``s:``, ``p:``, ``c:``, ``cue:``)."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_
