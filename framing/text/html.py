"""Extract an article's title, body text and date from a raw HTML page (trafilatura), and read
the charset an HTML page declares for itself."""

from __future__ import annotations

import re
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


def has_article_text(extracted: ExtractedArticle) -> bool:
    """Whether an extracted page has article text beyond its title: a body line that scoring keeps
    (not boilerplate: menus, share buttons, site names, bylines; the rule of
    :func:`framing.text.segment.split_sentences`) and that is not the title again. A page with only
    a title, or a title and navigation, has none."""
    from framing.text.segment import same_as_title, split_sentences

    return any(s.kind != "boilerplate" and not same_as_title(s.text, extracted.title or "")
               for s in split_sentences(extracted.text))


def require_article_text(extracted: ExtractedArticle, where: str = "html") -> ExtractedArticle:
    """``extracted`` itself, or :class:`InputError` (the message :func:`extract_article` gives
    for a page without a body) when it has no article text beyond its title."""
    if not has_article_text(extracted):
        raise InputError(f"{where}: no article text found in the HTML page (only a title, navigation or boilerplate)")
    return extracted


CHARSET_SCAN_BYTES = 8192  # a page's charset declaration is looked for in its first 8 KB

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_META = re.compile(r"<meta\b([^>]*)>", re.I)
_ATTR = re.compile(r"""([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_CONTENT_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"';,]+)""", re.I)
_XML_DECLARATION = re.compile(r"""\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([^"'\s]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, as written (not checked), or ``None``: ``<meta charset="...">``, else
    ``<meta http-equiv="Content-Type" content="text/html; charset=...">`` (the first such meta tag
    outside comments in the first :data:`CHARSET_SCAN_BYTES` bytes), else the ``encoding`` of an
    XML declaration opening the file. Only ASCII-compatible markup is read (a UTF-16 page has NUL
    bytes and is refused as binary before this)."""
    head = _COMMENT.sub(" ", data[:CHARSET_SCAN_BYTES].decode("latin-1"))
    for tag in _META.finditer(head):
        attrs: dict[str, str] = {}
        for m in _ATTR.finditer(tag.group(1)):
            attrs.setdefault(m.group(1).lower(), next((v for v in m.group(2, 3, 4) if v is not None), ""))
        label = attrs.get("charset", "").strip().rstrip("/")
        if not label and attrs.get("http-equiv", "").strip().lower() == "content-type":
            found = _CONTENT_CHARSET.search(attrs.get("content", ""))
            label = found.group(1) if found else ""
        if label:
            return label
    found = _XML_DECLARATION.match(head)
    return found.group(1) if found else None

