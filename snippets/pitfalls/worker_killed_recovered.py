"""The fix: ProcessPoolExecutor reports the broken pool; retry the unfinished tasks one per pool."""

import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def square_or_die(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


def run_tasks(tasks: list[int]) -> dict[int, int]:
    """Results of the tasks that finished before the pool broke, if it did."""
    results = {}
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {x: executor.submit(square_or_die, x) for x in tasks}
        for x, future in futures.items():
            try:
                results[x] = future.result(timeout=30)
            except BrokenProcessPool:
                pass  # this task, or another one, killed a worker
    return results


def main() -> dict[int, object]:
    tasks = list(range(6))
    results: dict[int, object] = dict(run_tasks(tasks))
    unfinished = [x for x in tasks if x not in results]
    print(f"one pool for all: {len(results)} results, pool broken, unfinished {unfinished}")
    for x in unfinished:  # alone in its own pool, a task that kills its worker harms no other
        results.update(run_tasks([x]))
        if x not in results:
            results[x] = "killed its worker"
        print(f"retried {x} alone: {results[x]}")
    results = dict(sorted(results.items()))
    print(f"results: {results}")
    return results


if __name__ == "__main__":
    main()
