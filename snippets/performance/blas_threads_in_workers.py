"""NumPy's BLAS threads inside worker processes: N workers x N threads each, and the fix."""

import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor

# Read once, when the BLAS library loads (when numpy is first imported in a process).
BLAS_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
SETTINGS = {"unset (the default)": None, "set to 1": "1"}
numpy_was_already_imported = False  # set in each worker by limit_blas_threads()


def limit_blas_threads(threads: str | None) -> None:
    """Pool initializer: set the variables (or remove them), then import numpy, which reads them."""
    global numpy_was_already_imported
    for name in BLAS_THREAD_VARIABLES:
        if threads is None:
            os.environ.pop(name, None)  # a reader's shell may have set them
        else:
            os.environ[name] = threads
    numpy_was_already_imported = "numpy" in sys.modules  # copied by fork: too late to limit
    import numpy  # noqa: F401


def threads_in_this_process() -> int | None:
    """Every thread of the process, BLAS's included (Linux lists one entry per thread)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except FileNotFoundError:
        return None  # no /proc here


def multiply(size: int, repeats: int) -> tuple[int, int | None, bool]:
    import numpy as np

    matrix = np.full((size, size), 1.0)
    for _ in range(repeats):
        product = matrix @ matrix
    return int(product.sum()), threads_in_this_process(), numpy_was_already_imported


def timed_on_a_fresh_pool(threads, workers: int, size: int, repeats: int, tasks: int):
    with ProcessPoolExecutor(workers, initializer=limit_blas_threads, initargs=(threads,)) as pool:
        arguments = [size] * tasks, [repeats] * tasks
        list(pool.map(multiply, *arguments))  # warm-up: starts every worker, each imports numpy
        started = time.perf_counter()
        results = list(pool.map(multiply, *arguments))
        return time.perf_counter() - started, results


def main(size: int = 300, repeats: int = 4, rounds: int = 3) -> dict[str, dict]:
    cpus = usable_cpus()
    workers, tasks = cpus, 8 * cpus
    print(f"{workers} worker processes on {cpus} usable CPUs; {tasks} tasks, each multiplying")
    print(f"a {size}×{size} matrix by itself {repeats} times with numpy")
    print(f"BLAS thread variables: {', '.join(BLAS_THREAD_VARIABLES)}")
    print(f"median of {rounds} rounds, the settings taking turns, each on a fresh pool warmed up")
    seconds = {name: [] for name in SETTINGS}
    outcomes = {}
    for _ in range(rounds):
        for name, threads in SETTINGS.items():
            elapsed, outcomes[name] = timed_on_a_fresh_pool(threads, workers, size, repeats, tasks)
            seconds[name].append(elapsed)
    medians = {name: statistics.median(samples) for name, samples in seconds.items()}
    summary = {}
    for name, results in outcomes.items():
        counts = {threads for _, threads, _ in results}
        too_late = any(early for _, _, early in results)
        print(threads_line(name, counts, workers, cpus) + f"; {medians[name]:.3f} s")
        if too_late:
            print(f"  {name}: numpy was imported before the setting (fork copied it): too late")
        summary[name] = {
            "threads": sorted(counts, key=str),
            "products": sorted({total for total, _, _ in results}),
            "too late": too_late,
        }
    speedup = medians["unset (the default)"] / medians["set to 1"]
    print(f"1 BLAS thread per worker: {speedup:.2f}x, {compared(speedup)} the default")
    return summary


# The rest of this file words the verdicts and counts the usable CPUs: plumbing, not the lesson.


def usable_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


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


def threads_line(name: str, counts: set, workers: int, cpus: int) -> str:
    if None in counts:
        return f"{name}: threads in each worker not available here (no /proc/self/task)"
    if len(counts) > 1:
        return f"{name}: workers ran different numbers of threads: {sorted(counts)}"
    (per_worker,) = counts
    thread_s = "thread" if per_worker == 1 else "threads"
    total = per_worker * workers
    return (
        f"{name}: {per_worker} {thread_s} in each worker × {workers} workers"
        f" = {total} threads on {cpus} CPUs"
    )


if __name__ == "__main__":
    main()
