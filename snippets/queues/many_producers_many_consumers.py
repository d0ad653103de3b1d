"""Two producers, two consumers: once the producers are done, one sentinel per consumer."""

import multiprocessing

PRODUCERS = 2
CONSUMERS = 2
ITEMS_PER_PRODUCER = 5
STOP = None


def produce(tasks, producer: int) -> None:
    for n in range(ITEMS_PER_PRODUCER):
        tasks.put(f"p{producer}-{n}")


def consume(tasks, results, consumer: int) -> None:
    while (item := tasks.get()) is not STOP:
        results.put((consumer, item))
    results.put((consumer, STOP))


def main() -> list[str]:
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()
    producers = [multiprocessing.Process(target=produce, args=(tasks, p)) for p in range(PRODUCERS)]
    consumers = [
        multiprocessing.Process(target=consume, args=(tasks, results, c)) for c in range(CONSUMERS)
    ]
    for process in producers + consumers:
        process.start()
    for producer in producers:
        producer.join()  # safe: the consumers are reading, so the producers can finish
    for _ in consumers:
        tasks.put(STOP)

    per_consumer = {c: 0 for c in range(CONSUMERS)}
    items, stopped = [], 0
    while stopped < CONSUMERS:
        consumer, item = results.get()
        if item is STOP:
            stopped += 1
        else:
            items.append(item)
            per_consumer[consumer] += 1
    for consumer in consumers:
        consumer.join()
    print(f"items handled per consumer: {per_consumer}")
    print(f"{len(items)} items, each exactly once: {len(set(items)) == len(items)}")
    return sorted(items)


if __name__ == "__main__":
    main()
