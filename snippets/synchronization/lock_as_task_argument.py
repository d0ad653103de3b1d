"""A Lock reaches pool workers through the initializer; as a task argument it is refused."""

import multiprocessing

worker_lock = None  # set in each worker by the initializer


def keep_lock(lock) -> None:
    global worker_lock
    worker_lock = lock


def locked_square(number: int) -> int:
    with worker_lock:
        return number * number


def square_with(lock, number: int) -> int:
    with lock:
        return number * number


def main() -> tuple[str, list[int]]:
    lock = multiprocessing.Lock()

    # The trap: a Lock pickled into a task, after the workers already exist.
    with multiprocessing.Pool(2) as pool:
        try:
            pool.starmap(square_with, [(lock, 1), (lock, 2)])
            refused = "accepted"
        except RuntimeError as error:
            refused = f"RuntimeError: {error}"
    print(f"as a task argument: {refused}")

    # The fix: hand it to each worker once, when the worker starts. The workers share the
    # lock, so the pool is closed and joined rather than terminated by a with block: a worker
    # terminated while it held the lock would leave it locked for every other process.
    pool = multiprocessing.Pool(2, initializer=keep_lock, initargs=(lock,))
    try:
        squares = pool.map(locked_square, range(6))
    finally:
        pool.close()
        pool.join()
    print(f"through the initializer: {squares}")
    return refused, squares


if __name__ == "__main__":
    main()
