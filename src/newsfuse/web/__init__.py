"""The web app and HTTP API (``newsfuse serve``)."""

from __future__ import annotations

from newsfuse.web.app import create_app, serve
from newsfuse.web.settings import Settings

__all__ = ["Settings", "create_app", "serve"]
