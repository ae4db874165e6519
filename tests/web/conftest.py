"""Fixtures for the web tests.

``simple_steps`` are small, deterministic stand-ins for the analysis stages (extraction,
clustering, copies, story analysis) so these tests check the web app's own behaviour — auth,
limits, durability, idempotence, incremental updates — independently of the stages' quality.
Tests marked ``real_pipeline`` use the real stages.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from newsfuse.model import (
    Article,
    CopyInfo,
    PublishedDate,
    RawDocument,
    Rejection,
    Source,
    Story,
    SummarySentence,
    article_id,
    make_paragraphs,
)
from newsfuse.options import Options
from newsfuse.pipeline import VALIDATE, ArticleStep
from newsfuse.web import Settings, create_app
from newsfuse.web.ingest import Steps

TOKEN = "test-token-123456"
TODAY = date(2021, 6, 1)


def _extract(docs: list[RawDocument], options: Options) -> list[Article | Rejection]:
    out: list[Article | Rejection] = []
    for d in docs:
        if not d.content.strip():
            out.append(Rejection(d.origin, "empty", "no text"))
            continue
        text = d.content.replace("<p>", "\n\n").replace("</p>", "") if d.kind == "html" else d.content
        out.append(
            Article(
                id=article_id(d.origin, text),
                origin=d.origin,
                paragraphs=make_paragraphs(text.split("\n\n")),
                title=d.title,
                outlet=d.outlet,
                url=d.url,
                published=PublishedDate(d.date, "input", 1.0) if d.date else None,
                input_format=d.input_format,
            )
        )
    return out


def _extract_step(docs: list[RawDocument], options: Options, today: date) -> list[Article | Rejection]:
    return _extract(docs, options)


def _find_copies(articles: list[Article], options: Options) -> None:
    first: dict[str, str] = {}
    for a in articles:
        if a.text in first:
            a.copy_of = CopyInfo(first[a.text], 1.0, "exact")
        else:
            first[a.text] = a.id


class _Index:
    """Stories by the first word of the title."""

    def __init__(self, options: Options) -> None:
        self.groups: dict[str, list[Article]] = {}

    def add(self, article: Article) -> str:
        key = "s-" + (article.title or "untitled").split()[0].lower()
        self.groups.setdefault(key, []).append(article)
        return key

    def stories(self) -> list[Story]:
        out = []
        for key, arts in self.groups.items():
            dates = sorted(a.date for a in arts if a.date)
            out.append(
                Story(
                    id=key,
                    articles=[a.id for a in arts],
                    title=arts[0].title or "",
                    first_date=dates[0] if dates else None,
                    last_date=dates[-1] if dates else None,
                )
            )
        return out


def _story_step(story: Story, by_id: dict[str, Article], options: Options) -> Story:
    first = by_id[story.articles[0]]
    p = first.paragraphs[0]
    story.headline = SummarySentence(first.title or p.text, [Source(first.id, p.id, first.outlet)])
    story.summary = [SummarySentence(p.text, [Source(a, "p1", by_id[a].outlet) for a in story.articles])]
    return story


def simple_steps() -> Steps:
    return Steps((ArticleStep("extract", _extract_step), VALIDATE), _find_copies, _Index, _story_step)


def make_client(db: str, token: str | None = TOKEN, **kw: object) -> TestClient:
    settings = Settings(db=db, token=token, steps=simple_steps(), today=TODAY, **kw)  # type: ignore[arg-type]
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "web.sqlite")


@pytest.fixture
def client(db):
    with make_client(db) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def article_json(n: int, topic: str = "Bridge", outlet: str = "one.example", **kw: object) -> dict[str, object]:
    body = (
        f"{topic} news number {n}: the council met on Tuesday and voted {n} to 3.\n\nA second paragraph about item {n}."
    )
    return {
        "content": body,
        "kind": "record",
        "title": f"{topic} story {n}",
        "outlet": outlet,
        "date": "2021-03-02",
        **kw,
    }


@pytest.fixture
def h():
    """Helpers for the tests (importlib mode cannot import conftest by name)."""
    return SimpleNamespace(
        make_client=make_client,
        AUTH=AUTH,
        TOKEN=TOKEN,
        article_json=article_json,
        simple_steps=simple_steps,
        TODAY=TODAY,
    )
