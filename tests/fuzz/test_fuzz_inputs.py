"""Fuzz: generated inputs to the readers (bytes of any kind, JSON records of any shape), the
extraction/cleaning step and the API's POST.  None may crash a run or give a 5xx; every input is a
document or a rejection with a reason, and no document carries NUL, a lone surrogate or another C0
control character past the door.

CI runs FUZZ_EXAMPLES (default 200) examples per entry point with a fixed seed; for a long run:

    NEWSFUSE_FUZZ_EXAMPLES=10000 .venv/bin/pytest tests/fuzz -p no:cacheprovider

(a set NEWSFUSE_FUZZ_EXAMPLES also draws new random inputs on every run).
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.extract import extract_documents
from newsfuse.model import Article, RawDocument, Rejection
from newsfuse.options import Options
from newsfuse.readers import read_bytes

FUZZ_EXAMPLES = int(os.environ.get("NEWSFUSE_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    derandomize="NEWSFUSE_FUZZ_EXAMPLES" not in os.environ,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
OPTIONS = Options()

# Text with what breaks things: NUL, controls, lone surrogates, quotes, markup, line breaks, emoji.
_ALPHABET = st.characters(codec=None, min_codepoint=0, max_codepoint=0x1F64F)
_NASTY = st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\x1b", "\r", "\r\n", "\u2028", '"', "“", "<p>", "</script>", "# ", "\ufeff"]
)
TEXT = st.lists(
    st.one_of(st.text(_ALPHABET, max_size=40), _NASTY, st.just("The council met on Monday and voted 7 to 3. ")),
    max_size=30,
).map("".join)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "text",
                    "title",
                    "url",
                    "date",
                    "author",
                    "source",
                    "html",
                    "articles",
                    "body",
                    "link",
                    "language",
                    "x",
                ]
            )
            | TEXT,
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


def _check_items(items: list[RawDocument | Rejection]) -> None:
    assert items, "every input yields at least a document or a rejection"
    for item in items:
        assert isinstance(item, (RawDocument, Rejection))
        if isinstance(item, Rejection):
            assert item.reason
            continue
        for name in ("origin", "content", "url", "title", "date", "author", "outlet", "language"):
            value = getattr(item, name)
            assert value is None or not BAD.search(value), (name, value)


@FUZZ
@given(
    data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.warc", "a", "a.gz"])
)
def test_read_bytes_never_crashes(data: bytes, name: str) -> None:
    _check_items(list(read_bytes(data, "fuzz", OPTIONS, name=name)))


@FUZZ
@given(value=JSON_VALUES, lines=st.booleans())
def test_json_records_are_read_or_rejected(value: object, lines: bool) -> None:
    text = json.dumps(value)
    data = (text + "\n" + text + "\n") if lines else text
    items = list(
        read_bytes(
            data.encode("utf-8", "surrogatepass"),
            "fuzz.jsonl" if lines else "fuzz.json",
            OPTIONS,
            name="fuzz.jsonl" if lines else "fuzz.json",
        )
    )
    _check_items(items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    if docs:
        out = extract_documents(docs, OPTIONS)  # the record loader and the cleaner behind it
        assert len(out) == len(docs)
        for a in out:
            if isinstance(a, Article):
                json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")  # storable as UTF-8


@FUZZ
@given(text=TEXT, kind=st.sampled_from(["text", "html"]))
def test_cleaner_and_html_extractor_never_crash(text: str, kind: str) -> None:
    items = list(
        read_bytes(
            text.encode("utf-8", "surrogatepass"), "fuzz", OPTIONS, name=f"fuzz.{'txt' if kind == 'text' else 'html'}"
        )
    )
    _check_items(items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    out = extract_documents(docs, OPTIONS)
    assert len(out) == len(docs)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsfuse.web import Settings, create_app
    from newsfuse.web.ingest import Steps

    steps = Steps.default()
    db = str(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    settings_ = Settings(
        db=db,
        token="fuzz-token-123",
        steps=Steps(steps.articles, steps.find_copies, steps.story_index, lambda st, by_id, o: st),
    )
    with TestClient(create_app(settings_), raise_server_exceptions=False) as client:
        yield client


ARTICLE_IN = st.fixed_dictionaries(
    {"content": TEXT},
    optional={
        "kind": st.sampled_from(["text", "html", "record", "pdf"]),
        "url": TEXT | st.just("https://fuzz.example/a"),
        "title": TEXT,
        "date": TEXT | st.just("2021-3-1"),
        "author": TEXT,
        "outlet": TEXT,
        "language": TEXT,
        "origin": TEXT,
        "extra": TEXT,
    },
)


@FUZZ
@given(body=ARTICLE_IN | st.fixed_dictionaries({"articles": st.lists(ARTICLE_IN, max_size=3)}) | JSON_VALUES)
def test_api_post_never_answers_5xx(api, body: object) -> None:
    payload = json.dumps(body).encode("utf-8")  # escapes lone surrogates as \\udxxx, as a client would
    r = api.post(
        "/api/articles?wait=false",
        content=payload,
        headers={"Authorization": "Bearer fuzz-token-123", "Content-Type": "application/json"},
    )
    assert r.status_code < 500, r.text
    if r.status_code in (200, 201):
        for res in r.json()["results"]:
            assert res["status"] in ("created", "duplicate", "rejected")
            assert res["status"] != "rejected" or res["reason"]


@FUZZ
@given(q=TEXT, when=TEXT, page=st.integers(-5, 20_000) | TEXT)
def test_api_and_page_queries_never_answer_5xx(api, q: str, when: str, page: object) -> None:
    from urllib.parse import quote

    enc = lambda v: quote(str(v).encode("utf-8", "surrogatepass"), safe="")  # noqa: E731
    assert api.get(f"/api/stories?q={enc(q)}&from={enc(when)}").status_code < 500
    assert api.get(f"/?q={enc(q)}&to={enc(when)}&page={enc(page)}").status_code < 500
