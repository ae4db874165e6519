"""newsfuse: turn raw news articles from many outlets into cross-checked stories."""

from newsfuse.model import SCHEMA_VERSION, Article, Report, Story
from newsfuse.options import Options

__all__ = ["SCHEMA_VERSION", "Article", "Options", "Report", "Story", "analyze"]
__version__ = "0.1.0"


def analyze(paths: list[str], options: Options | None = None) -> Report:
    """Read ``paths`` and return the full report (the in-process executor)."""
    from newsfuse.exec.local import analyze as _analyze

    return _analyze(paths, options)
