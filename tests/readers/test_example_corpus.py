"""The bundled example corpus reads as documented in examples/README.md."""

from __future__ import annotations

from pathlib import Path

from newsfuse.extract import extract_documents
from newsfuse.model import Article, RawDocument
from newsfuse.options import Options
from newsfuse.readers import read_inputs

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_corpus_reads_every_file() -> None:
    items = list(read_inputs([str(CORPUS)], Options()))
    assert all(isinstance(i, RawDocument) for i in items)
    kinds = {Path(i.origin).name: i.kind for i in items if isinstance(i, RawDocument)}
    assert kinds == {
        "kcr-bulletin-verrin-dam.txt": "text",
        "kelbrook-courier-verrin-dam-evacuation.txt": "text",
        "meridian-observer-verrin-dam.txt": "text",
        "northern-wire-service.jsonl#1": "record",
        "northern-wire-service.jsonl#2": "record",
        "riverland-today-verrin-dam.html": "html",
        "valley-post-dam-reprint.txt": "text",
    }


def test_corpus_html_and_records_extract_with_metadata() -> None:
    docs = [i for i in read_inputs([str(CORPUS)], Options()) if isinstance(i, RawDocument) and i.kind != "text"]
    arts = {Path(a.origin).name: a for a in extract_documents(docs, Options()) if isinstance(a, Article)}
    html = arts["riverland-today-verrin-dam.html"]
    assert (html.title, html.author, html.date, html.outlet) == (
        "Verrin Dam crack: what we know so far",
        "Mira Castellane",
        "2025-03-10",
        "riverlandtoday.example",
    )
    body = html.text
    assert "about 1,200 residents" in body and "Orla Vance" in body
    for noise in ("valleygirl_72", "Sign up", "Related stories", "Share on", "All rights reserved", "Photo:"):
        assert noise not in body, noise
    assert {r.reason for r in html.removed} >= {"comment"}
    wire = arts["northern-wire-service.jsonl#1"]
    assert (wire.author, wire.date, wire.outlet) == ("Anouk Delacroix", "2025-03-10", "northernwire.example")
    assert "About 1,500 people" in wire.text  # the figure the other outlets give as 1,200
