"""Score whole articles: sentences -> frame probabilities -> a ``ScoredArticle``.

``ScoredArticle`` is the document object of the toolkit: article metadata plus a tidy
``sentences`` DataFrame (one row per sentence) that aggregation, plots and the API consume.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.errors import InputError, UnsupportedLanguageError
from framing.inputs import check_text
from framing.text.language import SUPPORTED_LANGUAGES, detect_language
from framing.text.segment import split_sentences

if TYPE_CHECKING:
    from framing.models.model import FrameModel

MAX_ARTICLE_CHARS = 1_000_000
META_COLUMNS = ["article_id", "outlet", "date", "title", "sentence_index", "kind", "start", "end"]


@dataclass
class ScoredArticle:
    """An article with per-sentence frame scores.

    ``sentences`` columns: ``article_id, outlet, date, title, sentence_index, kind, start, end,
    text, lang, labels``, one probability column per frame, ``cues``, ``tone`` and
    ``tone_scores`` (when the model has a tone component), ``source``, ``cue``, ``quote_type``
    and ``actors``.
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
        return pd.DataFrame([{"frame": f, **v} for f, v in self._summary().items()])

    def _summary(self) -> dict[str, dict[str, Any]]:
        rows = self.sentences
        scored = rows["lang"].isin(SUPPORTED_LANGUAGES).to_numpy()
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
            }
        return out

    def tone_summary(self) -> dict[str, dict[str, Any]]:
        """Per tone: number and share of sentences, mean probability ({} without a tone model)."""
        if "tone" not in self.sentences:
            return {}
        scored = [s for s in self.sentences["tone_scores"].tolist() if s]
        tones = [t for t in self.sentences["tone"].tolist() if t]
        classes = sorted({c for s in scored for c in s})
        return {
            c: {"sentences": tones.count(c), "share": tones.count(c) / len(tones) if tones else 0.0,
                "mean_probability": sum(s[c] for s in scored) / len(scored) if scored else 0.0}
            for c in classes
        }

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: metadata, per-frame summary and sentences."""
        rows = self.sentences
        columns = {c: _values(rows[c]) for c in ("sentence_index", "kind", "text", "lang", "start", "end", "labels", "cues")}
        tone = "tone" in rows
        tones = _values(rows["tone"]) if tone else None
        tone_scores = _values(rows["tone_scores"]) if tone else None
        sources, cue_words = _values(rows["source"]), _values(rows["cue"])
        quote_types, actors = _values(rows["quote_type"]), _values(rows["actors"])
        probs = rows[self.frames].to_numpy()
        sentences = []
        for i in range(len(rows)):
            p = probs[i]
            sentence = {
                "index": columns["sentence_index"][i], "kind": columns["kind"][i], "text": columns["text"][i],
                "lang": columns["lang"][i], "start": columns["start"][i], "end": columns["end"][i],
                "labels": columns["labels"][i],
                "scores": None if np.isnan(p).any() else {f: round(float(v), 4) for f, v in zip(self.frames, p)},
                "cues": columns["cues"][i],
            }
            if tone:
                sentence.update(tone=tones[i], tone_scores=tone_scores[i])
            sentence.update(source=sources[i], cue=cue_words[i], quote_type=quote_types[i], actors=actors[i])
            sentences.append(sentence)
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet, "date": self.date, "url": self.url,
            "lang": self.lang, "n_sentences": len(sentences), "dropped_lines": len(self.dropped),
            "frames": self._summary(),
            "tone": self.tone_summary() or None,
            "sentences": sentences,
        }


def _values(column: pd.Series) -> list:
    """Column values as plain Python, missing values as None (pandas may store them as NaN)."""
    return [None if isinstance(v, float) and v != v else v for v in column.tolist()]


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def score_article(model: "FrameModel", text: str, *, title: str | None = None, outlet: str | None = None,
                  date: str | None = None, url: str | None = None, id: str | None = None,
                  lang: str | None = None) -> ScoredArticle:
    """Split ``text`` into sentences and score each with ``model``.

    Boilerplate lines (share buttons, site names, bylines) are left out and listed in
    ``dropped``. A given ``title`` is scored as the first row (``kind="title"``).
    Raises :class:`InputError` for empty or oversized text and
    :class:`UnsupportedLanguageError` when the article is neither Arabic nor English.
    """
    check_text(text, "article")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"article: {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,} per article")
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(f"unsupported language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    article_lang = lang or detect_language(text)
    if article_lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            "article is not in a supported language (Arabic or English); pass lang='ar' or 'en' to force one"
        )
    pieces = split_sentences(text, lang)
    kept = [s for s in pieces if s.kind != "boilerplate"]
    dropped = [s.text for s in pieces if s.kind == "boilerplate"]
    rows = [("title", title, -1, -1)] if title and title.strip() else []
    rows += [(s.kind, s.text, s.start, s.end) for s in kept]
    if not rows:
        raise InputError("article: no sentences found (only boilerplate lines)")
    columns = model._classify_columns([r[1] for r in rows], lang, cues=3)
    # Attribution across sentences: "He added..." / "وأضاف أن..." takes the previous speaker.
    from framing.attribution import attribute_sentences

    carried = attribute_sentences(columns["text"], columns["lang"])
    columns["source"] = [a.source for a in carried]
    columns["cue"] = [a.cue for a in carried]
    columns["quote_type"] = [a.quote_type for a in carried]
    n = len(rows)
    meta = {
        "article_id": [id or article_id(text)] * n,
        "outlet": [outlet] * n,
        "date": [date] * n,
        "title": [title] * n,
        "sentence_index": np.arange(n),
        "kind": [r[0] for r in rows],
        "start": np.asarray([r[2] for r in rows]),
        "end": np.asarray([r[3] for r in rows]),
    }
    from framing.models.model import columns_frame

    sentences = columns_frame({**meta, **columns})
    return ScoredArticle(
        id=id or article_id(text), lang=article_lang, frames=model.frames, sentences=sentences,
        title=title, outlet=outlet, date=date, url=url, dropped=dropped,
    )
