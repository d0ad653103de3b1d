"""What the page tests share: calling a snippet's main(), and its output run as a script."""

from __future__ import annotations

import importlib
from typing import Any

from snippet_runner import check, run_snippet


def main_result(name: str, *args: Any, **kwargs: Any) -> Any:
    """Import ``snippets/<name>`` as a module and return what its ``main()`` returns."""
    module = importlib.import_module("snippets." + name.removesuffix(".py").replace("/", "."))
    return module.main(*args, **kwargs)


def script_output(name: str, *args: str, exit_code: int = 0, ends_with: str | None = None) -> str:
    """Run the snippet as a reader would (``python file.py``) and return what it printed.

    The run is the one the site build shows: both go through the same cache, kept in a
    folder of the test session's own.
    """
    run = run_snippet(name, args)
    check(name, run, exit_code, ends_with)
    return run.output
