"""Persistent article store: one SQLite file in WAL mode, schema-versioned.

Durability: every write is one transaction committed with ``synchronous=FULL`` before the API
answers, so an acknowledged article survives ``kill -9`` of the server (and a power cut, as far
as the disk honours fsync). Re-posting the same ``id`` (or the same ``url``) updates the stored
article instead of adding a duplicate.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from framing.errors import InputError

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,
    url         TEXT UNIQUE,
    outlet      TEXT,
    date        TEXT,
    title       TEXT,
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    result      TEXT NOT NULL,
    model       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet_date ON articles (outlet, date);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
"""


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class ArticleStore:
    """Thread-safe store of scored articles (one connection per thread)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise InputError(f"--db {self.path}: folder {parent} does not exist")
        self._local = threading.local()
        self._write_lock = threading.Lock()
        with self._connection() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(f"{self.path}: store schema v{version} is newer than this framing (v{SCHEMA_VERSION})")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a usable SQLite store ({exc})") from None
        db.row_factory = sqlite3.Row
        return db

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._connect()
        yield db

    # -- writes -------------------------------------------------------------------------

    def upsert(self, article: dict[str, Any], text: str, model: str | None = None) -> str:
        """Store a scored article (``ScoredArticle.to_dict()``); return the id it is stored under.

        An existing row with the same id, or else the same url, is replaced in place.
        """
        now = _now()
        with self._write_lock, self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                stored_id = article["id"]
                if article.get("url"):
                    row = db.execute("SELECT id FROM articles WHERE url = ? AND id != ?", (article["url"], stored_id)).fetchone()
                    exists = db.execute("SELECT 1 FROM articles WHERE id = ?", (stored_id,)).fetchone()
                    if row is not None and exists is None:
                        stored_id = row["id"]  # same page posted again under another id
                result = json.dumps({**article, "id": stored_id}, ensure_ascii=False)
                db.execute(
                    """INSERT INTO articles (id, url, outlet, date, title, lang, text, result, model, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET url=excluded.url, outlet=excluded.outlet, date=excluded.date,
                         title=excluded.title, lang=excluded.lang, text=excluded.text, result=excluded.result,
                         model=excluded.model, updated_at=excluded.updated_at""",
                    (stored_id, article.get("url"), article.get("outlet"), article.get("date"), article.get("title"),
                     article["lang"], text, result, model, now, now),
                )
                db.execute("COMMIT")
            except sqlite3.IntegrityError as exc:
                db.execute("ROLLBACK")
                raise InputError(f"cannot store article {article['id']!r}: {exc}") from None
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return stored_id

    # -- reads --------------------------------------------------------------------------

    def get(self, article_id: str) -> dict[str, Any] | None:
        """The stored result for ``article_id`` (with sentences), or None."""
        with self._connection() as db:
            row = db.execute("SELECT result, created_at, updated_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return {**json.loads(row["result"]), "stored_at": row["created_at"], "updated_at": row["updated_at"]}

    def _where(self, outlet: str | None, since: str | None, until: str | None) -> tuple[str, list]:
        clauses, params = [], []
        if outlet is not None:
            clauses.append("outlet = ?")
            params.append(outlet)
        if since is not None:
            clauses.append("date >= ?")
            params.append(since)
        if until is not None:
            clauses.append("date <= ?")
            params.append(until)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list(self, outlet: str | None = None, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Article summaries (no sentences), newest date first, with the total count."""
        where, params = self._where(outlet, since, until)
        with self._connection() as db:
            total = db.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT id, url, outlet, date, title, lang, result, updated_at FROM articles{where} "
                "ORDER BY date IS NULL, date DESC, id LIMIT ? OFFSET ?", [*params, limit, offset],
            ).fetchall()
        items = []
        for row in rows:
            result = json.loads(row["result"])
            items.append({
                "id": row["id"], "url": row["url"], "outlet": row["outlet"], "date": row["date"], "title": row["title"],
                "lang": row["lang"], "n_sentences": result.get("n_sentences"), "frames": result.get("frames"),
                "updated_at": row["updated_at"],
            })
        return total, items

    def export(self, out, fmt: str, outlet: str | None = None, since: str | None = None,
               until: str | None = None) -> tuple[int, int]:
        """Write stored sentence rows (the columns of ``framing score``) to ``out`` as jsonl, csv
        or parquet; returns ``(sentences, articles)``. :class:`InputError` when none match."""
        from framing.schema import SentenceWriter, table_from_article

        rows = articles = 0
        writer = None
        for result in self.iter_results(outlet, since, until):
            table, frames = table_from_article(result)
            writer = writer or SentenceWriter(out, fmt, frames)
            writer.write(table)
            rows, articles = rows + len(table), articles + 1
        if writer is None:
            raise InputError("no stored articles match")
        writer.close()
        return rows, articles

    def iter_results(self, outlet: str | None = None, since: str | None = None, until: str | None = None) -> Iterator[dict[str, Any]]:
        """Every stored result (with sentences), in id order; for exports and comparisons."""
        where, params = self._where(outlet, since, until)
        with self._connection() as db:
            for row in db.execute(f"SELECT result FROM articles{where} ORDER BY id", params):
                yield json.loads(row["result"])

    def count(self) -> int:
        """Number of stored articles."""
        with self._connection() as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
