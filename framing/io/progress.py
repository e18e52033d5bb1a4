"""Progress on a terminal and one summary line at the end, for long commands.

A bar (a counter line redrawn in place) goes to stderr only when stderr is a terminal, never
when the output itself is going to that terminal, and never with ``--quiet``; the summary line
("scored 1,980 articles, 19,380 sentences in 17 s -> out.parquet") goes to stderr unless
``--quiet``. No dependency beyond the standard library.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Iterable, Iterator


def plural(n: int, word: str) -> str:
    """``1 article``, ``1,980 articles``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def elapsed(seconds: float) -> str:
    """``0.4 s``, ``17 s``, ``1 min 51 s``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes} min {rest} s"


class Progress:
    """A counter line on stderr, redrawn at most every ``interval`` seconds.

    ``enabled`` is False unless ``stream`` is a terminal, ``quiet`` is off and the command's
    output does not go to the same terminal (``output_to_terminal``).
    """

    def __init__(self, label: str, quiet: bool = False, output_to_terminal: bool = False,
                 stream: IO[str] | None = None, interval: float = 0.2):
        self.stream = stream if stream is not None else sys.stderr
        self.label, self.interval = label, interval
        self.enabled = not quiet and not output_to_terminal and _isatty(self.stream)
        self.start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, **counts: int) -> None:
        """Redraw with the current counts (``articles=12, sentences=140``)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        parts = ", ".join(plural(v, k.rstrip("s")) for k, v in counts.items())
        self.stream.write(f"\r{self.label}: {parts} ({elapsed(now - self.start)})\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the line."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def seconds(self) -> float:
        """Seconds since the start."""
        return time.monotonic() - self.start


def summary(message: str, quiet: bool = False, stream: IO[str] | None = None) -> None:
    """The one summary line at the end of a command (stderr; nothing with ``--quiet``)."""
    if not quiet:
        print(message, file=stream if stream is not None else sys.stderr)


def counted_articles(articles: Iterable, progress: Progress, tally: dict[str, int]) -> Iterator:
    """Pass scored articles through, counting articles and sentences into ``tally`` and the bar."""
    for article in articles:
        tally["articles"] += 1
        tally["sentences"] += len(article.sentences)
        progress.update(articles=tally["articles"], sentences=tally["sentences"])
        yield article


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
