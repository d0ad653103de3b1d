"""max_tasks_per_child (3.11+): each worker exits after N tasks and a fresh one replaces it."""

import multiprocessing
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor


def worker_pid(_: int) -> int:
    return os.getpid()


def main() -> dict[str, object]:
    # Without mp_context, max_tasks_per_child makes the executor use spawn.
    with ProcessPoolExecutor(max_workers=1, max_tasks_per_child=2) as executor:
        pids = [executor.submit(worker_pid, task).result() for task in range(6)]
    tasks_per_worker = sorted(Counter(pids).values())
    print(f"6 tasks, max_tasks_per_child=2: {len(set(pids))} worker processes")
    print(f"tasks run by each worker: {tasks_per_worker}")

    try:
        ProcessPoolExecutor(
            max_tasks_per_child=2, mp_context=multiprocessing.get_context("fork")
        ).shutdown()
        refused = "accepted"
    except ValueError as error:
        refused = f"ValueError: {error}"
    print(f"with the fork context: {refused}")
    return {"tasks_per_worker": tasks_per_worker, "fork": refused}


if __name__ == "__main__":
    main()
