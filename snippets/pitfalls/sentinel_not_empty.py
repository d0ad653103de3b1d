"""The fix: the producer ends with a sentinel, and the consumer reads until it sees it."""

import multiprocessing
import time

DONE = None


def produce(items) -> None:
    time.sleep(0.2)
    for value in [3, 5, 7]:
        items.put(value)
    items.put(DONE)


def main() -> float:
    items = multiprocessing.Queue()
    producer = multiprocessing.Process(target=produce, args=(items,))
    producer.start()
    received = []
    while (value := items.get(timeout=30)) is not DONE:
        received.append(value)
    producer.join()
    mean = sum(received) / len(received)
    print(f"received {received}, mean {mean}")
    return mean


if __name__ == "__main__":
    main()
