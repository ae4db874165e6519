"""The JSON Schema of ``report.json`` (``report.schema.json``, versioned with ``SCHEMA_VERSION``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_schema() -> dict[str, Any]:
    """The schema as a dict (a fresh copy each call, so callers may modify it)."""
    text = resources.files("newsfuse.render").joinpath("report.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_index_schema() -> dict[str, Any]:
    """The schema of the paged layout's ``report-index.json`` (``report-index.schema.json``); its ``stats``
    refer to ``report.schema.json`` by that schema's ``$id``."""
    text = resources.files("newsfuse.render").joinpath("report-index.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
