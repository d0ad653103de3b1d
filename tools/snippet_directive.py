# Included by every executed block on the pages (see README): makes `show` importable.
import sys

if "tools" not in sys.path:
    sys.path.insert(0, "tools")
from snippet_runner import show  # noqa: E402, F401 (used by the block that includes this file)
