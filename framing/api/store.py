"""Persistent article store: one SQLite file in WAL mode, schema-versioned.

Durability: every write is one transaction committed with ``synchronous=FULL`` before the API
answers, so an acknowledged article survives ``kill -9`` of the server (and a power cut, as far
as the disk honours fsync). Re-posting the same ``id`` (or the same ``url``) updates the stored
article instead of adding a duplicate; an existing ``id`` posted with a ``url`` that another
stored article has is a :class:`UrlConflictError` (one url, one article). A batch is stored by
:meth:`ArticleStore.upsert_many` in one transaction: all of it or none of it.

Dates: each row keeps the article's ``date`` as given (ISO 8601) and a normalized UTC key,
``date_utc`` (``YYYY-MM-DDTHH:MM:SS.ffffffZ``, fixed width, so text order is time order). A date-time
with an offset is converted to UTC, one without an offset is taken as UTC, a bare date is its
day's 00:00 UTC. A date-time whose UTC time falls outside years 1 to 9999
(``0001-01-01T00:00:00+05:00``) is refused (:class:`InputError`), never stored as undated. Range
filters (``since``/``until``) compare these keys; a bare-date bound covers the whole day
(``until=2024-10-03`` keeps ``2024-10-03T23:59:59Z``).

Schema versions: v1 had no ``date_utc``; opening a v1 store for writing migrates it in one
transaction (adds the column and index, fills it from ``date``). A store opened with
``readonly=True`` (``framing export``) is never written: not created, not migrated, not switched
to WAL; an old-version store is filtered on its ``date`` column in Python instead.

Older framing wrote the keys of years before 1000 unpadded (``999-01-01T…``, out of order):
opening a store for writing re-keys such rows (no schema change: every other key is already
right), and a read-only store that has any is filtered in Python like an old-version one.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from datetime import date as _date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

from framing.errors import InputError

SCHEMA_VERSION = 2
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
    updated_at  TEXT NOT NULL,
    date_utc    TEXT
);
CREATE INDEX IF NOT EXISTS articles_outlet_date ON articles (outlet, date);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_date_utc ON articles (date_utc);
"""
_KEY_LENGTH = len("2024-10-03T08:30:00.000000Z")
# Rows whose key is not fixed width (years before 1000 keyed by older framing), found by a scan of
# the date_utc index alone (the table rows hold whole articles).
_STALE_KEYS = f"SELECT rowid FROM articles WHERE length(date_utc) != {_KEY_LENGTH}"


class UrlConflictError(InputError):
    """An article's ``url`` is already stored under another existing id (HTTP 409).

    ``index`` is the article's position in the :meth:`ArticleStore.upsert_many` call.
    """

    def __init__(self, article_id: str, url: str, owner: str, index: int = 0):
        self.index = index
        super().__init__(f"cannot store article {article_id!r}: url {url!r} is already stored as article {owner!r} "
                         f"(post it with id {owner!r} to update that article)")


def _parse(value: str) -> tuple[datetime, bool]:
    """``(UTC datetime, is_bare_date)`` of an ISO 8601 date or date-time; ``ValueError`` otherwise,
    also when its UTC time falls outside years 1 to 9999."""
    text = value.strip()
    if len(text) == 10:
        return datetime.combine(_date.fromisoformat(text), datetime.min.time(), timezone.utc), True
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # no offset given: taken as UTC
    try:
        return moment.astimezone(timezone.utc), False
    except OverflowError:
        raise ValueError(f"{value!r} falls outside 0001-01-01 to 9999-12-31 in UTC") from None


def _key(moment: datetime) -> str:
    """The fixed-width key of a UTC datetime (``isoformat`` pads the year to four digits, where
    ``strftime('%Y')`` writes year 999 as ``999``)."""
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def date_key(value: str | None) -> str | None:
    """The stored UTC key of an article date (None when missing, not ISO 8601 or out of range)."""
    if not value:
        return None
    try:
        return _key(_parse(value)[0])
    except ValueError:
        return None


def _bound(value: str, name: str) -> tuple[datetime, bool]:
    """:func:`_parse` of a ``since``/``until`` bound; :class:`InputError` naming it otherwise."""
    try:
        return _parse(value)
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """UTC keys ``(since, until_exclusive)`` for a date range: a bare-date ``until`` ends at the
    next midnight UTC (the whole day is in); a date-time ``until`` is inclusive. A bound that is
    not ISO 8601 or falls outside years 1 to 9999 in UTC is an :class:`InputError`."""
    low = _key(_bound(since, "since")[0]) if since else None
    high = None
    if until:
        moment, bare = _bound(until, "until")
        try:
            high = _key(moment + (timedelta(days=1) if bare else timedelta(microseconds=1)))
        except OverflowError:  # the end of 9999-12-31: no upper bound
            high = None
    return low, high


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _switch_to_wal(db: sqlite3.Connection, attempts: int = 50) -> None:
    """``PRAGMA journal_mode=WAL``, retried: while another opener holds the file (two servers
    starting on one new store), SQLite may answer "database is locked" at once instead of waiting
    out the busy timeout."""
    import time

    for attempt in range(attempts):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.1)


class ArticleStore:
    """Thread-safe store of scored articles (one connection per thread).

    ``readonly=True`` opens an existing store without ever writing to it (for exports; works on
    a read-only file or folder).
    """

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if self.path != ":memory:":
            parent = Path(self.path).parent
            if not parent.is_dir():
                raise InputError(f"--db {self.path}: folder {parent} does not exist")
            if readonly and not Path(self.path).is_file():
                raise InputError(f"--db {self.path}: no such store")
        self._local = threading.local()
        self._write_lock = threading.Lock()
        with self._connection() as db:
            try:
                version = db.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                raise InputError(f"{self.path}: not a usable SQLite store ({exc})") from None
            if version > SCHEMA_VERSION:
                raise InputError(f"{self.path}: store schema v{version} is newer than this framing (v{SCHEMA_VERSION})")
            if readonly:
                columns = {r[1] for r in db.execute("PRAGMA table_info(articles)")}
                if not columns:
                    raise InputError(f"{self.path}: not a framing store (no articles table)")
                self._has_date_utc = "date_utc" in columns and db.execute(f"{_STALE_KEYS} LIMIT 1").fetchone() is None
            else:
                self._migrate(db, version)
                self._has_date_utc = True

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        """Create the schema, or bring an older one up to :data:`SCHEMA_VERSION`, in one transaction."""
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # again: another process may have migrated
            exists = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'").fetchone()
            if exists and version < 2:
                db.execute("ALTER TABLE articles ADD COLUMN date_utc TEXT")
                rows = db.execute("SELECT id, date FROM articles WHERE date IS NOT NULL").fetchall()
                db.executemany("UPDATE articles SET date_utc = ? WHERE id = ?", [(date_key(r["date"]), r["id"]) for r in rows])
            for statement in filter(str.strip, _SCHEMA.split(";")):
                db.execute(statement)
            stale = db.execute(f"SELECT rowid, date FROM articles WHERE rowid IN ({_STALE_KEYS})").fetchall()
            db.executemany("UPDATE articles SET date_utc = ? WHERE rowid = ?",
                           [(date_key(r["date"]), r["rowid"]) for r in stale])
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                db = self._connect_readonly()
            else:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
                _switch_to_wal(db)
                db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: not a usable SQLite store ({exc})") from None
        db.row_factory = sqlite3.Row
        return db

    def _connect_readonly(self) -> sqlite3.Connection:
        from urllib.parse import quote

        uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError:
            # A WAL store in a folder we cannot write (no -shm file can be made): nobody can be
            # writing to it either, so read it as an immutable file.
            db.close()
            return sqlite3.connect(uri + "&immutable=1", uri=True, timeout=30, isolation_level=None,
                                   check_same_thread=False)

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
        return self.upsert_many([(article, text)], model)[0]

    def upsert_many(self, items: list[tuple[dict[str, Any], str]], model: str | None = None) -> list[str]:
        """Store several ``(article, text)`` pairs in one transaction (all or none); the stored ids.

        :class:`UrlConflictError` when an article's url is stored under another existing id;
        :class:`InputError` when its date is not ISO 8601 or out of range in UTC."""
        if self.readonly:
            raise InputError(f"{self.path}: store is open read-only")
        now = _now()
        stored: list[str] = []
        with self._write_lock, self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                for article, text in items:
                    stored.append(self._upsert_one(db, article, text, model, now))
                db.execute("COMMIT")
            except UrlConflictError as exc:
                db.execute("ROLLBACK")
                exc.index = len(stored)
                raise
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return stored

    @staticmethod
    def _stored_id(db: sqlite3.Connection, article_id: str, url: str | None) -> str:
        """The id to store an article under: its own, or that of the article stored with the same
        url when its own id is new; :class:`UrlConflictError` when both are stored, apart."""
        if not url:
            return article_id
        owner = db.execute("SELECT id FROM articles WHERE url = ? AND id != ?", (url, article_id)).fetchone()
        if owner is None:
            return article_id
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            return owner["id"]  # same page posted again under another id
        raise UrlConflictError(article_id, url, owner["id"])

    @classmethod
    def _upsert_one(cls, db: sqlite3.Connection, article: dict[str, Any], text: str, model: str | None, now: str) -> str:
        date, key = article.get("date"), date_key(article.get("date"))
        if date and key is None:
            raise InputError(f"cannot store article {article['id']!r}: date {date!r} is not ISO 8601 "
                             "or falls outside 0001-01-01 to 9999-12-31 in UTC")
        stored_id = cls._stored_id(db, article["id"], article.get("url"))
        result = json.dumps({**article, "id": stored_id}, ensure_ascii=False)
        db.execute(
            """INSERT INTO articles (id, url, outlet, date, date_utc, title, lang, text, result, model, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET url=excluded.url, outlet=excluded.outlet, date=excluded.date,
                 date_utc=excluded.date_utc, title=excluded.title, lang=excluded.lang, text=excluded.text,
                 result=excluded.result, model=excluded.model, updated_at=excluded.updated_at""",
            (stored_id, article.get("url"), article.get("outlet"), date, key,
             article.get("title"), article["lang"], text, result, model, now, now),
        )
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
        """SQL filter on outlet and the UTC date range (see :func:`date_bounds`)."""
        clauses, params = [], []
        if outlet is not None:
            clauses.append("outlet = ?")
            params.append(outlet)
        low, high = date_bounds(since, until)
        if (since or until) and not self._has_date_utc:  # old read-only store: filtered in Python
            return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
        if since is not None:
            clauses.append("date_utc >= ?")
            params.append(low)
        if until is not None:
            clauses.append("date_utc < ?" if high is not None else "date_utc IS NOT NULL")
            params.extend([high] if high is not None else [])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _in_range(self, date: str | None, since: str | None, until: str | None) -> bool:
        if self._has_date_utc or not (since or until):
            return True
        key, (low, high) = date_key(date), date_bounds(since, until)
        return key is not None and (low is None or key >= low) and (high is None or key < high)

    def list(self, outlet: str | None = None, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Article summaries (no sentences), newest date first, with the total count."""
        if (since or until) and not self._has_date_utc:
            raise InputError(f"{self.path}: store has date keys of an older framing; open it for writing once to migrate it")
        where, params = self._where(outlet, since, until)
        order = "date_utc IS NULL, date_utc DESC" if self._has_date_utc else "date IS NULL, date DESC"
        with self._connection() as db:
            total = db.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0]
            rows = db.execute(
                f"SELECT id, url, outlet, date, title, lang, result, updated_at FROM articles{where} "
                f"ORDER BY {order}, id LIMIT ? OFFSET ?", [*params, limit, offset],
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
        or parquet; returns ``(sentences, articles)``. ``since``/``until`` are ISO 8601 dates.
        :class:`InputError` when a date is malformed or no article matches."""
        from framing.api.schemas import parse_iso_date
        from framing.schema import SentenceWriter, table_from_article

        try:
            since = parse_iso_date(since, "--since") if since else None
            until = parse_iso_date(until, "--until") if until else None
        except ValueError as exc:
            raise InputError(str(exc)) from None

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
            for row in db.execute(f"SELECT date, result FROM articles{where} ORDER BY id", params):
                if self._in_range(row["date"], since, until):
                    yield json.loads(row["result"])

    def count(self) -> int:
        """Number of stored articles."""
        with self._connection() as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
