"""Limits and defaults, in one place. Every limit here is enforced with a clear one-line error
and documented in the README ("Limits")."""

from __future__ import annotations

# --- input sizes -------------------------------------------------------------------------------
MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # one article file (txt/html); a real article is < 200 kB
MAX_ARTICLE_CHARS = 1_000_000  # one article's text, after HTML extraction
MAX_LINE_CHARS = 100_000  # one input line for `classify` (a sentence or paragraph)
MAX_CORPUS_BYTES = 2 * 1024 * 1024 * 1024  # a corpus file read into memory

# --- HTTP API ----------------------------------------------------------------------------------
MAX_BODY_BYTES = 2 * 1024 * 1024  # one request body
MAX_DRAIN_BYTES = 16 * 1024 * 1024  # an oversized body is read and dropped up to here, so the client reads the 413
MAX_BATCH = 50  # articles per batch request
MAX_TEXT_CHARS = MAX_ARTICLE_CHARS  # `text` of one posted article (`html` may be twice as long)
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_DB = "framing-store.sqlite"

# --- scoring defaults --------------------------------------------------------------------------
DEFAULT_CUES = 3  # cue terms shown per predicted frame
CLASSIFY_BATCH = 4096  # sentences scored per vectorized batch in memory
CLI_CHUNK = 2048  # input lines read before `framing classify` writes output
PARQUET_ROW_GROUP_ARTICLES = 200  # articles per Parquet row group in `framing score`
