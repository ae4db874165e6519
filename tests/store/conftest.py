import pytest


@pytest.fixture
def store_url(any_db):
    """The store tests' database: each of ``any_db`` (tests/conftest.py) in turn."""
    return any_db
