"""Pool workers and a queue: a Manager().Queue() as a task argument, or a Queue via initargs."""

import multiprocessing

TASKS = 5


def square_into(results, n: int) -> None:
    results.put(n * n)


inherited_results = None  # set in each worker by keep_queue(), when the worker starts


def keep_queue(results) -> None:
    global inherited_results
    inherited_results = results


def square_into_inherited(n: int) -> None:
    inherited_results.put(n * n)


def main() -> tuple[list[int], list[int]]:
    with multiprocessing.Manager() as manager:
        results = manager.Queue()  # a proxy: it pickles, so it can travel with a task
        with multiprocessing.Pool(2) as pool:
            pending = [pool.apply_async(square_into, (results, n)) for n in range(TASKS)]
            for task in pending:
                task.get(timeout=10)
        by_proxy = sorted(results.get(timeout=10) for _ in range(TASKS))
    print(f"a Manager().Queue() passed to apply_async(): {by_proxy}")

    results = multiprocessing.Queue()
    with multiprocessing.Pool(2, initializer=keep_queue, initargs=(results,)) as pool:
        pool.map(square_into_inherited, range(TASKS))
        by_initargs = sorted(results.get(timeout=10) for _ in range(TASKS))  # before the exit
    print(f"a Queue passed once, through initargs: {by_initargs}")
    results.close()
    return by_proxy, by_initargs


if __name__ == "__main__":
    main()
