"""``newsfuse timeline PATH...``: read articles, print the topic timeline (Markdown or JSON)."""

from __future__ import annotations

import argparse
import json
import sys

from newsfuse.options import Options


def topic_timeline_command(args: argparse.Namespace, options: Options) -> bool:
    return False
