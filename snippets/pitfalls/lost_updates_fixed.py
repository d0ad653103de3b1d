"""The fix: hold the Value's own lock around the read-modify-write."""

import multiprocessing

WORKERS = 4
INCREMENTS = 20_000


def add_many(counter, start) -> None:
    start.wait()
    for _ in range(INCREMENTS):
        with counter.get_lock():
            counter.value += 1


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
    print(f"expected {WORKERS * INCREMENTS:,}, counted {counter.value:,}")
    return counter.value


if __name__ == "__main__":
    main()
