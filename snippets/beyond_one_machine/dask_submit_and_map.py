"""Run tasks on a Dask cluster of local worker processes with Client.submit and Client.map."""

import logging
import os

from dask.distributed import Client, LocalCluster


def count_primes_below(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def ignore_shutdown_races() -> None:
    """Run on every worker just before the cluster closes: while workers and scheduler stop,
    a worker's heartbeat can race the scheduler's goodbye and log a traceback that reports
    nothing wrong (dask/distributed#7105). Only those two messages are dropped."""
    benign = ("Failed to communicate with scheduler during heartbeat", "Scheduler was unaware")
    logging.getLogger("distributed.worker").addFilter(
        lambda record: not record.getMessage().startswith(benign)
    )


def main() -> dict:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,  # each worker is a process of its own, as in a real cluster
            host="127.0.0.1",  # scheduler and workers listen on loopback only
            dashboard_address="127.0.0.1:0",  # its web server: loopback only, any free port
        ) as cluster,
        Client(cluster) as client,
    ):
        print(f"scheduler at {cluster.scheduler_address}")
        worker_pids = client.run(os.getpid)  # runs on every worker: {worker address: pid}
        separate = os.getpid() not in worker_pids.values()
        print(f"{len(worker_pids)} workers, each a process other than this one: {separate}")

        future = client.submit(count_primes_below, 10_000)  # returns at once
        print(f"submit: {future.result()} primes below 10,000")

        limits = [10, 100, 1_000, 10_000, 100_000]
        futures = client.map(count_primes_below, limits)  # one task per item
        counts = dict(zip(limits, client.gather(futures), strict=True))
        print(f"map + gather: {counts}")

        # A future can be the argument of another task: the values move between workers
        # and never come back to this process.
        total = client.submit(sum, futures).result()
        print(f"sum computed on the cluster: {total}")
        client.run(ignore_shutdown_races)
    print(f"cluster {cluster.status.name}")
    return {"counts": counts, "total": total, "status": cluster.status.name}


if __name__ == "__main__":
    main()
