"""map(): results in input order; chunksize batches inputs per task; timeout bounds the wait."""

import os
import time
from concurrent.futures import ProcessPoolExecutor, TimeoutError


def square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def main() -> dict[str, object]:
    with ProcessPoolExecutor(max_workers=2) as executor:
        results = list(executor.map(square_and_pid, range(12), chunksize=4))
    squares = [square for square, _ in results]
    chunks = [results[start : start + 4] for start in range(0, 12, 4)]
    pids_per_chunk = [len({pid for _, pid in chunk}) for chunk in chunks]
    print(f"map(..., chunksize=4): {squares}")
    print(f"worker processes per chunk of 4: {pids_per_chunk} (a chunk is one task)")

    got = []
    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(nap, [0, 0]))  # start both workers, so start-up is not timed below
        try:
            for seconds in executor.map(nap, [0.1, 0.1, 1.5, 1.5], timeout=0.8):
                got.append(seconds)
        except TimeoutError:
            print(f"map(..., timeout=0.8): got {got}, then TimeoutError")
        # Leaving map's iterator cancelled the tasks that had not started; the running
        # ones still finish before the with block ends.
    return {"squares": squares, "pids_per_chunk": pids_per_chunk, "before_timeout": got}


if __name__ == "__main__":
    main()
