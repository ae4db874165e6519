"""Dated timelines: per story (events merged across outlets) and per topic (timeline summarisation).

The ``newsfuse timeline`` command lives in :mod:`newsfuse.timeline.command`; it is not imported
here, because it reads through :mod:`newsfuse.pipeline`, which itself uses this package.
"""

from newsfuse.timeline.story import story_timeline
from newsfuse.timeline.topic import topic_timeline

__all__ = ["story_timeline", "topic_timeline"]
