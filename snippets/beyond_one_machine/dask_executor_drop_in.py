"""Code written for ProcessPoolExecutor runs unchanged on Dask, through client.get_executor()."""

import logging
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from contextlib import contextmanager

from dask.distributed import Client, LocalCluster


def count_primes_below(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


# The two functions below know only the concurrent.futures API: any Executor will do.
def prime_counts(executor: Executor, limits: list[int]) -> dict[int, int]:
    futures = {executor.submit(count_primes_below, limit): limit for limit in limits}
    counts = {futures[future]: future.result() for future in as_completed(futures, timeout=60)}
    return dict(sorted(counts.items()))


def prime_counts_with_map(executor: Executor, limits: list[int]) -> dict[int, int]:
    return dict(zip(limits, executor.map(count_primes_below, limits, timeout=60), strict=True))


def ignore_shutdown_races() -> None:
    """Run on every worker just before the cluster closes: while workers and scheduler stop,
    a worker's heartbeat can race the scheduler's goodbye and log a traceback that reports
    nothing wrong (dask/distributed#7105). Only those two messages are dropped."""
    benign = ("Failed to communicate with scheduler during heartbeat", "Scheduler was unaware")
    logging.getLogger("distributed.worker").addFilter(
        lambda record: not record.getMessage().startswith(benign)
    )


@contextmanager
def dask_client(scheduler_address: str | None) -> Iterator[Client]:
    """A client of the cluster at scheduler_address, or of a local cluster started here."""
    if scheduler_address is not None:
        with Client(scheduler_address) as client:
            yield client
        return
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
        yield client
        client.run(ignore_shutdown_races)  # our own cluster only: never a shared one


def main(scheduler_address: str | None = None) -> dict:
    limits = [1_000, 5_000, 20_000, 50_000]

    with ProcessPoolExecutor(max_workers=2) as pool:
        local = prime_counts(pool, limits)
        local_map_agrees = prime_counts_with_map(pool, limits) == local
    print(f"ProcessPoolExecutor:   {local}, map agrees: {local_map_agrees}")

    with dask_client(scheduler_address) as client:
        where = "local cluster" if scheduler_address is None else "cluster"
        print(f"{where} at {client.scheduler.address}")
        with client.get_executor() as executor:
            on_dask = prime_counts(executor, limits)
            dask_map_agrees = prime_counts_with_map(executor, limits) == on_dask
    print(f"client.get_executor(): {on_dask}, map agrees: {dask_map_agrees}")
    print(f"same answers from both executors: {on_dask == local}")
    return {
        "process_pool": local,
        "dask": on_dask,
        "maps_agree": local_map_agrees and dask_map_agrees,
    }


if __name__ == "__main__":
    main(*sys.argv[1:])  # python dask_executor_drop_in.py tcp://scheduler:8786
