"""Refinement of story groups after the incremental pass (placeholder: identity)."""

from __future__ import annotations

from newsfuse.model import Article
from newsfuse.options import Options
from newsfuse.stories.features import DocFreq, Vector


def refine_groups(
    groups: list[list[str]], by_id: dict[str, Article], raw: dict[str, Vector], df: DocFreq, options: Options
) -> list[list[str]]:
    return groups
