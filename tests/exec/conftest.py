import sys
from pathlib import Path

# --import-mode=importlib does not put test folders on sys.path; the fakes are shared with a
# subprocess (the kill -9 test), so they live in a plain module next to the tests.
sys.path.insert(0, str(Path(__file__).parent))

from fakes import fake_steps  # noqa: F401
