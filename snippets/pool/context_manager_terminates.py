"""Leaving a `with Pool()` block calls terminate(): results not collected inside it are lost."""

import multiprocessing
import time


def slow_square(n: int) -> int:
    time.sleep(0.3)
    return n * n


def main() -> tuple:
    with multiprocessing.Pool(processes=2) as pool:
        pending = pool.map_async(slow_square, range(4))
    # __exit__ has called pool.terminate(): the workers were stopped mid-task.
    try:
        lost = pending.get(timeout=1)
    except multiprocessing.TimeoutError:
        lost = None
        print(f"wrong: collected after the block -> TimeoutError, ready() = {pending.ready()}")

    with multiprocessing.Pool(processes=2) as pool:
        pending = pool.map_async(slow_square, range(4))
        collected = pending.get(timeout=10)  # inside the block, before terminate()
    print(f"right: collected inside the block -> {collected}")
    return lost, collected


if __name__ == "__main__":
    main()
