"""newsfuse: turn raw news articles from many outlets into cross-checked stories."""

from newsfuse._version import __version__
from newsfuse.model import SCHEMA_VERSION, Article, Report, Story
from newsfuse.options import Options

__all__ = ["SCHEMA_VERSION", "Article", "Options", "Report", "Story", "__version__", "analyze"]


def analyze(paths: list[str], options: Options | None = None) -> Report:
    """Read ``paths`` and return the full report (the in-process executor)."""
    # Imported here, not above: every ``import newsfuse.<module>`` runs this file first, so a
    # top-level import of the executor would load the whole engine for each of them and tie the
    # package to itself in a loop.
    from newsfuse.exec.local import analyze as _analyze

    return _analyze(paths, options)
