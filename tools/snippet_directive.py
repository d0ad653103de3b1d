# Included by every executed block on the pages (see README): defines `show` and `download_all`.
import sys

if "tools" not in sys.path:
    sys.path.insert(0, "tools")
from snippet_runner import download_all, show  # noqa: E402, F401 (used by the including block)
