"""Pool.map over many small tasks: wall time against chunksize, from 1 to one chunk per worker."""

import functools
import multiprocessing
import statistics
import time

WORKERS = 2


def small_task(n: int) -> int:
    """Some tens of microseconds of pure-Python work."""
    total = 0
    for i in range(200):
        total += (n * i) % 7
    return total


def map_in_chunks(pool, tasks: int, chunksize: int) -> int:
    return sum(pool.map(small_task, range(tasks), chunksize=chunksize))


def run_serially(tasks: int) -> int:
    return sum(map(small_task, range(tasks)))


def default_chunksize(tasks: int, workers: int) -> int:
    """What Pool.map picks when chunksize is not given (CPython's own rule)."""
    chunksize, extra = divmod(tasks, workers * 4)
    return chunksize + 1 if extra else chunksize


def main(tasks: int = 8192, repeats: int = 3) -> dict[str, object]:
    # The last two: one chunk per worker, then a single chunk for everything.
    chunksizes = sorted({1, 4, 16, 64, 256, 1024, tasks // WORKERS, tasks})
    print(f"{tasks:,} tasks; Pool of {WORKERS} workers; median of {repeats} rounds after a warm-up")
    medians, results = time_chunksizes(tasks, chunksizes, repeats)
    serial = medians.pop("serial")
    expected = results.pop("serial")
    print(f"serial loop: {serial / tasks * 1e6:.1f} µs per task")
    print(f"{'chunksize':>10}{'seconds':>9}{'speedup':>9}")
    print(f"{'serial':>10}{serial:>9.3f}{1:>8.2f}x")
    seconds = [medians[chunksize] for chunksize in chunksizes]
    for chunksize, elapsed in zip(chunksizes, seconds, strict=True):
        print(f"{chunksize:>10,}{elapsed:>9.3f}{serial / elapsed:>8.2f}x")
    best = chunksizes[seconds.index(min(seconds))]
    print(
        f"default chunksize here: {default_chunksize(tasks, WORKERS):,}; fastest measured: {best:,}"
    )
    print(
        f"chunksize 1 took {seconds[0] / min(seconds):.1f}x the fastest;"
        f" one chunk for everything took {seconds[-1] / min(seconds):.1f}x"
    )
    # The verdicts, read off this run's own numbers.
    for label, elapsed in [
        ("chunksize 1", seconds[0]),
        (f"the fastest, chunksize {best:,}", min(seconds)),
    ]:
        print(f"{label}: {serial / elapsed:.2f}x, {compared(serial / elapsed)} the serial loop")
    one_chunk = min(seconds) / seconds[-1]
    print(
        f"one chunk for everything: {one_chunk:.2f}x the speed of chunksize {best:,},"
        f" {compared(one_chunk)} it: one worker did every task"
    )
    plot(chunksizes, seconds, serial, tasks)
    return {"serial": expected, "results": results}


# The rest of this file times the runs, words the verdicts and draws the plot: plumbing, not the
# lesson.


def time_chunksizes(tasks: int, chunksizes: list[int], repeats: int) -> tuple[dict, dict]:
    """Median seconds and result of the serial loop and of each chunksize, on one pool."""
    with multiprocessing.Pool(WORKERS) as pool:
        jobs = {"serial": functools.partial(run_serially, tasks)}
        for chunksize in chunksizes:
            jobs[chunksize] = functools.partial(map_in_chunks, pool, tasks, chunksize)
        return interleaved_medians(jobs, repeats)


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


def plot(chunksizes: list[int], seconds: list[float], serial: float, tasks: int) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib to draw it)")
        return

    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    axes = fig.subplots()
    axes.plot(chunksizes, seconds, "o-", color="#3f51b5", label=f"Pool.map, {WORKERS} workers")
    axes.axhline(serial, linestyle="--", color="grey", label="serial loop")
    axes.axvline(
        default_chunksize(tasks, WORKERS),
        color="#e65100",
        linewidth=0.8,
        label="Pool.map's default chunksize",
    )
    axes.set_xscale("log", base=2)
    axes.set_xticks(chunksizes, [f"{c:,}" for c in chunksizes], fontsize="small")
    axes.minorticks_off()
    axes.set_xlabel("chunksize (tasks per message, log scale)")
    axes.set_ylabel("wall time (seconds, median)")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend()
    axes.set_title(f"{tasks:,} small tasks: wall time against chunksize")
    title = (
        f"Line chart of Pool.map wall time in seconds against chunksize on a log scale for"
        f" {tasks:,} small tasks, with the serial loop's time as a dashed line and Pool.map's"
        f" default chunksize marked."
    )
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig(
            "chunksize_sweep.svg", facecolor="white", metadata={"Title": title, "Date": None}
        )


if __name__ == "__main__":
    main()
