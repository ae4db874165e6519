"""The JSON API (``/api``): add articles, list/search stories, get a story or an article, health."""

from __future__ import annotations

import hmac
from collections import Counter
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ModelWrapValidatorHandler, PrivateAttr, model_validator

from newsfuse.model import SCHEMA_VERSION, RawDocument, to_dict
from newsfuse.readers.sanitize import describe_changes, sanitize_document, sanitize_text
from newsfuse.store import Store, StoryBrief, StoryFilter, content_hash
from newsfuse.web.ingest import Ingestor, Outcome
from newsfuse.web.pages import PageCache

router = APIRouter(prefix="/api")

# Metadata fields are short; longer values are refused rather than stored.
META_CHARS = 2048


class ArticleIn(BaseModel):
    """One article to add: raw page text, HTML, or text already extracted (a JSON record)."""

    model_config = ConfigDict(extra="forbid")
    content: str = Field(min_length=1, description="The article: page text, HTML, or extracted body text")
    kind: Literal["text", "html", "record"] = Field(
        "text", description="text: scraped page text to clean; html: a web page; record: body text already extracted"
    )
    url: str | None = Field(None, max_length=META_CHARS)
    title: str | None = Field(None, max_length=META_CHARS)
    date: str | None = Field(None, max_length=100, description="publication date as given (any format)")
    author: str | None = Field(None, max_length=META_CHARS)
    outlet: str | None = Field(None, max_length=META_CHARS)
    language: str | None = Field(None, max_length=20)
    origin: str | None = Field(
        None, max_length=META_CHARS, description="where it came from (default: api:<content hash>)"
    )
    clean: bool = Field(
        False,
        description='the content is clean body text: skip the plain-text cleaner (as a JSON record\'s "clean": true)',
    )
    # What sanitising changed before validation (lone surrogates, which pydantic refuses); see _clean_first.
    _notes: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _clean_first(cls, data: Any, handler: ModelWrapValidatorHandler[ArticleIn]) -> ArticleIn:
        """Sanitise every string before validation (readers/sanitize.py): a lone surrogate, sent as
        the JSON escape "\\ud800", is then a replaced character noted on the article, not a 422 (or
        worse, an error message that cannot itself be encoded)."""
        notes: list[str] = []
        if isinstance(data, dict):
            found: Counter[str] = Counter()
            fields = [k for k, v in data.items() if isinstance(v, str) and sanitize_text(v) != v]
            data = {k: sanitize_text(v, found) if isinstance(v, str) else v for k, v in data.items()}
            if found:
                notes.append(describe_changes(found, [str(f) for f in fields]))
        item = handler(data)
        item._notes = notes
        return item


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1)


class Result(BaseModel):
    status: Literal["created", "duplicate", "rejected"]
    article_id: str | None = None
    story_id: str | None = None
    reason: str | None = None
    detail: str | None = None


class PostResult(BaseModel):
    created: int
    duplicates: int
    rejected: int
    results: list[Result]


def _state(request: Request) -> Any:
    return request.app.state


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need ``Authorization: Bearer <token>``: one documented way (README "The web app")."""
    expected = _state(request).settings.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the server with --token or set NEWSFUSE_TOKEN")
    given = None
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "missing or wrong token (send 'Authorization: Bearer <token>')", headers={"WWW-Authenticate": "Bearer"}
        )


def _to_doc(item: ArticleIn, input_format: str) -> RawDocument:
    doc = RawDocument(
        origin=item.origin or "",
        content=item.content,
        kind=item.kind,
        input_format=input_format,
        url=item.url,
        title=item.title,
        date=item.date,
        author=item.author,
        outlet=item.outlet,
        clean=item.clean,
        language=item.language,
    )
    doc = sanitize_document(doc)  # a no-op after _clean_first; kept so that no caller can skip it
    doc.notes[:0] = item._notes
    if not doc.origin:
        doc.origin = doc.url or f"api:{content_hash(doc)[:16]}"
    return doc


WAIT_HELP = (
    "true (default): answer once the stories are updated, with each article's story id; "
    "false: answer as soon as the articles are committed (story ids follow; see /api/health 'unassigned')"
)


def _ingest(request: Request, response: Response, docs: list[RawDocument], wait: bool = True) -> PostResult:
    limit = _state(request).settings.max_batch
    if len(docs) > limit:
        raise HTTPException(413, f"too many articles in one request: {len(docs)} (the limit is {limit})")
    ingestor: Ingestor = _state(request).ingestor
    outcomes: list[Outcome] = ingestor.add(docs, wait=wait)
    created = sum(o.status == "created" for o in outcomes)
    response.status_code = 201 if created else 200
    return PostResult(
        created=created,
        duplicates=sum(o.status == "duplicate" for o in outcomes),
        rejected=sum(o.status == "rejected" for o in outcomes),
        results=[Result(**o.to_dict()) for o in outcomes],
    )


@router.post(
    "/articles",
    response_model=PostResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Add one article or a batch (JSON)",
    responses={200: {"description": "nothing new (all duplicates or rejected)"}, 401: {}, 403: {}, 413: {}},
)
def post_articles(
    request: Request,
    response: Response,
    body: Annotated[ArticleIn | BatchIn, Body()],
    wait: bool = Query(True, description=WAIT_HELP),
) -> PostResult:
    """Each article is acknowledged only once it is committed."""
    items = body.articles if isinstance(body, BatchIn) else [body]
    return _ingest(request, response, [_to_doc(i, "json" if i.kind == "record" else i.kind) for i in items], wait)


@router.post(
    "/articles/raw",
    response_model=PostResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Add one article sent as the raw body (text/plain or text/html)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}},
        }
    },
)
async def post_raw(
    request: Request,
    response: Response,
    url: str | None = Query(None, max_length=META_CHARS),
    title: str | None = Query(None, max_length=META_CHARS),
    date: str | None = Query(None, max_length=100),
    outlet: str | None = Query(None, max_length=META_CHARS),
    author: str | None = Query(None, max_length=META_CHARS),
    wait: bool = Query(True, description=WAIT_HELP),
) -> PostResult:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in ("text/plain", "text/html"):
        raise HTTPException(415, "send the article as text/plain or text/html (or JSON to /api/articles)")
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "the body is not valid UTF-8") from None
    if not text.strip():
        raise HTTPException(422, "empty body")
    kind: Literal["text", "html"] = "html" if ctype == "text/html" else "text"
    item = ArticleIn(
        content=text,
        kind=kind,
        url=url,
        title=title,
        date=date,
        outlet=outlet,
        author=author,
        language=None,
        origin=None,
        clean=False,
    )
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_ingest, request, response, [_to_doc(item, kind)], wait)


def _story_brief(b: StoryBrief) -> dict[str, Any]:
    st = b.story
    return {
        "id": st.id,
        "headline": st.headline.text if st.headline else st.title,
        "first_date": st.first_date,
        "last_date": st.last_date,
        "articles": len(st.articles),
        "outlets": st.outlets,
        "independent_sources": st.independent_sources,
        "claims": b.claims,
        "conflicts": b.conflicts,
    }


@router.get("/health", summary="Liveness and counts")
def health(request: Request) -> dict[str, Any]:
    store: Store = _state(request).store
    ingestor: Ingestor = _state(request).ingestor
    counts = store.counts()
    # Why a story failed is in the server log (it may quote stored text); here only which ones.
    failed = sorted(ingestor.failures)
    return {
        "status": "ok",
        "db": store.dialect,
        "db_schema": store.version,
        "report_schema": SCHEMA_VERSION,
        **counts,
        "starting": ingestor.starting,
        "failed_stories": len(failed),
        "failed_story_ids": failed[:20],
        "over_budget_stories": len(ingestor.over_budget),
        "over_budget_story_ids": sorted(ingestor.over_budget)[:20],
    }


@router.get("/stories", summary="List or search stories (newest first)")
def list_stories(
    request: Request,
    q: str | None = Query(None, max_length=200, description="words in headline, summary, entity names"),
    outlet: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    date_from: str | None = Query(None, alias="from", description="YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", description="YYYY-MM-DD"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    store: Store = _state(request).store
    f = StoryFilter(q, outlet, entity, date_from, date_to, limit, offset)
    try:
        stories = store.list_briefs(f)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return {"count": len(stories), "offset": offset, "stories": [_story_brief(s) for s in stories]}


@router.get(
    "/stories/{story_id}",
    summary="A story with its summary, claims, conflicts, quotes, timeline, framing",
    response_class=JSONResponse,
)
def get_story(request: Request, story_id: str) -> Response:
    store: Store = _state(request).store

    def build() -> bytes | None:
        st = store.get_story(story_id)
        if st is None:
            return None
        arts = store.articles_by_ids(st.articles)
        out = {
            "story": to_dict(st),
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "outlet": a.outlet,
                    "date": a.date,
                    "url": a.url,
                    "copy_of": to_dict(a.copy_of),
                }
                for a in arts
            ],
        }
        return bytes(JSONResponse(out).body)  # as the app encodes a returned dict

    # Encoded once per story version (a 60,000-paragraph article's story: 2.6 MB, seconds of the
    # server's GIL to decode and encode again on every request).
    version = store.story_version(story_id)
    cache: PageCache = _state(request).story_json_cache
    body = cache.page(story_id, version, build) if version is not None else None
    if body is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return Response(body, media_type="application/json")


@router.get("/articles/{article_id}", summary="An article with its audit (removed blocks and notes)")
def get_article(
    request: Request, article_id: str, raw: bool = Query(False, description="include the raw input as it was posted")
) -> dict[str, Any]:
    store: Store = _state(request).store
    a = store.get_article(article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    out: dict[str, Any] = {"article": to_dict(a), "story_id": store.article_story(a.id)}
    if raw:
        out["raw"] = to_dict(store.raw_document(a.id))
    return out
