"""Measure the cost per task of Dask against ProcessPoolExecutor on the same job of tiny tasks."""

import logging
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

from dask.distributed import Client, LocalCluster


def add_one(x: int) -> int:
    return x + 1  # next to nothing: what is timed is the machinery around the call


def main(n_tasks: int = 200, repeats: int = 3) -> dict:
    items = list(range(n_tasks))

    # The process pool first: forking this process once Dask's threads run in it is unsafe.
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(add_one, [0, 1]))  # warm-up: workers started, not timed
        pool_start_s = time.perf_counter() - started
        pool_s, pool_results = median_seconds(lambda: list(pool.map(add_one, items)), repeats)

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,
    ):
        client.gather(client.map(add_one, [0, 1], pure=False))  # warm-up, not timed
        cluster_start_s = time.perf_counter() - started
        # pure=False: new tasks on every repeat, not the results Dask still holds from the last
        dask_s, dask_results = median_seconds(
            lambda: client.gather(client.map(add_one, items, pure=False)), repeats
        )
        client.run(ignore_shutdown_races)

    pool_per_task_s = pool_s / n_tasks
    dask_per_task_s = dask_s / n_tasks
    ratio = dask_per_task_s / pool_per_task_s
    print(f"{n_tasks} tasks of add_one on 2 worker processes, median of {repeats} runs")
    print(f"ProcessPoolExecutor.map   {pool_per_task_s * 1e6:7.0f} µs per task")
    print(f"Client.map + gather       {dask_per_task_s * 1e6:7.0f} µs per task   {ratio:.1f}x")
    print(f"start-up: pool {pool_start_s:.2f} s, LocalCluster {cluster_start_s:.2f} s")
    # The verdicts, read off this run's own times.
    per_task = f"{compared(1 / ratio)} the process pool ({ratio:.1f}x the time)"
    print(f"verdict: per task, Dask was {per_task}")
    startup_ratio = cluster_start_s / pool_start_s
    print(
        f"verdict: to start, the LocalCluster was {compared(1 / startup_ratio)} the pool"
        f" ({startup_ratio:.0f}x the time)"
    )
    print(
        f"for that overhead to stay under 1%, a Dask task should run {dask_per_task_s * 100:.2f} s"
    )
    expected = [x + 1 for x in items]
    return {
        "same_results": pool_results == expected and dask_results == expected,
        "seconds_per_task": {"pool": pool_per_task_s, "dask": dask_per_task_s},
        "ratio": ratio,
    }


# The rest of this file times the runs, words the verdicts and quiets a harmless log line at
# shutdown: plumbing, not the lesson.


def median_seconds(run, repeats: int) -> tuple[float, list[int]]:
    """Median wall time of run() over repeats, and what its last call returned."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def ignore_shutdown_races() -> None:
    """Run on every worker just before the cluster closes: while workers and scheduler stop,
    a worker's heartbeat can race the scheduler's goodbye and log a traceback that reports
    nothing wrong (dask/distributed#7105). Only those two messages are dropped."""
    benign = ("Failed to communicate with scheduler during heartbeat", "Scheduler was unaware")
    logging.getLogger("distributed.worker").addFilter(
        lambda record: not record.getMessage().startswith(benign)
    )


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
