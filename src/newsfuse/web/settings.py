"""What the web app is configured with (built from ``newsfuse serve`` arguments, or by tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsfuse.options import Options
from newsfuse.web.ingest import STORY_BUDGET_SECONDS, Steps

# A news article is rarely over 200 KB of HTML; a batch of 100 of them fits in 16 MiB.  Larger
# requests are refused (413) before they are read into memory.
MAX_BODY_BYTES = 16 * 1024 * 1024
# Articles per POST: large enough for bulk loading, small enough that one request holds the
# write lock for seconds, not minutes.
MAX_BATCH = 100


@dataclass
class Settings:
    db: str = "newsfuse.sqlite"
    token: str | None = None  # write token; None = writes refused (403)
    max_body_bytes: int = MAX_BODY_BYTES
    max_batch: int = MAX_BATCH
    cors_origins: tuple[str, ...] = ()  # CORS is off unless origins are listed
    options: Options = field(default_factory=Options)
    steps: Steps | None = None  # analysis steps; None = the real ones
    today: date | None = None  # for tests: the date that validation takes as today
    # Seconds one story's analysis may take before it is stopped and the story stored without it,
    # with a note (None: no limit).  See web/ingest.py for the default's reasons.
    story_budget_seconds: float | None = STORY_BUDGET_SECONDS
    # Analyse stories in a worker process (None: yes with the real story step, no with stand-ins).
    # Only there can an analysis be stopped, so only there is the budget enforced.
    story_process: bool | None = None
    # Run the live story index (its re-clustering) in a worker process (None: no; off by default
    # until live stories equal batch stories under concurrent posts with it, see web/ingest.py).
    index_process: bool | None = None

    def check(self) -> None:
        if self.token is not None and len(self.token) < 8:
            raise ValueError("the write token must be at least 8 characters")
        if self.max_body_bytes < 1024:
            raise ValueError("max_body_bytes must be at least 1024")
        if not 1 <= self.max_batch <= 10_000:
            raise ValueError("max_batch must be between 1 and 10000")
        if self.story_budget_seconds is not None and not self.story_budget_seconds > 0:
            raise ValueError("story_budget_seconds must be positive (or None: no limit)")
