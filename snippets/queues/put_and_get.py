"""A child put()s three items; the parent get()s them, then get(timeout=) raises Empty."""

import multiprocessing
import queue  # multiprocessing's queues raise queue.Empty and queue.Full from this module


def produce(q) -> None:
    for word in ["alpha", "beta", "gamma"]:
        q.put(word)


def main() -> tuple[list[str], str]:
    q = multiprocessing.Queue()
    child = multiprocessing.Process(target=produce, args=(q,))
    child.start()
    received = [q.get() for _ in range(3)]  # get() blocks until an item arrives
    print(f"received {received}")
    try:
        q.get(timeout=0.5)
        outcome = "got a fourth item"
    except queue.Empty:
        outcome = "queue.Empty"
    print(f"a fourth get(timeout=0.5) raised {outcome}")
    child.join()
    print(f"child exit code {child.exitcode}")
    return received, outcome


if __name__ == "__main__":
    main()
