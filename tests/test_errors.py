"""The Error messages page: built from the runs, it lists every failure the site shows."""

from __future__ import annotations

import html
import re
from pathlib import Path

from snippet_errors import printed_errors
from snippet_pages import declarations


def test_exceptions_and_warnings_are_read_as_printed():
    output = (
        "Traceback (most recent call last):\n"
        '  File "x.py", line 3, in <module>\n'
        "concurrent.futures.process.BrokenProcessPool: A process in the pool died\n"
        "/usr/lib/python3.12/multiprocessing/popen_fork.py:66: DeprecationWarning: This process"
        " is multi-threaded\n"
        "RuntimeError: \n"
        "        An attempt has been made to start a new process\n"
        "KeyboardInterrupt\n"
        "apply() after close(): ValueError: Pool not running\n"
        "  its stderr: UserWarning: resource_tracker: There appear to be 1 leaked shared_memory"
        " objects to clean up at shutdown\n"
    )
    assert printed_errors(output) == [
        ("concurrent.futures.process.BrokenProcessPool", "A process in the pool died"),
        ("DeprecationWarning", "This process is multi-threaded"),
        ("RuntimeError", "An attempt has been made to start a new process"),
        ("KeyboardInterrupt", ""),
        (
            "UserWarning",
            "resource_tracker: There appear to be 1 leaked shared_memory objects to clean up"
            " at shutdown",
        ),
    ]


def test_every_failing_snippet_is_on_the_page_and_every_link_resolves(built_site: Path):
    page = (built_site / "errors" / "index.html").read_text()
    failing = {name for (name, _), (_, expected) in declarations().items() if expected.exit_code}
    assert failing, "the site shows snippets failing on purpose"
    listed = set(re.findall(r"<code>snippets/([^<]+)</code>", page))
    assert failing - listed == set()
    links = re.findall(r'href="\.\./([\w-]+)/#([^"]+)"', page)
    assert len(links) >= len(failing)
    for target, anchor in links:
        shown = (built_site / target / "index.html").read_text()
        assert f'id="{html.unescape(anchor)}"' in shown, f"{target}/#{anchor}"
