"""Checkpoints of finished work in ``--work-dir``, so an interrupted run resumes where it stopped.

Every checkpoint is one gzip-compressed JSONL file written to a temporary name, flushed to disk
and then renamed into place: a run killed at any moment (even with kill -9) leaves either the
whole file or none of it, never a half-written one.  A file's name holds the key of the work it
records (the inputs' fingerprint, the options, the day used to judge future dates and the code
version), so a changed input or setting is simply not found and is recomputed.

Layout::

    DIR/shards/shard-00012-<key>.jsonl.gz    articles + rejections of one input shard (sharded output)
    DIR/dedup/<key>.json.gz                  copy_of of every article after global copy detection
    DIR/stories/batch-<key>.jsonl.gz         analysed stories of one batch (sharded output)
    DIR/manifest.json                        the files of the last finished run, in order
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from newsfuse._version import __version__
from newsfuse.model import Article, Rejection, StepStats, Story, from_dict, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import ShardResult

# Bumped when a checkpoint's layout changes, so old files are not misread.
FORMAT = "1"


def run_key(options: Options, today: date) -> str:
    """What every checkpoint of a run depends on besides its own inputs."""
    opts = json.dumps(dataclasses.asdict(options), sort_keys=True, default=str)
    return hashlib.sha1(f"{FORMAT}\x00{__version__}\x00{today.isoformat()}\x00{opts}".encode()).hexdigest()[:16]


def _key(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:20]


def _write_atomic(path: Path, lines: list[Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as gz:
            # compresslevel 1: checkpoints are written on the critical path; level 1 already
            # shrinks news text ~3x at a fraction of the default level's cost.
            for obj in lines:
                gz.write(json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
            gz.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_lines(path: Path) -> list[Any] | None:
    try:
        with gzip.open(path, "rb") as gz:
            return [json.loads(line) for line in gz]
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError):  # damaged by something other than us: redo the work
        return None


class CheckpointStore:
    def __init__(self, work_dir: str | os.PathLike[str], options: Options, today: date) -> None:
        self.root = Path(work_dir)
        if self.root.exists() and not self.root.is_dir():
            raise ValueError(f"--work-dir {self.root} exists and is not a directory")
        self.root.mkdir(parents=True, exist_ok=True)
        self.run = run_key(options, today)

    # -- shards
    def _shard_path(self, index: int, fingerprint: str) -> Path:
        return self.root / "shards" / f"shard-{index:05d}-{_key(self.run, fingerprint)}.jsonl.gz"

    def load_shard(self, index: int, fingerprint: str) -> ShardResult | None:
        lines = _read_lines(self._shard_path(index, fingerprint))
        if not lines or lines[0].get("kind") != "header":
            return None
        out = ShardResult(stats=[from_dict(StepStats, s) for s in lines[0]["stats"]])
        for line in lines[1:]:
            if line["kind"] == "article":
                out.articles.append(from_dict(Article, line["data"]))
            elif line["kind"] == "rejection":
                out.rejections.append(from_dict(Rejection, line["data"]))
        if len(out.articles) != lines[0]["articles"] or len(out.rejections) != lines[0]["rejections"]:
            return None
        return out

    def save_shard(self, index: int, fingerprint: str, result: ShardResult) -> None:
        header = {
            "kind": "header",
            "articles": len(result.articles),
            "rejections": len(result.rejections),
            "stats": to_dict(result.stats),
        }
        lines: list[Any] = [header]
        lines.extend({"kind": "article", "data": to_dict(a)} for a in result.articles)
        lines.extend({"kind": "rejection", "data": to_dict(r)} for r in result.rejections)
        _write_atomic(self._shard_path(index, fingerprint), lines)

    # -- dedup
    def _dedup_path(self, article_ids: list[str]) -> Path:
        return self.root / "dedup" / f"{_key(self.run, *article_ids)}.json.gz"

    def load_copies(self, article_ids: list[str]) -> list[dict[str, Any] | None] | None:
        lines = _read_lines(self._dedup_path(article_ids))
        if not lines or len(lines[0]) != len(article_ids):
            return None
        copies: list[dict[str, Any] | None] = lines[0]
        return copies

    def save_copies(self, article_ids: list[str], copies: list[dict[str, Any] | None]) -> None:
        _write_atomic(self._dedup_path(article_ids), [copies])

    # -- story batches
    def _batch_path(self, stories: list[Story]) -> Path:
        parts = [f"{s.id}:{','.join(s.articles)}" for s in stories]
        return self.root / "stories" / f"batch-{_key(self.run, *parts)}.jsonl.gz"

    def load_batch(self, stories: list[Story]) -> list[Story] | None:
        lines = _read_lines(self._batch_path(stories))
        if lines is None or len(lines) != len(stories):
            return None
        return [from_dict(Story, d) for d in lines]

    def save_batch(self, stories: list[Story]) -> None:
        _write_atomic(self._batch_path(stories), [to_dict(s) for s in stories])

    # -- the run's sharded output
    def write_manifest(
        self, shards: list[tuple[int, str]], batches: list[list[Story]], articles: int, stories: int
    ) -> Path:
        """``DIR/manifest.json``: which checkpoint files, in order, make up the last finished run
        (older runs' files may sit next to them), so the sharded JSONL can be used as output."""
        path = self.root / "manifest.json"
        body = {
            "run": self.run,
            "articles": articles,
            "stories": stories,
            "article_shards": [str(self._shard_path(i, fp).relative_to(self.root)) for i, fp in shards],
            "story_batches": [str(self._batch_path(b).relative_to(self.root)) for b in batches],
        }
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path
