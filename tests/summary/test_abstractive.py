"""The abstractive backend against a tiny fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from newsfuse.model import Story
from newsfuse.options import Options
from newsfuse.summary import summarize_story

from .test_summarize import bridge_story

REPLY = (
    "Four people were killed when a road bridge over the Tessin river collapsed in Velmora. "
    "Mayor Ilse Brandt ordered an inquiry into the bridge's maintenance. "
    "President Oduya blamed sabotage by 300 foreign agents."  # invented by the "model": must be dropped
)


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length))
        self.server.requests.append(body)  # type: ignore[attr-defined]
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": REPLY}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def fake_server() -> Iterator[HTTPServer]:
    server = HTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_generated_sentences_checked_and_cited(fake_server: HTTPServer) -> None:
    story, by_id = bridge_story()
    opts = Options()
    opts.summary.backend = "openai"
    opts.summary.endpoint = f"http://127.0.0.1:{fake_server.server_port}/v1"
    summarize_story(story, by_id, opts)
    assert fake_server.requests  # type: ignore[attr-defined]
    texts = [s.text for s in story.summary]
    assert any(t.startswith("Four people were killed") for t in texts)
    assert not any("sabotage" in t for t in texts)
    for s in story.summary:
        assert s.sources and s.independent_sources >= 1
    killed = next(s for s in story.summary if s.text.startswith("Four people"))
    assert {"a1", "a2"} <= {src.article for src in killed.sources}


def test_endpoint_down_keeps_extractive() -> None:
    story, by_id = bridge_story()
    opts = Options()
    opts.summary.backend = "openai"
    opts.summary.endpoint = "http://127.0.0.1:9/v1"  # discard port: nothing listens
    summarize_story(story, by_id, opts)
    assert story.summary
    assert any("extractive summary kept" in n for n in story.notes)


def test_missing_endpoint_is_an_error() -> None:
    story, by_id = bridge_story()
    opts = Options()
    opts.summary.backend = "openai"
    with pytest.raises(ValueError, match="endpoint"):
        summarize_story(story, by_id, opts)
    assert isinstance(story, Story)
