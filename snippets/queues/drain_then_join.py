"""The fix: get() every result a child will send first, then join() the children."""

import multiprocessing

PAYLOAD = 10 * 1024 * 1024
WORKERS = 3


def send_result(q, worker: int) -> None:
    q.put((worker, bytes([worker]) * PAYLOAD))


def main() -> list[tuple[int, int]]:
    q = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=send_result, args=(q, w)) for w in range(WORKERS)]
    for worker in workers:
        worker.start()
    results = [q.get(timeout=30) for _ in workers]  # drain first: one result per worker
    for worker in workers:
        worker.join()  # then join: every feeder thread has finished writing
    received = sorted((worker, len(data)) for worker, data in results)
    print(f"received (worker, bytes): {received}")
    print(f"exit codes: {[worker.exitcode for worker in workers]}")
    return received


if __name__ == "__main__":
    main()
