"""The one SQL dialect layer: SQLite (default, one file) and PostgreSQL (``postgresql://`` URLs).

All SQL in :mod:`newsfuse.store` is written once, with ``?`` placeholders and the subset both
databases share (``ON CONFLICT``, ``LIKE … ESCAPE``, ``COALESCE``); this module opens the
connection, adapts placeholders for psycopg (``%s``) and runs transactions the same way for both.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("newsfuse.store")

# How long a SQLite writer waits for another process's lock before failing (ms); a batch
# commit takes milliseconds, so 10 s only expires when something is really stuck.
SQLITE_BUSY_TIMEOUT_MS = 10_000

# PostgreSQL advisory lock keys (any 64-bit numbers no other program on the database uses; these
# are the ASCII of "nfwrite" and "nfplace").  WRITE_LOCK_KEY is taken by every write transaction,
# so that writers of several servers commit one after another, as SQLite's single writer does:
# an article's ``seq`` (the highest stored plus one) is then unique and follows the commit order,
# which is what lets a server catch up with the articles others stored (``Store.articles_since``).
# PLACE_LOCK_KEY is held for a whole story-placement round (``Store.placing``).
WRITE_LOCK_KEY = int.from_bytes(b"nfwrite", "big")
PLACE_LOCK_KEY = int.from_bytes(b"nfplace", "big")


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


@dataclass
class Connection:
    """A DB-API connection plus what differs between the two databases."""

    raw: Any
    dialect: str  # "sqlite" or "postgresql"
    target: str  # file path or URL without password, for messages
    # The thread inside :meth:`transaction` on this connection, if any: its reads must see its own
    # uncommitted writes, so they go to this connection (see ``Store._reading``).
    owner: int | None = field(default=None, init=False, repr=False, compare=False)

    def sql(self, statement: str) -> str:
        if self.dialect == "postgresql":
            if "%" in statement:
                # psycopg would read a literal % as a placeholder; all our patterns go in as parameters.
                raise ValueError("literal % in SQL: pass it as a parameter")
            return statement.replace("?", "%s")
        return statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(self.sql(statement), _safe_params(params))

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self.execute(statement, params).fetchall())

    def one(self, statement: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(statement, params).fetchone()
        return tuple(row) if row is not None else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; committed (and, for SQLite, synced to disk) when the block ends."""
        self.owner = threading.get_ident()
        try:
            if self.dialect == "postgresql":
                with self.raw.transaction():
                    self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
                    yield
                return
            # IMMEDIATE takes the write lock at the start, so two writers never deadlock on upgrade.
            self.raw.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.raw.execute("ROLLBACK")
                raise
            self.raw.execute("COMMIT")
        finally:
            self.owner = None

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: the statements in it see one committed state (SQLite in WAL mode
        takes its snapshot at the first read; it never waits for a writer, nor a writer for it).
        Inside :meth:`transaction` it is that transaction."""
        if self.owner is not None:
            yield
            return
        if self.dialect == "postgresql":
            with self.raw.transaction():
                yield
            return
        self.raw.execute("BEGIN")
        try:
            yield
        finally:
            self.raw.execute("COMMIT")

    def close(self) -> None:
        self.raw.close()


# What neither database can hold: PostgreSQL refuses NUL in text, and a lone surrogate cannot be
# encoded as UTF-8 by either driver.  Text is sanitised where it comes in (readers/sanitize.py, with a
# note); this is the last line, so that a value that slipped through (a search term, a record
# stored by an older version) is a cleaned value, not a failed statement.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _safe_params(params: Sequence[Any]) -> tuple[Any, ...]:
    out = tuple(params)
    if not any(isinstance(p, str) and _UNSTORABLE.search(p) for p in out):
        return out
    log.warning("NUL or lone surrogate in an SQL parameter: removed/replaced (it should have been cleaned on input)")
    return tuple(
        _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", p) if isinstance(p, str) else p for p in out
    )


def _redact(url: str) -> str:
    head, sep, tail = url.partition("@")
    if not sep:
        return url
    scheme, _, cred = head.partition("://")
    user = cred.split(":", 1)[0]
    return f"{scheme}://{user}:***@{tail}"


def sqlite_path(url: str) -> str | None:
    """The SQLite file (or ``:memory:``) that ``url`` names; ``None`` for PostgreSQL."""
    if is_postgres(url):
        return None
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url


def connect(url: str, readonly: bool = False) -> Connection:
    """Open ``url``: a ``postgresql://`` URL, or a SQLite file path (``sqlite:///path`` also accepted).

    ``readonly``: a connection for reads only (the store's readers), on a database that the
    writing connection has already opened, created and migrated.
    """
    if not url or not url.strip():
        raise ValueError("empty database location: give a SQLite file path or a postgresql:// URL")
    if is_postgres(url):
        try:
            import psycopg
        except ImportError as exc:  # the "web" extra
            raise ValueError("PostgreSQL needs psycopg: pip install 'newsfuse[web]'") from exc
        try:
            pg: Any = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            raise ValueError(f"cannot connect to {_redact(url)}: {str(exc).strip()}") from exc
        return Connection(pg, "postgresql", _redact(url))
    path = sqlite_path(url) or url
    if "://" in path:
        raise ValueError(f"unsupported database URL {url!r}: use a file path or postgresql://")
    p = Path(path)
    if p.is_dir():
        raise ValueError(f"database path is a directory: {p}")
    if path != ":memory:":
        p.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves; check_same_thread=False because the
    # web app's worker threads take turns on one connection (the store's lock, or its pool of
    # reading connections, makes sure only one thread uses it at a time).
    lite = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    raw: Any = lite
    raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    if readonly:
        raw.execute("PRAGMA query_only = ON")
        return Connection(raw, "sqlite", path)
    if path != ":memory:":
        raw.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before we acknowledge it (WAL + NORMAL could lose the last
    # commits on a power cut; we promise acknowledged articles survive).
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA foreign_keys = ON")
    return Connection(raw, "sqlite", path)
