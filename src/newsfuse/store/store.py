"""The article and story store: the same code over SQLite or PostgreSQL.

Articles are stored once: a raw input is keyed by the hash of its content, and its URL is unique,
so posting the same page twice (same bytes, or same URL) returns the article stored the first time.
The raw input is kept next to the article for re-analysis.  Stories are stored whole (as JSON) with
a few columns and terms (outlets, entities) to filter on, and a brief (what a story list shows, see
:class:`StoryBrief`), so that listing stories never decodes their whole analysis.

Locking.  Writes go through one connection inside ``with store.transaction():``, which holds the
store's write lock (``store.lock``) for the whole transaction: the writers of this process queue
there, and unique constraints guard against a second process.  Reads never take that lock: each
runs on a connection of its own from a small pool, and sees committed state only (SQLite in WAL
mode lets readers and one writer work at once; PostgreSQL always does), so a read never waits for a
story update, however long its commit.  A read made by the thread that holds an open transaction
runs on the writing connection and sees that transaction's writes.  An in-memory SQLite database
(``:memory:``) is one connection: there, reads share it under the lock.

Several processes (web servers) may share one store.  Their write transactions commit one after
another (SQLite's single writer; on PostgreSQL an advisory lock every write transaction takes), so
an article's ``seq`` follows the commit order and :meth:`Store.articles_since` gives a process every
article the others stored since it last looked.  Placing articles in stories is a round of one
process at a time across all of them (:meth:`Store.placing`), and each story is stored with a key of
its membership (:func:`members_key`), so that a round can tell the stories another process already
stored as they are now from those it must analyse again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from newsfuse.model import Article, Decoder, RawDocument, Report, Story, to_dict
from newsfuse.readers.sanitize import clean_value
from newsfuse.store.dialect import PLACE_LOCK_KEY, Connection, connect, sqlite_path
from newsfuse.store.migrations import migrate
from newsfuse.text import fold, normalize_space

log = logging.getLogger("newsfuse.store")

# A story list page never returns more than this many stories, whatever the client asks for.
MAX_LIMIT = 500


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def content_hash(doc: RawDocument) -> str:
    """Identity of a raw input: its kind, its URL (when given) and its content with whitespace runs
    collapsed.  The same text at another URL is another input (a reprint: stored, and found as a
    copy of its origin, as ``newsfuse analyze`` keeps it); the same URL again is the same input."""
    url = f"{doc.url}\x00" if doc.url else ""
    return hashlib.sha256(
        f"{doc.kind}\x00{url}{normalize_space(doc.content)}".encode("utf-8", "surrogatepass")
    ).hexdigest()


def members_key(story: Story, by_id: Mapping[str, Article]) -> str:
    """What a story is made of: its article ids and what each is a copy of (a story must be
    analysed again when either changes), as a short hash stored beside the story."""
    lines = sorted(
        f"{aid}\x00{a.copy_of.of if (a := by_id.get(aid)) is not None and a.copy_of is not None else ''}"
        for aid in story.articles
    )
    return hashlib.sha256("\x01".join(lines).encode("utf-8", "surrogatepass")).hexdigest()[:32]


# Ids per ``IN (...)`` list: SQLite's default limit on parameters is 999 (older builds).
_IN_CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), _IN_CHUNK):
        yield ids[i : i + _IN_CHUNK]


def _like(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, with LIKE's wildcards in it escaped."""
    t = fold(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{t}%"


@dataclass
class Existing:
    """A raw input already stored: what it became."""

    hash: str
    article_id: str | None
    rejection: str | None


_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_day(value: str, name: str = "date") -> str:
    """A date given as YYYY-MM-DD (month and day may have one digit) as ISO ``YYYY-MM-DD``; a clear
    ValueError for anything else (other formats, impossible days such as 2021-02-30)."""
    m = _DAY.fullmatch(value.strip())
    try:
        if m is None:
            raise ValueError
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, not {clean_value(value)!r}") from None


@dataclass
class StoryFilter:
    q: str | None = None  # words in headline, title, summary, entity names
    outlet: str | None = None
    entity: str | None = None
    date_from: str | None = None  # ISO date: stories whose last article is on/after it
    date_to: str | None = None  # ISO date: stories whose first article is on/before it
    limit: int = 50
    offset: int = 0

    def check(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
        # Stored dates are ISO (YYYY-MM-DD) and compared as strings, so a bound must be one too:
        # "2021-3-1" is read as 2021-03-01 (compared as given it would sort after "2021-03-05").
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v:
                setattr(self, name, parse_day(v, name))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from ({self.date_from}) is after date_to ({self.date_to})")


def _search_text(st: Story) -> str:
    parts = [st.title, st.headline.text if st.headline else ""]
    parts += [s.text for s in st.summary]
    parts += [e.name for e in st.entities] + [a for e in st.entities for a in e.aliases]
    parts += st.outlets
    return fold(" ".join(p for p in parts if p))


# A story's analysis lists: a story list shows none of them (only how many claims and conflicts),
# and they are nearly all of a large story's weight (a 60,000-paragraph article's story: 2.6 MB of
# JSON, 1.2 s to decode whole; its brief: under a kilobyte).
_ANALYSIS = ("claims", "conflicts", "quotes", "entities", "timeline", "framing")
_BRIEF_FIELDS = tuple(f.name for f in fields(Story) if f.name not in _ANALYSIS)


@dataclass
class StoryBrief:
    """What a story list shows of a story: ``story`` without its analysis lists (its claims,
    conflicts, quotes, entities, timeline and framing are empty), and how many claims and
    conflicts it has."""

    story: Story
    claims: int
    conflicts: int


def _brief_dict(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "story": {k: data[k] for k in _BRIEF_FIELDS if k in data},
        "claims": len(data.get("claims") or ()),
        "conflicts": len(data.get("conflicts") or ()),
    }


def _brief(d: Mapping[str, Any], decode: Decoder) -> StoryBrief:
    return StoryBrief(decode(Story, d["story"]), int(d["claims"]), int(d["conflicts"]))


def _terms(st: Story) -> set[tuple[str, str]]:
    terms = {("outlet", fold(o)) for o in st.outlets if o}
    for e in st.entities:
        terms.add(("entity", fold(e.name)))
        terms.update(("entity", fold(a)) for a in e.aliases)
    return terms


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        # The writing connection: used inside transaction(), or by reads under the lock (below).
        self.conn: Connection = connect(url)
        self.lock = threading.RLock()  # the write lock: held for a whole transaction
        # Reading connections not in use; one is opened when a read finds none (so there are as
        # many as reads ever ran at once: at most the web server's worker threads).
        self._idle: list[Connection] = []
        self._pool_lock = threading.Lock()
        self._closed = False
        # Placement rounds (see placing()): one at a time in this process, and the connection
        # that holds PostgreSQL's advisory lock for them (opened at the first round).
        self._placing_lock = threading.Lock()
        self._placing_conn: Connection | None = None
        # An in-memory SQLite database exists only on its one connection.
        self._shared = sqlite_path(url) == ":memory:"
        # Decodes what is read (model.from_dict with each type's conversion worked out once: ~10
        # times faster than from_dict on stories, which reads do all the time).
        self._decode = Decoder()
        with self.lock:
            self.version = migrate(self.conn)

    @property
    def dialect(self) -> str:
        return self.conn.dialect

    def close(self) -> None:
        with self._pool_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for c in idle:
            c.close()
        with self._placing_lock:
            if self._placing_conn is not None:
                self._placing_conn.close()
                self._placing_conn = None
        with self.lock:
            self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, all or nothing: the write methods marked "in the CURRENT
        transaction" run inside it.  Holds the write lock until the commit (other writers of this
        process wait; readers do not).  Nested use joins the outer transaction."""
        with self.lock:
            if self.conn.owner == threading.get_ident():
                yield
                return
            with self.conn.transaction():
                yield

    @contextmanager
    def placing(self) -> Iterator[None]:
        """Held for a whole round of placing articles in stories: one round at a time across every
        process that shares this store (a PostgreSQL advisory lock; for a SQLite file, an exclusive
        ``flock`` on ``FILE-placing`` beside it).  Writes and reads go on meanwhile; only other
        rounds wait.  Not a transaction: the round commits its own."""
        with self._placing_lock:
            if self.dialect == "postgresql":
                if self._placing_conn is None:
                    self._placing_conn = connect(self.url)
                conn = self._placing_conn
                conn.execute("SELECT pg_advisory_lock(?)", (PLACE_LOCK_KEY,))
                try:
                    yield
                finally:
                    try:
                        conn.execute("SELECT pg_advisory_unlock(?)", (PLACE_LOCK_KEY,))
                    except Exception:
                        # The lock ends with its session: close it, and open another next round.
                        self._placing_conn = None
                        conn.close()
                return
            path = sqlite_path(self.url)
            if self._shared or path is None:
                yield  # an in-memory database has one process
                return
            import fcntl  # here: only the SQLite-file case needs it

            with open(f"{path}-placing", "a") as f:
                fcntl.flock(f, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(f, fcntl.LOCK_UN)

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        """A connection to read committed state on, without the write lock (see the module doc)."""
        if self._shared or self.conn.owner == threading.get_ident():
            with self.lock:
                yield self.conn
            return
        with self._pool_lock:
            if self._closed:
                raise RuntimeError("the store is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect(self.url, readonly=True)
        try:
            yield conn
        finally:
            with self._pool_lock:
                keep = not self._closed
                if keep:
                    self._idle.append(conn)
            if not keep:
                conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ raw inputs and articles

    def find_existing(self, hash_: str, url: str | None) -> Existing | None:
        """The stored raw input with this content hash or (if given) this URL."""
        with self._reading() as conn:
            row = conn.one("SELECT hash, article_id, rejection FROM raw_documents WHERE hash = ?", (hash_,))
            if row is None and url:
                row = conn.one("SELECT hash, article_id, rejection FROM raw_documents WHERE url = ?", (url,))
            if row is None and url:
                # An article whose extractor found this URL in the page (its raw input had none).
                arow = conn.one("SELECT raw_hash, id FROM articles WHERE url = ?", (url,))
                if arow is not None:
                    return Existing(arow[0], arow[1], None)
            return Existing(row[0], row[1], row[2]) if row else None

    def release_url(self, hash_: str) -> None:
        """A rejected raw input gives up its URL (in the CURRENT transaction), so that a later,
        different input with that URL can be stored; only rejected inputs ever do."""
        self.conn.execute("UPDATE raw_documents SET url = NULL WHERE hash = ? AND article_id IS NULL", (hash_,))

    def next_seq(self) -> int:
        with self._reading() as conn:
            row = conn.one("SELECT COALESCE(MAX(seq), 0) FROM articles")
            return int(row[0] if row else 0) + 1

    def add_raw(
        self, doc: RawDocument, hash_: str, article: Article | None, rejection: tuple[str, str] | None, seq: int
    ) -> str | None:
        """Store one raw input and the article it became (or why it was rejected), in the CURRENT transaction.

        Returns the id of the stored article, or ``None`` for a rejection.  If an equal article is
        already stored (same article id or URL), the raw input points at it and its id is returned.
        """
        url = doc.url or None
        self.conn.execute(
            "INSERT INTO raw_documents (hash, url, kind, input_format, origin, payload, received_at, rejection, rejection_detail)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                hash_,
                url,
                doc.kind,
                doc.input_format,
                doc.origin,
                json.dumps(to_dict(doc), ensure_ascii=False),
                _now(),
                rejection[0] if rejection else None,
                rejection[1] if rejection else None,
            ),
        )
        if article is None:
            return None
        aurl = article.url or None
        clash = self.conn.one("SELECT id FROM articles WHERE id = ?", (article.id,))
        if clash is None and aurl:
            clash = self.conn.one("SELECT id FROM articles WHERE url = ?", (aurl,))
        if clash is not None:
            existing = str(clash[0])
        else:
            self.conn.execute(
                "INSERT INTO articles (id, seq, raw_hash, url, outlet, published, story_id, data, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                (
                    article.id,
                    seq,
                    hash_,
                    aurl,
                    article.outlet,
                    article.date,
                    json.dumps(to_dict(article), ensure_ascii=False),
                    _now(),
                ),
            )
            existing = article.id
        self.conn.execute("UPDATE raw_documents SET article_id = ? WHERE hash = ?", (existing, hash_))
        return existing

    def update_articles(self, articles: Iterable[Article], story_of: Mapping[str, str | None]) -> None:
        """Rewrite articles (e.g. their ``copy_of``) and their story, in the CURRENT transaction."""
        for a in articles:
            self.conn.execute(
                "UPDATE articles SET data = ?, story_id = ? WHERE id = ?",
                (json.dumps(to_dict(a), ensure_ascii=False), story_of.get(a.id), a.id),
            )

    def _articles(self, where: str = "", params: Sequence[Any] = ()) -> list[Article]:
        with self._reading() as conn:
            rows = conn.query(f"SELECT data FROM articles {where} ORDER BY seq", params)
        return [self._decode(Article, json.loads(r[0])) for r in rows]

    def all_articles(self) -> list[Article]:
        """Every article, in arrival order."""
        return self._articles()

    def articles_since(self, seq: int = 0) -> list[tuple[Article, str | None, int]]:
        """Every article stored after ``seq`` (0: all), with its story id (``None``: not placed yet)
        and its own ``seq``, in arrival order.  A stored article that cannot be read back (damaged by
        hand, or by an older version) is logged and left out, so that one bad row does not keep the
        rest from loading."""
        with self._reading() as conn:
            rows = conn.query("SELECT id, data, story_id, seq FROM articles WHERE seq > ? ORDER BY seq", (seq,))
        out: list[tuple[Article, str | None, int]] = []
        for aid, data, story_id, aseq in rows:
            try:
                out.append((self._decode(Article, json.loads(data)), story_id, int(aseq)))
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                log.error("stored article %s cannot be read (%s: %s); left out", aid, type(exc).__name__, exc)
        return out

    def all_story_members(self) -> dict[str, str | None]:
        """Every stored story id -> its membership key (``None``: stored without one)."""
        with self._reading() as conn:
            return {str(sid): key for sid, key in conn.query("SELECT id, members FROM stories")}

    def story_members(self, story_ids: Sequence[str]) -> dict[str, str | None]:
        """Stored story id -> its membership key (:func:`members_key`; ``None``: stored without one)."""
        out: dict[str, str | None] = {}
        with self._reading() as conn:
            for part in _chunks(story_ids):
                marks = ", ".join("?" for _ in part)
                for sid, key in conn.query(f"SELECT id, members FROM stories WHERE id IN ({marks})", part):
                    out[str(sid)] = key
        return out

    def get_article(self, aid: str) -> Article | None:
        found = self._articles("WHERE id = ?", (aid,))
        return found[0] if found else None

    def articles_by_ids(self, ids: Sequence[str]) -> list[Article]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        return self._articles(f"WHERE id IN ({marks})", tuple(ids))

    def article_story(self, aid: str) -> str | None:
        with self._reading() as conn:
            row = conn.one("SELECT story_id FROM articles WHERE id = ?", (aid,))
        return str(row[0]) if row and row[0] else None

    def raw_document(self, aid: str) -> RawDocument | None:
        with self._reading() as conn:
            row = conn.one(
                "SELECT r.payload FROM raw_documents r JOIN articles a ON a.raw_hash = r.hash WHERE a.id = ?", (aid,)
            )
        return self._decode(RawDocument, json.loads(row[0])) if row else None

    def counts(self) -> dict[str, int]:
        with self._reading() as conn, conn.snapshot():
            out = {}
            for name, sql in (
                ("articles", "SELECT COUNT(*) FROM articles"),
                ("stories", "SELECT COUNT(*) FROM stories"),
                ("raw_documents", "SELECT COUNT(*) FROM raw_documents"),
                ("rejected", "SELECT COUNT(*) FROM raw_documents WHERE rejection IS NOT NULL"),
                ("unassigned", "SELECT COUNT(*) FROM articles WHERE story_id IS NULL"),
            ):
                row = conn.one(sql)
                out[name] = int(row[0]) if row else 0
            return out

    # ------------------------------------------------------------ stories

    def save_stories(
        self, stories: Iterable[Story], removed: Iterable[str] = (), members: Mapping[str, str] | None = None
    ) -> None:
        """Insert or replace stories (and drop ``removed`` ones), in the CURRENT transaction;
        ``members``: story id -> its :func:`members_key` (none given: stored without)."""
        for sid in removed:
            self.conn.execute("DELETE FROM story_terms WHERE story_id = ?", (sid,))
            self.conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
        for st in stories:
            data = to_dict(st)
            self.conn.execute(
                "INSERT INTO stories (id, title, first_date, last_date, n_articles, independent_sources, search_text, data, brief, members, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " first_date = excluded.first_date, last_date = excluded.last_date, n_articles = excluded.n_articles,"
                " independent_sources = excluded.independent_sources, search_text = excluded.search_text,"
                " data = excluded.data, brief = excluded.brief, members = excluded.members,"
                " updated_at = excluded.updated_at",
                (
                    st.id,
                    st.headline.text if st.headline else st.title,
                    st.first_date,
                    st.last_date,
                    len(st.articles),
                    st.independent_sources,
                    _search_text(st),
                    json.dumps(data, ensure_ascii=False),
                    json.dumps(_brief_dict(data), ensure_ascii=False),
                    (members or {}).get(st.id),
                    _now(),
                ),
            )
            self.conn.execute("DELETE FROM story_terms WHERE story_id = ?", (st.id,))
            for kind, value in sorted(_terms(st)):
                self.conn.execute(
                    "INSERT INTO story_terms (story_id, kind, value) VALUES (?, ?, ?)", (st.id, kind, value)
                )

    def story_articles(self) -> dict[str, list[str]]:
        """Stored story id -> its article ids (to see which stories changed)."""
        with self._reading() as conn:
            rows = conn.query("SELECT id, data FROM stories")
        return {str(r[0]): list(json.loads(r[1]).get("articles", [])) for r in rows}

    def get_story(self, sid: str) -> Story | None:
        with self._reading() as conn:
            row = conn.one("SELECT data FROM stories WHERE id = ?", (sid,))
        return self._decode(Story, json.loads(row[0])) if row else None

    def story_version(self, sid: str) -> str | None:
        """Changes whenever the story is stored again (its update time and size); ``None``: no
        such story.  For caches of what is made from a story (its page)."""
        with self._reading() as conn:
            row = conn.one("SELECT updated_at, length(data) FROM stories WHERE id = ?", (sid,))
        return f"{row[0]}/{row[1]}" if row else None

    def list_stories(self, f: StoryFilter | None = None) -> list[Story]:
        """The stories ``f`` selects, whole (see :meth:`list_briefs` for what a list shows)."""
        return [self._decode(Story, json.loads(r[0])) for r in self._select(f, "data")]

    def list_briefs(self, f: StoryFilter | None = None) -> list[StoryBrief]:
        """The stories ``f`` selects, in the order of :meth:`list_stories`, as briefs: without
        decoding their analysis (a story stored by an older version, which has no brief yet, is
        decoded from its data)."""
        out: list[StoryBrief] = []
        for brief, data in self._select(f, "brief, CASE WHEN brief IS NULL THEN data END"):
            d = json.loads(brief) if brief is not None else _brief_dict(json.loads(data))
            out.append(_brief(d, self._decode))
        return out

    def _select(self, f: StoryFilter | None, columns: str) -> list[tuple[Any, ...]]:
        f = f or StoryFilter()
        f.check()
        where: list[str] = []
        params: list[Any] = []
        if f.q:
            for word in f.q.split():
                where.append("search_text LIKE ? ESCAPE '\\'")
                params.append(_like(word))
        if f.outlet:
            where.append(
                "EXISTS (SELECT 1 FROM story_terms t WHERE t.story_id = stories.id AND t.kind = 'outlet' AND t.value LIKE ? ESCAPE '\\')"
            )
            params.append(_like(f.outlet))
        if f.entity:
            where.append(
                "EXISTS (SELECT 1 FROM story_terms t WHERE t.story_id = stories.id AND t.kind = 'entity' AND t.value LIKE ? ESCAPE '\\')"
            )
            params.append(_like(f.entity))
        if f.date_from:
            where.append("last_date >= ?")
            params.append(f.date_from)
        if f.date_to:
            where.append("first_date <= ?")
            params.append(f.date_to)
        sql = f"SELECT {columns} FROM stories"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(last_date, '') DESC, n_articles DESC, id LIMIT ? OFFSET ?"
        params += [f.limit, f.offset]
        with self._reading() as conn:
            return conn.query(sql, params)

    # ------------------------------------------------------------ whole reports

    def save_report(self, report: Report) -> None:
        """Store a finished report (e.g. from ``newsfuse analyze``) as it is: articles and stories."""
        story_of = {aid: st.id for st in report.stories for aid in st.articles}
        with self.transaction():
            seq = self.next_seq()
            for a in report.articles:
                doc = RawDocument(
                    origin=a.origin,
                    content=a.text,
                    kind="record",
                    input_format=a.input_format,
                    url=a.url,
                    title=a.title,
                )
                h = content_hash(doc)
                if self.find_existing(h, doc.url) is not None:
                    continue
                if self.add_raw(doc, h, a, None, seq) == a.id:
                    seq += 1
            self.update_articles(report.articles, story_of)
            by_id = {a.id: a for a in report.articles}
            self.save_stories(report.stories, members={st.id: members_key(st, by_id) for st in report.stories})


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store at a SQLite path or ``postgresql://`` URL."""
    return Store(url)
