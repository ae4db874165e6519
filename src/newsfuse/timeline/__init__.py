"""Dated timelines: per story (events merged across outlets) and per topic (timeline summarisation).

The ``newsfuse timeline`` command lives in :mod:`newsfuse.timeline.command`; it is not imported
here, because it reads through :mod:`newsfuse.pipeline`, which itself uses this package.
``topic_timeline`` is imported on first use: it needs scikit-learn (~1 s to import), which the
pipeline's workers, using only ``story_timeline``, need not load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsfuse.timeline.story import story_timeline

if TYPE_CHECKING:
    from newsfuse.timeline.topic import topic_timeline

__all__ = ["story_timeline", "topic_timeline"]


def __getattr__(name: str) -> Any:
    if name == "topic_timeline":
        from newsfuse.timeline.topic import topic_timeline

        return topic_timeline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
