"""An initializer that raises: the Pool replaces each worker that dies in it, for ever."""

import multiprocessing
import time

POOL_SIZE = 2


def connect(started) -> None:
    """Each worker runs this before any task; here the database cannot be reached."""
    with started.get_lock():
        started.value += 1
    time.sleep(0.1)  # a connection attempt takes a while to fail
    raise ConnectionError("database unreachable")


def query(n: int) -> int:
    return n * n


def main() -> tuple[bool, bool]:
    started = multiprocessing.Value("i", 0)  # how many workers have run the initializer
    with multiprocessing.Pool(POOL_SIZE, initializer=connect, initargs=(started,)) as pool:
        pending = pool.apply_async(query, (3,))
        # Wait (30 s at most) until a replacement worker has run the initializer too.
        deadline = time.monotonic() + 30
        while started.value <= POOL_SIZE and time.monotonic() < deadline:
            time.sleep(0.01)
        try:
            pending.get(timeout=0.05)  # without a timeout, this would never return
            outcome = "a result"
        except multiprocessing.TimeoutError:
            outcome = "multiprocessing.TimeoutError"
        ran = pending.ready()
    # Leaving the block called terminate(): it stopped the workers, and the restarts.
    count = started.get_obj().value  # not started.value: a killed worker may hold its lock
    print(f"get(timeout=0.05): {outcome}; the task ran: ready() = {ran}")
    more = count > POOL_SIZE
    print(f"{count} workers started for a pool of {POOL_SIZE}: more than its size: {more}")
    return more, ran


if __name__ == "__main__":
    main()
