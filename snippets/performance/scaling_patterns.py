"""Patterns that reach near-linear speedup on a process pool, and patterns that do not."""

import functools
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 48


def spin(iterations: int) -> int:
    """Pure-Python CPU work whose cost is proportional to `iterations`."""
    total = 0
    for i in range(iterations):
        total += i % 7
    return total


def sample_sum(data: bytes) -> int:
    """Very little work per byte received: less than it costs to pickle and pipe the byte."""
    return sum(data[::8])


def run(pool, function, items, chunksize: int = 1) -> int:
    if pool is None:
        return sum(map(function, items))
    return sum(pool.map(function, items, chunksize=chunksize))


def coarse_equal_tasks(pool, work: int, workers: int) -> int:
    """Recommended: a few dozen equal, CPU-heavy tasks with small arguments and results."""
    return run(pool, spin, [work // TASKS] * TASKS)


def tiny_tasks(pool, work: int, workers: int) -> int:
    """The same work cut into thousands of tiny tasks, one message each."""
    tasks = 2000
    return run(pool, spin, [work // tasks] * tasks)


def unequal_tasks_fixed_chunks(pool, work: int, workers: int) -> int:
    """Tasks of growing cost (like files sorted by size) cut into one chunk per worker:
    the last worker receives all the expensive ones while the others sit idle."""
    return run(pool, spin, growing_costs(work), chunksize=max(1, TASKS // workers))


def unequal_tasks_one_at_a_time(pool, work: int, workers: int) -> int:
    """The fix: hand the same tasks out one at a time, so idle workers take the next one."""
    return run(pool, spin, growing_costs(work), chunksize=1)


def big_data_little_work(pool, work: int, workers: int) -> int:
    """Megabytes per task and little work per byte: the parent pickles and sends the blocks
    one after another, and that alone takes longer than the work it hands out."""
    block = bytes(range(256)) * (work // 200)
    return run(pool, sample_sum, [block] * 36)


def growing_costs(work: int) -> list[int]:
    weights = [k**3 for k in range(1, TASKS + 1)]  # the last few hold most of the work
    return [work * weight // sum(weights) for weight in weights]


PATTERNS = [
    ("coarse, equal tasks", coarse_equal_tasks),
    ("unequal tasks, one at a time", unequal_tasks_one_at_a_time),
    ("unequal tasks, fixed chunks", unequal_tasks_fixed_chunks),
    ("big data, little work", big_data_little_work),
    ("tiny tasks", tiny_tasks),
]


def main(work: int = 2_400_000, repeats: int = 5) -> dict[str, tuple[int, int]]:
    workers = usable_cpus()
    print(f"each pattern run serially and on {workers} worker processes (pool started beforehand);")
    print(f"median of {repeats} rounds after a warm-up, each round running every job in turn")
    print(f"{'pattern':<30}{'serial s':>9}{'pool s':>8}{'speedup':>9}{'efficiency':>11}  verdict")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = {}
        for name, pattern in PATTERNS:
            jobs[name, "serial"] = functools.partial(pattern, None, work, workers)
            jobs[name, "pool"] = functools.partial(pattern, pool, work, workers)
        seconds, outcome = interleaved_medians(jobs, repeats)
    results, pool_seconds = {}, {}
    for name, _ in PATTERNS:
        results[name] = (outcome[name, "serial"], outcome[name, "pool"])
        serial_s, pool_s = seconds[name, "serial"], seconds[name, "pool"]
        pool_seconds[name] = pool_s
        speedup = serial_s / pool_s
        print(
            f"{name:<30}{serial_s:>9.3f}{pool_s:>8.3f}{speedup:>8.2f}x"
            f"{speedup / workers:>10.0%}  {compared(speedup)} serial"
        )
    # The same unequal tasks, handed out two ways: compared directly.
    fixed, one_at_a_time = "unequal tasks, fixed chunks", "unequal tasks, one at a time"
    balanced = pool_seconds[fixed] / pool_seconds[one_at_a_time]
    print(f"unequal tasks one at a time: {balanced:.2f}x, {compared(balanced)} in fixed chunks")
    return results


# The rest of this file times the runs, words the verdicts and counts the usable CPUs: plumbing,
# not the lesson.


def usable_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


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
