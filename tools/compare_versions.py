"""Which snippets print something different on another Python version? Run them all and see.

Runs every snippet the site shows on each Python the build has (``nox --install-only`` makes
the others), masks what changes from run to run (numbers, addresses, paths of the
interpreter), and prints each snippet whose output still differs between versions, with the
lines that differ. Those are the candidates for version tabs (``show_versions``).

Usage: python tools/compare_versions.py [--only pitfalls/]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys

from snippet_execution import SnippetError, interpreters, obtain
from snippet_pages import declarations

VARYING = [
    (re.compile(r"/[^\s\"']*/lib/python3\.\d+t?/"), "<stdlib>/"),
    (re.compile(r"python3\.\d+"), "python3.X"),
    (re.compile(r"0x[0-9a-f]+"), "0x…"),
    (re.compile(r"\d+(\.\d+)?"), "N"),
    (re.compile(r"[ \t]*[~^]+[ \t]*$", re.MULTILINE), ""),  # 3.11+ error carets
]


def masked(output: str) -> list[str]:
    for pattern, replacement in VARYING:
        output = pattern.sub(replacement, output)
    return [line.rstrip() for line in output.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="")
    only = parser.parse_args().only
    pythons = interpreters()
    print(f"Pythons: {', '.join(f'{version} ({path})' for version, path in pythons.items())}")
    differing = 0
    for (name, args), (_, expected) in sorted(declarations().items()):
        if not name.startswith(only):
            continue
        outputs = {}
        for version, python in pythons.items():
            try:
                outputs[version] = masked(obtain(name, args, expected, python).output)
            except SnippetError as error:
                outputs[version] = [f"FAILED: {str(error).splitlines()[0]}"]
        first, *others = outputs
        changes = [
            (version, list(difflib.unified_diff(outputs[first], outputs[version], n=0)))
            for version in others
        ]
        changes = [(version, diff[2:]) for version, diff in changes if diff]
        if changes:
            differing += 1
            print(f"\n{name} {' '.join(args)}".rstrip())
            for version, diff in changes:
                print(f"  {first} -> {version}:")
                print("\n".join(f"    {line}" for line in diff[:12]))
    print(f"\n{differing} runs print something that depends on the version")
    sys.exit(0)


if __name__ == "__main__":
    main()
