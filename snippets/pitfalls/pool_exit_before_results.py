"""Leaving `with Pool()` before collecting async results: its exit terminates the workers."""

import multiprocessing
import time


def slow_square(x: int) -> int:
    time.sleep(0.2)
    return x * x


def main() -> list[int]:
    with multiprocessing.Pool(2) as pool:
        pending = [pool.apply_async(slow_square, (x,)) for x in range(4)]
    # The with block has ended: __exit__ called terminate(), so these results never come.
    print(f"ready after the with block: {[result.ready() for result in pending]}")
    return [result.get(timeout=2) for result in pending]  # a plain get() would wait forever


if __name__ == "__main__":
    main()
