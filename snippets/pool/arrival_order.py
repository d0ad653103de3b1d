"""When each result reaches the parent: map, imap, imap_unordered and apply_async compared."""

import multiprocessing
import time

DURATIONS = [0.5, 0.1, 0.1, 0.15]  # task 0 is slow; tasks 1-3 finish before it


def sleep_then_return(index: int) -> int:
    time.sleep(DURATIONS[index])
    return index


def main() -> dict:
    tasks = range(len(DURATIONS))
    arrivals = {}
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(time.sleep, [0.05, 0.05], chunksize=1)  # warm-up: both workers running

        start = time.perf_counter()
        results = pool.map(sleep_then_return, tasks, chunksize=1)
        returned = time.perf_counter() - start  # map() hands back every result at once
        arrivals["map"] = [(i, returned) for i in results]

        start = time.perf_counter()
        arrivals["imap"] = [
            (i, time.perf_counter() - start) for i in pool.imap(sleep_then_return, tasks)
        ]

        start = time.perf_counter()
        arrivals["imap_unordered"] = [
            (i, time.perf_counter() - start) for i in pool.imap_unordered(sleep_then_return, tasks)
        ]

        start = time.perf_counter()
        arrived = []  # the callback runs in a thread of the parent as each task finishes
        for i in tasks:
            pool.apply_async(
                sleep_then_return,
                (i,),
                callback=lambda i: arrived.append((i, time.perf_counter() - start)),
            )
        pool.close()
        pool.join()  # every task done and every callback run
        arrivals["apply_async"] = arrived

    print(f"task durations: {DURATIONS} s, 2 workers")
    for method, seen in arrivals.items():
        timeline = "  ".join(f"{i}@{seconds:.2f}s" for i, seconds in seen)
        print(f"{method:<15} {timeline}")
    return {method: [i for i, _ in seen] for method, seen in arrivals.items()}


if __name__ == "__main__":
    main()
