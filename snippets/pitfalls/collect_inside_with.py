"""The fix: collect every result inside the with block (or close() and join() before leaving)."""

import multiprocessing
import time


def slow_square(x: int) -> int:
    time.sleep(0.2)
    return x * x


def main() -> list[int]:
    with multiprocessing.Pool(2) as pool:
        pending = [pool.apply_async(slow_square, (x,)) for x in range(4)]
        squares = [result.get(timeout=30) for result in pending]
    print(f"collected inside the with block: {squares}")
    return squares


if __name__ == "__main__":
    main()
