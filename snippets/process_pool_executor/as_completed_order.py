"""as_completed() yields each future as it finishes, whatever order they were submitted in."""

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed


def finish_at(name: str, deadline: float) -> str:
    time.sleep(max(0.0, deadline - time.time()))  # finish at a set wall-clock time
    return name


def worker_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def start_workers(executor, count: int) -> None:
    """Wait until `count` workers have run a task, so start-up does not blur the timings."""
    for _ in range(50):
        if len(set(executor.map(worker_pid, [0.1] * count))) == count:
            return


def main() -> list[str]:
    plan = {"slow": 1.2, "medium": 0.7, "fast": 0.2}  # seconds after submission, 0.5 s apart
    with ProcessPoolExecutor(max_workers=3) as executor:
        start_workers(executor, 3)
        now = time.time()
        futures = {
            executor.submit(finish_at, name, now + delay): name for name, delay in plan.items()
        }
        print(f"submitted in this order: {list(futures.values())}")
        order = [future.result() for future in as_completed(futures, timeout=10)]
    print(f"as_completed yielded:    {order}")
    return order


if __name__ == "__main__":
    main()
