"""The scorer: a frame model composed with annotators, for sentences and whole articles.

>>> import framing
>>> scorer = framing.load_model()                       # a Scorer around the shipped model
>>> scorer.classify(["Kremlin prepares an official visit."])         # doctest: +SKIP
>>> article = scorer.score_article(text, outlet="Example Times")     # doctest: +SKIP

``Scorer(model, annotators=None, actors=None)``: ``annotators`` defaults to attribution and
actors; ``actors`` is your own gazetteer (an :class:`~framing.annotate.actors.ActorGazetteer`
or a path). ``ScoredArticle`` is the document object: article metadata plus the tidy sentence
table (:mod:`framing.schema`) that aggregation, plots, the CLI and the API consume.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from framing import schema
from framing.annotate import Sentences, default_annotators, run_annotators
from framing.annotate.spans import clean
from framing.errors import InputError, UnsupportedLanguageError
from framing.limits import CLASSIFY_BATCH, DEFAULT_CUES, MAX_ARTICLE_CHARS
from framing.models.card import model_languages  # noqa: F401  (re-exported: the languages a model covers)
from framing.models.model import FrameModel
from framing.text.language import detect_language
from framing.text.segment import same_as_title, split_sentences


def check_text(text: object, where: str = "text") -> str:
    """Return ``text`` if it is a non-empty string, else raise :class:`InputError`."""
    if not isinstance(text, str):
        raise InputError(f"{where}: expected text (str), got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{where}: text is empty")
    if "\x00" in text:
        raise InputError(f"{where}: text contains NUL bytes (binary data?)")
    return text


def article_id(text: str) -> str:
    """A stable id for an article without one: the first 12 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class LanguageCoverageWarning(UserWarning):
    """Input in a language the model saw no training rows of (its scores there are not meaningful)."""


def language_warning(card: dict[str, Any] | None, langs: Iterable[str] = (), texts: Iterable[str] = ()) -> str | None:
    """The warning for input ``langs`` (or the detected languages of ``texts``) a model with
    ``card`` was not trained on; None if covered."""
    covered = model_languages(card)
    if covered is None:
        return None
    langs = set(langs) | {detect_language(t) for t in texts}
    missing = sorted({lang for lang in langs if lang in schema.LANGUAGES} - covered)
    if not missing:
        return None
    names = {"ar": "Arabic", "en": "English"}
    have = ", ".join(names.get(c, c) for c in sorted(covered)) or "no language"
    lacking = ", ".join(names.get(m, m) for m in missing)
    return (f"the model was trained on {have} only; {lacking} sentences get no scores and no frames: "
            f"train a model with {lacking} examples (framing train)")


_WORD = re.compile(r"[^\W_]+")
CONTEXT_MIN_WORDS = 3
"""Sentences with fewer words are not anyone's neighbour (the real-news training pool left
them out: ``corpora/real/sample.py``)."""


def article_context(texts: Sequence[str], title: str | None = None, first: int = 0) -> tuple[list[str], list[str], list[str]]:
    """``(previous, next, title)`` for the sentences of one article, in reading order: the
    nearest sentence before and after each (of at least :data:`CONTEXT_MIN_WORDS` words; "" at
    the article's edges) and the title. The first ``first`` rows (a title row) get no context."""
    texts = list(texts)
    n = len(texts)
    eligible = [i >= first and len(_WORD.findall(t)) >= CONTEXT_MIN_WORDS for i, t in enumerate(texts)]
    previous, following = [""] * n, [""] * n
    last = ""
    for i in range(first, n):
        previous[i] = last
        if eligible[i]:
            last = texts[i]
    last = ""
    for i in range(n - 1, first - 1, -1):
        following[i] = last
        if eligible[i]:
            last = texts[i]
    titles = [""] * first + [title or ""] * (n - first)
    return previous, following, titles


@dataclass
class ScoredArticle:
    """An article with per-sentence scores.

    ``sentences`` has the columns of :func:`framing.schema.sentence_columns` with the article
    columns first: ``article_id, outlet, date, title, url, sentence_index, kind, start, end,
    text, lang, labels``, one probability column per frame, ``cues``, ``tone``, ``tone_scores``,
    then the annotators' columns (``source, cue, quote_type, actors`` by default).
    """

    id: str
    lang: str
    frames: list[str]
    sentences: pd.DataFrame
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)

    def summary(self) -> pd.DataFrame:
        """Per frame: share of sentences labeled, mean probability, sentence count, presence."""
        return pd.DataFrame([{"frame": f, **v} for f, v in self.frame_summary().items()])

    def frame_summary(self) -> dict[str, dict[str, Any]]:
        """``{frame: {share, mean_probability, sentences, present, scored}}`` over the scored
        sentences (Arabic or English ones the model has scores for; ``scored`` counts them)."""
        rows = self.sentences
        scored = rows["lang"].isin(schema.LANGUAGES).to_numpy().copy()
        if self.frames and self.frames[0] in rows:
            scored &= rows[self.frames[0]].notna().to_numpy()
        n = int(scored.sum())
        labels = [ls for ls, ok in zip(rows["labels"].tolist(), scored) if ok]
        out = {}
        for frame in self.frames:
            count = sum(frame in ls for ls in labels)
            probs = rows[frame].to_numpy()[scored]
            out[frame] = {
                "share": count / n if n else 0.0,
                "mean_probability": float(probs.mean()) if n else 0.0,
                "sentences": count,
                "present": count > 0,
                "scored": n,
            }
        return out

    def tone_summary(self) -> dict[str, dict[str, Any]]:
        """Per tone: number and share of sentences, mean probability ({} without a tone model)."""
        if "tone" not in self.sentences:
            return {}
        scored = [s for s in self.sentences["tone_scores"].tolist() if s]
        tones = [t for t in self.sentences["tone"].tolist() if t]
        return {
            c: {"sentences": tones.count(c), "share": tones.count(c) / len(tones) if tones else 0.0,
                "mean_probability": sum(s[c] for s in scored) / len(scored) if scored else 0.0}
            for c in schema.TONES if any(c in s for s in scored)
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (the HTTP article object): metadata, summaries and sentences."""
        sentences = schema.records(self.sentences, self.frames, api=True)
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet, "date": self.date, "url": self.url,
            "lang": self.lang, "n_sentences": len(sentences), "dropped_lines": len(self.dropped),
            "frames": self.frame_summary(),
            "tone": self.tone_summary() or None,
            "sentences": sentences,
        }


class Scorer:
    """A :class:`FrameModel` composed with annotators: sentence tables and scored articles.

    ``annotators`` (components, see :mod:`framing.annotate`) default to attribution and actors;
    ``actors`` replaces the shipped gazetteer (a path or an ``ActorGazetteer``) in the defaults.
    """

    def __init__(self, model: FrameModel, annotators: Sequence[Any] | None = None,
                 actors: Any | None = None):
        if annotators is not None and actors is not None:
            raise ValueError("give either annotators or actors (a gazetteer for the default annotators), not both")
        self.model = model
        self.annotators = list(annotators) if annotators is not None else default_annotators(actors)
        if model.tone is not None:
            schema.check_tone_classes(model.tone_classes)
        self.columns = schema.sentence_columns(model.frames, model.tone is not None, self.annotation_columns)
        self._warned_langs: set[str] = set()

    @classmethod
    def load(cls, path: str | Path | None = None, annotators: Sequence[Any] | None = None,
             actors: Any | None = None) -> "Scorer":
        """Load a model file (the shipped default when ``path`` is None) and compose the scorer."""
        return cls(FrameModel.load(path), annotators=annotators, actors=actors)

    # -- what the model is ----------------------------------------------------------------

    @property
    def annotation_columns(self) -> list[str]:
        """The columns the annotators declare, in order."""
        return [c for a in self.annotators for c in a.columns]

    @property
    def gazetteer(self):
        """The actor gazetteer of the annotators (None without an actors annotator)."""
        return next((a.gazetteer for a in self.annotators if hasattr(a, "gazetteer")), None)

    @property
    def frames(self) -> list[str]:
        """Frame ids of the model."""
        return self.model.frames

    @property
    def codebook(self):
        """The model's codebook."""
        return self.model.codebook

    @property
    def card(self) -> dict[str, Any]:
        """The model card."""
        return self.model.card

    @property
    def thresholds(self) -> dict[str, float]:
        """Decision threshold per frame, shared by the languages (see :attr:`thresholds_by_lang`)."""
        return self.model.thresholds

    @property
    def thresholds_by_lang(self) -> dict[str, dict[str, float]]:
        """Decision threshold per frame for each language: what labels sentences."""
        return self.model.thresholds_by_lang

    @property
    def pipeline(self):
        """The scikit-learn pipeline of the model."""
        return self.model.pipeline

    def info(self) -> dict[str, Any]:
        """Model card summary: codebook, thresholds, metrics, training data."""
        return self.model.info()

    def predict_proba(self, texts: Sequence[str], lang: str | Sequence[str] | None = None,
                      context: tuple | None = None) -> np.ndarray:
        """Calibrated probability per frame (see :meth:`FrameModel.predict_proba`)."""
        return self.model.predict_proba(texts, lang, context)

    def save(self, path: str | Path) -> Path:
        """Save the model and its card (see :meth:`FrameModel.save`)."""
        return self.model.save(path)

    # -- scoring --------------------------------------------------------------------------

    def _warn_uncovered(self, langs: Iterable[str]) -> None:
        """Warn once per language the model was not trained on (:class:`LanguageCoverageWarning`)."""
        new = set(langs) - self._warned_langs
        if not new:
            return
        self._warned_langs |= new
        message = language_warning(self.card, new)
        if message:
            warnings.warn(message, LanguageCoverageWarning, stacklevel=4)

    def _columns(self, texts: list[str], lang: str | None, cues: int, in_article: bool,
                 kinds: list[str] | None = None, context: tuple | None = None) -> dict[str, Any]:
        predicted = self.model.predict_columns(texts, lang, cues, context=context)
        columns = predicted.columns
        self._warn_uncovered(columns["lang"])
        normalized = [d.normalized if d.lang in schema.LANGUAGES else "" for d in predicted.docs]
        columns.update(run_annotators(self.annotators, Sentences(texts, columns["lang"], normalized, in_article, kinds)))
        return columns

    def classify(self, texts: Iterable[str], lang: str | None = None, cues: int = DEFAULT_CUES) -> pd.DataFrame:
        """Score sentences as given (no re-segmentation); one row per text, in order.

        Columns: ``text, lang, labels``, one probability per frame, ``cues`` (``{frame: [terms]}``
        for predicted frames), ``tone``, ``tone_scores``, then the annotators' columns (``source,
        cue, quote_type, actors``). Texts that are empty or not Arabic/English get ``lang="und"``
        and no scores rather than a guess. There is no article here, so a model with context
        scores every sentence without context (no neighbours, no title).
        """
        if isinstance(texts, str):
            raise InputError("classify expects a list of sentences; use score_article for one article")
        if lang is not None and lang not in schema.LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {lang!r}; supported: {', '.join(schema.LANGUAGES)}")
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        if not texts:
            return pd.DataFrame(columns=self.columns)
        parts = [schema.make_table(self._columns(texts[i:i + CLASSIFY_BATCH], lang, cues, in_article=False))
                 for i in range(0, len(texts), CLASSIFY_BATCH)]
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)

    def score_article(self, text: str, *, title: str | None = None, outlet: str | None = None,
                      date: str | None = None, url: str | None = None, id: str | None = None,
                      lang: str | None = None, cues: int = DEFAULT_CUES) -> ScoredArticle:
        """Split an article into sentences and score each; returns a :class:`ScoredArticle`.

        Boilerplate lines (share buttons, site names, bylines) are left out and listed in
        ``dropped``. A given ``title`` is scored as the first row (``kind="title"``); when the text
        itself starts with that headline, the headline is scored once, not twice. A model with
        context gets, for each sentence, the previous and next kept sentence and the title
        (:func:`article_context`; the title row itself gets none). Raises
        :class:`InputError` for empty or oversized text and :class:`UnsupportedLanguageError`
        when the article is neither Arabic nor English.
        """
        check_text(text, "article")
        if len(text) > MAX_ARTICLE_CHARS:
            raise InputError(f"article: {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,} per article")
        if lang is not None and lang not in schema.LANGUAGES:
            raise UnsupportedLanguageError(f"unsupported language {lang!r}; supported: {', '.join(schema.LANGUAGES)}")
        article_lang = lang or detect_language(text)
        if article_lang not in schema.LANGUAGES:
            raise UnsupportedLanguageError(
                "article is not in a supported language (Arabic or English); give its language to force one "
                "(--lang ar|en on the command line, lang='ar'|'en' in Python and the API)"
            )
        if title is not None and not clean(title).text.strip():
            title = None  # blank or only invisible marks (U+200F, ZWJ): no title row
        pieces = split_sentences(text, lang)
        kept = [s for s in pieces if s.kind != "boilerplate"]
        dropped = [s.text for s in pieces if s.kind == "boilerplate"]
        if title and kept and same_as_title(kept[0].text, title):
            kept = kept[1:]  # the text repeats the headline: score it once, as the title row
        rows = [("title", title, -1, -1)] if title else []
        rows += [(s.kind, s.text, s.start, s.end) for s in kept]
        if not rows:
            raise InputError("article: no sentences found (only boilerplate lines)")
        texts = [r[1] for r in rows]
        first = 1 if title else 0
        context = article_context(texts, title if first else None, first) if self.model.context_weights else None
        columns = self._columns(texts, lang, cues, in_article=True, kinds=[r[0] for r in rows], context=context)
        n = len(rows)
        ident = id or article_id(text)
        meta = {
            "article_id": [ident] * n, "outlet": [outlet] * n, "date": [date] * n, "title": [title] * n,
            "url": [url] * n, "sentence_index": np.arange(n), "kind": [r[0] for r in rows],
            "start": np.asarray([r[2] for r in rows]), "end": np.asarray([r[3] for r in rows]),
        }
        sentences = schema.make_table({**meta, **columns})
        return ScoredArticle(id=ident, lang=article_lang, frames=self.frames, sentences=sentences,
                             title=title, outlet=outlet, date=date, url=url, dropped=dropped)


def score_article(scorer: Scorer | FrameModel, text: str, **fields: Any) -> ScoredArticle:
    """Score one article with a :class:`Scorer` (a bare :class:`FrameModel` gets the default annotators)."""
    if isinstance(scorer, FrameModel):
        scorer = Scorer(scorer)
    return scorer.score_article(text, **fields)
