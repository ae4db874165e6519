"""Bad scraper records are processed or rejected with a reason (invented records)."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.exec.local import analyze
from newsfuse.model import Article
from newsfuse.options import Options

BODY = "The council met on Monday and voted to reopen the bridge over the Verrin after the flood waters fell. " * 3


def test_bad_records_end_processed_or_rejected(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ""}),
        json.dumps({"text": f"<html><body><h1>Bridge reopens</h1><p>{BODY}</p><p>{BODY}</p></body></html>"}),
        json.dumps({"text": BODY, "date": "not a date at all"}),
        json.dumps(
            {
                "text": "\n".join(
                    f"Paragraph {i} says the bridge over the Verrin is open again today." for i in range(2000)
                )
            }
        ),
    ]
    f = tmp_path / "crawl.jsonl"
    f.write_bytes(
        ("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9 bytes: ' + BODY.encode() + b'"}\n{"text": \n'
    )
    report = analyze([str(f)], Options())
    assert len(report.articles) + len(report.rejections) == 6
    assert {r.reason for r in report.rejections} == {"no_text", "malformed"}
    by_line = {int(a.origin.rsplit("#", 1)[1]): a for a in report.articles}
    html = by_line[2]
    assert isinstance(html, Article) and html.title == "Bridge reopens" and "<p>" not in html.text
    assert any("unparseable date" in n for n in by_line[3].notes)
    assert len(by_line[4].paragraphs) == 2000
    assert "caf" in by_line[5].text
