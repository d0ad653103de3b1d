"""Hash every file in a folder with processes and with threads, against the serial loop."""

import functools
import hashlib
import os
import random
import statistics
import tempfile
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path


def sha256_of_file(path: Path) -> tuple[str, str]:
    with open(path, "rb") as file:
        return path.name, hashlib.file_digest(file, "sha256").hexdigest()


def hash_serially(paths: list[Path]) -> dict[str, str]:
    return dict(map(sha256_of_file, paths))


def hash_with(executor_class: type[Executor], paths: list[Path], workers: int) -> dict[str, str]:
    with executor_class(max_workers=workers) as executor:
        return dict(executor.map(sha256_of_file, paths))


def make_files(folder: Path, n_files: int, mib_per_file: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for index in range(n_files):
        path = folder / f"file_{index:03d}.bin"
        path.write_bytes(rng.randbytes(64 * 1024) * (16 * mib_per_file))
        paths.append(path)
    return paths


def main(n_files: int = 64, mib_per_file: int = 2, repeats: int = 3) -> dict:
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="hash-recipe-") as name:
        folder = Path(name)
        paths = make_files(folder, n_files, mib_per_file, seed=2024)
        print(f"{n_files} files of {mib_per_file} MiB each in a temporary folder,", end=" ")
        print(f"{workers} workers")
        print(f"median of {repeats} rounds after a warm-up, the three ways taking turns")
        # The warm-up also reads every file once: then every run finds them in memory.
        seconds, digests = interleaved_medians(
            {
                "serial": functools.partial(hash_serially, paths),
                "threads": functools.partial(hash_with, ThreadPoolExecutor, paths, workers),
                "processes": functools.partial(hash_with, ProcessPoolExecutor, paths, workers),
            },
            repeats,
        )
    for way, label in [
        ("serial", "serial"),
        ("threads", f"{workers} threads"),
        ("processes", f"{workers} processes"),
    ]:
        speedup = seconds["serial"] / seconds[way]
        print(f"{label:<12} {seconds[way]:6.3f} s   speedup {speedup:4.2f}x")
    serial = digests["serial"]
    all_agree = serial == digests["threads"] == digests["processes"]
    print(f"same {len(serial)} digests from all three: {all_agree}")
    first = min(serial)
    print(f"{first}  sha256 {serial[first][:16]}...")
    # The verdicts, read off this run's own times.
    threads = seconds["serial"] / seconds["threads"]
    processes = seconds["threads"] / seconds["processes"]
    print(f"verdict: {workers} threads were {compared(threads)} serial ({threads:.2f}x)")
    print(
        f"verdict: {workers} processes were {compared(processes)} {workers} threads"
        f" ({processes:.2f}x)"
    )
    print(f"folder removed: {not folder.exists()}")
    return {"all_runs_agree": all_agree, "digests": dict(sorted(digests["processes"].items()))}


# The rest of this file times the runs and words the verdicts: plumbing, not the lesson.


def interleaved_medians(jobs: dict, repeats: int) -> tuple[dict, dict]:
    """Median wall time and result of each job. Every job runs once to warm up (not
    counted), then the jobs take turns for `repeats` rounds, so that a change in the
    machine's background load affects all of them alike."""
    results = {name: job() for name, job in jobs.items()}
    times = {name: [] for name in jobs}
    for _ in range(repeats):
        for name, job in jobs.items():
            started = time.perf_counter()
            results[name] = job()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(samples) for name, samples in times.items()}, results


def compared(speedup: float) -> str:
    """How one time compares with another, given their ratio (as printed, to two decimals).
    Within 20% either way is called no difference: on a machine that also runs other
    programs, their load alone can make that much."""
    speedup = round(speedup, 2)
    if speedup >= 1.2:
        return "faster than"
    if speedup <= round(1 / 1.2, 2):
        return "slower than"
    return "about as fast as"


if __name__ == "__main__":
    main()
