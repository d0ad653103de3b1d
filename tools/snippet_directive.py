# Included by every executed block on the pages (see README): defines what the blocks call.
import sys

if "tools" not in sys.path:
    sys.path.insert(0, "tools")
from snippet_compatibility import compatibility_page  # noqa: E402, F401 (used by the block)
from snippet_errors import errors_page  # noqa: E402, F401
from snippet_pages import download_all, show, show_versions  # noqa: E402, F401
