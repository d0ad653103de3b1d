"""A Pool worker killed mid-task: the pool replaces the worker, but the lost result never comes."""

import multiprocessing
import os
import signal


def square_or_die(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


def main() -> list[int]:
    with multiprocessing.Pool(2) as pool:
        result = pool.map_async(square_or_die, range(6), chunksize=1)
        return result.get(timeout=2)  # without a timeout, get() waits forever


if __name__ == "__main__":
    main()
