"""The web app's stories (articles posted one by one, in any order) equal `newsfuse analyze`'s."""

import json
import random
import sys
from pathlib import Path

import pytest

from newsfuse.evals.metrics import bcubed
from newsfuse.exec.local import analyze
from newsfuse.model import Article, RawDocument, Story
from newsfuse.options import Options
from newsfuse.readers import read_inputs
from newsfuse.store import open_store
from newsfuse.web.ingest import Ingestor, Steps

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from story_fixtures import invented_stream

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"


def _no_analysis(story: Story, by_id: dict[str, Article], options: Options) -> Story:
    return story


def _live(paths: list[str], db: str, seed: int, analysis: bool) -> dict[str, tuple[str, ...]]:
    """Origin of each article -> the origins of its stored story's articles, after posting the
    inputs of ``paths`` one by one in a random order."""
    docs = [d for d in read_inputs(paths, Options()) if isinstance(d, RawDocument)]
    random.Random(seed).shuffle(docs)
    steps = Steps.default()
    if not analysis:
        steps.story_step = _no_analysis
    store = open_store(db)
    ing = Ingestor(store, Options(), steps)
    try:
        ing.wait_started()
        for d in docs:
            (out,) = ing.add([d])
            assert out.status == "created", out
        origin = {a.id: a.origin for a in ing.by_id.values()}
        groups = [tuple(sorted(origin[a] for a in aids)) for aids in store.story_articles().values()]
    finally:
        ing.close()
        store.close()
    return {o: g for g in groups for o in g}


def _batch(paths: list[str]) -> dict[str, tuple[str, ...]]:
    report = analyze(paths, Options())
    origin = {a.id: a.origin for a in report.articles}
    groups = [tuple(sorted(origin[a] for a in st.articles)) for st in report.stories]
    return {o: g for g in groups for o in g}


def test_example_corpus_live_equals_batch(tmp_path) -> None:
    batch = _batch([str(CORPUS)])
    for seed in range(3):
        live = _live([str(CORPUS)], str(tmp_path / f"live{seed}.sqlite"), seed, analysis=True)
        assert live == batch


@pytest.mark.parametrize("seed", [0, 1])
def test_invented_stream_live_equals_batch(tmp_path, seed) -> None:
    # Records marked clean: the cleaner's corpus evidence (lines repeated across a batch) does
    # not apply, so both sides see the same texts; reprints at other URLs are stored (not
    # answered as duplicates) and found as copies, as in batch.
    path = tmp_path / "stream.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in invented_stream(90, seed=7):
            rec = {
                "title": a.title,
                "text": "\n\n".join(p.text for p in a.paragraphs),
                "date": a.date,
                "outlet": a.outlet,
                "url": a.url,
                "clean": True,
            }
            fh.write(json.dumps(rec) + "\n")
    batch = _batch([str(path)])
    assert len(set(batch.values())) > 5
    live = _live([str(path)], str(tmp_path / "live.sqlite"), seed, analysis=False)
    assert live == batch
    assert bcubed({o: g for o, g in batch.items()}, live)["f1"] == 1.0
