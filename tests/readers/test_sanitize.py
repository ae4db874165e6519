"""Text sanitised at the door: NUL, lone surrogates and control characters never get past reading."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsfuse.extract import extract_documents
from newsfuse.model import Article, RawDocument, Rejection
from newsfuse.options import Options
from newsfuse.readers import read_inputs
from newsfuse.readers.sanitize import sanitize_document, sanitize_text

BODY = (
    "Engineers in the town of Kelbrook opened two floodgates on Monday after the reservoir rose.\n\n"
    "About 1,200 residents were told to leave the lower valley, the mayor said on Tuesday."
)


def test_sanitize_text_removes_nul_and_controls_and_replaces_surrogates() -> None:
    from collections import Counter

    found: Counter[str] = Counter()
    out = sanitize_text("a\x00b\ud800c\x07d\te\nf\rg\x0ch\x7f", found)
    assert out == "ab\ufffdcd\te\nf\rg\nh"
    assert found == {"nul": 1, "surrogate": 1, "control": 3}
    assert sanitize_text("plain text, no change") == "plain text, no change"
    assert sanitize_text("astral \U0001f600 kept") == "astral \U0001f600 kept"  # a valid pair is one character


def test_sanitized_document_says_what_changed() -> None:
    doc = RawDocument(
        origin="x",
        content="Body\x00 text",
        kind="record",
        input_format="json",
        title="Ti\ud800tle",
        author="Ann\x1b Lee",
    )
    clean = sanitize_document(doc)
    assert clean.content == "Body text" and clean.title == "Ti\ufffdtle" and clean.author == "Ann Lee"
    assert len(clean.notes) == 1 and "NUL" in clean.notes[0] and "lone surrogate" in clean.notes[0]
    assert "content" in clean.notes[0] and "title" in clean.notes[0] and "author" in clean.notes[0]
    same = RawDocument(origin="x", content="fine", kind="text", input_format="text")
    assert sanitize_document(same) is same


def test_json_record_with_nul_and_surrogate_is_read_clean_and_noted(tmp_path: Path) -> None:
    rec = {
        "title": "Dam\u0000 opened",
        "text": BODY.replace("Monday", "Mon\u0000day\ud800"),
        "author": "Tamsin\u0007 Oduya",
        "url": "https://kelbrook.example/dam\u0000",
        "date": "2021-03-02",
    }
    p = tmp_path / "rec.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")  # json.dumps writes the escapes \u0000 and \ud800
    items = list(read_inputs([str(p)], Options()))
    assert len(items) == 1 and isinstance(items[0], RawDocument)
    doc = items[0]
    for value in (doc.content, doc.title, doc.author, doc.url):
        assert value is not None and "\x00" not in value and "\ud800" not in value and "\x07" not in value
    assert "Monday\ufffd" in doc.content
    (art,) = extract_documents([doc], Options())
    assert isinstance(art, Article)
    assert any("input sanitised" in n for n in art.notes), art.notes
    json.dumps(art.to_dict()).encode("utf-8")  # storable: encodes as UTF-8


def test_control_characters_in_a_text_file_are_removed(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(("Dam opened\n\n" + BODY.replace("floodgates", "flood\x1bgates\x0b")).encode())
    (doc,) = read_inputs([str(p)], Options())
    assert isinstance(doc, RawDocument)
    assert "\x1b" not in doc.content and "floodgates" in doc.content and doc.notes


@pytest.mark.skipif(os.name != "posix", reason="non-UTF-8 file names")
def test_undecodable_file_name_gives_a_storable_origin(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path)) + b"/bad\xff.txt"
    try:
        with open(name, "wb") as fh:
            fh.write(("Dam opened\n\n" + BODY).encode())
    except OSError:
        pytest.skip("file system refuses the name")
    items = list(read_inputs([str(tmp_path)], Options()))
    assert len(items) == 1
    item = items[0]
    origin = item.origin
    assert isinstance(item, (RawDocument, Rejection))
    origin.encode("utf-8")  # no lone surrogate left (os.fsdecode gives one for the byte 0xff)
