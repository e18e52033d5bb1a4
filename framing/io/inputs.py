"""Safe reading of user input: size limits, binary detection, strict UTF-8 with clear errors
(an HTML page that is not UTF-8 is read in the charset it declares)."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from framing.errors import InputError

from framing.limits import MAX_ARTICLE_BYTES, MAX_CORPUS_BYTES, MAX_LINE_CHARS
from framing.text.lines import split_lines

__all__ = ["MAX_ARTICLE_BYTES", "MAX_CORPUS_BYTES", "MAX_LINE_CHARS", "decode_bytes", "iter_lines",
           "read_text_file", "split_lines"]


def _size_mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def decode_bytes(data: bytes, where: str, html: bool | None = False) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary data and other encodings clearly.

    An HTML page (``html=True``; ``None``: when the bytes look like one) that is not valid UTF-8
    and has no UTF-8 BOM is decoded in the charset it declares (``<meta charset>``, the
    ``Content-Type`` meta tag or an XML declaration; see :func:`~framing.text.html.declared_charset`);
    a charset Python does not know, or bytes not valid in it, are an :class:`InputError` naming it.
    """
    if b"\x00" in data[:65536]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)  # utf-8-sig counts after it
    if html is not False and not data.startswith(codecs.BOM_UTF8):  # a BOM says UTF-8, whatever a tag says
        decoded = _decode_declared(data, where, html)
        if decoded is not None:
            return decoded
    raise InputError(
        f"{where}: not valid UTF-8 (byte 0x{data[bad]:02x} at offset {bad}); "
        f"convert it first, e.g. `iconv -f {_likely_encoding(data)} -t UTF-8`"
    )


# WHATWG Encoding Standard: browsers read these labels as the superset encodings, which real pages
# declaring them are written in (an "iso-8859-1" page has Windows-1252 quotes and dashes)
_WEB_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
                  "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "euc_kr": "cp949",
                  "shift_jis": "cp932"}
_WEB_LABELS = {"windows-874": "cp874", "iso-8859-8-i": "iso8859-8", "x-sjis": "cp932", "x-gbk": "gb18030",
               "x-mac-roman": "mac-roman", "x-mac-cyrillic": "mac-cyrillic"}
# Python codecs that are not web charsets for ASCII-compatible markup (a page whose meta tag we
# could read is none of them); WHATWG reads a UTF-16 label in such a page as UTF-8
_NOT_WEB = ("utf-16", "utf-32", "utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna")
_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"  # markup a web charset reads as ASCII (EBCDIC, HZ do not)


def _decode_declared(data: bytes, where: str, html: bool | None) -> str | None:
    """``data`` decoded in the charset the HTML page declares; ``None`` where it is not HTML or
    declares none (or UTF-8), so the caller's not-UTF-8 error stands."""
    from framing.text.html import declared_charset, looks_like_html

    if html is None and not looks_like_html(data[:4096].decode("latin-1")):
        return None
    label = declared_charset(data)
    if label is None:
        return None
    shown = "".join(c if " " < c < "\x7f" else "?" for c in label[:40]) + ("..." if len(label) > 40 else "")
    convert = f"convert it first, e.g. `iconv -f {_likely_encoding(data)} -t UTF-8`"
    try:
        codec = codecs.lookup(_WEB_LABELS.get(label.lower(), label)).name
        # LookupError too for bytes-to-bytes codecs (base64, rot13 ...): no text encodings
        reads_ascii = _ASCII.decode(codec, "replace") == _ASCII.decode("ascii")
    except (LookupError, ValueError, TypeError):
        raise InputError(f"{where}: not valid UTF-8 and its declared charset {shown!r} is not a text encoding "
                         f"Python knows; {convert}") from None
    if codec.startswith(("utf-8",) + _NOT_WEB) or not reads_ascii:
        if codec.startswith(("utf-8", "utf-16", "utf-32")):
            return None  # a UTF-8 page (as far as it says) with bad bytes: the plain not-UTF-8 error
        raise InputError(f"{where}: not valid UTF-8 and its declared charset {shown!r} is not a web page encoding; "
                         f"{convert}")
    for candidate in dict.fromkeys((_WEB_SUPERSETS.get(codec, codec), codec)):
        try:
            return data.decode(candidate)
        except UnicodeDecodeError as exc:
            error = exc
    raise InputError(f"{where}: not valid in its declared charset {shown!r} (byte 0x{data[error.start]:02x} at offset "
                     f"{error.start}) nor in UTF-8; {convert}")


def _likely_encoding(data: bytes) -> str:
    """The legacy encoding to suggest: Windows-1256 where its reading gives mostly Arabic letters
    (old Arabic news sites), else Windows-1252 (Western European text)."""
    sample = data[:65536]
    high = [b for b in sample if b >= 0x80]
    arabic = sum(1 for ch in sample.decode("cp1256", errors="replace") if "\u0600" <= ch <= "\u06ff")
    return "WINDOWS-1256" if high and arabic >= 0.6 * len(high) else "WINDOWS-1252"


def read_text_file(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES, html: bool | None = False) -> str:
    """Read a whole text file (an article) with size, binary and encoding checks.

    ``html``: the file is an HTML page (``True``), may be one (``None``: when its content looks
    like one), or is plain text (``False``); a page not in UTF-8 is read in its declared charset
    (:func:`decode_bytes`)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"{path}: file is {_size_mb(size)}; one article may be at most {_size_mb(max_bytes)} "
            "(for many articles use a corpus file: .jsonl, .csv or .parquet)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_bytes(data, str(path), html)


def _open_binary(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        return open(p, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def iter_lines(path: str, max_chars: int = MAX_LINE_CHARS) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` for each line of a file (``-`` is standard input).

    Streams, so files of any size work; each line is decoded strictly and checked.
    Blank lines are yielded too (as empty strings) so output can keep input order.
    """
    handle = _open_binary(path)
    name = "<stdin>" if path == "-" else path
    try:
        for number, raw in enumerate(handle, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                raise InputError(f"{name}:{number}: looks like binary data, not text")
            try:
                line = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}:{number}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); convert the file first, "
                    "e.g. `iconv -f WINDOWS-1256 -t UTF-8`"
                ) from None
            if len(line) > max_chars:
                raise InputError(
                    f"{name}:{number}: line is {len(line):,} characters; the limit is {max_chars:,} "
                    "(classify takes one sentence per line; use `framing score` for articles)"
                )
            yield number, line
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
