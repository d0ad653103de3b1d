"""Measure Pool.map throughput on tiny tasks for several chunk sizes, and plot it."""

import multiprocessing
import statistics
import sys
import time


def add_one(n: int) -> int:
    return n + 1


def default_chunksize(n_tasks: int, workers: int) -> int:
    """What map() picks when chunksize is not given (CPython's rule)."""
    chunksize, extra = divmod(n_tasks, workers * 4)
    return chunksize + 1 if extra else chunksize


def main(n_tasks: int = 10_000, chunksizes=(1, 4, 16, 64, 256, 1024), repeats: int = 3) -> dict:
    workers = 2
    sizes = sorted({*chunksizes, default_chunksize(n_tasks, workers)})
    expected = list(range(1, n_tasks + 1))
    seconds = {}
    with multiprocessing.Pool(processes=workers) as pool:
        pool.map(add_one, range(1000))  # warm-up, not timed
        for size in sizes:
            runs = []
            for _ in range(repeats):
                started = time.perf_counter()
                results = pool.map(add_one, range(n_tasks), chunksize=size)
                runs.append(time.perf_counter() - started)
                assert results == expected
            seconds[size] = statistics.median(runs)

    print(f"{n_tasks} tasks of n + 1, {workers} workers, median of {repeats} runs")
    print(f"map() without chunksize would use chunksize={default_chunksize(n_tasks, workers)}")
    print(f"{'chunksize':>9} {'chunks':>7} {'seconds':>8} {'tasks/s':>10} {'vs chunksize 1':>15}")
    rates = {size: n_tasks / seconds[size] for size in sizes}
    for size in sizes:
        chunks = -(-n_tasks // size)
        rate, speedup = rates[size], rates[size] / rates[sizes[0]]
        print(f"{size:>9} {chunks:>7} {seconds[size]:>8.3f} {rate:>10,.0f} {speedup:>14.1f}x")
    slowest, fastest = min(sizes, key=rates.get), max(sizes, key=rates.get)
    print(
        f"slowest: chunksize={slowest}; fastest: chunksize={fastest},"
        f" {rates[fastest] / rates[slowest]:.0f}x the throughput of the slowest"
    )
    rising = sizes[0]  # the largest size up to which every step raised the throughput
    for smaller, larger in zip(sizes[:-1], sizes[1:], strict=True):
        if rates[larger] <= rates[smaller]:
            break
        rising = larger
    print(f"throughput rose at every step from chunksize={sizes[0]} to chunksize={rising}")
    plot(sizes, [rates[size] for size in sizes], workers, default_chunksize(n_tasks, workers))
    return {size: round(rates[size]) for size in sizes}


# The rest of this file draws the plot: plumbing, not the lesson.


def plot(sizes: list[int], rates: list[float], workers: int, default: int) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(matplotlib is not installed: no plot)")
        return
    fig, ax = plt.subplots(figsize=(6.5, 3.5), facecolor="white")
    ax.plot(sizes, rates, marker="o")
    ax.annotate(
        "map() default",
        (default, rates[sizes.index(default)]),
        textcoords="offset points",
        xytext=(-20, -25),
        ha="center",
        arrowprops={"arrowstyle": "->"},
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = [size for size in sizes if size != default or size == sizes[-1]]
    ax.set_xticks(ticks, labels=[str(size) for size in ticks])
    ax.minorticks_off()
    ax.yaxis.set_major_formatter(lambda value, _: f"{value:,.0f}")
    ax.set_xlabel("chunksize (tasks per chunk, log scale)")
    ax.set_ylabel("tasks per second (log scale)")
    ax.set_title(f"Pool.map of a tiny task, {workers} workers")
    ax.grid(True, alpha=0.3)
    fig.tight_layout()
    title = "Tasks per second against chunksize: throughput rises steeply as chunks grow"
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig("chunksize_sweep.svg", metadata={"Title": title})
    plt.close(fig)


if __name__ == "__main__":
    main(*[int(arg) for arg in sys.argv[1:2]])
