"""Several processes doing counter.value += 1: updates are lost without a lock, none with one."""

import multiprocessing
import time


def increment(counter) -> None:
    """counter.value += 1, its two operations spelled out."""
    value = counter.value  # a read (the value's lock is taken, then released)
    time.sleep(0)  # any pause here (real work would make one) lets another process run
    counter.value = value + 1  # a write (the lock again), over whatever was written meanwhile


def add_without_lock(counter, start_together, times: int) -> None:
    start_together.wait()
    for _ in range(times):
        increment(counter)


def add_with_lock(counter, start_together, times: int) -> None:
    start_together.wait()
    for _ in range(times):
        with counter.get_lock():  # read and write under one lock
            increment(counter)


def run(worker, processes: int, times: int) -> int:
    counter = multiprocessing.Value("i", 0)
    start_together = multiprocessing.Barrier(processes)
    children = [
        multiprocessing.Process(target=worker, args=(counter, start_together, times))
        for _ in range(processes)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return counter.value


def main(processes: int = 4, times: int = 1_000) -> tuple[int, int, int]:
    expected = processes * times
    print(f"{processes} processes x {times:,} increments: expected {expected:,}")
    unlocked = run(add_without_lock, processes, times)
    print(f"without a lock: {unlocked:,} ({expected - unlocked:,} updates lost)")
    locked = run(add_with_lock, processes, times)
    print(f"with get_lock(): {locked:,} ({expected - locked:,} updates lost)")
    return unlocked, locked, expected


if __name__ == "__main__":
    main()
