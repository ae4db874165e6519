"""HTML pages served live from the store: story list with filters, story page, article page.

The fragments are the same as in ``report.html`` (:mod:`newsfuse.render.views`), with links to
real paths.  No script at all; a cited paragraph is highlighted by CSS ``:target``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsfuse.render.escape import esc
from newsfuse.render.html import asset
from newsfuse.render.views import Links, article_page, plural, story_list, story_page, story_title
from newsfuse.store import Store, StoryFilter

router = APIRouter(include_in_schema=False)
LINKS = Links(inline=False)


def _layout(title: str, body: str, status: int = 200) -> HTMLResponse:
    doc = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{esc(title)} · newsfuse</title><link rel="stylesheet" href="/static/report.css"></head><body>'
        '<header class="site"><a class="brand" href="/">newsfuse</a>'
        '<span class="meta"><a href="/openapi.json">API (OpenAPI)</a></span></header>'
        f"<main>{body}</main></body></html>"
    )
    return HTMLResponse(doc, status_code=status)


def bad_request(errors: list[dict[str, Any]]) -> HTMLResponse:
    """An HTML 400 page for query parameters that fail validation (``/?page=0``)."""
    items = "".join(
        f"<li>{esc(str(e.get('loc', ['?'])[-1]))}: {esc(str(e.get('msg', 'invalid')))}</li>"
        for e in errors
        if isinstance(e, dict)
    )
    return _layout("Bad request", f'<h1>Bad request</h1><ul>{items}</ul><p><a href="/">All stories</a></p>', 400)


def _not_found(what: str) -> HTMLResponse:
    return _layout("Not found", f'<h1>Not found</h1><p>{esc(what)}</p><p><a href="/">All stories</a></p>', 404)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@router.get("/static/report.css")
def css() -> Response:
    return Response(asset("report.css"), media_type="text/css", headers={"Cache-Control": "public, max-age=300"})


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    q: str | None = Query(None, max_length=200),
    outlet: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    date_from: str | None = Query(None, alias="from", max_length=10),
    date_to: str | None = Query(None, alias="to", max_length=10),
    page: int = Query(1, ge=1, le=10_000),
) -> HTMLResponse:
    per_page = 50
    values: dict[str, Any] = {"q": q, "outlet": outlet, "entity": entity, "from": date_from, "to": date_to}

    def field(name: str, label: str, kind: str = "search") -> str:
        return f'<label>{esc(label)}<input type="{kind}" name="{name}" value="{esc(values[name] or "")}"></label>'

    form = (
        '<form class="filters" method="get" action="/">'
        + field("q", "Search")
        + field("outlet", "Outlet")
        + field("entity", "Person, place, organisation")
        + field("from", "From", "date")
        + field("to", "To", "date")
        + '<button type="submit">Filter</button></form>'
    )
    f = StoryFilter(
        q or None, outlet or None, entity or None, date_from or None, date_to or None, per_page, (page - 1) * per_page
    )
    try:
        stories = [b.story for b in _store(request).list_briefs(f)]
    except ValueError as exc:
        return _layout("Stories", f'{form}<p class="none">{esc(exc)}</p>', 400)
    filtered = any(values.values())
    counts = _store(request).counts()
    body = form + story_list(stories, LINKS, heading="Matching stories" if filtered else "Stories")
    if len(stories) == per_page:
        params = "&".join(f"{k}={esc(v)}" for k, v in values.items() if v)
        body += f'<p><a href="/?{params}{"&amp;" if params else ""}page={page + 1}">More stories →</a></p>'
    body += f'<p class="meta">{plural(counts["stories"], "story", "stories")} from {plural(counts["articles"], "article")} in the store.</p>'
    return _layout("Stories", body)


class PageCache:
    """Story pages (HTML or JSON) as last made, by story id and version (:meth:`Store.story_version`), up to
    ``max_bytes`` in all (least recently used dropped first).  A large story's page costs seconds of
    CPU to build (a 60,000-paragraph article's: 2.5 s, 4.5 MB of HTML), which every other read of
    the server shares the GIL with; built once per version, it is then one lookup.

    :meth:`page` builds each version once however many requests ask for it at the same time: the
    others wait for that one (in a soak, several readers opening a large story that had just
    changed each built its page, together, and reads timed out)."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        # (story id, version) being built -> its lock and how many requests hold or wait for it.
        self._building: dict[tuple[str, str], tuple[threading.Lock, list[int]]] = {}
        self.builds = 0  # pages built (for tests and benchmarks)

    def page(self, sid: str, version: str, build: Callable[[], bytes | None]) -> bytes | None:
        """The page of story ``sid`` at ``version``: cached, or made by ``build`` (``None``: no
        such page; not cached), once for all the requests that ask for it meanwhile."""
        hit = self.get(sid, version)
        if hit is not None:
            return hit
        key = (sid, version)
        with self._lock:
            entry = self._building.get(key)
            if entry is None:
                entry = self._building[key] = (threading.Lock(), [0])
            entry[1][0] += 1
        try:
            with entry[0]:
                hit = self.get(sid, version)  # built by the request this one waited for
                if hit is None:
                    hit = build()
                    with self._lock:
                        self.builds += 1
                    if hit is not None:
                        self.put(sid, version, hit)
                return hit
        finally:
            with self._lock:
                entry[1][0] -= 1
                if not entry[1][0]:
                    del self._building[key]

    def get(self, sid: str, version: str) -> bytes | None:
        with self._lock:
            hit = self._pages.get(sid)
            if hit is None or hit[0] != version:
                return None
            self._pages.move_to_end(sid)
            return hit[1]

    def put(self, sid: str, version: str, page: bytes) -> None:
        if len(page) > self.max_bytes:
            return
        with self._lock:
            old = self._pages.pop(sid, None)
            if old is not None:
                self._size -= len(old[1])
            self._pages[sid] = (version, page)
            self._size += len(page)
            while self._size > self.max_bytes:
                _, (_, dropped) = self._pages.popitem(last=False)
                self._size -= len(dropped)


def _page_cache(request: Request) -> PageCache:
    cache: PageCache | None = getattr(request.app.state, "page_cache", None)
    if cache is None:
        cache = request.app.state.page_cache = PageCache()
    return cache


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    store = _store(request)

    def build() -> bytes | None:
        st = store.get_story(story_id)
        if st is None:
            return None
        by_id = {a.id: a for a in store.articles_by_ids(st.articles)}
        return bytes(_layout(story_title(st), story_page(st, by_id, LINKS)).body)

    version = store.story_version(story_id)
    page = _page_cache(request).page(story_id, version, build) if version is not None else None
    if page is None:
        return _not_found(f"No story {story_id}.")
    return HTMLResponse(page)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    store = _store(request)
    a = store.get_article(article_id)
    if a is None:
        return _not_found(f"No article {article_id}.")
    sid = store.article_story(a.id)
    st = store.get_story(sid) if sid else None
    return _layout(a.title or a.id, article_page(a, [st] if st else [], LINKS))
