"""Find flaky snippets before readers do: run every snippet shown on the site many times.

Each run shown on a page runs ``--rounds`` times under each start method (made the
interpreter's default for that run), while another process keeps one CPU busy, and is checked
as the build checks it: its exit status, its ending, the claims its page reads off it, no
process left behind, no timeout. Prints every run that failed, then a count per snippet; a
failure in every round under a method is systematic (the snippet does not work that way), one
in some rounds only is a flake.

Usage: python tools/soak.py [--rounds 20] [--methods fork,spawn,forkserver] [--no-load]
       [--only pool/] [--skip-measured]
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time

from snippet_execution import Expected, problems, run
from snippet_pages import declarations

BUSY_LOOP = "while True: pass"


def soak(rounds: int, methods: list[str], only: str, skip_measured: bool) -> dict:
    shown = [
        (name, args, expected)
        for (name, args), (_, expected) in declarations().items()
        if name.startswith(only) and not (skip_measured and expected.attempts > 1)
    ]
    print(f"{len(shown)} runs x {len(methods)} start methods x {rounds} rounds", flush=True)
    failures: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    started = time.monotonic()
    for round_number in range(1, rounds + 1):
        for method in methods:
            for name, args, expected in shown:
                found = soak_once(name, args, expected, method)
                if found:
                    where = f"{name} {' '.join(args)}".rstrip()
                    failures[(where, method)].append(f"round {round_number}: {found}")
                    print(f"FAIL {where} under {method}, round {round_number}: {found}")
        minutes = (time.monotonic() - started) / 60
        print(f"round {round_number} of {rounds} done after {minutes:.1f} min", flush=True)
    print(f"\n{len(shown) * len(methods) * rounds} runs, {sum(map(len, failures.values()))} failed")
    for (where, method), found in sorted(failures.items()):
        kind = "systematic" if len(found) == rounds else "flaky"
        print(f"  {where} under {method}: failed {len(found)} of {rounds} ({kind})")
    return failures


def soak_once(name: str, args: tuple[str, ...], expected: Expected, method: str) -> str:
    record = run(name, args, expected.timeout, start_method=method)
    return "; ".join(problems(record, expected))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--methods", default="fork,spawn,forkserver")
    parser.add_argument("--only", default="", help="only snippets whose name starts so")
    parser.add_argument("--skip-measured", action="store_true", help="skip benchmarks")
    parser.add_argument("--no-load", action="store_true", help="no busy process beside")
    options = parser.parse_args()
    busy = None if options.no_load else subprocess.Popen([sys.executable, "-c", BUSY_LOOP])
    with tempfile.TemporaryDirectory() as records:
        os.environ["SNIPPETS_CACHE_DIR"] = records  # soak runs never replace the site's
        try:
            failures = soak(
                options.rounds, options.methods.split(","), options.only, options.skip_measured
            )
        finally:
            if busy:
                busy.kill()
                busy.wait()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
