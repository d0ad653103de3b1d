"""put() returns before the item is pickled: an item that cannot be pickled is dropped later."""

import multiprocessing
import pickle
import queue
import threading


def consume_one(q, outcome) -> None:
    try:
        outcome.put(f"got {q.get(timeout=1)!r}")
    except queue.Empty:
        outcome.put("raised queue.Empty")


def put_checked(q, item) -> None:
    """Fail here, in the caller, if the feeder thread would fail to pickle the item."""
    pickle.dumps(item)  # raises now; the cost is pickling the item twice
    q.put(item)


def main() -> tuple[str, str, str]:
    q = multiprocessing.Queue()
    outcome = multiprocessing.Queue()
    consumer = multiprocessing.Process(target=consume_one, args=(q, outcome))
    consumer.start()
    lock = threading.Lock()  # cannot be pickled, like an open file or a socket
    q.put(lock)  # returns at once: the feeder thread pickles it later, fails, and drops it
    received = outcome.get(timeout=10)
    consumer.join()
    print("q.put(lock) returned normally")
    print(f"the consumer's get(timeout=1) {received}")

    q.put("next item")  # the feeder thread goes on with the next items
    after = q.get(timeout=10)
    print(f"the next put() arrived: {after!r}")

    try:
        put_checked(q, lock)
        checked = "put_checked(q, lock) returned"
    except TypeError as error:
        checked = f"TypeError: {error}"
    print(f"put_checked(q, lock) raised at the call: {checked}")
    q.close()
    q.join_thread()
    return received, after, checked


if __name__ == "__main__":
    main()
