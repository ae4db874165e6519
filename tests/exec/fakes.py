"""Small stand-in steps for executor tests: real logic, no dependency on the other stages.

Input files are JSONL, one invented article per line: ``{"title", "text", "date", "outlet"}``.
Copies are exact text duplicates; stories group articles by title; the "analysis" writes a
headline.  Enough to check that executors cut, ship, checkpoint and join the work correctly.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
from datetime import date
from typing import Any

import pytest

from newsfuse.model import (
    Article,
    CopyInfo,
    PublishedDate,
    Rejection,
    StepStats,
    Story,
    SummarySentence,
    make_paragraphs,
)
from newsfuse.options import Options
from newsfuse.pipeline import ShardResult

EVENTS = ["harbour bridge repairs", "tram line opening", "library fire", "school board vote", "wind farm approval"]


def write_corpus(root: Any, files: int = 6, per_file: int = 8, bad_lines: bool = True) -> list[str]:
    """Invented articles, dates spread over ~5 months, some exact copies across files."""
    paths = []
    for f in range(files):
        lines = []
        for i in range(per_file):
            ev = (f * per_file + i) % len(EVENTS)
            day = 1 + (f * 23 + i * 3) % 150
            d = date.fromordinal(date(2021, 1, 1).toordinal() + day).isoformat()
            text = f"Officials discussed the {EVENTS[ev]} on day {day}. Residents in district {i} reacted."
            if i == 0 and f > 0:
                text = "Officials discussed the harbour bridge repairs on day 1. Residents in district 0 reacted."
            lines.append(json.dumps({"title": EVENTS[ev].title(), "text": text, "date": d, "outlet": f"outlet{i % 3}"}))
        if bad_lines:
            lines.append("{not json")
        p = root / f"part-{f:02d}.jsonl"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def shard_step(paths: list[str], options: Options, today: date, names: list[str] | None = None) -> ShardResult:
    marker = os.environ.get("NEWSFUSE_TEST_KILL_AT")
    out = ShardResult()
    read = 0
    for p in paths:
        if marker and p.endswith(marker):
            os.kill(os.getpid(), signal.SIGKILL)  # a crash nobody can catch, in the middle of the run
        log = os.environ.get("NEWSFUSE_TEST_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(p + "\n")
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                read += 1
                try:
                    rec = json.loads(line)
                except ValueError:
                    out.rejections.append(Rejection(origin=f"{p}#{n}", reason="malformed"))
                    continue
                origin = f"{p}#{n}"
                aid = "a" + hashlib.sha1(f"{origin}{rec['text']}".encode()).hexdigest()[:11]
                out.articles.append(
                    Article(
                        id=aid,
                        origin=origin,
                        paragraphs=make_paragraphs([rec["text"]]),
                        title=rec["title"],
                        outlet=rec["outlet"],
                        published=PublishedDate(rec["date"], "input", 1.0),
                    )
                )
    out.stats = [
        StepStats("read", read, len(out.articles), {"malformed": len(out.rejections)} if out.rejections else {})
    ]
    return out


def signatures(articles: list[Article], options: Options) -> list[Any]:
    return [(a.id, a.date, a.text) for a in articles]


def group(articles: list[Article], sigs: list[Any], options: Options, earlier: object = None) -> None:
    first: dict[str, str] = {}
    for aid, _, text in sorted(sigs, key=lambda s: (s[1], s[0])):
        first.setdefault(text, aid)
    origin = {aid: first[text] for aid, _, text in sigs}
    for a in articles:
        a.copy_of = CopyInfo(of=origin[a.id], similarity=1.0, kind="exact") if origin[a.id] != a.id else None


def cluster(articles: list[Article], options: Options) -> list[Story]:
    """Stories by title, split when a gap longer than the window separates two articles."""
    out: dict[tuple[str, int], Story] = {}
    last: dict[str, tuple[int, int]] = {}
    home: dict[str, Story] = {}
    for a in sorted(articles, key=lambda a: (a.date or "", a.id)):
        if a.copy_of is not None and a.copy_of.of in home:  # copies join their origin's story
            home[a.copy_of.of].articles.append(a.id)
            continue
        d = date.fromisoformat(a.date or "2100-01-01").toordinal()
        title = a.title or ""
        prev = last.get(title)
        run = prev[1] if prev and d - prev[0] <= options.cluster.window_days else (prev[1] + 1 if prev else 0)
        last[title] = (d, run)
        story = out.setdefault((title, run), Story(id=f"s-{title}-{a.id}", title=title))
        story.articles.append(a.id)
        home[a.id] = story
    return list(out.values())


def story(story: Story, by_id: dict[str, Article], options: Options, memo: object = None) -> Story:
    del memo  # the real step's batch memo (pipeline.StoryMemo): nothing to memoise here
    first = by_id[story.articles[0]]
    story.headline = SummarySentence(text=first.paragraphs[0].text)
    story.notes.append(f"{len(story.articles)} articles")
    return story


@pytest.fixture
def fake_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch)


def install(patcher: Any) -> None:
    """Swap the real steps for the fakes (``patcher``: a MonkeyPatch, or None for a plain setattr)."""
    import newsfuse.pipeline as pipeline

    setter = patcher.setattr if patcher is not None else setattr
    setter(pipeline, "shard_step", shard_step)
    setter(pipeline, "dedup_signature_step", signatures)
    setter(pipeline, "dedup_group_step", group)
    setter(pipeline, "cluster_step", cluster)
    setter(pipeline, "story_step", story)
