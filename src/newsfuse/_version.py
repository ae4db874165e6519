"""The version of newsfuse (also in pyproject.toml); part of every checkpoint's key."""

__version__ = "0.1.0"
