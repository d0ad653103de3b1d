"""Pool(processes, initializer, initargs, maxtasksperchild): set up each worker, recycle it."""

import multiprocessing
import os

multiplier = None  # set in each worker by the initializer


def set_multiplier(value: int) -> None:
    global multiplier
    multiplier = value


def scale(n: int) -> tuple[int, int]:
    return n * multiplier, os.getpid()


def main() -> tuple:
    with multiprocessing.Pool(
        processes=2, initializer=set_multiplier, initargs=(10,), maxtasksperchild=2
    ) as pool:
        pairs = pool.map(scale, range(8), chunksize=1)
    results = [value for value, _ in pairs]
    print(f"results: {results}")
    tasks_by_worker = {}
    for n, (_, pid) in enumerate(pairs):
        tasks_by_worker.setdefault(pid, []).append(n)
    for pid, tasks in tasks_by_worker.items():
        print(f"  worker pid {pid} ran inputs {tasks}")
    most = max(len(tasks) for tasks in tasks_by_worker.values())
    print(f"{len(tasks_by_worker)} worker processes ran the 8 tasks, at most {most} each")
    return results, most <= 2


if __name__ == "__main__":
    main()
