from __future__ import annotations

import gzip
import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from newsfuse.model import RawDocument, Rejection
from newsfuse.options import Options
from newsfuse.readers import read_inputs

ARTICLE = (
    "Floodgates Opened at Verrin Dam\n\nBy Tamsin Oduya\n\n"
    "Engineers in the town of Kelbrook opened two floodgates on Monday after the reservoir rose.\n\n"
    "About 1,200 residents were told to leave the lower valley, the mayor said.\n"
)
HTML = (
    "<!DOCTYPE html><html><head><title>Verrin Dam | Kelbrook Courier</title></head>"
    "<body><h1>Verrin Dam</h1><p>Engineers opened two floodgates on Monday.</p></body></html>"
)


def read(paths: list[str], options: Options | None = None) -> list[RawDocument | Rejection]:
    return list(read_inputs(paths, options or Options()))


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.html").write_text(HTML, encoding="utf-8")
    items = read([str(tmp_path)])
    assert [Path(i.origin).name for i in items] == ["a.txt", "c.html", "z.txt"]
    assert [i.kind for i in items if isinstance(i, RawDocument)] == ["text", "html", "text"]
    assert items == read([str(tmp_path)])  # stable


def test_format_chosen_by_content_not_name(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(HTML, encoding="utf-8")
    (tmp_path / "story.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "rec.txt").write_text(json.dumps({"text": "Body text here.", "title": "T"}), encoding="utf-8")
    kinds = {Path(i.origin).name.split("#")[0]: i.kind for i in read([str(tmp_path)]) if isinstance(i, RawDocument)}
    assert kinds == {"page.txt": "html", "story.html": "text", "rec.txt": "record"}


def test_jsonl_fields_news_please_and_wcep(tmp_path: Path) -> None:
    lines = [
        {
            "maintext": "Gates opened.",
            "title": "Dam",
            "url": "https://www.kelbrook-courier.example/a",
            "date_publish": "2031-03-04 10:00:00",
            "source_domain": "kelbrook-courier.example",
            "authors": ["Tamsin Oduya", "Pell Ruark"],
            "language": "en",
        },
        {
            "id": "cluster-1",
            "date": "2031-03-04",
            "articles": [{"text": "One.", "time": "2031-03-04"}, {"content": "Two.", "site": "valleypost.example"}],
        },
    ]
    p = tmp_path / "recs.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = read([str(p)])
    assert all(isinstance(i, RawDocument) for i in items)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.origin for d in docs] == [f"{p}#1", f"{p}#2/1", f"{p}#2/2"]
    first = docs[0]
    assert (first.kind, first.content, first.title, first.date) == (
        "record",
        "Gates opened.",
        "Dam",
        "2031-03-04 10:00:00",
    )
    assert first.author == "Tamsin Oduya, Pell Ruark"
    assert first.outlet == "kelbrook-courier.example" and first.language == "en"
    assert docs[1].date == "2031-03-04" and docs[2].outlet == "valleypost.example"


def test_json_list_and_record_without_text(tmp_path: Path) -> None:
    p = tmp_path / "list.json"
    p.write_text(json.dumps([{"body": "Text one."}, {"title": "no text here"}], indent=2), encoding="utf-8")
    items = read([str(p)])
    assert isinstance(items[0], RawDocument) and items[0].content == "Text one."
    assert isinstance(items[1], Rejection) and items[1].reason == "no_text" and items[1].origin == f"{p}/2"


def test_malformed_jsonl_line_among_good_ones(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"text": "Good one."}\n{"text": broken\n\n{"text": "Good two."}\n', encoding="utf-8")
    items = read([str(p)])
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "RawDocument"]
    bad = items[1]
    assert isinstance(bad, Rejection) and bad.reason == "malformed" and bad.origin == f"{p}#2"


def test_gzip_any_format_and_truncated_gzip(tmp_path: Path) -> None:
    good = tmp_path / "story.txt.gz"
    good.write_bytes(gzip.compress(ARTICLE.encode()))
    page = tmp_path / "page.gz"
    page.write_bytes(gzip.compress(HTML.encode()))
    data = gzip.compress((ARTICLE * 50).encode())
    trunc = tmp_path / "cut.txt.gz"
    trunc.write_bytes(data[: len(data) // 2])
    items = {Path(i.origin).name: i for i in read([str(tmp_path)])}
    assert isinstance(items["story.txt.gz"], RawDocument) and items["story.txt.gz"].content == ARTICLE
    assert isinstance(items["page.gz"], RawDocument) and items["page.gz"].kind == "html"
    assert isinstance(items["cut.txt.gz"], Rejection) and items["cut.txt.gz"].reason == "truncated"


def test_truncated_gzipped_jsonl_keeps_good_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Record number {i} " + "x" * 200}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = read([str(p)])
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Rejection) and items[-1].reason == "truncated"
    assert 0 < len(items) - 1 < 200


def test_empty_whitespace_and_binary_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 20)
    reasons = {Path(i.origin).name: getattr(i, "reason", None) for i in read([str(tmp_path)])}
    assert reasons == {"blank.txt": "empty", "empty.txt": "empty", "image.jpg": "binary"}


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("latin-1", b""), ("cp1252", b""), ("utf-16", b""), ("utf-8-sig", b""), ("utf-16-le", b"")],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    text = "Café “Verrin” — l’équipe a ouvert les vannes.\n\nSecond paragraph."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("—", "-").replace("’", "'")
    p = tmp_path / "enc.txt"
    p.write_bytes(prefix + text.encode(encoding))
    (item,) = read([str(p)])
    assert isinstance(item, RawDocument) and item.content == text


def test_large_file_rejected_without_loading(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    line = ("The reservoir level rose again overnight in Kelbrook. " * 20 + "\n").encode()
    with p.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert p.stat().st_size >= 50 * 1024 * 1024
    options = Options()
    options.read.max_file_bytes = 10 * 1024 * 1024
    tracemalloc.start()
    (item,) = read([str(p)], options)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(item, Rejection) and item.reason == "too_large"
    assert peak < 1024 * 1024  # nothing of the file was loaded


def test_large_jsonl_is_streamed(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    rec = (json.dumps({"text": "Sandbags were stacked along the river wall. " * 1000}) + "\n").encode()
    n = 50 * 1024 * 1024 // len(rec) + 1
    with p.open("wb") as fh:
        for _ in range(n):
            fh.write(rec)
    count = 0
    tracemalloc.start()
    for item in read_inputs([str(p)], Options()):
        assert isinstance(item, RawDocument)
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == n
    assert peak < 8 * 1024 * 1024  # one record at a time, never the 50 MB file


def test_gzip_bomb_is_limited(tmp_path: Path) -> None:
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * (3 * 1024 * 1024)))
    options = Options()
    options.read.max_file_bytes = 1024 * 1024
    (item,) = read([str(p)], options)
    assert isinstance(item, Rejection) and item.reason == "too_large"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("cp1252")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (item,) = read(["-"])
    assert isinstance(item, RawDocument) and item.origin == "-" and item.content == ARTICLE


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (item,) = read([str(tmp_path / "nope.txt")])
    assert isinstance(item, Rejection) and item.reason == "missing"


def test_bad_paths_argument() -> None:
    with pytest.raises(ValueError):
        list(read_inputs("a.txt", Options()))  # type: ignore[arg-type]


def _warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "test"}))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://kelbrook-courier.example/dam", "response", payload=io.BytesIO(HTML.encode()), http_headers=http
            )
        )
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://kelbrook-courier.example/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG...."),
                http_headers=img,
            )
        )
        w.write_record(
            w.create_warc_record(
                "https://kelbrook-courier.example/dam", "request", payload=io.BytesIO(b"GET /dam HTTP/1.1\r\n\r\n")
            )
        )


@pytest.mark.parametrize("gz", [False, True])
def test_warc_with_non_html_records(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(p, gz)
    items = read([str(p)])
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) == 1 and docs[0].kind == "html" and docs[0].input_format == "warc"
    assert docs[0].url == "https://kelbrook-courier.example/dam" and "floodgates" in docs[0].content
    assert sorted(r.reason for r in rejected) == ["not_html", "not_response", "not_response"]
    assert all(r.origin.startswith(f"{p}#") for r in rejected)


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    _warc(p, True)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) - 40])
    items = read([str(p)])
    assert isinstance(items[-1], Rejection) and items[-1].reason in ("truncated", "malformed")
    assert any(isinstance(i, RawDocument) for i in items)


def test_record_with_html_field_goes_to_html_extraction(tmp_path: Path) -> None:
    p = tmp_path / "crawl.jsonl"
    p.write_text(json.dumps({"url": "https://kelbrook-courier.example/dam", "html": HTML}) + "\n", encoding="utf-8")
    (item,) = read([str(p)])
    assert isinstance(item, RawDocument) and item.kind == "html" and item.input_format == "json"
    assert item.url == "https://kelbrook-courier.example/dam"


def test_text_starting_with_a_brace_stays_text(tmp_path: Path) -> None:
    p = tmp_path / "odd.txt"
    p.write_text("{Updated} Floodgates opened\n\nEngineers opened two gates on Monday.\n", encoding="utf-8")
    (item,) = read([str(p)])
    assert isinstance(item, RawDocument) and item.kind == "text"


def test_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"text": "One."}\n{"text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = read(["-"])
    assert [i.origin for i in items] == ["-#1", "-#2"] and all(isinstance(i, RawDocument) for i in items)


def test_documents_are_named_below_the_input_given(tmp_path: Path) -> None:
    (tmp_path / "crawl" / "day1").mkdir(parents=True)
    (tmp_path / "crawl" / "day1" / "a.txt").write_text("The mayor opened the school hall to families overnight.")
    (tmp_path / "crawl" / "b.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')
    docs = [d for d in read_inputs([str(tmp_path / "crawl")], Options()) if isinstance(d, RawDocument)]
    assert [d.name for d in docs] == ["crawl/b.jsonl#1", "crawl/b.jsonl#2", "crawl/day1/a.txt"]
    docs = [d for d in read_inputs([str(tmp_path / "crawl" / "b.jsonl")], Options()) if isinstance(d, RawDocument)]
    assert [d.name for d in docs] == ["b.jsonl#1", "b.jsonl#2"]
    with pytest.raises(ValueError, match="one name per path"):
        list(read_inputs([str(tmp_path / "crawl")], Options(), names=[]))
