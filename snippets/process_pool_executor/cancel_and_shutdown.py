"""cancel() stops a task that has not started; shutdown(cancel_futures=True) cancels all such."""

import threading
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 8


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def status(future) -> str:
    return "cancelled" if future.cancelled() else "finished"


def main() -> dict[str, list[str]]:
    # One worker: the first task runs, a few more are handed to the worker's queue, the
    # rest wait in the executor, and only those can still be cancelled.
    executor = ProcessPoolExecutor(max_workers=1)
    futures = [executor.submit(nap, 0.3) for _ in range(TASKS)]
    print(f"cancel() on the last, still pending: {futures[-1].cancel()}")
    futures[0].result()
    print(f"cancel() on the first, finished:     {futures[0].cancel()}")

    executor.shutdown(wait=True, cancel_futures=True)  # waits for the running ones only
    statuses = [status(future) for future in futures]
    print("after shutdown(wait=True, cancel_futures=True):")
    print(f"  {statuses}")
    print(f"  finished {statuses.count('finished')}, cancelled {statuses.count('cancelled')}")

    # shutdown(wait=False) returns at once; the submitted work still completes.
    threads_before = set(threading.enumerate())
    executor = ProcessPoolExecutor(max_workers=1)
    running = executor.submit(nap, 0.3)
    executor.shutdown(wait=False)
    print(f"right after shutdown(wait=False): done() = {running.done()}")
    print(f"result() = {running.result()}")
    try:
        executor.submit(nap, 0)
    except RuntimeError as error:
        print(f"submit() after shutdown: RuntimeError: {error}")
    # After shutdown(wait=False) no executor method waits any more (a second shutdown() returns
    # at once): join the threads the executor started, so they end before the program does.
    # Python before 3.12.8 and 3.13.1 can otherwise race them at exit and print "Exception
    # ignored ... OSError: [Errno 9] Bad file descriptor" (CPython gh-125451).
    for thread in set(threading.enumerate()) - threads_before:
        thread.join()
    return {"cancel_futures": statuses, "wait_false": [status(running)]}


if __name__ == "__main__":
    main()
