"""A Lock around a read-modify-write on shared memory: no update is lost."""

import multiprocessing
import time

WORKERS = 4
INCREMENTS = 1_000


def increment(counter) -> None:
    """counter.value += 1, its three steps spelled out."""
    value = counter.value  # read
    time.sleep(0)  # any pause here (real work would make one) lets another process run
    counter.value = value + 1  # add, write back: over whatever was written meanwhile


def add_without_lock(counter) -> None:
    for _ in range(INCREMENTS):
        increment(counter)


def add_with_lock(counter, lock) -> None:
    for _ in range(INCREMENTS):
        with lock:  # the three steps as one: no other process can be between them
            increment(counter)


def run(target, *args) -> None:
    workers = [multiprocessing.Process(target=target, args=args) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main() -> tuple[int, int]:
    expected = WORKERS * INCREMENTS
    unlocked = multiprocessing.RawValue("i", 0)  # shared memory with no lock of its own
    run(add_without_lock, unlocked)
    print(f"without a lock: {unlocked.value} of {expected} ({expected - unlocked.value} lost)")

    locked = multiprocessing.RawValue("i", 0)
    lock = multiprocessing.Lock()
    run(add_with_lock, locked, lock)
    print(f"with a lock:    {locked.value} of {expected} ({expected - locked.value} lost)")
    return unlocked.value, locked.value


if __name__ == "__main__":
    main()
