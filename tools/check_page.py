"""Run and check the snippets one page shows, as the strict build would, without building.

Usage: python tools/check_page.py docs/pool.md [more pages]  (SNIPPETS_FRESH=1 to re-run)

Each run shown on the page is obtained (run, or its kept record reused) and checked: its exit
status, its ending, the claims the page declares for it, nothing left behind. Prints one line
per run and the problems of any that failed; exits 1 if one did.
"""

from __future__ import annotations

import sys
from pathlib import Path

from snippet_execution import SnippetError, obtain
from snippet_pages import declared_runs


def check_page(page: Path) -> int:
    failed = 0
    for name, args, expected in declared_runs(page):
        where = f"{name} {' '.join(args)}".rstrip()
        try:
            record = obtain(name, args, expected)
        except SnippetError as error:
            failed += 1
            print(f"FAIL {page}: {error}\n")
            continue
        claims = len(expected.claims)
        print(f"ok   {where}: {claims} claims, measurement {record.measurement}")
    return failed


if __name__ == "__main__":
    failures = sum(check_page(Path(page)) for page in sys.argv[1:])
    sys.exit(1 if failures else 0)
