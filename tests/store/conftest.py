import os

import pytest

TABLES = "story_terms, stories, articles, raw_documents, schema_migrations"


def _reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {TABLES} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    url = os.environ.get("NEWSFUSE_TEST_PG")
    if not url:
        pytest.skip("NEWSFUSE_TEST_PG is not set (see .ci/start-postgres)")
    _reset_pg(url)
    yield url
    _reset_pg(url)
