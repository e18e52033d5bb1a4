"""Errors that carry a message meant for the user (the CLI prints them as one line)."""

from __future__ import annotations


class FramingError(ValueError):
    """Base class for every error caused by input the user gave us."""


class InputError(FramingError):
    """A text, file or request that cannot be processed (empty, binary, not UTF-8, too large)."""


class UnsupportedLanguageError(InputError):
    """The text is not in a supported language (Arabic or English)."""


class CorpusError(FramingError):
    """A labeled corpus file is malformed; the message names file and line for each problem."""

    def __init__(self, problems: list[str], total: int | None = None):
        self.problems = list(problems)
        total = total if total is not None else len(self.problems)
        shown = "; ".join(self.problems[:5])
        more = f" (and {total - 5} more)" if total > 5 else ""
        super().__init__(f"{total} problem(s) in corpus: {shown}{more}")


class CodebookError(FramingError):
    """A codebook file is malformed or inconsistent."""


class ModelError(FramingError):
    """A model file cannot be loaded or does not fit the request."""


class NotScoredError(InputError):
    """A file given as scored sentences lacks the sentence-table columns (e.g. raw articles)."""


class OutputError(FramingError):
    """An output path that cannot be written safely (a directory, a read-only file, a socket)."""


class TrainingError(FramingError):
    """Training could not run with the given parameters or data."""


class InputWarning(UserWarning):
    """Something in the input the user should know about, handled without stopping (the CLI
    prints it as one ``framing: warning:`` line)."""
