"""JoinableQueue: workers call task_done() for each item, and join() waits until all are done."""

import multiprocessing

WORKERS = 2
STOP = None


def work(tasks, results) -> None:
    while True:
        item = tasks.get()
        try:
            if item is STOP:
                return
            results.put(item * 10)
        finally:
            tasks.task_done()  # once per get(), the sentinel included


def main() -> list[int]:
    tasks = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=work, args=(tasks, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for n in range(6):
        tasks.put(n)
    tasks.join()  # returns when task_done() has been called once for every put()
    print("tasks.join() returned: all 6 tasks are done")
    collected = sorted(results.get() for _ in range(6))
    print(f"results: {collected}")

    for _ in workers:
        tasks.put(STOP)
    tasks.join()
    for worker in workers:
        worker.join()
    print(f"worker exit codes: {[worker.exitcode for worker in workers]}")
    return collected


if __name__ == "__main__":
    main()
