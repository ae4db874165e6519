"""Schema migrations, applied in order and recorded in ``schema_migrations``.

Append a new entry to :data:`MIGRATIONS` for every change; never edit an applied one.  Each
migration is a list of statements in the SQL both SQLite and PostgreSQL accept.
"""

from __future__ import annotations

from datetime import UTC, datetime

from newsfuse.store.dialect import Connection

MIGRATIONS: list[list[str]] = [
    # 1: raw inputs, articles, stories and their filter terms
    [
        """CREATE TABLE raw_documents (
            hash TEXT PRIMARY KEY,
            url TEXT UNIQUE,
            kind TEXT NOT NULL,
            input_format TEXT NOT NULL,
            origin TEXT NOT NULL,
            payload TEXT NOT NULL,
            received_at TEXT NOT NULL,
            article_id TEXT,
            rejection TEXT,
            rejection_detail TEXT
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq BIGINT NOT NULL UNIQUE,
            raw_hash TEXT NOT NULL UNIQUE REFERENCES raw_documents(hash),
            url TEXT UNIQUE,
            outlet TEXT,
            published TEXT,
            story_id TEXT,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX articles_story ON articles(story_id)",
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            first_date TEXT,
            last_date TEXT,
            n_articles INTEGER NOT NULL,
            independent_sources INTEGER NOT NULL,
            search_text TEXT NOT NULL,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX stories_last_date ON stories(last_date)",
        """CREATE TABLE story_terms (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (story_id, kind, value)
        )""",
        "CREATE INDEX story_terms_value ON story_terms(kind, value)",
    ],
    # 2: each story's brief (what a story list shows; see store.StoryBrief), so that a list never
    # decodes whole stories.  NULL for stories stored before: read from their data until rewritten.
    [
        "ALTER TABLE stories ADD COLUMN brief TEXT",
    ],
    # 3: each story's membership key (store.members_key: its articles and what each copies), so that
    # a server placing articles sees which stories another server already stored as they are now.
    # NULL for stories stored before: taken as different (analysed again when next placed).
    [
        "ALTER TABLE stories ADD COLUMN members TEXT",
    ],
]


def schema_version(conn: Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    row = conn.one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Apply every migration not applied yet; returns the schema version now in the database."""
    current = schema_version(conn)
    if current > len(MIGRATIONS):
        raise ValueError(
            f"database {conn.target} has schema version {current}, newer than this newsfuse knows ({len(MIGRATIONS)}): upgrade newsfuse"
        )
    for version in range(current + 1, len(MIGRATIONS) + 1):
        with conn.transaction():
            # Another process may have migrated meanwhile: the version row's primary key makes the
            # loser's transaction fail, and it re-reads the version.
            if schema_version(conn) >= version:
                continue
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (version, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    return schema_version(conn)
