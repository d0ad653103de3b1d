"""The test suite on every CPython that is installed: `nox` (or `nox -s tests-3.12`).

Each session has its own virtual environment under `.nox/`, holding the pinned requirements
(`nox --install-only` makes them and runs nothing); the site build finds those interpreters
there and shows version-dependent snippets run by each (see README). An interpreter that is
not installed is skipped, with a message.

The README's `pytest` runs the whole suite on one Python; these sessions run the snippets' own
tests and a strict site build on the others (the browser and Zensical tests, which check the
built pages rather than the interpreter, run once, with `pytest`).
"""

import nox

PYTHONS = ["3.11", "3.12", "3.13", "3.14"]
nox.options.error_on_missing_interpreters = False  # skipped, with a message
nox.options.sessions = ["tests"]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install("-r", "requirements.txt")
    session.run(
        "pytest",
        "--ignore=tests/test_browser.py",
        "--ignore=tests/test_zensical.py",
        *session.posargs,
        env={"NO_MKDOCS_2_WARNING": "1"},
    )
