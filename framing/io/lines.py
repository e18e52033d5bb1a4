"""Sentences one per line (``framing classify``): read, scored in chunks, written as they go."""

from __future__ import annotations

from typing import IO, Callable, Iterable, Iterator, NamedTuple

from framing.errors import FramingError, InputError, UnsupportedLanguageError
from framing.io.inputs import iter_lines
from framing.limits import CLI_CHUNK, DEFAULT_CUES
from framing.schema import UNDETERMINED, SentenceTable, SentenceWriter, already_written
from framing.scoring import Scorer


class Classified(NamedTuple):
    """What :func:`classify_lines` did: lines read and lines left unscored (empty, or not Arabic/English)."""

    lines: int
    unscored: int


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _until_error(numbered: Iterable[tuple[int, str]], failed: list) -> Iterator[str]:
    """The lines; a bad line ends them and its error goes to ``failed``."""
    try:
        for _, line in numbered:
            yield line
    except FramingError as exc:
        failed.append(exc)


def classify_lines(scorer: Scorer, source: str, out: IO[str], fmt: str = "jsonl", *, lang: str | None = None,
                   cues: int = DEFAULT_CUES, wide: bool = False, target: str | None = None,
                   on_progress: Callable[[int], None] | None = None, chunk: int = CLI_CHUNK) -> Classified:
    """Score one sentence per line of ``source`` (a path; ``-`` is stdin) and write one row per
    line, in order, to ``out`` as ``fmt`` (jsonl, csv or table), ``chunk`` lines at a time.

    A bad line (binary, not UTF-8, too long) stops the run with :class:`InputError` naming it
    and saying what was already written to ``target`` (the output path; None for stdout). No
    lines, or no line in a supported language, is an error too.
    """
    writer = SentenceTable(out, scorer.frames, wide=wide) if fmt == "table" else SentenceWriter(out, fmt, scorer.frames)
    failed: list[FramingError] = []
    total = unscored = 0
    for lines in _chunks(_until_error(iter_lines(source), failed), chunk):
        table = scorer.classify(lines, lang=lang, cues=cues)
        writer.write(table)
        total, unscored = total + len(lines), unscored + int((table["lang"] == UNDETERMINED).sum())
        if on_progress:
            on_progress(total)
    writer.close()
    if failed and total:  # every line before the bad one is streamed out, or nothing is (-o FILE)
        raise InputError(f"{failed[0]}; {already_written(target, total, 'one per line before it (incomplete output)')}")
    if failed:
        raise failed[0]
    if total == 0:
        raise InputError(f"{source if source != '-' else '<stdin>'}: no input lines")
    if unscored == total:
        raise UnsupportedLanguageError("no line could be scored: lines are empty or not Arabic/English text "
                                       "(use --lang to force a language); "
                                       f"{already_written(target, total, f'all with lang {UNDETERMINED!r}')}")
    return Classified(total, unscored)
