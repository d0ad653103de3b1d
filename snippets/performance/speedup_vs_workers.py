"""Speedup and parallel efficiency of a CPU-bound job against the number of worker processes."""

import functools
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 48  # a few dozen: every worker gets several, and none waits long for the last one


def count_primes(start: int, stop: int, step: int) -> int:
    """Pure-Python CPU work on range(start, stop, step). The slices differ in cost (with an
    even step, a slice of even start holds only even numbers and is done at once); map()
    hands them to the workers as each becomes free, so the workers share the cost."""
    return sum(
        1
        for n in range(start, stop, step)
        if n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))
    )


def worker_counts(cpus: int) -> list[int]:
    """1, 2, 4, ... up to the CPU count, the CPU count itself, and twice it (oversubscribed)."""
    counts = {cpus, 2 * cpus}
    n = 1
    while n < cpus:
        counts.add(n)
        n *= 2
    return sorted(counts)


def run_serially(arguments) -> int:
    return sum(map(count_primes, *arguments))


def run_on_pool(pool: ProcessPoolExecutor, arguments) -> int:
    return sum(pool.map(count_primes, *arguments))


def job_arguments(limit: int) -> tuple[range, list[int], list[int]]:
    return range(TASKS), [limit] * TASKS, [TASKS] * TASKS


def main(limit: int = 60_000, repeats: int = 5) -> dict[str, object]:
    cpus = usable_cpus()
    workers = worker_counts(cpus)
    arguments = job_arguments(limit)
    print(f"count the primes below {limit:,} in {TASKS} equal tasks; {cpus} usable CPUs")
    print(f"median of {repeats} rounds after a warm-up; each round runs the serial loop, then")
    print("the pool (started before timing): speedup = serial seconds / pool seconds")
    print(f"{'workers':>7}{'serial s':>10}{'pool s':>8}{'speedup':>9}{'efficiency':>11}")
    results, speedups = {}, []
    for n in workers:
        with ProcessPoolExecutor(max_workers=n) as pool:
            jobs = {
                "serial": functools.partial(run_serially, arguments),
                "pool": functools.partial(run_on_pool, pool, arguments),
            }
            seconds, outcome = interleaved_medians(jobs, repeats)
        results[n] = outcome["pool"]
        results["serial"] = outcome["serial"]
        speedups.append(seconds["serial"] / seconds["pool"])
        note = "  (more workers than CPUs)" if n > cpus else ""
        print(
            f"{n:>7}{seconds['serial']:>10.3f}{seconds['pool']:>8.3f}{speedups[-1]:>8.2f}x"
            f"{speedups[-1] / n:>10.0%}{note}"
        )
    # The verdicts, read off this run's own numbers.
    one, best, most = speedups[0], speedups[workers.index(cpus)], speedups[-1]
    if cpus > 1:
        print(f"with 1 worker: {one:.2f}x, {compared(one)} serial")
    print(
        f"with {cpus} workers on {cpus} CPUs: {best:.2f}x, {compared(best)} serial;"
        f" efficiency {best / cpus:.0%}"
    )
    if most / (2 * cpus) < best / cpus:
        lower = f"lower than with {cpus}: the extra workers take turns on the same CPUs"
    else:
        lower = f"not lower than with {cpus}"
    print(f"with {2 * cpus} workers on {cpus} CPUs: efficiency {most / (2 * cpus):.0%}, {lower}")
    plot(workers, speedups, cpus)
    return {"serial": results.pop("serial"), "workers": workers, "results": results}


# The rest of this file times the runs, words the verdicts, draws the plot and counts the usable
# CPUs: plumbing, not the lesson.


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


def plot(workers: list[int], speedups: list[float], cpus: int) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib to draw it)")
        return

    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    speedup_axes, efficiency_axes = fig.subplots(1, 2)
    speedup_axes.plot(workers, speedups, "o-", color="#3f51b5", label="measured")
    speedup_axes.plot(workers, [min(n, cpus) for n in workers], "--", color="grey", label="ideal")
    speedup_axes.set_xlabel("worker processes")
    speedup_axes.set_ylabel("speedup over serial (×)")
    speedup_axes.set_ylim(0, max(cpus, *speedups) * 1.15)
    speedup_axes.legend()
    efficiencies = [100 * s / n for s, n in zip(speedups, workers, strict=True)]
    efficiency_axes.plot(workers, efficiencies, "o-", color="#e65100")
    efficiency_axes.set_xlabel("worker processes")
    efficiency_axes.set_ylabel("parallel efficiency (%)")
    efficiency_axes.set_ylim(0, 110)
    for axes in (speedup_axes, efficiency_axes):
        axes.set_xticks(workers)
        axes.axvline(cpus, color="grey", linewidth=0.8)
        axes.grid(alpha=0.3)
    fig.suptitle(f"CPU-bound job on {cpus} CPUs: speedup and efficiency against workers")
    title = (
        f"Two line charts: speedup over serial and parallel efficiency in percent against"
        f" 1 to {max(workers)} worker processes on a {cpus}-CPU machine, with the ideal speedup"
        f" dashed; the vertical line marks the CPU count."
    )
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig(
            "speedup_vs_workers.svg", facecolor="white", metadata={"Title": title, "Date": None}
        )


if __name__ == "__main__":
    main()
