"""Request and response models of the HTTP API (they also document it at ``/docs``)."""

from __future__ import annotations

from datetime import date as _date, datetime, timezone
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from framing.limits import MAX_BATCH, MAX_TEXT_CHARS


def parse_iso_date(value: str, field: str = "date") -> str:
    """Normalize an ISO 8601 date or date-time; raise ``ValueError`` naming the field otherwise,
    also for a date-time whose UTC time falls outside years 1 to 9999 (the store keys dates in UTC)."""
    text = value.strip()
    try:
        if len(text) == 10:
            return _date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{field} must be an ISO 8601 date such as 2024-10-03 or 2024-10-03T08:30:00Z, got {value!r}") from None
    try:
        if moment.tzinfo is not None:
            moment.astimezone(timezone.utc)
    except OverflowError:
        raise ValueError(f"{field} {value!r} is out of range: in UTC it falls outside 0001-01-01 to 9999-12-31") from None
    return moment.isoformat()


class ArticleIn(BaseModel):
    """One article: plain ``text`` or a raw ``html`` page (the article body is extracted)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "The Kremlin said preparations for an official visit are under way.",
                      "outlet": "Example Times", "date": "2024-10-03", "id": "a-1", "store": True}],
    })

    text: Optional[str] = Field(None, max_length=MAX_TEXT_CHARS, description="article text (plain)")
    html: Optional[str] = Field(None, max_length=2 * MAX_TEXT_CHARS, description="raw HTML page; title and body are extracted")
    title: Optional[str] = Field(None, max_length=2000)
    outlet: Optional[str] = Field(None, max_length=500)
    date: Optional[str] = Field(None, description="ISO 8601 date or date-time")
    url: Optional[str] = Field(None, max_length=4000,
                               description="re-posting it (without an id, or with a new one) updates the article stored "
                                           "with it; an existing id with a url another article has is a 409")
    id: Optional[str] = Field(None, min_length=1, max_length=200,
                              description="your id; re-posting it updates the stored article. Any characters, '/' included: "
                                          "read it back as GET /v1/articles/{id} with '/' sent as is or as %2F")
    lang: Optional[Literal["ar", "en"]] = Field(None, description="force a language instead of detecting it")
    store: bool = Field(False, strict=True, description="keep the scored article in the store (JSON true/false only)")

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None or not value.strip() else parse_iso_date(value)

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class BatchIn(BaseModel):
    """Up to MAX_BATCH articles, scored all or nothing."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(..., min_length=1, description=f"at most {MAX_BATCH} articles")


class SentenceOut(BaseModel):
    """One sentence row of :mod:`framing.schema` as JSON (your annotators' columns are added)."""

    model_config = ConfigDict(extra="allow")

    index: int
    kind: str
    text: str
    lang: str
    start: int
    end: int
    labels: list[str]
    scores: Optional[dict[str, Optional[float]]]
    cues: dict[str, list[str]]
    tone: Optional[str] = None
    tone_scores: Optional[dict[str, float]] = None
    source: Optional[str] = None
    cue: Optional[str] = None
    quote_type: Optional[str] = None
    actors: list[str] = []


class FrameSummary(BaseModel):
    """One frame over an article's sentences."""

    share: float
    mean_probability: float
    sentences: int
    present: bool


class ToneSummary(BaseModel):
    """One tone over an article's sentences."""

    sentences: int
    share: float
    mean_probability: float


class ScoredArticleOut(BaseModel):
    """A scored article: metadata, summaries and sentences."""

    id: str
    title: Optional[str]
    outlet: Optional[str]
    date: Optional[str]
    url: Optional[str]
    lang: str
    n_sentences: int
    dropped_lines: int
    frames: dict[str, FrameSummary]
    tone: Optional[dict[str, ToneSummary]] = None
    sentences: list[SentenceOut]
    stored: bool = False


class BatchOut(BaseModel):
    """Scored articles of a batch, in request order."""

    articles: list[ScoredArticleOut]


class ArticleSummary(BaseModel):
    """A stored article without its sentences."""

    id: str
    url: Optional[str]
    outlet: Optional[str]
    date: Optional[str]
    title: Optional[str]
    lang: str
    n_sentences: Optional[int]
    frames: Optional[dict[str, FrameSummary]]
    updated_at: str


class ArticleList(BaseModel):
    """A page of stored articles."""

    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class CompareRow(BaseModel):
    """Prevalence of one frame in one group."""

    group: Optional[str]
    articles: int
    frame: str
    mean_share: float
    share_of_articles: float


class CompareOut(BaseModel):
    """Frame prevalence per group over stored articles."""

    by: str
    rows: list[CompareRow]


class SpeakerRow(BaseModel):
    """One speaker over stored articles (``framing.analysis.speakers``)."""

    model_config = ConfigDict(extra="allow")  # the frame counts, one field per frame

    speaker: str
    lang: Optional[str]
    source_type: Optional[str]
    source_types: str
    sentences: int
    articles: int
    outlets: int


class SpeakersOut(BaseModel):
    """Who is quoted in the stored articles, most quoted first."""

    total: int
    speakers: list[SpeakerRow]


class ErrorOut(BaseModel):
    """Every error: a message and the HTTP status."""

    error: str
    status: int
