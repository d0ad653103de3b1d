"""SimpleQueue: put(), get(), empty() and close(), with no feeder thread, maxsize or timeout."""

import multiprocessing


def double(tasks, results) -> None:
    while (n := tasks.get()) is not None:
        results.put(2 * n)


def main() -> list[int]:
    tasks = multiprocessing.SimpleQueue()
    results = multiprocessing.SimpleQueue()
    child = multiprocessing.Process(target=double, args=(tasks, results))
    child.start()
    for n in range(5):
        tasks.put(n)  # writes to the pipe at once, in this thread
    tasks.put(None)
    doubled = [results.get() for _ in range(5)]
    child.join()
    print(f"doubled: {doubled}")
    for name in ("put", "get", "empty", "close", "qsize", "put_nowait", "join_thread"):
        print(f"SimpleQueue has {name}(): {hasattr(tasks, name)}")
    tasks.close()
    results.close()
    return doubled


if __name__ == "__main__":
    main()
