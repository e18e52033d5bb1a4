"""Extract an article's title, body text and date from a raw HTML page (trafilatura)."""

from __future__ import annotations

from typing import NamedTuple

from framing.errors import InputError


class ExtractedArticle(NamedTuple):
    """Article body, title and date extracted from an HTML page."""
    title: str | None
    text: str
    date: str | None


def extract_article(html: str, where: str = "html") -> ExtractedArticle:
    """Return the main text of a news page, without menus, banners, share buttons and footers."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # malformed markup can raise from lxml
        raise InputError(f"{where}: cannot parse HTML ({exc.__class__.__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{where}: no article text found in the HTML page")
    return ExtractedArticle(getattr(doc, "title", None) or None, text, getattr(doc, "date", None) or None)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` looks like an HTML page rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)
