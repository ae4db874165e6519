"""Invented articles about a fictional truce (no real text): two outlets, one reprint."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, CopyInfo, make_paragraphs

LEDGER = [
    "Commander Dmitri Haskarov left Rennick on Tuesday without signing the truce agreement, the foreign ministry said.",
    "Karim al-Mansuri, head of the Northern Salvation Front (NSF), signed the deal after seven hours of talks.",
    "At least 300 people have been killed in the fighting around Port Amsel since March, according to aid groups.",
    "“We will not hesitate to punish the rebel Haskarov if he attacks our brothers in Port Amsel again,” President Lena Ostrova said.",
    "The strongman Haskarov has ignored earlier calls for a ceasefire.",
]
WIRE = [
    "Dmitry Hoskarov, the warlord who controls the north, left Rennick without signing the truce agreement on Tuesday.",
    "Kareem Mansuri signed the deal for the NSF, officials said.",
    "At least 450 people have been killed in the fighting around Port Amsel since March, the Red Crescent said.",
    "Ostrova threatened Hoskarov. “We shall never hesitate to punish Hoskarov the way he deserves if he attacks our brothers in Port Amsel,” she told reporters.",
    "A new glass bridge over the Selva river opened in the capital of Veloria this spring, the mayor announced.",
]


def article(
    aid: str, outlet: str | None, paras: list[str], title: str | None = None, copy_of: str | None = None
) -> Article:
    return Article(
        id=aid,
        origin=f"test:{aid}",
        outlet=outlet,
        title=title,
        paragraphs=make_paragraphs(paras),
        copy_of=CopyInfo(of=copy_of, similarity=1.0, kind="exact") if copy_of else None,
    )


@pytest.fixture
def two_outlets() -> dict[str, Article]:
    arts = [
        article("a1", "Daily Ledger", LEDGER, title="Haskarov walks out of Rennick talks"),
        article("a2", "Morning Wire", WIRE, title="Truce talks end without Hoskarov's signature"),
    ]
    return {a.id: a for a in arts}


@pytest.fixture
def with_reprint() -> dict[str, Article]:
    arts = [
        article("a1", "Daily Ledger", LEDGER, title="Haskarov walks out of Rennick talks"),
        article("a3", "Reprint Gazette", LEDGER, title="Haskarov walks out of Rennick talks", copy_of="a1"),
    ]
    return {a.id: a for a in arts}
