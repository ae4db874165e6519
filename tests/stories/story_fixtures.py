"""Invented articles for the stories tests (no text from any dataset)."""

from __future__ import annotations

from newsfuse.model import Article, PublishedDate, make_paragraphs

QUAKE_A = [
    "A magnitude 6.2 earthquake struck near Valdoria in northern Castavia on Tuesday, killing 14 people and "
    "destroying dozens of homes in the mountain villages around Lake Orsen.",
    "Rescue teams led by Castavian interior minister Ilse Brandvold searched the rubble in Valdoria through the "
    "night, while the Red Crescent opened shelters in the town of Merkesh.",
    "The Orsen seismic institute said the quake hit at a depth of 12 kilometres and was followed by 40 aftershocks.",
    "Brandvold said the army would deliver tents and water to Valdoria and promised to rebuild the damaged school.",
    "Residents of Merkesh described walls cracking and roofs falling as the ground shook for almost a minute.",
]
QUAKE_B = [
    "A magnitude 5.4 earthquake hit the island of Selkan off the coast of Port Merrow on Friday, injuring 31 people "
    "and cutting power to the harbour district.",
    "Port Merrow mayor Tomas Quillan said ferries to Selkan were suspended while engineers inspected the piers and "
    "the lighthouse at Cape Dunmore.",
    "The Selkan observatory recorded the quake at a depth of 35 kilometres; it was felt as far as the city of Ardwick.",
    "Quillan asked residents of Selkan to stay out of old stone buildings until the inspections were finished.",
    "Fishermen in Port Merrow said boats were thrown against the quay when the tremor struck at dawn.",
]
UNRELATED = [
    "The Northbridge orchestra announced a season of twelve concerts, opening with a new cello concerto by the "
    "composer Halvard Pensig in the restored Corn Exchange hall.",
    "Ticket prices will stay at last year's level, the orchestra's director Mina Osterlund said, and students will "
    "be admitted free to the Sunday matinees.",
    "Pensig, who wrote the concerto during a residency in Lisbourne, will conduct the premiere himself.",
]


def article(
    aid: str,
    paragraphs: list[str],
    *,
    title: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
) -> Article:
    art = Article(id=aid, origin=f"test/{aid}.txt", paragraphs=make_paragraphs(paragraphs), title=title, outlet=outlet)
    if date:
        art.published = PublishedDate(date, "input", 1.0)
    return art


def rotate(paras: list[str], k: int) -> list[str]:
    """A different report of the same event: same facts, another order and lead."""
    k %= len(paras)
    return paras[k:] + paras[:k]


def event_reports(prefix: str, paras: list[str], title: str, date: str, n: int = 4) -> list[Article]:
    """n different reports of one event (rotated paragraphs, some dropped, own titles)."""
    out = []
    for i in range(n):
        ps = rotate(paras, i)[: len(paras) - (i % 2)]
        out.append(article(f"{prefix}{i}", ps, title=f"{title} ({i})", date=date, outlet=f"{prefix}-outlet{i}"))
    return out


# An invented news stream for the live-vs-batch tests: events of a few kinds in invented places,
# reports that share the event's own facts and some wording of their kind (look-alike events),
# reprints and trimmed copies by other outlets, a few undated reports.
_PLACES = ["Varlow", "Ostrand", "Kelmouth", "Brisa Vale", "Tornhill", "Quenby", "Saltmere", "Dunrock"]
_PEOPLE = [
    "Ilse Marrow",
    "Tomas Venn",
    "Ana Rusk",
    "Karl Ebberly",
    "Mira Solt",
    "Otto Krane",
    "Lena Varga",
    "Piet Holm",
]
_KINDS = {
    "fire": (
        "A fire at the {site} in {place} destroyed {n} warehouses on {day}, fire chief {person} said.",
        [
            "Smoke from the {site} could be seen across {place} for hours.",
            "Firefighters from {n2} stations fought the blaze at the {site} through the night.",
            "{person} said the cause of the fire at the {site} was not yet known.",
        ],
    ),
    "strike": (
        "Dock workers in {place} began a {n}-day strike at the {site} on {day}, union leader {person} said.",
        [
            "Ships queued outside the {site} as cranes stood idle in {place}.",
            "{person} said the operator of the {site} had refused a raise of {n2} percent.",
            "Talks between the union and the {site} owners are due to resume next week.",
        ],
    ),
    "flood": (
        "Floods in {place} forced {n}00 people from their homes near the {site} on {day}, said {person}.",
        [
            "The river rose {n2} centimetres above its record level by the {site}.",
            "Volunteers filled sandbags outside the {site} in {place} while schools closed.",
            "{person} said pumps were brought from neighbouring towns to drain the {site}.",
        ],
    ),
}
_SITES = ["Harrow Quay", "Old Mill Yard", "Crane Wharf", "Elm Street depot", "North Lock", "Granary Basin"]
_OUTLETS = ["gazette", "courier", "herald", "observer", "tribune", "ledger", "monitor", "sentinel"]
_WITNESS = [
    "A shopkeeper",
    "A bus driver",
    "One neighbour",
    "A retired teacher",
    "A nurse",
    "A student",
    "A farmer",
    "A night guard",
    "A ferry pilot",
    "A baker",
]
_DETAIL = [
    "the sirens started before dawn",
    "the road was blocked by trucks",
    "power failed twice",
    "the bakery stayed open",
    "children were sent home early",
    "the bridge was closed to cars",
    "phones stopped working",
    "a crowd gathered by the church",
    "the market was cancelled",
    "buses ran late all day",
    "dogs barked for an hour",
    "water was handed out in bottles",
    "the mayor walked through the street",
    "volunteers arrived from the coast",
    "prices doubled",
]
_SHARED = [  # wording every report of a kind may use, whatever the event
    "Officials urged residents to avoid the area and follow updates from the council.",
    "Local businesses said they expected losses for several weeks.",
    "Emergency services said the situation was under control by the evening.",
]


def invented_stream(n: int, seed: int, start: str = "2021-03-01", span_days: int = 30) -> list[Article]:
    """``n`` invented articles of about ``n // 8`` events, in generation order (deterministic)."""
    import random
    from datetime import date as _date
    from datetime import timedelta

    rnd = random.Random(seed)
    first = _date.fromisoformat(start)
    events = []
    for e in range(max(2, n // 8)):
        kind = sorted(_KINDS)[e % len(_KINDS)]
        words = {
            "place": _PLACES[rnd.randrange(len(_PLACES))],
            "person": _PEOPLE[rnd.randrange(len(_PEOPLE))],
            "site": _SITES[rnd.randrange(len(_SITES))],
            "n": rnd.randint(3, 60),
            "n2": rnd.randint(4, 90),
            "day": rnd.choice(["Monday", "Tuesday", "Friday", "Sunday"]),
        }
        events.append((kind, words, first + timedelta(days=rnd.randrange(span_days))))
    out: list[Article] = []
    for i in range(n):
        kind, words, day = events[rnd.randrange(len(events))]
        lead, pool = _KINDS[kind]
        mine = [a for a in out if a.title and a.title.startswith(f"{words['place']} {kind} at {words['site']}")]
        outlet = f"{_OUTLETS[i % len(_OUTLETS)]}.example"
        date = None if rnd.random() < 0.06 else (day + timedelta(days=rnd.randrange(5))).isoformat()
        if mine and rnd.random() < 0.12:  # a reprint (whole or trimmed) of an earlier report of the event
            src = rnd.choice(mine)
            paras = [p.text for p in src.paragraphs]
            if rnd.random() < 0.5 and len(paras) > 3:
                paras = paras[:-1]
            art = article(f"r{i:04d}", paras, title=src.title, date=date, outlet=outlet)
        else:
            paras = [lead.format(**words)]
            paras += rnd.sample([s.format(**words) for s in pool], rnd.randint(2, 3))
            paras += rnd.sample(_SHARED, rnd.randint(1, 2))
            # the report's own words: what one outlet adds (witnesses, background), never a copy
            for _ in range(3):
                who, what = rnd.choice(_WITNESS), rnd.sample(_DETAIL, 3)
                paras.append(
                    f"{who} said {what[0]}, {what[1]} and {what[2]} near the {words['site']} ({rnd.randint(1, 99)})."
                )
            paras.append(
                f"{words['person']} told the {outlet.split('.')[0]} that {rnd.randint(2, 400)} calls came in (report {i})."
            )
            title = f"{words['place']} {kind} at {words['site']}: {lead.format(**words).split(',')[0][:60]}"
            art = article(f"a{i:04d}", paras, title=title, date=date, outlet=outlet)
        art.url = f"https://{outlet}/{kind}/{i}"
        out.append(art)
    return out
