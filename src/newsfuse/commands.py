"""Bodies of the CLI commands (kept apart from argument parsing)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
from pathlib import Path

from newsfuse.exec import run_pipeline
from newsfuse.exitcodes import EXIT_NOTHING_READ, EXIT_OK
from newsfuse.model import Report, to_dict
from newsfuse.options import Options, ReportOptions
from newsfuse.render import write_report
from newsfuse.render.jsonout import write_json
from newsfuse.render.views import plural

log = logging.getLogger("newsfuse")


class MissingExtra(ValueError):
    """An optional feature whose packages are not installed: a usage error (exit 2) that names the
    extra to install, not an internal error."""


def require_extra(extra: str, modules: tuple[str, ...], feature: str) -> None:
    """Raise :class:`MissingExtra` unless every module of ``extra`` can be imported."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtra(
            f"{feature} needs the optional packages of newsfuse[{extra}] ({', '.join(missing)} not installed): "
            f"pip install 'newsfuse[{extra}]'"
        )


def _options_from_args(args: argparse.Namespace) -> Options:
    options = Options()
    if getattr(args, "summary_words", None):
        if args.summary_words < 5:
            raise ValueError("--summary-words must be at least 5")
        options.summary.summary_words = args.summary_words
    if getattr(args, "trust_records", False):
        options.clean.trust_records = True
    return options


def _check_paths(paths: list[str]) -> None:
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise FileNotFoundError(f"no such file or directory: {p}")


def _summary_line(report: Report) -> str:
    n_art = len(report.articles)
    n_rej = len(report.rejections)
    n_st = len(report.stories)
    outlets = len({a.outlet for a in report.articles if a.outlet})
    removed = sum(len(a.removed) for a in report.articles)
    return (
        f"read {n_art + n_rej} records: {n_art} articles kept, {n_rej} rejected; "
        f"{plural(outlets, 'outlet')}; {plural(removed, 'block')} removed; {plural(n_st, 'story', 'stories')}"
    )


def run_analyze(args: argparse.Namespace) -> int:
    _check_paths(args.paths)
    if args.dask or args.scheduler:
        require_extra("dask", ("dask", "distributed"), "--dask" if args.dask else "--scheduler")
    if args.format == "parquet":
        require_extra("parquet", ("pyarrow",), "--format parquet")
    options = _options_from_args(args)
    report = run_pipeline(
        args.paths,
        options,
        dask=args.dask,
        scheduler=args.scheduler,
        workers=args.workers,
        quiet=args.quiet,
        work_dir=getattr(args, "work_dir", None),
    )
    for r in report.rejections:
        log.warning("rejected %s: %s %s", r.origin, r.reason, r.detail)

    if args.format == "json":
        write_json(report, sys.stdout, indent=None)  # record by record: no whole-report string in memory
    elif args.format == "jsonl":
        for story in report.stories:
            sys.stdout.write(json.dumps(to_dict(story), ensure_ascii=False) + "\n")
    else:
        layout = ReportOptions(layout=getattr(args, "layout", None) or "auto")
        written = write_report(report, Path(args.out), parquet=args.format == "parquet", options=layout)
        print(_summary_line(report), file=sys.stderr)
        for kind, path in written.items():
            print(f"{kind}: {path}", file=sys.stderr)
    return EXIT_OK if report.articles else EXIT_NOTHING_READ


def run_serve(args: argparse.Namespace) -> int:
    require_extra("web", ("fastapi", "uvicorn"), "newsfuse serve")
    if str(getattr(args, "db", "")).startswith(("postgresql://", "postgres://")):
        require_extra("web", ("psycopg",), "a PostgreSQL store")
    from newsfuse.web.app import serve

    return serve(args)


def run_timeline(args: argparse.Namespace) -> int:
    _check_paths(args.paths)
    # Imported here: topic timelines need scikit-learn (~1 s to import), which `analyze` does not.
    from newsfuse.timeline.command import topic_timeline_command

    ok = topic_timeline_command(args, Options())
    return EXIT_OK if ok else EXIT_NOTHING_READ
