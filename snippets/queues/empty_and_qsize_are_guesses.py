"""empty() and qsize() are snapshots that can be wrong the moment they return; count instead."""

import multiprocessing
import time

TRIALS = 20
ITEMS = 5


def produce_after_startup(q, started_up) -> None:
    # Stands for any start-up work (loading a model, opening a file...), here lasting until the
    # main process says it is over, so that the loop in main() always runs before the first put().
    started_up.wait(timeout=10)
    for n in range(ITEMS):
        q.put(n)


def queue_size(q) -> str:
    try:
        return str(q.qsize())
    except NotImplementedError:  # macOS: sem_getvalue() is not implemented there
        return "NotImplementedError"


def main() -> dict[str, object]:
    # 1. Right after put(), the item may still be in this process's feeder thread.
    q = multiprocessing.Queue()
    disagreed, sizes = 0, set()
    for _ in range(TRIALS):
        q.put(b"x" * 1_000_000)
        if q.empty():
            disagreed += 1
            sizes.add(queue_size(q))
        q.get(timeout=5)
        time.sleep(0.01)  # let the feeder thread go idle, as between puts in a real program
    print(f"right after put(): empty() said True in {disagreed} of {TRIALS} trials")
    print(f"and qsize() in those trials said: {sorted(sizes)}")

    # 2. The tutorial drain loop stops as soon as the queue looks empty.
    q = multiprocessing.Queue()
    started_up = multiprocessing.Event()
    producer = multiprocessing.Process(target=produce_after_startup, args=(q, started_up))
    producer.start()
    naive = []
    while not q.empty():
        naive.append(q.get())
    print(f"'while not q.empty(): q.get()' got {len(naive)} of {ITEMS} items")
    started_up.set()  # the producer's start-up is over: it puts its items now

    # 3. The pattern to use: receive exactly what you expect (or up to a sentinel).
    counted = [q.get(timeout=10) for _ in range(ITEMS)]
    producer.join()  # after draining: the producer's items are all out of its buffer
    print(f"receiving exactly {ITEMS} items got {counted}")
    q.close()
    return {
        "empty_was_wrong": disagreed > 0,
        "naive_got_all": len(naive) == ITEMS,
        "counted": counted,
    }


if __name__ == "__main__":
    main()
