"""Safe reading of user input: size limits, binary detection, strict UTF-8 with clear errors."""

from __future__ import annotations

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


def decode_bytes(data: bytes, where: str) -> str:
    """Decode UTF-8 (with or without BOM); refuse binary data and other encodings clearly."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{where}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"convert it first, e.g. `iconv -f {_likely_encoding(data)} -t UTF-8`"
        ) from None


def _likely_encoding(data: bytes) -> str:
    """The legacy encoding to suggest: Windows-1256 where its reading gives mostly Arabic letters
    (old Arabic news sites), else Windows-1252 (Western European text)."""
    sample = data[:65536]
    high = [b for b in sample if b >= 0x80]
    arabic = sum(1 for ch in sample.decode("cp1256", errors="replace") if "\u0600" <= ch <= "\u06ff")
    return "WINDOWS-1256" if high and arabic >= 0.6 * len(high) else "WINDOWS-1252"


def read_text_file(path: str | Path, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Read a whole text file (an article) with size, binary and encoding checks."""
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
    return decode_bytes(data, str(path))


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
