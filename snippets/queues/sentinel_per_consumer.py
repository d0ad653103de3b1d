"""One producer, three consumers: one None sentinel per consumer tells each one to stop."""

import multiprocessing
import os

CONSUMERS = 3
STOP = None  # the sentinel: any value that is never a real task


def consume(tasks, results) -> None:
    handled = 0
    while (number := tasks.get()) is not STOP:
        results.put(number * number)
        handled += 1
    results.put(("done", os.getpid(), handled))


def main() -> list[int]:
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    consumers = [
        multiprocessing.Process(target=consume, args=(tasks, results)) for _ in range(CONSUMERS)
    ]
    for consumer in consumers:
        consumer.start()
    for number in range(10):
        tasks.put(number)
    for _ in consumers:
        tasks.put(STOP)  # one each: a consumer that takes it stops taking tasks

    squares, finished, taken = [], 0, 0
    while finished < CONSUMERS:  # read until every consumer has said it is done
        item = results.get()
        if isinstance(item, tuple):
            finished += 1
            taken += item[2]
            print(f"consumer {item[1]} took {item[2]} tasks, then a sentinel")
        else:
            squares.append(item)
    for consumer in consumers:
        consumer.join()
    print(f"{CONSUMERS} consumers took {taken} tasks in all")
    print(f"squares: {sorted(squares)}")
    return sorted(squares)


if __name__ == "__main__":
    main()
