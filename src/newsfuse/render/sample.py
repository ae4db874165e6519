"""A small invented report that uses every type of the model (tests, benchmarks, previews).

The articles are made up (a fictional city, fictional people).  ``hostile=True`` plants markup in
article text, titles and URLs, as a scraped page might, to check that every renderer escapes it.
Preview: ``python -m newsfuse.render.sample OUT_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsfuse.model import (
    Article,
    Claim,
    ClaimSentence,
    Conflict,
    ConflictValue,
    CopyInfo,
    Entity,
    OutletFraming,
    PublishedDate,
    Quote,
    Rejection,
    RemovedBlock,
    Report,
    Source,
    StepStats,
    Story,
    SummarySentence,
    TimelineEvent,
    make_paragraphs,
)
from newsfuse.render.files import write_report

# Payloads a hostile page could carry; each would set window.__pwned or change the title if it ran.
SCRIPT_PAYLOAD = '<script>window.__pwned = "script"; document.title = "pwned";</script>'
ONERROR_PAYLOAD = "<img src=\"x\" onerror=\"window.__pwned = 'onerror'; document.title = 'pwned'\">"


def sample_articles(hostile: bool = False) -> list[Article]:
    extra = f" {SCRIPT_PAYLOAD} {ONERROR_PAYLOAD}" if hostile else ""
    a1 = Article(
        id="a000000000a1",
        origin="fixtures/harbour-gazette.html",
        title="Old harbour bridge in Verlon reopens after two years" + (f" {ONERROR_PAYLOAD}" if hostile else ""),
        outlet="harbourgazette.example",
        outlet_source="url",
        author="Mira Castell",
        url="https://harbourgazette.example/2021/03/bridge" if not hostile else "javascript:alert(1)",
        published=PublishedDate("2021-03-02", "metadata", 0.95),
        language="en",
        input_format="html",
        paragraphs=make_paragraphs(
            [
                "VERLON — The old harbour bridge reopened on Tuesday after two years of repairs, Mayor Ilse Brandt said.",
                "The repairs cost 40 million euros, according to the city council." + extra,
                "\u201cThis bridge is the heart of our city,\u201d Brandt told reporters at the ribbon cutting.",
                "Work began in March 2019 when inspectors found cracks in two of the main piers.",
            ]
        ),
        removed=[
            RemovedBlock("Subscribe to our newsletter for daily updates!", 7, "promo", "call-to-action pattern"),
            RemovedBlock("jon_d 2 hours ago: finally!! Reply", 9, "comment", "username/date/Reply pattern"),
        ],
        notes=["title taken from og:title"],
    )
    a2 = Article(
        id="a000000000a2",
        origin="fixtures/verlon-post.txt",
        title="Verlon bridge open again, at a cost of 45 million",
        outlet="verlonpost.example",
        outlet_source="signature",
        published=PublishedDate("2021-03-02", "dateline", 0.8),
        input_format="text",
        paragraphs=make_paragraphs(
            [
                "Verlon's harbour bridge opened to traffic again on Tuesday, two years after it was closed.",
                "City officials put the final bill at 45 million euros, above the first estimate.",
                "Mayor Brandt called the bridge \u201cthe heart of our city\u201d at the reopening.",
            ]
        ),
    )
    a3 = Article(
        id="a000000000a3",
        origin="fixtures/wire-copy.json#3",
        title="Verlon bridge open again, at a cost of 45 million",
        outlet="dailyaggregator.example",
        outlet_source="input",
        published=PublishedDate("2021-03-03", "input", 1.0),
        input_format="json",
        paragraphs=make_paragraphs(
            [
                "Verlon's harbour bridge opened to traffic again on Tuesday, two years after it was closed.",
                "City officials put the final bill at 45 million euros, above the first estimate.",
            ]
        ),
        copy_of=CopyInfo(of="a000000000a2", similarity=0.91, kind="contained"),
    )
    a4 = Article(
        id="a000000000a4",
        origin="fixtures/river-festival.txt",
        title="Verlon river festival moves to June",
        outlet="verlonpost.example",
        published=PublishedDate("2021-02-10", "filename", 0.6),
        paragraphs=make_paragraphs(
            ["The annual river festival in Verlon will move from May to June this year, organisers said."]
        ),
        notes=["single article: no cross-check possible"],
    )
    return [a1, a2, a3, a4]


def sample_report(hostile: bool = False) -> Report:
    arts = sample_articles(hostile)
    a1, a2, a3, a4 = arts
    o1, o2, o3 = a1.outlet, a2.outlet, a3.outlet
    payload = f" {SCRIPT_PAYLOAD}" if hostile else ""
    brandt = Entity(
        "e1", "Ilse Brandt", "person", aliases=["Mayor Brandt", "Brandt"], mentions={o1 or "": 3, o2 or "": 1}
    )
    verlon = Entity("e2", "Verlon", "place", mentions={o1 or "": 1, o2 or "": 1, o3 or "": 1})
    council = Entity("e3", "Verlon city council", "organisation", aliases=["city officials"], mentions={o1 or "": 1})
    story = Story(
        id="s0001",
        articles=[a1.id, a2.id, a3.id],
        outlets=sorted({o1 or "", o2 or "", o3 or ""}),
        independent_sources=2,
        first_date="2021-03-02",
        last_date="2021-03-03",
        title="Old harbour bridge in Verlon reopens",
        headline=SummarySentence(
            "Verlon's old harbour bridge reopens after two years of repairs" + payload,
            sources=[Source(a1.id, "p1", o1), Source(a2.id, "p1", o2)],
            outlets=[o1 or "", o2 or ""],
            independent_sources=2,
        ),
        summary=[
            SummarySentence(
                "The old harbour bridge in Verlon reopened on Tuesday after two years of repairs.",
                sources=[Source(a1.id, "p1", o1), Source(a2.id, "p1", o2), Source(a3.id, "p1", o3)],
                outlets=[o1 or "", o2 or "", o3 or ""],
                independent_sources=2,
            ),
            SummarySentence(
                "Reports of the cost differ: 40 million euros or 45 million euros." + payload,
                sources=[Source(a1.id, "p2", o1), Source(a2.id, "p2", o2)],
                outlets=[o1 or "", o2 or ""],
                independent_sources=2,
            ),
        ],
        claims=[
            Claim(
                "c1",
                "The bridge reopened on Tuesday.",
                sentences=[
                    ClaimSentence(a1.paragraphs[0].text, a1.id, "p1", o1),
                    ClaimSentence(a2.paragraphs[0].text, a2.id, "p1", o2),
                    ClaimSentence(a3.paragraphs[0].text, a3.id, "p1", o3),
                ],
                outlets=[o1 or "", o2 or "", o3 or ""],
                independent_sources=2,
                status="agreed",
            ),
            Claim(
                "c2",
                "The repairs cost 40 million euros." + payload,
                sentences=[ClaimSentence(a1.paragraphs[1].text, a1.id, "p2", o1)],
                outlets=[o1 or ""],
                independent_sources=1,
                status="disputed",
                conflicts=["k1"],
            ),
            Claim(
                "c3",
                "Work began in March 2019 after inspectors found cracks.",
                sentences=[ClaimSentence(a1.paragraphs[3].text, a1.id, "p4", o1)],
                outlets=[o1 or ""],
                independent_sources=1,
                status="single_source",
            ),
        ],
        conflicts=[
            Conflict(
                "k1",
                "figure",
                "repair cost (euros)",
                values=[
                    ConflictValue("40000000", a1.paragraphs[1].text, [Source(a1.id, "p2", o1)], [o1 or ""]),
                    ConflictValue(
                        "45000000",
                        a2.paragraphs[1].text,
                        [Source(a2.id, "p2", o2), Source(a3.id, "p2", o3)],
                        [o2 or "", o3 or ""],
                    ),
                ],
            )
        ],
        quotes=[
            Quote(
                "q1",
                "This bridge is the heart of our city",
                speaker="e1",
                speaker_name="Ilse Brandt",
                variants=[
                    ClaimSentence("\u201cThis bridge is the heart of our city\u201d", a1.id, "p3", o1),
                    ClaimSentence("\u201cthe heart of our city\u201d", a2.id, "p3", o2),
                ],
                outlets=[o1 or "", o2 or ""],
                independent_sources=2,
            ),
            Quote(
                "q2",
                "finally open" + payload,
                speaker=None,
                speaker_name=None,
                outlets=[o3 or ""],
                independent_sources=1,
            ),
        ],
        entities=[brandt, verlon, council],
        timeline=[
            TimelineEvent(
                "2019-03",
                "month",
                "Inspectors found cracks in two main piers; work began.",
                ["in March 2019"],
                [Source(a1.id, "p4", o1)],
                [o1 or ""],
            ),
            TimelineEvent(
                "2021-03-02",
                "day",
                "The bridge reopened to traffic.",
                ["on Tuesday"],
                [Source(a1.id, "p1", o1), Source(a2.id, "p1", o2)],
                [o1 or "", o2 or ""],
            ),
        ],
        framing=[
            OutletFraming(
                o1 or "", a1.title, labels={"e1": ["Mayor"]}, loaded_words=["heart"], unattributed_share=0.25
            ),
            OutletFraming(
                o2 or "", a2.title, labels={"e3": ["city officials"]}, loaded_words=[], unattributed_share=0.5
            ),
        ],
        notes=["one article is a partial copy of another: counted once"],
    )
    lone = Story(
        id="s0002",
        articles=[a4.id],
        outlets=[a4.outlet or ""],
        independent_sources=1,
        first_date="2021-02-10",
        last_date="2021-02-10",
        title="Verlon river festival moves to June",
        notes=["single article: no cross-check possible"],
    )
    return Report(
        articles=arts,
        stories=[story, lone],
        rejections=[
            Rejection("fixtures/empty.txt", "empty", "0 bytes", "read"),
            Rejection("fixtures/menu.html", "no_text", "12 characters of body", "validate"),
        ],
        stats=[
            StepStats("read", 6, 5, {"empty": 1}, 0.01),
            StepStats("extract", 5, 5, {}, 0.2),
            StepStats("validate", 5, 4, {"no_text": 1}, 0.0),
        ],
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m newsfuse.render.sample OUT_DIR", file=sys.stderr)
        return 2
    for kind, path in write_report(sample_report(), Path(argv[0])).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
