"""Checkpoints of finished work in ``--work-dir``, so an interrupted run resumes where it stopped.

Every checkpoint is one gzip-compressed JSONL file written to a temporary name, flushed to disk
and then renamed into place: a run killed at any moment (even with kill -9) leaves either the
whole file or none of it, never a half-written one.  A file's name holds the key of the work it
records (the inputs' fingerprint, the options, the day used to judge future dates and the code
version), so a changed input or setting is simply not found and is recomputed.

Incremental runs (new files added to a finished run's input) reuse what did not change: a shard
is found by its files (``exec/plan.py`` keeps old files in their shards), with its articles' copy
signatures, and an analysed story by its *story key* -- its clustered form and the content of
every article it reads (its own and the origins they copy) -- whichever batch holds it.  A story
does not depend on the day (only validation judges dates against it, and its effect is in the
articles' content), so story checkpoints outlive the day; so do shard ones, unless validation
dropped a date of theirs as future (it may not be tomorrow) or kept one the day asked for is
too early for.

Layout::

    DIR/shards/shard-<key>.jsonl.gz          articles + rejections of one input shard (sharded output)
    DIR/shards/sigs-<key>.npz                the copy signatures of that shard's articles
    DIR/dedup/<key>.json.gz                  copy_of of every article after global copy detection
    DIR/dedup/grouping-<key>.json.gz         the last run's copy grouping (priority order, copies),
                                             replayed by the next run where it still holds
    DIR/clusters/part-<key>.jsonl.gz         the stories clustering made of one time partition
    DIR/stories/batch-<key>.jsonl.gz         analysed stories of one batch: a header line with the
                                             story keys, then one story a line (sharded output)
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

import numpy as np
from datasketch import LeanMinHash

from newsfuse._version import __version__
from newsfuse.model import Article, CopyInfo, Decoder, Rejection, StepStats, Story, to_dict
from newsfuse.options import Options
from newsfuse.pipeline import ShardResult
from newsfuse.stories.dedup import CopySignature, Grouped, SigKey
from newsfuse.validate import FUTURE_NOTE, FUTURE_SLACK

# Bumped when a checkpoint's layout changes, so old files are not misread.
FORMAT = "2"


def run_key(options: Options, today: date | None) -> str:
    """What every checkpoint of a run depends on besides its own inputs (``today=None``: the part
    that does not depend on the day)."""
    opts = json.dumps(dataclasses.asdict(options), sort_keys=True, default=str)
    day = today.isoformat() if today else "-"
    return hashlib.sha1(f"{FORMAT}\x00{__version__}\x00{day}\x00{opts}".encode()).hexdigest()[:16]


def article_fingerprint(article: Article) -> str:
    """Everything an article is, ``copy_of`` included, as a short hash: equal fingerprints, equal
    articles (a story reading it gives the same analysis)."""
    body = json.dumps(to_dict(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def story_key(story: Story, fingerprints: list[str]) -> str:
    """The key of a story's analysis: the story as clustering made it (its id, articles, outlets,
    sources, dates, title, notes) and the fingerprints of every article its analysis reads."""
    body = json.dumps(to_dict(story), sort_keys=True, ensure_ascii=False)
    return _key(body, *fingerprints)


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


def _read_first_line(path: Path) -> Any | None:
    try:
        with gzip.open(path, "rb") as gz:
            return json.loads(gz.readline())
    except (OSError, EOFError, ValueError):
        return None


def _signature_arrays(sigs: list[CopySignature]) -> dict[str, np.ndarray]:
    """Copy signatures as flat arrays (``np.savez``, no pickle): shingles concatenated with their
    offsets; MinHash values one row per article (a row of zeros where there is none)."""
    lens = np.array([len(s.shingles) for s in sigs], dtype=np.int64)
    with_mh = [s.minhash for s in sigs if s.minhash is not None]
    width = len(with_mh[0].hashvalues) if with_mh else 0
    mh = np.zeros((len(sigs), width), dtype=np.uint64)
    for i, s in enumerate(sigs):
        if s.minhash is not None:
            mh[i] = s.minhash.hashvalues
    seeds = {int(m.seed) for m in with_mh}
    schemes = {str(m.scheme) for m in with_mh}
    if len(seeds) > 1 or len(schemes) > 1:
        raise ValueError("copy signatures of one shard with different MinHash seeds or schemes")
    return {
        "ids": np.array([s.id for s in sigs], dtype=str),
        "dates": np.array([s.date or "" for s in sigs], dtype=str),
        "dated": np.array([s.date is not None for s in sigs], dtype=bool),
        "sizes": np.array([s.size for s in sigs], dtype=np.int64),
        "text_hashes": np.array([s.text_hash for s in sigs], dtype=str),
        "shingle_lens": lens,
        "shingles": np.concatenate([s.shingles for s in sigs]) if sigs else np.zeros(0, dtype=np.uint32),
        "has_minhash": np.array([s.minhash is not None for s in sigs], dtype=bool),
        "minhash": mh,
        "seed": np.array([seeds.pop() if seeds else 0], dtype=np.int64),
        "scheme": np.array([schemes.pop() if schemes else ""], dtype=str),
    }


def _signatures_from(z: Any) -> list[CopySignature]:
    # Each ``z[name]`` reads (and inflates) that array from the archive again: read each once.
    # (Indexing ``z`` per article made restoring 10k signatures take 4.5 s of CPU instead of 0.2 s.)
    seed, scheme = int(z["seed"][0]), str(z["scheme"][0])
    ends = np.cumsum(z["shingle_lens"])
    shingles = np.split(z["shingles"].astype(np.uint32, copy=False), ends[:-1]) if len(ends) else []
    minhash, has_minhash = z["minhash"], z["has_minhash"].tolist()
    dates, dated = z["dates"].tolist(), z["dated"].tolist()
    sizes, text_hashes = z["sizes"].tolist(), z["text_hashes"].tolist()
    out = []
    for i, aid in enumerate(z["ids"].tolist()):
        mh = LeanMinHash(seed=seed, hashvalues=minhash[i], scheme=scheme) if has_minhash[i] else None
        date_ = str(dates[i]) if dated[i] else None
        out.append(CopySignature(str(aid), date_, int(sizes[i]), str(text_hashes[i]), shingles[i], mh))
    return out


class CheckpointStore:
    def __init__(self, work_dir: str | os.PathLike[str], options: Options, today: date) -> None:
        self.root = Path(work_dir)
        if self.root.exists() and not self.root.is_dir():
            raise ValueError(f"--work-dir {self.root} exists and is not a directory")
        self.root.mkdir(parents=True, exist_ok=True)
        self.today = today
        self.run = run_key(options, today)
        self.dayless = run_key(options, None)  # shards and stories: see the module docstring
        self.decode = Decoder()

    # -- shards (found by their files alone, wherever they fall in the plan: see exec/plan.py)
    def _shard_path(self, fingerprint: str) -> Path:
        return self.root / "shards" / f"shard-{_key(self.dayless, fingerprint)}.jsonl.gz"

    def _sigs_path(self, fingerprint: str) -> Path:
        return self.root / "shards" / f"sigs-{_key(self.dayless, fingerprint)}.npz"

    def _valid_today(self, header: dict[str, Any]) -> bool:
        """Whether validation would judge the shard's dates the same today as on its day: the
        same day; a later one when no date was dropped as future; an earlier one when no kept date
        would be future today."""
        day = header.get("day")
        if not isinstance(day, str):
            return False
        if day == self.today.isoformat():
            return True
        if day < self.today.isoformat():
            return not header.get("future_dropped", True)
        latest = header.get("latest_date")
        return latest is None or (isinstance(latest, str) and latest <= (self.today + FUTURE_SLACK).isoformat())

    def load_shard(self, fingerprint: str) -> ShardResult | None:
        lines = _read_lines(self._shard_path(fingerprint))
        if not lines or lines[0].get("kind") != "header" or not self._valid_today(lines[0]):
            return None
        out = ShardResult(stats=[self.decode(StepStats, s) for s in lines[0]["stats"]])
        for line in lines[1:]:
            if line["kind"] == "article":
                out.articles.append(self.decode(Article, line["data"]))
            elif line["kind"] == "rejection":
                out.rejections.append(self.decode(Rejection, line["data"]))
        if len(out.articles) != lines[0]["articles"] or len(out.rejections) != lines[0]["rejections"]:
            return None
        return out

    def save_shard(self, fingerprint: str, result: ShardResult) -> None:
        header = {
            "kind": "header",
            "articles": len(result.articles),
            "rejections": len(result.rejections),
            "stats": to_dict(result.stats),
            "day": self.today.isoformat(),
            "future_dropped": any(n.endswith(FUTURE_NOTE) for a in result.articles for n in a.notes),
            "latest_date": max((a.published.value[:10] for a in result.articles if a.published), default=None),
        }
        lines: list[Any] = [header]
        lines.extend({"kind": "article", "data": to_dict(a)} for a in result.articles)
        lines.extend({"kind": "rejection", "data": to_dict(r)} for r in result.rejections)
        _write_atomic(self._shard_path(fingerprint), lines)

    def load_signatures(self, fingerprint: str, articles: list[Article]) -> list[CopySignature] | None:
        """The copy signatures saved with a shard, if they are those of ``articles``."""
        try:
            with np.load(self._sigs_path(fingerprint), allow_pickle=False) as z:
                sigs = _signatures_from(z)
        except (OSError, EOFError, ValueError, KeyError, IndexError):  # absent or damaged: recompute
            return None
        if [s.id for s in sigs] != [a.id for a in articles]:
            return None
        return sigs

    def save_signatures(self, fingerprint: str, sigs: list[Any]) -> None:
        """Saves ``sigs`` when they are :class:`CopySignature` (stand-in steps' are not kept)."""
        if not all(isinstance(s, CopySignature) for s in sigs):
            return
        path = self._sigs_path(fingerprint)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".npz", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, **_signature_arrays(sigs))  # type: ignore[arg-type]
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

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

    # The last run's copy grouping (one file, replaced by each run), whatever its articles: a
    # later run over more articles replays it where the priority orders agree (stories/dedup.py).
    def _grouping_path(self) -> Path:
        return self.root / "dedup" / f"grouping-{self.dayless}.json.gz"

    def load_grouping(self) -> Grouped | None:
        lines = _read_lines(self._grouping_path())
        if not lines or len(lines) != 2 or not isinstance(lines[0], list) or not isinstance(lines[1], dict):
            return None
        order: list[SigKey] = [(str(k[0]), k[1], int(k[2]), str(k[3])) for k in lines[0]]
        return Grouped(order, {aid: self.decode(CopyInfo, c) for aid, c in lines[1].items()})

    def save_grouping(self, grouped: Grouped) -> None:
        _write_atomic(self._grouping_path(), [grouped.order, {aid: to_dict(c) for aid, c in grouped.copies.items()}])

    # -- content keys (what clustering and story analysis read of an article)
    def article_keys(self, articles: list[Article]) -> dict[str, str]:
        """Article id -> :func:`article_fingerprint`."""
        return {a.id: article_fingerprint(a) for a in articles}

    def story_key(self, story: Story, article_keys: list[str]) -> str:
        return story_key(story, article_keys)

    # -- clustering, per time partition: found by the fingerprints of the articles it sees
    def partition_key(self, article_keys: list[str]) -> str:
        return _key(self.dayless, *article_keys)

    def load_partition(self, key: str) -> list[Story] | None:
        lines = _read_lines(self.root / "clusters" / f"part-{key}.jsonl.gz")
        if not lines or not isinstance(lines[0], dict) or lines[0].get("stories") != len(lines) - 1:
            return None
        return [self.decode(Story, d) for d in lines[1:]]

    def save_partition(self, key: str, stories: list[Story]) -> None:
        _write_atomic(
            self.root / "clusters" / f"part-{key}.jsonl.gz",
            [{"kind": "header", "stories": len(stories)}, *(to_dict(s) for s in stories)],
        )

    # -- analysed stories, found by story key whatever batch holds them
    def _batch_path(self, keys: list[str]) -> Path:
        return self.root / "stories" / f"batch-{_key(self.dayless, *keys)}.jsonl.gz"

    def story_index(self) -> dict[str, Path]:
        """Story key -> the batch file holding it, from the header line of every batch file."""
        index: dict[str, Path] = {}
        for path in sorted((self.root / "stories").glob("batch-*.jsonl.gz")):
            header = _read_first_line(path)
            if isinstance(header, dict) and header.get("kind") == "header" and header.get("run") == self.dayless:
                for k in header.get("keys", []):
                    index.setdefault(k, path)
        return index

    def load_stories(self, keys: list[str]) -> dict[str, Story]:
        """The analysed stories found for ``keys`` (the others are absent from the answer)."""
        index = self.story_index()
        files: dict[Path, None] = {}
        for k in keys:
            if k in index:
                files[index[k]] = None
        wanted = set(keys)
        found: dict[str, Story] = {}
        for path in files:
            lines = _read_lines(path)
            if not lines or not isinstance(lines[0], dict) or len(lines[0].get("keys", [])) != len(lines) - 1:
                continue  # damaged: its stories are analysed again
            for k, d in zip(lines[0]["keys"], lines[1:], strict=True):
                if k in wanted:
                    found[k] = self.decode(Story, d)
        return found

    def save_batch(self, keys: list[str], stories: list[Story]) -> None:
        if len(keys) != len(stories):
            raise ValueError(f"{len(keys)} story keys for {len(stories)} stories")
        path = self._batch_path(keys)
        _write_atomic(path, [{"kind": "header", "run": self.dayless, "keys": keys}, *(to_dict(s) for s in stories)])

    # -- the run's sharded output
    def write_manifest(self, shards: list[str], story_keys: list[str], articles: int, stories: int) -> Path:
        """``DIR/manifest.json``: which checkpoint files, in order, make up the last finished run
        (older runs' files may sit next to them), so the sharded JSONL can be used as output.
        ``shards``: the shards' fingerprints in order; ``story_keys``: the report's stories' keys in
        order (a batch file may also hold stories of an earlier run: keep the lines listed here)."""
        path = self.root / "manifest.json"
        index = self.story_index()
        batches = list(dict.fromkeys(str(index[k].relative_to(self.root)) for k in story_keys if k in index))
        body = {
            "run": self.run,
            "articles": articles,
            "stories": stories,
            "article_shards": [str(self._shard_path(fp).relative_to(self.root)) for fp in shards],
            "story_batches": batches,
            "story_keys": story_keys,
        }
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(body, fh, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path
