"""close() and join_thread() flush what a process put; cancel_join_thread() lets it exit without."""

import multiprocessing
import time

BIG = 4 * 1024 * 1024  # far more than a pipe holds, so it cannot be flushed without a reader


def put_then_flush(q) -> None:
    for n in range(3):
        q.put(n)
    q.close()  # no more put() from this process
    q.join_thread()  # wait until the feeder thread has written everything to the pipe
    print("child: all 3 items flushed to the pipe")


def put_then_abandon(q) -> None:
    q.cancel_join_thread()  # exit without waiting for the feeder thread
    q.put(b"x" * BIG)
    print("child: put 4 MiB nobody will read, exiting anyway")


def main() -> tuple[list[int], int | None]:
    q = multiprocessing.Queue()
    child = multiprocessing.Process(target=put_then_flush, args=(q,))
    child.start()
    child.join()  # safe here: three small items fit in the pipe's buffer
    items = [q.get(timeout=5) for _ in range(3)]
    print(f"parent got {items}")

    abandoned = multiprocessing.Queue()
    child = multiprocessing.Process(target=put_then_abandon, args=(abandoned,))
    started = time.monotonic()
    child.start()
    child.join(timeout=10)
    print(f"child exited by itself with code {child.exitcode} (alive: {child.is_alive()})")
    print(f"it exited within the timeout: {time.monotonic() - started < 10}")
    # The 4 MiB item is lost, and the pipe may hold part of it: never read from it now.
    abandoned.close()
    q.close()
    return items, child.exitcode


if __name__ == "__main__":
    main()
