"""What a pool costs per task: a task that does nothing, called directly and through pools."""

import multiprocessing
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

WORKERS = 2


def nothing(x: int) -> int:
    return x


def direct(pools, tasks: int) -> int:
    return sum(nothing(x) for x in range(tasks))


def thread_pool_submit(pools, tasks: int) -> int:
    futures = [pools["threads"].submit(nothing, x) for x in range(tasks)]
    return sum(future.result() for future in futures)


def process_pool_submit(pools, tasks: int) -> int:
    futures = [pools["executor"].submit(nothing, x) for x in range(tasks)]
    return sum(future.result() for future in futures)


def pool_map_chunksize_1(pools, tasks: int) -> int:
    return sum(pools["pool"].map(nothing, range(tasks), chunksize=1))


def pool_map_default_chunks(pools, tasks: int) -> int:
    return sum(pools["pool"].map(nothing, range(tasks)))


def main(tasks: int = 2000, repeats: int = 3) -> dict[str, int]:
    ways = [
        ("direct call", direct),
        ("ThreadPoolExecutor.submit", thread_pool_submit),
        ("ProcessPoolExecutor.submit", process_pool_submit),
        ("Pool.map, chunksize=1", pool_map_chunksize_1),
        ("Pool.map, default chunks", pool_map_default_chunks),
    ]
    print(
        f"{tasks:,} tasks that return their argument; pools of {WORKERS} workers, already started"
    )
    print(f"{'way':<30}{'µs per task':>12}")
    results, per_task = {}, {}
    with (
        ThreadPoolExecutor(WORKERS) as threads,
        ProcessPoolExecutor(WORKERS) as executor,
        multiprocessing.Pool(WORKERS) as pool,
    ):
        pools = {"threads": threads, "executor": executor, "pool": pool}
        for name, job in ways:
            seconds, results[name] = median_seconds(job, pools, tasks, repeats)
            per_task[name] = seconds / tasks
            print(f"{name:<30}{per_task[name] * 1e6:>12.2f}")
    # The verdicts, read off this run's own numbers.
    short = {
        "direct call": "a direct call",
        "ThreadPoolExecutor.submit": "a thread pool",
        "ProcessPoolExecutor.submit": "a process pool",
    }
    cheapest_first = sorted(short, key=per_task.get)
    print(f"per task, cheapest first: {' < '.join(short[name] for name in cheapest_first)}")
    chunked = per_task["Pool.map, chunksize=1"] / per_task["Pool.map, default chunks"]
    cheaper = f"{chunked:.0f}x cheaper" if chunked >= 1.5 else f"not cheaper ({chunked:.2f}x)"
    print(f"Pool.map with its default chunks: {cheaper} per task than with chunksize=1")
    one_task = per_task["ProcessPoolExecutor.submit"]
    print(
        f"one task per message costs {one_task * 1e6:.0f} µs: for that to be under 1% of the"
        f" time, a task must compute for at least {one_task * 100 * 1000:.1f} ms"
    )
    return results


# The rest of this file times the runs: plumbing, not the lesson.


def median_seconds(job, pools, tasks: int, repeats: int) -> tuple[float, int]:
    """Median wall time of `repeats` runs, after one warm-up run that is not counted."""
    result = job(pools, tasks)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = job(pools, tasks)
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


if __name__ == "__main__":
    main()
