"""put() pickles later, in the feeder thread: a change made after put() can be what is sent."""

import multiprocessing

BIG = 4 * 1024 * 1024  # far more than a pipe holds: writing it blocks until someone reads


def read_when_told(q, go, received) -> None:
    go.wait(timeout=10)
    q.get(timeout=10)  # the big item: reading it lets the feeder thread go on
    received.put(q.get(timeout=10))


def send_then_change(send_a_copy: bool) -> list[str]:
    q = multiprocessing.Queue()
    received = multiprocessing.Queue()
    go = multiprocessing.Event()
    consumer = multiprocessing.Process(target=read_when_told, args=(q, go, received))
    consumer.start()
    q.put(b"x" * BIG)  # nobody reads yet: the feeder thread blocks writing this to the pipe
    order = ["milk", "eggs"]
    q.put(list(order) if send_a_copy else order)  # appended to the buffer, not pickled yet
    order.append("changed after put()")
    go.set()  # only now does the consumer read
    arrived = received.get(timeout=10)
    consumer.join()
    q.close()
    q.join_thread()  # the feeder thread is gone before the next consumer starts
    return arrived


def main() -> tuple[list[str], list[str]]:
    mutated = send_then_change(send_a_copy=False)
    print(f"put(order), then order.append(...): the consumer got {mutated}")
    copied = send_then_change(send_a_copy=True)
    print(f"put(list(order)), then order.append(...): the consumer got {copied}")
    return mutated, copied


if __name__ == "__main__":
    main()
