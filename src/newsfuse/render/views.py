"""HTML fragments for the story list, a story page and an article page.

Shared by the self-contained ``report.html`` (links are ``#fragments`` inside one file) and by the web
app (links are real paths); a :class:`Links` object says which.  Every value taken from the data goes
through :func:`esc`; no fragment contains an inline style, script or event handler, so a strict
Content-Security-Policy holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from newsfuse.model import (
    Article,
    Claim,
    Conflict,
    Entity,
    OutletFraming,
    Quote,
    Rejection,
    Source,
    StepStats,
    Story,
    SummarySentence,
    TimelineEvent,
)
from newsfuse.render.escape import esc, path_part, safe_url
from newsfuse.stories.sources import is_unknown, unknown_article_id

NONE_FOUND = '<p class="none">none found</p>'
# Claims shown per status before a "more" fold: a story page should read as a page, not a log.
CLAIMS_SHOWN = 6
# A citation's tooltip shows the start of the cited paragraph; longer tooltips are unreadable.
TOOLTIP_CHARS = 280

STATUS_TITLES = (
    ("agreed", "Agreed", "reported by two or more independent sources"),
    ("disputed", "Disputed", "sources give conflicting values"),
    ("single_source", "Single source", "reported by one independent source only"),
)


@dataclass(frozen=True)
class Links:
    """Where links point: inside one HTML file (``inline=True``) or to the web app's pages."""

    inline: bool = True
    prefix: str = ""  # web app mount point, e.g. "" or "/app"

    def home(self) -> str:
        return "#stories" if self.inline else f"{self.prefix}/"

    def story(self, sid: str) -> str:
        return f"#story-{sid}" if self.inline else f"{self.prefix}/stories/{path_part(sid)}"

    def article(self, aid: str) -> str:
        return f"#article-{aid}" if self.inline else f"{self.prefix}/articles/{path_part(aid)}"

    def paragraph(self, aid: str, pid: str) -> str:
        anchor = f"#{aid}-{pid}"
        return anchor if self.inline else f"{self.prefix}/articles/{path_part(aid)}{anchor}"


def plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def source_label(key: str) -> str:
    """How a reader sees a source key: an outlet's name, or "unknown outlet (article id)" for an
    article whose outlet is unknown (its key is ``article:<id>``, see stories/sources.py)."""
    if is_unknown(key):
        return f"unknown outlet ({unknown_article_id(key)})"
    return key


def coverage_line(story: Story) -> str:
    """'7 articles, 4 outlets, 2 independent sources'.

    Articles of unknown outlet add no independent source (see stories/sources.py), and copies and
    wire stories count by their origin, so the line says why when the numbers do not add up.
    """
    line = ", ".join(
        (
            plural(len(story.articles), "article"),
            plural(len(story.outlets), "outlet"),
            plural(story.independent_sources, "independent source"),
        )
    )
    unknown = story.unknown_outlet_articles
    if unknown and unknown == len(story.articles):
        line += " (no outlet known: counted as one source)"
    elif unknown and story.unnamed_sources:
        line += (
            f" ({plural(unknown, 'article')} of unknown outlet, some written in a style none of the named"
            " outlets uses: counted as one more source)"
        )
    elif unknown:
        line += f" ({plural(unknown, 'article')} of unknown outlet not counted as independent)"
    return line


def by_coverage(stories: Sequence[Story]) -> list[Story]:
    """Stories as a report lists them: the most independently covered first (independent sources,
    then outlets, then articles), then by date.  A crawl's one-article stories (most of them) come
    last instead of burying the cross-checked ones; ``report.json`` keeps the pipeline's date order."""
    return sorted(
        stories,
        key=lambda s: (-s.independent_sources, -len(s.outlets), -len(s.articles), s.first_date or "~", s.id),
    )


def _date_range(story: Story) -> str:
    if story.first_date and story.last_date and story.first_date != story.last_date:
        return f"{story.first_date} – {story.last_date}"
    return story.first_date or story.last_date or "undated"


def story_title(story: Story) -> str:
    if story.headline and story.headline.text:
        return story.headline.text
    return story.title or f"Story {story.id}"


class _Cites:
    """Numbers a story's articles [1] … [n] (in coverage order) and renders citation markers."""

    def __init__(self, story: Story, by_id: Mapping[str, Article], links: Links) -> None:
        self.by_id = by_id
        self.links = links
        self.number = {aid: i + 1 for i, aid in enumerate(story.articles)}
        # Paragraph texts by id, per cited article (made at its first citation): a story of a
        # 60,000-paragraph article cites it hundreds of times, and a scan per citation made its
        # page take seconds.
        self._texts: dict[str, dict[str, str]] = {}

    def _paragraph(self, art: Article, pid: str) -> str:
        texts = self._texts.get(art.id)
        if texts is None:
            texts = self._texts[art.id] = {}
            for p in art.paragraphs:
                texts.setdefault(p.id, p.text)  # the first of a (malformed) repeated id, as the scan found
        return texts.get(pid, "")

    def _tooltip(self, aid: str, pid: str, outlet: str | None) -> str:
        art = self.by_id.get(aid)
        label = outlet or (art.outlet if art else None) or "unknown outlet"
        text = self._paragraph(art, pid) if art else ""
        if len(text) > TOOLTIP_CHARS:
            text = text[:TOOLTIP_CHARS].rstrip() + "…"
        return f"{label} ¶{pid}: {text}" if text else f"{label} ¶{pid}"

    def one(self, aid: str, pid: str, outlet: str | None = None) -> str:
        n = self.number.get(aid)
        label = f"{n}" if n is not None else aid
        return (
            f'<a class="cite" href="{esc(self.links.paragraph(aid, pid))}" '
            f'title="{esc(self._tooltip(aid, pid, outlet))}">{esc(label)}</a>'
        )

    def many(self, sources: Iterable[Source]) -> str:
        seen: set[tuple[str, str]] = set()
        out = []
        for s in sources:
            key = (s.article, s.paragraph)
            if key not in seen:
                seen.add(key)
                out.append(self.one(s.article, s.paragraph, s.outlet))
        return f'<span class="cites">{"".join(out)}</span>' if out else ""


def outlet_names(outlets: Sequence[str], independent: int) -> str:
    """The outlets behind a claim or quote, saying so when sources of unknown outlet are among them
    (outlet lists leave unknown outlets out, independent-source counts do not)."""
    names = ", ".join(outlets)
    if independent > len(outlets):
        names += (" and " if names else "") + "unknown outlet"
    return names


def _outlets_badge(outlets: Sequence[str], independent: int) -> str:
    parts = []
    if outlets or independent:
        parts.append(esc(outlet_names(outlets, independent)))
    parts.append(esc(plural(independent, "independent source")))
    return f'<span class="badge">{" · ".join(parts)}</span>'


# ---------------------------------------------------------------- story list


def story_list(stories: Sequence[Story], links: Links, heading: str = "Stories") -> str:
    items = []
    for st in stories:
        lead = st.summary[0].text if st.summary else ""
        items.append(
            f'<li class="card"><a class="card-link" href="{esc(links.story(st.id))}">'
            f'<h2 class="card-title">{esc(story_title(st))}</h2></a>'
            f'<p class="meta">{esc(_date_range(st))} · {esc(coverage_line(st))}</p>'
            + (f'<p class="lead">{esc(lead)}</p>' if lead else "")
            + (f'<p class="meta">{esc(", ".join(st.outlets))}</p>' if st.outlets else "")
            + "</li>"
        )
    body = f'<ol class="cards">{"".join(items)}</ol>' if items else NONE_FOUND
    return f"<h1>{esc(heading)}</h1>{body}"


# ---------------------------------------------------------------- story page


def _sentence(s: SummarySentence, cites: _Cites) -> str:
    return f"{esc(s.text)} {cites.many(s.sources)}"


def _coverage(story: Story, by_id: Mapping[str, Article], cites: _Cites, links: Links) -> str:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for aid in story.articles:
        art = by_id.get(aid)
        by_outlet[(art.outlet if art and art.outlet else "unknown outlet")].append(aid)
    rows = []
    for outlet in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o.lower())):
        arts = []
        for aid in by_outlet[outlet]:
            art = by_id.get(aid)
            n = cites.number.get(aid)
            if art is None:
                arts.append(f"<li>[{n}] {esc(aid)} (not in this report)</li>")
                continue
            copy = ""
            if art.copy_of:
                c = art.copy_of
                copy = (
                    f' <span class="copy">{esc(c.kind)} copy of <a href="{esc(links.article(c.of))}">'
                    f"{esc(c.of)}</a> ({c.similarity:.0%})</span>"
                )
            arts.append(
                f'<li><span class="num">[{n}]</span> <a href="{esc(links.article(aid))}">'
                f"{esc(art.title or art.id)}</a> "
                f'<span class="meta">{esc(art.date or "undated")}</span>{copy}</li>'
            )
        rows.append(f'<div class="outlet"><h3>{esc(outlet)}</h3><ul>{"".join(arts)}</ul></div>')
    return (
        f'<p class="coverage"><strong>{esc(coverage_line(story))}</strong></p>'
        f'<div class="outlets">{"".join(rows) if rows else NONE_FOUND}</div>'
    )


def _claim(c: Claim, cites: _Cites) -> str:
    sentences = "".join(
        f'<li><span class="outlet-name">{esc(s.outlet or "unknown outlet")}</span>: {esc(s.text)} '
        f"{cites.one(s.article, s.paragraph, s.outlet)}</li>"
        for s in c.sentences
    )
    conflicts = f' <span class="meta">in conflict {esc(", ".join(c.conflicts))}</span>' if c.conflicts else ""
    if c.missing_outlets:
        conflicts += f' <span class="meta gap">not reported by {esc(", ".join(c.missing_outlets))}</span>'
    return (
        f'<li class="claim {esc(c.status)}" id="claim-{esc(c.id)}"><p>{esc(c.text)}</p>'
        f"<p>{_outlets_badge(c.outlets, c.independent_sources)}{conflicts}</p>"
        + (
            f"<details><summary>{esc(plural(len(c.sentences), 'sentence'))}</summary><ul>{sentences}</ul></details>"
            if sentences
            else ""
        )
        + "</li>"
    )


def _claims(claims: Sequence[Claim], cites: _Cites) -> str:
    if not claims:
        return NONE_FOUND
    out = []
    known = {k for k, _, _ in STATUS_TITLES}
    groups = [*STATUS_TITLES, *((k, k, "") for k in sorted({c.status for c in claims} - known))]
    for status, title, hint in groups:
        group = [c for c in claims if c.status == status]
        body = (
            f'<ul class="claims">{"".join(_claim(c, cites) for c in group[:CLAIMS_SHOWN])}</ul>'
            if group
            else NONE_FOUND
        )
        if len(group) > CLAIMS_SHOWN:
            rest = "".join(_claim(c, cites) for c in group[CLAIMS_SHOWN:])
            body += f'<details class="more"><summary>{len(group) - CLAIMS_SHOWN} more</summary><ul class="claims">{rest}</ul></details>'
        out.append(
            f'<section class="claim-group {esc(status)}"><h3>{esc(title)} ({len(group)})</h3>'
            f'<p class="hint">{esc(hint)}</p>{body}</section>'
        )
    return "".join(out)


def _readable_value(value: str) -> str:
    """'45000000' -> '45,000,000' (normalised figures are digits only; anything else is shown as is)."""
    return f"{int(value):,}" if value.isdigit() and len(value) > 4 else value


def _conflicts(conflicts: Sequence[Conflict], cites: _Cites) -> str:
    if not conflicts:
        return NONE_FOUND
    out = []
    for cf in conflicts:
        cols = "".join(
            f'<div class="value"><p class="big">{esc(_readable_value(v.value))}</p><p>{esc(v.text)} {cites.many(v.sources)}</p>'
            f'<p class="meta">{esc(", ".join(v.outlets) or "unknown outlet")}</p></div>'
            for v in cf.values
        )
        out.append(
            f'<div class="conflict" id="conflict-{esc(cf.id)}"><h3>{esc(cf.subject)} '
            f'<span class="meta">({esc(cf.kind)})</span></h3>'
            f'<div class="side-by-side">{cols or NONE_FOUND}</div></div>'
        )
    return "".join(out)


def _quotes(quotes: Sequence[Quote], cites: _Cites) -> str:
    if not quotes:
        return NONE_FOUND
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_speaker[q.speaker_name or "Unknown speaker"].append(q)
    out = []
    for speaker in sorted(by_speaker, key=lambda s: (s == "Unknown speaker", -len(by_speaker[s]), s)):
        items = []
        for q in by_speaker[speaker]:
            variants = "".join(
                f'<li><span class="outlet-name">{esc(v.outlet or "unknown outlet")}</span>: {esc(v.text)} '
                f"{cites.one(v.article, v.paragraph, v.outlet)}</li>"
                for v in q.variants
            )
            items.append(
                f'<li class="quote" id="quote-{esc(q.id)}"><blockquote>{esc(q.text)}</blockquote>'
                f"<p>{_outlets_badge(q.outlets, q.independent_sources)}</p>"
                + (
                    f"<details><summary>{esc(plural(len(q.variants), 'rendering'))}</summary><ul>{variants}</ul></details>"
                    if variants
                    else ""
                )
                + "</li>"
            )
        out.append(f'<div class="speaker"><h3>{esc(speaker)}</h3><ul class="quotes">{"".join(items)}</ul></div>')
    return "".join(out)


def _day_number(d: str) -> float | None:
    """A date at day/month/year granularity as a day number (month/year at their middle)."""
    try:
        if len(d) >= 10:
            return float(date.fromisoformat(d[:10]).toordinal())
        if len(d) == 7:
            return date(int(d[:4]), int(d[5:7]), 15).toordinal() + 0.0
        if len(d) == 4:
            return date(int(d), 7, 1).toordinal() + 0.0
    except ValueError:
        return None
    return None


def timeline_svg(events: Sequence[TimelineEvent]) -> str:
    """A horizontal time axis with one dot per event (inline SVG: no script, no external file)."""
    points = [(x, e) for e in events if (x := _day_number(e.date)) is not None]
    if not points:
        return ""
    width, height, pad = 640, 70, 40
    lo = min(x for x, _ in points)
    hi = max(x for x, _ in points)
    span = hi - lo or 1.0

    def xpos(x: float) -> float:
        return pad + (x - lo) / span * (width - 2 * pad) if hi > lo else width / 2

    marks = []
    labelled: list[float] = []
    for x, ev in points:
        cx = xpos(x)
        marks.append(
            f'<circle class="dot {esc(ev.granularity)}" cx="{cx:.1f}" cy="30" r="6"><title>{esc(ev.date)}: {esc(ev.text)}</title></circle>'
        )
        # Only label dates that do not collide with a label already drawn (70px apart).
        if all(abs(cx - o) > 70 for o in labelled):
            labelled.append(cx)
            marks.append(f'<text x="{cx:.1f}" y="58" text-anchor="middle">{esc(ev.date)}</text>')
    return (
        f'<svg class="timeline-chart" viewBox="0 0 {width} {height}" role="img" aria-label="timeline">'
        f'<line x1="{pad - 10}" y1="30" x2="{width - pad + 10}" y2="30" class="axis"/>{"".join(marks)}</svg>'
    )


def _timeline(events: Sequence[TimelineEvent], cites: _Cites) -> str:
    if not events:
        return NONE_FOUND
    rows = "".join(
        f"<li><time>{esc(e.date)}</time><div><p>{esc(e.text)} {cites.many(e.sources)}</p>"
        + (
            f'<p class="meta">{esc("; ".join(e.expressions))} · {esc(", ".join(e.outlets))}</p>'
            if e.expressions or e.outlets
            else ""
        )
        + "</div></li>"
        for e in events
    )
    return f'{timeline_svg(events)}<ol class="timeline">{rows}</ol>'


def _entities(entities: Sequence[Entity]) -> str:
    if not entities:
        return NONE_FOUND
    rows = "".join(
        f"<tr><td>{esc(e.name)}</td><td>{esc(e.type_label)}</td><td>{esc(', '.join(e.aliases)) or '–'}</td>"
        f"<td>{esc(', '.join(f'{source_label(o)} ({n})' for o, n in sorted(e.mentions.items(), key=lambda kv: -kv[1]))) or '–'}</td></tr>"
        for e in entities
    )
    return (
        '<div class="table-wrap"><table><thead><tr><th>Name</th><th>Type</th><th>Also called</th>'
        f"<th>Mentions by outlet</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _framing(framing: Sequence[OutletFraming], entities: Sequence[Entity]) -> str:
    if not framing:
        return NONE_FOUND
    names = {e.id: e.name for e in entities}
    rows = []
    for f in framing:
        labels = "; ".join(f"{names.get(eid, eid)}: {', '.join(ls)}" for eid, ls in f.labels.items())
        share = min(max(f.unattributed_share, 0.0), 1.0)
        rows.append(
            f"<tr><td>{esc(source_label(f.outlet))}</td><td>{esc(f.headline) or '–'}</td><td>{esc(labels) or '–'}</td>"
            f"<td>{esc(', '.join(f.loaded_words)) or '–'}</td>"
            f'<td><meter min="0" max="1" value="{share:.3f}"></meter> {share:.0%}</td></tr>'
        )
    return (
        '<div class="table-wrap"><table><thead><tr><th>Outlet</th><th>Headline</th><th>Labels used</th>'
        f"<th>Loaded words</th><th>Unattributed</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _section(key: str, title: str, body: str) -> str:
    return f'<section class="part" id="{key}"><h2>{esc(title)}</h2>{body}</section>'


def story_page(story: Story, by_id: Mapping[str, Article], links: Links) -> str:
    cites = _Cites(story, by_id, links)
    sid = esc(story.id)
    headline = story.headline
    h1 = f'<h1 class="headline">{esc(story_title(story))}</h1>'
    if headline and headline.sources:
        h1 += f'<p class="meta">headline sources {cites.many(headline.sources)}</p>'
    summary = (
        f'<div class="summary">{"".join(f"<p>{_sentence(s, cites)}</p>" for s in story.summary)}</div>'
        if story.summary
        else NONE_FOUND
    )
    notes = f'<ul class="notes">{"".join(f"<li>{esc(n)}</li>" for n in story.notes)}</ul>' if story.notes else ""
    return (
        f'<nav class="crumbs"><a href="{esc(links.home())}">← all stories</a></nav>'
        f'<article class="story-page" data-story="{sid}">{h1}'
        f'<p class="meta">{esc(_date_range(story))} · {esc(coverage_line(story))}</p>{notes}'
        + _section(f"summary-{sid}", "Summary", summary)
        + _section(f"coverage-{sid}", "Coverage", _coverage(story, by_id, cites, links))
        + _section(f"claims-{sid}", "What the sources say", _claims(story.claims, cites))
        + _section(f"conflicts-{sid}", "Conflicts", _conflicts(story.conflicts, cites))
        + _section(f"quotes-{sid}", "Quotes", _quotes(story.quotes, cites))
        + _section(f"timeline-{sid}", "Timeline", _timeline(story.timeline, cites))
        + _section(f"entities-{sid}", "People, organisations, places", _entities(story.entities))
        + _section(f"framing-{sid}", "Framing by outlet", _framing(story.framing, story.entities))
        + "</article>"
    )


# ---------------------------------------------------------------- article page


def article_page(article: Article, stories: Sequence[Story], links: Links) -> str:
    a = article
    aid = esc(a.id)
    meta = [
        ("Outlet", f"{a.outlet} (from {a.outlet_source})" if a.outlet and a.outlet_source else a.outlet),
        ("Wire origin", f"{a.wire} (its dateline: counted as this source)" if a.wire else None),
        ("Author", a.author),
        (
            "Published",
            f"{a.published.value} ({a.published.source}, confidence {a.published.confidence:.2f})"
            if a.published
            else None,
        ),
        ("Language", a.language),
        ("Input", a.input_format),
        ("Origin", a.origin),
    ]
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v) if v else '–'}</td></tr>" for k, v in meta)
    url = safe_url(a.url)
    if url:
        rows += f'<tr><th>URL</th><td><a href="{esc(url)}" rel="noopener noreferrer nofollow">{esc(url)}</a></td></tr>'
    elif a.url:
        rows += f"<tr><th>URL</th><td>{esc(a.url)}</td></tr>"
    if a.copy_of:
        c = a.copy_of
        rows += (
            f'<tr><th>Copy of</th><td><a href="{esc(links.article(c.of))}">{esc(c.of)}</a> '
            f"({esc(c.kind)}, similarity {c.similarity:.2f})</td></tr>"
        )
    in_stories = "".join(f'<li><a href="{esc(links.story(s.id))}">{esc(story_title(s))}</a></li>' for s in stories)
    paragraphs = "".join(
        f'<p class="para" id="{aid}-{esc(p.id)}"><a class="pid" href="{esc(links.paragraph(a.id, p.id))}">¶{esc(p.id)}</a> {esc(p.text)}</p>'
        for p in a.paragraphs
    )
    removed = "".join(
        f'<li><span class="reason {esc(b.reason)}">{esc(b.reason)}</span> '
        f'<span class="meta">block {b.position}{" · " + esc(b.detail) if b.detail else ""}</span>'
        f'<p class="removed-text">{esc(b.text)}</p></li>'
        for b in a.removed
    )
    notes = "".join(f"<li>{esc(n)}</li>" for n in a.notes)
    return (
        f'<nav class="crumbs"><a href="{esc(links.home())}">← all stories</a></nav>'
        f'<article class="article-page" data-article="{aid}"><h1>{esc(a.title or a.id)}</h1>'
        f'<p class="meta">article {aid}</p>'
        f'<div class="table-wrap"><table class="meta-table">{rows}</table></div>'
        + _section(f"in-stories-{aid}", "In stories", f"<ul>{in_stories}</ul>" if in_stories else NONE_FOUND)
        + _section(f"body-{aid}", "Clean text", f'<div class="body">{paragraphs}</div>' if paragraphs else NONE_FOUND)
        + _section(
            f"removed-{aid}",
            f"Removed while cleaning ({len(a.removed)})",
            f'<ul class="removed">{removed}</ul>' if removed else NONE_FOUND,
        )
        + _section(f"notes-{aid}", "Notes", f"<ul>{notes}</ul>" if notes else NONE_FOUND)
        + "</article>"
    )


# ---------------------------------------------------------------- run overview


def run_overview(stats: Sequence[StepStats], rejections: Sequence[Rejection]) -> str:
    srows = "".join(
        f"<tr><td>{esc(s.step)}</td><td>{s.read}</td><td>{s.kept}</td>"
        f"<td>{esc(', '.join(f'{k}: {v}' for k, v in sorted(s.rejected.items()))) or '–'}</td><td>{s.seconds:.2f}</td></tr>"
        for s in stats
    )
    rrows = "".join(
        f"<tr><td>{esc(r.origin)}</td><td>{esc(r.stage)}</td><td>{esc(r.reason)}</td><td>{esc(r.detail) or '–'}</td></tr>"
        for r in rejections
    )
    stats_html = (
        '<div class="table-wrap"><table><thead><tr><th>Step</th><th>In</th><th>Kept</th><th>Rejected</th>'
        f"<th>Seconds</th></tr></thead><tbody>{srows}</tbody></table></div>"
        if srows
        else NONE_FOUND
    )
    rej_html = (
        '<div class="table-wrap"><table><thead><tr><th>Input</th><th>Stage</th><th>Reason</th><th>Detail</th></tr>'
        f"</thead><tbody>{rrows}</tbody></table></div>"
        if rrows
        else NONE_FOUND
    )
    return _section("run-steps", "Processing steps", stats_html) + _section(
        "run-rejections", f"Rejected inputs ({len(rejections)})", rej_html
    )


def article_list(articles: Sequence[Article], links: Links) -> str:
    if not articles:
        return NONE_FOUND
    items = "".join(
        f'<li><a href="{esc(links.article(a.id))}">{esc(a.title or a.id)}</a> '
        f'<span class="meta">{esc(a.outlet or "unknown outlet")} · {esc(a.date or "undated")}</span></li>'
        for a in articles
    )
    return f'<ul class="article-list">{items}</ul>'
