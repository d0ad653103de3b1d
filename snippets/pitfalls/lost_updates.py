"""Lost updates: `counter.value += 1` in several processes is a read, then a write: not atomic."""

import multiprocessing
import time

WORKERS = 4
INCREMENTS = 20_000


def add_many(counter, start) -> None:
    start.wait()  # all workers begin together, so their increments really overlap
    for _ in range(INCREMENTS):
        value = counter.value  # counter.value += 1 is this read (under the value's lock) ...
        time.sleep(0)  # ... then any pause (real work makes one) lets another process run ...
        counter.value = value + 1  # ... and this write, over whatever was written meanwhile


def main() -> int:
    counter = multiprocessing.Value("i", 0)
    start = multiprocessing.Event()
    workers = [
        multiprocessing.Process(target=add_many, args=(counter, start)) for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join()
    expected = WORKERS * INCREMENTS
    print(f"expected {expected:,}, counted {counter.value:,}")
    if counter.value != expected:
        raise AssertionError(f"{expected - counter.value:,} of {expected:,} updates were lost")
    return counter.value


if __name__ == "__main__":
    main()
