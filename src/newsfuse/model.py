"""The typed data model shared by every stage of newsfuse.

Everything here is a plain dataclass that round-trips through JSON (``to_dict`` /
``from_dict``).  The body of an :class:`Article` keeps its paragraphs with stable ids,
so any later stage can cite ``article_id#paragraph_id``.

The report's JSON layout is versioned by :data:`SCHEMA_VERSION`; bump it whenever a
field changes meaning or disappears (adding an optional field is compatible).
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

SCHEMA_VERSION = "1.0"

RemovalReason = Literal["comment", "promo", "disclaimer", "caption", "navigation", "related", "embed", "other"]
REMOVAL_REASONS: tuple[str, ...] = get_args(RemovalReason)

DateSource = Literal[
    "input",  # given by the input record (JSON field, WARC header)
    "metadata",  # HTML metadata found by trafilatura
    "htmldate",  # htmldate's page analysis
    "dateline",  # an explicit dateline/byline date in the text
    "url",  # a date in the URL
    "filename",  # a date in the file name
    "inferred",  # the latest date the body reports (a guess)
]

CopyKind = Literal["exact", "near", "contained"]
ClaimStatus = Literal["agreed", "single_source", "disputed"]
EntityType = Literal["person", "organisation", "place", "other"]
PlaceKind = Literal["country", "city", "region"]
Granularity = Literal["day", "month", "year"]


@dataclass
class Paragraph:
    """One paragraph of an article body; ``id`` is stable within the article (``p1`` …)."""

    id: str
    text: str


@dataclass
class RemovedBlock:
    """A block dropped during cleaning, kept for the audit."""

    text: str
    position: int  # index of the block (line or paragraph) in the source text
    reason: RemovalReason
    detail: str = ""  # the evidence, e.g. "username/date/Reply pattern"


@dataclass
class PublishedDate:
    value: str  # ISO date, YYYY-MM-DD
    source: DateSource
    confidence: float  # 0..1


@dataclass
class CopyInfo:
    """What an article copies: the origin of its copy group."""

    of: str  # article id of the origin
    similarity: float  # 0..1
    kind: CopyKind


@dataclass
class Article:
    id: str
    origin: str  # path (with ``#n`` for records inside a file) or URL
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    outlet_source: str | None = (
        None  # how the outlet was found: input, url, signature, byline, dateline, ... (+ evidence)
    )
    # The news agency a dateline names when it is not the publisher ("CAIRO (AP) —" on a
    # newspaper's site): the origin of the text, and the independent source it counts as.
    wire: str | None = None
    author: str | None = None
    url: str | None = None
    published: PublishedDate | None = None
    language: str | None = None
    input_format: str = "text"  # text, html, json, warc
    removed: list[RemovedBlock] = field(default_factory=list)
    copy_of: CopyInfo | None = None
    notes: list[str] = field(default_factory=list)  # non-fatal issues (e.g. "future date dropped")
    # Outlet unknown: the keys (newsfuse.outlets.outlet_key) of the batch's named outlets whose house
    # style the text breaks (newsfuse.extract.housestyle), so it is none of theirs.
    unlike_outlets: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def date(self) -> str | None:
        return self.published.value if self.published else None

    def cite(self, paragraph_id: str) -> str:
        return f"{self.id}#{paragraph_id}"

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return from_dict(cls, data)


def parse_iso(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) to a date; None when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def make_paragraphs(texts: list[str]) -> list[Paragraph]:
    """Number non-empty paragraph texts ``p1``, ``p2`` … in order."""
    out: list[Paragraph] = []
    for t in texts:
        t = t.strip()
        if t:
            out.append(Paragraph(id=f"p{len(out) + 1}", text=t))
    return out


def article_id(origin: str, text: str) -> str:
    """A short stable id from where the article came from (:attr:`RawDocument.name`) and what it says."""
    h = hashlib.sha1(f"{origin}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return "a" + h[:11]


@dataclass
class RawDocument:
    """What a reader produces: one document before extraction/cleaning.

    ``kind`` says how ``content`` must be turned into an :class:`Article`: ``html`` goes through the
    HTML extractor, ``text`` through the plain-text cleaner, ``record`` is text already extracted by
    someone else (a JSON field) and only needs paragraphs and metadata.
    """

    origin: str
    content: str
    kind: Literal["html", "text", "record"]
    input_format: str  # text, html, json, warc (the container it came in)
    url: str | None = None
    title: str | None = None
    date: str | None = None  # as given by the record, unparsed
    author: str | None = None
    outlet: str | None = None
    language: str | None = None
    # The producer says ``content`` is already clean article text (a record field such as
    # ``"clean": true``): it is then split into paragraphs without the plain-text cleaner.
    clean: bool = False
    notes: list[str] = field(default_factory=list)  # what reading changed (e.g. control characters removed)
    # ``origin`` below the input named on the command line, led by that input's own name
    # ("corpus/day1/a.txt#3" for ``/data/corpus``): the article id is made from it and the text, so
    # ids (and the story ids made from them) do not depend on where the input folder lies.  None:
    # the origin itself (uploads, tests).
    name: str | None = None


@dataclass
class Rejection:
    """An input record that could not be read; every record is processed or rejected."""

    origin: str
    reason: str  # short machine-readable reason: empty, binary, decode, truncated, malformed, not_html, ...
    detail: str = ""
    stage: str = "read"


# ---------------------------------------------------------------- story analysis


@dataclass
class Source:
    """A citation of one paragraph of one article."""

    article: str
    paragraph: str
    outlet: str | None = None


@dataclass
class SummarySentence:
    text: str
    sources: list[Source] = field(default_factory=list)  # every article that supports it
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0


@dataclass
class ClaimSentence:
    text: str
    article: str
    paragraph: str
    outlet: str | None = None


@dataclass
class Claim:
    id: str
    text: str  # representative sentence
    sentences: list[ClaimSentence] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0
    status: ClaimStatus = "single_source"
    conflicts: list[str] = field(default_factory=list)  # ids of conflicts this claim is in
    # coverage gap: the story's (known) outlets that do not report this claim
    missing_outlets: list[str] = field(default_factory=list)
    # the subject the claim belongs to ("s3"): claims of one subject tell of the same event or topic
    # without one sentence backing the other as one fact (crosscheck/claims.py)
    subject: str | None = None


@dataclass
class ConflictValue:
    value: str  # as normalised ("1000", "2020-01-14", "Tuesday")
    text: str  # the sentence that states it
    sources: list[Source] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass
class Conflict:
    id: str
    kind: str  # figure, date, weekday, actor
    subject: str  # what the values are about ("killed", "signing date")
    values: list[ConflictValue] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    text: str  # the quoted words (one representative rendering)
    speaker: str | None  # entity id, or None when unknown
    speaker_name: str | None
    variants: list[ClaimSentence] = field(default_factory=list)  # every rendering with its source
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0


@dataclass
class Entity:
    id: str
    name: str  # canonical name
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: dict[str, int] = field(default_factory=dict)  # outlet -> count
    place_kind: PlaceKind | None = None  # for a place: country or city, when known

    @property
    def type_label(self) -> str:
        """The type as shown to readers: "place (country)"."""
        return f"{self.type} ({self.place_kind})" if self.place_kind else self.type


@dataclass
class TimelineEvent:
    date: str  # ISO, truncated to granularity (YYYY-MM-DD, YYYY-MM, YYYY)
    granularity: Granularity
    text: str  # representative sentence
    expressions: list[str] = field(default_factory=list)  # "on Monday", "January 14th"
    sources: list[Source] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass
class OutletFraming:
    outlet: str
    headline: str | None
    labels: dict[str, list[str]] = field(default_factory=dict)  # entity id -> labels used
    loaded_words: list[str] = field(default_factory=list)
    unattributed_share: float = 0.0  # share of sentences asserting without attribution


@dataclass
class Story:
    id: str
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    independent_sources: int = 0
    # Articles whose outlet (and wire origin) is unknown: they add nothing to independent_sources,
    # except the one source ``unnamed_sources`` counts for those unlike every named outlet beside them.
    unknown_outlet_articles: int = 0
    unnamed_sources: int = 0
    first_date: str | None = None
    last_date: str | None = None
    title: str = ""  # provisional title; replaced by the headline when summarised
    headline: SummarySentence | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    framing: list[OutletFraming] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "single article: no cross-check possible"

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return from_dict(cls, data)


@dataclass
class StepStats:
    """Per-step counts, as datatrove keeps them: what came in, what went on, what was dropped and why."""

    step: str
    read: int = 0
    kept: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Report:
    schema_version: str = SCHEMA_VERSION
    generator: str = "newsfuse"
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    stats: list[StepStats] = field(default_factory=list)

    def article(self, aid: str) -> Article | None:
        for a in self.articles:
            if a.id == aid:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return from_dict(cls, data)


# ---------------------------------------------------------------- JSON round-trip


# Exact types returned as they are by to_dict (subclasses take the general path).
_SCALARS = frozenset({str, int, float, bool})


def to_dict(obj: Any) -> Any:
    """Dataclasses to plain JSON-able structures (fields in declaration order)."""
    if obj is None or type(obj) in _SCALARS:  # most values of a report (a cheap test first)
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


T = TypeVar("T")


def from_dict(cls: type[T], data: Any) -> T:
    """Build dataclass ``cls`` from :func:`to_dict` output; unknown keys are ignored.

    (Many objects at once, again and again, as the web app's store reads them: keep one
    :class:`Decoder`, which resolves each dataclass's field types once, not once per object.)"""
    return Decoder()(cls, data)


class Decoder:
    """:func:`from_dict` with a converter built once per type and kept as long as the decoder.

    ``typing.get_type_hints`` evaluates a dataclass's annotations (strings, here) on every call,
    and a generic decoder inspects every value's type: that took ~1.4 ms to decode one story brief
    in the web app and ~3/4 of the time of restoring a finished run's stories (46 s for 1,100
    stories at 10k articles).  Here each dataclass's fields get their converters once (None: the
    value is kept as it is, as for scalars, literals and unions of several types)."""

    def __init__(self) -> None:
        self._made: dict[Any, typing.Callable[[Any], Any] | None] = {}

    def __call__(self, cls: type[T], data: Any) -> T:
        conv = self._converter(cls)
        return typing.cast(T, data if conv is None or data is None else conv(data))

    def _converter(self, tp: Any) -> typing.Callable[[Any], Any] | None:
        if tp in self._made:
            return self._made[tp]
        origin = get_origin(tp)
        conv: typing.Callable[[Any], Any] | None = None
        if origin is typing.Union or origin is types.UnionType:
            args = [a for a in get_args(tp) if a is not type(None)]
            conv = self._converter(args[0]) if len(args) == 1 else None
        elif origin is list:
            item = self._converter(get_args(tp)[0])
            if item is not None:
                conv = partial(_list_of, item)
        elif origin is dict:
            val = self._converter(get_args(tp)[1])
            if val is not None:
                conv = partial(_dict_of, val)
        elif dataclasses.is_dataclass(tp) and isinstance(tp, type):
            fields: list[tuple[str, typing.Callable[[Any], Any] | None]] = []
            conv = partial(_dataclass_of, tp, fields)
            self._made[tp] = conv  # before its fields: a type may contain itself
            hints = get_type_hints(tp)
            fields.extend((f.name, self._converter(hints[f.name])) for f in dataclasses.fields(tp))
        self._made[tp] = conv
        return conv


def _list_of(item: typing.Callable[[Any], Any], value: list[Any]) -> list[Any]:
    return [None if v is None else item(v) for v in value]


def _dict_of(val: typing.Callable[[Any], Any], value: dict[str, Any]) -> dict[str, Any]:
    return {k: None if v is None else val(v) for k, v in value.items()}


def _dataclass_of(tp: type, fields: list[tuple[str, typing.Callable[[Any], Any] | None]], value: dict[str, Any]) -> Any:
    kwargs = {}
    for name, conv in fields:
        if name in value:
            v = value[name]
            kwargs[name] = v if conv is None or v is None else conv(v)
    return tp(**kwargs)
