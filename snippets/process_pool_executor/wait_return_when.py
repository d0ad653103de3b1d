"""wait(): return at the first completion, the first exception, or when all are done."""

import os
import time
from concurrent.futures import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ProcessPoolExecutor,
    wait,
)


def finish_at(name: str, deadline: float, fail: bool = False) -> str:
    time.sleep(max(0.0, deadline - time.time()))  # finish at a set wall-clock time
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


def worker_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def start_workers(executor, count: int) -> None:
    """Wait until `count` workers have run a task, so start-up does not blur the timings."""
    for _ in range(50):
        if len(set(executor.map(worker_pid, [0.1] * count))) == count:
            return


def main() -> list[tuple[str, list[str], list[str]]]:
    outcome = []
    with ProcessPoolExecutor(max_workers=3) as executor:
        start_workers(executor, 3)
        now = time.time()
        futures = {
            executor.submit(finish_at, "fast", now + 0.3): "fast",
            executor.submit(finish_at, "failing", now + 0.6, True): "failing",
            executor.submit(finish_at, "slow", now + 1.0): "slow",
        }
        # The same three futures, waited on three ways, one after the other.
        for return_when in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
            done, not_done = wait(futures, timeout=10, return_when=return_when)
            names_done = sorted(futures[future] for future in done)
            names_not_done = sorted(futures[future] for future in not_done)
            print(f"{return_when:<16} done: {names_done}, not done: {names_not_done}")
            outcome.append((return_when, names_done, names_not_done))
    return outcome


if __name__ == "__main__":
    main()
