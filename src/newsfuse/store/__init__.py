"""Persistent store for articles and stories: SQLite by default, PostgreSQL through the same code."""

from __future__ import annotations

from newsfuse.store.store import Existing, Store, StoryBrief, StoryFilter, content_hash, members_key, open_store

__all__ = ["Existing", "Store", "StoryBrief", "StoryFilter", "content_hash", "members_key", "open_store"]
