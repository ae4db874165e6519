from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.web.app import _load_paths, create_app
from newsfuse.web.settings import Settings

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"


def test_serve_load_ingests_once_and_builds_stories(tmp_path) -> None:
    app = create_app(Settings(db=str(tmp_path / "s.sqlite")))
    with TestClient(app) as client:
        _load_paths(app, [str(CORPUS)])
        _load_paths(app, [str(CORPUS)])  # stored once: loading again adds nothing
        health = client.get("/api/health").json()
        assert health["articles"] == len([p for p in CORPUS.iterdir()]) + 1  # the .jsonl holds two records
        assert health["stories"] >= 1 and health["unassigned"] == 0
        with pytest.raises(FileNotFoundError):
            _load_paths(app, [str(tmp_path / "missing")])
