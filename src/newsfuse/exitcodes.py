"""Exit codes of the ``newsfuse`` command (documented in the README and in :mod:`newsfuse.cli`)."""

EXIT_OK = 0
EXIT_NOTHING_READ = 1
EXIT_USAGE = 2
EXIT_GATE = 3
EXIT_INTERNAL = 4
