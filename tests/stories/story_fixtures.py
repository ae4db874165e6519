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
