"""``report.md``: the report as Markdown (every story with every analysis part, citations as ``[article#p3]``).

Article text is escaped with :func:`newsfuse.render.escape.md`, so a Markdown viewer shows it as the
same literal text and never renders markup planted in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from newsfuse.model import Article, Rejection, Report, Source, StepStats, Story
from newsfuse.render.escape import md
from newsfuse.render.views import (
    STATUS_TITLES,
    by_coverage,
    coverage_line,
    outlet_names,
    plural,
    source_label,
    story_title,
)

NONE = "_none found_"


def _cites(sources: Iterable[Source]) -> str:
    keys = list(dict.fromkeys(f"{s.article}#{s.paragraph}" for s in sources))
    return " " + " ".join(f"\\[{md(k)}\\]" for k in keys) if keys else ""


def _story(st: Story, by_id: Mapping[str, Article]) -> list[str]:
    out = [f"## {md(story_title(st))}", ""]
    dates = f"{st.first_date or 'undated'}" + (
        f" – {st.last_date}" if st.last_date and st.last_date != st.first_date else ""
    )
    out += [f"_{md(dates)} · {md(coverage_line(st))}_ · story `{st.id}`", ""]
    if st.headline and st.headline.sources:
        out += [f"Headline sources:{_cites(st.headline.sources)}", ""]
    out += [f"- {md(n)}" for n in st.notes] + ([""] if st.notes else [])

    out += ["### Summary", ""]
    out += [" ".join(f"{md(s.text)}{_cites(s.sources)}" for s in st.summary) or NONE, ""]

    out += ["### Coverage", ""]
    for aid in st.articles:
        a = by_id.get(aid)
        if a is None:
            out.append(f"- `{aid}` (not in this report)")
            continue
        copy = f" — {a.copy_of.kind} copy of `{a.copy_of.of}` ({a.copy_of.similarity:.0%})" if a.copy_of else ""
        wire = f" (wire: {md(a.wire)})" if a.wire else ""
        out.append(
            f"- `{a.id}` **{md(a.outlet or 'unknown outlet')}**{wire}: {md(a.title or '(untitled)')} ({a.date or 'undated'}){copy}"
        )
    out += [NONE] if not st.articles else []
    out.append("")

    out += ["### Claims", ""]
    if not st.claims:
        out += [NONE, ""]
    for status, title, _ in STATUS_TITLES:
        group = [c for c in st.claims if c.status == status]
        if st.claims:
            out += [f"#### {title} ({len(group)})", ""]
            out += [
                f"- {md(c.text)} — {md(outlet_names(c.outlets, c.independent_sources) or 'unknown outlet')}; {c.independent_sources} independent"
                + _cites(Source(s.article, s.paragraph) for s in c.sentences)
                + (f" (conflicts: {', '.join(c.conflicts)})" if c.conflicts else "")
                + (f"; not reported by {md(', '.join(c.missing_outlets))}" if c.missing_outlets else "")
                for c in group
            ] or [NONE]
            out.append("")

    out += ["### Conflicts", ""]
    for cf in st.conflicts:
        out += [f"#### {md(cf.subject)} ({md(cf.kind)})", "", "| value | statement | outlets |", "|---|---|---|"]
        out += [f"| {md(v.value)} | {md(v.text)}{_cites(v.sources)} | {md(', '.join(v.outlets))} |" for v in cf.values]
        out.append("")
    if not st.conflicts:
        out += [NONE, ""]

    out += ["### Quotes", ""]
    for q in st.quotes:
        out.append(
            f"- **{md(q.speaker_name or 'Unknown speaker')}**: “{md(q.text)}” — {md(outlet_names(q.outlets, q.independent_sources))}"
            + _cites(Source(v.article, v.paragraph) for v in q.variants)
        )
    out += [NONE] if not st.quotes else []
    out.append("")

    out += ["### Timeline", ""]
    out += [f"- **{md(e.date)}** {md(e.text)}{_cites(e.sources)}" for e in st.timeline] or [NONE]
    out.append("")

    out += ["### Entities", ""]
    if st.entities:
        out += ["| name | type | aliases | mentions |", "|---|---|---|---|"]
        out += [
            f"| {md(e.name)} | {e.type_label} | {md(', '.join(e.aliases))} | {md(', '.join(f'{source_label(o)}: {n}' for o, n in e.mentions.items()))} |"
            for e in st.entities
        ]
    else:
        out.append(NONE)
    out.append("")

    out += ["### Framing", ""]
    if st.framing:
        names = {e.id: e.name for e in st.entities}
        out += ["| outlet | headline | labels | loaded words | unattributed |", "|---|---|---|---|---|"]
        for f in st.framing:
            labels = "; ".join(f"{names.get(k, k)}: {', '.join(v)}" for k, v in f.labels.items())
            out.append(
                f"| {md(source_label(f.outlet))} | {md(f.headline or '')} | {md(labels)} | {md(', '.join(f.loaded_words))} | {f.unattributed_share:.0%} |"
            )
    else:
        out.append(NONE)
    out.append("")
    return out


def header_lines(report: Report) -> list[str]:
    return [
        "# newsfuse report",
        "",
        f"{plural(len(report.stories), 'story', 'stories')} from {plural(len(report.articles), 'article')}; "
        f"{len(report.rejections)} inputs rejected. Schema {report.schema_version}.",
        "",
    ]


def story_lines(st: Story, by_id: Mapping[str, Article]) -> list[str]:
    """One story's section (``## headline`` and every analysis part)."""
    return _story(st, by_id)


def article_lines(a: Article) -> list[str]:
    """One article's section: metadata, clean text and the audit of what cleaning removed."""
    lines = [f"### {md(a.title or a.id)}", ""]
    lines.append(
        f"`{a.id}` · {md(a.outlet or 'unknown outlet')} · {a.date or 'undated'} · {md(a.author or 'no author')} · from {md(a.origin)}"
    )
    lines.append("")
    lines += [f"{md(p.id)}. {md(p.text)}" for p in a.paragraphs] or [NONE]
    lines.append("")
    lines.append(f"Removed blocks: {len(a.removed)}" + ("" if a.removed else " (none found)"))
    lines += [
        f"- _{b.reason}_ (block {b.position}{'; ' + md(b.detail) if b.detail else ''}): {md(b.text)}" for b in a.removed
    ]
    lines += [f"- note: {md(n)}" for n in a.notes]
    lines.append("")
    return lines


def rejection_line(r: Rejection) -> str:
    return f"- {md(r.origin)}: {r.reason} at {r.stage}{' — ' + md(r.detail) if r.detail else ''}"


def steps_lines(stats: Sequence[StepStats]) -> list[str]:
    lines = ["## Steps", "", "| step | in | kept | rejected | seconds |", "|---|---|---|---|---|"]
    lines += [
        f"| {s.step} | {s.read} | {s.kept} | {', '.join(f'{k}: {v}' for k, v in s.rejected.items())} | {s.seconds:.2f} |"
        for s in stats
    ]
    return lines


def markdown_chunks(report: Report) -> Iterator[str]:
    """``report.md`` piece by piece (one story or article per piece), so a writer can stream it."""
    by_id = {a.id: a for a in report.articles}
    yield "\n".join(header_lines(report)) + "\n"
    if not report.stories:
        yield NONE + "\n\n"
    for st in by_coverage(report.stories):
        yield "\n".join(_story(st, by_id)) + "\n"

    yield "## Articles\n\n"
    for a in report.articles:
        yield "\n".join(article_lines(a)) + "\n"
    if not report.articles:
        yield NONE + "\n\n"

    lines = ["## Rejected inputs", ""]
    lines += [rejection_line(r) for r in report.rejections] or [NONE]
    lines += ["", *steps_lines(report.stats)]
    yield "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    return "".join(markdown_chunks(report))
