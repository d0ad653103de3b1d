"""A CPU-bound job in pure Python run serially, on a thread pool and on a process pool."""

import functools
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 16  # the job is cut into this many slices


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for divisor in range(2, int(n**0.5) + 1):
        if n % divisor == 0:
            return False
    return True


def count_primes(start: int, stop: int, step: int) -> int:
    """Count the primes in range(start, stop, step): pure Python, holds the GIL throughout."""
    return sum(1 for n in range(start, stop, step) if is_prime(n))


def slices(limit: int) -> tuple[range, list[int], list[int]]:
    """The arguments of the TASKS slices: slice k takes k, k + TASKS, k + 2 * TASKS, ...
    (the slices differ in cost: with an even TASKS, those of even k hold only even numbers
    and are done at once; the pools hand each slice to the next free worker)."""
    return range(TASKS), [limit] * TASKS, [TASKS] * TASKS


def run_serial(limit: int, pool: None) -> int:
    return sum(map(count_primes, *slices(limit)))


def run_on_pool(limit: int, pool: ThreadPoolExecutor | ProcessPoolExecutor) -> int:
    return sum(pool.map(count_primes, *slices(limit)))


def main(limit: int = 120_000, repeats: int = 5) -> dict[str, int]:
    workers = os.cpu_count() or 1
    print(f"count the primes below {limit:,} in {TASKS} slices; {workers} workers;")
    print(f"median of {repeats} rounds after a warm-up; pools started before timing")
    print(f"{'way':<22}{'seconds':>9}{'speedup':>9}{'primes':>9}")
    labels = {"serial": "serial", "threads": f"threads ({workers} workers)"}
    labels["processes"] = f"processes ({workers} workers)"
    with (
        ThreadPoolExecutor(max_workers=workers) as threads,
        ProcessPoolExecutor(max_workers=workers) as processes,
    ):
        jobs = {
            "serial": functools.partial(run_serial, limit, None),
            "threads": functools.partial(run_on_pool, limit, threads),
            "processes": functools.partial(run_on_pool, limit, processes),
        }
        medians, results = interleaved_medians(jobs, repeats)
    seconds = {labels[name]: medians[name] for name in labels}
    for name, label in labels.items():
        speedup = medians["serial"] / medians[name]
        print(f"{label:<22}{medians[name]:>9.3f}{speedup:>8.2f}x{results[name]:>9,}")
    # The verdicts, read off this run's own numbers.
    for name, baseline in [
        ("threads", "serial"),
        ("processes", "serial"),
        ("processes", "threads"),
    ]:
        ratio = medians[baseline] / medians[name]
        print(f"verdict: {name} were {compared(ratio)} {baseline} ({ratio:.2f}x)")
    plot_seconds(
        seconds,
        "cpu_bound_three_ways.svg",
        f"CPU-bound job: serial, {workers} threads and {workers} processes",
    )
    return results


# The rest of this file times the runs, words the verdicts and draws the plot: plumbing, not the
# lesson.


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


def plot_seconds(seconds: dict[str, float], file_name: str, title: str) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib to draw it)")
        return

    fig = Figure(figsize=(6.4, 2.6), layout="constrained")
    ax = fig.subplots()
    names = list(seconds)[::-1]
    bars = ax.barh(names, [seconds[name] for name in names], color="#3f51b5")
    ax.bar_label(bars, fmt="%.3f s", padding=3)
    ax.set_xlabel("wall time (seconds, median; lower is better)")
    ax.set_xlim(0, max(seconds.values()) * 1.25)
    ax.set_title(title)
    alt = f"Horizontal bar chart of median wall time in seconds (lower is better). {title}."
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig(file_name, facecolor="white", metadata={"Title": alt, "Date": None})


if __name__ == "__main__":
    main()
