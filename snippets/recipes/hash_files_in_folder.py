"""Hash every file in a folder with processes and with threads, against the serial loop."""

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


def median_seconds(function, *args, repeats: int) -> tuple[float, dict[str, str]]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = function(*args)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(n_files: int = 64, mib_per_file: int = 4, repeats: int = 3) -> dict:
    workers = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="hash-recipe-") as name:
        folder = Path(name)
        paths = make_files(folder, n_files, mib_per_file, seed=2024)
        print(f"{n_files} files of {mib_per_file} MiB each in {folder.name}/, {workers} workers")
        hash_serially(paths)  # warm-up, not timed: every run then reads the files from memory
        serial_s, serial = median_seconds(hash_serially, paths, repeats=repeats)
        threads_s, threaded = median_seconds(
            hash_with, ThreadPoolExecutor, paths, workers, repeats=repeats
        )
        processes_s, in_processes = median_seconds(
            hash_with, ProcessPoolExecutor, paths, workers, repeats=repeats
        )
    for label, seconds in [
        ("serial", serial_s),
        (f"{workers} threads", threads_s),
        (f"{workers} processes", processes_s),
    ]:
        print(f"{label:<12} {seconds:6.3f} s   speedup {serial_s / seconds:4.2f}x")
    all_agree = serial == threaded == in_processes
    print(f"same {len(serial)} digests from all three: {all_agree}")
    first = min(serial)
    print(f"{first}  sha256 {serial[first][:16]}...")
    print(f"folder removed: {not folder.exists()}")
    return {"all_runs_agree": all_agree, "digests": dict(sorted(in_processes.items()))}


if __name__ == "__main__":
    main()
