"""What this interpreter offers beyond processes: a free-threaded build, InterpreterPoolExecutor."""

import concurrent.futures
import functools
import statistics
import sys
import sysconfig
import time
from concurrent.futures import ThreadPoolExecutor

WORKERS = 2
TASKS = 8


def count_primes(start: int, stop: int, step: int) -> int:
    """Pure-Python CPU work: with the GIL, only one thread at a time can run it."""
    return sum(
        1
        for n in range(start, stop, step)
        if n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))
    )


def run_serially(limit: int) -> int:
    return sum(count_primes(k, limit, TASKS) for k in range(TASKS))


def run_with(executor_class, limit: int) -> int:
    with executor_class(max_workers=WORKERS) as pool:
        return sum(pool.map(count_primes, range(TASKS), [limit] * TASKS, [TASKS] * TASKS))


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


def main(limit: int = 60_000) -> dict[str, object]:
    free_threaded_build = bool(sysconfig.get_config_var("Py_GIL_DISABLED"))  # 3.13t and later
    # sys._is_gil_enabled() arrived in 3.13; before that the GIL is always on.
    gil_enabled = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
    interpreter_pool = getattr(concurrent.futures, "InterpreterPoolExecutor", None)  # 3.14
    print(
        f"Python {sys.version.split()[0]}: free-threaded build: {free_threaded_build};"
        f" GIL enabled: {gil_enabled}"
    )
    print(f"InterpreterPoolExecutor: {'available' if interpreter_pool else 'not in this Python'}")

    jobs = {"serial": functools.partial(run_serially, limit)}
    jobs["threads"] = functools.partial(run_with, ThreadPoolExecutor, limit)
    if interpreter_pool is not None:
        jobs["interpreters"] = functools.partial(run_with, interpreter_pool, limit)
    seconds, results = interleaved_medians(jobs, repeats=3)
    print(f"serial: {seconds['serial']:.3f} s for {results['serial']:,} primes below {limit:,}")
    for name in list(jobs)[1:]:
        speedup = seconds["serial"] / seconds[name]
        print(f"{WORKERS} {name}: {seconds[name]:.3f} s, speedup {speedup:.2f}x")
    for name in list(jobs)[1:]:  # the verdicts, read off this run's own numbers
        speedup = seconds["serial"] / seconds[name]
        print(f"verdict: {WORKERS} {name} were {compared(speedup)} serial ({speedup:.2f}x)")
    if not gil_enabled:
        print("no GIL: threads can run Python code on several cores at once")
    else:
        print("GIL on: threads take turns running Python code, so they cannot speed it up")
    return {"free_threaded": free_threaded_build, "gil": gil_enabled, "results": results}


if __name__ == "__main__":
    main()
