"""The ``newsfuse`` command: ``analyze``, ``serve``, ``eval``, ``timeline``.

Exit codes (documented in the README):
  0  success
  1  nothing could be read (every input rejected or none given)
  2  usage error (bad arguments, missing path)
  3  a quality floor failed (``quality/gate.py``)
  4  an internal error (a bug: please report it with the log)
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys

from newsfuse import commands
from newsfuse.evals import DESCRIPTIONS, EVALS
from newsfuse.exitcodes import EXIT_GATE, EXIT_INTERNAL, EXIT_NOTHING_READ, EXIT_OK, EXIT_USAGE

__all__ = ["EXIT_GATE", "EXIT_INTERNAL", "EXIT_NOTHING_READ", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

log = logging.getLogger("newsfuse")


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps({"level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()})


def _setup_logging(quiet: bool, as_json: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if as_json else logging.Formatter("%(levelname)s %(message)s"))
    root = logging.getLogger("newsfuse")
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING if quiet else logging.INFO)
    root.propagate = False


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors; no progress bar")
    p.add_argument("--json-logs", action="store_true", help="log lines as JSON objects on stderr")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfuse", description="Turn raw news articles into cross-checked stories.")
    sub = parser.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="read articles and write the report (JSON, Markdown, HTML)")
    a.add_argument("paths", nargs="+", help="files or directories (recursively); '-' for stdin")
    a.add_argument("--out", default="out", help="output directory (default: out)")
    a.add_argument(
        "--format",
        choices=["files", "json", "jsonl", "parquet"],
        default="files",
        help="files: report.json/.md/.html in --out; json: the report on stdout; jsonl: one story per line on stdout; parquet: stories.parquet in --out",
    )
    a.add_argument(
        "--layout",
        choices=["auto", "single", "paged"],
        default="auto",
        help="report files: single (report.json/.md/.html), paged (index files + one file per story and article), "
        "auto (single while the HTML report stays under 3 MB; default)",
    )
    a.add_argument("--summary-words", type=int, default=None, help="summary length in words (default 100)")
    a.add_argument(
        "--trust-records",
        action="store_true",
        help="take JSON records' text as clean (skip comment/boilerplate removal); by default records are cleaned like plain text",
    )
    a.add_argument("--dask", action="store_true", help="run on a local Dask cluster")
    a.add_argument("--scheduler", default=None, help="run on a Dask cluster at this address (tcp://host:8786)")
    a.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes: a local process pool, or Dask workers with --dask (default: cores)",
    )
    a.add_argument(
        "--work-dir",
        default=None,
        help="checkpoint finished work here; rerunning with the same DIR resumes an interrupted run",
    )
    _add_common(a)

    s = sub.add_parser("serve", help="run the web app and HTTP API")
    s.add_argument("--db", default="newsfuse.sqlite", help="SQLite file or postgresql:// URL")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--load", nargs="*", default=None, metavar="PATH", help="ingest these files/folders before serving")
    s.add_argument(
        "--story-budget",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop a story's analysis after this many seconds; the story is stored with a note (default 60; 0: no limit)",
    )
    s.add_argument(
        "--token",
        default=None,
        help="write token, at least 8 characters, sent by clients as 'Authorization: Bearer TOKEN' (else $NEWSFUSE_TOKEN; writes disabled if neither)",
    )
    _add_common(s)

    t = sub.add_parser("timeline", help="build a dated timeline of a whole topic")
    t.add_argument("paths", nargs="+")
    t.add_argument("--dates", type=int, default=None, help="number of dates (default: chosen from the data)")
    t.add_argument("--sentences", type=int, default=1, help="sentences per date")
    t.add_argument("--format", choices=["md", "json"], default="md")
    _add_common(t)

    e = sub.add_parser("eval", help="measure quality on a labelled dataset")
    esub = e.add_subparsers(dest="kind", required=True)
    for kind in EVALS:
        try:
            module = importlib.import_module(EVALS[kind])
        except ModuleNotFoundError as exc:  # its extra (e.g. rouge-score) is not installed
            log.debug("eval %s unavailable: %s", kind, exc)
            continue
        ep = esub.add_parser(kind, help=DESCRIPTIONS[kind])
        module.add_arguments(ep)
        _add_common(ep)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(getattr(args, "quiet", False), getattr(args, "json_logs", False))
    try:
        if args.command == "analyze":
            return commands.run_analyze(args)
        if args.command == "serve":
            return commands.run_serve(args)
        if args.command == "timeline":
            return commands.run_timeline(args)
        if args.command == "eval":
            module = importlib.import_module(EVALS[args.kind])
            result = module.run(args)
            print(json.dumps(result, indent=2, sort_keys=False))
            return EXIT_OK
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        log.error("%s", exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so briefly, keep the traceback for --json-logs/debug readers
        log.error("internal error: %s: %s (please report it)", type(exc).__name__, exc)
        log.debug("traceback", exc_info=True)
        return EXIT_INTERNAL
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
