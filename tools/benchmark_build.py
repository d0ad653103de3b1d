"""Measure the site build on this machine: cold, warm (nothing changed), and execution off.

Usage: python tools/benchmark_build.py [repetitions]

Prints the three times against their targets, how the cold build's runs spent its time (the
runs that share the CPUs, then the measurements, one by one), and its ten slowest runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2  # a warm rebuild may take at most this many times the build with execution off
COLD_TARGET = 60.0  # seconds, for a cold strict build on a 2-CPU machine


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
        records = [json.loads(path.read_text()) for path in Path(cache_dir).glob("*.json")]
        warm = statistics.median(build_seconds(cache_dir) for _ in range(repetitions))
        off = statistics.median(
            build_seconds(cache_dir, SNIPPETS_RUN="off") for _ in range(repetitions)
        )
    print(f"cold build (every snippet runs): {cold:6.2f} s  (target: at most {COLD_TARGET:g} s)")
    print(f"warm rebuild, nothing changed:   {warm:6.2f} s  (median of {repetitions})")
    print(f"build with execution off:        {off:6.2f} s  (median of {repetitions})")
    verdict = "meets" if warm <= TARGET * off else "misses"
    print(f"warm / off = {warm / off:.2f} x: {verdict} the target of at most {TARGET} x")
    for line in phases(records):
        print(line)
    print("the ten slowest runs of the cold build:")
    for line in slowest_runs(records):
        print(f"  {line}")
    return {"cold": cold, "warm": warm, "off": off}


def phases(records: list[dict]) -> list[str]:
    """How long the runs that share the CPUs took together, then the measurements alone."""
    shared = [record for record in records if not record.get("alone")]
    alone = [record for record in records if record.get("alone")]
    lines = []
    if shared:
        first = min(record["started_at"] for record in shared)
        last = max(record["started_at"] + record["seconds"] for record in shared)
        lines.append(f"{len(shared)} runs sharing the CPUs: {last - first:6.2f} s, first to last")
    if alone:
        seconds = sum(record["seconds"] for record in alone)
        lines.append(f"{len(alone)} measurements, one by one: {seconds:6.2f} s, added up")
    return lines


def slowest_runs(records: list[dict], count: int = 10) -> list[str]:
    records = sorted(records, key=lambda record: -record["seconds"])
    return [
        f"{record['seconds']:5.2f} s  {' '.join([record['name'], *record['args']])}"
        f" (Python {record['python']}{', alone' if record.get('alone') else ''})"
        for record in records[:count]
    ]


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
