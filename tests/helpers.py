"""What the page tests share: calling a snippet's main(), and the record of its run as a script."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import sys
import tempfile
from pathlib import Path
from typing import Any

from snippet_execution import ROOT, SNIPPETS, Record, obtain
from snippet_pages import declaration

# What the current test ran: conftest marks the records passed or failed with it, and keeps
# each outcome for the Compatibility page.
RECORDS_USED: list[Record] = []
MAIN_CALLS: list[tuple[str, str]] = []  # (snippet, the default start method it ran under)


def main_result(name: str, *args: Any, **kwargs: Any) -> Any:
    """Import ``snippets/<name>`` as a module and return what its ``main()`` returns.

    An example folder's own modules are imported as its main program imports them: from its
    folder, which is also on the path of the workers it starts. Files it writes land in
    an empty temporary folder, never among the repository's, unless the test chose a folder.
    """
    if len(Path(name).parts) > 2 and str(SNIPPETS / Path(name).parent) not in sys.path:
        sys.path.insert(0, str(SNIPPETS / Path(name).parent))
    module = importlib.import_module("snippets." + name.removesuffix(".py").replace("/", "."))
    method = multiprocessing.get_start_method(allow_none=True)
    MAIN_CALLS.append((name, method or multiprocessing.get_all_start_methods()[0]))
    if Path.cwd() != ROOT:  # the test chose where its files (a drawing) go
        return module.main(*args, **kwargs)
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        return module.main(*args, **kwargs)


def script_record(name: str, *args: str) -> Record:
    """The run of ``python file.py args`` that the page shows, as its page declares it ends.

    Both the build and the tests use the kept record of the run (each snippet runs fresh once
    per test session); a test that passes on it marks it asserted.
    """
    record = obtain(name, args, declaration(name, args))
    RECORDS_USED.append(record)
    return record


def script_output(name: str, *args: str) -> str:
    """What the snippet printed when run as a reader would run it."""
    return script_record(name, *args).output
