"""Report writing at scale: file sizes, writing time, the writer's memory, and time to open in Chromium.

The report to write comes from a real run, never from the repository:

* ``--from DIR_OR_FILE``: a report an earlier ``newsfuse analyze --out`` wrote (``report.json`` or the
  paged layout's ``report-index.json``), e.g. of the Timeline17 dev articles::

      newsfuse analyze ../shared/data/timeline/t17-dev/*/articles.jsonl --out /tmp/t17
      python bench/bench_report.py --from /tmp/t17 --copies 2 --out /tmp/t17-x2 --browser

* ``--copies K`` repeats its articles and stories K times under fresh ids (same texts, so a larger
  report of real text without rerunning the pipeline); ``--stories N`` keeps only the first N stories
  and their articles (a smaller one).

It writes the report with ``--layout`` (auto/single/paged), samples the process's resident memory
every 20 ms while writing (peak minus the resident size before writing = what writing costs), then
lists the output: number of files, total and largest size, the first page's size.  ``--browser``
opens the first page, the largest story page and the largest article page in headless Chromium
(Selenium + chromedriver, as tests/web/test_browser.py) and reports the load time (navigation start
to the load event, from the page's own Navigation Timing).  One JSON object is printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from newsfuse.model import Report
from newsfuse.render.files import write_report

try:
    from newsfuse.render.jsonout import read_report
except ImportError:  # the code before streaming output (PYTHONPATH=<old checkout>/src for a "before" run)

    def read_report(path: Path | str) -> Report:
        p = Path(path)
        return Report.from_dict(json.loads((p / "report.json" if p.is_dir() else p).read_text(encoding="utf-8")))


CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def _rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class RssPeak:
    """Samples this process's resident memory in a thread (max over the samples)."""

    def __init__(self, every: float = 0.02) -> None:
        self.every = every
        self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss())
            time.sleep(self.every)

    def __enter__(self) -> RssPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())


def replicate(report: Report, copies: int) -> Report:
    """``copies`` times the articles and stories, copy k>0 with ids suffixed ``x<k>`` (references too)."""
    if copies <= 1:
        return report
    articles = list(report.articles)
    stories = list(report.stories)
    for k in range(1, copies):
        sfx = f"x{k}"
        for a in report.articles:
            articles.append(dataclasses.replace(a, id=a.id + sfx))
        for st in report.stories:
            # Citations keep the original article ids (they still resolve); membership is renamed.
            stories.append(dataclasses.replace(st, id=st.id + sfx, articles=[aid + sfx for aid in st.articles]))
    return dataclasses.replace(report, articles=articles, stories=stories)


def first_stories(report: Report, n: int) -> Report:
    """The first ``n`` stories and their articles (to time single files of a chosen size)."""
    stories = report.stories[:n]
    keep = {aid for st in stories for aid in st.articles}
    return dataclasses.replace(report, stories=stories, articles=[a for a in report.articles if a.id in keep])


def list_output(out: Path) -> dict[str, Any]:
    files = [p for p in out.rglob("*") if p.is_file()]
    sizes = {p: p.stat().st_size for p in files}
    largest = max(sizes, key=lambda p: sizes[p]) if sizes else None

    def biggest(folder: str, suffix: str) -> Path | None:
        cand = [p for p in files if p.parent.name == folder and p.suffix == suffix]
        return max(cand, key=lambda p: sizes[p]) if cand else None

    first = out / "report.html"
    return {
        "files": len(files),
        "total_mb": round(sum(sizes.values()) / 1e6, 1),
        "largest": str(largest.relative_to(out)) if largest else None,
        "largest_mb": round(sizes[largest] / 1e6, 2) if largest else 0,
        "first_page_mb": round(sizes.get(first, 0) / 1e6, 3),
        "by_name_mb": {str(p.relative_to(out)): round(s / 1e6, 2) for p, s in sizes.items() if p.parent == out},
        "_pages": {
            "first": first,
            "story": biggest("stories", ".html"),
            "article": biggest("articles", ".html"),
        },
    }


def open_times(pages: dict[str, Path | None], timeout: float) -> dict[str, Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="nf-chromium-")
    for arg in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
    ]:
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(timeout)
    out: dict[str, Any] = {}
    try:
        driver.get("about:blank")  # browser start-up is not part of opening a page
        for name, path in pages.items():
            if path is None:
                continue
            url = path.resolve().as_uri()
            t0 = time.perf_counter()
            try:
                driver.get(url)
            except Exception as exc:  # a timeout: report it rather than stop
                out[name] = {
                    "page": path.name,
                    "error": type(exc).__name__,
                    "wall_s": round(time.perf_counter() - t0, 2),
                }
                continue
            # driver.get normally returns after the load event; wait for it anyway (seen returning early).
            nav = None
            while time.perf_counter() - t0 < timeout:
                nav = driver.execute_script(
                    "if (location.href.split('#')[0] !== arguments[0]) return null;"
                    "var t = performance.getEntriesByType('navigation')[0]; return t ? t.loadEventEnd : null",
                    url,
                )
                if nav:
                    break
                time.sleep(0.01)
            wall = time.perf_counter() - t0
            out[name] = {
                "page": path.name,
                "mb": round(path.stat().st_size / 1e6, 3),
                "load_s": round(nav / 1000, 3) if nav else None,
                "wall_s": round(wall, 3),
                "title": driver.title[:60],
            }
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="source", required=True, help="report.json / report-index.json or its folder")
    ap.add_argument("--copies", type=int, default=1, help="repeat the report's articles and stories K times")
    ap.add_argument(
        "--stories", default=None, help="keep only the first N stories and their articles (N,M,…: one run each)"
    )
    ap.add_argument("--out", required=True, help="folder to write (replaced)")
    ap.add_argument("--layout", choices=["auto", "single", "paged"], default="auto")
    ap.add_argument("--browser", action="store_true", help="time opening pages in headless Chromium")
    ap.add_argument("--timeout", type=float, default=120.0, help="page load timeout, seconds")
    ap.add_argument("--keep", action="store_true", help="keep the output folder")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    full = replicate(read_report(args.source), args.copies)
    load_s = time.perf_counter() - t0
    for n in [int(x) for x in args.stories.split(",")] if args.stories else [None]:
        report = full if n is None else first_stories(full, n)
        result = measure(report, Path(args.out), args)
        print(json.dumps({"load_s": round(load_s, 1), **result}, indent=1), flush=True)
        if not args.keep:
            shutil.rmtree(args.out, ignore_errors=True)
    return 0


def measure(report: Report, out: Path, args: argparse.Namespace) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    before = _rss()
    t0, c0 = time.perf_counter(), time.process_time()
    kwargs: dict[str, Any] = {}
    if "options" in inspect.signature(write_report).parameters:
        from newsfuse.options import ReportOptions

        kwargs["options"] = ReportOptions(layout=args.layout)
    with RssPeak() as peak:
        written = write_report(report, out, **kwargs)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    listing = list_output(out)
    pages = listing.pop("_pages")
    result: dict[str, Any] = {
        "articles": len(report.articles),
        "stories": len(report.stories),
        "layout": "paged" if "folder" in written else "single",
        "write_wall_s": round(wall, 1),
        "write_cpu_s": round(cpu, 1),
        "rss_before_mb": round(before / 1e6),
        "rss_peak_mb": round(peak.peak / 1e6),
        "write_extra_mb": round((peak.peak - before) / 1e6),
        **listing,
    }
    if args.browser:
        result["open"] = open_times(pages, args.timeout)
    return result


if __name__ == "__main__":
    sys.exit(main())
