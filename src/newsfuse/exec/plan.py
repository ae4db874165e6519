"""Cutting the input into shards: the units of parallel work and of checkpointing.

The cut depends only on the input (sorted paths, file sizes) and the options, never on the
executor or the number of workers, so every executor processes the same shards and gives the
same report.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from newsfuse.options import Options
from newsfuse.pipeline import Shard
from newsfuse.readers import input_name


def _walk(root: Path, follow_symlinks: bool) -> list[Path]:
    """Every file under ``root``, recursively, in sorted path order (hidden entries skipped)."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = base / name
            if p.is_symlink() and not follow_symlinks:
                continue
            out.append(p)
    return out


def expand_paths(paths: list[str], options: Options) -> list[str]:
    """Files named and files found under directories, in the order given (directories sorted)."""
    return [f for f, _ in expand_named(paths, options)]


def expand_named(paths: list[str], options: Options) -> list[tuple[str, str]]:
    """(file, name) for the files named and found under directories, in the order given: the name
    is the file's path below the input named, led by that input's name (see
    :attr:`newsfuse.model.RawDocument.name`)."""
    files: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            files.append((raw, raw))
            continue
        p = Path(raw)
        lead = input_name(raw)
        if p.is_dir():
            prefix = len(str(p))
            files.extend((str(f), lead + str(f)[prefix:]) for f in _walk(p, options.read.follow_symlinks))
        else:
            files.append((raw, lead))
    return files


def _file_key(path: str) -> str:
    if path == "-":
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}\x00missing"
    return f"{path}\x00{st.st_size}\x00{st.st_mtime_ns}"


def _size(path: str) -> int:
    try:
        return 0 if path == "-" else os.stat(path).st_size
    except OSError:
        return 0


def _anchored(path: str, gap: int) -> bool:
    """Whether a shard may start at ``path``: a property of the file name alone (about one file in
    ``gap``), so where shards start does not depend on which other files are there."""
    h = hashlib.sha1(path.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(h[:8], "big") % gap == 0


def plan_shards(paths: list[str], options: Options) -> list[Shard]:
    """Group the input files, in order, into shards of at most ``scale.shard_files`` files and
    about ``scale.shard_bytes`` bytes.  Standard input is a shard of its own.

    Cuts are content-defined, so a file keeps its shard when files are added (incremental runs:
    the old shards' checkpoints still match): once a shard holds half of ``shard_files`` files, a
    new one starts at the next *anchor*, a file whose path hashes to 0 modulo a quarter of
    ``shard_files`` (or when the shard is full).  Files added at the end change the last shard
    only; files added in the middle change the shard they land in and, at worst, the next few until
    two cuts meet at the same anchor again.  Fewer than half ``shard_files`` files stay one shard,
    as they always were.
    """
    if options.scale.shard_files < 1:
        raise ValueError(f"scale.shard_files must be at least 1, not {options.scale.shard_files}")
    if options.scale.shard_bytes < 1:
        raise ValueError(f"scale.shard_bytes must be at least 1, not {options.scale.shard_bytes}")
    # Half full before an anchor may cut: shards stay large enough for the cleaner's per-outlet
    # evidence (options.py); an anchor every quarter: most shards end at an anchor (a full shard
    # without one, e^-2 = 14 % of them, is cut where it fills), ~90 files on average.  Below 8
    # files a shard, shards are simply cut where they fill.
    least = max(1, options.scale.shard_files // 2)
    gap = options.scale.shard_files // 4
    groups: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    size = 0
    for f, name in expand_named(paths, options):
        n = _size(f)
        full = len(current) >= options.scale.shard_files or (current and size + n > options.scale.shard_bytes)
        anchor = gap >= 2 and len(current) >= least and _anchored(f, gap)
        if f == "-" or (current and current[0][0] == "-") or full or anchor:
            if current:
                groups.append(current)
            current, size = [], 0
        current.append((f, name))
        size += n
    if current:
        groups.append(current)
    shards = []
    for i, g in enumerate(groups):
        # The names too: the articles' ids are made from them (one file named below two inputs
        # is two shards' worth of different ids)
        key = "\x01".join(_file_key(p) + "\x00" + name for p, name in g)
        h = hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()
        shards.append(
            Shard(
                index=i,
                paths=tuple(p for p, _ in g),
                fingerprint=h[:20],
                size=sum(_size(p) for p, _ in g),
                names=tuple(name for _, name in g),
            )
        )
    return shards
