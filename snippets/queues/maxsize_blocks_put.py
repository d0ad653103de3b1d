"""A Queue with maxsize: put() blocks while it is full, or raises queue.Full with a timeout."""

import multiprocessing
import queue
import time


def consume_later(q, delay: float, results) -> None:
    time.sleep(delay)  # the parent's put() waits this long for room
    results.put([q.get() for _ in range(3)])


def main() -> tuple[list[str], list[str], bool]:
    q = multiprocessing.Queue(maxsize=2)
    q.put("a")
    q.put("b")  # the queue now holds maxsize items
    refused = []
    try:
        q.put("c", timeout=0.2)
    except queue.Full:
        refused.append("put(timeout=0.2)")
    try:
        q.put_nowait("c")
    except queue.Full:
        refused.append("put_nowait()")
    print(f"on the full queue, queue.Full from: {refused}")

    results = multiprocessing.Queue()
    delay = 0.5
    consumer = multiprocessing.Process(target=consume_later, args=(q, delay, results))
    started = time.monotonic()
    consumer.start()
    q.put("c")  # blocks until the consumer has taken "a"
    waited = time.monotonic() - started
    blocked_until_room = waited >= delay
    print(f"put('c') blocked until the consumer made room: {blocked_until_room}")
    consumed = results.get()
    consumer.join()
    print(f"the consumer got {consumed}")
    return refused, consumed, blocked_until_room


if __name__ == "__main__":
    main()
