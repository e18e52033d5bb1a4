"""Records of a text file: lines split on ``\\n`` only."""

from __future__ import annotations


def split_lines(text: str) -> list[str]:
    """Split file text into records on ``\\n`` only, dropping one trailing ``\\r`` per line.

    Unlike :meth:`str.splitlines`, this keeps U+2028, U+2029, U+0085, ``\\x1c``-``\\x1e``, ``\\v``
    and ``\\f`` inside a line: JSON strings may contain them raw (``json.dumps(ensure_ascii=False)``
    writes U+2028 as is), so they never end a record and line numbers match what editors show.
    A final newline does not add an empty line.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]
