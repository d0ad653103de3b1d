"""Measure the site build on this machine: cold, warm (nothing changed), and execution off.

Usage: python tools/benchmark_build.py [repetitions]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2  # a warm rebuild may take at most this many times the build with execution off


def build_seconds(cache_dir: str, **settings: str) -> float:
    with tempfile.TemporaryDirectory() as site:
        env = {**os.environ, "SNIPPETS_CACHE_DIR": cache_dir, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("SNIPPETS_FRESH", None)
        env.pop("SNIPPETS_RUN", None)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site],
            cwd=ROOT,
            env={**env, **settings},
            check=True,
        )
        return time.perf_counter() - started


def main(repetitions: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as cache_dir:
        cold = build_seconds(cache_dir)
        warm = statistics.median(build_seconds(cache_dir) for _ in range(repetitions))
        off = statistics.median(
            build_seconds(cache_dir, SNIPPETS_RUN="off") for _ in range(repetitions)
        )
    print(f"cold build (every snippet runs): {cold:6.2f} s")
    print(f"warm rebuild, nothing changed:   {warm:6.2f} s  (median of {repetitions})")
    print(f"build with execution off:        {off:6.2f} s  (median of {repetitions})")
    verdict = "meets" if warm <= TARGET * off else "misses"
    print(f"warm / off = {warm / off:.2f} x: {verdict} the target of at most {TARGET} x")
    return {"cold": cold, "warm": warm, "off": off}


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
