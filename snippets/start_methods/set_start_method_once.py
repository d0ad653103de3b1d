"""set_start_method() once, under the main guard: every Process and Pool then uses that method."""

import multiprocessing
import os
import sys


def worker_parent(_: int) -> int:
    return os.getppid()


def main() -> tuple[str, int]:
    method = multiprocessing.get_start_method()
    with multiprocessing.Pool(2) as pool:
        parents = set(pool.map(worker_parent, range(4)))
    # Under forkserver the workers are children of the fork server, not of this process.
    workers_are_my_children = parents == {os.getpid()}
    print(f"start method: {method}")
    print(f"pool workers are children of this process: {workers_are_my_children}")
    return method, workers_are_my_children


if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1] if len(sys.argv) > 1 else "spawn")
    main()
