"""A worker dies mid-task: multiprocessing.Pool waits forever, ProcessPoolExecutor raises."""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def die() -> None:
    os._exit(1)


def main() -> dict[str, str]:
    outcome = {}
    with multiprocessing.Pool(2) as pool:
        started = time.perf_counter()
        pending = pool.apply_async(die)
        try:
            pending.get(timeout=2)  # without a timeout this line would never return
        except multiprocessing.TimeoutError:
            waited = time.perf_counter() - started
            outcome["Pool"] = "TimeoutError"
            print(f"Pool: no result and no error after {waited:.1f} s: TimeoutError from get()")
        # The pool quietly replaced the dead worker; the lost task is never re-run.
        print(f"Pool: still answers new tasks: {pool.apply(os.getpid) > 0}")
    # leaving the with block terminated the pool

    with ProcessPoolExecutor(max_workers=2) as executor:
        started = time.perf_counter()
        future = executor.submit(die)
        try:
            future.result(timeout=10)
        except BrokenProcessPool:
            waited = time.perf_counter() - started
            outcome["ProcessPoolExecutor"] = "BrokenProcessPool"
            print(f"ProcessPoolExecutor: BrokenProcessPool after {waited:.2f} s")
    return outcome


if __name__ == "__main__":
    main()
