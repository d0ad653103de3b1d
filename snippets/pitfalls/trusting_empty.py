"""Trusting empty(): the consumer stops as soon as the queue looks empty, before items arrive."""

import multiprocessing
import time


def produce(items) -> None:
    time.sleep(0.2)  # the first result takes a moment to compute
    for value in [3, 5, 7]:
        items.put(value)


def main() -> float:
    items = multiprocessing.Queue()
    producer = multiprocessing.Process(target=produce, args=(items,))
    producer.start()
    received = []
    while not items.empty():  # the bug: "empty now" says nothing about what is still coming
        received.append(items.get())
    producer.join()
    print(f"received {received}")
    return sum(received) / len(received)


if __name__ == "__main__":
    main()
