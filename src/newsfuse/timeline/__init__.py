"""Dated timelines: per story (events merged across outlets) and per topic (timeline summarisation)."""

from newsfuse.timeline.command import topic_timeline_command
from newsfuse.timeline.story import story_timeline
from newsfuse.timeline.topic import topic_timeline

__all__ = ["story_timeline", "topic_timeline", "topic_timeline_command"]
