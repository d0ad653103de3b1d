"""An I/O-bound job (tasks that wait) run serially, on threads, on processes and with asyncio."""

import asyncio
import functools
import statistics
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 16
WAIT = 0.025  # seconds each task waits, standing in for a disk, database or network reply
WORKERS = 8


def fetch(task: int) -> int:
    time.sleep(WAIT)  # blocks this thread only; other threads run meanwhile
    return task


async def fetch_async(task: int) -> int:
    await asyncio.sleep(WAIT)  # gives control back to the event loop while waiting
    return task


def run_serial(tasks: int, workers: int) -> list[int]:
    return [fetch(task) for task in range(tasks)]


def run_threads(tasks: int, workers: int) -> list[int]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, range(tasks)))


def run_processes(tasks: int, workers: int) -> list[int]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fetch, range(tasks)))


def run_asyncio(tasks: int, workers: int) -> list[int]:
    async def gather_all() -> list[int]:
        return await asyncio.gather(*(fetch_async(task) for task in range(tasks)))

    return asyncio.run(gather_all())


def main(tasks: int = TASKS, repeats: int = 3, workers: int = WORKERS) -> dict[str, list[int]]:
    print(f"{tasks} tasks that each wait {WAIT * 1000:.0f} ms; pools of {workers} workers;")
    print(f"median of {repeats} rounds after a warm-up; pool start-up included in each run")
    print(f"{'way':<24}{'seconds':>9}{'speedup':>9}")
    ways = {
        "serial": run_serial,
        f"threads ({workers})": run_threads,
        f"processes ({workers})": run_processes,
        "asyncio (1 thread)": run_asyncio,
    }
    jobs = {name: functools.partial(job, tasks, workers) for name, job in ways.items()}
    seconds, results = interleaved_medians(jobs, repeats)
    for name in ways:
        print(f"{name:<24}{seconds[name]:>9.3f}{seconds['serial'] / seconds[name]:>8.1f}x")
    # The verdicts, read off this run's own numbers.
    for name in list(ways)[1:3]:
        speedup = seconds["serial"] / seconds[name]
        print(f"verdict: {name} were {compared(speedup)} serial ({speedup:.2f}x)")
    fastest = min(ways, key=seconds.get)
    print(f"verdict: fastest: {fastest}")
    plot_seconds(
        seconds,
        "io_bound_three_ways.svg",
        f"I/O-bound job: serial, {workers} threads, {workers} processes, asyncio",
    )
    return {name.split()[0]: result for name, result in results.items()}


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
