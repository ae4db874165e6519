"""Fixtures shared by the store and web tests."""

import os

import pytest

# The store's tables, dropped before and after a test on PostgreSQL.
TABLES = "story_terms, stories, articles, raw_documents, schema_migrations"


def _reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {TABLES} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request, tmp_path):
    """A SQLite file, then (with NEWSFUSE_TEST_PG set, see .ci/start-postgres) an emptied PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    url = os.environ.get("NEWSFUSE_TEST_PG")
    if not url:
        pytest.skip("NEWSFUSE_TEST_PG is not set (see .ci/start-postgres)")
    _reset_pg(url)
    yield url
    _reset_pg(url)
